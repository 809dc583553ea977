"""Ctrl-C anywhere, and standard output closed or full: one line, a documented exit code."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.hostile.conftest import MONTH
from tests.hostile.harness import clean, finish, process, refused, start

COMMANDS = {
    "facts": ("facts", "--month", MONTH, "--format", "json"),
    "draft": ("draft", "--month", MONTH, "--out", "-"),
    "check": ("check", f"draft-{MONTH}.md", "--month", MONTH),
    "review": ("review", f"draft-{MONTH}.md", "--summary", "--format", "json"),
    "lint": ("phrases", "lint"),
}


def _narrator_started(pid: int) -> None:
    """Wait until narrator's own code runs in ``pid``: it catches SIGTERM, Python does not.

    Before that the process is Python starting up, whose Ctrl-C is Python's own.
    """
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return
        caught = next(line for line in status.splitlines() if line.startswith("SigCgt:"))
        if int(caught.split()[1], 16) & (1 << (signal.SIGTERM - 1)):
            return
        time.sleep(0.001)


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.1, 0.25, 0.5])
def test_ctrl_c_during_start_up_is_one_line(project: Path, delay: float) -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc to see when narrator's own code starts")
    started = time.monotonic()
    child = start("check", f"draft-{MONTH}.md", "--month", MONTH, cwd=project)
    _narrator_started(child.pid)
    time.sleep(delay)
    child.send_signal(signal.SIGINT)
    run = finish(child, started)
    if run.code in (0, 1):
        return  # it finished first
    clean(run, code=130, root=project)
    assert run.err.strip().splitlines() == ["narrator: interrupted"], run.err


@pytest.mark.parametrize("command", ["facts", "check", "lint"])
def test_ctrl_c_while_running_is_one_line(project: Path, command: str) -> None:
    started = time.monotonic()
    child = start(*COMMANDS[command], cwd=project)
    time.sleep(1.2)
    child.send_signal(signal.SIGINT)
    run = finish(child, started)
    if run.code in (0, 1):
        return
    clean(run, code=130, root=project)
    assert run.err.strip().splitlines()[-1] == "narrator: interrupted", run.err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_closed_standard_output_ends_quietly(project: Path, command: str) -> None:
    _, writer = _closed_pipe()
    run = process(*COMMANDS[command], cwd=project, stdout=writer)
    clean(run, code=141, root=project)
    assert "error:" not in run.err, run.err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_full_standard_output_is_one_message(project: Path, command: str) -> None:
    with open("/dev/full", "w") as full:
        run = process(*COMMANDS[command], cwd=project, stdout=full.fileno())
    refused(run, names=("standard output", "No space left on device"))


def _closed_pipe() -> tuple[int, int]:
    """A pipe whose reading end is already closed: every write to it fails with EPIPE."""
    import os

    read, write = os.pipe()
    os.close(read)
    return read, write


def test_init_with_standard_output_closed(tmp_path: Path) -> None:
    _, writer = _closed_pipe()
    run = process("init", "p", cwd=tmp_path, stdout=writer)
    assert run.code in (0, 141) and "Traceback" not in run.err
    clean(process("draft", "--month", "2024-03", cwd=tmp_path / "p"), root=tmp_path)


def test_review_waits_for_no_one_without_a_terminal(project: Path) -> None:
    run = process("review", f"draft-{MONTH}.md", cwd=project, seconds=60,
                  stdin=subprocess.DEVNULL)  # fmt: skip
    refused(run, names=("--summary",))
    assert run.seconds < 30
