"""The references a paper makes to its own parts that are read over whatever the rules
found there: its minute numbers ("45/19 APOLOGIES"), its footnote markers ("Wales2.") and the
lines of the notes they mark ("11 Vehicle thefts include ..."), and its paragraphs named in
the prose after "at", "in" or "under" ("the addendum at 6.7")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from narrator.check.number import Number
from narrator.check.own_numbers import minute_spans
from narrator.check.text.document import Document

#: A footnote's marker glued to the end of a sentence or clause, as text copied from a PDF
#: has it ("a response rate of 38%.1 Overall", "not reported.2").
_FOOTNOTE = re.compile(
    r"(?<=[a-z%)\]][.,;:])\d{1,2}(?=\s|$)"
    # "at about 62%.[3]", "a rate of 12%[1]": a marker in brackets glued to a figure
    r"|(?<=[\d%.,;:]\[)\d{1,2}(?=\])"
    # "(excluding fraud)1,", "for England and Wales2.": a marker glued to a word's end
    r"|(?<=\))\d(?=[.,;:]?(?:\s|$))|(?<=[a-z]{3})\d(?=[.,;:]?(?:\s|$))"
)


def _as_references(text: str, found: list[Number], spans: list[tuple[int, int]]) -> list[Number]:
    """``found`` with ``spans`` read as references, in place of whatever was read over them,
    in text order."""
    if not spans:
        return found
    kept = [n for n in found if not any(s < n.end and n.start < e for s, e in spans)]
    added = [Number(s, e, text[s:e], "reference") for s, e in spans]
    return sorted([*kept, *added], key=lambda n: (n.start, n.end))


def with_minutes(text: str, found: list[Number]) -> list[Number]:
    """Minute numbers ("45/19 APOLOGIES FOR ABSENCE", "minute 31/19") as references, in
    place of whatever they were read as."""
    return _as_references(text, found, minute_spans(text))


def footnote_markers(document: Document, found: list[Number]) -> Iterator[Number]:
    """The footnote markers of the prose no other number covers: references."""
    text = document.text
    taken = sorted((n.start, n.end) for n in found)
    starts = [start for start, _ in taken]
    for paragraph in document.iter_text():
        for match in _FOOTNOTE.finditer(text, paragraph.start, paragraph.end):
            index = bisect.bisect_right(starts, match.start()) - 1
            if index >= 0 and taken[index][1] > match.start():
                continue
            yield Number(match.start(), match.end(), match.group(), "reference")


#: Before a paragraph's number named in the prose: "the addendum at 6.7", "the forecast in
#: 6.4"; after it, no unit ("at 6.7%", "in 6.4 per 1,000" are figures).
_AT_PARAGRAPH = re.compile(r"\b(?:at|in|under)\s+\Z")
_UNIT_AFTER = re.compile(
    r"\s*(?:%|per\b|pp\b|points?\b|percent|per\s+cent|times\b|(?:km|mph|m|bn|k|s)\b)"
)


def with_own_paragraphs(document: Document, found: list[Number]) -> list[Number]:
    """``found``, with a decimal the paper numbers one of its own paragraphs with read as a
    reference to it where the prose names it after "at", "in" or "under"."""
    text = document.text
    own = {
        text[p.number_span[0] : p.number_span[1]].rstrip(".")
        for p in document.paragraphs
        if p.number_span is not None
    }
    return [
        Number(n.start, n.end, n.text, "reference")
        if n.cls == "value"
        and "." in n.text
        and n.text in own
        and _AT_PARAGRAPH.search(text, max(0, n.start - 8), n.start)
        and not _UNIT_AFTER.match(text, n.end)
        else n
        for n in found
    ]


#: A footnote's number at its line's start, before the note: "11 Vehicle thefts include".
_NOTE_LINE = re.compile(r"^[ \t]*(\d{1,2})[ \t](?=[A-Z][a-z]*[ \t][a-z])", re.MULTILINE)


def with_footnote_lines(text: str, markers: list[Number], found: list[Number]) -> list[Number]:
    """``found``, with the number that starts a footnote's line read as a reference where
    the prose before it carries a marker of that number ("55 percent.11 The Coastal ...")."""
    if not markers:
        return found
    said = {n.text for n in markers}
    first = min(n.end for n in markers)
    notes = [m.span(1) for m in _NOTE_LINE.finditer(text, first) if m.group(1) in said]
    return _as_references(text, found, notes)
