"""Forms seen in the ninth pass's texts, on projects the rules were not written on
(Northshire, the City of London): a change said of the future, a share "made up", the share
a year before, a snapshot's arrowed lines, "FY18/19", an area only pointed at beside the
force's figure, a division with its districts in brackets, the whole a part is of, and a
direction in a sentence whose figures were not read for certain. Every figure of a claim
comes from the project's figures, and each rule has a wrong figure or word beside it that
must still be caught."""

from __future__ import annotations

from pathlib import Path

from narrator.check import Verdict
from narrator.check.consistency.directions import CONFLICTING_DIRECTIONS
from narrator.check.text.parse import parse_text
from tests.check.conftest import checker_for, level

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"


def _verdicts(root: Path, text: str, month: str) -> dict[str, tuple[object, ...]]:
    report = checker_for(root).check_document(parse_text(text), month=month)
    return {
        v.claim.text: (v.claim.measure, v.claim.area, v.claim.period, v.verdict)
        for v in report.verdicts
    }


def _n(value: float) -> str:
    return f"{value:,.0f}"


def test_a_change_to_come_is_not_held_to_the_month() -> None:
    month = "2019-09"
    now = level(NORTHSHIRE, "thefts_solved", "Saltby", month, month)
    before = level(NORTHSHIRE, "thefts_solved", "Saltby", "2019-08", month)
    went, wrong = ("rose", "fell") if now > before else ("fell", "rose")
    for verb in ("will rise as", "is expected to fall as", "will continue to rise as"):
        text = (
            f"In September Saltby solved {_n(now)} vehicle thefts; the number {verb} "
            "investigations are completed.\n"
        )
        found = _verdicts(NORTHSHIRE, text, month)
        assert all(v[3] != Verdict.CONTRADICTED for v in found.values()), (verb, found)
    # A change said as done is still held to the figures, right or wrong.
    said = _verdicts(NORTHSHIRE, f"In Saltby solved vehicle thefts {wrong} in September.\n", month)
    assert said[wrong][3] == Verdict.CONTRADICTED
    said = _verdicts(NORTHSHIRE, f"In Saltby solved vehicle thefts {went} in September.\n", month)
    assert said[went][3] == Verdict.SUPPORTED


def test_a_share_made_up_is_not_a_change_up() -> None:
    month = "2020-08"
    bikes = level(CITY, "crimes_bicycle_theft", "City of London", month, month)
    every = level(CITY, "crimes_all", "City of London", month, month)
    share = round(100 * bikes / every)
    text = f"Bicycle theft made up about {share}% of all the crime reported in August.\n"
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    (claim,) = [v for v in report.verdicts if v.claim.text == f"{share}%"]
    assert claim.claim.role != "change"
    assert claim.verdict != Verdict.CONTRADICTED
    # "up 16%" is still a change, and a wrong one is caught.
    before = level(CITY, "crimes_bicycle_theft", "City of London", "2020-07", month)
    change = round(100 * (bikes - before) / before)
    wrong = change + 30
    text = f"Bicycle theft was up {wrong}% on July, at {_n(bikes)} offences in August.\n"
    assert _verdicts(CITY, text, month)[f"{wrong}%"][3] != Verdict.SUPPORTED


def test_the_share_a_year_before_is_a_share_too() -> None:
    month = "2020-10"
    shop = level(CITY, "crimes_shoplifting", "City of London", month, month)
    every = level(CITY, "crimes_all", "City of London", month, month)
    text = (
        f"Shoplifting now accounts for a larger share of the whole: "
        f"{100 * shop / every:.1f}% of crime recorded in October, against 8.6% a year earlier.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found["8.6%"][3] == Verdict.NOT_CHECKABLE
    assert found[f"{100 * shop / every:.1f}%"][3] == Verdict.NOT_CHECKABLE


def test_a_snapshots_lines_are_each_their_own() -> None:
    month = "2019-04"
    rows = (
        ("Public order", "crimes_public_order"),
        ("Criminal damage/arson", "crimes_criminal_damage_and_arson"),
        ("Vehicle crime", "crimes_vehicle_crime"),
    )
    lines = ["Format: Apr-19 (Mar-19; Apr-18).", ""]
    for label, measure in rows:
        now = level(CITY, measure, "City of London", month, month)
        march = level(CITY, measure, "City of London", "2019-03", month)
        year = level(CITY, measure, "City of London", "2018-04", month)
        lines.append(f"{label}: {_n(now)} (Mar: {_n(march)}; Apr-18: {_n(year)}) ▲")
    document = parse_text("\n".join(lines) + "\n")
    bodies = [p.text for p in document.paragraphs if p.kind == "body"]
    assert [b.split(":")[0] for b in bodies[-3:]] == [label for label, _ in rows]
    report = checker_for(CITY).check_document(document, month=month)
    assert all(v.verdict != Verdict.CONTRADICTED for v in report.verdicts)


def test_fy_runs_into_its_years() -> None:
    month = "2019-04"
    year = level(CITY, "crimes_all", "City of London", "FY:2018", month)
    rolling = level(CITY, "crimes_all", "City of London", "R12:2019-04", month)
    text = f"12m to Apr-19: {_n(rolling)} crimes (FY18/19: {_n(year)})\n"
    found = _verdicts(CITY, text, month)
    assert found[_n(year)][2:] == ("FY:2018", Verdict.SUPPORTED)
    wrong = _n(year + 11)
    found = _verdicts(CITY, f"12m to Apr-19: {_n(rolling)} crimes (FY18/19: {wrong})\n", month)
    assert found[wrong][2:] == ("FY:2018", Verdict.CONTRADICTED)


def test_an_area_pointed_at_is_not_the_force_it_is_set_against() -> None:
    month = "2019-09"
    own = level(NORTHSHIRE, "solve_rate", "Saltby", "R12:2019-09", month)
    force = level(NORTHSHIRE, "solve_rate", "Northshire", "R12:2019-09", month)
    word = "below" if own < force else "above"
    text = (
        "Saltby district: neighbourhood report\n\n"
        "Saltby recorded vehicle thefts in line with the summer.\n\n"
        f"The district's vehicle theft solved rate for the last 12 months is {own:.1f}%, a "
        f"little {word} the force rate of {force:.1f}%.\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[f"{own:.1f}%"][1:] == ("Saltby", "R12:2019-09", Verdict.SUPPORTED)
    assert found[f"{force:.1f}%"][1] == "Northshire"
    wrong = own + 3.1
    found = _verdicts(NORTHSHIRE, text.replace(f"is {own:.1f}%", f"is {wrong:.1f}%"), month)
    assert found[f"{wrong:.1f}%"][1] == "Saltby"
    assert found[f"{wrong:.1f}%"][3] != Verdict.SUPPORTED


def test_a_divisions_districts_in_brackets_are_not_its_figures_area() -> None:
    month = "2019-10"
    coastal = level(NORTHSHIRE, "thefts", "Coastal", month, month)
    text = (
        f"Coastal division (Eastmoor, Harbourside and Saltby): {_n(coastal)} vehicle thefts in "
        "October.\n"
    )
    assert _verdicts(NORTHSHIRE, text, month)[_n(coastal)][1:] == (
        "Coastal",
        month,
        Verdict.SUPPORTED,
    )
    slipped = _n(coastal + 10)
    found = _verdicts(NORTHSHIRE, text.replace(_n(coastal), slipped), month)
    assert found[slipped][1:] == ("Coastal", month, Verdict.CONTRADICTED)


def test_the_whole_a_part_is_of_is_the_area_named_after_it() -> None:
    month = "2018-03"
    part = level(NORTHSHIRE, "thefts", "Saltby", month, month)
    whole = level(NORTHSHIRE, "thefts", "Coastal", month, month)
    text = (
        f"In March, Saltby had {_n(part)} of the {_n(whole)} vehicle thefts in the whole "
        "Coastal division.\n"
    )
    assert _verdicts(NORTHSHIRE, text, month)[_n(whole)][1:] == (
        "Coastal",
        month,
        Verdict.SUPPORTED,
    )
    slipped = _n(whole - 9)
    found = _verdicts(NORTHSHIRE, text.replace(f"the {_n(whole)}", f"the {slipped}"), month)
    assert found[slipped][1:] == ("Coastal", month, Verdict.CONTRADICTED)


def test_a_direction_is_unsure_where_its_sentences_figures_are() -> None:
    month = "2019-09"
    now = level(CITY, "crimes_theft_from_the_person", "City of London", month, month)
    before = level(CITY, "crimes_theft_from_the_person", "City of London", "2019-08", month)
    went, wrong = ("rise", "fall") if now > before else ("fall", "rise")
    # A figure far from any of the measure's: the sentence is not read for certain, so a
    # direction against the figures is a warning, not an error.
    far = _n(now * 3 + 40)
    text = f"{far} thefts from the person were recorded in September, a {wrong} on August.\n"
    assert _verdicts(CITY, text, month)[wrong][3] == Verdict.AMBIGUOUS
    # With its figure read, the same wrong direction is contradicted.
    text = f"{_n(now)} thefts from the person were recorded in September, a {wrong} on August.\n"
    found = _verdicts(CITY, text, month)
    assert found[_n(now)][3] == Verdict.SUPPORTED
    assert found[wrong][3] == Verdict.CONTRADICTED
    text = f"{_n(now)} thefts from the person were recorded in September, a {went} on August.\n"
    assert _verdicts(CITY, text, month)[went][3] == Verdict.SUPPORTED


def test_a_percent_of_a_count_is_a_share_in_a_year_with_no_figures() -> None:
    month = "2016-12"
    text = (
        "Saltby district\n\n"
        "Only a few vehicle thefts in the district were solved during 2016, a rate of 4.5% of "
        "vehicle thefts. This is down from 6.2% in 2014 and below the force's 6.6%.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=month)
    found = {v.claim.text: v for v in report.verdicts}
    assert found["6.2%"].verdict == Verdict.NOT_CHECKABLE
    assert "a share of thefts" in found["6.2%"].message
    # What is said of a share's direction is not held to the count's.
    assert found["down"].verdict == Verdict.NOT_CHECKABLE


def test_down_over_time_and_above_another_area_do_not_conflict() -> None:
    month = "2019-03"
    own = level(NORTHSHIRE, "solve_rate", "Saltby", "FY:2018", month)
    before = level(NORTHSHIRE, "solve_rate", "Saltby", "FY:2017", month)
    text = (
        "Saltby district\n\n"
        "The inspector said the vehicle theft solved rate for the district had been "
        f"{own:.1f}% in 2018/19, "
        f"{'down' if own < before else 'up'} from {before:.1f}%, although still slightly above "
        "the force-wide rate.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=month)
    assert not [f for f in report.findings if f.kind == CONFLICTING_DIRECTIONS]
    # Two opposite changes of one district's rate in one sentence still conflict.
    clash = (
        "Saltby district\n\n"
        "In Saltby vehicle thefts remain stable, whereas vehicle thefts have increased in "
        "Saltby.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(clash), month=month)
    assert [f for f in report.findings if f.kind == CONFLICTING_DIRECTIONS]


def test_a_plural_head_before_a_qualifying_phrase_names_the_measure() -> None:
    month = "2019-09"
    person = level(CITY, "crimes_theft_from_the_person", "City of London", month, month)
    text = f"{_n(person)} thefts from the person were recorded in September.\n"
    found = _verdicts(CITY, text, month)
    assert found[_n(person)][0] == "crimes_theft_from_the_person"
    assert found[_n(person)][3] == Verdict.SUPPORTED


CAMBS = ROOT / "samples" / "cambridgeshire"


def test_a_rate_named_short_may_be_of_an_earlier_paragraphs_measure() -> None:
    month = "2017-12"
    rate = level(CAMBS, "da_ppo_rate", "Cambridgeshire", "R12:2017-12", month)
    crimes = level(CAMBS, "da_crimes", "Cambridgeshire", "R12:2017-12", month)
    answer = (
        "Q4. Councillor J. Okafor\n\n"
        f"4.1 Recorded domestic abuse continues to rise: the rolling year total is {_n(crimes)}."
        "\n\n"
        "4.2 The number of prosecution possible outcomes has held steady in the rolling year. "
        "Because volumes are higher, the outcome rate has {went} to {rate}.\n"
    )
    text = answer.format(went="dropped", rate=f"{rate:.1f}%")
    report = checker_for(CAMBS).check_document(parse_text(text), month=month)
    found = {v.claim.text: v for v in report.verdicts}
    assert found[f"{rate:.1f}%"].verdict == Verdict.SUPPORTED
    assert found[f"{rate:.1f}%"].claim.measure == "da_ppo_rate"
    # A rate far from every figure is still not supported.
    wrong = f"{rate + 6:.1f}%"
    report = checker_for(CAMBS).check_document(
        parse_text(answer.format(went="dropped", rate=wrong)), month=month
    )
    assert {v.claim.text: v for v in report.verdicts}[wrong].verdict != Verdict.SUPPORTED
    # Alone, the second paragraph gives the all crime rate no domestic abuse alternative.
    alone = text.split("\n\n", 2)[2]
    report = checker_for(CAMBS).check_document(parse_text(alone), month=month)
    claim = {v.claim.text: v.claim for v in report.verdicts}[f"{rate:.1f}%"]
    assert "da_ppo_rate" not in claim.measure_alternatives
    # The direction of a figure found of another measure may be said of either measure, so
    # it is held to neither.
    text = answer.format(went="risen", rate=f"{rate:.1f}%")
    report = checker_for(CAMBS).check_document(parse_text(text), month=month)
    found = {v.claim.text: v for v in report.verdicts}
    assert found[f"{rate:.1f}%"].verdict == Verdict.SUPPORTED


def _fy(measure: str, area: str, year: int) -> float:
    return level(NORTHSHIRE, measure, area, f"FY:{year}", "2020-03")


def test_a_count_solved_in_the_passive_and_a_rate_found_of_another_measure() -> None:
    solved, before = (
        _fy("thefts_solved", "Highcross", 2019),
        _fy("thefts_solved", "Highcross", 2018),
    )
    rates = [
        (area, _fy("solve_rate", area, 2019), _fy("solve_rate", area, 2018))
        for area in ("Moorend", "Fellgate", "Saltby", "Eastmoor", "Harbourside")
    ]
    # A district whose rate rose while its thefts rose too: "improved" is right of the rate
    # and wrong of the count the sentence's measure was carried as.
    area, rate, last = next(
        (a, r, p) for a, r, p in rates if r > p and _fy("thefts", a, 2019) > _fy("thefts", a, 2018)
    )
    text = (
        "4. SOLVING VEHICLE THEFTS\n\n"
        f"4.1 {_n(solved)} vehicle thefts in Highcross were solved in 2019/20, compared with "
        f"{_n(before)} in 2018/19. {area} improved slightly, by {rate - last:.1f} points to "
        f"{rate:.1f}%.\n"
    )
    found = _verdicts(NORTHSHIRE, text, "2020-03")
    assert found[_n(solved)][0::3] == ("thefts_solved", Verdict.SUPPORTED)
    assert found[_n(before)][0::3] == ("thefts_solved", Verdict.SUPPORTED)
    assert found[f"{rate:.1f}%"][0::3] == ("solve_rate", Verdict.SUPPORTED)
    slipped = _n(before + 10)
    found = _verdicts(NORTHSHIRE, text.replace(f"with {_n(before)}", f"with {slipped}"), "2020-03")
    assert found[slipped][0::3] == ("thefts_solved", Verdict.CONTRADICTED)


def test_a_level_after_a_change_in_a_new_clause_is_set_against_the_level() -> None:
    month = "2018-08"
    now = level(NORTHSHIRE, "assaults", "Coastal", month, month)
    before = level(NORTHSHIRE, "assaults", "Coastal", "2018-07", month)
    year = level(NORTHSHIRE, "assaults", "Coastal", "2017-08", month)
    went = "fall" if now < before else "rise"
    pct = round(abs(now - before) / before * 100)
    text = (
        f"In August 2018 Coastal logged {_n(now)} assaults, a {went} of about {pct}% on the "
        f"previous month but still slightly {'above' if now > year else 'below'} the "
        f"{_n(year)} of August 2017.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=month)
    found = {v.claim.text: v for v in report.verdicts}
    assert found[f"{pct}%"].claim.comparison == "previous_month"
    assert found[f"{pct}%"].verdict == Verdict.SUPPORTED
    assert found[_n(now)].claim.reference == year
    # In the same clause, the level is what the change is measured from.
    text = f"Coastal logged {_n(now)} assaults in August 2018, {pct}% more than the {_n(year)}.\n"
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=month)
    found = {v.claim.text: v for v in report.verdicts}
    assert found[f"{pct}%"].claim.reference == year


def test_the_rate_of_a_count_named_and_its_change_in_points() -> None:
    month = "2019-03"
    rate = level(NORTHSHIRE, "solve_rate", "Saltby", "FY:2018", month)
    before = level(NORTHSHIRE, "solve_rate", "Saltby", "FY:2017", month)
    went = "down" if rate < before else "up"
    wrong = "up" if went == "down" else "down"
    text = (
        "Saltby district\n\n"
        f"In 2018/19, for vehicle thefts, the rate was {rate:.1f}%, {{went}} "
        f"{abs(rate - before):.1f} points.\n"
    )
    for said in (went, wrong):
        report = checker_for(NORTHSHIRE).check_document(
            parse_text(text.format(went=said)), month=month
        )
        found = {v.claim.text: v for v in report.verdicts}
        assert found[f"{rate:.1f}%"].claim.measure == "solve_rate"
        assert found[f"{rate:.1f}%"].verdict == Verdict.SUPPORTED
        # The change is of the rate, whose figure was found of a measure the sentence did
        # not name: not held to the count's change.
        assert found[f"{abs(rate - before):.1f} points"].verdict != Verdict.CONTRADICTED


def test_a_change_in_points_of_a_share_or_of_a_rate_found_of_another_measure() -> None:
    month = "2018-03"
    rate = level(CAMBS, "pow_ppo_rate", "Cambridgeshire", "R12:2018-03", month)
    before = level(CAMBS, "pow_ppo_rate", "Cambridgeshire", "R12:2017-03", month)
    text = (
        "4. OUTCOMES\n\n"
        "4.2 In March, for possession of weapons, where an offender is usually identified at "
        "the scene, the rate was {rate}, down {points} points.\n"
    )
    points = f"{before - rate:.1f}"
    # The rate is found of the measure's rate: its change is not the count's.
    report = checker_for(CAMBS).check_document(
        parse_text(text.format(rate=f"{rate:.1f}%", points=points)), month=month
    )
    found = {v.claim.text: v for v in report.verdicts}
    assert found[f"{rate:.1f}%"].claim.measure == "pow_ppo_rate"
    assert found[f"{points} points"].verdict == Verdict.AMBIGUOUS
    # A per cent of the count that no rate gives is a share, and so is its change.
    report = checker_for(CAMBS).check_document(
        parse_text(text.format(rate="33.3%", points=points)), month=month
    )
    found = {v.claim.text: v for v in report.verdicts}
    assert found["33.3%"].verdict == Verdict.NOT_CHECKABLE
    assert found[f"{points} points"].verdict == Verdict.NOT_CHECKABLE
    assert "share" in found[f"{points} points"].message
