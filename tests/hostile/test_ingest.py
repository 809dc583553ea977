"""``narrator ingest police-uk`` and police.uk projects with hostile files and paths."""

from __future__ import annotations

import shutil
import signal
import time
from pathlib import Path

import pandas as pd
import pytest

from narrator.ingest.reader import FileKind
from tests.hostile.harness import (
    Run,
    Snapshot,
    clean,
    finish,
    leftovers,
    narrator,
    partial,
    process,
    refused,
    start,
)
from tests.ingest.helpers import DATA, FORCE, big_district, force_rows, street_line, write

CITY = Path(__file__).resolve().parent.parent.parent / "samples" / "city-of-london"


def _street(folder: Path, name: str = "2019-10-testshire-street.csv", **kw: object) -> Path:
    rows = force_rows("2019-10", big_district("Alpha", 4, 3)) + force_rows(
        "2019-10", big_district("Beta", 4, 2)
    )
    return write(folder, name, FileKind.STREET, rows, **kw)  # type: ignore[arg-type]


def _ingest(
    folder: Path, *paths: str, monkeypatch: pytest.MonkeyPatch, extra: tuple[str, ...] = ()
) -> Run:
    return narrator("ingest", "police-uk", *paths, "--out", "figures.csv", *extra, cwd=folder,
                    monkeypatch=monkeypatch)  # fmt: skip


def test_another_forces_rows_appended_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _street(tmp_path)
    rows = path.read_text().count("\n")
    with path.open("a") as handle:
        handle.write(
            street_line("x1", "2019-10", "Gamma 001A", "Burglary", force="Otherton Police")
        )
        handle.write("\n")
    before = Snapshot.of(tmp_path)
    run = _ingest(tmp_path, path.name, monkeypatch=monkeypatch)
    refused(run, names=(path.name, f"row {rows + 1}", "Otherton Police", "--split-forces"),
            before=before)  # fmt: skip


def test_split_forces_counts_each_force_for_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _street(tmp_path)
    with path.open("a") as handle:
        for i in range(3):
            handle.write(street_line(f"o{i}", "2019-10", "Gamma 001A", "Burglary",
                                     force="Otherton Police") + "\n")  # fmt: skip
    run = _ingest(tmp_path, path.name, monkeypatch=monkeypatch, extra=("--split-forces",))
    clean(run, root=tmp_path)
    figures = pd.read_csv(tmp_path / "figures.csv")
    totals = figures[figures["measure"] == "crimes_all"].set_index("area")["value"]
    assert totals["Otherton Police"] == 3 and totals[FORCE] == 40


def test_a_two_megabyte_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _street(tmp_path)
    with path.open("a") as handle:
        handle.write(street_line("big", "2019-10", "Alpha 001A", "Burglary") + "x" * 2_000_000)
        handle.write("\n")
    run = _ingest(tmp_path, path.name, monkeypatch=monkeypatch)
    clean(run, root=tmp_path)


def test_a_two_megabyte_field_in_a_broken_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _street(tmp_path)
    rows = path.read_text().count("\n")
    with path.open("a") as handle:
        handle.write(street_line("big", "2019-10", "Alpha 001A", "Burglary") + "x" * 2_000_000)
        handle.write(",one,too,many\n")
    before = Snapshot.of(tmp_path)
    run = _ingest(tmp_path, path.name, monkeypatch=monkeypatch)
    refused(run, names=(path.name, f"row {rows + 1}", "fields"), before=before)


def test_a_two_megabyte_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("y" * 2_000_000 + ",b\n1,2\n")
    before = Snapshot.of(tmp_path)
    run = _ingest(tmp_path, path.name, monkeypatch=monkeypatch)
    refused(run, names=("odd.csv", "row 1", "2,000,002 characters"), before=before)
    assert len(run.err) < 5_000


def test_a_quoted_glob_pattern(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in (DATA / "city-of-london").glob("*street.csv"):
        shutil.copy(path, tmp_path / path.name)
    run = _ingest(tmp_path, str(tmp_path / "*-street.csv"), monkeypatch=monkeypatch)
    clean(run, root=tmp_path)
    assert "Wrote" in run.out


@pytest.mark.parametrize("pattern", ["*.nothing", "/nowhere/*.csv", "missing.csv"])
def test_paths_matching_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str
) -> None:
    before = Snapshot.of(tmp_path)
    run = _ingest(tmp_path, pattern, monkeypatch=monkeypatch)
    refused(run, names=(pattern,), before=before)


@pytest.mark.parametrize(
    ("name", "content", "names"),
    [
        ("2019-10-x-street.csv", b"", ("is empty",)),
        ("2019-10-x-street.csv", b"\x00" * 1000, ("2019-10-x-street.csv",)),
        ("2019-10-x-street.csv", "Crime ID,Month\n\xe9\n".encode("latin-1"), ("UTF-8",)),
        ("2019-10-x-street.csv", b"Crime ID,Month,Reported by\n1,2019-10", ("truncated",)),
        ("2019-10-x-street.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), ("x-street",)),
    ],
    ids=["empty", "nul", "latin-1", "truncated", "binary"],
)
def test_a_damaged_source_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes,
    names: tuple[str, ...],
) -> None:
    (tmp_path / name).write_bytes(content)
    before = Snapshot.of(tmp_path)
    run = _ingest(tmp_path, name, monkeypatch=monkeypatch)
    refused(run, names=names, before=before)


def test_dev_zero_as_a_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = Snapshot.of(tmp_path)
    run = _ingest(tmp_path, "/dev/zero", monkeypatch=monkeypatch)
    refused(run, names=("/dev/zero", "not a regular file"), before=before)


def test_a_source_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _street(tmp_path)
    before = Snapshot.of(tmp_path)
    run = narrator("ingest", "police-uk", path.name, "--out", "figures.csv", cwd=tmp_path,
                   monkeypatch=monkeypatch, env={"NARRATOR_MAX_FIGURES_MB": "0.001"})  # fmt: skip
    refused(run, names=(path.name, "NARRATOR_MAX_FIGURES_MB"), before=before)


def test_out_names_a_file_that_is_not_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _street(tmp_path)
    (tmp_path / "figures.csv").write_text("name,phone\nann,0123\n")
    before = Snapshot.of(tmp_path)
    run = _ingest(tmp_path, path.name, monkeypatch=monkeypatch)
    refused(run, names=("figures.csv", "not a figures file"), before=before,
            keep=[tmp_path / "figures.csv"])  # fmt: skip


def test_out_names_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _street(tmp_path)
    (tmp_path / "figures.csv").mkdir()
    before = Snapshot.of(tmp_path)
    run = _ingest(tmp_path, path.name, monkeypatch=monkeypatch)
    refused(run, names=("figures.csv",), before=before)


def test_ingest_killed_leaves_the_old_figures(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for path in (DATA / "city-of-london").glob("*.csv"):
        shutil.copy(path, sources / path.name)
    args = ("ingest", "police-uk", "sources", "--out", "figures.csv")
    clean(process(*args, cwd=tmp_path), root=tmp_path)
    old = (tmp_path / "figures.csv").read_bytes()
    for delay in (0.4, 0.8, 1.2):
        started = time.monotonic()
        child = start(*args, cwd=tmp_path)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        finish(child, started)
        assert (tmp_path / "figures.csv").read_bytes() == old
    clean(process(*args, cwd=tmp_path), root=tmp_path)
    partial(bool(leftovers(tmp_path)))


def _raw_project(root: Path, paths: str) -> Path:
    project = root / "raw"
    project.mkdir()
    for name in ("catalogue.toml", "areas.toml", "outline.toml"):
        shutil.copy(CITY / name, project / name)
    (project / "narrator.toml").write_text(
        f'[project]\nname = "Raw City"\n[figures]\nsource = "police-uk"\npaths = {paths}\n'
    )
    return project


def test_a_project_names_its_files_by_an_absolute_glob(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern = str((DATA / "city-of-london").resolve() / "*-street.csv")
    project = _raw_project(tmp_path, f'["{pattern}"]')
    run = narrator("facts", "--month", "2018-04", "--format", "json", cwd=project,
                   monkeypatch=monkeypatch)  # fmt: skip
    clean(run, root=project)
    assert '"crimes_all"' in run.out


def test_a_project_names_an_absolute_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _raw_project(tmp_path, f'["{(DATA / "city-of-london").resolve()}"]')
    run = narrator("facts", "--month", "2018-04", cwd=project, monkeypatch=monkeypatch)
    clean(run, root=project)


def test_a_project_glob_matching_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _raw_project(tmp_path, '["/nowhere/*.csv"]')
    before = Snapshot.of(project)
    run = narrator("facts", "--month", "2018-04", cwd=project, monkeypatch=monkeypatch)
    refused(run, names=("narrator.toml", "/nowhere/*.csv", "matches no files"), before=before)


def test_a_police_uk_project_drafts_reviews_and_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _raw_project(tmp_path, '["police-uk"]')
    (project / "police-uk").mkdir()
    for path in (DATA / "city-of-london").glob("*.csv"):
        shutil.copy(path, project / "police-uk" / path.name)
    clean(narrator("draft", "--month", "2018-04", cwd=project, monkeypatch=monkeypatch))
    clean(narrator("review", "draft-2018-04.md", "--summary", cwd=project,
                   monkeypatch=monkeypatch), code=1)  # fmt: skip
    run = narrator("build", "--month", "2018-04", "--draft-watermark", "--format", "md,html",
                   cwd=project, monkeypatch=monkeypatch)  # fmt: skip
    clean(run, root=project)
    assert (project / "build" / "paper-2018-04.html").is_file()
