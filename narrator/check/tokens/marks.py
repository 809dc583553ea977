"""Marks: the labelled stretches of text the scanner finds, and what is read from each (a
quantity's value and printed decimals, a date's first and last day, a period's end...)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from narrator.check.text.dates import MONTH_RE, When, full_year, month_number, number_word

#: Labels of marks that are never values; everything else is a quantity.
STRUCTURE = frozenset(
    {
        "XREF",
        "DATE",
        "PERIOD",
        "SPAN",
        "FY",
        "YEARS",
        "YEAR",
        "STREAK",
        "MONTHCOUNT",
        "AGE",
        "DURATION",
        "TIME",
        "ORDINAL",
        "RANGE",
        "IDENT",
        "AMOUNT",
        "REF",
        "LAW",
        "PHONE",
        "QUARTER",
        "CODE",
        "BASE",
        "GROUP",
        "SCALE",
        "LEVEL",
    }
)
QUANTITIES = frozenset({"PERCENT", "POINTS", "MONEY", "COUNT"})


@dataclass(frozen=True)
class Mark:
    """A labelled stretch of text with what was read from it."""

    start: int
    end: int
    label: str
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def number_value(text: str) -> tuple[float, int]:
    """The value of a written number and its printed decimals ("7,000,000" -> 7e6, 0)."""
    text = text.replace(",", "")
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    return float(text), decimals


def _signed(sign: str | None) -> int:
    return -1 if sign and sign != "+" else 1


def _read_xref(m: re.Match[str]) -> Mark:
    start, end = m.span(1)
    where = m.group(2)
    return Mark(start, end, "XREF", {"target": m.group(1), "where": where})


def _read_quantity(m: re.Match[str], label: str) -> Mark:
    sign = m.group(1)
    word = number_word(m.group(2))
    value, decimals = (float(word), 0) if word is not None else number_value(m.group(2))
    return Mark(
        m.start(),
        m.end(),
        label,
        {
            "value": _signed(sign) * value,
            "decimals": decimals,
            "signed": bool(sign),
            "number": m.group(2),
        },
    )


def _read_money(m: re.Match[str]) -> Mark:
    value, decimals = number_value(m.group(3))
    unit = (m.group(4) or "").lower()
    scale = 0.01 if unit == "p" else _SCALE.get(unit, 1.0)  # "48p" is £0.48
    return Mark(
        m.start(),
        m.end(),
        "MONEY",
        {
            "value": _signed(m.group(1)) * value * scale,
            "decimals": decimals,
            "signed": bool(m.group(1)),
            "number": m.group(3),
        },
    )


def _read_count(m: re.Match[str]) -> Mark:
    if m.lastindex and m.lastindex >= 2 and m.group(2):
        value, decimals = number_value(m.group(2))
        scale = _SCALE.get((m.group(3) or "").lower(), 1.0)
        sign = m.group(1)
        return Mark(
            m.start(),
            m.end(),
            "COUNT",
            {
                "value": _signed(sign) * value * scale,
                "decimals": decimals,
                "signed": bool(sign),
                "number": m.group(2),
                "word": False,
            },
        )
    word = m.group(m.lastindex or 0)
    found = number_word(word)
    return Mark(
        m.start(),
        m.end(),
        "COUNT",
        {"value": float(found or 0), "decimals": 0, "signed": False, "number": word, "word": True},
    )


def _read_period(m: re.Match[str]) -> Mark:
    text = m.group(0).lower()
    data: dict[str, Any] = {}
    first = number_word(m.group(1)) if m.group(1) else None
    if "average" in text:
        data = {"kind": "average", "years": [number_word(g) for g in m.groups() if g]}
    elif m.lastindex and m.lastindex >= 2 and m.group(2) and month_number(m.group(2)):
        year = m.group(3) or (m.group(4) if (m.lastindex or 0) >= 4 else None)
        data = {
            "kind": "rolling",
            "months": first,
            "end": When(full_year(year) if year else None, month_number(m.group(2))),
        }
    elif m.lastindex and m.lastindex >= 2 and m.group(2):
        data = {"kind": "last", "count": first, "unit": m.group(2).lower().rstrip("s")}
    else:
        data = {"kind": "rolling", "months": first, "end": None}
    return Mark(m.start(), m.end(), "PERIOD", data)


#: A run of short month names with two-digit years: "Dec 18-Feb 19", "Mar-May 19".
_SHORT_SPAN = re.compile(
    r"[A-Z][a-z]{2,3}(?:\s['’]?(\d{2}))?\s*(?:[-–]|\bto\b)\s*[A-Z][a-z]{2,3}\s['’]?(\d{2})"
)


def _read_date(m: re.Match[str]) -> Mark | None:
    groups = [g for g in m.groups()]
    text = m.group(0)
    if _ISO_DATE.fullmatch(text):
        y, mo, d = (int(g) for g in groups[:3])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return Mark(m.start(), m.end(), "IDENT")
        return Mark(m.start(), m.end(), "DATE", {"start": When(y, mo, d), "end": When(y, mo, d)})
    if _NUMERIC_DATE.fullmatch(text):
        if "." in text and not re.search(r"(?<!\d)0|\.\d{4}$", text):
            # "1.10.10" is a section number; "20.07.17" and "3.10.2019" are dates.
            return None
        d, mo = int(groups[0]), int(groups[1])
        y = full_year(groups[2])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return Mark(m.start(), m.end(), "IDENT")
        return Mark(m.start(), m.end(), "DATE", {"start": When(y, mo, d), "end": When(y, mo, d)})
    day_month = _DAY_MONTH.fullmatch(text)
    if day_month:
        d, mo = int(day_month.group(1)), int(day_month.group(2))
        if not (1 <= mo <= 12 and 1 <= d <= 31) or mo == d + 1:
            return None  # "18/19": a financial year; "13/20": not a date
        return Mark(
            m.start(), m.end(), "DATE", {"start": When(None, mo, d), "end": When(None, mo, d)}
        )
    months = [month_number(x) for x in re.findall(MONTH_RE, text)]
    spanned = _SHORT_SPAN.fullmatch(text)
    if spanned and months[0] is not None and months[-1] is not None:
        # "Dec 18-Feb 19", "Mar-May 19": a run of months, each end with its short year
        last_year = full_year(spanned.group(2))
        first_year = full_year(spanned.group(1)) if spanned.group(1) else None
        if first_year is None:
            first_year = last_year - (months[0] > months[-1])
        return Mark(
            m.start(),
            m.end(),
            "DATE",
            {"start": When(first_year, months[0]), "end": When(last_year, months[-1])},
        )
    year: int | None = None
    # "Jan 20": a month and two digits without an ordinal suffix is a two-digit year.
    short = re.fullmatch(rf"({MONTH_RE})(?:[\s-]|\s?['’])(\d{{2}})", text)
    if short and " " in text and len(short.group(1)) > 4:
        short = None  # "January 24": a day of the month, as a short name never is
    if short:
        year, rest = full_year(short.group(2)), ""
    else:
        found = re.search(r"(?<!\d)\d{4}(?!\d)", text)
        year = int(found.group(0)) if found else None
        rest = text[: found.start()] if found else text
    days = [int(x) for x in re.findall(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", rest)]
    first_month, last_month = months[0], months[-1]
    if days:
        start = When(year, first_month, days[0])
        end = When(year, last_month, days[-1])
    else:
        start, end = When(year, first_month), When(year, last_month)
    return Mark(m.start(), m.end(), "DATE", {"start": start, "end": end})


def _read_fy(m: re.Match[str]) -> Mark:
    first, second = m.group(1), m.group(2)
    start = full_year(first)
    if (start + 1) % 100 != int(second):
        # "11/16" or "2014/17" is not a financial year; it is never a value either.
        return Mark(m.start(), m.end(), "RANGE")
    return Mark(m.start(), m.end(), "FY", {"start_year": start})


def _read_years(m: re.Match[str]) -> Mark:
    return Mark(m.start(), m.end(), "YEARS", {"first": int(m.group(1)), "last": int(m.group(2))})


def _read_year(m: re.Match[str]) -> Mark:
    return Mark(m.start(), m.end(), "YEAR", {"year": int(m.group(0))})


def _read_streak(m: re.Match[str]) -> Mark:
    return Mark(
        m.start(),
        m.end(),
        "STREAK",
        {"count": number_word(m.group(1)), "unit": m.group(2).lower().rstrip("s")},
    )


def _read_monthcount(m: re.Match[str]) -> Mark:
    return Mark(
        m.start(),
        m.end(),
        "MONTHCOUNT",
        {"count": number_word(m.group(1)), "of": number_word(m.group(2))},
    )


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMERIC_DATE = re.compile(r"\d{1,2}([/.])\d{1,2}\1(?:\d{4}|\d{2})")
#: A day and month without a year: "29/08".
_DAY_MONTH = re.compile(r"(\d{2})/(\d{2})")

#: What each label reads from its match (a label without one is read as a bare mark).
READERS: dict[str, Callable[[re.Match[str]], Mark | None]] = {
    "XREF": _read_xref,
    "PERCENT": lambda m: _read_quantity(m, "PERCENT"),
    "POINTS": lambda m: _read_quantity(m, "POINTS"),
    "MONEY": _read_money,
    "COUNT": _read_count,
    "PERIOD": _read_period,
    "DATE": _read_date,
    "FY": _read_fy,
    "YEARS": _read_years,
    "YEAR": _read_year,
    "STREAK": _read_streak,
    "MONTHCOUNT": _read_monthcount,
}
