"""The exceptions narrator raises: one small tree; each says what, where and what was expected.

The command line maps every :class:`NarratorError` to one message and exit code 2; nothing
else in the core prints or exits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what was expected there."""

    where: str
    message: str
    expected: str | None = None

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        if self.expected:
            text += f" (expected {self.expected})"
        return text


class NarratorError(Exception):
    """Base of every error narrator reports to a user; exit code 2 at the command line."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n{self.hint}"


class ProjectError(NarratorError):
    """The project folder or one of its TOML files is missing or malformed."""


class FiguresError(NarratorError):
    """The figures break the data contract; carries every problem found, not just the first."""

    #: Printing more than this many problems buries the message; the rest are counted.
    shown = 20

    def __init__(self, problems: Sequence[Problem], *, hint: str | None = None) -> None:
        self.problems = list(problems)
        lines = [str(p) for p in self.problems[: self.shown]]
        if len(self.problems) > self.shown:
            lines.append(f"... and {len(self.problems) - self.shown} more problems")
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"The figures have {count} {noun}:\n  " + "\n  ".join(lines), hint=hint)


class MonthError(NarratorError):
    """A month is malformed or outside the figures."""


class TemplateError(NarratorError):
    """A phrasebank template failed to load or render; names the template and the line."""


class LexiconError(TemplateError):
    """The phrasebank's lexicon is missing or malformed, or lacks a word a template asks for."""


class OutlineError(NarratorError):
    """The report outline names something the project does not have."""


class DocumentError(NarratorError):
    """A paper or draft given to a command cannot be read."""


class IngestError(NarratorError):
    """A source file given to an ingest cannot be read as what it claims to be.

    The message names the file, the row where one is at fault, and what was expected there.
    """


class ReviewError(NarratorError):
    """A draft cannot be reviewed, or a review action is refused.

    No draft, no sidecar, a corrupt review state file; or accepting a contradicted paragraph
    without an override. The state file is never overwritten after such an error.
    """
