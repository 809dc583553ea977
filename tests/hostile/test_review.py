"""``narrator review`` with damaged files, no terminal, and two editors at once."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import MONTH
from tests.hostile.harness import NARRATOR, Snapshot, clean, lost, narrator, process, refused

DRAFT = f"draft-{MONTH}.md"
SIDECAR = f"draft-{MONTH}.json"
STATE = f"draft-{MONTH}.review.json"


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _sidecar(edit: Callable[[dict[str, Any]], object]) -> Callable[[str], str]:
    def change(text: str) -> str:
        data = json.loads(text)
        result = edit(data)
        return json.dumps(data if result is None else result)

    return change


SIDECARS: list[tuple[str, Callable[[str], str], tuple[str, ...]]] = [
    ("list", lambda t: "[]", ("an object",)),
    ("not-json", lambda t: "{not json", ("Expecting",)),
    ("nested", lambda t: _nested(50_000), ("nested too deeply",)),
    ("binary", lambda t: "\x00\x01\x02", ()),
    ("facts-list", _sidecar(lambda d: d.update(facts=[1, 2])), ("facts",)),
    ("sections-missing", _sidecar(lambda d: d.pop("sections") and None), ("missing 'sections'",)),
    ("sections-string", _sidecar(lambda d: d.update(sections="3.1")), ("sections",)),
    ("month-banana", _sidecar(lambda d: d.update(month="banana", sections=[])), ("banana",)),
    ("no-sections", _sidecar(lambda d: d.update(sections=[])), ("no sections",)),
    ("generated-yes", _sidecar(lambda d: d["sections"][0]["paragraphs"][0].update(generated="yes")),
     ("generated",)),
    ("sentence-string", _sidecar(lambda d: d["sections"][0]["paragraphs"][0].update(
        sentences=["text"])), ("a sentence",)),
    ("format", _sidecar(lambda d: d.update(format="other/2")), ("not a narrator draft",)),
]  # fmt: skip


@pytest.mark.parametrize(("name", "edit", "names"), SIDECARS, ids=[c[0] for c in SIDECARS])
def test_a_damaged_sidecar_is_one_message(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    edit: Callable[[str], str],
    names: tuple[str, ...],
) -> None:
    sidecar = project / SIDECAR
    sidecar.write_text(edit(sidecar.read_text()), encoding="utf-8")
    before = Snapshot.of(project)
    run = narrator("review", DRAFT, "--summary", cwd=project, monkeypatch=monkeypatch)
    refused(run, names=(SIDECAR, *names), before=before)
    assert "ready to build" not in run.out


STATES: list[tuple[str, str, tuple[str, ...]]] = [
    ("list", "[]", ("not a JSON object",)),
    ("nested", _nested(50_000), ("nested too deeply",)),
    ("paragraphs-list", '{"format": "narrator-review/1", "draft": "d", "month": "2024-03",'
     ' "paragraphs": [1, 2]}', ()),
    ("status", '{"format": "narrator-review/1", "draft": "d", "month": "2024-03",'
     ' "paragraphs": {"3.1.1": {"status": "maybe"}}}', ("maybe",)),
    ("comments", '{"format": "narrator-review/1", "draft": "d", "month": "2024-03",'
     ' "paragraphs": {"3.1.1": {"status": "pending", "comments": 5}}}', ("3.1.1",)),
    ("facts", '{"format": "narrator-review/1", "draft": "d", "month": "2024-03",'
     ' "paragraphs": {}, "facts": [1]}', ()),
    ("format", '{"format": "narrator-review/9"}', ("narrator-review/9",)),
    ("other-month", '{"format": "narrator-review/1", "draft": "d", "month": "2023-03",'
     ' "paragraphs": {}}', ("2023-03",)),
    ("not-utf8", "\udcff", ()),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "names"), STATES, ids=[c[0] for c in STATES])
@pytest.mark.parametrize("summary", [True, False])
def test_a_damaged_state_is_left_alone(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    text: str,
    names: tuple[str, ...],
    summary: bool,
) -> None:
    state = project / STATE
    state.write_bytes(text.encode("utf-8", "surrogateescape"))
    before = Snapshot.of(project)
    args = ("--summary",) if summary else ()
    run = narrator("review", DRAFT, *args, cwd=project, monkeypatch=monkeypatch)
    refused(run, names=(STATE, *names), before=before, keep=[state])


@pytest.mark.parametrize(
    ("target", "names"),
    [("nowhere.md", ("nowhere.md", "no such draft")), ("folder", ("folder",))],
)
def test_review_of_no_draft(
    project: Path, monkeypatch: pytest.MonkeyPatch, target: str, names: tuple[str, ...]
) -> None:
    (project / "folder").mkdir()
    before = Snapshot.of(project)
    run = narrator("review", target, "--summary", cwd=project, monkeypatch=monkeypatch)
    refused(run, names=names, before=before)


def test_review_without_its_sidecar(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / SIDECAR).unlink()
    before = Snapshot.of(project)
    run = narrator("review", DRAFT, "--summary", cwd=project, monkeypatch=monkeypatch)
    refused(run, names=(DRAFT, "no sidecar"), before=before)


def test_review_without_a_terminal_says_to_use_summary(project: Path) -> None:
    before = Snapshot.of(project)
    run = process("review", DRAFT, cwd=project, seconds=60, stdin=subprocess.DEVNULL)
    refused(run, names=(DRAFT, "needs a terminal", "--summary"), before=before)


def test_review_with_stdin_from_a_pipe(project: Path) -> None:
    run = process("review", DRAFT, cwd=project, seconds=60, stdin=subprocess.PIPE)
    refused(run, names=("--summary",))


def test_names_in_the_summary_are_not_markup(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from narrator.review import load_review

    review = load_review(project / DRAFT)
    number = review.numbers()[0]
    review.accept(number, who="[bold red]mallory[/] :x:")
    review.save()
    run = narrator("review", DRAFT, "--summary", cwd=project, monkeypatch=monkeypatch)
    clean(run, code=1)
    assert "[bold red]mallory[/] :x:" in run.out


# --- two editors at once ----------------------------------------------------------------------

EDITOR = """
import sys, time
from pathlib import Path
from narrator.review import load_review
draft, go = Path(sys.argv[1]), Path(sys.argv[5])
who, action, number = sys.argv[2:5]
review = load_review(draft)
(draft.parent / f"{who}.ready").write_text("")
while not go.exists():
    time.sleep(0.01)
if action == "accept":
    review.accept(number, who=who)
elif action == "reject":
    review.reject(number, who=who)
else:
    review.comment(number, action, who=who)
try:
    review.save()
except Exception as exc:
    print(f"refused: {exc}")
    sys.exit(3)
"""


def _editors(
    project: Path, *actions: tuple[str, str, str]
) -> list[subprocess.CompletedProcess[str]]:
    """Editors that each open the review, wait until all have, then act and save at once."""
    go = project / "go"
    python = str(Path(NARRATOR).with_name("python"))
    children = [
        subprocess.Popen(
            [python, "-c", EDITOR, str(project / DRAFT), who, action, number, str(go)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for who, action, number in actions
    ]  # fmt: skip
    deadline = time.monotonic() + 60
    while not all((project / f"{who}.ready").exists() for who, _, _ in actions):
        assert time.monotonic() < deadline, "the editors did not start"
        time.sleep(0.02)
    go.write_text("")
    done = []
    for child in children:
        out, err = child.communicate(timeout=60)
        done.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    return done


def _state(project: Path) -> dict[str, Any]:
    paragraphs: dict[str, Any] = json.loads((project / STATE).read_text())["paragraphs"]
    return paragraphs


def test_two_editors_on_different_paragraphs_both_count(project: Path) -> None:
    first, second = _numbers(project)[:2]
    runs = _editors(project, ("ann", "accept", first), ("bob", "accept", second))
    assert all(r.returncode == 0 for r in runs), [r.stdout + r.stderr for r in runs]
    state = _state(project)
    lost(state[first]["who"] != "ann" or state[second]["who"] != "bob")


def test_two_editors_on_one_paragraph_one_is_refused_none_lost(project: Path) -> None:
    number = _numbers(project)[0]
    runs = _editors(project, ("ann", "accept", number), ("bob", "reject", number))
    codes = sorted(r.returncode for r in runs)
    assert codes == [0, 3], [r.stdout + r.stderr for r in runs]
    refused_run = next(r for r in runs if r.returncode == 3)
    assert "while you reviewed it" in refused_run.stdout and "Traceback" not in refused_run.stderr
    state = _state(project)[number]
    winner = next(r for r in runs if r.returncode == 0).args[4]
    lost(state["who"] != winner)


def test_comments_of_two_editors_are_both_kept(project: Path) -> None:
    number = _numbers(project)[0]
    runs = _editors(project, ("ann", "first note", number), ("bob", "second note", number),
                    ("cy", "accept", number))  # fmt: skip
    assert all(r.returncode == 0 for r in runs), [r.stdout + r.stderr for r in runs]
    entry = _state(project)[number]
    texts = sorted(c["text"] for c in entry["comments"])
    lost(texts != ["first note", "second note"] or entry["status"] != "accepted")


def _numbers(project: Path) -> list[str]:
    from narrator.review import load_review

    return load_review(project / DRAFT).numbers()


TMUX = shutil.which("tmux")


@pytest.mark.e2e
@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
def test_two_editors_in_real_terminals(project: Path, tmp_path: Path) -> None:
    """Two ``narrator review`` apps on one draft: a decision each, then a clash; none lost."""
    assert TMUX is not None
    socket = f"narrator-hostile-{os.getpid()}-{tmp_path.name}"

    def tmux(*args: str) -> str:
        return subprocess.run([TMUX, "-L", socket, *args], capture_output=True, text=True).stdout

    def screen(name: str) -> str:
        return tmux("capture-pane", "-p", "-t", name)

    def wait(test: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if test():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}:\n{screen('ann')}\n{screen('bob')}")

    numbers = _numbers(project)
    try:
        for who in ("ann", "bob"):
            command = f"cd {shlex.quote(str(project))} && {shlex.quote(NARRATOR)} review {DRAFT}"
            env = ["-e", f"NARRATOR_REVIEWER={who}", "-e", "NO_COLOR=1", "-e", "TERM=xterm"]
            tmux("new-session", "-d", "-s", who, "-x", "100", "-y", "30", *env, command)
        for who in ("ann", "bob"):
            wait(lambda w=who: f"{numbers[0]}  (1/" in screen(w), f"{who}'s first paragraph")
        tmux("send-keys", "-t", "ann", "a")
        wait(lambda: _status(project, numbers[0]) == ("accepted", "ann"), "ann's accept")
        tmux("send-keys", "-t", "bob", "n")
        wait(lambda: f"{numbers[1]}  (2/" in screen("bob"), "bob's second paragraph")
        tmux("send-keys", "-t", "bob", "a")
        wait(lambda: _status(project, numbers[1]) == ("accepted", "bob"), "bob's accept")
        lost(_status(project, numbers[0]) != ("accepted", "ann"))
        # Ann, on the second paragraph, which Bob accepted after her review read it, rejects
        # it: refused, said on her screen, and Bob's decision stands.
        wait(lambda: f"{numbers[1]}  (2/" in screen("ann"), "ann's second paragraph")
        tmux("send-keys", "-t", "ann", "r")
        wait(lambda: "NOT SAVED" in screen("ann"), "ann told her decision was not saved")
        lost(_status(project, numbers[1]) != ("accepted", "bob"))
        lost(_status(project, numbers[0]) != ("accepted", "ann"))
    finally:
        tmux("kill-server")


def _status(project: Path, number: str) -> tuple[str, str | None]:
    try:
        entry = _state(project)[number]
    except (OSError, ValueError, KeyError):
        return ("", None)
    return entry["status"], entry["who"]
