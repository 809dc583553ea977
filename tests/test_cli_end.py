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
