"""Statistical tests, vectorised over many series at once.

The defaults follow DESIGN.md: Wilson score intervals for rates, the square-root
(variance-stabilised) Poisson test for counts, XmR control limits for monthly series, robust
z-scores for outliers and an ordinary least-squares slope for long-term trends.

The two distributions they need are computed here, not imported from scipy: importing
``scipy.special`` took 0.4 s, a quarter of a whole ``narrator draft``. The normal quantile
comes from a table of the usual confidence levels; Student's t distribution from the
regularised incomplete beta function (``tests/test_stats.py`` checks both against scipy).
"""

from __future__ import annotations

import math
import sys
import warnings

import numpy as np

#: XmR: the natural process limits are the mean +/- 2.66 x the mean moving range.
XMR_FACTOR = 2.66
#: Scales the median absolute deviation to a standard deviation for normal data.
MAD_SCALE = 0.6745


#: The critical values of the usual confidence levels, to the last bit as
#: ``scipy.special.ndtri(0.5 + confidence / 2)`` gives them (a test checks each). Not the
#: standard library's ``NormalDist().inv_cdf``: it differs in the last place at half of
#: these levels, and a Wilson bound that is exactly 0 in theory (no successes) comes out a
#: rounding error above or below 0, which decides whether a 0% rate differs from a 0%
#: reference; the facts must not change with where the quantile comes from.
_Z_CRITICAL: dict[float, float] = {
    0.8: 1.2815515655446004,
    0.85: 1.4395314709384563,
    0.9: 1.6448536269514722,
    0.95: 1.959963984540054,
    0.975: 2.241402727604947,
    0.98: 2.3263478740408408,
    0.99: 2.5758293035489004,
    0.995: 2.807033768343811,
    0.999: 3.2905267314919255,
}
#: The incomplete beta continued fraction has converged when a step changes it by less than
#: this: two units in the last place of 1.
_CF_EPS = 2 * sys.float_info.epsilon
#: A bound on its steps, never reached: from 0.1 to a million degrees of freedom and for any
#: t, it converges in at most about 50.
_CF_MAX_STEPS = 300
#: Keeps the modified Lentz recurrence away from division by zero.
_CF_TINY = 1e-300


def z_critical(confidence: float) -> float:
    """Two-sided critical value of the normal distribution (1.96 for 95%)."""
    known = _Z_CRITICAL.get(confidence)
    if known is not None:
        return known
    # An unusual level: scipy's quantile, imported only now because importing
    # scipy.special costs a draft 0.4 s.
    from scipy.special import ndtri

    return float(ndtri(0.5 + confidence / 2))


def student_t_cdf(t: np.ndarray, dof: float) -> np.ndarray:
    """P(T <= t) for Student's t distribution with ``dof`` degrees of freedom, elementwise.

    Through the regularised incomplete beta function, P(T <= -|t|) = I_x(dof/2, 1/2) / 2
    with x = dof / (dof + t^2), which keeps full relative accuracy in the far tails. NaN
    for a NaN ``t`` or ``dof <= 0``; ``t = -inf`` gives 0 and ``t = +inf`` gives 1.
    """
    given = np.asarray(t, dtype=float)
    if not dof > 0:
        return np.full(given.shape, np.nan)
    t = given.reshape(-1)  # boolean selections below need at least one dimension
    square = t * t
    with np.errstate(invalid="ignore", over="ignore"):
        # x and 1 - x each computed directly: neither loses digits when the other is tiny.
        x = dof / (dof + square)
        y = square / (dof + square)
    # t = +-inf: x = 0 exactly; y is inf/inf (NaN) and is 1.
    y = np.where(np.isinf(square), 1.0, y)
    lower = 0.5 * _betainc(dof / 2, 0.5, x, y)
    result: np.ndarray = np.where(t > 0, 1.0 - lower, lower).reshape(given.shape)
    return result


def f_sf(f: np.ndarray, dfn: float, dfd: float) -> np.ndarray:
    """P(F > f) for Fisher's F distribution with ``dfn`` and ``dfd`` degrees of freedom.

    Through the regularised incomplete beta function, P(F > f) = I_x(dfd/2, dfn/2) with
    x = dfd / (dfd + dfn f). NaN for a NaN ``f``; 1 for ``f <= 0``; 0 for ``f = inf``.
    """
    given = np.asarray(f, dtype=float)
    if not (dfn > 0 and dfd > 0):
        return np.full(given.shape, np.nan)
    value = np.clip(given.reshape(-1), 0.0, None)
    scaled = dfn * value
    with np.errstate(invalid="ignore", over="ignore"):
        x = dfd / (dfd + scaled)
        y = scaled / (dfd + scaled)
    y = np.where(np.isinf(scaled), 1.0, y)
    x = np.where(np.isinf(scaled), 0.0, x)
    result: np.ndarray = _betainc(dfd / 2, dfn / 2, x, y).reshape(given.shape)
    return result


def _betainc(a: float, b: float, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Regularised incomplete beta I_x(a, b) for arrays ``x`` and ``y = 1 - x``.

    The continued fraction of Numerical Recipes (section 6.4), evaluated by the modified
    Lentz method; it converges quickly for x < (a + 1) / (a + b + 2), and the symmetry
    I_x(a, b) = 1 - I_{1-x}(b, a) covers the rest.
    """
    direct = x < (a + 1) / (a + b + 2)
    result = np.full(x.shape, np.nan)
    if direct.any():
        result[direct] = _beta_fraction(a, b, x[direct], y[direct])
    swapped = ~direct & ~np.isnan(x)
    if swapped.any():
        result[swapped] = 1.0 - _beta_fraction(b, a, y[swapped], x[swapped])
    return result


def _beta_fraction(a: float, b: float, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """I_x(a, b) as x^a y^b / (a B(a, b)) times its continued fraction (y = 1 - x).

    For x < (a + 1) / (a + b + 2), where the fraction converges quickly.
    """
    log_beta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    with np.errstate(divide="ignore"):
        # x = 0 (an infinite t) makes the front factor exactly 0.
        front = np.exp(a * np.log(x) + b * np.log(y) - log_beta) / a
    c = np.ones_like(x)
    d = _away_from_zero(1.0 - (a + b) * x / (a + 1))
    d = 1.0 / d
    h = d.copy()
    pending = np.ones(x.shape, dtype=bool)
    for m in range(1, _CF_MAX_STEPS + 1):
        # Each step applies the even then the odd term of the fraction; elements that have
        # converged keep their value so later terms cannot perturb them.
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((a + m2 - 1) * (a + m2)),
            -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1)),
        ):
            d = 1.0 / _away_from_zero(1.0 + numerator * d)
            c = _away_from_zero(1.0 + numerator / c)
            step = d * c
            h = np.where(pending, h * step, h)
        pending &= np.abs(step - 1.0) >= _CF_EPS
        if not pending.any():
            break
    result: np.ndarray = front * h
    return result


def _away_from_zero(values: np.ndarray) -> np.ndarray:
    """``values`` with any magnitude below :data:`_CF_TINY` replaced by it (Lentz's guard)."""
    result: np.ndarray = np.where(np.abs(values) < _CF_TINY, _CF_TINY, values)
    return result


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
    # With no successes (or no failures) the interval ends at 0% (or 100%) exactly; the
    # formula gets there only to a rounding error either side, which would decide whether
    # a 0% rate differs "significantly" from a 0% reference.
    k = np.asarray(successes, dtype=float)
    lo = np.where(k == 0, 0.0, lo)
    hi = np.where(k == n, 100.0, hi)
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
    p = 2 * student_t_cdf(-np.abs(t), dof)
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
