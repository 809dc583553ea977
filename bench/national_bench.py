"""Benchmark: whole ``narrator`` commands on the national project, beside a DuckDB reference.

Not a test: run it by hand and copy the figures into docs/performance.md.

    python bench/national_bench.py [--runs 5] [--project bench/data/national]
                                   [--only facts-parquet,facts-jsonl,duckdb,draft-each]
                                   [--verify]

Each command runs as a whole process (start-up, reading the Parquet file, the work, the
writes with fsync, the exit), in turn, run after run (A B C D A B C D ...), so each run's
commands share the machine's state of the moment; the ratio of each narrator command to
the DuckDB reference is taken run by run, and the medians are quoted. The commands:

- ``narrator facts --format parquet --out F`` and ``--format jsonl --out F``: every fact
  of October 2019 (half a million);
- the DuckDB reference (``bench/duckdb_reference.py``): the core window computations
  (rolling 12 months, year on year, month on month, financial year to date, 36-month mean
  and deviation) of every series in SQL on the same file, written to Parquet;
- ``narrator draft --each force``: 43 drafts and sidecars, the areas in one process per
  core.

For each run: wall time; CPU time (user + system) of the process and every process it
waited for (``wait4``); the peak resident set of the largest single process (``ru_maxrss``)
and the peak of the whole process tree, sampled every 0.1 s as the sum of each process's
proportional set size (``/proc/PID/smaps_rollup``: pages shared by the forked workers are
divided among them, so the sum is the memory the tree really holds).

``--verify`` checks, after the runs, that the numbers agree (narrator's rolling 12 months
and month on month changes against DuckDB's, for every count series) and that every
``--each`` draft is byte-identical to the one ``narrator draft --area`` writes (all 43
through the API with the facts computed once, three through the real command).

The project is made by ``bench/national_data.py`` when missing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MONTH = "2019-10"


@dataclass(frozen=True)
class Run:
    """One whole-process run of a command."""

    wall: float
    cpu: float
    max_rss_mb: float
    tree_mb: float
    code: int


def commands(project: Path, work: Path) -> dict[str, list[str]]:
    """The benchmarked commands, by name."""
    narrator = [sys.executable, "-m", "narrator"]
    facts = [*narrator, "facts", "--month", MONTH, "--project", str(project)]
    return {
        "facts-parquet": [*facts, "--format", "parquet", "--out", str(work / "facts.parquet")],
        "facts-jsonl": [*facts, "--format", "jsonl", "--out", str(work / "facts.jsonl")],
        "duckdb": [
            sys.executable,
            str(HERE / "duckdb_reference.py"),
            str(project / "figures.parquet"),
            str(work / "reference.parquet"),
            "--month",
            MONTH,
        ],
        "draft-each": [
            *narrator,
            "draft",
            "--month",
            MONTH,
            "--project",
            str(project),
            "--each",
            "force",
            "--out",
            str(work / "drafts"),
            "--force",
        ],
    }


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def _pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree_mb(pid: int) -> float:
    """The proportional set size of a process and all its descendants, in MB."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += _pss_mb(current)
        todo += _children(current)
    return total


def run_once(command: list[str], log: Path) -> Run:
    """Run a command as a whole process; its wall and CPU time and peak memory."""
    with log.open("ab") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=sink)
        peak = [0.0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.1):
                peak[0] = max(peak[0], tree_mb(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss_mb=usage.ru_maxrss / 1024,
        tree_mb=peak[0],
        code=process.returncode,
    )


def describe(name: str, runs: list[Run]) -> str:
    def spread(values: list[float], unit: str, digits: int) -> str:
        median = statistics.median(values)
        return (
            f"{median:.{digits}f}{unit} (min {min(values):.{digits}f}, "
            f"max {max(values):.{digits}f})"
        )

    codes = sorted({r.code for r in runs})
    return (
        f"{name:14} wall {spread([r.wall for r in runs], ' s', 2)}; "
        f"CPU {spread([r.cpu for r in runs], ' s', 2)}; "
        f"largest process {spread([r.max_rss_mb for r in runs], ' MB', 0)}; "
        f"process tree {spread([r.tree_mb for r in runs], ' MB', 0)}; exit {codes}"
    )


def verify(project: Path, work: Path) -> None:
    """The numbers agree with DuckDB's; every --each draft equals its --area draft."""
    import pyarrow.parquet as pq

    sys.path.insert(0, str(HERE.parent))
    from narrator.api import load_facts
    from narrator.draft import write_draft
    from narrator.per_area import slug
    from narrator.project import load_project

    reference = {
        (r["measure"], r["area"]): r for r in pq.read_table(work / "reference.parquet").to_pylist()
    }
    facts = pq.read_table(
        work / "facts.parquet", columns=["kind", "measure", "area", "value", "change", "period"]
    ).to_pylist()
    checked = 0
    for fact in facts:
        row = reference.get((fact["measure"], fact["area"]))
        if row is None:
            continue
        if fact["kind"] == "level.rolling":
            assert abs(fact["value"] - row["rolling_12"]) < 1e-6, (fact, row)
            checked += 1
        elif fact["kind"] == "change.month":
            assert abs(fact["change"] - row["month_change"]) < 1e-6, (fact, row)
            checked += 1
    print(f"verify: {checked:,} rolling 12-month levels and month changes equal DuckDB's")

    loaded = load_project(project)
    month_facts = load_facts(loaded, MONTH).facts
    forces = [a.name for a in loaded.areas.at_level("force")]
    for force in forces:
        paper = write_draft(loaded.for_area(force), month_facts)
        written = work / "drafts" / f"draft-{MONTH}-{slug(force)}.md"
        assert written.read_text(encoding="utf-8") == paper.to_markdown(), force
        assert written.with_suffix(".json").read_text(encoding="utf-8") == paper.to_json(), force
    for force in (forces[0], forces[len(forces) // 2], forces[-1]):
        alone = work / "alone" / f"{slug(force)}.md"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "narrator",
                "draft",
                "--month",
                MONTH,
                "--project",
                str(project),
                "--area",
                force,
                "--out",
                str(alone),
                "--force",
            ],
            check=True,
            capture_output=True,
        )
        each = work / "drafts" / f"draft-{MONTH}-{slug(force)}.md"
        assert alone.read_bytes() == each.read_bytes(), force
        assert alone.with_suffix(".json").read_bytes() == each.with_suffix(".json").read_bytes()
    print(
        f"verify: {len(forces)} --each drafts and sidecars equal the drafts written for "
        f"each force alone (3 of them by narrator draft --area)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--project", type=Path, default=HERE / "data" / "national")
    parser.add_argument("--only", default="facts-parquet,facts-jsonl,duckdb,draft-each")
    parser.add_argument("--verify", action="store_true")
    args = parser.parse_args()
    project = args.project.resolve()
    if not (project / "narrator.toml").is_file():
        subprocess.run(
            [sys.executable, str(HERE / "national_data.py"), "--out", str(project)], check=True
        )
    work = Path(tempfile.mkdtemp(prefix="narrator-national-", dir=project.parent))
    chosen = {k: v for k, v in commands(project, work).items() if k in args.only.split(",")}
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; "
        f"{args.runs} runs of {', '.join(chosen)}"
    )
    results: dict[str, list[Run]] = {name: [] for name in chosen}
    try:
        for number in range(1, args.runs + 1):
            load = os.getloadavg()[0]
            line = []
            for name, command in chosen.items():
                run = run_once(command, work / f"{name}.log")
                results[name].append(run)
                line.append(f"{name} {run.wall:.2f} s")
            print(f"run {number} (load {load:.2f}): " + ", ".join(line))
        print()
        for name, runs in results.items():
            print(describe(name, runs))
        if "duckdb" in results:
            for name in ("facts-parquet", "facts-jsonl"):
                if name in results:
                    ratios = [
                        a.wall / b.wall
                        for a, b in zip(results[name], results["duckdb"], strict=True)
                    ]
                    print(
                        f"{name} / duckdb, wall, run by run: "
                        f"median {statistics.median(ratios):.2f} "
                        f"(min {min(ratios):.2f}, max {max(ratios):.2f})"
                    )
        print(f"load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
        if args.verify:
            verify(project, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
