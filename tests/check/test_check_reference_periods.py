"""The period of a figure compared with, read from the words around it, on projects the rules
were not written on (Northshire, the City of London): "(18 a year earlier)", "against 73 the
month before and 56 a year ago", "up from 57 in December but lower than the 78 of a year
ago", and a change against the comparison named beside it ("34 fewer than in August and
10.0% below September 2018"). Every figure comes from the project's facts."""

from __future__ import annotations

from pathlib import Path

from narrator.check import Verdict
from narrator.check.claims.model import new_claim
from narrator.check.verdicts.measured import measured_change
from narrator.facts import Fact
from tests.check.conftest import checker_for, read_claims

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"
MONTH = "2019-11"


def _change(root: Path, kind: str, measure: str, area: str, reference_period: str) -> Fact:
    facts = checker_for(root).facts(MONTH).all(kind, measure, area)
    fact = next(f for f in facts if f.reference_period == reference_period)
    assert fact.value is not None and fact.reference is not None
    return fact


def test_a_figure_in_brackets_with_a_year_earlier_after_it_is_that_years() -> None:
    year = _change(NORTHSHIRE, "change.year", "thefts", "Upland", "2018-11")
    text = (
        f"Upland recorded {year.value:.0f} vehicle thefts in November "
        f"({year.reference:.0f} a year earlier).\n"
    )
    got = read_claims(NORTHSHIRE, text, MONTH)
    assert (f"{year.reference:.0f}", "Upland", "2018-11", "supported") in got
    wrong = read_claims(NORTHSHIRE, text.replace(f"({year.reference:.0f}", "(999"), MONTH)
    assert ("999", "Upland", "2018-11", "contradicted") in wrong or (
        "999",
        "Upland",
        "2018-11",
        "ambiguous",
    ) in wrong


def test_figures_listed_after_one_compared_with_keep_their_own_earlier_period() -> None:
    month = _change(CITY, "change.month", "crimes_bicycle_theft", "City of London", "2019-10")
    year = _change(CITY, "change.year", "crimes_bicycle_theft", "City of London", "2018-11")
    text = (
        f"There were {month.value:.0f} bicycle thefts in November, against "
        f"{month.reference:.0f} the month before and {year.reference:.0f} a year ago.\n"
    )
    got = read_claims(CITY, text, MONTH)
    assert (f"{month.reference:.0f}", "City of London", "2019-10", "supported") in got
    assert (f"{year.reference:.0f}", "City of London", "2018-11", "supported") in got


def test_the_period_said_after_a_figure_outweighs_one_carried_from_another() -> None:
    month = _change(CITY, "change.month", "crimes_all", "City of London", "2019-10")
    year = _change(CITY, "change.year", "crimes_all", "City of London", "2018-11")
    assert year.change_pct is not None
    text = (
        f"The City saw {month.value:.0f} crimes, up from {month.reference:.0f} in October but "
        f"{abs(year.change_pct):.1f}% higher than the {year.reference:.0f} of a year ago.\n"
    )
    got = read_claims(CITY, text, MONTH)
    assert (f"{year.reference:.0f}", "City of London", "2018-11", "supported") in got


def test_a_change_takes_the_comparison_named_beside_it() -> None:
    month = _change(NORTHSHIRE, "change.month", "thefts", "Coastal", "2019-10")
    year = _change(NORTHSHIRE, "change.year", "thefts", "Coastal", "2018-11")
    assert year.change_pct is not None and month.change is not None
    text = (
        f"Coastal recorded {month.value:.0f} vehicle thefts in November, "
        f"{abs(month.change):.0f} more than in October and {abs(year.change_pct):.1f}% "
        "above November 2018.\n"
    )
    report = checker_for(NORTHSHIRE).check_text(text, month=MONTH)
    size = next(v for v in report.verdicts if v.claim.text == f"{abs(year.change_pct):.1f}%")
    assert size.claim.reference_period == "2018-11"
    assert size.verdict is Verdict.SUPPORTED


def test_a_period_against_itself_is_no_change() -> None:
    claim = new_claim(
        kind="figure",
        text="2.1%",
        span=(0, 4),
        sentence="",
        sentence_span=(0, 0),
        paragraph=0,
        measure="thefts",
        area="Coastal",
        period="2018-11",
        reference_period="2018-11",
    )
    levels = checker_for(NORTHSHIRE).levels(MONTH)
    assert measured_change(claim, levels, MONTH) is None
    earlier = new_claim(**{**claim.__dict__, "period": "2019-11"})
    assert measured_change(earlier, levels, MONTH) is not None


def test_a_change_set_against_another_areas_change_is_not_held_to_their_levels() -> None:
    upland = _change(NORTHSHIRE, "change.rolling_year", "thefts", "Upland", "R12:2018-11")
    coastal = _change(NORTHSHIRE, "change.rolling_year", "thefts", "Coastal", "R12:2018-11")
    assert upland.change_pct is not None and coastal.change_pct is not None
    # The level of Upland is below Coastal's, so "up" held to the two levels would be wrong.
    assert upland.value is not None and coastal.value is not None and upland.value < coastal.value
    text = (
        f"Over the 12 months to November, vehicle thefts in Upland are up "
        f"{upland.change_pct:.1f}%, against {coastal.change_pct:.1f}% for Coastal.\n"
    )
    report = checker_for(NORTHSHIRE).check_text(text, month=MONTH)
    size = next(v for v in report.verdicts if v.claim.text == f"{upland.change_pct:.1f}%")
    assert size.verdict is not Verdict.CONTRADICTED


def _calendar_and_financial(measure: str, area: str, month: str) -> tuple[float, float]:
    """The calendar and financial year-to-date per cent changes on a year before, from the
    project's own levels."""
    levels = checker_for(NORTHSHIRE).levels(month)
    year = int(month[:4])
    calendar = levels.compare(
        measure, area, f"CY:{year}:{month}", f"CY:{year - 1}:{year - 1}{month[4:]}"
    )
    financial = levels.compare(measure, area, f"YTD:{month}", f"YTD:{year - 1}{month[4:]}")
    assert calendar is not None and financial is not None
    assert calendar.change_pct is not None and financial.change_pct is not None
    return calendar.change_pct, financial.change_pct


def test_the_year_to_date_may_be_the_calendar_years_unless_the_text_says_financial() -> None:
    calendar, financial = _calendar_and_financial("assaults", "Northshire", "2019-08")
    assert f"{calendar:.1f}" != f"{financial:.1f}"
    text = f"Assaults in the year to date are up {calendar:.1f}% on last year.\n"
    report = checker_for(NORTHSHIRE).check_text(text, month="2019-08")
    size = next(v for v in report.verdicts if v.claim.text == f"{calendar:.1f}%")
    assert size.verdict is Verdict.SUPPORTED
    assert "calendar year to date" in size.message
    said = text.replace("in the year to date", "in the financial year to date")
    report = checker_for(NORTHSHIRE).check_text(said, month="2019-08")
    size = next(v for v in report.verdicts if v.claim.text == f"{calendar:.1f}%")
    assert size.verdict is not Verdict.SUPPORTED


def test_up_after_a_verb_it_belongs_to_is_no_rise() -> None:
    report = checker_for(NORTHSHIRE).check_text(
        "Fewer vehicle thefts are ending up solved, and more are being followed up online.\n",
        month="2019-11",
    )
    assert [v for v in report.verdicts if v.claim.text == "up"] == []


def test_last_years_figure_after_a_year_to_date_is_the_same_months_a_year_before() -> None:
    levels = checker_for(NORTHSHIRE).levels("2019-08")
    now = levels.value("assaults", "Northshire", "YTD:2019-08")
    before = levels.value("assaults", "Northshire", "YTD:2018-08")
    assert now is not None and before is not None
    text = (
        f"Since April the force has recorded {now:,.0f} assaults, "
        f"above last year's {before:,.0f}.\n"
    )
    got = read_claims(NORTHSHIRE, text, "2019-08")
    assert (f"{before:,.0f}", "Northshire", "2018-04..2018-08", "supported") in got


def test_the_following_month_is_the_month_after_the_one_named() -> None:
    levels = checker_for(NORTHSHIRE).levels("2019-12")
    october = levels.value("thefts", "Upland", "2019-10")
    november = levels.value("thefts", "Upland", "2019-11")
    assert october is not None and november is not None
    text = (
        f"In Upland, October 2019 saw {october:.0f} vehicle thefts and the following month "
        f"{november:.0f}.\n"
    )
    got = read_claims(NORTHSHIRE, text, "2019-12")
    assert (f"{november:.0f}", "Upland", "2019-11", "supported") in got


def _month(root: Path, measure: str, area: str, month: str, period: str) -> float:
    value = checker_for(root).levels(month).value(measure, area, period)
    assert value is not None
    return value


def test_where_a_series_begins_is_no_figures_period() -> None:
    may = _month(CITY, "crimes_all", "City of London", "2020-06", "2020-05")
    text = (
        "May was the quietest month in the published series, which goes back to December "
        f"2017, with only {may:.0f} crimes.\n"
    )
    got = read_claims(CITY, text, "2020-06")
    assert (f"{may:.0f}", "City of London", "2020-05", "supported") in got


def test_a_change_in_brackets_after_a_year_earlier_is_the_change() -> None:
    year = _change(NORTHSHIRE, "change.year", "thefts", "Upland", "2018-11")
    assert year.change_pct is not None
    text = (
        f"Upland had {year.value:.0f} vehicle thefts in November, compared with "
        f"{year.reference:.0f} a year earlier ({year.change_pct:+.1f}%).\n"
    )
    got = read_claims(NORTHSHIRE, text, MONTH)
    assert (f"{year.change_pct:+.1f}%", "Upland", MONTH, "supported") in got


def test_a_month_in_an_aside_after_a_rolling_figure_is_the_asides() -> None:
    now = _month(CITY, "crimes_all", "City of London", "2019-06", "R12:2019-06")
    before = _month(CITY, "crimes_all", "City of London", "2019-06", "R12:2019-05")
    text = f"Recorded crime: the rolling 12-month figure is {now:,.0f} (May: {before:,.0f}).\n"
    got = read_claims(CITY, text, "2019-06")
    assert (f"{now:,.0f}", "City of London", "R12:2019-06", "supported") in got


def test_the_highest_since_a_month_with_its_figure_in_brackets() -> None:
    june = _month(CITY, "crimes_all", "City of London", "2019-06", "2019-06")
    january = _month(CITY, "crimes_all", "City of London", "2019-06", "2019-01")
    text = f"June's {june:.0f} crimes were the most since January ({january:.0f}).\n"
    got = read_claims(CITY, text, "2019-06")
    assert (f"{january:.0f}", "City of London", "2019-01", "supported") in got


def test_a_figure_recorded_over_the_same_period_last_year() -> None:
    now = _month(CITY, "crimes_robbery", "City of London", "2019-06", "YTD:2019-06")
    before = _month(CITY, "crimes_robbery", "City of London", "2019-06", "YTD:2018-06")
    text = (
        f"Robbery: the year to date figure of {now:.0f} is more than twice the {before:.0f} "
        "recorded over the same period last year.\n"
    )
    got = read_claims(CITY, text, "2019-06")
    assert (f"{before:.0f}", "City of London", "YTD:2018-06", "supported") in got


def test_only_the_period_just_before_is_a_stale_figure() -> None:
    from narrator.check.verdicts.windows import stale

    def claim_of(period: str):  # type: ignore[no-untyped-def]
        return new_claim(
            kind="figure",
            text="1",
            span=(0, 1),
            sentence="",
            sentence_span=(0, 0),
            paragraph=0,
            period=period,
        )

    assert stale(claim_of("2019-11"), ["2019-10"])
    assert not stale(claim_of("2019-11"), ["2019-09", "2018-11"])
    assert stale(claim_of("R12:2019-11"), ["R12:2019-10"])
    assert not stale(claim_of("R12:2019-11"), ["2019-10"])
    assert not stale(claim_of("YTD:2019-01"), ["YTD:2018-01"])


def test_a_change_in_brackets_after_a_figure_of_last_year_is_of_the_months_figure() -> None:
    month = _change(CITY, "change.month", "crimes_all", "City of London", "2019-10")
    year = _change(CITY, "change.year", "crimes_all", "City of London", "2018-11")
    assert month.change_pct is not None and year.change_pct is not None
    text = (
        f"Recorded crime: there were {month.value:.0f} offences in November against "
        f"{month.reference:.0f} in October, a rise of {month.change_pct:.1f}%, and "
        f"{year.reference:.0f} in November 2018 ({year.change_pct:+.1f}%).\n"
    )
    got = read_claims(CITY, text, MONTH)
    assert (f"{year.change_pct:+.1f}%", "City of London", MONTH, "supported") in got


def test_the_year_of_the_same_month_compared_with_is_not_the_sentences() -> None:
    now = _month(
        CITY, "crimes_violence_and_sexual_offences", "City of London", "2019-12", "2019-12"
    )
    before = _month(
        CITY, "crimes_violence_and_sexual_offences", "City of London", "2019-12", "2019-11"
    )
    year = _month(
        CITY, "crimes_violence_and_sexual_offences", "City of London", "2019-12", "2018-12"
    )
    assert now > before
    text = (
        f"Violence and sexual offences rose to {now:.0f} in December, from {before:.0f} in "
        f"November and {year:.0f} in the same month of 2018.\n"
    )
    got = read_claims(CITY, text, "2019-12")
    assert (f"{now:.0f}", "City of London", "2019-12", "supported") in got
    assert (f"{before:.0f}", "City of London", "2019-11", "supported") in got


def test_a_change_on_a_year_compares_with_that_year() -> None:
    now = _month(CITY, "crimes_all", "City of London", "2019-12", "CY:2019")
    before = _month(CITY, "crimes_all", "City of London", "2019-12", "CY:2018")
    change = (now - before) / before * 100
    text = f"Recorded crime came to {now:,.0f}, up {change:.1f} per cent on 2018.\n"
    got = read_claims(CITY, text, "2019-12")
    # 2018 is what the figure is compared with, not the figure's own year
    assert all(period != "CY:2018" for _, _, period, _ in got)
    assert (f"{change:.1f} per cent", "City of London", "2019-12", "supported") in got


def test_where_records_start_is_no_figures_year() -> None:
    text = (
        "Coastal recorded more than 4,000 vehicle thefts, the most since our current records "
        "start in 2015.\n"
    )
    got = read_claims(NORTHSHIRE, text, "2018-12")
    assert all(period != "CY:2015" for _, _, period, _ in got)


def test_the_same_period_of_a_year_is_the_same_months_of_that_year() -> None:
    now = _month(CITY, "crimes_all", "City of London", "2019-09", "CY:2019:2019-09")
    before = _month(CITY, "crimes_all", "City of London", "2019-09", "CY:2018:2018-09")
    text = (
        f"In the year to date the City has recorded {now:,.0f} crimes, compared with "
        f"{before:,.0f} in the same period of 2018.\n"
    )
    got = read_claims(CITY, text, "2019-09")
    assert (f"{before:,.0f}", "City of London", "YTD:2018-09", "supported") in got
