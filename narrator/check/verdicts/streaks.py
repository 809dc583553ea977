"""Verdicts on runs of months: "for 29 consecutive months", "in 11 of the last 12 months",
"for the first time since April 2017", "for the second time this financial year"."""

from __future__ import annotations

from narrator.check.claims.model import Claim
from narrator.check.findings import Verdict
from narrator.check.verdicts.model import ClaimVerdict
from narrator.facts import FactSet


def streak_verdict(claim: Claim, facts: FactSet) -> ClaimVerdict:
    """A run of months, a count of months or an occurrence this financial year against the
    streak, count and benchmark facts."""
    if claim.measure is None or claim.area is None:
        return ClaimVerdict(
            claim, Verdict.NOT_CHECKABLE, "the sentence names no measure narrator knows"
        )
    if claim.occurrence is not None:
        return _occurrence_verdict(claim, facts)
    if claim.months_of is not None:
        return _months_of_verdict(claim, facts)
    rolling = str(claim.period).startswith("R12")
    fact = facts.get("streak.rolling" if rolling else "streak.month", claim.measure, claim.area)
    if fact is None:
        return ClaimVerdict(claim, Verdict.NOT_CHECKABLE, "no run of months for this measure")
    detail = fact.detail
    lengths = {detail.get("length"), detail.get("previous_length")}
    if claim.streak is not None and claim.streak not in lengths:
        expected = (
            f"{detail.get('previous_length') if detail.get('broken') else detail.get('length')}"
        )
        return ClaimVerdict(
            claim,
            Verdict.CONTRADICTED,
            f"the run of months is {expected}, not {claim.streak}",
            evidence=(fact.id,),
            expected=expected,
        )
    went = None
    if claim.streak is not None and claim.streak == detail.get("length"):
        went = fact.direction
    elif claim.streak is not None and detail.get("broken"):
        went = detail.get("previous_direction")
    if claim.direction in ("up", "down") and went in ("up", "down") and went != claim.direction:
        # "having risen for 29 consecutive months" of a run of falls
        return ClaimVerdict(
            claim,
            Verdict.CONTRADICTED,
            f"the run of {claim.streak} months went {went}, not {claim.direction}",
            evidence=(fact.id,),
            expected=str(went),
        )
    before = detail.get("previous_direction")
    broke = claim.broken is not None and detail.get("broken") and before in ("up", "down")
    if broke and before != claim.broken:
        # "the first time since April 2017 that it has not risen" after a run of falls
        return ClaimVerdict(
            claim,
            Verdict.CONTRADICTED,
            f"until this month the run went {before}, not {claim.broken}",
            evidence=(fact.id,),
            expected=str(before),
        )
    if claim.since is not None and detail.get("since") != claim.since:
        return ClaimVerdict(
            claim,
            Verdict.CONTRADICTED,
            f"the run began after {detail.get('since')}, not {claim.since}",
            evidence=(fact.id,),
            expected=str(detail.get("since")),
        )
    return ClaimVerdict(
        claim, Verdict.SUPPORTED, "the run of months agrees with the figures", (fact.id,)
    )


def _occurrence_verdict(claim: Claim, facts: FactSet) -> ClaimVerdict:
    """ "for the second time this financial year": the benchmark's count of months."""
    assert claim.measure is not None and claim.area is not None
    fact = facts.get(f"benchmark.{claim.comparison or 'year_end'}", claim.measure, claim.area)
    if fact is None:
        return ClaimVerdict(claim, Verdict.NOT_CHECKABLE, "no benchmark fact for this measure")
    times = fact.detail.get("times_this_fy")
    verdict = Verdict.SUPPORTED if times == claim.occurrence else Verdict.CONTRADICTED
    return ClaimVerdict(
        claim,
        verdict,
        f"times this financial year: the figures give {times}",
        evidence=(fact.id,),
        expected=str(times),
    )


def _months_of_verdict(claim: Claim, facts: FactSet) -> ClaimVerdict:
    """ "in 10 of the last 12 months": the count of months above the previous years."""
    assert claim.measure is not None and claim.area is not None and claim.months_of
    fact = facts.get("count.above_previous_years", claim.measure, claim.area)
    if fact is None:
        return ClaimVerdict(claim, Verdict.NOT_CHECKABLE, "no count of months for this measure")
    count = fact.value if claim.direction != "down" else fact.detail.get("below")
    verdict = Verdict.SUPPORTED if count == claim.months_of[0] else Verdict.CONTRADICTED
    return ClaimVerdict(
        claim,
        verdict,
        f"months: the figures give {count:g} of 12",
        evidence=(fact.id,),
        expected=f"{count:g}",
    )
