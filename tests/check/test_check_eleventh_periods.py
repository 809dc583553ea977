"""Periods and comparisons the eleventh pass's texts taught the reader, on Northshire and the
City of London (and Cambridgeshire's areas where a test needs a division called "North"):
a month that owns the bracket after it, a column's figure with its own period, two months
joined by "and" as one total, a year by its number in a paper on the year to a month, the
latest year, a rolling year against a year by its number, "(A against B)", the first months
of a year, a run of months said with "from", and a month with its own figure after it. Each
test has a wrong figure beside it that must still be caught, or checks that the right one
is not contradicted."""

from __future__ import annotations

from pathlib import Path

from narrator.check import Verdict
from narrator.check.text.parse import parse_text
from tests.check.conftest import checker_for, level, verdicts_by_text, whole

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"
CAMBS = ROOT / "samples" / "cambridgeshire"
CITY_AREA = "City of London"

_verdicts = verdicts_by_text
_n = whole


def test_a_month_owns_the_bare_bracket_after_it() -> None:
    month = "2019-02"
    feb = level(NORTHSHIRE, "assaults", "Northshire", month, month)
    jan = level(NORTHSHIRE, "assaults", "Northshire", "2019-01", month)
    text = f"Assaults rose to {_n(feb)} after a quiet January ({_n(jan)}).\n"
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[_n(feb)][2] != "2019-01"
    assert found[_n(feb)][3] != Verdict.CONTRADICTED
    assert found[_n(jan)][2:] == ("2019-01", Verdict.SUPPORTED)


def test_a_columns_second_figure_keeps_its_own_period() -> None:
    month = "2019-02"
    now = level(CITY, "outcome_rate_charged", CITY_AREA, month, month)
    before = level(CITY, "outcome_rate_charged", CITY_AREA, "2018-02", month)
    text = (
        "NUMBERS THIS MONTH\n\n"
        f"Charge/summons rate .......... {now:.1f}%   {before:.1f}% in Feb 2018\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[f"{before:.1f}%"][2:] == ("2018-02", Verdict.SUPPORTED)
    assert found[f"{now:.1f}%"][2] != "2018-02"
    assert found[f"{now:.1f}%"][3] != Verdict.CONTRADICTED


def test_two_months_joined_by_and_are_one_total_when_the_text_says_so() -> None:
    month = "2019-02"
    both = level(CITY, "crimes_shoplifting", CITY_AREA, "2019-01..2019-02", month)
    before = level(CITY, "crimes_shoplifting", CITY_AREA, "2018-01..2018-02", month)
    text = (
        f"So far this year there were {_n(both)} shoplifting offences in January and "
        f"February, against {_n(before)} in the same two months of 2018.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(both)][2:] == ("2019-01..2019-02", Verdict.SUPPORTED)
    assert found[_n(before)][2:] == ("2018-01..2018-02", Verdict.SUPPORTED)
    wrong = _verdicts(CITY, text.replace(_n(both), _n(both + 9)), month)
    assert wrong[_n(both + 9)][3] == Verdict.CONTRADICTED


def test_a_year_by_its_number_may_mean_the_year_to_the_papers_month() -> None:
    month = "2019-07"
    district = "East Cambridgeshire"
    year_to_july = level(CAMBS, "vwi_crimes", district, "R12:2016-07", month)
    calendar = level(CAMBS, "vwi_crimes", district, "CY:2016", month)
    assert year_to_july != calendar
    text = (
        f"{district} in five years\n\nViolence with injury in {district} dipped to "
        f"{_n(year_to_july)} offences in 2016.\n"
    )
    found = _verdicts(CAMBS, text, month)
    assert found[_n(year_to_july)][3] == Verdict.AMBIGUOUS
    # Neither the year to July nor the calendar year: still wrong.
    odd = _n(max(year_to_july, calendar) + 40)
    assert _verdicts(CAMBS, text.replace(_n(year_to_july), odd), month)[odd][3] == (
        Verdict.CONTRADICTED
    )


def test_the_latest_year_against_a_year_by_its_number() -> None:
    month = "2019-05"
    latest = level(CAMBS, "arrests", "Fenland", "R12:2019-05", month)
    then = level(CAMBS, "arrests", "Fenland", "R12:2017-05", month)
    fewer = then - latest
    assert fewer > 0
    text = (
        f"Fenland made {_n(latest)} arrests in the latest year, {_n(fewer)} fewer than in 2017.\n"
    )
    found = _verdicts(CAMBS, text, month)
    assert found[_n(latest)][2:] == ("R12:2019-05", Verdict.SUPPORTED)
    assert found[_n(fewer)][3] == Verdict.SUPPORTED
    wrong = _verdicts(CAMBS, text.replace(f"{_n(fewer)} fewer", f"{_n(fewer + 30)} fewer"), month)
    assert wrong[_n(fewer + 30)][3] == Verdict.CONTRADICTED


def test_a_bracket_of_a_figure_against_another_puts_the_current_one_first() -> None:
    month = "2019-12"
    dec = level(CITY, "crimes_all", CITY_AREA, month, month)
    nov = level(CITY, "crimes_all", CITY_AREA, "2019-11", month)
    dec_ago = level(CITY, "crimes_all", CITY_AREA, "2018-12", month)
    quieter = "quieter" if dec < nov else "busier"
    higher = "higher" if dec > dec_ago else "lower"
    text = (
        f"Recorded crime in December was {quieter} than November ({_n(dec)} against "
        f"{_n(nov)}). December's recorded crime was also {higher} than last year ({_n(dec)} "
        f"against {_n(dec_ago)}).\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    assert not report.contradictions
    periods = {(v.claim.text, v.claim.period) for v in report.verdicts}
    assert {(_n(dec), "2019-12"), (_n(nov), "2019-11"), (_n(dec_ago), "2018-12")} <= periods


def test_the_first_months_of_the_year_and_a_run_said_with_from() -> None:
    month = "2018-06"
    first = level(CITY, "crimes_theft_from_the_person", CITY_AREA, "2018-01..2018-03", month)
    spring = level(CITY, "crimes_theft_from_the_person", CITY_AREA, "2018-04..2018-06", month)
    text = (
        f"Theft from the person went from {_n(first)} offences in the first three months "
        f"of the year to {_n(spring)} between April and June.\n\n"
        f"From April to June 2018 there were {_n(spring)} thefts from the person.\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    assert not report.contradictions
    periods = {(v.claim.text, v.claim.period) for v in report.verdicts if v.claim.kind == "figure"}
    assert (_n(first), "2018-01..2018-03") in periods
    assert (_n(spring), "2018-04..2018-06") in periods


def test_a_month_with_its_own_figure_after_it_is_not_the_figure_befores() -> None:
    month = "2019-12"
    oct_, nov, dec = (
        level(CITY, "crimes_shoplifting", CITY_AREA, m, month)
        for m in ("2019-10", "2019-11", "2019-12")
    )
    text = f"Shoplifting by month: October {_n(oct_)}, November {_n(nov)}, December {_n(dec)}.\n"
    found = _verdicts(CITY, text, month)
    assert found[_n(oct_)][2:] == ("2019-10", Verdict.SUPPORTED)
    assert found[_n(nov)][2:] == ("2019-11", Verdict.SUPPORTED)


def test_a_run_of_months_changes_against_the_same_months_a_year_before() -> None:
    month = "2019-09"
    now = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2019-01..2019-09", month)
    before = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2018-01..2018-09", month)
    assert now != before
    word, other = ("an increase", "a decrease") if now > before else ("a decrease", "an increase")
    more = "more" if now > before else "fewer"
    text = (
        f"Bicycle thefts between January and September came to {_n(now)}, "
        f"{_n(abs(now - before))} {more} than in the same months of 2018, {word}.\n"
    )
    said = word.split()[-1]
    found = _verdicts(CITY, text, month)
    assert found[said][2:] == ("2019-01..2019-09", Verdict.SUPPORTED)
    assert _verdicts(CITY, text.replace(word, other), month)[other.split()[-1]][3] == (
        Verdict.CONTRADICTED
    )


def test_a_per_cent_in_brackets_after_a_period_with_its_own_figure_is_no_ones_figure() -> None:
    month = "2019-02"
    now = level(NORTHSHIRE, "assaults", "Northshire", month, month)
    jan = level(NORTHSHIRE, "assaults", "Northshire", "2019-01", month)
    ago = level(NORTHSHIRE, "assaults", "Northshire", "2018-02", month)
    change = 100 * (now - ago) / ago
    text = (
        f"There were {_n(now)} assaults in February, up from {_n(jan)} in January and "
        f"{_n(ago)} in February 2018 ({change:.1f}%).\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[f"{change:.1f}%"][3] != Verdict.CONTRADICTED
    assert found[_n(ago)][2:] == ("2018-02", Verdict.SUPPORTED)
