"""A claim's verdict: what the figures say of it, the facts that decided it, and the figure
they give; and how close a printed figure must be to hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from narrator.check.claims.model import Claim
from narrator.check.findings import Finding, Verdict, claim_finding
from narrator.check.slips import NEAR_CHANGE, NEAR_LEVEL, is_slip, typed


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


#: Hedges that bound a figure on one side ("more than 7,000", "up to 40"): the figure may
#: be some way past the round number.
_BOUNDS = frozenset(("over", "more than", "less than", "under", "up to", "at least", "past"))


def tolerance(claim: Claim) -> float:
    """Half a unit of the last printed digit: "12.4%" holds for 12.35 to 12.45. A hedged
    figure holds for more: "about 720" for 714, "just under 7,800" for 7,755 (its round
    unit, up to a twentieth of it, or a fortieth of it if more), "more than 7,000" for
    7,400 (a tenth of it)."""
    decimals = claim.decimals if claim.decimals is not None else 0
    exact = 0.5 * 10.0**-decimals + 1e-9
    said = next((abs(v) for v in (claim.value, claim.change_pct, claim.change) if v), None)
    if claim.approx is None or said is None:
        return exact
    hedge = " ".join(claim.approx.lower().split())
    if hedge in _BOUNDS:
        return exact + 0.1 * said
    unit = 10.0**-decimals
    while decimals == 0 and said >= unit * 10 and said % (unit * 10) == 0:
        unit *= 10  # "7,800": a round hundred
    return exact + max(min(unit, 0.05 * said), 0.025 * said)


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
    near = NEAR_CHANGE if claim.role == "change" or claim.unit == "points" else NEAR_LEVEL
    if is_slip(said, right, claim.decimals, typed(claim.text), near):
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
