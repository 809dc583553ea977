"""The assembled paper as data: front matter and a flat run of numbered blocks.

Every output (Markdown, HTML, Word) and the re-check read this one value, so the three
files and the text the checker saw cannot disagree about numbers or wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(str, Enum):
    """What a block of the paper is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BODY = "body"
    BULLET = "bullet"
    FIGURE = "figure"


@dataclass(frozen=True)
class FigureRef:
    """A chart of one measure in one area, numbered in paper order."""

    number: int
    measure: str
    area: str
    caption: str


@dataclass(frozen=True)
class Block:
    """One heading, paragraph, bullet or figure.

    ``level`` is a heading's depth (1 for "4.0", 2 for "4.1", 3 for "6.1.1"); ``origin``
    says where the text came from ("draft 4.1.2", "handwritten/background.md") so that a
    blocker or a finding can name it.
    """

    kind: Kind
    text: str
    number: str | None = None
    level: int = 0
    origin: str = ""
    figure: FigureRef | None = None


@dataclass(frozen=True)
class Paper:
    """A finished board paper before rendering."""

    title: str
    month: str
    front: tuple[tuple[str, str], ...]
    blocks: tuple[Block, ...]

    @property
    def figures(self) -> list[FigureRef]:
        """Every chart, in paper order."""
        return [b.figure for b in self.blocks if b.figure is not None]

    def headings(self) -> list[Block]:
        """Every heading, in paper order."""
        return [b for b in self.blocks if b.kind is Kind.HEADING]
