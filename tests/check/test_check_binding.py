"""What a figure is bound to in its sentence: a part of a whole ("99 of them", "99% of
them") is not the measure's value, an area after ", with" starts a phrase of its own, and
"puts it down to" gives a cause, not a direction."""

from __future__ import annotations

from pathlib import Path

from narrator import months
from tests.check.conftest import checker_for

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "cambridgeshire"


def _classes(sentence: str) -> dict[str, str]:
    """Each number of the sentence and the class it was read as."""
    text = f"## Dwelling burglary\n\n4.1 {sentence}\n"
    report = checker_for(SAMPLE).check_text(text, month="2019-10")
    return {n.text: n.cls for n in report.numbers}


def _read(sentence: str) -> list[tuple[str, str | None, str]]:
    text = f"## Dwelling burglary\n\n4.1 {sentence}\n"
    report = checker_for(SAMPLE).check_text(text, month="2019-10")
    return [(v.claim.text, v.claim.area, v.verdict.value) for v in report.verdicts]


def test_a_count_of_them_is_a_part_not_the_total() -> None:
    got = _read("There were 184 dwelling burglaries in October 2019; 40 of them were at night.")
    assert got == [
        ("184", "Cambridgeshire", "supported"),
        ("40", "Cambridgeshire", "not checkable"),
    ]


def test_a_share_of_the_total_is_a_part() -> None:
    got = _read(
        "Fenland recorded 24 dwelling burglaries in October 2019, 13% of the month's total."
    )
    assert ("13%", "Fenland", "not checkable") in got
    assert ("24", "Fenland", "supported") in got


def test_a_wrong_total_beside_a_part_is_still_contradicted() -> None:
    got = _read("There were 199 dwelling burglaries in October 2019; 40 of them were at night.")
    assert got[0] == ("199", "Cambridgeshire", "contradicted")


def test_an_area_after_with_is_not_the_figure_s() -> None:
    got = _read("Dwelling burglaries numbered 184 in October 2019, with Fenland accounting for 24.")
    assert got[0] == ("184", "Cambridgeshire", "supported")


def test_an_area_right_after_a_figure_is_still_its_area() -> None:
    got = _read("In October 2019 there were 34 dwelling burglaries in Fenland.")
    assert got == [("34", "Fenland", "contradicted")]


def test_puts_down_to_is_not_a_direction() -> None:
    report = checker_for(SAMPLE).check_text(
        "## Dwelling burglary\n\n4.1 Dwelling burglaries numbered 184 in October 2019, which "
        "the force puts down to patrols.\n",
        month="2019-10",
    )
    assert [v.claim.direction for v in report.verdicts] == [None]
    assert [v.verdict.value for v in report.verdicts] == ["supported"]


def test_a_percentage_of_a_count_is_a_share_not_a_level() -> None:
    got = _read("In October 2019, 42.0% of dwelling burglaries were at night.")
    assert got == [("42.0%", "Cambridgeshire", "not checkable")]


def test_a_wrong_percentage_change_of_a_count_is_still_contradicted() -> None:
    got = _read("Dwelling burglaries rose by 9.0% in October 2019 compared with September 2019.")
    assert got == [("9.0%", "Cambridgeshire", "contradicted")]


def test_a_count_of_forces_is_of_peers_the_project_does_not_hold() -> None:
    sentence = "Our comparison group is made up of eight forces, including Cambridgeshire."
    # The size of a group of peers is read as such (class other), so it makes no claim.
    assert _read(sentence) == []
    assert _classes(sentence)["eight"] == "other"


def test_an_area_left_out_is_not_a_list() -> None:
    report = checker_for(SAMPLE).check_text(
        "## Dwelling burglary\n\n4.1 Dwelling burglary rose in all six districts in October "
        "2019 except Fenland.\n",
        month="2019-10",
    )
    # "all six districts" is the size of the group (no claim); Fenland is left out of it.
    assert all(v.claim.text != "six" for v in report.verdicts)
    assert {n.text: n.cls for n in report.numbers}["six"] == "other"
    assert all(v.claim.area != "Fenland" for v in report.verdicts)


def test_a_list_shorter_than_its_count_is_still_contradicted() -> None:
    got = _read(
        "Dwelling burglary rose in three districts in October 2019: Fenland and Peterborough."
    )
    assert got[0][0] == "three" and got[0][2] == "contradicted"


def test_a_rate_per_head_of_population_is_not_the_count() -> None:
    got = _read(
        "There were 62,569 crimes in the 12 months to October 2019, a rate of 73.2 crimes per "
        "1,000 residents."
    )
    assert ("62,569", "Cambridgeshire", "supported") in got
    assert ("73.2", "Cambridgeshire", "not checkable") in got


def test_a_rate_per_head_named_before_the_figure_is_not_the_count() -> None:
    got = _read("In October 2019 Peterborough's burglary rate per 1,000 households was 2.1.")
    assert [g[2] for g in got if g[0] == "2.1"] == ["not checkable"]


def test_per_cent_is_not_a_rate_per_head() -> None:
    got = _read("Dwelling burglaries rose by 9.0 per cent in October 2019 on September 2019.")
    assert got[0][2] == "contradicted"


def test_a_position_among_peers_is_not_a_count() -> None:
    got = _read("In October 2019 the force was placed 3rd of 7 for dwelling burglary.")
    assert all(verdict != "contradicted" for _, _, verdict in got)
    assert _classes("In October 2019 the force was placed 3rd of 7 for dwelling burglary.") == {
        "4.1": "reference",
        "October 2019": "period",
        "3rd": "value",
        "7": "other",
    }
    got = _read("Dwelling burglary in October 2019 was ranked 4 out of 9.")
    assert got and all(verdict == "not checkable" for _, _, verdict in got)


def test_a_count_beside_a_rank_word_elsewhere_is_still_checked() -> None:
    got = _read("There were 199 dwelling burglaries in October 2019, ranked by district below.")
    assert got[0] == ("199", "Cambridgeshire", "contradicted")


def test_a_count_beside_a_percentage_measure_is_not_its_level() -> None:
    report = checker_for(SAMPLE).check_text(
        "## Victim satisfaction\n\n4.1 Satisfaction of victims of violent crime was 73.0% in "
        "the 12 months to October 2019 (sample size 388).\n",
        month="2019-10",
    )
    got = [(v.claim.text, v.verdict.value) for v in report.verdicts]
    assert got == [("73.0%", "supported"), ("388", "not checkable")]


def test_a_wrong_percentage_of_a_percentage_measure_is_still_contradicted() -> None:
    report = checker_for(SAMPLE).check_text(
        "## Victim satisfaction\n\n4.1 Satisfaction of victims of violent crime was 93.0% in "
        "the 12 months to October 2019.\n",
        month="2019-10",
    )
    assert [v.verdict.value for v in report.verdicts] == ["contradicted"]


def test_a_direction_of_a_share_of_a_count_is_not_the_count_s() -> None:
    report = checker_for(SAMPLE).check_text(
        "## Dwelling burglary\n\n4.1 In the 12 months to October 2019, 40.0% of dwelling "
        "burglaries were at night, down from 45.0% a year ago.\n",
        month="2019-10",
    )
    got = {v.claim.text: v.verdict.value for v in report.verdicts}
    assert got["down"] == "not checkable"


def test_a_wrong_direction_of_a_count_is_still_contradicted() -> None:
    report = checker_for(SAMPLE).check_text(
        "## Dwelling burglary\n\n4.1 Dwelling burglaries fell to 184 in October 2019 compared "
        "with September 2019.\n",
        month="2019-10",
    )
    assert [v.verdict.value for v in report.verdicts] == ["contradicted"]


def test_a_count_after_of_which_is_a_part() -> None:
    got = _read("There were 184 dwelling burglaries in October 2019, of which 23 were at night.")
    assert got == [
        ("184", "Cambridgeshire", "supported"),
        ("23", "Cambridgeshire", "not checkable"),
    ]


def test_a_direction_beside_a_percentage_change_in_brackets_is_still_checked() -> None:
    report = checker_for(SAMPLE).check_text(
        "## All crime\n\n4.1 All crime in the 12 months to October 2019 stood at 62,569, an "
        "increase of 1,696 offences (2.8%) on the previous 12 months.\n",
        month="2019-10",
    )
    got = {v.claim.text: v.verdict.value for v in report.verdicts}
    assert got["increase"] == "supported"


def test_a_figure_of_a_group_of_victims_is_not_the_measure_s() -> None:
    report = checker_for(SAMPLE).check_text(
        "## Victim satisfaction\n\n4.1 In the 12 months to October 2019, 78.1% of victims were "
        "satisfied with the whole experience. Satisfaction among repeat victims was 71.0%. "
        "Female victims were more satisfied (82.0%) than male victims (75.0%).\n",
        month="2019-10",
    )
    got = [(v.claim.text, v.verdict.value) for v in report.verdicts if v.claim.kind == "figure"]
    assert got == [
        ("78.1%", "supported"),
        ("71.0%", "not checkable"),
        ("82.0%", "not checkable"),
        ("75.0%", "not checkable"),
    ]


def test_a_wrong_figure_of_all_victims_is_still_contradicted() -> None:
    report = checker_for(SAMPLE).check_text(
        "## Victim satisfaction\n\n4.1 In the 12 months to October 2019, 78.1% of victims were "
        "satisfied with the whole experience. Satisfaction of all victims was 88.1% in the 12 "
        "months to October 2019.\n",
        month="2019-10",
    )
    got = {v.claim.text: v.verdict.value for v in report.verdicts}
    assert got == {"78.1%": "supported", "88.1%": "contradicted"}


def test_among_the_victims_a_measure_names_is_not_a_group() -> None:
    report = checker_for(SAMPLE).check_text(
        "## Victim satisfaction\n\n4.1 Among victims of violent crime, satisfaction with the "
        "whole experience was 93.0% in the 12 months to October 2019.\n",
        month="2019-10",
    )
    assert all("group" not in v.message for v in report.verdicts)


NORTHSHIRE = Path(__file__).resolve().parents[2] / "tests" / "projects" / "northshire"


def test_a_difference_said_as_more_or_fewer_is_a_change_not_a_count_of_more() -> None:
    """ "263 assaults, 22 more than in November": "more" is a comparative, not what 22
    counts; a wrong difference is contradicted (on a project other than the sample)."""
    checker = checker_for(NORTHSHIRE)
    change = checker.facts("2019-12").get("change.month", "assaults", "Northshire")
    assert change is not None and change.change and change.value is not None
    word = "more" if change.change > 0 else "fewer"
    for delta, verdict in ((change.change, "supported"), (change.change + 10, "contradicted")):
        text = (
            f"## Assaults\n\n1.1 There were {change.value:.0f} assaults in December 2019, "
            f"{abs(delta):.0f} {word} than in November 2019.\n"
        )
        report = checker.check_text(text, month="2019-12")
        (difference,) = [v for v in report.verdicts if v.claim.text == f"{abs(delta):.0f}"]
        assert difference.claim.measure_head is None
        assert difference.verdict.value == verdict, difference.message


def test_a_change_in_brackets_after_a_year_compared_with_is_the_change() -> None:
    """ "N more than in 2018 (+5.5%)": the bracketed figure is the change in per cent, not
    the earlier year's figure, and neither is held to the year it is compared with."""
    checker = checker_for(NORTHSHIRE)
    figures = checker.figures
    series = figures.series("thefts", "Northshire")

    def year(y: int) -> float:
        first = figures.column(months.parse(f"{y}-01"))
        return float(series[first : first + 12].sum())

    total, before = year(2019), year(2018)
    text = (
        f"## Vehicle crime\n\n1.1 Vehicle thefts totalled {total:,.0f} in 2019, "
        f"{total - before:,.0f} more than in 2018 ({(total / before - 1) * 100:+.1f}%).\n"
    )
    report = checker.check_text(text, month="2019-12")
    got = [(v.claim.role, v.claim.reference_period, v.verdict.value) for v in report.verdicts]
    assert got[1:] == [("change", "CY:2018", "supported"), ("change", "CY:2018", "supported")]
