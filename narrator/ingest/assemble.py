"""From the counts of every file to the tidy figures: measures, areas, and zeros where due.

All of it is a handful of pandas group-bys and merges over small tables (one row per month,
force, LSOA and wording), whatever the number of source rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from narrator.ingest.naming import (
    ALL_CRIME,
    ASB,
    ASB_MEASURE,
    SS_ALL,
    slug,
)
from narrator.ingest.parts import Part
from narrator.ingest.plan import AreaPlan
from narrator.ingest.reader import FileKind

_KEYS = ["kind", "force", "month", "area", "measure"]


@dataclass
class Assembly:
    """The figures and what the assembly found on the way (for the summary)."""

    figures: pd.DataFrame
    forces: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
    unplanned: dict[str, int] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)
    clashes: list[str] = field(default_factory=list)
    absent_types: int = 0
    zero_rows: int = 0
    ss_outside_window: int = 0


def assemble(
    parts: list[Part], forces: dict[int, str], membership: pd.DataFrame, plan: AreaPlan | None
) -> Assembly:
    """Sum the counts into measures by area, then fill the zeros (see police_uk's docstring)."""

    def rename(force: str) -> str:
        return plan.force if plan is not None and plan.force else force

    result = Assembly(figures=pd.DataFrame(columns=["month", "measure", "area", "value"]))
    crime = _crime_measures([p for p in parts if p.source.kind is not FileKind.STOP_AND_SEARCH])
    crime["force"] = crime["force"].map(rename)
    membership = membership.assign(force=membership["force"].map(rename))
    force_names = {rename(f) for f in crime["force"].unique()} | {
        rename(f) for f in forces.values()
    }
    pairs = _district_areas(membership, plan, force_names, result)
    by_force = sum_by(crime, ["kind", "force", "month", "measure"])
    by_force["area"] = by_force["force"]
    by_area = crime.merge(pairs, on=["force", "district"])
    by_area = sum_by(by_area, _KEYS)
    ss, windows = _ss_measures(parts, forces, rename, result)
    values = pd.concat([by_force[[*_KEYS, "n"]], by_area, ss], ignore_index=True)

    # Which months each force has a file of each kind for: those months get zeros, others stay gaps.
    months: dict[tuple[str, str], set[str]] = {}
    for part in parts:
        kind = part.source.kind
        if kind is FileKind.STOP_AND_SEARCH:
            continue
        keys = set(part.keys)
        if not keys and id(part) in forces and part.source.month:
            keys = {(forces[id(part)], part.source.month)}
        for force, month in keys:
            months.setdefault((kind.value, rename(force)), set()).add(month)
    for force, window in windows.items():
        months[(FileKind.STOP_AND_SEARCH.value, force)] = window
    areas_of = {str(f): sorted(set(a)) for f, a in pairs.groupby("force")["area"]}
    measures_of = {str(k): sorted(set(m)) for k, m in values.groupby("kind")["measure"]}
    grid = _grid(months, measures_of, areas_of)
    full = grid.merge(values, on=_KEYS, how="left")
    filled = full["n"].isna()
    result.zero_rows = int(filled.sum())
    is_type = full["measure"].str.startswith("crimes_") & (full["measure"] != ALL_CRIME)
    result.absent_types = int((filled & is_type & (full["area"] == full["force"])).sum())
    full["n"] = full["n"].fillna(0)
    tidy = sum_by(full, ["month", "measure", "area"]).sort_values(["month", "measure", "area"])
    tidy = tidy.rename(columns={"n": "value"})
    tidy["value"] = tidy["value"].astype("int64")
    result.figures = tidy.reset_index(drop=True)
    result.forces = tuple(sorted(force_names))
    result.months = tuple(sorted(tidy["month"].unique()))
    return result


def sum_by(frame: pd.DataFrame, keys: list[str], column: str = "n") -> pd.DataFrame:
    """``column`` summed by ``keys``, as a frame with the keys as columns."""
    return frame.groupby(keys, sort=False)[column].sum().reset_index()


def _crime_measures(parts: list[Part]) -> pd.DataFrame:
    """Counts of street and outcomes files as (kind, month, force, district, measure, n)."""
    columns = ["kind", "month", "force", "district", "measure", "n"]
    frames = [p.counts.assign(kind=p.source.kind.value) for p in parts if len(p.counts)]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "n" else "str") for c in columns})
    counts = pd.concat(frames, ignore_index=True)
    street = counts["kind"] == FileKind.STREET.value
    asb = street & (counts["item"] == ASB)
    crimes = counts[street & ~asb]
    type_ids = {t: f"crimes_{slug(t)}" for t in crimes["item"].unique()}
    pieces = [
        crimes.assign(measure=crimes["item"].map(type_ids)),
        crimes.assign(measure=ALL_CRIME),
        crimes.assign(measure="outcomes_" + crimes["group"]),
        counts[asb].assign(measure=ASB_MEASURE),
    ]
    events = counts[~street]
    pieces.append(events.assign(measure="outcome_events_" + events["group"]))
    long = pd.concat(pieces, ignore_index=True)[columns]
    return sum_by(long, columns[:-1])


def _district_areas(
    membership: pd.DataFrame, plan: AreaPlan | None, force_names: set[str], result: Assembly
) -> pd.DataFrame:
    """(force, district, area): which area rows each district of a force adds to."""
    members = membership[membership["member"]] if len(membership) else membership
    if plan is None:
        clash = members["district"].isin(force_names)
        result.clashes = sorted(members.loc[clash, "district"].unique())
        members = members[~clash]
        return pd.DataFrame(
            {
                "force": members["force"].astype("str"),
                "district": members["district"].astype("str"),
                "area": members["district"].astype("str"),
            }
        )
    key = members["district"].str.casefold()
    rows = []
    for area, names in plan.areas.items():
        wanted = {n.casefold() for n in names}
        hit = members[key.isin(wanted)]
        if hit.empty:
            result.unmatched.append(area)
        rows.append(hit[["force", "district"]].assign(area=area))
    planned = plan.districts()
    # A district named like the force itself ("City of London" in City of London Police) is
    # the force's own area: its rows are the force's, not a district left out of the plan.
    own = {n.casefold() for n in (plan.force or "", *plan.force_aliases) if n}
    itself = members[key.isin(own) & ~key.isin(planned)]
    result.clashes = sorted(itself["district"].unique())
    spare = members[~key.isin(planned) & ~key.isin(own)]
    result.unplanned = {
        str(d): int(n) for d, n in zip(spare["district"], spare["rows"], strict=True)
    }
    if not rows:
        return pd.DataFrame({"force": [], "district": [], "area": []}, dtype="str")
    return pd.concat(rows, ignore_index=True).astype("str")


def _ss_measures(
    parts: list[Part], forces: dict[int, str], rename: Callable[[str], str], result: Assembly
) -> tuple[pd.DataFrame, dict[str, set[str]]]:
    """Stop-and-search counts as measures of the force, within the months that have a file."""
    ss_parts = [p for p in parts if p.source.kind is FileKind.STOP_AND_SEARCH]
    windows: dict[str, set[str]] = {}
    for part in ss_parts:
        force = rename(forces[id(part)])
        own = {part.source.month} if part.source.month else set(part.counts["month"])
        windows.setdefault(force, set()).update(own)
    frames = [p.counts.assign(force=rename(forces[id(p)])) for p in ss_parts if len(p.counts)]
    if not frames:
        return pd.DataFrame(columns=[*_KEYS, "n"]), windows
    counts = pd.concat(frames, ignore_index=True)
    inside = np.array(
        [m in windows[f] for f, m in zip(counts["force"], counts["month"], strict=True)], bool
    )
    result.ss_outside_window = int(counts.loc[~inside, "n"].sum())
    counts = counts[inside]
    found = counts[counts["found"]]
    pieces = [
        counts.assign(measure=SS_ALL),
        counts.assign(measure="ss_" + counts["item"]),
        found.assign(measure=SS_ALL + "_found"),
        found.assign(measure="ss_" + found["item"] + "_found"),
        counts.assign(measure="ss_outcome_" + counts["group"]),
    ]
    long = pd.concat(pieces, ignore_index=True)
    long["kind"] = FileKind.STOP_AND_SEARCH.value
    long["area"] = long["force"]
    return sum_by(long, _KEYS), windows


def _grid(
    months: dict[tuple[str, str], set[str]],
    measures_of: dict[str, list[str]],
    areas_of: dict[str, list[str]],
) -> pd.DataFrame:
    """Every (kind, force, month, area, measure) that must have a row."""
    blocks: list[tuple[str, str, list[str], list[str], list[str]]] = []
    for (kind, force), window in sorted(months.items()):
        areas = [force]
        if kind != FileKind.STOP_AND_SEARCH.value:
            areas.extend(areas_of.get(force, []))
        blocks.append((kind, force, sorted(window), areas, measures_of.get(kind, [])))
    columns: dict[str, list[np.ndarray]] = {key: [] for key in _KEYS}
    for kind, force, spell, areas, measures in blocks:
        # The cross product of months x areas x measures, built as arrays in one step each.
        size = len(spell) * len(areas) * len(measures)
        columns["kind"].append(np.full(size, kind, dtype=object))
        columns["force"].append(np.full(size, force, dtype=object))
        columns["month"].append(
            np.repeat(np.array(spell, dtype=object), len(areas) * len(measures))
        )
        columns["area"].append(
            np.tile(np.repeat(np.array(areas, dtype=object), len(measures)), len(spell))
        )
        columns["measure"].append(
            np.tile(np.array(measures, dtype=object), len(spell) * len(areas))
        )
    if not blocks:
        return pd.DataFrame({key: pd.Series(dtype="str") for key in _KEYS})
    return pd.DataFrame({key: np.concatenate(parts) for key, parts in columns.items()}, dtype="str")
