"""Every claim of a paper, in document order: its prose read in chunks of paragraphs,
sentence by sentence, and each claim located in the document's text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from narrator import months
from narrator._gc import paused
from narrator.check.claims import parallel
from narrator.check.claims.alternatives import carried_alternatives
from narrator.check.claims.context import heading_context
from narrator.check.claims.earlier import from_month_before
from narrator.check.claims.line_labels import labelled_periods
from narrator.check.claims.model import Claim
from narrator.check.claims.paper_year import of_the_year, paper_year
from narrator.check.claims.pieces import Context
from narrator.check.claims.reading import Reading, reading_of
from narrator.check.claims.scope import bind_scope, scope_of
from narrator.check.claims.sentence import read_sentence
from narrator.check.claims.subject import (
    bind_area,
    bind_heading_area,
    heading_areas,
    paper_area,
)
from narrator.check.text.dates import MONTH_RE, month_number
from narrator.check.text.document import Document, Paragraph
from narrator.check.tokens.doc import doc_text, entities_of, lexicon_of, sentences_of
from narrator.check.tokens.reader import Chunk, Reader


def infer_reporting_month(document: Document) -> str | None:
    """The month a paper reports on, when not given: the end month its rolling periods and
    dated figures name most often ("12 months to October 2019"), else the month before the
    paper's date."""
    counts: Counter[int] = Counter()
    for match in re.finditer(rf"({MONTH_RE})\s+((?:19|20)\d\d)\b", document.text):
        month = month_number(match.group(1))
        if month is not None:
            counts[int(match.group(2)) * 12 + month - 1] += 1
    paper = document.date
    if paper is not None:
        limit = paper.year * 12 + paper.month - 1
        counts = Counter({m: c for m, c in counts.items() if m <= limit})
    if counts:
        best = max(counts.items(), key=lambda item: (item[1], item[0]))[0]
        return months.iso(best)
    if paper is not None:
        return months.iso(paper.year * 12 + paper.month - 2)
    return None


class Marked(NamedTuple):
    """A stretch of a paper the scanner marked (a figure, a date, a reference...) or a
    number inside a measure's name ("999 calls": ``NAME``), in document offsets."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Extracted:
    """What reading a paper found: its claims, and every mark its prose has."""

    claims: list[Claim]
    marks: list[Marked]


def extract_claims(reader: Reader, document: Document, *, month: str | None = None) -> list[Claim]:
    """Every claim of ``document`` in document order, read with ``reader`` (see
    :func:`extract`)."""
    return extract(reader, document, month=month).claims


def extract(reader: Reader, document: Document, *, month: str | None = None) -> Extracted:
    """Every claim of ``document`` in document order, read with ``reader``, and the marks
    of its prose.

    ``month`` is the reporting month ("2019-10"); without it, it is inferred from the paper
    (see :func:`infer_reporting_month`).

    A long paper is read in several processes when the machine has several cores: its
    chunks of paragraphs are independent (the context a sentence takes from the one before
    never crosses a paragraph), so each process reads a run of them and the claims are
    joined in order.
    """
    reporting = month or infer_reporting_month(document)
    reporting_index = months.parse(reporting) if reporting else None
    anchor = document.date
    groups = reader.groups(document)

    subject = paper_area(document, reader.areas)

    def read(part: Sequence[Sequence[Paragraph]]) -> list[Extracted]:
        reading = reading_of(reader, reporting_index, anchor)
        reading.paper_area = subject
        found: list[Extracted] = []
        for chunk in reader.read(part):
            # What a chunk remembers of the areas named never crosses into the next: the
            # claims must not depend on how the chunks are shared among processes.
            reading.named_areas.clear()
            reading.spoken_measure = None
            claims = list(_chunk_claims(reading, chunk, document.text))
            found.append(Extracted(claims, _chunk_marks(chunk)))
        return found

    # Reading makes tens of thousands of objects that outlive it (the claims) and many more
    # that reference counting frees; none is cyclic garbage worth a collection. With the
    # collector running, they would make it walk every object of the process in a full
    # collection (0.1 to 0.15 s of the long paper of bench/check_speed.py).
    with paused():
        runs = parallel.runs(groups, parallel.processes())
        if len(runs) == 1:
            chunks = read(groups)
        else:
            reader.prepare(document)
            chunks = [chunk for found in parallel.in_processes(read, runs) for chunk in found]
    claims = [claim for chunk in chunks for claim in chunk.claims]
    # Whose figures each claim is of needs the whole paper: a paper about another force
    # names it somewhere and never the project's own.
    headings = {p.index: p.heading for p in document.paragraphs}
    claims = carried_alternatives(reading_of(reader, reporting_index, anchor), claims, headings)
    claims = bind_scope(claims, document.text, scope_of(reader.areas), headings)
    root = reader.areas.root.name
    claims = bind_heading_area(claims, heading_areas(headings, reader.areas), root)
    claims = from_month_before(bind_area(claims, subject, root))
    claims = of_the_year(claims, paper_year(document, reporting), reporting)
    claims = labelled_periods(claims, reporting)
    return Extracted(claims, [mark for chunk in chunks for mark in chunk.marks])


#: A number written in digits, inside a measure's name.
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _chunk_marks(chunk: Chunk) -> list[Marked]:
    """The scanner's marks of a chunk, and the numbers inside its measure names, in
    document offsets."""
    text = doc_text(chunk.doc)
    found: list[Marked] = []
    position = 0
    for start, end, label, _ in entities_of(chunk.doc):
        if label == "AREA":
            continue
        while position + 1 < len(chunk.starts) and chunk.starts[position + 1] <= start:
            position += 1
        paragraph, base = chunk.paragraphs[position], chunk.starts[position]
        if label != "MEASURE":
            found.append(Marked(*paragraph.span(start - base, end - base), label))
            continue
        for digits in _DIGITS.finditer(text, start, end):
            span = paragraph.span(digits.start() - base, digits.end() - base)
            found.append(Marked(*span, "NAME"))
    return found


def _outside_areas(
    lexicon: list[tuple[int, int, str, str]], ents: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, str, str]]:
    """Lexicon phrases that are not words of an area's name ("Lower" in "Lower Vale and
    Coast" names a place, not a direction)."""
    areas = [(s, e) for s, e, label, _ in ents if label == "AREA"]
    if not areas:
        return lexicon
    return [item for item in lexicon if not any(s <= item[0] and item[1] <= e for s, e in areas)]


def _chunk_claims(reading: Reading, chunk: Chunk, source: str) -> Iterator[Claim]:
    """The claims of one chunk, sentence by sentence, located in the document text."""
    doc = chunk.doc
    chunk_text = doc_text(doc)
    ents = entities_of(doc)
    lexicon = _outside_areas(lexicon_of(doc), ents)
    e_at = l_at = 0
    position = 0
    context: Context | None = None
    paragraph_index = -1
    previous: Paragraph | None = None
    lead: Context | None = None  # what a line ending in ":" leaves to the items under it
    for start, end in sentences_of(doc):
        while position + 1 < len(chunk.starts) and chunk.starts[position + 1] <= start:
            position += 1
        paragraph = chunk.paragraphs[position]
        if paragraph.index != paragraph_index:
            paragraph_index = paragraph.index
            if previous is not None and previous.kind != "bullet":
                lead = context if previous.text.rstrip().endswith(":") else None
            if paragraph.kind == "bullet" and lead is not None:
                # "figures for Cambridge City:" over "* September: 22 thefts": each item
                # starts from what the line that leads into the list said.
                context = lead
            else:
                context = heading_context(reading, paragraph.heading)
            previous = paragraph
        while e_at < len(ents) and ents[e_at][0] < start:
            e_at += 1
        e_end = e_at
        while e_end < len(ents) and ents[e_end][0] < end:
            e_end += 1
        while l_at < len(lexicon) and lexicon[l_at][0] < start:
            l_at += 1
        l_end = l_at
        while l_end < len(lexicon) and lexicon[l_end][0] < end:
            l_end += 1
        text = chunk_text[start:end].rstrip()
        if not text.strip():
            continue
        base = chunk.starts[position]
        named_before = len(reading.named_areas)
        found, context = read_sentence(
            reading,
            doc,
            chunk_text,
            (start, start + len(text)),
            ents[e_at:e_end],
            lexicon[l_at:l_end],
            context,
        )
        named = set(reading.named_areas[named_before:])
        if len(named) == 1 and text.endswith(":"):
            # "these figures for Cambridge City:": the one area the list below is of
            (only,) = named
            context = replace(context, area=only, only_area=only)
        for claim in found:
            yield _locate(claim, paragraph, base, source)


#: The fields of a claim; a claim read that has exactly these is located without the frozen
#: dataclass's ``__init__``, which costs more than the reading of a claim's sentence.
_CLAIM_FIELDS = frozenset(Claim.__dataclass_fields__)


def _locate(draft: Claim, paragraph: Paragraph, base: int, source: str) -> Claim:
    """The finished claim, its spans moved from chunk offsets to the document text."""

    def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
        if span is None:
            return None
        return paragraph.span(span[0] - base, span[1] - base)

    fields = dict(draft.__dict__)
    span = move(fields["span"])
    sentence_span = move(fields["sentence_span"])
    assert span is not None and sentence_span is not None
    fields.update(
        text=source[span[0] : span[1]],
        sentence=source[sentence_span[0] : sentence_span[1]],
        span=span,
        sentence_span=sentence_span,
        reference_span=move(fields["reference_span"]),
        paragraph=paragraph.index,
        section=paragraph.section,
    )
    if fields.keys() != _CLAIM_FIELDS:
        return Claim(**fields)  # says which field is missing or unknown
    claim: Claim = object.__new__(Claim)
    claim.__dict__.update(fields)
    return claim
