"""Fixtures of the hostile-input suite: a small project, its draft, and the suite's summary.

The project is the one ``narrator init`` makes (three measures, three areas, five years):
small enough that a case runs in a fraction of a second, and a project nothing was tuned on.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from narrator.api import draft as make_draft
from narrator.api import save_draft
from narrator.init import LAST_MONTH, init_project
from tests.hostile.harness import LEDGER

MONTH = LAST_MONTH


@pytest.fixture(scope="session")
def project_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made once per session by ``narrator init``, with its draft of MONTH."""
    root = tmp_path_factory.mktemp("template") / "project"
    init_project(root)
    save_draft(make_draft(root, MONTH).draft, root / f"draft-{MONTH}.md")
    return root


@pytest.fixture
def project(tmp_path: Path, project_template: Path) -> Path:
    """A fresh copy of the project (with ``draft-MONTH.md`` and its sidecar) for one case."""
    target = tmp_path / "project"
    shutil.copytree(project_template, target)
    return target


#: Cases marked xfail (project-file schema faults, another engineer's work) that failed.
EXPECTED: set[str] = set()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator[None]:
    """Note the cases that failed as expected (xfail), to class them apart."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.when == "call" and hasattr(report, "wasxfail"):
        EXPECTED.add(item.nodeid)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line classing every hostile case that ran: the figures the issue asks for."""
    if not LEDGER:
        return
    mine = {k: v for k, v in LEDGER.items() if k not in EXPECTED}
    keys = ("traceback", "partial", "lost", "hang")
    counts = {key: sum(v[key] for v in mine.values()) for key in keys}
    terminalreporter.write_line(
        f"hostile cases: {len(mine)} run; tracebacks {counts['traceback']}, partial outputs "
        f"{counts['partial']}, lost data {counts['lost']}, hangs {counts['hang']}"
    )
    marked = {k: v for k, v in LEDGER.items() if k in EXPECTED}
    if marked:
        faults = sum(any(v.values()) for v in marked.values())
        terminalreporter.write_line(
            f"hostile cases marked xfail (project-file schema): {len(marked)}, "
            f"{faults} of them still a traceback or a hang"
        )
