"""Forms seen in the tenth pass's second batch, on projects the rules were not written on
(Northshire, the City of London, and Cambridgeshire's areas): a countdown of districts, where
a figure ranks ("the best in the county"), a division "which covers" its districts, an area
compared with and its own figures in brackets, "crime types", "less than half of last
July's", a record "since March (538)", "the March figure of 76", "in the last year" and a
plan's "Pledge 1". Every figure of a claim comes from the project's figures, and each rule
has a wrong figure beside it that must still be caught."""

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


def _countdown(month: str) -> tuple[str, dict[str, float]]:
    places = ["Moorend", "Saltby", "Fellgate"]
    figures = {a: level(NORTHSHIRE, "thefts", a, month, month) for a in places}
    april = {a: level(NORTHSHIRE, "thefts", a, "2016-04", month) for a in places}
    solved = {a: level(NORTHSHIRE, "thefts_solved", a, month, month) for a in places}
    text = "CRIME MAP: where cars were targeted in May\n\n"
    for place, area in zip((3, 2, 1), places, strict=True):
        change = figures[area] - april[area]
        text += (
            f"{place}. {area} - {_n(figures[area])} vehicle thefts\n"
            f"The district had {_n(abs(change))} {'more' if change > 0 else 'fewer'} thefts "
            f"than in April ({_n(april[area])}), with {_n(solved[area])} thefts solved in May.\n\n"
        )
    return text, solved


def test_a_countdowns_places_head_their_districts() -> None:
    month = "2016-05"
    text, solved = _countdown(month)
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=month)
    assert not report.contradictions
    areas = {v.claim.area for v in report.verdicts if v.claim.kind == "figure"}
    assert {"Moorend", "Saltby", "Fellgate"} <= areas
    # "with 14 thefts solved" is the solved count, each district's own.
    read = [v for v in report.verdicts if v.claim.text == _n(solved["Saltby"])]
    assert any(v.claim.measure == "thefts_solved" for v in read)
    # Digits swapped: a slip, caught.
    swapped = _n(solved["Saltby"])[::-1]
    wrong = text.replace(f"with {_n(solved['Saltby'])} thefts", f"with {swapped} thefts")
    assert _verdicts(NORTHSHIRE, wrong, month)[swapped][3] == Verdict.CONTRADICTED


def test_where_a_figure_ranks_and_a_divisions_members_are_not_its_area() -> None:
    month = "2016-05"
    rate = level(NORTHSHIRE, "solve_rate", "Moorend", month, month)
    coastal = level(NORTHSHIRE, "thefts", "Coastal", month, month)
    upland = level(NORTHSHIRE, "thefts", "Upland", month, month)
    text = (
        f"Moorend had the best vehicle theft solved rate in the county in May, at {rate:.0f}%.\n\n"
        "The Coastal division, which covers Eastmoor, Harbourside and Saltby, recorded "
        f"{_n(coastal)} vehicle thefts in May, against {_n(upland)} in the Upland division.\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[f"{rate:.0f}%"][1:] == ("Moorend", month, Verdict.SUPPORTED)
    assert found[_n(coastal)][1] == "Coastal"
    assert found[_n(coastal)][3] == Verdict.SUPPORTED
    wrong = _verdicts(NORTHSHIRE, text.replace(_n(coastal), _n(coastal + 20)), month)
    assert wrong[_n(coastal + 20)][3] == Verdict.CONTRADICTED


def test_an_area_compared_with_takes_its_own_brackets() -> None:
    month = "2018-02"
    north = level(CAMBS, "da_ppo_rate", "North", "R12:2018-02", month)
    south = level(CAMBS, "da_ppo_rate", "South", "R12:2018-02", month)
    text = (
        "Domestic abuse outcomes\n\nThe domestic abuse prosecution possible outcome rate is "
        f"lower in the North ({north:.1f}%) than in the South ({south:.1f}%) over the 12 "
        "months to February.\n"
    )
    found = _verdicts(CAMBS, text, month)
    assert found[f"{south:.1f}%"][1] == "South"
    assert found[f"{south:.1f}%"][3] == Verdict.SUPPORTED
    wrong = text.replace(f"({south:.1f}%)", f"({south + 0.5:.1f}%)")
    assert _verdicts(CAMBS, wrong, month)[f"{south + 0.5:.1f}%"][3] == Verdict.CONTRADICTED


def test_crime_types_and_half_of_last_julys_name_no_measure_or_period() -> None:
    month = "2020-07"
    bikes = level(CITY, "crimes_bicycle_theft", CITY_AREA, month, month)
    bikes_ago = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2019-07", month)
    asb = level(CITY, "asb", CITY_AREA, month, month)
    asb_june = level(CITY, "asb", CITY_AREA, "2020-06", month)
    assert bikes > bikes_ago and asb == asb_june
    text = (
        "Crime in July 2020\n\nBicycle theft was one of only three crime types higher than in "
        "July 2019. Anti-social behaviour reports were level with June and less than half of "
        "last July's.\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    assert not report.contradictions
    said = {v.claim.text: v.claim for v in report.verdicts}
    assert said["higher"].measure == "crimes_bicycle_theft"
    assert said["level"].period == month
    wrong = text.replace("were level with June", "rose on June")
    assert _verdicts(CITY, wrong, month)["rose"][3] == Verdict.CONTRADICTED


def test_a_records_month_and_a_months_figure_of() -> None:
    month = "2020-07"
    july = level(CITY, "crimes_all", CITY_AREA, month, month)
    june = level(CITY, "crimes_all", CITY_AREA, "2020-06", month)
    march = level(CITY, "crimes_all", CITY_AREA, "2020-03", month)
    text = (
        f"Crime in July 2020\n\nAll crime rose to {_n(july)} in July from {_n(june)} in June. "
        f"That is {_n(july - june)} more, the busiest month since March ({_n(march)}).\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(july - june)][2:] == (month, Verdict.SUPPORTED)
    assert found[_n(march)][2:] == ("2020-03", Verdict.SUPPORTED)
    vso = level(CITY, "crimes_violence_and_sexual_offences", CITY_AREA, "2020-03", month)
    now = level(CITY, "crimes_violence_and_sexual_offences", CITY_AREA, month, month)
    figure_of = (
        f"Violence and sexual offences stood at {_n(now)} in July, against the March figure "
        f"of {_n(vso)}.\n"
    )
    assert _verdicts(CITY, figure_of, month)[_n(vso)][2:] == ("2020-03", Verdict.SUPPORTED)
    wrong = figure_of.replace(f"of {_n(vso)}", f"of {_n(vso + 9)}")
    assert _verdicts(CITY, wrong, month)[_n(vso + 9)][3] == Verdict.CONTRADICTED


def test_in_the_last_year_is_the_rolling_year() -> None:
    month = "2019-02"
    now = level(NORTHSHIRE, "thefts", "Saltby", "R12:2019-02", month)
    before = level(NORTHSHIRE, "thefts", "Saltby", "R12:2018-02", month)
    pct = f"{100 * (now - before) / before:.1f}%"
    text = (
        f"Saltby recorded {_n(now)} vehicle thefts in the last year, up from {_n(before)} "
        f"({pct} more).\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[pct][2:] == ("R12:2019-02", Verdict.SUPPORTED)


def test_a_plans_pledges_and_a_dashboards_tiles_are_references() -> None:
    text = 'Pledge 1: "Catch more car thieves"\n\nTILE 3 | Assaults\n\nAssaults rose.\n'
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month="2019-02")
    assert {n.text: n.cls for n in report.numbers} == {"1": "reference", "3": "reference"}


def test_an_items_title_line_and_its_bracketed_months() -> None:
    month = "2020-07"
    burglary = level(CITY, "crimes_burglary", CITY_AREA, month, month)
    june = level(CITY, "crimes_burglary", CITY_AREA, "2020-06", month)
    year_ago = level(CITY, "crimes_burglary", CITY_AREA, "2019-07", month)
    vehicle = level(CITY, "crimes_vehicle_crime", CITY_AREA, month, month)
    vehicle_june = level(CITY, "crimes_vehicle_crime", CITY_AREA, "2020-06", month)
    assert vehicle > vehicle_june
    text = (
        "Crime in July 2020\n\n5) Burglary and vehicle crime\n"
        f"{_n(burglary)} burglaries ({_n(june)} in June, {_n(year_ago)} in July 2019); and "
        f"{_n(vehicle)} vehicle offences, up from {_n(vehicle_june)} in June.\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    assert not report.contradictions
    said = {v.claim.text: v.claim for v in report.verdicts}
    # The title is its own line: the burglaries are burglary, not vehicle crime.
    assert said[_n(june)].measure == "crimes_burglary"
    # The direction is July's, not of the months in the burglaries' brackets.
    assert said["up"].period not in ("2020-06", "2019-07")
    wrong = text.replace(f"{_n(june)} in June,", f"{_n(june + 3)} in June,")
    assert _verdicts(CITY, wrong, month)[_n(june + 3)][3] == Verdict.CONTRADICTED


def test_crimes_charged_or_summonsed_are_the_outcome_not_all_crime() -> None:
    month = "2020-10"
    charged = level(CITY, "outcomes_charged", CITY_AREA, month, month)
    text = f"In October {_n(charged)} crimes were charged or summonsed.\n"
    found = _verdicts(CITY, text, month)
    assert found[_n(charged)][0] == "outcomes_charged"


def test_a_news_release_on_a_year_speaks_of_the_year() -> None:
    month = "2019-12"
    year = level(CITY, "ss_offensive_weapons", CITY_AREA, "R12:2019-12", month)
    before = level(CITY, "ss_offensive_weapons", CITY_AREA, "R12:2018-12", month)
    december = level(CITY, "ss_offensive_weapons", CITY_AREA, month, month)
    assert year != december
    text = (
        "City of London Police - News\n\nSearches step up during 2019\n\n"
        f"Searches for weapons went up from {_n(before)} to {_n(year)}.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(year)][0] == "ss_offensive_weapons"
    assert found[_n(year)][2:] == ("R12:2019-12", Verdict.SUPPORTED)
    # A title that names no year leaves the figure of the month it is checked for.
    plain = text.replace("during 2019", "this winter")
    assert _verdicts(CITY, plain, month)[_n(year)][2] != "R12:2019-12"
    wrong = text.replace(f"to {_n(year)}", f"to {_n(year + 12)}")
    assert _verdicts(CITY, wrong, month)[_n(year + 12)][3] == Verdict.CONTRADICTED


def test_a_change_in_brackets_after_its_noun() -> None:
    month = "2017-10"
    now = level(NORTHSHIRE, "assaults", "Moorend", month, month)
    ago = level(NORTHSHIRE, "assaults", "Moorend", "2016-10", month)
    pct = f"{100 * (now - ago) / ago:.0f}%"
    text = (
        f"Moorend recorded {_n(now)} assaults in October against {_n(ago)} a year ago; the "
        f"percentage rise ({pct}) rests on small numbers.\n"
    )
    assert _verdicts(NORTHSHIRE, text, month)[pct][2:] == (month, Verdict.SUPPORTED)


def test_the_whole_of_a_share_is_not_what_the_next_sentence_is_about() -> None:
    month = "2019-02"
    now = level(CITY, "crimes_other_theft", CITY_AREA, month, month)
    ago = level(CITY, "crimes_other_theft", CITY_AREA, "2018-02", month)
    every = level(CITY, "crimes_all", CITY_AREA, month, month)
    rolling = level(CITY, "crimes_other_theft", CITY_AREA, "R12:2019-02", month)
    pct = f"{100 * (now - ago) / ago:.1f}%"
    text = (
        "HOW TO READ THIS PAGE\nEach crime type shows the month, the month before, the same "
        "month a year earlier and the rolling year.\n\n"
        f"OTHER THEFT\nThis month: {_n(now)}\nSame month last year: {_n(ago)}\n"
        f"Rolling 12 months: {_n(rolling)}\n"
        f"Comment: The largest category, at {100 * now / every:.0f}% of all crime this month. "
        f"Up {pct} on last February.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[pct][0] == "crimes_other_theft"
    assert found[pct][3] == Verdict.SUPPORTED


def test_a_run_from_one_count_to_another_with_its_noun_between() -> None:
    month = "2020-01"
    drugs = level(CITY, "crimes_drugs", CITY_AREA, "R12:2020-01", month)
    drugs_before = level(CITY, "crimes_drugs", CITY_AREA, "R12:2019-01", month)
    searches = level(CITY, "ss_all", CITY_AREA, "R12:2020-01", month)
    searches_before = level(CITY, "ss_all", CITY_AREA, "R12:2019-01", month)
    text = (
        f"Drug offences went up from {_n(drugs_before)} to {_n(drugs)}: stop and search almost "
        f"doubled, from {_n(searches_before)} searches to {_n(searches)}.\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    assert not report.contradictions
    assert not report.findings
    said = {v.claim.text: v.claim for v in report.verdicts}
    assert said[_n(drugs)].reference != searches_before


def test_a_seasons_pattern_is_no_change_of_the_month() -> None:
    text = (
        "Bicycle theft in September 2019\n\nThe monthly pattern is seasonal, rising through "
        "the spring and summer as more people cycle to work.\n"
    )
    found = _verdicts(CITY, text, "2019-09")
    assert "rising" not in found


def test_a_change_in_brackets_after_a_count_change() -> None:
    month = "2020-01"
    january = level(CITY, "crimes_all", CITY_AREA, month, month)
    december = level(CITY, "crimes_all", CITY_AREA, "2019-12", month)
    november = level(CITY, "crimes_all", CITY_AREA, "2019-11", month)
    fall = december - january
    pct = f"{100 * fall / december:.1f}%"
    text = (
        "Operation results\n\nAll crime fell by "
        f"{_n(november - december)} in December and by {_n(fall)} ({pct}) in January.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(fall)][2:] == (month, Verdict.SUPPORTED)
    assert found[pct][2:] == (month, Verdict.SUPPORTED)


def test_each_area_from_its_own_figure() -> None:
    month = "2019-04"
    places = ("Fellgate", "Highcross", "Moorend")
    now = {a: level(NORTHSHIRE, "assaults", a, month, month) for a in places}
    ago = {a: level(NORTHSHIRE, "assaults", a, "2018-04", month) for a in places}
    listed = ", ".join(f"{a} from {_n(ago[a])} to {_n(now[a])}" for a in places)
    text = f"Assaults in April 2019\n\nOn last April every district rose: {listed}.\n"
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=month)
    assert not report.contradictions
    areas = {v.claim.text: v.claim.area for v in report.verdicts}
    assert areas[_n(now["Fellgate"])] == "Fellgate"


def test_close_to_is_a_hedge_and_a_series_start_a_record() -> None:
    month = "2019-01"
    searches = level(CITY, "ss_all", CITY_AREA, month, month)
    text = (
        f"Stop and search is up. In January, {_n(searches)} searches, the most in any month "
        "since our series starts in December 2017.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(searches)][2:] == (month, Verdict.SUPPORTED)
