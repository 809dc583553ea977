"""The command line: a thin typer layer over the importable core.

Each command module parses its options, calls one core function and renders the result;
:func:`main` maps every :class:`~narrator.errors.NarratorError` to one message and exit 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

from narrator import _signals
from narrator._gc import freeze_imports, imports_uncollected

# typer, rich and the commands' modules: imported without the cyclic collector (narrator._gc).
with imports_uncollected():
    from narrator.cli import streams
    from narrator.cli.app import app
    from narrator.console import err, escape
    from narrator.errors import NarratorError

    # Importing the command modules registers their commands on the app.
    from narrator.cli import facts as _facts  # noqa: F401  isort: skip
    from narrator.cli import ingest as _ingest  # noqa: F401  isort: skip
    from narrator.cli import draft as _draft  # noqa: F401  isort: skip
    from narrator.cli import phrases as _phrases  # noqa: F401  isort: skip
    from narrator.cli import build as _build  # noqa: F401  isort: skip
    from narrator.cli import init as _init  # noqa: F401  isort: skip
    from narrator.cli import review as _review  # noqa: F401  isort: skip
    from narrator.cli import check as _check  # noqa: F401  isort: skip


def main() -> None:
    """Entry point of the ``narrator`` console script."""
    if _runs_as_the_program():
        freeze_imports()
        _signals.running()
        streams.guard()
    try:
        try:
            try:
                # Standalone mode: typer reports usage errors itself (exit 2).
                app(prog_name="narrator")
            finally:
                streams.settle()
        except streams.OutputError as exc:
            if not exc.closed:
                report(exc)
            sys.exit(exc.exit_code)
        except NarratorError as exc:
            report(exc)
            sys.exit(exc.exit_code)
        except _signals.Interrupted as exc:
            # Every finally on the way out has run: temporary files are gone, locks released.
            word = "terminated" if exc.exit_code == 143 else "interrupted"
            err.print(f"narrator: {word}", markup=False, highlight=False)
            sys.exit(exc.exit_code)
    finally:
        _end_quietly()


def _end_quietly() -> None:
    """Set interrupts aside as the command ends. One that lands while this starts (before
    the handlers are set aside) raises in here; the work is done, so it is ignored like one
    a moment later, and the command's own exit code stands."""
    try:
        _signals.finished()
    except _signals.Interrupted:
        _signals.finished()


def _runs_as_the_program() -> bool:
    """True when :func:`main` is the program: ``narrator ...`` or ``python -m narrator ...``.

    Not when a test or another program calls it in its own process: freezing that process's
    objects (see :func:`narrator._gc.freeze_imports`) is no business of a function call.
    """
    entry = sys.modules.get("__main__")
    spec = getattr(entry, "__spec__", None)
    if spec is not None:
        return bool(spec.name == "narrator.__main__")
    return Path(getattr(entry, "__file__", None) or "").stem == "narrator"


def report(exc: NarratorError) -> None:
    """Print one error the way every command does: the message, then the hint."""
    # Messages quote file contents ("[measures.x]", ":x:"): never rich markup or emoji codes.
    err.print(
        f"[bold red]error:[/] {escape(_cut(exc.message))}",
        markup=True,
        highlight=False,
        emoji=False,
    )
    if exc.hint:
        err.print(_cut(exc.hint), markup=False, highlight=False)


#: The longest line of a message: a value quoted whole (a 50 MB cell) is cut here.
LONGEST_LINE = 1000


def _cut(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(
        line
        if len(line) <= LONGEST_LINE
        else f"{line[:LONGEST_LINE]}... ({len(line):,} characters)"
        for line in lines
    )


__all__ = ["app", "main"]
