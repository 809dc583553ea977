"""Benchmark: ingest the 40-force national month of data.police.uk (September 2019).

Not a test: run it by hand and copy the figures into docs/performance.md.

    python bench/ingest_national.py [FOLDER] [--runs 3]

Prints the median wall time and CPU time (all threads of the process) of ``--runs`` ingests,
then the peak memory: the process's peak resident set (which includes Python, pandas and
pyarrow themselves) and, from one further run under tracemalloc, the peak of the memory
Python and numpy allocated during the ingest (pyarrow's own buffers are not traced).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from narrator.ingest import ingest_police_uk

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "police-uk" / "national-2019-09"


def peak_rss_mb() -> float | None:
    """Peak resident set size of this process so far, in MB (None where unsupported)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.csv"))
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB in {args.folder}")
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}")

    rss_before = peak_rss_mb()
    walls, cpus = [], []
    for run in range(1, args.runs + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        result = ingest_police_uk([args.folder])
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        print(f"run {run}: wall {walls[-1]:.2f} s, cpu {cpus[-1]:.2f} s")
    rss_after = peak_rss_mb()

    tracemalloc.start()
    ingest_police_uk([args.folder])
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    rows = sum(result.summary.rows.values())
    print(f"rows read: {rows:,}; figures: {len(result.figures):,} rows")
    print(f"median wall time: {statistics.median(walls):.2f} s")
    print(f"median CPU time:  {statistics.median(cpus):.2f} s")
    if rss_before is not None and rss_after is not None:
        print(f"peak RSS: {rss_after:.0f} MB ({rss_before:.0f} MB after imports)")
    print(f"peak traced allocations during one ingest: {traced / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
