"""Turning columns of numbers (one entry per series) into :class:`Fact` objects.

The engine computes each fact type as arrays over every series of a panel; the builder is
the one place that walks those arrays, keeps the rows where the comparison exists (no NaN:
a period without data yields no fact), and attaches ids, sources and salience.

:meth:`FactBuilder.add` does the arithmetic of :meth:`FactBuilder.add_one` (change, per cent
change, direction, salience) and the cleaning of :func:`clean` on whole columns with numpy,
then makes one :class:`Fact` a row from ready Python values: the facts are the ones
``add_one`` would make row by row, to the last bit (the tests compare the two).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np

from narrator.catalogue import Measure
from narrator.facts.kinds import FactKind
from narrator.facts.model import Fact
from narrator.facts.panel import Cells, Panel
from narrator.language.directions import Direction

#: How much a fact type matters to a reader, before its strength is added.
KIND_WEIGHT: Mapping[FactKind, float] = {
    FactKind.LEVEL: 0.6,
    FactKind.LEVEL_ROLLING: 0.7,
    FactKind.CHANGE_MONTH: 0.5,
    FactKind.CHANGE_ROLLING_MONTH: 0.6,
    FactKind.CHANGE_YEAR: 0.5,
    FactKind.CHANGE_ROLLING_YEAR: 0.7,
    FactKind.CHANGE_FINANCIAL_YEAR: 0.5,
    FactKind.CHANGE_YEAR_TO_DATE: 0.4,
    FactKind.CHANGE_AVERAGE: 0.4,
    FactKind.STREAK_ROLLING: 0.5,
    FactKind.STREAK_MONTH: 0.3,
    FactKind.RECORD: 0.4,
    FactKind.COUNT_ABOVE_PREVIOUS_YEARS: 0.5,
    FactKind.BENCHMARK_LONG_TERM: 0.7,
    FactKind.BENCHMARK_YEAR_END: 0.7,
    FactKind.XMR_SIGNAL: 0.4,
    FactKind.TREND_LONG_TERM: 0.5,
    FactKind.AREA_VARIATION: 0.5,
    FactKind.AREA_OUTLIER: 0.6,
    FactKind.SHARE_SHIFT: 0.6,
    FactKind.SNAPSHOT_CHANGE: 0.6,
    FactKind.CALENDAR_YEAR_TO_DATE: 0.5,
}
#: Every fact type the engine makes.
KINDS: tuple[str, ...] = tuple(sorted(k.value for k in KIND_WEIGHT))
#: Directions by their text, to give every fact a :class:`Direction` cheaply.
_DIRECTIONS: Mapping[str | None, Direction | None] = {None: None, **{d.value: d for d in Direction}}

Sources = Callable[[int], tuple[str, ...]]
Column = np.ndarray | float | str | bool | None


def direction_of(change: float, tolerance: float = 0.0) -> Direction:
    """Up, down or flat for a signed change (flat within ``tolerance`` of zero)."""
    if change > tolerance:
        return Direction.UP
    if change < -tolerance:
        return Direction.DOWN
    return Direction.FLAT


def clean(value: Any) -> Any:
    """A JSON-safe Python scalar: numpy types unwrapped, NaN and infinities to None."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return round(value, 6)
    return value


def round_column(values: np.ndarray, digits: int) -> list[float | None]:
    """``round(x, digits)`` of every element as Python floats (None for NaN and infinities).

    numpy rounds ``x * 10**digits`` to an integer and divides; Python rounds the exact
    decimal value of ``x``. The two agree except where ``x * 10**digits`` lies within a
    rounding error of a half, or is too large for that error to be small: those few
    elements are rounded by Python.
    """
    x = np.asarray(values, dtype=float)
    scale = 10.0**digits
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = x * scale
        rounded = np.rint(scaled) / scale
        fraction = np.abs(scaled - np.trunc(scaled))
        unsure = (np.abs(fraction - 0.5) < 1e-3) | ~(np.abs(scaled) < 1e12)
    out: list[float | None] = rounded.tolist()
    for i in np.flatnonzero(unsure).tolist():
        element = float(x[i])
        out[i] = round(element, digits) if math.isfinite(element) else None
    return out


def clean_column(values: np.ndarray) -> list[Any]:
    """:func:`clean` of every element of a column."""
    kind = values.dtype.kind
    if kind == "f":
        return round_column(values, 6)
    if kind in "iub":
        listed: list[Any] = values.tolist()
        return listed
    if kind == "U":
        return [str(v) for v in values.tolist()]
    return [clean(v) for v in values.tolist()]


class FactBuilder:
    """Collects the facts of one panel for one reporting month."""

    def __init__(self, panel: Panel, month: str, depth: Mapping[str, int]) -> None:
        self.panel = panel
        self.month = month
        self.depth = depth
        self.facts: list[Fact] = []
        self._weights: np.ndarray | None = None

    def _weight(self, measure: Measure, area: str) -> float:
        """How much a measure and area matter: priority 1 most, the force over its areas."""
        weight = (6 - min(5, max(1, measure.priority))) / 5
        weight /= 1 + 0.5 * self.depth.get(area, 0)
        return weight

    @property
    def weights(self) -> np.ndarray:
        """:meth:`_weight` of every row of the panel."""
        if self._weights is None:
            self._weights = np.array(
                [
                    self._weight(m, key[1])
                    for m, key in zip(self.panel.measures, self.panel.keys, strict=True)
                ],
                dtype=float,
            )
        return self._weights

    def add(
        self,
        kind: FactKind | str,
        *,
        value: np.ndarray,
        period: Callable[[int], str] | str,
        sources: Cells | Sources,
        reference: np.ndarray | None = None,
        reference_period: Callable[[int], str] | str | None = None,
        significant: np.ndarray | None = None,
        method: str = "",
        statistic: Mapping[str, np.ndarray] | None = None,
        detail: Mapping[str, Column] | None = None,
        direction: np.ndarray | None = None,
        strength: np.ndarray | None = None,
        mask: np.ndarray | None = None,
        unit: str | None = None,
        qualifier: str = "",
    ) -> None:
        """Add one fact per series where ``value`` (and ``reference``) exist and ``mask`` holds.

        ``unit`` is the unit of ``value`` when it is not the panel's (a streak's length is in
        months whatever the measure); ``qualifier`` ends the id of facts that would otherwise
        share one (a record's "highest" and "lowest").
        """
        kind = FactKind(kind)  # an unregistered kind fails here, with its name
        ok = np.isfinite(value)
        if reference is not None:
            ok &= np.isfinite(reference)
        if mask is not None:
            ok &= mask
        rows = np.flatnonzero(ok)
        n = len(rows)
        if not n:
            return
        unit = unit or self.panel.unit
        row_list: list[int] = rows.tolist()
        panel = self.panel

        value_f = np.asarray(value, dtype=float)[rows]
        reference_f = change = change_pct = None
        if reference is not None:
            reference_f = np.asarray(reference, dtype=float)[rows]
            with np.errstate(over="ignore"):  # as Python's floats: an infinity, no warning
                change = value_f - reference_f
            if unit == "count":
                with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
                    change_pct = np.where(reference_f != 0, 100.0 * change / reference_f, np.nan)
        if direction is not None:
            directions: list[Any] = [
                _DIRECTIONS[str(d)] for d in np.asarray(direction)[rows].tolist()
            ]
        elif change is not None:
            words = np.where(change > 0, "up", np.where(change < 0, "down", "flat"))
            directions = [_DIRECTIONS[d] for d in words.tolist()]
        else:
            directions = [None] * n

        # Salience, as add_one works it out.
        if strength is not None:
            power = np.asarray(strength, dtype=float)[rows]
        elif change is not None:
            if unit == "count":
                assert change_pct is not None
                power = np.minimum(1.0, np.abs(np.nan_to_num(change_pct, nan=0.0)) / 10)
            else:
                power = np.minimum(1.0, np.abs(change) / 2)
        else:
            power = np.zeros(n)
        significants: list[Any]
        if significant is not None:
            flags = np.asarray(significant, dtype=bool)[rows]
            power = np.where(flags, power + 0.5, power)
            significants = flags.tolist()
        else:
            significants = [None] * n
        salience = round_column(self.weights[rows] * (KIND_WEIGHT.get(kind, 0.5) + power), 4)

        periods = _per_row(period, row_list)
        reference_periods = _per_row(reference_period, row_list)
        measure_ids, areas, keys = (column[rows] for column in panel.key_columns)
        if isinstance(period, str) and not callable(reference_period):
            tail = f"/{period}" + (f"~{reference_period}" if reference_period else "") + qualifier
            ids: list[str] = (f"{kind}/" + keys + tail).tolist()
        else:
            ids = [
                f"{kind}/{key}/{p}" + (f"~{rp}" if rp else "") + qualifier
                for key, p, rp in zip(keys.tolist(), periods, reference_periods, strict=True)
            ]
        cells = sources.rows(rows) if isinstance(sources, Cells) else [sources(r) for r in row_list]

        def nothing() -> Iterable[None]:
            return itertools.repeat(None, n)

        facts = list(
            map(
                _fact,
                ids,
                itertools.repeat(kind, n),
                measure_ids.tolist(),
                areas.tolist(),
                itertools.repeat(self.month, n),
                periods,
                round_column(value_f, 6),
                itertools.repeat(unit, n),
                round_column(reference_f, 6) if reference_f is not None else nothing(),
                reference_periods,
                round_column(change, 6) if change is not None else nothing(),
                round_column(change_pct, 6) if change_pct is not None else nothing(),
                directions,
                significants,
                itertools.repeat(method, n),
                _dicts(statistic or {}, rows),
                _dicts(detail or {}, rows),
                cells,
                salience,
            )
        )
        # map() stops at its shortest column: every column must have a value for every row.
        if len(facts) != n:
            raise RuntimeError(f"{kind}: {len(facts)} facts made for {n} rows")
        self.facts.extend(facts)

    def add_one(
        self,
        kind: FactKind | str,
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
        qualifier: str = "",
    ) -> Fact:
        """Add one fact; change, per cent change, direction and salience are derived here."""
        kind = FactKind(kind)
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
        weight = self._weight(measure, area)
        salience = round(weight * (KIND_WEIGHT.get(kind, 0.5) + power), 4)
        ident = f"{kind}/{measure.id}/{area}/{period}"
        if reference_period:
            ident += f"~{reference_period}"
        ident += qualifier
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
            direction=_DIRECTIONS[direction],
            significant=significant,
            method=method,
            statistic=dict(statistic or {}),
            detail=dict(detail or {}),
            sources=sources,
            salience=salience,
        )
        self.facts.append(fact)
        return fact


def _per_row(label: Callable[[int], str] | str | None, rows: list[int]) -> list[Any]:
    if callable(label):
        return [label(r) for r in rows]
    return [label] * len(rows)


def _dicts(columns: Mapping[str, Column], rows: np.ndarray) -> Iterable[dict[str, Any]]:
    """One fresh dict a row: array columns cleaned element by element, scalars once."""
    n = len(rows)
    keys = list(columns)
    values = [
        clean_column(np.asarray(c)[rows])
        if isinstance(c, np.ndarray)
        else itertools.repeat(clean(c), n)
        for c in columns.values()
    ]
    # Dict displays for the usual one or two keys: twice as fast as dict(zip(...)).
    if not keys:
        return ({} for _ in range(n))
    if len(keys) == 1:
        (k0,) = keys
        return ({k0: v0} for v0 in values[0])
    if len(keys) == 2:
        k0, k1 = keys
        return ({k0: v0, k1: v1} for v0, v1 in zip(values[0], values[1]))  # noqa: B905
    return (dict(zip(keys, row)) for row in zip(*values))  # noqa: B905


_new = object.__new__


def _fact(
    id: str,
    kind: str,
    measure: str,
    area: str,
    month: str,
    period: str,
    value: float,
    unit: str,
    reference: float | None,
    reference_period: str | None,
    change: float | None,
    change_pct: float | None,
    direction: str | None,
    significant: bool | None,
    method: str,
    statistic: dict[str, Any],
    detail: dict[str, Any],
    sources: tuple[str, ...],
    salience: float,
) -> Fact:
    """A :class:`Fact` from values :meth:`FactBuilder.add` has checked and cleaned.

    Fills the instance dict field by field, in the fields' order (so that instances keep
    sharing their keys, as ``Fact(...)`` makes them): the frozen dataclass's ``__init__``
    sets each of the 19 fields through ``object.__setattr__``, three times slower. The
    result equals ``Fact(...)`` with the same arguments.
    """
    fact: Fact = _new(Fact)
    d = fact.__dict__
    d["id"] = id
    d["kind"] = kind
    d["measure"] = measure
    d["area"] = area
    d["month"] = month
    d["period"] = period
    d["value"] = value
    d["unit"] = unit
    d["reference"] = reference
    d["reference_period"] = reference_period
    d["change"] = change
    d["change_pct"] = change_pct
    d["direction"] = direction
    d["significant"] = significant
    d["method"] = method
    d["statistic"] = statistic
    d["detail"] = detail
    d["sources"] = sources
    d["salience"] = salience
    return fact
