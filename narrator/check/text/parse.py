"""Parsing a paper's text: its blocks (see :mod:`narrator.check.text.blocks`) assembled into
front matter, numbered sections and paragraphs, each paragraph's text with its whitespace
collapsed and a map back to the text as read."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from narrator import textio
from narrator.check.text.blocks import FRONT_FIELD, Block, blocks_of
from narrator.check.text.dates import word_list
from narrator.check.text.document import Document, Paragraph, Section, number_key

_IRREGULAR_SPACE = re.compile(r"\s\s|[^\S ]")
_NON_SPACE = re.compile(r"\S+")
_ABBREVIATIONS = re.compile(r"\b(?:i\.e|e\.g|etc|cf|vs|no|approx|incl)\.", re.IGNORECASE)


def parse_text(text: str, *, path: Path | None = None) -> Document:
    """Split a paper's text into front matter, sections and paragraphs."""
    # Read as it looks: "3\u00a0945" is one number, a zero-width space splits nothing.
    text = textio.normalise(text)
    blocks = blocks_of(text)
    return _assemble(text, blocks, path)


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


#: The most words a heading ending in a full stop has ("3. Outcomes.").
_TITLE_SENTENCE_WORDS = 6


def _is_title(body: str) -> bool:
    """A short line without a full stop inside: a heading rather than a paragraph."""
    stripped = body.strip()
    if not stripped or len(stripped) > 250:
        return False
    if stripped.endswith(".") and len(stripped.split()) > _TITLE_SENTENCE_WORDS:
        return False  # a whole sentence, though the paragraph after it is not numbered
    # Abbreviations ("i.e. CAWNs") are not sentence ends.
    inner = _ABBREVIATIONS.sub("", stripped.rstrip(". "))
    return not re.search(r"[.!?]\s+[A-Z]", inner)


@dataclass
class _Assembly:
    """What assembling the blocks has found so far: the paragraphs, front matter and title,
    each section's own paragraphs and heading, and the headings in force."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    front: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    section_of: dict[str, list[Paragraph]] = field(default_factory=dict)
    headings: dict[str, str | None] = field(default_factory=dict)
    section: str | None = None
    heading_stack: dict[int, str] = field(default_factory=dict)
    heading: str | None = None
    #: An unnumbered heading inside a numbered section ("Vehicle crime - force position"
    #: under "6. VEHICLE CRIME AND ASSAULTS"), and the section it was met in.
    sub_heading: tuple[str, tuple[int, ...]] | None = None


def _assemble(text: str, blocks: list[Block], path: Path | None) -> Document:
    if not any(b.kind in ("heading", "numbered") for b in blocks):
        # Front matter is what comes before a paper's first heading or numbered paragraph;
        # a text with neither (a paragraph on its own, an email) is all body, but for any
        # block of fields ("Date: 19th December 2019").
        blocks = [_unheaded(text, b) for b in blocks]
        # Fields come at the top: "The good news: we solved 14" after a paragraph of prose
        # is prose too.
        first_body = next((i for i, b in enumerate(blocks) if b.kind != "front"), len(blocks))
        blocks = blocks[:first_body] + [
            _as_body(b) if b.kind == "front" else b for b in blocks[first_body:]
        ]
    else:
        blocks = _front_ends_at_prose(text, blocks)
    blocks = [part for block in blocks for part in _lines_of_figures(text, block)]
    numbered = [b.number for b in blocks if b.number]
    keys = [number_key(n) for n in numbered]
    prefixes = {k[:i] for k in keys for i in range(1, len(k))}
    has_children = {n for n, k in zip(numbered, keys, strict=True) if k in prefixes}
    found = _Assembly()
    for position, block in enumerate(blocks):
        body, norm, orig = _collapse(text, block.segments)
        start = block.segments[0][0] if block.segments else (block.number_span or (0, 0))[1]
        end = block.segments[-1][1] if block.segments else start
        kind = block.kind
        if kind == "front":
            _front_matter(text, block, found)
        if block.number is not None:
            follows_body = position + 1 < len(blocks) and blocks[position + 1].kind in (
                "body",
                "bullet",
            )
            is_heading = (
                block.kind == "heading"
                or block.number in has_children
                or ((block.number.endswith(".0") or follows_body) and _is_title(body))
            )
            _numbered(block.number, body, is_heading, found)
            if is_heading:
                kind = "heading"
        elif kind == "heading":
            found.heading = body
            if found.section is not None:
                found.sub_heading = (body, number_key(found.section)[:1])
            else:
                found.sub_heading = (body, (0,))  # a heading above item "1."
            if found.title is None and not found.paragraphs:
                found.title = body
        paragraph = Paragraph(
            index=len(found.paragraphs),
            kind=kind,
            start=start,
            end=end,
            text=body,
            number=block.number,
            section=found.section if kind != "front" else None,
            heading=found.heading if kind != "front" else None,
            number_span=block.number_span,
            references=tuple(block.references or ()),
            _map=(norm, orig),
        )
        found.paragraphs.append(paragraph)
        if found.section is not None and kind != "front":
            found.section_of.setdefault(found.section, []).append(paragraph)
    return Document(
        path=path,
        text=text,
        paragraphs=tuple(found.paragraphs),
        sections=_sections(numbered, found),
        front=found.front,
        title=found.title,
    )


#: A line of this many words or more that ends a sentence is prose, not a front field.
_PROSE_WORDS = 12


def _front_ends_at_prose(text: str, blocks: list[Block]) -> list[Block]:
    """Front matter ends at the first paragraph of prose, even before the first heading or
    numbered paragraph: a press release whose notes are numbered at its end has its story
    as body, not as front matter."""
    for position, block in enumerate(blocks):
        if block.kind != "front":
            # Fields come at the top: "Vehicle thefts: 696 – up 5" under a heading is prose.
            return blocks[:position] + [
                _as_body(b) if b.kind == "front" else b for b in blocks[position:]
            ]
        if any(
            (
                len(text[s:e].split()) >= _PROSE_WORDS
                and text[s:e].rstrip().rstrip(")").endswith(tuple('.!?:;"”’'))
                and not FRONT_FIELD.match(text[s:e])
            )
            or _figures_line(text[s:e])
            for s, e in block.segments
        ):
            # Prose before any heading: what comes before it is read as in a text without
            # headings (fields are front matter, the rest is body); what follows is body.
            head = [_unheaded(text, b) for b in blocks[:position]]
            tail = [_as_body(b) if b.kind == "front" else b for b in blocks[position:]]
            return head + tail
    return blocks


def _figures_line(line: str) -> bool:
    """ "Dwelling burglary: 2,471 offences, a fall of 2.2%": a labelled line of figures that
    is no memo field, so prose, not front matter."""
    return (
        _LABELLED.match(line) is not None
        and not memo_field(line)
        and any(c.isdigit() for c in line)
    )


#: A line that starts with a label and a colon ("Prosecution possible outcome rate: 10.8%").
#: ("12m to Apr-19: 7,487 crimes" starts with its period.)
_LABELLED = re.compile(r"[ \t]*[A-Z0-9][^:\n]{0,60}:[ \t]+\S")


def _lines_of_figures(text: str, block: Block) -> list[Block]:
    """A body block of labelled lines of figures read as front matter first ("Possession
    of weapons: 61 offences against 48 - UP" over "Outcome rate: 12.4%"), a paragraph a
    line: one line's measure or direction is never the next one's."""
    lines = block.segments
    if (
        block.kind != "body"
        or len(lines) < 2
        or not all(_LABELLED.match(text, s, e) for s, e in lines)
        or not any(_figures_line(text[s:e]) for s, e in lines)
    ):
        return [block]
    return [Block("body", [line]) for line in lines]


def _as_body(block: Block) -> Block:
    """The block as body."""
    return Block("body", block.segments, block.number, block.number_span, block.level)


def _unheaded(text: str, block: Block) -> Block:
    """A block of a text without headings: body, unless it is a block of memo fields."""
    if block.kind != "front" or all(memo_field(text[start:end]) for start, end in block.segments):
        return block
    return _as_body(block)


#: The first words of the keys of a memo's fields ("Date of meeting", "Report of", "Agenda
#: item"): "All crime: 60,671 crimes" is a line of figures, not a field.
MEMO_WORDS = frozenset(
    word_list(
        "date to from subject title author authors report reports prepared meeting agenda "
        "item purpose classification security protective marking status version ref "
        "reference contact email telephone tel phone cc copy circulation owner lead chair "
        "venue time attachments appendices paper division department directorate wards key "
        "public timing sponsor officer presented presenter decision originator issue issued "
        "review recommendation recommendations summary for dated"
    )
)


def memo_field(line: str) -> bool:
    """Whether a line is a field of a memo's front matter ("Date: 19th December 2019")."""
    found = FRONT_FIELD.match(line)
    return found is not None and found.group(1).split()[0].lower() in MEMO_WORDS


def _front_matter(text: str, block: Block, found: _Assembly) -> None:
    """The fields ("Date: 19th December 2019") and the title of the front matter."""
    for line_start, line_end in block.segments:
        field_match = FRONT_FIELD.match(text[line_start:line_end])
        if field_match:
            found.front.setdefault(
                field_match.group(1).strip().lower(), field_match.group(2).strip()
            )
        elif found.title is None:
            found.title = " ".join(text[line_start:line_end].split())


def _numbered(number: str, body: str, is_heading: bool, found: _Assembly) -> None:
    """A numbered block starts a section, and heads it if it is a heading."""
    found.section = number
    key = number_key(number)
    found.heading_stack = {d: h for d, h in found.heading_stack.items() if d < len(key)}
    if is_heading:
        found.headings[number] = body.strip("‘’'\" ") or None
        found.heading_stack[len(key)] = body
    else:
        found.headings[number] = None
    stack = found.heading_stack
    found.heading = stack[max(stack)] if stack else None
    if (
        not is_heading
        and found.sub_heading is not None
        and len(key) == 1
        and found.sub_heading[1] == (key[0] - 1,)
    ):
        # "UPLAND DIVISION" between items "4." and "5." of a list numbered 1 to 6: the
        # heading above holds for the items after it, up to the next heading.
        found.sub_heading = (found.sub_heading[0], key)
        found.heading = found.sub_heading[0]
    elif is_heading or (found.sub_heading is not None and found.sub_heading[1] != key[:1]):
        found.sub_heading = None  # a new numbered heading, or a new section: it no longer holds
    elif found.sub_heading is not None:
        # "6.2" under "Vehicle crime - force position" under "6. VEHICLE CRIME AND ...":
        # the nearer heading is the paragraph's.
        found.heading = found.sub_heading[0]


def _sections(numbered: list[str], found: _Assembly) -> dict[str, Section]:
    """Every numbered section, its parent and its own paragraphs."""
    sections: dict[str, Section] = {}
    seen: dict[tuple[int, ...], str] = {}
    for number in numbered:
        own = found.section_of.get(number, [])
        key = number_key(number)
        parent = next((seen[key[:i]] for i in range(len(key) - 1, 0, -1) if key[:i] in seen), None)
        seen.setdefault(key, number)
        first_span = next((p.number_span for p in own if p.number == number), None)
        section = sections[number] = Section(
            number=number,
            level=len(key),
            heading=found.headings.get(number),
            parent=parent,
            paragraphs=tuple(own),
            start=first_span[0] if first_span else (own[0].start if own else 0),
            end=own[-1].end if own else 0,
        )
        # The cached ``key`` filled in now: a first access through ``cached_property`` takes
        # a lock, and the checks read the keys of thousands of sections.
        section.__dict__["key"] = key
    return sections
