"""Reading a paper: numbered sections and paragraphs with offsets into the text as read.

Papers arrive as Markdown, as plain text (often a PDF-to-text dump whose paragraphs wrap
across lines, break across pages and lose their bullet glyphs) or as Word .docx. All three
become one :class:`Document`: the text as read, and its paragraphs, each with its number
("4.2.6"), the section it belongs to, the heading in force and the character offsets of its
body in that text. Reading never modifies the file.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from narrator import textio
from narrator.check.dates import (
    parse_date,
    word_list,
)
from narrator.errors import DocumentError
from narrator.limits import PAPER_MB, LimitError

#: Kinds of paragraph: front matter, a heading, a numbered paragraph, an unnumbered body
#: paragraph and a bullet.
KINDS = ("front", "heading", "numbered", "body", "bullet")

_NUMBER = r"\d{1,3}(?:\.\d{1,3}){1,3}"
# A paragraph number at the start of a line, before a capital, a digit or an opening quote
# ("see\n4.2.2 above" is a reference wrapped onto a new line, not a paragraph).
_LINE_NUMBER = re.compile(rf"[ \t]*(?:\*\*)?({_NUMBER})\.?(?:\*\*)?[ \t]+(?=[A-Z0-9‘“\"'(\[*#•])")
# A number after the end of a sentence on the same line: a page break glued two lines.
# A Markdown heading may number its section with a whole number ("## 3 Stop and search").
_HEADING_NUMBER = re.compile(r"[ \t]*(\d{1,2})\.?[ \t]+(?=[A-Z])")
_MID_NUMBER = re.compile(rf"(?<=[.!?:;)’”\"'])[ \t]+({_NUMBER})[ \t]+(?=[A-Z‘“\"'(\d])")
_MD_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+")
_BULLET = re.compile(r"^[ \t]*(?:[•·▪◦‣∙●○■□➢➤\uf0b7\uf0a7*+]|-(?=\s)|\(?[a-z]\)|\d{1,2}\))[ \t]+")
_FRONT_FIELD = re.compile(r"^[ \t]*([A-Za-z][A-Za-z ]{0,20}?)[ \t]*:[ \t]*(\S.*?)\s*$")
_TERMINAL = tuple(".!?:;")
_IRREGULAR_SPACE = re.compile(r"\s\s|[^\S ]")
_NON_SPACE = re.compile(r"\S+")
_ABBREVIATIONS = re.compile(r"\b(?:i\.e|e\.g|etc|cf|vs|no|approx|incl)\.", re.IGNORECASE)
# A line never ends a paragraph on one of these words: a blank line after it is a page break.
_FUNCTION_WORDS = frozenset(
    word_list(
        "a an the of to in on at for from by with and or but nor as than that which "
        "who whose into onto upon over under between within without about across its "
        "their our his her is are was were be been has have had will would can could "
        "may might should must this these those such both each every per via"
    )
)


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
        """Paragraphs that carry prose (not front matter)."""
        return (p for p in self.paragraphs if p.kind != "front")


@functools.lru_cache(maxsize=65536)
def number_key(number: str) -> tuple[int, ...]:
    """ "4.2.6" -> (4, 2, 6); "4.0" -> (4,) so that a section heading sorts before its parts."""
    parts = tuple(int(x) for x in number.split("."))
    while len(parts) > 1 and parts[-1] == 0:
        parts = parts[:-1]
    return parts


# --------------------------------------------------------------------------- reading files


def read_document(path: str | Path) -> Document:
    """Read a paper (.md, .txt or .docx) into a :class:`Document`.

    Raises :class:`DocumentError` with one clear message when the file is missing, empty,
    not UTF-8 or not a valid .docx. The file is only ever opened for reading.
    """
    path = Path(path)
    data = textio.read_bytes(
        path, PAPER_MB, what="a paper (.md, .txt or .docx)", error=DocumentError
    )
    if not data.strip():
        raise DocumentError(f"{path}: the file is empty (expected the text of a paper)")
    if path.suffix.lower() in (".docx", ".docm") or data[:4] == b"PK\x03\x04":
        from narrator.check.docx import docx_text

        text = docx_text(data, path)
    else:
        text = decode_text(data, path)
    if len(text) > PAPER_MB.bytes():  # a .docx holds its text compressed
        raise LimitError(f"{path}: more text than a paper may hold", hint=PAPER_MB.hint())
    if not text.strip():
        raise DocumentError(f"{path}: the file has no text (expected the text of a paper)")
    return parse_text(text, path=path)


def decode_text(data: bytes, path: Path | str) -> str:
    """Decode a paper's bytes (UTF-8, UTF-16 or UTF-32; see :func:`narrator.textio.decode`)
    or say which byte is not text and where."""
    return textio.decode(data, path, what="the text of a paper", error=DocumentError)


__all__ = [
    "Document",
    "Paragraph",
    "Section",
    "decode_text",
    "number_key",
    "parse_text",
    "read_document",
]

# --------------------------------------------------------------------------- parsing text


@dataclass
class _Block:
    kind: str
    segments: list[tuple[int, int]]  # (start, end) of each line's content in the text
    number: str | None = None
    number_span: tuple[int, int] | None = None
    level: int | None = None  # Markdown heading level


def parse_text(text: str, *, path: Path | None = None) -> Document:
    """Split a paper's text into front matter, sections and paragraphs."""
    # Read as it looks: "3\u00a0945" is one number, a zero-width space splits nothing.
    text = textio.normalise(text)
    blocks = _blocks(text)
    return _assemble(text, blocks, path)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line without its line break; form feeds count as breaks."""
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        yield pos, pos + len(stripped)
        pos += len(line)


#: The largest step a paper's numbering takes from one paragraph to the next.
_MAX_STEP = 9


def _successor(previous: tuple[int, ...] | None, number: str) -> bool:
    """Whether ``number`` may follow ``previous`` in a paper's numbering.

    A paragraph number is accepted only if it moves the numbering forward by a small step,
    so a cross-reference wrapped onto the start of a line ("see\\n4.2.2 above") or a figure
    is not taken for a new paragraph.
    """
    key = number_key(number)
    if previous is None:
        # The first number may be anything plausible: a paper may be an extract.
        return key[0] <= 30
    if key <= previous:
        return False
    for depth in range(min(len(key), len(previous))):
        if key[depth] != previous[depth]:
            if key[depth] - previous[depth] > _MAX_STEP:
                return False
            return all(part <= _MAX_STEP for part in key[depth + 1 :])
    # A child of the previous number: 4.1 -> 4.1.1 (or 4.2 -> 4.2.5 in an extract)
    return all(part <= _MAX_STEP for part in key[len(previous) :])


def _ends_paragraph(text: str, segment: tuple[int, int]) -> bool:
    line = text[segment[0] : segment[1]].rstrip()
    if not line:
        return True
    if line.endswith(("-", "–", ",", "/", "(")):
        return False
    words = line.split()
    return words[-1].lower().strip("‘’'\"") not in _FUNCTION_WORDS


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    last_number: tuple[int, ...] | None = None
    blank_before = True
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            blank_before = True
            continue
        pieces = _split_mid_numbers(text, start, end, last_number)
        for piece_start, piece_end in pieces:
            piece = text[piece_start:piece_end]
            new: _Block | None = None
            number_match = _LINE_NUMBER.match(piece)
            md = _MD_HEADING.match(piece)
            if md:
                rest = piece_start + md.end()
                inner = _LINE_NUMBER.match(text, rest, piece_end) or _HEADING_NUMBER.match(
                    text, rest, piece_end
                )
                if inner and _successor(last_number, inner.group(1)):
                    new = _Block("heading", [], inner.group(1), inner.span(1), len(md.group(1)))
                    body_start = inner.end()
                else:
                    new = _Block("heading", [], None, None, len(md.group(1)))
                    body_start = rest
            elif number_match and _successor(last_number, number_match.group(1)):
                span = (piece_start + number_match.start(1), piece_start + number_match.end(1))
                new = _Block("numbered", [], number_match.group(1), span)
                body_start = piece_start + number_match.end()
            elif bullet := _BULLET.match(piece):
                new = _Block("bullet", [])
                body_start = piece_start + bullet.end()
            elif current is None:
                new = _Block("front" if not blocks or blocks[-1].kind == "front" else "body", [])
                body_start = piece_start
            elif _starts_paragraph(text, current, piece, blank_before):
                kind = "front" if current.kind == "front" else "body"
                new = _Block(kind, [])
                body_start = piece_start
            else:
                body_start = piece_start
            if new is not None:
                if new.number is not None:
                    last_number = number_key(new.number)
                current = new
                blocks.append(current)
            assert current is not None
            body = text[body_start:piece_end]
            content_start = body_start + (len(body) - len(body.lstrip()))
            content_end = piece_end - (len(body) - len(body.rstrip()))
            if content_end > content_start:
                current.segments.append((content_start, content_end))
            if current.kind == "heading" and current.number is None:
                current = None if not current.segments else current
                if current is not None:
                    # A Markdown heading is one line; what follows starts a new paragraph.
                    blocks[-1] = current
                    current = _Block("body", [])
                    blocks.append(current)
            blank_before = False
    return [b for b in blocks if b.segments or b.number]


def _starts_paragraph(text: str, current: _Block, piece: str, blank_before: bool) -> bool:
    """Whether an unnumbered line starts a new paragraph rather than continuing one."""
    first = piece.lstrip()[:1]
    if current.kind == "front":
        return blank_before or bool(_FRONT_FIELD.match(piece))
    if not current.segments:
        return False
    if first.islower():
        # A lower-case start, even after a blank line, is a page break inside a sentence.
        return False
    # No blank line: only an indented capitalised line after a finished sentence is a new
    # paragraph (one whose bullet glyph the PDF dump dropped). Tested first: it settles
    # most lines without looking at the line before.
    indented = piece[:1] in (" ", "\t")
    if not blank_before and not indented:
        return False
    previous = current.segments[-1]
    if not _ends_paragraph(text, previous):
        return False
    return blank_before or text[previous[0] : previous[1]].rstrip().endswith(_TERMINAL)


def _split_mid_numbers(
    text: str, start: int, end: int, last: tuple[int, ...] | None
) -> list[tuple[int, int]]:
    """Split a line where a paragraph number follows the end of a sentence mid-line."""
    if _MID_NUMBER.search(text, start, end) is None:
        return [(start, end)]  # most lines: nothing to split
    pieces: list[tuple[int, int]] = []
    cursor = start
    previous = last
    first = _LINE_NUMBER.match(text, start, end)
    if first and _successor(previous, first.group(1)):
        previous = number_key(first.group(1))
    for match in _MID_NUMBER.finditer(text, start, end):
        if match.start() <= cursor or not _successor(previous, match.group(1)):
            continue
        pieces.append((cursor, match.start()))
        cursor = match.start()
        previous = number_key(match.group(1))
    pieces.append((cursor, end))
    return pieces


def _collapse(
    text: str, segments: Sequence[tuple[int, int]]
) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """The segments joined with single spaces, and the map back to document offsets.

    The map holds one entry per run of text copied unchanged, so a line with single spaces
    costs one entry, not one per word.
    """
    out: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    length = 0
    for seg_start, seg_end in segments:
        piece = text[seg_start:seg_end]
        # "co-\nlocate": a word hyphenated at a line break is joined without a space.
        joined = bool(out) and out[-1][-2:-1].isalpha() and out[-1].endswith("-")
        joined = joined and piece[:1].islower()
        if out and not joined:
            out.append(" ")
            length += 1
        if not _IRREGULAR_SPACE.search(piece):
            norm_starts.append(length)
            orig_starts.append(seg_start)
            out.append(piece)
            length += len(piece)
            continue
        for number, match in enumerate(_NON_SPACE.finditer(piece)):
            if number:
                out.append(" ")
                length += 1
            norm_starts.append(length)
            orig_starts.append(seg_start + match.start())
            out.append(match.group(0))
            length += len(match.group(0))
    return "".join(out), tuple(norm_starts), tuple(orig_starts)


def _is_title(body: str) -> bool:
    """A short line without a full stop inside: a heading rather than a paragraph."""
    stripped = body.strip()
    if not stripped or len(stripped) > 250:
        return False
    # Abbreviations ("i.e. CAWNs") are not sentence ends.
    inner = _ABBREVIATIONS.sub("", stripped.rstrip(". "))
    return not re.search(r"[.!?]\s+[A-Z]", inner)


def _assemble(text: str, blocks: list[_Block], path: Path | None) -> Document:
    numbered = [b.number for b in blocks if b.number]
    keys = [number_key(n) for n in numbered]
    prefixes = {k[:i] for k in keys for i in range(1, len(k))}
    has_children = {n for n, k in zip(numbered, keys, strict=True) if k in prefixes}
    paragraphs: list[Paragraph] = []
    front: dict[str, str] = {}
    title: str | None = None
    section_of: dict[str, list[Paragraph]] = {}
    headings: dict[str, str | None] = {}
    current_section: str | None = None
    heading_stack: dict[int, str] = {}
    heading_in_force: str | None = None
    for position, block in enumerate(blocks):
        body, norm, orig = _collapse(text, block.segments)
        start = block.segments[0][0] if block.segments else (block.number_span or (0, 0))[1]
        end = block.segments[-1][1] if block.segments else start
        kind = block.kind
        if kind == "front":
            for line_start, line_end in block.segments:
                field_match = _FRONT_FIELD.match(text[line_start:line_end])
                if field_match:
                    front.setdefault(
                        field_match.group(1).strip().lower(), field_match.group(2).strip()
                    )
                elif title is None:
                    title = " ".join(text[line_start:line_end].split())
        if block.number is not None:
            current_section = block.number
            key = number_key(block.number)
            follows_body = position + 1 < len(blocks) and blocks[position + 1].kind in (
                "body",
                "bullet",
            )
            is_heading = (
                block.kind == "heading"
                or block.number in has_children
                or ((block.number.endswith(".0") or follows_body) and _is_title(body))
            )
            if is_heading:
                kind = "heading"
                headings[block.number] = body.strip("‘’'\" ") or None
                heading_stack = {d: h for d, h in heading_stack.items() if d < len(key)}
                heading_stack[len(key)] = body
            else:
                headings[block.number] = None
                heading_stack = {d: h for d, h in heading_stack.items() if d < len(key)}
            heading_in_force = heading_stack[max(heading_stack)] if heading_stack else None
        elif kind == "heading":
            heading_in_force = body
            if title is None and not paragraphs:
                title = body
        paragraph = Paragraph(
            index=len(paragraphs),
            kind=kind,
            start=start,
            end=end,
            text=body,
            number=block.number,
            section=current_section if kind != "front" else None,
            heading=heading_in_force if kind != "front" else None,
            number_span=block.number_span,
            _map=(norm, orig),
        )
        paragraphs.append(paragraph)
        if current_section is not None and kind != "front":
            section_of.setdefault(current_section, []).append(paragraph)
    sections: dict[str, Section] = {}
    seen: dict[tuple[int, ...], str] = {}
    for number in numbered:
        own = section_of.get(number, [])
        key = number_key(number)
        parent = next((seen[key[:i]] for i in range(len(key) - 1, 0, -1) if key[:i] in seen), None)
        seen.setdefault(key, number)
        first_span = next((p.number_span for p in own if p.number == number), None)
        section = sections[number] = Section(
            number=number,
            level=len(key),
            heading=headings.get(number),
            parent=parent,
            paragraphs=tuple(own),
            start=first_span[0] if first_span else (own[0].start if own else 0),
            end=own[-1].end if own else 0,
        )
        # The cached ``key`` filled in now: a first access through ``cached_property`` takes
        # a lock, and the checks read the keys of thousands of sections.
        section.__dict__["key"] = key
    return Document(
        path=path,
        text=text,
        paragraphs=tuple(paragraphs),
        sections=sections,
        front=front,
        title=title,
    )
