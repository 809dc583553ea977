"""How prose names an area, and the names a reader must know it by.

An area is written by its label when it has one ("North area", "the Coastal division") and
by its name when it has none ("Peterborough", "East"): nothing is ever added to a name, so
an area called "East" with no label is "in East", never "in East area".
"""

from __future__ import annotations

from narrator.areas import Area


def area_name(area: Area) -> str:
    """How the area is written in prose: its label, else its name."""
    return area.display


def in_area(area: Area) -> str:
    """ "in North area", "in the Coastal division", "in Peterborough"."""
    return f"in {area_name(area)}"


def reader_names(area: Area) -> tuple[str, ...]:
    """Every name a reader must recognise the area by: name, label (with and without a
    leading "the") and aliases, once each, in that order."""
    names = [area.name]
    if area.label:
        names.append(area.label)
        if area.label.lower().startswith("the "):
            names.append(area.label[4:])
    names.extend(area.aliases)
    return tuple(dict.fromkeys(n for n in names if n.strip()))
