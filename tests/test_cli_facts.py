"""``narrator facts``: JSON and table output, the filters, and errors as one line with exit 2.

The typer app is driven with CliRunner (terminal width and colour pinned). CliRunner calls
the app in standalone mode, where a NarratorError escapes as ``result.exception`` with exit
code 1; the mapping to a message and exit code 2 lives in :func:`narrator.cli.main`, which is
tested in-process (``sys.argv`` patched) and, once, as a real ``python -m narrator`` process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from narrator.cli import main
from narrator.cli.app import app
from narrator.console import err, out
from narrator.errors import MonthError
from narrator.project import load_project

ENV = {"COLUMNS": "120", "NO_COLOR": "1"}
KEYS = {
    "id",
    "kind",
    "measure",
    "area",
    "month",
    "period",
    "value",
    "unit",
    "reference",
    "reference_period",
    "change",
    "change_pct",
    "direction",
    "significant",
    "method",
    "statistic",
    "detail",
    "sources",
    "salience",
}


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    # An empty working directory: with no --project the bundled sample is used.
    monkeypatch.chdir(tmp_path)
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    pin_width(monkeypatch)
    return CliRunner()


def pin_width(monkeypatch: pytest.MonkeyPatch) -> None:
    # The consoles read COLUMNS when they print (not once, at import): setting it is enough.
    monkeypatch.setenv("COLUMNS", ENV["COLUMNS"])


def invoke(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(app, list(args), env=ENV)


def shown(result: Result) -> str:
    """Everything a failing assertion should show."""
    return f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def json_facts(runner: CliRunner, *args: str) -> list[dict[str, Any]]:
    result = invoke(runner, "facts", "--month", "2019-10", "--format", "json", *args)
    assert result.exit_code == 0, shown(result)
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------


def test_json_output_parses_with_every_key(runner: CliRunner) -> None:
    result = invoke(runner, "facts", "--month", "2019-10", "--format", "json")
    assert result.exit_code == 0, shown(result)
    facts = json.loads(result.stdout)
    assert len(facts) > 1000
    for fact in facts:
        assert set(fact) == KEYS
        assert fact["month"] == "2019-10"
    ids = [f["id"] for f in facts]
    assert ids == sorted(ids)
    # The sample is used, and said so, on standard error only.
    assert "Using the bundled sample project" in result.stderr
    assert "Using the bundled sample" not in result.stdout


def test_json_carries_the_numbers_and_the_method(runner: CliRunner) -> None:
    facts = json_facts(runner, "--measure", "db_ppo_rate", "--kind", "benchmark.long_term")
    by_area = {f["area"]: f for f in facts}
    force = by_area["Cambridgeshire"]
    assert round(force["value"], 1) == 8.5
    assert force["method"] == "wilson-95"
    assert force["significant"] is True
    assert force["direction"] == "up"
    assert set(force["statistic"]) == {"ci_low", "ci_high"}
    assert force["sources"] == [
        "db_ppo|Cambridgeshire|2018-11..2019-10",
        "db_crimes|Cambridgeshire|2018-11..2019-10",
        "db_ppo|Cambridgeshire|2016-04..2019-03",
        "db_crimes|Cambridgeshire|2016-04..2019-03",
    ]


def test_the_table_lists_the_facts(runner: CliRunner) -> None:
    result = invoke(
        runner,
        "facts",
        "--month",
        "2019-10",
        "--measure",
        "arrests",
        "--area",
        "Cambridgeshire",
        "--kind",
        "level",
        "--kind",
        "change.month",
    )
    assert result.exit_code == 0, shown(result)
    text = result.stdout
    assert "Facts for 2019-10 (2)" in text
    for header in ("kind", "measure", "area", "period", "value", "reference", "change", "method"):
        assert header in text
    level = next(line for line in text.splitlines() if " level " in line)
    assert "arrests" in level and "Cambridgeshire" in level and "858" in level
    # Cells fold at 120 columns ("2019-10 vs" / "2019-09"): check the first line of the row.
    change = next(line for line in text.splitlines() if "change.month" in line)
    assert "2019-10 vs" in change
    assert "825" in change and "+33.0 (+4.0%)" in change
    assert "poisson-sqrt" in change
    assert "\x1b[" not in text  # NO_COLOR and no terminal: plain text


def test_the_table_shows_rates_with_a_per_cent_sign(runner: CliRunner) -> None:
    result = invoke(
        runner,
        "facts",
        "--month",
        "2019-10",
        "--measure",
        "ppo_rate_all",
        "--area",
        "Cambridgeshire",
        "--kind",
        "level.rolling",
    )
    assert result.exit_code == 0, shown(result)
    assert "9.7%" in result.stdout
    assert "Facts for 2019-10 (1)" in result.stdout


def test_the_table_shows_a_streak_of_a_rate_as_months(runner: CliRunner) -> None:
    result = invoke(
        runner,
        "facts",
        "--month",
        "2019-10",
        "--measure",
        "ppo_rate_all",
        "--area",
        "Cambridgeshire",
        "--kind",
        "streak.rolling",
    )
    assert result.exit_code == 0, shown(result)
    row = next(line for line in result.stdout.splitlines() if "streak.rolling" in line)
    assert "%" not in row


@pytest.mark.parametrize("columns", [60, 100])
def test_the_table_is_as_wide_as_columns_says_when_it_prints(
    runner: CliRunner, columns: int
) -> None:
    env = {**ENV, "COLUMNS": str(columns)}
    args = ["facts", "--month", "2019-10", "--measure", "arrests", "--kind", "change.month"]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, shown(result)
    widths = {len(line) for line in result.stdout.splitlines() if line.strip()}
    assert max(widths) == columns  # the table needs 131 columns: it folds to fit
    assert (out.width, err.width) == (int(ENV["COLUMNS"]),) * 2  # the runner's env again


def test_the_table_shows_an_outliers_change_with_its_unit(runner: CliRunner) -> None:
    result = invoke(
        runner, "facts", "--month", "2019-10", "--measure", "db_incidents", "--kind", "area.outlier"
    )
    assert result.exit_code == 0, shown(result)
    row = next(line for line in result.stdout.splitlines() if "Peterborough" in line)
    assert "%" in row  # a per cent change: "+20.9%", never a count


def test_an_area_filter_takes_an_alias_in_any_case(runner: CliRunner) -> None:
    by_name = json_facts(runner, "--area", "Cambridgeshire", "--kind", "level")
    assert by_name
    area = next(a for a in load_project(None).areas if a.name == "Cambridgeshire")
    for other in (*area.aliases, *([area.label] if area.label else []), "CAMBRIDGESHIRE"):
        assert json_facts(runner, "--area", other, "--kind", "level") == by_name


# --------------------------------------------------------------------------------------
# Filters
# --------------------------------------------------------------------------------------


def test_measure_filter(runner: CliRunner) -> None:
    facts = json_facts(runner, "--measure", "arrests")
    assert facts
    assert {f["measure"] for f in facts} == {"arrests"}
    assert {f["area"] for f in facts} >= {"Cambridgeshire", "North", "South", "Peterborough"}


def test_measure_filter_repeats(runner: CliRunner) -> None:
    facts = json_facts(runner, "--measure", "arrests", "--measure", "db_crimes")
    assert {f["measure"] for f in facts} == {"arrests", "db_crimes"}


def test_area_filter(runner: CliRunner) -> None:
    facts = json_facts(runner, "--area", "North", "--area", "South")
    assert facts
    assert {f["area"] for f in facts} == {"North", "South"}


def test_kind_filter(runner: CliRunner) -> None:
    facts = json_facts(runner, "--kind", "snapshot.change")
    assert {f["kind"] for f in facts} == {"snapshot.change"}
    assert sorted(f["value"] for f in facts) == [214, 214, 636]


def test_filters_combine(runner: CliRunner) -> None:
    facts = json_facts(
        runner, "--measure", "arrests", "--area", "Cambridgeshire", "--kind", "level"
    )
    assert len(facts) == 1
    assert facts[0]["id"] == "level/arrests/Cambridgeshire/2019-10"
    assert facts[0]["value"] == 858


@pytest.mark.parametrize("option", ["--measure", "--area", "--kind"])
def test_an_unknown_filter_value_is_an_error(runner: CliRunner, option: str) -> None:
    result = invoke(runner, "facts", "--month", "2019-10", option, "arests")
    assert result.exit_code != 0
    assert "arests" in result.stderr or "arests" in str(result.exception)
    assert result.exit_code == 2
    assert "expected one of:" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_measure_says_what_it_might_be(runner: CliRunner) -> None:
    result = invoke(runner, "facts", "--month", "2019-10", "--measure", "arests")
    assert "didyoumean'arrests'?" in "".join(result.stderr.split())
    assert result.stdout == ""


# --------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------


def test_through_the_app_a_bad_month_escapes_as_a_month_error(runner: CliRunner) -> None:
    # Standalone typer app: a NarratorError is not a click error, so it is not formatted;
    # CliRunner records it with exit code 1. narrator.cli.main turns it into exit 2.
    result = invoke(runner, "facts", "--month", "2019-13")
    assert result.exit_code == 1
    assert isinstance(result.exception, MonthError)
    assert "'2019-13' is not a month" in str(result.exception)


def test_a_bad_option_value_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, "facts", "--month", "2019-10", "--format", "xml")
    assert result.exit_code == 2
    assert "'xml' is not one of" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_month_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, "facts")
    assert result.exit_code == 2
    assert "--month" in result.stderr


def run_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    """Run the console script's entry point in-process; its exit code and output."""
    monkeypatch.setattr(sys, "argv", ["narrator", *args])
    with pytest.raises(SystemExit) as caught:
        main()
    captured = capsys.readouterr()
    code = caught.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2019-13", "error: '2019-13' is not a month (expected YYYY-MM, for example 2019-10)"),
        ("19-10", "error: '19-10' is not a month (expected YYYY-MM, for example 2019-10)"),
        ("2030-01", "error: 2030-01 is outside the figures, which run from 2014-04 to 2019-10"),
    ],
)
def test_main_reports_a_bad_month_in_one_line_with_exit_2(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    month: str,
    message: str,
) -> None:
    code, out, err = run_main(monkeypatch, capsys, "facts", "--month", month)
    assert code == 2, err
    assert out == ""
    assert error_lines(err) == [message]
    assert "Traceback" not in err


def test_main_reports_bad_figures_with_file_and_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pin_width(monkeypatch)
    project = tmp_path / "project"
    project.mkdir()
    (project / "narrator.toml").write_text('[figures]\nfile = "figures.csv"\n', encoding="utf-8")
    (project / "catalogue.toml").write_text("[measures.crimes]\n", encoding="utf-8")
    (project / "areas.toml").write_text('[[areas]]\nname = "Force"\n', encoding="utf-8")
    (project / "figures.csv").write_text(
        "month,measure,area,value\n2019-01,crimes,Force,10\n2019-02,crimes,Force,ten\n",
        encoding="utf-8",
    )
    code, out, err = run_main(
        monkeypatch, capsys, "facts", "--month", "2019-02", "--project", str(project)
    )
    assert code == 2
    assert out == ""
    assert "error: The figures have 1 problem:" in err
    expected = f"{project.resolve() / 'figures.csv'}: row 3: value 'ten' is not a number"
    # The console wraps long lines: compare without the whitespace.
    assert "".join(expected.split()) in "".join(err.split())
    assert "Traceback" not in err
    assert "bundled sample" not in err


def test_main_reports_a_folder_without_a_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pin_width(monkeypatch)
    code, _, err = run_main(
        monkeypatch, capsys, "facts", "--month", "2019-10", "--project", str(tmp_path)
    )
    assert code == 2
    assert "no narrator.toml here" in err
    assert "Traceback" not in err


def test_python_m_narrator_outside_the_figures_exits_2_without_a_traceback(
    tmp_path: Path,
) -> None:
    env = {**os.environ, **ENV}
    done = subprocess.run(
        [sys.executable, "-m", "narrator", "facts", "--month", "2030-01"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "outside the figures" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
