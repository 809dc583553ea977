"""A project whose figures are raw data.police.uk files, ingested when the project loads.

In ``narrator.toml``::

    [figures]
    source = "police-uk"
    paths = ["police-uk"]          # files, folders or glob patterns, relative to the project
    # areas = "areas.toml"         # default: the project's areas file
    # min_share = 0.005            # thresholds of the district membership rule (optional)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from narrator.errors import IngestError, ProjectError
from narrator.ingest.plan import MembershipRule, load_area_plan
from narrator.ingest.police_uk import Progress, ingest_police_uk
from narrator.ingest.reader import expand
from narrator.schema.files import FiguresSection
from narrator.schema.validate import build

SOURCE = "police-uk"


def figures_table_for_project(
    section: Mapping[str, Any],
    root: Path,
    *,
    areas_file: Path | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Ingest the police.uk files a project's ``[figures]`` section names; return the tidy table.

    ``section`` is the ``[figures]`` table of ``narrator.toml`` and ``root`` the project folder.
    The areas file (``areas`` in the section, else ``areas_file``, normally the project's own)
    decides which areas get rows, so the table fits the project's hierarchy. Returns the columns
    month, measure, area, value; raises :class:`ProjectError` for a bad section and
    :class:`~narrator.errors.IngestError` for a bad source file.
    """
    file = str(root / "narrator.toml")
    where = f"{file}: [figures]"
    spec = build(section, FiguresSection, file, ("figures",))
    if spec.source != SOURCE:
        raise ProjectError(f"{where}: source is {spec.source!r} (expected {SOURCE!r})")
    named = next((k for k in ("paths", "files", "file") if k in section), None)
    raw = getattr(spec, named) if named else None
    if isinstance(raw, str):
        raw = (raw,)
    if not raw:
        raise ProjectError(
            f"{where}: paths must name the police.uk files or folders "
            '(expected paths = ["police-uk"])'
        )
    paths: list[Path] = []
    for text in raw:
        # Absolute or relative to the project, a file, a folder or a glob pattern.
        try:
            paths.extend(expand([Path(text)], root))
        except IngestError:
            raise ProjectError(
                f"{where}: {text!r} matches no files (expected police.uk CSVs)"
            ) from None
    plan_path = root / spec.areas if spec.areas else areas_file
    plan = load_area_plan(plan_path) if plan_path is not None else None
    rule = MembershipRule(
        min_share=spec.min_share, min_density=spec.min_density, min_coverage=spec.min_coverage
    )
    result = ingest_police_uk(paths, areas=plan, rule=rule, progress=progress)
    return result.figures
