"""Benchmark: ``narrator draft --month 2019-10`` on the bundled sample, as a whole process.

Runs the command (``python -m narrator``, so the ``narrator`` of the working directory or,
failing that, the installed one) several times and reports the median wall time, the median
CPU time, the median start-up (``import narrator.cli``) and its share of the run, and checks
which heavy libraries the draft imports. The CPU time is the steadier figure when other work
shares the machine. Usage: ``python bench/draft_sample.py [runs]`` (default 9).

Two bytecode settings are measured, their drafts and start-ups interleaved so that a change
in the machine's load affects all alike:

- *as the environment is*: the inherited environment, e.g. ``PYTHONDONTWRITEBYTECODE=1``,
  under which any module whose ``.pyc`` is missing or stale is compiled at every run;
- *cached bytecode*: bytecode writing on, into a fresh ``PYTHONPYCACHEPREFIX`` filled by one
  untimed warm-up run, as for a pip-installed package (whose ``.pyc`` files are compiled at
  install) or any environment that writes bytecode.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

#: Libraries the draft must never import (the checker, the built paper, the review app and
#: the statistics the draft computes without scipy).
HEAVY = ("spacy", "scipy", "matplotlib", "docx", "textual")


def run_once(out: Path, env: Mapping[str, str], cpu: list[float] | None = None) -> float:
    """Wall time of one draft; its CPU time (user + system) appended to ``cpu``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "narrator",
            "draft",
            "--month",
            "2019-10",
            "--out",
            str(out),
            "--force",
        ],
        check=True,
        capture_output=True,
        env=dict(env),
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def startup(env: Mapping[str, str]) -> float:
    """Seconds from starting a Python process to the end of its ``import narrator.cli``.

    Stops the clock when the import is done (the child prints the time), not when the
    process ends: the exit of a process that only imports is not part of a draft's start-up.
    """
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", "import narrator.cli, time; print(repr(time.time()))"],
        check=True,
        capture_output=True,
        text=True,
        env=dict(env),
    )
    return float(done.stdout) - start


def imported_heavy() -> list[str]:
    """The libraries of :data:`HEAVY` that a draft through the Python API imports."""
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, narrator.api as a; a.draft(None, '2019-10');"
            f" print(' '.join(m for m in {HEAVY!r} if m in sys.modules))",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return probe.stdout.split()


def report(name: str, times: list[float], cpu: list[float], imports: list[float]) -> None:
    total, start = statistics.median(times), statistics.median(imports)
    print(
        f"{name}: draft median {total:.2f} s over {len(times)} runs "
        f"(min {min(times):.2f}, max {max(times):.2f}; CPU median {statistics.median(cpu):.2f} s); "
        f"start-up median {start:.2f} s ({start / total:.0%} of the draft)"
    )


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    as_is = dict(os.environ)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "draft.md"
        cached = dict(os.environ, PYTHONPYCACHEPREFIX=str(Path(folder) / "pycache"))
        cached.pop("PYTHONDONTWRITEBYTECODE", None)
        run_once(out, cached)  # warm-up: writes the bytecode of every module imported
        startup(cached)
        times: dict[str, list[float]] = {"as is": [], "cached": []}
        cpu: dict[str, list[float]] = {"as is": [], "cached": []}
        imports: dict[str, list[float]] = {"as is": [], "cached": []}
        for _ in range(runs):
            times["as is"].append(run_once(out, as_is, cpu["as is"]))
            times["cached"].append(run_once(out, cached, cpu["cached"]))
            imports["as is"].append(startup(as_is))
            imports["cached"].append(startup(cached))
    print(
        f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after; "
        f"PYTHONDONTWRITEBYTECODE={as_is.get('PYTHONDONTWRITEBYTECODE', '(unset)')} as is"
    )
    report("as the environment is", times["as is"], cpu["as is"], imports["as is"])
    report("cached bytecode      ", times["cached"], cpu["cached"], imports["cached"])
    heavy = imported_heavy()
    print(f"imported by a draft, of {', '.join(HEAVY)}: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
