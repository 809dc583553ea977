"""``narrator draft`` output checked by ``narrator check``: every sentence the generator
writes is read back as written, for every month of every bundled and test project (see
tests/check/own_drafts.py), and for randomly generated figures."""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from narrator import months
from narrator.api import draft
from narrator.check import Checker
from narrator.project import load_project
from narrator.sources import load_project_figures
from tests.check.conftest import checker_for
from tests.check.own_drafts import draft_months, misreadings, projects

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"


def _months(first: str, last: str) -> list[str]:
    return [months.iso(i) for i in range(months.parse(first), months.parse(last) + 1)]


@pytest.mark.slow
@pytest.mark.parametrize("root", projects(), ids=lambda p: p.name)
def test_every_month_of_every_project_reads_back_as_written(root: Path) -> None:
    """Every sentence narrator writes, in every month of every bundled and test project,
    is read back exactly: each claim supported by the figures of what its sidecar facts
    state, and the text has no fault."""
    checker = checker_for(root)
    problems = []
    for month in draft_months(checker):
        written = draft(checker.project, month).draft
        report = checker.check_text(written.to_markdown(), month=month)
        problems.extend(misreadings(written, report))
    assert problems == []


# --- property: random figures -------------------------------------------------------------

DISTRICTS = {
    "Eastmoor": "Coastal",
    "Harbourside": "Coastal",
    "Saltby": "Coastal",
    "Fellgate": "Upland",
    "Highcross": "Upland",
    "Moorend": "Upland",
}


def _write_figures(path: Path, seed: int, size: int, growth: float, solved: float) -> None:
    """Northshire-shaped figures (2015-01 .. 2018-12) drawn from the given parameters."""
    rng = np.random.default_rng(seed)
    scale = {d: size * (0.5 + rng.random()) for d in DISTRICTS}
    rows: list[tuple[str, str, str, int]] = []
    first, last = 2015 * 12, 2018 * 12 + 11
    for m in range(first, last + 1):
        month = months.iso(m)
        season = 1 + 0.15 * np.sin(2 * np.pi * (m % 12) / 12)
        totals: dict[tuple[str, str], int] = {}
        for district, region in DISTRICTS.items():
            trend = max(0.2, 1 + growth * (m - first))
            thefts = int(rng.poisson(scale[district] * season * trend))
            solved_n = int(rng.binomial(thefts, solved))
            assaults = int(rng.poisson(scale[district] * 0.4 * trend))
            for measure, value in (
                ("thefts", thefts),
                ("thefts_solved", solved_n),
                ("assaults", assaults),
            ):
                rows.append((month, measure, district, value))
                for area in (region, "Northshire"):
                    totals[(measure, area)] = totals.get((measure, area), 0) + value
        rows.extend((month, ms, area, v) for (ms, area), v in sorted(totals.items()))
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["month", "measure", "area", "value"])
        writer.writerows(rows)


@pytest.mark.slow
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Drafts hypothesis once found misread, kept as examples that run every time: a trend's size
# "a year" after a colon; an outlier district whose own change was 0 worded as "down"; a
# month's change "on August 2017" after a sentence on the year to date; "up 0.3 points on the
# previous 12 months" when the financial year's change was 0.3 down; "the seventh month in a
# row below the figure expected for the time of year" read against last month.
@example(
    seed=2309882674,
    size=88,
    growth=-0.005181233545322193,
    solved=0.4564716655108184,
    month="2018-03",
)
@example(
    seed=1544023767,
    size=96,
    growth=0.0023657454209863194,
    solved=0.2026953223454912,
    month="2018-08",
)
@example(
    seed=623673207,
    size=315,
    growth=-0.008553891153552687,
    solved=0.2884441504426141,
    month="2018-06",
)
@example(seed=37517, size=5, growth=0.004653375965385365, solved=0.5, month="2018-08")
@example(seed=885570326, size=222, growth=0.0, solved=0.5799070094992903, month="2018-05")
@example(
    seed=683725998,
    size=363,
    growth=0.01718710956512156,
    solved=0.07058160273790123,
    month="2018-12",
)
@given(
    seed=st.integers(0, 2**32 - 1),
    size=st.integers(5, 400),
    growth=st.floats(-0.01, 0.02),
    solved=st.floats(0.02, 0.6),
    month=st.sampled_from(_months("2017-01", "2018-12")),
)
def test_drafts_of_random_figures_read_back_as_written(
    seed: int, size: int, growth: float, solved: float, month: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(NORTHSHIRE, root)
        _write_figures(root / "figures.csv", seed, size, growth, solved)
        project = load_project(root)
        # The reader depends on the catalogue, areas and lexicon only: share one.
        shared = checker_for(NORTHSHIRE).reader
        checker = Checker(project, load_project_figures(project), reader=shared)
        written = draft(project, month).draft
        report = checker.check_text(written.to_markdown(), month=month)
        assert list(misreadings(written, report)) == []
