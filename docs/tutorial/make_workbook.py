"""Writes the example workbook of the tutorial: a force's monthly figures as many analysts keep
them, one row per measure and area with the months across the columns.

    python docs/tutorial/make_workbook.py severn-vale.xlsx

The figures are invented (a seeded random series with a season and a gentle trend) for a
force that does not exist, Severn Vale Police; use your own workbook in its place.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

#: The districts of the example force and each one's share of its crime.
DISTRICTS = {
    "Kingsbridge upon Severn": 0.34,
    "Millford": 0.21,
    "St Mary's": 0.17,
    "Thornbury and Vale": 0.28,
}
#: Each measure's force-wide monthly level, its winter dip (a share of the level) and its
#: trend per year (a share of the level).
MEASURES = {
    "All crime": (5200, 0.06, -0.02),
    "Shoplifting": (610, 0.10, 0.09),
    "Violence with injury": (720, 0.12, 0.01),
    "Anti-social behaviour": (1900, 0.25, -0.05),
    "Charges and summonses": (470, 0.05, -0.03),
}
MONTHS = pd.period_range("2019-04", "2024-03", freq="M")


def workbook() -> pd.DataFrame:
    """The wide table: Measure, Area, then one column per month (a date, as Excel keeps it)."""
    rng = np.random.default_rng(20240331)
    t = np.arange(len(MONTHS))
    winter = np.cos(2 * np.pi * (MONTHS.month.to_numpy() - 1) / 12)  # +1 in January
    rows = []
    for measure, (level, dip, trend) in MEASURES.items():
        for district, share in DISTRICTS.items():
            mean = level * share * (1 - dip * winter) * (1 + trend * t / 12)
            values = rng.poisson(np.maximum(mean, 1))
            rows.append([measure, district, *values.tolist()])
    columns = ["Measure", "Area", *(date(p.year, p.month, 1) for p in MONTHS)]
    return pd.DataFrame(rows, columns=columns)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "severn-vale.xlsx")
    workbook().to_excel(target, sheet_name="Monthly", index=False)
    print(f"Wrote {target}")
