"""Statistical tests, vectorised over many series at once.

The defaults follow DESIGN.md: Wilson score intervals for rates, the square-root
(variance-stabilised) Poisson test for counts, XmR control limits for monthly series, robust
z-scores for outliers and an ordinary least-squares slope for long-term trends.
"""

from __future__ import annotations

import warnings

import numpy as np

# scipy.special, not scipy.stats: the same distributions at a tenth of the import time.
from scipy.special import ndtri, stdtr

#: XmR: the natural process limits are the mean +/- 2.66 x the mean moving range.
XMR_FACTOR = 2.66
#: Scales the median absolute deviation to a standard deviation for normal data.
MAD_SCALE = 0.6745


def z_critical(confidence: float) -> float:
    """Two-sided critical value of the normal distribution (1.96 for 95%)."""
    return float(ndtri(0.5 + confidence / 2))


def wilson_interval(
    successes: np.ndarray, trials: np.ndarray, confidence: float
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a proportion, in per cent; NaN where there are no trials."""
    z = z_critical(confidence)
    n = np.asarray(trials, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.asarray(successes, dtype=float) / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    bad = ~(n > 0)
    lo, hi = 100 * (centre - half), 100 * (centre + half)
    lo[bad] = np.nan
    hi[bad] = np.nan
    return lo, hi


def poisson_z(current: np.ndarray, baseline: np.ndarray) -> np.ndarray:
    """z = 2 (sqrt(current) - sqrt(baseline)); |z| > 1.96 is significant at 95%."""
    with np.errstate(invalid="ignore"):
        z: np.ndarray = 2.0 * (
            np.sqrt(np.asarray(current, float)) - np.sqrt(np.asarray(baseline, float))
        )
    return z


def robust_z(values: np.ndarray, axis: int = -1) -> np.ndarray:
    """0.6745 (x - median) / MAD along ``axis``, ignoring NaN; NaN where the MAD is zero."""
    # Peers without data are NaN throughout: an all-NaN slice is expected, not a fault.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        median = np.nanmedian(values, axis=axis, keepdims=True)
        mad = np.nanmedian(np.abs(values - median), axis=axis, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = MAD_SCALE * (values - median) / mad
    return np.where(mad > 0, z, np.nan)


def trend(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """OLS slope per step, its two-sided p-value and the mean, for each row of ``values``.

    Rows with a missing value get NaN; the fit is closed-form so thousands of series cost
    one pass of array arithmetic.
    """
    y = np.asarray(values, dtype=float)
    n = y.shape[1]
    x = np.arange(n, dtype=float) - (n - 1) / 2
    mean = y.mean(axis=1)
    sxx = float((x * x).sum())
    slope = ((y - mean[:, None]) * x).sum(axis=1) / sxx
    resid = y - mean[:, None] - slope[:, None] * x
    dof = n - 2
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.sqrt((resid * resid).sum(axis=1) / dof / sxx)
        t = slope / se
    p = 2 * stdtr(dof, -np.abs(t))
    # A perfectly straight non-flat line has se = 0: as significant as it gets.
    p = np.where((se == 0) & (slope != 0), 0.0, p)
    return slope, p, mean


def xmr_limits(baseline: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Centre line and natural process limits of each row's baseline window."""
    centre = baseline.mean(axis=1)
    moving_range = np.abs(np.diff(baseline, axis=1)).mean(axis=1)
    return centre, centre - XMR_FACTOR * moving_range, centre + XMR_FACTOR * moving_range


def run_length(flags: np.ndarray) -> np.ndarray:
    """Length of the run of True values ending at the last column, for each row."""
    # Position of the last False; the run is everything after it.
    n = flags.shape[1]
    reversed_false = ~flags[:, ::-1]
    first_false = np.where(reversed_false.any(axis=1), reversed_false.argmax(axis=1), n)
    result: np.ndarray = first_false.astype(int)
    return result
