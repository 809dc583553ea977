#!/usr/bin/env python3
"""Generate the figures of the bundled Cambridgeshire sample project, then check them.

    python samples/generate_cambridgeshire.py           # write cambridgeshire/figures.csv, check it
    python samples/generate_cambridgeshire.py --check   # only check the existing figures.csv

The figures are SYNTHETIC. They are not Cambridgeshire Constabulary's data: they are drawn
from a seeded random model (numpy ``Generator``, fixed seed) with realistic volumes, trends
and seasonality, and then calibrated so that the reporting month October 2019 yields the
facts that sections 4.1 to 5.2 of the reference paper (``/work/shared/seed``) state: "the
all crime 12 month prosecution possible outcome rate ... now at 9.7%", "Peterborough was a
clear outlier", "fallen for 29 consecutive months" and so on. This script is the one place
in the repository allowed to know those numbers: they are the ``TARGET_*`` constants below,
never part of ``narrator/`` or ``phrasebank/``.

How the figures are made, in three stages:

1. **Model.** Every count series is a Poisson draw around an expected monthly value:
   an annual level that moves along a piecewise-linear trend (``_path``), times a monthly
   seasonal profile (burglary peaks in the dark winter months, violence and calls in the
   summer), split between the six districts by fixed shares. Numerators of ratios
   (prosecution possible outcomes, satisfied victims, weapons found, incidents by grading)
   are binomial draws out of their denominators, with a rate that follows its own trend.
   Districts are drawn; areas and the force are their exact sums.
2. **Calibration.** A sequence of small, named, documented steps (``calibrate_*``) moves
   a few monthly values so that each target of the October 2019 paper holds exactly under
   the definitions the fact engine uses (rolling 12 month totals, pooled rates, Wilson
   intervals, the square-root Poisson test, robust z-scores, OLS trends). Each step changes
   only the months it names, distributes every change over districts in proportion to
   their size, and never breaks a numerator <= denominator constraint. The steps are
   ordered so that a later step never undoes an earlier one (each says which windows it
   leaves alone).
3. **Check.** ``check()`` reloads the written CSV with plain pandas/scipy, recomputes every
   target from scratch under the definitions below (independently of the generator's own
   arrays) together with the data contract (sums over the hierarchy, numerators within
   denominators, no negative values, complete series, sort order, integer formatting) and
   exits non-zero, naming the failure, if anything misses.

Definitions used by the calibration and the check (m = reporting month):
- R12(m): sum of the 12 months m-11..m; a ratio's R12 rate = 100 * sum(num) / sum(den).
- A printed rate of "9.7%" means a value in [9.65, 9.75).
- Long-term benchmark: the three financial years before the current one (April 2016 to
  March 2019); a rate is "significantly higher" when the benchmark is below the Wilson 95%
  interval of the current R12 rate; a count uses z = 2 (sqrt(a) - sqrt(b)), |z| > 1.96.
- Year end benchmark: R12 at March 2019.
- Outliers: robust z = 0.6745 (x - median) / MAD over the six districts, |z| > 3.
- Long-term trend: OLS slope of the last 36 monthly values, p < 0.05.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

HERE = Path(__file__).resolve().parent
PROJECT = HERE / "cambridgeshire"
FIGURES = PROJECT / "figures.csv"

#: The seed of the random model: the date of the performance meeting the paper reports on.
SEED = 20191127

# --------------------------------------------------------------------------------------
# Months: t = 0 is April 2014, t = 66 is October 2019 (67 months).
# --------------------------------------------------------------------------------------
FIRST_YEAR, FIRST_MONTH = 2014, 4
N_MONTHS = 67


def ti(iso: str) -> int:
    """Column of a ``YYYY-MM`` month."""
    year, month = (int(p) for p in iso.split("-"))
    return (year - FIRST_YEAR) * 12 + (month - FIRST_MONTH)


def iso(t: int) -> str:
    """``YYYY-MM`` of a column."""
    total = FIRST_YEAR * 12 + FIRST_MONTH - 1 + t
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def month_of_year(t: int) -> int:
    """1..12."""
    return (FIRST_MONTH - 1 + t) % 12 + 1


def calendar_year(t: int) -> int:
    return FIRST_YEAR + (FIRST_MONTH - 1 + t) // 12


def span(first: str, last: str) -> list[int]:
    """Columns of the months ``first`` to ``last`` inclusive."""
    return list(range(ti(first), ti(last) + 1))


MONTHS = [iso(t) for t in range(N_MONTHS)]
OCT19, SEP19, AUG19 = ti("2019-10"), ti("2019-09"), ti("2019-08")
OCT18, OCT17, MAR19 = ti("2019-10") - 12, ti("2019-10") - 24, ti("2019-03")
#: The long-term benchmark of October 2019: financial years 2016/17 to 2018/19.
LONG_TERM = span("2016-04", "2019-03")
#: Financial year 2018/19.
FY1819 = span("2018-04", "2019-03")
#: Months of this financial year up to the reporting month.
FYTD = span("2019-04", "2019-10")
#: The 36 months of the long-term trend ending October 2019.
TREND = span("2016-11", "2019-10")

# --------------------------------------------------------------------------------------
# Areas.
# --------------------------------------------------------------------------------------
FORCE = "Cambridgeshire"
AREAS: dict[str, tuple[str, ...]] = {
    "North": ("Peterborough", "Fenland", "Huntingdonshire"),
    "South": ("Cambridge City", "East Cambridgeshire", "South Cambridgeshire"),
}
DISTRICTS = tuple(d for ds in AREAS.values() for d in ds)
AREA_OF = {d: a for a, ds in AREAS.items() for d in ds}
ALL_AREAS = (FORCE, *AREAS, *DISTRICTS)

# --------------------------------------------------------------------------------------
# Calibration targets: the facts of sections 4.1 to 5.2 of the reference paper.
# --------------------------------------------------------------------------------------
TARGET_PPO_RATE_ALL = 9.7  # 4.1.2 "leaving the rate now at 9.7%"
TARGET_DB_PPO_RATE = 8.5  # 4.1.3 / 5.2.4 "increased to 8.5%"
TARGET_DB_PPO_SOUTH_OCT = 23  # 4.1.3 "23 in October"
TARGET_DB_PPO_SOUTH_MEAN = 11  # 4.1.3 "the monthly average over the last 12 month ... is 11"
TARGET_DA_PPO_RATE = 10.8  # 4.1.4 "falling to 10.8%"
TARGET_SHARE_SHIFT = 3.9  # 4.2.1 "3.9% increase ... immediate ... 3.9% decrease in prompt"
TARGET_CRIME_FY_CHANGE = {  # 4.2.2 12 months to October 2019 against 2018/19
    "Cambridge City": 10.0,
    "East Cambridgeshire": 5.6,
    "Fenland": 3.3,
}
TARGET_CATALYTIC_CITY_2018 = 16  # 4.2.3 "to 16 in 2018"
TARGET_CATALYTIC_CITY_2019 = 118  # 4.2.3 "jumping to 118 for 2019 to 1st November"
CATALYTIC_RISING = ("Huntingdonshire", "Peterborough", "South Cambridgeshire")
TARGET_ALLOCATION = {  # 4.2.5 investigations requiring allocation
    "2019-10-01": 786,
    "2019-11-01": 636,
    "2019-11-26": 214,
}
TARGET_ARRESTS_OCT19 = 858  # 4.2.6 "to 858"
ARRESTS_OCT18 = 851  # "consistent with the October 2018 figure" (and no higher than 858)
ARRESTS_STREAK_FROM = ti("2017-05")  # "first time since April 2017 ... 29 consecutive months"
TARGET_SAT_DB = 84.3  # 4.2.7 / 5.2.5
TARGET_SAT_ALL = 78.1  # 5.1.6
TARGET_SAT_VIOLENT = 73.0  # 5.1.6 "73%"
TARGET_VWI_AREA_CHANGE = {"North": -3.0, "South": 4.8}  # 5.1.2
TARGET_POW_MONTHS_ABOVE = 11  # 5.1.3 "11 of the last 12 months"
TARGET_POW_PPO_RATE = 39.1  # 5.1.3
TARGET_POW_PPO_FY = 48.5  # 5.1.3 "48.5% for the 2018/19 financial year"
TARGET_SS_R12 = 330  # 5.1.4
TARGET_SS_R12_LAST_YEAR = 231  # 5.1.4
TARGET_SS_FOUND_R12 = 22  # 5.1.4
TARGET_DB_INCIDENTS_OCT = 236  # 5.2.1
TARGET_DB_CRIMES_OCT = 184  # 5.2.3

Z95 = 1.959963984540054

# --------------------------------------------------------------------------------------
# Seasonal profiles (January .. December), normalised to a mean of 1.
# --------------------------------------------------------------------------------------


def _profile(values: Sequence[float]) -> np.ndarray:
    arr = np.asarray(values, dtype=float)
    return arr / arr.mean()


SEASON = {
    "flat": _profile([1.0] * 12),
    # All crime: a little higher in the summer, February short.
    "crime": _profile([0.97, 0.89, 0.99, 0.98, 1.04, 1.05, 1.08, 1.04, 1.0, 1.02, 0.99, 0.95]),
    # Violence: long light evenings and the night-time economy in the summer.
    "violence": _profile([0.94, 0.87, 0.97, 0.98, 1.06, 1.08, 1.12, 1.07, 1.0, 1.0, 0.95, 0.98]),
    # Domestic abuse: summer and Christmas peaks.
    "domestic": _profile([1.02, 0.9, 0.97, 0.98, 1.03, 1.05, 1.06, 1.04, 0.98, 0.98, 0.95, 1.04]),
    # Dwelling burglary: the dark months, peaking November-January.
    "burglary": _profile([1.14, 0.98, 0.92, 0.85, 0.84, 0.82, 0.86, 0.9, 0.96, 1.1, 1.28, 1.32]),
    # Calls for service and incidents: summer peak.
    "calls": _profile([0.94, 0.88, 0.97, 0.98, 1.04, 1.06, 1.1, 1.07, 1.0, 1.0, 0.96, 1.0]),
    # Arrests: mild.
    "arrests": _profile([0.98, 0.93, 1.0, 0.98, 1.02, 1.02, 1.04, 1.02, 1.0, 1.01, 1.0, 0.98]),
}
MOY = np.array([month_of_year(t) for t in range(N_MONTHS)])


def _path(knots: dict[str, float]) -> np.ndarray:
    """A value per month, linear between knots keyed by ``YYYY-MM``, flat beyond them."""
    xs = [ti(k) for k in knots]
    return np.interp(np.arange(N_MONTHS), xs, list(knots.values()))


def _monthly(annual: np.ndarray, season: str) -> np.ndarray:
    """Expected monthly value from an annual level and a seasonal profile."""
    return annual / 12.0 * SEASON[season][MOY - 1]


# --------------------------------------------------------------------------------------
# The store: leaf series (districts, areas or the force) that every other level sums from.
# --------------------------------------------------------------------------------------
#: Ratio measures: id -> (numerator, denominator). incidents_all is the sum of its gradings.
RATIOS = {
    "ppo_rate_all": ("ppo_all", "crimes_all"),
    "db_ppo_rate": ("db_ppo", "db_crimes"),
    "da_ppo_rate": ("da_ppo", "da_crimes"),
    "pow_ppo_rate": ("pow_ppo", "pow_crimes"),
    "ss_weapons_find_rate": ("ss_weapons_found", "ss_weapons"),
    "share_immediate": ("incidents_immediate", "incidents_all"),
    "share_prompt": ("incidents_prompt", "incidents_all"),
    "sat_all": ("sat_all_satisfied", "sat_all_surveyed"),
    "sat_db": ("sat_db_satisfied", "sat_db_surveyed"),
    "sat_violent": ("sat_violent_satisfied", "sat_violent_surveyed"),
}
INCIDENT_GRADES = ("incidents_immediate", "incidents_prompt", "incidents_scheduled")


class CalibrationError(RuntimeError):
    """A calibration step could not reach its target: the model needs retuning."""


def apportion(amount: int, weights: np.ndarray, room: np.ndarray) -> np.ndarray:
    """Split a non-negative integer ``amount`` over slots in proportion to ``weights``.

    No slot receives more than its ``room``; what does not fit moves to the other slots.
    Deterministic (floors of the exact shares, then the largest remainders).
    """
    weights = np.asarray(weights, dtype=float) + 1e-6
    room = np.asarray(room, dtype=float)
    out = np.zeros(len(weights), dtype=np.int64)
    remaining = int(amount)
    while remaining > 0:
        free = room - out
        active = free >= 1
        if not active.any():
            raise CalibrationError(f"cannot place {remaining} more: every slot is full")
        share = np.where(active, weights, 0.0)
        share = share / share.sum()
        exact = share * remaining
        alloc = np.minimum(np.floor(exact), np.floor(free)).astype(np.int64)
        # Largest remainders first for what the floors left over, one each.
        left = remaining - int(alloc.sum())
        fraction = np.where(active & (alloc < np.floor(free)), exact - np.floor(exact), -1.0)
        for i in np.argsort(-fraction, kind="stable")[:left]:
            if fraction[i] >= 0:
                alloc[i] += 1
        if alloc.sum() == 0:
            alloc[int(np.argmax(share))] = 1
        out += alloc
        remaining -= int(alloc.sum())
    return out


class Store:
    """Integer leaf series per measure: shape (leaves, months)."""

    def __init__(self) -> None:
        self.leaves: dict[str, tuple[str, ...]] = {}
        self.data: dict[str, np.ndarray] = {}

    def put(self, measure: str, leaves: tuple[str, ...], values: np.ndarray) -> None:
        values = np.asarray(values)
        assert values.shape == (len(leaves), N_MONTHS), (measure, values.shape)
        self.leaves[measure] = leaves
        self.data[measure] = np.rint(values).astype(np.int64)

    def index(self, measure: str, area: str) -> np.ndarray:
        """Leaf rows that make up ``area``."""
        leaves = self.leaves[measure]
        if area == FORCE:
            return np.arange(len(leaves))
        if area in leaves:
            return np.array([leaves.index(area)])
        if area in AREAS:
            return np.array([leaves.index(d) for d in AREAS[area] if d in leaves])
        raise KeyError(f"{measure} has no leaves for {area}")

    def total(self, measure: str, area: str = FORCE) -> np.ndarray:
        """Monthly totals of an area (as floats, for arithmetic)."""
        if measure == "incidents_all":
            return sum(self.total(g, area) for g in INCIDENT_GRADES)
        return self.data[measure][self.index(measure, area)].sum(axis=0).astype(float)

    def _bounds(self, measure: str, rows: np.ndarray, t: int) -> tuple[np.ndarray, np.ndarray]:
        """Per leaf: the lowest and highest value allowed (numerators within denominators)."""
        lower = np.zeros(len(rows))
        upper = np.full(len(rows), np.inf)
        for num, den in RATIOS.values():
            if den == measure and num in self.data:
                lower = np.maximum(lower, self.data[num][rows, t])
            if num == measure and den in self.data:
                upper = np.minimum(upper, self.data[den][rows, t])
        return lower, upper

    def add(self, measure: str, area: str, t: int, delta: int) -> None:
        """Change an area's value at month ``t`` by ``delta``, spread over its leaves."""
        delta = int(delta)
        if delta == 0:
            return
        rows = self.index(measure, area)
        values = self.data[measure][rows, t].astype(float)
        lower, upper = self._bounds(measure, rows, t)
        if delta > 0:
            change = apportion(delta, values + 0.5, np.minimum(upper - values, 1e9))
        else:
            change = -apportion(-delta, values + 0.5, values - lower)
        self.data[measure][rows, t] += change

    def room(self, measure: str, area: str, t: int, sign: int) -> float:
        rows = self.index(measure, area)
        values = self.data[measure][rows, t].astype(float)
        lower, upper = self._bounds(measure, rows, t)
        return float(np.minimum(upper - values, 1e9).sum() if sign > 0 else (values - lower).sum())

    def spread(self, measure: str, area: str, months: Iterable[int], delta: int) -> None:
        """Change an area's total over ``months`` by ``delta``, in proportion to each month."""
        delta = int(delta)
        if delta == 0:
            return
        months = list(months)
        sign = 1 if delta > 0 else -1
        totals = self.total(measure, area)[months]
        rooms = np.array([self.room(measure, area, t, sign) for t in months])
        parts = apportion(abs(delta), totals + 0.5, rooms)
        for t, part in zip(months, parts, strict=True):
            self.add(measure, area, t, sign * int(part))

    def set(self, measure: str, area: str, t: int, value: int) -> None:
        """Set an area's value at month ``t``."""
        self.add(measure, area, t, int(value) - int(self.total(measure, area)[t]))

    def shift(self, measure: str, area: str, source: int, months: Iterable[int], k: int) -> None:
        """Move ``k`` from month ``source`` to ``months`` (window totals containing both stay)."""
        self.add(measure, area, source, -k)
        self.spread(measure, area, months, k)


# Rolling helpers used by calibration (the check has its own, independent ones).
def r12(x: np.ndarray, t: int) -> float:
    return float(x[t - 11 : t + 1].sum())


def rate12(num: np.ndarray, den: np.ndarray, t: int) -> float:
    return 100.0 * r12(num, t) / r12(den, t)


def poisson_z(current: float, baseline: float) -> float:
    return 2.0 * (math.sqrt(current) - math.sqrt(baseline))


# --------------------------------------------------------------------------------------
# Stage 1: the random model.
# --------------------------------------------------------------------------------------
#: District shares of each family of offences (Peterborough is the busiest district).
SHARES = {
    "crime": None,  # all crime has its own district levels (CRIME_LEVELS)
    "burglary": [0.30, 0.11, 0.15, 0.22, 0.08, 0.14],
    "incidents": [0.26, 0.11, 0.16, 0.23, 0.08, 0.16],
    "domestic": [0.33, 0.13, 0.17, 0.17, 0.07, 0.13],
    "violence": [0.30, 0.11, 0.14, 0.25, 0.07, 0.13],
    "weapons": [0.33, 0.10, 0.13, 0.26, 0.06, 0.12],
    "arrests": [0.36, 0.12, 0.15, 0.20, 0.06, 0.11],
}
#: Recorded crime per year by district: recording-driven growth to 2017, then Cambridge
#: City, East Cambridgeshire and Fenland keep rising while the rest level off.
CRIME_LEVELS = {
    "Peterborough": {"2014-04": 17500, "2016-04": 19400, "2017-10": 20700, "2019-10": 20600},
    "Fenland": {
        "2014-04": 6000,
        "2016-04": 6500,
        "2017-10": 6850,
        "2018-10": 6950,
        "2019-10": 7450,
    },
    "Huntingdonshire": {"2014-04": 8600, "2016-04": 9300, "2017-10": 9850, "2019-10": 9800},
    # Cambridge City steps up in spring 2019.
    "Cambridge City": {
        "2014-04": 11500,
        "2016-04": 12300,
        "2017-10": 12900,
        "2019-01": 13100,
        "2019-05": 15200,
        "2019-10": 15400,
    },
    "East Cambridgeshire": {
        "2014-04": 3400,
        "2016-04": 3700,
        "2017-10": 3950,
        "2018-06": 4000,
        "2019-10": 4230,
    },
    "South Cambridgeshire": {"2014-04": 6000, "2016-04": 6500, "2017-10": 6900, "2019-10": 6900},
}


def _draw_districts(
    rng: np.random.Generator, expected_force: np.ndarray, shares: Sequence[float]
) -> np.ndarray:
    lam = np.outer(np.asarray(shares) / np.sum(shares), expected_force)
    return rng.poisson(lam)


def _binomial(rng: np.random.Generator, den: np.ndarray, rate: np.ndarray) -> np.ndarray:
    return rng.binomial(den, np.clip(np.broadcast_to(rate, den.shape), 0, 1))


def model(rng: np.random.Generator) -> Store:
    """Stage 1: draw every series from the seeded model (before calibration)."""
    s = Store()

    # All crime and its prosecution possible outcomes (a rate falling over the years).
    crimes = np.vstack([rng.poisson(_monthly(_path(CRIME_LEVELS[d]), "crime")) for d in DISTRICTS])
    s.put("crimes_all", DISTRICTS, crimes)
    ppo_rate = _path({"2014-04": 0.152, "2016-04": 0.133, "2018-04": 0.112, "2019-10": 0.094})
    ppo_mult = np.array([1.06, 1.05, 1.0, 0.9, 0.98, 0.97])[:, None]
    s.put("ppo_all", DISTRICTS, _binomial(rng, s.data["crimes_all"], ppo_mult * ppo_rate))

    # Dwelling burglary: crimes, their outcomes (South detects far more than North),
    # and the incidents reported (more incidents than crimes recorded).
    db_level = _path({"2014-04": 2650, "2016-04": 2500, "2018-10": 2400, "2019-10": 2120})
    s.put(
        "db_crimes",
        DISTRICTS,
        _draw_districts(rng, _monthly(db_level, "burglary"), SHARES["burglary"]),
    )
    north_rate = _path(
        {"2014-04": 0.07, "2016-04": 0.05, "2018-04": 0.036, "2019-03": 0.033, "2019-10": 0.05}
    )
    south_rate = _path(
        {"2014-04": 0.11, "2016-04": 0.095, "2018-04": 0.095, "2019-03": 0.105, "2019-10": 0.125}
    )
    rates = np.vstack([north_rate if AREA_OF[d] == "North" else south_rate for d in DISTRICTS])
    s.put("db_ppo", DISTRICTS, _binomial(rng, s.data["db_crimes"], rates))
    inc_level = db_level * 1.3
    s.put(
        "db_incidents",
        DISTRICTS,
        _draw_districts(rng, _monthly(inc_level, "burglary"), SHARES["incidents"]),
    )

    # Domestic abuse: rising recording, a falling outcome rate.
    da_level = _path({"2014-04": 5200, "2016-04": 6600, "2018-04": 8000, "2019-10": 8800})
    s.put(
        "da_crimes",
        DISTRICTS,
        _draw_districts(rng, _monthly(da_level, "domestic"), SHARES["domestic"]),
    )
    da_rate = _path({"2014-04": 0.24, "2016-04": 0.20, "2018-04": 0.145, "2019-10": 0.098})
    s.put("da_ppo", DISTRICTS, _binomial(rng, s.data["da_crimes"], da_rate))

    # Violence with injury: North levelling off then falling, South rising; a quieter
    # winter 2018/19 and a busier summer 2019 (calibrated exactly later).
    vwi_n = _path(
        {
            "2014-04": 2300,
            "2016-04": 2700,
            "2017-04": 2950,
            "2018-10": 3050,
            "2019-01": 2850,
            "2019-03": 2850,
            "2019-07": 2950,
            "2019-10": 2950,
        }
    )
    vwi_s = _path(
        {
            "2014-04": 1900,
            "2016-04": 2200,
            "2017-04": 2400,
            "2018-10": 2500,
            "2019-01": 2380,
            "2019-03": 2420,
            "2019-07": 2750,
            "2019-10": 2700,
        }
    )
    north_sh = np.array(SHARES["violence"][:3]) / sum(SHARES["violence"][:3])
    south_sh = np.array(SHARES["violence"][3:]) / sum(SHARES["violence"][3:])
    vwi = np.vstack(
        [
            rng.poisson(np.outer(north_sh, _monthly(vwi_n, "violence"))),
            rng.poisson(np.outer(south_sh, _monthly(vwi_s, "violence"))),
        ]
    )
    s.put("vwi_crimes", DISTRICTS, vwi)

    # Possession of weapons: a steady rise; the outcome rate falls away in 2019.
    pow_level = _path(
        {
            "2014-04": 280,
            "2016-04": 350,
            "2017-04": 420,
            "2018-04": 520,
            "2019-04": 650,
            "2019-10": 730,
        }
    )
    s.put(
        "pow_crimes",
        DISTRICTS,
        _draw_districts(rng, _monthly(pow_level, "violence"), SHARES["weapons"]),
    )

    # Stop searches for offensive weapons, rising; weapons found on a few occasions.
    ss_level = _path(
        {
            "2014-04": 150,
            "2016-04": 170,
            "2017-04": 200,
            "2018-04": 225,
            "2018-10": 245,
            "2019-04": 335,
            "2019-10": 370,
        }
    )
    # Reported for the force and the two areas only: finds are too few to split further.
    s.put(
        "ss_weapons", tuple(AREAS), _draw_districts(rng, _monthly(ss_level, "flat"), [0.56, 0.44])
    )

    # People arrested: a long decline that levels off in autumn 2019.
    arrests_level = _path(
        {
            "2014-04": 13300,
            "2016-04": 12500,
            "2017-04": 12450,
            "2018-04": 11000,
            "2018-10": 10250,
            "2019-04": 10000,
            "2019-09": 9850,
            "2019-10": 10150,
        }
    )
    s.put(
        "arrests",
        DISTRICTS,
        _draw_districts(rng, _monthly(arrests_level, "arrests"), SHARES["arrests"]),
    )

    # Calls for service: 999 rising, 101 falling (channel shift to online reporting).
    s.put(
        "calls_999",
        (FORCE,),
        rng.poisson(
            _monthly(
                _path({"2014-04": 92000, "2016-04": 98000, "2018-04": 104000, "2019-10": 108000}),
                "calls",
            )
        )[None, :],
    )
    s.put(
        "calls_101",
        (FORCE,),
        rng.poisson(
            _monthly(
                _path({"2014-04": 330000, "2016-04": 300000, "2018-04": 272000, "2019-10": 258000}),
                "calls",
            )
        )[None, :],
    )

    # Incidents by grading: the immediate share rises, the prompt share falls.
    incidents = rng.poisson(_monthly(_path({"2014-04": 176000, "2019-10": 186000}), "calls"))
    immediate = _path(
        {"2014-04": 0.150, "2016-11": 0.158, "2017-11": 0.164, "2018-10": 0.172, "2019-10": 0.228}
    )
    prompt = _path(
        {"2014-04": 0.460, "2016-11": 0.452, "2017-11": 0.447, "2018-10": 0.432, "2019-10": 0.388}
    )
    grades = np.array(
        [
            rng.multinomial(n, [i, p, 1 - i - p])
            for n, i, p in zip(incidents, immediate, prompt, strict=True)
        ]
    ).T
    for name, row in zip(INCIDENT_GRADES, grades, strict=True):
        s.put(name, (FORCE,), row[None, :])

    # Victim satisfaction surveys, by area (a drift down in overall satisfaction).
    for survey, (n_north, n_south), rate in (
        ("sat_all", (62, 55), _path({"2014-04": 0.845, "2017-04": 0.82, "2019-10": 0.78})),
        ("sat_db", (12, 11), _path({"2014-04": 0.875, "2017-04": 0.86, "2019-10": 0.845})),
        ("sat_violent", (22, 19), _path({"2014-04": 0.785, "2017-04": 0.76, "2019-10": 0.73})),
    ):
        surveyed = rng.poisson(np.outer([n_north, n_south], np.ones(N_MONTHS)))
        s.put(f"{survey}_surveyed", tuple(AREAS), surveyed)
        s.put(f"{survey}_satisfied", tuple(AREAS), _binomial(rng, surveyed, rate))

    # Catalytic converter thefts: a handful a year until 2018, then a sharp rise in 2019
    # in Cambridge City, Huntingdonshire, Peterborough and South Cambridgeshire.
    cat = np.zeros((len(DISTRICTS), N_MONTHS))
    year = np.array([calendar_year(t) for t in range(N_MONTHS)])
    base = {
        "Peterborough": 0.9,
        "Fenland": 0.45,
        "Huntingdonshire": 0.7,
        "Cambridge City": 0.45,
        "East Cambridgeshire": 0.3,
        "South Cambridgeshire": 0.6,
    }
    surge = {
        "Peterborough": 4.0,
        "Fenland": 0.4,
        "Huntingdonshire": 3.0,
        "Cambridge City": 11.0,
        "East Cambridgeshire": 0.3,
        "South Cambridgeshire": 3.5,
    }
    ramp = np.clip((np.arange(N_MONTHS) - ti("2018-12")) / 10.0, 0, 1)
    for i, d in enumerate(DISTRICTS):
        lam = np.full(N_MONTHS, base[d])
        lam = np.where(year == 2018, base[d] * 1.4, lam)
        lam = np.where(year == 2019, base[d] + surge[d] * (0.3 + ramp), lam)
        cat[i] = rng.poisson(lam)
    s.put("catalytic", DISTRICTS, cat)
    return s


# --------------------------------------------------------------------------------------
# Stage 2: calibration, one documented step per paragraph of the paper.
# --------------------------------------------------------------------------------------
def _pin_rate(
    s: Store,
    num: str,
    den: str,
    area: str,
    window: Sequence[int],
    target: float,
    num_months: Sequence[int],
    num_area: str | None = None,
    den_months: Sequence[int] = (),
    den_sign: int = 0,
    tol: float = 0.02,
) -> None:
    """Make the pooled rate of ``area`` over ``window`` equal ``target`` (within ``tol``).

    Only ``num_months`` of the numerator (of ``num_area``, default ``area``) move; if no
    whole numerator fits, the denominator total over ``den_months`` moves by the smallest
    amount (in the direction ``den_sign`` if it is not 0) that lets one fit.
    """
    n_total = s.total(num, area)[list(window)].sum()
    d_total = s.total(den, area)[list(window)].sum()
    candidates = [0]
    if den_months:
        for k in range(1, 60):
            candidates += [k, -k] if den_sign == 0 else [den_sign * k]
    for d_delta in candidates:
        d_new = d_total + d_delta
        n_new = round(target / 100.0 * d_new)
        if abs(100.0 * n_new / d_new - target) <= tol:
            break
    else:
        raise CalibrationError(f"no whole {num}/{den} gives {target}% for {area}")
    n_delta = int(n_new - n_total)
    if n_delta < 0:
        s.spread(num, num_area or area, num_months, n_delta)
    if d_delta:
        s.spread(den, area, den_months, d_delta)
    if n_delta > 0:
        s.spread(num, num_area or area, num_months, n_delta)


def _shape_falls(
    s: Store,
    num: str,
    den: str,
    area: str,
    pool: Sequence[int],
    min_fall: float,
    max_last_fall: float | None = None,
) -> None:
    """Make the R12 rate fall at September and at October 2019 (by at least ``min_fall``).

    Moving k outcomes from October into ``pool`` (months inside every window from
    R12(Aug) to R12(Oct)) leaves R12(Oct) unchanged and raises R12(Sep) and R12(Aug);
    moving k from September into ``pool`` raises only R12(Aug). Neither disturbs the
    October level pinned before.
    """
    for _ in range(200):
        x, d = s.total(num, area), s.total(den, area)
        r_aug, r_sep, r_oct = (rate12(x, d, t) for t in (AUG19, SEP19, OCT19))
        if r_sep - r_oct < min_fall:
            s.shift(num, area, OCT19, pool, 1)
        elif max_last_fall is not None and r_sep - r_oct > max_last_fall:
            s.add(num, area, OCT19, 1)
            s.spread(num, area, pool, -1)
        elif r_aug - r_sep < min_fall:
            s.shift(num, area, SEP19, pool, 1)
        else:
            return
    raise CalibrationError(f"could not make the {num}/{den} rate fall for {area}")


def calibrate_all_crime(s: Store) -> None:
    """4.2.2 and 4.1.2: recorded crime by district; the all crime outcome rate.

    a. October's force total is set within 0.2% of September's ("almost identical").
    b. Each district's 12 months to October 2019 against 2018/19: only April-August 2019
       move (they are in the rolling year but not in the financial year), so the three
       named districts hit +10.0%, +5.6% and +3.3% and the others stay within 0.6%.
    c. North's rolling year a year earlier is set 0.3% below now (stable), through
       November 2017 - March 2018, which lie in neither window of step b.
    d. The outcome rate's rolling year at October is pinned to 9.7% through November
       2018 - August 2019 outcomes, then made to fall in September and October, the
       October fall small ("another incremental decrease").
    """
    crimes = s.total("crimes_all")
    s.set("crimes_all", FORCE, OCT19, round(crimes[SEP19] * 1.002))
    rolling, fy = span("2018-11", "2019-10"), FY1819
    for district in DISTRICTS:
        x = s.total("crimes_all", district)
        now, base = x[rolling].sum(), x[fy].sum()
        change = 100 * (now - base) / base
        target = TARGET_CRIME_FY_CHANGE.get(district, float(np.clip(change, -0.6, 0.6)))
        s.spread(
            "crimes_all",
            district,
            span("2019-04", "2019-08"),
            round(base * (1 + target / 100)) - now,
        )
    north = s.total("crimes_all", "North")
    year_ago = span("2017-11", "2018-10")
    wanted = round(north[rolling].sum() / 1.003)
    s.spread("crimes_all", "North", span("2017-11", "2018-03"), wanted - north[year_ago].sum())

    _pin_rate(
        s, "ppo_all", "crimes_all", FORCE, rolling, TARGET_PPO_RATE_ALL, span("2018-11", "2019-08")
    )
    _shape_falls(
        s,
        "ppo_all",
        "crimes_all",
        FORCE,
        span("2018-11", "2019-08"),
        min_fall=0.03,
        max_last_fall=0.15,
    )


def calibrate_dwelling_burglary(s: Store) -> None:
    """5.2.3, 4.1.3, 5.2.4 and 5.2.1: dwelling burglary crimes, outcomes and incidents.

    a. Crimes: October 2019 = 184, above September and below both earlier Octobers.
    b. Outcomes: South's October = 23 and South's previous 12 months average 11.0
       (the average is fixed first over October 2018 - September 2019, after trimming
       any of those months above 16 so that October stands out, then October is set).
    c. The force's rolling rate is pinned to 8.5% through North's April-August 2019
       outcomes (so North also improves on its March 2019 position); if no whole number
       of outcomes gives 8.5%, April-August 2019 crimes move by one or two.
    d. Incidents: the three months the paper compares (October 2019, September 2019,
       October 2018) are set per district from September's drawn values: Peterborough
       jumps 40% on the month and 22% on the year; the other districts move a little,
       in both directions; the force total is 236.
    """
    x = s.total("db_crimes")
    s.set("db_crimes", FORCE, OCT19, TARGET_DB_CRIMES_OCT)
    if x[SEP19] >= TARGET_DB_CRIMES_OCT - 4:
        s.set("db_crimes", FORCE, SEP19, TARGET_DB_CRIMES_OCT - 9)
    for t in (OCT18, OCT17):
        if x[t] <= TARGET_DB_CRIMES_OCT + 8:
            s.set("db_crimes", FORCE, t, TARGET_DB_CRIMES_OCT + 15)

    previous = span("2018-10", "2019-09")
    ceiling = TARGET_DB_PPO_SOUTH_MEAN + 5  # so that October's 23 stands out
    for t in previous:
        if s.total("db_ppo", "South")[t] > ceiling:
            s.set("db_ppo", "South", t, ceiling)
    south = s.total("db_ppo", "South")
    s.spread(
        "db_ppo",
        "South",
        [t for t in previous if south[t] < ceiling - 3],
        12 * TARGET_DB_PPO_SOUTH_MEAN - south[previous].sum(),
    )
    s.set("db_ppo", "South", OCT19, TARGET_DB_PPO_SOUTH_OCT)
    _pin_rate(
        s,
        "db_ppo",
        "db_crimes",
        FORCE,
        span("2018-11", "2019-10"),
        TARGET_DB_PPO_RATE,
        span("2019-04", "2019-08"),
        num_area="North",
        den_months=span("2019-04", "2019-08"),
        tol=0.015,
    )

    # d. Incidents.
    mom = {
        "Fenland": 1.06,
        "Huntingdonshire": 0.96,
        "Cambridge City": 1.05,
        "East Cambridgeshire": 0.94,
        "South Cambridgeshire": 1.03,
    }
    yoy = {
        "Fenland": 0.94,
        "Huntingdonshire": 0.86,
        "Cambridge City": 0.90,
        "East Cambridgeshire": 1.12,
        "South Cambridgeshire": 0.88,
    }
    sep = {d: s.total("db_incidents", d)[SEP19] for d in DISTRICTS}
    octo = {d: round(sep[d] * f) for d, f in mom.items()}
    octo["Peterborough"] = TARGET_DB_INCIDENTS_OCT - sum(octo.values())
    sep["Peterborough"] = round(octo["Peterborough"] / 1.40)
    last_year = {d: round(octo[d] / f) for d, f in yoy.items()}
    last_year["Peterborough"] = round(octo["Peterborough"] / 1.22)
    for d in DISTRICTS:
        s.set("db_incidents", d, OCT19, octo[d])
        s.set("db_incidents", d, SEP19, sep[d])
        s.set("db_incidents", d, OCT18, last_year[d])
    inc = s.total("db_incidents")
    if not inc[SEP19] < TARGET_DB_INCIDENTS_OCT < inc[OCT18]:
        raise CalibrationError(f"db_incidents Sep/Oct18 {inc[SEP19]}/{inc[OCT18]} around 236")


def calibrate_domestic_abuse(s: Store) -> None:
    """4.1.4: the domestic abuse outcome rate falls to 10.8%, in both areas.

    a. The force rolling rate is pinned to 10.8% through November 2018 - August 2019.
    b. Each area's rolling rate is made to fall in October by moving October outcomes
       into its November 2018 - August 2019 months (the October R12 stays put).
    c. The force rate is then made to fall in September and October (as in 4.1.2).
    """
    rolling, pool = span("2018-11", "2019-10"), span("2018-11", "2019-08")
    _pin_rate(s, "da_ppo", "da_crimes", FORCE, rolling, TARGET_DA_PPO_RATE, pool)
    for area in AREAS:
        for _ in range(200):
            x, d = s.total("da_ppo", area), s.total("da_crimes", area)
            if rate12(x, d, SEP19) - rate12(x, d, OCT19) >= 0.04:
                break
            s.shift("da_ppo", area, OCT19, pool, 1)
    _shape_falls(s, "da_ppo", "da_crimes", FORCE, pool, min_fall=0.04)


def calibrate_calls_and_incidents(s: Store) -> None:
    """4.2.1: calls fell month on month; a 3.9 point shift from prompt to immediate.

    a. October's 999 and 101 calls are set 3% below September's if they were not lower.
    b. The 12 months to October 2019 against the 12 months to October 2018: incidents move
       between gradings (the total is unchanged) in November 2018 - August 2019 until the
       immediate share is up 3.9 points and the prompt share down 3.9 points.
    """
    for calls in ("calls_999", "calls_101"):
        x = s.total(calls)
        if x[OCT19] >= x[SEP19]:
            s.set(calls, FORCE, OCT19, round(x[SEP19] * 0.97))
    pool = span("2018-11", "2019-08")
    for grade, sign in (("incidents_immediate", 1), ("incidents_prompt", -1)):
        g, total = s.total(grade), s.total("incidents_all")
        shift = sign * TARGET_SHARE_SHIFT - (rate12(g, total, OCT19) - rate12(g, total, OCT18))
        k = round(shift / 100 * r12(total, OCT19))
        if k > 0:
            s.spread("incidents_scheduled", FORCE, pool, -k)
            s.spread(grade, FORCE, pool, k)
        else:
            s.spread(grade, FORCE, pool, k)
            s.spread("incidents_scheduled", FORCE, pool, -k)


def calibrate_violence(s: Store) -> None:
    """5.1.2: violence with injury stable on the year, above the year end benchmark.

    a. Each area's target for the 12 months to October 2019 follows from its year-on-year
       change (North -3.0%, South +4.8%) against its drawn 12 months to October 2018.
    b. The year end benchmark, R12 at March 2019, is set so that October's rolling year
       will be significantly above it (Poisson z of 2.5): November 2018 - March 2019 move
       (a quieter winter), split between the areas by size.
    c. Each area then reaches its target of a. through April - September 2019 (a busier
       summer); October 2019 keeps its drawn value.
    d. Only September and October may be significantly above the year end benchmark
       ("for the second time this financial year"): where an earlier month's rolling year
       is within 10 offences of the significance line, offences move within each area
       from April-May 2019 to September 2019 (this lowers R12 for April to August and
       leaves R12 for September and October as they were).
    e. October 2017 (in none of the windows above: R12 to October 2018 starts in November
       2017) is moved towards October 2019 if the two are not comparable (|z| > 1.5).
    """
    october = {}
    for area, change in TARGET_VWI_AREA_CHANGE.items():
        x = s.total("vwi_crimes", area)
        october[area] = round(r12(x, OCT18) * (1 + change / 100))
    f66 = sum(october.values())
    f59 = round((math.sqrt(f66) - 1.25) ** 2)
    current = {a: r12(s.total("vwi_crimes", a), MAR19) for a in AREAS}
    gap = f59 - sum(current.values())
    parts = apportion(abs(gap), np.array(list(current.values())), np.full(2, 1e9))
    for (area, _), part in zip(current.items(), parts, strict=True):
        s.spread("vwi_crimes", area, span("2018-11", "2019-03"), int(np.sign(gap)) * int(part))
    summer = span("2019-04", "2019-09")
    for area in AREAS:
        s.spread(
            "vwi_crimes", area, summer, october[area] - r12(s.total("vwi_crimes", area), OCT19)
        )
    line = (math.sqrt(f59) + Z95 / 2) ** 2  # R12 above this is significantly above f59
    margin = 10
    for t in (SEP19, OCT19):
        if r12(s.total("vwi_crimes"), t) < line + margin:
            raise CalibrationError(f"vwi R12 {iso(t)} not clearly above the year end line")
    early = [t for t in FYTD if t < SEP19]
    for _ in range(400):
        x = s.total("vwi_crimes")
        excess = max(r12(x, t) for t in early) - (line - margin)
        if excess <= 0:
            break
        for area in AREAS:
            s.shift("vwi_crimes", area, ti("2019-04") + _ % 2, [SEP19], 1)
    for _ in range(200):
        x = s.total("vwi_crimes")
        z = poisson_z(x[OCT19], x[OCT17])
        if abs(z) <= 1.5:
            break
        s.add("vwi_crimes", FORCE, OCT17, int(np.sign(z)) * 3)


def calibrate_weapons(s: Store) -> None:
    """5.1.3 and 5.1.4: possession of weapons; stop search.

    a. Possession of weapons offences: each month of November 2018 - October 2019 that is
       not above both the same month one and two years earlier is lifted above them; then
       the month of November 2018 - March 2019 with the thinnest margin is set equal to
       the same month a year earlier, so exactly 11 of the 12 are above.
    b. Outcomes are drawn (binomial) from the calibrated offences; the 2018/19 rate is
       pinned to 48.5% through April-October 2018 (offences may only fall there, which
       keeps a.), the rolling year to 39.1% through April-August 2019 (offences may only
       rise there, on months already above), and the rate made to fall in September and
       October.
    c. Stop searches: the 12 months to October 2018 = 231 and to October 2019 = 330; the
       finds are drawn from the searches and their 12 months to October 2019 set to 22.
    """
    rng = np.random.default_rng(SEED + 1)
    window = span("2018-11", "2019-10")
    for t in window:
        x = s.total("pow_crimes")
        floor = max(x[t - 12], x[t - 24])
        if x[t] <= floor:
            s.set("pow_crimes", FORCE, t, int(floor + max(2, round(0.06 * floor))))
    x = s.total("pow_crimes")
    winter = span("2018-11", "2019-03")
    thinnest = min(winter, key=lambda t: x[t] - max(x[t - 12], x[t - 24]))
    s.set("pow_crimes", FORCE, thinnest, int(x[thinnest - 12]))

    rate = _path(
        {
            "2014-04": 0.62,
            "2016-04": 0.58,
            "2017-04": 0.55,
            "2018-04": 0.505,
            "2019-03": 0.47,
            "2019-10": 0.33,
        }
    )
    s.put("pow_ppo", DISTRICTS, _binomial(rng, s.data["pow_crimes"], rate))
    _pin_rate(
        s,
        "pow_ppo",
        "pow_crimes",
        FORCE,
        FY1819,
        TARGET_POW_PPO_FY,
        span("2018-04", "2018-10"),
        den_months=span("2018-04", "2018-10"),
        den_sign=-1,
    )
    above = [t for t in span("2019-04", "2019-08") if t != thinnest]
    _pin_rate(
        s,
        "pow_ppo",
        "pow_crimes",
        FORCE,
        window,
        TARGET_POW_PPO_RATE,
        span("2019-04", "2019-08"),
        den_months=above,
        den_sign=1,
    )
    _shape_falls(s, "pow_ppo", "pow_crimes", FORCE, span("2019-04", "2019-08"), min_fall=0.3)

    ss = s.total("ss_weapons")
    s.spread(
        "ss_weapons", FORCE, span("2017-11", "2018-10"), TARGET_SS_R12_LAST_YEAR - r12(ss, OCT18)
    )
    s.spread("ss_weapons", FORCE, window, TARGET_SS_R12 - r12(ss, OCT19))
    s.put("ss_weapons_found", tuple(AREAS), _binomial(rng, s.data["ss_weapons"], 0.068))
    found = s.total("ss_weapons_found")
    s.spread("ss_weapons_found", FORCE, window, TARGET_SS_FOUND_R12 - r12(found, OCT19))


def calibrate_arrests(s: Store) -> None:
    """4.2.6: 858 people arrested in October 2019; the end of a 29 month fall.

    a. October 2019 = 858 and October 2018 = 851 (consistent with it, and no higher, so
       the rolling 12 months does not fall in October 2019).
    b. Walking forward from April 2017: April 2017 is kept at or above April 2016 (the
       rolling year did not fall then), and each month from May 2017 to September 2019 is
       kept below the same month a year earlier (so the rolling year falls every month).
       A month that breaks the rule is moved 2% beyond the month a year earlier.
    c. September 2019 is kept below October 2019 (a month on month increase).
    """
    s.set("arrests", FORCE, OCT19, TARGET_ARRESTS_OCT19)
    s.set("arrests", FORCE, OCT18, ARRESTS_OCT18)
    x = s.total("arrests")
    if x[SEP19] >= TARGET_ARRESTS_OCT19 - 5:
        s.set("arrests", FORCE, SEP19, TARGET_ARRESTS_OCT19 - 14)
    april17 = ti("2017-04")
    x = s.total("arrests")
    if x[april17] < x[april17 - 12]:
        s.set("arrests", FORCE, april17, int(x[april17 - 12] + 6))
    for t in range(ARRESTS_STREAK_FROM, SEP19 + 1):
        x = s.total("arrests")
        if x[t] >= x[t - 12] - 2:
            if t in (OCT18, SEP19):
                raise CalibrationError(f"arrests: pinned {iso(t)} is not below a year earlier")
            s.set("arrests", FORCE, t, round(x[t - 12] * 0.98))


def calibrate_satisfaction(s: Store) -> None:
    """4.2.7 and 5.1.6: victim satisfaction over the 12 months to October 2019.

    a. Each survey's force rate is pinned (satisfied victims move in November 2018 -
       October 2019; if no whole number fits, so do the numbers surveyed).
    b. Violent crime: if North and South differ significantly, satisfied victims move
       from the higher area to the lower one (the force rate is unchanged).
    """
    window = span("2018-11", "2019-10")
    for survey, target in (
        ("sat_all", TARGET_SAT_ALL),
        ("sat_db", TARGET_SAT_DB),
        ("sat_violent", TARGET_SAT_VIOLENT),
    ):
        _pin_rate(
            s,
            f"{survey}_satisfied",
            f"{survey}_surveyed",
            FORCE,
            window,
            target,
            window,
            den_months=window,
            tol=0.025,
        )
    for _ in range(200):
        rates = {
            a: rate12(
                s.total("sat_violent_satisfied", a), s.total("sat_violent_surveyed", a), OCT19
            )
            for a in AREAS
        }
        if abs(rates["North"] - rates["South"]) < 1.5:
            break
        high, low = sorted(AREAS, key=lambda a: -rates[a])
        s.spread("sat_violent_satisfied", high, window, -1)
        s.spread("sat_violent_satisfied", low, window, 1)


def calibrate_catalytic(s: Store) -> None:
    """4.2.3: catalytic converter thefts by calendar year.

    a. Cambridge City: 2014 (April-December) to 2017 each between 2 and 8, 2018 = 16,
       January-October 2019 = 118 (changes spread over the year's months).
    b. Huntingdonshire, Peterborough and South Cambridgeshire: 2019 so far is lifted above
       every earlier year; Fenland and East Cambridgeshire: 2019 so far is held to the
       busiest earlier year less two, or below.
    """
    year = np.array([calendar_year(t) for t in range(N_MONTHS)])
    months_of = {y: [t for t in range(N_MONTHS) if year[t] == y] for y in range(2014, 2020)}
    x = s.total("catalytic", "Cambridge City")
    for y in range(2014, 2018):
        total = x[months_of[y]].sum()
        s.spread("catalytic", "Cambridge City", months_of[y], int(np.clip(total, 2, 8) - total))
    s.spread(
        "catalytic",
        "Cambridge City",
        months_of[2018],
        TARGET_CATALYTIC_CITY_2018 - x[months_of[2018]].sum(),
    )
    s.spread(
        "catalytic",
        "Cambridge City",
        months_of[2019],
        TARGET_CATALYTIC_CITY_2019 - x[months_of[2019]].sum(),
    )
    for d in DISTRICTS:
        if d == "Cambridge City":
            continue
        x = s.total("catalytic", d)
        earlier = max(x[months_of[y]].sum() for y in range(2014, 2019))
        now = x[months_of[2019]].sum()
        if d in CATALYTIC_RISING and now <= earlier + 5:
            s.spread("catalytic", d, months_of[2019], int(earlier + 8 - now))
        elif d not in CATALYTIC_RISING and now > earlier - 2:
            s.spread("catalytic", d, months_of[2019], int(earlier - 2 - now))


def allocation_snapshots(rng: np.random.Generator) -> list[tuple[str, int]]:
    """4.2.5: investigations requiring allocation on the 1st of each month (and 26 Nov 2019).

    A queue that wanders around 300-450 for years, builds through summer 2019 to 786 at
    the start of October, and is then worked down (636 on 1 November, 214 on 26 November).
    """
    n = N_MONTHS + 1  # the 1st of each month, April 2014 to November 2019
    level = np.interp(
        np.arange(n), [0, 30, 58, 62, 64, 66, 67], [330, 380, 420, 470, 560, 786, 636]
    )
    noise = np.zeros(n)
    for i in range(1, n):  # an autocorrelated wander
        noise[i] = 0.6 * noise[i - 1] + rng.normal(0, 22)
    values = np.rint(level + noise).astype(int)
    dates = [f"{iso(t)}-01" for t in range(N_MONTHS)] + ["2019-11-01"]
    points = dict(zip(dates, values.tolist(), strict=True))
    points.update({d: v for d, v in TARGET_ALLOCATION.items()})
    return sorted(points.items())


def generate() -> tuple[Store, list[tuple[str, int]]]:
    """Draw the model, calibrate it and return the store and the snapshot points."""
    rng = np.random.default_rng(SEED)
    s = model(rng)
    calibrate_all_crime(s)
    calibrate_dwelling_burglary(s)
    calibrate_domestic_abuse(s)
    calibrate_calls_and_incidents(s)
    calibrate_violence(s)
    calibrate_weapons(s)
    calibrate_arrests(s)
    calibrate_satisfaction(s)
    calibrate_catalytic(s)
    snapshots = allocation_snapshots(rng)
    for name, values in s.data.items():
        if (values < 0).any():
            raise CalibrationError(f"{name} went negative")
    return s, snapshots


def to_table(s: Store, snapshots: list[tuple[str, int]]) -> pd.DataFrame:
    """The tidy figures table: every level of the hierarchy each measure is reported at."""
    rows = []
    measures = dict(s.leaves)
    measures["incidents_all"] = (FORCE,)
    for measure, leaves in measures.items():
        if leaves == DISTRICTS:
            areas: tuple[str, ...] = ALL_AREAS
        elif leaves == tuple(AREAS):
            areas = (FORCE, *AREAS)
        else:
            areas = (FORCE,)
        for area in areas:
            values = s.total(measure, area)
            rows += [(MONTHS[t], measure, area, int(values[t]), "") for t in range(N_MONTHS)]
    for date, value in snapshots:
        rows.append((date[:7], "awaiting_allocation", FORCE, int(value), date))
    table = pd.DataFrame(rows, columns=["month", "measure", "area", "value", "date"])
    return table.sort_values(["measure", "area", "month", "date"], ignore_index=True)


def write(table: pd.DataFrame, path: Path) -> None:
    """Write atomically: a temporary file renamed over the old one."""
    tmp = path.with_suffix(".csv.tmp")
    table.to_csv(tmp, index=False, lineterminator="\n")
    tmp.replace(path)


# --------------------------------------------------------------------------------------
# Stage 3: the self-check, from the CSV alone.
# --------------------------------------------------------------------------------------
class Checker:
    """Recompute every target from a figures CSV and record pass/fail lines."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.raw = pd.read_csv(path, dtype=str, keep_default_na=False)
        self.results: list[tuple[bool, str, str]] = []
        counts = self.raw[self.raw["date"] == ""].copy()
        counts["value"] = counts["value"].astype(int)
        self.months = sorted(counts["month"].unique())
        self.series = {
            key: grp.set_index("month")["value"].reindex(self.months).to_numpy(dtype=float)
            for key, grp in counts.groupby(["measure", "area"])
        }
        snaps = self.raw[self.raw["date"] != ""]
        self.snapshots = {
            (r.measure, r.area, r.date): int(r.value) for r in snaps.itertuples(index=False)
        }

    # --- primitives -------------------------------------------------------------------
    def t(self, month: str) -> int:
        return self.months.index(month)

    def x(self, measure: str, area: str = FORCE) -> np.ndarray:
        if measure in RATIOS:
            raise KeyError(measure)
        return self.series[(measure, area)]

    def r12(self, measure: str, month: str, area: str = FORCE) -> float:
        t = self.t(month)
        return float(self.x(measure, area)[t - 11 : t + 1].sum())

    def parts(self, ratio: str, months: Sequence[str], area: str = FORCE) -> tuple[float, float]:
        num, den = RATIOS[ratio]
        cols = [self.t(m) for m in months]
        return float(self.x(num, area)[cols].sum()), float(self.x(den, area)[cols].sum())

    def rate(self, ratio: str, months: Sequence[str], area: str = FORCE) -> float:
        n, d = self.parts(ratio, months, area)
        return 100.0 * n / d

    def r12_parts(self, ratio: str, month: str, area: str = FORCE) -> tuple[float, float]:
        return self.parts(ratio, self.window(month), area)

    def r12_rate(self, ratio: str, month: str, area: str = FORCE) -> float:
        return self.rate(ratio, self.window(month), area)

    def window(self, month: str, length: int = 12) -> list[str]:
        t = self.t(month)
        return self.months[t - length + 1 : t + 1]

    def between(self, first: str, last: str) -> list[str]:
        return self.months[self.t(first) : self.t(last) + 1]

    @staticmethod
    def printed(value: float, target: float) -> bool:
        """True when ``value`` prints as ``target`` to one decimal: [t - 0.05, t + 0.05)."""
        return target - 0.05 <= value < target + 0.05

    @staticmethod
    def wilson(k: float, n: float) -> tuple[float, float]:
        p, z = k / n, Z95
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        return 100 * (centre - half), 100 * (centre + half)

    @staticmethod
    def two_prop_z(k1: float, n1: float, k2: float, n2: float) -> float:
        p = (k1 + k2) / (n1 + n2)
        return (k1 / n1 - k2 / n2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))

    @staticmethod
    def pz(a: float, b: float) -> float:
        return 2.0 * (math.sqrt(a) - math.sqrt(b))

    @staticmethod
    def robust_z(values: np.ndarray) -> np.ndarray:
        med = np.median(values)
        mad = np.median(np.abs(values - med))
        return 0.6745 * (values - med) / mad

    def trend(self, values: np.ndarray) -> tuple[float, float]:
        fit = stats.linregress(np.arange(len(values)), values)
        return float(fit.slope), float(fit.pvalue)

    def monthly_rate(self, ratio: str, area: str = FORCE) -> np.ndarray:
        num, den = RATIOS[ratio]
        return 100.0 * self.x(num, area) / self.x(den, area)

    def expect(self, ok: bool, name: str, detail: str) -> None:
        self.results.append((bool(ok), name, detail))

    # --- the data contract ------------------------------------------------------------
    def contract(self) -> None:
        raw = self.raw
        self.expect(
            list(raw.columns) == ["month", "measure", "area", "value", "date"],
            "header",
            ",".join(raw.columns),
        )
        ints = raw["value"].str.fullmatch(r"\d+")
        self.expect(
            bool(ints.all()),
            "values are plain non-negative integers",
            f"{int((~ints).sum())} other values",
        )
        order = raw.sort_values(["measure", "area", "month", "date"]).index
        self.expect(bool((order == raw.index).all()), "rows sorted by measure, area, month", "")
        expected_months = MONTHS
        self.expect(
            self.months == expected_months,
            "months 2014-04 .. 2019-10",
            f"{self.months[0]} .. {self.months[-1]} ({len(self.months)})",
        )
        gaps = [k for k, v in self.series.items() if np.isnan(v).any()]
        self.expect(not gaps, "every count series complete", f"gaps in {gaps[:3]}")
        bad_sum = []
        for (measure, area), values in self.series.items():
            children = AREAS.get(area) if area != FORCE else tuple(AREAS)
            if not children:
                continue
            present = [self.series[(measure, c)] for c in children if (measure, c) in self.series]
            if present and not np.array_equal(np.sum(present, axis=0), values):
                bad_sum.append((measure, area))
        self.expect(not bad_sum, "children sum exactly to their parent", f"{bad_sum[:3]}")
        grades = sum(self.x(g) for g in INCIDENT_GRADES)
        self.expect(
            np.array_equal(grades, self.x("incidents_all")),
            "immediate + prompt + scheduled = all incidents",
            "",
        )
        over = []
        for ratio, (num, den) in RATIOS.items():
            for area in ALL_AREAS:
                both = (num, area) in self.series and (den, area) in self.series
                if both and (self.x(num, area) > self.x(den, area)).any():
                    over.append((ratio, area))
        self.expect(
            not over, "numerators within denominators (every month and area)", f"{over[:3]}"
        )
        empty = [k for k, v in self.series.items() if v.mean() >= 20 and (v == 0).any()]
        self.expect(not empty, "no zero months in series averaging 20 or more", f"{empty[:3]}")
        stored_ratios = set(raw["measure"]) & set(RATIOS)
        self.expect(not stored_ratios, "no ratio measure stored", f"{stored_ratios}")
        snaps = raw[raw["date"] != ""]
        self.expect(
            bool(
                (snaps["measure"] == "awaiting_allocation").all()
                and (snaps["date"].str[:7] == snaps["month"]).all()
            ),
            "snapshot rows dated within their month",
            f"{len(snaps)} rows",
        )

    def loader(self) -> None:
        """The project loads with narrator's own loader (when narrator is importable)."""
        sys.path.insert(0, str(HERE.parent))
        try:
            from narrator.figures import load_figures
            from narrator.project import load_project
        except ImportError as exc:  # pragma: no cover - narrator not on the path
            self.expect(True, "narrator loader (skipped)", str(exc))
            return
        try:
            project = load_project(PROJECT)
            figures = load_figures([self.path], project.catalogue, project.areas)
        except Exception as exc:
            self.expect(False, "narrator loads the project and its figures", repr(exc))
            return
        missing = {m for m in set(self.raw["measure"]) if m not in project.catalogue}
        self.expect(
            not missing and not figures.warnings,
            "narrator loads the project and its figures",
            f"{len(figures.keys)} series, {len(figures.snapshots)} snapshots, "
            f"{figures.values.shape[1]} months; unknown {missing or 'none'}",
        )

    # --- the targets ------------------------------------------------------------------
    def targets(self) -> None:
        """Every fact of sections 4.1 to 5.2, one block per paragraph of the paper."""
        oct19, sep19, aug19, oct18, oct17, mar19 = (
            "2019-10",
            "2019-09",
            "2019-08",
            "2018-10",
            "2017-10",
            "2019-03",
        )
        long_term = self.between("2016-04", "2019-03")
        fy1819 = self.between("2018-04", "2019-03")

        # 4.1.2 all crime PPO rate.
        r = [self.r12_rate("ppo_rate_all", m) for m in (aug19, sep19, oct19)]
        self.expect(
            self.printed(r[2], TARGET_PPO_RATE_ALL), "4.1.2 ppo_rate_all R12 = 9.7%", f"{r[2]:.3f}"
        )
        self.expect(
            r[0] > r[1] > r[2] and r[1] - r[2] < 0.2,
            "4.1.2 ppo_rate_all fell Sep and Oct, Oct fall < 0.2pp",
            f"{r[0]:.3f} > {r[1]:.3f} > {r[2]:.3f}",
        )

        # 4.1.3 / 5.2.4 dwelling burglary PPO rate.
        rate = self.r12_rate("db_ppo_rate", oct19)
        n, d = self.r12_parts("db_ppo_rate", oct19)
        bench = self.rate("db_ppo_rate", long_term)
        low, _ = self.wilson(n, d)
        self.expect(
            self.printed(rate, TARGET_DB_PPO_RATE), "4.1.3 db_ppo_rate R12 = 8.5%", f"{rate:.3f}"
        )
        prev = self.r12_rate("db_ppo_rate", sep19)
        self.expect(
            rate > prev, "4.1.3 db_ppo_rate R12 up on September", f"{prev:.3f} -> {rate:.3f}"
        )
        self.expect(
            bench < low,
            "4.1.3 db_ppo_rate significantly above long-term benchmark",
            f"benchmark {bench:.2f} < Wilson low {low:.2f}",
        )
        month = self.rate("db_ppo_rate", [oct19])
        one = self.rate("db_ppo_rate", self.between("2018-10", "2019-09"))
        three = self.rate("db_ppo_rate", self.between("2016-10", "2019-09"))
        self.expect(
            month > one and month > three,
            "5.2.4 db_ppo_rate October above 1 and 3 year averages",
            f"{month:.2f} vs {one:.2f}, {three:.2f}",
        )
        south_oct = self.x("db_ppo", "South")[self.t(oct19)]
        south_mean = self.x("db_ppo", "South")[self.t(oct18) : self.t(sep19) + 1].mean()
        self.expect(
            south_oct == TARGET_DB_PPO_SOUTH_OCT
            and round(south_mean) == 11
            and 10.5 <= south_mean < 11.5,
            "4.1.3 db_ppo South October 23, previous 12 months average 11",
            f"{south_oct:g}, {south_mean:.2f}",
        )
        rn, rs = (self.r12_rate("db_ppo_rate", oct19, a) for a in AREAS)
        yn, ys = (self.r12_rate("db_ppo_rate", mar19, a) for a in AREAS)
        self.expect(
            rs > rn and rn > yn and rs > ys,
            "5.2.4 South outperforms North; both above March 2019",
            f"North {yn:.2f}->{rn:.2f}, South {ys:.2f}->{rs:.2f}",
        )

        # 4.1.4 domestic abuse PPO rate.
        r = [self.r12_rate("da_ppo_rate", m) for m in (aug19, sep19, oct19)]
        self.expect(
            self.printed(r[2], TARGET_DA_PPO_RATE), "4.1.4 da_ppo_rate R12 = 10.8%", f"{r[2]:.3f}"
        )
        self.expect(
            r[0] > r[1] > r[2],
            "4.1.4 da_ppo_rate fell Sep and Oct",
            f"{r[0]:.3f} > {r[1]:.3f} > {r[2]:.3f}",
        )
        falls = {
            a: (self.r12_rate("da_ppo_rate", sep19, a), self.r12_rate("da_ppo_rate", oct19, a))
            for a in AREAS
        }
        self.expect(
            all(b < a for a, b in falls.values()),
            "4.1.4 da_ppo_rate fell in both areas",
            ", ".join(f"{k} {a:.2f}->{b:.2f}" for k, (a, b) in falls.items()),
        )

        # 4.2.1 calls and incident grading.
        for calls in ("calls_999", "calls_101"):
            v = self.x(calls)
            self.expect(
                v[self.t(oct19)] < v[self.t(sep19)],
                f"4.2.1 {calls} fell month on month",
                f"{v[self.t(sep19)]:g} -> {v[self.t(oct19)]:g}",
            )
        for share, sign in (("share_immediate", 1), ("share_prompt", -1)):
            shift = self.r12_rate(share, oct19) - self.r12_rate(share, oct18)
            self.expect(
                self.printed(shift, sign * TARGET_SHARE_SHIFT),
                f"4.2.1 {share} R12 change = {sign * TARGET_SHARE_SHIFT:+.1f}pp",
                f"{shift:+.3f}",
            )
            slope, p = self.trend(self.monthly_rate(share)[-36:])
            self.expect(
                np.sign(slope) == sign and p < 0.05,
                f"4.2.1 {share} long-term trend {'up' if sign > 0 else 'down'}",
                f"slope {slope:+.4f}/month, p={p:.2g}",
            )

        # 4.2.2 recorded crime.
        v = self.x("crimes_all")
        change = 100 * (v[self.t(oct19)] / v[self.t(sep19)] - 1)
        self.expect(
            abs(change) < 0.5,
            "4.2.2 crimes_all October almost identical to September",
            f"{v[self.t(sep19)]:g} -> {v[self.t(oct19)]:g} ({change:+.2f}%)",
        )
        slope, p = self.trend(v[-36:])
        self.expect(
            slope > 0 and p < 0.05,
            "4.2.2 crimes_all long-term trend upwards",
            f"slope {slope:+.1f}/month, p={p:.2g}",
        )
        zs = {
            a: self.pz(self.r12("crimes_all", oct19, a), self.r12("crimes_all", oct18, a))
            for a in AREAS
        }
        self.expect(
            abs(zs["North"]) <= Z95 and zs["South"] > Z95,
            "4.2.2 crimes_all North stable, South up (R12 year on year)",
            f"z North {zs['North']:+.2f}, South {zs['South']:+.2f}",
        )
        for district in DISTRICTS:
            now = self.r12("crimes_all", oct19, district)
            base = float(self.x("crimes_all", district)[[self.t(m) for m in fy1819]].sum())
            pct, z = 100 * (now - base) / base, self.pz(now, base)
            if district in TARGET_CRIME_FY_CHANGE:
                ok = self.printed(pct, TARGET_CRIME_FY_CHANGE[district]) and z > Z95
                name = (
                    f"4.2.2 crimes_all {district} vs 2018/19 = "
                    f"{TARGET_CRIME_FY_CHANGE[district]:+.1f}%, significant"
                )
            else:
                ok = abs(pct) < 1 and abs(z) <= Z95
                name = f"4.2.2 crimes_all {district} vs 2018/19 not significant"
            self.expect(ok, name, f"{pct:+.3f}%, z={z:+.2f}")

        # 4.2.3 catalytic converters.
        def year_total(area: str, year: int, last: str | None = None) -> float:
            cols = [
                i
                for i, m in enumerate(self.months)
                if m.startswith(f"{year}-") and (last is None or m <= last)
            ]
            return float(self.x("catalytic", area)[cols].sum())

        city = [year_total("Cambridge City", y) for y in range(2014, 2019)]
        city19 = year_total("Cambridge City", 2019, oct19)
        self.expect(
            all(1 <= c <= 9 for c in city[:4])
            and city[4] == TARGET_CATALYTIC_CITY_2018
            and city19 == TARGET_CATALYTIC_CITY_2019,
            "4.2.3 catalytic Cambridge City: single figures 2014-17, 16, 118",
            f"{[int(c) for c in city]} then {city19:g}",
        )
        for d in DISTRICTS:
            if d == "Cambridge City":
                continue
            earlier = max(year_total(d, y) for y in range(2014, 2019))
            now = year_total(d, 2019, oct19)
            rising = d in CATALYTIC_RISING
            self.expect(
                (now > earlier) == rising,
                f"4.2.3 catalytic {d} 2019 {'above' if rising else 'not above'} every earlier year",
                f"{now:g} vs max {earlier:g}",
            )

        # 4.2.5 crimes requiring allocation.
        got = {d: self.snapshots.get(("awaiting_allocation", FORCE, d)) for d in TARGET_ALLOCATION}
        drop = 100 * (got["2019-11-01"] - got["2019-11-26"]) / got["2019-11-01"]
        self.expect(
            got == TARGET_ALLOCATION and round(drop) == 66,
            "4.2.5 awaiting_allocation 786, 636, 214 (66% lower)",
            f"{got}, {drop:.1f}%",
        )

        # 4.2.6 arrests.
        a = self.x("arrests")
        o19, s19, o18 = a[self.t(oct19)], a[self.t(sep19)], a[self.t(oct18)]
        self.expect(
            o19 == TARGET_ARRESTS_OCT19 and o19 > s19,
            "4.2.6 arrests 858, up on September",
            f"{s19:g} -> {o19:g}",
        )
        self.expect(
            abs(self.pz(o19, o18)) <= Z95 and o18 <= o19,
            "4.2.6 arrests consistent with October 2018 (and no higher)",
            f"{o18:g}, z={self.pz(o19, o18):+.2f}",
        )
        rolling = np.array([a[t - 11 : t + 1].sum() if t >= 11 else np.nan for t in range(len(a))])
        fell = rolling[1:] < rolling[:-1]  # fell[t-1]: R12 fell into month t
        streak, t = 0, self.t(sep19)
        while fell[t - 1]:
            streak, t = streak + 1, t - 1
        self.expect(
            streak == 29 and self.months[t] == "2017-04" and not fell[self.t(oct19) - 1],
            "4.2.6 arrests R12 fell 29 months to September 2019, not in April 2017 or October 2019",
            f"streak {streak}, broken at {self.months[t]}",
        )
        z = self.pz(rolling[self.t(oct19)], rolling[self.t(sep19)])
        self.expect(
            abs(z) <= Z95,
            "4.2.6 arrests R12 stable in October",
            f"{rolling[self.t(sep19)]:g} -> {rolling[self.t(oct19)]:g}",
        )

        # 4.2.7 / 5.1.6 satisfaction.
        sat = {s: self.r12_rate(s, oct19) for s in ("sat_all", "sat_db", "sat_violent")}
        for survey, target in (
            ("sat_db", TARGET_SAT_DB),
            ("sat_all", TARGET_SAT_ALL),
            ("sat_violent", TARGET_SAT_VIOLENT),
        ):
            self.expect(
                self.printed(sat[survey], target),
                f"4.2.7/5.1.6 {survey} R12 = {target}%",
                f"{sat[survey]:.3f}",
            )
        k1, n1 = self.r12_parts("sat_db", oct19)
        k0, n0 = self.r12_parts("sat_db", sep19)
        lo, hi = self.wilson(k1, n1)
        z = self.two_prop_z(k1, n1, k0, n0)
        self.expect(
            abs(z) <= Z95 and lo <= 100 * k0 / n0 <= hi,
            "4.2.7 sat_db consistent with September's R12",
            f"z={z:+.2f}",
        )
        self.expect(
            sat["sat_db"] > sat["sat_all"] > sat["sat_violent"],
            "4.2.7/5.1.6 db above all victims, violent below",
            f"{sat}",
        )
        (kn, nn), (ks, ns) = (self.r12_parts("sat_violent", oct19, a) for a in AREAS)
        z = self.two_prop_z(kn, nn, ks, ns)
        lo_n, hi_n = self.wilson(kn, nn)
        lo_s, hi_s = self.wilson(ks, ns)
        self.expect(
            abs(z) <= Z95 and lo_n <= 100 * ks / ns <= hi_n and lo_s <= 100 * kn / nn <= hi_s,
            "5.1.6 sat_violent consistent across both areas",
            f"North {100 * kn / nn:.1f}, South {100 * ks / ns:.1f}, z={z:+.2f}",
        )

        # 5.1.2 violence with injury.
        r_oct, r_ago, r_mar = (self.r12("vwi_crimes", m) for m in (oct19, oct18, mar19))
        self.expect(
            abs(self.pz(r_oct, r_ago)) <= Z95,
            "5.1.2 vwi R12 stable year on year",
            f"{r_ago:g} -> {r_oct:g}",
        )
        v = self.x("vwi_crimes")
        zs = [self.pz(v[self.t(oct19)], v[self.t(m)]) for m in (oct18, oct17)]
        self.expect(
            all(abs(z) <= Z95 for z in zs),
            "5.1.2 vwi October comparable to October 2018 and 2017",
            f"{v[self.t(oct17)]:g}, {v[self.t(oct18)]:g}, {v[self.t(oct19)]:g}",
        )
        above = [
            m
            for m in self.between("2019-04", oct19)
            if self.pz(self.r12("vwi_crimes", m), r_mar) > Z95
        ]
        self.expect(
            len(above) == 2 and oct19 in above,
            "5.1.2 vwi R12 significantly above year end for the second time this FY",
            f"R12 Mar19 {r_mar:g}; significant in {above}",
        )
        for area, target in TARGET_VWI_AREA_CHANGE.items():
            pct = 100 * (
                self.r12("vwi_crimes", oct19, area) / self.r12("vwi_crimes", oct18, area) - 1
            )
            self.expect(
                self.printed(pct, target),
                f"5.1.2 vwi {area} year on year {target:+.1f}%",
                f"{pct:+.3f}%",
            )

        # 5.1.3 possession of weapons.
        v = self.x("pow_crimes")
        last12 = range(self.t(oct19) - 11, self.t(oct19) + 1)
        n_above = sum(v[t] > v[t - 12] and v[t] > v[t - 24] for t in last12)
        self.expect(
            n_above == TARGET_POW_MONTHS_ABOVE,
            "5.1.3 pow 11 of the last 12 months above the same month in each of the "
            "previous 2 years",
            f"{n_above}",
        )
        slope, p = self.trend(v[-36:])
        self.expect(
            slope > 0 and p < 0.05,
            "5.1.3 pow long-term trend upwards",
            f"slope {slope:+.2f}/month, p={p:.2g}",
        )
        r = [self.r12_rate("pow_ppo_rate", m) for m in (aug19, sep19, oct19)]
        fy = self.rate("pow_ppo_rate", fy1819)
        self.expect(
            self.printed(r[2], TARGET_POW_PPO_RATE) and self.printed(fy, TARGET_POW_PPO_FY),
            "5.1.3 pow_ppo_rate R12 39.1%, 2018/19 48.5%",
            f"{r[2]:.3f}, {fy:.3f}",
        )
        self.expect(
            r[0] > r[1] > r[2],
            "5.1.3 pow_ppo_rate continues to decline",
            f"{r[0]:.2f} > {r[1]:.2f} > {r[2]:.2f}",
        )

        # 5.1.4 stop search.
        got = (
            self.r12("ss_weapons", oct19),
            self.r12("ss_weapons", oct18),
            self.r12("ss_weapons_found", oct19),
        )
        self.expect(
            got == (TARGET_SS_R12, TARGET_SS_R12_LAST_YEAR, TARGET_SS_FOUND_R12),
            "5.1.4 stop search 330 (231 a year earlier), 22 found",
            f"{got}",
        )

        # 5.2.1 dwelling burglary incidents.
        v = self.x("db_incidents")
        o19, s19, o18 = (v[self.t(m)] for m in (oct19, sep19, oct18))
        self.expect(
            o19 == TARGET_DB_INCIDENTS_OCT and s19 < o19 < o18,
            "5.2.1 db_incidents 236, above September, below October 2018",
            f"{s19:g}, {o19:g}, {o18:g}",
        )
        for label, ref in (("month on month", sep19), ("on October 2018", oct18)):
            pct = np.array(
                [
                    100
                    * (
                        self.x("db_incidents", d)[self.t(oct19)]
                        / self.x("db_incidents", d)[self.t(ref)]
                        - 1
                    )
                    for d in DISTRICTS
                ]
            )
            z = self.robust_z(pct)
            peter = DISTRICTS.index("Peterborough")
            others = np.delete(pct, peter)
            self.expect(
                z[peter] > 3
                and pct[peter] > 0
                and (np.abs(np.delete(z, peter)) <= 3).all()
                and (others > 0).any()
                and (others < 0).any(),
                f"5.2.1 db_incidents Peterborough clear outlier {label}",
                "pct " + ", ".join(f"{p:+.0f}" for p in pct) + f"; z Peterborough {z[peter]:.1f}",
            )

        # 5.2.3 dwelling burglary crimes.
        v = self.x("db_crimes")
        o19, s19, o18, o17 = (v[self.t(m)] for m in (oct19, sep19, oct18, oct17))
        self.expect(
            o19 == TARGET_DB_CRIMES_OCT and s19 < o19 < min(o18, o17),
            "5.2.3 db_crimes 184, above September, below October 2018 and 2017",
            f"{s19:g}, {o19:g}, {o18:g}, {o17:g}",
        )

    def plausibility(self) -> None:
        """Every month 2017-10 .. 2019-10 can be drafted: rates defined, volumes sensible."""
        first = self.t("2016-10")
        undefined = []
        for ratio, (_, den) in RATIOS.items():
            for area in ALL_AREAS:
                if (den, area) in self.series:
                    d = self.x(den, area)
                    for t in range(first + 11, len(self.months)):
                        if d[t - 11 : t + 1].sum() == 0:
                            undefined.append((ratio, area, self.months[t]))
        self.expect(not undefined, "every R12 rate defined from 2017-09", f"{undefined[:3]}")
        jumps = []
        for (measure, area), v in self.series.items():
            if area == FORCE and v.mean() >= 100:
                ratio = v[1:] / np.maximum(v[:-1], 1)
                if (ratio > 1.6).any() or (ratio < 1 / 1.6).any():
                    jumps.append(measure)
        self.expect(not jumps, "no force series with a month-on-month jump beyond 60%", f"{jumps}")


def check(path: Path = FIGURES) -> bool:
    """Run every check on ``path``, print one line each, and say whether all passed."""
    checker = Checker(path)
    checker.contract()
    checker.loader()
    checker.targets()
    checker.plausibility()
    failed = 0
    for ok, name, detail in checker.results:
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f"  [{detail}]" if detail else ""))
    total = len(checker.results)
    print(f"{total - failed}/{total} checks passed")
    return failed == 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="only check the existing figures.csv (do not regenerate)",
    )
    parser.add_argument("--output", type=Path, default=FIGURES, help="where to write the CSV")
    args = parser.parse_args(argv)
    if not args.check:
        store, snapshots = generate()
        table = to_table(store, snapshots)
        write(table, args.output)
        print(f"wrote {len(table)} rows to {args.output}")
    return 0 if check(args.output) else 1


if __name__ == "__main__":
    sys.exit(main())
