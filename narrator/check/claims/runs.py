"""Runs of months and seasons: "April to November" (the financial year to date), "June 2018
to May 2019" (a rolling year), "from January to April" (the months of the run), and "over the
summer" (months narrator keeps no total of)."""

from __future__ import annotations

import re

from narrator import months
from narrator.check.claims.pieces import Named
from narrator.check.text.dates import month_number

#: A season as the period of a figure: "over the summer", "of the previous summer".
_SEASON = re.compile(
    r"\b(?:over|during|in|across|through|for|of|this|last)\s+(?:the\s+)?"
    r"(?:(?:last|previous|past|same|whole|this)\s+)?(summer|winter|spring|autumn)\b",
    re.IGNORECASE,
)


def seasons(text: str, start: int, end: int) -> list[Named]:
    """ "over the summer": months narrator keeps no total of, so nothing to hold a figure of
    them to (the paper's month would be a false alarm)."""
    return [
        Named(m.start(), m.end(), f"SEASON:{m.group(1).lower()}", m.group(), "season")
        for m in _SEASON.finditer(text, start, end)
    ]


#: Between the two months of a span: "April to November", "April and May", "April–May".
_SPAN_JOIN = re.compile(r"\s*(?:to|until|through|and|-|–)\s*", re.IGNORECASE)


#: After two months: a figure for each ("..., when we recorded 8 and 14").
_RESPECTIVE = re.compile(r"[^.;]{0,60}?\b\d[\d,.]*%?\s+and\s+\d", re.IGNORECASE)

#: Between the months of a list: "July, August and September".
_LIST_COMMA = re.compile(r"\s*,\s*")
_LIST_AND = re.compile(r"\s*,?\s+and\s+", re.IGNORECASE)


def listed_runs(found: list[Named], text: str) -> list[Named]:
    """Three months or more listed in order ("128 thefts in July, August and September"):
    the run of them, as "July to September" is."""
    out: list[Named] = []
    at = 0
    while at < len(found):
        end = at
        while (
            end + 1 < len(found)
            and found[end].kind in ("month", "discrete")
            and found[end + 1].kind in ("month", "discrete")
            and months.is_month(found[end].label)
            and months.is_month(found[end + 1].label)
            and months.parse(found[end + 1].label) - months.parse(found[end].label) == 1
            and (_LIST_COMMA if end + 2 < len(found) else _LIST_AND).fullmatch(
                text, found[end].end, found[end + 1].start
            )
            is not None
        ):
            end += 1
        if end - at >= 2 and _LIST_AND.fullmatch(text, found[end - 1].end, found[end].start):
            first, last = found[at], found[end]
            label = run_label(months.parse(first.label), months.parse(last.label))
            out.append(Named(first.start, last.end, label, text[first.start : last.end], "run"))
            at = end + 1
            continue
        out.append(found[at])
        at += 1
    return out


def month_spans(found: list[Named], text: str) -> list[Named]:
    """Two months joined as a span that starts the financial year ("April to November",
    "(April and May)") are the financial year to date at the second, whatever year the
    first alone would be given."""
    found = listed_runs(found, text)
    if len(found) < 2:
        return found
    out: list[Named] = []
    skip = False
    for first, second in zip(found, [*found[1:], None], strict=True):
        if skip:
            skip = False
            continue
        if (
            second is not None
            and first.kind == second.kind == "month"
            and months.is_month(second.label)
            and _SPAN_JOIN.fullmatch(text, first.end, second.start)
            and month_number(first.text.split()[0]) == months.FY_START_MONTH
            and first.text.split()[0].isalpha()
            # "in April and May, when we recorded 8 and 14": each month its own figure
            and not _RESPECTIVE.match(text, second.end)
        ):
            end = months.parse(second.label)
            out.append(
                Named(
                    first.start,
                    second.end,
                    f"YTD:{months.iso(end)}",
                    text[first.start : second.end],
                    "ytd",
                )
            )
            skip = True
            continue
        if (
            second is not None
            and first.kind in ("month", "discrete")
            and second.kind in ("month", "discrete")
            and months.is_month(first.label)
            and months.is_month(second.label)
            and _joined_as_run(text, first, second)
            and not _RUN_COMPARED.search(text, max(0, first.start - 25), first.start)
            and 0 < months.parse(second.label) - months.parse(first.label) <= 11
        ):
            # "June 2018 to May 2019": the rolling year to the second month; "from January
            # to April": the months of the run.
            length = months.parse(second.label) - months.parse(first.label)
            out.append(
                Named(
                    first.start,
                    second.end,
                    run_label(months.parse(first.label), months.parse(second.label)),
                    text[first.start : second.end],
                    "rolling" if length == 11 else "run",
                )
            )
            skip = True
            continue
        out.append(first)
    return out


#: Between the two months of a run: "June 2018 to May 2019", "Jun 18 – May 19".
_JOIN = r"\s*(?:to|until|through|-|–)\s*"
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
_RUN_JOIN = re.compile(_JOIN, re.IGNORECASE)
#: After a month: the rest of a run of months ("January to April", "June 2018 to May 2019").
RUN_TO_MONTH = re.compile(_JOIN + r"(?:the\s+end\s+of\s+)?" + _MONTH_WORD, re.IGNORECASE)
#: A run of months from the one at a position: "January to April", "June 2018 to May 2019".
RUN_FROM_MONTH = re.compile(r"[A-Za-z]+(?:\s+\d{4})?" + _JOIN + _MONTH_WORD, re.IGNORECASE)


def run_label(first: int, last: int) -> str:
    """The label of the months ``first`` to ``last`` (month indexes): twelve of them are the
    rolling year to the last ("R12:2019-05"), fewer a run ("2019-01..2019-04")."""
    if last - first == 11:
        return f"R12:{months.iso(last)}"
    return f"{months.iso(first)}..{months.iso(last)}"


#: Before two months joined by "to": words that make the first what is compared with ("up
#: on March to 272 in April" is no run).
_RUN_COMPARED = re.compile(r"\b(?:than|on|against|versus|compared\s+(?:to|with))\s+$", re.I)


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _joined_as_run(text: str, first: Named, second: Named) -> bool:
    """Whether the words between two months make them a run: "to", "until", a dash, or
    "and" after "between" ("between July and September"; "April and May" alone is two
    months, each with its own figure)."""
    if _RUN_JOIN.fullmatch(text, first.end, second.start):
        return True
    if _AND.fullmatch(text, first.end, second.start) is None:
        return False
    # "151 thefts in January and February, against 115 in the same two months of 2018":
    # the months' total, as the words after it say.
    return (
        _BETWEEN.search(text, max(0, first.start - 12), first.start) is not None
        or _TOGETHER.match(text, second.end) is not None
    )


#: After two months joined by "and": words that make them one total.
_TOGETHER = re.compile(
    r"[^.;]{0,80}?\b(?:(?:same|these|those|both|the)\s+two\s+months|combined|together"
    r"|between\s+them)\b",
    re.IGNORECASE,
)


#: "the first three months of the year", "the first six months of 2019": the year's first
#: months ("of the financial year": from April).
_FIRST_MONTHS = re.compile(
    r"\bthe\s+first\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])\s+"
    r"months\s+of\s+(?:(the\s+(?:(financial)\s+)?year)|((?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_COUNTS = dict(
    zip(
        ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
        range(2, 12),
        strict=True,
    )
)


def first_months(text: str, start: int, end: int, reporting: int | None) -> list[Named]:
    """ "fell from 179 in the first three months of the year to 136": the run of the
    year's first months, of the reporting month's year when the words name none."""
    out: list[Named] = []
    for found in _FIRST_MONTHS.finditer(text, start, end):
        said = found.group(1).lower()
        count = _COUNTS[said] if said in _COUNTS else int(said)
        if found.group(4):
            year = int(found.group(4))
        elif reporting is None:
            continue
        else:
            year = months.year(reporting)
        if found.group(3):
            if not found.group(4) and reporting is not None:
                year = months.year(months.fy_start(reporting))
            first = months.parse(f"{year}-{months.FY_START_MONTH:02d}")
        else:
            first = months.parse(f"{year}-01")
        label = run_label(first, first + count - 1)
        out.append(Named(found.start(), found.end(), label, found.group(), "run"))
    return out
