"""Figures their own sentence adds up: where a contradicted figure closes a sum with other
figures of its sentence, one of which the project's figures support ("fell by 37 to 385, a
drop of 8.8%", "13 of the 68 searches (19.1%)", "11.8%, down 1.2 points on 13.0%"), the
writer worked it from the same figures the checker agrees with. Its disagreement is then more
likely the checker's reading of what it is of (another period, area or comparison) than a
wrong figure, so it is made ambiguous: still shown, not called an error.

A single wrong figure breaks its sentence's sums, so an edited figure, and a figure a writer
mistyped, stay contradicted. A figure of the wrong area or month throughout keeps no
supported figure beside it, so it stays contradicted too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import combinations, permutations

from narrator.check.findings import Verdict
from narrator.check.verdicts.model import ClaimVerdict, tolerance

#: A verdict's message that holds a figure's direction (not its size) to the figures.
_DIRECTION_MISMATCH = re.compile(
    r"\bgives (?:up|down|flat)\b|\bnot (?:up|down)\b|^[-+\d.,]+ against [-+\d.,]+$"
)
#: Expected figures that are a number ("1,655", "12.5% (R12:2019-10)", "-9%").
_NUMBER = re.compile(r"^[-+−£]?\d")


@dataclass(frozen=True)
class _Figure:
    """One figure of a sentence as a number in its unit, with how far its print may be off."""

    size: float
    unit: str  # "count", "percent" (a level in per cent), "pct" (a change in per cent), "pp"
    slack: float
    #: What the project's figures say of it.
    verdict: Verdict
    #: What the figure is of: a sum holds only between figures of one measure and area.
    of: tuple[str | None, str | None]
    #: Whether the figure is what another is compared with (the earlier, a sum's base).
    earlier: bool = False
    #: For a count change, its sign by its direction word (0 where none is said).
    sign: int = 0


def _figure(verdict: ClaimVerdict) -> _Figure | None:
    claim = verdict.claim
    if claim.kind != "figure" or claim.approx is not None:
        return None
    said = verdict.verdict
    slack = tolerance(claim)
    of = (claim.measure, claim.area)
    if claim.unit == "points":
        size = next((v for v in (claim.change, claim.value) if v is not None), None)
        return None if size is None else _Figure(abs(size), "pp", slack, said, of)
    if claim.role == "change":
        if claim.change_pct is not None:
            return _Figure(abs(claim.change_pct), "pct", slack, said, of)
        if claim.change is not None:
            sign = {"up": 1, "down": -1}.get(claim.direction or "", 0)
            return _Figure(abs(claim.change), "change", slack, said, of, sign=sign)
        return None
    if claim.value is None or claim.unit not in ("count", "percent"):
        return None
    earlier = claim.role == "reference" or claim.reference_cue is not None
    return _Figure(abs(claim.value), claim.unit, slack, said, of, earlier)


def _near(said: float, worked: float, slack: float) -> bool:
    return abs(said - worked) <= slack


def _differences(a: _Figure, b: _Figure, c: _Figure) -> bool:
    """``c`` is the gap between ``a`` and ``b``: a count change, or points between rates."""
    if a.unit != b.unit or a.size == b.size or a.of != b.of or b.of != c.of:
        return False
    gap = abs(a.size - b.size)
    slack = c.slack + a.slack + b.slack
    if a.unit == "count" and c.unit == "change":
        return _near(c.size, gap, slack)
    return a.unit == "percent" and c.unit == "pp" and _near(c.size, gap, slack)


def _relative(a: _Figure, b: _Figure, c: _Figure) -> bool:
    """``c`` is the per cent change from ``a`` (what the sentence compares with) to ``b``."""
    if a.unit != b.unit or c.unit != "pct" or a.size == 0 or a.size == b.size:
        return False
    if not a.earlier or b.earlier or a.of != b.of or b.of != c.of:
        return False
    return _near(c.size, abs(b.size - a.size) / a.size * 100, c.slack)


def _part(a: _Figure, b: _Figure, c: _Figure) -> bool:
    """``c`` is the per cent ``a`` is of ``b``: "13 of the 68 searches (19.1%)"."""
    if a.unit != "count" or b.unit != "count" or c.unit != "percent" or b.size <= a.size:
        return False
    if a.of[1] != b.of[1] or b.of[1] != c.of[1]:
        return False
    return _near(c.size, a.size / b.size * 100, c.slack)


def _change_and_level(a: _Figure, b: _Figure, c: _Figure) -> bool:
    """``b`` a count change to the level ``a``, ``c`` its per cent of the level before:
    "fell by 37 to 385, a drop of 8.8%" (from 422)."""
    if a.unit != "count" or b.unit != "change" or c.unit != "pct" or a.earlier or not b.sign:
        return False
    base = a.size - b.sign * b.size
    if base <= 0 or a.of != b.of or b.of != c.of:
        return False
    return _near(c.size, b.size / base * 100, c.slack)


def _change_of_earlier(a: _Figure, b: _Figure, c: _Figure) -> bool:
    """``c`` the per cent the count change ``b`` is of the earlier figure ``a``: "25 fewer
    than in August (56), a reduction of 44.6%"."""
    if a.unit != "count" or not a.earlier or b.unit != "change" or c.unit != "pct":
        return False
    if a.size <= 0 or a.of != b.of or b.of != c.of:
        return False
    return _near(c.size, b.size / a.size * 100, c.slack)


_SUMS = (_differences, _relative, _part, _change_and_level, _change_of_earlier)


def _closes(figures: Sequence[_Figure]) -> bool:
    """Whether three figures, in some order, make one of the sums a writer works."""
    return any(s(a, b, c) for a, b, c in permutations(figures) for s in _SUMS)


def closed_figures(verdicts: list[ClaimVerdict]) -> list[ClaimVerdict]:
    """Each contradicted figure that closes a sum with two figures of its sentence, at least
    one of them supported, made ambiguous."""
    by_sentence: dict[tuple[int, int], list[tuple[int, _Figure]]] = {}
    for i, verdict in enumerate(verdicts):
        figure = _figure(verdict)
        if figure is not None:
            by_sentence.setdefault(verdict.claim.sentence_span, []).append((i, figure))
    out = list(verdicts)
    for i, verdict in enumerate(verdicts):
        if not _value_mismatch(verdict):
            continue
        others = by_sentence.get(verdict.claim.sentence_span, [])
        own = next((f for j, f in others if j == i), None)
        if own is None:
            continue
        pairs = combinations([f for j, f in others if j != i], 2)
        if any(_anchored(a, b) and _closes((own, a, b)) for a, b in pairs):
            out[i] = replace(
                verdict,
                verdict=Verdict.AMBIGUOUS,
                message=f"{verdict.message}; but it adds up with the other figures of its "
                "sentence, so it may be of another period, area or comparison",
            )
    return out


def _anchored(a: _Figure, b: _Figure) -> bool:
    """Whether a pair a figure adds up with ties it to the figures: one of them supported,
    or both read unsure (or not checkable) and neither contradicted."""
    said = {a.verdict, b.verdict}
    if Verdict.SUPPORTED in said:
        return True
    return Verdict.AMBIGUOUS in said and Verdict.CONTRADICTED not in said


def _value_mismatch(verdict: ClaimVerdict) -> bool:
    """A contradicted figure whose size (not its direction) disagrees with the figures, and
    whose period is not named beside it ("one more than April's 67" is April's, for sure)."""
    return (
        verdict.verdict == Verdict.CONTRADICTED
        and verdict.claim.kind == "figure"
        and verdict.expected is not None
        and _NUMBER.match(verdict.expected) is not None
        and _DIRECTION_MISMATCH.search(verdict.expected) is None
        and not _period_beside(verdict)
    )


#: Between a period and its own figure after it: "April's 67", "(Apr: 67)", "June 14".
_PERIOD_THEN_FIGURE = re.compile(r"(?:['’]s)?\s*[:(]?\s*(?:(?:total|figure|count)\s+(?:of\s+)?)?$")
#: Between a figure and its own period after it: "67 in April", "67 recorded in April".
_FIGURE_THEN_PERIOD = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:in|for|during|over|of)\s+(?:the\s+)?$")


def _period_beside(verdict: ClaimVerdict) -> bool:
    """Whether the figure's period is named in its own phrase ("April's 67", "67 in
    April"), not just somewhere in its sentence."""
    claim = verdict.claim
    if not claim.period_text:
        return False
    offset = claim.sentence_span[0]
    start, end = claim.span[0] - offset, claim.span[1] - offset
    sentence = claim.sentence
    named = sentence.rfind(claim.period_text, 0, start)
    if named >= 0 and _PERIOD_THEN_FIGURE.fullmatch(
        sentence[named + len(claim.period_text) : start]
    ):
        return True
    named = sentence.find(claim.period_text, end)
    return named >= 0 and _FIGURE_THEN_PERIOD.fullmatch(sentence[end:named]) is not None
