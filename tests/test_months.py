"""Month arithmetic: parsing, ISO strings, financial years and the labels a report uses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrator import months
from narrator.errors import MonthError, NarratorError

#: Month numbers from January 1000 to December 9999: every four-digit year.
MONTH_NUMBERS = st.integers(min_value=1000 * 12, max_value=9999 * 12 + 11)
ISO_MONTHS = st.builds(
    lambda y, m: f"{y:04d}-{m:02d}",
    st.integers(min_value=1000, max_value=9999),
    st.integers(min_value=1, max_value=12),
)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2019-10", 2019 * 12 + 9),
        ("2019-01", 2019 * 12),
        ("2019-12", 2019 * 12 + 11),
        ("2000-01", 24000),
        (" 2019-10 ", 2019 * 12 + 9),
    ],
)
def test_parse_gives_the_month_number(text: str, number: int) -> None:
    assert months.parse(text) == number


@pytest.mark.parametrize(
    "text",
    ["2019-13", "2019-00", "19-10", "", "2019/10", "2019-1", "2019-100", "Oct 2019", "201910"],
)
def test_bad_month_strings_raise_month_error(text: str) -> None:
    with pytest.raises(MonthError) as caught:
        months.parse(text)
    message = str(caught.value)
    assert repr(text) in message
    assert "YYYY-MM" in message
    # A MonthError is a NarratorError: the command line turns it into exit code 2.
    assert isinstance(caught.value, NarratorError)
    assert caught.value.exit_code == 2


def test_parse_refuses_a_non_string() -> None:
    with pytest.raises(MonthError):
        months.parse(201910)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2019-10", True), ("2019-13", False), ("19-10", False), ("", False), ("2019/10", False)],
)
def test_is_month(text: str, expected: bool) -> None:
    assert months.is_month(text) is expected


def test_year_and_month_of_year_at_the_year_boundary() -> None:
    december, january = months.parse("2018-12"), months.parse("2019-01")
    assert january - december == 1
    assert (months.year(december), months.month_of_year(december)) == (2018, 12)
    assert (months.year(january), months.month_of_year(january)) == (2019, 1)
    assert months.iso(december + 1) == "2019-01"
    assert months.iso(january - 1) == "2018-12"


@pytest.mark.parametrize(
    ("month", "label"),
    [
        ("2019-03", "2018/19"),
        ("2019-04", "2019/20"),
        ("2019-10", "2019/20"),
        ("2019-12", "2019/20"),
        ("2020-01", "2019/20"),
        ("2020-03", "2019/20"),
        ("2020-04", "2020/21"),
        ("1999-04", "1999/00"),
        ("2000-03", "1999/00"),
        ("2009-05", "2009/10"),
    ],
)
def test_fy_label_changes_in_april(month: str, label: str) -> None:
    assert months.fy_label(months.parse(month)) == label


@pytest.mark.parametrize(
    ("month", "start"),
    [
        ("2019-03", "2018-04"),
        ("2019-04", "2019-04"),
        ("2019-10", "2019-04"),
        ("2020-01", "2019-04"),
        ("2020-03", "2019-04"),
    ],
)
def test_fy_start_is_the_april_on_or_before(month: str, start: str) -> None:
    assert months.iso(months.fy_start(months.parse(month))) == start


@pytest.mark.parametrize(
    ("month", "label", "name", "rolling"),
    [
        ("2019-10", "October 2019", "October", "12 months to October 2019"),
        ("2019-01", "January 2019", "January", "12 months to January 2019"),
        ("2018-12", "December 2018", "December", "12 months to December 2018"),
    ],
)
def test_labels(month: str, label: str, name: str, rolling: str) -> None:
    m = months.parse(month)
    assert months.label(m) == label
    assert months.name(m) == name
    assert months.rolling_label(m) == rolling


@given(ISO_MONTHS)
def test_iso_of_parse_round_trips(text: str) -> None:
    assert months.iso(months.parse(text)) == text
    assert months.is_month(text)


@given(MONTH_NUMBERS)
def test_parse_of_iso_round_trips(m: int) -> None:
    assert months.parse(months.iso(m)) == m


@given(MONTH_NUMBERS)
def test_fy_start_is_the_april_of_the_twelve_months_holding_m(m: int) -> None:
    start = months.fy_start(m)
    assert start <= m < start + 12
    assert months.month_of_year(start) == 4
    assert months.fy_start(start) == start
    assert months.fy_start(start + 11) == start


@given(MONTH_NUMBERS)
def test_fy_label_names_the_year_of_its_april_and_the_next(m: int) -> None:
    first = months.year(months.fy_start(m))
    assert months.fy_label(m) == f"{first}/{(first + 1) % 100:02d}"
    # Every month of one financial year carries the same label; the next April moves on.
    assert months.fy_label(months.fy_start(m)) == months.fy_label(m)
    assert months.fy_label(months.fy_start(m) + 12) != months.fy_label(m)


@given(st.text(max_size=12))
def test_parse_either_raises_or_round_trips(text: str) -> None:
    try:
        m = months.parse(text)
    except MonthError:
        return
    assert months.iso(m) == text.strip()


@pytest.mark.parametrize("text", ["２０１９-１０", "٢٠١٩-١٠"])
def test_non_ascii_digits_are_not_a_month(text: str) -> None:
    with pytest.raises(MonthError):
        months.parse(text)


def test_outlying_months_are_the_runs_away_from_the_data() -> None:
    from narrator.months import outlying, parse

    data = [parse(f"{y}-{m:02d}") for y in (2018, 2019, 2020) for m in range(1, 13)]
    far, rest = outlying([*data, parse("1900-01"), parse("2099-12")], 36)
    assert far == {parse("1900-01"), parse("2099-12")}
    assert rest == (parse("2018-01"), parse("2020-12"))
    assert outlying(data, 36) == (set(), (data[0], data[-1]))
    assert outlying([], 36) == (set(), None)
