"""Pages laid out as summaries and leaflets, read as a user would expect on projects the
rules were not written on: labelled lines of figures are not front matter and are a
paragraph each, "Month:" and "v" in summary lines, "the year to June 2018", pence, survey
questions, a paper's own number, telephone numbers and months that are not ahead."""

from __future__ import annotations

from pathlib import Path

from narrator.check import parse_text
from tests.check.conftest import checker_for

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"
SAMPLE = ROOT / "samples" / "cambridgeshire"


def _classes(root: Path, text: str, month: str) -> list[tuple[str, str]]:
    report = checker_for(root).check_text(text, month=month)
    return [(n.text, n.cls) for n in report.numbers]


def _read(root: Path, text: str, month: str) -> list[tuple[str, str | None, str | None, str]]:
    report = checker_for(root).check_text(text, month=month)
    return [
        (v.claim.text, v.claim.measure, v.claim.period, v.verdict.value) for v in report.verdicts
    ]


GLANCE = (
    "Office of the Police and Crime Commissioner for Northshire\n\n"
    "PERFORMANCE AT A GLANCE\nRolling 12 months to January 2020\n"
    "Prepared for the Police and Crime Panel meeting of 5 February 2020\n\nHEADLINES\n\n"
    "Vehicle thefts: 612 thefts, up 14.2% on December – UP\n\n"
    "Assaults: 250 assaults against 269 – DOWN\n"
    "Vehicle theft solved rate: 17.7% – STABLE\n"
)


def test_labelled_lines_of_figures_are_no_front_matter_and_a_paragraph_each() -> None:
    document = parse_text(GLANCE)
    lines = [p.text for p in document.paragraphs if p.text.split(":")[0] in ("Assaults",)]
    assert lines == ["Assaults: 250 assaults against 269 – DOWN"]
    assert {p.kind for p in document.paragraphs if p.text.startswith("Vehicle")} == {"body"}
    memo = parse_text("Date: 5 February 2020\nTo: The Panel\n\n1. Summary\n\nCrime fell.\n")
    assert memo.front == {"date": "5 February 2020", "to": "The Panel"}


def test_a_direction_on_a_line_is_of_that_line_s_measure() -> None:
    got = _read(NORTHSHIRE, GLANCE, "2020-01")
    # "DOWN" is of assaults, the line it ends, not of the solved rate on the next line.
    assert [g[1] for g in got if g[0] == "DOWN"] == ["assaults"]


def test_month_and_v_in_summary_lines() -> None:
    text = (
        "ALL RECORDED CRIME\nRolling 12 months: 8,541 crimes v 6,928 (+23.3%)\nMonth: 807 v 691\n"
    )
    got = _read(CITY, text, "2019-11")
    assert ("807", "crimes_all", "2019-11", "supported") in got
    assert [g[3] for g in got if g[0] == "6,928"] != ["contradicted"]


def test_the_year_to_a_month_is_a_rolling_year() -> None:
    got = _read(
        SAMPLE,
        "The prosecution possible outcome rate stands at 10.1% for the rolling year, compared"
        " with 11.5% for the year to June 2018.\n",
        "2019-06",
    )
    assert [g[2] for g in got if g[0] == "11.5%"] == ["R12:2018-06"]
    assert ("June 2018", "period") in _classes(
        SAMPLE, "In the year to June 2018 crime rose.\n", "2019-06"
    )


def test_pence_survey_questions_and_a_paper_s_number() -> None:
    text = (
        "Report No: PCP 19/34\n\nThe rise is 19p a week, or 48p in every £1.\n\n"
        "Q1. Do you support a rise of £10 a year?\nYes / No\n\nQ2. Which three matter most?\n"
    )
    got = dict(_classes(CITY, text, "2019-10"))
    assert got["19p"] == got["48p"] == "value"
    assert got["Q1"] == got["Q2"] == "reference"
    assert got["19/34"] == "reference"
    assert dict(_classes(CITY, "Crime fell in Q3 2019/20.\n", "2019-12"))["Q3"] == "period"


def test_numbers_to_ring() -> None:
    text = (
        "A witness called 999. Call 101 to report a crime, or 999 in an emergency. Text 18000."
        " Report crime that is not an emergency on 101. A call handler on 101 took the call.\n"
    )
    classes = [c for t, c in _classes(CITY, text, "2019-10")]
    assert classes == ["reference"] * 5 + ["other"]


def test_a_yearless_month_is_not_read_far_ahead_of_the_reporting_month() -> None:
    got = _read(
        NORTHSHIRE,
        "Since the start of the financial year in April, Fellgate recorded 318 assaults. In"
        " 2019 the quietest month for assaults in Fellgate was January.\n",
        "2019-11",
    )
    report = checker_for(NORTHSHIRE).check_text(
        "Assaults in Fellgate were 40 in April.\n", month="2019-11"
    )
    assert report.verdicts[0].claim.period == "2019-04"
    assert not [f for f in report.findings if f.kind == "month_after_reporting"]
    assert got  # read, with no month after the reporting month
    ahead = checker_for(NORTHSHIRE).check_text(
        "Assaults in Fellgate were 40 in December.\n", month="2019-11"
    )
    assert [f.kind for f in ahead.findings] == ["month_after_reporting"]


def test_a_run_of_years_and_a_mark_are_no_direction_to_check() -> None:
    got = _read(
        SAMPLE,
        "The domestic abuse outcome rate has fallen in each of the last three years.\n",
        "2018-12",
    )
    assert [g for g in got if g[0] == "fallen"] == []
    report = checker_for(CITY).check_text(
        "## 2 Calls\n\n2.1 The City of London answered 89.1% of calls, up from 85.7%, so it"
        " remains just below the standard.\n",
        month="2019-10",
    )
    assert "conflicting_directions" not in [f.kind for f in report.findings]


def test_minutes_pointing_into_the_report_and_a_request_for_later() -> None:
    report = checker_for(CITY).check_text(
        "## 1 Minutes\n\n1.1 He drew attention to paragraph 4.3 of the report. The Panel asked"
        " the Commissioner to report again in March 2020 on the improvement in call answering.\n",
        month="2019-10",
    )
    assert [f.kind for f in report.findings] == []


def test_a_month_named_with_a_peak_or_after_with_is_another_figure_s() -> None:
    got = _read(NORTHSHIRE, "Vehicle thefts: 645 in July 2019, just off the May peak.\n", "2019-07")
    assert [g[2] for g in got if g[0] == "645"] == ["2019-07"]
    got = _read(
        CITY, "Bicycle theft fell by 5.4% to 434 in 2019, with August the worst month.\n", "2019-12"
    )
    assert [g[2] for g in got if g[0] in ("5.4%", "434")] == ["CY:2019", "CY:2019"]


def test_a_share_in_brackets_after_a_level_noun_is_no_count_of_areas() -> None:
    report = checker_for(NORTHSHIRE).check_text(
        "Eastmoor has the highest solved rate of the six districts (16.1%).\n", month="2019-07"
    )
    assert [v.verdict.value for v in report.verdicts if v.claim.text == "16.1%"] != ["contradicted"]


def test_a_ranked_month_and_a_part_s_own_title() -> None:
    report = checker_for(CITY).check_text(
        "Commissioner's Annual Statement\nSection 3: Crime in the Square Mile, 2019\n\n"
        "November was the highest month, with 807 crimes; January was the lowest, with 520.\n",
        month="2019-12",
    )
    assert [f.kind for f in report.findings] == []
    assert [v.claim.period for v in report.verdicts if v.claim.text == "520"] == ["2019-01"]
