"""Where a project's figures come from: the one loader every command uses.

A project names a tidy table (CSV, .xlsx or Parquet, the data contract) or, with
``[figures] source = "police-uk"``, raw data.police.uk files that are ingested on load.
``draft``, ``check``, ``review`` and ``build`` all load figures through
:func:`load_project_figures`, so a project that drafts also checks, reviews and builds.
"""

from __future__ import annotations

from narrator.figures import Figures, figures_from_table, load_figures
from narrator.project import Project


def load_project_figures(project: Project) -> Figures:
    """The project's validated figures, from whichever source its ``[figures]`` names."""
    section = (project.config or {}).get("figures", {})
    if section.get("source") == "police-uk":
        # Imported here: ingest (and its police.uk tables) is only needed by such projects.
        from narrator.ingest.project import figures_table_for_project

        areas_file = project.root / str(
            (project.config or {}).get("areas", {}).get("file", "areas.toml")
        )
        table = figures_table_for_project(section, project.root, areas_file=areas_file)
        return figures_from_table(table.astype(str), project.catalogue, project.all_areas)
    # all_areas: a project seen as one area's paper still has every area's figures.
    return load_figures(project.figures, project.catalogue, project.all_areas)
