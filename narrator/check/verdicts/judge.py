"""Judging a paper's claims: each data claim to the verdict of its kind (figures, directions,
runs of months, outliers), with what a sentence says once for all its claims (a trend, the
months its changes are measured against)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from narrator.check.claims.earlier import shifted
from narrator.check.claims.model import Claim
from narrator.check.findings import Verdict
from narrator.check.verdicts.closed import closed_figures
from narrator.check.verdicts.compared import from_sentence
from narrator.check.verdicts.directions import direction_verdict, judged
from narrator.check.verdicts.figures import (
    SHARE,
    change_sign,
    figure_verdict,
    is_share,
    level_period,
)
from narrator.check.verdicts.levels import Levels
from narrator.check.verdicts.model import ClaimVerdict
from narrator.check.verdicts.months import month_of
from narrator.check.verdicts.outliers import outlier_verdict
from narrator.check.verdicts.streaks import streak_verdict
from narrator.check.verdicts.unsure import unsure_directions
from narrator.facts import FactSet


def judge(
    claims: Iterable[Claim],
    facts: FactSet,
    polarity: Mapping[str, str] | None = None,
    levels: Levels | None = None,
) -> list[ClaimVerdict]:
    """The verdict of every data claim (figures, directions, streaks, outliers).

    ``polarity`` (measure id to "up_good", "down_good" or "neutral") turns a judgement
    ("improved", "outperform") into the direction it means for the measure. ``levels``
    reads the figures of periods no fact compares with ("lower than the February 2017
    figure"); without it such claims are not checkable."""
    verdicts = []
    claims = [
        _run_against_year_before(c)
        for c in _shared_comparisons(_sized_directions(_shared_trends(list(claims))))
    ]
    # The sentences (and measures) whose level is a percentage of a count measure: a
    # direction said there is of that share.
    shares: set[tuple[tuple[int, int], str | None]] = set()
    # What the changes of each sentence are measured against ("up on September 2018"): an
    # outlier said in the same sentence stands out on those changes.
    against: dict[tuple[int, int], set[str]] = {}
    moves: dict[tuple[int, int], set[str]] = {}
    # The measure each sentence's figures were found of where it is not the one read.
    swapped: set[tuple[tuple[int, int], str | None]] = set()
    for claim in claims:
        if claim.kind == "direction" and claim.reference_period:
            month = month_of(claim.reference_period) or claim.reference_period
            against.setdefault(claim.sentence_span, set()).add(month)
        if (
            claim.kind == "direction"
            and claim.direction in ("up", "down")
            and claim.comparison in (None, "previous_month", "previous_year", "period")
        ):
            moves.setdefault(claim.sentence_span, set()).add(claim.direction)
    for claim in claims:
        if not claim.is_data:
            continue
        if claim.outside is not None:
            verdicts.append(_outside(claim))
        elif claim.kind == "figure":
            verdict = figure_verdict(claim, facts, levels)
            if verdict.claim.measure != claim.measure and claim.measure is not None:
                # Found of another measure the context allows ("the outcome rate" after a
                # paragraph on domestic abuse): the sentence's directions may be said of
                # either, so neither is held to them.
                swapped.add((claim.sentence_span, claim.measure))
            elif claim.role == "change" and (claim.sentence_span, claim.measure) in shares:
                # "the rate was 54.6%, down 4.0 points" where 54.6% is a share of a count:
                # the change is of that share.
                verdict = _of_a_share(claim)
            else:
                verdict = _with_its_direction(claim, verdict, facts, polarity, levels)
            verdict = _share_against(claim, verdict, shares)
            if is_share(verdict):
                shares.add((claim.sentence_span, claim.measure))
            verdicts.append(verdict)
        elif claim.kind == "direction" and (claim.sentence_span, claim.measure) in shares:
            verdicts.append(_of_a_share(claim))
        elif claim.kind == "direction":
            verdicts.append(direction_verdict(judged(claim, polarity or {}), facts, levels))
        elif claim.kind == "streak":
            verdicts.append(streak_verdict(claim, facts))
        elif claim.kind == "outlier":
            span = claim.sentence_span
            verdicts.append(
                outlier_verdict(claim, facts, against.get(span, set()), moves.get(span, set()))
            )
    return closed_figures(unsure_directions(verdicts, swapped))


def _with_its_direction(
    claim: Claim,
    verdict: ClaimVerdict,
    facts: FactSet,
    polarity: Mapping[str, str] | None,
    levels: Levels | None,
) -> ClaimVerdict:
    """ "increased to 14.1%", "deteriorated to 9.3%": the figure may be right and its
    direction (or its judgement, by the measure's polarity) wrong; the change is that of the
    period the figure is a level of."""
    if not (
        verdict.verdict == Verdict.SUPPORTED
        # a figure of no named measure is only matched to one, not read as its own
        and claim.measure is not None
        and (claim.direction in ("up", "down", "flat") or claim.judgement is not None)
        and claim.reference_cue is None
        and not from_sentence(verdict)
    ):
        return verdict
    if claim.role == "change":
        # "fallen by 37": the size matched one change of the figures, and the direction is
        # of that change, whichever comparison the sentence would default to.
        signed = change_sign(claim, verdict, facts)
        if signed is not None or _of_changes(verdict, facts):
            return signed or verdict
    moving = judged(claim, polarity or {})
    period = level_period(claim, facts) if claim.role != "change" else None
    if period is not None:
        moving = replace(moving, period=period, period_text=claim.period_text or claim.text)
    moved = direction_verdict(moving, facts, levels)
    if moved.verdict != Verdict.CONTRADICTED and claim.role == "change":
        moved = change_sign(claim, verdict, facts) or moved
    return moved if moved.verdict == Verdict.CONTRADICTED else verdict


def _share_against(
    claim: Claim, verdict: ClaimVerdict, shares: set[tuple[tuple[int, int], str | None]]
) -> ClaimVerdict:
    """ "13.0% of crime recorded in October, against 8.6% a year earlier": what a share is
    set against is the same share of another period, not checkable either."""
    if (
        claim.role == "reference"
        and claim.unit == "percent"
        and (claim.sentence_span, claim.measure) in shares
        and verdict.verdict != Verdict.SUPPORTED
    ):
        return ClaimVerdict(
            claim,
            Verdict.NOT_CHECKABLE,
            f"{claim.text}: {SHARE} {claim.measure}, which narrator has no figures of",
        )
    return verdict


def _of_a_share(claim: Claim) -> ClaimVerdict:
    """A direction of a share of a count measure: not checkable."""
    return ClaimVerdict(
        claim,
        Verdict.NOT_CHECKABLE,
        f"{claim.text!r}: said of a share of {claim.measure}, which narrator has no figures of",
    )


def _outside(claim: Claim) -> ClaimVerdict:
    """A claim said of what the project does not hold: not checkable, whatever it says."""
    return ClaimVerdict(
        claim,
        Verdict.NOT_CHECKABLE,
        f"{claim.text}: said of {claim.outside}, whose figures the project does not hold",
    )


def _shared_comparisons(claims: list[Claim]) -> list[Claim]:
    """ "fell to 412 offences in June, 12% fewer than June 2020", "was stable, with
    60,802 offences in 2018/19 compared with 60,664 in 2017/18": a direction that names no
    comparison of its own is measured against the one its sentence names for the same
    measure, area and period."""
    named: dict[tuple[tuple[int, int], str | None, str | None, str | None], Claim] = {}
    for claim in claims:
        if claim.is_data and claim.role != "reference" and claim.reference_period is not None:
            key = (claim.sentence_span, claim.measure, claim.area, claim.period)
            named.setdefault(key, claim)
    if not named:
        return claims
    out = []
    for claim in claims:
        if (
            claim.kind in ("figure", "direction")
            and claim.direction in ("up", "down", "flat")
            and claim.comparison is None
            and claim.reference_period is None
            and claim.role != "change"
        ):
            said = named.get((claim.sentence_span, claim.measure, claim.area, claim.period))
            if said is not None and said is not claim:
                claim = replace(
                    claim,
                    comparison=said.comparison,
                    comparison_text=said.comparison_text,
                    reference_period=said.reference_period,
                )
        out.append(claim)
    return out


def _shared_trends(claims: list[Claim]) -> list[Claim]:
    """ "The long term trends remain for an increase in X and a decrease in Y": a trend
    named once is what every later direction of its sentence is said of."""
    out: list[Claim] = []
    trend_in: tuple[int, int] | None = None
    for claim in claims:
        if claim.kind == "direction" and claim.comparison == "trend":
            trend_in = claim.sentence_span
        elif (
            claim.kind == "direction"
            and claim.comparison is None
            and claim.sentence_span == trend_in
        ):
            claim = replace(claim, comparison="trend")
        out.append(claim)
    return out


def _run_against_year_before(claim: Claim) -> Claim:
    """A change over a run of months ("between July and September ... 61 more than in the
    same three months of last year") against the same run a year before: no fact compares
    runs of months, so the verdicts measure it in the figures."""
    period = claim.period or ""
    if ".." not in period or claim.comparison != "previous_year" or claim.reference_period:
        return claim
    return replace(claim, reference_period=shifted(period, 12))


#: Between a change noun and the figure of its size: "a rise of 23 per cent", "a fall of
#: about 8%".
_SIZE_OF = re.compile(
    r"\s+of\s+(?:about\s+|around\s+|roughly\s+|almost\s+|nearly\s+|some\s+|just\s+"
    r"(?:under|over)\s+)?",
    re.IGNORECASE,
)


def _sized_directions(claims: list[Claim]) -> list[Claim]:
    """ "... 148 more than in December 2018, when 639 crimes were recorded - a rise of 23 per
    cent": a change noun is of the comparison its own size is, whatever other comparison its
    sentence names nearer to it."""
    changes = {
        (c.sentence_span, c.span[0]): c
        for c in claims
        if c.kind == "figure" and c.role == "change" and c.comparison is not None
    }
    if not changes:
        return claims
    out = []
    for claim in claims:
        if claim.kind == "direction":
            start = claim.span[1] - claim.sentence_span[0]
            gap = _SIZE_OF.match(claim.sentence, start)
            sized = (
                changes.get((claim.sentence_span, claim.span[1] + gap.end() - start))
                if gap
                else None
            )
            if sized is not None and sized.measure == claim.measure and sized.area == claim.area:
                claim = replace(
                    claim,
                    period=sized.period,
                    comparison=sized.comparison,
                    comparison_text=sized.comparison_text,
                    reference_period=sized.reference_period,
                )
        out.append(claim)
    return out


def _of_changes(verdict: ClaimVerdict, facts: FactSet) -> bool:
    """Whether a supported figure was matched to a change of the figures (not a level)."""
    return any(i in facts and facts[i].kind.startswith("change.") for i in verdict.evidence)
