"""What every fact computation needs: the panel, the reporting column and the settings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from narrator import months
from narrator.facts.builder import FactBuilder
from narrator.facts.panel import Cells, Panel
from narrator.facts.seasonal import Season, estimate
from narrator.settings import Settings


@dataclass
class Context:
    """One panel at one reporting month: column ``t`` is the reporting month."""

    panel: Panel
    builder: FactBuilder
    t: int
    settings: Settings

    @cached_property
    def season(self) -> Season:
        """The seasonal pattern of every series, from the months before the reporting one."""
        return estimate(
            self.panel.month_values(),
            self.panel.first,
            self.t,
            self.settings,
            additive=self.panel.is_ratio,
        )

    @property
    def month(self) -> int:
        """The reporting month as a month number."""
        return self.panel.first + self.t

    @property
    def fy(self) -> int:
        """Column of the first month (April) of the current financial year."""
        return months.fy_start(self.month) - self.panel.first

    def iso(self, column: int) -> str:
        """``YYYY-MM`` of a column."""
        return months.iso(self.panel.first + column)

    def iso_array(self, columns: np.ndarray) -> np.ndarray:
        """``YYYY-MM`` of many columns at once; "" for a negative column (before the data)."""
        table = np.array(
            [months.iso(self.panel.first + c) for c in range(self.panel.num.shape[1])] + [""],
            dtype=object,
        )
        return table[np.where(columns >= 0, columns, -1)]

    def rolling_label(self, column: int) -> str:
        """Period label of the rolling 12 months ending at a column."""
        return f"R12:{self.iso(column)}"

    def cells(self, start: int, end: int) -> Cells:
        """Source cells of a window, for any row."""
        return Cells(self.panel, ((start, end),))

    def cells2(self, window: tuple[int, int], other: tuple[int, int]) -> Cells:
        """Source cells of a value and its reference."""
        return Cells(self.panel, (window, other))

    def test(
        self, window: tuple[int, int], reference: np.ndarray
    ) -> tuple[np.ndarray, dict[str, np.ndarray], str]:
        """Significance of the window's value against a reference, and the method's name."""
        num, den = self.panel.parts(*window)
        significant, statistic = self.panel.significance(
            num, den, reference, self.settings.confidence
        )
        level = round(100 * self.settings.confidence)
        method = f"wilson-{level}" if self.panel.is_ratio else f"poisson-sqrt-{level}"
        return significant, statistic, method
