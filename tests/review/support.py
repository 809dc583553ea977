"""Helpers of the review tests: a fake checker, the screen as text, a pilot session."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from rich.console import Console
from textual.app import App

from narrator.check import Finding, Verdict, claim_finding

#: The figure the fake checker calls wrong wherever it appears.
WRONG = "9.7%"


def fake_checker(number: str, text: str) -> list[Finding]:
    """Contradicts every "9.7%" in a paragraph's text and supports every "October"."""
    found = []
    start = text.find(WRONG)
    while start >= 0:
        span = (start, start + len(WRONG))
        found.append(claim_finding(Verdict.CONTRADICTED, "the rate is 9.9%", span))
        start = text.find(WRONG, start + 1)
    at = text.find("October")
    if at >= 0:
        found.append(claim_finding(Verdict.SUPPORTED, "the month is right", (at, at + 7)))
    return found


def screen_text(app: App[None]) -> str:
    """The screen as plain text, exactly as a monochrome 80x24 terminal shows it."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        record=True,
        force_terminal=True,
        color_system=None,
        legacy_windows=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def write_editor(folder: Path, replacement: str) -> str:
    """An $EDITOR command that replaces the file it is given with ``replacement``."""
    script = folder / "fake_editor.py"
    script.write_text(
        f"import sys\nopen(sys.argv[1], 'w', encoding='utf-8').write({replacement!r})\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"
