"""Dates and months: a plan must not be dated in the past, nor an event that has happened
in the future, and a figure must not be for a month after the one the paper reports on."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from narrator import months
from narrator.catalogue import Catalogue, Kind
from narrator.check.claims.model import Claim
from narrator.check.findings import Finding, Severity
from narrator.check.text.dates import parse_date

#: A plan spoken of as to come may be dated up to this long before the paper: papers are
#: written a few weeks before the meeting that dates them.
PLAN_GRACE = timedelta(days=31)


def date_findings(claims: Sequence[Claim], paper_date: date) -> Iterable[Finding]:
    """A plan must not be dated in the past, nor an event that has happened in the future."""
    for claim in claims:
        if claim.kind != "date" or not claim.date_explicit_year:
            continue
        if (
            claim.tense == "future"
            and claim.date_last
            and claim.date_last < paper_date - PLAN_GRACE
        ):
            yield Finding(
                kind="date_tense",
                severity=Severity.ERROR,
                message=(
                    f"{claim.text!r} is spoken of as to come, but it ended before the paper's "
                    f"date ({paper_date:%-d %B %Y})"
                ),
                span=claim.span,
                evidence=(
                    f"last day {claim.date_last:%-d %B %Y}; paper dated {paper_date:%-d %B %Y}"
                ),
                suggestion="check the year (perhaps the next one was meant) or the tense",
                data={"date_last": claim.date_last.isoformat(), "paper": paper_date.isoformat()},
            )
        elif claim.tense == "past" and claim.date_first and claim.date_first > paper_date:
            yield Finding(
                kind="date_tense",
                severity=Severity.ERROR,
                message=(
                    f"{claim.text!r} is spoken of as past, but it is after the paper's date "
                    f"({paper_date:%-d %B %Y})"
                ),
                span=claim.span,
                evidence=f"first day {claim.date_first:%-d %B %Y}",
                suggestion="check the year or the tense",
                data={"date_first": claim.date_first.isoformat(), "paper": paper_date.isoformat()},
            )


#: Words that make a figure one of the days so far, not of a whole month.
_TO_DATE = re.compile(
    r"\b(?:to\s+date|so\s+far|(?:last|past)\s+(?:7|seven)\s+days|this\s+week|week\s+to)\b"
    r"|\b\d{1,2}\s*[-–]\s*\d{1,2}\s+[A-Z][a-z]+",
    re.IGNORECASE,
)
#: How far into a paper its title block runs: a date there is the day it was written.
TITLE_BLOCK = 300


def title_date(text: str) -> date | None:
    """The date a paper's title block gives ("Thursday 12 November 2020, 14:00"), if any."""
    return parse_date(text[:TITLE_BLOCK])


def _period_month(label: str | None) -> int | None:
    """The last month a period label covers ("R12:2019-10" -> 2019-10), if it names one."""
    if not label:
        return None
    tail = label.split(":", 1)[-1]
    if label.startswith("D:"):
        tail = tail[:7]
    elif ":" in label and not label.startswith(("R12:", "YTD:")):
        return None
    return months.parse(tail) if months.is_month(tail) else None


#: Before a month that is a deadline ("a further report ... by January 2021", "to report
#: again in March 2020").
_DEADLINE = re.compile(
    r"\b(?:by|before|until|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?$"
    # "asks the Commissioner to report again in March 2020": when something is to be done
    r"|\bto\s+[a-z]+(?:\s+[a-z]+){0,3}\s+(?:in|by|at)\s+(?:the\s+end\s+of\s+)?$",
    re.I,
)


def _a_deadline(claim: Claim) -> bool:
    """Whether the claim's month is a date something is due by, not a figure's month."""
    said = claim.period_text
    if not said:
        return False
    at = claim.sentence.find(said)
    return at > 0 and _DEADLINE.search(claim.sentence, max(0, at - 30), at) is not None


def month_findings(
    claims: Sequence[Claim],
    reporting: int,
    catalogue: Catalogue | None,
    written: date | None = None,
) -> Iterable[Finding]:
    """Figures reported for a month after the reporting month (snapshots excepted). A paper
    ``written`` after its reporting month may give the figures of the days since ("Month to
    date (1-11 November): 139 crimes", "restrictions began on 5 November"), which no monthly
    figures hold yet."""
    last = reporting if written is None else written.year * 12 + written.month - 1
    reported: set[tuple[tuple[int, int], str | None]] = set()
    for claim in claims:
        if not claim.is_data or claim.measure is None or claim.measure_head is not None:
            continue
        if claim.measure_from == "heading":
            continue  # a figure the sentence does not tie to a measure itself
        if claim.tense == "future" or claim.role == "reference" or _a_deadline(claim):
            continue
        if (
            catalogue is not None
            and claim.measure in catalogue
            and catalogue[claim.measure].kind is Kind.SNAPSHOT
        ):
            continue
        for label, what in ((claim.period, "period"), (claim.reference_period, "comparison")):
            month = _period_month(label)
            if month is None or month <= reporting or (claim.sentence_span, label) in reported:
                continue
            if month <= last and (str(label).startswith("D:") or _TO_DATE.search(claim.sentence)):
                continue
            reported.add((claim.sentence_span, label))
            yield Finding(
                kind="month_after_reporting",
                severity=Severity.ERROR,
                message=(
                    f"the {what} of {claim.text!r} is {months.label(month)}, after the "
                    f"reporting month {months.label(reporting)}"
                ),
                span=claim.span,
                evidence=f"{claim.measure}: {label}; paper reports on {months.iso(reporting)}",
                suggestion=f"check the month (the figures end in {months.label(reporting)})",
                data={"period": label, "reporting_month": months.iso(reporting)},
            )
            break
