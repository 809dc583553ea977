"""Layouts seen in the tenth pass's texts, on projects the rules were not written on
(Northshire, the City of London): a leaflet's box of figures each leading its line, minutes
numbered under their minute ("34.1"), a scorecard's items listed again over their
commentary, a freedom of information reply's "Q4." and "A4.", a minute's code
("PCP/18/34"), "[Chart 1: ...]", the text relay number and "999 if you are in danger"."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.check.text.parse import parse_text
from tests.check.conftest import checker_for, level

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"


def _classes(root: Path, text: str, month: str) -> dict[str, str]:
    report = checker_for(root).check_document(parse_text(text), month=month)
    return {n.text: n.cls for n in report.numbers}


def test_a_box_of_figures_each_leading_its_line_is_read_a_line_at_a_time() -> None:
    month = "2018-12"
    assaults = level(NORTHSHIRE, "assaults", "Northshire", "CY:2017", month)
    solved = level(NORTHSHIRE, "thefts_solved", "Northshire", "CY:2018", month)
    text = (
        "[FRONT PANEL]\n\nLess than 7p a week.\n"
        "That is what I propose each household adds to its policing bill next year.\n\n"
        f"{assaults:,.0f}    assaults in 2017\n"
        f"{solved:,.0f}    vehicle thefts solved, or about {solved / 365:.0f} a day\n"
        "12       new officers on the streets\n\n"
        "WHY I AM ASKING\nThe grant for policing falls again next year and the force must save.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=month)
    read = {v.claim.text: v.claim for v in report.verdicts}
    # 2017 is the first line's, not the solved thefts' of the line after it.
    assert read[f"{solved:,.0f}"].period != "CY:2017"
    assert not report.contradictions


def test_minutes_numbered_under_their_minute() -> None:
    text = (
        "PCP/18/34   QUESTIONS TO THE COMMISSIONER\n\n"
        "34.1   The Chairman opened the item.\n\n"
        "34.2   Cllr Green asked about burglary. The Commissioner said 31 burglaries had "
        "been recorded.\n"
    )
    classes = _classes(NORTHSHIRE, text, "2018-05")
    assert classes["34.1"] == "reference"
    assert classes["34.2"] == "reference"
    assert classes["PCP/18/34"] == "reference"
    assert classes["31"] == "value"


def test_a_scorecards_items_listed_again_over_their_commentary() -> None:
    text = (
        "1.1  Robbery\n1.2  Shoplifting\n2.1  Other theft\n\nEXCEPTIONS\n\n"
        "1.2 Shoplifting - RED\nOffences rose in July.\n\n"
        "2.1 Other theft - RED\nOffences rose in July.\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month="2019-07")
    spans = [(n.start, n.cls) for n in report.numbers if n.text in ("1.2", "2.1")]
    assert spans and all(cls == "reference" for _, cls in spans)


def test_a_requests_questions_and_answers() -> None:
    text = (
        "Q3. How many offences were recorded in Saltby?\n"
        "A3. 65 offences were recorded.\n"
        "Q4. The same information for the year so far.\n"
        "A4. We hold this information.\n"
    )
    classes = _classes(NORTHSHIRE, text, "2019-02")
    assert classes["Q4"] == "reference"
    # A quarter stays a quarter where the paper answers no questions.
    quarter = _classes(NORTHSHIRE, "Q4. The busiest quarter for thefts.\n", "2019-02")
    assert quarter["Q4"] == "period"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("[Chart 1: vehicle thefts by month]\n\nThefts rose.\n", "1"),
        ("Deaf or speech impaired? Text relay 18001 101.\n", "18001 101"),
        ("Report to us on 101, or 999 if you are in immediate danger.\n", "999"),
        ("Any questions? 101 for reports, 999 if it is happening now.\n", "101"),
    ],
)
def test_references_and_numbers_to_ring(text: str, number: str) -> None:
    assert _classes(NORTHSHIRE, text, "2019-02")[number] == "reference"


def test_a_count_of_one_hundred_and_one_is_still_a_count() -> None:
    classes = _classes(NORTHSHIRE, "There were 101 for the month in Saltby.\n", "2019-02")
    assert classes["101"] == "value"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Thu 01/12/16 | 0830 | Harbourside police station\n", "0830"),
        ("Figures from the crime system at 0645 Thu 01/12, provisional.\n", "0645"),
        ("Custody at 0700: 11 in.\n", "0700"),
        ("Paper to the Chief Inspector by 1200 today.\n", "1200"),
        ("ASB 7d is 20% above the 4-wk avg.\n", "7d"),
        ("ASB 7d is 20% above the 4-wk avg.\n", "4-wk"),
    ],
)
def test_a_briefing_sheets_times_and_windows_are_periods(text: str, number: str) -> None:
    assert _classes(NORTHSHIRE, text, "2016-11")[number] == "period"


@pytest.mark.parametrize(
    "text", ["There were 1200 thefts in 2018.\n", "Thefts fell by 1200 in 2018.\n"]
)
def test_a_four_figure_count_is_still_a_count(text: str) -> None:
    assert _classes(NORTHSHIRE, text, "2018-12")["1200"] == "value"


def test_a_packs_labelled_lines_give_their_periods() -> None:
    month = "2019-02"
    figures = {
        p: level(CITY, "crimes_all", "City of London", p, month)
        for p in ("2019-02", "2019-01", "2018-02", "R12:2019-02")
    }
    rate = level(CITY, "ss_find_rate", "City of London", "2019-01", month)
    searches = {
        p: level(CITY, "ss_all", "City of London", p, month)
        for p in ("2019-02", "2019-01", "2018-02", "R12:2019-02")
    }
    text = (
        "HOW TO READ THIS PAGE\nEach crime type shows the month, the month before, the same "
        "month a year earlier and the rolling year.\n\n"
        "ALL CRIME\n"
        f"This month:               {figures['2019-02']:,.0f}\n"
        f"Last month:               {figures['2019-01']:,.0f}\n"
        f"Same month last year:     {figures['2018-02']:,.0f}\n"
        f"Rolling 12 months:       {figures['R12:2019-02']:,.0f}\n"
        "Comment: Up on January.\n\n"
        f"STOP AND SEARCH\nThis month:   {searches['2019-02']:,.0f}\n"
        f"Last month:   {searches['2019-01']:,.0f} (find rate {rate:.1f}%)\n"
        f"Same month last year:   {searches['2018-02']:,.0f}\n"
        f"Rolling 12 months:   {searches['R12:2019-02']:,.0f}\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    assert not report.contradictions
    said = {v.claim.text: v.claim for v in report.verdicts}
    assert said[f"{figures['2019-01']:,.0f}"].period == "2019-01"
    assert said[f"{figures['2018-02']:,.0f}"].period == "2018-02"
    assert said[f"{figures['R12:2019-02']:,.0f}"].period == "R12:2019-02"
    assert said[f"{rate:.1f}%"].period == "2019-01"
    slip = f"{figures['2019-01'] + 1:,.0f}"
    wrong = text.replace(
        f"Last month:               {figures['2019-01']:,.0f}", f"Last month: {slip}"
    )
    found = checker_for(CITY).check_document(parse_text(wrong), month=month)
    assert any(v.claim.text == slip for v in found.contradictions)


def test_a_tasking_sheets_items_and_codes() -> None:
    text = (
        "Fenland tasking\n\n"
        "[P1] DWELLING BURGLARY - Wisbech        RETAINED\n\n"
        "   1.1  Bail conditions check on the Wisbech nominal.        Owner: DI Fenland\n"
        "   1.2  Cocooning at the last six scenes.        Owner: NPT Sergeant\n\n"
        "Decisions: P1 retained.\n\n"
        "VWI  Jul 59  |  Avg 49.5\n\n"
        "Q1  True or false: more crimes were recorded in October?\n"
        "PART 1: PERFORMANCE REPORT\n"
    )
    classes: dict[str, list[str]] = {}
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month="2018-07")
    for n in report.numbers:
        classes.setdefault(n.text, []).append(n.cls)
    assert classes["P1"] == ["reference", "reference"]
    assert classes["1.1"] == ["reference"] and classes["1.2"] == ["reference"]
    assert classes["59"] == ["value"]
    assert classes["Q1"] == ["reference"]
    assert classes["1"] == ["reference"]
    assert not any(f.kind == "month_after_reporting" for f in report.findings)
