"""A paper's lines grouped into blocks: front matter, headings, numbered paragraphs, body
paragraphs and bullets, however the text wraps them.

A PDF-to-text dump wraps paragraphs across lines, breaks them across pages and loses their
bullet glyphs; a paragraph number may follow a sentence on the same line. The rules here
tell a new paragraph from a continued one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from narrator.check.text.dates import word_list
from narrator.check.text.document import number_key

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
FRONT_FIELD = re.compile(r"^[ \t]*([A-Za-z][A-Za-z ]{0,20}?)[ \t]*:[ \t]*(\S.*?)\s*$")
_TERMINAL = tuple(".!?:;")
# A line never ends a paragraph on one of these words: a blank line after it is a page break.
_FUNCTION_WORDS = frozenset(
    word_list(
        "a an the of to in on at for from by with and or but nor as than that which "
        "who whose into onto upon over under between within without about across its "
        "their our his her is are was were be been has have had will would can could "
        "may might should must this these those such both each every per via"
    )
)


@dataclass
class Block:
    """Consecutive lines of one paragraph, with its number or heading level."""

    kind: str
    segments: list[tuple[int, int]]  # (start, end) of each line's content in the text
    number: str | None = None
    number_span: tuple[int, int] | None = None
    level: int | None = None  # Markdown heading level


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


def blocks_of(text: str) -> list[Block]:
    """The blocks of a paper's text: each paragraph's lines, number or heading level."""
    blocks: list[Block] = []
    current: Block | None = None
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
            new: Block | None = None
            number_match = _LINE_NUMBER.match(piece)
            md = _MD_HEADING.match(piece)
            if md:
                rest = piece_start + md.end()
                inner = _LINE_NUMBER.match(text, rest, piece_end) or _HEADING_NUMBER.match(
                    text, rest, piece_end
                )
                if inner and _successor(last_number, inner.group(1)):
                    new = Block("heading", [], inner.group(1), inner.span(1), len(md.group(1)))
                    body_start = inner.end()
                else:
                    new = Block("heading", [], None, None, len(md.group(1)))
                    body_start = rest
            elif number_match and _successor(last_number, number_match.group(1)):
                span = (piece_start + number_match.start(1), piece_start + number_match.end(1))
                new = Block("numbered", [], number_match.group(1), span)
                body_start = piece_start + number_match.end()
            elif bullet := _BULLET.match(piece):
                new = Block("bullet", [])
                body_start = piece_start + bullet.end()
            elif current is None:
                new = Block("front" if not blocks or blocks[-1].kind == "front" else "body", [])
                body_start = piece_start
            elif _starts_paragraph(text, current, piece, blank_before):
                kind = "front" if current.kind == "front" else "body"
                new = Block(kind, [])
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
                    current = Block("body", [])
                    blocks.append(current)
            blank_before = False
    return [b for b in blocks if b.segments or b.number]


def _starts_paragraph(text: str, current: Block, piece: str, blank_before: bool) -> bool:
    """Whether an unnumbered line starts a new paragraph rather than continuing one."""
    first = piece.lstrip()[:1]
    if current.kind == "front":
        return blank_before or bool(FRONT_FIELD.match(piece))
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
