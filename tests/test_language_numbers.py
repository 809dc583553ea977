"""What :mod:`narrator.language.numbers` does without babel and typeguard at run time.

Numbers are formatted by Python's format specification, which must write them exactly as
babel's ``en_GB`` pattern does; inflect is imported with a stand-in for typeguard, which must
leave the real typeguard importable and inflect working.
"""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import parse_pattern
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from narrator.language.numbers import (
    INFLECT,
    as_decimal,
    format_decimal,
    half_up,
    noun_for,
    number_word,
    number_word_pattern,
    ordinal_figure,
    ordinal_value,
    ordinal_word,
    plural_of,
    round_figure,
    rounds_to_zero,
    singular_of,
    word_value,
)

EN_GB = Locale.parse("en_GB")


def babel_en_gb(rounded: Decimal, decimals: int) -> str:
    """The formatting narrator used before: babel's pattern with en_GB's symbols."""
    pattern = parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))
    return str(pattern.apply(rounded, EN_GB))


# No deadline: the first example loads babel's locale data, which on a loaded machine takes
# longer than hypothesis's default 200 ms; the property, not the speed, is under test.
@settings(deadline=None)
@given(
    digits=st.integers(min_value=0, max_value=10**18),
    exponent=st.integers(min_value=-12, max_value=6),
    negative=st.booleans(),
    decimals=st.integers(min_value=0, max_value=6),
)
def test_format_decimal_writes_what_babel_en_gb_writes(
    digits: int, exponent: int, negative: bool, decimals: int
) -> None:
    value = Decimal(-digits if negative else digits).scaleb(exponent)
    rounded = half_up(value, decimals)
    # babel works in the default decimal context and fails beyond 28 significant digits.
    assume(len(rounded.as_tuple().digits) <= 28)
    assert format_decimal(rounded, decimals) == babel_en_gb(rounded, decimals)


def test_format_decimal_examples() -> None:
    assert format_decimal(Decimal("12345.6"), 1) == "12,345.6"
    assert format_decimal(Decimal("-1234567"), 0) == "-1,234,567"
    assert format_decimal(Decimal("0.05"), 2) == "0.05"
    assert format_decimal(Decimal("999"), 0) == "999"
    assert format_decimal(half_up(Decimal("-0.04"), 1), 1) == "0.0"
    # Beyond babel's 28 digits (where it raised decimal.InvalidOperation) the figure prints.
    assert (
        format_decimal(half_up(Decimal("1E+22"), 6), 6) == "10,000,000,000,000,000,000,000.000000"
    )


def test_inflect_is_imported_without_typeguard_which_stays_importable() -> None:
    code = (
        "import sys\n"
        "from narrator.language.numbers import INFLECT, plural_of\n"
        "assert 'typeguard' not in sys.modules\n"
        "assert plural_of('offence') == 'offences' and plural_of('person') == 'people'\n"
        "assert INFLECT.number_to_words('8.5') == 'eight point five'\n"
        "import typeguard\n"
        "assert callable(typeguard.check_type)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "ok"


# --- words, both ways -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("nine", 9), ("Twenty-one", 21), ("twenty one", 21), ("12", 12), ("zero", 0),
     ("ninety-nine", 99), ("dozen", 12), ("eleventy", None), ("１２", None), ("", None)],
)  # fmt: skip
def test_word_value(text: str, value: int | None) -> None:
    assert word_value(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("27th", 27), ("second", 2), ("Twenty-first", 21), ("ninth", 9), ("1st", 1),
     ("twelfth", 12), ("secondly", None)],
)  # fmt: skip
def test_ordinal_value(text: str, value: int | None) -> None:
    assert ordinal_value(text) == value


@given(st.integers(min_value=0, max_value=99))
def test_number_words_read_back_what_inflect_writes(n: int) -> None:
    assert word_value(str(INFLECT.number_to_words(n))) == n
    pattern = re.compile(number_word_pattern(), re.IGNORECASE)
    assert pattern.fullmatch(str(INFLECT.number_to_words(n)))
    if n >= 1:
        assert ordinal_value(ordinal_word(n)) == n
        assert ordinal_value(ordinal_figure(n)) == n
    if n <= 9:
        assert word_value(number_word(n)) == n


def test_house_style_words() -> None:
    assert [number_word(n) for n in (0, 2, 9, 10, 12345)] == ["zero", "two", "nine", "10", "12,345"]
    assert [ordinal_word(n) for n in (1, 2, 9, 10, 22)] == [
        "first",
        "second",
        "ninth",
        "10th",
        "22nd",
    ]
    with pytest.raises(ValueError, match="expected 1 or more"):
        ordinal_word(0)
    assert plural_of("person") == "people" and singular_of("thefts") == "theft"
    assert singular_of("theft") is None
    assert noun_for("1", "crime") == "crime" and noun_for("1.0", "crime") == "crimes"


@pytest.mark.parametrize(
    ("value", "decimals", "zero"),
    [(0.04, 1, True), (0.05, 1, False), (-0.049, 1, True), (0.4, 0, True), (0.5, 0, False),
     (0, 0, True), (1e-12, 0, True)],
)  # fmt: skip
def test_rounds_to_zero(value: float, decimals: int, zero: bool) -> None:
    assert rounds_to_zero(value, decimals) is zero


@pytest.mark.parametrize(
    ("value", "figure", "side"),
    [("6952114", "7,000,000", "below"), ("203", "200", "above"), ("1540", "1,500", "either"),
     ("200", "200", None), ("7.3", "7", "either"), ("0.048", "0.05", "either")],
)  # fmt: skip
def test_round_figure(value: str, figure: str, side: str | None) -> None:
    assert round_figure(Decimal(value)) == (figure, side)


def test_as_decimal_refuses_what_is_not_a_number() -> None:
    assert as_decimal(9.7, "x") == Decimal("9.7")
    for bad, message in [(None, "missing"), (True, "boolean"), ("9", "expected a number"),
                         (float("nan"), "nan")]:  # fmt: skip
        with pytest.raises(ValueError, match=f"^where: .*{message}"):
            as_decimal(bad, "where")
