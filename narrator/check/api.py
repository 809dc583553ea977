"""Checking a paper end to end: read it, extract its claims, judge them, check it against itself.

The reader (a spaCy pipeline built from the project's catalogue, areas and lexicon) costs a
second or two to build, so one is kept per project for the life of the process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.check.claims import Claim
from narrator.check.consistency import CONFLICTING_DIRECTIONS, consistency_findings
from narrator.check.document import Document, parse_text, read_document
from narrator.check.internal import Finding, internal_findings
from narrator.check.levels import Levels
from narrator.check.lexicon import load_lexicon
from narrator.check.pipeline import Reader, build_reader
from narrator.check.verdicts import CONTRADICTED, Verdict, judge
from narrator.facts import FactSet, compute_facts
from narrator.figures import Figures
from narrator.project import Project
from narrator.sources import load_project_figures

_READERS: dict[tuple[Path, str | None], Reader] = {}
_FACTS: dict[tuple[Path, str], FactSet] = {}
_FIGURES: dict[Path, Figures] = {}

#: Internal findings that are contradictions of the text by itself; the others (references,
#: dates) are faults to fix but say nothing false about the figures.
CONTRADICTING = frozenset({"figure_mismatch", "arithmetic", CONFLICTING_DIRECTIONS})


@dataclass(frozen=True)
class CheckReport:
    """Everything the checker found in one paper."""

    document: Document
    month: str
    claims: list[Claim]
    verdicts: list[Verdict]
    findings: list[Finding]

    @property
    def contradictions(self) -> list[Verdict]:
        """The claims the figures contradict."""
        return [v for v in self.verdicts if v.verdict == CONTRADICTED]

    @property
    def ok(self) -> bool:
        """True when nothing is contradicted and the text has no internal fault."""
        return not self.contradictions and not self.findings

    def counts(self) -> dict[str, int]:
        """How many claims got each verdict, and how many internal findings there are."""
        out: dict[str, int] = {}
        for verdict in self.verdicts:
            out[verdict.verdict] = out.get(verdict.verdict, 0) + 1
        out["internal findings"] = len(self.findings)
        return out

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON for the build."""
        return {
            "month": self.month,
            "ok": self.ok,
            "counts": self.counts(),
            "verdicts": [v.as_dict() for v in self.verdicts],
            "findings": [f.as_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class CheckItem:
    """One finding in the shape the review app and the build read (span, verdict, severity)."""

    kind: str
    verdict: str
    severity: str
    message: str
    span: tuple[int, int]


def reader_for(project: Project) -> Reader:
    """The project's reader, built once per process (and per subject area: a paper about
    one area reads its own part of the hierarchy)."""
    key = (project.root.resolve(), project.subject)
    if key not in _READERS:
        from narrator.draft import project_phrasebank

        lexicon = load_lexicon(project_phrasebank(project) / "lexicon.toml")
        _READERS[key] = build_reader(project.catalogue, project.areas, lexicon)
    return _READERS[key]


def figures_for(project: Project) -> Figures:
    """The project's figures, loaded once per process."""
    key = project.root.resolve()
    if key not in _FIGURES:
        _FIGURES[key] = load_project_figures(project)
    return _FIGURES[key]


def facts_for(project: Project, month: str) -> FactSet:
    """The facts of a month, computed once per process and project."""
    key = (project.root.resolve(), month)
    if key not in _FACTS:
        _FACTS[key] = compute_facts(figures_for(project), month, project.settings)
    return _FACTS[key]


def check_document(document: Document, *, project: Project, month: str) -> CheckReport:
    """Claims, verdicts and internal findings of a document already read."""
    claims = project_claims(document, project=project, month=month)
    polarity = {m.id: m.polarity.value for m in project.catalogue}
    levels = Levels(figures_for(project), project.settings.confidence, month)
    verdicts = judge(claims, facts_for(project, month), polarity, levels)
    findings = internal_findings(
        document, claims, reporting_month=month, catalogue=project.catalogue
    )
    findings = sorted([*findings, *consistency_findings(claims)], key=lambda f: f.span)
    return CheckReport(document, month, claims, verdicts, findings)


def project_claims(document: Document, *, project: Project, month: str) -> list[Claim]:
    """Every claim of a document, read with the project's reader."""
    return reader_for(project).claims(document, month=month)


def check_paper(path: str | Path, *, project: Project, month: str) -> CheckReport:
    """Check a paper file (.md, .txt or .docx); the file is only read."""
    return check_document(read_document(path), project=project, month=month)


def check_text(text: str, *, project: Project | None, month: str) -> Sequence[CheckItem]:
    """Check a piece of text (a paragraph being edited, an assembled paper).

    Contradictions of the figures and of the text itself are ``error``; other findings
    (cross-references, dates) and unreadable claims are ``warning`` and ``info``.
    """
    if project is None:
        from narrator.project import load_project

        project = load_project(None)
    report = check_document(parse_text(text), project=project, month=month)
    items = [
        CheckItem(
            kind=f"claim_{v.verdict.replace(' ', '_')}",
            verdict=v.verdict,
            severity="error" if v.verdict == CONTRADICTED else "info",
            message=v.message,
            span=v.span,
        )
        for v in report.verdicts
    ]
    items += [
        CheckItem(
            kind=f.kind,
            verdict=CONTRADICTED if f.kind in CONTRADICTING else "not checkable",
            severity="error" if f.kind in CONTRADICTING else "warning",
            message=f.message,
            span=f.span,
        )
        for f in report.findings
    ]
    return sorted(items, key=lambda i: i.span)
