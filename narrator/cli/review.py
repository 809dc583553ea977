"""``narrator review``: editors review the draft's paragraphs in the terminal.

``narrator review DRAFT`` opens the full-screen review; ``--summary`` prints the status of
every paragraph for scripts and exits 0 only when all are accepted or edited and none stale
(1 otherwise; 2 for an input error, as every command).
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from narrator.cli.app import ProjectOption, app, open_project
from narrator.console import Table, err, escape, out
from narrator.errors import ReviewError
from narrator.review.state import Review, load_review, status_counts


class SummaryFormat(str, Enum):
    """Output formats of ``narrator review --summary``."""

    table = "table"
    json = "json"


def default_reviewer() -> str:
    """Who the review's actions are signed with: ``$NARRATOR_REVIEWER``, else the login."""
    named = os.environ.get("NARRATOR_REVIEWER", "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "editor"


@app.command()
def review(
    draft: Annotated[
        Path, typer.Argument(help="The draft's Markdown (its .json sidecar beside it).")
    ],
    project: ProjectOption = None,
    summary: Annotated[
        bool,
        typer.Option(
            "--summary", help="Print every paragraph's status; exit 0 only when all are done."
        ),
    ] = False,
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help="Summary as table or json.")
    ] = SummaryFormat.table,
    who: Annotated[
        str | None,
        typer.Option("--who", help="Sign actions with this name. Default: $NARRATOR_REVIEWER."),
    ] = None,
) -> None:
    """Review the generated paragraphs of DRAFT: accept, reject, edit, rephrase, comment."""
    result = load_review(draft)
    for warning in result.warnings:
        err.print(f"note: {warning}", markup=False)
    if result.merged is not None:
        err.print(
            f"The draft was regenerated: decisions carried over, {result.merged} "
            f"paragraph{'s' if result.merged != 1 else ''} stale (figures changed)."
        )
    if summary:
        print_summary(result, fmt)
        raise typer.Exit(0 if result.done() else 1)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # The full-screen review waits for keys: with no terminal it would wait for ever.
        raise ReviewError(
            f"{draft}: narrator review needs a terminal (standard input and output are "
            "not one here)",
            hint=f"In a script or CI job use: narrator review {draft} --summary",
        )
    run_app(result, project, who or default_reviewer())


def summary_data(result: Review) -> dict[str, Any]:
    """The summary as data: every paragraph's status, who, when and what blocks it."""
    rows = []
    for number in result.numbers():
        entry = result.entry(number)
        rows.append(
            {
                "number": number,
                "status": entry.status,
                "who": entry.who,
                "when": entry.when,
                "comments": len(entry.comments),
                "override": entry.override is not None,
                "blocking": result.reason(number),
            }
        )
    return {
        "draft": result.path.name,
        "month": result.draft.month,
        "done": result.done(),
        "counts": status_counts(result),
        "paragraphs": rows,
    }


def print_summary(result: Review, fmt: SummaryFormat) -> None:
    """Print the summary as a table or as JSON on standard output."""
    data = summary_data(result)
    if fmt is SummaryFormat.json:
        out.file.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    table = Table(title=escape(f"Review of {data['draft']} ({data['month']})"))
    for column in ("paragraph", "status", "who", "when", "notes"):
        table.add_column(column)
    for row in data["paragraphs"]:
        notes = row["blocking"] or ""
        if row["override"]:
            notes = (notes + "; " if notes else "") + "overridden"
        if row["comments"]:
            notes = (notes + "; " if notes else "") + f"{row['comments']} comment(s)"
        # Names and notes are the editors' and the checker's text, never markup.
        cells = (row["number"], row["status"], row["who"] or "", row["when"] or "", notes)
        table.add_row(*(escape(str(cell)) for cell in cells))
    out.print(table)
    counts = ", ".join(f"{n} {status}" for status, n in sorted(data["counts"].items()))
    verdict = "ready to build" if data["done"] else "not ready to build"
    out.print(f"{counts}: {verdict}.")


def run_app(result: Review, project: Path | None, who: str) -> None:
    """Open the full-screen review (Textual is imported only here)."""
    from narrator.check import Checker
    from narrator.review.app import ReviewApp
    from narrator.review.recheck import in_paper
    from narrator.review.series import SeriesSource
    from narrator.review.variants import Rephraser

    loaded = open_project(project)
    area = result.draft.area
    if area is not None and area in loaded.all_areas:
        # A paper about one area of many (draft --area/--each): read it as that area's.
        loaded = loaded.for_area(area)
    if loaded.name != result.draft.project:
        err.print(
            f"note: the draft was written for {result.draft.project}, not {loaded.name}; "
            "pass its project with --project for sparklines and other phrasings.",
            markup=False,
        )
        series, rephraser = None, None
    else:
        series, rephraser = SeriesSource(loaded), Rephraser(loaded, result.draft)
    # Each paragraph is checked as narrator check checks the paper it stands in.
    checker = in_paper(Checker.for_project(loaded), result)
    ReviewApp(result, who=who, checker=checker, series=series, rephraser=rephraser).run()
