"""narrator's own drafts read back by its checker, sentence by sentence, with each sentence's
sidecar facts (the facts the writer stated in it) as the ground truth.

A claim in a sentence narrator wrote must be supported, and read as the writer meant it:
the facts that support it (or, failing those, the claim's own measure and area) must be of
a measure and area the sentence's facts are about.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator import months
from narrator.check import Checker, CheckReport, ClaimVerdict, Verdict
from narrator.draft.document import Draft, Sentence

ROOT = Path(__file__).resolve().parents[2]


def projects() -> list[Path]:
    """Every bundled and test project: each folder with a ``narrator.toml`` under
    ``samples/`` and ``tests/projects/``."""
    found = [*ROOT.glob("samples/*/narrator.toml"), *ROOT.glob("tests/projects/*/narrator.toml")]
    return sorted(p.parent for p in found)


def draft_months(checker: Checker) -> list[str]:
    """Every month of the project's figures (a draft of each is written and checked)."""
    figures = checker.figures
    return [months.iso(m) for m in range(figures.first, figures.last + 1)]


@dataclass(frozen=True)
class Placed:
    """A sentence narrator wrote and where it is in the checked text."""

    start: int
    end: int
    sentence: Sentence


def placed_sentences(draft: Draft, report: CheckReport) -> list[Placed]:
    """Every generated sentence of ``draft`` with its span in the report's document (the
    draft's Markdown, as ``narrator draft`` writes it)."""
    numbered = {p.number: p for p in report.document.paragraphs if p.number}
    placed = []
    for paragraph in draft.paragraphs():
        if not paragraph.generated or not paragraph.sentences:
            continue
        read = numbered[paragraph.number]
        assert read.text == paragraph.body, f"{paragraph.number} is not read as written"
        at = 0
        for sentence in paragraph.sentences:
            start, end = read.span(at, at + len(sentence.text))
            placed.append(Placed(start, end, sentence))
            at += len(sentence.text) + 1
    return placed


def stated(sentence: Sentence, facts: Mapping[str, Mapping[str, Any]]) -> set[tuple[str, str]]:
    """The (measure, area) pairs the sentence's facts are about: each fact's own, the
    measures of the parts of a share shift and the areas below an area variation."""
    pairs: set[tuple[str, str]] = set()
    for fact_id in sentence.facts:
        fact = facts[fact_id]
        measure, area = str(fact["measure"]), str(fact["area"])
        pairs.add((measure, area))
        detail = fact.get("detail") or {}
        for part in detail.get("parts", ()) or ():
            if isinstance(part, Mapping) and "measure" in part:
                pairs.add((str(part["measure"]), area))
        for child in detail.get("children", ()) or ():
            if isinstance(child, Mapping) and "area" in child:
                pairs.add((measure, str(child["area"])))
    return pairs


def _evidence_pairs(verdict: ClaimVerdict) -> set[tuple[str, str]]:
    """The (measure, area) of each fact or figure cell a verdict rests on (fact ids and
    cells are ``kind/measure/area/...``)."""
    pairs = set()
    for evidence in verdict.evidence:
        parts = evidence.split("/")
        if len(parts) >= 3:
            pairs.add((parts[1], parts[2]))
    return pairs


#: Readings the checker does not yet make of sentences the writer writes, left not
#: checkable (never contradicted or ambiguous): a streak whose sentence calls the measure
#: only "the 12 month total" after a figure of the rolling year, a control limit of a
#: month's figure named only as "February's figure", a trend's size a year.
KNOWN_GAPS = ("the sentence names no measure narrator knows", "the text names no period")


def misreadings(draft: Draft, report: CheckReport) -> Iterator[str]:
    """Every claim in a sentence narrator wrote that is not supported, or is supported by
    the figures of something the sentence does not state; and every fault of the text."""
    placed = placed_sentences(draft, report)
    for verdict in report.verdicts:
        claim = verdict.claim
        home = next((p for p in placed if p.start <= claim.span[0] < p.end), None)
        if home is None:
            continue  # a hand-written paragraph
        where = f"{draft.month} {claim.section}: {claim.text!r} in {home.sentence.text!r}"
        if verdict.verdict is Verdict.NOT_CHECKABLE and any(
            gap in verdict.message for gap in KNOWN_GAPS
        ):
            continue
        if verdict.verdict is not Verdict.SUPPORTED:
            yield f"{where}: {verdict.verdict}: {verdict.message}"
            continue
        truth = stated(home.sentence, draft.facts)
        own = (claim.measure or "", claim.area or "")
        if not (_evidence_pairs(verdict) & truth) and own not in truth:
            yield (
                f"{where}: read as {own}, supported by {list(verdict.evidence)}; "
                f"the sentence states {sorted(truth)}"
            )
    for finding in report.findings:
        yield f"{draft.month}: {finding.kind}: {finding.message}"
