"""Claims: what each sentence of a paper asserts, with the span it asserts it in.

A claim is one checkable statement: a figure ("12.4%"), a direction against a comparison
("higher than September"), a streak ("for 29 consecutive months"), a cross-reference
("see 4.2.1") or a date ("scheduled for January/February 2019"). Its fields follow the fact
model (:class:`narrator.facts.model.Fact`): measure id, area name, period labels such as
"2019-10", "R12:2019-10", "FY:2018", "CY:2019", values in per cent units for rates, and
directions "up", "down" or "flat", so that phase-2 verdicts can look facts up directly.

Context carries: a sentence that names no measure ("the rate", "the 12 month total") takes
the measure of the previous sentence in its paragraph, or else of its section heading.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from narrator import months
from narrator.check.dates import When
from narrator.check.document import Document
from narrator.check.parts import Context
from narrator.check.pipeline import doc_text, entities_of, lexicon_of
from narrator.check.reading import SentenceReader

if TYPE_CHECKING:
    from narrator.check.pipeline import Reader

#: Kinds of claim.
CLAIM_KINDS = ("figure", "direction", "streak", "outlier", "xref", "date")


@dataclass(frozen=True)
class Claim:
    """One statement of a paper and everything read from it; None where the text is silent.

    ``span`` is the claim's (start, end) in :attr:`Document.text`: for a figure, exactly the
    quoted number ("12.4%"); for a direction, its word; for a reference, the section number.
    """

    kind: str
    text: str
    span: tuple[int, int]
    sentence: str
    sentence_span: tuple[int, int]
    paragraph: int
    section: str | None = None
    measure: str | None = None
    measure_text: str | None = None
    measure_from: str | None = None
    measure_head: str | None = None
    measure_alternatives: tuple[str, ...] = ()
    area: str | None = None
    area_text: str | None = None
    period: str | None = None
    period_text: str | None = None
    value: float | None = None
    unit: str | None = None
    decimals: int | None = None
    approx: str | None = None
    noun: str | None = None
    statistic: str | None = None
    change: float | None = None
    change_pct: float | None = None
    direction: str | None = None
    judgement: str | None = None
    magnitude: str | None = None
    comparison: str | None = None
    comparison_text: str | None = None
    reference: float | None = None
    reference_period: str | None = None
    reference_area: str | None = None
    reference_measure: str | None = None
    reference_span: tuple[int, int] | None = None
    significant: bool | None = None
    streak: int | None = None
    since: str | None = None
    occurrence: int | None = None
    months_of: tuple[int, int] | None = None
    record: str | None = None
    role: str | None = None
    target: str | None = None
    target_where: str | None = None
    date_first: date | None = None
    date_last: date | None = None
    date_explicit_year: bool = False
    tense: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def is_data(self) -> bool:
        """True for claims about the figures (not references or dates)."""
        return self.kind in ("figure", "direction", "streak", "outlier")

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out


def infer_reporting_month(document: Document) -> str | None:
    """The month a paper reports on, when not given: the end month its rolling periods and
    dated figures name most often ("12 months to October 2019"), else the month before the
    paper's date."""
    import re

    from narrator.check.dates import MONTH_RE, month_number

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


def extract_claims(reader: Reader, document: Document, *, month: str | None = None) -> list[Claim]:
    """Every claim of ``document`` in document order (see :meth:`Reader.claims`)."""
    reporting = month or infer_reporting_month(document)
    reporting_index = months.parse(reporting) if reporting else None
    anchor = document.date
    claims: list[Claim] = []
    sentences = SentenceReader(reader, reporting_index, anchor)
    for chunk in reader.parse(document):
        doc = chunk.doc
        chunk_text = doc_text(doc)
        ents = entities_of(doc)
        lexicon = lexicon_of(doc)
        e_at = l_at = 0
        position = 0
        context: Context | None = None
        paragraph_index = -1
        for sent in doc.sents:
            start, end = sent.start_char, sent.end_char
            while position + 1 < len(chunk.starts) and chunk.starts[position + 1] <= start:
                position += 1
            paragraph = chunk.paragraphs[position]
            if paragraph.index != paragraph_index:
                paragraph_index = paragraph.index
                context = sentences.heading_context(paragraph.heading)
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
            found, context = sentences.read(
                doc,
                chunk_text,
                (start, start + len(text)),
                ents[e_at:e_end],
                lexicon[l_at:l_end],
                context,
            )
            for claim in found:
                claims.append(_locate(claim, paragraph, base, document.text))
    return claims


def _locate(draft: Any, paragraph: Any, base: int, source: str) -> Claim:
    """The finished claim, its spans moved from chunk offsets to the document text."""

    def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
        if span is None:
            return None
        return paragraph.span(span[0] - base, span[1] - base)  # type: ignore[no-any-return]

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
    return Claim(**fields)


__all__ = ["CLAIM_KINDS", "Claim", "When", "extract_claims", "infer_reporting_month"]
