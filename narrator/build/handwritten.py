"""Hand-written sections: plain Markdown without numbers, numbered by the build.

The grammar is deliberately small, so that what an author writes is what the board reads:

- a run of lines separated from the next by a blank line is one paragraph;
- ``## Title`` starts a numbered subsection (6.1);
- ``### Title`` starts a numbered heading inside a subsection (6.1.1);
- a line starting ``- ``, ``* `` or ``• `` is a bullet (following lines continue it).

Text is kept as written: no inline Markdown is interpreted, and every output escapes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from narrator.errors import ProjectError

_HEADING = re.compile(r"^(#+)[ \t]+(\S.*)$")
_BULLET = re.compile(r"^[ \t]*[-*•\uf0b7][ \t]+(\S.*)$")


@dataclass(frozen=True)
class Item:
    """One unnumbered piece of a hand-written section: "h2", "h3", "para" or "bullet"."""

    kind: str
    text: str
    line: int


def parse_handwritten(text: str, origin: str) -> list[Item]:
    """Split a hand-written section into headings, paragraphs and bullets, in order."""
    items: list[Item] = []
    current: list[str] = []
    kind, start = "para", 0

    def flush() -> None:
        if current:
            items.append(Item(kind, " ".join(" ".join(current).split()), start))
        current.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            depth = len(heading.group(1))
            if depth not in (2, 3):
                raise ProjectError(
                    f"{origin}: line {number}: a heading of level {depth} "
                    "(expected ## for a numbered subsection or ### for a numbered heading "
                    "under it; the section's own title comes from the paper's [[sections]])"
                )
            items.append(Item(f"h{depth}", " ".join(heading.group(2).split()), number))
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            flush()
            kind, start = "bullet", number
            current.append(bullet.group(1))
            continue
        if not current:
            kind, start = "para", number
        current.append(line)
    flush()
    return items
