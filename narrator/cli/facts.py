"""``narrator facts``: every fact of a month, as a page for people or as machine output.

Machine output (JSON, JSON Lines, CSV, Parquet) is streamed by :mod:`narrator.facts.export`,
never through rich; ``--out`` writes it atomically. The table shows the most salient facts
and says how many it left out.
"""

from __future__ import annotations

import difflib
import heapq
import io
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, NoReturn

import typer

from narrator._gc import lasting_objects
from narrator.api import load_facts
from narrator.cli import streams
from narrator.cli.app import MonthOption, ProjectOption, app, open_project
from narrator.console import Table, err, escape, out
from narrator.errors import DocumentError
from narrator.facts import Fact, FactSet
from narrator.facts.builder import KINDS
from narrator.facts.export import WRITERS
from narrator.fileio import atomic_output
from narrator.project import Project

#: Rows the table shows unless --limit says otherwise: a page, not half a million rows.
PAGE = 40


class FactsFormat(str, Enum):
    """Output formats of ``narrator facts``."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
def facts(
    month: MonthOption,
    project: ProjectOption = None,
    measure: Annotated[
        list[str] | None, typer.Option("--measure", help="Only this measure (repeatable).")
    ] = None,
    area: Annotated[
        list[str] | None, typer.Option("--area", help="Only this area (repeatable).")
    ] = None,
    kind: Annotated[
        list[str] | None, typer.Option("--kind", help="Only this fact type (repeatable).")
    ] = None,
    output: Annotated[
        FactsFormat,
        typer.Option("--format", "-f", help="table (a page), json, jsonl, csv or parquet."),
    ] = FactsFormat.table,
    out_file: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write json, jsonl, csv or parquet to (atomically); "
            "'-' or none: standard output.",
            dir_okay=False,
        ),
    ] = None,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=0, help="Rows of the table; 0 shows every fact."),
    ] = PAGE,
) -> None:
    """Show every fact the figures give for MONTH: levels, changes, benchmarks, streaks..."""
    to_stdout = out_file is None or str(out_file) == "-"
    if output is FactsFormat.table and out_file is not None:
        _usage("--out writes machine output: pass --format json, jsonl, csv or parquet")
    if output is FactsFormat.parquet and out_file is None:
        _usage("Parquet is binary: pass --out FILE (or --out - for standard output)")
    loaded = open_project(project)
    # Check the filters before the figures are read: a typo is reported at once.
    measures = _known("--measure", measure, [m.id for m in loaded.catalogue], "measure")
    areas = _areas(loaded, area)
    kinds = _known("--kind", kind, sorted(KINDS), "fact type")
    with lasting_objects():
        result = load_facts(loaded, month)
    for warning in result.warnings:
        err.print(f"note: {warning}", markup=False)

    def selected() -> Iterator[Fact]:
        if not (measures or areas or kinds):
            return iter(result.facts)
        return (
            f
            for f in result.facts
            if (not measures or f.measure in measures)
            and (not areas or f.area in areas)
            and (not kinds or f.kind in kinds)
        )

    if output is FactsFormat.table:
        _table(result.facts, selected(), limit)
    else:
        _write(output.value, selected(), None if to_stdout else out_file)


def _usage(message: str) -> NoReturn:
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True, highlight=False)
    raise typer.Exit(2)


def _write(fmt: str, facts: Iterator[Fact], target: Path | None) -> None:
    """Stream the facts in a machine format to ``target`` (atomically) or standard output."""
    writer = WRITERS[fmt]
    if target is None:
        sys.stdout.flush()
        raw: IO[bytes] | None = getattr(sys.stdout, "buffer", None)
        if raw is None:  # a text stream without a binary buffer (a caller's StringIO)
            held = io.BytesIO()
            writer(facts, held)
            sys.stdout.write(held.getvalue().decode("utf-8"))
            return
        try:
            writer(facts, raw)
            raw.flush()
        except OSError as exc:
            # A reader that stopped reading (| head) ends quietly with 141; a full disk is
            # one message and exit 2 (narrator.cli.streams).
            raise streams.failed(exc) from None
        return
    try:
        with atomic_output(target) as handle:
            count = writer(facts, handle)
    except OSError as exc:
        raise DocumentError(f"{target}: cannot write the facts: {exc.strerror or exc}") from None
    err.print(f"Wrote {count:,} facts to {target}.", markup=False, highlight=False)


def _table(everything: FactSet, facts: Iterator[Fact], limit: int) -> None:
    """A page of the most salient facts (ties in id order) and how many were left out."""
    chosen: list[Fact] = []
    total = 0
    if limit:
        # A bounded heap: the page is found without sorting (or keeping) every fact.
        heap: list[tuple[float, int, Fact]] = []
        for fact in facts:
            total += 1
            entry = (fact.salience, -total, fact)
            if len(heap) < limit:
                heapq.heappush(heap, entry)
            elif entry[:2] > heap[0][:2]:
                heapq.heapreplace(heap, entry)
        chosen = [e[2] for e in sorted(heap, key=lambda e: (-e[0], -e[1]))]
    else:
        chosen = sorted(facts, key=lambda f: -f.salience)
        total = len(chosen)
    left = total - len(chosen)
    title = f"Facts for {everything.month} ({total})"
    if left:
        title = f"Facts for {everything.month}: the {len(chosen)} most salient of {total:,}"
    table = Table(title=title, show_lines=False)
    for name in (
        "kind",
        "measure",
        "area",
        "period",
        "value",
        "reference",
        "change",
        "sig",
        "method",
    ):
        table.add_column(name, overflow="fold")
    for fact in chosen:
        table.add_row(*_row(fact))
    out.print(table)
    if left:
        out.print(
            f"{left:,} more facts not shown: --limit N shows more (0 for all); "
            "--format csv, jsonl or parquet --out FILE writes them all.",
            markup=False,
            highlight=False,
        )


def _known(option: str, given: list[str] | None, names: list[str], what: str) -> set[str]:
    """The values of a filter, each one of ``names``; exit 2 naming an unknown one."""
    for text in given or ():
        if text not in names:
            _unknown(option, text, names, what)
    return set(given or ())


def _areas(loaded: Project, given: list[str] | None) -> set[str]:
    """The areas an ``--area`` filter selects, by name, label or alias (any case)."""
    chosen = set()
    for text in given or ():
        found = loaded.areas.resolve(text)
        if found is None:
            _unknown("--area", text, [a.name for a in loaded.areas], "area")
        chosen.add(found.name)
    return chosen


def _unknown(option: str, text: str, names: list[str], what: str) -> NoReturn:
    close = difflib.get_close_matches(text, names, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    err.print(
        f"[bold red]error:[/] {option} {escape(repr(text))} is not a {what}{escape(hint)}",
        markup=True,
        highlight=False,
    )
    err.print(f"expected one of: {', '.join(names)}", markup=False, highlight=False)
    raise typer.Exit(2)


def _num(value: float | None, unit: str) -> str:
    """A value as the table writes it: a rate "12.4%", a change "+21.3%" or "+2.1 pp", a count
    "1,204", a number of months "29 months"."""
    if value is None:
        return ""
    if unit == "percent":
        return f"{value:,.1f}%"
    if unit == "percent_change":
        return f"{value:+,.1f}%"
    if unit == "points":
        return f"{value:+,.1f} pp"
    text = f"{value:,.1f}".removesuffix(".0")
    if unit == "months":
        text += " month" if value == 1 else " months"
    return text


def _row(fact: Fact) -> list[str]:
    change = ""
    if fact.change is not None:
        # A change of a rate, or of a per cent change, is in percentage points.
        points = fact.unit in ("percent", "percent_change", "points")
        change = f"{fact.change:+,.1f}" + (" pp" if points else "")
        if fact.change_pct is not None:
            change += f" ({fact.change_pct:+.1f}%)"
    sig = "" if fact.significant is None else ("yes" if fact.significant else "no")
    return [
        fact.kind,
        fact.measure,
        fact.area,
        fact.period + (f" vs {fact.reference_period}" if fact.reference_period else ""),
        _num(fact.value, fact.unit),
        _num(fact.reference, fact.unit),
        change,
        sig,
        fact.method,
    ]
