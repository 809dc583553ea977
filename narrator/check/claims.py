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

import gc
import multiprocessing
import os
import re
import threading
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from narrator import months
from narrator.check.dates import When
from narrator.check.document import Document, Paragraph
from narrator.check.parts import Context
from narrator.check.pipeline import (
    doc_text,
    entities_of,
    group_paragraphs,
    lexicon_of,
    sentences_of,
)
from narrator.check.reading import SentenceReader

if TYPE_CHECKING:
    from narrator.check.pipeline import Chunk, Reader

T = TypeVar("T")
R = TypeVar("R")

#: Kinds of claim.
CLAIM_KINDS = ("figure", "direction", "streak", "outlier", "xref", "date")
#: Words just before a figure that make it the reference of a comparison, not a figure of
#: the measure itself: "than the long-term benchmark (13.2%)", "against a median of -1.4%",
#: "in line with the same period last year (8.5%)", "the long-term trend ... by about 1.6
#: percentage points a year".
REFERENCE_CUE = re.compile(
    r"\b(benchmark|average|median|same months|same period|trend|expected|limit)s?\b"
    r"(?:[^.;:]|\.\d){0,60}$",
    re.IGNORECASE,
)


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
    def reference_cue(self) -> str | None:
        """For a figure quoted as what the measure is compared with, the comparison's word
        ("benchmark", "average", "median", "same period", "trend"); None otherwise."""
        if self.kind != "figure":
            return None
        before = self.sentence[: max(0, self.span[0] - self.sentence_span[0])]
        found = REFERENCE_CUE.search(before)
        return found.group(1).lower() if found else None

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


#: Prose characters a process is given at least when a paper is read in several processes:
#: below this, starting one costs more than it saves.
PROCESS_CHARS = 150_000


def extract_claims(reader: Reader, document: Document, *, month: str | None = None) -> list[Claim]:
    """Every claim of ``document`` in document order (see :meth:`Reader.claims`).

    A long paper is read in several processes when the machine has several cores: its
    chunks of paragraphs are independent (the context a sentence takes from the one before
    never crosses a paragraph), so each process reads a run of them and the claims are
    joined in order.
    """
    reporting = month or infer_reporting_month(document)
    reporting_index = months.parse(reporting) if reporting else None
    anchor = document.date
    groups = reader.groups(document)

    def read(part: Sequence[Sequence[Paragraph]]) -> list[Claim]:
        sentences = SentenceReader(reader, reporting_index, anchor)
        claims: list[Claim] = []
        for chunk in reader.read(part):
            claims.extend(_chunk_claims(sentences, chunk, document.text))
        return claims

    with _collector_paused():
        parts = _parts(groups, _processes())
        if len(parts) == 1:
            return read(groups)
        reader.prepare(document)
        return [claim for found in _in_processes(read, parts) for claim in found]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Read with the cyclic garbage collector paused; what the reading made counts as old.

    Reading makes tens of thousands of objects that outlive it (the claims) and many more
    that reference counting frees; none is cyclic garbage worth a collection. With the
    collector running, they would make it walk every object of the process in a full
    collection (0.1 to 0.15 s of the long paper of bench/check_speed.py). Instead the
    survivors are moved to the oldest generation, as ``gc.freeze`` then ``gc.unfreeze``
    move everything (skipped if anything is frozen: unfreezing would thaw it); a full
    collection, when one comes, frees any that have become garbage.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if collecting:
            gc.enable()


def _chunk_claims(sentences: SentenceReader, chunk: Chunk, source: str) -> Iterator[Claim]:
    """The claims of one chunk, sentence by sentence, located in the document text."""
    doc = chunk.doc
    chunk_text = doc_text(doc)
    ents = entities_of(doc)
    lexicon = _outside_areas(lexicon_of(doc), ents)
    e_at = l_at = 0
    position = 0
    context: Context | None = None
    paragraph_index = -1
    for start, end in sentences_of(doc):
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
            yield _locate(claim, paragraph, base, source)


def _outside_areas(
    lexicon: list[tuple[int, int, str, str]], ents: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, str, str]]:
    """Lexicon phrases that are not words of an area's name ("Lower" in "Lower Vale and
    Coast" names a place, not a direction)."""
    areas = [(s, e) for s, e, label, _ in ents if label == "AREA"]
    if not areas:
        return lexicon
    return [item for item in lexicon if not any(s <= item[0] and item[1] <= e for s, e in areas)]


def _processes() -> int:
    """How many processes may read at once: the cores this process may run on, or one if
    this process runs other threads (forking it could copy a lock another thread holds)."""
    if threading.active_count() > 1:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _parts(
    groups: Sequence[Sequence[Paragraph]], processes: int
) -> list[Sequence[Sequence[Paragraph]]]:
    """The paragraphs of ``groups`` cut into at most ``processes`` runs of about equal
    length, each of at least :data:`PROCESS_CHARS` characters, and regrouped for reading;
    one run when processes cannot be forked. Cutting between paragraphs, not between
    groups of 100,000 characters, keeps the runs even: uneven, one process waits."""
    paragraphs = [p for group in groups for p in group]
    sizes = [len(p.text) for p in paragraphs]
    size = sum(sizes)
    count = min(processes, len(paragraphs), size // PROCESS_CHARS)
    if count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [groups]
    ends = [size * (i + 1) / count for i in range(count - 1)]
    parts: list[Sequence[Sequence[Paragraph]]] = []
    start = done = 0
    for index, length in enumerate(sizes):
        done += length
        if len(parts) < count - 1 and done >= ends[len(parts)]:
            parts.append(group_paragraphs(paragraphs[start : index + 1]))
            start = index + 1
    parts.append(group_paragraphs(paragraphs[start:]))
    return [part for part in parts if part]


def _in_processes(
    work: Callable[[Sequence[T]], list[R]], parts: Sequence[Sequence[T]]
) -> list[list[R]]:
    """``work`` of each part, the first in this process and the others each in a forked
    one, in the order of the parts. A part whose process fails is done here instead, so
    the result never depends on whether processes could be used.

    The cyclic garbage collector is paused while the processes run: a full collection
    writes to every object, which would make this process copy each memory page it still
    shares with the forked ones (and a forked process only reads, sends and exits).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_parts(work, parts)
    finally:
        if collecting:
            gc.enable()


def _run_parts(
    work: Callable[[Sequence[T]], list[R]], parts: Sequence[Sequence[T]]
) -> list[list[R]]:
    context = multiprocessing.get_context("fork")
    running: list[tuple[Any, Any] | None] = []
    for part in parts[1:]:
        receiver, sender = context.Pipe(duplex=False)
        try:
            # A daemon: if this process stops early, its helpers stop with it.
            process = context.Process(target=_work_in_child, args=(sender, work, part), daemon=True)
            with warnings.catch_warnings():
                # Python 3.12 warns that a process with threads may deadlock once forked.
                # Ours has no other Python thread (see _processes); the native ones are
                # numpy's linear algebra pool, which reading never calls.
                warnings.simplefilter("ignore", DeprecationWarning)
                process.start()
        except (OSError, AssertionError):  # no process left, or this one is a daemon
            running.append(None)
        else:
            running.append((process, receiver))
        finally:
            sender.close()
    try:
        results = [work(parts[0])]
    except BaseException:
        for started in running:
            if started is not None:
                started[0].terminate()
                started[0].join()
                started[1].close()
        raise
    for part, started in zip(parts[1:], running, strict=True):
        found: list[R] | None = None
        if started is not None:
            process, receiver = started
            try:
                status, payload = receiver.recv()
                found = payload if status == "ok" else None
            except (EOFError, OSError):
                found = None  # the process died before it could answer
            finally:
                receiver.close()
                process.join()
        results.append(work(part) if found is None else found)
    return results


def _work_in_child(sender: Any, work: Callable[[Any], Any], part: Any) -> None:
    """Run in a forked process: send ``work(part)`` back, or that it failed (the parent
    then does the part itself, and meets the error, if any, as it would have alone)."""
    try:
        sender.send(("ok", work(part)))
    except BaseException:
        sender.send(("failed", None))
    finally:
        sender.close()


#: The fields of a claim; a draft that has exactly these is made a claim without the frozen
#: dataclass's ``__init__``, which costs more than the reading of a claim's sentence.
_CLAIM_FIELDS = frozenset(Claim.__dataclass_fields__)


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
    if fields.keys() != _CLAIM_FIELDS:
        return Claim(**fields)  # says which field is missing or unknown
    claim: Claim = object.__new__(Claim)
    claim.__dict__.update(fields)
    return claim


__all__ = ["CLAIM_KINDS", "Claim", "When", "extract_claims", "infer_reporting_month"]
