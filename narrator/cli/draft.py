"""``narrator draft``: the month's narrative as Markdown, with its JSON sidecar.

``--area NAME`` drafts the paper about one area of a project that holds many; ``--each
LEVEL`` drafts one for every area of a level, the facts computed once and the areas
drafted in parallel processes.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from narrator._gc import lasting_objects
from narrator.api import area_draft_path, draft_task, load_facts, save_draft
from narrator.api import draft as make_draft
from narrator.cli.app import MonthOption, ProjectOption, app, open_project
from narrator.console import count_progress, err, escape, out
from narrator.draft.document import Draft
from narrator.draft.paper import tally
from narrator.per_area import (
    AreaResult,
    AreaTask,
    default_jobs,
    exit_code,
    level_areas,
    resolve_area,
    run_each,
)
from narrator.project import Project


class DraftFormat(str, Enum):
    """Output formats of ``narrator draft``."""

    md = "md"
    json = "json"


AreaOption = Annotated[
    str | None,
    typer.Option(
        "--area", "-a", help="The paper about this area of the project (name, label or alias)."
    ),
]
EachOption = Annotated[
    str | None,
    typer.Option(
        "--each",
        help="One paper for every area of this level (for example force), "
        "written into the --out folder.",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Processes for --each. Default: one per core."),
]


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
            "'-' prints to standard output. Default: draft-MONTH.md in the project folder "
            "(draft-MONTH-AREA.md with --area; the working directory for the bundled sample). "
            "With --each: the folder to write the drafts to, default drafts-MONTH there.",
        ),
    ] = None,
    fmt: Annotated[
        DraftFormat, typer.Option("--format", "-f", help="md or json.")
    ] = DraftFormat.md,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite a draft that was edited by hand.")
    ] = False,
    area: AreaOption = None,
    each: EachOption = None,
    jobs: JobsOption = None,
) -> None:
    """Write the narrative paragraphs of MONTH from the figures."""
    if area is not None and each is not None:
        usage("--area and --each: pass one of them")
    loaded = open_project(project)
    if each is not None:
        if output is not None and str(output) == "-":
            usage("--each writes a draft per area into a folder: --out - is for one draft")
        names = level_areas(loaded, each)
        _draft_each(loaded, month, names, each, output, force, jobs or default_jobs())
        return
    name = resolve_area(loaded, area) if area is not None else None
    result = make_draft(loaded, month, area=name)
    for warning in result.warnings:
        err.print(f"note: {warning}", markup=False)
    if output is not None and str(output) == "-":
        text = result.draft.to_json() if fmt is DraftFormat.json else result.draft.to_markdown()
        out.file.write(text)
        _print_notes(result.draft, None)
        return
    month_iso = result.draft.month
    if output is None:
        default = loaded.draft_path(month_iso)
        output = default if name is None else area_draft_path(default.parent, month_iso, name)
    written = save_draft(result.draft, output, force=force)
    _print_notes(result.draft, written)


def _print_notes(draft: Draft, written: tuple[Path, Path] | None) -> None:
    """The summary line (sentences written, what was left out) and one line a note."""
    count = sum(len(p.sentences) for p in draft.paragraphs())
    line = f"Wrote {count} sentences" + (
        f" to {written[0]} (sidecar {written[1]})" if written else ""
    )
    if draft.notes:
        line += "; " + tally(draft.notes)
    err.print(line + ".", markup=False, highlight=False)
    for note in draft.notes:
        err.print(f"  {note['where']}: {note['message']}", markup=False, highlight=False)


def usage(message: str) -> None:
    """A wrong combination of options: one line, exit 2."""
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True, highlight=False)
    raise typer.Exit(2)


def _draft_each(
    loaded: Project,
    month: str,
    names: list[str],
    level: str,
    output: Path | None,
    force: bool,
    jobs: int,
) -> None:
    with lasting_objects():
        facts = load_facts(loaded, month)
    for warning in facts.warnings:
        err.print(f"note: {warning}", markup=False)
    folder = output or loaded.output_dir(f"drafts-{facts.facts.month}")
    folder.mkdir(parents=True, exist_ok=True)
    task = draft_task(loaded, facts.facts, folder, force=force)
    results = run_per_area(names, task, jobs, f"Drafting each {level}")
    done = sum(1 for r in results if r.code == 0)
    err.print(
        f"Wrote {done} of {len(results)} drafts (with sidecars) to {folder}.",
        markup=False,
        highlight=False,
    )
    code = exit_code(results)
    if code:
        raise typer.Exit(code)


def run_per_area(names: list[str], task: AreaTask, jobs: int, what: str) -> list[AreaResult]:
    """Run a task per area behind a progress bar on standard error; report each failure."""
    with count_progress(err, what) as progress:
        bar = progress.add_task(what, total=len(names))

        def done(result: AreaResult) -> None:
            progress.advance(bar)
            if result.error is not None:
                label = "blocked" if result.code == 1 else "error"
                progress.console.print(
                    f"{label}: {result.area}: {result.error}", markup=False, highlight=False
                )
            progress.refresh()

        return run_each(names, task, jobs=jobs, done=done)
