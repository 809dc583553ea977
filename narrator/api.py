"""The Python API: what the command line does, importable by a report build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from narrator import months
from narrator.draft import write_draft
from narrator.draft.document import Draft
from narrator.errors import DocumentError, Problem
from narrator.facts import FactSet, compute_facts
from narrator.figures import Figures
from narrator.fileio import atomic_write_text
from narrator.per_area import AreaResult, AreaTask, slug
from narrator.project import Project, load_project
from narrator.sources import load_project_figures


@dataclass(frozen=True)
class FactsResult:
    """The facts of a month and any warnings about the figures behind them."""

    figures: Figures
    facts: FactSet
    warnings: list[Problem]


def load(project: Project | Path | str | None = None) -> tuple[Project, Figures]:
    """Load a project and its validated figures."""
    loaded = (
        project
        if isinstance(project, Project)
        else load_project(Path(project) if project is not None else None)
    )
    return loaded, load_project_figures(loaded)


def load_facts(project: Project | Path | str | None, month: str) -> FactsResult:
    """Load a project's figures and compute the facts of ``month`` (``YYYY-MM``)."""
    loaded, figures = load(project)
    facts = compute_facts(figures, months.parse(month), loaded.settings)
    return FactsResult(figures=figures, facts=facts, warnings=list(figures.warnings))


@dataclass(frozen=True)
class DraftResult:
    """A month's draft with the facts it was written from."""

    draft: Draft
    facts: FactSet
    warnings: list[Problem]


def draft(
    project: Project | Path | str | None, month: str, *, area: str | None = None
) -> DraftResult:
    """Compute the facts of ``month`` and write the outline's narrative from them.

    With ``area`` (a name of the project's areas), the paper about that area: the outline
    applied with it as the subject (see :meth:`Project.for_area`), from the facts of all.
    """
    loaded, figures = load(project)
    facts = compute_facts(figures, months.parse(month), loaded.settings)
    paper = write_draft(loaded if area is None else loaded.for_area(area), facts)
    return DraftResult(paper, facts, list(figures.warnings))


def area_draft_path(folder: Path, month: str, area: str) -> Path:
    """Where the draft of one area of many goes: ``draft-MONTH-<area slug>.md``."""
    return folder / f"draft-{month}-{slug(area)}.md"


def draft_task(project: Project, facts: FactSet, folder: Path, *, force: bool) -> AreaTask:
    """A task writing one area's draft and sidecar into ``folder`` (for :func:`run_each`):
    the same draft as :func:`draft` with that ``area``, written by :func:`save_draft`."""

    def task(area: str) -> AreaResult:
        paper = write_draft(project.for_area(area), facts)
        written = save_draft(paper, area_draft_path(folder, facts.month, area), force=force)
        count = sum(len(p.sentences) for p in paper.paragraphs())
        return AreaResult(area, written, f"{count} sentences")

    return task


def sidecar_path(markdown: Path) -> Path:
    """Where a draft's JSON sidecar lives: beside it, same name, ``.json``."""
    return markdown.with_suffix(".json")


def save_draft(result: Draft, path: Path, *, force: bool = False) -> tuple[Path, Path]:
    """Write a draft and its sidecar atomically; refuse to overwrite an edited draft.

    A draft whose Markdown no longer matches its sidecar was edited by hand: overwriting
    it would lose an editor's work, so that takes ``force``.
    """
    sidecar = sidecar_path(path)
    if path.exists() and not force:
        _refuse_if_edited(path, sidecar)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(sidecar, result.to_json())
        atomic_write_text(path, result.to_markdown())
    except OSError as exc:
        raise DocumentError(f"{path}: cannot write the draft: {exc.strerror or exc}") from None
    return path, sidecar


def _refuse_if_edited(path: Path, sidecar: Path) -> None:
    try:
        current = path.read_text(encoding="utf-8")
        previous = Draft.from_json(sidecar.read_text(encoding="utf-8")).to_markdown()
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        previous = None
    if previous != current:
        raise DocumentError(
            f"{path} exists and differs from the draft narrator last wrote there "
            "(it may hold an editor's changes)",
            hint="Choose another --out, or pass --force to overwrite it.",
        )
