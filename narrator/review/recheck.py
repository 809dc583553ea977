"""Re-checking a paragraph's text as the editor changes it.

The review app takes any :data:`Checker`: a function from a paragraph's text to findings.
The default asks ``narrator.check`` (when it offers ``check_text``) and otherwise checks
nothing; tests pass fakes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

from narrator.project import Project
from narrator.review.model import VERDICTS, Finding

__all__ = ["Checker", "Finding", "default_checker", "no_checker", "to_finding"]

#: A paragraph's text -> the checker's findings on it.
Checker = Callable[[str], list[Finding]]


def no_checker(text: str) -> list[Finding]:
    """The checker used when ``narrator.check`` cannot check text: finds nothing."""
    return []


def default_checker(*, project: Project | None, month: str) -> Checker:
    """A checker over ``narrator.check.check_text`` if the checker offers it, else a no-op."""
    try:
        module = importlib.import_module("narrator.check")
    except ImportError:
        return no_checker
    check_text = getattr(module, "check_text", None)
    if not callable(check_text):
        return no_checker

    def run(text: str) -> list[Finding]:
        try:
            found: Iterable[Any] = check_text(text, project=project, month=month)
            return [to_finding(item) for item in found]
        except Exception as exc:
            # A checker failure must not end the review or lose the edit: it is reported on
            # the paragraph as something that could not be checked.
            return [Finding(0, len(text), "not checkable", f"the checker failed: {exc}")]

    return run


def to_finding(item: Any) -> Finding:
    """A finding from whatever the checker returns: ``span`` or ``start``/``end``, verdict."""
    if isinstance(item, Finding):
        return item
    span = getattr(item, "span", None)
    start, end = span if span is not None else (getattr(item, "start", 0), getattr(item, "end", 0))
    raw = getattr(item, "verdict", "not checkable")
    # An enum's value, and "not_checkable" spelt either way.
    verdict = str(getattr(raw, "value", raw)).lower().replace("_", " ")
    if verdict not in VERDICTS:
        verdict = "not checkable"
    return Finding(int(start), int(end), verdict, str(getattr(item, "message", "")))


def contradicted(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that contradict the text."""
    return [f for f in findings if f.verdict == "contradicted"]
