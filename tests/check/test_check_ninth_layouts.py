"""Layouts and words seen in the ninth pass's second batch, on projects the rules were not
written on (Northshire, the City of London): a council's "Title/Subject Matter:" line, a
newspaper's section label over its headline, a division's title listing its districts, "Since
1 April", the force as who recorded and "the city" as where, the whole a fraction is of, a
span of the 12-hour clock and a plan's "Measure 1" or an action log's "ACTION 2". Every
figure of a claim comes from the project's figures, and each rule has a wrong figure beside
it that must still be caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.check import Verdict
from narrator.check.claims.subject import paper_area
from narrator.check.text.parse import parse_text
from narrator.check.tokens.scanner import scan
from tests.check.conftest import checker_for, level

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _verdicts(root: Path, text: str, month: str) -> dict[str, tuple[object, ...]]:
    report = checker_for(root).check_document(parse_text(text), month=month)
    return {v.claim.text: (v.claim.measure, v.claim.area, v.verdict) for v in report.verdicts}


@pytest.mark.parametrize(
    ("text", "area"),
    [
        (
            "Public\n\nDISTRICT COUNCIL REPORT\n\n"
            "Title/Subject Matter:   Policing in Highcross: update\n"
            "Meeting/Date:           Overview Panel, 12 April 2018\n\n"
            "1. PURPOSE\n\n1.1 The panel asked for an update.\n",
            "Highcross",
        ),
        (
            "NEWS > CRIME\n\nVehicle thefts in Saltby reach their highest level\n\n"
            "Figures show a busy month for car crime, police say.\n",
            "Saltby",
        ),
        (
            "OFFICIAL - NOT FOR PUBLICATION\n\n"
            "LOCAL POLICING COASTAL (EASTMOOR | HARBOURSIDE | SALTBY)\n"
            "PERFORMANCE ON A PAGE - MAY 2019\n\n"
            "From:      Coastal analyst\n\nThe month in brief.\n",
            "Coastal",
        ),
    ],
)
def test_the_title_a_paper_gives_its_area_in(text: str, area: str) -> None:
    areas = checker_for(NORTHSHIRE).project.areas
    assert paper_area(parse_text(text), areas) == area


def test_a_division_over_two_of_its_districts_names_no_one_district() -> None:
    areas = checker_for(NORTHSHIRE).project.areas
    text = "Eastmoor and Saltby: joint tasking note\n\nThe month in brief.\n"
    assert paper_area(parse_text(text), areas) is None


def test_since_the_first_of_a_month_is_from_that_month() -> None:
    month = "2018-11"
    rate = level(CITY, "ss_find_rate", "City of London", "2018-04..2018-11", month)
    searches = level(CITY, "ss_all", "City of London", "2018-04..2018-11", month)
    text = f"Since 1 April the find rate was {rate:.1f}% across {_n(searches)} searches.\n"
    found = _verdicts(CITY, text, month)
    assert found[f"{rate:.1f}%"][2] == Verdict.SUPPORTED
    assert found[_n(searches)][2] == Verdict.SUPPORTED
    wrong = f"{rate + 1.3:.1f}%"
    found = _verdicts(CITY, text.replace(f"{rate:.1f}%", wrong), month)
    assert found[wrong][2] == Verdict.CONTRADICTED


def test_the_force_records_and_the_city_is_where() -> None:
    month = "2018-08"
    now = level(NORTHSHIRE, "thefts", "Saltby", month, month)
    before = level(NORTHSHIRE, "thefts", "Saltby", "2018-07", month)
    year = level(NORTHSHIRE, "thefts", "Saltby", "2017-08", month)
    text = (
        "NEWS > CRIME\n\nVehicle crime in Saltby: the latest figures\n\n"
        f"Northshire Police recorded {_n(now)} vehicle thefts in the town last month, "
        f"against {_n(before)} in July and {_n(year)} in August last year.\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    for value in (now, before, year):
        assert found[_n(value)][1:] == ("Saltby", Verdict.SUPPORTED)
    slipped = _n(before + 9)
    found = _verdicts(
        NORTHSHIRE, text.replace(f"against {_n(before)}", f"against {slipped}"), month
    )
    assert found[slipped][1:] == ("Saltby", Verdict.CONTRADICTED)


def test_the_whole_a_fraction_is_of() -> None:
    month = "2017-08"
    whole = level(NORTHSHIRE, "thefts", "Coastal", month, month)
    text = (
        f"Harbourside had about half of the {_n(whole)} vehicle thefts across the Coastal "
        "division last month.\n"
    )
    assert _verdicts(NORTHSHIRE, text, month)[_n(whole)][1:] == ("Coastal", Verdict.SUPPORTED)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Evening patrols (10pm–3am) and a drop-in 2pm–4pm.",
            [("TIME", "10pm–3am"), ("TIME", "2pm–4pm")],
        ),
        ("Open 2-4pm daily.", [("TIME", "2-4pm")]),
        ("Crime levels (Measure 1)", [("REF", "1")]),
        ("ACTION 2: the chair to write to the force.", [("REF", "2")]),
        ("Crime fell 2-4% in the year.", [("COUNT", "2"), ("PERCENT", "4%")]),
        ("the measure rose 5 times", [("COUNT", "5")]),
        ("A. IN THE LAST 7 DAYS", [("PERIOD", "THE LAST 7 DAYS")]),
        ("ROLLING 12 MONTHS", [("PERIOD", "ROLLING 12 MONTHS")]),
        ("crimes over those 11 months", [("SPAN", "11 months")]),
        ("in each of those two years", [("SPAN", "two years")]),
        ("to bring the intake forward by six weeks", [("SPAN", "six weeks")]),
        ("only four months of that year", [("SPAN", "four months")]),
        ("It fell by 12 crimes.", [("COUNT", "12")]),
        ("Source: Home Office, Tables 1, 3 and 5.", [("REF", "1, 3 and 5")]),
        ("see page 4, where 36 crimes are listed", [("REF", "4"), ("COUNT", "36")]),
        ("it's eight o'clock", [("TIME", "eight o'clock")]),
        ("eight thefts", [("COUNT", "eight")]),
    ],
)
def test_times_and_numbered_items(text: str, found: list[tuple[str, str]]) -> None:
    assert [(m.label, text[m.start : m.end]) for m in scan(text)] == found


def test_an_area_that_describes_another_is_not_the_figures() -> None:
    month = "2019-09"
    now = level(NORTHSHIRE, "thefts", "Harbourside", month, month)
    year = level(NORTHSHIRE, "thefts", "Harbourside", "2018-09", month)
    change = (now - year) / year * 100
    went = "down" if change < 0 else "up"
    text = (
        f"Harbourside, the Coastal division's busiest district, recorded {_n(now)} vehicle "
        f"thefts in September, {went} {abs(change):.1f} per cent on September 2018.\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[_n(now)][1:] == ("Harbourside", Verdict.SUPPORTED)
    assert found[f"{abs(change):.1f} per cent"][1:] == ("Harbourside", Verdict.SUPPORTED)
    slipped = f"{abs(change) + 4:.1f} per cent"
    found = _verdicts(NORTHSHIRE, text.replace(f"{abs(change):.1f} per cent", slipped), month)
    assert found[slipped][1:] == ("Harbourside", Verdict.CONTRADICTED)


def test_a_paragraph_goes_on_about_the_one_area_it_named() -> None:
    month = "2017-04"
    rolling = level(NORTHSHIRE, "thefts", "Upland", "R12:2017-04", month)
    now = level(NORTHSHIRE, "thefts", "Upland", month, month)
    year = level(NORTHSHIRE, "thefts", "Upland", "2016-04", month)
    change = (now - year) / year * 100
    went = "up" if change > 0 else "down"
    opening = (
        "EXECUTIVE BOARD: EXCEPTION REPORT\n\n"
        f"Upland recorded {_n(rolling)} vehicle thefts in the 12 months to April. "
    )
    text = opening + f"April itself was {abs(change):.1f}% {went} on April 2016.\n"
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[f"{abs(change):.1f}%"][1:] == ("Upland", Verdict.SUPPORTED)
    # A paragraph that named two areas leaves neither to the next sentence.
    listed = (
        "EXECUTIVE BOARD: EXCEPTION REPORT\n\n"
        "Upland and Coastal both recorded more vehicle thefts. "
        f"April itself was {abs(change):.1f}% {went} on April 2016.\n"
    )
    assert _verdicts(NORTHSHIRE, listed, month)[f"{abs(change):.1f}%"][1] == "Northshire"
    # Nor does a sentence that speaks of the force.
    force = opening + f"Across the force, April was {abs(change):.1f}% {went} on April 2016.\n"
    assert _verdicts(NORTHSHIRE, force, month)[f"{abs(change):.1f}%"][1] == "Northshire"


def test_the_figure_of_a_period_last_year_said_with_when() -> None:
    month = "2017-02"
    now = level(NORTHSHIRE, "thefts", "Coastal", month, month)
    year = level(NORTHSHIRE, "thefts", "Coastal", "2016-02", month)
    text = (
        f"Coastal recorded {_n(now)} vehicle thefts in February, {_n(abs(year - now))} "
        f"{'fewer' if now < year else 'more'} than in February last year, when the figure "
        f"was {_n(year)}.\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[_n(year)][1:] == ("Coastal", Verdict.SUPPORTED)
    slipped = _n(year + 8)
    found = _verdicts(NORTHSHIRE, text.replace(f"was {_n(year)}", f"was {slipped}"), month)
    assert found[slipped][2] == Verdict.CONTRADICTED


def test_an_area_with_its_figures_in_brackets_after_it() -> None:
    month = "2019-03"
    rows = []
    for area in ("Saltby", "Moorend"):
        now = level(NORTHSHIRE, "thefts", area, "FY:2018", month)
        before = level(NORTHSHIRE, "thefts", area, "FY:2017", month)
        rows.append((area, now, (now - before) / before * 100))
    text = (
        "In 2018/19 vehicle thefts changed most in "
        f"{rows[0][0]} ({rows[0][2]:+.1f}%, to {_n(rows[0][1])}) and "
        f"{rows[1][0]} ({rows[1][2]:+.1f}%, to {_n(rows[1][1])}).\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    for area, now, _ in rows:
        assert found[_n(now)][1:] == (area, Verdict.SUPPORTED)


def test_a_period_set_apart_or_in_brackets_is_its_own_figures() -> None:
    month = "2019-03"
    year = level(NORTHSHIRE, "assaults", "Saltby", "FY:2018", month)
    march = level(NORTHSHIRE, "assaults", "Saltby", month, month)
    text = (
        "Saltby district\n\nIn 2018/19 we recorded {year} assaults in the district, and in "
        "March alone we recorded {march}.\n"
    )
    found = _verdicts(NORTHSHIRE, text.format(year=_n(year), march=_n(march)), month)
    assert found[_n(year)][2] == Verdict.SUPPORTED
    assert found[_n(march)][2] == Verdict.SUPPORTED
    assaults = level(NORTHSHIRE, "assaults", "Saltby", month, month)
    before = level(NORTHSHIRE, "assaults", "Saltby", "2018-03", month)
    thefts = level(NORTHSHIRE, "thefts", "Saltby", month, month)
    terse = (
        f"Saltby district\n\n- Assaults {_n(assaults)} (Mar-18 {_n(before)}); vehicle thefts "
        f"{_n(thefts)}.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(terse), month=month)
    periods = {v.claim.text: v.claim.period for v in report.verdicts}
    assert periods[_n(before)] == "2018-03"
    assert periods[_n(thefts)] != "2018-03"


def test_an_initial_before_a_figure_in_brackets_is_a_code() -> None:
    month = "2019-05"
    force = level(NORTHSHIRE, "solve_rate", "Northshire", "R12:2019-05", month)
    text = f"Vehicle theft solved rate R12 {force:.1f}% (C 12.3%, U 25.4%).\n"
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[f"{force:.1f}%"][2] == Verdict.SUPPORTED
    assert found["12.3%"][2] == Verdict.AMBIGUOUS
    assert found["25.4%"][2] == Verdict.AMBIGUOUS


def test_a_change_said_to_come() -> None:
    month = "2016-05"
    text = "Saltby district\n\nMay on its own was quiet for vehicle thefts, and it will move up.\n"
    found = _verdicts(NORTHSHIRE, text, month)
    assert all(v[2] != Verdict.CONTRADICTED for v in found.values())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "That places the force fifth of eight in the group.",
            [("fifth", "rank"), ("eight", None)],
        ),
        ("Being seventh out of eight is not good enough.", [("seventh", "rank"), ("eight", None)]),
        ("It was third of the 43 forces.", [("third", "rank"), ("43", None)]),
        (
            "Putting victims first\n\nOf the 393 victims asked, most were satisfied.",
            [("393", "count")],
        ),
    ],
)
def test_a_rank_among_as_many_as_a_number_says(
    text: str, found: list[tuple[str, str | None]]
) -> None:
    report = checker_for(NORTHSHIRE).check_document(parse_text(text + "\n"), month="2019-03")
    assert [(n.text, n.kind) for n in report.numbers] == found


def test_a_head_noun_of_the_measure_the_sentence_before_named() -> None:
    month = "2020-06"
    june = level(CITY, "crimes_bicycle_theft", "City of London", month, month)
    may = level(CITY, "crimes_bicycle_theft", "City of London", "2020-05", month)
    march = level(CITY, "crimes_bicycle_theft", "City of London", "2020-03", month)
    text = (
        "Bicycle theft is recovering faster than anything else. "
        f"June's {_n(june)} thefts were well up on May's {_n(may)}, and the most since March, "
        f"when {_n(march)} thefts were recorded.\n"
    )
    found = _verdicts(CITY, text, month)
    for value in (june, may, march):
        assert found[_n(value)][0::2] == ("crimes_bicycle_theft", Verdict.SUPPORTED)
    slipped = _n(june + 6)
    found = _verdicts(CITY, text.replace(f"June's {_n(june)}", f"June's {slipped}"), month)
    assert found[slipped][0::2] == ("crimes_bicycle_theft", Verdict.CONTRADICTED)
    # "Thefts" alone, with no theft named before, is the measure whose name it is.
    alone = f"There were {_n(june)} thefts in June.\n"
    assert _verdicts(CITY, alone, month)[_n(june)][0] != "crimes_bicycle_theft"
