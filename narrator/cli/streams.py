"""Standard output and error when they fail: a closed pipe (``| head``) or a full disk.

The command line wraps both streams (only when narrator runs as the program). A failed write
to standard output becomes :class:`OutputError`, a :class:`~narrator.errors.NarratorError`
that no library in between (typer, rich) catches: a reader that went away (``narrator facts
| head``) ends the run quietly with exit 141, as a shell reports a process ended by SIGPIPE;
any other failure (``> /dev/full``) is one message and exit 2. A failed write to standard
error is dropped: there is nowhere left to say it.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any, TextIO

from narrator.errors import NarratorError

__all__ = ["CLOSED", "OutputError", "failed", "guard", "settle"]

#: Exit code when the reader of standard output went away (128 + SIGPIPE).
CLOSED = 141


class OutputError(NarratorError):
    """Standard output cannot be written: closed by its reader, or its disk is full."""

    def __init__(self, exc: OSError) -> None:
        closed = exc.errno in (errno.EPIPE, errno.ECONNRESET)
        super().__init__(f"cannot write to standard output: {exc.strerror or exc}")
        self.closed = closed
        self.exit_code = CLOSED if closed else 2


class _Guarded:
    """A text stream whose write errors become :class:`OutputError` (or are dropped)."""

    def __init__(self, stream: TextIO, *, drop: bool) -> None:
        self._stream = stream
        self._drop = drop

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            return self._failed(exc, len(text))

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            self._failed(exc, 0)

    def _failed(self, exc: OSError, size: int) -> int:
        _silence(self._stream)
        if self._drop:
            return size
        raise OutputError(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def failed(exc: OSError) -> OutputError:
    """The error of a failed write to standard output made outside :func:`guard`'s text
    layer (bytes written to ``sys.stdout.buffer``); what the stream still holds is dropped."""
    stream = sys.stdout
    _silence(getattr(stream, "_stream", stream))
    return OutputError(exc)


def guard() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` (the program only; see the module docstring)."""
    if not isinstance(sys.stdout, _Guarded) and sys.stdout is not None:
        sys.stdout = _Guarded(sys.stdout, drop=False)
    if not isinstance(sys.stderr, _Guarded) and sys.stderr is not None:
        sys.stderr = _Guarded(sys.stderr, drop=True)


def settle() -> None:
    """Flush standard output before the exit, so that a failure is reported, not ignored."""
    if sys.stdout is not None:
        sys.stdout.flush()


def _silence(stream: TextIO) -> None:
    """Point a failed stream at /dev/null: what it still holds is dropped at the exit
    instead of failing again in the interpreter's own flush (a traceback-like warning)."""
    try:
        target = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError):
        return
    try:
        os.dup2(null, target)
    except OSError:
        pass
    finally:
        os.close(null)
