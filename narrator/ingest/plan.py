"""Which districts belong to the force, and which areas of the report sum which districts.

A street-level file holds every crime a force recorded, but the LSOA of a crime is sometimes
in a neighbouring district (a crime near the boundary, or recorded at a point just across it)
or far away (a crime recorded by this force that happened elsewhere). Those rows stay in the
force's total but must not make districts of their own. The rule, applied per force over the
whole ingest, says a district belongs to the force when all three hold:

1. it holds at least ``min_share`` (0.5%) of the force's rows that have a location, which
   leaves out the handful of rows a far-away district gets;
2. its rows per LSOA are at least ``min_density`` (30%) of the force's rows per LSOA: a
   neighbour appears through a few border LSOAs with few crimes each;
3. its rows touch at least ``min_coverage`` (50%) of its MSOAs (the number in "Cambridge 014B"
   is the MSOA; the highest number seen bounds how many the district has): a neighbour shows
   a sliver of its numbering, a district of the force nearly all of it.

On the 40 forces of September 2019 this finds every district of every force except the Isles
of Scilly (five crimes a month, so indistinguishable from a far-away district), and it puts
every neighbour outside, also for single months of City of London, whose boundary
districts have the densest spill of all. Districts named in an areas file always belong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from narrator.errors import IngestError, Problem, ProjectError
from narrator.project import read_toml
from narrator.schema.files import AreasFile
from narrator.schema.validate import build


@dataclass(frozen=True)
class MembershipRule:
    """The thresholds of the rule in the module docstring."""

    min_share: float = 0.005
    min_density: float = 0.3
    min_coverage: float = 0.5


@dataclass(frozen=True)
class AreaPlan:
    """How a force's rows become areas: the force's own name and areas that sum districts.

    ``areas`` maps an area name to the LSOA district names it sums (matched case-insensitively):
    ``{"North": ["Fenland", "Huntingdonshire", "Peterborough"], "Cambridge City": ["Cambridge"]}``.
    When a plan is given, only the force and these areas get rows; other districts of the force
    are counted in the force total and reported.
    """

    force: str | None = None
    force_aliases: tuple[str, ...] = ()
    areas: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_groups(
        cls, groups: Mapping[str, Sequence[str]], *, force: str | None = None
    ) -> AreaPlan:
        """A plan from a plain mapping of area name to the districts it sums."""
        return cls(force=force, areas={name: tuple(d) for name, d in groups.items()})

    def districts(self) -> set[str]:
        """Every district name the plan mentions, casefolded."""
        return {d.casefold() for names in self.areas.values() for d in names}


def load_area_plan(path: Path) -> AreaPlan:
    """Read an areas file in the project format (``[[areas]]`` with name, parent, aliases).

    The root (the area without a parent) names the force. Every other area sums LSOA
    districts: those listed in its optional ``districts = [...]`` key, else, for an area with
    children, those of its children, else those named by its name or one of its aliases (so
    a district area "Cambridge City" with alias "Cambridge" picks up "Cambridge 001A").
    """
    try:
        document = read_toml(path)
    except ProjectError as exc:
        raise IngestError(str(exc)) from None
    build(document, AreasFile, str(path), error=IngestError)
    items = document.get("areas")
    if not isinstance(items, list) or not items:
        raise IngestError(
            str(Problem(str(path), "has no [[areas]] tables", "[[areas]] with name and parent"))
        )
    return plan_from_items(items, str(path))


def plan_from_items(items: Sequence[Mapping[str, Any]], source: str) -> AreaPlan:
    """Build a plan from ``[[areas]]`` tables (see :func:`load_area_plan`)."""
    by_name: dict[str, Mapping[str, Any]] = {}
    for index, item in enumerate(items, start=1):
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            raise IngestError(
                str(Problem(f"{source}: area {index}", "has no name", 'name = "..."'))
            )
        by_name[item["name"]] = item
    roots = [n for n, item in by_name.items() if item.get("parent") is None]
    if len(roots) != 1:
        raise IngestError(
            str(
                Problem(
                    source, f"has {len(roots)} areas without a parent", "exactly one: the force"
                )
            )
        )
    children: dict[str, list[str]] = {}
    for name, item in by_name.items():
        parent = item.get("parent")
        if parent is not None:
            if parent not in by_name:
                raise IngestError(
                    str(Problem(f"{source}: area {name!r}", f"has parent {parent!r}", "an area"))
                )
            children.setdefault(str(parent), []).append(name)

    def districts(name: str, seen: frozenset[str]) -> tuple[str, ...]:
        if name in seen:
            raise IngestError(str(Problem(source, f"the areas form a cycle through {name!r}")))
        item = by_name[name]
        explicit = item.get("districts")
        if explicit is not None:
            if not isinstance(explicit, list) or not all(isinstance(d, str) for d in explicit):
                raise IngestError(
                    str(Problem(f"{source}: area {name!r}", "districts is not a list of names"))
                )
            return tuple(explicit)
        if name in children:
            found: list[str] = []
            for child in children[name]:
                found.extend(d for d in districts(child, seen | {name}) if d not in found)
            return tuple(found)
        return (name, *(str(a) for a in item.get("aliases", ())))

    root = roots[0]
    areas = {name: districts(name, frozenset()) for name in by_name if name != root}
    aliases = tuple(str(a) for a in by_name[root].get("aliases", ()))
    return AreaPlan(force=root, force_aliases=aliases, areas=areas)


def classify_districts(
    stats: pd.DataFrame, rule: MembershipRule, always: set[str] | None = None
) -> pd.DataFrame:
    """Decide which districts belong to their force.

    ``stats`` has one row per (force, LSOA name) with columns ``force``, ``district``, ``msoa``
    (float, NaN without a code), ``lsoa`` and ``rows``. Returns one row per (force, district)
    with ``rows``, ``share``, ``density``, ``coverage`` and the boolean ``member``.
    """
    located = stats[stats["district"] != ""]
    if located.empty:
        return pd.DataFrame(
            columns=["force", "district", "rows", "share", "density", "coverage", "member"]
        )
    per = located.groupby(["force", "district"], sort=True).agg(
        rows=("rows", "sum"),
        lsoas=("lsoa", "nunique"),
        msoas=("msoa", "nunique"),
        top=("msoa", "max"),
    )
    force_rows = per.groupby(level="force")["rows"].transform("sum")
    force_lsoas = per.groupby(level="force")["lsoas"].transform("sum")
    per["share"] = per["rows"] / force_rows
    per["density"] = (per["rows"] / per["lsoas"]) / (force_rows / force_lsoas)
    # Names without an MSOA code cannot be judged on coverage: give them the benefit.
    per["coverage"] = (per["msoas"] / per["top"]).fillna(1.0)
    per["member"] = (
        (per["share"] >= rule.min_share)
        & (per["density"] >= rule.min_density)
        & (per["coverage"] >= rule.min_coverage)
    )
    result = per.reset_index()
    if always:
        result.loc[result["district"].str.casefold().isin(always), "member"] = True
    return result[["force", "district", "rows", "share", "density", "coverage", "member"]]
