"""The reference run: the core window computations of the fact engine, in DuckDB SQL.

    python bench/duckdb_reference.py FIGURES.parquet OUT.parquet [--month 2019-10]

For every series (measure x area) of a tidy figures file: the month on month change, the
year on year change of the month, the rolling 12 months and its change on a year before,
the financial year to date (April to the month) and its change on a year before, and the
mean and sample standard deviation of the 36 months before the month with the month's
z-score against them. Computed over every month (window functions need the history) and
written to Parquet for the reporting month, as ``narrator facts`` writes that month's
facts. Run as a whole process by ``bench/national_bench.py``, beside ``narrator facts``
on the same file, so that the figure quoted is a ratio measured side by side.

DuckDB is a benchmark dependency only (``pip install -e ".[bench]"``); narrator never
imports it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import duckdb

QUERY = """
COPY (
  WITH base AS (
    SELECT measure, area, month, value,
           CAST(substr(month, 1, 4) AS INTEGER) AS year,
           CAST(substr(month, 6, 2) AS INTEGER) AS month_of_year
    FROM read_parquet($figures)
  ), windows AS (
    SELECT *,
      LAG(value, 1) OVER series AS previous_month,
      LAG(value, 12) OVER series AS same_month_last_year,
      SUM(value) OVER rolling_12 AS rolling_12,
      SUM(value) OVER (
        PARTITION BY measure, area, year - (month_of_year < 4)::INTEGER
        ORDER BY month ROWS UNBOUNDED PRECEDING
      ) AS financial_ytd,
      AVG(value) OVER previous_36 AS mean_36,
      STDDEV_SAMP(value) OVER previous_36 AS sd_36
    FROM base
    WINDOW series AS (PARTITION BY measure, area ORDER BY month),
           rolling_12 AS (PARTITION BY measure, area ORDER BY month
                          ROWS BETWEEN 11 PRECEDING AND CURRENT ROW),
           previous_36 AS (PARTITION BY measure, area ORDER BY month
                           ROWS BETWEEN 36 PRECEDING AND 1 PRECEDING)
  ), years_before AS (
    SELECT *,
      LAG(rolling_12, 12) OVER (PARTITION BY measure, area ORDER BY month)
        AS rolling_12_year_before,
      LAG(financial_ytd, 12) OVER (PARTITION BY measure, area ORDER BY month)
        AS financial_ytd_year_before
    FROM windows
  )
  SELECT measure, area, month, value,
    value - previous_month AS month_change,
    100.0 * (value - previous_month) / NULLIF(previous_month, 0) AS month_change_pct,
    value - same_month_last_year AS year_change,
    100.0 * (value - same_month_last_year) / NULLIF(same_month_last_year, 0)
      AS year_change_pct,
    rolling_12,
    rolling_12 - rolling_12_year_before AS rolling_12_change,
    100.0 * (rolling_12 - rolling_12_year_before) / NULLIF(rolling_12_year_before, 0)
      AS rolling_12_change_pct,
    financial_ytd,
    financial_ytd - financial_ytd_year_before AS financial_ytd_change,
    mean_36, sd_36,
    (value - mean_36) / NULLIF(sd_36, 0) AS z_36
  FROM years_before
  WHERE month = $month
  ORDER BY measure, area
) TO '{out}' (FORMAT parquet, COMPRESSION zstd)
"""


def run(figures: Path, out: Path, month: str) -> int:
    """Compute and write the reference; return the number of rows written."""
    if "'" in str(out):
        raise SystemExit(f"{out}: a quote in the output path")
    con = duckdb.connect()
    con.execute(QUERY.format(out=out), {"figures": str(figures), "month": month})
    row = con.execute("SELECT count(*) FROM read_parquet($out)", {"out": str(out)}).fetchone()
    return int(row[0]) if row else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("figures", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--month", default="2019-10")
    args = parser.parse_args()
    started = time.perf_counter()
    rows = run(args.figures, args.out, args.month)
    print(f"{rows:,} series of {args.month} in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
