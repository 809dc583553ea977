"""Consistency of a sentence with itself: what it says of one thing must agree.

Two faults an edit easily leaves behind and no figure can catch: an area named twice in one
list ("Peterborough, Peterborough and Fenland have also seen..."), and opposite directions
said of the same measure, area and period ("in South area all crime remains stable, whereas
all crime has increased in South area").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from narrator.check.claims.model import Claim
from narrator.check.findings import Finding, Severity, Verdict

#: Kinds of finding made here.
REPEATED_AREA = "repeated_area"
CONFLICTING_DIRECTIONS = "conflicting_directions"


def consistency_findings(claims: Sequence[Claim]) -> list[Finding]:
    """Areas listed twice and directions that contradict each other, sentence by sentence."""
    return [*_repeated_areas(claims), *_conflicting_directions(claims)]


def _repeated_areas(claims: Sequence[Claim]) -> list[Finding]:
    """One claim made of every area of a list: the same area twice means a repeated name."""
    seen: dict[tuple[object, ...], int] = defaultdict(int)
    first: dict[tuple[object, ...], Claim] = {}
    for claim in claims:
        if not claim.is_data or claim.area is None or not claim.area_text:
            continue
        if claim.area_text in ("both", "all"):
            continue
        # Several comparisons of one word ("up on both last month and October 2018") are
        # several claims of one area, not a list.
        key = (claim.span, claim.kind, claim.area, claim.comparison, claim.reference_period)
        seen[key] += 1
        first.setdefault(key, claim)
    findings = []
    for listed, count in seen.items():
        if count < 2:
            continue
        claim = first[listed]
        findings.append(
            Finding(
                kind=REPEATED_AREA,
                severity=Severity.WARNING,
                message=f"{claim.area_text} is named {count} times in one list",
                span=claim.sentence_span,
                evidence=claim.sentence,
                suggestion="name each area once; another area may have been meant",
            )
        )
    return findings


#: After "above" or "below", a mark the figure is set against, not a period it changed from.
_AGAINST_A_MARK = re.compile(
    r"\s+(?:the\s+|its\s+|our\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:standard|target|threshold|benchmark|goal|aim|ambition|aspiration|average|limit)s?\b"
    # "... although still slightly above the force-wide rate": another area's figure
    r"|\s+(?:the\s+)?(?:force|county|national|regional|peer|England)[\w-]*\b",
    re.IGNORECASE,
)


def _conflicting_directions(claims: Sequence[Claim]) -> list[Finding]:
    """Two directions of one sentence about the same measure, area and period, each naming
    its area, with no comparison to tell them apart, that disagree."""
    groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind != "direction" or claim.direction not in ("up", "down", "flat"):
            continue
        if claim.area_text is None or claim.area_text in ("both", "all"):
            continue
        if claim.comparison is not None or claim.measure is None:
            continue
        after = claim.sentence[claim.span[1] - claim.sentence_span[0] :]
        if _AGAINST_A_MARK.match(after):
            continue  # "up from 85.7%, so it remains below the standard": not a change
        key = (claim.sentence_span, claim.measure, claim.area, claim.period)
        groups[key].append(claim)
    findings = []
    for group in groups.values():
        directions = {c.direction for c in group}
        if len(directions) < 2:
            continue
        said = " and ".join(f"'{c.text}'" for c in group)
        findings.append(
            Finding(
                kind=CONFLICTING_DIRECTIONS,
                severity=Severity.ERROR,
                verdict=Verdict.CONTRADICTED,
                message=f"the sentence says both {said} of {group[0].area_text}",
                span=group[-1].span,
                evidence=group[0].sentence,
                suggestion="one of the two areas (or directions) is wrong",
            )
        )
    return findings
