"""Checks of a paper against itself: figures, arithmetic, cross-references and dates.

Every rule is general: a figure quoted twice for the same measure, area and period must
agree; "X% lower than <something quoted nearby>" must be true of the quoted figures; a
reference to a section must land on a section about the same thing (the same measure, when
both name measures); a date must fit the paper's date and the tense it is spoken of in; a
figure must not be for a month after the one the paper reports on.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
from numpy.typing import NDArray

from narrator import months
from narrator.catalogue import Catalogue, Kind, Measure
from narrator.check.claims import Claim, infer_reporting_month
from narrator.check.dates import word_list
from narrator.check.document import Document, Section, number_key
from narrator.check.pipeline import measure_names, norm_word

#: A plan spoken of as to come may be dated up to this long before the paper: papers are
#: written a few weeks before the meeting that dates them.
PLAN_GRACE = timedelta(days=31)
#: A reference is about another section when its own section shares less than this part of
#: the best section's overlap with the referring sentence.
TOPIC_RATIO = 0.34
#: Below this overlap (a sum of idf weights) no section is a confident suggestion.
TOPIC_MINIMUM = 3.0
#: Sections within this part of the best overlap are weighed against it (see ``_best``).
NEAR = 0.8

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
    (figures on a day, which may postdate the reporting month) from monthly ones, and gives
    the names of measures a referring sentence may use.
    """
    paper_date = paper_date or document.date
    reporting = reporting_month or infer_reporting_month(document)
    findings: list[Finding] = []
    findings.extend(_repeated_figures(claims))
    findings.extend(_arithmetic(claims))
    findings.extend(_cross_references(document, claims, catalogue))
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
            or claim.reference_cue is not None
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


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _content_words(text: str) -> set[str]:
    """The topic words of a text: normalised, without stop words and reference words."""
    words = {_topic_word(raw) for raw in set(_WORD.findall(text))}
    words.discard("")
    return words


@functools.lru_cache(maxsize=65536)
def _topic_word(raw: str) -> str:
    """A word as a topic word, or "" if it is none (cached: a paper repeats its words)."""
    word = raw.lower().strip("’'-")
    if len(word) < 2 or word in _stop_words() or word in _REFERENCE_WORDS:
        return ""
    return norm_word(word)


class _Topics:
    """Content words of every section, weighted by how rare they are across the paper.

    Sections are numbered by their position in :attr:`Document.sections`; the overlap of a
    sentence with every section is one array, so that a reference costs a few array
    operations rather than a pass over the sections in Python (a long paper has thousands
    of sections and hundreds of references).
    """

    def __init__(self, document: Document, asked: Iterable[str]) -> None:
        """``asked``: the words of the sentences that will be scored (see :meth:`scores`),
        the only ones whose rarity and places are needed."""
        self.document = document
        self.sections = list(document.sections.values())
        self.position = {section.number: i for i, section in enumerate(self.sections)}
        wanted = frozenset(asked)
        spellings: dict[str, set[str]] = {}
        for number, section in document.sections.items():
            text = " ".join(
                [section.heading or ""]
                + [p.text for p in section.paragraphs if p.kind != "heading"]
            )
            spellings[number] = set(_WORD.findall(text))
        # Each spelling read as a topic word once for the whole paper, and only the asked
        # words kept: a section's own words are its spellings of those.
        to_word = {
            raw: word
            for raw in set().union(*spellings.values())
            if (word := _topic_word(raw)) in wanted
        }
        known = frozenset(to_word)
        #: The asked words in each section's own text (heading and paragraphs).
        self.own: dict[str, set[str]] = {
            number: {to_word[raw] for raw in raws & known} for number, raws in spellings.items()
        }
        counts: Counter[str] = Counter()
        for words in self.own.values():
            counts.update(words)
        total = max(1, len(self.own))
        self.idf = {w: math.log(1 + total / c) for w, c in counts.items()}
        self._subtree_words: dict[str, set[str]] = {}
        #: Words in more than a third of the sections (and in at least 30) are not topics.
        self.common = math.log(1 + total / max(30, total / 3))
        self.depth = np.array([len(s.key) for s in self.sections], dtype=np.int64)
        ordered = sorted({s.key for s in self.sections})
        rank_of = {key: i for i, key in enumerate(ordered)}
        self.ordered = ordered
        #: Each section's place in number order (equal numbers, "4" and "4.0", share one).
        self.rank = np.array([rank_of[s.key] for s in self.sections], dtype=np.int64)
        self.at_key: dict[tuple[int, ...], list[int]] = {}
        for i, section in enumerate(self.sections):
            self.at_key.setdefault(section.key, []).append(i)
        self._holders = _Holders(document, self.sections, self.own, wanted)

    def words(self, number: str) -> set[str]:
        """The asked words of a section and its subsections (cached: references repeat)."""
        found = self._subtree_words.get(number)
        if found is None:
            found = set()
            for section in self.document.subtree(number):
                found |= self.own.get(section.number, set())
            self._subtree_words[number] = found
        return found

    def scores(self, sentence: set[str]) -> NDArray[np.float64]:
        """The idf-weighted overlap of a sentence's words with each section and its parts
        (0 where they share no word), by section position."""
        totals = np.zeros(len(self.sections))
        # In sorted order, so that the sums (and the scores reported) are the same each run.
        for word in sorted(sentence):
            weight = self.idf.get(word, 0.0)
            if weight < self.common:
                continue  # in most sections: it tells none apart, and costs the most
            held = self._holders.get(word)
            if held is not None:
                totals[held] += weight
        return totals

    def allowed(self, claim: Claim) -> NDArray[np.bool_]:
        """Sections a reference from ``claim`` could mean: not its own section, nor one
        above or below it in the tree, and on the side it points to."""
        mask = np.ones(len(self.sections), dtype=bool)
        if not claim.section:
            return mask
        own = number_key(claim.section)
        for depth in range(1, len(own) + 1):
            mask[self.at_key.get(own[:depth], [])] = False
        for section in self.document.subtree(claim.section):
            mask[self.position[section.number]] = False
        if claim.target_where == "above":
            mask &= self.rank < bisect.bisect_right(self.ordered, own)
        elif claim.target_where == "below":
            mask &= self.rank >= bisect.bisect_left(self.ordered, own)
        return mask

    def near(
        self, totals: NDArray[np.float64], chosen: NDArray[np.bool_]
    ) -> list[tuple[float, Section]]:
        """The chosen sections that overlap nearly as much as the best of them (all that
        :func:`_best` weighs), highest first, then in number order."""
        found = np.flatnonzero(chosen)
        if not len(found):
            return []
        scores = totals[found]
        found = found[scores >= NEAR * scores.max()]
        order = found[np.lexsort((self.rank[found], -totals[found]))]
        return [(float(totals[i]), self.sections[i]) for i in order]


class _Holders:
    """For each value (a word, a measure), the positions of the sections that have it in
    their own text or in their parts': a section holds what its parts hold. Built on
    demand, value by value: references ask for few of a paper's words."""

    def __init__(
        self,
        document: Document,
        sections: Sequence[Section],
        own: Mapping[str, Iterable[str]],
        wanted: frozenset[str] | None = None,
    ) -> None:
        """``own``: the values of each section's own text, by number; ``wanted``: the only
        values that will be asked for, if known."""
        self.document = document
        self.sections = sections
        self.position = {section.number: i for i, section in enumerate(sections)}
        self.containing: dict[str, list[int]] = {}
        for i, section in enumerate(sections):
            values = own.get(section.number, ())
            for value in values if wanted is None else wanted.intersection(values):
                self.containing.setdefault(value, []).append(i)
        self._ancestors: dict[int, list[int]] = {}
        self._held: dict[str, NDArray[np.intp]] = {}

    def get(self, value: str) -> NDArray[np.intp] | None:
        """Positions of the sections holding ``value``, or None if none does."""
        held = self._held.get(value)
        if held is None:
            at = self.containing.get(value)
            if at is None:
                return None
            found: set[int] = set()
            for i in at:
                found.update(self.ancestors(i))
            held = self._held[value] = np.fromiter(sorted(found), dtype=np.intp)
        return held

    def ancestors(self, i: int) -> list[int]:
        """Positions of the section at ``i`` and of the sections above it."""
        found = self._ancestors.get(i)
        if found is None:
            key = self.sections[i].key
            found = self._ancestors[i] = [
                self.position[s.number]
                for depth in range(1, len(key) + 1)
                if (s := self.document.section_at(key[:depth])) is not None
            ]
        return found


#: Words and single signs, to compare names of measures with sentences word by word.
_NAME_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")

_Names = dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]


@functools.lru_cache(maxsize=8)
def _measure_names(measures: tuple[Measure, ...]) -> _Names:
    """Every name of every measure as lower-case tokens, by first token, longest first,
    with the measures it names."""
    ids: dict[tuple[str, ...], set[str]] = {}
    for name, mid in measure_names(measures):
        tokens = tuple(_NAME_TOKEN.findall(name.lower()))
        if tokens:
            ids.setdefault(tokens, set()).add(mid)
    names: _Names = {}
    for tokens in sorted(ids, key=len, reverse=True):
        names.setdefault(tokens[0], []).append((tokens, frozenset(ids[tokens])))
    return names


def _named_in(text: str, names: _Names) -> set[str]:
    """The measures named in ``text``: at each word, the longest name that starts there,
    any case and spacing ("Dwelling burglary prosecution possible outcome rate" names the
    rate, not the count "dwelling burglary")."""
    tokens = _NAME_TOKEN.findall(text.lower())
    found: set[str] = set()
    at = 0
    while at < len(tokens):
        for name, measures in names.get(tokens[at], ()):
            if tuple(tokens[at : at + len(name)]) == name:
                found |= measures
                at += len(name)
                break
        else:
            at += 1
    return found


class _Measures:
    """The measures each sentence names and each section is about.

    A sentence names the measures its figures are read as named in it, and any measure
    whose name (a catalogue label or alias) it contains; a section is about the measures of
    every figure in it and its parts. Measures sharing words
    ("all crime prosecution possible outcome rate" and "dwelling burglary prosecution
    possible outcome rate") are told apart, which word overlap cannot do.
    """

    def __init__(
        self,
        document: Document,
        claims: Sequence[Claim],
        catalogue: Catalogue | None,
        topics: _Topics,
    ) -> None:
        self.named: dict[tuple[int, int], set[str]] = {}
        own: dict[str, set[str]] = {}
        for claim in claims:
            if not claim.is_data or claim.measure is None:
                continue
            if claim.section is not None:
                own.setdefault(claim.section, set()).add(claim.measure)
            if (claim.measure_from or "").startswith("text"):
                self.named.setdefault(claim.sentence_span, set()).add(claim.measure)
        self.names = _measure_names(tuple(catalogue)) if catalogue is not None else None
        self.related: dict[str, set[str]] = {}
        if catalogue is not None:
            for measure in catalogue:
                for part in (measure.numerator, measure.denominator):
                    if part:
                        self.related.setdefault(measure.id, set()).add(part)
                        self.related.setdefault(part, set()).add(measure.id)
        self.document = document
        self.topics = topics
        self.own = own
        self._subtree: dict[str, frozenset[str]] = {}
        self._holders = _Holders(document, topics.sections, own)

    def of_sentence(self, claim: Claim) -> frozenset[str]:
        """The measures the sentence of ``claim`` names."""
        found = set(self.named.get(claim.sentence_span, ()))
        if self.names is not None:
            found |= _named_in(claim.sentence, self.names)
        return frozenset(found)

    def holding(self, measures: Iterable[str]) -> NDArray[np.bool_]:
        """Which sections (by position) are about any of ``measures``."""
        mask = np.zeros(len(self.topics.sections), dtype=bool)
        for measure in measures:
            held = self._holders.get(measure)
            if held is not None:
                mask[held] = True
        return mask

    def of_section(self, section: Section) -> frozenset[str]:
        """The measures a section and its parts are about."""
        found = self._subtree.get(section.number)
        if found is None:
            found = frozenset().union(
                *(self.own.get(s.number, ()) for s in self.document.subtree(section.number))
            )
            self._subtree[section.number] = found
        return found

    def are_related(self, some: Iterable[str], others: frozenset[str]) -> bool:
        """Whether a measure of ``some`` is the numerator or denominator of one of
        ``others``, or the other way round (dwelling burglaries and their outcome rate)."""
        return any(self.related.get(m, set()) & others for m in some)


def _label(catalogue: Catalogue | None, measures: Iterable[str]) -> str:
    names = [
        catalogue[m].label if catalogue is not None and m in catalogue else m
        for m in sorted(measures)
    ]
    return ", ".join(names)


def _cross_references(
    document: Document, claims: Sequence[Claim], catalogue: Catalogue | None = None
) -> Iterable[Finding]:
    """References to sections that do not exist, that are about something else than the
    sentence, or that are on the other side of the one written ("above", "below").

    What a sentence and a section are about is decided by the measures they name when both
    name some; otherwise (or when their measures are parts of one another) by the words
    they share, weighted by rarity.
    """
    references = [c for c in claims if c.kind == "xref" and c.target]
    if not references:
        return
    # The words of each referring sentence, but for the reference itself.
    sentences = [
        _content_words(
            claim.sentence[: claim.span[0] - claim.sentence_span[0]]
            + " "
            + claim.sentence[claim.span[1] - claim.sentence_span[0] :]
        )
        for claim in references
    ]
    topics = _Topics(document, set().union(*sentences))
    about = _Measures(document, claims, catalogue, topics)
    for claim, sentence in zip(references, sentences, strict=True):
        assert claim.target is not None
        target = document.section(claim.target)
        if target is not None and claim.section is not None and _contains(target, claim.section):
            continue  # "4.2.1" written inside 4.2.1 itself, or its parent: not a pointer away
        totals = topics.scores(sentence)
        allowed = topics.allowed(claim)
        # A number written with three parts most likely means a section with three parts.
        depth = len(number_key(claim.target))
        same_depth = topics.depth == depth
        candidates = allowed & (totals > 0)
        if np.any(totals[candidates & same_depth] >= TOPIC_MINIMUM):
            candidates &= same_depth
        best = _best(topics.near(totals, candidates), claim.target)
        named = about.of_sentence(claim)
        # The measures decide when both sides name some: "same" (a shared measure), "other"
        # (none shared nor related), None (words decide).
        decided: str | None = None
        covered: frozenset[str] = frozenset()
        if named and target is not None:
            covered = about.of_section(target)
            if covered and named & covered:
                decided = "same"
            elif covered and not about.are_related(named, covered):
                decided = "other"
        if named and (target is None or decided == "other"):
            # The likely meant section is about the sentence's measure, when one is.
            meant = allowed & about.holding(named)
            if np.any(meant & same_depth):
                meant &= same_depth
            if np.any(meant):
                by_measure = _best(topics.near(totals, meant), claim.target, any_score=True)
                # Unless the words point far more clearly elsewhere: a measure named in
                # passing ("... used for domestic abuse") is not what the reference is to.
                clearer = (
                    best is not None
                    and best[0] >= TOPIC_MINIMUM
                    and (by_measure is None or by_measure[0] < TOPIC_RATIO * best[0])
                )
                if not clearer:
                    best = by_measure
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
        own = float(totals[topics.position[target.number]])
        if decided is None:
            mismatch = (
                best is not None
                and best[1].number != target.number
                and best[0] >= TOPIC_MINIMUM
                and own < TOPIC_RATIO * best[0]
            )
        else:
            mismatch = decided == "other"
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
        about_text = target.heading or _first_words(document, target)
        message = (
            f"section {claim.target} is about {about_text!r}, not what this sentence refers to"
        )
        if decided == "other":
            evidence = (
                f"the sentence names {_label(catalogue, named)}; {claim.target} is about "
                f"{_label(catalogue, covered)}"
            )
            if best is not None:
                meant_measures = named & about.of_section(best[1])
                evidence += f"; {best[1].number} is about {_label(catalogue, meant_measures)}"
            yield Finding(
                kind="xref_topic",
                severity="error",
                message=message,
                span=claim.span,
                evidence=evidence,
                suggestion=f"did you mean {best[1].number}?" if best else None,
                data={
                    "target": claim.target,
                    "suggested": best[1].number if best else None,
                    "target_score": own,
                    "suggested_score": best[0] if best else None,
                    "measures": sorted(named),
                    "target_measures": sorted(covered),
                },
            )
            continue
        assert best is not None
        yield Finding(
            kind="xref_topic",
            severity="error",
            message=message,
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


def _best(
    scored: list[tuple[float, Section]], target: str, *, any_score: bool = False
) -> tuple[float, Section] | None:
    """The most likely meant section: the best overlap, preferring a more specific section
    that scores nearly as well, and then one whose number ends like the one written (a
    reference left over from an earlier numbering: "4.1.4" for "6.1.4"). Without
    ``any_score``, a section must share some word to be meant."""
    if not scored or (scored[0][0] <= 0 and not any_score):
        return None
    top = scored[0][0]
    near = [(score, s) for score, s in scored if score >= NEAR * top]
    tail = number_key(target)[1:]

    def rank(pair: tuple[float, Section]) -> tuple[bool, int, float]:
        score, section = pair
        same_tail = bool(tail) and section.key[1:] == tail
        return (same_tail, len(section.key), score)

    return max(near, key=rank)


def _evidence(best: tuple[float, Section] | None, sentence: set[str], topics: _Topics) -> str:
    if best is None:
        return "no section shares the sentence's words"
    shared = sorted(
        sentence & topics.words(best[1].number), key=lambda w: (-topics.idf.get(w, 0), w)
    )
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
