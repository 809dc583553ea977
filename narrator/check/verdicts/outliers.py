"""Verdicts on outliers: an area said to stand out among its peers."""

from __future__ import annotations

from narrator.check.claims.model import Claim
from narrator.check.findings import Verdict
from narrator.check.verdicts.directions import direction_facts
from narrator.check.verdicts.model import ClaimVerdict
from narrator.check.verdicts.months import month_of
from narrator.facts import FactSet


def outlier_verdict(
    claim: Claim,
    facts: FactSet,
    against: set[str] | None = None,
    moves: set[str] | None = None,
) -> ClaimVerdict:
    """An area said to stand out: flagged as an outlier among its peers, on the comparison
    and in the direction the sentence says, or with a real change of its own."""
    if claim.measure is None or claim.area is None:
        return ClaimVerdict(claim, Verdict.NOT_CHECKABLE, "the sentence names no measure or area")
    flagged = [
        f
        for f in facts.select(kind="area.outlier", measure=claim.measure, area=claim.area)
        if f.significant
    ]
    if flagged and moves and len(moves) == 1:
        # "a clear outlier, with volumes up on last month": its own change went that way.
        (said,) = moves
        wrong = [f for f in flagged if f.value is not None and (f.value > 0) != (said == "up")]
        if len(wrong) == len(flagged):
            went = "up" if said == "down" else "down"
            return ClaimVerdict(
                claim,
                Verdict.CONTRADICTED,
                f"{claim.area} stands out with volumes {went}, not {said}",
                tuple(f.id for f in flagged),
                expected=went,
            )
    if flagged and against:
        # "a clear outlier, with volumes up on September 2018": it must stand out on the
        # change against each month the sentence names.
        stands = {month_of(f.reference_period) for f in flagged}
        missing = sorted(against - stands)
        if missing:
            return ClaimVerdict(
                claim,
                Verdict.CONTRADICTED,
                f"{claim.area} stands out on its change against "
                f"{', '.join(sorted(m for m in stands if m))}, not against {', '.join(missing)}",
                tuple(f.id for f in flagged),
                expected=", ".join(sorted(m for m in stands if m)),
            )
    if flagged:
        return ClaimVerdict(
            claim,
            Verdict.SUPPORTED,
            f"{claim.area} stands out among its peers",
            tuple(f.id for f in flagged),
        )
    # "offence levels in Peterborough stand out as being high": said of an area whose own
    # change is a real one (significant, in the direction said if any), it holds too.
    changes = direction_facts(claim, facts) if claim.comparison else []
    if not changes:
        # Nothing says against what: the month's change, or the one against a year ago.
        changes = [
            max(found, key=lambda f: f.reference_period or "")  # a year ago, not two
            for kind in ("change.month", "change.year")
            if (found := facts.select(kind=kind, measure=claim.measure, area=claim.area))
        ]
    real = [
        f
        for f in changes
        if f.significant
        and (claim.direction not in ("up", "down") or f.direction == claim.direction)
    ]
    if real:
        return ClaimVerdict(
            claim,
            Verdict.SUPPORTED,
            f"{claim.area} stands out: {real[0].kind} is a significant {real[0].direction}",
            tuple(f.id for f in real),
        )
    return ClaimVerdict(
        claim,
        Verdict.CONTRADICTED,
        f"{claim.area} is not an outlier among its peers on this measure",
        expected="no outlier",
    )
