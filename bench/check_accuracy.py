"""Benchmark: how well ``narrator check`` reads the numbers of real-style papers.

Usage: ``python bench/check_accuracy.py [--split development|validation|all] [--json FILE]
[--command] [--rules-only]``. Checks every text of the labelled corpus
(``tests/data/papers/``) with its project and month, as ``narrator check --format json``
does (through the Python API, or the command itself with ``--command``; ``--rules-only``
leaves out the learned second reading of values, to measure what it adds), and scores the
report against the hand labels:

- per class (value, period, reference, other): recall (labels whose overlapping reported
  numbers all have the label's class) and precision (reported numbers of a class that
  overlap a label of that class); value recall and precision are the value row, period and
  reference classification accuracy the recall of those rows;
- value kinds: of the values read as values, the share whose kind matches the label;
- false contradictions: contradicted claims on numbers labelled true, on numbers the project
  cannot check (another force, England and Wales, a measure it lacks) or on numbers that are
  not values, over the report's data claims; and the share of deliberately false values
  that were contradicted;
- false internal findings per 10 texts: findings that touch neither a false value nor a
  fault written into the text on purpose.

The report's ``numbers`` list (span, class, kind, claim) is used when present; otherwise the
claims stand in for it (figures, streaks and outliers as values, cross-references as
references, dates as periods), so numbers the checker ignores count as unread. Figures go
to docs/check-accuracy.md; nothing here is a test.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.data.papers.corpus import CLASSES, SPLITS, Label, Paper, load_corpus

#: Claim kinds that assert something about the figures (the denominator of the rate).
DATA_KINDS = frozenset({"figure", "direction", "streak", "outlier"})
_CLAIM_CLASS = {
    "figure": "value",
    "streak": "value",
    "outlier": "value",
    "xref": "reference",
    "date": "period",
}
_UNIT_KIND = {
    "percent": "percent",
    "per cent": "percent",
    "%": "percent",
    "count": "count",
    "pp": "pp",
    "percentage points": "pp",
    "money": "money",
    "rank": "rank",
    "rate": "rate",
}


@dataclass(frozen=True)
class Number:
    """One number as the report gives it."""

    start: int
    end: int
    cls: str
    kind: str | None = None
    claim: int | None = None


@dataclass
class Tally:
    """Counts for one split; every rate is derived from these."""

    texts: int = 0
    labels: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    recalled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    precise: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    kinds_compared: int = 0
    kinds_right: int = 0
    data_claims: int = 0
    contradicted: int = 0
    false_contradictions: int = 0
    false_values: int = 0
    false_values_caught: int = 0
    findings: int = 0
    false_findings: int = 0

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name, value in vars(other).items():
            if isinstance(value, dict):
                mine = getattr(self, name)
                for key, count in value.items():
                    mine[key] = mine.get(key, 0) + count
            else:
                setattr(self, name, getattr(self, name) + value)


def numbers_of(report: dict[str, Any]) -> list[Number]:
    """The report's numbers: its ``numbers`` list, or numbers inferred from its claims."""
    if "numbers" in report:
        return [
            Number(int(n["start"]), int(n["end"]), str(n["class"]), n.get("kind"), n.get("claim"))
            for n in report["numbers"]
        ]
    out = []
    for index, verdict in enumerate(report.get("verdicts", [])):
        claim = verdict.get("claim", {})
        cls = _CLAIM_CLASS.get(str(claim.get("kind")))
        start, end = verdict["span"]
        if cls is None and claim.get("kind") == "direction":
            text = str(verdict.get("text", ""))
            cls = "value" if any(ch.isdigit() for ch in text) else None
        if cls is None:
            continue
        kind = _UNIT_KIND.get(str(claim.get("unit"))) if cls == "value" else None
        out.append(Number(int(start), int(end), cls, kind, index))
    return out


def _overlapping(labels: Iterable[Label], start: int, end: int) -> list[Label]:
    return [label for label in labels if label.overlaps(start, end)]


def score_numbers(paper: Paper, numbers: Sequence[Number], tally: Tally) -> None:
    """Recall, precision and kind accuracy of the numbers of one paper."""
    for label in paper.labels:
        tally.labels[label.cls] += 1
        hits = [n for n in numbers if label.overlaps(n.start, n.end)]
        if hits and all(n.cls == label.cls for n in hits):
            tally.recalled[label.cls] += 1
            kinds = [n.kind for n in hits if n.kind is not None]
            if label.cls == "value" and kinds and label.kind is not None:
                tally.kinds_compared += 1
                tally.kinds_right += label.kind in kinds
    for number in numbers:
        if number.cls not in tally.predicted:
            continue
        over = _overlapping(paper.labels, number.start, number.end)
        if (
            not over
            and number.cls != "value"
            and any(s.start < number.end and number.start < s.end for s in paper.not_numbers)
        ):
            continue  # a number word read as structure: neither right nor wrong
        tally.predicted[number.cls] += 1
        tally.precise[number.cls] += any(label.cls == number.cls for label in over)


def contradiction_is_false(paper: Paper, verdict: dict[str, Any]) -> bool | None:
    """True when a contradicted claim is a false alarm, False when it is right, None unknown."""
    start, end = verdict["span"]
    over = _overlapping(paper.labels, start, end)
    if over:
        values = [label for label in over if label.cls == "value"]
        return not any(label.truth is False for label in values)
    if paper.about is None:
        return True
    claim = verdict.get("claim", {})
    s_start, s_end = claim.get("sentence_span") or (start, end)
    values = [label for label in _overlapping(paper.values(), s_start, s_end)]
    if any(label.truth is False for label in values):
        return False
    return True if values else None


def score_verdicts(paper: Paper, report: dict[str, Any], tally: Tally) -> None:
    """False contradictions, false values caught, and false internal findings of one paper."""
    verdicts = report.get("verdicts", [])
    contradicted = []
    for verdict in verdicts:
        if verdict.get("claim", {}).get("kind") in DATA_KINDS:
            tally.data_claims += 1
        if verdict.get("verdict") == "contradicted":
            tally.contradicted += 1
            contradicted.append(verdict["span"])
            tally.false_contradictions += contradiction_is_false(paper, verdict) is True
    for label in paper.values():
        if label.truth is False:
            tally.false_values += 1
            tally.false_values_caught += any(label.overlaps(s, e) for s, e in contradicted)
    wrong = [label for label in paper.values() if label.truth is False]
    for finding in report.get("findings", []):
        start, end = finding["span"]
        tally.findings += 1
        # A sum that does not add up is right when any figure in it is a wrong one.
        spans = [(start, end), *(tuple(s) for s in finding.get("data", {}).get("figures", []))]
        planted = any(f.start < e and s < f.end for f in paper.faults for s, e in spans)
        tally.false_findings += not planted and not any(_overlapping(wrong, s, e) for s, e in spans)


def score_paper(paper: Paper, report: dict[str, Any]) -> Tally:
    """Every count for one paper and its report."""
    tally = Tally(texts=1)
    score_numbers(paper, numbers_of(report), tally)
    score_verdicts(paper, report, tally)
    return tally


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def summary(tally: Tally) -> dict[str, Any]:
    """The rates of a tally, ready for JSON and for the table."""
    classes = {
        cls: {
            "labels": tally.labels[cls],
            "recall": _ratio(tally.recalled[cls], tally.labels[cls]),
            "reported": tally.predicted[cls],
            "precision": _ratio(tally.precise[cls], tally.predicted[cls]),
        }
        for cls in CLASSES
    }
    return {
        "texts": tally.texts,
        "classes": classes,
        "value_recall": classes["value"]["recall"],
        "value_precision": classes["value"]["precision"],
        "period_accuracy": classes["period"]["recall"],
        "reference_accuracy": classes["reference"]["recall"],
        "value_kind_accuracy": _ratio(tally.kinds_right, tally.kinds_compared),
        "data_claims": tally.data_claims,
        "contradicted": tally.contradicted,
        "false_contradictions": tally.false_contradictions,
        "false_contradiction_rate": _ratio(tally.false_contradictions, tally.data_claims),
        "false_values_caught": _ratio(tally.false_values_caught, tally.false_values),
        "internal_findings": tally.findings,
        "false_internal_findings_per_10_texts": (
            round(10 * tally.false_findings / tally.texts, 2) if tally.texts else None
        ),
    }


@functools.cache
def _checker(project_dir: Path) -> Any:
    """One checker per project of the corpus: its reader is built once for all its papers."""
    from narrator.check import Checker
    from narrator.project import load_project

    return Checker.for_project(load_project(project_dir))


def check_report(paper: Paper, *, command: bool) -> dict[str, Any]:
    """The JSON report of ``narrator check`` on one paper."""
    if command:
        done = subprocess.run(
            [
                "narrator",
                "check",
                str(paper.path),
                "--month",
                paper.month,
                "--project",
                str(paper.project_dir),
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 2:
            raise SystemExit(f"{paper.name}: narrator check failed: {done.stderr.strip()}")
        return dict(json.loads(done.stdout))
    report = _checker(paper.project_dir).check_paper(paper.path, month=paper.month)
    return dict(json.loads(json.dumps(report.as_dict())))


@contextlib.contextmanager
def rules_only(on: bool) -> Iterator[None]:
    """While on, the checker keeps the rules' reading of every value: no value is doubtful
    enough for the learned second reading to take it back."""
    import narrator.check.number_model as number_model

    kept = number_model.DOUBT
    if on:
        number_model.DOUBT = 0.0
    try:
        yield
    finally:
        number_model.DOUBT = kept


def _row(name: str, value: object) -> str:
    shown = "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
    return f"  {name:<42} {shown:>8}"


def print_table(results: dict[str, dict[str, Any]]) -> None:
    """The scores of each split as a plain table."""
    for split, result in results.items():
        print(f"{split} ({result['texts']} texts)")
        print(f"  {'class':<12} {'labels':>7} {'recall':>8} {'reported':>9} {'precision':>10}")
        for cls, row in result["classes"].items():
            recall = "-" if row["recall"] is None else f"{row['recall']:.3f}"
            precision = "-" if row["precision"] is None else f"{row['precision']:.3f}"
            print(
                f"  {cls:<12} {row['labels']:>7} {recall:>8} {row['reported']:>9} {precision:>10}"
            )
        for key in (
            "value_kind_accuracy",
            "data_claims",
            "contradicted",
            "false_contradictions",
            "false_contradiction_rate",
            "false_values_caught",
            "internal_findings",
            "false_internal_findings_per_10_texts",
        ):
            print(_row(key.replace("_", " "), result[key]))
        print()


def main(argv: Sequence[str] | None = None) -> int:
    """Check the corpus, print the scores, optionally write them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--json", type=Path, help="write the scores (and per-text counts) here")
    parser.add_argument("--command", action="store_true", help="run the narrator command")
    parser.add_argument(
        "--rules-only",
        action="store_true",
        help="score the rules alone, without the learned second reading of values",
    )
    args = parser.parse_args(argv)
    if args.rules_only and args.command:
        parser.error("--rules-only works through the Python API, not with --command")
    splits = list(SPLITS) if args.split == "all" else [args.split]
    results: dict[str, dict[str, Any]] = {}
    per_text: dict[str, dict[str, Any]] = {}
    with rules_only(args.rules_only):
        for split in splits:
            total = Tally()
            for paper in load_corpus(split=split):
                tally = score_paper(paper, check_report(paper, command=args.command))
                per_text[paper.name] = summary(tally)
                total.add(tally)
            results[split] = summary(total)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps({"splits": results, "texts": per_text}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
