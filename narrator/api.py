"""The Python API: what the command line does, importable by a report build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from narrator import months
from narrator._callable import make_callable
from narrator.draft import write_draft
from narrator.draft.document import Draft
from narrator.errors import DocumentError, Problem
from narrator.facts import FactSet, compute_facts
from narrator.figures import Figures
from narrator.fileio import atomic_write_text
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


def draft(project: Project | Path | str | None, month: str) -> DraftResult:
    """Compute the facts of ``month`` and write the outline's narrative from them."""
    loaded, figures = load(project)
    facts = compute_facts(figures, months.parse(month), loaded.settings)
    return DraftResult(write_draft(loaded, facts), facts, list(figures.warnings))


# ``narrator.draft(project, month)`` is this function: the draft package is made callable
# here, beside the function, so that the package need not import this module back.
make_callable("narrator.draft", draft)


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
