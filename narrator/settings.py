"""The statistical settings: one object, shared by the command line, the API and the engine."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
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
    #: When single-month benchmarks (XmR, the month against the one and three year
    #: averages) allow for the season: "auto" where a seasonal pattern is found, "always"
    #: wherever there are three years of history, "never" (see docs/design-seasonality.md).
    seasonal: str = "auto"
    #: Years of history (before the reporting month) the seasonal pattern is estimated from.
    seasonal_years: int = 4

    def with_overrides(self, data: Mapping[str, Any], source: str) -> Settings:
        """A copy with a ``[benchmarks]`` table's keys applied, checked by name, type and range."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                raise ProjectError(
                    f"{source}: [benchmarks] has an unknown key {key!r} "
                    f"(expected one of {sorted(known)})"
                )
            if key in _CHOICES:
                if value not in _CHOICES[key]:
                    wanted = " or ".join(repr(c) for c in _CHOICES[key])
                    raise ProjectError(
                        f"{source}: [benchmarks] {key} must be {wanted}, got {value!r}"
                    )
                changes[key] = value
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ProjectError(f"{source}: [benchmarks] {key} must be a number, got {value!r}")
            in_range, wanted = _RANGES[key]
            whole = isinstance(getattr(self, key), int)
            number = float(value)
            fits = math.isfinite(number) and (number.is_integer() or not whole)
            if not (fits and in_range(number)):
                raise ProjectError(f"{source}: [benchmarks] {key} must be {wanted}, got {value!r}")
            changes[key] = int(number) if whole else number
        return replace(self, **changes)


#: Each setting's range, and how a message says it. Whole-number settings take 3 or 3.0.
_RANGES: Mapping[str, tuple[Callable[[float], bool], str]] = {
    "confidence": (lambda x: 0 < x < 1, "between 0 and 1, exclusive (0.95 for 95%)"),
    "long_term_years": (lambda x: x >= 1, "a whole number of years, 1 or more"),
    "history_years": (lambda x: x >= 1, "a whole number of years, 1 or more"),
    "xmr_baseline": (lambda x: x >= 2, "a whole number of months, 2 or more"),
    "xmr_run": (lambda x: x >= 2, "a whole number of months, 2 or more"),
    "outlier_z": (lambda x: x > 0, "a number above 0"),
    "trend_months": (lambda x: x >= 3, "a whole number of months, 3 or more"),
    "trend_alpha": (lambda x: 0 < x < 1, "between 0 and 1, exclusive (0.05 for 5%)"),
    "seasonal_years": (lambda x: x >= 2, "a whole number of years, 2 or more"),
}
#: Settings that take one of a few words rather than a number.
_CHOICES: Mapping[str, tuple[str, ...]] = {"seasonal": ("auto", "always", "never")}
