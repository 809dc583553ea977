"""The bundled sample: the engine finds the data facts of sections 4.1 to 5.2 of the seed paper.

The numbers below are the reference paper's (``samples/generate_cambridgeshire.py`` holds
them as its calibration targets); they may appear in tests, never in ``narrator/``. Each
printed value is compared as the paper prints it: rates and per cent changes to one decimal.
"""

from __future__ import annotations

import pytest

from narrator.api import FactsResult, load_facts
from narrator.facts import Fact
from narrator.resources import sample_dir

FORCE = "Cambridgeshire"
DISTRICTS = (
    "Peterborough",
    "Fenland",
    "Huntingdonshire",
    "Cambridge City",
    "East Cambridgeshire",
    "South Cambridgeshire",
)


@pytest.fixture(scope="module")
def sample() -> FactsResult:
    return load_facts(sample_dir(), "2019-10")


def fact(result: FactsResult, kind: str, measure: str, area: str = FORCE, **detail: object) -> Fact:
    """The one fact of a kind for a measure and area (narrowed by detail values)."""
    found = [
        f
        for f in result.facts.all(kind, measure, area)
        if all(f.detail.get(k) == v for k, v in detail.items())
    ]
    assert len(found) == 1, (kind, measure, area, detail, [f.id for f in found])
    return found[0]


def printed(value: float | None, decimals: int = 1) -> str:
    """The value as the paper prints it."""
    assert value is not None
    return f"{value:.{decimals}f}"


def rate(result: FactsResult, measure: str, area: str = FORCE) -> str:
    """A rolling 12-month rate printed with the catalogue's decimals."""
    found = fact(result, "level.rolling", measure, area)
    assert found.unit == "percent"
    return printed(found.value, result.figures.catalogue[measure].decimals)


def test_the_sample_loads_without_warnings(sample: FactsResult) -> None:
    assert sample.warnings == []
    assert sample.facts.month == "2019-10"
    assert len(sample.facts) > 1000


# ---- 4.1 Strategic measures ---------------------------------------------------------


def test_4_1_2_all_crime_outcome_rate_declines_again_to_9_7(sample: FactsResult) -> None:
    assert rate(sample, "ppo_rate_all") == "9.7"
    change = fact(sample, "change.rolling_month", "ppo_rate_all")
    assert change.direction == "down"
    assert change.method == "wilson-95"
    assert change.change is not None and -0.2 < change.change < 0  # "incremental"
    streak = fact(sample, "streak.rolling", "ppo_rate_all")
    assert streak.direction == "down"
    assert streak.detail["length"] >= 2  # "continued to decline ... another decrease"
    assert streak.detail["broken"] is False


def test_4_1_3_burglary_outcome_rate_8_5_significantly_above_long_term(
    sample: FactsResult,
) -> None:
    assert rate(sample, "db_ppo_rate") == "8.5"
    assert fact(sample, "change.rolling_month", "db_ppo_rate").direction == "up"
    benchmark = fact(sample, "benchmark.long_term", "db_ppo_rate")
    assert benchmark.reference_period == "LT:2016-04..2019-03"
    assert benchmark.method == "wilson-95"
    assert benchmark.significant is True
    assert benchmark.direction == "up"
    assert benchmark.reference is not None
    assert benchmark.reference < benchmark.statistic["ci_low"]


def test_4_1_3_south_burglary_outcomes_23_against_an_average_of_11(sample: FactsResult) -> None:
    assert fact(sample, "level", "db_ppo", "South").value == 23
    average = fact(sample, "change.average", "db_ppo", "South", months=12)
    assert average.value == 23
    assert printed(average.reference, 0) == "11"
    assert average.direction == "up"


def test_4_1_4_domestic_abuse_outcome_rate_falls_to_10_8_in_both_areas(
    sample: FactsResult,
) -> None:
    assert rate(sample, "da_ppo_rate") == "10.8"
    assert fact(sample, "streak.rolling", "da_ppo_rate").direction == "down"
    for area in (FORCE, "North", "South"):
        assert fact(sample, "change.rolling_month", "da_ppo_rate", area).direction == "down"


# ---- 4.2 Performance headlines ---------------------------------------------------------


def test_4_2_1_calls_fall_month_on_month(sample: FactsResult) -> None:
    for calls in ("calls_999", "calls_101"):
        change = fact(sample, "change.month", calls)
        assert change.direction == "down", calls
        assert change.method == "poisson-sqrt-95"


def test_4_2_1_share_graded_immediate_up_3_9_points_and_prompt_down(sample: FactsResult) -> None:
    shift = fact(sample, "share.shift", "share_immediate")
    assert printed(shift.change) == "3.9"
    assert shift.direction == "up"
    assert shift.unit == "percent"
    assert (shift.period, shift.reference_period) == ("R12:2019-10", "R12:2018-10")
    parts = {p["measure"]: p["change"] for p in shift.detail["parts"]}
    assert printed(parts["share_immediate"]) == "3.9"
    assert printed(parts["share_prompt"]) == "-3.9"
    assert shift.detail["whole"] == "incidents_all"
    for measure, direction in (("share_immediate", "up"), ("share_prompt", "down")):
        trend = fact(sample, "trend.long_term", measure)
        assert trend.significant is True
        assert trend.direction == direction


def test_4_2_2_recorded_crime_flat_on_the_month_and_trending_up(sample: FactsResult) -> None:
    month = fact(sample, "change.month", "crimes_all")
    assert month.significant is False
    assert month.change_pct is not None and abs(month.change_pct) < 0.5
    trend = fact(sample, "trend.long_term", "crimes_all")
    assert trend.significant is True and trend.direction == "up"
    north = fact(sample, "change.rolling_year", "crimes_all", "North")
    south = fact(sample, "change.rolling_year", "crimes_all", "South")
    assert north.significant is False  # "remains stable"
    assert south.significant is True and south.direction == "up"


EXPECTED_FY_CHANGE = {"Cambridge City": "10.0", "East Cambridgeshire": "5.6", "Fenland": "3.3"}


@pytest.mark.parametrize("district", DISTRICTS)
def test_4_2_2_district_crime_against_2018_19(sample: FactsResult, district: str) -> None:
    change = fact(sample, "change.financial_year", "crimes_all", district)
    assert change.reference_period == "FY:2018"
    assert change.period == "R12:2019-10"
    assert change.method == "poisson-sqrt-95"
    if district in EXPECTED_FY_CHANGE:
        assert printed(change.change_pct) == EXPECTED_FY_CHANGE[district]
        assert change.significant is True and change.direction == "up"
    else:
        assert change.significant is False


def test_4_2_3_catalytic_converters_in_cambridge_city(sample: FactsResult) -> None:
    city = fact(sample, "calendar.year_to_date", "catalytic", "Cambridge City")
    assert city.value == 118
    assert city.period == "CY:2019:2019-10"
    assert city.detail["2018"] == 16
    assert all(1 <= city.detail[str(year)] <= 9 for year in range(2014, 2018))
    assert city.reference == 16  # the highest earlier year
    assert city.direction == "up"


@pytest.mark.parametrize(
    ("district", "higher"),
    [
        ("Huntingdonshire", True),
        ("Peterborough", True),
        ("South Cambridgeshire", True),
        ("East Cambridgeshire", False),
        ("Fenland", False),
    ],
)
def test_4_2_3_catalytic_2019_against_every_earlier_year(
    sample: FactsResult, district: str, higher: bool
) -> None:
    found = fact(sample, "calendar.year_to_date", "catalytic", district)
    assert found.reference is not None
    assert (found.value > found.reference) is higher


def test_4_2_5_crimes_awaiting_allocation_786_636_214(sample: FactsResult) -> None:
    changes = {
        (f.reference_period, f.period): f
        for f in sample.facts.select(kind="snapshot.change", measure="awaiting_allocation")
    }
    assert set(changes) == {
        ("D:2019-10-01", "D:2019-11-01"),
        ("D:2019-11-01", "D:2019-11-26"),
        ("D:2019-10-01", "D:2019-11-26"),
    }
    october = changes[("D:2019-10-01", "D:2019-11-01")]
    assert (october.reference, october.value) == (786, 636)
    last = changes[("D:2019-11-01", "D:2019-11-26")]
    assert (last.reference, last.value) == (636, 214)
    assert printed(last.change_pct, 0) == "-66"  # "66% lower than the start of November"
    assert last.direction == "down"
    assert last.method == "difference between snapshots"
    assert all(f.area == FORCE for f in changes.values())


def test_4_2_6_arrests_858_and_29_months_of_falls_broken(sample: FactsResult) -> None:
    assert fact(sample, "level", "arrests").value == 858
    month = fact(sample, "change.month", "arrests")
    assert month.direction == "up"
    year = fact(sample, "change.year", "arrests", years=1)
    assert year.reference == 851
    assert year.significant is False  # "consistent with the October 2018 figure"
    rolling = fact(sample, "change.rolling_month", "arrests")
    assert rolling.significant is False  # "the 12 month total remained stable"
    streak = fact(sample, "streak.rolling", "arrests")
    assert streak.detail["broken"] is True
    assert streak.detail["previous_direction"] == "down"
    assert streak.detail["previous_length"] == 29
    assert streak.detail["since"] == "2017-04"
    assert streak.detail["since_known"] is True


def test_4_2_7_burglary_victim_satisfaction_84_3_consistent(sample: FactsResult) -> None:
    assert rate(sample, "sat_db") == "84.3"
    change = fact(sample, "change.rolling_month", "sat_db")
    assert change.significant is False
    assert change.method == "wilson-95"
    sat_db = fact(sample, "level.rolling", "sat_db").value
    assert sat_db > fact(sample, "level.rolling", "sat_all").value


# ---- 5.1 Serious street based violence -------------------------------------------------


def test_5_1_2_violence_with_injury_stable_but_above_year_end_twice(sample: FactsResult) -> None:
    assert fact(sample, "change.rolling_year", "vwi_crimes").significant is False
    for years in (1, 2):
        assert fact(sample, "change.year", "vwi_crimes", years=years).significant is False
    year_end = fact(sample, "benchmark.year_end", "vwi_crimes")
    assert year_end.reference_period == "R12:2019-03"
    assert year_end.significant is True
    assert year_end.direction == "up"
    assert year_end.method == "poisson-sqrt-95"
    assert year_end.detail["times_this_fy"] == 2  # "for the second time this financial year"


def test_5_1_2_violence_with_injury_north_down_3_0_south_up_4_8(sample: FactsResult) -> None:
    north = fact(sample, "change.rolling_year", "vwi_crimes", "North")
    south = fact(sample, "change.rolling_year", "vwi_crimes", "South")
    assert printed(north.change_pct) == "-3.0"
    assert printed(south.change_pct) == "4.8"
    assert north.direction == "down" and south.direction == "up"
    variation = fact(sample, "area.variation", "vwi_crimes")
    assert variation.direction == "mixed"
    children = {c["area"]: c for c in variation.detail["children"]}
    assert printed(children["North"]["change"]) == "-3.0"
    assert printed(children["South"]["change"]) == "4.8"


def test_5_1_3_possession_of_weapons_11_of_12_months_and_trending_up(
    sample: FactsResult,
) -> None:
    above = fact(sample, "count.above_previous_years", "pow_crimes")
    assert above.value == 11
    assert above.detail["months"] == 12 and above.detail["years"] == 2
    assert above.direction == "up"
    trend = fact(sample, "trend.long_term", "pow_crimes")
    assert trend.significant is True and trend.direction == "up"


def test_5_1_3_weapons_outcome_rate_39_1_against_48_5_in_2018_19(sample: FactsResult) -> None:
    assert rate(sample, "pow_ppo_rate") == "39.1"
    change = fact(sample, "change.financial_year", "pow_ppo_rate")
    assert printed(change.value) == "39.1"
    assert printed(change.reference) == "48.5"
    assert change.reference_period == "FY:2018"
    assert change.direction == "down"
    assert change.method == "wilson-95"
    trend = fact(sample, "trend.long_term", "pow_ppo_rate")
    assert trend.direction == "down"  # "the long term trend ... continues to decline"


def test_5_1_4_stop_searches_330_against_231_and_22_finds(sample: FactsResult) -> None:
    assert fact(sample, "level.rolling", "ss_weapons").value == 330
    year = fact(sample, "change.rolling_year", "ss_weapons")
    assert (year.value, year.reference) == (330, 231)
    assert year.reference_period == "R12:2018-10"
    assert fact(sample, "level.rolling", "ss_weapons_found").value == 22


def test_5_1_6_violent_crime_satisfaction_73_0_below_all_victims_78_1(
    sample: FactsResult,
) -> None:
    assert rate(sample, "sat_violent") == "73.0"
    assert rate(sample, "sat_all") == "78.1"
    violent = fact(sample, "level.rolling", "sat_violent").value
    assert violent < fact(sample, "level.rolling", "sat_all").value


# ---- 5.2 Dwelling burglary ---------------------------------------------------------------


def test_5_2_1_burglary_incidents_236_above_september_below_a_year_ago(
    sample: FactsResult,
) -> None:
    assert fact(sample, "level", "db_incidents").value == 236
    assert fact(sample, "change.month", "db_incidents").direction == "up"
    assert fact(sample, "change.year", "db_incidents", years=1).direction == "down"


def test_5_2_1_peterborough_a_clear_outlier_on_last_month(sample: FactsResult) -> None:
    outlier = fact(sample, "area.outlier", "db_incidents", "Peterborough", comparison="month")
    assert outlier.significant is True
    assert outlier.direction == "up"
    assert outlier.statistic["z"] > 3
    others = sample.facts.select(kind="area.outlier", measure="db_incidents")
    assert {f.area for f in others} == {"Peterborough"}


def test_5_2_1_peterborough_a_clear_outlier_on_october_2018(sample: FactsResult) -> None:
    outlier = fact(sample, "area.outlier", "db_incidents", "Peterborough", comparison="year")
    assert outlier.direction == "up"


def test_5_2_3_burglary_crimes_184_above_september_below_two_years(sample: FactsResult) -> None:
    assert fact(sample, "level", "db_crimes").value == 184
    assert fact(sample, "change.month", "db_crimes").direction == "up"
    for years in (1, 2):
        assert fact(sample, "change.year", "db_crimes", years=years).direction == "down"


def test_5_2_4_burglary_outcome_month_above_one_and_three_year_averages(
    sample: FactsResult,
) -> None:
    for months in (12, 36):
        average = fact(sample, "change.average", "db_ppo_rate", months=months)
        assert average.direction == "up", months
        assert average.method == "wilson-95"
    north = fact(sample, "benchmark.year_end", "db_ppo_rate", "North")
    south = fact(sample, "benchmark.year_end", "db_ppo_rate", "South")
    assert south.value > north.value  # "South continues to outperform North"
    assert north.change is not None and north.change > 0  # both improved on year end
    assert south.change is not None and south.change > 0


def test_5_2_5_burglary_satisfaction_84_3_above_all_victims(sample: FactsResult) -> None:
    assert rate(sample, "sat_db") == "84.3"
    assert rate(sample, "sat_all") == "78.1"


def test_every_fact_of_the_sample_cites_its_cells(sample: FactsResult) -> None:
    measures = {m.id for m in sample.figures.catalogue}
    for found in sample.facts:
        assert found.sources, found.id
        for source in found.sources:
            measure, area, span = source.split("|")
            assert measure in measures and area in sample.figures.areas, source
            assert span[:4].isdigit()
