"""Checking papers: read any text, extract its claims, and check it against itself.

The only package that imports spaCy, and only when a reader is built::

    checker = Checker.for_project(load_project(folder))   # the caller builds it, once
    report = checker.check_paper("paper.md", month="2019-10")
    report.verdicts, report.findings                       # claims judged; faults of the text
"""

from pathlib import Path

from narrator._callable import make_callable
from narrator.check.checker import Checker, check_paper
from narrator.check.claims.extract import infer_reporting_month
from narrator.check.claims.model import Claim
from narrator.check.consistency.internal import internal_findings
from narrator.check.findings import Finding, Severity, Verdict, claim_finding
from narrator.check.report import CheckReport
from narrator.check.text.document import Document, Paragraph, Section
from narrator.check.text.files import read_document
from narrator.check.text.parse import parse_text
from narrator.check.tokens.reader import Reader, build_reader
from narrator.check.verdicts.model import ClaimVerdict
from narrator.language.lexicon import Lexicon, load_lexicon, parse_lexicon
from narrator.project import Project, load_project

__all__ = [
    "CheckReport",
    "Checker",
    "Claim",
    "ClaimVerdict",
    "Document",
    "Finding",
    "Lexicon",
    "Paragraph",
    "Reader",
    "Section",
    "Severity",
    "Verdict",
    "build_reader",
    "check_paper",
    "claim_finding",
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
