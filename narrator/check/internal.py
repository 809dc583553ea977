"""Checks of a paper against itself: figures, arithmetic, cross-references and dates.

Every rule is general: a figure quoted twice for the same measure, area and period must
agree; "X% lower than <something quoted nearby>" must be true of the quoted figures; a
reference to a section must land on a section about the same thing; a date must fit the
paper's date and the tense it is spoken of in; a figure must not be for a month after the
one the paper reports on.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from narrator import months
from narrator.catalogue import Catalogue, Kind
from narrator.check.claims import Claim, infer_reporting_month
from narrator.check.dates import word_list
from narrator.check.document import Document, Section, number_key
from narrator.check.pipeline import norm_word

#: A plan spoken of as to come may be dated up to this long before the paper: papers are
#: written a few weeks before the meeting that dates them.
PLAN_GRACE = timedelta(days=31)
#: A reference is about another section when its own section shares less than this part of
#: the best section's overlap with the referring sentence.
TOPIC_RATIO = 0.34
#: Below this overlap (a sum of idf weights) no section is a confident suggestion.
TOPIC_MINIMUM = 3.0

SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Finding:
    """One fault of the text: what, where (span in :attr:`Document.text`), why, and a fix."""

    kind: str
    severity: str
    message: str
    span: tuple[int, int]
    evidence: str = ""
    suggestion: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "span": list(self.span),
            "evidence": self.evidence,
            "suggestion": self.suggestion,
            "data": dict(self.data),
        }


def internal_findings(
    document: Document,
    claims: Sequence[Claim],
    *,
    paper_date: date | None = None,
    reporting_month: str | None = None,
    catalogue: Catalogue | None = None,
) -> list[Finding]:
    """Every internal fault of ``document``, in document order.

    ``paper_date`` defaults to the front matter's date and ``reporting_month`` ("2019-10")
    to the month the paper's periods name most; ``catalogue`` tells snapshot measures
    (figures on a day, which may postdate the reporting month) from monthly ones.
    """
    paper_date = paper_date or document.date
    reporting = reporting_month or infer_reporting_month(document)
    findings: list[Finding] = []
    findings.extend(_repeated_figures(claims))
    findings.extend(_arithmetic(claims))
    findings.extend(_cross_references(document, claims))
    if paper_date is not None:
        findings.extend(_dates(claims, paper_date))
    if reporting is not None:
        findings.extend(_months(claims, months.parse(reporting), catalogue))
    findings.sort(key=lambda f: (f.span, f.kind))
    return findings


# --------------------------------------------------------------------------- figures


def _tolerance(*decimals: int | None) -> float:
    """Half a unit of the coarsest printed precision: "81%" and "81.4%" agree."""
    places = min((d for d in decimals if d is not None), default=0)
    return 0.5 * 10.0**-places + 1e-9


def _where(claim: Claim) -> str:
    return f"section {claim.section}" if claim.section else f"paragraph {claim.paragraph + 1}"


def _repeated_figures(claims: Sequence[Claim]) -> Iterable[Finding]:
    """The same measure, area and period quoted twice must have the same value."""
    first: dict[tuple[Any, ...], Claim] = {}
    for claim in claims:
        if (
            claim.kind != "figure"
            or claim.measure is None
            or claim.measure_from == "heading"
            or claim.measure_head is not None
            or claim.period is None
            or claim.statistic is not None
            or claim.approx is not None
        ):
            continue
        if claim.value is not None and claim.role != "change":
            key: tuple[Any, ...] = ("level", claim.measure, claim.area, claim.period, claim.unit)
            number = claim.value
        elif claim.change_pct is not None:
            key = (
                "change",
                claim.measure,
                claim.area,
                claim.period,
                claim.comparison,
                claim.reference_period,
            )
            number = claim.change_pct
        else:
            continue
        earlier = first.setdefault(key, claim)
        if earlier is claim:
            continue
        if earlier.sentence_span == claim.sentence_span:
            # Two figures of one sentence are set against each other ("23 in October, the
            # monthly average ... is 11"; "73% ... compared to 78.1% for all victims").
            continue
        before = earlier.value if key[0] == "level" else earlier.change_pct
        assert before is not None
        if abs(before - number) <= _tolerance(earlier.decimals, claim.decimals):
            continue
        yield Finding(
            kind="figure_mismatch",
            severity="error",
            message=(
                f"{claim.text!r} contradicts {earlier.text!r} quoted for the same measure, "
                f"area and period in {_where(earlier)}"
            ),
            span=claim.span,
            evidence=(
                f"{claim.measure}, {claim.area}, {claim.period}: {earlier.text} "
                f"({_where(earlier)}) vs {claim.text} ({_where(claim)})"
            ),
            suggestion=f"use one figure in both places (check which is right: {before:g} or "
            f"{number:g})",
            data={
                "measure": claim.measure,
                "area": claim.area,
                "period": claim.period,
                "first": before,
                "second": number,
            },
        )


def _arithmetic(claims: Sequence[Claim]) -> Iterable[Finding]:
    """ "300, 40% lower than the start of the month" must be true of the quoted figures."""
    for index, claim in enumerate(claims):
        if claim.kind != "figure" or claim.value is None:
            continue
        reference, reference_claim = _reference_value(claims, index)
        if reference is None:
            continue
        if claim.change_pct is not None and reference != 0:
            actual = (claim.value - reference) / abs(reference) * 100.0
            stated = claim.change_pct
            wrong_size = abs(abs(actual) - abs(stated)) > _tolerance(claim.decimals)
            wrong_sign = claim.direction in ("up", "down") and (actual > 0) != (
                claim.direction == "up"
            )
            if wrong_size or wrong_sign:
                said = "lower" if stated < 0 else "higher"
                really = "lower" if actual < 0 else "higher"
                yield Finding(
                    kind="arithmetic",
                    severity="error",
                    message=(
                        f"{claim.text} {said} does not follow from the figures quoted: "
                        f"{claim.value:g} is {abs(actual):.1f}% {really} than {reference:g}"
                    ),
                    span=claim.span,
                    evidence=(
                        f"({claim.value:g} - {reference:g}) / {reference:g} = {actual:+.1f}%"
                        + (
                            f"; reference quoted as {reference_claim.text!r}"
                            if reference_claim
                            else ""
                        )
                    ),
                    suggestion=f"{abs(actual):.{claim.decimals or 0}f}% {really}",
                    data={
                        "value": claim.value,
                        "reference": reference,
                        "stated": stated,
                        "actual": actual,
                    },
                )
        elif (
            claim.direction in ("up", "down")
            and claim.change_pct is None
            and claim.value != reference
            and (claim.value > reference) != (claim.direction == "up")
        ):
            yield Finding(
                kind="arithmetic",
                severity="error",
                message=(
                    f"{claim.text} is said to be {claim.direction} on {reference:g}, "
                    f"but it is {'higher' if claim.value > reference else 'lower'}"
                ),
                span=claim.span,
                evidence=f"{claim.value:g} vs {reference:g}",
                suggestion="check the direction word or the figures",
                data={"value": claim.value, "reference": reference},
            )


def _reference_value(claims: Sequence[Claim], index: int) -> tuple[float | None, Claim | None]:
    """The figure a claim is compared with: quoted with it, or quoted for the period it is
    compared with in the same or the previous sentence."""
    claim = claims[index]
    if claim.reference is not None:
        return claim.reference, None
    if claim.reference_period is None:
        return None, None
    sentences = {claim.sentence_span}
    for other in reversed(claims[:index]):
        if other.sentence_span not in sentences:
            if len(sentences) >= 2 or other.paragraph != claim.paragraph:
                break
            sentences.add(other.sentence_span)
        if (
            other.kind == "figure"
            and other.value is not None
            and other.change_pct is None
            and other.period == claim.reference_period
            and other.unit == claim.unit
        ):
            return other.value, other
    return None, None


# --------------------------------------------------------------------------- references


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9’'-]*")
_REFERENCE_WORDS = frozenset(
    word_list(
        "see section sections paragraph para above below detailed detailing outlined "
        "described concerning update updates"
    )
)


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _content_words(text: str, stop: frozenset[str]) -> set[str]:
    words = set()
    for raw in _WORD.findall(text):
        word = raw.lower().strip("’'-")
        if len(word) < 2 or word in stop or word in _REFERENCE_WORDS:
            continue
        words.add(norm_word(word))
    return words


class _Topics:
    """Content words of every section, weighted by how rare they are across the paper."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.stop = _stop_words()
        self.own: dict[str, set[str]] = {}
        for number, section in document.sections.items():
            text = " ".join(
                [section.heading or ""]
                + [p.text for p in section.paragraphs if p.kind != "heading"]
            )
            self.own[number] = _content_words(text, self.stop)
        counts: Counter[str] = Counter()
        for words in self.own.values():
            counts.update(words)
        total = max(1, len(self.own))
        self.idf = {w: math.log(1 + total / c) for w, c in counts.items()}
        self._subtree_words: dict[str, set[str]] = {}
        self._holders: dict[str, set[str]] | None = None
        #: Words in more than a third of the sections (and in at least 30) are not topics.
        self.common = math.log(1 + total / max(30, total / 3))

    def words(self, number: str) -> set[str]:
        """Words of a section and its subsections (cached: references repeat)."""
        found = self._subtree_words.get(number)
        if found is None:
            found = set()
            for section in self.document.subtree(number):
                found |= self.own.get(section.number, set())
            self._subtree_words[number] = found
        return found

    def score(self, sentence: set[str], number: str) -> float:
        """The idf-weighted overlap of a sentence's words with a section and its parts."""
        return sum(self.idf.get(w, 0.0) for w in sentence & self.words(number))

    def scores(self, sentence: set[str]) -> dict[str, float]:
        """:meth:`score` for every section at once, through an index of where words are."""
        if self._holders is None:
            holders: dict[str, set[str]] = {}
            for section in self.document.sections.values():
                ancestors = [
                    s.number
                    for depth in range(1, len(section.key) + 1)
                    if (s := self.document.section_at(section.key[:depth])) is not None
                ]
                for word in self.own.get(section.number, ()):
                    holders.setdefault(word, set()).update(ancestors)
            self._holders = holders
        totals: dict[str, float] = {}
        for word in sentence:
            weight = self.idf.get(word, 0.0)
            if weight < self.common:
                continue  # in most sections: it tells none apart, and costs the most
            for number in self._holders.get(word, ()):
                totals[number] = totals.get(number, 0.0) + weight
        return totals


def _cross_references(document: Document, claims: Sequence[Claim]) -> Iterable[Finding]:
    references = [c for c in claims if c.kind == "xref" and c.target]
    if not references:
        return
    topics = _Topics(document)
    for claim in references:
        assert claim.target is not None
        sentence = _content_words(
            claim.sentence[: claim.span[0] - claim.sentence_span[0]]
            + " "
            + claim.sentence[claim.span[1] - claim.sentence_span[0] :],
            topics.stop,
        )
        target = document.section(claim.target)
        if target is not None and claim.section is not None and _contains(target, claim.section):
            continue  # "4.2.1" written inside 4.2.1 itself, or its parent: not a pointer away
        totals = topics.scores(sentence)
        candidates = _candidates(document, claim, totals)
        # A number written with three parts most likely means a section with three parts.
        depth = len(number_key(claim.target))
        same_depth = [s for s in candidates if len(s.key) == depth]
        if any(totals.get(s.number, 0.0) >= TOPIC_MINIMUM for s in same_depth):
            candidates = same_depth
        scored = sorted(
            ((totals.get(s.number, 0.0), s) for s in candidates if s.number in totals),
            key=lambda pair: (-pair[0], pair[1].key),
        )
        best = _best(scored, claim.target)
        if target is None:
            suggestion = f"did you mean {best[1].number}?" if best else None
            yield Finding(
                kind="xref_missing",
                severity="error",
                message=f"the paper has no section {claim.target}",
                span=claim.span,
                evidence=_evidence(best, sentence, topics),
                suggestion=suggestion,
                data={"target": claim.target, "suggested": best[1].number if best else None},
            )
            continue
        own = totals.get(target.number, 0.0)
        mismatch = (
            best is not None
            and best[1].number != target.number
            and best[0] >= TOPIC_MINIMUM
            and own < TOPIC_RATIO * best[0]
        )
        if not mismatch:
            own_key = number_key(claim.section) if claim.section else None
            if own_key and (
                (claim.target_where == "below" and target.key < own_key)
                or (claim.target_where == "above" and target.key > own_key)
            ):
                yield Finding(
                    kind="xref_direction",
                    severity="error",
                    message=(
                        f"section {claim.target} is {'above' if target.key < own_key else 'below'} "
                        f"this one, not {claim.target_where} it"
                    ),
                    span=claim.span,
                    evidence=f"written in {claim.section}, pointing {claim.target_where}",
                    suggestion=f"'{claim.target} {'above' if target.key < own_key else 'below'}'",
                    data={"target": claim.target},
                )
            continue
        assert best is not None
        about = target.heading or _first_words(document, target)
        yield Finding(
            kind="xref_topic",
            severity="error",
            message=(
                f"section {claim.target} is about {about!r}, not what this sentence refers to"
            ),
            span=claim.span,
            evidence=(
                f"shared words with {claim.target}: {own:.1f}; with {best[1].number}: "
                f"{best[0]:.1f} ({_evidence(best, sentence, topics)})"
            ),
            suggestion=f"did you mean {best[1].number}?",
            data={
                "target": claim.target,
                "suggested": best[1].number,
                "target_score": own,
                "suggested_score": best[0],
            },
        )


def _contains(section: Section, number: str) -> bool:
    key = number_key(number)
    return key[: len(section.key)] == section.key


def _candidates(document: Document, claim: Claim, numbers: Iterable[str]) -> list[Section]:
    """Sections a reference from ``claim`` could mean (among ``numbers``, those sharing a
    word with it): not its own, and on the side it points to."""
    own = number_key(claim.section) if claim.section else ()
    found = []
    for number in numbers:
        section = document.sections[number]
        if own and (own[: len(section.key)] == section.key or section.key[: len(own)] == own):
            continue
        if claim.target_where == "above" and own and section.key > own:
            continue
        if claim.target_where == "below" and own and section.key < own:
            continue
        found.append(section)
    return found


def _best(scored: list[tuple[float, Section]], target: str) -> tuple[float, Section] | None:
    """The most likely meant section: the best overlap, preferring a more specific section
    that scores nearly as well, and then one whose number ends like the one written (a
    reference left over from an earlier numbering: "4.1.4" for "6.1.4")."""
    if not scored or scored[0][0] <= 0:
        return None
    top = scored[0][0]
    near = [(score, s) for score, s in scored if score >= 0.8 * top]
    tail = number_key(target)[1:]

    def rank(pair: tuple[float, Section]) -> tuple[bool, int, float]:
        score, section = pair
        same_tail = bool(tail) and section.key[1:] == tail
        return (same_tail, len(section.key), score)

    return max(near, key=rank)


def _evidence(best: tuple[float, Section] | None, sentence: set[str], topics: _Topics) -> str:
    if best is None:
        return "no section shares the sentence's words"
    shared = sorted(sentence & topics.words(best[1].number), key=lambda w: -topics.idf.get(w, 0))
    return f"{best[1].number} shares {', '.join(shared[:6])}"


def _first_words(document: Document, section: Section) -> str:
    text = " ".join(p.text for p in section.paragraphs)
    words = text.split()
    return " ".join(words[:8]) + ("..." if len(words) > 8 else "")


# --------------------------------------------------------------------------- dates


def _dates(claims: Sequence[Claim], paper_date: date) -> Iterable[Finding]:
    """A plan must not be dated in the past, nor an event that has happened in the future."""
    for claim in claims:
        if claim.kind != "date" or not claim.date_explicit_year:
            continue
        if (
            claim.tense == "future"
            and claim.date_last
            and claim.date_last < paper_date - PLAN_GRACE
        ):
            yield Finding(
                kind="date_tense",
                severity="error",
                message=(
                    f"{claim.text!r} is spoken of as to come, but it ended before the paper's "
                    f"date ({paper_date:%-d %B %Y})"
                ),
                span=claim.span,
                evidence=(
                    f"last day {claim.date_last:%-d %B %Y}; paper dated {paper_date:%-d %B %Y}"
                ),
                suggestion="check the year (perhaps the next one was meant) or the tense",
                data={"date_last": claim.date_last.isoformat(), "paper": paper_date.isoformat()},
            )
        elif claim.tense == "past" and claim.date_first and claim.date_first > paper_date:
            yield Finding(
                kind="date_tense",
                severity="error",
                message=(
                    f"{claim.text!r} is spoken of as past, but it is after the paper's date "
                    f"({paper_date:%-d %B %Y})"
                ),
                span=claim.span,
                evidence=f"first day {claim.date_first:%-d %B %Y}",
                suggestion="check the year or the tense",
                data={"date_first": claim.date_first.isoformat(), "paper": paper_date.isoformat()},
            )


def _period_month(label: str | None) -> int | None:
    """The last month a period label covers ("R12:2019-10" -> 2019-10), if it names one."""
    if not label:
        return None
    tail = label.split(":", 1)[-1]
    if label.startswith("D:"):
        tail = tail[:7]
    elif ":" in label and not label.startswith(("R12:", "YTD:")):
        return None
    return months.parse(tail) if months.is_month(tail) else None


def _months(
    claims: Sequence[Claim], reporting: int, catalogue: Catalogue | None
) -> Iterable[Finding]:
    """Figures reported for a month after the reporting month (snapshots excepted)."""
    reported: set[tuple[tuple[int, int], str | None]] = set()
    for claim in claims:
        if not claim.is_data or claim.measure is None or claim.measure_head is not None:
            continue
        if claim.measure_from == "heading":
            continue  # a figure the sentence does not tie to a measure itself
        if claim.tense == "future" or claim.role == "reference":
            continue
        if (
            catalogue is not None
            and claim.measure in catalogue
            and catalogue[claim.measure].kind is Kind.SNAPSHOT
        ):
            continue
        for label, what in ((claim.period, "period"), (claim.reference_period, "comparison")):
            month = _period_month(label)
            if month is None or month <= reporting or (claim.sentence_span, label) in reported:
                continue
            reported.add((claim.sentence_span, label))
            yield Finding(
                kind="month_after_reporting",
                severity="error",
                message=(
                    f"the {what} of {claim.text!r} is {months.label(month)}, after the "
                    f"reporting month {months.label(reporting)}"
                ),
                span=claim.span,
                evidence=f"{claim.measure}: {label}; paper reports on {months.iso(reporting)}",
                suggestion=f"check the month (the figures end in {months.label(reporting)})",
                data={"period": label, "reporting_month": months.iso(reporting)},
            )
            break
