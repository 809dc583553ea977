"""Turning what a template passes to a filter into a number or a word, or a clear refusal.

Shared by the filters of :mod:`narrator.phrasing`: every check names the filter it serves
("percent: the value is missing (None)"), so the error a template writer sees says which
filter refused which value. Jinja's undefined values are refused here, naming the variable;
the numbers themselves are :mod:`narrator.language.numbers`'.
"""

from __future__ import annotations

from decimal import Decimal

from jinja2 import Undefined

from narrator.language import numbers
from narrator.language.numbers import MAX_DECIMALS


def require(value: object, where: str) -> None:
    """Refuse a missing value: undefined (the variable is named) or None."""
    if isinstance(value, Undefined):
        # A StrictUndefined raises its own UndefinedError here, which names the variable.
        str(value)
        raise ValueError(f"{where}: the value is undefined")
    if value is None:
        raise ValueError(f"{where}: the value is missing (None)")


def as_decimal(value: object, where: str) -> Decimal:
    """:func:`narrator.language.numbers.as_decimal` after refusing an undefined value."""
    require(value, where)
    return numbers.as_decimal(value, where)


def as_places(decimals: object, where: str) -> int:
    """A count of decimal places a template asked for, checked."""
    if (
        not isinstance(decimals, int)
        or isinstance(decimals, bool)
        or not 0 <= decimals <= MAX_DECIMALS
    ):
        raise ValueError(f"{where}: decimals must be a whole number from 0 to {MAX_DECIMALS}")
    return decimals


def as_whole(value: object, where: str) -> int:
    """The value as an int; refuse fractions rather than silently truncate them."""
    number = as_decimal(value, where)
    if number != number.to_integral_value():
        raise ValueError(f"{where}: expected a whole number, got {value!r}")
    return int(number)


def as_text(value: object, where: str) -> str:
    """The value as non-blank text; refuse anything else."""
    require(value, where)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: expected some text, got {value!r}")
    return value
