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

SOURCE = "police-uk"
_KEYS = {"source", "paths", "files", "file", "areas", "min_share", "min_density", "min_coverage"}


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
    where = f"{root / 'narrator.toml'}: [figures]"
    if section.get("source") != SOURCE:
        raise ProjectError(f"{where}: source is {section.get('source')!r} (expected {SOURCE!r})")
    unknown = set(section) - _KEYS
    if unknown:
        raise ProjectError(
            f"{where}: unknown keys {sorted(unknown)} (expected some of {sorted(_KEYS)})"
        )
    raw = section.get("paths", section.get("files", section.get("file")))
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw or not all(isinstance(p, str) for p in raw):
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
    areas_rel = section.get("areas")
    if areas_rel is not None and not isinstance(areas_rel, str):
        raise ProjectError(f'{where}: areas must be a file name (expected areas = "areas.toml")')
    plan_path = root / areas_rel if areas_rel else areas_file
    plan = load_area_plan(plan_path) if plan_path is not None else None
    result = ingest_police_uk(paths, areas=plan, rule=_rule(section, where), progress=progress)
    return result.figures


def _rule(section: Mapping[str, Any], where: str) -> MembershipRule:
    values: dict[str, float] = {}
    for key in ("min_share", "min_density", "min_coverage"):
        if key in section:
            value = section[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                raise ProjectError(f"{where}: {key} is {value!r} (expected a number from 0 to 1)")
            values[key] = float(value)
    return MembershipRule(**values)
