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
