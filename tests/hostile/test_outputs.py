"""Outputs written as a unit: ``draft``, ``build`` and ``init`` refuse, fail or die cleanly.

Refusals run in this process; a full disk (a file size limit: writes past it fail as on a
full disk), kills and two writers at once run the installed command in processes of their
own.
"""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import time
from pathlib import Path

import pytest

from tests.hostile.conftest import MONTH
from tests.hostile.harness import (
    Snapshot,
    clean,
    finish,
    leftovers,
    lost,
    narrator,
    partial,
    process,
    refused,
    start,
)

DRAFT = ("draft", "--month", MONTH)


# --- draft: no file overwritten that narrator did not write ----------------------------------


def test_draft_does_not_overwrite_an_unrelated_json(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = project / "notes.json"
    notes.write_text('{"meeting": "Tuesday"}\n')
    before = Snapshot.of(project)
    run = narrator(*DRAFT, "--out", "notes.md", cwd=project, monkeypatch=monkeypatch)
    refused(run, names=("notes.json", "not a draft sidecar"), before=before, keep=[notes])


def test_draft_with_force_still_keeps_an_unrelated_json(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = project / "notes.json"
    notes.write_text("[1, 2, 3]\n")
    before = Snapshot.of(project)
    run = narrator(*DRAFT, "--out", "notes.md", "--force", cwd=project, monkeypatch=monkeypatch)
    refused(run, names=("notes.json",), before=before, keep=[notes])


def _review_state(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    draft = f"draft-{MONTH}.md"
    run = narrator("review", draft, "--summary", "--format", "json", cwd=project,
                   monkeypatch=monkeypatch)  # fmt: skip
    clean(run, code=1)
    from narrator.review import load_review

    review = load_review(project / draft)
    for number in review.numbers():
        review.accept(number, who="editor")
    review.save()
    return review.state_path


def test_draft_out_review_md_keeps_the_review_state(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = _review_state(project, monkeypatch)
    before = Snapshot.of(project)
    run = narrator(*DRAFT, "--out", f"draft-{MONTH}.review.md", cwd=project,
                   monkeypatch=monkeypatch)  # fmt: skip
    refused(run, names=(".review.md", "review state"), before=before, keep=[state])
    summary = narrator("review", f"draft-{MONTH}.md", "--summary", cwd=project,
                       monkeypatch=monkeypatch)  # fmt: skip
    clean(summary, code=0)
    assert "ready to build" in summary.out


@pytest.mark.parametrize("name", ["x.json", "draft.JSON"])
def test_draft_out_json_is_refused(
    project: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    before = Snapshot.of(project)
    run = narrator(*DRAFT, "--out", name, cwd=project, monkeypatch=monkeypatch)
    if name.endswith(".JSON"):  # another suffix: the sidecar is draft.json, beside it
        clean(run)
        assert (project / "draft.json").is_file() and (project / name).is_file()
        return
    refused(run, names=(name, "sidecar would be the draft itself"), before=before)


def test_draft_out_a_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "reports").mkdir()
    before = Snapshot.of(project)
    run = narrator(*DRAFT, "--out", "reports", cwd=project, monkeypatch=monkeypatch)
    refused(run, names=("reports", "is a folder"), before=before)


def test_draft_out_a_binary_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image = project / "logo.md"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(300))
    before = Snapshot.of(project)
    run = narrator(*DRAFT, "--out", "logo.md", "--force", cwd=project, monkeypatch=monkeypatch)
    refused(run, names=("logo.md", "not a text file"), before=before, keep=[image])


def test_draft_with_a_folder_where_the_sidecar_goes(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "d.json").mkdir()
    before = Snapshot.of(project)
    run = narrator(*DRAFT, "--out", "d.md", cwd=project, monkeypatch=monkeypatch)
    refused(run, names=("d.json", "folder"), before=before)


def test_draft_keeps_an_editors_changes(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = project / f"draft-{MONTH}.md"
    draft.write_text(draft.read_text() + "\nAn editor's paragraph.\n")
    before = Snapshot.of(project)
    run = narrator(*DRAFT, cwd=project, monkeypatch=monkeypatch)
    refused(run, names=(draft.name, "--force"), before=before, keep=[draft])


def test_draft_into_a_read_only_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    locked = project / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        before = Snapshot.of(project)
        run = narrator(*DRAFT, "--out", "locked/d.md", cwd=project, monkeypatch=monkeypatch)
        refused(run, names=("locked/d.md", "nothing was written"), before=before)
    finally:
        locked.chmod(stat.S_IRWXU)


def test_draft_into_a_new_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = narrator(*DRAFT, "--out", "a/b/d.md", cwd=project, monkeypatch=monkeypatch)
    clean(run, root=project)
    assert {p.name for p in (project / "a" / "b").iterdir()} == {"d.md", "d.json"}


# --- a full disk, a kill, two at once: real processes -----------------------------------------


def _pair(folder: Path, stem: str = f"draft-{MONTH}") -> tuple[str, str]:
    return (folder / f"{stem}.md").read_text(), (folder / f"{stem}.json").read_text()


def _consistent(folder: Path, stem: str = f"draft-{MONTH}") -> bool:
    """The Markdown is the one its sidecar describes (narrator's own test of a pair)."""
    from narrator.draft.document import Draft

    markdown, sidecar = _pair(folder, stem)
    return Draft.from_json(sidecar).to_markdown() == markdown


def test_draft_on_a_full_disk_writes_neither_file(project: Path) -> None:
    sidecar = project / f"draft-{MONTH}.json"
    # An older pair: the other month's sidecar and Markdown, as an earlier run left them.
    data = json.loads(sidecar.read_text())
    data["title"] = "An older draft"
    sidecar.write_text(json.dumps(data, indent=2) + "\n")
    from narrator.draft.document import Draft

    (project / f"draft-{MONTH}.md").write_text(Draft.from_json(sidecar.read_text()).to_markdown())
    before = Snapshot.of(project)
    size = len((project / f"draft-{MONTH}.md").read_bytes()) + 10
    run = process(*DRAFT, cwd=project, limit_file_size=size)
    refused(run, names=(f"draft-{MONTH}.md", "nothing was written"), before=before)
    assert _consistent(project)


def test_init_on_a_full_disk_leaves_no_folder(tmp_path: Path) -> None:
    before = Snapshot.of(tmp_path)
    run = process("init", "new", cwd=tmp_path, limit_file_size=2000)
    refused(run, names=("new", "nothing was written"), before=before)
    assert not (tmp_path / "new").exists()
    clean(process("init", "new", cwd=tmp_path), root=tmp_path)


def test_build_on_a_full_disk_keeps_the_previous_paper(project: Path) -> None:
    first = process("build", "--month", MONTH, "--draft-watermark", cwd=project)
    clean(first, root=project)
    built = Snapshot.of(project / "build")
    biggest = max(p.stat().st_size for p in (project / "build").rglob("*") if p.is_file())
    run = process("build", "--month", MONTH, "--draft-watermark", cwd=project,
                  limit_file_size=biggest // 2)  # fmt: skip
    refused(run, names=("build", "nothing was written"), before=built)


@pytest.mark.parametrize("seed", range(4))
def test_draft_killed_at_any_moment_leaves_a_pair(project: Path, seed: int) -> None:
    """SIGKILL at a random moment: the old pair or the new, never a mix; a rerun works."""
    other = "2024-02"
    clean(process("draft", "--month", other, "--out", f"draft-{MONTH}.md", "--force",
                  cwd=project), root=project)  # fmt: skip
    old = _pair(project)
    started = time.monotonic()
    child = start(*DRAFT, "--force", cwd=project)
    time.sleep(random.Random(seed).uniform(0.2, 1.2))
    child.send_signal(signal.SIGKILL)
    finish(child, started)
    assert _consistent(project) or leftovers(project)
    rerun = process("review", f"draft-{MONTH}.md", "--summary", "--format", "json", cwd=project)
    clean(rerun, code=rerun.code if rerun.code in (0, 1) else 0, root=project)
    partial(not _consistent(project))
    # The old pair as it was, or the new one whole: nothing else.
    pair = _pair(project)
    lost(pair != old and json.loads(pair[1])["month"] != MONTH)
    clean(process(*DRAFT, "--force", cwd=project), root=project)
    assert json.loads(_pair(project)[1])["month"] == MONTH


@pytest.mark.parametrize("seed", range(2))
def test_build_killed_at_any_moment_leaves_one_paper(project: Path, seed: int) -> None:
    clean(process("build", "--month", MONTH, "--draft-watermark", "--format", "md,html",
                  cwd=project), root=project)  # fmt: skip
    html = (project / "build" / f"paper-{MONTH}.html").read_text()
    markdown = (project / "build" / f"paper-{MONTH}.md").read_text()
    # A second build after the draft changed: its files differ from the first's.
    clean(process("draft", "--month", "2024-02", "--out", f"draft-{MONTH}.md", "--force",
                  cwd=project), root=project)  # fmt: skip
    started = time.monotonic()
    child = start("build", "--month", "2024-02", "--draft", f"draft-{MONTH}.md",
                  "--draft-watermark", "--format", "md,html", cwd=project)  # fmt: skip
    time.sleep(random.Random(seed).uniform(0.5, 3.0))
    child.send_signal(signal.SIGKILL)
    finish(child, started)
    clean(process("review", f"draft-{MONTH}.md", "--summary", cwd=project), code=1, root=project)
    old = (project / "build" / f"paper-{MONTH}.html").read_text() == html
    old_md = (project / "build" / f"paper-{MONTH}.md").read_text() == markdown
    new = (project / "build" / "paper-2024-02.html").exists()
    new_md = (project / "build" / "paper-2024-02.md").exists()
    partial(new != new_md)
    assert old and old_md


def test_two_drafts_to_one_file_at_once_leave_a_pair(project: Path) -> None:
    started = time.monotonic()
    children = [
        start("draft", "--month", month, "--out", "same.md", "--force", cwd=project)
        for month in ("2024-03", "2024-02", "2024-01")
    ]
    runs = [finish(child, started) for child in children]
    for run in runs:
        clean(run, root=project)
    assert _consistent(project, "same")


def test_sigint_during_a_draft_ends_with_one_line(project: Path) -> None:
    for delay in (0.05, 0.3, 0.6):
        started = time.monotonic()
        child = start(*DRAFT, "--out", "int.md", cwd=project)
        time.sleep(delay)
        child.send_signal(signal.SIGINT)
        run = finish(child, started)
        if run.code == 0:
            continue  # finished before the signal
        clean(run, code=130, root=project)
        assert run.err.strip().splitlines()[-1] == "narrator: interrupted"
        partial((project / "int.md").exists() != (project / "int.json").exists())


def test_sigint_as_a_draft_ends_is_its_exit_code_not_the_signal_s(project: Path) -> None:
    """Ctrl-C just as the work is done, while the interpreter shuts down: the exit is the
    command's (0) or the interrupt's (130), never death by the signal (-2), which a shell
    would report as a crash. The delays sweep the end of a draft measured first."""
    started = time.monotonic()
    clean(finish(start(*DRAFT, "--out", "int.md", cwd=project), started), root=project)
    took = time.monotonic() - started
    codes = set()
    for step in range(12):
        started = time.monotonic()
        child = start(*DRAFT, "--out", "int.md", cwd=project)
        time.sleep(max(0.0, took - 0.12 + step * 0.015))
        child.send_signal(signal.SIGINT)
        run = finish(child, started)
        codes.add(run.code)
        assert run.code in (0, 130), f"exit {run.code}:\n{run.text}"
        assert "Traceback" not in run.text
    assert codes


def test_sigterm_ends_with_143(project: Path) -> None:
    started = time.monotonic()
    child = start("build", "--month", MONTH, "--draft-watermark", cwd=project)
    time.sleep(0.8)
    child.send_signal(signal.SIGTERM)
    run = finish(child, started)
    if run.code != 0:
        clean(run, code=143, root=project)
        assert "terminated" in run.err and "Traceback" not in run.err


def test_init_killed_leaves_nothing_a_rerun_refuses(tmp_path: Path) -> None:
    for seed in range(3):
        target = f"p{seed}"
        started = time.monotonic()
        child = start("init", target, cwd=tmp_path)
        time.sleep(random.Random(seed).uniform(0.2, 0.8))
        child.send_signal(signal.SIGKILL)
        finish(child, started)
        if (tmp_path / target).exists():
            assert (tmp_path / target / "narrator.toml").is_file()  # whole, or not at all
            continue
        clean(process("init", target, cwd=tmp_path), root=tmp_path)
    clean(process("init", "last", cwd=tmp_path), root=tmp_path)


# --- build refusals ---------------------------------------------------------------------------


def test_build_out_is_a_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "paper").write_text("my notes\n")
    before = Snapshot.of(project)
    run = narrator("build", "--month", MONTH, "--out", "paper", "--draft-watermark",
                   cwd=project, monkeypatch=monkeypatch)  # fmt: skip
    refused(run, names=("paper",), before=before)


def test_build_refuses_a_chart_folder_linked_outside(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / "build").mkdir()
    (project / "build" / f"paper-{MONTH}-charts").symlink_to(outside)
    before = Snapshot.of(project)
    run = narrator("build", "--month", MONTH, "--draft-watermark", cwd=project,
                   monkeypatch=monkeypatch)  # fmt: skip
    refused(run, names=("outside the output folder", "nothing was written"), before=before)
    assert not list(outside.iterdir())


def test_a_blocked_build_writes_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = Snapshot.of(project)
    run = narrator("build", "--month", MONTH, cwd=project, monkeypatch=monkeypatch)
    clean(run, code=1, root=project)
    assert not before.changed(Snapshot.of(project))


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (("--format", "pdf"), ("pdf",)),
        (("--draft", "nowhere.md"), ("nowhere.md",)),
        (("--month", "2024-02", "--draft", f"draft-{MONTH}.md"), (f"draft-{MONTH}.md", "2024-03")),
    ],
)
def test_build_input_errors(
    project: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], names: tuple[str, ...]
) -> None:
    month = () if "--month" in args else ("--month", MONTH)
    before = Snapshot.of(project)
    run = narrator("build", *month, *args, "--draft-watermark", cwd=project,
                   monkeypatch=monkeypatch)  # fmt: skip
    refused(run, names=names, before=before)


def test_build_leaves_other_files_in_its_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "build").mkdir()
    mine = project / "build" / "notes.txt"
    mine.write_text("keep me\n")
    run = narrator("build", "--month", MONTH, "--draft-watermark", "--format", "md",
                   cwd=project, monkeypatch=monkeypatch)  # fmt: skip
    clean(run, root=project)
    lost(mine.read_text() != "keep me\n")


# --- init refusals ----------------------------------------------------------------------------


def test_init_refuses_a_folder_with_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "mine.txt").write_text("x")
    before = Snapshot.of(tmp_path)
    run = narrator("init", "p", cwd=tmp_path, monkeypatch=monkeypatch)
    refused(run, names=("p", "not empty"), before=before)


def test_init_refuses_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "p").write_text("x")
    before = Snapshot.of(tmp_path)
    run = narrator("init", "p", cwd=tmp_path, monkeypatch=monkeypatch)
    refused(run, names=("p", "not a folder"), before=before)


def test_init_inside_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "f").write_text("x")
    before = Snapshot.of(tmp_path)
    run = narrator("init", "f/p", cwd=tmp_path, monkeypatch=monkeypatch)
    refused(run, names=("f/p",), before=before)


def test_init_in_an_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "p").mkdir()
    run = narrator("init", "p", cwd=tmp_path, monkeypatch=monkeypatch)
    clean(run, root=tmp_path)
    assert (tmp_path / "p" / "narrator.toml").is_file()
