"""What a figure that matches no fact is held to: the nearest of the facts it can quote, and
the other areas' figures it may have been copied from (see :mod:`narrator.check.slips`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from narrator.check.claims.codes import unread_code
from narrator.check.claims.model import Claim, replace
from narrator.check.findings import Verdict
from narrator.check.verdicts.matching import matched_in
from narrator.check.verdicts.model import ClaimVerdict, is_far
from narrator.check.verdicts.months import month_of
from narrator.facts import Fact, FactSet

#: The kinds of change each comparison a text names is measured by.
COMPARISON_KINDS = {
    "previous_year": ("change.rolling_year", "change.year", "change.year_to_date"),
    "previous_month": ("change.rolling_month", "change.month"),
    "financial_year": ("change.financial_year",),
    "average": ("change.average",),
}
_LEVELS = ("level", "level.rolling")
#: The kinds of fact whose figures are an area's own (an area variation lists others').
_OWN_KINDS = frozenset(_LEVELS).union(*COMPARISON_KINDS.values(), ("change.period",))


def nearest_fact(
    claim: Claim,
    own: Sequence[Fact],
    primary: Fact,
    value: float,
    quoted: Callable[[Fact], float],
) -> Fact:
    """Of the facts of the claim's month the text may quote (the month's and the rolling
    year's, of the comparison it names, or levels), the one nearest its figure: "down 1.0%
    year on year" is held to the rolling year's change when the month's is far from it.
    ``quoted`` gives a fact's figure as the claim would quote it."""
    month = month_of(claim.period)
    kinds = COMPARISON_KINDS.get(claim.comparison or "", ()) if claim.role == "change" else _LEVELS
    if month is None or primary.kind not in kinds:
        return primary
    fits = [f for f in own if f.kind in kinds and month_of(f.period) == month]
    return min(fits, key=lambda f: (abs(abs(quoted(f)) - value), f.id), default=primary)


def other_area(claim: Claim, facts: FactSet, value: float, verdict: ClaimVerdict) -> ClaimVerdict:
    """A figure too far from its area's for a slip that is another area's figure for the
    same measure and month: copied from the wrong row when the sentence names its area, so
    contradicted; ambiguous when the area is only the force's by default (the text may speak
    of the other area); else ``verdict``."""
    if not is_far(verdict) or claim.measure is None or claim.area is None:
        return verdict
    month = month_of(claim.period)
    for fact, periods in matched_in(replace(claim, area=None), facts, claim.measure, value):
        if fact.area in (None, claim.area) or fact.kind not in _OWN_KINDS:
            continue
        if month is not None and all(month_of(p) != month for p in periods):
            continue
        if claim.area_text is None:
            # The sentence names no area: the text may speak of the other area (one named
            # before, "the district"), so the reading is in doubt, not the figure.
            return ClaimVerdict(
                claim,
                Verdict.AMBIGUOUS,
                f"{claim.text} is the figure of {fact.area} ({fact.kind}, {fact.period}); "
                f"the sentence names no area, so it may be of {fact.area}",
                evidence=(fact.id,),
                readings=(fact.area or "",),
            )
        return ClaimVerdict(
            claim,
            Verdict.CONTRADICTED,
            f"{claim.text} is the figure of {fact.area} ({fact.kind}, {fact.period}), "
            f"not of {claim.area}: {verdict.expected}",
            evidence=(*verdict.evidence, fact.id),
            expected=verdict.expected,
        )
    return verdict


def unknown_code(claim: Claim, verdict: ClaimVerdict) -> ClaimVerdict:
    """A figure that disagrees with its area's, in a sentence that names no area but holds
    a code the reader does not know ("HS 130 (159), MoM -18.2%" in a division's note, where
    "HS" is a district): the figure may be of what the code names, so ambiguous."""
    if claim.area_text is not None or verdict.verdict not in (
        Verdict.CONTRADICTED,
        Verdict.AMBIGUOUS,
    ):
        return verdict
    code = unread_code(claim)
    if code is None:
        return verdict
    return ClaimVerdict(
        claim,
        Verdict.AMBIGUOUS,
        f"{verdict.message}; the sentence names {code!r}, which narrator does not know: the "
        "figure may be of it",
        evidence=verdict.evidence,
        expected=verdict.expected,
        readings=verdict.readings,
    )
