"""Print a project's figures around a month, to label the corpus's value claims true or false.

    python -m tests.data.papers.lookup samples/cambridgeshire 2019-10 [MEASURE ...]

For each measure and area: the month, the month before, the same month a year before, the
12 months to the month and the 12 months before them, the financial year to date (April to
the month) and the same months a year before, and the last whole financial year (April to
March) that ends in or before the month and the one before it; ratios are numerator over
denominator (per cent). The
figures are read with pandas straight from figures.csv, independently of narrator's engine,
so that the labels do not inherit the engine's mistakes.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pandas as pd


def _months(month: str, back: int) -> list[str]:
    period = pd.Period(month, freq="M")
    return [str(period - i) for i in range(back)]


def _last_march(month: str) -> str:
    period = pd.Period(month, freq="M")
    year = period.year if period.month >= 3 else period.year - 1
    return f"{year}-03"


def _since_april(month: str) -> list[str]:
    """The months of the financial year to date: April to ``month``."""
    period = pd.Period(month, freq="M")
    back = (period.month - 4) % 12
    return _months(month, back + 1)


def _sum(frame: pd.DataFrame, measure: str, area: str, months: list[str]) -> float:
    rows = frame[(frame.measure == measure) & (frame.area == area) & frame.month.isin(months)]
    return float(rows.value.sum())


def lookup(project: Path, month: str, only: list[str]) -> None:
    """Print the figures of ``project`` around ``month`` (all measures, or ``only``)."""
    frame = pd.read_csv(project / "figures.csv", dtype={"month": str})
    catalogue = tomllib.loads((project / "catalogue.toml").read_text())["measures"]
    prev = str(pd.Period(month, freq="M") - 1)
    last_year = str(pd.Period(month, freq="M") - 12)
    windows = {
        "month": [month],
        "prev": [prev],
        "year_ago": [last_year],
        "r12": _months(month, 12),
        "r12_prev": _months(last_year, 12),
        "r12_prev_month": _months(prev, 12),
        "fytd": _since_april(month),
        "fytd_prev": _since_april(last_year),
        "last_fy": _months(_last_march(month), 12),
        "last_fy_prev": _months(str(pd.Period(_last_march(month), freq="M") - 12), 12),
    }
    for measure, spec in catalogue.items():
        if only and measure not in only:
            continue
        areas = sorted(frame[frame.measure == spec.get("numerator", measure)].area.unique())
        for area in areas:
            cells = []
            for name, months in windows.items():
                if spec.get("kind") == "ratio":
                    num = _sum(frame, spec["numerator"], area, months)
                    den = _sum(frame, spec["denominator"], area, months)
                    value = 100.0 * num / den if den else float("nan")
                    cells.append(f"{name}={value:.2f}%")
                else:
                    cells.append(f"{name}={_sum(frame, measure, area, months):g}")
            print(f"{measure:28} {area:22} " + " ".join(cells))


if __name__ == "__main__":
    lookup(Path(sys.argv[1]), sys.argv[2], sys.argv[3:])
