"""FactSet look-ups: the index behind ``select`` gives what a scan of every fact gives."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrator.facts import Fact, FactSet

KINDS = ("level.month", "change.month", "area.outlier")
MEASURES = ("crimes", "outcomes", "rate")
AREAS = ("Force", "D1", "D2")


def fact(number: int, kind: str, measure: str, area: str) -> Fact:
    return Fact(
        id=f"{number:04d}/{kind}/{measure}/{area}",
        kind=kind,
        measure=measure,
        area=area,
        month="2019-10",
        period="2019-10",
        value=float(number),
        unit="count",
    )


def scan(facts: FactSet, kind: str | None, measure: str | None, area: str | None) -> list[Fact]:
    """``select`` as it was: one pass over every fact."""
    return [
        f
        for f in facts
        if (kind is None or f.kind == kind)
        and (measure is None or f.measure == measure)
        and (area is None or f.area == area)
    ]


FACT_KEYS = st.lists(
    st.tuples(st.sampled_from(KINDS), st.sampled_from(MEASURES), st.sampled_from(AREAS)),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(FACT_KEYS)
def test_select_is_the_scan_for_every_combination(keys: list[tuple[str, str, str]]) -> None:
    facts = FactSet([fact(i, *key) for i, key in enumerate(keys)], "2019-10")
    for kind, measure, area in itertools.product(
        (None, *KINDS, "other"), (None, *MEASURES, "other"), (None, *AREAS, "other")
    ):
        assert facts.select(kind=kind, measure=measure, area=area) == scan(
            facts, kind, measure, area
        )


def test_select_keeps_id_order_and_returns_a_new_list() -> None:
    facts = FactSet(
        [fact(3, "level.month", "rate", "D1"), fact(1, "level.month", "rate", "D1")], "2019-10"
    )
    found = facts.select(measure="rate")
    assert [f.id for f in found] == sorted(f.id for f in found)
    found.clear()
    assert len(facts.select(measure="rate")) == 2
    assert facts.select() == list(facts)


@pytest.mark.parametrize("fields", [{"kind": "x"}, {"measure": "x", "area": "y"}])
def test_select_of_nothing_known_is_empty(fields: dict[str, str]) -> None:
    facts = FactSet([fact(1, "level.month", "rate", "D1")], "2019-10")
    assert facts.select(**fields) == []
