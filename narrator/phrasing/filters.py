"""The filters a phrasebank template writes with: numbers, per cents, plurals, months, magnitudes.

Every filter is a pure function of its arguments. Grammar comes from inflect (plurals,
ordinals, number words, a/an), not from rules written here; numbers are written the way
``en_GB`` writes them, "12,345.6" (the tests check this against babel's ``en_GB`` format). A
filter given a missing value (``None``, NaN, an undefined variable) raises ``ValueError``
naming itself, so a template can never print "nan" or "None";
:func:`narrator.phrasing.environment.render` turns that into a ``TemplateError`` with the
template's file and line.

Rounding is half away from zero on the value as written ("9.95" to one place is "10.0"),
which is what the spreadsheets analysts check the paper against do; babel's rounding (and
Python's) is half to even and would print "9.9%" where Excel shows 10.0%.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from narrator import months
from narrator.errors import MonthError
from narrator.phrasing.values import (
    INFLECT,
    article,
    as_decimal,
    as_places,
    as_text,
    as_whole,
    format_decimal,
    half_up,
    noun_for,
    require,
    spoken,
)

_PERCENTAGE_POINT = "percentage point"

#: The largest gap between a value and the round figure :func:`approx` may quote, as a
#: fraction of the figure; the finest step tried (two significant figures) always fits.
APPROX_TOLERANCE = Decimal("0.05")
#: Within this fraction of the round figure, the hedge says which side the value is on.
APPROX_CLOSE = Decimal("0.02")
#: The hedge words :func:`approx` writes; the checker reads the same words.
APPROX_HEDGES: Mapping[str, str] = {"below": "almost", "above": "just over", "either": "around"}


# --- numbers ------------------------------------------------------------------------------


def number(x: object, decimals: int = 0) -> str:
    """A number with thousands separators: ``number(12345)`` "12,345", ``number(9.66, 1)`` "9.7"."""
    places = as_places(decimals, "number")
    return format_decimal(half_up(as_decimal(x, "number"), places), places)


def percent(x: object, decimals: int = 1) -> str:
    """A value in per cent units: ``percent(12.4)`` is "12.4%", ``percent(9.95)`` "10.0%"."""
    places = as_places(decimals, "percent")
    return format_decimal(half_up(as_decimal(x, "percent"), places), places) + "%"


def signed_percent(x: object, decimals: int = 1) -> str:
    """A per cent change with its sign: "+4.8%", "-3.0%"; a change that rounds to zero is "0.0%"."""
    places = as_places(decimals, "signed_percent")
    rounded = half_up(as_decimal(x, "signed_percent"), places)
    return ("+" if rounded > 0 else "") + format_decimal(rounded, places) + "%"


def abs_percent(x: object, decimals: int = 1) -> str:
    """The size of a per cent change without its sign: ``abs_percent(-3.04)`` is "3.0%"."""
    places = as_places(decimals, "abs_percent")
    return format_decimal(half_up(as_decimal(x, "abs_percent").copy_abs(), places), places) + "%"


def pp(x: object, decimals: int = 1) -> str:
    """A difference of two rates: "3.9 percentage points", "1 percentage point" (decimals=0)."""
    places = as_places(decimals, "pp")
    printed = format_decimal(half_up(as_decimal(x, "pp"), places), places)
    return f"{printed} {noun_for(printed, _PERCENTAGE_POINT, None)}"


def approx(x: object) -> str:
    """A size as a round figure with a hedge: "almost 7,000,000", "just over 200", "around 1,500".

    The figure is the coarsest multiple of 1 or 5 times a power of ten within 5% of the value
    (6,952,114 -> 7,000,000; 1,540 -> 1,500; 7.3 -> 7). The hedge says how it relates: no hedge
    when the value is the figure; "almost" when it is below and within 2%; "just over" when
    above and within 2%; "around" otherwise. Negative values are refused: quote the size.
    """
    value = as_decimal(x, "approx")
    if value < 0:
        raise ValueError(f"approx: {x!r} is negative; approximate the size (x|abs) instead")
    if value.is_zero():
        return "0"
    figure, decimals = _round_figure(value)
    printed = format_decimal(half_up(figure, decimals), decimals)
    gap = (value - figure) / figure
    if gap.is_zero():
        return printed
    if abs(gap) <= APPROX_CLOSE:
        side = "below" if gap < 0 else "above"
        return f"{APPROX_HEDGES[side]} {printed}"
    return f"{APPROX_HEDGES['either']} {printed}"


def _round_figure(value: Decimal) -> tuple[Decimal, int]:
    """The coarsest round figure within tolerance of ``value``, and its decimal places."""
    lead = value.adjusted()
    # Coarse to fine: 10^(lead+1), 5*10^lead, 10^lead, 5*10^(lead-1), 10^(lead-1). The last
    # is two significant figures, always within 5%, so the loop always returns.
    steps = [(1, lead + 1), (5, lead), (1, lead), (5, lead - 1), (1, lead - 1)]
    for factor, power in steps:
        step = Decimal(factor).scaleb(power)
        figure = (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
        if figure > 0 and abs(value - figure) / figure <= APPROX_TOLERANCE:
            return figure, max(0, -power)
    raise AssertionError(f"no round figure for {value}")  # pragma: no cover


# --- words --------------------------------------------------------------------------------


def count(n: object, noun: str, plural: str | None = None, decimals: int = 0) -> str:
    """A number and its noun agreeing: "1 crime", "2 crimes", "1,234 offences", "3 people"."""
    places = as_places(decimals, "count")
    word = as_text(noun, "count")
    printed = format_decimal(half_up(as_decimal(n, "count"), places), places)
    return f"{printed} {noun_for(printed, word, plural)}"


def plural(noun: str, n: object = 2, plural: str | None = None, decimals: int = 0) -> str:
    """The noun agreeing with ``n`` as printed: ``plural("crime", 2)`` is "crimes"."""
    places = as_places(decimals, "plural")
    word = as_text(noun, "plural")
    printed = format_decimal(half_up(as_decimal(n, "plural"), places), places)
    return noun_for(printed, word, plural)


_LEADING_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def a(text: str) -> str:
    """The phrase with "a" or "an" as it is spoken: "an increase", "a 3.9% rise", "an 11% rise"."""
    phrase = as_text(text, "a").strip()
    leading = _LEADING_NUMBER.match(phrase)
    if leading:
        # The article follows the sound of the number, so ask inflect about its words:
        # "8.5%" is "eight point five" (an), "100" is "one hundred" (a).
        said = spoken(leading.group().replace(",", ""))
    elif phrase[0] in "+-":
        said = "plus" if phrase[0] == "+" else "minus"
    else:
        said = phrase
    return f"{article(said)} {phrase}"


def ordinal(n: object) -> str:
    """An ordinal in house style: words to ninth ("second"), figures after ("12th")."""
    whole = as_whole(n, "ordinal")
    if whole < 1:
        raise ValueError(f"ordinal: expected 1 or more, got {n!r}")
    if whole <= 9:
        return str(INFLECT.number_to_words(INFLECT.ordinal(str(whole))))
    return str(INFLECT.ordinal(str(whole)))


def ordinal_num(n: object) -> str:
    """An ordinal in figures: ``ordinal_num(27)`` is "27th"."""
    whole = as_whole(n, "ordinal_num")
    return str(INFLECT.ordinal(str(whole)))


def number_word(n: object) -> str:
    """A whole number in house style: words for zero to nine ("two"), figures above ("12")."""
    whole = as_whole(n, "number_word")
    if 0 <= whole <= 9:
        return str(INFLECT.number_to_words(str(whole)))
    return format_decimal(Decimal(whole), 0)


def join_and(items: object) -> str:
    """A list in prose without the serial comma: "A, B and C"."""
    return _join(items, "and", "join_and")


def join_or(items: object) -> str:
    """Alternatives in prose: "A, B or C"."""
    return _join(items, "or", "join_or")


def _join(items: object, conj: str, where: str) -> str:
    require(items, where)
    if isinstance(items, str) or not isinstance(items, Iterable):
        raise ValueError(f"{where}: expected a list of phrases, got {items!r}")
    words = [as_text(item, where) for item in items]
    if not words:
        raise ValueError(f"{where}: the list is empty, which would leave an empty clause")
    return str(INFLECT.join(words, final_sep="", conj=conj))


# --- months and periods -------------------------------------------------------------------


def _month(m: object, where: str) -> int:
    require(m, where)
    if isinstance(m, bool):
        raise ValueError(f"{where}: expected a month number or YYYY-MM, got {m!r}")
    if isinstance(m, numbers.Integral):
        return int(m)
    if isinstance(m, str):
        try:
            return months.parse(m)
        except MonthError as exc:
            raise ValueError(f"{where}: {exc.message}") from exc
    raise ValueError(f"{where}: expected a month number or YYYY-MM, got {m!r}")


def month_name(m: object) -> str:
    """The month's name alone: "October" (a month number or "YYYY-MM")."""
    return months.name(_month(m, "month_name"))


def month_label(m: object) -> str:
    """The month and year: "October 2019"."""
    return months.label(_month(m, "month_label"))


def rolling(m: object) -> str:
    """The rolling year ending in the month: "12 months to October 2019"."""
    return months.rolling_label(_month(m, "rolling"))


def fy(m: object) -> str:
    """The financial year containing the month, "2018/19"; also takes a label "FY:2018"."""
    if isinstance(m, str) and m.startswith("FY:"):
        return period(m)
    return months.fy_label(_month(m, "fy"))


_PERIOD = re.compile(r"^(?:(?P<kind>R\d+|FY|CY|YTD):)?(?P<year>\d{4})(?:-(?P<month>\d{2}))?$")
_PERIOD_FORMS = (
    '"2019-10", "R12:2019-10" (rolling 12 months), "FY:2018" (financial year from April 2018), '
    '"CY:2019" (calendar year) or "YTD:2019-10" (financial year to date)'
)


def period(label: object) -> str:
    """The phrase for a fact's period label.

    "2019-10" -> "October 2019"; "R12:2019-10" -> "the 12 months to October 2019";
    "FY:2018" -> "2018/19"; "CY:2019" -> "2019"; "YTD:2019-10" -> "the financial year to date".
    """
    require(label, "period")
    if not isinstance(label, str):
        return months.label(_month(label, "period"))
    match = _PERIOD.match(label.strip())
    if not match:
        raise ValueError(f"period: {label!r} is not a period label (expected {_PERIOD_FORMS})")
    kind, year, month = match.group("kind"), int(match.group("year")), match.group("month")
    if kind in ("FY", "CY"):
        if month is not None:
            raise ValueError(
                f"period: {label!r} names a month; {kind}: takes a year, e.g. {kind}:2018"
            )
        return months.fy_label(year * 12 + months.FY_START_MONTH - 1) if kind == "FY" else str(year)
    if month is None:
        raise ValueError(f"period: {label!r} needs a month (expected {_PERIOD_FORMS})")
    end = _month(f"{year:04d}-{month}", "period")
    if kind is None:
        return months.label(end)
    if kind == "YTD":
        return "the financial year to date"
    length = int(kind[1:])
    if length < 1:
        raise ValueError(f"period: {label!r} has a rolling window of no months")
    return months.label(end) if length == 1 else f"the {length} months to {months.label(end)}"


#: The filters every phrasebank environment has, by the names templates call them.
#: ``count`` replaces Jinja's built-in alias of ``length``; templates use ``length`` for that.
FILTERS: Mapping[str, Callable[..., str]] = {
    "number": number,
    "percent": percent,
    "pp": pp,
    "signed_percent": signed_percent,
    "abs_percent": abs_percent,
    "approx": approx,
    "count": count,
    "plural": plural,
    "a": a,
    "an": a,
    "ordinal": ordinal,
    "ordinal_num": ordinal_num,
    "number_word": number_word,
    "month_name": month_name,
    "month_label": month_label,
    "rolling": rolling,
    "fy": fy,
    "period": period,
    "join_and": join_and,
    "join_or": join_or,
}
