"""The one room where rich lives: every command writes to the terminal through here."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

__all__ = [
    "Console",
    "Progress",
    "Table",
    "Text",
    "count_progress",
    "err",
    "escape",
    "out",
    "progress_bar",
]


def _console(stderr: bool) -> Console:
    # Emoji codes are never expanded: data holding ":x:" is printed as ":x:".
    console = Console(stderr=stderr, highlight=False, soft_wrap=False, emoji=False)
    # NO_COLOR is honoured by rich itself. COLUMNS pins the width (tests, CI logs), but rich
    # reads it when the console is made, at import, and keeps it; with no width of its own
    # rich reads COLUMNS, else the terminal's size, each time it prints. So forget it here:
    # a COLUMNS set after import (a test's environment, a CliRunner's env) is honoured too.
    console.width = None  # type: ignore[assignment]
    return console


out = _console(stderr=False)
err = _console(stderr=True)


def progress_bar(console: Console, description: str) -> Progress:
    """A transient byte-count progress bar (bar, MB done of total, time left)."""
    return Progress(
        TextColumn(description),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )


def count_progress(console: Console, description: str) -> Progress:
    """A transient progress bar counting things done (bar, done/total, time so far).

    It has no refresh thread (``auto_refresh`` off): the caller refreshes it as things are
    done, and processes forked meanwhile never inherit a thread's half-held lock.
    """
    return Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        auto_refresh=False,
    )
