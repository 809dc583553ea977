"""Builds figures.csv of the Northshire test project: seeded, synthetic, different names.

Run ``python tests/projects/northshire/make_figures.py`` to regenerate. The project proves
that drafting needs no code change for other measures, areas and outlines.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

DISTRICTS = {
    "Eastmoor": "Coastal",
    "Harbourside": "Coastal",
    "Saltby": "Coastal",
    "Fellgate": "Upland",
    "Highcross": "Upland",
    "Moorend": "Upland",
}
SIZE = {
    "Eastmoor": 90,
    "Harbourside": 140,
    "Saltby": 60,
    "Fellgate": 75,
    "Highcross": 110,
    "Moorend": 50,
}


def main() -> None:
    rng = np.random.default_rng(20240601)
    first, last = 2015 * 12 + 0, 2020 * 12 + 5  # 2015-01 .. 2020-06
    rows: list[tuple[str, str, str, int]] = []
    for m in range(first, last + 1):
        month = f"{m // 12}-{m % 12 + 1:02d}"
        season = 1 + 0.15 * np.sin(2 * np.pi * (m % 12) / 12)
        totals: dict[tuple[str, str], int] = {}
        for district, region in DISTRICTS.items():
            growth = 1 + 0.004 * (m - first)
            thefts = int(rng.poisson(SIZE[district] * season * growth))
            solved = int(rng.binomial(thefts, 0.18))
            assaults = int(rng.poisson(SIZE[district] * 0.4 * growth))
            for measure, value in (
                ("thefts", thefts),
                ("thefts_solved", solved),
                ("assaults", assaults),
            ):
                rows.append((month, measure, district, value))
                for area in (region, "Northshire"):
                    totals[(measure, area)] = totals.get((measure, area), 0) + value
        for (measure, area), value in sorted(totals.items()):
            rows.append((month, measure, area, value))
    rows.sort(key=lambda r: (r[1], r[2], r[0]))
    with (Path(__file__).parent / "figures.csv").open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["month", "measure", "area", "value"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
