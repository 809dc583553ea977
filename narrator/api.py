"""The Python API: what the command line does, importable by a report build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from narrator import months
from narrator.errors import Problem
from narrator.facts import FactSet, compute_facts
from narrator.figures import Figures, load_figures
from narrator.project import Project, load_project


@dataclass(frozen=True)
class FactsResult:
    """The facts of a month and any warnings about the figures behind them."""

    figures: Figures
    facts: FactSet
    warnings: list[Problem]


def load(project: Project | Path | str | None = None) -> tuple[Project, Figures]:
    """Load a project and its validated figures."""
    loaded = project if isinstance(project, Project) else load_project(
        Path(project) if project is not None else None
    )
    return loaded, load_figures(loaded.figures, loaded.catalogue, loaded.areas)


def load_facts(project: Project | Path | str | None, month: str) -> FactsResult:
    """Load a project's figures and compute the facts of ``month`` (``YYYY-MM``)."""
    loaded, figures = load(project)
    facts = compute_facts(figures, months.parse(month), loaded.settings)
    return FactsResult(figures=figures, facts=facts, warnings=list(figures.warnings))
