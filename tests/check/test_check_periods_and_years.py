"""Periods written the short ways tables and summaries write them ("Rolling 12m", "12m to
Dec-18", "the three months", "the second quarter", "Q4" in a memo's subject line), and a
figure that is the one of a year before (or after) the period it was read with: ambiguous,
never contradicted. On projects the rules were not written on (Northshire, the City of
London); every figure comes from the project's figures."""

from __future__ import annotations

from pathlib import Path

from narrator.check import Verdict
from narrator.check.claims.model import new_claim
from narrator.check.text.parse import parse_text
from narrator.check.verdicts.windows import year_apart
from tests.check.conftest import checker_for

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"
MONTH = "2019-11"

MEMO = """Subject: Vehicle crime, Q2 2019/20

Report of: Head of Performance

This report covers the second quarter of 2019/20 and the first half of the year. Thefts
fell for the second quarter running. Rolling 12m: 4,100 against 3,950. We recorded 219
assaults over the three months, and the next meeting is on 3 December, 10am to 12 noon.

Crime type   Sep-19   Sep-18   12m to Sep-19   12m to Sep 18
Thefts       350      330      4,100           3,950
"""


def _classes(root: Path, text: str) -> dict[str, str]:
    report = checker_for(root).check_document(parse_text(text), month=MONTH)
    return {n.text: n.cls for n in report.numbers}


def test_short_periods_of_tables_and_summaries_are_periods() -> None:
    found = _classes(NORTHSHIRE, MEMO)
    for said in (
        "Q2",
        "second quarter",
        "first half",
        "12m",
        "three months",
        "12 noon",
        "12m to Sep-19",
        "12m to Sep 18",
        "Sep-19",
        "Sep-18",
    ):
        assert found.get(said) == "period", (said, found)
    # A run's length is a value, not a period; the figures stay values.
    assert found["second"] == "value"
    assert found["4,100"] == "value"
    assert found["219"] == "value"


def test_a_window_ending_in_a_two_digit_year_is_that_years() -> None:
    report = checker_for(NORTHSHIRE).check_document(
        parse_text("In the 12 months to Sep 18, 24 more thefts were recorded.\n"), month=MONTH
    )
    numbers = {n.text: n.cls for n in report.numbers}
    assert numbers["the 12 months to Sep 18"] == "period"
    assert numbers["24"] == "value"


def _claim(value: float, period: str, period_text: str | None = None) -> object:
    return new_claim(
        kind="figure",
        text=f"{value:,.0f}",
        span=(0, 1),
        sentence="",
        sentence_span=(0, 0),
        paragraph=0,
        measure="thefts",
        area="Upland",
        period=period,
        period_text=period_text,
        value=value,
        unit="count",
        decimals=0,
    )


def test_the_figure_of_a_year_before_is_ambiguous_not_contradicted() -> None:
    levels = checker_for(NORTHSHIRE).levels(MONTH)
    before = levels.value("thefts", "Upland", "R12:2018-11")
    month_before = levels.value("thefts", "Upland", "R12:2019-10")
    assert before is not None and month_before is not None
    got = year_apart(_claim(before, "R12:2019-11", "12 months"), levels, before)  # type: ignore[arg-type]
    assert got is not None and got.verdict == Verdict.AMBIGUOUS
    assert "R12:2018-11" in got.message
    # The month before is the figure of a paper not brought up to date: not excused.
    assert year_apart(_claim(month_before, "R12:2019-11"), levels, month_before) is None  # type: ignore[arg-type]
    # A figure near the year before's, but not it, is not excused either.
    assert year_apart(_claim(before + 7, "R12:2019-11"), levels, before + 7) is None  # type: ignore[arg-type]


def test_the_figure_of_a_year_after_is_excused_only_when_no_year_was_written() -> None:
    levels = checker_for(NORTHSHIRE).levels(MONTH)
    now = levels.value("thefts", "Upland", "2019-11")
    assert now is not None
    unsaid = year_apart(_claim(now, "2018-11", "a year ago"), levels, now)  # type: ignore[arg-type]
    assert unsaid is not None and unsaid.verdict == Verdict.AMBIGUOUS
    # "November 2018" written beside it: the writer dated it, so it stays an error.
    assert year_apart(_claim(now, "2018-11", "November 2018"), levels, now) is None  # type: ignore[arg-type]


def test_a_figure_of_the_previous_twelve_months_is_not_contradicted_in_a_sentence() -> None:
    checker = checker_for(CITY)
    levels = checker.levels(MONTH)
    now = levels.value("crimes_all", "City of London", "R12:2019-11")
    before = levels.value("crimes_all", "City of London", "R12:2018-11")
    assert now is not None and before is not None
    text = (
        f"The force recorded {now:,.0f} crimes in the year to November, against the "
        f"previous 12 months, when there were {before:,.0f}.\n"
    )
    report = checker.check_document(parse_text(text), month=MONTH)
    said = {v.claim.text: v.verdict for v in report.verdicts if v.claim.kind == "figure"}
    assert said[f"{now:,.0f}"] == Verdict.SUPPORTED
    assert said[f"{before:,.0f}"] != Verdict.CONTRADICTED


def _figures(root: Path, text: str) -> dict[str, tuple[str | None, str | None, Verdict]]:
    report = checker_for(root).check_document(parse_text(text), month=MONTH)
    return {
        v.claim.text: (v.claim.area, v.claim.period, v.verdict)
        for v in report.verdicts
        if v.claim.kind == "figure"
    }


def test_a_run_between_two_months_is_held_to_its_months_and_the_same_run_a_year_before() -> None:
    levels = checker_for(NORTHSHIRE).levels(MONTH)
    run = levels.value("thefts", "Upland", "2019-07..2019-09")
    before = levels.value("thefts", "Upland", "2018-07..2018-09")
    assert run is not None and before is not None and run != before
    more, word = (run - before, "more") if run > before else (before - run, "fewer")
    text = (
        f"Between July and September Upland recorded {run:,.0f} vehicle thefts, {more:,.0f} {word} "
        f"than in the same three months of last year.\n"
    )
    got = _figures(NORTHSHIRE, text)
    assert got[f"{run:,.0f}"] == ("Upland", "2019-07..2019-09", Verdict.SUPPORTED)
    assert got[f"{more:,.0f}"][2] == Verdict.SUPPORTED
    # A wrong total of the run is still caught.
    wrong = _figures(NORTHSHIRE, text.replace(f"{run:,.0f}", f"{run + 9:,.0f}", 1))
    assert wrong[f"{run + 9:,.0f}"][2] == Verdict.CONTRADICTED
    # "April and May" alone is two months, each its own.
    apart = _figures(NORTHSHIRE, "In April and May Upland recorded 50 vehicle thefts.\n")
    assert ".." not in str(apart["50"][1])


def test_that_is_points_back_to_the_area_of_the_sentence_before() -> None:
    levels = checker_for(NORTHSHIRE).levels(MONTH)
    now = levels.value("thefts", "Upland", "2019-11")
    then = levels.value("thefts", "Upland", "2019-10")
    assert now is not None and then is not None
    text = (
        f"Upland recorded {now:,.0f} vehicle thefts in November. "
        f"That's set against October's {then:,.0f}.\n"
    )
    got = _figures(NORTHSHIRE, text)
    assert got[f"{then:,.0f}"] == ("Upland", "2019-10", Verdict.SUPPORTED)


def test_a_stretch_of_time_named_as_an_adjective_is_a_period() -> None:
    text = (
        "A six-week operation ran in Upland. The 28-day picture shows 39 thefts, against a "
        "five-year trend that is flat. A 41-year-old man was charged.\n"
    )
    found = _classes(NORTHSHIRE, text)
    assert found["six-week"] == "period"
    assert found["28-day"] == "period"
    assert found["five-year"] == "period"
    assert found["41-year-old"] == "other"
    assert found["39"] == "value"


def test_over_the_rolling_year_is_the_rolling_year_to_the_month() -> None:
    levels = checker_for(NORTHSHIRE).levels(MONTH)
    year = levels.value("assaults", "Northshire", "R12:2019-11")
    before = levels.value("assaults", "Northshire", "R12:2018-11")
    assert year is not None and before is not None
    pct = 100 * (year - before) / before
    text = (
        f"Over the rolling year there were {year:,.0f} assaults, "
        f"{'up' if pct > 0 else 'down'} {abs(pct):.1f}%.\n"
    )
    got = _figures(NORTHSHIRE, text)
    assert got[f"{year:,.0f}"] == ("Northshire", "R12:2019-11", Verdict.SUPPORTED)
    assert got[f"{abs(pct):.1f}%"][2] == Verdict.SUPPORTED


def test_three_months_listed_in_order_are_their_run() -> None:
    levels = checker_for(NORTHSHIRE).levels(MONTH)
    run = levels.value("thefts", "Upland", "2019-07..2019-09")
    assert run is not None
    text = f"Upland recorded {run:.0f} vehicle thefts in July, August and September.\n"
    assert _figures(NORTHSHIRE, text)[f"{run:.0f}"] == (
        "Upland",
        "2019-07..2019-09",
        Verdict.SUPPORTED,
    )
    # Months out of order, or two of them, are each their own.
    apart = _figures(NORTHSHIRE, "Upland recorded 80 vehicle thefts in July, May and June.\n")
    assert ".." not in str(apart["80"][1])
