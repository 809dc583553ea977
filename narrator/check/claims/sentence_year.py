"""The calendar year a sentence is about, for its months named without a year ("In 2019
... the quietest was January"): a year it names, but not one it compares with nor the one a
series starts in."""

from __future__ import annotations

import re

from narrator.check.claims.pieces import Sentence

#: Before a year that only says when the figures compared with are: "44 more than over the
#: same stretch of 2018".
_SAME_STRETCH = re.compile(
    r"\bsame\s+(?:\w+\s+)?(?:months?|stretch|weeks)\s+(?:in|of)\s+$",
    re.IGNORECASE,
)

#: Before a year a series or a record is counted from: "since our records began in 2015".
_SINCE_YEAR = re.compile(
    r"\b(?:since|began|begun|started|starts)\b(?:\s+[a-z]+){0,4}?\s+(?:in\s+)?$", re.I
)


def year_of(sentence: Sentence) -> int | None:
    """The calendar year a sentence is about, for its yearless months ("In 2019 ... the
    quietest was January"): the year it names, else the one its paragraph spoke of."""
    text = sentence.text
    years = [
        i
        for i in sentence.items
        if i.label == "YEAR"
        and i.mark is not None
        # "on the same four months of 2018": the year compared with, not the sentence's
        and not _SAME_STRETCH.search(text, max(sentence.start, i.start - 30), i.start)
        # "since our current records began in 2015": when a series starts, not the year
        and not _SINCE_YEAR.search(text, max(sentence.start, i.start - 40), i.start)
    ]
    if len({i.mark.data["year"] for i in years if i.mark is not None}) == 1:
        assert years[0].mark is not None
        return int(years[0].mark.data["year"])
    if years:
        return None
    period = sentence.context.period or ""
    return int(period[3:7]) if re.fullmatch(r"CY:\d{4}", period) else None
