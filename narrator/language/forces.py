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
from typing import Any

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
    """A pattern matching any of ``names`` as whole words, the longest first. Case is
    ignored ("KENT AND MEDWAY POLICE AND CRIME PANEL", "Nationally, ..."), except in
    acronyms and in forms that start with "the" ("ONS", "the Met"), where case tells a name
    from a word; with ``exact``, a name matches only as written or in capitals ("Coastal",
    "COASTAL", not "coastal towns").

    The names are joined as a trie of their characters: a paper is searched for hundreds
    of names, and an alternation of them all would try each one at every character."""
    if not names:
        return None
    folded: set[str] = set()
    kept: set[str] = set()
    for name in set(names):
        if exact:
            kept.update((name, name.upper()))
        elif name.isupper() or name.startswith("the "):
            kept.add(name)
        else:
            folded.add(name.lower())
    parts = []
    if folded:
        parts.append(f"(?i:{_trie_pattern(folded)})")
    if kept:
        parts.append(_trie_pattern(kept))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def _trie_pattern(words: set[str]) -> str:
    """One regular expression for ``words``, their common beginnings written once."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in " ".join(word.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(root)


def _node_pattern(node: dict[str, Any]) -> str:
    """The expression of one node of the trie: its branches, longest first."""
    ends = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _node_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    if ends:
        body = f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body
