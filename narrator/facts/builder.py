"""Turning columns of numbers (one entry per series) into :class:`Fact` objects.

The engine computes each fact type as arrays over every series of a panel; the builder is
the one place that walks those arrays, keeps the rows where the comparison exists (no NaN:
a period without data yields no fact), and attaches ids, sources and salience.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from narrator.catalogue import Measure
from narrator.facts.model import Fact
from narrator.facts.panel import Panel

#: How much a fact type matters to a reader, before its strength is added.
KIND_WEIGHT: Mapping[str, float] = {
    "level": 0.6,
    "level.rolling": 0.7,
    "change.month": 0.5,
    "change.rolling_month": 0.6,
    "change.year": 0.5,
    "change.rolling_year": 0.7,
    "change.financial_year": 0.5,
    "change.year_to_date": 0.4,
    "change.average": 0.4,
    "streak.rolling": 0.5,
    "streak.month": 0.3,
    "record": 0.4,
    "count.above_previous_years": 0.5,
    "benchmark.long_term": 0.7,
    "benchmark.year_end": 0.7,
    "xmr.signal": 0.4,
    "trend.long_term": 0.5,
    "area.variation": 0.5,
    "area.outlier": 0.6,
    "share.shift": 0.6,
    "snapshot.change": 0.6,
    "calendar.year_to_date": 0.5,
}

Sources = Callable[[int], tuple[str, ...]]
Column = np.ndarray | float | str | bool | None


def direction_of(change: float, tolerance: float = 0.0) -> str:
    """ "up", "down" or "flat" for a signed change."""
    if change > tolerance:
        return "up"
    if change < -tolerance:
        return "down"
    return "flat"


def clean(value: Any) -> Any:
    """A JSON-safe Python scalar: numpy types unwrapped, NaN and infinities to None."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return round(value, 6)
    return value


class FactBuilder:
    """Collects the facts of one panel for one reporting month."""

    def __init__(self, panel: Panel, month: str, depth: Mapping[str, int]) -> None:
        self.panel = panel
        self.month = month
        self.depth = depth
        self.facts: list[Fact] = []

    def add(
        self,
        kind: str,
        *,
        value: np.ndarray,
        period: Callable[[int], str] | str,
        sources: Sources,
        reference: np.ndarray | None = None,
        reference_period: Callable[[int], str] | str | None = None,
        significant: np.ndarray | None = None,
        method: str = "",
        statistic: Mapping[str, np.ndarray] | None = None,
        detail: Mapping[str, Column] | None = None,
        direction: np.ndarray | None = None,
        strength: np.ndarray | None = None,
        mask: np.ndarray | None = None,
    ) -> None:
        """Add one fact per series where ``value`` (and ``reference``) exist and ``mask`` holds."""
        ok = np.isfinite(value)
        if reference is not None:
            ok &= np.isfinite(reference)
        if mask is not None:
            ok &= mask
        for row in (int(r) for r in np.flatnonzero(ok)):
            self.add_one(
                kind,
                measure=self.panel.measures[row],
                area=self.panel.keys[row][1],
                unit=self.panel.unit,
                value=float(value[row]),
                reference=float(reference[row]) if reference is not None else None,
                period=period(row) if callable(period) else period,
                reference_period=(
                    reference_period(row) if callable(reference_period) else reference_period
                ),
                significant=bool(significant[row]) if significant is not None else None,
                method=method,
                statistic={k: clean(a[row]) for k, a in (statistic or {}).items()},
                detail={
                    k: clean(a[row]) if isinstance(a, np.ndarray) else clean(a)
                    for k, a in (detail or {}).items()
                },
                direction=str(direction[row]) if direction is not None else None,
                strength=float(strength[row]) if strength is not None else None,
                sources=sources(row),
            )

    def add_one(
        self,
        kind: str,
        *,
        measure: Measure,
        area: str,
        unit: str,
        value: float,
        period: str,
        sources: tuple[str, ...],
        reference: float | None = None,
        reference_period: str | None = None,
        significant: bool | None = None,
        method: str = "",
        statistic: Mapping[str, Any] | None = None,
        detail: Mapping[str, Any] | None = None,
        direction: str | None = None,
        strength: float | None = None,
    ) -> Fact:
        """Add one fact; change, per cent change, direction and salience are derived here."""
        change = change_pct = None
        if reference is not None:
            change = value - reference
            if unit == "count" and reference != 0:
                change_pct = 100.0 * change / reference
            if direction is None:
                direction = direction_of(change)
        if strength is not None:
            power = strength
        elif change is not None:
            power = (
                min(1.0, abs(change_pct or 0.0) / 10)
                if unit == "count"
                else min(1.0, abs(change) / 2)
            )
        else:
            power = 0.0
        if significant:
            power += 0.5
        weight = (6 - min(5, max(1, measure.priority))) / 5
        weight /= 1 + 0.5 * self.depth.get(area, 0)
        salience = round(weight * (KIND_WEIGHT.get(kind, 0.5) + power), 4)
        ident = f"{kind}/{measure.id}/{area}/{period}"
        if reference_period:
            ident += f"~{reference_period}"
        fact = Fact(
            id=ident,
            kind=kind,
            measure=measure.id,
            area=area,
            month=self.month,
            period=period,
            value=clean(value),
            unit=unit,
            reference=clean(reference),
            reference_period=reference_period,
            change=clean(change),
            change_pct=clean(change_pct),
            direction=direction,
            significant=significant,
            method=method,
            statistic=dict(statistic or {}),
            detail=dict(detail or {}),
            sources=sources,
            salience=salience,
        )
        self.facts.append(fact)
        return fact
