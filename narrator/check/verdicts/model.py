"""A claim's verdict: what the figures say of it, the facts that decided it, and the figure
they give; and how close a printed figure must be to hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from narrator.check.claims.model import Claim
from narrator.check.findings import Finding, Verdict, claim_finding
from narrator.check.slips import is_slip, typed


@dataclass(frozen=True)
class ClaimVerdict:
    """A claim's verdict, with the facts that decided it and the figure the data gives."""

    claim: Claim
    verdict: Verdict
    message: str
    evidence: tuple[str, ...] = ()
    expected: str | None = None
    readings: tuple[str, ...] = field(default=())

    @property
    def span(self) -> tuple[int, int]:
        """Where the claim is in the document text."""
        return self.claim.span

    def finding(self) -> Finding:
        """The verdict as a finding on the claim's span."""
        return claim_finding(self.verdict, self.message, self.span)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "verdict": str(self.verdict),
            "message": self.message,
            "span": list(self.span),
            "text": self.claim.text,
            "sentence": self.claim.sentence,
            "section": self.claim.section,
            "evidence": list(self.evidence),
            "expected": self.expected,
            "readings": list(self.readings),
            "claim": self.claim.as_dict(),
        }


def tolerance(claim: Claim) -> float:
    """Half a unit of the last printed digit: "12.4%" holds for 12.35 to 12.45."""
    decimals = claim.decimals if claim.decimals is not None else 0
    return 0.5 * 10.0**-decimals + 1e-9


#: What a verdict says of a figure too far from the facts' for a slip.
FAR = "too far off for a slip"


def is_far(verdict: ClaimVerdict) -> bool:
    """Whether a verdict found its figure too far from the facts' for a slip."""
    return verdict.verdict == Verdict.AMBIGUOUS and FAR in verdict.message


def unless_far(
    claim: Claim,
    said: float,
    right: float,
    message: str,
    evidence: tuple[str, ...],
    expected: str,
) -> ClaimVerdict:
    """A figure that disagrees with the figures: contradicted when a slip explains it,
    else ambiguous, for so far a figure is more often one the reader bound to the wrong
    measure, period or part of a measure (see :mod:`narrator.check.slips`)."""
    if is_slip(said, right, claim.decimals, typed=typed(claim.text)):
        return ClaimVerdict(
            claim, Verdict.CONTRADICTED, message, evidence=evidence, expected=expected
        )
    return ClaimVerdict(
        claim,
        Verdict.AMBIGUOUS,
        f"{message}, {FAR}: it may be a figure of something else "
        "(a part of the measure, another period, an average narrator does not compute)",
        evidence=evidence,
        expected=expected,
        readings=evidence,
    )
