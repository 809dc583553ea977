"""What stops a final build: unreviewed or stale paragraphs, and contradictions in the text.

Each reason is a :class:`Blocker` naming the paragraph and what to do. The assembled paper
is checked through a :data:`TextChecker` (by default :func:`text_checker` over the
project's :class:`~narrator.check.Checker`), so that tests can inject another.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from narrator.build.review import REJECTED, UNFINISHED, ReviewLike
from narrator.check import Checker, Finding, Severity, Verdict
from narrator.draft.document import Draft
from narrator.errors import NarratorError
from narrator.facts import FactSet

#: The fields of a fact whose change means the words written from it may be untrue.
_COMPARED = ("value", "reference", "change", "direction", "significant")
_NUMBER_LINE = re.compile(r"^(?:#+[ \t]+)?(\d{1,2}(?:\.\d{1,3}){1,3})[ \t]", re.MULTILINE)


@dataclass(frozen=True)
class Blocker:
    """One reason the paper cannot be built final: kind, where, and what is wrong."""

    kind: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.kind}: {self.message}"


#: The assembled paper's text -> what the checker finds in it.
TextChecker = Callable[[str], Sequence[Finding]]


def text_checker(checker: Checker, month: str) -> TextChecker:
    """The paper's text checked by ``checker`` against the figures of ``month``: every
    claim's verdict and every fault of the text."""

    def check(text: str) -> Sequence[Finding]:
        return checker.check_text(text, month=month).all_findings()

    return check


def review_blockers(review: ReviewLike) -> list[Blocker]:
    """Every paragraph the review says blocks, plus any still pending or stale."""
    blockers: dict[str, Blocker] = {}
    for number, reason in review.blocking():
        blockers[number] = Blocker(_kind(review, number, reason), f"draft {number}", reason)
    for paragraph in review.draft.paragraphs():
        number = paragraph.number
        status = review.status(number)
        if number not in blockers and status in UNFINISHED:
            reason = "not reviewed yet" if status == "pending" else "its facts changed"
            blockers[number] = Blocker(status, f"draft {number}", reason)
    order = {p.number: i for i, p in enumerate(review.draft.paragraphs())}
    return [blockers[n] for n in sorted(blockers, key=lambda n: order.get(n, len(order)))]


def _kind(review: ReviewLike, number: str, reason: str) -> str:
    if reason.startswith("contradicted"):
        return "contradiction"
    try:
        status = review.status(number)
    except (KeyError, LookupError, NarratorError):
        return "review"
    return status if status in (*UNFINISHED, REJECTED) else "review"


def stale_blockers(draft: Draft, facts: FactSet, skip: set[str]) -> list[Blocker]:
    """Paragraphs whose facts no longer match the figures (refreshed after the draft).

    ``skip`` holds paragraphs left out of the paper (rejected). A draft without a facts
    map (written by an older narrator) cannot be compared and passes.
    """
    blockers = []
    for paragraph in draft.paragraphs():
        if paragraph.number in skip or not paragraph.generated:
            continue
        cited = sorted({f for s in paragraph.sentences for f in s.facts})
        for fact_id in cited:
            then = draft.facts.get(fact_id)
            if then is None:
                continue
            reason = _changed(fact_id, then, facts)
            if reason:
                blockers.append(Blocker("stale", f"draft {paragraph.number}", reason))
                break
    return blockers


def _changed(fact_id: str, then: Mapping[str, Any], facts: FactSet) -> str | None:
    if fact_id not in facts:
        return f"the figures no longer give the fact {fact_id} (re-run narrator draft)"
    now = facts[fact_id].as_dict()
    for key in _COMPARED:
        if not _same(then.get(key), now.get(key)):
            return (
                f"the figures changed since the draft was written: {fact_id} {key} was "
                f"{then.get(key)!r}, now {now.get(key)!r} (re-run narrator draft and review)"
            )
    return None


def _same(then: Any, now: Any) -> bool:
    """Equal, allowing the last-digit noise of float arithmetic on another machine."""
    if isinstance(then, float) and isinstance(now, float):
        return math.isclose(then, now, rel_tol=1e-9, abs_tol=1e-12)
    return bool(then == now)


def finding_blockers(
    findings: Sequence[Finding], text: str, generated: frozenset[str] = frozenset()
) -> tuple[list[Blocker], list[str]]:
    """Contradictions (of the figures, or of the text by itself) as blockers; warnings (faults
    of the text such as a wrong cross-reference) as notes, and ambiguous claims of generated
    paragraphs (numbers in ``generated``: narrator's own words should read one way).

    Supported and not-checkable claims (``info``), and ambiguous readings of hand-written
    text, need no attention: they are counted by :func:`finding_counts`, not listed.
    """
    blockers, notes = [], []
    for finding in findings:
        where = _locate(text, finding.span)
        ambiguous = finding.verdict is Verdict.AMBIGUOUS
        if finding.contradicts:
            blockers.append(Blocker("contradiction", where, f"{finding.kind}: {finding.message}"))
        elif (finding.severity is not Severity.INFO and not ambiguous) or (
            ambiguous and where.removeprefix("paper ") in generated
        ):
            notes.append(f"{where}: {finding.kind}: {finding.message}")
    return blockers, notes


def finding_counts(findings: Sequence[Finding]) -> dict[str, int]:
    """How many of the checker's findings there are of each verdict (or kind of fault)."""
    counts: dict[str, int] = {}
    for finding in findings:
        key = str(finding.verdict or finding.kind)
        counts[key] = counts.get(key, 0) + 1
    return counts


def _locate(text: str, span: tuple[int, int]) -> str:
    """The paper number of the paragraph a span falls in ("paper 4.1.2")."""
    start = span[0]
    number = None
    for match in _NUMBER_LINE.finditer(text, 0, max(0, start) + 1):
        if match.start() <= start:
            number = match.group(1)
    return f"paper {number}" if number else "paper"
