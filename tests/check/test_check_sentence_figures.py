"""A direction or a change held to the figures its own sentence compares, a count of another
window, a figure in brackets after "a year earlier", and "the rate" said of a count: on
projects the rules were not written on (the City of London, Northshire). Every figure is
taken from the project's facts, so the tests hold whatever the sample data."""

from __future__ import annotations

from pathlib import Path

from narrator.check import Verdict
from narrator.check.verdicts.compared import held_to_sentence, sentence_pair
from narrator.facts import Fact
from tests.check.conftest import checker_for

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"


def _fact(root: Path, month: str, kind: str, measure: str, area: str) -> Fact:
    fact = checker_for(root).facts(month).get(kind, measure, area)
    assert fact is not None and fact.value is not None
    return fact


def _report(root: Path, text: str, month: str):  # type: ignore[no-untyped-def]
    return checker_for(root).check_text(text, month=month)


def test_a_direction_is_held_to_the_two_figures_its_sentence_compares() -> None:
    # The month rose on the month before, and "below" goes on from "up on April's": read
    # against April, it is wrong; but the sentence compares the month with a higher figure
    # it gives itself, and of those two figures "below" is true.
    month = _fact(NORTHSHIRE, "2020-05", "change.month", "thefts", "Coastal")
    assert month.direction == "up" and month.value is not None and month.reference is not None
    level = round(month.value)
    higher = level + 23
    text = (
        f"Coastal recorded {level} vehicle thefts in May, a little up on April's "
        f"{month.reference:.0f} but below the {higher} of a typical month.\n"
    )
    report = _report(NORTHSHIRE, text, "2020-05")
    below = next(v for v in report.verdicts if v.claim.text == "below")
    assert sentence_pair(below.claim) == (level, higher)
    assert below.verdict is Verdict.SUPPORTED
    assert "its sentence compares" in below.message
    # The same words over two figures that do not bear it out are not excused by them.
    lower = _report(NORTHSHIRE, text.replace(f"the {higher}", f"the {level - 23}"), "2020-05")
    wrong = next(v for v in lower.verdicts if v.claim.text == "below")
    assert held_to_sentence(wrong.claim) is None
    assert wrong.verdict is Verdict.CONTRADICTED


def test_a_change_is_the_change_between_the_figures_its_sentence_gives() -> None:
    year = _fact(CITY, "2019-11", "change.year", "crimes_bicycle_theft", "City of London")
    assert year.value is not None and year.reference is not None
    earlier = round(year.reference) + 17  # a figure of no period the project keeps
    change = (earlier - year.value) / earlier * 100
    text = (
        f"There were {year.value:.0f} bicycle thefts in November, {change:.1f}% lower than the "
        f"{earlier} of an earlier count.\n"
    )
    report = _report(CITY, text, "2019-11")
    size = next(v for v in report.verdicts if v.claim.text == f"{change:.1f}%")
    assert size.verdict is Verdict.SUPPORTED
    assert "figures its sentence gives" in size.message
    wrong = _report(CITY, text.replace(f"{change:.1f}%", f"{change + 4:.1f}%"), "2019-11")
    off = next(v for v in wrong.verdicts if v.claim.text == f"{change + 4:.1f}%")
    assert off.verdict is not Verdict.SUPPORTED


def test_a_count_of_another_window_is_a_warning_unless_its_month_is_beside_it() -> None:
    level = _fact(CITY, "2019-11", "level", "crimes_bicycle_theft", "City of London")
    year = _fact(CITY, "2019-11", "calendar.year_to_date", "crimes_bicycle_theft", "City of London")
    listed = _report(
        CITY,
        f"Bicycle theft: {level.value:.0f} this month and {year.value:,.0f} over the year.\n",
        "2019-11",
    )
    total = next(v for v in listed.verdicts if v.claim.text == f"{year.value:,.0f}")
    assert total.verdict is not Verdict.CONTRADICTED
    # "N in November" names the month right beside the figure: the year's total said of the
    # month is wrong.
    beside = _report(CITY, f"There were {year.value:,.0f} bicycle thefts in November.\n", "2019-11")
    said = next(v for v in beside.verdicts if v.claim.text == f"{year.value:,.0f}")
    assert said.verdict is Verdict.CONTRADICTED


def test_a_figure_in_brackets_after_a_year_earlier_is_that_years() -> None:
    year = _fact(CITY, "2019-11", "change.year", "crimes_all", "City of London")
    assert year.reference is not None and year.change_pct is not None
    text = (
        f"Recorded crime rose to {year.value:.0f} in November, up {year.change_pct:.0f}% on "
        f"the same month last year ({year.reference:.0f}).\n"
    )
    report = _report(CITY, text, "2019-11")
    before = next(v for v in report.verdicts if v.claim.text == f"{year.reference:.0f}")
    assert before.claim.period == year.reference_period
    assert before.verdict is Verdict.SUPPORTED
    wrong = _report(
        CITY, text.replace(f"({year.reference:.0f})", f"({year.reference + 9:.0f})"), "2019-11"
    )
    assert Verdict.CONTRADICTED in {v.verdict for v in wrong.verdicts}


def test_the_rate_said_of_a_count_is_not_held_to_the_count() -> None:
    crime = _fact(CITY, "2019-11", "change.month", "crimes_all", "City of London")
    assert crime.direction == "up"
    report = _report(
        CITY,
        "Charges and summonses were up, but recorded crime grew much faster, so the rate "
        "has fallen.\n",
        "2019-11",
    )
    fallen = [v for v in report.verdicts if v.claim.text == "fallen"]
    assert all(v.claim.measure != "crimes_all" for v in fallen)
    assert Verdict.CONTRADICTED not in {v.verdict for v in fallen}


def test_a_direction_before_a_colon_is_held_to_the_figures_after_it() -> None:
    month = _fact(NORTHSHIRE, "2019-11", "change.month", "thefts", "Upland")
    assert month.direction == "down" and month.reference is not None
    # "rose" is wrong of the two figures after the colon, "fell" is right of them.
    text = (
        "Thefts fell slightly: Upland recorded {0} vehicle thefts in November against {1} the "
        "month before.\n"
    )
    right = _report(
        NORTHSHIRE, text.format(round(month.value or 0), round(month.reference)), "2019-11"
    )
    fell = next(v for v in right.verdicts if v.claim.text == "fell")
    assert fell.verdict is Verdict.SUPPORTED
    swapped = text.replace("fell", "rose").format(round(month.value or 0), round(month.reference))
    rose = next(
        v for v in _report(NORTHSHIRE, swapped, "2019-11").verdicts if v.claim.text == "rose"
    )
    assert held_to_sentence(rose.claim) is None
    assert sentence_pair(rose.claim) == (round(month.value or 0), round(month.reference))


def test_a_direction_between_two_months_with_their_figures_in_brackets() -> None:
    may = _fact(CITY, "2019-06", "change.month", "crimes_all", "City of London")
    assert may.reference is not None and may.value is not None
    rises = may.value > may.reference
    word = "rose" if rises else "fell"
    text = f"Recorded crime {word} between May ({may.reference:.0f}) and June ({may.value:.0f}).\n"
    report = _report(CITY, text, "2019-06")
    said = next(v for v in report.verdicts if v.claim.text == word)
    assert sentence_pair(said.claim) == (may.value, may.reference)
    assert said.verdict is Verdict.SUPPORTED


def test_a_change_named_as_a_noun_sums_up_the_comparison_before_it() -> None:
    year = _fact(NORTHSHIRE, "2019-11", "change.month", "thefts", "Upland")
    assert year.reference is not None and year.value is not None
    word = "fall" if year.value < year.reference else "rise"
    text = (
        f"Upland recorded {year.value:.0f} vehicle thefts in November 2019, compared with "
        f"{year.reference:.0f} in October 2019 - a {word} of some size.\n"
    )
    report = _report(NORTHSHIRE, text, "2019-11")
    said = next(v for v in report.verdicts if v.claim.text == word)
    # the years beside the months are no figures of the comparison
    assert sentence_pair(said.claim) == (year.value, year.reference)
    assert said.verdict is Verdict.SUPPORTED


def test_a_direction_with_no_period_nor_comparison_may_be_of_any_usual_comparison() -> None:
    facts = checker_for(NORTHSHIRE).facts("2018-09")

    def direction(kind: str) -> str | None:
        fact = facts.get(kind, "assaults", "Saltby")
        return None if fact is None else str(fact.direction)

    # In September 2018 Saltby's assaults rose only on the financial year to date.
    assert [direction(k) for k in ("change.month", "change.rolling_month", "change.year")] == [
        "down",
        "down",
        "down",
    ]
    assert direction("change.year_to_date") == "up"
    report = _report(NORTHSHIRE, "Saltby's increase in assaults is from a low base.\n", "2018-09")
    increase = next(v for v in report.verdicts if v.claim.text == "increase")
    assert increase.verdict is Verdict.SUPPORTED


def test_a_sentence_about_a_rate_does_not_judge_the_count_before_it() -> None:
    report = _report(
        NORTHSHIRE,
        "Vehicle thefts rose in Upland. The detection rate rose to 20.0% from 18.0%, an "
        "improvement of 2.0 percentage points.\n",
        "2019-11",
    )
    judged = [v for v in report.verdicts if v.claim.text == "improvement"]
    assert all(v.claim.measure != "thefts" for v in judged)


def test_gone_past_a_round_figure_is_a_bound() -> None:
    total = checker_for(NORTHSHIRE).levels("2018-12").value("thefts", "Harbourside", "R12:2018-12")
    assert total is not None
    below = int(total // 100 * 100)
    assert below < total
    report = _report(
        NORTHSHIRE,
        f"Harbourside has gone past {below:,} vehicle thefts in the 12 months to December.\n",
        "2018-12",
    )
    said = next(v for v in report.verdicts if v.claim.text == f"{below:,}")
    assert said.claim.approx is not None and said.verdict is Verdict.SUPPORTED
