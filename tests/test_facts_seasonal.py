"""Seasonality-aware benchmarks: the seasonal pattern, the XmR chart and the averages.

A series with a flat trend and a strong winter dip must not be called a significant fall
every winter; a month that rose on both the month before and the same month a year ago is
never a significant fall, whatever the figures.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrator import months
from narrator.errors import ProjectError
from narrator.facts import compute_facts
from narrator.facts.seasonal import estimate
from narrator.settings import Settings
from tests.test_facts_engine import FORCE, PEERS, figures

#: A long winter trough: September to March below the annual mean.
SEASON = np.array([0.72, 0.75, 0.85, 1.05, 1.25, 1.40, 1.45, 1.35, 0.93, 0.90, 0.80, 0.74])
START = "2015-01"
REPORT = "2020-03"  # the seventh month in a row below the average, and up on Feb and Mar 2019


def seasonal_counts(seed: int = 7, level: float = 800.0) -> list[float]:
    """Six years of a flat, strongly seasonal count (2015-01 .. 2020-12)."""
    rng = np.random.default_rng(seed)
    return [float(rng.poisson(level * SEASON[m % 12])) for m in range(72)]


def facts_of(values: list[float], month: str, **overrides: object):  # type: ignore[no-untyped-def]
    found = figures({("crimes", FORCE): values}, START)
    return compute_facts(found, month, replace(Settings(), **overrides))  # type: ignore[arg-type]


def test_the_pattern_of_a_seasonal_series_is_found() -> None:
    values = np.array([seasonal_counts()])
    season = estimate(values, months.parse(START), 60, Settings(), additive=False)
    assert season.seasonal.tolist() == [True]
    assert season.p[0] < 1e-6
    # Each month's factor is close to the true one (normalised to average 1).
    np.testing.assert_allclose(season.factors[0], SEASON / SEASON.mean(), rtol=0.06)


def test_noise_has_no_pattern() -> None:
    rng = np.random.default_rng(3)
    values = rng.poisson(500, size=(200, 72)).astype(float)
    season = estimate(values, months.parse(START), 60, Settings(), additive=False)
    # The test is at the 1% level: about two series in 200 are flagged by chance.
    assert season.seasonal.sum() <= 6
    assert np.all(season.factors[~season.seasonal] == 1.0)


def test_too_little_history_is_not_adjusted() -> None:
    values = np.array([seasonal_counts()])
    season = estimate(values, months.parse(START), 35, Settings(), additive=False)
    assert not season.seasonal.any()


def test_a_seasonal_low_is_not_a_significant_fall() -> None:
    values = seasonal_counts()
    t = months.parse(REPORT) - months.parse(START)
    assert values[t] > values[t - 1] and values[t] > values[t - 12]
    blind = facts_of(values, REPORT, seasonal="never")
    aware = facts_of(values, REPORT)
    for facts in (blind, aware):
        signal = facts.get("xmr.signal", "crimes", FORCE)
        assert signal is not None
        assert not (signal.significant and signal.direction == "down")
    signal = aware.get("xmr.signal", "crimes", FORCE)
    assert signal is not None and signal.detail["seasonal"] is True
    # The centre line is what the season makes of the average: well below the plain mean.
    assert signal.reference < 0.9 * np.mean(values[t - 24 : t])
    for average in aware.all("change.average", "crimes", FORCE):
        assert average.detail["seasonal"] is True
        assert not average.significant, average


def test_the_plain_average_calls_the_same_month_a_significant_fall() -> None:
    """What the seasonal comparison corrects: the plain averages say "significantly lower"."""
    facts = facts_of(seasonal_counts(), REPORT, seasonal="never")
    averages = facts.all("change.average", "crimes", FORCE)
    assert averages and all(a.significant and a.direction == "down" for a in averages)


def test_a_real_drop_in_a_seasonal_series_is_still_a_signal() -> None:
    values = seasonal_counts()
    t = months.parse(REPORT) - months.parse(START)
    values[t] = round(values[t] * 0.6)
    signal = facts_of(values, REPORT).get("xmr.signal", "crimes", FORCE)
    assert signal is not None and signal.significant and signal.direction == "down"


def test_always_and_never() -> None:
    rng = np.random.default_rng(5)
    flat = [float(rng.poisson(300)) for _ in range(72)]
    auto = facts_of(flat, REPORT).get("xmr.signal", "crimes", FORCE)
    always = facts_of(flat, REPORT, seasonal="always").get("xmr.signal", "crimes", FORCE)
    assert auto is not None and always is not None
    assert auto.detail["seasonal"] is False and always.detail["seasonal"] is True
    never = facts_of(seasonal_counts(), REPORT, seasonal="never")
    signal = never.get("xmr.signal", "crimes", FORCE)
    assert signal is not None and signal.detail["seasonal"] is False


def test_the_setting_is_checked() -> None:
    settings_ = Settings().with_overrides({"seasonal": "always", "seasonal_years": 3}, "x")
    assert (settings_.seasonal, settings_.seasonal_years) == ("always", 3)
    with pytest.raises(ProjectError, match='seasonal must be one of "auto", "always", "never"'):
        Settings().with_overrides({"seasonal": "sometimes"}, "narrator.toml")
    with pytest.raises(ProjectError, match="seasonal_years must be a whole number of years"):
        Settings().with_overrides({"seasonal_years": 1}, "narrator.toml")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    level=st.floats(3, 3000),
    amplitude=st.floats(0, 0.6),
    month=st.integers(36, 71),
    mode=st.sampled_from(["auto", "always", "never"]),
)
def test_a_month_up_on_the_month_and_the_year_is_never_a_significant_fall(
    seed: int, level: float, amplitude: float, month: int, mode: str
) -> None:
    rng = np.random.default_rng(seed)
    shape = 1 + amplitude * np.sin(2 * np.pi * np.arange(72) / 12)
    values = [float(v) for v in rng.poisson(level * shape)]
    facts = facts_of(values, months.iso(months.parse(START) + month), seasonal=mode)
    signal = facts.get("xmr.signal", "crimes", FORCE)
    if signal is None or not signal.significant:
        return
    rose = values[month] > values[month - 1] and values[month] > values[month - 12]
    fell = values[month] < values[month - 1] and values[month] < values[month - 12]
    assert not (signal.direction == "down" and rose)
    assert not (signal.direction == "up" and fell)


def test_a_rate_is_adjusted_in_points() -> None:
    rng = np.random.default_rng(11)
    crimes = [float(rng.poisson(20000)) for _ in range(72)]
    points = 4 * np.sin(2 * np.pi * np.arange(72) / 12)
    outcomes = [
        float(rng.binomial(int(c), (20 + p) / 100)) for c, p in zip(crimes, points, strict=True)
    ]
    found = figures({("crimes", FORCE): crimes, ("outcomes", FORCE): outcomes}, START)
    facts = compute_facts(found, "2020-06", Settings())
    signal = facts.get("xmr.signal", "rate", FORCE)
    assert signal is not None and signal.detail["seasonal"] is True
    rates = np.array(outcomes) / np.array(crimes) * 100
    season = estimate(rates[None, :], months.parse(START), 65, Settings(), additive=True)
    assert season.additive and season.seasonal[0]
    np.testing.assert_allclose(
        season.factors[0], 4 * np.sin(2 * np.pi * np.arange(12) / 12), atol=0.6
    )


def test_a_rate_held_to_its_season_stays_a_percentage() -> None:
    """A district whose rate is 100% nearly every month: the season adds points to the
    average it is held to, which must stay within 0 to 100 (hypothesis found 101.6%)."""
    n = 40
    series: dict[tuple[str, str], list[float | None]] = {}
    for name in ("crimes", "outcomes", "incidents", "immediate", "prompt"):
        for district in PEERS:
            series[(name, district)] = [1] * n if name in ("crimes", "outcomes") else [0] * n
    series[("outcomes", "D4")][16] = 0  # two months below 100% make a season
    series[("outcomes", "D4")][28] = 0
    for name in ("crimes", "outcomes", "incidents", "immediate", "prompt"):
        rows = [series[(name, d)] for d in PEERS]
        series[(name, FORCE)] = [sum(r[i] or 0 for r in rows) for i in range(n)]
    first = months.parse("2014-01")
    fig = figures(series, months.iso(first), districts=PEERS)
    seen = 0
    for column in range(24, n):
        for fact in compute_facts(fig, first + column):
            if fact.measure == "rate" and fact.detail.get("seasonal") is not None:
                seen += 1
                assert fact.reference is None or 0 <= fact.reference <= 100, fact.id
    assert seen
