"""Periods a line's label names: a performance pack sets a crime type's figures out one a
line, each after the period it is of ("This month: 595", "Last month: 520", "Same month last
year: 502", "Rolling 12 months: 7,110"). The label is the figure's period, whatever the
heading or the paper's month would give it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from narrator import months
from narrator.check.claims.model import Claim

#: A line's label that names a period, then its figure: how many months before the
#: reporting month the period ends, or "R12" for the rolling year to it.
_LABELS: dict[str, int | str] = {
    "this month": 0,
    "current month": 0,
    "reporting month": 0,
    "last month": 1,
    "previous month": 1,
    "prior month": 1,
    "same month last year": 12,
    "same month a year ago": 12,
    "same month previous year": 12,
    "same month the previous year": 12,
    "rolling 12 months": "R12",
    "rolling year": "R12",
    "last 12 months": "R12",
    "12 months": "R12",
}
_NAMES = "|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True))
#: A label alone before its figure ("Last month:   520"), and one that starts a line whose
#: other figures it also dates ("Last month: 153 (find rate 34.0%)").
_LABEL = re.compile(rf"^\s*({_NAMES})\s*:\s*$", re.IGNORECASE)
_LINE_LABEL = re.compile(rf"^\s*({_NAMES})\s*:\s", re.IGNORECASE)


def labelled_periods(claims: Sequence[Claim], reporting: str | None) -> list[Claim]:
    """Each figure right after a line's label that names its period, with that period."""
    if reporting is None:
        return list(claims)
    at = months.parse(reporting)
    out = []
    for claim in claims:
        if claim.kind == "figure":
            before = claim.sentence[: claim.span[0] - claim.sentence_span[0]]
            label = _LABEL.match(before) or _LINE_LABEL.match(claim.sentence)
            # "Last month: 153 (find rate 34.0%, arrest rate 22.2%)": the line's label is
            # the period of every figure on it that names none of its own
            if label is not None and (
                label.re is _LABEL
                or claim.period_text is None
                or claim.period_text.lower() == label.group(1).lower()
                or claim.period_text not in claim.sentence
            ):
                back = _LABELS[label.group(1).lower()]
                period = f"R12:{reporting}" if back == "R12" else months.iso(at - int(back))
                claim = replace(claim, period=period, period_text=label.group(1))
        out.append(claim)
    return out
