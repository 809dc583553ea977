"""Facts across areas and across the parts of a whole: variation, outliers and share shifts."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np

from narrator.areas import Areas
from narrator.facts import stats
from narrator.facts.context import Context


def _change(ctx: Context, window: tuple[int, int], ref: tuple[int, int]) -> np.ndarray:
    """Per cent change for counts, percentage-point change for rates."""
    p = ctx.panel
    value, reference = p.window(*window), p.window(*ref)
    if p.is_ratio:
        points: np.ndarray = value - reference
        return points
    with np.errstate(invalid="ignore", divide="ignore"):
        percent: np.ndarray = np.where(reference > 0, 100 * (value - reference) / reference, np.nan)
    return percent


def variation(ctx: Context, areas: Areas) -> None:
    """How the children of an area moved year on year (rolling 12 months), side by side."""
    p, t = ctx.panel, ctx.t
    rolling, previous = (t - 11, t), (t - 23, t - 12)
    value, reference = p.window(*rolling), p.window(*previous)
    significant, _, method = ctx.test(rolling, reference)
    change = _change(ctx, rolling, previous)
    rows = {key: i for i, key in enumerate(p.keys)}
    measure_ids = {m.id for m in p.measures}
    for parent in areas:
        children = areas.children(parent.name)
        if len(children) < 2:
            continue
        by_measure: dict[str, list[int]] = defaultdict(list)
        for child in children:
            for measure in measure_ids:
                row = rows.get((measure, child.name))
                if row is not None and np.isfinite(change[row]):
                    by_measure[measure].append(row)
        for measure, child_rows in sorted(by_measure.items()):
            parent_row = rows.get((measure, parent.name))
            if len(child_rows) < 2 or parent_row is None or not np.isfinite(value[parent_row]):
                continue
            parts: list[dict[str, Any]] = []
            for row in child_rows:
                direction = (
                    "flat" if not significant[row] else ("up" if change[row] > 0 else "down")
                )
                parts.append(
                    {
                        "area": p.keys[row][1],
                        "value": float(value[row]),
                        "reference": float(reference[row]),
                        "change": round(float(change[row]), 6),
                        "significant": bool(significant[row]),
                        "direction": direction,
                    }
                )
            directions = {part["direction"] for part in parts}
            ctx.builder.add_one(
                "area.variation",
                measure=p.measures[parent_row],
                area=parent.name,
                unit=p.unit,
                value=float(value[parent_row]),
                period=ctx.rolling_label(t),
                reference_period=ctx.rolling_label(t - 12),
                direction=directions.pop() if len(directions) == 1 else "mixed",
                method=f"children's rolling 12 month change; {method}",
                detail={"children": parts},
                strength=1.0 if len({part["direction"] for part in parts}) > 1 else 0.2,
                sources=tuple(c for row in child_rows for c in p.cell(row, t - 23, t)),
            )


def outliers(ctx: Context, areas: Areas) -> None:
    """Peer areas (same level) whose change stands out: robust z beyond the threshold.

    An area is an outlier on a comparison when its change stands out among its peers on that
    comparison (robust |z| above ``outlier_z``) and its own change is a real one (significant)
    on at least one of the comparisons: a district whose incidents jump on the month and are
    far above its peers on the year is an outlier on both, even when its year-on-year change
    alone is too small a count to pass the test. The value is the area's change: per cent
    for counts (unit "percent_change"), percentage points for rates (unit "points").
    """
    p, t = ctx.panel, ctx.t
    level_of = {a.name: a.level for a in areas}
    comparisons = {
        "month": ((t, t), (t - 1, t - 1)),
        "year": ((t, t), (t - 12, t - 12)),
        "rolling_year": ((t - 11, t), (t - 23, t - 12)),
    }
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row, (measure, area) in enumerate(p.keys):
        groups[(measure, level_of[area])].append(row)
    own = np.zeros(len(p), dtype=bool)
    for window, ref in comparisons.values():
        significant, _, _ = ctx.test(window, p.window(*ref))
        own |= significant
    for name, (window, ref) in comparisons.items():
        change = _change(ctx, window, ref)
        z = np.full(len(p), np.nan)
        for rows in groups.values():
            if len(rows) >= 4:
                z[rows] = stats.robust_z(change[rows])
        # An outlier must stand out among its peers and be a real change of its own.
        with np.errstate(invalid="ignore"):
            flagged = (np.abs(z) > ctx.settings.outlier_z) & own
        median = np.full(len(p), np.nan)
        for rows in groups.values():
            if len(rows) >= 4 and np.isfinite(change[rows]).any():
                median[rows] = np.nanmedian(change[rows])
        ctx.builder.add(
            "area.outlier",
            value=change,
            unit="points" if p.is_ratio else "percent_change",
            reference=median,
            period=ctx.iso(window[1]) if name != "rolling_year" else ctx.rolling_label(t),
            reference_period=f"{name}:{ctx.iso(ref[1])}",
            significant=flagged,
            direction=np.where(change > median, "up", "down"),
            method=f"robust z-score (median, MAD) of the {name} change among peer areas",
            statistic={"z": z},
            detail={"comparison": name, "change_unit": "points" if p.is_ratio else "percent"},
            mask=flagged,
            strength=np.minimum(1.0, np.abs(np.nan_to_num(z)) / 6),
            sources=ctx.cells2(window, ref),
        )


def shares(ctx: Context) -> None:
    """Ratios sharing a denominator are parts of one whole: how the shares moved in a year."""
    p, t = ctx.panel, ctx.t
    if not p.is_ratio:
        return
    now = p.window(t - 11, t)
    before = p.window(t - 23, t - 12)
    groups: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for row, measure in enumerate(p.measures):
        groups[(measure.denominator, p.keys[row][1])].append(row)
    for (_, area), rows in sorted(groups.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        rows = [r for r in rows if np.isfinite(now[r]) and np.isfinite(before[r])]
        if len(rows) < 2:
            continue
        parts = [
            {
                "measure": p.keys[r][0],
                "value": round(float(now[r]), 6),
                "reference": round(float(before[r]), 6),
                "change": round(float(now[r] - before[r]), 6),
            }
            for r in rows
        ]
        lead = max(rows, key=lambda r: (abs(now[r] - before[r]), -r))
        ctx.builder.add_one(
            "share.shift",
            measure=p.measures[lead],
            area=area,
            unit="percent",
            value=float(now[lead]),
            reference=float(before[lead]),
            period=ctx.rolling_label(t),
            reference_period=ctx.rolling_label(t - 12),
            method="change in each part's share of the whole, rolling 12 months",
            detail={"parts": parts, "whole": p.measures[lead].denominator},
            sources=tuple(c for r in rows for c in p.cell(r, t - 23, t)),
        )
