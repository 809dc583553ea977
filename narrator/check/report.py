"""The checker's report on one paper: its claims, their verdicts, and its faults."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from narrator.check.claims.model import Claim
from narrator.check.findings import Finding, Verdict
from narrator.check.number import Number
from narrator.check.text.document import Document
from narrator.check.verdicts.model import ClaimVerdict


@dataclass(frozen=True)
class CheckReport:
    """Everything the checker found in one paper."""

    document: Document
    month: str
    claims: list[Claim]
    verdicts: list[ClaimVerdict]
    findings: list[Finding]
    #: Every number of the text as read (see :mod:`narrator.check.numbers`).
    numbers: list[Number] = field(default_factory=list)

    @property
    def contradictions(self) -> list[ClaimVerdict]:
        """The claims the figures contradict."""
        return [v for v in self.verdicts if v.verdict is Verdict.CONTRADICTED]

    @property
    def ok(self) -> bool:
        """True when nothing is contradicted and the text has no internal fault."""
        return not self.contradictions and not self.findings

    def counts(self) -> dict[str, int]:
        """How many claims got each verdict, and how many internal findings there are."""
        out: dict[str, int] = {}
        for verdict in self.verdicts:
            out[verdict.verdict] = out.get(verdict.verdict, 0) + 1
        out["internal findings"] = len(self.findings)
        return {str(k): v for k, v in out.items()}

    def all_findings(self) -> list[Finding]:
        """Every claim's verdict and every fault of the text as findings, in text order
        (what the review marks and the build blocks on)."""
        found = [v.finding() for v in self.verdicts] + list(self.findings)
        return sorted(found, key=lambda f: f.span)

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON for the build."""
        return {
            "month": self.month,
            "ok": self.ok,
            "counts": self.counts(),
            "verdicts": [v.as_dict() for v in self.verdicts],
            "findings": [f.as_dict() for f in self.findings],
            "numbers": [n.as_dict() for n in self.numbers],
        }
