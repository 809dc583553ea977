"""What the checker finds, in the one shape ``check``, ``review`` and ``build`` all read.

A :class:`Finding` is either a claim's verdict against the figures ("6.3%" is supported,
"12.6%" contradicted) or a fault of the text against itself (a figure quoted twice with two
values, a reference to a section that is not there). Its ``span`` is where it is in the
text checked; ``verdict`` says what it means for the figures; ``severity`` how much it
matters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    """What the figures say of a claim: the checker's four verdicts."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    AMBIGUOUS = "ambiguous"
    NOT_CHECKABLE = "not checkable"


class Severity(StrEnum):
    """How much a finding matters: an error is untrue or a fault to fix, a warning is worth
    a look, info needs nothing."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


#: The kind of a finding that is a claim's verdict (the others name a fault of the text).
CLAIM = "claim"


@dataclass(frozen=True)
class Finding:
    """One thing the checker found: what, where (a span of the text checked), why, and a fix.

    ``verdict`` is the claim's verdict for a claim; for a fault of the text it is
    ``contradicted`` when the text contradicts itself (a figure quoted twice with two
    values, arithmetic that does not add up, opposite directions of one thing) and None
    when the fault says nothing false about the figures (a wrong cross-reference).
    """

    kind: str
    severity: Severity
    message: str
    span: tuple[int, int]
    verdict: Verdict | None = None
    evidence: str = ""
    suggestion: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> int:
        """Where the finding starts in the text checked."""
        return self.span[0]

    @property
    def end(self) -> int:
        """Where the finding ends in the text checked."""
        return self.span[1]

    @property
    def contradicts(self) -> bool:
        """True when the text says something the figures, or the text itself, deny."""
        return self.verdict is Verdict.CONTRADICTED

    def moved(self, offset: int) -> Finding:
        """The same finding with its span moved by ``offset`` characters."""
        return replace(self, span=(self.span[0] + offset, self.span[1] + offset))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "kind": self.kind,
            "severity": str(self.severity),
            "message": self.message,
            "span": list(self.span),
            "evidence": self.evidence,
            "suggestion": self.suggestion,
            "data": dict(self.data),
        }


def claim_finding(verdict: Verdict, message: str, span: tuple[int, int]) -> Finding:
    """A claim's verdict as a finding: a contradiction is an error, an ambiguity a warning,
    the rest information."""
    severity = (
        Severity.ERROR
        if verdict is Verdict.CONTRADICTED
        else Severity.WARNING
        if verdict is Verdict.AMBIGUOUS
        else Severity.INFO
    )
    return Finding(CLAIM, severity, message, span, verdict)
