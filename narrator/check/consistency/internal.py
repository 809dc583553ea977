"""Checks of a paper against itself: figures, arithmetic, cross-references and dates.

Every rule is general: a figure quoted twice for the same measure, area and period must
agree; "X% lower than <something quoted nearby>" must be true of the quoted figures; a
reference to a section must land on a section about the same thing (the same measure, when
both name measures); a date must fit the paper's date and the tense it is spoken of in; a
figure must not be for a month after the one the paper reports on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from narrator import months
from narrator.catalogue import Catalogue
from narrator.check.claims.extract import infer_reporting_month
from narrator.check.claims.model import Claim
from narrator.check.consistency.dates import date_findings, month_findings, title_date
from narrator.check.consistency.directions import consistency_findings
from narrator.check.consistency.figures import arithmetic_findings, repeated_figures
from narrator.check.consistency.xrefs import cross_references
from narrator.check.findings import Finding
from narrator.check.text.document import Document


def internal_findings(
    document: Document,
    claims: Sequence[Claim],
    *,
    paper_date: date | None = None,
    reporting_month: str | None = None,
    catalogue: Catalogue | None = None,
) -> list[Finding]:
    """Every internal fault of ``document``, in document order.

    ``paper_date`` defaults to the front matter's date and ``reporting_month`` ("2019-10")
    to the month the paper's periods name most; ``catalogue`` tells snapshot measures
    (figures on a day, which may postdate the reporting month) from monthly ones, and gives
    the names of measures a referring sentence may use.
    """
    paper_date = paper_date or document.date
    reporting = reporting_month or infer_reporting_month(document)
    findings: list[Finding] = []
    findings.extend(repeated_figures(claims, catalogue))
    findings.extend(arithmetic_findings(claims))
    findings.extend(cross_references(document, claims, catalogue))
    if paper_date is not None:
        findings.extend(date_findings(claims, paper_date))
    if reporting is not None:
        written = paper_date or title_date(document.text)
        findings.extend(month_findings(claims, months.parse(reporting), catalogue, written))
    findings.sort(key=lambda f: (f.span, f.kind))
    return findings


def paper_findings(
    document: Document,
    claims: Sequence[Claim],
    *,
    reporting_month: str | None = None,
    catalogue: Catalogue | None = None,
) -> list[Finding]:
    """Every fault of ``document`` against itself: the internal faults (see
    :func:`internal_findings`) and the sentences that disagree with themselves (see
    :mod:`narrator.check.consistency.directions`), in document order."""
    found = internal_findings(
        document, claims, reporting_month=reporting_month, catalogue=catalogue
    )
    return sorted([*found, *consistency_findings(claims)], key=lambda f: f.span)
