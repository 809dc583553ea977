"""Levels: the figure of any measure, area and period, read straight from the figures.

The facts of a month compare it with the periods a paper usually names (last month, the
same month last year, the 12 months before). A paper may name any other ("lower than the
February 2017 figure", "216 in the 12 months to March 2018"); the checker then holds the
claim to the figures themselves, computed the way the fact engine computes them: a rate
over a window is the sum of its numerators over the sum of its denominators.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from narrator import months
from narrator.facts import stats
from narrator.figures import Figures

#: The calendar year to date: "CY:2019:2019-10" is January to October 2019.
_CALENDAR_TO_DATE = re.compile(r"CY:(\d{4}):(\d{4}-\d{2})")
_PERIOD = re.compile(r"(?:(R12|FY|CY|YTD|D):)?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True)
class Comparison:
    """A value against a reference, tested as the fact engine tests a change."""

    value: float
    reference: float
    direction: str
    significant: bool | None
    unit: str = "count"

    @property
    def change(self) -> float:
        """The change: a count, or percentage points for a rate."""
        return self.value - self.reference

    @property
    def change_pct(self) -> float | None:
        """The change in per cent of the reference, for counts."""
        if self.unit != "count" or self.reference == 0:
            return None
        return 100.0 * self.change / self.reference


class Levels:
    """Values of the figures over the periods the fact model labels."""

    def __init__(
        self, figures: Figures, confidence: float = 0.95, through: str | None = None
    ) -> None:
        self._figures = figures
        self._confidence = confidence
        # A paper knows nothing after its reporting month: the current calendar or
        # financial year is the year to date, and a later month has no figure.
        self._last = months.parse(through) if through else figures.last
        self._snapshots: dict[tuple[str, str, str], float] | None = None

    def value(self, measure: str, area: str, period: str | None) -> float | None:
        """The value of ``measure`` in ``area`` over ``period`` ("2019-10", "R12:2019-10",
        "FY:2018", "CY:2019", "D:2019-11-01"), in per cent for rates; None when the
        figures do not cover it (a gap, a month outside them, a label it cannot read)."""
        parts = self.parts(measure, area, period)
        return None if parts is None else _value(*parts)

    def compare(
        self, measure: str, area: str, period: str | None, reference: str | None
    ) -> Comparison | None:
        """``period`` against ``reference``: the Poisson test for counts, the reference
        outside the Wilson interval for rates (the tests of :mod:`narrator.facts.panel`);
        None when either period is not in the figures."""
        own = self.parts(measure, area, period)
        other = self.parts(measure, area, reference)
        if own is None or other is None:
            return None
        value, before = _value(*own), _value(*other)
        if value is None or before is None:
            return None
        significant: bool | None
        if str(period).startswith("D:") or str(reference).startswith("D:"):
            significant = None  # a stock on two dates, not events: no test, as the engine
        elif own[1] is None:
            z = stats.poisson_z(np.array([own[0]]), np.array([before]))
            significant = bool(abs(z[0]) > stats.z_critical(self._confidence))
        else:
            lo, hi = stats.wilson_interval(np.array([own[0]]), np.array([own[1]]), self._confidence)
            significant = bool(before < lo[0] or before > hi[0])
        # As a change fact: the direction is the sign, the test says whether it is real.
        direction = "up" if value > before else "down" if value < before else "flat"
        unit = "count" if own[1] is None else "percent"
        return Comparison(value, before, direction, significant, unit)

    def parts(
        self, measure: str, area: str, period: str | None
    ) -> tuple[float, float | None] | None:
        """The total (the numerator and denominator for a rate) behind :meth:`value`."""
        if period is not None and period.startswith("D:"):
            snapshot = self._snapshot(measure, area, period[2:])
            return None if snapshot is None else (snapshot, None)
        window = _window(period)
        if window is None:
            return None
        start, end = window
        if end > self._last and period is not None and period[:3] in ("CY:", "FY:"):
            end = self._last
        if end > self._last or start > end:
            return None
        definition = self._figures.catalogue.measures.get(measure)
        if definition is None:
            return None
        if definition.numerator and definition.denominator:
            num = self._sum(definition.numerator, area, start, end)
            den = self._sum(definition.denominator, area, start, end)
            if num is None or den is None:
                return None
            return num, den
        total = self._sum(measure, area, start, end)
        return None if total is None else (total, None)

    def _sum(self, measure: str, area: str, start: int, end: int) -> float | None:
        figures = self._figures
        if not figures.has(measure, area) or start < figures.first or end > figures.last:
            return None
        series = figures.series(measure, area)
        values = series[figures.column(start) : figures.column(end) + 1]
        total = float(values.sum())
        return None if math.isnan(total) else total

    def _snapshot(self, measure: str, area: str, day: str) -> float | None:
        if self._snapshots is None:
            table = self._figures.snapshots
            self._snapshots = {
                (str(m), str(a), str(d)): float(v)
                for m, a, d, v in zip(
                    table["measure"], table["area"], table["date"], table["value"], strict=True
                )
            }
        return self._snapshots.get((measure, area, day))


def _value(num: float, den: float | None) -> float | None:
    if den is None:
        return num
    return 100.0 * num / den if den > 0 else None


def _window(period: str | None) -> tuple[int, int] | None:
    """The first and last month of a monthly period label ("2019-01..2019-10" too)."""
    if period is None:
        return None
    if ".." in period:
        first, _, last = period.partition("..")
        if months.is_month(first) and months.is_month(last):
            return months.parse(first), months.parse(last)
        return None
    to_date = _CALENDAR_TO_DATE.fullmatch(period)
    if to_date is not None:
        through = months.parse(to_date.group(2))
        return int(to_date.group(1)) * 12, through
    found = _PERIOD.fullmatch(period)
    if found is None:
        return None
    prefix, year, month, day = found.groups()
    if day is not None or prefix == "D":
        return None
    if prefix in ("FY", "CY"):
        if month is not None:
            return None
        start = int(year) * 12 + (months.FY_START_MONTH - 1 if prefix == "FY" else 0)
        return start, start + 11
    if month is None:
        return None
    end = months.parse(f"{year}-{month}")
    if prefix == "R12":
        return end - 11, end
    if prefix == "YTD":
        return months.fy_start(end), end
    return end, end
