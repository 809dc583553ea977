"""Panels: every series of one kind (counts, or ratios) as arrays over a common month axis.

A count panel holds one row per (measure, area); a ratio panel holds the numerator and the
denominator rows of each ratio measure and area, so that a rate over any window is the sum
of numerators over the sum of denominators, never an average of monthly rates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from narrator import months
from narrator.catalogue import Kind, Measure
from narrator.facts import stats
from narrator.figures import Figures


@dataclass
class Panel:
    """Series of one kind as arrays; column ``c`` is month ``first + c``."""

    keys: list[tuple[str, str]]
    measures: list[Measure]
    num: np.ndarray
    den: np.ndarray | None
    first: int

    @property
    def is_ratio(self) -> bool:
        """True for a panel of rates (values in per cent)."""
        return self.den is not None

    @property
    def unit(self) -> str:
        """The unit of the panel's values: "count" or "percent"."""
        return "percent" if self.is_ratio else "count"

    def __len__(self) -> int:
        return len(self.keys)

    def month_values(self) -> np.ndarray:
        """Each month's own value (a count, or a rate in per cent)."""
        if self.den is None:
            return self.num
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.den > 0, 100.0 * self.num / self.den, np.nan)

    def parts(self, start: int, end: int) -> tuple[np.ndarray, np.ndarray | None]:
        """Numerator and denominator sums over columns ``start..end`` (NaN if out of range)."""
        size = len(self.keys)
        if start < 0 or end >= self.num.shape[1] or start > end:
            nan = np.full(size, np.nan)
            return nan, (nan.copy() if self.den is not None else None)
        num = self.num[:, start : end + 1].sum(axis=1)
        den = None if self.den is None else self.den[:, start : end + 1].sum(axis=1)
        return num, den

    def window(self, start: int, end: int) -> np.ndarray:
        """The value over columns ``start..end``: a total, or a pooled rate."""
        return self.value_of(*self.parts(start, end))

    def value_of(self, num: np.ndarray, den: np.ndarray | None) -> np.ndarray:
        """A total, or 100 x num / den where den > 0."""
        if den is None:
            return num
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(den > 0, 100.0 * num / den, np.nan)

    def rolling(self, width: int = 12) -> np.ndarray:
        """Rolling ``width``-month values for every column (NaN before enough history)."""
        num = _rolling_sum(self.num, width)
        den = None if self.den is None else _rolling_sum(self.den, width)
        return self.value_of(num, den)

    def significance(
        self, num: np.ndarray, den: np.ndarray | None, reference: np.ndarray, confidence: float
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Whether a value differs significantly from a reference, with the test's numbers.

        Counts: the Poisson test of DESIGN.md against the reference as the expected count.
        Rates: the reference lies outside the Wilson interval of the current rate.
        """
        if den is None:
            z = stats.poisson_z(num, reference)
            crit = stats.z_critical(confidence)
            with np.errstate(invalid="ignore"):
                return np.abs(z) > crit, {"z": z}
        lo, hi = stats.wilson_interval(num, den, confidence)
        with np.errstate(invalid="ignore"):
            outside = (reference < lo) | (reference > hi)
        return outside, {"ci_low": lo, "ci_high": hi}

    def cell(self, row: int, start: int, end: int) -> tuple[str, ...]:
        """Source cells of a value: measure|area|first..last month, for every stored part."""
        span = self.span(start, end)
        return tuple(prefix + span for prefix in self.cell_prefixes[row])

    def span(self, start: int, end: int) -> str:
        """The months of columns ``start..end`` as a source cell writes them."""
        span = months.iso(self.first + start)
        if end != start:
            span += ".." + months.iso(self.first + end)
        return span

    @cached_property
    def cell_prefixes(self) -> list[tuple[str, ...]]:
        """For each row, ``part|area|`` of every stored part (numerator and denominator)."""
        prefixes = []
        for measure, (_, area) in zip(self.measures, self.keys, strict=True):
            parts = [measure.numerator, measure.denominator] if measure.is_ratio else [measure.id]
            prefixes.append(tuple(f"{p}|{area}|" for p in parts if p))
        return prefixes

    @cached_property
    def part_prefixes(self) -> list[np.ndarray] | None:
        """:attr:`cell_prefixes` as one object array per part, when every row has as many."""
        sizes = {len(p) for p in self.cell_prefixes}
        if len(sizes) != 1:
            return None
        (size,) = sizes
        return [np.array([p[j] for p in self.cell_prefixes], dtype=object) for j in range(size)]

    @cached_property
    def key_columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Object arrays of each row's measure id, area, and "measure/area" (ids are built on)."""
        measure = np.array([m for m, _ in self.keys], dtype=object)
        area = np.array([a for _, a in self.keys], dtype=object)
        both = np.array([f"{m}/{a}" for m, a in self.keys], dtype=object)
        return measure, area, both


@dataclass(frozen=True)
class Cells:
    """The source cells of one or more windows (a value, then its reference), for any row.

    Calling it gives one row's cells; :meth:`rows` gives many rows' at once, formatting each
    window's months once rather than once a row.
    """

    panel: Panel
    windows: tuple[tuple[int, int], ...]

    def __call__(self, row: int) -> tuple[str, ...]:
        return tuple(cell for window in self.windows for cell in self.panel.cell(row, *window))

    def rows(self, rows: np.ndarray) -> list[tuple[str, ...]]:
        """The cells of each of ``rows``, in the order of :meth:`__call__`."""
        spans = [self.panel.span(*window) for window in self.windows]
        parts = self.panel.part_prefixes
        if parts is None:
            prefixes = self.panel.cell_prefixes
            return [tuple([p + s for s in spans for p in prefixes[r]]) for r in rows.tolist()]
        columns = [part[rows] + span for span in spans for part in parts]
        return list(zip(*columns, strict=True))


def _rolling_sum(values: np.ndarray, width: int) -> np.ndarray:
    out = np.full(values.shape, np.nan)
    if values.shape[1] < width:
        return out
    csum = np.cumsum(np.nan_to_num(values), axis=1)
    gaps = np.cumsum(np.isnan(values), axis=1)
    total = csum[:, width - 1 :] - np.concatenate(
        [np.zeros((values.shape[0], 1)), csum[:, :-width]], axis=1
    )
    missing = gaps[:, width - 1 :] - np.concatenate(
        [np.zeros((values.shape[0], 1)), gaps[:, :-width]], axis=1
    )
    out[:, width - 1 :] = np.where(missing > 0, np.nan, total)
    return out


def build_panels(figures: Figures) -> tuple[Panel, Panel]:
    """The count panel (every stored count series) and the ratio panel of a project."""
    catalogue = figures.catalogue
    count_rows = [i for i, (m, _) in enumerate(figures.keys) if catalogue[m].kind is Kind.COUNT]
    counts = Panel(
        keys=[figures.keys[i] for i in count_rows],
        measures=[catalogue[figures.keys[i][0]] for i in count_rows],
        num=figures.values[count_rows],
        den=None,
        first=figures.first,
    )
    keys, measures, num_rows, den_rows = [], [], [], []
    for ratio in catalogue.ratios:
        assert ratio.numerator is not None and ratio.denominator is not None
        for area in figures.areas:
            if figures.has(ratio.numerator, area.name) and figures.has(
                ratio.denominator, area.name
            ):
                keys.append((ratio.id, area.name))
                measures.append(ratio)
                num_rows.append(figures.row(ratio.numerator, area.name))
                den_rows.append(figures.row(ratio.denominator, area.name))
    width = figures.values.shape[1]
    ratios = Panel(
        keys=keys,
        measures=measures,
        num=figures.values[num_rows] if num_rows else np.zeros((0, width)),
        den=figures.values[den_rows] if den_rows else np.zeros((0, width)),
        first=figures.first,
    )
    return counts, ratios
