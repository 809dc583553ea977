"""``narrator draft`` and ``narrator phrases lint`` through CliRunner, exit codes asserted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrator.cli.app import app
from narrator.resources import phrasebank_dir, sample_dir

ENV = {"COLUMNS": "120", "NO_COLOR": "1"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env=ENV)


def invoke(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_draft_writes_markdown_and_sidecar(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "paper.md"
    code, output = invoke(runner, "draft", "--month", "2019-10", "--out", str(out))
    assert code == 0, output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") and "4.1.2 " in text
    sidecar = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    sentences = [
        s for sec in sidecar["sections"] for p in sec["paragraphs"] for s in p["sentences"]
    ]
    assert sentences and all(s["facts"] for s in sentences)


def test_draft_refuses_to_overwrite_an_edited_draft(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "paper.md"
    assert invoke(runner, "draft", "--month", "2019-10", "--out", str(out))[0] == 0
    out.write_text(out.read_text(encoding="utf-8") + "\nAn editor's note.\n", encoding="utf-8")
    with pytest.raises(Exception, match="differs from the draft"):
        invoke(runner, "draft", "--month", "2019-10", "--out", str(out))
    assert "An editor's note." in out.read_text(encoding="utf-8")
    assert invoke(runner, "draft", "--month", "2019-10", "--out", str(out), "--force")[0] == 0


def test_draft_to_stdout_as_json(runner: CliRunner) -> None:
    code, output = invoke(runner, "draft", "--month", "2019-10", "--out", "-", "--format", "json")
    assert code == 0
    assert '"format": "narrator-draft/1"' in output


def test_lint_passes_on_the_shipped_phrasebank(runner: CliRunner) -> None:
    code, output = invoke(runner, "phrases", "lint")
    assert code == 0, output
    assert "No problems found" in output


@pytest.mark.parametrize(
    "project",
    [
        Path(__file__).parent.parent / "samples" / "city-of-london",
        Path(__file__).parent / "projects" / "northshire",
        Path(__file__).parent / "projects" / "wyvern",
    ],
    ids=lambda p: p.name,
)
def test_lint_passes_on_every_bundled_and_test_project(runner: CliRunner, project: Path) -> None:
    """Templates a project gives no example of (no snapshots, no shares) are a note, not a
    fault: lint fails only on real template faults."""
    code, output = invoke(runner, "phrases", "lint", "--project", str(project))
    assert code == 0, output
    assert "No problems found" in output


def test_lint_reports_a_variant_that_changes_the_claim(runner: CliRunner, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(sample_dir(), project)
    shutil.copytree(phrasebank_dir(), project / "phrasebank")
    template = project / "phrasebank" / "messages" / "month_changes.j2"
    text = template.read_text(encoding="utf-8")
    # The second variant now claims "lower" where the first says "higher".
    template.write_text(text.replace("{% block v2 %}", "{% block v2 %}lower ", 1), encoding="utf-8")
    result = runner.invoke(app, ["phrases", "lint", "--project", str(project)])
    assert result.exit_code == 1
    assert "month_changes.j2" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2030-01"], "outside the figures"),
        (["--month", "October"], "is not a month"),
    ],
)
def test_draft_bad_month_exit_2(args: list[str], message: str) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "narrator", "draft", *args, "--out", "-"],
        capture_output=True,
        text=True,
        env={**ENV, "PATH": ""},
        check=False,
    )
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_template_error_names_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(sample_dir(), project)
    shutil.copytree(phrasebank_dir(), project / "phrasebank")
    template = project / "phrasebank" / "messages" / "snapshots.j2"
    template.write_text("{% block v1 %}\n{{ no_such_value }}\n{% endblock %}\n", encoding="utf-8")
    from narrator.api import draft
    from narrator.errors import TemplateError

    with pytest.raises(TemplateError, match=r"snapshots\.j2, line 2"):
        draft(project, "2019-10")


def test_heavy_libraries_stay_out_of_start_up() -> None:
    """spaCy, matplotlib, python-docx and Textual load only in the commands that need them,
    and scipy not in a draft (its statistics are computed by narrator.facts.stats)."""
    import subprocess
    import sys

    heavy = ("spacy", "matplotlib", "docx", "textual", "scipy")
    code = (
        "import sys, narrator.cli, narrator.api as a; a.draft(None, '2019-10');"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
