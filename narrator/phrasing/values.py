"""Turning what a template passes to a filter into a number or a word, or a clear refusal.

Shared by the filters of :mod:`narrator.phrasing`: every check names the filter it serves
("percent: the value is missing (None)"), so the error a template writer sees says which
filter refused which value.
"""

from __future__ import annotations

import numbers
import sys
import types
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from jinja2 import Undefined


def _inflect_engine() -> Any:
    """inflect's engine, imported without typeguard instrumenting every method.

    inflect 7 decorates its API with typeguard's ``@typechecked``, which re-parses and
    recompiles each function at import: 2.5 to 5 s on this project's machines, most of a
    draft's run time. The checks only validate inflect's own argument types (ours are always
    strings), so the import runs with the decorator as the identity; nothing else changes.
    Importing typeguard itself costs a draft 0.05 s more (it pulls in ``unittest.mock`` and
    ``asyncio``), so unless something has already imported it, inflect is given a stand-in
    module that holds only the identity decorator, removed again once inflect is imported.
    """

    def identity(target: Any = None, **_: Any) -> Any:
        return target if target is not None else (lambda function: function)

    if "inflect" in sys.modules or "typeguard" in sys.modules:
        import typeguard

        original = typeguard.typechecked
        typeguard.typechecked = identity
        try:
            import inflect
        finally:
            typeguard.typechecked = original
        return inflect.engine()
    stand_in = types.ModuleType("typeguard")
    stand_in.typechecked = identity  # type: ignore[attr-defined]
    sys.modules["typeguard"] = stand_in
    try:
        import inflect
    finally:
        # Only inflect's decorators saw the stand-in: a later import gets the real typeguard.
        del sys.modules["typeguard"]
    return inflect.engine()


INFLECT = _inflect_engine()
# Wide enough that quantising any figure a report could hold never overflows.
_DECIMAL_CONTEXT = Context(prec=60)
MAX_DECIMALS = 10


def require(value: object, where: str) -> None:
    """Refuse a missing value: undefined (the variable is named) or None."""
    if isinstance(value, Undefined):
        # A StrictUndefined raises its own UndefinedError here, which names the variable.
        str(value)
        raise ValueError(f"{where}: the value is undefined")
    if value is None:
        raise ValueError(f"{where}: the value is missing (None)")


def as_decimal(value: object, where: str) -> Decimal:
    """The value as a finite Decimal, as written; refuse None, NaN, infinities, text, booleans."""
    require(value, where)
    if isinstance(value, bool):
        raise ValueError(f"{where}: expected a number, got the boolean {value}")
    if isinstance(value, numbers.Integral):
        result = Decimal(int(value))
    elif isinstance(value, Decimal):
        result = value
    elif isinstance(value, numbers.Real):
        # repr gives the shortest text that round-trips: the value as the figures wrote it.
        result = Decimal(repr(float(value)))
    else:
        raise ValueError(f"{where}: expected a number, got {type(value).__name__} {value!r}")
    if not result.is_finite():
        raise ValueError(f"{where}: the value is {value!r}, not a number a report can print")
    return result


def as_places(decimals: object, where: str) -> int:
    """A count of decimal places a template asked for, checked."""
    if (
        not isinstance(decimals, int)
        or isinstance(decimals, bool)
        or not 0 <= decimals <= MAX_DECIMALS
    ):
        raise ValueError(f"{where}: decimals must be a whole number from 0 to {MAX_DECIMALS}")
    return decimals


def half_up(value: Decimal, decimals: int) -> Decimal:
    """``value`` rounded half away from zero to ``decimals`` places, never negative zero."""
    try:
        rounded = value.quantize(
            Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_DECIMAL_CONTEXT
        )
    except InvalidOperation as exc:
        raise ValueError(f"the value {value} is too large to print") from exc
    # A value that rounds to nothing has no sign worth printing: never "-0.0".
    return rounded.copy_abs() if rounded.is_zero() else rounded


def format_decimal(rounded: Decimal, decimals: int) -> str:
    """An already rounded value with ``en_GB`` thousands separators: "12,345.6"."""
    # en_GB writes "," between thousands and "." before the decimals, as Python's format
    # specification does (a test checks it against babel's en_GB pattern "#,##0.0").
    # Formatting through babel loaded its locale data at the first figure, 0.05 s a draft.
    return format(rounded, f",.{decimals}f")


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


def noun_for(printed: str, noun: str, plural: str | None) -> str:
    """The noun agreeing with a printed figure: singular only for "1"."""
    # Agreement follows the figure the reader sees: "1 crime" but "1.0 percentage points",
    # "0 crimes" and "-1 crime" (the sign is direction, not quantity).
    if printed.lstrip("+-") == "1":
        return noun
    return plural if plural is not None else plural_of(noun)


@lru_cache(maxsize=4096)
def plural_of(noun: str) -> str:
    """The plural of a singular noun by inflect: "offence" -> "offences", "person" -> "people"."""
    # Cached: inflect checks its arguments at run time, which is slow on a draft's hot path.
    return str(INFLECT.plural_noun(noun))


@lru_cache(maxsize=4096)
def spoken(text: str) -> str:
    """Figures as words, as they are read aloud: "8.5" -> "eight point five"."""
    return str(INFLECT.number_to_words(text))


@lru_cache(maxsize=4096)
def article(spoken_text: str) -> str:
    """The article, "a" or "an", for text as it is spoken: "eleven" -> "an"."""
    return str(INFLECT.a(spoken_text)).split(" ", 1)[0]
