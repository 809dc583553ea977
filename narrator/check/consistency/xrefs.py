"""Cross-references: "see 4.2.1" must land on a section that exists, is about what the
sentence is about, and is on the side of it the text says ("above", "below")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from narrator.catalogue import Catalogue
from narrator.check.claims.model import Claim
from narrator.check.consistency.measures import Measures, label_of
from narrator.check.consistency.topics import (
    NEAR,
    TOPIC_EVIDENCE,
    TOPIC_MINIMUM,
    TOPIC_RATIO,
    Topics,
    content_words,
)
from narrator.check.findings import Finding, Severity
from narrator.check.text.document import Document, Section, number_key

#: What a section and its score are: the section most likely meant by a reference.
_Best = tuple[float, Section] | None


@dataclass(frozen=True)
class _Paper:
    """What every reference of a paper is judged against."""

    document: Document
    topics: Topics
    about: Measures
    catalogue: Catalogue | None


def cross_references(
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
    # The words of each referring sentence, but for the reference itself; of its own part of
    # the sentence when the sentence refers to two sections ("the figures set out in
    # section 3 and the recommendations in section 6").
    spans_of: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for claim in references:
        spans_of.setdefault(claim.sentence_span, []).append(claim.span)
    sentences = [
        content_words(_own_words(claim, spans_of[claim.sentence_span])) for claim in references
    ]
    topics = Topics(document, set().union(*sentences))
    paper = _Paper(document, topics, Measures(document, claims, catalogue, topics), catalogue)
    for claim, sentence in zip(references, sentences, strict=True):
        finding = _reference(paper, claim, sentence)
        if finding is not None:
            yield finding


def _own_words(claim: Claim, spans: Sequence[tuple[int, int]]) -> str:
    """The words of a reference's sentence that it belongs to: the whole sentence but the
    reference, or, beside the other references of its sentence (``spans``, its own among
    them), from the one before it to the one after."""
    s0 = claim.sentence_span[0]
    others = [span for span in spans if span != claim.span]
    start = max((e for _, e in others if e <= claim.span[0]), default=s0)
    end = min((s for s, _ in others if s >= claim.span[1]), default=claim.sentence_span[1])
    before = claim.sentence[start - s0 : claim.span[0] - s0]
    return f"{before} {claim.sentence[claim.span[1] - s0 : end - s0]}"


#: Words that give a change's cause, which a reference may point to.
_CAUSE = re.compile(
    r"\b(?:reflection\s+of|reflects?|reflecting|driven\s+by|due\s+to|because\s+of"
    r"|(?:a|the)\s+result\s+of|linked\s+to|attributable\s+to)\b",
    re.IGNORECASE,
)


def _reference(paper: _Paper, claim: Claim, sentence: set[str]) -> Finding | None:
    """The fault of one reference, if it has one."""
    assert claim.target is not None
    document, topics, about = paper.document, paper.topics, paper.about
    target = document.section(claim.target)
    if target is not None and claim.section is not None and _contains(target, claim.section):
        return None  # "4.2.1" written inside 4.2.1 itself, or its parent: not a pointer away
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
        meant = allowed & about.holding(named)
        best = _meant_by_measure(paper, claim, totals, meant, same_depth, best)
    if target is None:
        if _implied(document, claim.target):
            return None
        return _missing(paper, claim, best, sentence)
    own = float(totals[topics.position[target.number]])
    if decided is None:
        mismatch = (
            best is not None
            and best[1].number != target.number
            and best[0] >= TOPIC_EVIDENCE
            and own < TOPIC_RATIO * best[0]
        )
    else:
        mismatch = decided == "other"
    if not mismatch or _names_heading(target, sentence):
        return _wrong_side(claim, target)
    if _CAUSE.search(claim.sentence):
        # "drugs offences ... largely a reflection of patrol activity (see paragraph 10)": a
        # reference from a change to its cause points to another topic on purpose.
        return None
    if decided == "other":
        return _other_measures(paper, claim, target, best, own, named, covered)
    assert best is not None
    return Finding(
        kind="xref_topic",
        severity=Severity.ERROR,
        message=_about_else(paper, claim, target),
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


def _meant_by_measure(
    paper: _Paper,
    claim: Claim,
    totals: NDArray[np.float64],
    meant: NDArray[np.bool_],
    same_depth: NDArray[np.bool_],
    best: _Best,
) -> _Best:
    """The likely meant section is about the sentence's measure, when one is."""
    assert claim.target is not None
    if np.any(meant & same_depth):
        meant &= same_depth
    if not np.any(meant):
        return best
    by_measure = _best(paper.topics.near(totals, meant), claim.target, any_score=True)
    # Unless the words point far more clearly elsewhere: a measure named in
    # passing ("... used for domestic abuse") is not what the reference is to.
    clearer = (
        best is not None
        and best[0] >= TOPIC_MINIMUM
        and (by_measure is None or by_measure[0] < TOPIC_RATIO * best[0])
    )
    return best if clearer else by_measure


def _missing(paper: _Paper, claim: Claim, best: _Best, sentence: set[str]) -> Finding:
    """A reference to a section the paper does not have."""
    suggestion = f"did you mean {best[1].number}?" if best else None
    return Finding(
        kind="xref_missing",
        severity=Severity.ERROR,
        message=f"the paper has no section {claim.target}",
        span=claim.span,
        evidence=_evidence(best, sentence, paper.topics),
        suggestion=suggestion,
        data={"target": claim.target, "suggested": best[1].number if best else None},
    )


def _wrong_side(claim: Claim, target: Section) -> Finding | None:
    """A reference "below" to a section above the sentence's, or the other way round."""
    own_key = number_key(claim.section) if claim.section else None
    if not own_key or not (
        (claim.target_where == "below" and target.key < own_key)
        or (claim.target_where == "above" and target.key > own_key)
    ):
        return None
    return Finding(
        kind="xref_direction",
        severity=Severity.ERROR,
        message=(
            f"section {claim.target} is {'above' if target.key < own_key else 'below'} "
            f"this one, not {claim.target_where} it"
        ),
        span=claim.span,
        evidence=f"written in {claim.section}, pointing {claim.target_where}",
        suggestion=f"'{claim.target} {'above' if target.key < own_key else 'below'}'",
        data={"target": claim.target},
    )


def _implied(document: Document, number: str) -> bool:
    """Whether a section missing from the paper may still be there: its paragraphs are
    numbered under it ("section 4" of "4.1" and "4.2" under an unnumbered heading), or the
    paper is an extract whose numbering starts after 1 and the section is in a part left
    out: a whole section ("Section 5" of an extract of section 3), not "9.9.9"; or the paper
    numbers no section at all."""
    key = number_key(number)
    keys = [number_key(n) for n in document.sections]
    if not keys:
        # A paper with no numbered sections at all ("This summary draws on the full
        # document (sections 2 to 6)") points to another document's.
        return True
    if any(k[: len(key)] == key for k in keys):
        return True
    tops = {k[0] for k in keys}
    return len(key) == 1 and bool(tops) and min(tops) > 1 and key[0] not in tops


def _names_heading(target: Section, sentence: set[str]) -> bool:
    """Whether a referring sentence names the section's title: "the police performance
    figures set out in section 3" of "3. POLICE PERFORMANCE IN HUNTINGDONSHIRE". Two of the
    title's words (or its only one) are enough, however many words the sentence has."""
    if not target.heading:
        return False
    title = content_words(target.heading)
    return bool(title) and len(title & sentence) >= min(2, len(title))


def _about_else(paper: _Paper, claim: Claim, target: Section) -> str:
    about_text = target.heading or _first_words(paper.document, target)
    return f"section {claim.target} is about {about_text!r}, not what this sentence refers to"


def _other_measures(
    paper: _Paper,
    claim: Claim,
    target: Section,
    best: _Best,
    own: float,
    named: frozenset[str],
    covered: frozenset[str],
) -> Finding:
    """A reference to a section about other measures than the sentence names."""
    catalogue = paper.catalogue
    evidence = (
        f"the sentence names {label_of(catalogue, named)}; {claim.target} is about "
        f"{label_of(catalogue, covered)}"
    )
    if best is not None:
        meant_measures = named & paper.about.of_section(best[1])
        evidence += f"; {best[1].number} is about {label_of(catalogue, meant_measures)}"
    return Finding(
        kind="xref_topic",
        severity=Severity.ERROR,
        message=_about_else(paper, claim, target),
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


def _evidence(best: tuple[float, Section] | None, sentence: set[str], topics: Topics) -> str:
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
