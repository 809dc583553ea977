"""``narrator review --summary`` through CliRunner, and the command's error exits."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrator.cli import main
from narrator.cli.app import app
from narrator.review import load_review

ENV = {"COLUMNS": "120", "NO_COLOR": "1", "NARRATOR_REVIEWER": "ana"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env=ENV)


def invoke(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_summary_exits_1_while_anything_is_to_do(runner: CliRunner, draft_md: Path) -> None:
    code, output = invoke(runner, "review", str(draft_md), "--summary")
    assert code == 1, output
    assert "Review of draft-2019-10.md (2019-10)" in output
    assert "4.1.2" in output and "not reviewed yet" in output
    assert "17 pending: not ready to build." in output
    # A summary only reads: no state file is written for a review not yet started.
    assert not draft_md.with_suffix(".review.json").exists()


def test_summary_as_json_and_exit_0_when_all_done(runner: CliRunner, draft_md: Path) -> None:
    review = load_review(draft_md)
    for number in review.numbers():
        review.accept(number, who="ana")
    review.edit("4.1.3", "Our words.", who="ben")
    review.comment("4.1.3", "Shorter.", who="ben")
    review.save()
    code, output = invoke(runner, "review", str(draft_md), "--summary", "--format", "json")
    assert code == 0, output
    data = json.loads(output)
    assert data["done"] is True and data["counts"] == {"accepted": 16, "edited": 1}
    row = next(r for r in data["paragraphs"] if r["number"] == "4.1.3")
    assert row == {
        "number": "4.1.3",
        "status": "edited",
        "who": "ben",
        "when": row["when"],
        "comments": 1,
        "override": False,
        "blocking": None,
    }
    code, output = invoke(runner, "review", str(draft_md), "--summary")
    assert code == 0 and "16 accepted, 1 edited: ready to build." in output


def test_a_stale_paragraph_fails_the_summary(runner: CliRunner, draft_md: Path) -> None:
    review = load_review(draft_md)
    for number in review.numbers():
        review.accept(number, who="ana")
    review.entry("4.2.5").status = "stale"
    review.save()
    code, output = invoke(runner, "review", str(draft_md), "--summary")
    assert code == 1 and "stale: the figures under it changed" in output


def run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["narrator", *args])
    with pytest.raises(SystemExit) as caught:
        main()
    return int(caught.value.code or 0)


def test_input_errors_exit_2_with_one_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert run_main(monkeypatch, "review", str(tmp_path / "missing.md"), "--summary") == 2
    err = capsys.readouterr().err
    assert "error:" in err and "missing.md: no such draft" in err
    assert "narrator draft --month <the month> --out" in err


def test_a_corrupt_state_exits_2_and_is_left_alone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], draft_md: Path
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    state = draft_md.with_suffix(".review.json")
    state.write_text("{not json", encoding="utf-8")
    assert run_main(monkeypatch, "review", str(draft_md)) == 2
    err = capsys.readouterr().err
    assert "the review state cannot be read" in err and "left untouched" in err
    assert state.read_text(encoding="utf-8") == "{not json"
