"""The month a claim names against the month its figures are of: a figure said of a month
("in September") the facts that give it are not of is said of the wrong month."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from narrator import months
from narrator.check.claims.model import Claim
from narrator.check.findings import Verdict
from narrator.check.verdicts.model import ClaimVerdict
from narrator.facts import Fact


def month_of(period: str | None) -> str | None:
    """The month or date a dated period ends on ("R12:2019-10" -> "2019-10", "D:2019-11-01"
    -> "2019-11-01"), else None."""
    if period is None:
        return None
    found = DATED.fullmatch(period)
    return found.group(1) if found else None


DATED = re.compile(r"(?:[A-Za-z0-9_]+:)*(\d{4}-\d{2}(?:-\d{2})?)")
#: A month named alone, with or without its year ("October", "October 2019").
MONTH_NAMED = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?:\s+(?:19|20)\d\d)?"
)


def window_of(period: str | None) -> str | None:
    """The kind of window a period is: "month" ("2019-10"), its prefix ("R12" for
    "R12:2019-10", "CY" for "CY:2019:2019-10", "YTD", "FY"), "range" ("2019-01..2019-05"),
    "day" ("2019-11-01"); None for no period."""
    if period is None:
        return None
    if ".." in period:
        return "range"
    if ":" in period:
        return period.split(":", 1)[0]
    return "day" if len(period) == 10 else "month"


def wrong_month(
    claim: Claim, found: Sequence[Fact], periods: Iterable[str | None]
) -> ClaimVerdict | None:
    """A figure or direction said of a month ("in September") the facts that give it are
    not of: the month is wrong.

    ``periods`` are the periods the matching figures are of (a change is of its fact's
    period, a reference value of the reference period)."""
    month = month_of(claim.period)
    if not found or month is None or claim.period_text is None:
        return None
    periods = list(periods)
    months = {month_of(p) for p in periods}
    latest = max((m for m in months if m), default=None)
    if month in months or claim.tense == "future" or (latest is not None and month > latest):
        return None  # a month to come is a plan or a target, not a figure
    if _from_its_base(claim, month, found):
        return None
    expected = latest or found[0].period
    window = window_of(claim.period)
    if claim.kind == "figure" and not any(window_of(p) == window for p in periods):
        # Only a figure of another kind of window gives it ("7%" of the month against its
        # average, said of the year to March): more often a figure the reader dated wrong
        # than a writer's slip. (A direction is of its month whatever its facts' window.)
        return ClaimVerdict(
            claim,
            Verdict.AMBIGUOUS,
            f"the figures give '{claim.text}' only for another kind of period ({expected}),"
            f" not for {claim.period}",
            evidence=tuple(f.id for f in found[:3]),
            expected=expected,
            readings=tuple(sorted({str(p) for p in periods if p})[:5]),
        )
    return ClaimVerdict(
        claim,
        Verdict.CONTRADICTED,
        f"the figures give '{claim.text}' for {expected}, not {month}",
        evidence=tuple(f.id for f in found[:3]),
        expected=expected,
    )


def _from_its_base(claim: Claim, month: str, found: Sequence[Fact]) -> bool:
    """A change said beside the period it is measured from ("3.1% up on the 12 months
    before", "Nov-18 691 (+16.8%)"): the change between the two periods, not one misdated.
    "In November 2018 crime rose by 16.8%" names the month of the change, so is held to it."""
    if (claim.change_pct is None and claim.change is None) or claim.period_text is None:
        return False
    if month not in {month_of(f.reference_period) for f in found}:
        return False
    said = re.escape(claim.period_text)
    at = claim.span[0] - claim.sentence_span[0]
    return bool(
        re.search(
            rf"\b(?i:on|than|against|from|with|over|vs?)\.?\s+(?:the\s+)?{said}", claim.sentence
        )
        # "Nov-18 691 (+16.8%)", "July had 584, so the change on the month is -52": the
        # period names a figure of its own, the one the change is measured from
        or re.search(rf"{said}\b[^.;\d]{{0,12}}\d[\d,.]*\b(?!\s*%)", claim.sentence[: max(0, at)])
    )


def step_back(period: str | None, comparison: str | None) -> str | None:
    """The period a change of ``period`` is measured from: the month (or rolling year)
    before, or the same one a year before."""
    found = DATED.fullmatch(period or "")
    if period is None or found is None or len(found.group(1)) != 7 or period.startswith("CY:"):
        return None
    step = {None: 1, "previous_month": 1, "previous_year": 12}.get(comparison)
    if step is None:
        return None
    prefix = period[: -len(found.group(1))]
    return prefix + months.iso(months.parse(found.group(1)) - step)
