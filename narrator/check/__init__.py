"""Checking papers: read any text, extract its claims, and check it against itself.

The only package that imports spaCy, and only when a reader is built::

    document = read_document("paper.md")
    reader = build_reader(catalogue, areas, lexicon)     # loads spaCy: once, then reuse
    claims = reader.claims(document, month="2019-10")
    findings = internal_findings(document, claims, reporting_month="2019-10")
"""

from pathlib import Path

from narrator._callable import make_callable
from narrator.check.api import CheckItem, CheckReport, check_document, check_paper, check_text
from narrator.check.claims import Claim, infer_reporting_month
from narrator.check.document import Document, Paragraph, Section, parse_text, read_document
from narrator.check.internal import Finding, internal_findings
from narrator.check.lexicon import Lexicon, load_lexicon, parse_lexicon
from narrator.check.pipeline import Reader, build_reader
from narrator.project import Project, load_project

__all__ = [
    "CheckItem",
    "CheckReport",
    "Claim",
    "Document",
    "Finding",
    "Lexicon",
    "Paragraph",
    "Reader",
    "Section",
    "build_reader",
    "check_document",
    "check_paper",
    "check_text",
    "infer_reporting_month",
    "internal_findings",
    "load_lexicon",
    "parse_lexicon",
    "parse_text",
    "read_document",
]


def _check(
    paper: str | Path, *, month: str, project: Project | Path | str | None = None
) -> CheckReport:
    """``narrator.check(paper, month=..., project=...)``: check a paper file, as the command."""
    loaded = (
        project
        if isinstance(project, Project)
        else load_project(Path(project) if project is not None else None)
    )
    return check_paper(paper, project=loaded, month=month)


make_callable(__name__, _check)
