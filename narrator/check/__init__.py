"""Checking papers: read any text, extract its claims, and check it against itself.

The only package that imports spaCy, and only when a reader is built::

    document = read_document("paper.md")
    reader = build_reader(catalogue, areas, lexicon)     # loads spaCy: once, then reuse
    claims = reader.claims(document, month="2019-10")
    findings = internal_findings(document, claims, reporting_month="2019-10")
"""

from narrator.check.api import CheckItem, CheckReport, check_document, check_paper, check_text
from narrator.check.claims import Claim, infer_reporting_month
from narrator.check.document import Document, Paragraph, Section, parse_text, read_document
from narrator.check.internal import Finding, internal_findings
from narrator.check.lexicon import Lexicon, load_lexicon, parse_lexicon
from narrator.check.pipeline import Reader, build_reader

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
