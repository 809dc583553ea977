"""A claim about a force or an area the project does not hold (another force, England and
Wales, the MSG average) is not checkable, never contradicted (issue 14); a claim naming the
project's own force or its districts is still checked."""

from __future__ import annotations

from pathlib import Path

from narrator.check.claims.scope import paper_about, scope_of
from narrator.check.findings import Verdict
from narrator.language.forces import load_forces
from tests.check.conftest import checker_for

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "cambridgeshire"
NORTHSHIRE = Path(__file__).resolve().parents[1] / "projects" / "northshire"


def _verdicts(text: str) -> list[tuple[str, str, str | None]]:
    report = checker_for(SAMPLE).check_text(text, month="2019-10")
    return [(v.claim.text, v.verdict.value, v.claim.outside) for v in report.verdicts]


def test_the_forces_list_holds_every_force_of_england_and_wales_and_three_more() -> None:
    forces = load_forces()
    assert len(forces.forces) == 46
    assert forces.force_of("Thames Valley Police") is forces.force_of("TVP")
    assert forces.force_of("the Met") is not None
    assert forces.force_of("Northshire") is None


def test_a_figure_of_the_own_force_is_still_contradicted() -> None:
    got = _verdicts(
        "## Dwelling burglary\n\nCambridgeshire recorded 199 dwelling burglaries in October 2019.\n"
    )
    assert got == [("199", Verdict.CONTRADICTED.value, None)]


def test_a_paper_naming_only_another_force_is_about_that_force() -> None:
    got = _verdicts(
        "Gwent Police: quarterly update\n\n"
        "The force recorded 9,999 dwelling burglaries in October 2019.\n"
    )
    assert got == [("9,999", Verdict.NOT_CHECKABLE.value, "Gwent Police")]


def test_a_paper_naming_another_force_and_an_own_district_is_checked() -> None:
    got = _verdicts(
        "Comparison with Gwent Police\n\nFenland recorded 34 dwelling burglaries in October 2019.\n"
    )
    assert got == [("34", Verdict.CONTRADICTED.value, None)]


def test_a_force_of_the_same_words_as_an_own_area_is_not_the_area() -> None:
    # "South" is an area of the sample; "South Wales Police" is another force.
    scope = scope_of(checker_for(SAMPLE).reader.areas)
    assert paper_about("South Wales Police annual report: the South saw 40 thefts.", scope) == (
        "South Wales Police"
    )
    assert paper_about("South Wales Police and Huntingdonshire compared.", scope) is None
    assert paper_about("The force recorded 40 thefts.", scope) is None


def test_a_national_comparison_is_not_checkable_but_the_own_figure_is() -> None:
    got = _verdicts(
        "## All crime\n\nAll crime in Cambridgeshire was 65,432 in the 12 months to October "
        "2019, lower than the England and Wales rate of 80.1 per 1,000.\n"
    )
    own = [g for g in got if g[0] == "65,432"]
    assert own == [("65,432", Verdict.CONTRADICTED.value, None)]
    others = [g for g in got if g[0] in ("80.1", "lower")]
    assert others == [
        ("80.1", Verdict.NOT_CHECKABLE.value, "England and Wales"),
        ("lower", Verdict.NOT_CHECKABLE.value, "England and Wales"),
    ]


def test_a_figure_said_nationally_or_of_a_peer_group_is_not_checkable() -> None:
    got = _verdicts(
        "## Dwelling burglary\n\nIn Cambridgeshire dwelling burglary fell in October 2019. "
        "Nationally, dwelling burglary rose 4.4% over the same months. The MSG average is "
        "31.5 per 1,000.\n"
    )
    outside = {text: why for text, _, why in got}
    assert outside["4.4%"] == "Nationally"
    assert outside["31.5"] == "MSG average"
    assert outside.get("fell") is None


def test_another_force_in_the_sentence_binds_only_its_own_figure() -> None:
    got = _verdicts(
        "## Dwelling burglary\n\nCambridgeshire recorded 199 dwelling burglaries in October "
        "2019; Essex Police recorded 1,234.\n"
    )
    assert ("199", Verdict.CONTRADICTED.value, None) in got
    assert ("1,234", Verdict.NOT_CHECKABLE.value, "Essex Police") in got


def test_a_paper_naming_a_place_of_another_force_is_about_that_force() -> None:
    got = _verdicts(
        "Police and Crime Panel for Shropshire\n\n"
        "The force recorded 9,999 dwelling burglaries in October 2019.\n"
    )
    assert got == [("9,999", Verdict.NOT_CHECKABLE.value, "Shropshire")]
    assert load_forces().force_of("Shropshire") is load_forces().force_of("West Mercia")


def test_a_national_statement_naming_no_force_is_about_the_country() -> None:
    got = _verdicts(
        "Office for National Statistics: crime in the year to October 2019\n\n"
        "Police recorded 9,999 dwelling burglaries in October 2019.\n"
    )
    assert got == [("9,999", Verdict.NOT_CHECKABLE.value, "Office for National Statistics")]


def test_a_national_source_in_an_own_paper_leaves_its_figures_checked() -> None:
    got = _verdicts(
        "Office for National Statistics figures for Cambridgeshire\n\n"
        "Cambridgeshire recorded 199 dwelling burglaries in October 2019.\n"
    )
    assert got == [("199", Verdict.CONTRADICTED.value, None)]


def test_a_figure_of_a_quarter_is_not_checked_against_a_month() -> None:
    got = _verdicts(
        "## Dwelling burglary\n\nIn the quarter to October 2019 Cambridgeshire recorded 540 "
        "dwelling burglaries.\n"
    )
    assert got == [("540", Verdict.NOT_CHECKABLE.value, "a quarter")]


def test_a_quarter_as_a_fraction_is_not_a_period() -> None:
    got = _verdicts(
        "## Dwelling burglary\n\nCambridgeshire recorded 199 dwelling burglaries in October "
        "2019, a quarter of them at night.\n"
    )
    assert got == [("199", Verdict.CONTRADICTED.value, None)]


def test_an_own_area_s_name_as_a_common_word_is_not_the_area() -> None:
    scope = scope_of(checker_for(NORTHSHIRE).reader.areas)
    assert paper_about("Gwent Police: thefts in coastal towns rose to 40.", scope) == (
        "Gwent Police"
    )
    assert paper_about("GWENT POLICE AND THE COASTAL DIVISION", scope) is None


def test_a_section_about_another_force_is_about_that_force() -> None:
    text = (
        "# Cambridgeshire performance, October 2019\n\n## Comparison with Essex Police\n\n"
        "There were 999 dwelling burglaries in October 2019.\n\n"
        "In Cambridgeshire there were 199 dwelling burglaries in October 2019.\n"
    )
    assert _verdicts(text) == [
        ("999", Verdict.NOT_CHECKABLE.value, "Essex Police"),
        ("199", Verdict.CONTRADICTED.value, None),
    ]


def test_a_direction_compared_with_a_peer_figure_is_not_checkable() -> None:
    got = _verdicts(
        "## All crime\n\nAll crime in Cambridgeshire rose to 62,569 in the 12 months to "
        "October 2019, higher than the average of 58,000 for similar forces. Cambridgeshire's "
        "rise of 2.8% is smaller than the 6% seen by other forces.\n"
    )
    outside = {text: why for text, _, why in got}
    assert outside["higher"] == "similar forces"
    assert outside["58,000"] == "similar forces"
    assert outside["6%"] == "other forces"
    assert outside["rise"] is None and outside["62,569"] is None


def test_a_target_is_not_the_measure_s_figure() -> None:
    got = _verdicts(
        "## Dwelling burglary\n\nThe dwelling burglary PPO rate in the 12 months to October "
        "2019 was 8.5%, against a target of 15%. The target was missed: the rate was 9.9% in "
        "the 12 months to October 2019.\n"
    )
    # The target is a threshold: a number of the frame, no claim of the measure's value.
    assert got == [
        ("8.5%", Verdict.SUPPORTED.value, None),
        ("9.9%", Verdict.CONTRADICTED.value, None),
    ]
    report = checker_for(SAMPLE).check_text(
        "The rate was 8.5%, against a target of 15%.\n", month="2019-10"
    )
    assert [(n.text, n.cls) for n in report.numbers] == [("8.5%", "value"), ("15%", "other")]
