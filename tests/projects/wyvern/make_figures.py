"""Builds figures.csv of the Wyvern Vale test project: seeded, synthetic, with planted facts.

Run ``python tests/projects/wyvern/make_figures.py`` to regenerate; it refuses to write the
file unless every planted fact below holds in the figures it drew (so a changed seed or
model cannot silently lose one). The project was designed for the draft, not calibrated to
any paper: other measure names and kinds (mass nouns such as "anti-social behaviour" and
"vehicle crime", a plural count noun, a ratio, two shares of one whole, a snapshot), a
three-level hierarchy whose names hold "and", "upon" and apostrophes, and six years of
seasonal monthly figures.

Planted facts (``tests/test_wyvern.py`` asserts each is stated in the draft of its month):

- **Long ongoing streak** (2021-06): vehicle crime drops by a quarter from September 2020
  and keeps easing, so its 12-month total falls every month from then on.
- **12-month record** (2021-09): shoplifting climbs through 2021 to the highest 12-month
  total of the whole series.
- **Outlier district on the 12-month window** (2021-11): robberies in Newport upon Tarn
  step up by about 55% from December 2020 while its seven peers move a few per cent.
- **Benchmark breach** (2021-08): the charge rate falls from about 14% to about 10.5% from
  September 2020, so the 12 months to August 2021 sit far below the long-term benchmark.
- **Seasonal low that is not significant** (2021-03): anti-social behaviour has a flat trend
  and is low every winter (seven months from September below the annual mean). March 2021
  rose on February and on a quiet March 2020, yet it is the seventh month in a row below the
  24-month average: a benchmark blind to the season would call it a significant fall.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

FORCE = "Wyvern Vale"
DIVISIONS = {
    "Upper Vale": ("Stratton-upon-Wyle", "King's Lacey", "Ashby and Moorfield", "Thornbury"),
    "Lower Vale and Coast": ("St Bride's", "Newport upon Tarn", "Saltmarsh", "Castle and Quayside"),
}
#: Each district's share of the force's volumes.
WEIGHT = {
    "Stratton-upon-Wyle": 1.3,
    "King's Lacey": 0.8,
    "Ashby and Moorfield": 1.0,
    "Thornbury": 0.6,
    "St Bride's": 0.9,
    "Newport upon Tarn": 1.2,
    "Saltmarsh": 0.7,
    "Castle and Quayside": 1.1,
}
FIRST = 2016 * 12  # 2016-01
LAST = 2021 * 12 + 11  # 2021-12
SEED = 20240917

#: Anti-social behaviour: a summer peak and a long winter trough (September to March).
ASB_SEASON = (0.72, 0.75, 0.85, 1.05, 1.25, 1.40, 1.45, 1.35, 0.93, 0.90, 0.80, 0.74)
#: Vehicle crime: a little higher in the dark months.
VEHICLE_SEASON = (1.08, 1.02, 0.98, 0.95, 0.94, 0.93, 0.95, 0.97, 1.0, 1.05, 1.06, 1.07)
#: Shoplifting: a December peak.
SHOP_SEASON = (0.95, 0.92, 0.98, 0.97, 1.0, 0.98, 0.97, 0.99, 1.0, 1.02, 1.05, 1.17)


def month_of(iso: str) -> int:
    """A month number (year * 12 + month - 1) from ``YYYY-MM``."""
    year, month = iso.split("-")
    return int(year) * 12 + int(month) - 1


def iso(m: int) -> str:
    """``YYYY-MM`` of a month number."""
    return f"{m // 12}-{m % 12 + 1:02d}"


def expected(measure: str, district: str, m: int) -> float:
    """The expected monthly count of a measure in a district."""
    w = WEIGHT[district]
    years = (m - FIRST) / 12
    calendar = m % 12
    if measure == "asb":
        level = 140 * w * ASB_SEASON[calendar]
        if m == month_of("2020-03"):
            level *= 0.8  # a quiet March: the first weeks of a lockdown
        return level
    if measure == "vehicle_crime":
        level = 40 * w * VEHICLE_SEASON[calendar]
        if m >= month_of("2020-09"):
            level *= 0.75 * (1 - 0.01 * (m - month_of("2020-09")))
        return level
    if measure == "shoplifting":
        level = 50 * w * SHOP_SEASON[calendar]
        if m >= month_of("2020-10"):
            level *= 1 + 0.03 * (m - month_of("2020-10"))
        return level
    if measure == "robberies":
        level = 20 * w
        if district == "Newport upon Tarn" and m >= month_of("2020-12"):
            level *= 1.55
        return level
    if measure == "crimes_all":
        return 420 * w * (1 + 0.01 * years)
    raise KeyError(measure)


def charge_rate(m: int) -> float:
    """The probability that a crime of the month is charged."""
    return 0.105 if m >= month_of("2020-09") else 0.14


def draw() -> tuple[list[tuple[str, str, str, int, str]], dict[tuple[str, str], np.ndarray]]:
    """Every row of figures.csv, and each (measure, area) series for the checks."""
    rng = np.random.default_rng(SEED)
    span = range(FIRST, LAST + 1)
    series: dict[tuple[str, str], np.ndarray] = {}
    parents = {d: division for division, ds in DIVISIONS.items() for d in ds}
    for district in WEIGHT:
        for measure in ("asb", "vehicle_crime", "shoplifting", "robberies", "crimes_all"):
            series[(measure, district)] = np.array(
                [rng.poisson(expected(measure, district, m)) for m in span]
            )
        crimes = series[("crimes_all", district)]
        series[("charges", district)] = np.array(
            [rng.binomial(int(n), charge_rate(m)) for n, m in zip(crimes, span, strict=True)]
        )
    for measure in ("asb", "vehicle_crime", "shoplifting", "robberies", "crimes_all", "charges"):
        for division, districts in DIVISIONS.items():
            series[(measure, division)] = sum(series[(measure, d)] for d in districts)
        series[(measure, FORCE)] = sum(series[(measure, d)] for d in parents)
    # Contacts with the public, force-wide: 999 calls give way to online reports.
    contacts = np.array([rng.poisson(9000) for _ in span])
    online_p = np.array([0.08 + 0.002 * (m - FIRST) for m in span])
    online = np.array([rng.binomial(int(n), p) for n, p in zip(contacts, online_p, strict=True)])
    emergency = np.array(
        [rng.binomial(int(n - o), 0.3) for n, o in zip(contacts, online, strict=True)]
    )
    series[("contacts", FORCE)] = contacts
    series[("contacts_online", FORCE)] = online
    series[("contacts_999", FORCE)] = emergency
    rows = [
        (iso(m), measure, area, int(values[i]), "")
        for (measure, area), values in series.items()
        for i, m in enumerate(span)
    ]
    # Outstanding warrants on the first of each month: a queue that builds, then is worked.
    queue = 300.0
    for m in span:
        queue = max(50.0, queue + rng.normal(4, 12) - (40 if m % 12 == 5 else 0))
        rows.append((iso(m), "warrants", FORCE, round(queue), f"{iso(m)}-01"))
    rows.sort(key=lambda r: (r[1], r[2], r[0], r[4]))
    return rows, series


def rolling(values: np.ndarray) -> np.ndarray:
    """12-month totals; entry i is the total of the months i-11..i (NaN before)."""
    out = np.full(len(values), np.nan)
    sums = np.convolve(values.astype(float), np.ones(12), mode="valid")
    out[11:] = sums
    return out


def check(series: dict[tuple[str, str], np.ndarray]) -> list[str]:
    """Which planted facts do not hold in the drawn series (empty when all do)."""
    at = {m: m - FIRST for m in range(FIRST, LAST + 1)}
    failures = []
    vehicle = rolling(series[("vehicle_crime", FORCE)])
    t = at[month_of("2021-06")]
    run = vehicle[t - 8 : t + 1] < vehicle[t - 9 : t]
    if not run.all():
        failures.append("vehicle crime: the 12-month total did not fall every month to 2021-06")
    shop = rolling(series[("shoplifting", FORCE)])
    t = at[month_of("2021-09")]
    if not shop[t] > np.nanmax(shop[:t]):
        failures.append("shoplifting: the 12 months to 2021-09 are not the highest on record")
    t = at[month_of("2021-11")]
    changes = {}
    for district in WEIGHT:
        r = rolling(series[("robberies", district)])
        changes[district] = 100 * (r[t] - r[t - 12]) / r[t - 12]
    peers = [c for d, c in changes.items() if d != "Newport upon Tarn"]
    if not (changes["Newport upon Tarn"] > 45 and max(abs(c) for c in peers) < 15):
        failures.append(f"robberies: no outlier district in 2021-11 ({changes})")
    charges, crimes = series[("charges", FORCE)], series[("crimes_all", FORCE)]
    t = at[month_of("2021-08")]
    lt = slice(at[month_of("2018-04")], at[month_of("2021-03")] + 1)
    now = 100 * charges[t - 11 : t + 1].sum() / crimes[t - 11 : t + 1].sum()
    benchmark = 100 * charges[lt].sum() / crimes[lt].sum()
    if not benchmark - now > 2:
        failures.append(f"charge rate: {now:.1f}% is not far below the benchmark {benchmark:.1f}%")
    asb = series[("asb", FORCE)].astype(float)
    t = at[month_of("2021-03")]
    centre = asb[t - 24 : t].mean()
    if not (asb[t - 6 : t + 1] < centre).all():
        failures.append("anti-social behaviour: 2021-03 is not the seventh month below average")
    if not (asb[t] > asb[t - 1] and asb[t] > asb[t - 12]):
        failures.append("anti-social behaviour: 2021-03 did not rise on the month and the year")
    return failures


def main() -> None:
    rows, series = draw()
    failures = check(series)
    if failures:
        raise SystemExit("planted facts missing:\n" + "\n".join(failures))
    with (Path(__file__).parent / "figures.csv").open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["month", "measure", "area", "value", "date"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
