"""``narrator check PAPER``: every claim of a paper against the figures and against itself."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from narrator.cli.app import MonthOption, ProjectOption, app, open_project
from narrator.console import Table, Text, err, escape, out


class CheckFormat(str, Enum):
    """Output formats of ``narrator check``."""

    text = "text"
    json = "json"


_STYLE = {
    "supported": "green",
    "contradicted": "bold red",
    "ambiguous": "yellow",
    "not checkable": "dim",
}


@app.command()
def check(
    paper: Annotated[Path, typer.Argument(help="The paper: Markdown, plain text or .docx.")],
    month: MonthOption,
    project: ProjectOption = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.text,
    show_all: Annotated[
        bool, typer.Option("--all", help="List supported claims too, not only the problems.")
    ] = False,
) -> None:
    """Check every number, direction, comparison and cross-reference of PAPER.

    Exit code 0 when nothing is contradicted and the text has no internal fault, 1 when
    something is, 2 for usage or input errors.
    """
    from narrator import months
    from narrator.check.api import check_document
    from narrator.check.document import read_document
    from narrator.errors import DocumentError

    months.parse(month)
    try:
        # Read the paper before the project: an unreadable file is one clear message.
        document = read_document(paper)
    except DocumentError as exc:
        from narrator.cli import report as report_error

        report_error(exc)
        raise typer.Exit(2) from None
    loaded = open_project(project)
    report = check_document(document, project=loaded, month=month)
    if fmt is CheckFormat.json:
        # Machine output never goes through rich: highlighting the JSON of a long paper
        # took gigabytes; json.dump writes it in pieces, in little more than the report's memory.
        json.dump(report.as_dict(), out.file, indent=2, ensure_ascii=False)
        out.file.write("\n")
    else:
        _print(report, show_all)
    raise typer.Exit(0 if report.ok else 1)


def _print(report: object, show_all: bool) -> None:
    from narrator.check.api import CheckReport

    assert isinstance(report, CheckReport)
    text = report.document.text
    table = Table(title=f"Claims checked against the figures of {report.month}", show_lines=True)
    for name in ("where", "sentence", "verdict", "evidence"):
        table.add_column(name, overflow="fold")
    for verdict in report.verdicts:
        if verdict.verdict == "supported" and not show_all:
            continue
        start, end = verdict.span
        s_start, s_end = verdict.claim.sentence_span
        sentence = Text(text[s_start:start].replace("\n", " "))
        sentence.append(text[start:end].replace("\n", " "), style="reverse")
        sentence.append(text[end:s_end].replace("\n", " "))
        table.add_row(
            escape(verdict.claim.section or ""),
            sentence,
            Text(verdict.verdict, style=_STYLE.get(verdict.verdict, "")),
            escape(verdict.message),
        )
    out.print(table)
    if report.findings:
        faults = Table(title="The text against itself", show_lines=True)
        for name in ("kind", "finding", "suggestion"):
            faults.add_column(name, overflow="fold")
        for finding in report.findings:
            faults.add_row(finding.kind, escape(finding.message), escape(finding.suggestion or ""))
        out.print(faults)
    counts = ", ".join(f"{n} {k}" for k, n in sorted(report.counts().items()))
    err.print(f"{len(report.claims)} claims read: {counts}.")
