"""Benchmark: checking the seed paper, and throughput on a long synthetic paper.

Usage: ``python bench/check_speed.py [SEED_PATH]``. Prints the median time to check the seed
after start-up (reader built, facts computed) and the tokens a second on the seed repeated
and renumbered 24 times (the median of five checks), with the cores and the load average,
since the machine is shared. A paper this long is read in one process per core (see
``narrator.check.claims.PROCESS_CHARS``). Figures go to docs/performance.md; nothing here
is a test.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path

from narrator.check import Checker
from narrator.check.text.files import read_document
from narrator.check.text.parse import parse_text
from narrator.project import load_project

SEED = Path(__file__).resolve().parent.parent / "tests" / "data" / "seed"
#: Checks of the long paper; the median is reported (the machine is shared and noisy).
LONG_RUNS = 5


def long_paper(text: str, start: int, copies: int) -> str:
    """The paper's body again and again, its section numbers shifted each time."""
    body = text[start:]
    parts = [text[:start]]
    for copy in range(copies):
        parts.append(
            re.sub(
                r"(?m)^([ \t]*)(\d+)\.(\d)",
                lambda m, c=copy: f"{m.group(1)}{int(m.group(2)) + 8 * c}.{m.group(3)}",
                body,
            )
        )
    return "\n".join(parts)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else next(SEED.glob("*.txt"))
    project = load_project(None)
    started = time.perf_counter()
    checker = Checker.for_project(project)
    reader = checker.reader
    checker.facts("2019-10")
    print(f"start-up (reader and facts): {time.perf_counter() - started:.2f} s")
    document = read_document(path)
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        checker.check_document(document, month="2019-10")
        times.append(time.perf_counter() - t0)
    print(f"seed paper: median {statistics.median(times) * 1000:.0f} ms over 7 runs")
    text = long_paper(document.text, document.sections["1.0"].start, 24)
    tokens = len(reader.nlp.make_doc(text)) if hasattr(reader, "nlp") else len(text.split())
    times = []
    for _ in range(LONG_RUNS):
        t0 = time.perf_counter()
        report = checker.check_document(parse_text(text), month="2019-10")
        times.append(time.perf_counter() - t0)
    elapsed = statistics.median(times)
    print(
        f"long paper: {tokens:,} tokens, {len(report.claims):,} claims; median "
        f"{elapsed:.2f} s over {LONG_RUNS} runs (best {min(times):.2f} s): "
        f"{tokens / elapsed:,.0f} tokens/s (best {tokens / min(times):,.0f})"
    )
    print(f"cores: {len(os.sched_getaffinity(0))}, load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
