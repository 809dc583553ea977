"""A calendar year after "than in" is what a sentence compares with, not the period of its
figures."""

from __future__ import annotations

from pathlib import Path

from tests.check.conftest import checker_for

NORTHSHIRE = Path(__file__).resolve().parents[1] / "projects" / "northshire"


def _read(text: str) -> list[tuple[str, str | None, str]]:
    report = checker_for(NORTHSHIRE).check_text(f"Assaults\n\n{text}\n", month="2019-12")
    return [(v.claim.text, v.claim.period, v.verdict.value) for v in report.verdicts]


def test_a_year_after_than_in_is_compared_with() -> None:
    got = _read("In 2019 every district had more assaults than in 2018 except Harbourside (819).")
    assert ("819", "CY:2019", "supported") in got


def test_a_wrong_figure_of_the_year_is_still_contradicted() -> None:
    got = _read("In 2019 every district had more assaults than in 2018 except Harbourside (900).")
    assert ("900", "CY:2019", "contradicted") in got


def test_a_figure_in_brackets_after_a_period_compared_with_is_that_period_s() -> None:
    report = checker_for(NORTHSHIRE).check_text(
        "Vehicle theft\n\nVehicle thefts numbered 605 in December 2019, slightly fewer than "
        "December 2018 (615).\n",
        month="2019-12",
    )
    got = [(v.claim.text, v.claim.period, v.verdict.value) for v in report.verdicts]
    assert ("615", "2018-12", "supported") in got
    report = checker_for(NORTHSHIRE).check_text(
        "Vehicle theft\n\nVehicle thefts numbered 605 in December 2019, slightly fewer than "
        "December 2018 (715).\n",
        month="2019-12",
    )
    got = [(v.claim.text, v.claim.period, v.verdict.value) for v in report.verdicts]
    assert ("715", "2018-12", "contradicted") in got
