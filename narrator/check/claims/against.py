"""A figure and the one it is compared with: which earlier figure of its sentence a
reference is set against ("119 assaults, a fall of 11% ... above the 116 of August 2017": 116
against 119), which figures are listed as compared with, and what the pair differ in."""

from __future__ import annotations

import re

from narrator.check.claims.grammar import relative_period
from narrator.check.claims.model import Claim, replace
from narrator.check.claims.pairing import ClauseOf
from narrator.check.claims.pieces import Item
from narrator.check.text.dates import MONTH_RE


def same_mention(claim: Claim, figure: Claim) -> bool:
    """Whether a figure compared with took its area from the words the figure it is compared
    with looked past ("Cambridgeshire Constabulary recorded 272 ... in the city, up from 241
    in July": 241 is the city's, as 272 is)."""
    if claim.area == figure.area or claim.area_text is None or figure.area_text is None:
        return False
    named = claim.sentence.find(claim.area_text)
    return 0 <= named < figure.span[0] - figure.sentence_span[0]


def level_against(claims: list[Claim], previous: Claim, claim: Claim, clause_of: ClauseOf) -> Claim:
    """The figure a level is compared with: the one before it, unless that is a change in
    another unit in an earlier clause ("119 assaults, a fall of 11% on the previous month
    but still above the 116 of August 2017": 116 is set against 119, not against 11%)."""
    if (
        previous.role != "change"
        or claim.role == "change"
        or previous.unit == claim.unit
        or clause_of(previous.span[0]) == clause_of(claim.span[0])
    ):
        return previous
    levels = [c for c in claims if c.role is None and c.unit == claim.unit]
    return levels[-1] if levels else previous


def listed_reference(claims: list[Claim], text: str, q: Item) -> bool:
    """ "against 33 in January and 34 a year earlier": a figure listed after one compared
    with is compared with too."""
    last = claims[-1] if claims else None
    return (
        last is not None
        and last.role == "reference"
        and _LISTED_AFTER_REFERENCE.fullmatch(text, last.span[1], q.start) is not None
    )


#: Between a figure compared with and the next one listed with it: "in January and ", "the
#: month before and ".
_LISTED_AFTER_REFERENCE = re.compile(
    r"(?:\s+(?:in\s+[A-Za-z]+(?:\s+\d{4})?|the\s+(?:month|year)\s+before|last\s+(?:month|year)"
    r"|the\s+previous\s+(?:month|year)|a\s+(?:month|year)\s+(?:earlier|ago|before)))?"
    r"\s*(?:,|and|,\s*and)\s+"
)


def with_reference(figure: Claim, reference: Claim, value: float, continuing: bool) -> Claim:
    """A figure with the figure it is compared with, and what the two differ in; the
    comparison of a figure whose direction continues stays that of its direction."""
    differs = (
        "measure"
        if reference.measure != figure.measure
        else "area"
        if reference.area != figure.area
        else "period"
    )
    return replace(
        figure,
        reference=value,
        reference_period=reference.period,
        reference_span=reference.span,
        reference_measure=reference.measure if differs == "measure" else None,
        reference_area=reference.area if differs == "area" else None,
        comparison=_compared_period(figure, reference, differs)
        or figure.comparison
        or (None if continuing else differs),
    )


#: Words of a comparison that name a period: "on June", "on last month", "on 2018".
_A_PERIOD = re.compile(rf"\d|\b(?:month|year|week|quarter)\b|\b(?:{MONTH_RE})\b", re.IGNORECASE)


def named_otherwise(figure: Claim, reference: Claim) -> bool:
    """ "ASB was unchanged on June, at 47, less than half the 102 of July 2019": a figure
    whose direction names its own comparison before it keeps it; a figure of another period
    after it is set beside it, not against it."""
    if figure.comparison_text is None or reference.period_text is None:
        return False
    if not _A_PERIOD.search(figure.comparison_text):
        return False  # "the long term trend ... continues to fall, to 41.3%": no period
    before = figure.sentence[: figure.span[0] - figure.sentence_span[0]]
    if figure.comparison_text not in before:
        return False  # "falling to 125 ... and 25 fewer than in October 2018": named after
    return reference.period_text != figure.comparison_text


def _compared_period(figure: Claim, reference: Claim, differs: str) -> str | None:
    """ "2.9% up on the 188 recorded in May 2018": the comparison the reference's own
    period says, over any the sentence carried from an earlier clause."""
    if differs != "period" or reference.period_text is None or reference.period is None:
        return None
    return relative_period(figure.period, reference.period)
