"""The recent series behind a fact, as a sparkline of block characters.

Block characters read without colour and survive a terminal capture, unlike a coloured
chart. Figures are loaded once, on first use, through :func:`narrator.sources.load_project_figures`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from narrator import months
from narrator.errors import NarratorError
from narrator.figures import Figures
from narrator.project import Project

BARS = "▁▂▃▄▅▆▇█"
#: How many months a sparkline shows, ending with the draft's month.
SPAN = 24


def sparkline(values: Sequence[float]) -> str:
    """One block character per value, lowest to highest; a space for a gap."""
    known = [v for v in values if not math.isnan(v)]
    if not known:
        return " " * len(values)
    low, high = min(known), max(known)
    scale = (len(BARS) - 1) / (high - low) if high > low else 0.0
    return "".join(
        " " if math.isnan(v) else BARS[round((v - low) * scale) if scale else 3] for v in values
    )


class SeriesSource:
    """The monthly series of a project's measures, loaded when first asked for."""

    def __init__(self, project: Project | None) -> None:
        self.project = project
        self._figures: Figures | None = None
        self.problem: str | None = None if project is not None else "no project"

    def figures(self) -> Figures | None:
        """The project's figures, or None when they cannot be loaded (see ``problem``)."""
        if self._figures is None and self.problem is None and self.project is not None:
            from narrator.sources import load_project_figures

            try:
                self._figures = load_project_figures(self.project)
            except NarratorError as exc:
                self.problem = exc.message
        return self._figures

    def recent(self, measure: str, area: str, month: str, *, rolling: bool = False) -> list[float]:
        """Up to :data:`SPAN` months of a measure and area ending at ``month``; [] if none.

        A ratio is its numerator over its denominator, summed over 12 months when
        ``rolling`` (as the rolling rates of the paper are).
        """
        figures = self.figures()
        if figures is None or not months.is_month(month):
            return []
        catalogue = figures.catalogue
        if measure not in catalogue:
            return []
        definition = catalogue[measure]
        end = months.parse(month)
        if not figures.first <= end <= figures.last:
            return []
        if definition.is_ratio:
            num, den = definition.numerator, definition.denominator
            if num is None or den is None:
                return []
            if not (figures.has(num, area) and figures.has(den, area)):
                return []
            top, bottom = figures.series(num, area), figures.series(den, area)
            if rolling:
                top, bottom = _rolling(top), _rolling(bottom)
            with np.errstate(divide="ignore", invalid="ignore"):
                values = np.where(bottom > 0, 100.0 * top / bottom, np.nan)
        elif figures.has(measure, area):
            values = figures.series(measure, area)
            if rolling:
                values = _rolling(values)
        else:
            return []
        stop = figures.column(end) + 1
        return [float(v) for v in values[max(0, stop - SPAN) : stop]]


def _rolling(values: np.ndarray, width: int = 12) -> np.ndarray:
    sums = np.convolve(np.nan_to_num(values), np.ones(width), mode="full")[: len(values)]
    out = sums.astype(float)
    out[: width - 1] = np.nan
    return out
