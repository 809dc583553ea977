"""A sentence must agree with itself: areas listed once, one direction per thing said."""

from __future__ import annotations

from narrator.check.consistency.directions import CONFLICTING_DIRECTIONS, REPEATED_AREA
from narrator.check.text.parse import parse_text
from tests.check.conftest import checker_for

MONTH = "2019-10"


def _kinds(text: str) -> list[str]:
    report = checker_for(None).check_document(parse_text(text), month=MONTH)
    return [f.kind for f in report.findings]


def test_an_area_listed_twice_is_reported() -> None:
    twice = (
        "5.1.1 Catalytic converter thefts remain high. Peterborough, Peterborough and "
        "Fenland have also seen higher levels in 2019 (to the end of October) than in any "
        "of the last five years."
    )
    once = twice.replace("Peterborough, Peterborough", "Huntingdonshire, Peterborough")
    assert REPEATED_AREA in _kinds(twice)
    assert REPEATED_AREA not in _kinds(once)


def test_one_word_with_two_comparisons_is_not_a_list() -> None:
    text = (
        "5.1.1 Incidents remain high. Peterborough was a clear outlier, with incident "
        "volumes up on both last month and October 2018."
    )
    assert REPEATED_AREA not in _kinds(text)


def test_stable_and_increased_of_one_area_contradict() -> None:
    text = (
        "4.2.2 In South area all crime remains stable, whereas all crime has increased in "
        "South area."
    )
    fixed = text.replace("In South area", "In North area")
    assert CONFLICTING_DIRECTIONS in _kinds(text)
    assert CONFLICTING_DIRECTIONS not in _kinds(fixed)
