"""What the review screen shows of a paragraph, built as text the app puts on screen.

Findings are marked twice: styled (reverse for a contradiction, underline for an ambiguity)
and with a numbered marker such as ``[x1]`` after the claim, so that they are visible
without colour and in a plain capture of the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual.content import Content

from narrator.check.findings import Finding, Verdict
from narrator.draft.document import Paragraph
from narrator.language.periods import Period, PeriodKind
from narrator.review.describe import describe, stale_lines
from narrator.review.model import EDITED, STALE, Entry
from narrator.review.series import SeriesSource, sparkline

#: Marker letter and style of each verdict shown in the text (supported claims are not
#: marked), and of a fault of the text that is no verdict on the figures (a wrong reference).
MARKS: dict[Verdict | None, tuple[str, str]] = {
    Verdict.CONTRADICTED: ("x", "bold reverse"),
    Verdict.AMBIGUOUS: ("?", "underline"),
    Verdict.NOT_CHECKABLE: ("~", "italic"),
    None: ("!", "underline"),
}


def shown(findings: Sequence[Finding]) -> list[tuple[int, Finding]]:
    """The findings the text marks, numbered from 1 in order of position."""
    marked = sorted(
        (f for f in findings if f.verdict in MARKS and f.end > f.start), key=lambda f: f.start
    )
    return list(enumerate(marked, start=1))


def _said(finding: Finding) -> str:
    """What a finding is, as its line under the text says: its verdict, or its kind."""
    return str(finding.verdict) if finding.verdict is not None else finding.kind


def marked_text(text: str, findings: Sequence[Finding]) -> Content:
    """The paragraph with each contradicted, ambiguous or uncheckable claim marked."""
    parts: list[str | tuple[str, str]] = []
    at = 0
    for index, finding in shown(findings):
        start, end = max(finding.start, at), min(finding.end, len(text))
        if start >= end:
            continue
        letter, style = MARKS[finding.verdict]
        parts += [text[at:start], (text[start:end], style), (f"[{letter}{index}]", "bold")]
        at = end
    parts.append(text[at:])
    return Content.assemble(*parts)


def findings_lines(findings: Sequence[Finding], *, available: bool) -> list[str]:
    """The checker's verdicts under the text, numbered as marked."""
    if not available:
        return ["Checker: not available; the text is not checked against the figures."]
    lines = [f"[{MARKS[f.verdict][0]}{i}] {_said(f)}: {f.message}" for i, f in shown(findings)]
    supported = sum(1 for f in findings if f.verdict is Verdict.SUPPORTED)
    summary = f"Checker: {supported} claim{'s' if supported != 1 else ''} supported"
    summary += f", {len(lines)} to look at." if lines else ", nothing contradicted."
    return [summary, *lines]


def status_line(
    number: str, position: int, total: int, entry: Entry, *, contradicted: bool, todo: int
) -> str:
    """The top line: where we are, the paragraph's status and how much is left."""
    flags = entry.status.upper()
    if contradicted:
        flags += " · CONTRADICTED"
    if entry.override is not None:
        flags += " · overridden"
    if entry.variant is not None and entry.status != EDITED:
        flags += " · phrasing " + "/".join(entry.variant.blocks)
    if entry.comments:
        flags += f" · {len(entry.comments)} comment{'s' if len(entry.comments) > 1 else ''}"
    return f" {number}  ({position}/{total})  {flags}  ·  to do: {todo}"


def stale_panel(entry: Entry) -> list[str]:
    """Old and new figures of a stale paragraph, and the editor's old edit if any."""
    if entry.status != STALE or not entry.stale:
        return []
    lines = ["STALE: the figures changed since this paragraph was reviewed (old -> new)."]
    lines += stale_lines(entry.stale)
    if entry.text:
        lines += ["Your edit, written on the old figures (e edits it):", "  " + entry.text]
    lines.append("a accepts the new text above; e edits it.")
    return lines


def facts_lines(
    paragraph: Paragraph,
    facts: Mapping[str, Mapping[str, Any]],
    series: SeriesSource | None,
    month: str,
) -> list[str]:
    """The facts behind each sentence, and a sparkline per measure and area."""
    lines = ["Facts behind each sentence"]
    drawn: set[tuple[str, str, bool]] = set()
    for index, sentence in enumerate(paragraph.sentences, start=1):
        variant = f", {sentence.variant}" if sentence.variant else ""
        lines.append(f"S{index} {sentence.template}{variant}")
        for fact_id in sentence.facts:
            fact = facts.get(fact_id)
            lines += ["  " + line for line in describe(fact, fact_id)]
            if fact is None or series is None:
                continue
            measure, area = str(fact.get("measure")), str(fact.get("area"))
            rolling = _is_rolling(fact.get("period"))
            if (measure, area, rolling) in drawn:
                continue
            drawn.add((measure, area, rolling))
            values = series.recent(measure, area, month, rolling=rolling)
            if values:
                kind = "12-month rolling" if rolling else "monthly"
                lines.append(f"    {sparkline(values)}  {kind}, {len(values)} months to {month}")
    if series is not None and series.problem and series.problem != "no project":
        lines.append(f"(no sparklines: {series.problem})")
    return lines


def comment_lines(entry: Entry) -> list[str]:
    """The comments on a paragraph, oldest first, and an override's reason."""
    lines: list[str] = []
    if entry.override is not None:
        o = entry.override
        lines.append(f"Override by {o.who}, {o.when}: {o.reason}")
    if entry.comments:
        lines.append("Comments")
        lines += [f"  {c.who}, {c.when}: {c.text}" for c in entry.comments]
    return lines


def _is_rolling(label: object) -> bool:
    """Whether a fact's period is a rolling window ("R12:2019-10"): its chart is the rolling one."""
    try:
        return Period.parse(str(label)).kind is PeriodKind.ROLLING
    except ValueError:
        return False
