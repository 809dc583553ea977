"""A paper as read: numbered sections and paragraphs with offsets into the text as read.

Papers arrive as Markdown, as plain text (often a PDF-to-text dump whose paragraphs wrap
across lines, break across pages and lose their bullet glyphs) or as Word .docx. All three
become one :class:`Document` (see :mod:`narrator.check.text.files`): the text as read, and
its paragraphs, each with its number ("4.2.6"), the section it belongs to, the heading in
force and the character offsets of its body in that text.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from narrator.check.text.dates import parse_date

#: Kinds of paragraph: front matter, a heading, a numbered paragraph, an unnumbered body
#: paragraph, a bullet, a row of a table pasted as text and a line of a table of contents.
KINDS = ("front", "heading", "numbered", "body", "bullet", "table", "contents")
#: Kinds of paragraph that are not prose: no claim is read from them.
NOT_PROSE = frozenset({"front", "table", "contents"})


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a paper.

    ``start``/``end`` are offsets of the body (after any number or bullet) in
    :attr:`Document.text`; ``text`` is the body with its whitespace collapsed, which is what
    the reader analyses; :meth:`offset` maps an index in ``text`` back to the document.
    """

    index: int
    kind: str
    start: int
    end: int
    text: str
    number: str | None = None
    section: str | None = None
    heading: str | None = None
    number_span: tuple[int, int] | None = None
    #: Spans of numbers that refer to something, besides the paragraph's own number (a
    #: contents line's page number).
    references: tuple[tuple[int, int], ...] = ()
    _map: tuple[tuple[int, ...], tuple[int, ...]] = field(
        default=((), ()), repr=False, compare=False
    )

    def offset(self, index: int) -> int:
        """The document offset of character ``index`` of :attr:`text` (or of its end)."""
        norm, orig = self._map
        if not norm:
            return self.start + index
        at = bisect.bisect_right(norm, index) - 1
        return orig[at] + (index - norm[at])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The document span of ``text[start:end]``."""
        if end <= start:
            return self.offset(start), self.offset(start)
        return self.offset(start), self.offset(end - 1) + 1


@dataclass(frozen=True)
class Section:
    """A numbered part of a paper: "4.1 Strategic measures" or the paragraph "4.1.2 ...".

    ``heading`` is the heading text when the number heads other paragraphs (a title), else
    None; ``paragraphs`` are the section's own paragraphs, not those of its subsections.
    """

    number: str
    level: int
    heading: str | None
    parent: str | None
    paragraphs: tuple[Paragraph, ...]
    start: int
    end: int

    @functools.cached_property
    def key(self) -> tuple[int, ...]:
        """The number as integers for ordering ("4.0" counts as "4")."""
        return number_key(self.number)


@dataclass(frozen=True)
class Document:
    """A paper as read: the text, its paragraphs and its numbered sections."""

    path: Path | None
    text: str
    paragraphs: tuple[Paragraph, ...]
    sections: Mapping[str, Section]
    front: Mapping[str, str] = field(default_factory=dict)
    title: str | None = None

    @property
    def date(self) -> date | None:
        """The paper's date from its front matter ("Date: 19th December 2019"), if any."""
        value = self.front.get("date")
        return parse_date(value) if value else None

    def section(self, number: str) -> Section | None:
        """The section numbered ``number`` ("4.0" and "4" are the same), or None."""
        if number in self.sections:
            return self.sections[number]
        return self._by_key.get(number_key(number))

    def section_at(self, key: tuple[int, ...]) -> Section | None:
        """The section whose number is ``key`` as integers ((4,) is "4.0"), or None."""
        return self._by_key.get(key)

    def subtree(self, number: str) -> list[Section]:
        """The section and every section under it, in order."""
        key = number_key(number)
        return [s for s in self._under.get(key, []) if s.key[: len(key)] == key]

    @functools.cached_property
    def _by_key(self) -> dict[tuple[int, ...], Section]:
        found: dict[tuple[int, ...], Section] = {}
        for section in self.sections.values():
            found.setdefault(section.key, section)
        return found

    @functools.cached_property
    def _under(self) -> dict[tuple[int, ...], list[Section]]:
        """Each key's section and the sections under it, in order, in one pass."""
        found: dict[tuple[int, ...], list[Section]] = {}
        for section in self.sections.values():
            for depth in range(1, len(section.key) + 1):
                found.setdefault(section.key[:depth], []).append(section)
        return found

    def section_text(self, number: str) -> str:
        """Heading and body text of a section and its subsections."""
        parts: list[str] = []
        for section in self.subtree(number):
            if section.heading:
                parts.append(section.heading)
            parts.extend(p.text for p in section.paragraphs if p.kind != "heading")
        return " ".join(parts)

    def iter_text(self) -> Iterator[Paragraph]:
        """Paragraphs that carry prose (not front matter, tables or contents lines)."""
        return (p for p in self.paragraphs if p.kind not in NOT_PROSE)


@functools.lru_cache(maxsize=65536)
def number_key(number: str) -> tuple[int, ...]:
    """ "4.2.6" -> (4, 2, 6); "4.0" -> (4,) so that a section heading sorts before its parts."""
    parts = tuple(int(x) for x in number.split("."))
    while len(parts) > 1 and parts[-1] == 0:
        parts = parts[:-1]
    return parts
