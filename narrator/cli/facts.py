"""``narrator facts``: every fact of a month, as a table or as JSON."""

from __future__ import annotations

import difflib
import json
from enum import Enum
from typing import Annotated, NoReturn

import typer

from narrator.api import load_facts
from narrator.cli.app import MonthOption, ProjectOption, app, open_project
from narrator.console import Table, err, escape, out
from narrator.facts import Fact
from narrator.facts.builder import KINDS
from narrator.project import Project


class FactsFormat(str, Enum):
    """Output formats of ``narrator facts``."""

    table = "table"
    json = "json"


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
    output: Annotated[FactsFormat, typer.Option("--format", "-f")] = FactsFormat.table,
) -> None:
    """Show every fact the figures give for MONTH: levels, changes, benchmarks, streaks..."""
    loaded = open_project(project)
    # Check the filters before the figures are read: a typo is reported at once.
    measures = _known("--measure", measure, [m.id for m in loaded.catalogue], "measure")
    areas = _areas(loaded, area)
    kinds = _known("--kind", kind, sorted(KINDS), "fact type")
    result = load_facts(loaded, month)
    for warning in result.warnings:
        err.print(f"note: {warning}", markup=False)
    selected = [
        f
        for f in result.facts
        if (not measures or f.measure in measures)
        and (not areas or f.area in areas)
        and (not kinds or f.kind in kinds)
    ]
    if output is FactsFormat.json:
        out.print_json(json.dumps([f.as_dict() for f in selected]))
        return
    table = Table(title=f"Facts for {result.facts.month} ({len(selected)})", show_lines=False)
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
    for fact in selected:
        table.add_row(*_row(fact))
    out.print(table)


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
