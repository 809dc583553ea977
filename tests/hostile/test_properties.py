"""Generated figures: whatever a CSV file holds, ``facts`` and ``draft`` end in one of two ways.

Either the figures are good (exit 0), or the run is one message naming ``figures.csv``
(exit 2): never a traceback, never a hang, never a changed file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.conftest import MONTH
from tests.hostile.harness import Snapshot, clean, narrator, refused

#: Cells a hostile or careless spreadsheet puts in the figures.
CELLS = st.one_of(
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(["", " ", "NaN", "inf", "-1", "1e308", "0x10", "1,204", "3\u00a0945",
                     "1900-01", "2099-12", "0001-01", "2024-13", "[bold]", ":x:", '"', "\x00"]),
    st.integers(min_value=-10**20, max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)  # fmt: skip

EDITS = st.lists(
    st.tuples(
        st.sampled_from(["cell", "row", "drop", "duplicate", "column", "bytes"]),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=3),
        CELLS,
    ),
    min_size=1,
    max_size=4,
)


def _apply(text: str, edits: list[tuple[str, int, int, str]]) -> bytes:
    lines = text.rstrip("\n").split("\n")
    extra = b""
    for kind, row, column, value in edits:
        at = 1 + row % (len(lines) - 1) if len(lines) > 1 else 0
        cells = lines[at].split(",")
        if kind == "cell":
            cells[column % len(cells)] = value.replace(",", ";").replace("\n", " ")
            lines[at] = ",".join(cells)
        elif kind == "row":
            lines.insert(at, ",".join([value] * (1 + column)))
        elif kind == "drop":
            del lines[at]
        elif kind == "duplicate":
            lines.append(lines[at])
        elif kind == "column":
            lines[at] += "," + value.replace(",", ";")
        else:
            extra = value.encode("utf-8", "surrogatepass")
    return "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n" + extra


@pytest.fixture(scope="module")
def scratch(project_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the project for every example (each restores its figures)."""
    root = tmp_path_factory.mktemp("generated")
    shutil.copytree(project_template, root / "project")
    return root / "project"


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=EDITS, command=st.sampled_from(["facts", "draft"]))
def test_generated_figures_end_cleanly(
    scratch: Path,
    monkeypatch: pytest.MonkeyPatch,
    edits: list[tuple[str, int, int, str]],
    command: str,
) -> None:
    figures = scratch / "figures.csv"
    original = figures.read_bytes()
    figures.write_bytes(_apply(original.decode("utf-8"), edits))
    try:
        before = Snapshot.of(scratch)
        args = ("--out", "-") if command == "draft" else ("--format", "json")
        run = narrator(command, "--month", MONTH, *args, cwd=scratch, monkeypatch=monkeypatch,
                       seconds=30)  # fmt: skip
        if run.code == 0:
            clean(run, root=scratch)
        else:
            refused(run, names=("figures",), before=before)
            assert len(run.err) < 20_000
    finally:
        figures.write_bytes(original)
