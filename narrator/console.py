"""The one room where rich lives: every command writes to the terminal through here."""

from __future__ import annotations

import os

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

__all__ = ["Console", "Table", "Text", "err", "escape", "out"]


def _console(stderr: bool) -> Console:
    # NO_COLOR is honoured by rich itself; COLUMNS pins the width for tests and CI logs.
    width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else None
    return Console(stderr=stderr, width=width, highlight=False, soft_wrap=False)


out = _console(stderr=False)
err = _console(stderr=True)
