"""The statistical settings: one object, shared by the command line, the API and the engine.

The fields are also the keys of ``[benchmarks]`` in ``narrator.toml``: each is declared with
its meaning and its range (:func:`narrator.schema.keys.key`), which the loader enforces and
the reference (docs/reference/narrator-toml.md) prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

from narrator.schema.keys import key
from narrator.schema.validate import build


@dataclass(frozen=True)
class Settings:
    """Methods and thresholds of the fact engine; defaults follow DESIGN.md."""

    confidence: float = key(
        0.95,
        doc="Confidence of the Wilson interval and of the Poisson test (two-sided).",
        low=0,
        high=1,
        open_range=True,
        expect="a number between 0 and 1, exclusive (0.95 for 95%)",
    )
    long_term_years: int = key(
        3,
        doc="Financial years before the current one that make the long-term benchmark.",
        low=1,
        high=20,
        unit="years",
    )
    history_years: int = key(
        2,
        doc="The same month in each of this many previous years (month-on-year comparisons).",
        low=1,
        high=20,
        unit="years",
    )
    xmr_baseline: int = key(
        24,
        doc="Months of the XmR baseline window (ending the month before the reporting month).",
        low=2,
        high=240,
        unit="months",
    )
    xmr_run: int = key(
        7,
        doc="Run length, in months, of an XmR shift or trend signal.",
        low=2,
        high=60,
        unit="months",
    )
    outlier_z: float = key(
        3.0,
        doc="Robust z-score beyond which a peer area is an outlier.",
        low=0,
        high=100,
        open_range=True,
    )
    trend_months: int = key(
        36,
        doc="Months of monthly values the long-term trend is fitted over.",
        low=3,
        high=600,
        unit="months",
    )
    trend_alpha: float = key(
        0.05,
        doc="Significance level of the long-term trend's slope.",
        low=0,
        high=1,
        open_range=True,
        expect="a number between 0 and 1, exclusive (0.05 for 5%)",
    )
    seasonal: Literal["auto", "always", "never"] = key(
        "auto",
        doc="When single-month benchmarks (XmR, the month against the one and three year "
        'averages) allow for the season: "auto" where a seasonal pattern is found, "always" '
        'wherever there are three years of history, "never" (docs/design-seasonality.md).',
    )
    seasonal_years: int = key(
        4,
        doc="Years of history before the reporting month the seasonal pattern is estimated from.",
        low=2,
        high=20,
        unit="years",
    )

    def with_overrides(self, data: Mapping[str, Any], source: str) -> Settings:
        """A copy with a ``[benchmarks]`` table's keys applied, checked by name, type and range."""
        checked = build(data, Settings, source, ("benchmarks",))
        given = {f.name: getattr(checked, f.name) for f in fields(self) if f.name in data}
        return replace(self, **given)
