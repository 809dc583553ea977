"""The forms narrator's writer uses, read back one at a time: each sentence is built from the
facts (the figures are the engine's, not typed in), checked as written, and checked again
with one thing made false, which must be caught.
"""

from __future__ import annotations

import calendar
from pathlib import Path

import pytest

from narrator.check import Checker, CheckReport, Verdict
from narrator.check.text.parse import parse_text
from narrator.facts import FactSet
from tests.check.conftest import checker_for

ROOT = Path(__file__).resolve().parents[2]
CITY = ROOT / "samples" / "city-of-london"
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"


def _check(checker: Checker, text: str, month: str) -> CheckReport:
    return checker.check_document(parse_text(text), month=month)


def _verdicts(report: CheckReport) -> list[tuple[str, Verdict]]:
    return [(v.claim.text, v.verdict) for v in report.verdicts]


def _facts(checker: Checker, month: str) -> FactSet:
    return checker.facts(month)


def test_a_paragraph_on_its_own_is_read_not_taken_for_front_matter() -> None:
    document = parse_text("The rate fell to 9.7% in October 2019.\n")
    assert [p.kind for p in document.paragraphs] == ["body"]
    fields = parse_text("Date: 19th December 2019\n\nThe rate fell to 9.7% in October.\n")
    assert [p.kind for p in fields.paragraphs] == ["front", "body"]
    assert str(fields.date) == "2019-12-19"


def test_a_count_in_the_units_of_all_crime_is_all_crime_without_a_heading() -> None:
    checker = checker_for(CITY)
    month = "2020-04"
    level = _facts(checker, month).get("level", "crimes_all", "City of London")
    assert level is not None
    text = f"There were {level.value:,.0f} crimes recorded in April; lower than March.\n"
    report = _check(checker, text, month)
    assert [v.claim.measure for v in report.verdicts] == ["crimes_all", "crimes_all"]
    assert {v.verdict for v in report.verdicts} == {Verdict.SUPPORTED}
    wrong = _check(checker, text.replace(f"{level.value:,.0f}", f"{level.value + 7:,.0f}"), month)
    assert Verdict.CONTRADICTED in {v.verdict for v in wrong.verdicts}


@pytest.mark.parametrize("start", ["saw a slight increase in June", "increased in June"])
def test_the_12_month_total_of_a_count_is_the_rolling_year(start: str) -> None:
    checker = checker_for(NORTHSHIRE)
    month = "2020-06"
    rolling = _facts(checker, month).get("level.rolling", "thefts", "Northshire")
    monthly = _facts(checker, month).get("level", "thefts", "Northshire")
    assert rolling is not None and monthly is not None and rolling.value != monthly.value
    text = (
        "## 2.1 Vehicle crime\n\n2.1.2 The 12 month total of vehicle thefts "
        f"{start}, leaving the total now at {rolling.value:,.0f}.\n"
    )
    report = _check(checker, text, month)
    figure = next(v for v in report.verdicts if v.claim.kind == "figure")
    assert figure.claim.period == f"R12:{month}"
    assert figure.verdict is Verdict.SUPPORTED
    said = f"{rolling.value:,.0f}"
    wrong = _check(checker, text.replace(said, f"{monthly.value:,.0f}"), month)
    assert Verdict.CONTRADICTED in {v.verdict for v in wrong.verdicts}


def test_a_control_limit_is_held_to_the_chart() -> None:
    checker = checker_for(CITY)
    month = "2020-04"
    chart = _facts(checker, month).get("xmr.signal", "crimes_all", "City of London")
    assert chart is not None and chart.statistic.get("lower") is not None
    lower = chart.statistic["lower"]
    text = (
        "## 1 Recorded crime\n\n1.1 April's figure of "
        f"{chart.value:,.0f} is below the lower control limit ({lower:,.0f}).\n"
    )
    report = _check(checker, text, month)
    limit = next(v for v in report.verdicts if v.claim.statistic == "lower limit")
    assert limit.verdict is Verdict.SUPPORTED
    wrong = _check(checker, text.replace(f"({lower:,.0f})", f"({lower + 40:,.0f})"), month)
    limit = next(v for v in wrong.verdicts if v.claim.statistic == "lower limit")
    assert limit.verdict is Verdict.CONTRADICTED


def test_a_count_of_areas_agrees_with_the_areas_listed() -> None:
    checker = checker_for(None)
    month = "2019-10"
    text = (
        "## 4.2 Crime\n\n4.2.2 Against the 2018/19 financial year, the 12 month all crime "
        "totals to October 2019 show increases in two districts in particular: Cambridge "
        "City and Fenland.\n"
    )
    counted = [v for v in _check(checker, text, month).verdicts if v.claim.text == "two"]
    assert [(v.claim.listed, v.verdict) for v in counted] == [(2, Verdict.SUPPORTED)]
    three = [
        v
        for v in _check(checker, text.replace("two", "three"), month).verdicts
        if v.claim.text == "three"
    ]
    assert [(v.claim.listed, v.verdict) for v in three] == [(2, Verdict.CONTRADICTED)]
    # A count of areas that lists none is no list: "the other 5 forces in the region".
    alone = _check(checker, "The other 5 forces in the region saw more.\n", month)
    assert all(v.claim.listed is None for v in alone.verdicts)


def test_a_continuing_direction_is_not_said_against_the_figure_beside_it() -> None:
    checker = checker_for(None)
    month = "2019-10"
    facts = _facts(checker, month)
    change = facts.get("change.financial_year", "pow_ppo_rate", "Cambridgeshire")
    moved = facts.get("change.rolling_month", "pow_ppo_rate", "Cambridgeshire")
    assert change is not None and moved is not None and change.reference is not None
    went = "increase" if moved.direction == "up" else "decrease"
    text = (
        "## 5.1 Violence\n\n5.1.3 The 12 month possession of weapons prosecution possible "
        f"outcome rate continues to {went}, to {change.value:.1f}% for the 12 months to "
        f"October 2019, compared to {change.reference:.1f}% for the 2018/19 financial year.\n"
    )
    report = _check(checker, text, month)
    assert {v.verdict for v in report.verdicts} == {Verdict.SUPPORTED}
    assert report.findings == []
    flipped = "decrease" if went == "increase" else "increase"
    wrong = _check(checker, text.replace(f"to {went},", f"to {flipped},"), month)
    assert Verdict.CONTRADICTED in {v.verdict for v in wrong.verdicts}


def test_an_explanation_keeps_the_subject_of_the_sentence_before() -> None:
    checker = checker_for(NORTHSHIRE)
    month = "2016-09"
    text = (
        "## 2.1 Vehicle crime\n\n2.1.3 In September the 12 month vehicle theft solved rate "
        "continued to decrease. The decrease was driven by a low number of solved vehicle "
        "thefts in the Coastal division. Both areas saw decreases.\n"
    )
    report = _check(checker, text, month)
    last = [v.claim for v in report.verdicts if v.claim.text == "decreases"]
    assert {c.measure for c in last} == {"solve_rate"}
    aside = text.replace(
        "The decrease was driven by a low number of solved vehicle thefts in the Coastal division.",
        "Over the same 12 months the figure for solved vehicle thefts fell.",
    )
    last = [v.claim for v in _check(checker, aside, month).verdicts if v.claim.text == "decreases"]
    assert {c.measure for c in last} == {"solve_rate"}


def test_the_first_time_since_a_run_that_it_has_not_gone_its_way_reads_the_run() -> None:
    """ "the first time since April that it has not risen": the run of rises this month broke.
    Said of falls, the sentence is false (a perturbation once missed it)."""
    checker = checker_for(NORTHSHIRE)
    month = "2019-12"
    fact = _facts(checker, month).get("streak.rolling", "thefts", "Northshire")
    assert fact is not None and fact.detail["broken"]
    before = fact.detail["previous_direction"]
    assert before in ("up", "down")
    year, number = (int(part) for part in fact.detail["since"].split("-"))
    since = f"{calendar.month_name[number]} {year}"
    verb = {"up": "risen", "down": "fallen"}
    template = (
        "1.1 The 12 month total of vehicle thefts changed, the first time since {since} that "
        "it has not {verb} month on month.\n"
    )
    said = _check(checker, template.format(since=since, verb=verb[before]), month)
    run = [v for v in said.verdicts if v.claim.kind == "streak"]
    assert [(v.claim.broken, v.verdict) for v in run] == [(before, Verdict.SUPPORTED)]
    other = "down" if before == "up" else "up"
    flipped = _check(checker, template.format(since=since, verb=verb[other]), month)
    run = [v for v in flipped.verdicts if v.claim.kind == "streak"]
    assert [(v.claim.broken, v.verdict) for v in run] == [(other, Verdict.CONTRADICTED)]


@pytest.mark.parametrize(
    "sentence",
    [
        "1.1 The long-term trend of the vehicle theft solved rate is downward: about "
        "{size} percentage points a year over the last 36 months.\n",
        "1.1 The vehicle theft solved rate has been falling by {size} points per year.\n",
    ],
)
def test_a_size_per_year_is_a_slope_never_held_to_the_level(sentence: str) -> None:
    """A figure "a year" after it is how fast a measure moves: whatever the sentence's
    punctuation before it, it is never compared with the measure's level."""
    checker = checker_for(NORTHSHIRE)
    month = "2019-12"
    level = _facts(checker, month).get("level.rolling", "solve_rate", "Northshire")
    assert level is not None
    size = f"{abs(level.value) / 97:.1f}"  # a size the level can never be
    report = _check(checker, sentence.format(size=size), month)
    figures = [v for v in report.verdicts if v.claim.kind == "figure"]
    assert [v.claim.reference_cue for v in figures] == ["trend"]
    assert all(v.verdict is not Verdict.CONTRADICTED for v in figures)
