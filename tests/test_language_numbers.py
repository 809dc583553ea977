"""What :mod:`narrator.language.numbers` does without babel and typeguard at run time.

Numbers are formatted by Python's format specification, which must write them exactly as
babel's ``en_GB`` pattern does; inflect is imported with a stand-in for typeguard, which must
leave the real typeguard importable and inflect working.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

from babel import Locale
from babel.numbers import parse_pattern
from hypothesis import assume, given
from hypothesis import strategies as st

from narrator.language.numbers import format_decimal, half_up

EN_GB = Locale.parse("en_GB")


def babel_en_gb(rounded: Decimal, decimals: int) -> str:
    """The formatting narrator used before: babel's pattern with en_GB's symbols."""
    pattern = parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))
    return str(pattern.apply(rounded, EN_GB))


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
