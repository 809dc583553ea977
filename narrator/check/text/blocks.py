"""A paper's lines grouped into blocks: front matter, headings, numbered paragraphs, body
paragraphs and bullets, however the text wraps them.

A PDF-to-text dump wraps paragraphs across lines, breaks them across pages and loses their
bullet glyphs; a paragraph number may follow a sentence on the same line. The rules here
tell a new paragraph from a continued one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from narrator.check.text.dates import MONTH_RE, word_list
from narrator.check.text.document import number_key
from narrator.check.text.lines import (
    BULLET,
    ITEM_START,
    TERMINAL,
    countdown_lines,
    heading_level,
    is_cell_line,
    is_title_line,
    lines_of,
)
from narrator.check.text.subtitles import subtitle_blocks
from narrator.check.text.tables import (
    NUMERIC_CELL,
    contents_entries,
    leaders_of_figures,
    table_rows,
)

_NUMBER = r"\d{1,3}(?:\.\d{1,3}){1,3}"
# A paragraph number at the start of a line, before a capital, a digit or an opening quote
# ("see\n4.2.2 above" is a reference wrapped onto a new line, not a paragraph).
# A PDF-to-text dump puts the number on a line of its own, its paragraph on the next.
_LINE_NUMBER = re.compile(
    rf"[ \t]*(?:\*\*)?({_NUMBER})\.?(?:\*\*)?(?:[ \t]+(?=[A-Z0-9‘“\"'(\[*#•])|[ \t]*$)"
)
# A number after the end of a sentence on the same line: a page break glued two lines.
# A Markdown heading may number its section with a whole number ("## 3 Stop and search").
_HEADING_NUMBER = re.compile(r"[ \t]*(\d{1,2})\.?[ \t]+(?=[A-Z])")
# A whole-number paragraph or heading at the start of a line ("2. Total crime fell",
# "3 Outcomes"), before a capital; a date that starts a line ("12 December 2019") is not one.
# Without a full stop, not before a month: "3 August" is a date, "3. AUGUST" a paragraph.
_WHOLE_NUMBER = re.compile(
    rf"[ \t]*(?:\*\*)?(\d{{1,2}})(?:\.(?:\*\*)?[ \t]+(?=[A-Z‘“\"'(])"
    rf"|(?:\*\*)?[ \t]+(?=[A-Z‘“\"'(])(?!(?:{MONTH_RE})\b))"
)
# With a full stop, a whole-number paragraph may start with a figure ("4. 101 calls fell").
# Or alone on its line, as a PDF-to-text dump leaves it ("3." over "VEHICLE THEFT").
_WHOLE_DOTTED = re.compile(r"[ \t]*(\d{1,2})\.(?:[ \t]+(?=\d)|[ \t]*$)")
# A contents line: a title, dot leaders and a page number ("1. Summary ........ 2").
_CONTENTS = re.compile(
    r"[ \t]*(?:(\d{1,2}(?:\.\d{1,2})*)\.?[ \t]+)?\S.*?(?:[ \t]?(?:\.|…)){4,}[ \t]*(\d{1,3})[ \t]*$"
)
_MID_NUMBER = re.compile(rf"(?<=[.!?:;)’”\"'])[ \t]+({_NUMBER})[ \t]+(?=[A-Z‘“\"'(\d])")
_MD_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+")
# A page number framed by dashes or bars on a line of its own ("- 3 -", "| 12 |"), or set
# far to the right, left by a PDF-to-text dump (a number alone on a line, at its start, may
# be a slide's or a table's figure).
_PAGE_LINE = re.compile(
    r"[ \t]*[-–—|][ \t]*(\d{1,3})[ \t]*[-–—|][ \t]*$|(?: {30,}|\t{4,})(\d{1,3})[ \t]*$"
)
_LEADERS = ("....", "……", ". . . .")
FRONT_FIELD = re.compile(r"^[ \t]*([A-Za-z][A-Za-z ]{0,20}?)[ \t]*:[ \t]*(\S.*?)\s*$")
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
    #: Numbers of the block that refer to something (a contents line's page number).
    references: list[tuple[int, int]] | None = None


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
        # The first number may be anything plausible: a paper may be an extract; minutes
        # number their paragraphs under the minute's own number ("34.1" under PCP/18/34).
        return key[0] <= 30 or (len(key) == 2 and key[1] == 1 and key[0] <= 999)
    if key == (1, 1):
        # A numbering that starts again under a new heading: the answers to a panel's
        # questions, each numbered from 1.1 after the paper's own "1." and "2.".
        return True
    if key <= previous:
        return False
    for depth in range(min(len(key), len(previous))):
        if key[depth] != previous[depth]:
            if key[depth] - previous[depth] > _MAX_STEP:
                return False
            return all(part <= _MAX_STEP for part in key[depth + 1 :])
    # A child of the previous number: 4.1 -> 4.1.1 (or 4.2 -> 4.2.5 in an extract)
    return all(part <= _MAX_STEP for part in key[len(previous) :])


def _listed_again(number: str, seen: set[str], line: str) -> bool:
    """Whether a number the paper's numbering has passed heads a short title again: the
    commentary under a scorecard's items ("1.2 Robbery - RED" after "3.5 Drugs")."""
    body = line.strip()[len(number) :].strip()
    return number in seen and is_title_line(body.replace(" - ", " "))


#: The largest step from one whole-number paragraph to the next ("2." after "1.4").
_MAX_WHOLE_STEP = 3


#: The first numbered heading of an extract: a number, a full stop and a short title
#: ("4. OPERATIONAL CONTEXT: DEMAND ON THE CONSTABULARY", "5. Vehicle crime"), whatever
#: the number: no figure and no full stop, so not a sentence.
_EXTRACT_START = re.compile(
    r"[ \t]*(?:[1-9]|[12]\d|30)\.[ \t]+[A-Z](?:[A-Za-z ,:;&'’()/–-]){3,70}$"
)


def _whole_number(
    piece: str, last: tuple[int, ...] | None, counting_down: bool = False
) -> re.Match[str] | None:
    """A whole number that numbers the paragraph a line starts: one that follows the last,
    an extract's first heading, or a place in a countdown."""
    whole = _WHOLE_NUMBER.match(piece) or _WHOLE_DOTTED.match(piece)
    if whole is None:
        return None
    if counting_down or _whole_successor(last, int(whole.group(1))):
        return whole
    return whole if last is None and _EXTRACT_START.match(piece) is not None else None


def _whole_successor(previous: tuple[int, ...] | None, number: int) -> bool:
    """Whether a whole number at the start of a line may number the next paragraph.

    "1" may always start a numbering, or a list ("Notes" then "1. Figures are
    provisional"); any other number must follow the last one by a small step, so that a
    count that starts a line ("293 searches were recorded") is not taken for one.
    """
    if number == 1:
        return True
    if previous is None:
        return number <= _MAX_WHOLE_STEP
    return 0 < number - previous[0] <= _MAX_WHOLE_STEP


def _own_line(
    text: str, start: int, end: int, row: bool, entry: list[tuple[int, int]] | None
) -> Block | None:
    """A line that is a block of its own (a table's row, a contents line, a dashboard's line
    in columns), tested cheaply first: most lines are none of them."""
    line = text[start:end]
    if entry is not None:
        body = line.strip()
        first = start + line.index(body[0])
        return Block("contents", [(first, first + len(body))], references=entry)
    if row or any(dots in line for dots in _LEADERS) or len(line) < 16 or _PAGE_LINE.match(line):
        return _line_kind(text, start, end, row)
    if is_cell_line(line):
        # "Rolling year     36,810 crimes      UP 4.0%": a dashboard's line, read alone.
        body = line.strip()
        first = start + line.index(body[0])
        return Block("body", [(first, first + len(body))])
    return None


def _line_kind(text: str, start: int, end: int, table: bool) -> Block | None:
    """A line that is a block of its own: a row of a table or a contents line."""
    line = text[start:end]
    contents = None
    if not table and (page := _PAGE_LINE.match(text, start, end)) is not None:
        body = line.strip()
        first = start + line.index(body[0])
        return Block(
            "contents",
            [(first, first + len(body))],
            references=[page.span(page.lastindex or 1)],
        )
    if not table:
        if "...." not in line and ". . . ." not in line and "……" not in line:
            return None  # most lines: neither
        contents = _CONTENTS.match(line)
        if contents is None:
            return None
    body = line.strip()
    first = start + line.index(body[0])
    if contents is None:
        return Block("table", [(first, first + len(body))])
    spans = [
        (start + contents.start(g), start + contents.end(g)) for g in (1, 2) if contents.group(g)
    ]
    return Block("contents", [(first, first + len(body))], references=spans)


def _ends_paragraph(text: str, segment: tuple[int, int]) -> bool:
    line = text[segment[0] : segment[1]].rstrip()
    if not line:
        return True
    if line.endswith(("-", "–", ",", "/", "(")):
        return False
    words = line.split()
    return words[-1].lower().strip("‘’'\"") not in _FUNCTION_WORDS


def blocks_of(text: str) -> list[Block]:
    """The blocks of a paper's text: each paragraph's lines, number or heading level (a
    subtitle file's cues read as one text)."""
    lines = list(lines_of(text))
    subtitles = subtitle_blocks(text, lines, Block)
    return subtitles if subtitles is not None else _blocks_of_lines(text, lines)


def _blocks_of_lines(text: str, lines: list[tuple[int, int]]) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    last_number: tuple[int, ...] | None = None
    blank_before = True
    rows = table_rows(text, lines)
    listed = contents_entries(text, lines)
    countdown = countdown_lines(text, lines)
    seen: set[str] = set()
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line.strip():
            blank_before = True
            continue
        own = _own_line(text, start, end, index in rows, listed.get(index))
        if own is not None:
            # A table row or a contents line is never prose, nor a paragraph's number.
            blocks.append(own)
            current, blank_before = None, False
            continue
        pieces = _split_mid_numbers(text, start, end, last_number)
        for piece_start, piece_end in pieces:
            piece = text[piece_start:piece_end]
            new: Block | None = None
            number_match = _LINE_NUMBER.match(piece)
            one_line = False  # a numbered heading on a line of its own
            md = _MD_HEADING.match(piece)
            if md:
                new, body_start = _markdown_heading(text, md, piece_start, piece_end, last_number)
            elif number_match and (
                _successor(last_number, number_match.group(1))
                or _listed_again(number_match.group(1), seen, text[start:end])
            ):
                span = (piece_start + number_match.start(1), piece_start + number_match.end(1))
                new = Block("numbered", [], number_match.group(1), span)
                body_start = piece_start + number_match.end()
            elif (whole := _whole_number(piece, last_number, index in countdown)) is not None:
                span = (piece_start + whole.start(1), piece_start + whole.end(1))
                new = Block("numbered", [], whole.group(1), span)
                body_start = piece_start + whole.end()
                one_line = is_title_line(text[body_start:piece_end])
            elif level := heading_level(text, piece, lines, index, blank_before):
                new, body_start = Block("heading", [], level=level), piece_start  # "Fellgate"
            elif bullet := BULLET.match(piece):
                # A numbered item ("1)", "(2)"): its number refers to it.
                group = next((g for g in (1, 2, 3, 4, 5) if bullet.group(g)), 2)
                span = (piece_start + bullet.start(group), piece_start + bullet.end(group))
                new = Block("bullet", [], number_span=span if bullet.group(group) else None)
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
                    seen.add(new.number)
                current = new
                blocks.append(current)
            assert current is not None
            _add_content(current, text, body_start, piece_end)
            if current.kind == "heading" and current.number is None:
                current = None if not current.segments else current
                if current is not None:
                    # A Markdown heading is one line; what follows starts a new paragraph.
                    blocks[-1] = current
                    current = Block("body", [])
                    blocks.append(current)
            elif one_line:
                # "1 Volume" over "293 searches were recorded": a heading is one line.
                current = None
            blank_before = False
    return _split_lists(text, [b for b in blocks if b.segments or b.number])


def _add_content(block: Block, text: str, start: int, end: int) -> None:
    """Add a line's content, without the space around it, to ``block``."""
    body = text[start:end]
    content_start = start + (len(body) - len(body.lstrip()))
    content_end = end - (len(body) - len(body.rstrip()))
    if content_end > content_start:
        block.segments.append((content_start, content_end))


#: The fewest lines a paragraph has to be a list whose items lost their bullets.
_LIST_LINES = 3


#: The fewest lines of a table pasted one cell a line, and the longest cell.
_CELL_LINES = 6
_CELL_WIDTH = 30
#: A table's caption ("Table 2: Vehicle thefts by division").
_CAPTION = re.compile(r"[ \t]*(?:Table|Figure|Chart|Graph)\s+\d")


def _is_one_cell_a_line(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether a paragraph's lines are a table's cells, one a line, as a PDF-to-text dump
    gives a table ("Division" over "2018/19" over "Coastal" over "4,127"): six lines or
    more, each short and not a sentence's end, a quarter of them or more numbers."""
    if len(lines) < _CELL_LINES:
        return False
    cells = [text[s:e].strip() for s, e in lines]
    if any(len(c) > _CELL_WIDTH or c.endswith(".") for c in cells):
        return False
    return 4 * sum(NUMERIC_CELL.fullmatch(c) is not None for c in cells) >= len(cells)


#: A line that starts with its label: "Vehicle thefts: 696 – up 5 on last month."
_LABELLED_LINE = re.compile(r"[ \t]*[A-Z][\w ()/&'’-]{0,30}:[ \t]+\S")


def _unbulleted(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether lines are items of a list that lost its bullets: three or more, each
    starting with a capital or a number and ending without a full stop."""
    return (
        len(lines) >= _LIST_LINES
        and all(ITEM_START.match(text, start) for start, _ in lines)
        and not any(
            text[s:e].rstrip().endswith(TERMINAL) or not _ends_paragraph(text, (s, e))
            for s, e in lines
        )
    )


#: A short title in capitals on its own line: "ALL CRIME", "CHARGE / SUMMONS RATE".
_CAPS_TITLE = re.compile(r"[ \t]*[A-Z][A-Z&/,'’() –-]{2,60}[ \t]*")
#: A line led by a figure: "58,253   crimes recorded", "£3.52 a week".
_FIGURE_FIRST = re.compile(r"[ \t]*[£$€]?\d")


def _split_lists(text: str, blocks: list[Block]) -> list[Block]:
    """A list pasted without its bullets ("£15m more for policing" over "2,048 officers"
    over "93% of 999 calls answered"), each line an item that starts with a capital or a
    number and ends without a full stop, is one paragraph a line: its lines are not one
    sentence, so a period or measure of one is never another's. Dot-leader lines of
    figures are a table's rows, not contents."""
    blocks = leaders_of_figures(text, blocks)
    out: list[Block] = []
    for block in blocks:
        lines = block.segments
        if block.kind == "body" and _is_one_cell_a_line(text, lines):
            out.append(Block("table", lines))
            continue
        if (
            block.kind == "body"
            and _CAPTION.match(text, lines[0][0])
            and _is_one_cell_a_line(text, lines[1:])
        ):
            # "Table 2: Vehicle thefts by division" over the table's cells, one a line.
            out.extend((Block("body", lines[:1]), Block("table", lines[1:])))
            continue
        if (
            block.kind == "body"
            and len(lines) > _LIST_LINES
            and _CAPS_TITLE.fullmatch(text, *lines[0])
            and all(_LABELLED_LINE.match(text, start) for start, _ in lines[1:])
        ):
            # "ALL CRIME" over "This month:   595" and "Last month:   520": a title in
            # capitals heads its labelled lines, each read on its own.
            out.append(Block("heading", lines[:1], level=3))
            out.extend(Block("body", [line]) for line in lines[1:])
            continue
        labelled = len(lines) >= _LIST_LINES and all(
            _LABELLED_LINE.match(text, start) for start, _ in lines
        )
        # A block still read as front matter may turn out to be body once the paper's prose
        # starts after it (see parse._front_ends_at_prose): a list of figures, each line
        # led by its number ("58,253   crimes recorded"), is split alike; a title block is
        # not, its lines being read together for the paper's area.
        listed = block.kind == "body" or (
            block.kind == "front" and all(_FIGURE_FIRST.match(text, s) for s, _ in lines)
        )
        if not listed or not (labelled or _unbulleted(text, lines)):
            out.append(block)
            continue
        out.extend(Block(block.kind, [line]) for line in lines)
    return out


def _markdown_heading(
    text: str, md: re.Match[str], start: int, end: int, last: tuple[int, ...] | None
) -> tuple[Block, int]:
    """A Markdown heading, numbered if its number follows the paper's numbering, and where
    its body starts."""
    rest = start + md.end()
    inner = _LINE_NUMBER.match(text, rest, end) or _HEADING_NUMBER.match(text, rest, end)
    if inner and _successor(last, inner.group(1)):
        return Block("heading", [], inner.group(1), inner.span(1), len(md.group(1))), inner.end()
    return Block("heading", [], None, None, len(md.group(1))), rest


def _is_item_title(line: str) -> bool:
    """A short title with no figure and no sentence's end: "Burglary, robbery and vehicle
    crime", "Drugs and stop and search"."""
    return is_title_line(line) and not any(c.isdigit() for c in line) and line[:1].isupper()


#: A line naming who answers for an item of a list: "Lead: ...", "Owner: ...".
_ROLE_LINE = re.compile(
    r"[ \t]*(?:Lead|Owner|Author|Contact|Sponsor|Presenter|Responsible\s+officer"
    r"|(?:Report(?:ed)?|Prepared|Presented)\s+by)[ \t]*:[^\n]*$"
)


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
    if (
        not blank_before
        and current.kind == "bullet"
        and len(current.segments) == 1
        and _is_item_title(text[slice(*current.segments[0])])
    ):
        # "5) Burglary, robbery and vehicle crime" over "Thirteen burglaries ...": an item's
        # title on its own line, then its text.
        return True
    if indented and _ROLE_LINE.match(text, *current.segments[-1]):
        # "Lead: Superintendent, Local Policing North" over the item's text: who answers
        # for it, whose job title's area is not the figures'.
        return True
    if not blank_before and not indented:
        return False
    previous = current.segments[-1]
    if not _ends_paragraph(text, previous):
        return False
    return blank_before or text[previous[0] : previous[1]].rstrip().endswith(TERMINAL)


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
