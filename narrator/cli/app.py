"""The typer application and the options every command shares."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from narrator.console import err
from narrator.project import Project, load_project

app = typer.Typer(
    name="narrator",
    help="Write, check and build the narrative of police performance papers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ProjectOption = Annotated[
    Path | None,
    typer.Option(
        "--project",
        "-p",
        help="Project folder (with narrator.toml). Default: the working directory, "
        "else the bundled Cambridgeshire sample.",
        file_okay=False,
    ),
]
MonthOption = Annotated[str, typer.Option("--month", "-m", help="Reporting month, YYYY-MM.")]


def open_project(project: Path | None) -> Project:
    """Load the project a command runs on, saying so when it is the bundled sample."""
    loaded = load_project(project)
    if loaded.is_sample:
        err.print(
            f"Using the bundled sample project ({loaded.name}); "
            "pass --project or run in a folder with narrator.toml to use your own.",
            markup=False,
        )
    return loaded
