"""A paper about a calendar year: a news release on "crime during 2019" whose figures name
no period of their own ("Searches for weapons went up from 74 to 326") speaks of the year,
not of its last month. Only a paper checked as of December of the year its title names is
read so; any other paper's figures keep the month they are checked for. (Read the same way,
papers on a financial year checked as of March gained more false contradictions than they
lost: their figures of March itself are many.)"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from narrator.check.claims.model import Claim
from narrator.check.text.document import Document

#: How many of a paper's first paragraphs are its title and standfirst.
_TITLE_PARAGRAPHS = 6
#: The longest title or standfirst line read for its year.
_TITLE_CHARS = 300


def _year_named(text: str, year: str) -> bool:
    """Whether a title names ``year`` as what it is about: "rise in City crime during
    2019", "Crime in 2019", "2019 in review", "2019 crime figures" (not "2019/20")."""
    about = re.compile(
        rf"\b(?:during|in|for|across|over|throughout)\s+{year}\b(?![/-]\d)"
        rf"|\b{year}\s+(?:in\s+review|crime\s+(?:figures|statistics)|figures|statistics)\b",
        re.IGNORECASE,
    )
    return about.search(text) is not None


def paper_year(document: Document, reporting: str | None) -> str | None:
    """The calendar year a paper checked as of December is about, if its title or
    standfirst names that year, as the 12 months to December ("R12:2019-12": the same
    months, and the period the figures' comparisons of the year are made for); None
    otherwise."""
    if reporting is None or not reporting.endswith("-12"):
        return None
    year = reporting[:4]
    for paragraph in document.paragraphs[:_TITLE_PARAGRAPHS]:
        if _year_named(paragraph.text[:_TITLE_CHARS], year):
            return f"R12:{reporting}"
    return None


def of_the_year(claims: Sequence[Claim], year: str | None, reporting: str | None) -> list[Claim]:
    """Each data claim whose period no words name (the reporting month by default, or
    none) as of the paper's year instead; a figure compared with keeps its own."""
    if year is None or reporting is None:
        return list(claims)
    return [
        replace(c, period=year)
        if c.is_data
        and c.period_text is None
        and (c.period == reporting or (c.period is None and c.role != "reference"))
        else c
        for c in claims
    ]
