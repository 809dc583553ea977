"""Labels written inline, for writing and reviewing the corpus by hand.

A labelled number is written ``{{TEXT|SPEC}}``, SPEC being ``CLASS[:KIND][@PROJECT:TRUTH[=TRUE]]``:
CLASS is v (value), p (period), r (reference), o (other) or x (a number word that is not a
number); PROJECT is camb, col or ns; TRUTH is t or f; TRUE is the value the figures give
when TRUTH is f. For example ``{{9.7%|v:percent@camb:t}}``, ``{{Q3 2018/19|p:quarter}}``,
``{{Page 2|r:page}}`` or ``{{one|x}}``.

    python -m tests.data.papers.markup import FILE.marked...   # write NAME.txt + NAME.labels.json
    python -m tests.data.papers.markup export NAME              # print NAME with its labels inline

``export`` then ``import`` round-trips, so a label is corrected by editing the marked text.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from tests.data.papers.corpus import ROOT, CorpusError, Label, Span

_MARK = re.compile(r"\{\{([^{}|]+)\|([^{}]+)\}\}")
_SPEC = re.compile(r"^([vprox])(?::(\w+))?(?:@(\w+):([tf])(?:=(.+))?)?$")
CLASS_CODES = {"v": "value", "p": "period", "r": "reference", "o": "other"}
PROJECT_CODES = {"camb": "cambridgeshire", "col": "city-of-london", "ns": "northshire"}


def parse_markup(marked: str) -> tuple[str, list[Label], list[Span]]:
    """The plain text, its labels and its not-number words from a marked text."""
    out: list[str] = []
    labels: list[Label] = []
    not_numbers: list[Span] = []
    at = 0
    length = 0
    for match in _MARK.finditer(marked):
        out.append(marked[at : match.start()])
        length += match.start() - at
        body, spec = match.group(1), match.group(2).strip()
        found = _SPEC.match(spec)
        if not found:
            raise CorpusError(f"bad label {match.group(0)!r}: expected CLASS[:KIND][@P:T]")
        code, kind, project, truth, true_value = found.groups()
        start, end = length, length + len(body)
        if code == "x":
            not_numbers.append(Span(start, end, body))
        else:
            labels.append(
                Label(
                    start=start,
                    end=end,
                    text=body,
                    cls=CLASS_CODES[code],
                    kind=kind,
                    project=PROJECT_CODES[project] if project else None,
                    truth=None if truth is None else truth == "t",
                    true_value=true_value,
                )
            )
        out.append(body)
        length += len(body)
        at = match.end()
    out.append(marked[at:])
    text = "".join(out)
    if "{{" in text or "}}" in text:
        raise CorpusError("an unclosed or malformed {{...}} label is left in the text")
    return text, labels, not_numbers


def to_markup(text: str, labels: list[Label], not_numbers: list[Span]) -> str:
    """The marked text of ``text`` with its labels inline (the inverse of parse_markup)."""
    marks: list[tuple[int, int, str]] = []
    reverse = {v: k for k, v in PROJECT_CODES.items()}
    for label in labels:
        spec = label.cls[0] + (f":{label.kind}" if label.kind else "")
        if label.project is not None:
            spec += f"@{reverse[label.project]}:{'t' if label.truth else 'f'}"
            if label.true_value is not None:
                spec += f"={label.true_value}"
        marks.append((label.start, label.end, spec))
    marks += [(span.start, span.end, "x") for span in not_numbers]
    out = []
    at = 0
    for start, end, spec in sorted(marks):
        out.append(text[at:start] + "{{" + text[start:end] + "|" + spec + "}}")
        at = end
    out.append(text[at:])
    return "".join(out)


def write_paper(marked_path: Path, root: Path = ROOT) -> Path:
    """Write ``NAME.txt`` and ``NAME.labels.json`` from ``NAME.marked``; return the text path."""
    text, labels, not_numbers = parse_markup(marked_path.read_text(encoding="utf-8"))
    name = marked_path.stem
    (root / f"{name}.txt").write_text(text, encoding="utf-8")
    data = {
        "paper": name,
        "labels": [label.as_dict() for label in labels],
        "not_numbers": [{"start": s.start, "end": s.end, "text": s.text} for s in not_numbers],
    }
    (root / f"{name}.labels.json").write_text(
        json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return root / f"{name}.txt"


def export_paper(name: str, root: Path = ROOT) -> str:
    """The marked text of the corpus paper ``name``."""
    from tests.data.papers.corpus import _label

    text = (root / f"{name}.txt").read_text(encoding="utf-8")
    data = json.loads((root / f"{name}.labels.json").read_text(encoding="utf-8"))
    labels = [_label(raw, name) for raw in data["labels"]]
    spans = [Span(r["start"], r["end"], r["text"]) for r in data.get("not_numbers", [])]
    return to_markup(text, labels, spans)


def main(argv: list[str]) -> int:
    """``import FILE...`` or ``export NAME``."""
    if len(argv) >= 2 and argv[0] == "import":
        for name in argv[1:]:
            print(write_paper(Path(name)))
        return 0
    if len(argv) == 2 and argv[0] == "export":
        sys.stdout.write(export_paper(argv[1]))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
