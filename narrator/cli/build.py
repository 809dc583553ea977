"""``narrator build``: the finished paper from the reviewed draft; exit 1 while blocked."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer

from narrator import months
from narrator._gc import lasting_objects
from narrator.api import area_draft_path
from narrator.build import FORMATS, BuildOptions, BuildResult
from narrator.build import build as build_paper
from narrator.build.each import build_task, shared_facts
from narrator.build.outputs import parse_formats
from narrator.cli.app import MonthOption, ProjectOption, app, open_project
from narrator.cli.draft import AreaOption, EachOption, JobsOption, run_per_area, usage
from narrator.console import err, out
from narrator.per_area import default_jobs, exit_code, level_areas, resolve_area
from narrator.project import Project

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
    area: AreaOption = None,
    each: EachOption = None,
    drafts: Annotated[
        Path | None,
        typer.Option(
            "--drafts",
            help="With --each: the folder of the drafts (as narrator draft --each writes "
            "them). Default: drafts-MONTH in the project folder.",
            file_okay=False,
        ),
    ] = None,
    jobs: JobsOption = None,
) -> None:
    """Assemble, re-check and write the paper of MONTH (Markdown, HTML, Word).

    Exit 0 when built, 1 while a paragraph is unreviewed or stale or the checker finds a
    contradiction (nothing is written), 2 for bad input. With --each, each area's paper is
    written to its own folder under --out; exit 1 when some were blocked, 3 when some failed.
    """
    if area is not None and each is not None:
        usage("--area and --each: pass one of them")
    options = BuildOptions(
        draft=draft, out=output, formats=parse_formats(formats), draft_watermark=draft_watermark
    )
    loaded = open_project(project)
    if each is not None:
        if draft is not None:
            usage("--each builds every area's draft from --drafts FOLDER, not one --draft")
        _build_each(loaded, month, each, drafts, options, jobs or default_jobs())
        return
    if area is not None:
        name = resolve_area(loaded, area)
        loaded = loaded.for_area(name)
        month_iso = months.iso(months.parse(month))
        if draft is None:
            options = dataclasses.replace(
                options, draft=area_draft_path(loaded.draft_path(month_iso).parent, month_iso, name)
            )
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


def _build_each(
    loaded: Project,
    month: str,
    level: str,
    drafts: Path | None,
    options: BuildOptions,
    jobs: int,
) -> None:
    names = level_areas(loaded, level)
    month_iso = months.iso(months.parse(month))
    with lasting_objects():
        figures, facts = shared_facts(loaded, month_iso)
    for warning in figures.warnings:
        err.print(f"note: {warning}", markup=False)
    folder = drafts or loaded.output_dir(f"drafts-{month_iso}")
    task = build_task(loaded, month_iso, (figures, facts), folder, options)
    results = run_per_area(names, task, jobs, f"Building each {level}")
    built = sum(1 for r in results if r.code == 0)
    err.print(
        f"Built {built} of {len(results)} papers in {options.out or loaded.output_dir('build')}.",
        markup=False,
        highlight=False,
    )
    code = exit_code(results)
    if code:
        raise typer.Exit(code)
