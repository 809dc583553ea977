"""Benchmark: ``narrator draft --month 2019-10`` on the bundled sample, as a whole process.

Runs the installed command several times and reports the median wall time, and checks that
spaCy is never imported by the draft. Usage: ``python bench/draft_sample.py [runs]``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_once(out: Path) -> float:
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
    )
    return time.perf_counter() - start


def startup() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import narrator.cli"], check=True)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "draft.md"
        times = [run_once(out) for _ in range(runs)]
    imports = [startup() for _ in range(runs)]
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, narrator.api as a; a.draft(None, '2019-10');"
            " print('spacy' in sys.modules)",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    print(
        f"draft --month 2019-10: median {statistics.median(times):.2f} s over {runs} runs "
        f"(min {min(times):.2f}, max {max(times):.2f})"
    )
    print(f"start-up (import narrator.cli): median {statistics.median(imports):.2f} s")
    print(f"spaCy imported by draft: {probe.stdout.strip()}")


if __name__ == "__main__":
    main()
