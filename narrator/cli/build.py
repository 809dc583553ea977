"""``narrator build``: the finished paper from the reviewed draft; exit 1 while blocked."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from narrator.build import FORMATS, BuildOptions, BuildResult
from narrator.build import build as build_paper
from narrator.build.outputs import parse_formats
from narrator.cli.app import MonthOption, ProjectOption, app, open_project
from narrator.console import err, out

#: Exit code of a build refused for blockers (bad input exits 2, like every command).
BLOCKED = 1


@app.command()
def build(
    month: MonthOption,
    project: ProjectOption = None,
    draft: Annotated[
        Path | None,
        typer.Option(
            "--draft",
            "-d",
            help="The reviewed draft. Default: where narrator draft writes it "
            "(draft-MONTH.md in the project folder).",
            dir_okay=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write the paper to. Default: build/ in the project folder.",
            file_okay=False,
        ),
    ] = None,
    formats: Annotated[
        str, typer.Option("--format", "-f", help="Comma-separated: md, html, docx.")
    ] = ",".join(FORMATS),
    draft_watermark: Annotated[
        bool,
        typer.Option(
            "--draft-watermark",
            help="Build even while blocked, with every page marked DRAFT.",
        ),
    ] = False,
) -> None:
    """Assemble, re-check and write the paper of MONTH (Markdown, HTML, Word).

    Exit 0 when built, 1 while a paragraph is unreviewed or stale or the checker finds a
    contradiction (nothing is written), 2 for bad input.
    """
    options = BuildOptions(
        draft=draft, out=output, formats=parse_formats(formats), draft_watermark=draft_watermark
    )
    loaded = open_project(project)
    result = build_paper(loaded, month, options=options)
    if result.checked:
        counts = ", ".join(f"{n} {k}" for k, n in sorted(result.checked.items()))
        err.print(f"Re-checked the paper: {counts}.", markup=False, highlight=False)
    for note in result.notes:
        err.print(f"note: {note}", markup=False, highlight=False)
    report_blockers(result)
    if not result.built:
        raise typer.Exit(BLOCKED)
    papers = [p for p in result.paths if p.suffix != ".png"]
    for path in papers:
        out.print(str(path), markup=False, highlight=False)
    charts = len(result.paths) - len(papers)
    state = "a DRAFT" if result.watermarked else "the paper"
    also = f", with {charts} charts beside the Markdown" if charts else ""
    folder = output or loaded.output_dir("build")
    err.print(f"Built {state} of {result.month} in {folder}{also}.", markup=False)


def report_blockers(result: BuildResult) -> None:
    """List what blocks the build, one line each, on standard error."""
    if not result.blockers:
        return
    count = len(result.blockers)
    noun = "thing blocks" if count == 1 else "things block"
    verdict = "built with a DRAFT watermark" if result.built else "not built"
    err.print(f"{count} {noun} the paper of {result.month} ({verdict}):", markup=False)
    for blocker in result.blockers:
        err.print(f"  {blocker}", markup=False, highlight=False)
    if not result.built:
        err.print(
            "Review the draft (narrator review), fix the text, or pass --draft-watermark "
            "to build a DRAFT.",
            markup=False,
        )
