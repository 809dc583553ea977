"""``narrator init DIR``: scaffold a new project."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from narrator.cli.app import app
from narrator.console import err, out
from narrator.init import LAST_MONTH, init_project


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="A new or empty folder for the project.")],
) -> None:
    """Create a project in FOLDER: settings, catalogue, areas, outline, paper and figures."""
    written = init_project(folder)
    for path in written:
        out.print(str(path), markup=False, highlight=False)
    err.print(
        f"Created a project in {folder} ({len(written)} files). Next:\n"
        f"  cd {folder}\n"
        f"  narrator draft --month {LAST_MONTH}\n"
        f"  narrator build --month {LAST_MONTH} --draft-watermark",
        markup=False,
        highlight=False,
    )
