"""The command line's end: an interrupt that lands as the command finishes, before the
handlers are set aside, changes nothing but is ignored (the race a hostile test sweeps for
with real signals, here made certain)."""

from __future__ import annotations

import pytest

from narrator import _signals
from narrator.cli import _end_quietly


def test_an_interrupt_as_the_command_ends_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def finished() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise _signals.Interrupted(2)  # the signal arrives as this starts

    monkeypatch.setattr(_signals, "finished", finished)
    _end_quietly()  # no exception escapes
    assert len(calls) == 2  # and the handlers are still set aside


def test_an_interrupt_inside_a_weakref_callback_reaches_the_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real SIGINT landing in a weak-reference callback (as when the import machinery
    frees a module lock while a draft ends) is not printed as an "Exception ignored"
    traceback and lost: it is raised again in the code that runs next."""
    import gc
    import os
    import signal
    import sys
    import time
    import weakref

    class Thing:
        pass

    def callback(_ref: object) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):  # the handler runs at one of these bytecodes, in here
            pass

    saved = {number: signal.getsignal(number) for number in _signals.EXIT_CODES}
    monkeypatch.setattr(_signals, "_parent", os.getpid())
    monkeypatch.setattr(_signals, "_hook", None)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    try:
        _signals.running()
        thing = Thing()
        ref = weakref.ref(thing, callback)
        with pytest.raises(_signals.Interrupted) as raised:
            del thing
            gc.collect()
            time.sleep(2)  # the interrupt, raised again, cuts this short
        assert raised.value.exit_code == 130
        assert ref() is None
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
    assert "Traceback" not in capsys.readouterr().err


def test_other_unraisable_exceptions_reach_the_hook_they_had(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only interrupts are delivered again; any other goes to the hook there was before."""
    import os
    import signal
    import sys

    seen: list[BaseException | None] = []
    saved = {number: signal.getsignal(number) for number in _signals.EXIT_CODES}
    monkeypatch.setattr(_signals, "_parent", os.getpid())
    monkeypatch.setattr(_signals, "_hook", None)
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(u.exc_value))
    try:
        _signals.running()

        class Broken:
            def __del__(self) -> None:
                raise ValueError("in __del__")

        Broken()
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
    assert [type(exc) for exc in seen] == [ValueError]
