"""Benchmark: validate and compute the facts of a synthetic national data set.

Not a test: run it by hand and copy the figures into docs/performance.md.

    python bench/facts_national.py [--runs 3] [--counts 40] [--ratios 10] [--breakdown]
                                   [--profile]

The data set (issue 2): 43 forces, each with 11 districts, under one root ("England and
Wales"): 517 areas. ``--counts`` count measures (Poisson draws with a trend and a seasonal
profile for every district; forces and the root are exact sums) and ``--ratios`` ratio
measures, each the numerator / denominator of two of the counts (numerators are binomial
draws out of their denominators). 120 monthly values, November 2009 to October 2019. The
default 40 stored measures give 43 x 12 x 40 x 120 = about 2.5 million rows; ``--counts 30``
is a catalogue of 30 counts + 10 ratios (1.9 million rows).

The table is built in memory as ``read_table`` hands it over (text columns with ``_file``
and ``_row``), so the timed work is exactly ``figures_from_table`` (validation, pivot, gap
and ratio checks) plus ``compute_facts`` for the last month. Prints the median wall time of
``--runs`` runs, each phase's median, the median CPU time of the process (less sensitive to
other work on the machine than wall time), the load average, and the peak resident set of
the process (``resource.getrusage``: it includes building the data set). ``--breakdown`` times,
within ``compute_facts``, the part spent turning computed rows into ``Fact`` objects
(``FactBuilder.add`` / ``add_one`` and the ``FactSet``), by wrapping those methods from here.
``--profile`` runs one more time under cProfile and prints the functions with the most time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import platform
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from narrator import months
from narrator.areas import Areas, parse_areas
from narrator.catalogue import Catalogue, parse_catalogue
from narrator.facts import FactSet, compute_facts
from narrator.facts.builder import FactBuilder
from narrator.figures import figures_from_table

ROOT = "England and Wales"
FORCES = 43
DISTRICTS = 11
N_MONTHS = 120
LAST = "2019-10"
SEED = 20191127


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def build_areas() -> Areas:
    items: list[dict[str, str]] = [{"name": ROOT, "level": "country"}]
    for f in range(FORCES):
        force = f"Force {f:02d}"
        items.append({"name": force, "level": "force", "parent": ROOT})
        items += [
            {"name": f"{force} District {d:02d}", "level": "district", "parent": force}
            for d in range(DISTRICTS)
        ]
    return parse_areas(items, "<national areas>")


def build_catalogue(counts: int, ratios: int) -> Catalogue:
    if 2 * ratios > counts:
        raise SystemExit(f"{ratios} ratios need at least {2 * ratios} counts")
    measures: dict[str, dict[str, object]] = {
        f"c{i:02d}": {"label": f"count {i}", "polarity": "down_good"} for i in range(counts)
    }
    for r in range(ratios):
        measures[f"r{r:02d}"] = {
            "kind": "ratio",
            "numerator": f"c{2 * r + 1:02d}",
            "denominator": f"c{2 * r:02d}",
            "decimals": 1,
            "polarity": "up_good",
        }
    return parse_catalogue({"measures": measures}, "<national catalogue>")


def build_table(counts: int, ratios: int, areas: Areas) -> pd.DataFrame:
    """The tidy table, as ``read_table`` would return it from one CSV."""
    rng = np.random.default_rng(SEED)
    leaves = FORCES * DISTRICTS
    t = np.arange(N_MONTHS)
    season = 1 + 0.08 * np.sin(2 * np.pi * (t % 12) / 12)
    values = np.zeros((counts, leaves, N_MONTHS), dtype=np.int64)
    numerators = {2 * r + 1 for r in range(ratios)}
    for i in range(counts):
        if i in numerators:
            continue
        level = rng.uniform(5, 400, size=leaves)[:, None]
        trend = 1 + rng.uniform(-0.3, 0.3, size=leaves)[:, None] * t / N_MONTHS
        values[i] = rng.poisson(level * trend * season)
    for r in range(ratios):
        share = rng.uniform(0.05, 0.6, size=leaves)[:, None]
        values[2 * r + 1] = rng.binomial(values[2 * r], share)
    # Forces are the sums of their districts; the root is the sum of the forces.
    by_force = values.reshape(counts, FORCES, DISTRICTS, N_MONTHS)
    force_totals = by_force.sum(axis=2)
    root_totals = force_totals.sum(axis=1, keepdims=True)
    blocks = [root_totals]
    for f in range(FORCES):
        blocks.append(force_totals[:, f : f + 1])
        blocks.append(by_force[:, f])
    everything = np.concatenate(blocks, axis=1)  # (measure, area in hierarchy order, month)
    names = [ROOT]
    for f in range(FORCES):
        force = f"Force {f:02d}"
        names.append(force)
        names += [f"{force} District {d:02d}" for d in range(DISTRICTS)]
    assert sorted(names) == sorted(a.name for a in areas)

    first = months.parse(LAST) - N_MONTHS + 1
    month_text = np.array([months.iso(first + c) for c in range(N_MONTHS)], dtype=object)
    measure_text = np.array([f"c{i:02d}" for i in range(counts)], dtype=object)
    area_text = np.array(names, dtype=object)
    n_areas = len(names)
    rows = counts * n_areas * N_MONTHS
    table = pd.DataFrame(
        {
            "month": np.tile(month_text, counts * n_areas),
            "measure": np.repeat(measure_text, n_areas * N_MONTHS),
            "area": np.tile(np.repeat(area_text, N_MONTHS), counts),
            "value": everything.reshape(-1).astype(str).astype(object),
            "date": np.full(rows, "", dtype=object),
        }
    )
    table["_file"] = "national.csv"
    table["_row"] = np.arange(2, rows + 2)
    return table


class Breakdown:
    """Wall time spent in the fact builder and the FactSet, by wrapping their methods."""

    def __init__(self) -> None:
        self.builder = 0.0
        self.factset = 0.0
        self._depth = 0

    def install(self) -> None:
        for name in ("add", "add_one"):
            setattr(FactBuilder, name, self._wrap(getattr(FactBuilder, name), "builder"))
        FactSet.__init__ = self._wrap(FactSet.__init__, "factset")  # type: ignore[method-assign]

    def _wrap(self, function: Callable[..., Any], slot: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth:  # add() calls add_one(): count the outer call only
                return function(*args, **kwargs)
            self._depth += 1
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                setattr(self, slot, getattr(self, slot) + time.perf_counter() - start)
                self._depth -= 1

        return timed

    def take(self) -> tuple[float, float]:
        taken = (self.builder, self.factset)
        self.builder = self.factset = 0.0
        return taken


def run_once(
    table: pd.DataFrame, catalogue: Catalogue, areas: Areas
) -> tuple[float, float, float, int, int]:
    """Seconds to shape the figures and for the facts, CPU seconds of both, series, facts."""
    cpu = time.process_time()
    start = time.perf_counter()
    figures = figures_from_table(table, catalogue, areas)
    middle = time.perf_counter()
    facts = compute_facts(figures, LAST)
    end = time.perf_counter()
    return middle - start, end - middle, time.process_time() - cpu, len(figures.keys), len(facts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--counts", type=int, default=40, help="stored count measures")
    parser.add_argument("--ratios", type=int, default=10, help="ratio measures over them")
    parser.add_argument(
        "--breakdown", action="store_true", help="time the Fact-building part of the engine"
    )
    parser.add_argument("--profile", action="store_true", help="one more run under cProfile")
    parser.add_argument("--top", type=int, default=25, help="profile lines to print")
    args = parser.parse_args()

    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}")
    print(f"pandas {pd.__version__}, numpy {np.__version__}")
    rss_imports = peak_rss_mb()
    started = time.perf_counter()
    areas = build_areas()
    catalogue = build_catalogue(args.counts, args.ratios)
    table = build_table(args.counts, args.ratios, areas)
    built = time.perf_counter() - started
    gc.collect()
    rss_built = peak_rss_mb()
    print(
        f"data set: {len(table):,} rows; {len(list(areas))} areas; "
        f"{args.counts} counts + {args.ratios} ratios; {N_MONTHS} months to {LAST} "
        f"(built in {built:.1f} s)"
    )

    breakdown = Breakdown()
    if args.breakdown:
        breakdown.install()
    shapes, engines, totals, cpus, builders = [], [], [], [], []
    for run in range(1, args.runs + 1):
        shape, engine, cpu, series, n_facts = run_once(table, catalogue, areas)
        shapes.append(shape)
        engines.append(engine)
        totals.append(shape + engine)
        cpus.append(cpu)
        print(
            f"run {run}: {shape + engine:.2f} s = figures_from_table {shape:.2f} s "
            f"+ compute_facts {engine:.2f} s; CPU {cpu:.2f} s "
            f"({series:,} series, {n_facts:,} facts)"
        )
        if args.breakdown:
            builder, factset = breakdown.take()
            builders.append(builder + factset)
            print(
                f"       of compute_facts: FactBuilder.add/add_one {builder:.2f} s, "
                f"FactSet {factset:.2f} s, the rest (array work) {engine - builder - factset:.2f} s"
            )
        gc.collect()
    rss_end = peak_rss_mb()

    print(f"median total:              {statistics.median(totals):.2f} s")
    print(f"median CPU time:           {statistics.median(cpus):.2f} s")
    print(f"load average (1, 5, 15 min): {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"median figures_from_table: {statistics.median(shapes):.2f} s")
    print(f"median compute_facts:      {statistics.median(engines):.2f} s")
    if builders:
        print(f"  of which building facts: {statistics.median(builders):.2f} s")
    print(
        f"peak RSS: {rss_end:.0f} MB (after imports {rss_imports:.0f} MB, "
        f"after building the data set {rss_built:.0f} MB)"
    )

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run_once(table, catalogue, areas)
        profiler.disable()
        for order in ("tottime", "cumulative"):
            buffer = io.StringIO()
            stats = pstats.Stats(profiler, stream=buffer)
            stats.sort_stats(order).print_stats(args.top)
            print(f"\n--- cProfile, by {order} ---")
            print(buffer.getvalue())


if __name__ == "__main__":
    main()
