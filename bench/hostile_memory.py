"""Benchmark: peak memory and time of the installed command on the inputs of issue 16.

Usage: ``python bench/hostile_memory.py [WORKDIR]``. Builds, in WORKDIR (default a temporary
folder): a paper of the seed repeated to 9 MB (under the default limit of 10) and to 100 MB, and a
project of a million figures rows (10 measures x 1,000 areas x 100 months). Then runs each
command in a process of its own under ``/usr/bin/time``-like accounting (the peak resident
memory of the process and its forked helpers, from ``wait4``) and prints one line each:
exit code, seconds, peak MB. Figures go to docs/robustness.md; nothing here is a test.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed"
SAMPLE = ROOT / "samples" / "cambridgeshire"
NARRATOR = str(Path(sys.executable).with_name("narrator"))


def paper(path: Path, size: int) -> Path:
    """The seed paper repeated to ``size`` characters."""
    seed = next(SEED.glob("*.txt")).read_text(encoding="utf-8")
    text = "\n\n".join([seed] * (size // len(seed) + 1))[:size]
    path.write_text(text, encoding="utf-8")
    return path


def million_rows(folder: Path, measures: int = 10, areas: int = 1000, months: int = 100) -> Path:
    """A project whose figures have ``measures * areas * months`` rows (a million)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "narrator.toml").write_text(
        '[project]\nname = "Bigshire"\n[figures]\nfile = "figures.csv"\n'
    )
    (folder / "catalogue.toml").write_text(
        "".join(
            f'[measures.m{m}]\nlabel = "measure {m} crimes"\nkind = "count"\nunit = "crime"\n'
            'polarity = "down_good"\n\n'
            for m in range(measures)
        )
    )
    (folder / "areas.toml").write_text(
        '[[areas]]\nname = "Bigshire"\nlevel = "force"\n\n'
        + "".join(
            f'[[areas]]\nname = "A{a}"\nlevel = "district"\nparent = "Bigshire"\n\n'
            for a in range(areas)
        )
    )
    (folder / "outline.toml").write_text(
        'title = "Big"\n[[sections]]\nnumber = "1.1"\ntitle = "All"\n'
        '  [[sections.paragraphs]]\n  measures = ["m0"]\n'
    )
    rng = random.Random(1)
    with (folder / "figures.csv").open("w") as handle:
        handle.write("month,measure,area,value\n")
        for index in range(months):
            month = f"{2012 + index // 12}-{index % 12 + 1:02d}"
            for m in range(measures):
                handle.writelines(
                    f"{month},m{m},A{a},{rng.randint(0, 500)}\n" for a in range(areas)
                )
    return folder


def measure(label: str, args: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    """Run ``narrator ARGS``; print exit code, seconds and the peak memory of its processes."""
    started = time.monotonic()
    with open(os.devnull, "w") as sink:
        child = subprocess.Popen(
            [NARRATOR, *args], cwd=cwd, stdout=sink, stderr=subprocess.PIPE, text=True,
            env={**os.environ, **(env or {})},
        )  # fmt: skip
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    error = (child.stderr.read() if child.stderr else "").strip().splitlines()
    note = f"  [{error[0][:90]}]" if code == 2 and error else ""
    print(f"{label:<48} exit {code:>3}  {seconds:7.1f} s  {usage.ru_maxrss / 1024:8.0f} MB{note}")


def make(work: Path) -> None:
    """Write the inputs (in a process of its own: a process forked from one holding 100 MB
    of text would carry that high-water mark into every measurement)."""
    work.mkdir(parents=True, exist_ok=True)
    paper(work / "paper-10mb.txt", 9 * 1024 * 1024)  # bytes: the seed has a few non-ASCII
    paper(work / "paper-100mb.txt", 100 * 1024 * 1024)
    million_rows(work / "million")


def main() -> None:
    if sys.argv[1:2] == ["--make"]:
        make(Path(sys.argv[2]))
        return
    work = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="hostile-"))
    subprocess.run([sys.executable, __file__, "--make", str(work)], check=True)
    ten, hundred, project = work / "paper-10mb.txt", work / "paper-100mb.txt", work / "million"
    print(f"cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f}, in {work}")
    check = ["--month", "2019-10", "--project", str(SAMPLE)]
    measure("check /dev/zero", ["check", "/dev/zero", *check], work)
    measure("check 100 MB paper (refused)", ["check", str(hundred), *check], work)
    measure("check 9 MB paper, text", ["check", str(ten), *check], work)
    measure("check 9 MB paper, json", ["check", str(ten), *check, "--format", "json"], work)
    measure("draft on a million rows", ["draft", "--month", "2019-12", "--out", "-"], project)
    facts = ["facts", "--month", "2019-12", "--kind", "level", "--format", "json"]
    measure("facts --kind level on a million rows, json", facts, project)


if __name__ == "__main__":
    main()
