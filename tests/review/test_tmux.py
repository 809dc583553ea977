"""End to end: the real ``narrator review`` in an 80x24 tmux pane, driven by keys."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        TMUX is None, reason="tmux is not installed (apt-get install -y tmux to run this test)"
    ),
]


class Pane:
    """One tmux session on a private server socket, so no one else's tmux is touched."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return done.stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "review", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "review")

    def wait(self, test: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if test():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen:\n{self.screen()}")


@pytest.fixture
def pane(tmp_path: Path) -> Iterator[Pane]:
    pane = Pane(f"narrator-test-{os.getpid()}-{tmp_path.name}")
    yield pane
    pane.tmux("kill-server")


def test_review_in_a_real_terminal(pane: Pane, draft_md: Path, tmp_path: Path) -> None:
    exit_file = tmp_path / "exit-code"
    command = (
        f"{shlex.quote(sys.executable)} -m narrator review {shlex.quote(str(draft_md))}; "
        f"echo $? > {shlex.quote(str(exit_file))}"
    )
    env = {"NARRATOR_REVIEWER": "tess", "NO_COLOR": "1", "TERM": "xterm-256color"}
    options = [item for key, value in env.items() for item in ("-e", f"{key}={value}")]
    pane.tmux("new-session", "-d", "-s", "review", "-x", "80", "-y", "24", *options, command)
    state_file = draft_md.with_suffix(".review.json")

    def state() -> dict[str, dict[str, object]]:
        try:
            data = json.loads(state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        paragraphs: dict[str, dict[str, object]] = data["paragraphs"]
        return paragraphs

    pane.wait(lambda: "4.1.2  (1/17)  PENDING" in pane.screen(), "the first paragraph")
    screen = pane.screen().splitlines()
    assert len(screen) == 24 and all(len(line) <= 80 for line in screen)
    assert "Facts behind each sentence" in pane.screen()
    assert "a accept r reject e edit v phrasing" in screen[-1]

    pane.keys("a")
    pane.wait(lambda: state().get("4.1.2", {}).get("status") == "accepted", "the accept")
    assert state()["4.1.2"]["who"] == "tess"
    pane.wait(lambda: "4.1.3  (2/17)" in pane.screen(), "the next paragraph")

    pane.keys("c")
    pane.wait(lambda: "Comment on 4.1.3:" in pane.screen(), "the comment prompt")
    pane.keys("-l", "Source: monthly return")
    pane.keys("Enter")
    pane.wait(lambda: bool(state().get("4.1.3", {}).get("comments")), "the comment")

    pane.keys("?")
    pane.wait(lambda: "Esc closes this help." in pane.screen(), "the help panel")
    pane.keys("Escape")
    pane.wait(lambda: "Esc closes this help." not in pane.screen(), "the help to close")

    pane.keys("q")
    pane.wait(exit_file.exists, "the command to exit", timeout=20)
    assert exit_file.read_text(encoding="utf-8").strip() == "0"
    comments = state()["4.1.3"]["comments"]
    assert isinstance(comments, list) and len(comments) == 1
    assert comments[0]["who"] == "tess" and comments[0]["text"] == "Source: monthly return"


def test_review_rechecks_an_edit_with_the_real_checker(
    pane: Pane, draft_md: Path, tmp_path: Path
) -> None:
    """The first paragraph shows its claims supported; an edit in $EDITOR that makes its
    figure wrong is contradicted at once, and "a" asks for an override instead of
    accepting."""
    exit_file = tmp_path / "exit-code"
    command = (
        f"{shlex.quote(sys.executable)} -m narrator review {shlex.quote(str(draft_md))}; "
        f"echo $? > {shlex.quote(str(exit_file))}"
    )
    env = {
        "NARRATOR_REVIEWER": "tess",
        "NO_COLOR": "1",
        "TERM": "xterm-256color",
        # The editor an editor would use to change a figure, as a command: sed.
        "EDITOR": "sed -i s/9.7%/12.7%/",
    }
    options = [item for key, value in env.items() for item in ("-e", f"{key}={value}")]
    pane.tmux("new-session", "-d", "-s", "review", "-x", "100", "-y", "30", *options, command)
    state_file = draft_md.with_suffix(".review.json")

    pane.wait(lambda: "4.1.2  (1/17)  PENDING" in pane.screen(), "the first paragraph")
    pane.wait(lambda: "claims supported, nothing contradicted" in pane.screen(), "the check")
    assert "CONTRADICTED" not in pane.screen()

    pane.keys("E")
    pane.wait(lambda: "EDITED · CONTRADICTED" in pane.screen(), "the re-check of the edit")
    assert "12.7%[x1]" in pane.screen()
    assert "[x1] contradicted: 12.7% does not match the figures" in pane.screen()

    pane.keys("a")
    pane.wait(lambda: "Reason to accept it anyway" in pane.screen(), "the override prompt")
    pane.keys("Escape")
    pane.wait(lambda: "Not accepted: an override needs a reason." in pane.screen(), "refusal")
    pane.keys("q")
    pane.wait(exit_file.exists, "the command to exit", timeout=20)
    entry = json.loads(state_file.read_text(encoding="utf-8"))["paragraphs"]["4.1.2"]
    assert entry["status"] == "edited" and "12.7%" in entry["text"]
    assert entry["override"] is None
    assert [f["verdict"] for f in entry["findings"] if f["verdict"] == "contradicted"]
