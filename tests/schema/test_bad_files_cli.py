"""Every known-bad project file, through the command line: exit 2, one message, no traceback.

Each case edits one file of a copy of the Northshire test project (a project the schema was
not written against), runs ``narrator draft`` through :func:`narrator.cli.main` (the path a
user's shell takes, with its error reporting), and asserts the one message names the file,
the key and what was expected.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from narrator.cli import main

NORTHSHIRE = Path(__file__).parents[1] / "projects" / "northshire"
MONTH = "2020-06"

#: (file, text to find, text to put after it, what the message must hold after the file).
CASES = {
    "catalogue priority is text": (
        "catalogue.toml",
        "[measures.thefts_solved]\n",
        'priority = "high"\n',
        '[measures.thefts_solved] priority must be a whole number from 1 to 5, got "high"',
    ),
    "catalogue label is a number": (
        "catalogue.toml",
        'label = "vehicle thefts"\n',
        "label = 5\n",
        "[measures.thefts] label must be text in quotes, got 5",
    ),
    "catalogue key misspelt": (
        "catalogue.toml",
        "[measures.thefts]\n",
        'polarty = "up_good"\n',
        "[measures.thefts] has an unknown key `polarty` (did you mean `polarity`?)",
    ),
    "catalogue polarity misspelt": (
        "catalogue.toml",
        'unit = "assault"\npolarity = "down_good"\n',
        'unit = "assault"\npolarity = "down"\n',
        '[measures.assaults] polarity must be one of "up_good", "down_good", "neutral", '
        'got "down" (did you mean `down_good`?)',
    ),
    "catalogue decimals far too many": (
        "catalogue.toml",
        "[measures.thefts_solved]\n",
        "decimals = 1000000000\n",
        "[measures.thefts_solved] decimals must be a whole number from 0 to 6, got 1000000000",
    ),
    "catalogue ratio without kind": (
        "catalogue.toml",
        '[measures.solve_rate]\nlabel = "vehicle theft solved rate"\nkind = "ratio"\n',
        None,
        '[measures.solve_rate] numerator is read only for kind = "ratio"',
    ),
    "areas parent is a list": (
        "areas.toml",
        'name = "Eastmoor"\nlevel = "district"\nparent = "Coastal"\n',
        None,
        '[[areas]] 4 (Eastmoor) parent must be text in quotes, got ["Coastal"]',
    ),
    "areas aliases are numbers": (
        "areas.toml",
        'name = "Upland"\n',
        "aliases = [1, 2]\n",
        "[[areas]] 3 (Upland) aliases must be a list of texts in quotes, got [1, 2]",
    ),
    "areas key misspelt": (
        "areas.toml",
        'name = "Upland"\n',
        'lable = "Upland"\n',
        "[[areas]] 3 (Upland) has an unknown key `lable` (did you mean `label`?)",
    ),
    "outline area is a list": (
        "outline.toml",
        '  measures = ["thefts"]\n',
        '  area = ["Coastal"]\n',
        "[[sections]] 1 (2.1), [[sections.paragraphs]] 2 area must be text in quotes, "
        'got ["Coastal"]',
    ),
    "outline compare_with is a list": (
        "outline.toml",
        '  measures = ["thefts"]\n',
        '  compare_with = ["assaults"]\n',
        "[[sections.paragraphs]] 2 compare_with must be text in quotes",
    ),
    "outline max_sentences is a word": (
        "outline.toml",
        '  measures = ["thefts"]\n',
        '  max_sentences = "five"\n',
        '[[sections.paragraphs]] 2 max_sentences must be a whole number from 1 to 20, got "five"',
    ),
    "outline max_sentences is negative": (
        "outline.toml",
        '  measures = ["thefts"]\n',
        "  max_sentences = -2\n",
        "[[sections.paragraphs]] 2 max_sentences must be a whole number from 1 to 20, got -2",
    ),
    "outline say is a string": (
        "outline.toml",
        '  measures = ["thefts"]\n',
        '  say = "volumes_month"\n',
        '[[sections.paragraphs]] 2 say must be a list of texts in quotes, got "volumes_month"',
    ),
    "outline key misspelt": (
        "outline.toml",
        '  measures = ["thefts"]\n',
        "  max_sentence = 3\n",
        "has an unknown key `max_sentence` (did you mean `max_sentences`?)",
    ),
    "outline section number is a number": (
        "outline.toml",
        'number = "2.1"\n',
        None,
        "[[sections]] 1 (Vehicle crime) number must be text in quotes, got 2.1",
    ),
    "outline measure misspelt": (
        "outline.toml",
        '  measures = ["thefts"]\n',
        None,
        "names the measure 'theft', which is not in the catalogue (did you mean `thefts`?)",
    ),
    "benchmarks history far too long": (
        "narrator.toml",
        "history_years = 2\n",
        "history_years = 1000000\n",
        "[benchmarks] history_years must be a whole number of years from 1 to 20, got 1000000",
    ),
    "benchmarks key misspelt": (
        "narrator.toml",
        "[benchmarks]\n",
        "confidance = 0.9\n",
        "[benchmarks] has an unknown key `confidance` (did you mean `confidence`?)",
    ),
    "project section misspelt": (
        "narrator.toml",
        "[benchmarks]\n",
        None,
        "unknown top-level key `benchmark` (did you mean `benchmarks`?)",
    ),
    "figures police-uk key on a table": (
        "narrator.toml",
        '[figures]\nfile = "figures.csv"\n',
        "min_share = 0.1\n",
        '[figures] min_share is read only with source = "police-uk"',
    ),
    "paper front matter is a number": (
        "narrator.toml",
        "[benchmarks]\n",
        None,
        "[paper] to must be text in quotes, got 3",
    ),
    "a long value is cut short": (
        "catalogue.toml",
        "[measures.thefts_solved]\n",
        'priority = "' + "[bold]:x:" * 100 + '"\n',
        '[measures.thefts_solved] priority must be a whole number from 1 to 5, got "[bold]:x:[',
    ),
}

#: Edits that replace the found text rather than add after it.
REPLACE = {
    "catalogue label is a number": "label = 5\n",
    "catalogue polarity misspelt": 'unit = "assault"\npolarity = "down"\n',
    "benchmarks history far too long": "history_years = 1000000\n",
    "catalogue ratio without kind": '[measures.solve_rate]\nlabel = "vehicle theft solved rate"\n',
    "areas parent is a list": 'name = "Eastmoor"\nlevel = "district"\nparent = ["Coastal"]\n',
    "outline section number is a number": "number = 2.1\n",
    "outline measure misspelt": '  measures = ["theft"]\n',
    "project section misspelt": "[benchmark]\n",
    "paper front matter is a number": "[paper]\nto = 3\n[benchmarks]\n",
}


def edit(project: Path, name: str) -> Path:
    """The file of ``project`` the case edits, edited."""
    file, find, add, _ = CASES[name]
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert find in text, f"the case {name!r} no longer fits the Northshire project"
    replacement = REPLACE.get(name, find + (add or ""))
    path.write_text(text.replace(find, replacement, 1), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int | str | None, str, str]:
    """``narrator ARGS`` in this process, as the shell runs it: (exit code, stdout, stderr)."""
    runner = CliRunner(env={"COLUMNS": "2000", "NO_COLOR": "1"})
    code: int | str | None = 0
    with runner.isolation() as (out, err, _):
        saved = sys.argv
        sys.argv = ["narrator", *args]
        try:
            main()
        except SystemExit as stop:
            code = stop.code
        finally:
            sys.argv = saved
        return code, out.getvalue().decode(), err.getvalue().decode()


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_project_file_gives_one_message_and_exit_2(tmp_path: Path, name: str) -> None:
    project = tmp_path / "northshire"
    shutil.copytree(NORTHSHIRE, project)
    path = edit(project, name)
    out = tmp_path / "draft.md"
    code, stdout, stderr = run(
        "draft", "--project", str(project), "--month", MONTH, "--out", str(out)
    )
    assert code == 2, stderr
    assert "Traceback" not in stdout + stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    where = str(path.resolve()) if path.name != "narrator.toml" else str(path)
    assert lines[0].startswith(f"error: {where}: "), lines[0]
    assert CASES[name][3] in lines[0]
    assert len(lines[0]) < len(f"error: {where}: ") + 250, "a bad value is quoted short"
    assert not out.exists()
