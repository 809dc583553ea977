"""Numbers the twelfth pass's texts taught the scanner and the number list to tell apart:
the next number to ring, a short code to text, items of a list of questions, a council's
options, motions and standing orders, places numbered for finding them, outcome codes, a
team or a floor, "one" that stands for a thing, a law's sections, stretches and limits of
time, and the numbers of file names and links. Each case has a figure beside it that must
stay a figure."""

from __future__ import annotations

import pytest

from narrator.check.text.names import numbers_in_names
from narrator.check.tokens.scanner import scan
from tests.check.conftest import checker_for

from .test_check_eleventh_places import NORTHSHIRE


def _marks(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.label) for m in scan(text)]


@pytest.mark.parametrize(
    ("text", "said", "label"),
    [
        # the next number to ring, where the sentence says to ring
        ("Ring the estate office first, then 101.", "101", "PHONE"),
        ("999 if it is happening now, 101 otherwise, then tell us.", "101", "PHONE"),
        ("Police non-emergency 101 | Emergency 999", "101", "PHONE"),
        ("Text British Transport Police on 61016 or call us.", "61016", "PHONE"),
        # a question's number in a list of key lines of enquiry
        ("KLOE 3 What effect has the new law had?", "3", "REF"),
        # a council's options, motions, allegations and standing orders
        ("Members are asked to approve Option 2 at a cost of £84,000.", "2", "REF"),
        ("MOTION 2 – VEHICLE CRIME IN THE TOWN", "2", "REF"),
        ("Allegation 1 of 3: that you were searched", "1 of 3", "REF"),
        ("Members may ask questions under Standing Order 16.12 today.", "16.12", "REF"),
        # places and things numbered for finding them
        ("Sat 9 Nov: plots 22, 23 and 41 had shed padlocks cut.", "22, 23 and 41", "CODE"),
        ("The new camera covers bays 1 to 12.", "1 to 12", "CODE"),
        ("Meet at the community room (buzzer 14).", "14", "CODE"),
        ("VEHICLE THEFT (HO CODES 045, 048)", "045, 048", "CODE"),
        ("Solved = outcome types 1-8 (charge, caution)", "1-8", "CODE"),
        ("1st XI: finished third in the league.", "1st", "CODE"),
        # the base a rate is worked to
        ("divided by the population and multiplied by 1,000.", "1,000", "BASE"),
        ("Rate = crimes / population x 1,000", "1,000", "BASE"),
        # the service a number names
        ("101 callers waited almost three minutes.", "101", "LEVEL"),
        ("Of 999 calls, 91.2% were answered within 10 seconds.", "999", "LEVEL"),
        ("- 999: 8,936 / 101: 22,148", "101", "LEVEL"),
        # the size of a group, however it is said
        ("11 of them were in the four rural districts", "four", "GROUP"),
        ("the figures for the 43 territorial forces", "43", "GROUP"),
        ("Of the four Welsh forces, Dyfed-Powys has the lowest rate.", "four", "GROUP"),
        ("in each of our six districts, so you can see", "six", "GROUP"),
        ("the biggest drop of the county's three council areas", "three", "GROUP"),
        ("Group 5 was the lowest of the five at 4.6%.", "five", "GROUP"),
        ("perception across London's 32 boroughs", "32", "GROUP"),
        # a dashboard's visuals and screens, a survey's waves, a pack's blocks, a promise
        ("Visual 1 of 7. Card: All crime, April 2018.", "1 of 7", "REF"),
        ("[Text capture - Screen 2 of 4: CRIME & SEARCH]", "2 of 4", "REF"),
        ("This note       Wave 12 of 12 (March 2016 fieldwork)", "12 of 12", "REF"),
        ("BLOCK 3  DWELLING BURGLARY", "3", "REF"),
        ("PROMISE 4 - A Community Safety Fund of £250,000 a year", "4", "REF"),
        # the ends and the key of a scale, and the rounding of figures
        ("risk is scored on a scale of 1 to 4; score = likelihood x impact", "1 to 4", "SCALE"),
        ("with scores from 1 to 25, the analysts propose", "1 to 25", "SCALE"),
        ("Positions below run from 1 to 8; averages are weighted", "1 to 8", "SCALE"),
        ("Harm is scored out of 30 for each threat.", "30", "SCALE"),
        ("the charge rate, where 1 is the highest.", "1", "SCALE"),
        ("figures rounded to the nearest 10,000.", "10,000", "SCALE"),
        ("figures rounded to the nearest hundred.", "hundred", "SCALE"),
        # a collar number, a radio frequency and a podcast's episode
        ("Author:        PS 4417 Marsh, Operations Planning", "4417", "CODE"),
        ("DALESIDE 106.4 FM - NEWSROOM TRANSCRIPT", "106.4", "CODE"),
        ('Episode 14: "Is crime really going up?"', "14", "REF"),
        # a rating's tolerance, a confidence level and a standard
        ("A = worse by up to 10%, or a rise the group cannot explain", "10%", "THRESHOLD"),
        ("Flagged where it has moved by more than 3% in the wrong direction.", "3%", "THRESHOLD"),
        ("a change of less than 1% is shown as stable", "1%", "THRESHOLD"),
        ("a rate of 10.1 per 1,000 (95% CI 9.8 to 10.3)", "95%", "LEVEL"),
        ("still short of the 90% standard", "90%", "LEVEL"),
        ("below the national standard of 90% for calls", "90%", "THRESHOLD"),
        ("Meeting in the 1st-floor office.", "1st", "CODE"),
    ],
)
def test_a_number_that_is_no_figure(text: str, said: str, label: str) -> None:
    assert (said, label) in _marks(text)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a figure beside each of the numbers above stays a figure
        ("Ring the office: 101 burglaries were recorded in May.", "101"),
        ("There were 61016 calls in the year to March.", "61016"),
        ("KLOE 3 What effect has the law had? 42 assaults were recorded.", "42"),
        ("Option 2 would fund 120 stands.", "120"),
        ("Two strimmers were taken from 3 plots.", "3"),
        ("The force recorded 45 crimes in September.", "45"),
        ("Burglary rose by more than 10% to 1,200.", "1,200"),
        ("Fenland's 12 burglaries were the most since May.", "12"),
        ("Fenland accounted for 5 of the 12 in May.", "12"),
        ("PC 2231 made 14 arrests in May.", "14"),
        ("Officers made 101 arrests in May.", "101"),
        ("There were between 1200 and 1500 crimes a month.", "1500"),
        ("The rate is now at 12.45.", "12.45"),
        ("Crime rose from 1 to 4 in May.", "4"),
        # a count said as "one" is still a count
        ("In this quarter four were applied for and only one granted.", "one"),
        ("Robberies fell from three to one, the lowest this year.", "one"),
    ],
)
def test_a_figure_beside_them_stays_a_figure(text: str, said: str) -> None:
    assert (said, "COUNT") in _marks(text)


@pytest.mark.parametrize(
    "text",
    [
        "Burglary rose by more than 10% to 1,200.",
        "Crime fell by less than 1% in May.",
        "Thefts were 5% better than last year.",
    ],
)
def test_a_change_said_roughly_is_still_a_change(text: str) -> None:
    assert next(label for _, label in _marks(text)) == "PERCENT"


@pytest.mark.parametrize(
    "text",
    [
        "Huntingdonshire was the odd one out, up 8 on June.",
        "These are low numbers, and one or two offenders can move them.",
        "Any assault is one too many, she said.",
        "Theft of one kind or another is the biggest part of crime.",
        "The new financial year has begun, and this one covers April.",
        "Counts move around a great deal from one month to the next.",
        "Is it a Moorend problem or a county-wide one?",
    ],
)
def test_one_that_stands_for_a_thing_is_no_count(text: str) -> None:
    assert not [s for s, label in _marks(text) if s.lower() == "one" and label == "COUNT"]


@pytest.mark.parametrize(
    "text",
    [
        "These are low numbers, and one or two offenders can move them.",
        "The total could still move by a crime or two as reports are finalised.",
    ],
)
def test_or_two_is_a_few_not_a_count(text: str) -> None:
    assert not [s for s, label in _marks(text) if s == "two" and label == "COUNT"]


def test_one_and_two_said_of_crimes_are_counts() -> None:
    found = _marks("There was one burglary and two robberies.")
    assert ("one", "COUNT") in found
    assert ("two", "COUNT") in found


def _classes(text: str) -> dict[str, str]:
    report = checker_for(NORTHSHIRE).check_text(text, month="2019-11")
    return {n.text: n.cls for n in report.numbers}


def test_a_laws_section_is_a_reference() -> None:
    found = _classes(
        "The evidence meets the test in section 59 of the Act. Both are withheld under "
        "sections 31(1)(a) of the Act. Upland recorded 1,312 assaults in 2018.\n"
    )
    assert found["59"] == "reference"
    assert found["31(1)"] == "reference"
    assert found["1,312"] == "value"


def test_a_stretch_or_a_limit_of_time_is_no_value() -> None:
    found = _classes(
        "The consultation ran for six weeks to 9 October. The mover has up to five minutes "
        "to speak. The average wait was 19 days, against 24 the year before. Then came an "
        "open discussion (about 25 minutes).\n"
    )
    assert found["six weeks"] == "period"
    assert found["five minutes"] == "other"
    assert found["19 days"] == "value"
    assert found["25 minutes"] == "period"


@pytest.mark.parametrize(
    ("text", "said", "cls"),
    [
        ("FORMULA DUMP   District_Pack_2018-12_v4.xlsm   sheet 1", "2018-12", "period"),
        ("FORMULA DUMP   District_Pack_2018-12_v4.xlsm   sheet 1", "4", "reference"),
        ('. use "S:\\Analysis\\Data\\monthly_201506.dta", clear', "201506", "period"),
        ("GET https://data.police.uk/data/archive/2020-09.zip -> 200", "2020-09", "period"),
        ("Attachments: Saltby_vehicle_crime_Jan19.xlsx", "19", "period"),
        ("filter VT_FY1516_extract_v3.xlsx", "1516", "period"),
        ("run_id=job_20201022_77 ended", "77", "other"),
        ("Three versions of the pack (v1.0, v1.1 and v1.2) went out.", "1.1", "reference"),
    ],
)
def test_the_numbers_of_file_names_and_links(text: str, said: str, cls: str) -> None:
    found = {text[s:e]: c for s, e, c in numbers_in_names(text)}
    assert found[said] == cls


def test_a_figure_beside_a_file_name_stays_a_figure() -> None:
    text = "See Upland_pack_v2.xlsx: Upland recorded 1,312 assaults in 2018.\n"
    assert "1,312" not in {text[s:e] for s, e, _ in numbers_in_names(text)}
    found = _classes(text)
    assert found["1,312"] == "value"
    assert found["2"] == "reference"  # the file's version, in the report's numbers


@pytest.mark.parametrize(
    ("text", "said", "label"),
    [
        ("COUNCIL – THURSDAY 14 JULY 2016 AT 10.00AM", "10.00AM", "TIME"),
        ("                 Latest 12m   Change", "12m", "PERIOD"),
        ("Thu 18 Oct 2018 10.15 BST", "10.15", "TIME"),
        ("Thursday 4 May 2017 at 14.00, Conference Room 3", "14.00", "TIME"),
        ("parked on the road, between 0100 and 0600hrs.", "0100 and 0600hrs", "TIME"),
        ("Patrols are running 2200 to 0600, four nights a week.", "2200 to 0600", "TIME"),
        ("The early shift runs 0600 to 1400 on weekdays.", "0600 to 1400", "TIME"),
        ("ONS figures out at 9.30 this morning.", "9.30", "TIME"),
        ("We'll resume at 11.25.", "11.25", "TIME"),
    ],
)
def test_a_time_in_capitals_and_the_latest_twelve_months(text: str, said: str, label: str) -> None:
    assert (said, label) in _marks(text)


_LISTING = (
    "Source: local data frame [4 x 3]\n\n"
    "                  area oct15 oct14\n"
    "1  East Cambridgeshire   309   267\n"
    "2       Cambridge City  1042   979\n"
    "3         Peterborough  1597  1522\n"
    "4              Fenland   514   563\n"
)
_LEAGUE = (
    "The five forces with the highest charge rates:\n\n"
    "1   Dyfed-Powys            15.6%\n"
    "2   North Wales            12.4%\n"
    "3   Cumbria                11.8%\n"
)


def test_a_listings_row_numbers_are_references_and_a_league_tables_ranks_are_not() -> None:
    listing = {
        (n.start, n.text): n.cls
        for n in checker_for(NORTHSHIRE).check_text(_LISTING, month="2019-11").numbers
    }
    first_rows = [cls for (start, said), cls in listing.items() if _LISTING[start - 1] == "\n"]
    assert first_rows and set(first_rows) == {"reference"}
    assert listing[(_LISTING.index("1042"), "1042")] == "value"
    # the same layout with its figures in order is a league table: its numbers are ranks
    league = {
        (n.start, n.text): n.cls
        for n in checker_for(NORTHSHIRE).check_text(_LEAGUE, month="2019-11").numbers
    }
    assert league[(_LEAGUE.index("1   Dyfed"), "1")] != "reference"
    # and so is a column headed "Rank", whatever order its figures are in
    ranked = "Rank  Force        Rate\n" + _LISTING.split("oct14\n", 1)[1]
    headed = {
        (n.start, n.text): n.cls
        for n in checker_for(NORTHSHIRE).check_text(ranked, month="2019-11").numbers
    }
    assert headed[(0 + ranked.index("1  East"), "1")] != "reference"


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Robbery fell in June. But May (51) and June (52) were both high.", True),
        ("  Bicycle theft, June:   43    (May: 31)", True),
        ("May alone had 45 bicycle thefts.", True),
        ("Solved thefts by month: April 106, May 116, June 121.", True),
        ("It was the May peak that drove the rise.", True),
        ("Crime was down compared with May, the busiest month.", True),
        ("The figures May change when the data are refreshed.", False),
    ],
)
def test_may_the_month_and_may_the_verb(text: str, month: bool) -> None:
    found = _classes(text)
    assert (found.get("May") == "period") is month


def test_a_numbered_list_in_order_of_its_figures_is_a_ranking() -> None:
    ranked = (
        "Solved rates over 12 months:\n\n"
        "1. Moorend – 20.9%\n2. Highcross – 18.9%\n3. Saltby – 18.4%\n4. Harbourside – 17.7%\n"
    )
    found = {
        (n.start, n.text): (n.cls, n.kind)
        for n in checker_for(NORTHSHIRE).check_text(ranked, month="2019-06").numbers
    }
    assert found[(ranked.index("1. Moorend"), "1")] == ("value", "rank")
    # a list out of order, or a contents page, is numbered, not ranked
    actions = "Actions:\n\n1. Harbourside – 171 thefts\n2. Saltby – 65 thefts\n3. Moorend – 99\n"
    listed = {
        (n.start, n.text): n.cls
        for n in checker_for(NORTHSHIRE).check_text(actions, month="2019-06").numbers
    }
    assert listed[(actions.index("1. Harbour"), "1")] == "reference"
    contents = (
        "Contents\n\n1. Summary ........ 2\n2. All crime ........ 3\n3. Outcomes ........ 5\n"
    )
    pages = {
        (n.start, n.text): n.cls
        for n in checker_for(NORTHSHIRE).check_text(contents, month="2019-06").numbers
    }
    assert pages[(contents.index("1. Summary"), "1")] == "reference"


def test_a_ranking_with_dot_leaders_is_no_listing_of_rows() -> None:
    text = (
        "Rolling solved rate by district\n"
        "  1  Fenland ................ 7.2%\n"
        "  2  Peterborough ........... 5.6%\n"
        "  3  Cambridge City ......... 4.8%\n"
    )
    found = {
        (n.start, n.text): n.cls
        for n in checker_for(NORTHSHIRE).check_text(text, month="2019-06").numbers
    }
    assert found[(text.index("1  Fenland"), "1")] != "reference"


def test_a_measurement_in_its_unit_is_a_value_of_no_claim() -> None:
    report = checker_for(NORTHSHIRE).check_text(
        "The highest speed recorded was 52mph. Seizures included 188kg of cocaine.\n",
        month="2019-11",
    )
    found = {n.text: (n.cls, n.kind, n.claim) for n in report.numbers}
    assert found["52mph"] == ("value", "other", None)
    assert found["188kg"] == ("value", "other", None)
    assert not report.contradictions


@pytest.mark.parametrize(
    ("text", "said", "cls"),
    [
        ("Planner export\n\n[x] D1  Call-back option for 101 callers\n", "D1", "reference"),
        ("Learning outcomes\n\nLO2  set the figures beside the charges;\n", "LO2", "reference"),
        ("Hypotheses\n\nH1  A genuine rise in opportunist theft.\n", "H1", "reference"),
        ("Crime fell in H1 2019/20 against the year before.\n", "H1", "period"),
    ],
)
def test_an_items_label_at_the_start_of_its_line(text: str, said: str, cls: str) -> None:
    assert _classes(text)[said] == cls
