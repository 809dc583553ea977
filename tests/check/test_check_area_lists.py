"""A figure said of a list of areas ("in both areas") is one claim per area, and a reference
figure after it ("compared to 100") is read against them without losing its place."""

from __future__ import annotations

from pathlib import Path

from tests.check.conftest import checker_for

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "cambridgeshire"


def test_a_reference_after_a_figure_of_both_areas_is_read() -> None:
    text = (
        "## 4.1 Dwelling burglary\n\n4.1.1 Dwelling burglary rose in both areas to 120 in "
        "October, compared to 100 in September.\n"
    )
    report = checker_for(SAMPLE).check_text(text, month="2019-10")
    read = sorted((v.claim.text, v.claim.area) for v in report.verdicts)
    assert read == [("100", "North"), ("100", "South"), ("120", "North"), ("120", "South")]
