"""The figures held in memory: count series as a (series x month) array, snapshots as a
table, looked up by measure and area."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from narrator import months
from narrator.areas import Areas
from narrator.catalogue import Catalogue
from narrator.errors import Problem


@dataclass
class Figures:
    """Validated figures: count series as a (series x month) array, snapshots as a table."""

    catalogue: Catalogue
    areas: Areas
    first: int
    last: int
    keys: list[tuple[str, str]]
    values: np.ndarray
    snapshots: pd.DataFrame
    warnings: list[Problem] = field(default_factory=list)
    _index: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {key: i for i, key in enumerate(self.keys)}

    @property
    def months(self) -> range:
        """Month numbers covered, first to last."""
        return range(self.first, self.last + 1)

    def has(self, measure: str, area: str) -> bool:
        """True when the figures hold a series for this measure and area."""
        return (measure, area) in self._index

    def row(self, measure: str, area: str) -> int:
        """Row of the series in :attr:`values`."""
        return self._index[(measure, area)]

    def series(self, measure: str, area: str) -> np.ndarray:
        """The monthly values of one count series (NaN where there is a gap)."""
        return np.asarray(self.values[self._index[(measure, area)]])

    def column(self, month: int) -> int:
        """Column of a month in :attr:`values`."""
        return month - self.first

    def check_month(self, month: int) -> None:
        """Raise a clear error when the reporting month is outside the figures."""
        from narrator.errors import MonthError

        if not self.first <= month <= self.last:
            raise MonthError(
                f"{months.iso(month)} is outside the figures, which run from "
                f"{months.iso(self.first)} to {months.iso(self.last)}"
            )
