"""Content selection: which facts each paragraph states, grouped into sentence messages.

A message is one sentence to realise: a phrasebank template, the facts it states and the
values the template needs. Rules (see :mod:`narrator.draft.rules`) turn the facts of a
paragraph's measures into messages; the planner keeps the most salient ones, in the
paragraph's order, and never states a fact twice unless the outline asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from narrator.areas import Area
from narrator.catalogue import Measure
from narrator.draft.outline import ParagraphSpec
from narrator.facts import Fact, FactSet
from narrator.language.lexicon import Lexicon
from narrator.project import Project


@dataclass
class Message:
    """One sentence to write: its template, the facts it states and its template values."""

    template: str
    facts: list[Fact]
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def fact_ids(self) -> list[str]:
        """Ids of the facts the sentence states, in a stable order."""
        return sorted({f.id for f in self.facts})

    @property
    def salience(self) -> float:
        """The salience of the most salient fact stated."""
        return max((f.salience for f in self.facts), default=0.0)


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

    def stable(self, fact: Fact) -> bool:
        """A change too small to word as a move: not significant, or below the first word."""
        if fact.significant is not None:
            return not fact.significant
        scale = "points" if fact.unit == "percent" else "percent"
        size = fact.change if fact.unit == "percent" else fact.change_pct
        limits = self.lexicon.thresholds(scale)
        return size is None or abs(size) < (limits[1][0] if len(limits) > 1 else 0.0)


Rule = Callable[[Planning, Measure, str, ParagraphSpec], Iterable[Message]]


def plan_paragraph(
    planning: Planning,
    spec: ParagraphSpec,
    rules: Mapping[str, Rule],
    defaults: Mapping[str, tuple[str, ...]],
) -> list[Message]:
    """The messages of one generated paragraph, in order, most salient kept."""
    area = spec.area or planning.project.areas.root.name
    messages: list[Message] = []
    first = planning.measure(spec.measures[0])
    names = spec.say or defaults[first.kind.value]
    for entry in names:
        # "rule" speaks of every measure of the paragraph; "rule:measure" of one.
        name, _, only = entry.partition(":")
        rule = rules[name]
        chosen = [only] if only else list(spec.measures)
        # A rule marked multi words all the paragraph's measures in one sentence.
        targets = (
            [planning.measure(chosen[0])]
            if getattr(rule, "multi", False)
            else [planning.measure(m) for m in chosen]
        )
        for measure in targets:
            for message in rule(planning, measure, area, spec):
                fresh = [f for f in message.facts if f.id not in planning.said]
                if not spec.repeat and not fresh:
                    continue
                messages.append(message)
    if len(messages) > spec.max_sentences:
        keep = sorted(messages, key=lambda m: -m.salience)[: spec.max_sentences]
        messages = [m for m in messages if m in keep]
    for message in messages:
        planning.said.update(message.fact_ids)
    return messages
