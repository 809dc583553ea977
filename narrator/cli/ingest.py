"""``narrator ingest police-uk``: data.police.uk CSV files to the figures of a project."""

from __future__ import annotations

import time
from pathlib import Path
from types import TracebackType
from typing import Annotated, Any

import typer

from narrator.cli.app import app
from narrator.console import Console, Progress, Table, Text, err, out, progress_bar
from narrator.ingest import IngestSummary, ingest_police_uk, load_area_plan, write_figures

ingest_app = typer.Typer(
    help="Turn published source files into the figures of a project.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(ingest_app, name="ingest")


@ingest_app.command("police-uk")
def police_uk(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="data.police.uk CSV files (street, outcomes, stop-and-search), or folders of them."
        ),
    ],
    out_path: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="The figures CSV to write (replaced atomically).", dir_okay=False
        ),
    ],
    areas: Annotated[
        Path | None,
        typer.Option(
            "--areas",
            help="An areas file ([[areas]] as in a project): the force's name and the areas "
            "that sum districts. Without it every district of the force gets rows.",
            dir_okay=False,
        ),
    ] = None,
    split_forces: Annotated[
        bool,
        typer.Option(
            "--split-forces",
            help="Accept a file holding several forces' rows: each force's rows count for "
            "that force (by default such a file is refused).",
        ),
    ] = False,
) -> None:
    """Read data.police.uk files and write the tidy figures (month, measure, area, value)."""
    plan = load_area_plan(areas) if areas is not None else None
    with ProgressBar(err) as bar:
        result = ingest_police_uk(paths, areas=plan, progress=bar.update, split_forces=split_forces)
    write_figures(result, out_path)
    out.print(summary_table(result.summary))
    figures = result.figures
    out.print(
        f"Wrote {len(figures):,} rows ({figures['measure'].nunique()} measures, "
        f"{figures['area'].nunique()} areas, {result.summary.period or 'no months'}) "
        f"to {out_path}",
        markup=False,
    )


def summary_table(summary: IngestSummary) -> Table:
    """The quirk summary as a table: what was met, how often, and what the ingest did."""
    files = ", ".join(f"{n} {kind}" for kind, n in sorted(summary.files.items()))
    rows = sum(summary.rows.values())
    forces = summary.forces[0] if len(summary.forces) == 1 else f"{len(summary.forces)} forces"
    table = Table(
        title=Text(f"police.uk ingest: {forces}, {summary.period or 'no months'}"),
        caption=f"{files} files; {rows:,} rows read",
        show_lines=False,
    )
    table.add_column("quirk", overflow="fold")
    table.add_column("count", justify="right")
    table.add_column("handled as", overflow="fold")
    table.add_column("largest", overflow="fold")
    for quirk in summary:
        style = "dim" if quirk.count == 0 else ""
        table.add_row(
            Text(quirk.label, style=style),
            Text(f"{quirk.count:,}", style=style),
            Text(quirk.handling, style=style),
            Text(quirk.detail, style=style),
        )
    return table


class ProgressBar:
    """rich's progress bar on stderr, shown only when the work outlasts ``delay`` seconds.

    Short ingests (a month or two) finish before it would be readable, so it stays hidden; a
    terminal that is not interactive (CI logs, tests) never shows it at all.
    """

    def __init__(self, console: Console, *, delay: float = 1.0) -> None:
        self.console = console
        self.delay = delay
        self.started = time.monotonic()
        self.progress: Progress | None = None
        self.task: Any = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.progress is not None:
            self.progress.stop()

    def update(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` bytes read."""
        if self.progress is None:
            if time.monotonic() - self.started < self.delay or not self.console.is_terminal:
                return
            self.progress = progress_bar(self.console, "reading police.uk files")
            self.task = self.progress.add_task("ingest", total=total)
            self.progress.start()
        self.progress.update(self.task, completed=done, total=total)
