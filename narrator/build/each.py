"""The build of one area's paper as a task of :func:`narrator.per_area.run_each`."""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path
from typing import Any

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
    """The project's figures and the month's facts, computed once for every area's build.

    Computed through the checker's per-process cache when it has one
    (``narrator.check.api.figures_for`` and ``facts_for``): the forked workers then inherit
    them, and the checker of each area's paper finds them there instead of computing its
    own copy in every worker (2.5 GB and 10 s of CPU on the national set). The import also
    loads the checker's libraries once, before the workers are forked.
    """
    try:
        module: Any = importlib.import_module("narrator.check.api")
    except ModuleNotFoundError as exc:
        if exc.name not in ("narrator.check", "narrator.check.api"):
            raise
        module = None
    figures_for = getattr(module, "figures_for", None)
    facts_for = getattr(module, "facts_for", None)
    if figures_for is not None and facts_for is not None:
        return figures_for(project), facts_for(project, month)
    figures = load_project_figures(project)
    return figures, compute_facts(figures, month, project.settings)
