"""The checker of one project: what ``narrator check``, the review and the build all call.

The caller builds a :class:`Checker` from a project it has loaded and the figures it has
read (:func:`narrator.sources.load_project_figures`), and keeps it as long as it checks
papers of that project: the reader (a spaCy pipeline built from the project's catalogue,
areas and lexicon) costs a second or two to build, and is built on first use; the facts of
each month are computed once. Nothing is kept anywhere else::

    checker = Checker.for_project(load_project(folder))
    report = checker.check_paper("paper.md", month="2019-10")
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from narrator.check.claims.extract import extract, extract_claims
from narrator.check.claims.model import Claim
from narrator.check.consistency.internal import paper_findings
from narrator.check.number_model import second_reading
from narrator.check.numbers import numbers_of
from narrator.check.report import CheckReport
from narrator.check.text.document import Document
from narrator.check.text.files import read_document
from narrator.check.text.parse import parse_text
from narrator.check.tokens.reader import Reader, build_reader
from narrator.check.verdicts.judge import judge
from narrator.check.verdicts.levels import Levels
from narrator.facts import FactSet, compute_facts
from narrator.figures import Figures
from narrator.language.lexicon import load_lexicon
from narrator.project import Project, project_phrasebank
from narrator.sources import load_project_figures


class Checker:
    """Checks papers against one project's figures; build once per project, then reuse."""

    def __init__(
        self,
        project: Project,
        figures: Figures,
        *,
        reader: Reader | None = None,
        facts: Mapping[str, FactSet] | None = None,
    ) -> None:
        """``reader``: one already built for the same catalogue, areas and lexicon (it is
        built on first use otherwise); ``facts``: the facts of months already computed."""
        self.project = project
        self.figures = figures
        self._reader = reader
        self._facts: dict[str, FactSet] = dict(facts or {})
        self._levels: dict[str, Levels] = {}
        self._polarity = {m.id: m.polarity.value for m in project.catalogue}

    @classmethod
    def for_project(cls, project: Project) -> Checker:
        """A checker of ``project`` with its figures loaded from its sources."""
        return cls(project, load_project_figures(project))

    @property
    def reader(self) -> Reader:
        """The project's reader (spaCy is loaded the first time this is asked for)."""
        if self._reader is None:
            lexicon = load_lexicon(project_phrasebank(self.project))
            self._reader = build_reader(self.project.catalogue, self.project.areas, lexicon)
        return self._reader

    def facts(self, month: str) -> FactSet:
        """The facts of ``month``, computed the first time they are asked for."""
        found = self._facts.get(month)
        if found is None:
            found = self._facts[month] = compute_facts(self.figures, month, self.project.settings)
        return found

    def levels(self, month: str) -> Levels:
        """The figures of any period up to ``month``, as the verdicts read them."""
        found = self._levels.get(month)
        if found is None:
            found = self._levels[month] = Levels(
                self.figures, self.project.settings.confidence, month
            )
        return found

    def claims(self, document: Document, *, month: str | None = None) -> list[Claim]:
        """Every claim of ``document``, read with the project's reader."""
        return extract_claims(self.reader, document, month=month)

    def check_document(self, document: Document, *, month: str) -> CheckReport:
        """Claims, verdicts and internal findings of a document already read."""
        read = extract(self.reader, document, month=month)
        claims = read.claims
        verdicts = judge(claims, self.facts(month), self._polarity, self.levels(month))
        findings = paper_findings(
            document, claims, reporting_month=month, catalogue=self.project.catalogue
        )
        numbers = numbers_of(document, read.marks, verdicts)
        # The learned second reading last: it may take back a judged value's verdict.
        numbers, verdicts = second_reading(document.text, numbers, verdicts)
        return CheckReport(document, month, claims, verdicts, findings, numbers)

    def check_paper(self, path: str | Path, *, month: str) -> CheckReport:
        """Check a paper file (.md, .txt or .docx); the file is only read."""
        return self.check_document(read_document(path), month=month)

    def check_text(self, text: str, *, month: str) -> CheckReport:
        """Check the text of a paper (an assembled paper, a draft as Markdown)."""
        return self.check_document(parse_text(text), month=month)


def check_paper(path: str | Path, *, project: Project, month: str) -> CheckReport:
    """Check one paper file against ``project`` (a checker made for this one check)."""
    return Checker.for_project(project).check_paper(path, month=month)
