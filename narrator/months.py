"""Month arithmetic: months as whole numbers, financial years and the labels a report uses.

A month is held as ``year * 12 + (month - 1)`` so that periods are plain integer ranges and
vectorised code can index arrays with them. Financial years run April to March and are
written "2018/19".
"""

from __future__ import annotations

import calendar
import re

from narrator.errors import MonthError

# [0-9], not \d: \d matches any Unicode digit ("２０１９-１０"). Used with fullmatch, so that
# a trailing newline is not a month either.
_MONTH_RE = re.compile(r"([0-9]{4})-([0-9]{2})")
MONTH_NAMES = tuple(calendar.month_name[1:])
#: April: the first month of a UK public-sector financial year.
FY_START_MONTH = 4


def parse(text: str) -> int:
    """Parse ``YYYY-MM`` into a month number; raise :class:`MonthError` if malformed."""
    match = _MONTH_RE.fullmatch(text.strip()) if isinstance(text, str) else None
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise MonthError(f"{text!r} is not a month (expected YYYY-MM, for example 2019-10)")
    return int(match.group(1)) * 12 + int(match.group(2)) - 1


def is_month(text: str) -> bool:
    """True when ``text`` is a well-formed ``YYYY-MM`` month."""
    match = _MONTH_RE.fullmatch(text) if isinstance(text, str) else None
    return match is not None and 1 <= int(match.group(2)) <= 12


def year(m: int) -> int:
    """The calendar year of month ``m``."""
    return m // 12


def month_of_year(m: int) -> int:
    """The month of the year of ``m``, 1 to 12."""
    return m % 12 + 1


def iso(m: int) -> str:
    """``YYYY-MM`` for month ``m``."""
    return f"{year(m):04d}-{month_of_year(m):02d}"


def name(m: int) -> str:
    """The month's name alone: "October"."""
    return MONTH_NAMES[m % 12]


def label(m: int) -> str:
    """The month as a report writes it: "October 2019"."""
    return f"{name(m)} {year(m)}"


def fy_start(m: int) -> int:
    """The first month (April) of the financial year containing ``m``."""
    start = year(m) * 12 + FY_START_MONTH - 1
    return start if m >= start else start - 12


def fy_label(m: int) -> str:
    """The financial year containing ``m``, written "2018/19"."""
    first = year(fy_start(m))
    return f"{first}/{(first + 1) % 100:02d}"


def rolling_label(m: int) -> str:
    """The rolling year ending in ``m``: "12 months to October 2019"."""
    return f"12 months to {label(m)}"


def outlying(numbers: list[int], max_gap: int) -> tuple[set[int], tuple[int, int] | None]:
    """The months far from the rest, and the first and last month of the rest.

    The distinct months are cut wherever two neighbours lie more than ``max_gap`` months
    apart; the run with the most months is the data, every other run is outlying (a row
    typed 1900-01 or 2099-12 among 2015 to 2020, which would make a century of the data).
    Returns ``(set(), None)`` for no months.
    """
    ordered = sorted(set(numbers))
    if not ordered:
        return set(), None
    runs: list[list[int]] = [[ordered[0]]]
    for number in ordered[1:]:
        if number - runs[-1][-1] > max_gap:
            runs.append([])
        runs[-1].append(number)
    # The longest run; of equally long ones, the latest (the months being reported on).
    main = max(runs, key=lambda run: (len(run), run[-1]))
    far = {number for run in runs if run is not main for number in run}
    return far, (main[0], main[-1])
