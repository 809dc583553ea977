"""A paper's figures against each other: one figure quoted twice must agree, and "X% lower
than" what is quoted nearby must be true of the quoted figures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from narrator.catalogue import Catalogue, Kind
from narrator.check.claims.codes import unread_code
from narrator.check.claims.model import Claim
from narrator.check.findings import Finding, Severity, Verdict
from narrator.check.slips import is_slip, typed


def _tolerance(*decimals: int | None) -> float:
    """Half a unit of the coarsest printed precision: "81%" and "81.4%" agree."""
    places = min((d for d in decimals if d is not None), default=0)
    return 0.5 * 10.0**-places + 1e-9


def _where(claim: Claim) -> str:
    return f"section {claim.section}" if claim.section else f"paragraph {claim.paragraph + 1}"


def repeated_figures(
    claims: Sequence[Claim], catalogue: Catalogue | None = None
) -> Iterable[Finding]:
    """The same measure, area and period quoted twice must have the same value. A per cent
    of a count ("38% of all recorded crime") is a share of something the text chooses, so
    two of them need not agree."""
    ratios = {m.id for m in catalogue if m.kind is Kind.RATIO} if catalogue is not None else None
    first: dict[tuple[Any, ...], Claim] = {}
    for claim in claims:
        if not _quoted_alone(claim, ratios):
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
        if _apart(earlier, claim):
            continue
        before = earlier.value if key[0] == "level" else earlier.change_pct
        assert before is not None
        if key[0] == "change":
            # "down 4%" and "a reduction of 4.3%": a sign is read only where a direction
            # word is, so sizes are compared (opposite directions are found elsewhere).
            before, number = abs(before), abs(number)
        if abs(before - number) <= _tolerance(earlier.decimals, claim.decimals):
            continue
        digits = typed(claim.text) and typed(earlier.text)
        if not is_slip(number, before, claim.decimals, typed=digits):
            # "seven in ten" and "607" of one measure and month: too far apart for one
            # figure mistyped, so more likely two figures of different things.
            continue
        yield Finding(
            kind="figure_mismatch",
            severity=Severity.ERROR,
            verdict=Verdict.CONTRADICTED,
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


def _quoted_alone(claim: Claim, ratios: set[str] | None) -> bool:
    """Whether a claim is a figure of its measure, area and period alone, one that must be
    the same wherever it is quoted: not a part, a statistic, a hedged or compared figure, a
    figure of another force, nor a per cent of a count (a share of what the text chooses)."""
    if (
        ratios is not None
        and claim.unit == "percent"
        and claim.role != "change"
        and claim.measure not in ratios
    ):
        return False
    return not (
        claim.kind != "figure"
        or claim.measure is None
        or claim.measure_from == "heading"
        or claim.measure_head is not None
        or claim.period is None
        or claim.statistic is not None
        or claim.approx is not None
        or claim.reference_cue is not None
        # A figure of another force or of the country is not the measure's own.
        or claim.outside is not None
    )


def _apart(earlier: Claim, claim: Claim) -> bool:
    """Whether two figures keyed alike may still be of different things."""
    if earlier.sentence_span == claim.sentence_span:
        # Two figures of one sentence are set against each other ("23 in October, the
        # monthly average ... is 11"; "73% ... compared to 78.1% for all victims").
        return True
    if (earlier.period_text is None) != (claim.period_text is None):
        # "2,587 searches" in a paragraph on the survey's year, then "in March 2020, 171
        # searches": a period said beside one figure and left to the paper's month for
        # the other need not be the same period.
        return True
    # One figure's area said and the other's only carried or by default, or a figure whose
    # measure its own sentence does not name: the two may be of different things.
    return (
        (earlier.area_text is None) != (claim.area_text is None)
        or not ("text" in (earlier.measure_from or "") and "text" in (claim.measure_from or ""))
        # "HS assaults 307": a code the reader does not know may name another area
        or unread_code(earlier) is not None
        or unread_code(claim) is not None
    )


def arithmetic_findings(claims: Sequence[Claim]) -> Iterable[Finding]:
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
                    severity=Severity.ERROR,
                    verdict=Verdict.CONTRADICTED,
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
                        "figures": _figure_spans(claims, claim, reference_claim),
                    },
                )
        elif (
            claim.direction in ("up", "down")
            # A direction that continues is not said against the figure beside it.
            and claim.comparison is not None
            and claim.change_pct is None
            and claim.value != reference
            and (claim.value > reference) != (claim.direction == "up")
        ):
            yield Finding(
                kind="arithmetic",
                severity=Severity.ERROR,
                verdict=Verdict.CONTRADICTED,
                message=(
                    f"{claim.text} is said to be {claim.direction} on {reference:g}, "
                    f"but it is {'higher' if claim.value > reference else 'lower'}"
                ),
                span=claim.span,
                evidence=f"{claim.value:g} vs {reference:g}",
                suggestion="check the direction word or the figures",
                data={
                    "value": claim.value,
                    "reference": reference,
                    "figures": _figure_spans(claims, claim, reference_claim),
                },
            )


def _figure_spans(
    claims: Sequence[Claim], claim: Claim, reference_claim: Claim | None
) -> list[list[int]]:
    """Where the text quotes each figure of a sum that does not add up: the change, the
    figure it is of and the figure it is against. Any one of them may be the wrong one."""
    spans = {claim.span}
    if claim.reference_span is not None:
        spans.add(claim.reference_span)
    if reference_claim is not None:
        spans.add(reference_claim.span)
    spans.update(
        other.span
        for other in claims
        if other.sentence_span == claim.sentence_span
        and other.kind == "figure"
        and other.change_pct is None
        and other.value == claim.value
    )
    return [list(span) for span in sorted(spans)]


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
