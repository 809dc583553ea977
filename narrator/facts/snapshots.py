"""Snapshot measures: values on given dates (a queue, a caseload), compared date to date."""

from __future__ import annotations

import itertools

from narrator import months
from narrator.catalogue import Kind
from narrator.facts.builder import FactBuilder
from narrator.figures import Figures

#: Snapshots are read from the start of the reporting month to the end of the next one: a
#: paper is written in the month after its figures and quotes the latest queue sizes.
WINDOW_MONTHS = 2


def snapshot_changes(figures: Figures, month: int, builder: FactBuilder) -> None:
    """One fact per pair of consecutive snapshots in the window, and first to last."""
    table = figures.snapshots
    if table.empty:
        return
    start = f"{months.iso(month)}-01"
    end = f"{months.iso(month + WINDOW_MONTHS)}-01"
    window = table[(table["date"] >= start) & (table["date"] < end)]
    for (measure_id, area), rows in window.groupby(["measure", "area"], sort=True):
        measure = figures.catalogue[str(measure_id)]
        if measure.kind is not Kind.SNAPSHOT:
            continue
        ordered = rows.sort_values("date")
        points = list(zip(ordered["date"], ordered["value"], strict=True))
        pairs = list(itertools.pairwise(points))
        if len(points) > 2:
            pairs.append((points[0], points[-1]))
        for (d0, v0), (d1, v1) in pairs:
            builder.add_one(
                "snapshot.change",
                measure=measure,
                area=str(area),
                unit="count",
                value=float(v1),
                reference=float(v0),
                period=f"D:{d1}",
                reference_period=f"D:{d0}",
                method="difference between snapshots",
                detail={"date": str(d1), "reference_date": str(d0)},
                sources=(f"{measure_id}|{area}|{d0}", f"{measure_id}|{area}|{d1}"),
            )
