"""Claims the twelfth pass's texts taught the reader, on Northshire, the City of London and
Cambridgeshire: a figure in brackets after the month it is compared on, a period after
"three times the", a one-word name in a later paragraph, the name of a fund, a line that
leads into a list, and "the city" for a district named a city. Each test has a wrong figure
or word beside it that must still be caught, or checks that a right one is not
contradicted."""

from __future__ import annotations

from narrator.check import Verdict
from tests.check.conftest import level, verdicts_by_text, whole

from .test_check_eleventh_places import CAMBS, CITY, CITY_AREA, NORTHSHIRE

_verdicts = verdicts_by_text
_n = whole


def test_a_bracket_after_the_month_it_is_compared_on() -> None:
    month = "2019-11"
    area = "Highcross"
    now = level(NORTHSHIRE, "thefts", area, "2019-11", month)
    before = level(NORTHSHIRE, "thefts", area, "2019-10", month)
    year_ago = level(NORTHSHIRE, "thefts", area, "2018-11", month)
    text = (
        f"{_n(now)} vehicle thefts in {area} in November. That is down on October "
        f"({_n(before)}) but up on November last year ({_n(year_ago)}).\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[_n(year_ago)][1:] == (area, "2018-11", Verdict.SUPPORTED)
    off = _n(year_ago + 4)
    wrong = _verdicts(NORTHSHIRE, text.replace(f"({_n(year_ago)})", f"({off})"), month)
    assert wrong[off][1:] == (area, "2018-11", Verdict.CONTRADICTED)


def test_times_the_figure_of_a_month_is_compared_with() -> None:
    month = "2020-07"
    now = level(CITY, "ss_all", CITY_AREA, "2020-07", month)
    june = level(CITY, "ss_all", CITY_AREA, "2020-06", month)
    year_ago = level(CITY, "ss_all", CITY_AREA, "2019-07", month)
    assert now > 3 * june and now > year_ago
    text = (
        f"In July the force carried out {_n(now)} searches, more than three times the "
        f"{_n(june)} in June and well above the {_n(year_ago)} in July 2019. Of those, "
        f"{_n(now)} were recorded on body-worn video.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found["above"][2:] == ("2020-07", Verdict.SUPPORTED)
    # the sentence after speaks of July, not of June
    assert found[_n(now)][2] == "2020-07"
    off = _n(june + 6)
    wrong = _verdicts(CITY, text.replace(f"the {_n(june)} in June", f"the {off} in June"), month)
    assert wrong[off][2:] == ("2020-06", Verdict.CONTRADICTED)


def test_a_one_word_name_in_a_later_paragraph() -> None:
    month = "2020-09"
    sept = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2020-09", month)
    fytd = level(CITY, "crimes_bicycle_theft", CITY_AREA, "YTD:2020-09", month)
    text = (
        f"1. In September the City of London Police recorded {_n(sept)} bicycle thefts.\n\n"
        "2. Taken over longer periods the picture is less stark, because the lockdown "
        f"emptied the streets. From April to September 2020 there were {_n(fytd)} "
        "thefts.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(fytd)][0] == "crimes_bicycle_theft"
    assert found[_n(fytd)][3] == Verdict.SUPPORTED
    wrong = _verdicts(CITY, text.replace(f"were {_n(fytd)}", f"were {_n(fytd + 40)}"), month)
    assert wrong[_n(fytd + 40)][3] == Verdict.CONTRADICTED


def test_the_name_of_a_fund_is_no_fall() -> None:
    month = "2019-11"
    assaults = level(NORTHSHIRE, "assaults", "Upland", "2019-11", month)
    text = (
        f"Upland recorded {_n(assaults)} assaults in November 2019. The Commissioner's "
        "£75,000 violence reduction fund pays for street marshals there.\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    assert "reduction" not in found
    # a reduction said of the figures is still read and checked
    said = _verdicts(
        NORTHSHIRE, "There was a reduction in assaults in Upland in November.\n", month
    )
    assert "reduction" in said


def test_a_line_that_leads_into_a_list() -> None:
    month = "2019-09"
    district = "Cambridge City"
    sept = level(CAMBS, "catalytic", district, "2019-09", month)
    aug = level(CAMBS, "catalytic", district, "2019-08", month)
    text = (
        "Car park thefts\n\n"
        "Peterborough had a quiet month. We are far from the only ones, though. The "
        f"neighbourhood team passed on these figures for {district}:\n"
        f"  * September: {_n(sept)} catalytic converter thefts, against August's {_n(aug)}.\n"
    )
    found = _verdicts(CAMBS, text, month)
    assert found[_n(aug)][1:] == (district, "2019-08", Verdict.SUPPORTED)
    wrong = _verdicts(CAMBS, text.replace(f"August's {_n(aug)}", "August's 90"), month)
    assert wrong["90"][3] == Verdict.CONTRADICTED


def test_the_city_is_the_district_named_a_city() -> None:
    month = "2019-09"
    district = "Cambridge City"
    sept = level(CAMBS, "catalytic", district, "2019-09", month)
    text = (
        f"Our club ground is in {district}, by the river.\n\n"
        f"Cambridgeshire Constabulary recorded {_n(sept)} catalytic converter thefts in the "
        "city in September.\n"
    )
    found = _verdicts(CAMBS, text, month)
    assert found[_n(sept)][1:] == (district, "2019-09", Verdict.SUPPORTED)


def test_a_year_after_the_same_months_of_another() -> None:
    month = "2020-08"
    run = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2020-01..2020-08", month)
    before = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2019-01..2019-08", month)
    earlier = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2018-01..2018-08", month)
    whole_year = level(CITY, "crimes_bicycle_theft", CITY_AREA, "CY:2018", month)
    assert earlier != whole_year
    text = (
        f"The total of bicycle thefts for January to August 2020 is {_n(run)}, compared "
        f"with {_n(before)} in the same months of 2019 and {_n(earlier)} in 2018.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(earlier)][2:] == ("2018-01..2018-08", Verdict.SUPPORTED)
    off = _n(earlier + 5)
    wrong = _verdicts(CITY, text.replace(f"and {_n(earlier)}", f"and {off}"), month)
    assert wrong[off][3] == Verdict.CONTRADICTED


def test_the_same_months_of_a_year_after_another_figure_compared() -> None:
    month = "2020-11"
    run = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2020-09..2020-11", month)
    summer = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2020-06..2020-08", month)
    year_ago = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2019-09..2019-11", month)
    text = (
        f"From September to November 2020 there were {_n(run)} bicycle thefts, against "
        f"{_n(summer)} in June to August and {_n(year_ago)} in the same three months of "
        "2019.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(year_ago)][2:] == ("2019-09..2019-11", Verdict.SUPPORTED)
    off = _n(year_ago + 7)
    wrong = _verdicts(CITY, text.replace(f"and {_n(year_ago)}", f"and {off}"), month)
    assert wrong[off][2:] == ("2019-09..2019-11", Verdict.CONTRADICTED)


def test_a_checklists_items_are_read_one_by_one() -> None:
    month = "2016-04"
    big = level(CAMBS, "crimes_all", "Peterborough", "2016-04", month)
    small = level(CAMBS, "crimes_all", "East Cambridgeshire", "2016-04", month)
    burglary = level(CAMBS, "db_crimes", "Cambridgeshire", "2016-04", month)
    text = (
        "Handover notes\n\n"
        f"[x] Split: Peterborough again the biggest district ({_n(big)}), East Cambs the "
        f"smallest ({_n(small)}).\n"
        f"[x] Dwelling burglary {_n(burglary)} in April, the lowest April in our series.\n"
        "[ ] Send the pack to the Board.\n"
    )
    found = _verdicts(CAMBS, text, month)
    # the item after East Cambs is the force's, not East Cambs'
    assert found[_n(burglary)][1:] == ("Cambridgeshire", "2016-04", Verdict.SUPPORTED)


def test_a_forms_numbered_lines_are_read_one_by_one() -> None:
    month = "2018-02"
    now = level(CAMBS, "crimes_all", "Cambridgeshire", "2018-02", month)
    peterborough = level(CAMBS, "db_crimes", "Peterborough", "2018-02", month)
    south = level(CAMBS, "db_crimes", "South Cambridgeshire", "2018-02", month)
    text = (
        "PART B - FIGURE BY FIGURE\n"
        f"B3  Dwelling burglary by district: Peterborough {_n(peterborough)},\n"
        f"    South Cambs {_n(south)} ...... [x] SK 09:45\n"
        f"B4  All crime: {_n(now)} in February ....... [x] SK 09:47\n"
    )
    found = _verdicts(CAMBS, text, month)
    # the line after the districts' is the force's, not the last district's
    assert found[_n(now)][1:] == ("Cambridgeshire", "2018-02", Verdict.SUPPORTED)


def test_a_months_own_figure_and_a_verb_after_a_figure() -> None:
    month = "2020-08"
    july = level(CITY, "crimes_all", CITY_AREA, "2020-07", month)
    august = level(CITY, "crimes_all", CITY_AREA, "2020-08", month)
    text = (
        f"101 of August's {_n(august)} crimes were still under investigation when the data "
        f"were cut, against 88 of July's {_n(july)}.\n"
    )
    assert _verdicts(CITY, text, month)[_n(july)][2:] == ("2020-07", Verdict.SUPPORTED)
    month = "2019-09"
    sept = level(NORTHSHIRE, "assaults", "Fellgate", "2019-09", month)
    before = level(NORTHSHIRE, "assaults", "Fellgate", "2018-09", month)
    text = (
        f"August, with {_n(level(NORTHSHIRE, 'assaults', 'Fellgate', '2019-08', month))} "
        "assaults in Fellgate, was the highest total since our records began in 2015, and "
        f"September's {_n(sept)} compares with {_n(before)} a year earlier.\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[_n(sept)][2:] == ("2019-09", Verdict.SUPPORTED)
    assert found[_n(before)][2:] == ("2018-09", Verdict.SUPPORTED)


def test_money_is_not_a_count_and_a_bracket_after_a_district_is_its_figure() -> None:
    month = "2018-09"
    crimes = level(CAMBS, "crimes_all", "Cambridge City", "2018-09", month)
    text = (
        f"Cambridge City recorded {_n(crimes)} crimes in September, and £18,000 from the "
        "community safety budget paid for extra lighting.\n"
    )
    assert _verdicts(CAMBS, text, month)["£18,000"][3] == Verdict.NOT_CHECKABLE
    month = "2016-04"
    big = level(CAMBS, "crimes_all", "Peterborough", "2016-04", month)
    small = level(CAMBS, "crimes_all", "East Cambridgeshire", "2016-04", month)
    text = (
        f"Crime in April: Peterborough again the biggest district ({_n(big)}), East Cambs "
        f"the smallest ({_n(small)}).\n"
    )
    assert _verdicts(CAMBS, text, month)[_n(big)][3] != Verdict.CONTRADICTED


def test_a_monthly_rate_after_a_sentence_on_the_rolling_year() -> None:
    month = "2019-09"
    rate = level(CAMBS, "ss_weapons_find_rate", "Cambridgeshire", "2019-09", month)
    text = (
        "Officers conducted 38 searches for weapons in September, equalling the total for May "
        "as the highest month in the rolling year, and recovered a weapon on four occasions. "
        f"The monthly find rate of {rate:.1f}% compares with the year before.\n"
    )
    found = _verdicts(CAMBS, text, month)
    assert found[f"{rate:.1f}%"][2] == "2019-09"
