"""A reference figure ("against 357 a year earlier", "up from 20") is an earlier figure of
the same measure and area: checked against the earlier period its words name, or not
checkable when they name none, never against the period of the figure it is compared
with."""

from __future__ import annotations

from pathlib import Path

from narrator.check.claims.earlier import shifted
from tests.check.conftest import checker_for

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "cambridgeshire"


def _read(sentence: str) -> dict[str, tuple[str | None, str]]:
    text = f"## Dwelling burglary\n\n4.1 {sentence}\n"
    report = checker_for(SAMPLE).check_text(text, month="2019-10")
    return {v.claim.text: (v.claim.period, v.verdict.value) for v in report.verdicts}


def test_a_reference_a_year_earlier_is_the_year_before() -> None:
    got = _read(
        "In Huntingdonshire the 12 month total of dwelling burglaries fell to 338 in the 12 "
        "months to October 2019, against 357 a year earlier."
    )
    assert got["338"] == ("R12:2019-10", "supported")
    assert got["357"] == ("R12:2018-10", "supported")


def test_a_wrong_reference_a_year_earlier_is_still_contradicted() -> None:
    got = _read(
        "In Huntingdonshire the 12 month total of dwelling burglaries fell to 338 in the 12 "
        "months to October 2019, compared with 250 a year ago."
    )
    assert got["250"] == ("R12:2018-10", "contradicted")


def test_a_reference_naming_no_period_is_not_checked_against_the_current_one() -> None:
    got = _read("In Huntingdonshire dwelling burglaries rose to 22 in October 2019, up from 20.")
    assert got["22"] == ("2019-10", "supported")
    assert got["20"] == (None, "not checkable")


def test_a_reference_of_another_subject_keeps_the_period() -> None:
    got = _read(
        "In Huntingdonshire dwelling burglaries were 22 in October 2019, compared with 64 in "
        "Peterborough."
    )
    assert got["64"] == ("2019-10", "supported")


def test_period_labels_move_back() -> None:
    assert shifted("R12:2019-10", 12) == "R12:2018-10"
    assert shifted("2019-01", 1) == "2018-12"
    assert shifted("FY:2018", 12) == "FY:2017"
    assert shifted("FY:2018", 1) is None
    assert shifted("LT:2016-04..2019-03", 12) is None


def test_a_period_after_than_in_is_what_a_figure_is_compared_with() -> None:
    got = _read("Dwelling burglaries in Fenland rose to 24, 3 more than in October 2018.")
    assert got["24"][0] != "2018-10"


def test_a_period_after_a_reference_figure_is_the_reference_s() -> None:
    got = _read("The Fenland dwelling burglary total was 24 against 26 in September 2019.")
    assert got["26"] == ("2019-09", "supported")
    assert got["24"][0] != "2019-09"


def test_a_direction_is_measured_against_the_comparison_its_sentence_names() -> None:
    # All crime rose significantly on the year (60,873 to 62,569), not on the month.
    said = (
        "Total recorded crime {}, with 62,569 offences in the 12 months to October 2019 "
        "compared with 60,873 in the 12 months to October 2018."
    )
    assert _read(said.format("rose"))["rose"] == ("R12:2019-10", "supported")
    assert _read(said.format("was stable"))["stable"] == ("R12:2019-10", "contradicted")


def test_a_month_after_a_figure_compared_with_is_not_the_rolling_year_s() -> None:
    got = _read(
        "Over 12 months the dwelling burglary PPO rate is 8.5%, against a target figure of "
        "around 20% for the year ending March 2019."
    )
    assert got["8.5%"] == ("R12:2019-10", "supported")


def test_a_period_in_an_aside_after_a_figure_is_the_aside_s() -> None:
    got = _read(
        "Dwelling burglary fell to 184 offences, the lowest monthly figure this year "
        "(12 months: 2,262)."
    )
    assert got["184"] == ("2019-10", "supported")
    assert got["2,262"] == ("R12:2019-10", "supported")


def test_a_wrong_figure_beside_an_aside_is_still_contradicted() -> None:
    got = _read(
        "Dwelling burglary fell to 284 offences, the lowest monthly figure this year "
        "(12 months: 2,262)."
    )
    assert got["284"] == ("2019-10", "contradicted")


def test_a_figure_said_of_the_same_month_last_year_is_that_month_s() -> None:
    said = (
        "Peterborough recorded 64 dwelling burglaries in October 2019. In the same month last "
        "year, Peterborough recorded {}."
    )
    assert _read(said.format(73))["73"] == ("2018-10", "supported")
    assert _read(said.format(50))["50"] == ("2018-10", "contradicted")


def test_a_figure_beside_england_and_wales_after_it_is_not_checkable() -> None:
    got = _read(
        "Dwelling burglary in Cambridgeshire numbered 184 in October 2019, against a rise of 7% "
        "across England and Wales."
    )
    assert got["184"] == ("2019-10", "supported")
    assert got["7%"][1] == "not checkable"
