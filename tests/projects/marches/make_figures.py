"""Builds figures.csv of the Marches test project: seeded, synthetic, several forces.

Run ``python tests/projects/marches/make_figures.py`` to regenerate. The project holds a
region of three forces, each with its basic command units (region > force > bcu: not the
sample's force > area > district), for papers per area (``--area``, ``--each force``).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

REGION = "Marches Region"
#: force -> {bcu: size}
FORCES = {
    "Westmark Police": {"Westmark North": 120, "Westmark South": 80},
    "Fenwick Constabulary": {"Fenwick City": 200, "Fenwick Rural": 45, "Fenwick Coast": 70},
    "Carrow Police": {"Carrow East": 95, "Carrow West": 60},
}


def main() -> None:
    rng = np.random.default_rng(20261204)
    first, last = 2016 * 12 + 0, 2019 * 12 + 9  # 2016-01 .. 2019-10
    rows: list[tuple[str, str, str, int]] = []
    for m in range(first, last + 1):
        month = f"{m // 12}-{m % 12 + 1:02d}"
        season = 1 + 0.1 * np.cos(2 * np.pi * (m % 12) / 12)
        totals: dict[tuple[str, str], int] = {}
        for force, units in FORCES.items():
            for unit, size in units.items():
                trend = 1 + (0.006 if force == "Fenwick Constabulary" else -0.003) * (m - first)
                burglaries = int(rng.poisson(size * season * trend))
                charged = int(rng.binomial(burglaries, 0.12))
                arrests = int(rng.poisson(size * 0.6))
                for measure, value in (
                    ("burglaries", burglaries),
                    ("burglaries_charged", charged),
                    ("arrests", arrests),
                ):
                    rows.append((month, measure, unit, value))
                    for area in (force, REGION):
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
