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
from functools import lru_cache
from typing import Any

from narrator import months
from narrator.catalogue import Noun
from narrator.errors import MonthError
from narrator.language.measures import MeasureNoun
from narrator.language.numbers import (
    INFLECT,
    article,
    format_decimal,
    half_up,
    noun_for,
    ordinal_figure,
    ordinal_word,
    round_figure,
    rounds_to_zero,
    spoken,
)
from narrator.language.numbers import (
    number_word as _number_word,
)
from narrator.language.periods import Month, Period
from narrator.phrasing.values import (
    as_decimal,
    as_places,
    as_text,
    as_whole,
    require,
)

_PERCENTAGE_POINT = "percentage point"


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


def approx(x: object, hedge: Callable[[str], str]) -> str:
    """A size as a round figure with a hedge: "almost 7,000,000", "just over 200", "around 1,500".

    The figure is :func:`narrator.language.numbers.round_figure`'s; the hedge is the
    lexicon's word for the side the value lies (``hedge("below")`` "almost", ``"above"``
    "just over", ``"either"`` "around"; :meth:`Lexicon.hedge`), none when the value is the
    figure. Negative values are refused: quote the size.
    """
    value = as_decimal(x, "approx")
    if value < 0:
        raise ValueError(f"approx: {x!r} is negative; approximate the size (x|abs) instead")
    if value.is_zero():
        return "0"
    printed, side = round_figure(value)
    return printed if side is None else f"{hedge(side)} {printed}"


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
    return ordinal_word(whole)


def ordinal_num(n: object) -> str:
    """An ordinal in figures: ``ordinal_num(27)`` is "27th"."""
    return ordinal_figure(as_whole(n, "ordinal_num"))


def number_word(n: object) -> str:
    """A whole number in house style: words for zero to nine ("two"), figures above ("12")."""
    return _number_word(as_whole(n, "number_word"))


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


def _month(m: object, where: str) -> Month:
    require(m, where)
    if isinstance(m, Month):
        return m
    if isinstance(m, bool):
        raise ValueError(f"{where}: expected a month number or YYYY-MM, got {m!r}")
    if isinstance(m, numbers.Integral):
        return Month(int(m))
    if isinstance(m, str):
        try:
            return Month.parse(m)
        except MonthError as exc:
            raise ValueError(f"{where}: {exc.message}") from exc
    raise ValueError(f"{where}: expected a month number or YYYY-MM, got {m!r}")


def month_name(m: object) -> str:
    """The month's name alone: "October" (a month number or "YYYY-MM")."""
    return _month(m, "month_name").name


def month_label(m: object) -> str:
    """The month and year: "October 2019"."""
    return _month(m, "month_label").label


def rolling(m: object) -> str:
    """The rolling year ending in the month: "12 months to October 2019"."""
    return months.rolling_label(_month(m, "rolling").index)


def fy(m: object) -> str:
    """The financial year containing the month, "2018/19"; also takes a label "FY:2018"."""
    if isinstance(m, str) and m.startswith("FY:"):
        return period(m)
    return _month(m, "fy").fy_label


def period(label: object) -> str:
    """The phrase for a period, a period label or a month number (:meth:`Period.prose`).

    "2019-10" -> "October 2019"; "R12:2019-10" -> "the 12 months to October 2019";
    "FY:2018" -> "2018/19"; "CY:2019" -> "2019"; "YTD:2019-10" -> "the financial year to
    date"; "D:2019-11-01" -> "the start of November".
    """
    require(label, "period")
    if isinstance(label, Period):
        return label.prose()
    if not isinstance(label, str):
        return _month(label, "period").label
    return Period.parse(label, "period").prose()


# --- measures ----------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _noun(label: str, unit: str, units: str, noun: str, short: str, ratio: bool) -> MeasureNoun:
    return MeasureNoun(label, unit, units or None, Noun(noun), short or None, ratio)


def measure_noun(measure: Mapping[str, Any]) -> MeasureNoun:
    """The words of a measure as templates see it (the planner's ``describe``)."""
    return _noun(
        str(measure["label"]),
        str(measure["unit"]),
        str(measure.get("units") or ""),
        str(measure.get("noun") or Noun.AUTO.value),
        str(measure.get("short") or ""),
        bool(measure.get("ratio")),
    )


def things(measure: Mapping[str, Any]) -> str:
    """What a count measure counts, as a plural noun phrase: "dwelling burglary crimes"."""
    return measure_noun(measure).counted()


def amount(value: object, measure: Mapping[str, Any]) -> str:
    """A count with what it counts, agreeing in number: "1 dwelling burglary crime"."""
    return measure_noun(measure).amount(as_decimal(value, "amount"))


def number_of(measure: Mapping[str, Any]) -> str:
    """ "the number of vehicle thefts", "the number of incidents of anti-social behaviour"."""
    return measure_noun(measure).number_of()


def named(measure: Mapping[str, Any], first: bool, qualifier: str = "") -> str:
    """The measure's label at first mention, its short form after, under a qualifier:
    ``m | named(first, "the 12 month")`` is "the 12 month rate", never "the 12 month the rate"."""
    return measure_noun(measure).named(bool(first), qualifier)


def agree(subject: object, singular: str, plural: str) -> str:
    """The verb agreeing with a measure (or a label) as subject: "all crime" remains,
    "assaults" remain."""
    if isinstance(subject, Mapping):
        return measure_noun(subject).agree(singular, plural)
    label = as_text(subject, "agree")
    return MeasureNoun(label, label).agree(singular, plural)


def value_text(value: object, measure: Mapping[str, Any]) -> str:
    """A value as printed for its measure: a rate with its decimals, or a whole count."""
    if measure["ratio"]:
        return percent(value, measure["decimals"])
    exact = as_decimal(value, "val")
    return number(value, measure["decimals"] if exact != exact.to_integral_value() else 0)


def unchanged(fact: object, measure: Mapping[str, Any]) -> bool:
    """Whether a fact's change prints as no change for its measure ("was unchanged at 31.5%"):
    the test ``move is unchanged(m)``."""
    change = getattr(fact, "change", None)
    require(change, "unchanged")
    return rounds_to_zero(change, as_places(measure["decimals"], "unchanged"))


#: The filters every phrasebank environment has, by the names templates call them.
#: ``count`` replaces Jinja's built-in alias of ``length``; templates use ``length`` for that.
FILTERS: Mapping[str, Callable[..., str]] = {
    "number": number,
    "percent": percent,
    "pp": pp,
    "signed_percent": signed_percent,
    "abs_percent": abs_percent,
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
    "things": things,
    "amount": amount,
    "number_of": number_of,
    "named": named,
    "agree": agree,
    "val": value_text,
}

#: The tests every phrasebank environment has: ``{% if move is unchanged(m) %}``.
TESTS: Mapping[str, Callable[..., bool]] = {"unchanged": unchanged}
