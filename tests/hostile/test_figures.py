"""Hostile figures under ``facts``, ``draft``, ``phrases lint`` and ``build``: one message each.

Each case spoils the project's ``figures.csv`` one way and runs a command that reads it:
exit 2, one message naming the file and the row (or the file when the whole file is at
fault), and nothing written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.conftest import MONTH
from tests.hostile.harness import Snapshot, clean, narrator, refused

HEADER = "month,measure,area,value\n"


def _append(row: str) -> Callable[[str], str]:
    return lambda text: text + row + "\n"


def _replace_value(new: str) -> Callable[[str], str]:
    """The value of the file's second data row replaced by ``new`` (quoted as CSV)."""

    def edit(text: str) -> str:
        lines = text.split("\n")
        month, measure, area, _ = lines[2].split(",")
        quoted = '"' + new.replace('"', '""') + '"'
        lines[2] = f"{month},{measure},{area},{quoted}"
        return "\n".join(lines)

    return edit


BIG = "9" * 50_000_000  # a 50 MB value: quoted in the message as a short excerpt only

#: (id, edit of figures.csv, names the message must hold)
CASES: list[tuple[str, Callable[[str], str], tuple[str, ...]]] = [
    ("month-1900", _append("1900-01,burglary,North,5"), ("figures.csv", "1900-01", "years before")),
    ("month-2099", _append("2099-12,burglary,North,5"), ("figures.csv", "2099-12", "years after")),
    ("month-0001", _append("0001-01,calls_999,South,5"), ("figures.csv", "0001-01")),
    ("month-13", _append("2023-13,burglary,North,5"), ("figures.csv", "'2023-13'", "YYYY-MM")),
    ("month-word", _append("banana,burglary,North,5"), ("figures.csv", "'banana'")),
    ("month-digits-wide", _append("２０２３-０１,burglary,North,5"), ("figures.csv", "YYYY-MM")),
    ("value-word", _replace_value("five"), ("figures.csv: row 3", "'five'", "a number")),
    ("value-50mb", _replace_value(BIG), ("figures.csv: row 3", "50,000,000 characters")),
    ("value-markup", _replace_value("[bold]5[/bold]"), ("row 3", "'[bold]5[/bold]'")),
    ("value-emoji", _replace_value(":x:"), ("row 3", "':x:'")),
    ("value-negative", _replace_value("-4"), ("row 3", "negative value -4")),
    ("value-inf", _replace_value("inf"), ("row 3", "'inf'")),
    ("value-nan", _replace_value("NaN"), ("row 3", "'NaN'")),
    ("value-blank", _replace_value(""), ("row 3", "is not a number")),
    ("value-thousands", _replace_value("1 204"), ("row 3", "'1 204'")),
    ("duplicate", lambda t: t + t.split("\n")[1] + "\n", ("figures.csv", "duplicate row")),
    ("unknown-measure", _append("2024-03,burglery,North,5"), ("figures.csv", "'burglery'")),
    ("unknown-area", _append("2024-03,burglary,Nowhere,5"), ("figures.csv", "'Nowhere'")),
    ("ratio-row", _append("2024-03,burglary_charge_rate,North,5"), ("figures.csv", "ratio")),
    (
        "numerator-above",
        lambda t: t.replace("2024-03,burglary_charged,North,", "2024-03,burglary_charged,North,9"),
        ("figures.csv", "burglary_charged"),
    ),
    ("header-missing", lambda t: t.replace("value\n", "amount\n", 1), ("figures.csv", "header")),
    ("header-extra", lambda t: t.replace("value\n", "value,note\n", 1), ("figures.csv", "header")),
    ("empty", lambda t: "", ("figures.csv",)),
    ("header-only", lambda t: HEADER, ("figures",)),
    ("ragged-row", _append("2024-03,burglary,North,5,6,7"), ("figures.csv",)),
    ("nul-bytes", lambda t: t[:100] + "\x00" * 50 + t[100:], ("figures.csv", "NUL")),
    ("markup-measure", _append("2024-03,[red]boom[/red],North,5"), ("'[red]boom[/red]'",)),
    ("huge-measure", _append(f"2024-03,{'m' * 3_000_000},North,5"), ("3,000,000 characters",)),
]


@pytest.mark.parametrize("command", ["draft", "facts"])
@pytest.mark.parametrize(("name", "edit", "names"), CASES, ids=[c[0] for c in CASES])
def test_bad_figures_are_one_message(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    name: str,
    edit: Callable[[str], str],
    names: tuple[str, ...],
) -> None:
    figures = project / "figures.csv"
    figures.write_text(edit(figures.read_text(encoding="utf-8")), encoding="utf-8")
    before = Snapshot.of(project)
    args = ["--out", "new.md"] if command == "draft" else []
    run = narrator(command, "--month", MONTH, *args, cwd=project, monkeypatch=monkeypatch)
    refused(run, names=names, before=before)
    # A value is quoted, not echoed: the message stays short whatever the input holds.
    assert len(run.err) < 20_000


def test_a_far_month_names_its_row(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures = project / "figures.csv"
    rows = figures.read_text(encoding="utf-8").count("\n")
    figures.write_text(figures.read_text(encoding="utf-8") + "1900-01,burglary,North,5\n")
    run = narrator("facts", "--month", MONTH, cwd=project, monkeypatch=monkeypatch)
    refused(run, names=(f"figures.csv: row {rows + 1}", "1900-01", "NARRATOR_MAX_MONTH_GAP"))


def test_the_month_gap_is_configurable(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures = project / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8") + "2015-01,burglary,North,5\n")
    strict = narrator("facts", "--month", MONTH, cwd=project, monkeypatch=monkeypatch,
                      env={"NARRATOR_MAX_MONTH_GAP": "12"})  # fmt: skip
    refused(strict, names=("2015-01", "years before"))
    loose = narrator("facts", "--month", MONTH, "--format", "json", cwd=project,
                     monkeypatch=monkeypatch, env={"NARRATOR_MAX_MONTH_GAP": "60"})  # fmt: skip
    clean(loose)


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-16", b""), ("utf-16-le", b""), ("utf-8", b"\xef\xbb\xbf")]
)
def test_figures_saved_as_unicode_text_read_the_same(
    project: Path, monkeypatch: pytest.MonkeyPatch, encoding: str, bom: bytes
) -> None:
    figures = project / "figures.csv"
    plain = narrator("facts", "--month", MONTH, "--format", "json", cwd=project,
                     monkeypatch=monkeypatch)  # fmt: skip
    figures.write_bytes(bom + figures.read_text(encoding="utf-8").encode(encoding))
    run = narrator("facts", "--month", MONTH, "--format", "json", cwd=project,
                   monkeypatch=monkeypatch)  # fmt: skip
    clean(run)
    assert run.out == plain.out


def test_figures_linked_to_dev_zero_are_refused(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = project / "figures.csv"
    figures.unlink()
    figures.symlink_to("/dev/zero")
    before = Snapshot.of(project)
    run = narrator("facts", "--month", MONTH, cwd=project, monkeypatch=monkeypatch,
                   env={"NARRATOR_MAX_FIGURES_MB": "1"})  # fmt: skip
    # The link is followed to the file it names, which is no figures file.
    refused(run, names=("/dev/zero", "unsupported file type"), before=before)


def test_figures_over_the_limit_are_refused(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = Snapshot.of(project)
    run = narrator("draft", "--month", MONTH, "--out", "x.md", cwd=project,
                   monkeypatch=monkeypatch, env={"NARRATOR_MAX_FIGURES_MB": "0.01"})  # fmt: skip
    refused(run, names=("figures.csv", "too large", "limit is 0.01 MB"), before=before)


@pytest.mark.parametrize("suffix", [".xlsx", ".parquet"])
def test_a_damaged_spreadsheet_or_parquet_file(
    project: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    (project / f"figures{suffix}").write_bytes(b"PK\x03\x04 damaged" + os.urandom(512))
    toml = project / "narrator.toml"
    toml.write_text(toml.read_text().replace('"figures.csv"', f'"figures{suffix}"'))
    before = Snapshot.of(project)
    run = narrator("facts", "--month", MONTH, cwd=project, monkeypatch=monkeypatch)
    refused(run, names=(f"figures{suffix}", "cannot be read"), before=before)


def test_figures_that_are_a_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "figures.csv").unlink()
    (project / "figures.csv").mkdir()
    before = Snapshot.of(project)
    run = narrator("facts", "--month", MONTH, cwd=project, monkeypatch=monkeypatch)
    refused(run, names=("figures.csv", "folder"), before=before)


@pytest.mark.parametrize("month", ["2024-3", "24-03", "2024-00", "2030-01", "1990-01", ""])
def test_a_bad_reporting_month(project: Path, monkeypatch: pytest.MonkeyPatch, month: str) -> None:
    before = Snapshot.of(project)
    run = narrator("draft", "--month", month, "--out", "x.md", cwd=project, monkeypatch=monkeypatch)
    refused(run, names=(repr(month) if month in ("2024-3", "24-03", "2024-00", "") else month,),
            before=before)  # fmt: skip


def test_phrases_lint_refuses_bad_figures(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures = project / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8") + "2099-12,burglary,North,5\n")
    before = Snapshot.of(project)
    run = narrator("phrases", "lint", "--project", ".", cwd=project, monkeypatch=monkeypatch)
    refused(run, names=("figures.csv", "2099-12"), before=before)


def test_build_refuses_bad_figures_and_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = project / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8") + "1900-01,burglary,North,5\n")
    before = Snapshot.of(project)
    run = narrator("build", "--month", MONTH, "--draft-watermark", cwd=project,
                   monkeypatch=monkeypatch)  # fmt: skip
    refused(run, names=("figures.csv", "1900-01"), before=before)
    assert not (project / "build").exists()
