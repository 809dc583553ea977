"""``narrator build`` through the command line: outputs, exit codes 0, 1 and 2."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrator.cli import main
from narrator.cli.app import app
from narrator.init import init_project
from tests.build.conftest import MONTH, accept_all, no_findings

ENV = {"COLUMNS": "120", "NO_COLOR": "1"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env=ENV)


@pytest.fixture(autouse=True)
def quiet_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checker's verdicts are the checker's tests' business: here, the build's."""
    module = importlib.import_module("narrator.build")
    monkeypatch.setattr(module, "text_checker", lambda checker, month: no_findings)


def invoke(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def flat(text: str) -> str:
    """Console output with its line wrapping undone."""
    return " ".join(text.split())


def run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """The installed entry point, so that input errors map to exit code 2."""
    monkeypatch.setattr(sys, "argv", ["narrator", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    return int(exit_info.value.code or 0)


def test_build_writes_all_three_outputs(
    runner: CliRunner, draft_copy: Path, tmp_path: Path
) -> None:
    accept_all(draft_copy)
    out = tmp_path / "out"
    code, output = invoke(
        runner, "build", "--month", MONTH, "--draft", str(draft_copy), "--out", str(out)
    )
    assert code == 0, output
    for suffix in ("md", "html", "docx"):
        assert (out / f"paper-{MONTH}.{suffix}").stat().st_size > 0, suffix
    charts = sorted((out / f"paper-{MONTH}-charts").glob("figure-*.png"))
    assert charts, "the Markdown's charts"
    assert f"Built the paper of {MONTH} in {out}, with" in output


def test_unreviewed_draft_is_refused_with_exit_1(
    runner: CliRunner, draft_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, output = invoke(
        runner, "build", "--month", MONTH, "--draft", str(draft_copy), "--out", str(out)
    )
    assert code == 1, output
    assert "not built" in output and "draft 4.1.2: pending: not reviewed yet" in output
    assert not out.exists(), "a refused build writes nothing"


def test_draft_watermark_builds_while_blocked(
    runner: CliRunner, draft_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, output = invoke(
        runner,
        "build",
        "--month",
        MONTH,
        "--draft",
        str(draft_copy),
        "--out",
        str(out),
        "--format",
        "md,html",
        "--draft-watermark",
    )
    assert code == 0, output
    assert "built with a DRAFT watermark" in output
    assert (out / f"paper-{MONTH}.md").read_text(encoding="utf-8").startswith("> **DRAFT")
    assert not (out / f"paper-{MONTH}.docx").exists(), "only the formats asked for"


def test_unknown_format_is_an_input_error(
    monkeypatch: pytest.MonkeyPatch, draft_copy: Path, tmp_path: Path
) -> None:
    args = ("build", "--month", MONTH, "--draft", str(draft_copy), "--format", "md,pdf")
    assert run_main(monkeypatch, *args, "--out", str(tmp_path / "out")) == 2


def test_missing_draft_is_an_input_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "draft-2019-10.md"
    assert run_main(monkeypatch, "build", "--month", MONTH, "--draft", str(missing)) == 2
    assert "no draft of 2019-10 to build from" in flat(capsys.readouterr().err)


def test_draft_of_another_month_is_an_input_error(
    monkeypatch: pytest.MonkeyPatch, draft_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_main(monkeypatch, "build", "--month", "2019-09", "--draft", str(draft_copy))
    assert code == 2
    assert "is the draft of 2019-10, not of 2019-09" in flat(capsys.readouterr().err)


def test_include_outside_the_project_is_refused(
    monkeypatch: pytest.MonkeyPatch,
    project_copy: Path,
    draft_copy: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paper = project_copy / "paper.toml"
    text = paper.read_text(encoding="utf-8")
    paper.write_text(
        text.replace("handwritten/background.md", "../../etc/passwd"), encoding="utf-8"
    )
    accept_all(draft_copy)
    args = ("build", "--month", MONTH, "--project", str(project_copy), "--draft", str(draft_copy))
    assert run_main(monkeypatch, *args) == 2
    err = flat(capsys.readouterr().err)
    assert "'../../etc/passwd' points outside the project folder" in err
    assert "root:" not in err


def test_draft_of_another_project_is_an_input_error(
    monkeypatch: pytest.MonkeyPatch,
    draft_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    other = tmp_path / "other"
    init_project(other)
    args = ("build", "--month", MONTH, "--project", str(other), "--draft", str(draft_copy))
    assert run_main(monkeypatch, *args) == 2
    assert "not of 'Example Constabulary'" in flat(capsys.readouterr().err)
