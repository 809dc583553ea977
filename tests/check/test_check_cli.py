"""``narrator check`` from the command line: exit codes, input errors, JSON, and that the
paper is only read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrator.api import draft
from narrator.cli.app import app
from narrator.project import load_project
from tests.check.conftest import SEED

ENV = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def clean_draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("draft") / "draft-2019-10.md"
    path.write_text(draft(load_project(None), "2019-10").draft.to_markdown(), encoding="utf-8")
    return path


def _check(runner: CliRunner, path: Path, *extra: str) -> tuple[int, str]:
    before = path.read_bytes() if path.exists() else None
    result = runner.invoke(app, ["check", str(path), "--month", "2019-10", *extra], env=ENV)
    if before is not None:
        assert path.read_bytes() == before, "checking must never modify the paper"
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def test_a_clean_draft_exits_0(runner: CliRunner, clean_draft: Path) -> None:
    code, _ = _check(runner, clean_draft)
    assert code == 0


@pytest.mark.skipif(not SEED.exists(), reason="the seed paper is not here")
def test_the_seed_exits_1_for_its_internal_faults(runner: CliRunner) -> None:
    code, output = _check(runner, SEED)
    assert code == 1
    assert "xref_missing" in output


def test_a_contradicted_edit_exits_1(runner: CliRunner, clean_draft: Path, tmp_path: Path) -> None:
    text = clean_draft.read_text(encoding="utf-8")
    assert "9.7%" in text
    edited = tmp_path / "edited.md"
    edited.write_text(text.replace("9.7%", "12.7%", 1), encoding="utf-8")
    code, output = _check(runner, edited)
    assert code == 1
    assert "contradicted" in output


def test_json_parses(runner: CliRunner, clean_draft: Path) -> None:
    code, output = _check(runner, clean_draft, "--format", "json")
    assert code == 0
    report = json.loads(output[output.index("{") :])
    assert report["ok"] is True
    assert report["month"] == "2019-10"
    assert report["counts"]["supported"] > 10


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.md", None, "file not found"),
        ("empty.md", b"", "the file is empty"),
        ("latin.md", "4.1 Caf\xe9 crime fell.".encode("latin-1"), "not UTF-8"),
        ("broken.docx", b"not a zip archive", "not a valid .docx"),
    ],
)
def test_unreadable_input_exits_2_with_one_message(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, output = _check(runner, path)
    assert code == 2
    assert message in " ".join(output.split())
    assert "Traceback" not in output


def test_the_real_stderr_has_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 truncated")
    result = subprocess.run(
        [sys.executable, "-m", "narrator", "check", str(path), "--month", "2019-10"],
        capture_output=True,
        text=True,
        env={**os.environ, **ENV},
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "not a valid .docx" in " ".join(result.stderr.split())
    assert path.read_bytes() == b"PK\x03\x04 truncated"


def test_a_file_holding_only_an_edited_sentence_is_checked(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A paragraph on its own is read (it was taken for front matter: nothing was checked),
    so the review's edit of 9.7% to 12.7% fails the check and the sentence as written
    passes."""
    sentence = (
        "The 12 month all crime prosecution possible outcome rate fell to {} in October 2019."
    )
    edited = tmp_path / "edited.md"
    edited.write_text(sentence.format("12.7%") + "\n", encoding="utf-8")
    code, output = _check(runner, edited)
    assert code == 1
    assert "contradicted" in output and "12.7%" in output
    right = tmp_path / "right.md"
    right.write_text(sentence.format("9.7%") + "\n", encoding="utf-8")
    assert _check(runner, right)[0] == 0
