"""``narrator init DIR``: a new project that loads, drafts and builds as it stands.

The project's files are package data (``narrator/build/templates/project``, read through
importlib.resources); the example figures are computed here: a small force over five
years, so that every comparison of the draft (year on year, rolling 12 months, benchmarks,
control limits) has the history it needs.
"""

from __future__ import annotations

import math
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from narrator import months
from narrator.errors import ProjectError
from narrator.fileset import write_new_folder

#: The example figures run over these months: five financial years, 2019/20 to 2023/24,
#: enough for the long-term benchmark (the three years before the current one).
FIRST_MONTH, LAST_MONTH = "2019-04", "2024-03"
#: Each area's share of the force, and the areas in figures order.
_AREAS = (("North", 0.45), ("South", 0.55))


def init_project(folder: Path) -> list[Path]:
    """Create a project in ``folder`` (new or empty); returns the files written.

    Refuses a folder that holds anything: a scaffold must never overwrite a project.
    """
    if folder.exists():
        if not folder.is_dir():
            raise ProjectError(f"{folder}: exists and is not a folder")
        if any(folder.iterdir()):
            raise ProjectError(
                f"{folder}: the folder is not empty (narrator init makes a new project)",
                hint="Choose a new or empty folder.",
            )
    files = dict(_template_files(resources.files("narrator.build") / "templates" / "project"))
    files["figures.csv"] = example_figures()
    try:
        # The folder appears whole or not at all: a full disk leaves nothing to refuse later.
        write_new_folder(folder, {name: text.encode("utf-8") for name, text in files.items()})
    except FileExistsError:
        raise ProjectError(
            f"{folder}: the folder is not empty (narrator init makes a new project)",
            hint="Choose a new or empty folder.",
        ) from None
    except OSError as exc:
        raise ProjectError(
            f"{folder}: cannot write the project: {exc.strerror or exc} (nothing was written)"
        ) from None
    return [folder / name for name in sorted(files)]


def _template_files(root: Traversable, prefix: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            found += _template_files(entry, f"{name}/")
        elif not entry.name.startswith((".", "__")):
            found.append((name, entry.read_text(encoding="utf-8")))
    return found


def example_figures() -> str:
    """The example figures as CSV: deterministic, seasonal, with a gentle trend.

    Burglary peaks in winter and falls slowly; charges are a share of burglaries that
    rises; 999 calls peak in summer. Force rows are the sums of the area rows.
    """
    rows = ["month,measure,area,value"]
    first, last = months.parse(FIRST_MONTH), months.parse(LAST_MONTH)
    series: dict[tuple[str, str], list[int]] = {}
    for index, month in enumerate(range(first, last + 1)):
        winter = math.cos(2 * math.pi * (months.month_of_year(month) - 1) / 12)
        for number, (area, share) in enumerate(_AREAS):
            wobble = ((index * 7 + number * 5) % 11 - 5) / 100
            burglary = round(share * 420 * (1 + 0.18 * winter + wobble) * (1 - 0.004 * index))
            rate = 0.06 + 0.0008 * index + ((index + number) % 5 - 2) / 400
            charged = min(burglary, round(burglary * rate))
            calls = round(share * 9800 * (1 - 0.08 * winter + wobble / 2) * (1 + 0.003 * index))
            for measure, value in (
                ("burglary", burglary),
                ("burglary_charged", charged),
                ("calls_999", calls),
            ):
                series.setdefault((measure, area), []).append(value)
    for measure in ("burglary", "burglary_charged", "calls_999"):
        parts = [series[(measure, area)] for area, _ in _AREAS]
        series[(measure, "Exampleshire")] = [sum(values) for values in zip(*parts, strict=True)]
        for area in ("Exampleshire", *(a for a, _ in _AREAS)):
            for offset, value in enumerate(series[(measure, area)]):
                rows.append(f"{months.iso(first + offset)},{measure},{area},{value}")
    return "\n".join(rows) + "\n"
