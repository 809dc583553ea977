"""What the fourteenth pass's texts taught the reader, on Northshire, the City of London and
Cambridgeshire: timestamps of ISO 8601, a script's timecodes, the hour a night's span starts,
numbered weeks in capitals, a program's source lines and a log's incidents, an audit's
shortened recommendations, a target's dot-leader line, a transcript's questions, the lettered
tables of a publication, a debrief's lettered points, an action numbered by its meeting, a
part of the paper "below", the force named by the word before its figure, and a change said
beside the period it is measured from. Each number that is no figure has a figure beside it
that must stay one, and each claim a wrong figure that must still be caught."""

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


def _classes(root: Path, text: str, month: str) -> list[tuple[str, str]]:
    report = checker_for(root).check_text(text, month=month)
    return [(n.text, n.cls) for n in report.numbers]


@pytest.mark.parametrize(
    ("text", "said", "label"),
    [
        # a timestamp of ISO 8601 in a CSV field or a path, whole
        (
            "  Person search,2019-11-02T01:40:00+00:00,18-24,White",
            "2019-11-02T01:40:00+00:00",
            "TIME",
        ),
        ("logs/build/2018-07-19T09:40:00+00:00/2.log", "2018-07-19T09:40:00+00:00", "TIME"),
        # a script's timecode, the hour a span of the night starts, a week in capitals
        ("00'03\"  Smashed side window, glass on the pavement", "00'03\"", "TIME"),
        ("The busiest hour was 23.00 to midnight on Saturday.", "23.00", "TIME"),
        ("THE WEEK IN UPLAND - WEEK 40", "WEEK 40", "QUARTER"),
        ("a joint briefing at 17:00: everyone knew the plan", "17:00", "TIME"),
        # a bound a rule or an aim sets
        ("an expectation of a find rate of at least 30%; October", "30%", "THRESHOLD"),
        ("asked for the find rate to stay above 30%; it did", "30%", "THRESHOLD"),
        ("flagged where a crime count has risen by more than 10% year to date", "10%", "THRESHOLD"),
        ("Find rates are not shown where fewer than 10 searches were made.", "10", "THRESHOLD"),
        ("may raise the precept on a Band D home by up to £10 a year", "£10", "THRESHOLD"),
        ("Contracts over £10,000 ........ P", "£10,000", "THRESHOLD"),
        ("Members asked about thefts under £200; the force", "£200", "THRESHOLD"),
        # the size of the group a rank is among; an exam's marks
        ("Rate per 1,000   Rank (of 42)", "42", "GROUP"),
        ("Q1. (3 marks) Table 2: how many", "3", "SCALE"),
        ("Time allowed: 40 minutes | Total: 20 marks | Pass: 14", "20", "SCALE"),
        # a window in a heading's capitals
        ("3. LAST 24 HRS / 7 DAYS / 28 DAYS (div, provisional)", "28 DAYS", "PERIOD"),
        ("CUR MTH   PREV MTH  SAME MTH LY    12 MTHS   PRIOR 12", "12 MTHS", "PERIOD"),
        ("4. CRIME - LAST 24 HOURS v 28-DAY DAILY AVERAGE", "28-DAY", "PERIOD"),
        # the clock in words
        ('He said: "I came out at half six to go to a job."', "six", "TIME"),
        ("The stall opens at a quarter to nine.", "nine", "TIME"),
        ("CUE: It's two minutes past five... (travel)", "two minutes past five", "TIME"),
        ("between about ten and three in the morning", "ten and three", "TIME"),
        ("in the Town Hall, starting at seven.", "seven", "TIME"),
        ("Severn Vale news at five, I'm Kerry Aldous.", "five", "TIME"),
        # a program's source line in a log; a log's incident
        ("[2018-07-19 09:41:07,233] {taskinstance.py:841} INFO - Starting", "841", "CODE"),
        ("  13.02  Inc 0191  Sleaford       Horse loose on the A15", "0191", "CODE"),
        # the calls to a service a figure beside it counts
        ("- 999: 8,936 / 101: 22,148", "999", "LEVEL"),
        ("- 999 +7.1% YoY; 101 ↓ (2.3%)", "999", "LEVEL"),
        ("- 999 +7.1% YoY; 101 ↓ (2.3%)", "101", "LEVEL"),
        ("Emergency (999)         7,456      7,218", "999", "LEVEL"),
        ("The 999 rise is the clearest cost pressure.", "999", "LEVEL"),
        # a section of an Act or a page, glued to its letter
        ("  A1  Cash seizures (s.294 POCA 2002)     23", "294", "REF"),
        ("Arrests for money laundering (ss.327-329)   14", "327-329", "REF"),
        ("- s.139B Criminal Justice Act 1988", "139B", "REF"),
        ("withheld under s.31(1)(a).", "31(1)(a)", "REF"),
        ("the checklist (attached, p.5) needs", "5", "REF"),
        # a carousel's image, a display's board
        ("--- Image 2 of 7 ---", "2 of 7", "REF"),
        ("BOARD 4  ANTI-SOCIAL BEHAVIOUR", "4", "REF"),
        # an audit's shortened recommendation
        ("Rec 2   AMBER  Late recording of crimes", "2", "REF"),
        # a target's line of a dot-leader scorecard, however the bound is worded
        ("    Target ..................... 18.5% or better", "18.5%", "THRESHOLD"),
        ("    Target ..................... no more than 7,000 a year", "7,000", "THRESHOLD"),
        ("    Target ........ below 2,850 a year", "2,850", "THRESHOLD"),
        # a target's figure no longer takes the space after it
        ("against a target of 7,000 a year", "7,000", "THRESHOLD"),
    ],
)
def test_a_number_that_is_no_figure(text: str, said: str, label: str) -> None:
    assert (said, label) in _marks(text)


@pytest.mark.parametrize(
    ("text", "said", "label"),
    [
        ("On 2019-11-02 there were 58 thefts.", "58", "COUNT"),
        ("    Actual ..................... 18.4%", "18.4%", "PERCENT"),
        ("Introduction ........ 3", "3", "COUNT"),
        ("The 841 thefts were the most since May.", "841", "COUNT"),
        ("The rate rose to 23.00 per 1,000 in May.", "23.00", "COUNT"),
        ("Thefts rose to 40 in week 40.", "40", "COUNT"),
        ("Arrests: 999 in May, up from 101: a record.", "999", "COUNT"),
        ("The 101 thefts were the most since May.", "101", "COUNT"),
        ("The board met 4 times in the year.", "4", "COUNT"),
        ("Arrests rose to 42 (of which 12 were for drugs).", "42", "COUNT"),
        ("The find rate was 32.1% and rose by more than 10% in May.", "10%", "PERCENT"),
        ("We made more than 1,000 arrests, up 10%.", "1,000", "COUNT"),
        ("When crime fell by more than 5% last year, arrests rose.", "5%", "PERCENT"),
        ("Arrests rose from three to five in a week.", "five", "COUNT"),
        ("Arrests at half six times the rate of 2015.", "six", "COUNT"),
        ("Thefts fell from ten to three in the year.", "three", "COUNT"),
        ("The team grew to seven.", "seven", "COUNT"),
        ("Violence 117 (101); public order 46 (41).", "101", "COUNT"),
        ("  Community resolution          14", "14", "COUNT"),
        ("  A1  Cash seizures (s.294 POCA 2002)     23", "23", "COUNT"),
        ("Burglary was raised as an issue 12 times.", "12", "COUNT"),
    ],
)
def test_a_figure_beside_them_stays_a_figure(text: str, said: str, label: str) -> None:
    assert (said, label) in _marks(text)


def test_a_clips_length_is_no_time_of_day() -> None:
    """A running timecode heads a script's line; a clip's length ("DUR 0'19\"") is how long
    it runs, a value."""
    assert "TIME" not in {label for _, label in _marks("CLIP:  PCC_BURG_1704   DUR 0'19\"")}


def test_a_transcripts_questions_are_references_and_a_quarter_stays_a_period() -> None:
    text = (
        "Questions Q1 to Q5 were sent in beforehand.\n\n"
        "Mr Pryke, Hemingford Grey (Q1):\nWe had a string of break-ins in the village.\n\n"
        "Burglary rose in Q3 to 1,200 dwellings.\n"
    )
    found = _classes(CAMBS, text, "2018-11")
    assert found.count(("Q1", "reference")) == 2
    assert ("Q5", "reference") in found
    assert ("Q3", "period") in found


def test_a_publications_lettered_tables_are_references() -> None:
    text = (
        "See Annex table A1.2 for the estimates, and data tables F1 to F9.\n"
        "Source: Home Office, table F1. The A14 was closed twice.\n"
    )
    found = _classes(CAMBS, text, "2018-11")
    assert ("A1.2", "reference") in found
    assert ("F9", "reference") in found
    assert ("F1", "reference") in found
    assert ("A14", "other") in found  # a road stays a code


def test_a_debriefs_lettered_points_and_a_meetings_actions_are_references() -> None:
    text = (
        "4. WHAT WENT WELL\n"
        "WWW1 Joint briefing with the Council: everyone knew the plan.\n"
        "EBI2 Body-worn video. Nine of 37 arrests had no footage.\n\n"
        "RESOLVED that action 18/27 be closed.\n"
    )
    found = _classes(NORTHSHIRE, text, "2018-11")
    assert ("WWW1", "reference") in found
    assert ("EBI2", "reference") in found
    assert ("18/27", "reference") in found
    assert ("37", "value") in found


def test_a_part_of_the_paper_below_is_no_direction() -> None:
    month = "2017-08"
    text = (
        "C3  Police recorded assaults\n"
        "Northshire Police gave the figures below for the whole Highcross district; most "
        "of the district's assaults in the summer months happen inside the area.\n"
    )
    assert verdicts_by_text(NORTHSHIRE, text, month) == {}
    # a level below another is still a direction to judge
    now = level(NORTHSHIRE, "assaults", "Highcross", month, month)
    before = level(NORTHSHIRE, "assaults", "Highcross", "2016-08", month)
    word = "below" if now < before else "above"
    wrong = "above" if word == "below" else "below"
    said = f"In August Highcross assaults were {wrong} August 2016.\n"
    found = verdicts_by_text(NORTHSHIRE, said, month)
    assert found[wrong][3] == Verdict.CONTRADICTED


def test_the_force_named_by_the_word_before_its_figure() -> None:
    month = "2018-05"
    force = level(NORTHSHIRE, "assaults", "Northshire", month, month)
    coastal = level(NORTHSHIRE, "assaults", "Coastal", month, month)
    assert force != coastal
    text = (
        "COASTAL DIVISION: VEHICLE CRIME CELL\n\n"
        f"Force assaults were {_n(force)} in May. Assaults were {_n(coastal)} in May.\n"
    )
    found = verdicts_by_text(NORTHSHIRE, text, month)
    assert found[_n(force)][1:] == ("Northshire", month, Verdict.SUPPORTED)
    assert found[_n(coastal)][1:] == ("Coastal", month, Verdict.SUPPORTED)
    off = _n(force + 25)
    wrong = verdicts_by_text(NORTHSHIRE, text.replace(f"were {_n(force)} ", f"were {off} "), month)
    assert wrong[off][1:] == ("Northshire", month, Verdict.CONTRADICTED)


def test_a_change_beside_the_period_it_is_measured_from() -> None:
    month = "2019-11"
    now = level(CITY, "crimes_all", CITY_AREA, month, month)
    before = level(CITY, "crimes_all", CITY_AREA, "2018-11", month)
    change = f"{100 * (now / before - 1):+.1f}%"
    text = f"- All crime {_n(now)} in November. Nov-18 {_n(before)} ({change}).\n"
    found = verdicts_by_text(CITY, text, month)
    assert found[change][3] == Verdict.SUPPORTED
    # the change said of the month it is measured from is misdated
    misdated = f"In November 2018 all crime rose by {change.lstrip('+')}.\n"
    assert verdicts_by_text(CITY, misdated, month)[change.lstrip("+")][3] == (Verdict.CONTRADICTED)
    # and a wrong change beside its base is still caught
    off = f"{100 * (now / before - 1) + 6:+.1f}%"
    wrong = verdicts_by_text(CITY, text.replace(change, off), month)
    assert wrong[off][3] == Verdict.CONTRADICTED


def test_the_force_a_paragraph_named_carries_on_in_a_divisions_paper() -> None:
    month = "2018-05"
    force = level(NORTHSHIRE, "thefts", "Northshire", month, month)
    coastal = level(NORTHSHIRE, "thefts", "Coastal", month, month)
    force_before = level(NORTHSHIRE, "thefts", "Northshire", "2017-05", month)
    coastal_before = level(NORTHSHIRE, "thefts", "Coastal", "2017-05", month)
    change = f"{abs(100 * (force / force_before - 1)):.1f}%"
    assert change != f"{abs(100 * (coastal / coastal_before - 1)):.1f}%"
    word = "below" if force < force_before else "above"
    text = (
        "COASTAL DIVISION: VEHICLE CRIME CELL\n\n1. SITUATION\n"
        f"Northshire recorded {_n(force)} vehicle thefts in May. May was {change} {word} May "
        f"2017.\n\n2. THE DIVISION\nVehicle thefts were {_n(coastal)} in May.\n"
    )
    found = verdicts_by_text(NORTHSHIRE, text, month)
    assert found[change][1] == "Northshire"
    assert found[change][3] == Verdict.SUPPORTED
    # the next paragraph, which names no area, is the division's again
    assert found[_n(coastal)][1] == "Coastal"


def test_a_direction_between_two_bracketed_figures_is_held_to_them() -> None:
    """ "this summer (355) were slightly below last summer's (360)": the sentence gives both
    figures, so the word is held to them (each figure is checked on its own), not to a
    month's change the reader would take for the period."""
    month = "2017-08"
    said = "Highcross vehicle thefts this summer ({a}) were slightly below last summer's ({b}).\n"
    agrees = verdicts_by_text(NORTHSHIRE, said.format(a=355, b=360), month)
    assert agrees["below"][3] == Verdict.SUPPORTED
    disagrees = verdicts_by_text(NORTHSHIRE, said.format(a=365, b=360), month)
    assert disagrees["below"][3] != Verdict.SUPPORTED


def test_a_papers_numbered_questions_are_references_wherever_named() -> None:
    text = (
        "RESPONSE\nQ1. We recorded 2,727 searches in the year.\n\n"
        "Q3. 607 searches resulted in arrest.\n\n"
        "HANDLING\n   - Take Q1 yourself; the Vice-Chair has offered Q3.\n"
    )
    found = _classes(CITY, text, "2019-11")
    assert found.count(("Q1", "reference")) == 2
    assert found.count(("Q3", "reference")) == 2
    assert ("2,727", "value") in found
    # a quarter with its year stays a period beside the questions
    beside = _classes(CITY, "Q1. Do you support a rise?\nCrime in Q2 2019 rose.\n", "2019-11")
    assert ("Q2", "period") in beside
    # and where no Q is a question, each is a quarter
    plain = _classes(CITY, "Q3 Performance Report\nIn Q1 crime rose to 1,200.\n", "2019-11")
    assert ("Q3", "period") in plain and ("Q1", "period") in plain


def test_a_hearings_question_numbers_hypotheses_and_requests_are_references() -> None:
    text = (
        "Q412 Chair: Good morning, and thank you for coming.\n\n"
        "H3  Reclassification: thefts from the person now count as other theft.\n"
        "H4  Displacement: thieves moved to the markets.\n\n"
        "WHAT THE PANEL REQUESTS\nRFI-1  The Fellgate solved rate by quarter.\n"
    )
    found = _classes(NORTHSHIRE, text, "2018-11")
    assert ("Q412", "reference") in found
    assert ("H3", "reference") in found and ("H4", "reference") in found
    assert ("RFI-1", "reference") in found
    # a half of the year stays a period
    assert ("H1", "period") in _classes(NORTHSHIRE, "In H1 crime rose to 1,200.\n", "2018-11")


def test_a_change_after_the_figure_of_the_period_it_is_measured_from() -> None:
    month = "2016-08"
    now = level(NORTHSHIRE, "thefts", "Northshire", month, month)
    before = level(NORTHSHIRE, "thefts", "Northshire", "2016-07", month)
    change = f"{now - before:+,.0f}"
    text = (
        f"Vehicle thefts in August: {_n(now)}. July had {_n(before)} vehicle thefts, so the "
        f"change on the month is {change}.\n"
    )
    found = verdicts_by_text(NORTHSHIRE, text, month)
    assert found[change][3] == Verdict.SUPPORTED
    # said of the month it is measured from, with no figure of its own, it is misdated
    misdated = f"In July 2016 vehicle thefts changed by {change} on the month.\n"
    assert verdicts_by_text(NORTHSHIRE, misdated, month)[change][3] == Verdict.CONTRADICTED


def test_a_direction_held_to_its_sentence_past_a_windows_length() -> None:
    month = "2017-08"
    said = "Highcross assaults this summer ({a}) were below the 12-month average of {b}.\n"
    agrees = verdicts_by_text(NORTHSHIRE, said.format(a=35.5, b=36.0), month)
    assert agrees["below"][3] == Verdict.SUPPORTED
    disagrees = verdicts_by_text(NORTHSHIRE, said.format(a=38.5, b=36.0), month)
    assert disagrees["below"][3] != Verdict.SUPPORTED


def test_a_rates_base_is_no_figure_a_direction_compares() -> None:
    from narrator.check.verdicts.compared import _figures

    sentence = "The rate of 53.4 crimes per 1,000 residents is below the county's 69.3."
    assert [f.value for f in _figures(sentence)] == [53.4, 69.3]
