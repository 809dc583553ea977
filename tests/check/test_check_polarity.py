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
