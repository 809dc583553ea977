"""The police forces a paper may be about, and what a figure may be said of beyond them.

Data, ``forces.toml`` beside this module: the 43 territorial forces of England and Wales,
the British Transport Police, Police Scotland and the PSNI with their usual name forms, and
the national and regional comparisons ("England and Wales", "the MSG average", "the Home
Office"). The checker reads them to tell a figure of the project's own force from one of
another force or of the country (issue 14).
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

FORCES_FILE = Path(__file__).with_name("forces.toml")


@dataclass(frozen=True)
class Force:
    """One police force: its short name, every form a paper may name it by, and the
    places of its area."""

    name: str
    names: tuple[str, ...]
    places: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The short name first, then the other forms, then the places of its area."""
        return (self.name, *self.names, *self.places)


@dataclass(frozen=True)
class Forces:
    """Every force, and the names of what lies beyond any one force."""

    forces: tuple[Force, ...]
    beyond: tuple[str, ...]

    def force_of(self, name: str, *, places: bool = True) -> Force | None:
        """The force one of whose forms is ``name`` (any case), if any; with ``places``
        false, only its own names count, not the places of its area."""
        wanted = name.strip().lower()
        for force in self.forces:
            forms = force.forms if places else (force.name, *force.names)
            if any(form.lower() == wanted for form in forms):
                return force
        return None


@functools.cache
def load_forces() -> Forces:
    """The forces and national names of ``forces.toml`` (read once)."""
    with FORCES_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    forces = tuple(
        Force(
            str(entry["name"]),
            tuple(str(n) for n in entry.get("names", ())),
            tuple(str(n) for n in entry.get("places", ())),
        )
        for entry in data["forces"]
    )
    return Forces(forces, tuple(str(n) for n in data["beyond"]["names"]))


def names_pattern(
    names: tuple[str, ...] | list[str], *, exact: bool = False
) -> re.Pattern[str] | None:
    """A pattern matching any of ``names`` as whole words, longest first. Case is ignored
    ("KENT AND MEDWAY POLICE AND CRIME PANEL", "Nationally, ..."), except in acronyms and
    in forms that start with "the" ("ONS", "the Met"), where case tells a name from a
    word; with ``exact``, a name matches only as written or in capitals ("Coastal",
    "COASTAL", not "coastal towns")."""
    if not names:
        return None
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        escaped = re.escape(name).replace(r"\ ", r"\s+")
        if exact:
            upper = re.escape(name.upper()).replace(r"\ ", r"\s+")
            escaped = escaped if upper == escaped else f"{escaped}|{upper}"
        elif not (name.isupper() or name.startswith("the ")):
            escaped = f"(?i:{escaped})"
        parts.append(escaped)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
