"""The build of one area's paper as a task of :func:`narrator.per_area.run_each`."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from narrator.build import BuildOptions, build
from narrator.facts import FactSet, compute_facts
from narrator.figures import Figures
from narrator.per_area import AreaResult, AreaTask, slug
from narrator.project import Project
from narrator.sources import load_project_figures


def build_task(
    project: Project,
    month: str,
    computed: tuple[Figures, FactSet],
    drafts: Path,
    options: BuildOptions,
) -> AreaTask:
    """A task building one area's paper from ``drafts/draft-MONTH-<area>.md`` (as
    ``narrator draft --each`` writes them) into ``options.out/<area>/``."""

    def task(area: str) -> AreaResult:
        name = slug(area)
        out = options.out or project.output_dir("build")
        chosen = dataclasses.replace(
            options, draft=drafts / f"draft-{month}-{name}.md", out=out / name
        )
        result = build(project.for_area(area), month, options=chosen, computed=computed)
        if not result.built:
            count = len(result.blockers)
            first = result.blockers[0] if result.blockers else "blocked"
            noun = "thing blocks" if count == 1 else "things block"
            return AreaResult(area, error=f"{count} {noun} the paper (first: {first})", code=1)
        state = "a DRAFT" if result.watermarked else "the paper"
        return AreaResult(area, result.paths, f"built {state} in {chosen.out}")

    return task


def shared_facts(project: Project, month: str) -> tuple[Figures, FactSet]:
    """The project's figures and the month's facts, computed once for every area's build:
    the forked workers inherit them, and each area's :class:`~narrator.check.Checker` is
    given them rather than computing its own copy (2.5 GB and 10 s of CPU on the national
    set)."""
    figures = load_project_figures(project)
    return figures, compute_facts(figures, month, project.settings)
