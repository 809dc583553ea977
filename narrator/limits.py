"""The limits narrator holds its inputs and its work to, each changeable by an environment variable.

A limit keeps one bad input (a 100 MB paper, ``/dev/zero`` given as figures, a template that
loops ten billion times) from running out of memory or time; going over one is a clear
:class:`~narrator.errors.NarratorError` naming the input and the variable that raises the
limit. docs/robustness.md lists them::

    NARRATOR_MAX_PAPER_MB=50 narrator check long-paper.md --month 2019-10

Values are read when a limit is asked for, not at import, so a test or a long-lived process
can change them.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from narrator.errors import NarratorError

__all__ = [
    "FIGURES_MB",
    "LIMITS",
    "LOCK_WAIT_SECONDS",
    "MONTH_GAP",
    "PAPER_MB",
    "RENDER_CHARS",
    "RENDER_SECONDS",
    "Limit",
    "LimitError",
]


class LimitError(NarratorError):
    """An input or a piece of work is larger than a limit allows."""


@dataclass(frozen=True)
class Limit:
    """One limit: the variable that sets it, its default and what it bounds."""

    variable: str
    default: float
    unit: str
    what: str
    whole: bool = True

    def value(self) -> float:
        """The limit in force: the variable's value if set, else the default."""
        raw = os.environ.get(self.variable, "").strip()
        if not raw:
            return self.default
        try:
            number = float(raw)
        except ValueError:
            number = math.nan
        if not (math.isfinite(number) and number > 0) or (self.whole and not number.is_integer()):
            kind = "a whole number" if self.whole else "a number"
            raise LimitError(
                f"environment variable {self.variable}={raw[:40]!r} is not a limit "
                f"(expected {kind} above 0, in {self.unit}; default {self.default:g})"
            )
        return number

    def bytes(self) -> int:
        """A limit in megabytes as bytes."""
        return int(self.value() * 1024 * 1024)

    def hint(self) -> str:
        """How to raise the limit, for the end of a message."""
        return f"The limit is {self.value():g} {self.unit}; set {self.variable} to change it."


PAPER_MB = Limit("NARRATOR_MAX_PAPER_MB", 10, "MB", "the size of a paper to check", whole=False)
FIGURES_MB = Limit(
    "NARRATOR_MAX_FIGURES_MB",
    512,
    "MB",
    "the size of one figures or police.uk file",
    whole=False,
)
MONTH_GAP = Limit(
    "NARRATOR_MAX_MONTH_GAP",
    36,
    "months",
    "the gap between a figures month and the rest of the figures' months",
)
RENDER_SECONDS = Limit(
    "NARRATOR_RENDER_SECONDS", 5, "seconds", "the time one template may render", whole=False
)
RENDER_CHARS = Limit(
    "NARRATOR_RENDER_CHARS", 100_000, "characters", "the text one template may render"
)
LOCK_WAIT_SECONDS = Limit(
    "NARRATOR_LOCK_WAIT",
    10,
    "seconds",
    "how long to wait for another narrator writing the same folder",
    whole=False,
)

#: Every limit, in the order docs/robustness.md lists them.
LIMITS = (PAPER_MB, FIGURES_MB, MONTH_GAP, RENDER_SECONDS, RENDER_CHARS, LOCK_WAIT_SECONDS)
