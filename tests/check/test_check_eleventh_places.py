"""Areas, measures and structure the eleventh pass's texts taught the reader, on Northshire,
the City of London and Cambridgeshire's areas: a compass word in lower case is no division,
", so" starts a phrase of its own, "the whole county", the whole a share is of is not
another figure's measure, what a carried count "was for", a denied direction, a later
clause's month, when a record's series began, "360 in Highcross" after a list's first
area, a heading between the items of a numbered list, and a paper with no numbered
sections pointing to another document's. Each test has a wrong figure or word beside it
that must still be caught, or checks that a right one is not contradicted."""

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


def test_a_compass_word_in_lower_case_is_no_division() -> None:
    month = "2019-07"
    district = "East Cambridgeshire"
    total = level(CAMBS, "crimes_all", district, "R12:2019-07", month)
    text = (
        f"{district} has had a busy year. In the 12 months to the end of July officers "
        f"recorded {_n(total)} crimes across the district, from Littleport in the north to "
        "Cheveley in the south.\n"
    )
    found = _verdicts(CAMBS, text, month)
    assert found[_n(total)][1:] == (district, "R12:2019-07", Verdict.SUPPORTED)
    wrong = _verdicts(CAMBS, text.replace(_n(total), _n(total + 300)), month)
    assert wrong[_n(total + 300)][3] == Verdict.CONTRADICTED


def test_the_whole_county_and_a_phrase_after_so() -> None:
    month = "2018-01"
    county = level(CAMBS, "db_crimes", "Cambridgeshire", "R12:2018-01", month)
    text = (
        "Dwelling burglary in South Cambridgeshire is falling. Across the whole county the "
        f"rolling 12 month number of dwelling burglaries is {_n(county)}, so South Cambs is "
        "doing better than most.\n"
    )
    found = _verdicts(CAMBS, text, month)
    assert found[_n(county)][1] == "Cambridgeshire"
    assert found[_n(county)][3] == Verdict.SUPPORTED


def test_the_whole_a_share_is_of_is_not_another_figures_measure() -> None:
    month = "2020-10"
    drugs = level(CITY, "crimes_drugs", CITY_AREA, "R12:2020-10", month)
    text = (
        "Drugs offences are rising while almost everything else falls over the 12 months to "
        f"October: {_n(drugs)}, and now 10% of all crime.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(drugs)][0] == "crimes_drugs"
    assert found[_n(drugs)][3] != Verdict.CONTRADICTED


def test_what_a_carried_count_was_for() -> None:
    month = "2019-02"
    searches = level(CITY, "ss_all", CITY_AREA, month, month)
    drugs = level(CITY, "ss_controlled_drugs", CITY_AREA, month, month)
    text = (
        f"Officers carried out {_n(searches)} stop and searches in February. "
        f"{_n(drugs)} were for drugs.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(drugs)][0] == "ss_controlled_drugs"
    assert found[_n(drugs)][3] == Verdict.SUPPORTED
    wrong = _verdicts(CITY, text.replace(f"{_n(drugs)} were", f"{_n(drugs + 9)} were"), month)
    assert wrong[_n(drugs + 9)][3] == Verdict.CONTRADICTED


def test_a_denied_direction_gives_its_figure_no_change() -> None:
    month = "2020-11"
    now = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2020-09..2020-11", month)
    before = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2019-09..2019-11", month)
    low, high = sorted((now, before))
    text = (
        f"Bicycle theft is not rising: {_n(low)} offences in September to November against "
        f"{_n(high)} a year ago.\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    assert not [f for f in report.findings if f.kind == "arithmetic"]
    said = {v.claim.text: v.claim for v in report.verdicts}
    assert said[_n(low)].direction is None


def test_a_later_clauses_month_is_not_a_directions() -> None:
    month = "2018-07"
    text = (
        "Public order offences have risen in each of the last two months; the licensing "
        "team will bring the summer picture to September.\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    assert not [f for f in report.findings if f.kind == "month_after_reporting"]


def test_when_a_records_series_began_is_not_a_figures_month() -> None:
    month = "2016-07"
    fenland = level(CAMBS, "db_crimes", "Fenland", month, month)
    text = (
        f"Dwelling burglary\n\nFenland's {_n(fenland)} dwelling burglaries are the lowest "
        "monthly figure for the district since the current system started in April 2014.\n"
    )
    found = _verdicts(CAMBS, text, month)
    assert found[_n(fenland)][2:] == (month, Verdict.SUPPORTED)


def test_a_second_area_said_right_after_its_figure() -> None:
    month = "2016-08"
    run = "2016-06..2016-08"
    force = level(NORTHSHIRE, "thefts", "Northshire", run, month)
    harbour = level(NORTHSHIRE, "thefts", "Harbourside", run, month)
    high = level(NORTHSHIRE, "thefts", "Highcross", run, month)
    text = (
        f"Over the summer (June to August 2016) the force recorded {_n(force)} vehicle "
        f"thefts, of which {_n(harbour)} were in Harbourside and {_n(high)} in Highcross.\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[_n(high)][1:] == ("Highcross", run, Verdict.SUPPORTED)
    wrong = _verdicts(NORTHSHIRE, text.replace(f"{_n(high)} in", f"{_n(high + 25)} in"), month)
    assert wrong[_n(high + 25)][3] == Verdict.CONTRADICTED


def test_a_heading_between_numbered_items_heads_the_items_after_it() -> None:
    month = "2018-07"
    coastal = level(NORTHSHIRE, "thefts", "Coastal", month, month)
    upland = level(NORTHSHIRE, "thefts", "Upland", month, month)
    upland_rate = level(NORTHSHIRE, "solve_rate", "Upland", month, month)
    text = (
        "From: Performance Unit\nSubject: Exceptions digest, July 2018\n\nAll,\n\n"
        "Below is the digest for July 2018. As agreed at the board, it lists only the "
        "measures that moved by more than the threshold this month.\n\n"
        "COASTAL DIVISION\n"
        f"1. Vehicle thefts in the division came to {_n(coastal)} in July. EXCEPTION.\n"
        "   - Most of it on the seafront car parks; the division will report back.\n\n"
        "UPLAND DIVISION\n"
        f"2. Vehicle thefts in the division came to {_n(upland)} in July. EXCEPTION.\n"
        f"3. The solved rate for July was {upland_rate:.1f}%, an exception again.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=month)
    said = {v.claim.text: v for v in report.verdicts}
    assert said[_n(coastal)].claim.area == "Coastal"
    assert said[_n(upland)].claim.area == "Upland"
    assert said[f"{upland_rate:.1f}%"].claim.area == "Upland"
    assert said[f"{upland_rate:.1f}%"].verdict == Verdict.SUPPORTED
    assert not report.findings


def test_a_paper_without_numbered_sections_points_to_another_documents() -> None:
    text = (
        "EXECUTIVE SUMMARY\n\nThis summary draws together the main findings of the full "
        "assessment (sections 2 to 6). Detail on the night-time economy is in section 4.3 "
        "of the full document.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month="2018-06")
    assert not [f for f in report.findings if f.kind == "xref_missing"]


def test_a_lettered_sections_paragraph_labels_and_a_grids_ages_are_not_values() -> None:
    month = "2019-02"
    force = level(NORTHSHIRE, "thefts", "Northshire", month, month)
    text = (
        "CONTACT AND CRIME REPORT\n\n"
        f"B.1  The force recorded {_n(force)} vehicle thefts in February, a busy month.\n"
        "B.2  Most of the thefts were reported online rather than by telephone.\n\n"
        "Ref      Offence               Outcome   Age   Finding\n"
        "19/201   Shop theft (£30)      CR        24    A\n"
        "19/207   Criminal damage       CC        41    AO\n"
        "19/215   Public order          PND       33    A\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=month)
    classes = {text[n.start : n.end]: n.cls for n in report.numbers}
    assert classes["B.1"] == "reference"
    assert classes["B.2"] == "reference"
    assert classes["24"] == classes["41"] == "other"
    assert classes[_n(force)] == "value"


def test_a_csv_extracts_figures_are_values_and_its_column_names_periods() -> None:
    month = "2020-05"
    text = (
        "From: Performance Unit\nSubject: May figures\n\nHi,\n\nThe extract is pasted "
        "below as plain text because the mail filter strips attachments.\n\n"
        "measure,may_2020,apr_2020,r12\n"
        '"All crime",169,206,7725\n'
        '"Burglary",16,28,301\n'
        '"Robbery",5,0,138\n\n'
        "Thanks\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    classes = {text[n.start : n.end]: n.cls for n in report.numbers}
    assert classes["169"] == classes["7725"] == "value"
    assert classes["may_2020"] == classes["r12"] == "period"
    assert not report.contradictions


def test_two_months_then_a_figure_for_each_are_not_one_total() -> None:
    month = "2020-08"
    april = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2020-04", month)
    may = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2020-05", month)
    text = (
        "Bicycle theft fell away during lockdown: in April and May, when few people cycled in, "
        f"we recorded {_n(april)} and {_n(may)} bicycle thefts.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(april)][2] != "YTD:2020-05"
    assert found[_n(april)][3] != Verdict.CONTRADICTED


def test_a_rating_keys_letter_bands_are_thresholds() -> None:
    month = "2016-03"
    force = level(NORTHSHIRE, "thefts", "Northshire", month, month)
    text = (
        "DISTRICT HEAT MAP, MARCH 2016\n\n"
        "Key (thefts, down is good):\n"
        "  G = a fall, or a rise under 5%\n"
        "  A = a rise of 5% to 9.9%\n"
        "  R = a rise of 10% or more\n\n"
        f"The force recorded {_n(force)} vehicle thefts in March.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=month)
    classes = {text[n.start : n.end]: n.cls for n in report.numbers}
    assert classes["9.9%"] == classes["5%"] == "other"
    assert classes[_n(force)] == "value"


def test_a_footnote_glued_to_a_rows_name_and_periods_in_column_names() -> None:
    month = "2015-10"
    text = (
        "From: Analyst\nSubject: October\n\nHi,\n\nThe table from the console is below; the "
        "notes are at the foot of the email as usual.\n\n"
        "                  area oct15 oct14   chg\n"
        "1       Cambridge City  1042   979   6.4\n"
        "2         Peterborough  1597  1522   4.9\n"
        "3        Cambridgeshire  4698  4613   1.8\n\n"
        "Burglary3\t4,012\t10\n"
        "Robbery2\t310\t12\n"
        "Vehicle offences1\t5,880\t9\n"
    )
    report = checker_for(CAMBS).check_document(parse_text(text), month=month)
    classes = {(n.start, text[n.start : n.end]): n.cls for n in report.numbers}
    by_text = {said: cls for (_, said), cls in classes.items()}
    assert by_text["oct15"] == by_text["oct14"] == "period"
    assert by_text["3"] == "reference"  # the marker glued to "Burglary"
    assert by_text["4,012"] == "value"


def test_a_figure_after_which_was_is_the_compared_months() -> None:
    month = "2020-04"
    april = level(CITY, "crimes_shoplifting", CITY_AREA, month, month)
    march = level(CITY, "crimes_shoplifting", CITY_AREA, "2020-03", month)
    direction = "down" if april < march else "up"
    text = (
        f"Shoplifting was {_n(april)} in April, so {direction} on March, which was {_n(march)}.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(march)][2:] == ("2020-03", Verdict.SUPPORTED)


def test_the_area_a_sentence_opens_with_goes_on_past_its_semicolons() -> None:
    month = "2020-02"
    r12 = level(NORTHSHIRE, "assaults", "Moorend", "R12:2020-02", month)
    feb = level(NORTHSHIRE, "assaults", "Moorend", month, month)
    text = f"Moorend assaults: {_n(feb)} in February; {_n(r12)} in the 12 months to February.\n"
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[_n(r12)][1:] == ("Moorend", "R12:2020-02", Verdict.SUPPORTED)


def test_a_ranks_group_size_and_a_cause_put_down_to() -> None:
    month = "2016-04"
    fellgate = level(NORTHSHIRE, "thefts", "Fellgate", month, month)
    text = (
        f"Fellgate recorded {_n(fellgate)} vehicle thefts in April, 2nd of the 3 Upland "
        "districts behind Highcross. The force puts the change down largely to better "
        "recording.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=month)
    assert not report.contradictions
    assert "down" not in {v.claim.text for v in report.verdicts}
