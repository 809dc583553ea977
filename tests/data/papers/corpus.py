"""The labelled corpus of papers: texts in the styles of real police papers, every number labelled.

Each paper is ``NAME.txt`` (the text, UTF-8, exactly as the checker reads it) beside
``NAME.labels.json`` (every number in it, by character span) and an entry in
``manifest.toml`` (the style it imitates, the project and month to check it with, its
split). The classes follow issue 14:

- ``value``: a figure the text asserts (kind: count, percent, pp, rate, rank, money, other);
  for a value, ``project`` names the project it can be checked against (or is None) and
  ``truth`` says whether the figures bear it out (None when not checkable);
- ``period``: dates, months, years, financial years, quarters, relative periods, times;
- ``reference``: pages, slides, figures, tables, appendices, sections, paragraph labels,
  versions, telephone numbers, contents lines, agenda items;
- ``other``: rate bases, scales, group labels, codes, ages, thresholds.

``not_numbers`` are number words that are not numbers ("one of the", "first of all");
``faults`` are internal faults written into a text on purpose (quoted, with their kind).
Only the standard library is used, so the benchmark can load the corpus anywhere.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parents[2]

CLASSES = ("value", "period", "reference", "other")
VALUE_KINDS = ("count", "percent", "pp", "rate", "rank", "money", "other")
KINDS: dict[str, tuple[str, ...]] = {
    "value": VALUE_KINDS,
    "period": (
        "date",
        "month",
        "year",
        "fy",
        "quarter",
        "relative",
        "time",
        "range",
        "window",
    ),
    "reference": (
        "page",
        "slide",
        "figure",
        "table",
        "appendix",
        "section",
        "paragraph",
        "version",
        "phone",
        "contents",
        "agenda",
        "item",
        "footnote",
    ),
    "other": ("rate_base", "scale", "group", "code", "age", "threshold", "address", "measure"),
}
#: The projects a value can be checked against: name -> folder, relative to the repository.
PROJECTS = {
    "cambridgeshire": "samples/cambridgeshire",
    "city-of-london": "samples/city-of-london",
    "northshire": "tests/projects/northshire",
}
SPLITS = ("development", "validation")

#: Number words every text must label (as a number, or as not a number).
NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "half",
    "twice",
    "double",
    "treble",
    "dozen",
]
_TOKEN = re.compile(r"\d+|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


class CorpusError(ValueError):
    """A corpus file is malformed: the message names the file and what is wrong."""


@dataclass(frozen=True)
class Label:
    """One labelled number: its span in the text, its class and, for values, its truth."""

    start: int
    end: int
    text: str
    cls: str
    kind: str | None = None
    project: str | None = None
    truth: bool | None = None
    true_value: str | None = None

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares a character with this label."""
        return start < self.end and self.start < end

    def as_dict(self) -> dict[str, object]:
        """The label as stored in ``NAME.labels.json``."""
        out: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "class": self.cls,
            "kind": self.kind,
        }
        if self.cls == "value":
            out["project"] = self.project
            out["truth"] = self.truth
            if self.true_value is not None:
                out["true_value"] = self.true_value
        return out


@dataclass(frozen=True)
class Span:
    """A quoted stretch of a text: a word that is not a number, or a planted fault."""

    start: int
    end: int
    text: str
    kind: str | None = None


@dataclass(frozen=True)
class Paper:
    """One corpus text with its labels and its manifest entry."""

    name: str
    path: Path
    text: str
    labels: tuple[Label, ...]
    not_numbers: tuple[Span, ...]
    faults: tuple[Span, ...]
    split: str
    month: str
    check_project: str
    about: str | None
    organisation: str
    document_type: str
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def project_dir(self) -> Path:
        """The folder of the project the paper is checked with."""
        return REPO / PROJECTS[self.check_project]

    def values(self) -> Iterator[Label]:
        """The value labels."""
        return (label for label in self.labels if label.cls == "value")


def number_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Every digit run and number word of ``text``: the tokens a label must cover."""
    for match in _TOKEN.finditer(text):
        yield match.start(), match.end(), match.group()


def _label(raw: dict[str, object], where: str) -> Label:
    cls = raw.get("class")
    if cls not in CLASSES:
        raise CorpusError(f"{where}: class {cls!r} is not one of {', '.join(CLASSES)}")
    kind = raw.get("kind")
    if kind is not None and kind not in KINDS[str(cls)]:
        raise CorpusError(f"{where}: kind {kind!r} is not a kind of {cls}")
    project = raw.get("project")
    if project is not None and project not in PROJECTS:
        raise CorpusError(f"{where}: project {project!r} is not one of {', '.join(PROJECTS)}")
    truth = raw.get("truth")
    if cls == "value" and (project is None) != (truth is None):
        raise CorpusError(f"{where}: a value has a truth exactly when it has a project")
    true_value = raw.get("true_value")
    return Label(
        start=int(str(raw["start"])),
        end=int(str(raw["end"])),
        text=str(raw["text"]),
        cls=str(cls),
        kind=None if kind is None else str(kind),
        project=None if project is None else str(project),
        truth=None if truth is None else bool(truth),
        true_value=None if true_value is None else str(true_value),
    )


def _quoted(text: str, quote: str, where: str) -> tuple[int, int]:
    start = text.find(quote)
    if start < 0 or text.find(quote, start + 1) >= 0:
        raise CorpusError(f"{where}: {quote!r} must occur exactly once in the text")
    return start, start + len(quote)


def load_paper(path: Path, entry: dict[str, object]) -> Paper:
    """Read ``NAME.txt`` and ``NAME.labels.json`` with the paper's manifest entry."""
    text = path.read_text(encoding="utf-8")
    labels_path = path.with_suffix(".labels.json")
    data = json.loads(labels_path.read_text(encoding="utf-8"))
    labels = tuple(
        _label(raw, f"{labels_path.name} label {i}") for i, raw in enumerate(data["labels"])
    )
    not_numbers = tuple(
        Span(int(raw["start"]), int(raw["end"]), str(raw["text"]))
        for raw in data.get("not_numbers", [])
    )
    faults = []
    for raw in entry.get("faults", []):  # type: ignore[attr-defined]
        start, end = _quoted(text, str(raw["quote"]), f"manifest.toml [{path.stem}]")
        faults.append(Span(start, end, str(raw["quote"]), str(raw["kind"])))
    return Paper(
        name=path.stem,
        path=path,
        text=text,
        labels=labels,
        not_numbers=not_numbers,
        faults=tuple(faults),
        split=str(entry["split"]),
        month=str(entry["month"]),
        check_project=str(entry["check_project"]),
        about=None if entry.get("about") is None else str(entry["about"]),
        organisation=str(entry["organisation"]),
        document_type=str(entry["document_type"]),
        meta=dict(entry),
    )


def load_manifest(root: Path = ROOT) -> dict[str, dict[str, object]]:
    """The manifest: paper name -> its entry."""
    data = tomllib.loads((root / "manifest.toml").read_text(encoding="utf-8"))
    return {str(k): dict(v) for k, v in data["papers"].items()}


def load_corpus(root: Path = ROOT, split: str | None = None) -> list[Paper]:
    """Every paper of the corpus (or of one split), in name order."""
    manifest = load_manifest(root)
    papers = []
    for name in sorted(manifest):
        path = root / f"{name}.txt"
        if not path.exists():
            raise CorpusError(f"manifest.toml names {name}, but {path.name} is missing")
        paper = load_paper(path, manifest[name])
        if split is None or paper.split == split:
            papers.append(paper)
    return papers
