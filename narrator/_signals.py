"""Ctrl-C and termination of the ``narrator`` program: one line, exit 130 (143), no traceback.

Installed by ``narrator/__init__.py`` before its heavy imports, and only when narrator runs
as the program (``narrator ...`` or ``python -m narrator``), never in a process that merely
imports it. Two phases:

- **Start-up** (importing pandas, spaCy...): nothing has been written yet, so an interrupt
  prints one line and ends the process at once; a ``KeyboardInterrupt`` in the middle of an
  import would otherwise end in a traceback from the import machinery.
- **Running** (:func:`running`): an interrupt raises :class:`Interrupted`, a
  ``BaseException`` that ``except Exception`` does not swallow and typer does not turn into
  a silent exit, so every ``finally`` runs (temporary files are removed, locks released)
  before the command line prints one line and exits. An interrupt that lands inside a
  weak-reference callback or a ``__del__`` (the import machinery frees its module locks
  that way) would be printed as an "Exception ignored" traceback and lost: the running
  phase's unraisable hook delivers it again once that callback has returned.

A forked helper process (the checker reads long papers in several) ends quietly on an
interrupt: its parent reports it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sys import UnraisableHookArgs

__all__ = ["Interrupted", "finished", "install", "is_program", "running"]

#: Exit codes: 128 + the signal's number, as a shell reports a process a signal ended.
EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}

_parent: int | None = None
#: The unraisable hook :func:`running` wraps, kept for every other unraisable exception.
_hook: Callable[[UnraisableHookArgs], object] | None = None
#: An interrupt swallowed where it landed, waiting to be raised again (:func:`_unraisable`).
_pending: int | None = None


class Interrupted(BaseException):
    """Ctrl-C or a termination request reached a running command."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """130 for Ctrl-C, 143 for a termination request."""
        return EXIT_CODES.get(signal.Signals(self.signum), 128 + self.signum)


def is_program() -> bool:
    """True while the ``narrator`` program (or ``python -m narrator``) is starting up."""
    name = os.path.basename(sys.argv[0]) if sys.argv else ""
    # The console script (narrator, narrator.exe on Windows); during `python -m narrator`
    # the package is imported while argv[0] is still "-m".
    return name in ("narrator", "narrator.exe", "narrator-script.py", "-m")


def install() -> None:
    """Start-up phase: an interrupt prints one line and exits at once."""
    global _parent
    _parent = os.getpid()
    for signum in EXIT_CODES:
        signal.signal(signum, _exit_now)


def running() -> None:
    """Running phase: an interrupt raises :class:`Interrupted` where the command is."""
    global _hook
    if _parent is None:
        return
    for signum in EXIT_CODES:
        signal.signal(signum, _raise)
    if _hook is None:
        _hook = sys.unraisablehook
        sys.unraisablehook = _unraisable


def finished() -> None:
    """Ending phase: the command has done (or given up) its work, so an interrupt now would
    change nothing but the exit code, and is ignored. The interpreter resets the handlers it
    installed while it shuts down, and a signal then (delivered to any thread: a blocked
    mask would cover only this one) would end the process with the signal's own status
    (-2) instead of the command's; an ignored signal stays ignored."""
    if _parent is None or os.getpid() != _parent:
        return
    for signum in EXIT_CODES:
        signal.signal(signum, signal.SIG_IGN)


def _exit_now(signum: int, frame: FrameType | None) -> None:
    if os.getpid() == _parent:
        _say("interrupted" if signum == signal.SIGINT else "terminated")
    os._exit(EXIT_CODES.get(signal.Signals(signum), 128 + signum))


def _raise(signum: int, frame: FrameType | None) -> None:
    if os.getpid() != _parent:
        os._exit(EXIT_CODES.get(signal.Signals(signum), 128 + signum))
    # A second Ctrl-C while the first unwinds ends the process at once, as at start-up
    # (whatever the cleanup did not remove, the next run does: see narrator.fileio).
    for number in EXIT_CODES:
        signal.signal(number, _exit_now)
    raise Interrupted(signum)


def _unraisable(unraisable: UnraisableHookArgs) -> None:
    """Deliver again an interrupt that Python could not raise where it landed.

    Python swallows an exception raised in a weak-reference callback, a ``__del__`` or a
    garbage collector callback, so :class:`Interrupted` raised there would not stop the
    command. The handlers go back to raising (:func:`_raise` had set them to end the
    process at once) and the interrupt is raised again a millisecond later, in the
    command's own code: sending the signal again at once would raise it in this hook, where
    it would be swallowed too. After :func:`finished` it is ignored, as it should be.
    """
    global _pending
    exc = unraisable.exc_value
    if not isinstance(exc, Interrupted) or os.getpid() != _parent:
        (_hook or sys.__unraisablehook__)(unraisable)
        return
    for number in EXIT_CODES:
        if signal.getsignal(number) is _exit_now:
            signal.signal(number, _raise)
    _pending = exc.signum
    if hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, _deliver)
        signal.setitimer(signal.ITIMER_REAL, 0.001)
    else:  # Windows has no interval timer: a thread sends the signal once this returns.
        import threading  # only here: the program's start-up imports this module

        threading.Timer(0.001, signal.raise_signal, (exc.signum,)).start()


def _deliver(signum: int, frame: FrameType | None) -> None:
    """The timer set by :func:`_unraisable` went off: raise the interrupt it kept."""
    global _pending
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    kept, _pending = _pending, None
    if kept is not None and signal.getsignal(kept) is _raise:
        _raise(kept, frame)


def _say(word: str) -> None:
    with contextlib.suppress(OSError):
        os.write(2, f"narrator: {word}\n".encode())
