"""Periods written as runs and seasons, hedged and worded figures, and the figure a change
starts from, on projects the rules were not written on (Northshire, the City of London):
"June 2018 to May 2019" is a rolling year, "from January to April" and "since January" are
runs of months, "over the summer" is a period narrator keeps no figure of, "just under
7,800" holds for 7,755, "May's 111" is May's figure, "from 70 to 56" is judged against the
comparison that starts from 70, and "the division" points back to the division."""

from __future__ import annotations

from pathlib import Path

from narrator.check.tokens.scanner import scan
from tests.check.conftest import checker_for, read_claims

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"


_read = read_claims


def _verdicts(root: Path, text: str, month: str) -> dict[str, str]:
    return {t: v for t, _, _, v in _read(root, text, month)}


def test_a_run_of_twelve_months_is_the_rolling_year() -> None:
    got = _read(
        NORTHSHIRE,
        "Over June 2018 to May 2019 Upland recorded 3,352 vehicle thefts, compared with 3,135"
        " in June 2017 to May 2018.\n",
        "2019-05",
    )
    assert ("3,352", "Upland", "R12:2019-05", "supported") in got
    assert ("3,135", "Upland", "R12:2018-05", "supported") in got


def test_a_run_of_months_and_the_same_months_a_year_before() -> None:
    text = (
        "Looking at the whole summer, June to August, Upland saw {0} vehicle thefts, against"
        " 827 over the same three months of 2018.\n"
    )
    got = _read(NORTHSHIRE, text.format("886"), "2019-08")
    assert ("886", "Upland", "2019-06..2019-08", "supported") in got
    assert ("827", "Upland", "2018-06..2018-08", "supported") in got
    # The same sentence with the summer's total mistyped is caught.
    assert _verdicts(NORTHSHIRE, text.format("868"), "2019-08")["868"] == "contradicted"


def test_since_a_month_is_the_months_from_it() -> None:
    got = _read(NORTHSHIRE, "Since January, Coastal has recorded 729 assaults.\n", "2020-05")
    assert got == [("729", "Coastal", "2020-01..2020-05", "supported")]
    # "the highest since January": when a run began, no figure's period.
    since = _read(
        NORTHSHIRE, "Coastal recorded 157 assaults in May, the most since January.\n", "2020-05"
    )
    assert ("157", "Coastal", "2020-05", "supported") in since


def test_a_season_is_no_period_narrator_holds() -> None:
    got = _read(
        NORTHSHIRE,
        "Over the summer the Upland division logged just over 370 assaults, up 15.1% on the"
        " 316 of the previous summer.\n",
        "2019-08",
    )
    assert got and all(verdict == "not checkable" for *_, verdict in got)


def test_a_hedged_figure_holds_within_its_rounding() -> None:
    text = "Over the financial year Northshire recorded just under {0} vehicle thefts.\n"
    assert _verdicts(NORTHSHIRE, text.format("7,800"), "2020-03")["7,800"] == "supported"
    # A round thousand is said loosely: "about 8,000" for 7,755.
    rounded = _verdicts(NORTHSHIRE, text.replace("just under", "about").format("8,000"), "2020-03")
    assert rounded["8,000"] == "supported"
    # A hedge does not stretch a precise figure 3% off: still a wrong total.
    far = _verdicts(NORTHSHIRE, text.replace("just under", "about").format("7,990"), "2020-03")
    assert far["7,990"] == "contradicted"


def test_a_per_cent_in_words_and_a_timestamp() -> None:
    marks = [(m.label, m.data.get("value")) for m in scan("[00:14:32] up about four per cent")]
    assert marks == [("TIME", None), ("PERCENT", 4.0)]


def test_a_month_s_own_figure_and_a_change_from_a_quoted_figure() -> None:
    got = _read(
        NORTHSHIRE,
        "Upland had 129 assaults in May, up from 120 in April and 111 in May 2018, a"
        " year-on-year rise of 16.2%. Moorend had 68 vehicle thefts in May, one more than"
        " April's 67.\n",
        "2019-05",
    )
    assert ("111", "Upland", "2018-05", "supported") in got
    # The rise is May's against May 2018 (129 / 111), not a change of May 2018.
    assert ("16.2%", "Upland", "2019-05", "supported") in got
    assert ("67", "Moorend", "2019-04", "contradicted") in got  # April had 62


def test_a_fall_from_a_figure_a_year_before() -> None:
    got = _read(
        NORTHSHIRE,
        "Upland recorded 233 vehicle thefts in June. The improvement came from Moorend, where"
        " thefts dropped from 70 to 56 (20% down).\n",
        "2018-06",
    )
    # 70 is June 2017's: the fall is against the year before, not against May (51).
    assert ("56", "Moorend", "2018-06", "supported") in got
    assert ("20%", "Moorend", "2018-06", "supported") in got


def test_each_area_of_a_list_has_its_own_figure() -> None:
    got = _read(
        NORTHSHIRE,
        "Coastal assaults climbed in May. Harbourside recorded 77, Eastmoor 40 and Saltby 40.\n",
        "2020-05",
    )
    assert [(t, a) for t, a, _, _ in got if t != "climbed"] == [
        ("77", "Harbourside"),
        ("40", "Eastmoor"),
        ("40", "Saltby"),
    ]


def test_the_division_points_back_to_the_last_division_named() -> None:
    got = _read(
        NORTHSHIRE,
        "Coastal division recorded 396 vehicle thefts in May.\n\n"
        "Harbourside had 202 of those.\n\n"
        "Assaults in the division climbed to 157 in May from 132 in April.\n",
        "2020-05",
    )
    assert ("157", "Coastal", "2020-05", "supported") in got
    assert ("132", "Coastal", "2020-04", "supported") in got


def test_last_june_in_a_june_paper_is_a_year_before() -> None:
    got = _read(
        NORTHSHIRE,
        "Highcross recorded 129 vehicle thefts in June, two above last June.\n",
        "2018-06",
    )
    assert ("129", "Highcross", "2018-06", "supported") in got
    assert all(verdict != "contradicted" for *_, verdict in got)


def test_an_average_of_the_months_of_the_year() -> None:
    got = _verdicts(
        NORTHSHIRE,
        "In 2019 Northshire recorded 7,691 vehicle thefts, an average of 641 a month.\n",
        "2019-12",
    )
    assert got == {"7,691": "supported", "641": "supported"}


def test_a_figure_after_above_is_no_section() -> None:
    assert [m.label for m in scan("the rate is 0.8 below the national rate")] == ["COUNT"]
    assert [m.label for m in scan("as set out in 4.2 below.")] == ["XREF"]
    # "the 76 of July": a figure and a month, not the 76th day of July.
    assert [m.label for m in scan("well below the 76 of July")] == ["COUNT", "DATE"]


def test_analysts_shorthand_for_the_month_and_the_rolling_year() -> None:
    got = _read(
        CITY,
        "- Crimes 421 in month (was 398). R12 5,617.\n",
        "2020-04",
    )
    periods = {t: p for t, _, p, _ in got}
    assert periods["421"] == "2020-04"
    assert periods["5,617"] == "R12:2020-04"


def test_the_same_stage_of_last_year_and_last_year_in_brackets() -> None:
    got = _read(
        CITY,
        "Since the start of the financial year the City has recorded 3,721 crimes. The charge"
        " rate is 9.6%, 2.5 percentage points lower than at the same stage of 2018/19 (12.1%)."
        " Since April there have been 1,040 searches, with a find rate of 33.0% (last year"
        " 32.1%).\n",
        "2019-08",
    )
    assert ("3,721", "City of London", "YTD:2019-08", "supported") in got
    assert ("12.1%", "City of London", "YTD:2018-08", "supported") in got
    assert ("32.1%", "City of London", "2018-04..2018-08", "supported") in got
    assert all(verdict != "contradicted" for *_, verdict in got)


def test_the_preceding_twelve_months_after_a_rolling_year() -> None:
    got = _read(
        NORTHSHIRE,
        "Upland's rolling 12-month vehicle theft total is 3,352. For the preceding 12 months"
        " Upland's total stood at 3,135.\n",
        "2019-05",
    )
    assert ("3,135", "Upland", "R12:2018-05", "supported") in got


def test_the_publisher_of_the_figures_is_not_their_area() -> None:
    got = _read(
        NORTHSHIRE,
        "# Moorend district update\n\nNorthshire Police's monthly figures, published this week,"
        " show 68 vehicle thefts were recorded across the district during May.\n",
        "2019-05",
    )
    assert got == [("68", "Moorend", "2019-05", "supported")]


def test_a_contact_line_and_an_extension_are_telephone_numbers() -> None:
    text = "Contact us\n\n- Emergency or crime in progress: 999\n- Performance team: x4417\n"
    report = checker_for(NORTHSHIRE).check_text(text, month="2019-05")
    found = {n["text"]: n["class"] for n in report.as_dict()["numbers"]}
    assert found == {"999": "reference", "4417": "reference"}


def test_a_table_numbered_with_a_letter_is_a_reference() -> None:
    assert [(m.label, m.start) for m in scan("see Table 6A and Table 6B below")] == [
        ("REF", 10),
        ("REF", 23),
    ]


def test_figures_listed_before_a_month_are_not_all_of_that_month() -> None:
    got = _read(
        NORTHSHIRE,
        "In the quarter Coastal recorded 990 vehicle thefts. Month by month Coastal recorded"
        " 342, 352 and then 296 vehicle thefts in September.\n",
        "2019-09",
    )
    periods = {t: p for t, _, p, _ in got}
    assert periods["296"] == "2019-09"
    assert periods["342"] is None and periods["352"] is None


def test_the_last_seven_days_and_a_dip_sample() -> None:
    got = _read(
        CITY,
        "In the last 7 days there were 131 searches. A dip sample of 40 finalised files is"
        " under way.\n",
        "2020-07",
    )
    assert [(t, v) for t, _, _, v in got] == [("131", "not checkable"), ("40", "not checkable")]


def test_figures_listed_after_one_compared_with() -> None:
    got = _read(
        NORTHSHIRE,
        "There were 30 assaults recorded in Saltby in February, against 33 in January and 34 a"
        " year earlier. Saltby had 349 assaults in the last year, compared with 341 the year"
        " before.\n",
        "2020-02",
    )
    assert ("34", "Saltby", "2019-02", "supported") in got
    assert ("349", "Saltby", "R12:2020-02", "supported") in got
    assert ("341", "Saltby", "R12:2019-02", "supported") in got
