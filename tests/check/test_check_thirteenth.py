"""What the thirteenth pass's texts taught the reader, on Northshire, the City of London and
Cambridgeshire: times of the 24-hour clock by a weekday, a range or an event; numbered
periods of a year; a defendant's age; a presenter's cards and a licence's conditions; a
number to ring by its extension; a list of paragraphs of another document; a day counted in
its month; dot-leader lines a month names; the start of a series; a count "since" a date;
and who answers for an item. Each number that is no figure has a figure beside it that must
stay one, and each claim a wrong figure that must still be caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.check import Verdict
from narrator.check.tokens.scanner import scan
from tests.check.conftest import checker_for, level, verdicts_by_text, whole

from .test_check_eleventh_places import CAMBS, CITY, CITY_AREA, NORTHSHIRE

_n = whole


def _marks(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.label) for m in scan(text)]


def _classes(root: Path, text: str, month: str) -> dict[str, str]:
    report = checker_for(root).check_text(text, month=month)
    return {n.text: n.cls for n in report.numbers}


@pytest.mark.parametrize(
    ("text", "said", "label"),
    [
        # the 24-hour clock by the weekday after it, a range of it, an event it names
        ("FILED:     1612 Thursday July 18 2019", "1612", "TIME"),
        ("Broadcast:  Tuesday 8 March 2016, 0810-0900", "0810-0900", "TIME"),
        ("Worth a line in the 1300 bulletin.", "1300", "TIME"),
        # a numbered period of the year, in capitals, in the plural, counted in its year
        ("PERFORMANCE TO PERIOD 4 (JULY 2018)", "PERIOD 4", "QUARTER"),
        ("Across Periods 1 to 4 there were 276 assaults.", "Periods 1 to 4", "QUARTER"),
        ("April 2016 (month 1 of 2016/17), extracted on 5 May", "month 1", "QUARTER"),
        # a defendant's age between the name and the address
        ("LIAM FARROW, 23, of Tanners Row, Highcross, admitted theft.", "23", "AGE"),
        ("DANIEL HOYLE, 19, of no fixed address, admitted two thefts.", "19", "AGE"),
        # a presenter's card and a licence's condition
        ("CARD 2 OF 5 - OUT OF VISION", "2", "REF"),
        ("as required by Condition 11 of the licence", "11", "REF"),
        # a number to ring by its extension
        ("Head of Performance (101 ext 2563)", "101", "PHONE"),
        ("or to me on 101, extension 4471.", "101", "PHONE"),
        # each of a list of paragraphs of another document
        ("and paragraphs 91 and 127 of the National Planning Policy Framework", "91", "REF"),
        # a table's "v": the period after the second figure is its own (see the claim test)
        # a target's figure however written, a bound or a step a rule sets, a band of pay
        ("Emergency attendance 88.6% (target 90%) AMBER", "90%", "THRESHOLD"),
        ("Target: a reduction of 15% by 31 March 2021.", "15%", "THRESHOLD"),
        ("Officers whose salary is £150,000 or more are named.", "£150,000", "THRESHOLD"),
        ("(Maximum 500 words)", "500", "THRESHOLD"),
        ("pay was £50,000 or more, in bands of £5,000:", "£5,000", "SCALE"),
        ("£50,000 - £54,999                       41          37", "£50,000 - £54,999", "GROUP"),
        # a window of hours or days in capitals, of calendar years; a numbered month
        ("1. DEMAND - LAST 24 HOURS", "LAST 24 HOURS", "PERIOD"),
        ("in each of the last two calendar years", "last two calendar years", "PERIOD"),
        ("Position at:   Month 6 (30 September 2016)", "Month 6", "QUARTER"),
        # a time after "by", "at" or "around", at a phrase's end
        ("Can you put that in a one-pager by 1200, same format?", "1200", "TIME"),
        ("Silver review at 1100.", "1100", "TIME"),
        ("The wait peaked at 14 min around 2330.", "2330", "TIME"),
    ],
)
def test_a_number_that_is_no_figure(text: str, said: str, label: str) -> None:
    assert (said, label) in _marks(text)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Burglary rose from 1600 to 2100 over the year.", "2100"),
        ("There were 1612 crimes in the year to March.", "1612"),
        ("In Fenland, 23, of which 5 were burglaries, were solved.", "23"),
        ("Vehicle thefts fell to 412 in the period.", "412"),
        ("Call 0800-555-1111 now; 55 calls came in May.", "55"),
        ("The 1300 thefts were the most since May.", "1300"),
        ("Crime rose to 1,200 by 1200 crimes.", "1,200"),
        ("Thefts fell to 1200, the lowest since May.", "1200"),
        ("We made 500 arrests, up 20% on last year.", "500"),
    ],
)
def test_a_figure_beside_them_stays_a_figure(text: str, said: str) -> None:
    assert (said, "COUNT") in _marks(text)


def test_a_sum_of_money_stays_money() -> None:
    assert ("£54,000", "MONEY") in _marks("Spending was £54,000 or £55,000 in May.")


def test_a_number_to_ring_keeps_its_shape() -> None:
    assert ("0800-555-1111", "PHONE") in _marks("Call 0800-555-1111 now.")


def test_a_day_counted_in_its_month_is_a_period() -> None:
    text = (
        "The figures refresh on the third Friday of each month and are taken on the fifth "
        "working day after it. Fellgate ranked third of the six districts with 84 thefts.\n"
    )
    found = checker_for(NORTHSHIRE).check_text(text, month="2017-01").numbers
    classes = [(n.text, n.cls) for n in found]
    assert ("third", "period") in classes
    assert ("fifth", "period") in classes
    # a rank stays a rank
    assert [n.kind for n in found if n.text == "third" and n.cls == "value"] == ["rank"]


def test_dot_leader_lines_a_month_names_are_figures() -> None:
    month = "2017-01"
    now = level(NORTHSHIRE, "thefts", "Fellgate", month, month)
    before = level(NORTHSHIRE, "thefts", "Fellgate", "2016-12", month)
    # the figures rise down the list, as a contents list's pages would
    low, high = sorted((now, before))
    first, second = ("January", "December") if now == low else ("December", "January")
    text = (
        f"Fellgate thefts\n  {first} ........................ {_n(low)}\n"
        f"  {second} ........................ {_n(high)}\n\n"
        "Contents\nIntroduction ........ 3\nPerformance ......... 5\n"
    )
    classes = _classes(NORTHSHIRE, text, month)
    assert classes[_n(low)] == classes[_n(high)] == "value"
    assert classes["3"] == classes["5"] == "reference"


def test_the_start_of_a_series_is_not_the_figures_month() -> None:
    month = "2015-04"
    rate = level(CAMBS, "ppo_rate_all", "Huntingdonshire", month, month)
    force = level(CAMBS, "ppo_rate_all", "Cambridgeshire", month, month)
    # a summary in a box, as a cover sheet prints it
    text = (
        "| SUMMARY\n"
        "| The year closed with 54,295 crimes, 123 above April 2014. The concern is outcomes:\n"
        f"| the April PPO rate of {force:.1f}% is the lowest monthly rate since the\n"
        f"| series began in April 2014, and Huntingdonshire ({rate:.1f}%) was the weakest.\n"
    )
    found = verdicts_by_text(CAMBS, text, month)
    assert found[f"{rate:.1f}%"][2:] == ("2015-04", Verdict.SUPPORTED)
    off = f"{rate + 2.4:.1f}%"
    wrong = verdicts_by_text(CAMBS, text.replace(f"{rate:.1f}%", off), month)
    assert wrong[off][2:] == ("2015-04", Verdict.CONTRADICTED)


def test_a_count_since_a_date_is_the_months_since() -> None:
    month = "2019-01"
    fytd = level(CITY, "crimes_all", CITY_AREA, "YTD:2019-01", month)
    rolling = level(CITY, "crimes_all", CITY_AREA, "R12:2019-01", month)
    text = f"{_n(rolling)} crimes in the 12 months to January; {_n(fytd)} since 1 April.\n"
    found = verdicts_by_text(CITY, text, month)
    assert found[_n(fytd)][3] == Verdict.SUPPORTED
    off = _n(fytd + 90)
    wrong = verdicts_by_text(CITY, text.replace(f"; {_n(fytd)} ", f"; {off} "), month)
    assert wrong[off][3] == Verdict.CONTRADICTED


def test_a_tables_v_leaves_the_period_after_it_to_the_second_figure() -> None:
    month = "2016-09"
    now = level(NORTHSHIRE, "thefts", "Northshire", month, month)
    before = level(NORTHSHIRE, "thefts", "Northshire", "2015-09", month)
    text = f"Vehicle thefts at month end: {_n(now)} v {_n(before)} at the end of September 2015.\n"
    found = verdicts_by_text(NORTHSHIRE, text, month)
    assert found[_n(now)][2:] == ("2016-09", Verdict.SUPPORTED)
    off = _n(now + 30)
    wrong = verdicts_by_text(NORTHSHIRE, text.replace(f": {_n(now)} v", f": {off} v"), month)
    assert wrong[off][2:] == ("2016-09", Verdict.CONTRADICTED)


def test_who_answers_for_an_item_is_not_its_area() -> None:
    month = "2017-05"
    force = level(CAMBS, "vwi_crimes", "Cambridgeshire", month, month)
    text = (
        "C3  Violence with injury ............ Paper BCB/17/46, pack p.43\n"
        "    Lead: Superintendent, Local Policing North\n"
        f"    {_n(force)} violence with injury offences in May, the highest month on record.\n"
        "    Recommendation: note.\n"
    )
    found = verdicts_by_text(CAMBS, text, month)
    assert found[_n(force)][1:] == ("Cambridgeshire", "2017-05", Verdict.SUPPORTED)
    off = _n(force + 40)
    wrong = verdicts_by_text(CAMBS, text.replace(f"    {_n(force)} ", f"    {off} "), month)
    assert wrong[off][3] == Verdict.CONTRADICTED
