"""Directions whose sentence was not read for certain: a direction is bound to the measure,
area and period its sentence's figures are read with, so where those figures could not be
matched to the project's (a figure too far off to be a slip, a figure with no period), a
direction that disagrees with the figures is more likely misread than wrong."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from narrator.check.findings import Verdict
from narrator.check.verdicts.model import ClaimVerdict

#: The start of the message of a figure whose period the text does not name.
_NO_PERIOD = ("the text names no period", "no comparison narrator makes starts from it")


def _unsure(verdict: ClaimVerdict) -> bool:
    """Whether a figure's verdict says its reading (measure, area, period) is unsure."""
    if verdict.claim.kind != "figure":
        return False
    if verdict.verdict == Verdict.AMBIGUOUS:
        return True
    return verdict.verdict == Verdict.NOT_CHECKABLE and any(
        words in verdict.message for words in _NO_PERIOD
    )


def unsure_directions(
    verdicts: list[ClaimVerdict],
    swapped: Collection[tuple[tuple[int, int], str | None]] = (),
) -> list[ClaimVerdict]:
    """Each contradicted direction of a sentence with an unsure figure of the same measure
    (or of none) and area, made ambiguous: "the outcome rate fell from 17.8% to 15.9%, a
    drop of 1.9 points" read with no period is not a month's rise contradicted. So is one
    of a measure whose figure in the sentence was found of another (``swapped``: sentence
    span and measure read), and a change of that measure."""
    unsure = {
        (v.claim.sentence_span, v.claim.measure, v.claim.area) for v in verdicts if _unsure(v)
    }
    found_of_another = {
        (v.claim.sentence_span, v.claim.measure, v.claim.area)
        for v in verdicts
        if (v.claim.sentence_span, v.claim.measure) in swapped
    }
    unsure |= found_of_another
    if not unsure:
        return verdicts
    out = []
    for verdict in verdicts:
        claim = verdict.claim
        key = (claim.sentence_span, claim.measure, claim.area)
        if verdict.verdict == Verdict.CONTRADICTED and (
            (
                claim.kind == "direction"
                and (key in unsure or (claim.sentence_span, None, claim.area) in unsure)
            )
            # "the rate was 54.6%, down 4.0 points", the rate found of another measure
            or (claim.role == "change" and key in found_of_another)
        ):
            verdict = replace(
                verdict,
                verdict=Verdict.AMBIGUOUS,
                message=f"{verdict.message}; but the figures of its sentence were not read "
                "for certain, so the direction may be of something else",
            )
        out.append(verdict)
    return out
