"""``narrator check PAPER``: every claim of a paper against the figures and against itself."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from narrator.cli.app import MonthOption, ProjectOption, app, open_project
from narrator.console import Table, Text, escape, out


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
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "--all",
            "-v",
            help="List every claim (supported and not checkable too), not only what needs "
            "attention.",
        ),
    ] = False,
) -> None:
    """Check every number, direction, comparison and cross-reference of PAPER.

    Exit code 0 when nothing is contradicted and the text has no internal fault, 1 when
    something is, 2 for usage or input errors.
    """
    from narrator import months
    from narrator.check import Checker
    from narrator.check.text.files import read_document
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
    report = Checker.for_project(loaded).check_document(document, month=month)
    if fmt is CheckFormat.json:
        # Machine output never goes through rich: highlighting the JSON of a long paper
        # took gigabytes; json.dump writes it in pieces, in little more than the report's memory.
        json.dump(report.as_dict(), out.file, indent=2, ensure_ascii=False)
        out.file.write("\n")
    else:
        _print(report, verbose)
    raise typer.Exit(0 if report.ok else 1)


#: What needs an editor's attention; the other verdicts are counted, and listed with --verbose.
_ATTENTION = ("contradicted", "ambiguous")


def _print(report: object, verbose: bool) -> None:
    """The summary first, then only what needs attention (everything with ``verbose``)."""
    from narrator.check import CheckReport

    assert isinstance(report, CheckReport)
    counts = ", ".join(f"{n} {k}" for k, n in sorted(report.counts().items()))
    out.print(f"{len(report.claims)} claims read: {counts}.", markup=False, highlight=False)
    text = report.document.text
    shown = [v for v in report.verdicts if verbose or v.verdict in _ATTENTION]
    if shown:
        _claims(report, shown, text)
    if report.findings:
        faults = Table(title="The text against itself", show_lines=True)
        for name in ("kind", "finding", "suggestion"):
            faults.add_column(name, overflow="fold")
        for finding in report.findings:
            faults.add_row(finding.kind, escape(finding.message), escape(finding.suggestion or ""))
        out.print(faults)
    if not shown and not report.findings:
        out.print("Nothing needs attention.", markup=False)


def _claims(report: object, shown: list[Any], text: str) -> None:
    from narrator.check import CheckReport

    assert isinstance(report, CheckReport)
    title = "Claims" if len(shown) == len(report.verdicts) else "Claims that need attention"
    table = Table(title=f"{title} (figures of {report.month})", show_lines=True)
    for name in ("where", "sentence", "verdict", "evidence"):
        table.add_column(name, overflow="fold")
    for verdict in shown:
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
