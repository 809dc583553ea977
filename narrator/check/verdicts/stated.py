"""Figures of the period a claim names, read from the project's figures, and support from
another measure its context allows ("the outcome rate" after a paragraph on domestic
abuse)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from narrator.check.claims.model import Claim
from narrator.check.findings import Verdict
from narrator.check.verdicts.levels import Levels
from narrator.check.verdicts.matching import matched_in
from narrator.check.verdicts.model import ClaimVerdict, tolerance
from narrator.facts import Fact, FactSet


def stated_level(claim: Claim, own: Sequence[Fact], levels: Levels | None) -> float | None:
    """The figure of the period a level claim names ("894 in March", "190 in the 12 months
    to March 2017"), read from the figures; None for a change or where no period is named."""
    if levels is None or not own or claim.period_text is None or claim.value is None:
        return None
    if claim.measure is None or claim.area is None or claim.role == "change":
        return None
    if claim.statistic in ("average", "mean", "median"):
        return None  # "(average 638)": a figure of many months, not of the one named
    if claim.change is not None or claim.change_pct is not None:
        return None
    if (own[0].unit == "percent") != (claim.unit == "percent"):
        return None  # "up 4%" of a count is a change, not a level
    return levels.value(claim.measure, claim.area, claim.period)


def figures_cell(claim: Claim) -> tuple[str, ...]:
    """The figures' cell a claim was held to, as evidence."""
    return (f"figures/{claim.measure}/{claim.area}/{claim.period}",)


def _found_of(claim: Claim, other: str) -> Claim:
    """The claim as of the measure its figure was found of, the one read an alternative."""
    rest = tuple(m for m in claim.measure_alternatives if m != other)
    read = (claim.measure,) if claim.measure else ()
    return replace(claim, measure=other, measure_alternatives=(*read, *rest))


def alternative_measure(
    claim: Claim, facts: FactSet, value: float, levels: Levels | None
) -> ClaimVerdict | None:
    """Support from another measure the context allows: the measure was carried from the
    previous sentence, and the heading's may be meant."""
    area = claim.area
    for other in claim.measure_alternatives:
        pool = facts.select(measure=other, area=area) if area else facts.select(measure=other)
        found = [f for f, _ in matched_in(claim, facts, other, value)]
        if found:
            return ClaimVerdict(
                _found_of(claim, other),
                Verdict.SUPPORTED,
                f"{claim.text} agrees with the figures of {other}",
                evidence=tuple(f.id for f in found[:3]),
            )
        stated = stated_level(_found_of(claim, other), pool, levels)
        if stated is not None and abs(stated - value) <= tolerance(claim):
            return ClaimVerdict(
                _found_of(claim, other),
                Verdict.SUPPORTED,
                f"{claim.text} agrees with the figures of {other} for {claim.period}",
                evidence=figures_cell(replace(claim, measure=other)),
            )
    return None
