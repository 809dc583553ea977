"""The area hierarchy (force > area > district) with the aliases a text may use."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from narrator.errors import ProjectError
from narrator.schema.files import AreaEntry, AreasFile
from narrator.schema.validate import build, header


@dataclass(frozen=True)
class Area:
    """One area: its name, its parent and the names a paper may call it by."""

    name: str
    level: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    label: str | None = None

    @property
    def display(self) -> str:
        """How the area is written in prose ("South area", "Peterborough")."""
        return self.label or self.name


@dataclass(frozen=True)
class Areas:
    """The hierarchy of a project's areas, root first."""

    areas: Mapping[str, Area]

    def __iter__(self) -> Iterator[Area]:
        return iter(self.areas.values())

    def __contains__(self, name: object) -> bool:
        return name in self.areas

    def __getitem__(self, name: str) -> Area:
        return self.areas[name]

    @property
    def root(self) -> Area:
        """The top of the hierarchy (the force)."""
        return next(a for a in self if a.parent is None)

    def children(self, name: str) -> list[Area]:
        """The areas directly under ``name``, in catalogue order."""
        return [a for a in self if a.parent == name]

    def at_level(self, level: str) -> list[Area]:
        """Every area of one level ("district"), in catalogue order."""
        return [a for a in self if a.level == level]

    def depth(self, name: str) -> int:
        """0 for the root, 1 for its children, and so on."""
        depth, area = 0, self.areas[name]
        while area.parent is not None:
            depth, area = depth + 1, self.areas[area.parent]
        return depth

    def subtree(self, name: str) -> Areas:
        """The part of the hierarchy under ``name``, with ``name`` as its root.

        A paper about one area of a larger project (a force of a national file) sees this
        part: its subject is the root the outline speaks of, its children are its areas.
        """
        top = self.areas[name]
        kept = {name}
        # Areas are stored root first, so a parent is always met before its children.
        for area in self:
            if area.parent in kept:
                kept.add(area.name)
        root = Area(top.name, top.level, None, top.aliases, top.label)
        return Areas({a.name: root if a.name == name else a for a in self if a.name in kept})

    def resolve(self, text: str) -> Area | None:
        """The area named or aliased by ``text`` (case-insensitive), or None."""
        key = text.strip().casefold()
        for area in self:
            names = (area.name, area.label or "", *area.aliases)
            if key in (n.casefold() for n in names if n):
                return area
        return None


def parse_areas_file(document: Mapping[str, Any], source: str) -> Areas:
    """Build the hierarchy from an areas file (its ``[[areas]]`` tables)."""
    return _hierarchy(build(document, AreasFile, source).areas, source)


def parse_areas(items: Sequence[Mapping[str, Any]], source: str) -> Areas:
    """Build the hierarchy from ``[[areas]]`` tables; exactly one area has no parent."""
    return _hierarchy(build({"areas": items}, AreasFile, source).areas, source)


def _hierarchy(entries: Sequence[AreaEntry], source: str) -> Areas:
    """The checked entries of an areas file, tied together: one root, known parents, no cycle."""
    areas: dict[str, Area] = {}
    for index, entry in enumerate(entries, start=1):
        if entry.name in areas:
            where = header(("areas", (index, entry.name)))
            raise ProjectError(f"{source}: {where}: the area {entry.name!r} is listed twice")
        areas[entry.name] = Area(
            name=entry.name,
            level=entry.level,
            parent=entry.parent,
            aliases=entry.aliases,
            label=entry.label,
        )
    roots = [a.name for a in areas.values() if a.parent is None]
    if len(roots) != 1:
        raise ProjectError(f"{source}: expected exactly one area without a parent, found {roots}")
    for area in areas.values():
        if area.parent is not None and area.parent not in areas:
            raise ProjectError(
                f"{source}: the parent of {area.name!r} is {area.parent!r}, which is not an area"
            )
    # Root first, so that iteration order is the order a paper mentions areas in.
    ordered = sorted(areas.values(), key=lambda a: _depth(areas, a, source))
    return Areas({a.name: a for a in ordered})


def _depth(areas: Mapping[str, Area], area: Area, source: str) -> int:
    depth = 0
    seen = {area.name}
    while area.parent is not None:
        area = areas[area.parent]
        if area.name in seen:
            raise ProjectError(
                f"{source}: the area hierarchy has a cycle through {area.name!r} "
                "(expected every area's parents to lead up to the one area without a parent)"
            )
        seen.add(area.name)
        depth += 1
    return depth
