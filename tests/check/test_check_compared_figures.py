"""Figures set beside other figures, on projects the rules were not written on: a multiple
or a ratio is not a figure of the measure, a period after a figure compared with is that
figure's, the year before is the rolling year a year back, a place named after a figure
binds to it, and a whole financial year is compared with the year before it."""

from __future__ import annotations

from pathlib import Path

from tests.check.conftest import checker_for, read_claims

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"
SAMPLE = ROOT / "samples" / "cambridgeshire"


_read = read_claims


def test_a_multiple_or_a_ratio_is_not_checked_as_a_count() -> None:
    got = _read(
        NORTHSHIRE,
        "Assaults in Northshire rose to 279 in March 2020. One in four took place in Fellgate."
        " Fellgate recorded 26 assaults across four wards in March 2020.\n",
        "2020-03",
    )
    assert ("279", "Northshire", "2020-03", "supported") in got
    # "One in four": a ratio, both its numbers.
    assert [g[3] for g in got if g[0] in ("One", "four")][:2] == ["not checkable"] * 2
    # "26 assaults across four wards": a count beside another count, still checked.
    assert ("26", "Fellgate", "2020-03", "contradicted") in got


def test_a_period_after_a_figure_compared_with_is_that_figure_s() -> None:
    text = "## Moorend\n\n- Assaults: 36, nearly double the 19 recorded in March 2019\n"
    got = _read(NORTHSHIRE, text, "2020-03")
    assert got == [
        ("36", "Moorend", "2020-03", "supported"),
        ("19", "Moorend", "2019-03", "supported"),
    ]
    wrong = _read(NORTHSHIRE, text.replace("36,", "63,"), "2020-03")
    assert wrong[0] == ("63", "Moorend", "2020-03", "contradicted")


def test_as_in_a_year_names_the_year_compared_with() -> None:
    got = _read(
        CITY,
        "In 2019 officers made more than four times as many searches for offensive weapons"
        " as in 2018: 326.\n",
        "2019-12",
    )
    assert ("326", "City of London", "CY:2019", "supported") in got


def test_the_twelve_months_before_is_the_rolling_year_a_year_back() -> None:
    got = _read(
        CITY,
        "Over the rolling year the charge rate is 9.6%, compared with 10.8% for the 12 months"
        " before. The find rate was 31.9% over 12 months, compared with 37.2% in the previous"
        " 12 months.\n",
        "2020-01",
    )
    assert ("10.8%", "City of London", "R12:2019-01", "supported") in got
    assert ("31.9%", "City of London", "R12:2020-01", "supported") in got
    assert ("37.2%", "City of London", "R12:2019-01", "contradicted") in got


def test_a_figure_over_twelve_months_is_the_rolling_year() -> None:
    got = _read(
        SAMPLE,
        "Violence with injury in Huntingdonshire was 67 in August and 725 over 12 months.\n",
        "2019-08",
    )
    assert got == [
        ("67", "Huntingdonshire", "2019-08", "supported"),
        ("725", "Huntingdonshire", "R12:2019-08", "supported"),
    ]


def test_a_place_after_the_force_that_recorded_a_figure_is_the_figure_s() -> None:
    got = _read(
        NORTHSHIRE,
        "The force recorded 37 assaults in Fellgate in March 2020. The force recorded 279"
        " assaults in March 2020, against 37 in Fellgate.\n",
        "2020-03",
    )
    assert got[0] == ("37", "Fellgate", "2020-03", "supported")
    assert got[1] == ("279", "Northshire", "2020-03", "supported")


def test_an_area_ranked_after_a_figure_is_not_its_area() -> None:
    got = _read(
        NORTHSHIRE,
        "Fellgate had the most assaults in March 2020, 37, followed by Moorend.\n",
        "2020-03",
    )
    assert got[0] == ("37", "Fellgate", "2020-03", "supported")


def test_a_financial_year_direction_is_against_the_year_before() -> None:
    text = "In 2019/20 the find rate was 31.5%, down from 35.3% the year before.\n"
    got = _read(CITY, text, "2020-03")
    assert ("down", "City of London", "FY:2019", "supported") in got
    flipped = _read(CITY, text.replace("down from", "up from"), "2020-03")
    assert ("up", "City of London", "FY:2019", "contradicted") in flipped


def test_a_financial_year_not_ended_is_not_compared_month_on_month() -> None:
    got = _read(CITY, "In 2019/20 the find rate was 31.5%, down from 35.3%.\n", "2020-01")
    assert [g[3] for g in got if g[0] == "down"] == ["not checkable"]


def test_searches_with_an_outcome_are_a_part_and_an_age_is_no_figure() -> None:
    report = checker_for(CITY).check_text(
        "In July 2020 officers made 518 searches. 176 searches found what was looked for and"
        " 102 searches ended in arrest; 24 of the people searched were aged under 18.\n",
        month="2020-07",
    )
    verdicts = {v.claim.text: v.verdict.value for v in report.verdicts}
    assert verdicts["518"] == "supported"
    assert verdicts["176"] == verdicts["102"] == "not checkable"
    assert "18" not in verdicts
    assert {n.text: n.cls for n in report.numbers}.get("18") != "value"


def test_one_of_several_is_not_a_count() -> None:
    report = checker_for(SAMPLE).check_text(
        "Fenland was one of three districts where burglary rose in 2018/19.\n", month="2019-03"
    )
    assert "one" not in {v.claim.text for v in report.verdicts}
    assert "one" not in {n.text for n in report.numbers}


def test_the_district_and_its_point_back_to_the_area_a_sentence_opened_with() -> None:
    got = _read(
        NORTHSHIRE,
        "Upland recorded the steepest rise in assaults in July 2019. Its 123 assaults were the"
        " most of any district. The district recorded 122 assaults in June 2019.\n",
        "2019-07",
    )
    assert ("123", "Upland", "2019-07", "supported") in got
    assert ("122", "Upland", "2019-06", "supported") in got
    # "the county's" points to the force, not to the district of the sentence before.
    county = _read(
        SAMPLE,
        "Huntingdonshire recorded 348 dwelling burglaries in the 12 months to August 2019. The"
        " district's fall was steeper than the county's (2,318, down 5.6%).\n",
        "2019-08",
    )
    assert ("2,318", "Cambridgeshire", "R12:2019-08", "supported") in county


def test_a_change_takes_the_comparison_said_right_after_it() -> None:
    got = _read(
        NORTHSHIRE,
        "Assaults fell to 250 in July 2019. That is 7.1% fewer than June and 6.4% more than July"
        " last year.\n",
        "2019-07",
    )
    assert ("7.1%", "Northshire", "2019-07", "supported") in got
    assert ("6.4%", "Northshire", "2019-07", "supported") in got


def test_a_period_said_with_exactly_or_named_in_brackets_is_the_one_compared_with() -> None:
    got = _read(
        CITY,
        "Recorded crime closed at 471 in October 2020, exactly the total for September, and"
        " 40.6% below October 2019 (793). It rose to 405 in July 2020, up 48.9% on June (272).\n",
        "2020-10",
    )
    assert ("40.6%", "City of London", "2020-10", "supported") in got
    assert ("272", "City of London", "2020-06", "supported") in got


def test_a_start_of_a_run_is_no_figure_s_period() -> None:
    text = (
        "## Fenland\n\nViolence with injury fell in 2018/19: it fell to 597 (from 626), the first"
        " fall since 2016/17, though it remains above the 549 recorded in 2015/16.\n"
    )
    got = _read(SAMPLE, text, "2019-03")
    assert ("597", "Fenland", "FY:2018", "supported") in got
    assert ("549", "Fenland", "FY:2015", "supported") in got
    # "above the 549 ...": above what the sentence names, not the year before.
    assert [g[3] for g in got if g[0] == "above"] == ["not checkable"]


def test_more_words_for_a_direction() -> None:
    for word, direction in (("slipped", "down"), ("climbed", "up"), ("dipped", "down")):
        text = f"Vehicle thefts {word} to 645 in July 2019 from 648 in June 2019.\n"
        report = checker_for(NORTHSHIRE).check_text(text, month="2019-07")
        assert report.verdicts[0].claim.direction == direction, word
    # "climbed" from 648 to 645 says a fall is a rise: the text contradicts itself.
    report = checker_for(NORTHSHIRE).check_text(
        "Vehicle thefts climbed to 645 in July 2019 from 648 in June 2019.\n", month="2019-07"
    )
    assert [f.kind for f in report.findings] == ["arithmetic"]
