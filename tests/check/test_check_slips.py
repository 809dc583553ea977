"""Slips: a figure that disagrees with the figures is contradicted when a slip explains it
(near the right figure, one keystroke from it, another area's or another period's figure),
and ambiguous when it is too far off for one (more often a figure of something else)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from narrator.check.slips import is_slip, one_keystroke
from tests.check.conftest import checker_for


def _read(text: str) -> list[tuple[str, str]]:
    report = checker_for().check_text(text, month="2019-10")
    return [(v.claim.text, v.verdict.value) for v in report.verdicts]


def test_a_figure_near_the_right_one_is_a_slip() -> None:
    assert is_slip(199, 184)
    assert is_slip(2.4, 2.0, decimals=1)
    assert is_slip(7, 4)  # a few units either way, whatever the size


def test_a_figure_far_from_the_right_one_is_not_a_slip() -> None:
    assert not is_slip(588, 7053)
    assert not is_slip(6.2, 0.0, decimals=1)
    assert not is_slip(63, 190)


def test_one_keystroke_covers_changed_dropped_added_and_swapped_digits() -> None:
    assert one_keystroke("1010", "1100")  # two neighbours swapped
    assert one_keystroke("1010", "10100")  # a digit added
    assert one_keystroke("4731", "4781")  # a digit changed
    assert not one_keystroke("1234", "4321")
    # Any digit is one keystroke from any other: single digits are never explained so.
    assert not one_keystroke("4", "74")
    assert not one_keystroke("6", "0")


def test_a_number_word_is_never_a_mistyped_figure() -> None:
    # "ten" for 190 is one keystroke away in digits, but nobody types "ten" for 190.
    assert is_slip(10, 190)
    assert not is_slip(10, 190, typed=False)


@given(right=st.integers(min_value=1, max_value=10**7), factor=st.floats(0.61, 1.65))
def test_within_two_fifths_is_always_a_slip(right: int, factor: float) -> None:
    assert is_slip(right * factor, right)


@given(right=st.integers(min_value=100, max_value=10**7), factor=st.floats(1.7, 1.99))
def test_further_off_is_a_slip_only_by_a_keystroke(right: int, factor: float) -> None:
    said = round(right * factor)
    assert is_slip(said, right) == one_keystroke(str(said), str(right))


_DIGITS = st.from_regex(r"[1-9][0-9]{1,6}", fullmatch=True)


@given(a=_DIGITS, b=_DIGITS)
def test_one_keystroke_is_symmetric(a: str, b: str) -> None:
    assert one_keystroke(a, b) == one_keystroke(b, a)


def test_a_wrong_figure_near_the_right_one_is_contradicted() -> None:
    # 184 dwelling burglaries in October 2019.
    assert _read("There were 199 dwelling burglaries in October 2019.") == [("199", "contradicted")]


def test_a_figure_far_from_any_is_ambiguous_not_contradicted() -> None:
    got = _read("There were 1,999 dwelling burglaries in October 2019.")
    assert got == [("1,999", "ambiguous")]


def test_another_area_s_figure_is_contradicted_however_far() -> None:
    # 110 is the North area's October figure; Fenland's is 24.
    report = checker_for().check_text(
        "In October 2019 there were 110 dwelling burglaries in Fenland.", month="2019-10"
    )
    [verdict] = report.verdicts
    assert verdict.verdict.value == "contradicted"
    assert "the figure of North" in verdict.message


def test_a_further_count_is_a_part_not_the_measure() -> None:
    got = _read(
        "There were 184 dwelling burglaries in October 2019. A further 12 dwelling "
        "burglaries were recorded as attempts."
    )
    assert got == [("184", "supported"), ("12", "not checkable")]


def test_a_figure_of_the_same_months_last_year_after_it_is_a_reference() -> None:
    # The financial year to date: 1,313 against 1,279 over the same months of 2018.
    text = (
        "Dwelling burglaries in the financial year to date numbered 1,313 ({} over the "
        "same months of last year)."
    )
    right = {
        v.claim.text: v
        for v in checker_for().check_text(text.format("1,279"), month="2019-10").verdicts
    }
    assert right["1,279"].claim.reference_cue == "same period"
    assert right["1,279"].verdict.value == "supported"
    wrong = {
        v.claim.text: v
        for v in checker_for().check_text(text.format("1,297"), month="2019-10").verdicts
    }
    assert wrong["1,297"].verdict.value == "contradicted"
    assert wrong["1,297"].evidence[0].startswith("change.year_to_date/")


def test_an_average_narrator_does_not_compute_is_not_held_to_the_level() -> None:
    got = _read(
        "There were 184 dwelling burglaries in October 2019, against a five-year average "
        "for the month of 999."
    )
    assert ("184", "supported") in got
    assert ("999", "contradicted") not in got


def test_a_figure_quoted_twice_disagrees_only_when_a_slip_explains_it() -> None:
    text = (
        "## Dwelling burglary\n\n4.1 There were 184 dwelling burglaries in October 2019.\n\n"
        "4.2 In October 2019 there were {} dwelling burglaries.\n"
    )

    def kinds(second: str) -> list[str]:
        report = checker_for().check_text(text.format(second), month="2019-10")
        return [f.kind for f in report.findings]

    assert kinds("194") == ["figure_mismatch"]
    assert kinds("1,840") == ["figure_mismatch"]  # one keystroke: a digit added
    assert kinds("4,321") == []
