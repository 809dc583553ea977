"""``narrator facts``: every fact of a month, as a table or as JSON."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from narrator.api import load_facts
from narrator.cli.app import MonthOption, ProjectOption, app, open_project
from narrator.console import Table, err, out
from narrator.facts import Fact


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
    result = load_facts(loaded, month)
    for warning in result.warnings:
        err.print(f"note: {warning}")
    selected = [
        f
        for f in result.facts
        if (not measure or f.measure in measure)
        and (not area or f.area in area)
        and (not kind or f.kind in kind)
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


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    return f"{value:,.1f}%" if unit == "percent" else f"{value:,.1f}".removesuffix(".0")


def _row(fact: Fact) -> list[str]:
    change = ""
    if fact.change is not None:
        change = f"{fact.change:+,.1f}" + (" pp" if fact.unit == "percent" else "")
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
