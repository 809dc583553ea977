"""narrator.fileset and narrator.lock: a set of files written whole or not at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from narrator import fileset
from narrator.fileset import UNIT_PREFIX, settle, write_new_folder, write_unit
from narrator.lock import FolderBusyError, folder_lock


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_unit_is_written_and_what_it_removes_is_gone(tmp_path: Path) -> None:
    (tmp_path / "old.png").write_bytes(b"old")
    write_unit(tmp_path, {"a.md": b"A", "c/b.png": b"B"}, remove=["old.png"])
    assert _files(tmp_path) == {"a.md": b"A", "c/b.png": b"B"}


def test_a_failure_while_staging_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.md").write_bytes(b"old A")
    (tmp_path / "a.json").write_bytes(b"old B")
    calls = []
    real = fileset._write_all

    def full_disk(fd: int, data: bytes) -> None:
        calls.append(data)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(fd, data)

    monkeypatch.setattr(fileset, "_write_all", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_unit(tmp_path, {"a.json": b"new B", "a.md": b"new A"})
    assert _files(tmp_path) == {"a.md": b"old A", "a.json": b"old B"}


def test_without_unnamed_files_a_failure_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fileset, "_unnamed", lambda folder: None)
    monkeypatch.setattr(fileset, "_write_file", _failing_second(fileset._write_file))
    with pytest.raises(OSError):
        write_unit(tmp_path, {"a.json": b"B", "a.md": b"A"})
    assert _files(tmp_path) == {} and not list(tmp_path.iterdir())


def _failing_second(real):  # type: ignore[no-untyped-def]
    calls = []

    def write(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(path, data)

    return write


def test_a_commit_cut_short_is_finished_by_the_next_run(tmp_path: Path) -> None:
    """What a SIGKILL in the middle of a commit leaves: the manifest and some files moved."""
    (tmp_path / "d.md").write_text("old markdown")
    (tmp_path / "d.json").write_text("new sidecar")  # moved before the kill
    unit = tmp_path / f"{UNIT_PREFIX}abc"
    unit.mkdir()
    (unit / "d.md").write_text("new markdown")
    (unit / "manifest.json").write_text(json.dumps({"files": ["d.json", "d.md"], "remove": []}))
    settle(tmp_path)
    assert _files(tmp_path) == {"d.md": b"new markdown", "d.json": b"new sidecar"}


def test_a_unit_never_committed_is_removed(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text("old")
    unit = tmp_path / f"{UNIT_PREFIX}abc"
    unit.mkdir()
    (unit / "d.md").write_text("half")
    (tmp_path / ".d.md.0123abcd.tmp").write_text("half")
    (tmp_path / ".mine.tmp").write_text("someone else's")
    settle(tmp_path)
    assert _files(tmp_path) == {"d.md": b"old", ".mine.tmp": b"someone else's"}


def test_a_new_folder_appears_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_new_folder(tmp_path / "p", {"a.toml": b"a", "sub/b.toml": b"b"})
    assert _files(tmp_path / "p") == {"a.toml": b"a", "sub/b.toml": b"b"}
    with pytest.raises(FileExistsError):
        write_new_folder(tmp_path / "p", {"c": b"c"})
    monkeypatch.setattr(fileset, "_write_file", _failing_second(fileset._write_file))
    with pytest.raises(OSError):
        write_new_folder(tmp_path / "q", {"a": b"a", "b": b"b"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]


HOLD = """
import sys, time
from pathlib import Path
from narrator.lock import folder_lock
with folder_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_second_writer_waits_then_gives_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path), "30"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        monkeypatch.setenv("NARRATOR_LOCK_WAIT", "0.3")
        started = time.monotonic()
        with pytest.raises(FolderBusyError, match="another narrator is writing"):
            write_unit(tmp_path, {"a": b"a"})
        assert time.monotonic() - started < 10
        assert not (tmp_path / "a").exists()
    finally:
        holder.kill()
        holder.communicate()
    write_unit(tmp_path, {"a": b"a"})  # a killed holder's lock is gone with it


def test_the_lock_is_reentrant(tmp_path: Path) -> None:
    with folder_lock(tmp_path), folder_lock(tmp_path):
        write_unit(tmp_path, {"a": b"a"})
    assert (tmp_path / "a").read_bytes() == b"a"
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".")]
