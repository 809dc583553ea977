"""What one line of a paper is on its own: a list item's bullet, a title over what follows
(in capitals, "COASTAL DIVISION", or in mixed case after a blank line, "Fellgate"), and how
many words a title has at most. :mod:`narrator.check.text.blocks` groups the lines."""

from __future__ import annotations

import re
from collections.abc import Iterator

# "1) ...", "(2) ...", and "3. make sure ..." (an item that goes on in lower case).
BULLET = re.compile(
    # "[x] All crime, force: 4,759", "☐ Dwelling burglary": a checklist's box
    r"^[ \t]*(?:[•·▪◦‣∙●○■□➢➤\uf0b7\uf0a7*+☐☑☒✓✔]|\[[ xX✓✔]\]|-(?=\s)|\(?[a-z]\)|\(?(\d{1,2})\)"
    r"|(\d{1,2})\.(?=[ \t]+[a-z])"
    # "B.1  The FCR took 7,284 calls": a lettered section's numbered paragraph
    r"|([A-Z]\.\d{1,2})(?=[ \t]+[A-Z0-9])"
    # "> 1. How many ...": a numbered question quoted in a reply
    r"|>[ \t]*(\d{1,2})\.(?=[ \t]+[A-Z])"
    # "B1  Dwelling burglary, Feb 18: 196": a form's numbered line
    r"|([A-Z]\d{1,2})(?=[ \t]{2,}[A-Z]))[ \t]+"
)
#: The most words of a heading on a line of its own ("3 Stop and search outcomes").
TITLE_WORDS = 6
#: A line that starts an item of a list: a capital, a digit or a currency sign.
ITEM_START = re.compile(r"[ \t]*[A-Z0-9£$€]")


def heading_level(
    text: str, piece: str, lines: list[tuple[int, int]], index: int, blank_before: bool
) -> int:
    """The level of the heading a line without a number is, else 0: capitals over prose 2,
    a short title after a blank line 3."""
    if _caps_heading(text, piece, lines, index):
        return 2
    if not _title_line(text, piece, lines, index):
        return 0
    return 3 if blank_before or _names_a_list(text, lines, index) else 0


def _names_a_list(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """Whether a title line with no blank line before it heads the bullets after it, as in
    notes that list each district's points under its name ("Fellgate" over "- Thefts 84"),
    after the previous district's bullets or a line that ends no sentence."""
    if index == 0 or index + 1 >= len(lines):
        return False
    following = text[slice(*lines[index + 1])]
    previous = text[slice(*lines[index - 1])].rstrip()
    return BULLET.match(following) is not None and (
        BULLET.match(previous) is not None or not previous.endswith((".", ",", ";", ":"))
    )


#: A heading in capitals on a line of its own ("COASTAL DIVISION", "FORCE PICTURE").
_CAPS_LINE = re.compile(r"[ \t]*[A-Z][A-Z0-9&,'’/() –-]{2,60}")
#: The fewest words of the line after it that make that line prose.
_PROSE_AFTER = 8


def _caps_heading(text: str, piece: str, lines: list[tuple[int, int]], index: int) -> bool:
    """Whether a line in capitals heads the paragraph that follows it on the next line: a
    few words, at least one of three letters, then a line of prose in mixed case."""
    if _CAPS_LINE.fullmatch(piece.rstrip()) is None or index + 1 >= len(lines):
        return False
    words = piece.split()
    if len(words) > TITLE_WORDS or not any(len(w) >= 3 and w.isalpha() for w in words):
        return False
    following = text[slice(*lines[index + 1])]
    return len(following.split()) >= _PROSE_AFTER and not following.isupper()


#: A title on a line of its own in mixed case: a capital, then words without a figure or
#: the punctuation that ends or joins a sentence ("Fellgate", "Upland division").
_TITLE_CASE_LINE = re.compile(r"[ \t]*[A-Z][A-Za-z&'’/() –-]{1,50}")


def _title_line(text: str, piece: str, lines: list[tuple[int, int]], index: int) -> bool:
    """Whether a short line after a blank line is a title over what follows: a few words
    with no figure and no punctuation, and a line after it that starts a block of its own
    (a blank line, a bullet, a sentence), not one that goes on with its sentence."""
    if _TITLE_CASE_LINE.fullmatch(piece.rstrip()) is None or len(piece.split()) > TITLE_WORDS:
        return False
    if piece.isupper() or index + 1 >= len(lines) or not text[: lines[index][0]].strip():
        # Capitals are read as headings by their own rule; the lines at the top of a paper
        # are its title block (its force and area), not a section's title.
        return False
    following = text[slice(*lines[index + 1])]
    # A run of one-word lines ("Indicator", "Actual", "Goal") is a table one cell a line.
    prose = ITEM_START.match(following) and len(following.split()) >= _PROSE_AFTER
    return not following.strip() or bool(BULLET.match(following) or prose)


def lines_of(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line without its line break; form feeds count as breaks. A
    line of a box drawn in text ("| Rolling year 36,810 crimes |") is its inside, and the
    box's top and bottom ("+-----+") are blank lines."""
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        if _BOX_EDGE.fullmatch(stripped):
            yield pos, pos
        elif (inside := _BOX_LINE.fullmatch(stripped)) is not None:
            yield pos + inside.start(1), pos + inside.end(1)
        else:
            yield pos, pos + len(stripped)
        pos += len(line)


#: A text box's top or bottom edge: "+------+", "*******".
_BOX_EDGE = re.compile(r"[ \t]*(?:\+[-=+]{3,}\+|[-=*]{3,}\+?)[ \t]*")
#: A line of a text box, with its inside: "|  Rolling year  36,810  |" (no other bar).
_BOX_LINE = re.compile(r"[ \t]*\|([^|]*?)\|[ \t]*")


#: A wide gap between the cells of a line laid out in columns.
_WIDE_GAP = re.compile(r"\S(?: {3,}|\t+)(?=\S)")


def is_cell_line(line: str) -> bool:
    """Whether a line is laid out in three columns or more, one holding a number: a line of
    a dashboard ("Outcome rate   12.4% rolling   DOWN 1.1 pts"), not a sentence."""
    return (
        len(_WIDE_GAP.findall(line)) >= 2
        and any(c.isdigit() for c in line)
        # "2    Review of outcomes ...   CC   May 2018": an item's number, read as a paragraph's
        and _ITEM_FIRST.match(line) is None
    )


_ITEM_FIRST = re.compile(r"[ \t]*\d{1,2}(?:\.\d{1,2})*\.?[ \t]{2,}\S")


#: The marks that end a sentence or a clause at the end of a line.
TERMINAL = tuple(".!?:;")


def is_title_line(body: str) -> bool:
    """Whether the rest of a numbered line is a short title, not the start of a sentence."""
    words = body.split()
    return 0 < len(words) <= TITLE_WORDS and not body.rstrip().endswith((*TERMINAL, ","))


#: A line a countdown's place starts: "5. Saltby - 65 vehicle thefts".
_PLACE = re.compile(r"[ \t]*(\d{1,2})\.[ \t]+[A-Z]")


def countdown_lines(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """The lines of a countdown ("6. Moorend ...", "5. Saltby ...", ... "1. Harbourside"):
    three places or more, each one less than the last, each line a short title."""
    places = []
    for index, (start, end) in enumerate(lines):
        place = _PLACE.match(text, start, end)
        if place is not None and is_title_line(text[place.end() - 1 : end]):
            places.append((index, int(place.group(1))))
    found: set[int] = set()
    run: list[int] = []
    for at, (index, number) in enumerate(places):
        if at and number == places[at - 1][1] - 1:
            run.append(index)
        else:
            run = [index]
        if len(run) >= 3:
            found.update(run)
    return found
