"""Changes measured from the figures: a change between two periods no fact compares (the
levels of any period are read with :class:`~narrator.check.verdicts.levels.Levels`)."""

from __future__ import annotations

from narrator.check.claims.model import Claim
from narrator.check.verdicts.levels import Levels
from narrator.facts import Fact


def measured_change(claim: Claim, levels: Levels, month: str) -> Fact | None:
    """The change between the two periods a claim names, measured in the figures, as a
    fact of kind "change.period"; None where the figures do not cover both."""
    assert claim.measure is not None and claim.area is not None
    period = claim.period or month
    if claim.reference_period is None or _length(period) != _length(claim.reference_period):
        return None  # a month against a financial year is no change of either
    if claim.reference_period == period:
        # A period against itself: the reader gave the change the period of the figure it
        # is compared with ("up on last August's 9,457 ..., down 2.1%"); no change of any.
        return None
    compared = levels.compare(claim.measure, claim.area, period, claim.reference_period)
    if compared is None:
        return None
    return Fact(
        id=f"change.period/{claim.measure}/{claim.area}/{period}~{claim.reference_period}",
        kind="change.period",
        measure=claim.measure,
        area=claim.area,
        month=month,
        period=period,
        value=compared.value,
        unit=compared.unit,
        reference=compared.reference,
        reference_period=claim.reference_period,
        change=compared.change,
        change_pct=compared.change_pct,
        direction=compared.direction,
        significant=compared.significant,
        method="measured from the figures",
    )


def _length(period: str) -> str:
    """How long a period label runs: a month, a year (rolling, financial or calendar), or
    its own kind ("YTD", "D")."""
    if ".." in period:
        return "run"  # a run of months is compared only with a run (of as many months)
    if ":" not in period:
        return "month"
    kind = period.split(":", 1)[0]
    return "year" if kind in ("R12", "FY", "CY") else kind
