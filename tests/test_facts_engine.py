"""The fact engine on tiny hand-made series whose answers can be worked out on paper.

Every test builds its figures in memory (``figures_from_table`` with a catalogue and areas
made here), computes the facts of one month and checks the numbers, the method and the
periods of the facts of one kind. The property-based tests at the end check the engine's
invariants over random non-negative figures.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from narrator import months
from narrator.areas import Areas, parse_areas
from narrator.catalogue import Catalogue, parse_catalogue
from narrator.facts import Fact, FactSet, compute_facts
from narrator.facts.builder import FactBuilder, clean
from narrator.facts.panel import Cells, build_panels
from narrator.figures import Figures, figures_from_table
from narrator.settings import Settings

Z95 = 1.959963984540054
FORCE = "Force"
DISTRICTS = ("D1", "D2", "D3", "D4", "D5", "D6")

#: A count, a ratio with its parts, and two ratios sharing a denominator (shares of a whole).
CATALOGUE: dict[str, dict[str, Any]] = {
    "crimes": {"label": "crime", "unit": "crime"},
    "outcomes": {"label": "outcomes"},
    "rate": {"kind": "ratio", "numerator": "outcomes", "denominator": "crimes", "decimals": 1},
    "incidents": {"label": "incidents"},
    "immediate": {"label": "immediate incidents"},
    "prompt": {"label": "prompt incidents"},
    "share_immediate": {"kind": "ratio", "numerator": "immediate", "denominator": "incidents"},
    "share_prompt": {"kind": "ratio", "numerator": "prompt", "denominator": "incidents"},
    "queue": {"kind": "snapshot"},
}

Series = Mapping[tuple[str, str], Sequence[float | None]]


def catalogue() -> Catalogue:
    return parse_catalogue({"measures": CATALOGUE}, "catalogue.toml")


def areas(districts: Iterable[str] = ()) -> Areas:
    items: list[dict[str, str]] = [{"name": FORCE, "level": "force"}]
    items += [{"name": d, "level": "district", "parent": FORCE} for d in districts]
    return parse_areas(items, "areas.toml")


def figures(
    series: Series,
    start: str,
    *,
    districts: Iterable[str] = (),
    snapshots: Sequence[tuple[str, str, float]] = (),
) -> Figures:
    """Figures from monthly series starting at ``start``; ``None`` leaves a month out."""
    first = months.parse(start)
    rows = [
        (months.iso(first + i), measure, area, str(value), "")
        for (measure, area), values in series.items()
        for i, value in enumerate(values)
        if value is not None
    ]
    rows += [(date[:7], "queue", area, str(value), date) for date, area, value in snapshots]
    table = pd.DataFrame(rows, columns=["month", "measure", "area", "value", "date"])
    return figures_from_table(table, catalogue(), areas(districts))


def facts_of(fig: Figures, month: str, settings: Settings | None = None) -> FactSet:
    return compute_facts(fig, month, settings)


def one(facts: FactSet, kind: str, measure: str, area: str = FORCE, **where: Any) -> Fact:
    """The single fact of a kind (narrowed by attributes or detail keys)."""
    found = [f for f in facts.all(kind, measure, area) if _matches(f, where)]
    assert len(found) == 1, (kind, measure, area, where, [f.id for f in found])
    return found[0]


def none_of(facts: FactSet, kind: str, measure: str, area: str = FORCE) -> bool:
    return not facts.all(kind, measure, area)


def _matches(fact: Fact, where: Mapping[str, Any]) -> bool:
    for key, value in where.items():
        actual = getattr(fact, key) if hasattr(fact, key) else fact.detail.get(key)
        if actual != value:
            return False
    return True


def assert_detail(fact: Fact, expected: Mapping[str, Any]) -> None:
    """The fact's detail holds these entries (the engine may add others)."""
    for key, value in expected.items():
        assert key in fact.detail, (fact.id, key, dict(fact.detail))
        assert fact.detail[key] == value, (fact.id, key, fact.detail[key], value)


def wilson(k: float, n: float, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval in per cent, written out from the textbook formula."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return 100 * (centre - half), 100 * (centre + half)


def poisson(current: float, baseline: float) -> float:
    return 2 * (math.sqrt(current) - math.sqrt(baseline))


def check_clean(facts: Iterable[Fact]) -> None:
    """No fact carries a NaN, an infinity or a numpy scalar; every fact is JSON-ready."""
    for fact in facts:
        assert isinstance(fact.value, float) and math.isfinite(fact.value), fact.id
        for name in ("reference", "change", "change_pct"):
            number = getattr(fact, name)
            assert number is None or (isinstance(number, float) and math.isfinite(number))
        json.dumps(fact.as_dict(), allow_nan=False)


# --------------------------------------------------------------------------------------
# Levels and changes: 24 months of 1, 2, ..., 24 from January 2018
# --------------------------------------------------------------------------------------

RAMP = {("crimes", FORCE): list(range(1, 25))}


@pytest.fixture(scope="module")
def ramp() -> FactSet:
    return facts_of(figures(RAMP, "2018-01"), "2019-12")


def test_level_is_the_month_and_its_source_cell(ramp: FactSet) -> None:
    fact = one(ramp, "level", "crimes")
    assert fact.value == 24
    assert fact.period == "2019-12"
    assert fact.unit == "count"
    assert fact.sources == ("crimes|Force|2019-12",)


def test_level_rolling_is_the_sum_of_twelve_months(ramp: FactSet) -> None:
    fact = one(ramp, "level.rolling", "crimes")
    assert fact.value == sum(range(13, 25)) == 222
    assert fact.period == "R12:2019-12"
    assert fact.sources == ("crimes|Force|2019-01..2019-12",)


def test_change_month(ramp: FactSet) -> None:
    fact = one(ramp, "change.month", "crimes")
    assert (fact.value, fact.reference, fact.change) == (24, 23, 1)
    assert fact.change_pct == pytest.approx(100 / 23, abs=1e-6)
    assert fact.direction == "up"
    assert fact.reference_period == "2019-11"
    assert fact.method == "poisson-sqrt-95"
    assert fact.statistic["z"] == pytest.approx(poisson(24, 23), abs=1e-6)
    assert fact.significant is False
    assert fact.sources == ("crimes|Force|2019-12", "crimes|Force|2019-11")


def test_change_year_needs_the_same_month_a_year_ago(ramp: FactSet) -> None:
    fact = one(ramp, "change.year", "crimes")  # two years back is before the data
    assert (fact.value, fact.reference, fact.change) == (24, 12, 12)
    assert fact.change_pct == 100
    assert fact.reference_period == "2018-12"
    assert_detail(fact, {"years": 1})
    assert fact.significant is (abs(poisson(24, 12)) > Z95)


def test_change_rolling_month_and_rolling_year(ramp: FactSet) -> None:
    month = one(ramp, "change.rolling_month", "crimes")
    assert (month.value, month.reference) == (222, sum(range(12, 24)))
    assert month.change == 12
    assert (month.period, month.reference_period) == ("R12:2019-12", "R12:2019-11")
    year = one(ramp, "change.rolling_year", "crimes")
    assert (year.value, year.reference) == (222, sum(range(1, 13)))
    assert year.reference_period == "R12:2018-12"
    assert year.significant is True
    assert year.statistic["z"] == pytest.approx(poisson(222, 78), abs=1e-6)


def test_change_financial_year_compares_with_the_last_april_to_march(ramp: FactSet) -> None:
    fact = one(ramp, "change.financial_year", "crimes")
    # 2018/19 is April 2018 (4) to March 2019 (15).
    assert fact.reference == sum(range(4, 16))
    assert fact.reference_period == "FY:2018"
    assert fact.value == 222


def test_change_year_to_date(ramp: FactSet) -> None:
    fact = one(ramp, "change.year_to_date", "crimes")
    assert fact.value == sum(range(16, 25))  # April to December 2019
    assert fact.reference == sum(range(4, 13))  # April to December 2018
    assert (fact.period, fact.reference_period) == ("YTD:2019-12", "YTD:2018-12")


def test_change_average_of_the_previous_twelve_months(ramp: FactSet) -> None:
    fact = one(ramp, "change.average", "crimes")  # the 36-month average needs 36 months
    assert fact.reference == pytest.approx(sum(range(12, 24)) / 12)
    assert fact.reference_period == "AVG12:2019-12"
    assert_detail(fact, {"months": 12})
    assert fact.direction == "up"


@pytest.mark.parametrize(
    ("month", "label"),
    [
        ("2019-03", "FY:2017"),
        ("2019-04", "FY:2018"),
        ("2020-03", "FY:2018"),
        ("2020-04", "FY:2019"),
    ],
)
def test_financial_year_labels_turn_in_april(month: str, label: str) -> None:
    fig = figures({("crimes", FORCE): [10] * 48}, "2017-01")
    fact = one(facts_of(fig, month), "change.financial_year", "crimes")
    assert fact.reference_period == label
    assert fact.reference == 120


def test_year_to_date_in_april_is_one_month() -> None:
    fig = figures({("crimes", FORCE): list(range(1, 25))}, "2018-01")
    fact = one(facts_of(fig, "2019-04"), "change.year_to_date", "crimes")
    assert (fact.value, fact.reference) == (16, 4)


# --------------------------------------------------------------------------------------
# Ratios: pooled over the window, never an average of monthly rates
# --------------------------------------------------------------------------------------


def test_a_rolling_rate_is_pooled_numerators_over_pooled_denominators() -> None:
    crimes = [10, 90] * 12
    outcomes = [5, 9] * 12  # monthly rates 50% and 10%: their mean would be 30%
    fig = figures({("crimes", FORCE): crimes, ("outcomes", FORCE): outcomes}, "2018-01")
    facts = facts_of(fig, "2019-12")
    fact = one(facts, "level.rolling", "rate")
    assert fact.value == pytest.approx(100 * 84 / 600)
    assert fact.unit == "percent"
    assert_detail(fact, {"numerator": 84, "denominator": 600})
    assert fact.sources == (
        "outcomes|Force|2019-01..2019-12",
        "crimes|Force|2019-01..2019-12",
    )
    month = one(facts, "level", "rate")
    assert month.value == 10


def test_a_rate_change_is_in_points_with_a_wilson_test() -> None:
    crimes = [100] * 24
    outcomes = [10] * 23 + [30]
    fig = figures({("crimes", FORCE): crimes, ("outcomes", FORCE): outcomes}, "2018-01")
    fact = one(facts_of(fig, "2019-12"), "change.month", "rate")
    assert (fact.value, fact.reference, fact.change) == (30, 10, 20)
    assert fact.change_pct is None  # rates change in points, never in per cent
    assert fact.method == "wilson-95"
    low, high = wilson(30, 100)
    assert fact.statistic["ci_low"] == pytest.approx(low)
    assert fact.statistic["ci_high"] == pytest.approx(high)
    assert fact.significant is True  # 10% lies below the interval of 30 in 100


# --------------------------------------------------------------------------------------
# Benchmarks: long-term (three financial years) and year end
# --------------------------------------------------------------------------------------

#: April 2015 to October 2019. From April 2019 the series steps up (or the rate rises).
START = "2015-04"
N = 55
APRIL_2019 = 48


def stepped(before: float, after: float) -> list[float]:
    return [before if i < APRIL_2019 else after for i in range(N)]


def test_a_rate_significantly_above_the_long_term_benchmark() -> None:
    fig = figures({("crimes", FORCE): [100] * N, ("outcomes", FORCE): stepped(5, 20)}, START)
    fact = one(facts_of(fig, "2019-10"), "benchmark.long_term", "rate")
    assert fact.reference == 5.0  # April 2016 to March 2019
    assert fact.reference_period == "LT:2016-04..2019-03"
    assert fact.value == pytest.approx(100 * (5 * 5 + 7 * 20) / 1200)
    low, high = wilson(5 * 5 + 7 * 20, 1200)
    assert fact.statistic["ci_low"] == pytest.approx(low)
    assert fact.statistic["ci_high"] == pytest.approx(high)
    assert fact.method == "wilson-95"
    assert fact.significant is True
    assert fact.direction == "up"


def test_a_rate_within_the_interval_is_not_significant() -> None:
    fig = figures({("crimes", FORCE): [100] * N, ("outcomes", FORCE): stepped(5, 6)}, START)
    fact = one(facts_of(fig, "2019-10"), "benchmark.long_term", "rate")
    low, high = wilson(5 * 5 + 7 * 6, 1200)
    assert low < 5.0 < high
    assert fact.significant is False
    assert fact.direction == "flat"
    assert fact.change is not None and fact.change > 0  # higher, but not significantly


def test_a_count_against_the_long_term_benchmark_uses_the_poisson_test() -> None:
    fig = figures({("crimes", FORCE): stepped(100, 130)}, START)
    fact = one(facts_of(fig, "2019-10"), "benchmark.long_term", "crimes")
    assert fact.reference == pytest.approx(1200)  # a third of three years
    assert fact.value == 5 * 100 + 7 * 130
    assert fact.method == "poisson-sqrt-95"
    assert fact.statistic["z"] == pytest.approx(poisson(1410, 1200), abs=1e-6)
    assert fact.significant is True
    assert fact.direction == "up"


def test_a_count_near_the_benchmark_is_not_significant() -> None:
    fig = figures({("crimes", FORCE): stepped(100, 105)}, START)
    facts = facts_of(fig, "2019-10")
    fact = one(facts, "benchmark.long_term", "crimes")
    assert abs(poisson(1235, 1200)) < Z95
    assert fact.significant is False
    assert fact.direction == "flat"
    assert one(facts, "benchmark.year_end", "crimes").significant is False


def test_year_end_benchmark_counts_the_times_this_financial_year() -> None:
    fig = figures({("crimes", FORCE): stepped(100, 130)}, START)
    fact = one(facts_of(fig, "2019-10"), "benchmark.year_end", "crimes")
    assert fact.reference == 1200
    assert fact.reference_period == "R12:2019-03"
    assert fact.significant is True and fact.direction == "up"
    # R12 in April 1230 and May 1260 are within the noise; June (1290) to October are not.
    assert [abs(poisson(1200 + 30 * k, 1200)) > Z95 for k in range(1, 8)] == [
        False,
        False,
        True,
        True,
        True,
        True,
        True,
    ]
    assert fact.detail["times_this_fy"] == 5


def test_measures_can_opt_out_of_a_benchmark() -> None:
    entries = dict(CATALOGUE, crimes={"benchmarks": ["year_end"]})
    cat = parse_catalogue({"measures": entries}, "catalogue.toml")
    table = pd.DataFrame(
        [
            (months.iso(months.parse(START) + i), "crimes", FORCE, str(v), "")
            for i, v in enumerate(stepped(100, 130))
        ],
        columns=["month", "measure", "area", "value", "date"],
    )
    facts = compute_facts(figures_from_table(table, cat, areas()), "2019-10")
    assert none_of(facts, "benchmark.long_term", "crimes")
    assert one(facts, "benchmark.year_end", "crimes").significant is True


# --------------------------------------------------------------------------------------
# Calendar year to date
# --------------------------------------------------------------------------------------


def test_calendar_year_to_date_against_the_highest_earlier_year() -> None:
    values = [1] * 9 + [2] * 12 + [10] * 10  # April-Dec 2017, 2018, Jan-Oct 2019
    fig = figures(
        {("crimes", "D1"): values, ("crimes", FORCE): values}, "2017-04", districts=["D1"]
    )
    fact = one(facts_of(fig, "2019-10"), "calendar.year_to_date", "crimes", "D1")
    assert fact.value == 100
    assert fact.reference == 24
    assert fact.period == "CY:2019:2019-10"
    assert fact.reference_period == "CYMAX:2017..2018"
    assert fact.detail["2017"] == 9 and fact.detail["2018"] == 24
    assert fact.detail["first_year_partial"] is True
    assert fact.detail["through"] == "2019-10"
    assert fact.direction == "up"


def test_calendar_year_to_date_is_for_counts_only() -> None:
    fig = figures({("crimes", FORCE): [10] * 24, ("outcomes", FORCE): [1] * 24}, "2018-01")
    facts = facts_of(fig, "2019-10")
    assert none_of(facts, "calendar.year_to_date", "rate")
    assert one(facts, "calendar.year_to_date", "crimes").reference == 120


# --------------------------------------------------------------------------------------
# Streaks
# --------------------------------------------------------------------------------------


def test_a_discrete_month_streak_of_five_falls_broken_by_a_rise() -> None:
    values = [10, 10, 10, 20, 19, 18, 17, 16, 15, 16]  # January to October 2019
    fig = figures({("crimes", FORCE): values}, "2019-01")
    fact = one(facts_of(fig, "2019-10"), "streak.month", "crimes")
    assert fact.value == 1
    assert fact.direction == "up"
    assert_detail(
        fact,
        {
            "length": 1,
            "broken": True,
            "previous_direction": "down",
            "previous_length": 5,
            "since": "2019-04",  # the month before the run of falls: the peak it fell from
            "since_known": True,
        },
    )


def test_a_rolling_streak_of_five_falls_broken_by_a_rise() -> None:
    # The rolling 12 months move by (this month - the same month last year).
    values = [100] * 12 + [99] * 5 + [101]
    fig = figures({("crimes", FORCE): values}, "2018-01")
    facts = facts_of(fig, "2019-06")
    fact = one(facts, "streak.rolling", "crimes")
    assert fact.period == "R12:2019-06"
    assert fact.direction == "up"
    assert fact.detail["broken"] is True
    assert fact.detail["previous_direction"] == "down"
    assert fact.detail["previous_length"] == 5
    assert fact.detail["since"] == "2018-12"
    # One month earlier the run is still going: 4 falls since December 2018.
    ongoing = one(facts_of(fig, "2019-04"), "streak.rolling", "crimes")
    assert ongoing.direction == "down"
    assert ongoing.value == 4
    assert ongoing.detail["broken"] is False
    assert ongoing.detail["since"] == "2018-12"


def test_a_flat_series_has_a_flat_streak() -> None:
    fig = figures({("crimes", FORCE): [7] * 6}, "2019-01")
    fact = one(facts_of(fig, "2019-06"), "streak.month", "crimes")
    assert fact.direction == "flat"
    assert fact.value == 5
    assert fact.detail["broken"] is False
    assert fact.detail["since"] == "2019-01"


# --------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------


def test_highest_since_the_last_higher_month() -> None:
    values = [30] * 13 + [60] + [20] * 19 + [50]  # Jan 2017 .. Oct 2019; 60 in Feb 2018
    fig = figures({("crimes", FORCE): values}, "2017-01")
    facts = facts_of(fig, "2019-10")
    fact = one(facts, "record", "crimes", period="2019-10")
    assert fact.direction == "up"
    assert fact.value == 50
    assert fact.detail["record"] == "highest"
    assert fact.detail["since"] == "2018-02"
    assert fact.detail["months"] == 20
    assert fact.detail["since_value"] == 60
    assert fact.detail["on_record"] is False


def test_a_value_above_every_earlier_one_is_on_record() -> None:
    values = [10] * 20 + [11]
    fig = figures({("crimes", FORCE): values}, "2018-01")
    fact = one(facts_of(fig, "2019-09"), "record", "crimes", period="2019-09")
    assert fact.detail["on_record"] is True
    assert fact.detail["since"] == ""
    assert fact.detail["history_starts"] == "2018-01"
    assert fact.detail["months"] == 20


def test_no_record_for_a_value_beaten_within_the_year() -> None:
    values = [10] * 20 + [30, 20]
    fig = figures({("crimes", FORCE): values}, "2018-01")
    assert not [
        f for f in facts_of(fig, "2019-10").all("record", "crimes", FORCE) if f.period == "2019-10"
    ]


# --------------------------------------------------------------------------------------
# Months above the same month in previous years
# --------------------------------------------------------------------------------------


def test_eleven_of_the_last_twelve_months_above_the_previous_two_years() -> None:
    last = [11] * 12
    last[5] = 9
    values = [10] * 12 + [10] * 12 + last
    fig = figures({("crimes", FORCE): values}, "2016-11")
    fact = one(facts_of(fig, "2019-10"), "count.above_previous_years", "crimes")
    assert fact.value == 11
    assert fact.direction == "up"
    assert fact.period == "L12:2019-10"
    assert_detail(fact, {"below": 1, "months": 12, "years": 2})
    assert fact.sources == ("crimes|Force|2016-11..2019-10",)


def test_a_month_above_only_one_previous_year_does_not_count() -> None:
    values = [10] * 12 + [12] * 12 + [11] * 12
    fig = figures({("crimes", FORCE): values}, "2016-11")
    fact = one(facts_of(fig, "2019-10"), "count.above_previous_years", "crimes")
    assert fact.value == 0
    assert fact.detail["below"] == 0
    assert fact.direction == "flat"


# --------------------------------------------------------------------------------------
# XmR signals
# --------------------------------------------------------------------------------------


def test_xmr_flags_a_spike_above_the_upper_limit() -> None:
    values = [10, 12] * 12 + [30]
    fig = figures({("crimes", FORCE): values}, "2017-10")
    fact = one(facts_of(fig, "2019-10"), "xmr.signal", "crimes")
    # Centre 11, mean moving range 2: limits 11 -/+ 2.66 x 2.
    assert fact.reference == 11
    assert fact.statistic["lower"] == pytest.approx(5.68)
    assert fact.statistic["upper"] == pytest.approx(16.32)
    assert_detail(fact, {"signal": "above_upper_limit"})
    assert fact.significant is True
    assert fact.direction == "up"
    assert fact.reference_period == "XMR24:2019-10"


def test_xmr_flags_a_dip_below_the_lower_limit() -> None:
    fig = figures({("crimes", FORCE): [10, 12] * 12 + [1]}, "2017-10")
    fact = one(facts_of(fig, "2019-10"), "xmr.signal", "crimes")
    assert_detail(fact, {"signal": "below_lower_limit"})
    assert fact.direction == "down"


def test_xmr_flags_a_run_above_the_centre_line() -> None:
    fig = figures({("crimes", FORCE): [10, 12] * 9 + [12] * 7}, "2017-10")
    fact = one(facts_of(fig, "2019-10"), "xmr.signal", "crimes")
    assert fact.reference == pytest.approx((18 * 11 + 6 * 12) / 24)
    assert_detail(fact, {"signal": "run_above_centre"})
    assert fact.direction == "up"


def test_xmr_in_control_is_not_significant() -> None:
    fig = figures({("crimes", FORCE): [10, 12] * 12 + [11]}, "2017-10")
    fact = one(facts_of(fig, "2019-10"), "xmr.signal", "crimes")
    assert_detail(fact, {"signal": ""})
    assert fact.significant is False
    assert fact.direction == "flat"


# --------------------------------------------------------------------------------------
# Long-term trend
# --------------------------------------------------------------------------------------


def test_a_rising_line_has_a_significant_upward_trend() -> None:
    values = [100 + 2 * i for i in range(36)]
    fig = figures({("crimes", FORCE): values}, "2016-11")
    fact = one(facts_of(fig, "2019-10"), "trend.long_term", "crimes")
    assert fact.value == pytest.approx(2.0)
    assert fact.significant is True
    assert fact.direction == "up"
    assert fact.period == "T36:2019-10"
    assert fact.detail["mean"] == 135
    assert fact.detail["percent_per_year"] == pytest.approx(1200 * 2 / 135, abs=1e-5)


def test_a_noisy_falling_series_has_a_downward_trend() -> None:
    rng = np.random.default_rng(7)
    values = [int(v) for v in 200 - 3 * np.arange(36) + rng.integers(-5, 6, size=36)]
    fig = figures({("crimes", FORCE): values}, "2016-11")
    fact = one(facts_of(fig, "2019-10"), "trend.long_term", "crimes")
    assert fact.value < 0
    assert fact.significant is True and fact.direction == "down"
    assert fact.statistic["p"] < 0.05


@pytest.mark.parametrize("values", [[10, 12] * 18, [5] * 36, [0] * 36])
def test_a_series_without_a_trend_is_flat(values: list[int]) -> None:
    fig = figures({("crimes", FORCE): values}, "2016-11")
    fact = one(facts_of(fig, "2019-10"), "trend.long_term", "crimes")
    assert fact.significant is False
    assert fact.direction == "flat"
    assert abs(fact.value) < 0.1


def test_trend_needs_thirty_six_months() -> None:
    fig = figures({("crimes", FORCE): list(range(35))}, "2016-12")
    assert none_of(facts_of(fig, "2019-10"), "trend.long_term", "crimes")


# --------------------------------------------------------------------------------------
# Areas: variation among children, outliers among peers
# --------------------------------------------------------------------------------------


def test_area_variation_reports_each_childs_direction() -> None:
    north = [100] * 12 + [80] * 12
    south = [100] * 12 + [120] * 12
    same = [100] * 24
    series = {
        ("crimes", "D1"): north,
        ("crimes", "D2"): south,
        ("crimes", FORCE): [a + b for a, b in zip(north, south, strict=True)],
        ("incidents", "D1"): same,
        ("incidents", "D2"): same,
        ("incidents", FORCE): [200] * 24,
    }
    facts = facts_of(figures(series, "2018-01", districts=["D1", "D2"]), "2019-12")
    fact = one(facts, "area.variation", "crimes")
    assert fact.value == 2400
    assert fact.direction == "mixed"
    assert fact.detail["children"] == [
        {
            "area": "D1",
            "value": 960.0,
            "reference": 1200.0,
            "change": -20.0,
            "significant": True,
            "direction": "down",
        },
        {
            "area": "D2",
            "value": 1440.0,
            "reference": 1200.0,
            "change": 20.0,
            "significant": True,
            "direction": "up",
        },
    ]
    steady = one(facts, "area.variation", "incidents")
    assert steady.direction == "flat"
    assert {c["direction"] for c in steady.detail["children"]} == {"flat"}


def six_districts(last: Sequence[int]) -> dict[tuple[str, str], list[int]]:
    """Six districts at 100 a month for two years, then their own last month."""
    series = {("crimes", d): [100] * 24 + [v] for d, v in zip(DISTRICTS, last, strict=True)}
    series[("crimes", FORCE)] = [600] * 24 + [sum(last)]
    return series


def test_area_outlier_flags_one_district_with_a_huge_jump() -> None:
    fig = figures(six_districts([102, 97, 101, 100, 99, 300]), "2017-10", districts=DISTRICTS)
    facts = facts_of(fig, "2019-10")
    flagged = facts.select(kind="area.outlier")
    assert {f.area for f in flagged} == {"D6"}
    month = one(facts, "area.outlier", "crimes", "D6", reference_period="month:2019-09")
    assert month.value == 200  # per cent up on last month
    assert month.reference == 0.5  # the median change of the six districts
    # MAD of the changes is 1.5: z = 0.6745 x 199.5 / 1.5.
    assert month.statistic["z"] == pytest.approx(0.6745 * 199.5 / 1.5, abs=1e-4)
    assert month.significant is True
    assert month.direction == "up"
    assert_detail(month, {"comparison": "month", "change_unit": "percent"})
    comparisons = {f.detail["comparison"] for f in flagged}
    assert comparisons == {"month", "year", "rolling_year"}


def test_no_outlier_when_the_districts_move_alike() -> None:
    fig = figures(six_districts([102, 97, 101, 100, 99, 104]), "2017-10", districts=DISTRICTS)
    assert not facts_of(fig, "2019-10").select(kind="area.outlier")


def test_a_big_relative_jump_on_a_tiny_count_is_not_an_outlier() -> None:
    series = {("crimes", d): [1] * 24 + [1] for d in DISTRICTS}
    series[("crimes", "D1")] = [1] * 24 + [3]
    series[("crimes", "D2")] = [2] * 24 + [1]
    series[("crimes", FORCE)] = [sum(s[i] for s in series.values()) for i in range(25)]
    fig = figures(series, "2017-10", districts=DISTRICTS)
    # D1 trebles, but 3 against 1 is not significant on its own (Poisson z < 1.96).
    assert abs(poisson(3, 1)) < Z95
    assert not facts_of(fig, "2019-10").select(kind="area.outlier")


# --------------------------------------------------------------------------------------
# Share shifts and snapshots
# --------------------------------------------------------------------------------------


def test_share_shift_lists_every_part_of_the_whole() -> None:
    series = {
        ("incidents", FORCE): [100] * 24,
        ("immediate", FORCE): [20] * 12 + [24] * 12,
        ("prompt", FORCE): [50] * 12 + [47] * 12,
    }
    fact = one(facts_of(figures(series, "2018-01"), "2019-12"), "share.shift", "share_immediate")
    assert (fact.value, fact.reference) == (24, 20)
    assert fact.change == pytest.approx(4.0)
    assert fact.direction == "up"
    assert fact.unit == "percent"
    assert_detail(
        fact,
        {
            "parts": [
                {"measure": "share_immediate", "value": 24.0, "reference": 20.0, "change": 4.0},
                {"measure": "share_prompt", "value": 47.0, "reference": 50.0, "change": -3.0},
            ],
            "whole": "incidents",
        },
    )
    assert (fact.period, fact.reference_period) == ("R12:2019-12", "R12:2018-12")


def test_snapshot_changes_pair_consecutive_dates_and_first_to_last() -> None:
    snapshots = [
        ("2019-09-01", FORCE, 900),  # before the reporting month: left out
        ("2019-10-01", FORCE, 786),
        ("2019-11-01", FORCE, 636),
        ("2019-11-26", FORCE, 214),
        ("2019-12-01", FORCE, 100),  # after the month that follows: left out
    ]
    fig = figures({("crimes", FORCE): [10] * 12}, "2018-11", snapshots=snapshots)
    facts = facts_of(fig, "2019-10").select(kind="snapshot.change")
    pairs = {(f.reference_period, f.period): (f.reference, f.value) for f in facts}
    assert pairs == {
        ("D:2019-10-01", "D:2019-11-01"): (786, 636),
        ("D:2019-11-01", "D:2019-11-26"): (636, 214),
        ("D:2019-10-01", "D:2019-11-26"): (786, 214),
    }
    last = next(f for f in facts if f.reference_period == "D:2019-11-01")
    assert last.change == -422
    assert round(last.change_pct) == -66
    assert last.direction == "down"
    assert last.method == "difference between snapshots"
    assert last.sources == ("queue|Force|2019-11-01", "queue|Force|2019-11-26")
    assert_detail(last, {"date": "2019-11-26", "reference_date": "2019-11-01"})


def test_a_single_snapshot_makes_no_change() -> None:
    fig = figures({("crimes", FORCE): [10] * 12}, "2018-11", snapshots=[("2019-10-03", FORCE, 5)])
    assert not facts_of(fig, "2019-10").select(kind="snapshot.change")


# --------------------------------------------------------------------------------------
# Short histories, zeros and quiet months
# --------------------------------------------------------------------------------------

NEEDS_A_YEAR = {
    "level.rolling",
    "change.year",
    "change.rolling_month",
    "change.rolling_year",
    "change.financial_year",
    "benchmark.long_term",
    "benchmark.year_end",
    "count.above_previous_years",
    "xmr.signal",
    "trend.long_term",
    "streak.rolling",
    "record",
    "share.shift",
}


def test_six_months_into_the_data_there_are_no_year_or_rolling_facts() -> None:
    series = {
        ("crimes", FORCE): [100, 110, 90, 95, 120, 80, 100],
        ("outcomes", FORCE): [10, 12, 8, 9, 11, 7, 10],
        ("incidents", FORCE): [50] * 7,
        ("immediate", FORCE): [10] * 7,
        ("prompt", FORCE): [20] * 7,
    }
    facts = facts_of(figures(series, "2019-04"), "2019-10")
    kinds = {f.kind for f in facts}
    assert not kinds & NEEDS_A_YEAR, kinds & NEEDS_A_YEAR
    assert {"level", "change.month", "streak.month"} <= kinds
    assert "change.average" not in kinds  # the average needs the twelve months before
    # April is the start of the financial year and of the data: no year to date a year ago.
    assert none_of(facts, "change.year_to_date", "crimes")
    check_clean(facts)


@pytest.mark.parametrize("offset", range(1, 14))
def test_every_early_month_gives_clean_facts(offset: int) -> None:
    series = {("crimes", d): [100 + 7 * i + k for i in range(14)] for k, d in enumerate(DISTRICTS)}
    series[("crimes", FORCE)] = [sum(s[i] for s in series.values()) for i in range(14)]
    fig = figures(series, "2018-12", districts=DISTRICTS)
    facts = facts_of(fig, months.iso(fig.first + offset))
    check_clean(facts)
    assert facts.get("level", "crimes", FORCE) is not None


def test_the_first_month_of_the_data_gives_its_levels() -> None:
    fig = figures({("crimes", FORCE): [5] * 30}, "2017-01")
    facts = facts_of(fig, "2017-01")
    assert one(facts, "level", "crimes").value == 5
    assert {f.kind for f in facts} == {"level"}


def test_zeros_give_no_division_errors_and_no_rates() -> None:
    zeros = [0] * 40
    series = {
        (measure, area): zeros
        for measure in ("crimes", "outcomes", "incidents", "immediate", "prompt")
        for area in (FORCE, *DISTRICTS)
    }
    fig = figures(series, "2016-07", districts=DISTRICTS)
    facts = facts_of(fig, "2019-10")
    check_clean(facts)
    assert not [f for f in facts if f.unit == "percent"]  # 0 / 0 is no rate
    change = one(facts, "change.month", "crimes")
    assert (change.value, change.reference, change.change) == (0, 0, 0)
    assert change.change_pct is None
    assert change.direction == "flat"
    assert change.significant is False
    assert not [f for f in facts if f.significant]
    assert not facts.select(kind="area.outlier")


def test_a_rate_with_no_cases_this_month_has_no_monthly_level() -> None:
    crimes = [10] * 23 + [0]
    fig = figures({("crimes", FORCE): crimes, ("outcomes", FORCE): [1] * 23 + [0]}, "2018-01")
    facts = facts_of(fig, "2019-12")
    assert none_of(facts, "level", "rate")
    assert one(facts, "level.rolling", "rate").value == pytest.approx(100 * 11 / 110)
    check_clean(facts)


def test_nothing_significant_in_a_steady_month() -> None:
    rng = np.random.default_rng(2019)
    values = [int(v) for v in rng.poisson(400, size=55)]
    values[-1] = int(np.mean(values[-13:-1]))
    fig = figures({("crimes", FORCE): values}, START)
    facts = facts_of(fig, "2019-10")
    for kind in ("change.month", "change.rolling_month", "change.average"):
        for fact in facts.all(kind, "crimes", FORCE):
            assert fact.significant is False, fact.id
    assert one(facts, "xmr.signal", "crimes").significant is False


# --------------------------------------------------------------------------------------
# The unit of a fact describes its value
# --------------------------------------------------------------------------------------


def test_facts_that_are_not_rates_are_not_labelled_percent() -> None:
    crimes = [100] * 36
    outcomes = [10 + (i % 3) for i in range(36)]
    fig = figures({("crimes", FORCE): crimes, ("outcomes", FORCE): outcomes}, "2016-11")
    facts = facts_of(fig, "2019-10")
    for kind in ("streak.month", "streak.rolling", "count.above_previous_years"):
        for fact in facts.all(kind, "rate", FORCE):
            assert fact.unit != "percent", fact.id


def test_an_outliers_change_is_not_given_a_per_cent_change_of_its_own() -> None:
    fig = figures(six_districts([102, 97, 101, 100, 99, 300]), "2017-10", districts=DISTRICTS)
    fact = one(
        facts_of(fig, "2019-10"),
        "area.outlier",
        "crimes",
        "D6",
        period="2019-10",
        reference_period="month:2019-09",
    )
    assert fact.value == 200
    assert fact.change_pct is None


# --------------------------------------------------------------------------------------
# Fact ids
# --------------------------------------------------------------------------------------


def test_fact_ids_are_unique_when_a_rate_returns_after_a_year_without_cases() -> None:
    crimes = [10] * 20 + [0] * 12 + [10]
    outcomes = [5] * 20 + [0] * 12 + [5]
    fig = figures({("crimes", FORCE): crimes, ("outcomes", FORCE): outcomes}, "2017-01")
    facts = facts_of(fig, "2019-09")
    ids = [f.id for f in facts]
    assert len(ids) == len(set(ids))


# --------------------------------------------------------------------------------------
# Properties over random figures
# --------------------------------------------------------------------------------------

PEERS = ("D1", "D2", "D3", "D4")
#: Kinds whose value (and reference) is the measure itself: a rate stays within 0..100.
RATE_VALUED = {
    "level",
    "level.rolling",
    "change.month",
    "change.year",
    "change.rolling_month",
    "change.rolling_year",
    "change.financial_year",
    "change.year_to_date",
    "change.average",
    "benchmark.long_term",
    "benchmark.year_end",
    "xmr.signal",
    "record",
    "share.shift",
    "area.variation",
}


@st.composite
def random_figures(draw: st.DrawFn) -> tuple[Figures, int]:
    """Four districts and their force: crimes, outcomes within crimes, incidents by grade."""
    n = draw(st.integers(min_value=2, max_value=42))
    start = draw(st.integers(min_value=2014 * 12, max_value=2020 * 12 + 11))
    counts = st.one_of(st.integers(0, 12), st.integers(0, 5000))
    shape = (len(PEERS), n)
    crimes = draw(arrays(np.int64, shape, elements=counts))
    outcomes = np.minimum(draw(arrays(np.int64, shape, elements=counts)), crimes)
    immediate = draw(arrays(np.int64, shape, elements=st.integers(0, 30)))
    prompt = draw(arrays(np.int64, shape, elements=st.integers(0, 30)))
    incidents = immediate + prompt + draw(arrays(np.int64, shape, elements=st.integers(0, 5)))
    series: dict[tuple[str, str], list[float | None]] = {}
    for name, values in (
        ("crimes", crimes),
        ("outcomes", outcomes),
        ("incidents", incidents),
        ("immediate", immediate),
        ("prompt", prompt),
    ):
        for row, district in enumerate(PEERS):
            series[(name, district)] = [int(v) for v in values[row]]
        series[(name, FORCE)] = [int(v) for v in values.sum(axis=0)]
    column = draw(st.integers(min_value=1, max_value=n - 1))
    return figures(series, months.iso(start), districts=PEERS), start + column


PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sign(change: float) -> str:
    return "up" if change > 0 else "down" if change < 0 else "flat"


@PROPERTY
@given(random_figures())
def test_invariants_of_every_fact(case: tuple[Figures, int]) -> None:
    fig, month = case
    facts = compute_facts(fig, month)  # never raises inside the data
    assert len(facts) > 0
    check_clean(facts)
    ids = [f.id for f in facts]
    assert len(ids) == len(set(ids)), "fact ids are unique"
    for fact in facts:
        assert fact.month == months.iso(month)
        if fact.reference is not None:
            assert fact.change is not None
            assert fact.change == pytest.approx(fact.value - fact.reference, abs=2e-6)
        if fact.kind.startswith("change."):
            assert fact.change is not None
            # The change is rounded to 6 decimals: a difference below that may still lean.
            if abs(fact.change) > 1e-6:
                assert fact.direction == _sign(fact.change), fact.id
            else:
                assert fact.direction in ("flat", "up", "down")
        if fact.unit == "percent" and fact.kind in RATE_VALUED:
            assert 0 <= fact.value <= 100, fact.id
            assert fact.reference is None or 0 <= fact.reference <= 100, fact.id
        if fact.significant is not None:
            assert isinstance(fact.significant, bool)


@PROPERTY
@given(random_figures())
def test_facts_are_deterministic(case: tuple[Figures, int]) -> None:
    fig, month = case
    first = [f.as_dict() for f in compute_facts(fig, month)]
    second = [f.as_dict() for f in compute_facts(fig, months.iso(month))]
    assert first == second
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


@settings(max_examples=15, deadline=None)
@given(random_figures())
def test_every_month_inside_the_data_computes(case: tuple[Figures, int]) -> None:
    fig, _ = case
    for month in range(fig.first + 1, fig.last + 1):
        check_clean(compute_facts(fig, month))


# --------------------------------------------------------------------------------------
# The builder: whole columns at once, to the last bit of one row at a time
# --------------------------------------------------------------------------------------

FLOATS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.floats(-1e7, 1e7),
    # Halves at the sixth decimal: where rounding a column with numpy could differ.
    st.integers(-(10**8), 10**8).map(lambda k: (k + 0.5) / 1e6),
    st.integers(0, 5000).map(float),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_add_makes_the_facts_add_one_makes_row_by_row(data: st.DataObject) -> None:
    fig, month = data.draw(random_figures())
    panel = build_panels(fig)[data.draw(st.integers(0, 1))]
    n = len(panel)
    column = arrays(np.float64, n, elements=FLOATS)
    value = data.draw(column)
    reference = data.draw(st.none() | column)
    significant = data.draw(st.none() | arrays(np.bool_, n))
    strength = data.draw(st.none() | arrays(np.float64, n, elements=st.floats(0, 1)))
    direction = data.draw(st.none() | st.just(np.where(value > 1, "up", "down")))
    statistic = {"z": data.draw(column)}
    detail = {
        "count": data.draw(arrays(np.int64, n, elements=st.integers(-5, 5))),
        "flag": data.draw(arrays(np.bool_, n)),
        "since": np.array([f"m{i}" for i in range(n)], dtype=object),
        "x": data.draw(column),
        "scalar": data.draw(st.sampled_from([3, 2.5000005, "text", True, None])),
    }
    unit = data.draw(st.sampled_from([None, "months", "points", "count"]))
    cells = Cells(panel, ((month - fig.first - 1, month - fig.first), (0, 0)))
    depth = {a.name: fig.areas.depth(a.name) for a in fig.areas}
    args: dict[str, Any] = {
        "period": "2019-10",
        "reference_period": data.draw(st.sampled_from([None, "2019-09"])),
        "method": "m",
        "qualifier": data.draw(st.sampled_from(["", "/highest"])),
    }

    together = FactBuilder(panel, "2019-10", depth)
    together.add(
        "change.month",
        value=value,
        reference=reference,
        significant=significant,
        statistic=statistic,
        detail=detail,
        direction=direction,
        strength=strength,
        unit=unit,
        sources=cells,
        **args,
    )
    one_by_one = FactBuilder(panel, "2019-10", depth)
    for row in range(n):
        if not np.isfinite(value[row]) or (
            reference is not None and not np.isfinite(reference[row])
        ):
            continue
        one_by_one.add_one(
            "change.month",
            measure=panel.measures[row],
            area=panel.keys[row][1],
            unit=unit or panel.unit,
            value=float(value[row]),
            reference=None if reference is None else float(reference[row]),
            significant=None if significant is None else bool(significant[row]),
            statistic={k: clean(a[row]) for k, a in statistic.items()},
            detail={
                k: clean(a[row]) if isinstance(a, np.ndarray) else clean(a)
                for k, a in detail.items()
            },
            direction=None if direction is None else str(direction[row]),
            strength=None if strength is None else float(strength[row]),
            sources=cells(row),
            **args,
        )
    assert len(together.facts) == len(one_by_one.facts)
    for fast, slow in zip(together.facts, one_by_one.facts, strict=True):
        assert fast == slow
        # Equal and of the same types: 1 and 1.0 and True compare equal but print apart.
        assert json.dumps(fast.as_dict()) == json.dumps(slow.as_dict())
        assert type(fast.sources) is tuple


def test_a_duplicate_fact_id_is_refused() -> None:
    fact = Fact(
        id="level/crimes/Force/2019-10",
        kind="level",
        measure="crimes",
        area=FORCE,
        month="2019-10",
        period="2019-10",
        value=1.0,
        unit="count",
    )
    with pytest.raises(ValueError, match="not unique"):
        FactSet([fact, fact], "2019-10")


def test_highest_and_lowest_records_have_their_own_ids() -> None:
    # A rate back after a year without cases, equal to its last value: both records.
    crimes = [10] * 20 + [0] * 12 + [10]
    outcomes = [5] * 20 + [0] * 12 + [5]
    fig = figures({("crimes", FORCE): crimes, ("outcomes", FORCE): outcomes}, "2017-01")
    found = facts_of(fig, "2019-09").all("record", "rate", FORCE)
    monthly = [f for f in found if f.period == "2019-09"]
    assert sorted(f.id for f in monthly) == [
        "record/rate/Force/2019-09/highest",
        "record/rate/Force/2019-09/lowest",
    ]
    assert {f.detail["record"] for f in monthly} == {"highest", "lowest"}


def test_the_units_of_streaks_counts_of_months_trends_and_outliers() -> None:
    crimes = [100 + (i % 4) for i in range(36)]
    outcomes = [10 + (i % 3) for i in range(36)]
    fig = figures({("crimes", FORCE): crimes, ("outcomes", FORCE): outcomes}, "2016-11")
    facts = facts_of(fig, "2019-10")
    for kind in ("streak.month", "streak.rolling", "count.above_previous_years"):
        assert {f.unit for f in facts.select(kind=kind)} == {"months"}, kind
    # A slope is a change a month: of a count for a count, in points for a rate.
    assert one(facts, "trend.long_term", "crimes").unit == "count"
    assert one(facts, "trend.long_term", "rate").unit == "points"
    peers = figures(six_districts([102, 97, 101, 100, 99, 300]), "2017-10", districts=DISTRICTS)
    outliers = facts_of(peers, "2019-10").select(kind="area.outlier")
    assert outliers
    assert {f.unit for f in outliers} == {"percent_change"}
    assert all(f.change_pct is None for f in outliers)


def test_an_outlier_on_one_comparison_counts_a_real_change_on_another() -> None:
    # D6 rises from 12 to 40 on the month (its own change significant); against the same
    # month last year its rise from 30 to 40 is too small a count to pass the test alone,
    # but far beyond its peers' (0 to 2 per cent): an outlier on the year as well.
    series: dict[tuple[str, str], list[float | None]] = {}
    for district, last_year in zip(DISTRICTS[:5], (100, 99, 101, 98, 102), strict=True):
        series[("crimes", district)] = [100] * 12 + [last_year] + [100] * 12
    series[("crimes", "D6")] = [12] * 12 + [30] + [12] * 11 + [40]
    series[("crimes", FORCE)] = [sum(s[i] or 0 for s in series.values()) for i in range(25)]
    fig = figures(series, "2017-10", districts=DISTRICTS)
    assert abs(poisson(40, 30)) < Z95 < abs(poisson(40, 12))
    year = one(facts_of(fig, "2019-10"), "area.outlier", "crimes", "D6", comparison="year")
    assert year.significant is True
    assert year.direction == "up"
    assert year.value == pytest.approx(100 * 10 / 30, abs=1e-6)
