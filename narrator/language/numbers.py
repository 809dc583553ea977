"""Numbers in words and figures, both ways: what the writer prints and what a reader parses.

The writer prints figures the way ``en_GB`` writes them ("12,345.6"), rounds half away from
zero as the spreadsheets analysts check against do, spells small whole numbers and ordinals
in words ("two", "second") and makes nouns agree with the figure printed ("1 crime", "2
crimes"). The reader turns the same words back into values ("twenty-one" -> 21, "27th" ->
27). Grammar comes from inflect (plurals, ordinals, number words, a/an); the word tables a
reader matches are generated from it, not typed out.

Pure: no Jinja, no spaCy. The Jinja filters of :mod:`narrator.phrasing.filters` wrap these.
"""

from __future__ import annotations

import numbers
import re
import sys
import types
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any


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
#: The most decimal places a figure is printed with.
MAX_DECIMALS = 10
#: Whole numbers up to this are written in words in house style ("two", "ninth").
WORDS_UP_TO = 9


# --- values -------------------------------------------------------------------------------


def as_decimal(value: object, where: str) -> Decimal:
    """The value as a finite Decimal, as written; refuse None, NaN, infinities, text, booleans.

    ``where`` names the caller in the message ("percent: the value is missing (None)").
    """
    if value is None:
        raise ValueError(f"{where}: the value is missing (None)")
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


def rounds_to_zero(value: object, decimals: int) -> bool:
    """Whether a change prints as no change at all: 0.04 at one place is "0.0"."""
    return half_up(as_decimal(value, "rounds_to_zero"), decimals).is_zero()


def format_decimal(rounded: Decimal, decimals: int) -> str:
    """An already rounded value with ``en_GB`` thousands separators: "12,345.6"."""
    # en_GB writes "," between thousands and "." before the decimals, as Python's format
    # specification does (a test checks it against babel's en_GB pattern "#,##0.0").
    # Formatting through babel loaded its locale data at the first figure, 0.05 s a draft.
    return format(rounded, f",.{decimals}f")


def figure(value: object, decimals: int = 0, where: str = "figure") -> str:
    """A value printed with separators, rounded half up: ``figure(12345.6)`` is "12,346"."""
    return format_decimal(half_up(as_decimal(value, where), decimals), decimals)


# --- round figures ------------------------------------------------------------------------

#: The largest gap between a value and the round figure :func:`round_figure` may quote, as
#: a fraction of the figure; the finest step tried (two significant figures) always fits.
APPROX_TOLERANCE = Decimal("0.05")
#: Within this fraction of the round figure, a hedge says which side the value is on.
APPROX_CLOSE = Decimal("0.02")


def round_figure(value: Decimal) -> tuple[str, str | None]:
    """A positive size as a round figure, and which side of it the size lies.

    The figure is the coarsest multiple of 1 or 5 times a power of ten within 5% of the
    value (6,952,114 -> "7,000,000"; 1,540 -> "1,500"; 7.3 -> "7"). The side is None when
    the value is the figure, "below" or "above" when within 2% of it, "either" otherwise;
    the lexicon's hedges word it ("almost", "just over", "around").
    """
    if value <= 0:
        raise ValueError(f"round_figure: {value} is not a positive size")
    lead = value.adjusted()
    # Coarse to fine: 10^(lead+1), 5*10^lead, 10^lead, 5*10^(lead-1), 10^(lead-1). The last
    # is two significant figures, always within 5%, so the loop always returns.
    for factor, power in [(1, lead + 1), (5, lead), (1, lead), (5, lead - 1), (1, lead - 1)]:
        step = Decimal(factor).scaleb(power)
        rounded = (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
        if rounded > 0 and abs(value - rounded) / rounded <= APPROX_TOLERANCE:
            decimals = max(0, -power)
            printed = format_decimal(half_up(rounded, decimals), decimals)
            gap = (value - rounded) / rounded
            if gap.is_zero():
                return printed, None
            if abs(gap) <= APPROX_CLOSE:
                return printed, "below" if gap < 0 else "above"
            return printed, "either"
    raise AssertionError(f"no round figure for {value}")  # pragma: no cover


# --- words --------------------------------------------------------------------------------


def noun_for(printed: str, noun: str, plural: str | None = None) -> str:
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
def singular_of(word: str) -> str | None:
    """The singular of a plural noun, or None when ``word`` is not a plural: "thefts" -> "theft"."""
    found = INFLECT.singular_noun(word)
    return None if found is False else str(found)


@lru_cache(maxsize=4096)
def spoken(text: str) -> str:
    """Figures as words, as they are read aloud: "8.5" -> "eight point five"."""
    return str(INFLECT.number_to_words(text))


@lru_cache(maxsize=4096)
def article(spoken_text: str) -> str:
    """The article, "a" or "an", for text as it is spoken: "eleven" -> "an"."""
    return str(INFLECT.a(spoken_text)).split(" ", 1)[0]


def number_word(whole: int) -> str:
    """A whole number in house style: words for zero to nine ("two"), figures above ("12")."""
    if 0 <= whole <= WORDS_UP_TO:
        return str(INFLECT.number_to_words(str(whole)))
    return format_decimal(Decimal(whole), 0)


def ordinal_word(whole: int) -> str:
    """An ordinal in house style: words to ninth ("second"), figures after ("12th")."""
    if whole < 1:
        raise ValueError(f"ordinal: expected 1 or more, got {whole!r}")
    if whole <= WORDS_UP_TO:
        return str(INFLECT.number_to_words(INFLECT.ordinal(str(whole))))
    return ordinal_figure(whole)


def ordinal_figure(whole: int) -> str:
    """An ordinal in figures: ``ordinal_figure(27)`` is "27th"."""
    return str(INFLECT.ordinal(str(whole)))


# --- reading ------------------------------------------------------------------------------

#: The largest whole number a reader takes in words ("ninety-nine"); larger ones are figures.
_READ_UP_TO = 99


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Number words a reader understands, generated by inflect: "twenty-one" -> 21.

    Built on first use (a draft never reads numbers back, and two hundred inflect calls are
    not free at start-up).
    """
    table = {str(INFLECT.number_to_words(n)): n for n in range(_READ_UP_TO + 1)}
    table.update({"hundred": 100, "a hundred": 100, "one hundred": 100, "dozen": 12})
    return table


@lru_cache(maxsize=1)
def ordinal_words() -> dict[str, int]:
    """Ordinal words a reader understands: "second" -> 2, "twenty-first" -> 21."""
    return {
        str(INFLECT.ordinal(str(INFLECT.number_to_words(n)))): n for n in range(1, _READ_UP_TO + 1)
    }


@lru_cache(maxsize=1)
def number_word_pattern() -> str:
    """A regular expression for any number word, longest first (for a reader's patterns)."""
    words = sorted(number_words(), key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(w).replace(r"\-", r"[\s-]") for w in words) + r")\b"


_ORDINAL_FIGURE = re.compile(r"([0-9]+)(?:st|nd|rd|th)?")


def word_value(text: str) -> int | None:
    """The value of a number in words or figures ("nine", "twenty-one", "twenty one", "12")."""
    key = " ".join(text.strip().lower().split())
    if key.isascii() and key.isdigit():
        return int(key)
    words = number_words()
    return words.get(key, words.get(key.replace(" ", "-")))


def ordinal_value(text: str) -> int | None:
    """The value of an ordinal in words or figures ("27th", "second", "twenty-first")."""
    key = " ".join(text.strip().lower().split())
    match = _ORDINAL_FIGURE.fullmatch(key)
    if match:
        return int(match.group(1))
    words = ordinal_words()
    return words.get(key, words.get(key.replace(" ", "-")))
