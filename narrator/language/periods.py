"""Periods: one typed value for every span of time a fact or a sentence is about.

A :class:`Period` renders its own label ("2019-10", "R12:2019-10", "FY:2018", "YTD:2019-10",
"CY:2019", "CY:2019:2019-10", "D:2019-11-01"...), parses it back (``Period.parse(str(p)) ==
p`` for every period) and says itself in prose ("the 12 months to October 2019", "2018/19").
Facts carry labels so that their JSON stays plain text; everything that reads a label goes
through :meth:`Period.parse`, so the grammar of labels lives here only.

A :class:`Month` is one calendar month as a value: it parses and prints "2019-10", says
itself ("October 2019") and does month arithmetic (``month - 12`` is the same month a year
before), so the reporting month travels between the stages as one value, not as text parsed
again at each step. Its ``index`` is the whole number of :mod:`narrator.months`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import overload

from narrator import months
from narrator.errors import MonthError


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """One calendar month: ``index`` is ``year * 12 + month - 1`` (see :mod:`narrator.months`).

    Not an int on purpose: a month never reaches JSON or a sum by accident; ``str(month)`` is
    "2019-10" and ``month.index`` the number.
    """

    index: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """The month of "YYYY-MM"; :class:`~narrator.errors.MonthError` when malformed."""
        return cls(months.parse(text))

    @classmethod
    def of(cls, value: Month | int | str) -> Month:
        """A month from a month, its index or "YYYY-MM"."""
        if isinstance(value, Month):
            return value
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise MonthError(f"{value!r} is not a month (expected YYYY-MM, for example 2019-10)")
        return cls(value) if isinstance(value, int) else cls.parse(value)

    @property
    def iso(self) -> str:
        """ "2019-10"."""
        return months.iso(self.index)

    @property
    def year(self) -> int:
        """The calendar year: 2019."""
        return months.year(self.index)

    @property
    def number(self) -> int:
        """The month of the year, 1 to 12."""
        return months.month_of_year(self.index)

    @property
    def name(self) -> str:
        """ "October"."""
        return months.name(self.index)

    @property
    def label(self) -> str:
        """ "October 2019"."""
        return months.label(self.index)

    @property
    def fy_start(self) -> Month:
        """April of the financial year the month is in."""
        return Month(months.fy_start(self.index))

    @property
    def fy_label(self) -> str:
        """The financial year the month is in: "2019/20"."""
        return months.fy_label(self.index)

    def __str__(self) -> str:
        return self.iso

    def __add__(self, other: int) -> Month:
        if isinstance(other, bool) or not isinstance(other, int):
            return NotImplemented
        return Month(self.index + other)

    __radd__ = __add__

    @overload
    def __sub__(self, other: Month) -> int: ...

    @overload
    def __sub__(self, other: int) -> Month: ...

    def __sub__(self, other: Month | int) -> Month | int:
        # Month - n is a month; Month - Month is the number of months between them.
        if isinstance(other, Month):
            return self.index - other.index
        if isinstance(other, bool) or not isinstance(other, int):
            return NotImplemented
        return Month(self.index - other)


class PeriodKind(StrEnum):
    """What kind of span a period is; the value is how prose and errors name it."""

    MONTH = "month"
    ROLLING = "rolling"
    FINANCIAL_YEAR = "financial year"
    YEAR_TO_DATE = "financial year to date"
    CALENDAR_YEAR = "calendar year"
    CALENDAR_TO_DATE = "calendar year to date"
    DATE = "date"
    AVERAGE = "average"
    BASELINE = "baseline"
    TREND = "trend"
    LAST = "last months"
    RANGE = "run of months"
    YEARS = "calendar years"
    PEER = "peer comparison"


#: How each kind of label is written, for error messages.
LABEL_FORMS = (
    '"2019-10" (a month), "R12:2019-10" (the 12 months to October 2019), "FY:2018" (the '
    'financial year from April 2018), "YTD:2019-10" (the financial year to date), "CY:2019" '
    '(a calendar year), "CY:2019:2019-10" (the calendar year to date), "D:2019-11-01" (a '
    'date), "AVG12:2019-10", "XMR24:2019-10" (the months before a month), "T60:2019-10", '
    '"L12:2019-10" (the months to a month), "LT:2016-04..2019-03" (a run of months), '
    '"CYMAX:2014..2018" (calendar years), or '
    '"month:2019-09", "year:2018-10", "rolling_year:2018-10" (what a peer comparison is against)'
)
#: The windows of months written as a prefix with a length: "R12:", "AVG12:", "XMR24:"...
_WINDOWS = {
    "R": PeriodKind.ROLLING,
    "AVG": PeriodKind.AVERAGE,
    "XMR": PeriodKind.BASELINE,
    "T": PeriodKind.TREND,
    "L": PeriodKind.LAST,
}
_PREFIX_OF = {kind: prefix for prefix, kind in _WINDOWS.items()}
#: What an outlier's change is measured against, among its peers.
PEER_BASES = ("month", "year", "rolling_year")

# [0-9], not \d: \d matches any Unicode digit.
_M = "[0-9]{4}-[0-9]{2}"
_LABEL = re.compile(
    rf"(?P<window>[A-Z]+)(?P<length>[0-9]+):(?P<to>{_M})"
    rf"|(?P<yearly>FY|CY):(?P<year>[0-9]{{4}})(?::(?P<through>{_M}))?"
    rf"|YTD:(?P<ytd>{_M})"
    rf"|D:(?P<day>{_M}-[0-9]{{2}})"
    rf"|CYMAX:(?P<first>[0-9]{{4}})\.\.(?P<last>[0-9]{{4}})"
    rf"|LT:(?P<since>{_M})\.\.(?P<until>{_M})"
    rf"|(?P<basis>{'|'.join(PEER_BASES)}):(?P<against>{_M})"
    rf"|(?P<month>{_M})"
)


@dataclass(frozen=True, order=True)
class Period:
    """A span of time: its kind and the fields that kind needs (the others are None).

    ``end`` is a :class:`Month`: the last month of a month, a rolling or a
    trend window, a year to date; the month *after* the window of an average or a baseline
    (the month it is the benchmark of); the month a peer comparison is against. ``length``
    counts the months of a window; ``year`` is the first year of a financial year, a
    calendar year or a run of years, ``last_year`` the last of a run; ``day`` is a date.
    Build one with the class methods (``Period.rolling(m, 12)``), never by hand.
    """

    kind: PeriodKind
    end: Month | None = None
    length: int | None = None
    year: int | None = None
    last_year: int | None = None
    day: date | None = None
    basis: str | None = None

    def __post_init__(self) -> None:
        needs = _NEEDS[self.kind]
        for name in ("end", "length", "year", "last_year", "day", "basis"):
            present = getattr(self, name) is not None
            if present != (name in needs):
                state = "needs" if name in needs else "takes no"
                raise ValueError(f"a {self.kind.value} period {state} {name}")
        if self.length is not None and self.length < 1:
            raise ValueError(f"a {self.kind.value} period of {self.length} months")
        if self.basis is not None and self.basis not in PEER_BASES:
            raise ValueError(f"a peer comparison against {self.basis!r}")

    # --- building ---------------------------------------------------------------------

    @classmethod
    def month(cls, m: Month | int) -> Period:
        """One calendar month: "2019-10"."""
        return cls(PeriodKind.MONTH, end=Month.of(m))

    @classmethod
    def rolling(cls, m: Month | int, length: int = 12) -> Period:
        """The ``length`` months to ``m``: "R12:2019-10"."""
        return cls(PeriodKind.ROLLING, end=Month.of(m), length=length)

    @classmethod
    def financial_year(cls, year: int) -> Period:
        """The financial year starting in April of ``year``: "FY:2018" is 2018/19."""
        return cls(PeriodKind.FINANCIAL_YEAR, year=year)

    @classmethod
    def financial_year_of(cls, m: Month | int) -> Period:
        """The financial year containing month ``m``."""
        return cls.financial_year(Month.of(m).fy_start.year)

    @classmethod
    def year_to_date(cls, m: Month | int) -> Period:
        """The financial year to date, April to ``m``: "YTD:2019-10"."""
        return cls(PeriodKind.YEAR_TO_DATE, end=Month.of(m))

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        """A calendar year: "CY:2019"."""
        return cls(PeriodKind.CALENDAR_YEAR, year=year)

    @classmethod
    def calendar_to_date(cls, m: Month | int) -> Period:
        """January to ``m`` of ``m``'s year: "CY:2019:2019-10"."""
        return cls(PeriodKind.CALENDAR_TO_DATE, end=Month.of(m), year=Month.of(m).year)

    @classmethod
    def on(cls, day: date) -> Period:
        """One date (a snapshot): "D:2019-11-01"."""
        return cls(PeriodKind.DATE, day=day)

    @classmethod
    def average(cls, m: Month | int, length: int) -> Period:
        """The ``length`` months before ``m``, averaged: "AVG12:2019-10"."""
        return cls(PeriodKind.AVERAGE, end=Month.of(m), length=length)

    @classmethod
    def baseline(cls, m: Month | int, length: int) -> Period:
        """The control-chart baseline of ``m``: the ``length`` months before it, "XMR24:2019-10"."""
        return cls(PeriodKind.BASELINE, end=Month.of(m), length=length)

    @classmethod
    def trend(cls, m: Month | int, length: int) -> Period:
        """The ``length`` months to ``m`` a trend is fitted over: "T60:2019-10"."""
        return cls(PeriodKind.TREND, end=Month.of(m), length=length)

    @classmethod
    def last(cls, m: Month | int, length: int = 12) -> Period:
        """The last ``length`` months to ``m``, each month on its own: "L12:2019-10"."""
        return cls(PeriodKind.LAST, end=Month.of(m), length=length)

    @classmethod
    def between(cls, first: Month | int, last: Month | int) -> Period:
        """The months ``first`` to ``last``: "LT:2016-04..2019-03" (a long-term benchmark)."""
        first, last = Month.of(first), Month.of(last)
        if last < first:
            raise ValueError(f"a run of months from {first} to {last}")
        return cls(PeriodKind.RANGE, end=last, length=last - first + 1)

    @classmethod
    def years(cls, first: int, last: int) -> Period:
        """The calendar years ``first`` to ``last``: "CYMAX:2014..2018"."""
        if last < first:
            raise ValueError(f"calendar years from {first} to {last}")
        return cls(PeriodKind.YEARS, year=first, last_year=last)

    @classmethod
    def peer(cls, basis: str, m: Month | int) -> Period:
        """What a peer comparison is against: "month:2019-09", "rolling_year:2018-10"."""
        return cls(PeriodKind.PEER, end=Month.of(m), basis=basis)

    # --- labels -------------------------------------------------------------------------

    @property
    def label(self) -> str:
        """The label facts carry: "R12:2019-10"."""
        kind = self.kind
        if kind is PeriodKind.MONTH:
            return self._end.iso
        if kind in _PREFIX_OF:
            return f"{_PREFIX_OF[kind]}{self.length}:{self._end}"
        if kind is PeriodKind.FINANCIAL_YEAR:
            return f"FY:{self.year}"
        if kind is PeriodKind.CALENDAR_YEAR:
            return f"CY:{self.year}"
        if kind is PeriodKind.CALENDAR_TO_DATE:
            return f"CY:{self.year}:{self._end}"
        if kind is PeriodKind.YEAR_TO_DATE:
            return f"YTD:{self._end}"
        if kind is PeriodKind.DATE:
            # Imported here: inflect is not loaded for periods that never say a date.

            assert self.day is not None
            return f"D:{self.day.isoformat()}"
        if kind is PeriodKind.YEARS:
            return f"CYMAX:{self.year}..{self.last_year}"
        if kind is PeriodKind.RANGE:
            assert self.length is not None
            return f"LT:{self._end - (self.length - 1)}..{self._end}"
        return f"{self.basis}:{self._end}"

    def __str__(self) -> str:
        return self.label

    @classmethod
    def parse(cls, text: str, where: str = "period") -> Period:
        """The period a label names; ``ValueError`` naming ``where`` for anything else."""
        if not isinstance(text, str):
            raise ValueError(f"{where}: expected a period label, got {text!r}")
        found = _LABEL.fullmatch(text.strip())
        if found is None:
            raise ValueError(_refusal(text, where))
        try:
            return _from_match(found)
        except MonthError as exc:
            raise ValueError(f"{where}: {exc.message}") from None
        except ValueError as exc:
            raise ValueError(f"{where}: {text!r} {exc} (expected {LABEL_FORMS})") from None

    @classmethod
    def of(cls, value: Period | Month | str | int, where: str = "period") -> Period:
        """A period from a period, a label, or a month (or its index)."""
        if isinstance(value, Period):
            return value
        if isinstance(value, bool):
            raise ValueError(f"{where}: expected a period label or a month, got {value!r}")
        if isinstance(value, Month | int):
            return cls.month(value)
        return cls.parse(value, where)

    # --- what it covers -----------------------------------------------------------------

    @property
    def _end(self) -> Month:
        assert self.end is not None, self
        return self.end

    @property
    def first_month(self) -> Month | None:
        """The first month the period covers; None for a date."""
        span = self.span
        return span[0] if span else None

    @property
    def last_month(self) -> Month | None:
        """The last month the period covers; None for a date."""
        span = self.span
        return span[1] if span else None

    @property
    def span(self) -> tuple[Month, Month] | None:
        """(first, last) month covered, inclusive; None for a date (it is within a month)."""
        kind = self.kind
        if kind is PeriodKind.MONTH:
            return self._end, self._end
        if kind in (PeriodKind.ROLLING, PeriodKind.TREND, PeriodKind.LAST, PeriodKind.RANGE):
            assert self.length is not None
            return self._end - (self.length - 1), self._end
        if kind in (PeriodKind.AVERAGE, PeriodKind.BASELINE):
            assert self.length is not None
            return self._end - self.length, self._end - 1
        if kind is PeriodKind.FINANCIAL_YEAR:
            assert self.year is not None
            start = Month(self.year * 12 + months.FY_START_MONTH - 1)
            return start, start + 11
        if kind is PeriodKind.YEAR_TO_DATE:
            return self._end.fy_start, self._end
        if kind in (PeriodKind.CALENDAR_YEAR, PeriodKind.YEARS):
            assert self.year is not None
            return Month(self.year * 12), Month((self.last_year or self.year) * 12 + 11)
        if kind is PeriodKind.CALENDAR_TO_DATE:
            return Month(self._end.year * 12), self._end
        if kind is PeriodKind.PEER:
            return self._end - (11 if self.basis == "rolling_year" else 0), self._end
        return None

    # --- prose --------------------------------------------------------------------------

    def prose(self) -> str:
        """The period as a paper says it.

        "October 2019"; "the 12 months to October 2019"; "2018/19"; "the financial year to
        date"; "2019"; "2019 to the end of October"; "the start of November" or "26th
        November" (a date: snapshots are told within their month's paper).
        """
        kind = self.kind
        if kind is PeriodKind.MONTH or (kind is PeriodKind.ROLLING and self.length == 1):
            return self._end.label
        if kind in (PeriodKind.ROLLING, PeriodKind.TREND):
            return f"the {self.length} months to {self._end.label}"
        if kind is PeriodKind.FINANCIAL_YEAR:
            assert self.year is not None
            return months.fy_label(self.year * 12 + months.FY_START_MONTH - 1)
        if kind is PeriodKind.YEAR_TO_DATE:
            return "the financial year to date"
        if kind is PeriodKind.CALENDAR_YEAR:
            return str(self.year)
        if kind is PeriodKind.CALENDAR_TO_DATE:
            return f"{self.year} to the end of {self._end.name}"
        if kind is PeriodKind.DATE:
            # Imported here: inflect is not loaded for periods that never say a date.
            from narrator.language.numbers import ordinal_figure

            assert self.day is not None
            month_name = months.MONTH_NAMES[self.day.month - 1]
            if self.day.day == 1:
                return f"the start of {month_name}"
            return f"{ordinal_figure(self.day.day)} {month_name}"
        if kind in (PeriodKind.AVERAGE, PeriodKind.BASELINE):
            return f"the {self.length} months before {self._end.label}"
        if kind is PeriodKind.LAST:
            return f"the last {self.length} months"
        if kind is PeriodKind.RANGE:
            assert self.length is not None
            return f"{(self._end - (self.length - 1)).label} to {self._end.label}"
        if kind is PeriodKind.YEARS:
            return f"every year from {self.year} to {self.last_year}"
        reference = Period.rolling(self._end) if self.basis == "rolling_year" else None
        return (reference or Period.month(self._end)).prose()


_NEEDS: dict[PeriodKind, frozenset[str]] = {
    PeriodKind.MONTH: frozenset({"end"}),
    PeriodKind.ROLLING: frozenset({"end", "length"}),
    PeriodKind.FINANCIAL_YEAR: frozenset({"year"}),
    PeriodKind.YEAR_TO_DATE: frozenset({"end"}),
    PeriodKind.CALENDAR_YEAR: frozenset({"year"}),
    PeriodKind.CALENDAR_TO_DATE: frozenset({"end", "year"}),
    PeriodKind.DATE: frozenset({"day"}),
    PeriodKind.AVERAGE: frozenset({"end", "length"}),
    PeriodKind.BASELINE: frozenset({"end", "length"}),
    PeriodKind.TREND: frozenset({"end", "length"}),
    PeriodKind.LAST: frozenset({"end", "length"}),
    PeriodKind.RANGE: frozenset({"end", "length"}),
    PeriodKind.YEARS: frozenset({"year", "last_year"}),
    PeriodKind.PEER: frozenset({"end", "basis"}),
}


def _from_match(found: re.Match[str]) -> Period:
    groups = found.groupdict()
    if groups["month"] is not None:
        return Period.month(Month.parse(groups["month"]))
    if groups["window"] is not None:
        kind = _WINDOWS.get(groups["window"])
        if kind is None:
            raise ValueError(f"has an unknown window {groups['window']!r} (R, AVG, XMR, T or L)")
        length = int(groups["length"])
        if length < 1:
            raise ValueError("has a window of no months")
        return Period(kind, end=Month.parse(groups["to"]), length=length)
    if groups["yearly"] is not None:
        year = int(groups["year"])
        if groups["through"] is None:
            yearly = Period.financial_year if groups["yearly"] == "FY" else Period.calendar_year
            return yearly(year)
        through = Month.parse(groups["through"])
        if groups["yearly"] != "CY" or through.year != year:
            raise ValueError("is not a calendar year to date (its month must be in its year)")
        return Period.calendar_to_date(through)
    if groups["ytd"] is not None:
        return Period.year_to_date(Month.parse(groups["ytd"]))
    if groups["day"] is not None:
        return Period.on(date.fromisoformat(groups["day"]))
    if groups["since"] is not None:
        return Period.between(Month.parse(groups["since"]), Month.parse(groups["until"]))
    if groups["first"] is not None:
        return Period.years(int(groups["first"]), int(groups["last"]))
    return Period.peer(groups["basis"], Month.parse(groups["against"]))


def _refusal(text: str, where: str) -> str:
    """The message for text that is no label at all, saying what was wrong where it can."""
    stripped = text.strip()
    if re.fullmatch(r"(?:R|FY|CY|YTD|AVG|XMR|T|L)[0-9]*:[0-9]{4}", stripped) and not (
        stripped.startswith(("FY:", "CY:"))
    ):
        return f"{where}: {text!r} needs a month (expected {LABEL_FORMS})"
    if re.fullmatch(r"(?:FY|CY):[0-9]{4}-[0-9]{2}", stripped):
        kind = stripped[:2]
        return f"{where}: {text!r} names a month; {kind}: takes a year, e.g. {kind}:2018"
    return f"{where}: {text!r} is not a period label (expected {LABEL_FORMS})"
