"""The pieces a sentence is read into: entities, measure mentions, comparison targets,
direction words and the periods it names, and the sentence itself as the phases of the
claim reader see it."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from narrator.check.tokens.doc import marks_of
from narrator.check.tokens.marks import Mark


@dataclass(slots=True)
class Item:
    """An entity or lexicon phrase of a sentence, in Doc character offsets."""

    start: int
    end: int
    label: str
    key: str
    text: str
    mark: Mark | None = None
    used: bool = False


@dataclass(slots=True)
class Mention:
    """Measure names that belong together ("the 12 month prosecution possible outcome rate
    for dwelling burglary offences") and the words they add up to."""

    start: int
    end: int
    words: frozenset[str]
    text: str
    head: str | None = None
    rolling: bool = False


@dataclass(frozen=True)
class Context:
    """What a sentence leaves to the next one: measure words, measure, period and area."""

    words: frozenset[str] = frozenset()
    measure: str | None = None
    text: str | None = None
    period: str | None = None
    rolling: bool = False
    source: str = "heading"
    heading: str | None = None
    seen: tuple[str, ...] = ()
    #: The one area other than the force's the sentence's figures were of, for "the
    #: district's" or "its" in the next sentence.
    area: str | None = None
    #: The one area below the force the sentences so far in the paragraph named, when they
    #: named exactly one: what a sentence that names none goes on about.
    only_area: str | None = None


@dataclass(slots=True)
class Target:
    """What a direction is compared with."""

    start: int
    end: int
    key: str
    text: str
    period: str | None = None
    area: str | None = None
    words: frozenset[str] = frozenset()
    used: bool = False


@dataclass(slots=True)
class DirectionWord:
    """A word that says a direction ("fell") or a judgement ("improved"), with the magnitude,
    significance and comparisons that go with it."""

    start: int
    end: int
    direction: str | None
    judgement: str | None
    text: str
    magnitude: str | None = None
    significant: bool | None = None
    targets: list[Target] = field(default_factory=list)
    taken: bool = False


def collect_items(
    doc: Any,
    text: str,
    ents: Sequence[tuple[int, int, str, str]],
    lexicon: Sequence[tuple[int, int, str, str]],
) -> list[Item]:
    """The entities and lexicon phrases of a sentence as items, in text order."""
    marks = marks_of(doc)
    items = [Item(s, e, label, key, text[s:e], marks.get((s, e))) for s, e, label, key in ents]
    items.extend(Item(s, e, "LEX", key, text[s:e]) for s, e, _, key in lexicon)
    items.sort(key=lambda i: (i.start, i.end))
    return items


class Named(NamedTuple):
    """A period a sentence names: where, its label ("R12:2019-10"), its text, and its kind
    ("month", "rolling", "rolling-marker", "discrete", "day", "fy", "year", "ytd")."""

    start: int
    end: int
    label: str
    text: str
    kind: str


@dataclass(slots=True)
class Sentence:
    """One sentence being read: where it is in its chunk's text, its entities and lexicon
    phrases in order, where its clauses start, the context the sentence before left, and
    what the phases of the reader find in it."""

    text: str
    start: int
    end: int
    items: list[Item]
    breaks: list[int]
    context: Context
    mentions: list[Mention] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    directions: list[DirectionWord] = field(default_factory=list)
    periods: list[Named] = field(default_factory=list)
    #: The areas named that are not what something is compared with.
    areas: list[Item] = field(default_factory=list)
    #: "both areas", "Fenland and Peterborough both have": the areas each claim is of.
    multi: list[str] = field(default_factory=list)
    #: Whether each clause (by index) says a proportion and speaks of the future.
    clause_flags: dict[int, tuple[bool, bool]] = field(default_factory=dict)

    @property
    def string(self) -> str:
        """The sentence's own text."""
        return self.text[self.start : self.end]

    @property
    def lowered(self) -> str:
        """The sentence's own text in lower case (for quick tests of its words)."""
        return self.text[self.start : self.end].lower()

    @property
    def subject(self) -> Mention | None:
        """The first measure the sentence names: what "the rate" after it means."""
        return self.mentions[0] if self.mentions else None

    def clause_of(self, pos: int) -> int:
        """The clause (0, 1, ...) that character ``pos`` of the chunk's text is in."""
        return bisect.bisect_right(self.breaks, pos) - 1

    def clause_end(self, index: int) -> int:
        """Where clause ``index`` ends."""
        return self.breaks[index + 1] if index + 1 < len(self.breaks) else self.end

    def base(self) -> dict[str, Any]:
        """The fields every claim of the sentence has."""
        return {"sentence": self.string, "sentence_span": (self.start, self.end), "paragraph": 0}
