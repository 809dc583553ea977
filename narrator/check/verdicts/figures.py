"""Verdicts on figures: a level, a change or a reference against the facts of its measure,
area and period, or the figures of the period the text names."""

from __future__ import annotations

from collections.abc import Sequence

from narrator.check.claims.model import GROUP, MULTIPLE, PART, Claim
from narrator.check.findings import Verdict
from narrator.check.verdicts.compared import change_held_to_sentence
from narrator.check.verdicts.levels import Levels
from narrator.check.verdicts.matching import (
    figure_value,
    matched_in,
    numbers_of,
    primary_fact,
    unnamed,
)
from narrator.check.verdicts.measured import measured_change
from narrator.check.verdicts.model import ClaimVerdict, tolerance, unless_far
from narrator.check.verdicts.months import month_of, window_of, wrong_month
from narrator.check.verdicts.nearest import (
    COMPARISON_KINDS,
    nearest_fact,
    other_area,
    unknown_code,
)
from narrator.check.verdicts.references import (
    COMPARED_WITH,
    average_of_months,
    reference_miss,
    reference_verdict,
)
from narrator.check.verdicts.stated import alternative_measure, figures_cell, stated_level
from narrator.check.verdicts.windows import (
    another_window,
    calendar_reading,
    stale,
    year_apart,
    year_to_month,
)
from narrator.facts import Fact, FactSet


def figure_verdict(claim: Claim, facts: FactSet, levels: Levels | None = None) -> ClaimVerdict:
    """A figure against the facts that give it; else the figures of the period it names;
    else contradicted by the fact it most plausibly quotes (ambiguous when too far from it
    for a slip). A figure the text gives as what the measure is compared with ("against a
    three-year average of 583") is held to that comparison only, never to the measure's own
    figure."""
    verdict = _figure_verdict(claim, facts, levels)
    value = figure_value(claim)
    if value is not None:
        verdict = unknown_code(claim, other_area(claim, facts, value, verdict))
    if verdict.verdict in (Verdict.CONTRADICTED, Verdict.AMBIGUOUS):
        verdict = change_held_to_sentence(claim) or verdict
    if verdict.verdict != Verdict.SUPPORTED and levels is not None and value is not None:
        verdict = calendar_reading(claim, levels, value) or verdict
    if verdict.verdict == Verdict.CONTRADICTED and levels is not None and value is not None:
        verdict = (
            year_apart(claim, levels, value)
            or year_to_month(claim, levels, value, facts.month)
            or verdict
        )
    if (
        verdict.verdict != Verdict.SUPPORTED
        and claim.reference_cue == "average"
        and claim.measure is not None
        and value is not None
        and levels is not None
    ):
        # "an average of 641 a month": an average of other months than narrator's
        # comparisons, which the figures give.
        other = average_of_months(claim, levels, facts.month, value)
        if other is not None:
            return other
    if (
        verdict.verdict in (Verdict.CONTRADICTED, Verdict.AMBIGUOUS)
        and claim.reference_cue in COMPARED_WITH
        and claim.measure is not None
        and value is not None
    ):
        return reference_miss(claim, facts, value)
    return verdict


#: The units of a measure counted in money.
_MONEY_UNITS = frozenset({"money", "£", "pound", "pounds", "gbp"})


def _figure_verdict(claim: Claim, facts: FactSet, levels: Levels | None) -> ClaimVerdict:
    value = figure_value(claim)
    if value is None:
        return ClaimVerdict(claim, Verdict.NOT_CHECKABLE, "no figure could be read")
    area = claim.area
    if claim.listed is not None:
        return _areas_listed(claim, value, claim.listed)
    if claim.level_count is not None:
        return _areas_at_level(claim, value, claim.level_count)
    reference = reference_verdict(claim, facts, value)
    if reference is not None:
        return reference
    other = _of_something_else(claim)
    if other is not None:
        return other
    if claim.period is None and claim.comparison is None:
        # "made nine arrests" on a day of action: no period in the sentence or its context,
        # so there is no figure to hold it to (a monthly total would be a false alarm).
        return ClaimVerdict(claim, Verdict.NOT_CHECKABLE, f"{claim.text}: the text names no period")
    if claim.measure is None:
        return unnamed(claim, facts, value)
    if claim.statistic in ("upper limit", "lower limit"):
        return _control_limit(claim, facts, value)
    own = (
        facts.select(measure=claim.measure, area=area)
        if area
        else facts.select(measure=claim.measure)
    )
    if claim.unit == "money" and own and not any(f.unit in _MONEY_UNITS for f in own):
        # "£18,000 from the community safety budget": no figure of a count is a sum of money
        return ClaimVerdict(
            claim, Verdict.NOT_CHECKABLE, f"{claim.text} is money; {claim.measure} is not"
        )
    matched = matched_in(claim, facts, claim.measure, value)
    found = [f for f, _ in matched]
    measured = _named_change(claim, found, levels, facts.month)
    if measured is not None:
        return measured
    stated = stated_level(claim, own, levels)
    if stated is not None:
        # The text names the period of the figure: hold it to that period's figure.
        held = _held_to_period(claim, facts, levels, stated, value, matched, own[0].unit)
        if held is not None:
            return held
    misdated = wrong_month(claim, found, [p for _, periods in matched for p in periods])
    if misdated is not None:
        return misdated
    if found:
        # The facts of the comparison the text names first: "up 0.3 points on the previous
        # 12 months" is the rolling year's change even when the financial year's is 0.3 too.
        ranked = sorted(
            found,
            key=lambda f: (f.period != claim.period, not _fits_comparison(f, claim), f.id),
        )
        return ClaimVerdict(
            claim,
            Verdict.SUPPORTED,
            f"{claim.text} agrees with the figures",
            evidence=tuple(f.id for f in ranked[:3]),
        )
    alternative = alternative_measure(claim, facts, value, levels)
    if alternative is not None:
        return alternative
    return _against_primary(claim, own, value)


def _against_primary(claim: Claim, own: Sequence[Fact], value: float) -> ClaimVerdict:
    """A figure no fact gives, against the fact it most plausibly quotes (the nearest of
    those the text may mean): contradicted when a slip explains it, else ambiguous."""
    area = claim.area
    primary = primary_fact(claim, own)
    if primary is None:
        # "a rate of 4.5%, down from 6.2% in 2015" of a count measure: a share of it, for
        # whatever period, before there is no figure of that period.
        unlike = _unlike_units(claim, own[0].unit) if own else None
        if unlike is not None:
            return unlike
        return ClaimVerdict(
            claim,
            Verdict.NOT_CHECKABLE,
            f"no figure of {claim.measure} for {area} in {claim.period} to compare with",
        )
    unlike = _unlike_units(claim, primary.unit)
    if unlike is not None:
        return unlike
    if (claim.role == "change" or claim.unit == "points") and primary.kind.startswith("level"):
        # "a fall of 1.5 percentage points" where the measure has no change of the kind the
        # text names: a level is no figure to hold a change to.
        expected = quote(primary, claim)
        return ClaimVerdict(
            claim,
            Verdict.AMBIGUOUS,
            f"{claim.text} is a change, and the figures give no change of {claim.measure} "
            f"it can be: {expected} is a level",
            evidence=(primary.id,),
            expected=expected,
        )
    primary = nearest_fact(claim, own, primary, value, lambda f: quoted_value(f, claim))
    expected = quote(primary, claim)
    return unless_far(
        claim,
        value,
        quoted_value(primary, claim),
        f"{claim.text} does not match the figures: {expected}",
        (primary.id,),
        expected,
    )


def _fits_comparison(fact: Fact, claim: Claim) -> bool:
    """Whether ``fact`` measures the comparison the claim names (True if it names none)."""
    kinds = COMPARISON_KINDS.get(claim.comparison or "")
    return kinds is None or fact.kind in kinds


#: How a verdict names a percentage of a count measure.
SHARE = "a share of"


def is_share(verdict: ClaimVerdict) -> bool:
    """Whether a figure's verdict found it a percentage of a count measure ("one in five
    incidents (17.6%)"): what is said of its direction is said of that share."""
    return (
        verdict.verdict == Verdict.NOT_CHECKABLE
        and verdict.claim.unit == "percent"
        and verdict.message.startswith(f"{verdict.claim.text}: {SHARE} ")
    )


def _unlike_units(claim: Claim, unit: str) -> ClaimVerdict | None:
    """A level in another unit than the measure's: a percentage of a count ("one in five
    incidents (17.6%)") is a share of it, a count beside a percentage ("satisfaction was
    73% (sample size 412)") counts something else; neither is what the figures give."""
    if claim.role == "change":
        return None
    if claim.unit == "percent" and unit == "count" and claim.reference_cue is None:
        what = f"{SHARE} {claim.measure}"
    elif claim.unit == "count" and unit == "percent":
        what = f"a count, and {claim.measure} is a percentage"
    else:
        return None
    return ClaimVerdict(
        claim, Verdict.NOT_CHECKABLE, f"{claim.text}: {what}, which narrator has no figures of"
    )


def _of_something_else(claim: Claim) -> ClaimVerdict | None:
    """A figure whose words say it is not the measure's value: a count of something else
    ("6 suspects"), a part of a whole ("64 of them", "60% of the month's total")."""
    if claim.measure_head == MULTIPLE:
        return ClaimVerdict(
            claim,
            Verdict.NOT_CHECKABLE,
            f"{claim.text} says how many times one figure is another, which narrator does not "
            "check",
        )
    if claim.measure_head in (PART, GROUP) and claim.unit != "count":
        return ClaimVerdict(
            claim,
            Verdict.NOT_CHECKABLE,
            f"{claim.text} is of {claim.measure_head}, which narrator has no figures of",
        )
    if claim.measure_head is not None and claim.unit == "count":
        # "6 suspects", "half of all prompt incidents (86)": a count of something else.
        return ClaimVerdict(
            claim,
            Verdict.NOT_CHECKABLE,
            f"{claim.text} counts {claim.measure_head}, which narrator has no figures of",
        )
    return None


def _areas_listed(claim: Claim, value: float, listed: int) -> ClaimVerdict:
    """A count of areas ("three districts in particular are showing increases: ...")
    against the areas the sentence lists; each listed area's figure is a claim of its own."""
    if value == listed:
        return ClaimVerdict(
            claim, Verdict.SUPPORTED, f"{claim.text}: the sentence lists {listed} {claim.noun}"
        )
    return ClaimVerdict(
        claim,
        Verdict.CONTRADICTED,
        f"{claim.text} {claim.noun}, but the sentence lists {listed}",
        expected=str(listed),
    )


def _areas_at_level(claim: Claim, value: float, count: int) -> ClaimVerdict:
    """A count of every area of a level ("among the six districts") against how many the
    project has; a different count may be of those with figures, so it is not judged."""
    if value == count:
        return ClaimVerdict(
            claim, Verdict.SUPPORTED, f"{claim.text}: the project has {count} {claim.noun}"
        )
    return ClaimVerdict(
        claim,
        Verdict.NOT_CHECKABLE,
        f"{claim.text} {claim.noun}: the project has {count}, perhaps not all with figures",
    )


def _control_limit(claim: Claim, facts: FactSet, value: float) -> ClaimVerdict:
    """A line of the measure's control chart ("above the upper control limit (245)"),
    held to the XmR fact of its month."""
    assert claim.measure is not None and claim.statistic is not None
    fact = facts.get("xmr.signal", claim.measure, claim.area) if claim.area else None
    line = fact.statistic.get(claim.statistic.split()[0]) if fact is not None else None
    if fact is None or line is None:
        return ClaimVerdict(
            claim, Verdict.NOT_CHECKABLE, f"no control chart of {claim.measure} in the figures"
        )
    if abs(line - value) <= tolerance(claim):
        return ClaimVerdict(
            claim,
            Verdict.SUPPORTED,
            f"{claim.text} agrees with the {claim.statistic} of the figures",
            evidence=(fact.id,),
        )
    expected = figure_text(line, claim, fact.unit)
    return ClaimVerdict(
        claim,
        Verdict.CONTRADICTED,
        f"{claim.text} does not match the figures: the {claim.statistic} is {expected}",
        evidence=(fact.id,),
        expected=expected,
    )


def _held_to_period(
    claim: Claim,
    facts: FactSet,
    levels: Levels | None,
    stated: float,
    value: float,
    matched: list[tuple[Fact, frozenset[str | None]]],
    unit: str,
) -> ClaimVerdict | None:
    """A level against the figure of the period the text names (``stated``)."""
    if abs(stated - value) <= tolerance(claim):
        return ClaimVerdict(
            claim,
            Verdict.SUPPORTED,
            f"{claim.text} agrees with the figures for {claim.period}",
            evidence=figures_cell(claim),
        )
    alternative = alternative_measure(claim, facts, value, levels)
    if alternative is not None:
        return alternative
    if not any(claim.period in periods for _, periods in matched):
        expected = figure_text(stated, claim, unit)
        message = f"{claim.text} does not match the figures: {expected} for {claim.period}"
        other = sorted(str(p) for _, periods in matched for p in periods if p is not None)
        window = window_of(claim.period)
        same = [p for p in other if window_of(p) == window]
        if other and not same and another_window(claim, other, unit):
            # The figure of another kind of window only ("14 this month and 118 over the
            # year", 118 the year's total): the reader more often gave the figure the wrong
            # window than the writer did, so it is a warning, not an error.
            return ClaimVerdict(
                claim,
                Verdict.AMBIGUOUS,
                f"{message}, but {claim.text} is the figure for {other[0]}: "
                "the text may mean that period",
                evidence=figures_cell(claim),
                expected=f"{expected} ({claim.period})",
                readings=tuple(other[:5]),
            )
        if other and (not same or stale(claim, same)):
            # The figure of the period before (last month's: out of date), or the rate of
            # another window: a figure of the wrong period, however far off. Any other
            # period's figure is judged as any wrong figure is, by how near it is.
            return ClaimVerdict(
                claim,
                Verdict.CONTRADICTED,
                f"{message} ({claim.text} is the figure for {(same or other)[0]})",
                evidence=figures_cell(claim),
                expected=f"{expected} ({claim.period})",
            )
        return unless_far(
            claim, value, stated, message, figures_cell(claim), f"{expected} ({claim.period})"
        )
    return None


def _named_change(
    claim: Claim, found: Sequence[Fact], levels: Levels | None, month: str
) -> ClaimVerdict | None:
    """A change against a period the text names ("8% lower than the start of September")
    that no matching fact is measured from: measured in the figures instead."""
    if levels is None or claim.role != "change" or claim.reference_period is None:
        return None
    if claim.measure is None or claim.area is None:
        return None
    said = month_of(claim.reference_period) or claim.reference_period
    if any((month_of(f.reference_period) or f.reference_period) == said for f in found):
        return None
    measured = measured_change(claim, levels, month)
    if measured is None:
        return None
    value = figure_value(claim)
    assert value is not None
    if any(abs(x - value) <= tolerance(claim) for x, _ in numbers_of(measured, claim.unit)):
        return ClaimVerdict(
            claim,
            Verdict.SUPPORTED,
            f"{claim.text} agrees with the figures against {claim.reference_period}",
            evidence=(measured.id,),
        )
    if claim.unit == "percent" and measured.change_pct is not None:
        right = measured.change_pct
        expected = f"{right:+.{claim.decimals or 0}f}%"
    else:
        right = measured.change or 0.0
        expected = figure_text(right, claim, measured.unit)
    return unless_far(
        claim,
        value,
        right,
        f"{claim.text} does not match the figures: {expected} against {claim.reference_period}",
        (measured.id,),
        expected,
    )


def change_sign(claim: Claim, verdict: ClaimVerdict, facts: FactSet) -> ClaimVerdict | None:
    """ "up 1.0% year on year": the changes that give the figure must go the way it says."""
    if claim.direction not in ("up", "down"):
        return None
    changes = [
        facts[i]
        for i in verdict.evidence
        if i in facts and facts[i].kind.startswith("change.") and facts[i].change
    ]
    if not changes or any(f.direction == claim.direction for f in changes):
        return None
    went = changes[0].direction
    return ClaimVerdict(
        claim,
        Verdict.CONTRADICTED,
        f"{claim.text} is a change {went} in the figures ({changes[0].kind}), "
        f"not {claim.direction}",
        evidence=tuple(f.id for f in changes),
        expected=str(went),
    )


def level_period(claim: Claim, facts: FactSet) -> str | None:
    """The one period a figure is the level of ("to 894": the month), if only one fits."""
    value = figure_value(claim)
    if value is None or claim.measure is None or claim.area is None:
        return None
    matched = matched_in(claim, facts, claim.measure, value)
    periods = {f.period for f, _ in matched if f.kind in ("level", "level.rolling")}
    return periods.pop() if len(periods) == 1 else None


def figure_text(value: float, claim: Claim, unit: str) -> str:
    """A value as the claim prints it (its decimals, a per cent sign for a rate)."""
    decimals = claim.decimals if claim.decimals is not None else (1 if unit == "percent" else 0)
    return f"{value:,.{decimals}f}{'%' if unit == 'percent' else ''}"


def quoted_value(fact: Fact, claim: Claim) -> float:
    """The figure a fact gives for a claim, as :func:`quote` words it."""
    if claim.unit == "percent" and fact.unit != "percent" and fact.change_pct is not None:
        return fact.change_pct
    if claim.role == "change" and fact.change is not None:
        return fact.change
    if claim.period is not None and fact.period != claim.period and fact.reference is not None:
        return fact.reference
    return fact.value


def quote(fact: Fact, claim: Claim) -> str:
    """The figure a fact gives for a claim, with its kind and period, as a message says it."""
    decimals = claim.decimals if claim.decimals is not None else 1
    if claim.unit == "percent" and fact.unit != "percent" and fact.change_pct is not None:
        return f"{fact.change_pct:+.{decimals}f}% ({fact.kind}, {fact.period})"
    suffix = "%" if fact.unit == "percent" else ""
    if claim.role == "change" and fact.change is not None:
        return f"{fact.change:+,.{decimals}f}{suffix} ({fact.kind}, {fact.period})"
    if claim.period is not None and fact.period != claim.period and fact.reference is not None:
        return f"{fact.reference:,.{decimals}f}{suffix} ({fact.kind}, {fact.reference_period})"
    return f"{fact.value:,.{decimals}f}{suffix} ({fact.kind}, {fact.period})"
