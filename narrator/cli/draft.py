"""``narrator draft``: the month's narrative as Markdown, with its JSON sidecar."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from narrator.api import draft as make_draft
from narrator.api import save_draft
from narrator.cli.app import MonthOption, ProjectOption, app, open_project
from narrator.console import err, out


class DraftFormat(str, Enum):
    """Output formats of ``narrator draft``."""

    md = "md"
    json = "json"


@app.command()
def draft(
    month: MonthOption,
    project: ProjectOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Markdown file to write (its .json sidecar beside it); "
            "'-' prints to standard output. Default: draft-MONTH.md here.",
        ),
    ] = None,
    fmt: Annotated[
        DraftFormat, typer.Option("--format", "-f", help="md or json.")
    ] = DraftFormat.md,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite a draft that was edited by hand.")
    ] = False,
) -> None:
    """Write the narrative paragraphs of MONTH from the figures."""
    loaded = open_project(project)
    result = make_draft(loaded, month)
    for warning in result.warnings:
        err.print(f"note: {warning}", markup=False)
    if output is not None and str(output) == "-":
        text = result.draft.to_json() if fmt is DraftFormat.json else result.draft.to_markdown()
        out.file.write(text)
        return
    target = output or Path(f"draft-{result.draft.month}.md")
    written = save_draft(result.draft, target, force=force)
    count = sum(len(p.sentences) for p in result.draft.paragraphs())
    err.print(f"Wrote {count} sentences to {written[0]} (sidecar {written[1]}).", markup=False)
