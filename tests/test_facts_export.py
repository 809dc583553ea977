"""Facts as machine output: the streaming writers, ``narrator facts --format``, ``--out``.

The writers must give exactly the facts of the in-memory FactSet (round trips of every
format on two projects), write as they read (a batch at a time), never go through rich,
and ``--out`` must replace its file whole or not at all.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from typer.testing import CliRunner

from narrator import console
from narrator.api import load_facts
from narrator.cli import main
from narrator.cli.app import app
from narrator.facts import Fact, FactSet
from narrator.facts import export as export_module
from narrator.facts.export import FIELDS, WRITERS, read_facts

ROOT = Path(__file__).parent
MARCHES = ROOT / "projects" / "marches"
ENV = {"COLUMNS": "120", "NO_COLOR": "1"}
FORMATS = ("json", "jsonl", "csv", "parquet")


@pytest.fixture(scope="module")
def sample_facts() -> FactSet:
    return load_facts(None, "2019-10").facts


@pytest.fixture(scope="module")
def marches_facts() -> FactSet:
    return load_facts(MARCHES, "2019-10").facts


def expected(facts: FactSet) -> list[dict[str, Any]]:
    """The facts as JSON gives them back (tuples in details become lists)."""
    return [json.loads(json.dumps(f.as_dict())) for f in facts]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("which", ["sample_facts", "marches_facts"])
def test_every_format_gives_back_the_facts_of_the_factset(
    tmp_path: Path, fmt: str, which: str, request: pytest.FixtureRequest
) -> None:
    facts: FactSet = request.getfixturevalue(which)
    path = tmp_path / f"facts.{fmt}"
    with path.open("wb") as handle:
        assert WRITERS[fmt](facts, handle) == len(facts)
    back = read_facts(path, fmt)
    assert len(back) == len(facts) > 500
    assert back == expected(facts)
    assert all(list(row) == list(FIELDS) for row in back)


def test_json_lines_hold_one_fact_each_with_the_fields_in_order(
    tmp_path: Path, marches_facts: FactSet
) -> None:
    path = tmp_path / "facts.jsonl"
    with path.open("wb") as handle:
        WRITERS["jsonl"](marches_facts, handle)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(marches_facts)
    first = json.loads(lines[0])
    assert list(first) == list(FIELDS)
    assert first["id"] == next(iter(marches_facts)).id


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_facts_is_still_a_valid_file(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"empty.{fmt}"
    with path.open("wb") as handle:
        assert WRITERS[fmt]([], handle) == 0
    assert read_facts(path, fmt) == []


class CountingSink(io.BytesIO):
    """A binary file that records how many facts had been taken when each write came."""

    def __init__(self) -> None:
        super().__init__()
        self.taken_at_write: list[int] = []
        self.taken = 0

    def write(self, data: Any) -> int:
        self.taken_at_write.append(self.taken)
        return super().write(data)


@pytest.mark.parametrize("fmt", FORMATS)
def test_writers_stream_a_batch_at_a_time(
    monkeypatch: pytest.MonkeyPatch, marches_facts: FactSet, fmt: str
) -> None:
    monkeypatch.setattr(export_module, "BATCH", 50)
    sink = CountingSink()
    facts = list(marches_facts)[:400]

    def produce() -> Iterator[Fact]:
        for fact in facts:
            sink.taken += 1
            yield fact

    assert WRITERS[fmt](produce(), sink) == 400
    # Bytes were written long before the last fact was taken: nothing holds them all.
    assert min(t for t in sink.taken_at_write if t > 0) <= 100


# --------------------------------------------------------------------------------------
# narrator facts --format ... --out
# --------------------------------------------------------------------------------------


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    return CliRunner()


def facts_args(*more: str) -> list[str]:
    return ["facts", "--month", "2019-10", "--project", str(MARCHES), *more]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_command_writes_the_factset_to_out(
    runner: CliRunner, tmp_path: Path, marches_facts: FactSet, fmt: str
) -> None:
    target = tmp_path / "out" / f"f.{fmt}"
    target.parent.mkdir()
    result = runner.invoke(app, facts_args("--format", fmt, "--out", str(target)))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"Wrote {len(marches_facts):,} facts to {target}" in result.stderr
    assert read_facts(target, fmt) == expected(marches_facts)
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temp left


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_the_command_writes_text_formats_to_standard_output(
    runner: CliRunner, tmp_path: Path, marches_facts: FactSet, fmt: str
) -> None:
    result = runner.invoke(app, facts_args("--format", fmt, "--kind", "level"))
    assert result.exit_code == 0, result.output
    path = tmp_path / f"stdout.{fmt}"
    path.write_bytes(result.stdout_bytes)
    levels = [f for f in marches_facts if f.kind == "level"]
    assert read_facts(path, fmt) == [json.loads(json.dumps(f.as_dict())) for f in levels]


def test_machine_output_never_goes_through_rich(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("machine output went through rich")

    for name in ("print", "print_json", "out", "log"):
        monkeypatch.setattr(console.out, name, refuse)
    for fmt in ("json", "jsonl", "csv"):
        result = runner.invoke(app, facts_args("--format", fmt))
        assert result.exit_code == 0, result.output
    assert json.loads(runner.invoke(app, facts_args("--format", "json")).stdout)


def test_json_to_standard_output_is_one_valid_document(runner: CliRunner) -> None:
    result = runner.invoke(app, facts_args("--format", "json", "--measure", "arrests"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data and {f["measure"] for f in data} == {"arrests"}


def failing_writer(facts: Any, handle: IO[bytes]) -> int:
    handle.write(b'{"id": "half a fact')
    raise OSError(28, "No space left on device")


def test_out_is_atomic_a_failed_write_leaves_the_old_file_and_no_temp(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "facts.jsonl"
    target.write_text("the previous facts\n", encoding="utf-8")
    monkeypatch.setitem(WRITERS, "jsonl", failing_writer)
    monkeypatch.setattr(
        sys, "argv", ["narrator", *facts_args("--format", "jsonl", "-o", "facts.jsonl")]
    )
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 2
    assert target.read_text(encoding="utf-8") == "the previous facts\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.jsonl"]


def test_out_is_atomic_when_interrupted(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(facts: Any, handle: IO[bytes]) -> int:
        handle.write(b"[")
        raise KeyboardInterrupt

    target = tmp_path / "facts.json"
    monkeypatch.setitem(WRITERS, "json", interrupted)
    result = runner.invoke(app, facts_args("--format", "json", "--out", str(target)))
    assert result.exit_code != 0
    assert list(tmp_path.iterdir()) == []


def test_out_replaces_a_file_whole(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "facts.csv"
    target.write_text("old\n" * 100_000, encoding="utf-8")
    result = runner.invoke(
        app, facts_args("--format", "csv", "--out", str(target), "--measure", "arrests")
    )
    assert result.exit_code == 0, result.output
    rows = read_facts(target, "csv")
    assert rows and {r["measure"] for r in rows} == {"arrests"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "parquet"), "Parquet is binary: pass --out FILE"),
        (("--out", "f.txt"), "--out writes machine output"),
    ],
)
def test_bad_combinations_exit_2_with_one_line(
    runner: CliRunner, args: tuple[str, ...], message: str
) -> None:
    result = runner.invoke(app, facts_args(*args))
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_the_table_shows_a_page_of_the_most_salient_and_says_what_it_left_out(
    runner: CliRunner, marches_facts: FactSet
) -> None:
    wide = {**ENV, "COLUMNS": "300"}  # no folded cells: one line per fact
    result = runner.invoke(app, facts_args("--limit", "5"), env=wide)
    assert result.exit_code == 0, result.output
    total = len(marches_facts)
    assert f"the 5 most salient of {total:,}" in result.stdout
    assert f"{total - 5:,} more facts not shown" in result.stdout
    rows = [line.split("│")[1:4] for line in result.stdout.splitlines() if line.startswith("│")]
    shown = [tuple(cell.strip() for cell in row) for row in rows]
    top = sorted(marches_facts, key=lambda f: (-f.salience, f.id))[:5]
    assert shown == [(f.kind, f.measure, f.area) for f in top]


def test_the_table_with_limit_0_shows_everything(runner: CliRunner) -> None:
    result = runner.invoke(
        app, facts_args("--limit", "0", "--measure", "arrests", "--kind", "level")
    )
    assert result.exit_code == 0, result.output
    assert "Facts for 2019-10 (11)" in result.stdout  # 11 areas
    assert "not shown" not in result.stdout


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "narrator", *facts_args("--format", "jsonl")]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as `| head -1` does
        stderr = process.stderr.read().decode()
        code = process.wait(timeout=120)
    assert json.loads(first)["kind"]
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
    assert code in (0, 1)  # the signal may end the process before Python sees the error


class ClosedPipe:
    """Standard output whose reader has gone: every write raises BrokenPipeError."""

    def __init__(self, spare: Path) -> None:
        self.handle = spare.open("wb")
        self.buffer = self

    def write(self, data: bytes) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        return self.handle.fileno()


def test_a_broken_pipe_exits_141_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from narrator.cli.facts import _write
    from narrator.cli.streams import CLOSED, OutputError

    closed = ClosedPipe(tmp_path / "stdout")
    monkeypatch.setattr(sys, "stdout", closed)
    try:
        with pytest.raises(OutputError) as caught:
            _write("jsonl", iter(load_facts(MARCHES, "2019-10").facts), None)
    finally:
        closed.handle.close()
    assert caught.value.closed and caught.value.exit_code == CLOSED


def test_parquet_to_standard_output_with_out_dash(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, facts_args("--format", "parquet", "--out", "-", "--kind", "level"))
    assert result.exit_code == 0, result.output
    path = tmp_path / "stdout.parquet"
    path.write_bytes(result.stdout_bytes)
    assert {f["kind"] for f in read_facts(path, "parquet")} == {"level"}
    assert not (tmp_path / "-").exists()
