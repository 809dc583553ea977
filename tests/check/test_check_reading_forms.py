"""Forms of writing seen in real papers that the reader must take as their writers meant
them, on projects the rules were not written on (Northshire, the City of London): a hedged
change ("a rise of about 30%"), "last month" after a figure compared with, a figure of a
possessive clause ending a sentence ("... identical to May's."), an area likened to ("a
similar fall to the force as a whole"), a division's memo under a protective marking, and
"That is" after "The division recorded ...". Every figure comes from the project's figures;
each rule has a wrong figure beside it that must still be caught."""

from __future__ import annotations

from pathlib import Path

from narrator.check import Verdict
from narrator.check.text.parse import parse_text
from tests.check.conftest import checker_for

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"
MONTH = "2019-11"


def _read(root: Path, text: str, month: str = MONTH) -> dict[str, tuple[object, ...]]:
    report = checker_for(root).check_document(parse_text(text), month=month)
    return {
        v.claim.text: (v.claim.area, v.claim.period, v.claim.role, v.verdict)
        for v in report.verdicts
        if v.claim.kind == "figure"
    }


def _level(root: Path, measure: str, area: str, period: str) -> float:
    value = checker_for(root).levels(MONTH).value(measure, area, period)
    assert value is not None
    return value


def test_a_hedged_change_is_a_change_of_the_month_against_the_year_before() -> None:
    now = _level(NORTHSHIRE, "thefts", "Upland", "2019-11")
    then = _level(NORTHSHIRE, "thefts", "Upland", "2018-11")
    pct = round(100 * (now - then) / then)
    word = "rise" if now > then else "fall"
    text = (
        f"Upland recorded {now:.0f} vehicle thefts in November. That is {abs(now - then):.0f} "
        f"{'more' if now > then else 'fewer'} than a year ago, or a {word} of about "
        f"{abs(pct)}%.\n"
    )
    got = _read(NORTHSHIRE, text)
    assert got[f"{abs(pct)}%"] == ("Upland", "2019-11", "change", Verdict.SUPPORTED)
    wrong = _read(NORTHSHIRE, text.replace(f"about {abs(pct)}%", f"about {abs(pct) + 9}%"))
    assert wrong[f"{abs(pct) + 9}%"][3] == Verdict.CONTRADICTED


def test_last_month_after_a_figure_compared_with_is_the_month_before() -> None:
    now = _level(NORTHSHIRE, "solve_rate", "Upland", "YTD:2019-11")
    then = _level(NORTHSHIRE, "solve_rate", "Upland", "2019-10")
    text = (
        f"The vehicle theft solved rate in Upland was {now:.1f}% in the year to date, down "
        f"from {then:.1f}% last month.\n"
    )
    got = _read(NORTHSHIRE, text)
    assert got[f"{then:.1f}%"][1] == "2019-10"
    assert got[f"{then:.1f}%"][3] == Verdict.SUPPORTED


def test_a_sentence_ending_in_a_possessive_ends_there() -> None:
    june = _level(NORTHSHIRE, "assaults", "Northshire", "2019-06")
    text = (
        f"(i) June's total of assaults ({june:.0f}) was close to May's.\n"
        "(ii) Fellgate has seen the sharpest rise.\n"
    )
    got = _read(NORTHSHIRE, text, month="2019-06")
    area, period, _, verdict = got[f"{june:.0f}"]
    assert (area, period, verdict) == ("Northshire", "2019-06", Verdict.SUPPORTED)


def test_an_area_likened_to_after_a_figure_is_not_its_area() -> None:
    upland = _level(NORTHSHIRE, "thefts", "Upland", "R12:2019-11")
    text = (
        f"In Upland the 12 month total of vehicle thefts is {upland:,.0f}, a similar "
        "change to the force as a whole.\n"
    )
    got = _read(NORTHSHIRE, text)
    assert got[f"{upland:,.0f}"][0] == "Upland"
    assert got[f"{upland:,.0f}"][3] == Verdict.SUPPORTED


MEMO = """OFFICIAL

NORTHSHIRE POLICE – UPLAND DIVISION MONTHLY REPORT

Subject: Divisional performance – November 2019

1. VEHICLE CRIME

The division recorded {now:.0f} vehicle thefts in the month.
That is {diff:.0f} {word} than in October.
Over the month {now:.0f} vehicle thefts were recorded.
"""


def test_a_division_memo_under_a_protective_marking_is_about_its_division() -> None:
    now = _level(NORTHSHIRE, "thefts", "Upland", "2019-11")
    before = _level(NORTHSHIRE, "thefts", "Upland", "2019-10")
    word = "more" if now >= before else "fewer"
    text = MEMO.format(now=now, diff=abs(now - before), word=word)
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=MONTH)
    figures = [v for v in report.verdicts if v.claim.kind == "figure"]
    assert [v.claim.area for v in figures] == ["Upland", "Upland", "Upland"]
    assert all(v.verdict == Verdict.SUPPORTED for v in figures)


def test_a_memo_subject_line_outweighs_the_heading_above_it() -> None:
    text = """UPLAND DIVISION COMMUNITY SAFETY PARTNERSHIP

To:       Members of the Partnership
Subject:  Coastal division quarterly update

Coastal recorded {now:.0f} vehicle thefts in November.
""".format(now=_level(NORTHSHIRE, "thefts", "Coastal", "2019-11"))
    from narrator.check.claims.subject import paper_area

    assert paper_area(parse_text(text), checker_for(NORTHSHIRE).reader.areas) == "Coastal"


def test_the_same_months_of_a_financial_year_are_its_year_to_date() -> None:
    now = _level(CITY, "crimes_all", "City of London", "YTD:2019-11")
    then = _level(CITY, "crimes_all", "City of London", "YTD:2018-11")
    text = (
        f"All crime for the year to date is {now:,.0f}, compared with {then:,.0f} recorded "
        "over the same months of 2018/19.\n"
    )
    got = _read(CITY, text)
    assert got[f"{then:,.0f}"][1:] == ("YTD:2018-11", "reference", Verdict.SUPPORTED)


def test_a_fraction_of_a_percentage_point_is_a_change_in_points() -> None:
    report = checker_for(CITY).check_document(
        parse_text("The rate fell by 0.9 of a percentage point.\n"), month=MONTH
    )
    kinds = {n.text: (n.cls, n.kind) for n in report.numbers}
    assert kinds["0.9 of a percentage point"] == ("value", "pp")


def test_a_change_followed_by_its_cause_is_not_judged_again() -> None:
    # Upland's thefts rose in May 2019: "the drop" is the one stated before, not May's.
    text = (
        "Upland recorded 248 vehicle thefts in November, down from 259 in October. The drop "
        "follows Operation Tidemark, which began in May and targeted vehicle thefts.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=MONTH)
    assert not report.contradictions


def test_that_is_after_the_division_is_the_division_pointed_to() -> None:
    now = _level(NORTHSHIRE, "thefts", "Upland", "2019-11")
    before = _level(NORTHSHIRE, "thefts", "Upland", "2019-10")
    text = (
        "This report covers the Upland division.\n\n"
        f"The division recorded {now:.0f} vehicle thefts in the month. That is "
        f"{abs(now - before):.0f} {'more' if now >= before else 'fewer'} than in October.\n"
    )
    got = _read(NORTHSHIRE, text)
    assert got[f"{abs(now - before):.0f}"][0] == "Upland"
    assert got[f"{abs(now - before):.0f}"][3] == Verdict.SUPPORTED


def test_a_local_teams_memo_is_about_the_area_it_is_from() -> None:
    from narrator.check.claims.subject import paper_area

    text = (
        "Police report for Hillside Parish Council\n\n"
        "From: PCSO 1234, Neighbourhood Team, Upland\n\n"
        "There were 12 thefts in the district in November.\n"
    )
    areas = checker_for(NORTHSHIRE).reader.areas
    assert paper_area(parse_text(text), areas) == "Upland"
    # A memo from the force's headquarters names no area of its own.
    assert paper_area(parse_text(text.replace("Upland", "Headquarters")), areas) is None


def test_a_change_noun_is_of_the_comparison_its_size_is() -> None:
    levels = checker_for(CITY).levels("2019-12")
    now, month, year = (
        levels.value("crimes_all", "City of London", p) or 0.0
        for p in ("2019-12", "2019-11", "2018-12")
    )
    # A month that fell against the month before and rose against the year before (or the
    # other way round) tells the two comparisons apart.
    assert (now - month) * (now - year) < 0
    up = now > year
    text = (
        f"The City recorded {now:,.0f} crimes in December. That is {abs(now - month):,.0f} "
        f"{'fewer' if up else 'more'} than in November, but {abs(now - year):,.0f} "
        f"{'more' if up else 'fewer'} than in December 2018, when {year:,.0f} were recorded "
        f"- a {'rise' if up else 'fall'} of {abs(100 * (now - year) / year):.0f} per cent.\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month="2019-12")
    noun = next(v for v in report.verdicts if v.claim.text in ("rise", "fall"))
    assert noun.claim.comparison == "previous_year"
    assert noun.verdict == Verdict.SUPPORTED


def test_a_count_after_a_month_name_is_no_two_digit_year() -> None:
    report = checker_for(NORTHSHIRE).check_document(
        parse_text("In September 61 vehicle thefts in Upland were solved.\n"), month=MONTH
    )
    numbers = {n.text: n.cls for n in report.numbers}
    assert numbers["September"] == "period"
    assert numbers["61"] == "value"
    assert not report.findings


def test_a_figure_in_brackets_with_last_year_and_a_change_is_last_years() -> None:
    levels = checker_for(NORTHSHIRE).levels(MONTH)
    now = levels.value("thefts", "Upland", "2019-11")
    then = levels.value("thefts", "Upland", "2018-11")
    assert now is not None and then is not None
    pct = 100 * (now - then) / then
    text = (
        f"Upland recorded {now:.0f} vehicle thefts in November ({then:.0f} last year, "
        f"{pct:+.1f}%).\n"
    )
    got = _read(NORTHSHIRE, text)
    assert got[f"{then:.0f}"][1:] == ("2018-11", "reference", Verdict.SUPPORTED)
    assert got[f"{pct:+.1f}%"][3] != Verdict.CONTRADICTED
