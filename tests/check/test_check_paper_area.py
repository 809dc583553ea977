"""A paper whose title names one area of the project (a district briefing) speaks of that
area wherever a sentence names none; the force's own names in a title are not a district,
and a sentence said of the whole force keeps the force."""

from __future__ import annotations

from pathlib import Path

from tests.check.conftest import checker_for

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "cambridgeshire"


def _read(text: str) -> list[tuple[str, str | None, str]]:
    report = checker_for(SAMPLE).check_text(text, month="2019-10")
    return [(v.claim.text, v.claim.area, v.verdict.value) for v in report.verdicts]


def test_a_district_briefing_is_about_its_district() -> None:
    got = _read(
        "# Fenland – tasking notes, October 2019\n\n## Dwelling burglary\n\n"
        "- 24 dwelling burglaries in October 2019.\n"
        "- 34 dwelling burglaries in October 2019.\n"
    )
    assert got == [("24", "Fenland", "supported"), ("34", "Fenland", "contradicted")]


def test_a_sentence_of_the_whole_force_keeps_the_force() -> None:
    got = _read(
        "# Fenland – tasking notes, October 2019\n\n## Dwelling burglary\n\n"
        "- Force-wide there were 184 dwelling burglaries in October 2019.\n"
    )
    assert got == [("184", "Cambridgeshire", "supported")]


def test_the_force_s_own_name_in_a_title_is_not_a_district() -> None:
    got = _read(
        "# Office of the PCC for Cambridgeshire and Peterborough\n\n## Dwelling burglary\n\n"
        "- 184 dwelling burglaries in October 2019.\n"
    )
    assert got == [("184", "Cambridgeshire", "supported")]


def test_a_title_naming_two_areas_leaves_the_force() -> None:
    got = _read(
        "# North and South areas compared\n\n## Dwelling burglary\n\n"
        "- 184 dwelling burglaries in October 2019.\n"
    )
    assert got == [("184", "Cambridgeshire", "supported")]
