"""Facts: typed comparison results, each with its numbers, method, sources and salience."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from narrator.language.periods import Month


@dataclass(frozen=True)
class Fact:
    """One thing the figures say, with everything needed to word it and to trace it.

    ``kind`` names the fact type, a :class:`narrator.facts.kinds.FactKind` for every fact the
    engine makes, and ``detail`` holds that kind's typed record
    (:func:`narrator.facts.kinds.detail_of`); ``direction`` is a
    :class:`narrator.language.directions.Direction`. ``period`` and ``reference_period`` are
    the labels of :class:`narrator.language.periods.Period` ("2019-10", "R12:2019-10",
    "FY:2018", "CY:2019", "YTD:2019-10"...), so that words are chosen by the phrasebank, never
    here, and the JSON stays plain text. (The annotations stay ``str``: the checker makes
    facts of its own from text.)
    """

    id: str
    kind: str
    measure: str
    area: str
    month: str
    period: str
    value: float
    unit: str
    reference: float | None = None
    reference_period: str | None = None
    change: float | None = None
    change_pct: float | None = None
    direction: str | None = None
    significant: bool | None = None
    method: str = ""
    statistic: Mapping[str, float] = field(default_factory=dict)
    detail: Mapping[str, Any] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    salience: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (NaN and numpy scalars already excluded by the engine)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "measure": self.measure,
            "area": self.area,
            "month": self.month,
            "period": self.period,
            "value": self.value,
            "unit": self.unit,
            "reference": self.reference,
            "reference_period": self.reference_period,
            "change": self.change,
            "change_pct": self.change_pct,
            "direction": self.direction,
            "significant": self.significant,
            "method": self.method,
            "statistic": dict(self.statistic),
            "detail": dict(self.detail),
            "sources": list(self.sources),
            "salience": self.salience,
        }


class FactSet:
    """The facts of one month, sorted by id, with lookups by id and by key.

    Ids are unique (a duplicate is a fault of the engine and raises ``ValueError``), so the
    order is a total one: the same figures give the same facts in the same order. The engine
    makes them almost in id order already, which the sort takes in one pass.
    """

    def __init__(self, facts: Iterable[Fact], month: Month | str) -> None:
        #: The reporting month as a value; ``month`` is its "YYYY-MM", as facts and JSON
        #: write it.
        self.reporting_month = Month.of(month)
        self.month = self.reporting_month.iso
        self._facts = sorted(facts, key=attrgetter("id"))
        self._by_id = {f.id: f for f in self._facts}
        if len(self._by_id) != len(self._facts):
            ids = [f.id for f in self._facts]
            twice = sorted({a for a, b in itertools.pairwise(ids) if a == b})
            raise ValueError(f"{len(twice)} fact ids are not unique, for example {twice[:3]}")
        by_key: dict[tuple[str, str, str], list[Fact]] = {}
        for fact in self._facts:
            key = (fact.kind, fact.measure, fact.area)
            found = by_key.get(key)
            if found is None:
                by_key[key] = [fact]
            else:
                found.append(fact)
        self._by_key = by_key
        #: Indexes for :meth:`select`, by which of (kind, measure, area) are asked for;
        #: built on first use, as most sets are never selected from by most combinations.
        self._select_index: dict[tuple[bool, bool, bool], dict[tuple[str, ...], list[Fact]]] = {}

    def __iter__(self) -> Iterator[Fact]:
        return iter(self._facts)

    def __len__(self) -> int:
        return len(self._facts)

    def __getitem__(self, fact_id: str) -> Fact:
        return self._by_id[fact_id]

    def __contains__(self, fact_id: object) -> bool:
        return fact_id in self._by_id

    def get(self, kind: str, measure: str, area: str) -> Fact | None:
        """The first fact of a kind for one measure and area, or None."""
        found = self._by_key.get((kind, measure, area))
        return found[0] if found else None

    def all(self, kind: str, measure: str, area: str) -> list[Fact]:
        """Every fact of a kind for one measure and area (several reference periods)."""
        return list(self._by_key.get((kind, measure, area), []))

    def select(
        self,
        *,
        kind: str | None = None,
        measure: str | None = None,
        area: str | None = None,
    ) -> list[Fact]:
        """Facts filtered by any of kind, measure and area, in id order (a new list).

        A dict lookup: the facts are indexed by the fields asked for, once per combination
        of fields (the checker and the drafter select thousands of times from one set).
        """
        fields = (kind is not None, measure is not None, area is not None)
        if not any(fields):
            return list(self._facts)
        index = self._select_index.get(fields)
        if index is None:
            index = self._select_index[fields] = self._index_by(fields)
        key = tuple(v for v in (kind, measure, area) if v is not None)
        return list(index.get(key, ()))

    def _index_by(self, fields: tuple[bool, bool, bool]) -> dict[tuple[str, ...], list[Fact]]:
        """The facts grouped by the fields chosen (of kind, measure, area), each group in id
        order: one pass over the facts, which are in id order."""
        get = attrgetter(*(name for name, on in zip(_SELECT_FIELDS, fields, strict=True) if on))
        single = sum(fields) == 1
        index: dict[tuple[str, ...], list[Fact]] = {}
        for fact in self._facts:
            value = get(fact)
            key = (value,) if single else value
            found = index.get(key)
            if found is None:
                index[key] = [fact]
            else:
                found.append(fact)
        return index


#: The fields :meth:`FactSet.select` filters by, in the order of its index keys.
_SELECT_FIELDS = ("kind", "measure", "area")
