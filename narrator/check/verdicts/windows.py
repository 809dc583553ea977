"""Windows of time a figure may be of: whether a figure that is another window's figure of
its measure (the year's total said of the month, the month's rate said of the rolling year)
was more likely dated wrong by the reader than by the writer, and "the year to date" read as
the calendar year's when the text does not say the financial year."""

from __future__ import annotations

import re
from collections.abc import Sequence

from narrator import months
from narrator.check.claims.earlier import shifted
from narrator.check.claims.model import Claim
from narrator.check.findings import Verdict
from narrator.check.verdicts.levels import Levels
from narrator.check.verdicts.model import ClaimVerdict, tolerance
from narrator.check.verdicts.months import MONTH_NAMED, month_of


def another_window(claim: Claim, other: Sequence[str], unit: str) -> bool:
    """Whether figures of other windows than the claim's (``other``) more likely mean the
    reader read the window wrong than that the writer slipped: a count (windows of other
    lengths count on other scales, so a match is no chance) whose month is not named right
    beside it, or a rate of the same month's other window (the month's own rate for the
    rolling year's). A rate is much the same over any window, so a rate of another window
    and another month matches as often by chance."""
    if unit != "percent":
        return not _period_beside(claim)
    month = month_of(claim.period)
    return month is not None and any(month_of(p) == month for p in other)


def _period_beside(claim: Claim) -> bool:
    """Whether the words of the claim's period are its own: right after it ("23 in
    October"), or before it in its clause with no figure between and none owning them
    ("The 12 month total ... now at 7,010", "In October, 23"; not "14 this month and 118",
    where "this month" is 14's). The reader cannot then have taken the period from
    elsewhere, so a figure of another window is a wrong figure, however small the count."""
    said = (claim.period_text or "").strip()
    start = claim.span[0] - claim.sentence_span[0]
    if not said or start < 0:
        return False
    sentence = claim.sentence
    words = re.escape(said)
    after = sentence[claim.span[1] - claim.sentence_span[0] :]
    if _MONTH_WORDS.fullmatch(said) and re.match(
        rf"\s+(?:[a-z]+\s+){{0,2}}?(?:in|during)\s+{words}\b", after, re.IGNORECASE
    ):
        # "23 in October" (not "4,445 in 2019/20" in a year-to-date table, where the year
        # stands for its same months)
        return True
    at = sentence.lower().rfind(said.lower(), 0, start)
    if at < 0 or re.search(r"[;:]|\d", sentence[at + len(said) : start]):
        return False
    return _OWNED.search(sentence[max(0, at - 20) : at]) is None


_MONTH_WORDS = re.compile(MONTH_NAMED, re.IGNORECASE)
#: A figure just before a period's words, which makes them that figure's ("14 this month",
#: "85 reports in February").
_OWNED = re.compile(r"\d[\d,.]*\s*%?\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)


#: Words that say the year to date.
_TO_DATE = re.compile(r"\byear[\s-]to[\s-]date\b|\bso\s+far\s+this\s+year\b", re.IGNORECASE)
#: Words that make "the year to date" the financial year's (April onwards).
_FINANCIAL = re.compile(r"\b(?:financial|fiscal|since\s+April|April\s+to|FYTD|FY)\b", re.I)


def calendar_reading(claim: Claim, levels: Levels, value: float) -> ClaimVerdict | None:
    """A year-to-date figure the financial year does not give, read as the calendar year's
    (January onwards): "the year to date" says neither, and a force reporting on calendar
    years means January. Supported when the calendar year to date gives the figure (for a
    change, against the same months of the year before), else None."""
    period = claim.period or ""
    month = month_of(period)
    said = period.startswith("YTD:") or _TO_DATE.search(claim.sentence) is not None
    if not said or month is None or len(month) != 7 or claim.measure is None or not claim.area:
        return None
    if _FINANCIAL.search(f"{claim.period_text or ''} {claim.sentence}"):
        return None
    year = int(month[:4])
    here = f"CY:{year}:{month}"
    before = f"CY:{year - 1}:{year - 1}{month[4:]}"
    if claim.role == "change" or claim.change_pct is not None or claim.change is not None:
        compared = levels.compare(claim.measure, claim.area, here, before)
        if compared is None:
            return None
        relative = claim.unit == "percent" and compared.unit == "count"
        given = compared.change_pct if relative else compared.change
        if given is None or abs(abs(given) - abs(value)) > tolerance(claim):
            return None
    else:
        given = levels.value(claim.measure, claim.area, here)
        if given is None or abs(given - value) > tolerance(claim):
            return None
    return ClaimVerdict(
        claim,
        Verdict.SUPPORTED,
        f"{claim.text} agrees with the figures for the calendar year to date ({here}): "
        "the text does not say the financial year",
        evidence=(f"figures/{claim.measure}/{claim.area}/{here}",),
    )


def stale(claim: Claim, periods: Sequence[str]) -> bool:
    """Whether one of ``periods`` is the one just before the claim's, in the same window
    (last month's figure for this month's, the rolling year to last month for this one's):
    the figure a writer who did not update it quotes."""
    month = month_of(claim.period)
    if month is None or len(month) != 7:
        return False
    before = months.iso(months.parse(month) - 1)
    prefix = (claim.period or "")[: -len(month)]
    return any(p == prefix + before for p in periods)


#: A year in a period's words ("June 2017", "2018/19", "Jul-18"): the writer dated the
#: figure, so a figure of the year after is theirs to answer for.
_YEAR_SAID = re.compile(r"\b(?:19|20)\d\d\b|[A-Za-z]{3}[-\s']\d\d\b")


def year_apart(claim: Claim, levels: Levels, value: float) -> ClaimVerdict | None:
    """A level the figures give for the same measure and area a year before the period it
    was read with (or a year after, when the words of that period name no year): ambiguous,
    not contradicted. Papers set a figure beside the one of a year before in every way
    there is ("up from 110 a year earlier", "when there were 7,900", "against 3,794 for the
    preceding period"), and a figure that is exactly the other year's is far more often
    read with the wrong one of the pair than written wrong. The month before is not
    excused: that is the figure a writer who did not update the paper quotes (``stale``)."""
    if claim.role == "change" or claim.measure is None or not claim.area or not claim.period:
        return None
    said_year = _YEAR_SAID.search(claim.period_text or "") is not None
    for back in (12, -12) if not said_year else (12,):
        period = shifted(claim.period, back)
        if period is None:
            continue
        other = levels.value(claim.measure, claim.area, period)
        if other is not None and abs(other - value) <= tolerance(claim):
            return ClaimVerdict(
                claim,
                Verdict.AMBIGUOUS,
                f"{claim.text} is not the figure for {claim.period} but is the one for "
                f"{period}: the text may mean that period",
                evidence=(f"figures/{claim.measure}/{claim.area}/{period}",),
                readings=(period,),
            )
    return None


def year_to_month(
    claim: Claim, levels: Levels, value: float, reporting: str | None
) -> ClaimVerdict | None:
    """A level read as a calendar year's ("dipped to 301 in 2016") that the figures give for
    the 12 months to the paper's month of that year: ambiguous, not contradicted. A paper on
    the year to July that calls each earlier year by its number means the year to July."""
    period = claim.period or ""
    if (
        claim.role == "change"
        or not period.startswith("CY:")
        or len(period) != 7
        or reporting is None
        or claim.measure is None
        or not claim.area
        or reporting[5:7] == "12"
    ):
        return None
    rolling = f"R12:{period[3:]}-{reporting[5:7]}"
    other = levels.value(claim.measure, claim.area, rolling)
    if other is None or abs(other - value) > tolerance(claim):
        return None
    return ClaimVerdict(
        claim,
        Verdict.AMBIGUOUS,
        f"{claim.text} is not the figure for {period[3:]} but is the one for the 12 months "
        f"to {months.label(months.parse(rolling[4:]))}: the text may mean that period",
        evidence=(f"figures/{claim.measure}/{claim.area}/{rolling}",),
        readings=(rolling,),
    )
