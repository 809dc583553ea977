"""The statistical settings: one object, shared by the command line, the API and the engine."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from narrator.errors import ProjectError


@dataclass(frozen=True)
class Settings:
    """Methods and thresholds of the fact engine; defaults follow DESIGN.md."""

    #: Confidence of the Wilson interval and of the Poisson test (two-sided).
    confidence: float = 0.95
    #: Financial years before the current one that make the long-term benchmark.
    long_term_years: int = 3
    #: Same month in each of this many previous years.
    history_years: int = 2
    #: Months of the XmR baseline window (ending the month before the reporting month).
    xmr_baseline: int = 24
    #: Run length of an XmR shift or trend signal.
    xmr_run: int = 7
    #: Robust z-score beyond which a peer area is an outlier.
    outlier_z: float = 3.0
    #: Months of monthly values the long-term trend is fitted over.
    trend_months: int = 36
    #: Significance level of the long-term trend's slope.
    trend_alpha: float = 0.05

    def with_overrides(self, data: Mapping[str, Any], source: str) -> Settings:
        """A copy with the keys of a ``[benchmarks]`` table applied, checked by name and type."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                raise ProjectError(
                    f"{source}: [benchmarks] has an unknown key {key!r} "
                    f"(expected one of {sorted(known)})"
                )
            default = getattr(self, key)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ProjectError(f"{source}: [benchmarks] {key} must be a number, got {value!r}")
            changes[key] = type(default)(value)
        return replace(self, **changes)
