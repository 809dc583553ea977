"""Content selection: which facts each paragraph states, grouped into sentence messages.

A message is one sentence to realise: a phrasebank template, the facts it states and the
values the template needs. Rules (see :mod:`narrator.draft.rules`) turn the facts of a
paragraph's measures into messages; the planner (:mod:`narrator.draft.paper`) keeps the
most salient ones and never states a fact twice unless the outline asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from narrator.areas import Area
from narrator.catalogue import Measure
from narrator.draft.classes import measure_class
from narrator.draft.outline import ParagraphSpec
from narrator.facts import Fact, FactSet
from narrator.language.lexicon import Lexicon
from narrator.project import Project

#: Fact kinds whose direction is a reading of their subject ("increased", "stable").
DIRECTIONAL = frozenset(
    {
        "change.month",
        "change.year",
        "change.rolling_month",
        "change.rolling_year",
        "change.financial_year",
        "change.year_to_date",
        "change.average",
        "benchmark.long_term",
        "benchmark.year_end",
        "xmr.signal",
        "streak.rolling",
        "streak.month",
        "record",
    }
)


@dataclass
class Message:
    """One sentence to write: its template, the facts it states and its template values.

    ``flat`` holds the facts the sentence words as no change ("remained stable",
    "consistent with"), whatever their own direction; ``context`` the facts it quotes only
    for a figure ("to 2,846"), which another sentence may state as news. ``contrast`` is set
    by the planner when the sentence reads against what the paper said before of the same
    figure; the realiser then opens it with the word that reconciles the two.
    """

    template: str
    facts: list[Fact]
    values: dict[str, Any] = field(default_factory=dict)
    flat: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    rule: str = ""
    contrast: bool = False

    @property
    def fact_ids(self) -> list[str]:
        """Ids of the facts the sentence states, in a stable order."""
        return sorted({f.id for f in self.facts})

    @property
    def primary(self) -> list[Fact]:
        """The facts the sentence states as news (not only quoted for a figure)."""
        return [f for f in self.facts if f.id not in self.context]

    @property
    def salience(self) -> float:
        """The salience of the most salient fact stated."""
        return max((f.salience for f in self.facts), default=0.0)

    def readings(self) -> dict[str, str]:
        """How the sentence reads each fact that has a direction: "up", "down" or "flat"."""
        found: dict[str, str] = {}
        for fact in self.primary:
            if fact.kind not in DIRECTIONAL or fact.direction not in ("up", "down", "flat"):
                continue
            found[fact.id] = "flat" if fact.id in self.flat else str(fact.direction)
        return found


@dataclass
class Planning:
    """What the rules may consult: the facts, the project, and what was already said."""

    facts: FactSet
    project: Project
    lexicon: Lexicon
    said: set[str] = field(default_factory=set)

    def fact(self, kind: str, measure: str, area: str, **detail: Any) -> Fact | None:
        """The fact of a kind for one measure and area whose detail matches, if any."""
        for found in self.facts.all(kind, measure, area):
            if all(found.detail.get(k) == v for k, v in detail.items()):
                return found
        return None

    def require(self, *facts: Fact | None) -> list[Fact] | None:
        """All the facts, or None when one is missing (a comparison without data)."""
        if any(f is None for f in facts):
            return None
        return [f for f in facts if f is not None]

    def children(self, area: str) -> list[Area]:
        """The areas directly under ``area``."""
        return self.project.areas.children(area)

    def measure(self, measure_id: str) -> Measure:
        """A measure of the catalogue."""
        return self.project.catalogue[measure_id]

    def measure_class(self, measure: Measure) -> str:
        """The measure's class: count, ratio, share or snapshot."""
        return measure_class(self.project.catalogue, measure)

    def stable(self, fact: Fact) -> bool:
        """A change too small to word as a move: not significant, or below the first word."""
        if fact.significant is not None:
            return not fact.significant
        scale = "points" if fact.unit == "percent" else "percent"
        size = fact.change if fact.unit == "percent" else fact.change_pct
        limits = self.lexicon.thresholds(scale)
        return size is None or abs(size) < (limits[1][0] if len(limits) > 1 else 0.0)


Rule = Callable[[Planning, Measure, str, ParagraphSpec], Iterable[Message]]

#: What an outline paragraph says (or adds to its rules) to let the planner choose.
AUTO = "auto"


def is_auto(spec: ParagraphSpec) -> bool:
    """True when the planner chooses what the paragraph says (no rules, or ``auto``)."""
    return not spec.say or AUTO in spec.say
