"""Levels: figures of any period read from the figures, and the verdicts that use them.

The expected values come from the fact engine (an independent computation over panels), so
these tests hold the checker's direct reading of the figures to the engine's.
"""

from __future__ import annotations

import calendar

import pytest

from narrator import months
from narrator.api import load, load_facts
from narrator.check import Verdict
from narrator.check.text.parse import parse_text
from narrator.check.verdicts.levels import Levels
from narrator.project import load_project
from tests.check.conftest import checker_for

MONTH = "2019-04"


@pytest.fixture(scope="module")
def levels() -> Levels:
    _, figures = load(None)
    return Levels(figures, through=MONTH)


@pytest.fixture(scope="module")
def facts():  # type: ignore[no-untyped-def]
    return load_facts(None, MONTH).facts


def _name(month: str) -> str:
    return calendar.month_name[int(month[5:])]


def test_every_level_and_change_of_the_engine_is_read_back(levels: Levels, facts) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for fact in facts:
        if not fact.kind.startswith(("level", "change.", "snapshot.")):
            continue
        for period, value in ((fact.period, fact.value), (fact.reference_period, fact.reference)):
            if value is None or period is None or period.startswith(("AVG", "LT")):
                continue
            got = levels.value(fact.measure, fact.area, period)
            # The engine keeps six decimals.
            assert got == pytest.approx(value, abs=1e-5), (fact.id, period)
            checked += 1
    assert checked > 1000


def test_a_comparison_is_tested_as_the_engine_tests_a_change(levels: Levels, facts) -> None:  # type: ignore[no-untyped-def]
    kinds = ("change.month", "change.rolling_month", "change.rolling_year", "change.year")
    compared = 0
    for fact in facts:
        if fact.kind not in kinds:
            continue
        got = levels.compare(fact.measure, fact.area, fact.period, fact.reference_period)
        assert got is not None
        assert (got.direction, got.significant) == (fact.direction, fact.significant), fact.id
        compared += 1
    assert compared > 500


def test_periods_after_the_reporting_month_have_no_figure(levels: Levels) -> None:
    after = months.iso(months.parse(MONTH) + 1)
    assert levels.value("crimes_all", "Cambridgeshire", after) is None
    assert levels.value("crimes_all", "Cambridgeshire", f"R12:{after}") is None
    # The current calendar year is the year to date.
    year = MONTH[:4]
    assert levels.value("crimes_all", "Cambridgeshire", f"CY:{year}") == levels.value(
        "crimes_all", "Cambridgeshire", f"CY:{year}:{MONTH}"
    )
    assert levels.value("crimes_all", "Cambridgeshire", "R12:garbage") is None
    assert levels.value("no_such_measure", "Cambridgeshire", MONTH) is None


def _verdicts(text: str):  # type: ignore[no-untyped-def]
    report = checker_for(None).check_document(parse_text(text), month=MONTH)
    return [(v.claim.text, v.verdict, v.message) for v in report.verdicts]


def test_a_figure_said_of_another_month_is_contradicted(facts) -> None:  # type: ignore[no-untyped-def]
    level = facts.get("level", "arrests", "Cambridgeshire")
    previous = months.iso(months.parse(MONTH) - 1)
    right = f"4.1.1 There were {level.value:,.0f} people arrested in {_name(MONTH)}."
    wrong = f"4.1.1 There were {level.value:,.0f} people arrested in {_name(previous)}."
    assert (f"{level.value:,.0f}", Verdict.SUPPORTED) in [(t, v) for t, v, _ in _verdicts(right)]
    found = [(t, v, m) for t, v, m in _verdicts(wrong) if t == f"{level.value:,.0f}"]
    assert found and found[0][1] == Verdict.CONTRADICTED
    assert previous in found[0][2]


def test_a_reference_figure_is_held_to_its_own_period(facts) -> None:  # type: ignore[no-untyped-def]
    change = facts.get("change.rolling_year", "ss_weapons", "Cambridgeshire")
    now, then = months.parse(MONTH), months.parse(MONTH) - 12
    said = (
        f"4.1.1 {change.value:,.0f} stop searches for offensive weapons were recorded in the "
        f"12 months ending {months.label(now)}; this compares to {change.reference:,.0f} in "
        f"the 12 months to {months.label(then)}."
    )
    assert all(v == Verdict.SUPPORTED for _, v, _ in _verdicts(said))
    wrong = said.replace(f"to {months.label(then)}", f"to {months.label(then - 12)}")
    verdicts = {t: v for t, v, _ in _verdicts(wrong)}
    assert verdicts[f"{change.reference:,.0f}"] == Verdict.CONTRADICTED


def test_a_direction_against_a_named_month_is_measured(levels: Levels) -> None:
    now = months.parse(MONTH)
    compared = None
    for back in range(2, 14):
        month = months.iso(now - back)
        found = levels.compare("arrests", "Cambridgeshire", MONTH, month)
        assert found is not None
        if found.direction in ("up", "down"):
            compared = found
            break
    assert compared is not None
    word = {"up": "higher", "down": "lower"}[compared.direction]
    other = {"higher": "lower", "lower": "higher"}[word]
    sentence = "4.1.1 The number of people arrested was {} than the {} figure."
    label = months.label(now - back)
    right = _verdicts(sentence.format(word, label))
    wrong = _verdicts(sentence.format(other, label))
    assert (word, Verdict.SUPPORTED) in [(t, v) for t, v, _ in right]
    assert (other, Verdict.CONTRADICTED) in [(t, v) for t, v, _ in wrong]


def test_the_calendar_year_to_date_must_end_in_the_reporting_month(facts) -> None:  # type: ignore[no-untyped-def]
    fact = next(f for f in facts.select(kind="calendar.year_to_date") if f.direction == "up")
    area = fact.area
    measure = load_project(None).catalogue.measures[fact.measure].label
    year = MONTH[:4]
    text = (
        f"5.1.1 {measure[:1].upper()}{measure[1:]} remain high. {area} has also seen "
        f"higher levels in {year} (to the end of {{}}) than in any of the last five years."
    )
    right = _verdicts(text.format(_name(MONTH)))
    previous = months.iso(months.parse(MONTH) - 1)
    wrong = _verdicts(text.format(_name(previous)))
    assert ("higher", Verdict.SUPPORTED) in [(t, v) for t, v, _ in right]
    assert ("higher", Verdict.CONTRADICTED) in [(t, v) for t, v, _ in wrong]
