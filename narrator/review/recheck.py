"""Re-checking a paragraph as the editor changes it, in the paper it stands in.

The review app takes any :data:`Recheck`: a paragraph's number and text to the checker's
findings on that text. :func:`in_paper` is the real one: the paragraph is checked where it
stands, in the draft as the review has it now (its section heading, the measures and the
periods the paragraph speaks of, the report month), through the same code path as
``narrator check`` on that paper. Tests may pass another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from narrator.check import Checker, Finding, Severity, Verdict
from narrator.review.state import Review

__all__ = ["Recheck", "contradicted", "in_paper", "no_recheck", "paper_with"]

#: A paragraph's number and text -> the checker's findings on that text.
Recheck = Callable[[str, str], list[Finding]]


def no_recheck(number: str, text: str) -> list[Finding]:
    """The re-check used when there is no checker: finds nothing."""
    return []


def in_paper(checker: Checker, review: Review) -> Recheck:
    """Check a paragraph in its paper: the findings of ``narrator check`` on the draft with
    the paragraph's text put in (every other paragraph as the review has it now) that fall
    in the paragraph, in the paragraph's own offsets."""

    def run(number: str, text: str) -> list[Finding]:
        words = list(_words(text))
        try:
            paper, start = paper_with(review, number, " ".join(w for _, w in words))
            report = checker.check_text(paper, month=review.draft.month)
        except Exception as exc:
            # A checker failure must not end the review or lose the edit: it is reported on
            # the paragraph as something that could not be checked.
            failed = f"the checker failed: {exc}"
            span = (0, len(text))
            return [Finding("checker", Severity.WARNING, failed, span, Verdict.NOT_CHECKABLE)]
        end = start + sum(len(w) + 1 for _, w in words)
        found = report.all_findings()
        return [_back(f.moved(-start), words) for f in found if start <= f.start < end]

    return run


def paper_with(review: Review, number: str, text: str) -> tuple[str, int]:
    """The draft as Markdown (as ``narrator draft`` writes it) with every paragraph as the
    review has it now and paragraph ``number`` as ``text``; and where that text starts."""
    draft = review.draft
    parts = [f"# {draft.title}\n\n"]
    at = -1
    for section in draft.sections:
        parts.append(f"## {section.number} {section.title}\n\n")
        for paragraph in section.paragraphs:
            body = text if paragraph.number == number else review.text(paragraph.number)
            if not body:
                continue
            head = f"{paragraph.number} "
            if paragraph.number == number:
                at = sum(len(p) for p in parts) + len(head)
            parts.append(f"{head}{' '.join(body.split())}\n\n")
    if at < 0:
        raise LookupError(f"the draft has no paragraph {number}")
    return "".join(parts), at


def _words(text: str) -> Iterable[tuple[int, str]]:
    """Each word of ``text`` with where it starts: the paragraph is checked with its
    whitespace collapsed, as it is printed."""
    at = 0
    for word in text.split():
        at = text.index(word, at)
        yield at, word
        at += len(word)


def _back(finding: Finding, words: list[tuple[int, str]]) -> Finding:
    """A finding on the collapsed text moved to the same words of the text as written."""
    if not words:
        return finding

    def place(offset: int) -> int:
        collapsed = 0
        for start, word in words:
            if offset <= collapsed + len(word):
                return start + max(0, offset - collapsed)
            collapsed += len(word) + 1
        return words[-1][0] + len(words[-1][1])

    return replace(finding, span=(place(finding.start), place(finding.end)))


def contradicted(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that contradict the text."""
    return [f for f in findings if f.contradicts]
