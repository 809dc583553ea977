"""``narrator ingest police-uk``: exit 0 with a summary table, exit 2 with one message."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd

from narrator.cli.ingest import ProgressBar
from narrator.console import Console
from narrator.ingest.reader import FileKind
from tests.ingest.helpers import DATA, Run, run_cli, street_line, write


def show(run: Run) -> str:
    return f"exit {run.code}\n--- stdout\n{run.out}\n--- stderr\n{run.err}"


def test_ingest_writes_the_figures_and_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    run = run_cli(["ingest", "police-uk", str(DATA / "city-of-london"), "--out", str(out)])
    assert run.code == 0, show(run)
    figures = pd.read_csv(out, dtype={"value": "int64"})
    assert list(figures.columns) == ["month", "measure", "area", "value"]
    assert "police.uk ingest: City of London Police, 2018-03 to 2018-09" in run.out
    assert "rows repeating a Crime ID in the month" in run.out
    assert f"Wrote {len(figures):,} rows" in run.out
    assert os.listdir(tmp_path) == ["figures.csv"]


def test_ingest_with_an_areas_file(tmp_path: Path) -> None:
    areas = tmp_path / "areas.toml"
    areas.write_text(
        '[[areas]]\nname = "City of London"\nlevel = "force"\naliases = ["City of London Police"]\n'
    )
    out = tmp_path / "figures.csv"
    run = run_cli(
        ["ingest", "police-uk", str(DATA / "city-of-london"), "-o", str(out), "--areas", str(areas)]
    )
    assert run.code == 0, show(run)
    assert set(pd.read_csv(out)["area"]) == {"City of London"}
    assert "districts of the force not in the areas file" in run.out


def test_bad_input_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    source = write(tmp_path, "2019-01-testshire-street.csv", FileKind.STREET, [
        street_line("c1", "2019-02", "Alpha 001A", "Burglary"),
    ])  # fmt: skip
    out = tmp_path / "figures.csv"
    run = run_cli(["ingest", "police-uk", str(source), "--out", str(out)])
    assert run.code == 2, show(run)
    assert "error:" in run.err and "row 2" in run.err and source.name in run.err
    assert "Traceback" not in run.err + run.out
    assert sorted(os.listdir(tmp_path)) == [source.name]


def test_bad_input_leaves_an_existing_output_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    out.write_text("month,measure,area,value\n")
    run = run_cli(["ingest", "police-uk", str(DATA / "other"), "--out", str(out)])
    assert run.code == 2, show(run)
    assert "not a data.police.uk file" in run.err
    assert out.read_text() == "month,measure,area,value\n"
    assert os.listdir(tmp_path) == ["figures.csv"]


def test_an_output_folder_that_does_not_exist(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "figures.csv"
    run = run_cli(["ingest", "police-uk", str(DATA / "cambridgeshire"), "--out", str(out)])
    assert run.code == 2, show(run)
    assert "cannot be written" in run.err
    assert os.listdir(tmp_path) == []


def test_the_progress_bar_waits_for_its_delay() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=80, color_system=None)
    with ProgressBar(console, delay=3600) as bar:
        bar.update(10, 40)
    assert screen.getvalue() == ""
    with ProgressBar(console, delay=0) as bar:
        bar.update(10, 40)
        bar.update(40, 40)
    assert "40/40 bytes" in screen.getvalue()
