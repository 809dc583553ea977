"""Seasonality: which series have a seasonal pattern, and that pattern, month by month.

A benchmark of single months (an XmR chart, a month against the average of the last one or
three years) is blind to the season: a series with a flat trend but a winter dip sits below
its average every winter, and "the seventh month in a row below the average" would be called
a significant fall in a month that rose on the month before and on the same month a year
ago. Such benchmarks compare like with like instead: the month against what the season makes
of the average (the average times the month's seasonal factor), and the XmR chart on the
seasonally adjusted series.

The method is classical decomposition, vectorised over every series of a panel:

1. History: the months before the reporting month, at most ``seasonal_years + 1`` years of
   them (at least three years, or the series is not adjusted).
2. Trend: the centred 2x12 moving average of the history.
3. Seasonal ratios: each month's value over its moving average (counts, whose seasonal swing
   grows with their level) or minus it (rates, in percentage points).
4. Test: a one-way analysis of variance of the ratios grouped by calendar month; the series
   is seasonal when the groups differ at the 1% level (F test, ``SEASONAL_ALPHA``).
5. Factors: the median ratio of each calendar month (one unusual year, such as a lockdown,
   does not move it), normalised to average 1 (or 0).

``[benchmarks] seasonal`` chooses when the factors are used: "auto" (the default) where the
test finds a pattern, "always" wherever there is enough history, "never" for no adjustment.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from narrator.facts import stats
from narrator.settings import Settings

#: Significance level of the test for a seasonal pattern ("auto" adjusts only below it).
SEASONAL_ALPHA = 0.01
#: Months of history needed at least: two full years of seasonal ratios once the centred
#: moving average has taken six months at each end.
MIN_HISTORY = 36


@dataclass(frozen=True)
class Season:
    """The seasonal pattern of each series of a panel, as of one reporting month.

    ``factors[row, k]`` is the factor of calendar month ``k`` (0 for January): multiplied
    (counts) or added (rates, ``additive``). Rows that are not adjusted have factor 1 (or 0)
    everywhere, so :meth:`adjust` and :meth:`expected` leave them as they are.
    """

    factors: np.ndarray
    seasonal: np.ndarray
    p: np.ndarray
    additive: bool
    first: int

    def calendar(self, columns: np.ndarray | int) -> np.ndarray:
        """The calendar month (0 for January) of panel columns."""
        return (self.first + np.asarray(columns)) % 12

    def factor(self, column: int) -> np.ndarray:
        """Each row's factor for the month of one column."""
        factor: np.ndarray = self.factors[:, int(self.calendar(column))]
        return factor

    def adjust(self, values: np.ndarray, start: int) -> np.ndarray:
        """Seasonally adjusted values of columns ``start..start + width - 1``."""
        columns = self.calendar(np.arange(start, start + values.shape[1]))
        factors = self.factors[:, columns]
        if self.additive:
            adjusted: np.ndarray = values - factors
            return adjusted
        with np.errstate(invalid="ignore", divide="ignore"):
            divided: np.ndarray = values / factors
        return divided

    def expected(self, level: np.ndarray, column: int) -> np.ndarray:
        """What the season makes of a deseasonalised level in the month of ``column``."""
        factor = self.factor(column)
        if self.additive:
            # A rate is a percentage: the season moves it by points, never out of 0 to 100
            # (a district whose rate was 100% all year is not expected at 101.6%).
            added: np.ndarray = np.clip(level + factor, 0.0, 100.0)
            return added
        result: np.ndarray = level * factor
        return result


def estimate(
    values: np.ndarray, first: int, t: int, settings: Settings, *, additive: bool
) -> Season:
    """The seasonal pattern of each row of ``values`` from the months before column ``t``."""
    rows = values.shape[0]
    neutral = np.zeros((rows, 12)) if additive else np.ones((rows, 12))
    none = Season(neutral, np.zeros(rows, dtype=bool), np.full(rows, np.nan), additive, first)
    start = max(0, t - 12 * (settings.seasonal_years + 1))
    history = values[:, start:t]
    if settings.seasonal == "never" or history.shape[1] < MIN_HISTORY or rows == 0:
        return none
    trend = _centred_average(history)
    core = history[:, 6 : history.shape[1] - 6]
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = core - trend if additive else core / trend
    usable = np.isfinite(ratio).all(axis=1)
    if not additive:
        usable &= (trend > 0).all(axis=1)
    ratio = np.where(usable[:, None], ratio, 0.0)
    calendar = (first + start + 6 + np.arange(core.shape[1])) % 12
    groups = (calendar[:, None] == np.arange(12)).astype(float)  # (months, 12)
    sizes = groups.sum(axis=0)
    means = (ratio @ groups) / sizes
    grand = ratio.mean(axis=1)
    between = (sizes * (means - grand[:, None]) ** 2).sum(axis=1)
    within = ((ratio - means[:, calendar]) ** 2).sum(axis=1)
    dfn, dfd = 11.0, float(core.shape[1] - 12)
    with np.errstate(invalid="ignore", divide="ignore"):
        f = (between / dfn) / (within / dfd)
    p = np.where(usable, stats.f_sf(f, dfn, dfd), np.nan)
    medians = np.stack([np.median(ratio[:, calendar == k], axis=1) for k in range(12)], axis=1)
    if additive:
        factors = medians - medians.mean(axis=1, keepdims=True)
    else:
        with np.errstate(invalid="ignore", divide="ignore"):
            factors = medians / medians.mean(axis=1, keepdims=True)
    # A multiplicative factor of 0 (a month that is nearly always empty) cannot be divided
    # by: such a series is left as it is.
    fit = usable & np.isfinite(factors).all(axis=1)
    if not additive:
        fit &= (factors > 0).all(axis=1)
    if settings.seasonal == "always":
        seasonal = fit
    else:
        with np.errstate(invalid="ignore"):
            seasonal = fit & (p < SEASONAL_ALPHA)
    factors = np.where(seasonal[:, None], factors, neutral)
    return Season(factors, seasonal, p, additive, first)


def _centred_average(values: np.ndarray) -> np.ndarray:
    """The centred 2x12 moving average: entry ``i`` is centred on column ``i + 6``."""
    width = values.shape[1]
    csum = np.concatenate([np.zeros((values.shape[0], 1)), np.cumsum(values, axis=1)], axis=1)
    # Sum of columns i..i+11 for every i; the 2x12 average is the mean of two of them.
    twelve = csum[:, 12:] - csum[:, :-12]
    centred: np.ndarray = (twelve[:, : width - 12] + twelve[:, 1 : width - 11]) / 24
    return centred
