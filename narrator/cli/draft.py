"""``narrator draft``: the month's narrative as Markdown, with its JSON sidecar."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from narrator.api import draft as make_draft
from narrator.api import save_draft
from narrator.cli.app import MonthOption, ProjectOption, app, open_project
from narrator.console import err, escape, out
from narrator.draft.document import Draft
from narrator.draft.paper import tally


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
        err.print(f"note: {warning}")
    if output is not None and str(output) == "-":
        text = result.draft.to_json() if fmt is DraftFormat.json else result.draft.to_markdown()
        out.file.write(text)
        _print_notes(result.draft, None)
        return
    target = output or Path(f"draft-{result.draft.month}.md")
    written = save_draft(result.draft, target, force=force)
    _print_notes(result.draft, written)


def _print_notes(draft: Draft, written: tuple[Path, Path] | None) -> None:
    """The summary line (sentences written, what was left out) and one line a note."""
    count = sum(len(p.sentences) for p in draft.paragraphs())
    line = f"Wrote {count} sentences" + (
        f" to {written[0]} (sidecar {written[1]})" if written else ""
    )
    if draft.notes:
        line += "; " + tally(draft.notes)
    err.print(escape(line + "."), highlight=False)
    for note in draft.notes:
        err.print(escape(f"  {note['where']}: {note['message']}"), highlight=False)
