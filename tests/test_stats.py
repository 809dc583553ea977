"""The statistics of :mod:`narrator.facts.stats` against scipy, which the draft no longer imports.

scipy stays the reference: the normal quantiles of the table must be scipy's to the last bit
(the facts depend on it), and Student's t distribution must agree with ``scipy.special.stdtr``
to 1e-10 (relative) wherever scipy is itself accurate, and with closed forms everywhere.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.special import ndtri, stdtr

from narrator.facts import stats

#: Degrees of freedom tried: every whole number a trend of up to ten years of months has,
#: fractions, and far beyond.
DOFS = [*range(1, 121), 0.1, 0.5, 1.5, 2.5, 7.7, 33.3, 150.0, 238.0, 500.0, 1000.0, 1e4]
#: t from 1e-3 to 1e3 on both sides, zero, and a fine linear grid where p-values matter.
T_GRID = np.concatenate(
    [-np.logspace(-3, 3, 241), [0.0], np.logspace(-3, 3, 241), np.linspace(-12, 12, 481)]
)


@pytest.mark.parametrize("confidence", sorted(stats._Z_CRITICAL))
def test_z_critical_of_the_usual_levels_is_scipys_to_the_last_bit(confidence: float) -> None:
    assert stats.z_critical(confidence) == float(ndtri(0.5 + confidence / 2))


@pytest.mark.parametrize("confidence", [0.5, 0.68, 0.93, 0.9999])
def test_z_critical_of_other_levels_is_scipys(confidence: float) -> None:
    assert stats.z_critical(confidence) == float(ndtri(0.5 + confidence / 2))


def test_z_critical_of_95_percent() -> None:
    assert stats.z_critical(0.95) == pytest.approx(1.959964, abs=1e-6)


@pytest.mark.parametrize("dof", DOFS)
def test_student_t_cdf_agrees_with_scipy(dof: float) -> None:
    expected = stdtr(dof, T_GRID)
    got = stats.student_t_cdf(T_GRID, dof)
    # Below 1e-290 scipy flushes to zero what is a subnormal number here: both are "zero".
    shown = expected > 1e-290
    np.testing.assert_allclose(got[shown], expected[shown], rtol=1e-10, atol=0)
    assert np.all(got[~shown] < 1e-290)


@pytest.mark.parametrize("t", [-1e-8, -1e-5, -0.3, 0.0, 1e-7, 0.9, 5.0, -40.0, 300.0])
def test_student_t_cdf_of_one_and_two_degrees_of_freedom_is_the_closed_form(t: float) -> None:
    # Near t = 0, where p is within 1e-8 of a half, scipy itself is off in the ninth digit
    # with one degree of freedom: the closed forms are the reference there.
    cauchy = 0.5 + math.atan(t) / math.pi
    two = 0.5 + t / (2 * math.sqrt(2 + t * t))
    assert float(stats.student_t_cdf(np.array([t]), 1)[0]) == pytest.approx(cauchy, rel=1e-14)
    assert float(stats.student_t_cdf(np.array([t]), 2)[0]) == pytest.approx(two, rel=1e-14)


def test_student_t_cdf_of_the_far_tail_keeps_its_relative_accuracy() -> None:
    # P(T <= -t) with one degree of freedom is atan(1/t) / pi for t > 0: no absolute
    # error bound would notice a wrong 1e-101.
    t = np.array([1e3, 1e6, 1e12, 1e100])
    np.testing.assert_allclose(
        stats.student_t_cdf(-t, 1), np.arctan(1 / t) / np.pi, rtol=1e-12, atol=0
    )


def test_student_t_cdf_special_values() -> None:
    got = stats.student_t_cdf(np.array([np.nan, np.inf, -np.inf, 0.0]), 5)
    assert np.isnan(got[0])
    assert list(got[1:]) == [1.0, 0.0, 0.5]
    assert np.isnan(stats.student_t_cdf(np.array([1.0, 2.0]), 0)).all()
    assert stats.student_t_cdf(np.float64(-2.0), 5).shape == ()
    assert stats.student_t_cdf(np.empty((0, 3)), 5).shape == (0, 3)


def test_trend_p_values_agree_with_scipy() -> None:
    rng = np.random.default_rng(20191001)
    for months in (3, 12, 36, 60):
        slope = rng.normal(0, 0.3, size=(400, 1))
        values = 100 + slope * np.arange(months) + rng.normal(0, 3, size=(400, months))
        got_slope, got_p, _ = stats.trend(values)
        x = np.arange(months) - (months - 1) / 2
        resid = values - values.mean(axis=1)[:, None] - got_slope[:, None] * x
        se = np.sqrt((resid**2).sum(axis=1) / (months - 2) / (x**2).sum())
        expected = 2 * stdtr(months - 2, -np.abs(got_slope / se))
        np.testing.assert_allclose(got_p, expected, rtol=1e-10, atol=0)
        assert ((got_p < 0.05) == (expected < 0.05)).all()


def test_trend_of_flat_and_perfectly_straight_series() -> None:
    _, p, _ = stats.trend(np.array([[5.0] * 12, [1.0 + 2 * i for i in range(12)]]))
    assert np.isnan(p[0])  # no slope and no scatter: no p-value, never significant
    assert p[1] == 0.0


@given(st.integers(1, 100_000))
def test_wilson_interval_ends_exactly_at_0_and_100(trials: int) -> None:
    """No successes: the interval starts at 0% exactly, so a 0% reference is inside it."""
    lo, _ = stats.wilson_interval(np.array([0.0]), np.array([float(trials)]), 0.95)
    _, hi = stats.wilson_interval(np.array([float(trials)]), np.array([float(trials)]), 0.95)
    assert lo[0] == 0.0
    assert hi[0] == 100.0
