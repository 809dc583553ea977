"""Judgements ("improved", "deteriorated", "worsened", "better") are checked against the
measure's polarity in the catalogue: a count that fell on a measure where lower is better
improved; a rate that rose where higher is better did not deteriorate; a neutral measure
has no better direction."""

from __future__ import annotations

from pathlib import Path

from tests.check.conftest import checker_for

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "cambridgeshire"


def _verdict(heading: str, sentence: str) -> tuple[str | None, str, str]:
    report = checker_for(SAMPLE).check_text(f"## {heading}\n\n4.1 {sentence}\n", month="2019-10")
    (only,) = [v for v in report.verdicts if v.claim.judgement is not None]
    return only.claim.direction, only.verdict.value, only.message


def test_a_rise_of_a_count_where_lower_is_better_is_a_deterioration() -> None:
    # Dwelling burglary (down_good) rose from September to October 2019 in the sample.
    said = "Dwelling burglary {} in October 2019 compared with September 2019."
    assert _verdict("Dwelling burglary", said.format("worsened"))[:2] == ("up", "supported")
    assert _verdict("Dwelling burglary", said.format("deteriorated"))[:2] == ("up", "supported")
    assert _verdict("Dwelling burglary", said.format("improved"))[:2] == ("down", "contradicted")


def test_a_rise_of_a_rate_where_higher_is_better_is_an_improvement() -> None:
    said = (
        "The dwelling burglary PPO rate {} in the 12 months to October 2019 compared with the "
        "12 months to September 2019."
    )
    assert _verdict("Dwelling burglary", said.format("improved"))[:2] == ("up", "supported")
    assert _verdict("Dwelling burglary", said.format("deteriorated"))[:2] == (
        "down",
        "contradicted",
    )


def test_a_neutral_measure_has_no_better_direction() -> None:
    direction, verdict, message = _verdict(
        "Domestic abuse", "Domestic abuse improved in October 2019 compared with September 2019."
    )
    assert (direction, verdict) == (None, "not checkable")
    assert "no better direction" in message


NORTHSHIRE = Path(__file__).resolve().parents[2] / "tests" / "projects" / "northshire"


def test_a_judgement_beside_its_figure_is_held_to_the_polarity() -> None:
    """ "the solved rate deteriorated to X%": the figure may be right and the judgement
    wrong, on a project other than the sample (the solved rate: higher is better)."""
    checker = checker_for(NORTHSHIRE)
    month = "2019-12"
    facts = checker.facts(month)
    change = facts.get("change.rolling_month", "solve_rate", "Northshire")
    assert change is not None and change.direction in ("up", "down") and change.value
    good, bad = (
        ("improved", "deteriorated") if change.direction == "up" else ("deteriorated", "improved")
    )
    said = "1.1 The 12 month vehicle theft solved rate {} on last month to {:.1f}%.\n"
    right = checker.check_text(said.format(good, change.value), month=month)
    wrong = checker.check_text(said.format(bad, change.value), month=month)
    assert [v.verdict.value for v in right.verdicts] == ["supported"]
    assert [v.verdict.value for v in wrong.verdicts] == ["contradicted"]
