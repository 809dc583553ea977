"""Verdicts on directions: "fell", "higher than September", "improved", "above the upper
control limit" against the facts that compare what the text compares."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from narrator import months
from narrator.check.claims.earlier import shifted as year_back
from narrator.check.claims.grammar import CONTINUES
from narrator.check.claims.model import Claim
from narrator.check.findings import Verdict
from narrator.check.verdicts.compared import held_to_sentence
from narrator.check.verdicts.levels import Levels
from narrator.check.verdicts.measured import measured_change
from narrator.check.verdicts.model import ClaimVerdict, tolerance
from narrator.check.verdicts.months import MONTH_NAMED, month_of, step_back, wrong_month
from narrator.facts import Fact, FactSet

#: "above the upper control limit", "below the average": the XmR chart's lines.
_CONTROL = re.compile(
    r"\s+(?:both\s+)?(?:the\s+)?(?:(upper|lower)\s+(?:control\s+|process\s+)?limit|(average|mean|centre\s+line))",
    re.IGNORECASE,
)


def against_control(claim: Claim, facts: FactSet) -> ClaimVerdict | None:
    """A month above or below a line of its control chart, held to the XmR fact."""
    # The lexicon names the comparison ("control_limit") or the words after say it.
    if claim.comparison not in (None, "control_limit") or claim.direction not in ("up", "down"):
        return None
    if claim.measure is None or claim.area is None:
        return None
    at = claim.span[1] - claim.sentence_span[0]
    found = _CONTROL.match(claim.sentence, at)
    if found is None:
        return None
    fact = facts.get("xmr.signal", claim.measure, claim.area)
    if fact is None or fact.reference is None:
        return None
    line = fact.reference if found.group(2) else fact.statistic.get(found.group(1).lower())
    if line is None:
        return None
    went = "up" if fact.value > line else "down" if fact.value < line else "flat"
    if went == claim.direction:
        return ClaimVerdict(
            claim, Verdict.SUPPORTED, f"'{claim.text}' agrees with the figures", (fact.id,)
        )
    detail = f"{fact.value:g} against {line:g}"
    return ClaimVerdict(
        claim,
        Verdict.CONTRADICTED,
        f"'{claim.text}' does not match the figures: {detail}",
        evidence=(fact.id,),
        expected=detail,
    )


#: A change this small (in percent) is "the same" / "almost identical" to a reader.
FLAT_PERCENT = 1.0


def direction_facts(claim: Claim, facts: FactSet) -> list[Fact]:
    """The facts that compare what a direction claim compares, by its comparison."""
    measure, area = claim.measure, claim.area
    if measure is None or area is None:
        return []
    rolling = str(claim.period).startswith("R12")
    get = facts.get
    comparison = claim.comparison
    if str(claim.period).startswith("CY:") and comparison in (None, "previous_years", "period"):
        # "higher levels in 2019 (to 1st November) than in any of the last 5 years"
        calendar = get("calendar.year_to_date", measure, area)
        if calendar is not None:
            return [calendar]
    snapshots = _snapshot_change(claim, facts)
    if snapshots:
        return snapshots
    if str(claim.period).startswith("FY:") and comparison in (
        None,
        "previous_year",
        "financial_year",
    ):
        return _financial_year_change(claim, facts)
    # "with theft volumes down on August 2017" after a sentence on the year to date: a month
    # compared with a month is the month's change, whatever period the context carried.
    of_month = re.fullmatch(r"\d{4}-\d{2}", str(claim.reference_period)) is not None
    if (
        str(claim.period).startswith("YTD:")
        and comparison in (None, "previous_year")
        and not of_month
    ):
        # "the financial year to date ..., lower than the same period last year"
        fact = get("change.year_to_date", measure, area)
        return [fact] if fact else []
    if comparison == "previous_month" or comparison is None:
        fact = get("change.rolling_month" if rolling else "change.month", measure, area)
        return [fact] if fact else []
    if comparison == "previous_year":
        if rolling:
            fact = get("change.rolling_year", measure, area)
            return [fact] if fact else []
        return [f for f in facts.all("change.year", measure, area) if f.detail.get("years") == 1]
    if comparison == "previous_years":
        return facts.all("change.year", measure, area)
    if comparison in ("year_end", "long_term"):
        fact = get(f"benchmark.{comparison}", measure, area)
        return [fact] if fact else []
    if comparison == "financial_year":
        fact = get("change.financial_year", measure, area)
        return [fact] if fact else []
    if comparison == "average":
        return facts.all("change.average", measure, area)
    if comparison == "xmr":
        fact = get("xmr.signal", measure, area)
        return [fact] if fact else []
    if comparison == "trend":
        fact = get("trend.long_term", measure, area)
        return [fact] if fact else []
    return []


#: Words that place a figure against another rather than say how it changed.
_POSITION = re.compile(
    r"above|below|higher|lower|more|fewer|less|greater|ahead|behind|under|over", re.IGNORECASE
)


def _financial_year_change(claim: Claim, facts: FactSet) -> list[Fact]:
    """ "In 2019/20 the find rate was 31.5%, down from 35.3%": a whole financial year is
    compared with the year before, which the figures measure only when the reporting month
    ends that year (its year to date is then the whole year); a month's change never
    stands for it."""
    assert claim.measure is not None and claim.area is not None
    if claim.comparison is None and _POSITION.fullmatch(claim.text.strip()):
        # "it remains above the 549 recorded in 2015/16": above what the sentence names,
        # which was not read; not the year before.
        return []
    fact = facts.get("change.year_to_date", claim.measure, claim.area)
    first = int(str(claim.period)[3:]) * 12 + months.FY_START_MONTH - 1
    year_end = first + 11
    if fact is None or fact.period != f"YTD:{months.iso(year_end)}":
        return []
    return [fact]


def _snapshot_change(claim: Claim, facts: FactSet) -> list[Fact]:
    """For a measure counted at dates ("stood at 324 at the start of May"), the change
    between the snapshot the claim names (else the latest) and the one before it."""
    assert claim.measure is not None and claim.area is not None
    found = facts.all("snapshot.change", claim.measure, claim.area)
    if not found or (
        not str(claim.period).startswith("D:")
        and facts.get("change.month", claim.measure, claim.area)
    ):
        return []
    dated = [f for f in found if f.period == claim.period] or [
        f for f in found if f.period == max(g.period for g in found)
    ]
    return dated[:1]


def judged(claim: Claim, polarity: Mapping[str, str]) -> Claim:
    """A judgement ("improved") as the direction it means for the claim's measure."""
    if claim.direction is not None or claim.judgement not in ("better", "worse"):
        return claim
    good = {"up_good": "up", "down_good": "down"}.get(polarity.get(claim.measure or "", ""))
    if good is None:
        return claim
    bad = "down" if good == "up" else "up"
    return replace(claim, direction=good if claim.judgement == "better" else bad)


def _level(facts: FactSet, measure: str, area: str, period: str | None) -> Fact | None:
    """The level of a measure in an area for the claim's period (the rolling year for R12)."""
    rolling = str(period).startswith("R12")
    fact = facts.get("level.rolling" if rolling else "level", measure, area)
    if fact is not None and (period is None or fact.period == period):
        return fact
    return None


def _between(claim: Claim, facts: FactSet) -> ClaimVerdict | None:
    """A direction against another area or another measure: the two levels compared."""
    assert claim.measure is not None and claim.area is not None
    if claim.role == "change":
        # "up 6.2%, against 3.3% for Coastal": two changes compared, not two levels.
        return None
    if (
        claim.comparison == "area"
        and claim.reference_area == claim.area
        and claim.area.lower() not in (claim.area_text or "").lower()
    ):
        # "the force ... so we grew faster than Northshire": a pointer read as the area it
        # is compared with (an area named twice, "North outperforms North", is compared)
        return None
    if claim.comparison == "area" and claim.reference_area:
        other = _level(facts, claim.measure, claim.reference_area, claim.period)
    elif claim.comparison == "measure" and claim.reference_measure:
        other = _level(facts, claim.reference_measure, claim.area, claim.period)
    else:
        return None
    own = _level(facts, claim.measure, claim.area, claim.period)
    if own is None or other is None or own.value is None or other.value is None:
        return None
    gap = own.value - other.value
    actual = (
        "flat"
        if abs(gap) < 0.05 * max(abs(other.value), 1e-9) * 0.2
        else ("up" if gap > 0 else "down")
    )
    ids = (own.id, other.id)
    if claim.direction == "flat":
        ok = abs(gap) <= 0.05 * max(abs(other.value), 1e-9)
    else:
        ok = actual == claim.direction
    if ok:
        return ClaimVerdict(
            claim, Verdict.SUPPORTED, f"'{claim.text}' agrees with the figures", evidence=ids
        )
    detail = f"{own.value:g} against {other.value:g}"
    return ClaimVerdict(
        claim,
        Verdict.CONTRADICTED,
        f"'{claim.text}' does not match the figures: {detail}",
        evidence=ids,
        expected=detail,
    )


def _agrees(claim: Claim, fact: Fact) -> bool:
    wanted = claim.direction
    if fact.kind.startswith("benchmark."):
        # "significantly higher than the benchmark": the test must say so; "in line" must not.
        if wanted not in ("up", "down"):
            return not fact.significant
        if fact.direction == wanted:
            return True
        # "improvements on the year end position": a change not said to be significant.
        return (
            claim.significant is not True
            and fact.change is not None
            and (fact.change > 0) == (wanted == "up")
            and fact.change != 0
        )
    if wanted == "flat":
        # "almost identical": the writer's threshold is its lexicon's; within a percent
        # reads as the same figure whatever the lexicon says.
        close = fact.change_pct is not None and abs(fact.change_pct) < FLAT_PERCENT
        return fact.significant is False or fact.direction == "flat" or close
    if wanted in ("up", "down"):
        if fact.direction == "flat" and _LITERAL.fullmatch(claim.text.strip()):
            # "two offences above last June": a plain comparison of two figures holds
            # when they differ that way, however small the change.
            return (
                fact.change is not None
                and fact.change != 0
                and (fact.change > 0) == (wanted == "up")
            )
        return fact.direction == wanted
    return True


#: Words that compare two figures as they stand, not say a change is a rise or a fall.
_LITERAL = re.compile(r"above|below|higher|lower|more|fewer|less", re.IGNORECASE)


#: A month named alone ("in June", "October 2019"), not a rolling year to it.
_MONTH_NAME = re.compile(rf"(?:in\s+)?{MONTH_NAMED}", re.IGNORECASE)


def _continues(claim: Claim) -> bool:
    """ "continued to decrease", "another slight decrease": the month's change, as before."""
    at = claim.span[0] - claim.sentence_span[0]
    return CONTINUES.search(claim.sentence[max(0, at - 30) : at]) is not None


def _other_readings(claim: Claim) -> tuple[str, ...]:
    """Other facts a direction may be read against when the text leaves it open.

    Nothing says what the change is against: the month, the rolling year against the
    previous month (how rates move) or against a year ago (how area summaries are written).
    A comparison without a period of its own ("up on last month") may be of the month or of
    the rolling year."""
    period = str(claim.period)
    if period.startswith(("CY:", "FY:")) or ".." in period:
        # a calendar or financial year is compared as its own fact says; a run of months
        # ("between January and September") has no month's change to stand for it
        return ()
    if claim.comparison is None and _continues(claim):
        return ()
    if claim.comparison is None:
        if claim.period_text is not None and _MONTH_NAME.fullmatch(claim.period_text.strip()):
            return ()  # "a decrease in June": the change of that month
        if period.startswith("R12") and claim.period_text is not None:
            # "the 12 month rate ... increased": the rolling year, against last month or
            # last year, never the month alone.
            return ("change.rolling_month", "change.rolling_year")
        if claim.period_text is None:
            # Neither a period nor a comparison: any of the usual comparisons may be meant,
            # the year's and the year to date's too ("Saltby's increase in assaults").
            return (
                "change.month",
                "change.rolling_month",
                "change.rolling_year",
                "change.year",
                "change.year_to_date",
            )
        return ("change.month", "change.rolling_month", "change.rolling_year")
    if claim.period_text is None:
        if claim.comparison == "previous_month":
            # "Month on month, thefts fell": the month. A rolling period may be carried over
            # from the sentence before, so then either may be meant.
            return ("change.month", "change.rolling_month") if period.startswith("R12") else ()
        if claim.comparison == "previous_year":
            return ("change.rolling_year",)
    return ()


def _started_from(
    claim: Claim, facts: FactSet, readings: list[Fact], wrong: list[Fact]
) -> tuple[list[Fact], list[Fact]]:
    """ "dropped from 70 to 56": the readings and the wrong ones, held to the comparison that
    starts from the figure quoted, when there is one."""
    assert claim.reference is not None
    started = _starting_from(claim, facts, claim.reference)
    if started is None:
        return readings, wrong
    return [started], ([] if _agrees(claim, started) else [started])


def _starting_from(claim: Claim, facts: FactSet, reference: float) -> Fact | None:
    """The change of the claim's measure and area that starts from ``reference``."""
    assert claim.measure is not None
    for kind in _STARTS:
        for fact in facts.select(kind=kind, measure=claim.measure, area=claim.area):
            if fact.reference is not None and (
                abs(abs(fact.reference) - abs(reference)) <= tolerance(claim)
            ):
                return fact
    return None


#: The changes a figure may have changed from, the month's first.
_STARTS = ("change.month", "change.year", "change.rolling_month", "change.rolling_year")


def _no_direction(claim: Claim) -> ClaimVerdict:
    """A claim whose words give no direction; a judgement on a measure the catalogue
    calls neutral ("domestic abuse improved") says so."""
    if claim.judgement in ("better", "worse") and claim.measure is not None:
        return ClaimVerdict(
            claim,
            Verdict.NOT_CHECKABLE,
            f"{claim.text!r}: {claim.measure} has no better direction in the catalogue",
        )
    return ClaimVerdict(claim, Verdict.NOT_CHECKABLE, "no direction could be read")


def _run_on_year_before(claim: Claim, levels: Levels | None) -> Claim:
    """ "358 between January and September, 13 more than in the same months of 2018, an
    increase": a run of months changes against the same months a year before."""
    period = claim.period
    if (
        period is None
        or ".." not in period
        or claim.reference_period is not None
        or claim.comparison not in (None, "previous_year")
        or levels is None
    ):
        return claim
    return replace(claim, reference_period=year_back(period, 12))


def direction_verdict(claim: Claim, facts: FactSet, levels: Levels | None = None) -> ClaimVerdict:
    """A direction against the facts that compare what the text compares; failing those,
    against the figures of the periods it names."""
    if claim.direction not in ("up", "down", "flat"):
        return _no_direction(claim)
    claim = _run_on_year_before(claim, levels)
    if claim.measure is None:
        return ClaimVerdict(
            claim, Verdict.NOT_CHECKABLE, "the sentence names no measure narrator knows"
        )
    if claim.area is not None and claim.comparison in ("area", "measure"):
        between = _between(claim, facts)
        if between is not None:
            return between
    readings = direction_facts(claim, facts)
    control = against_control(claim, facts)
    if control is not None:
        return control
    if levels is not None and claim.reference_period is not None:
        # "lower than the February 2017 figure": held to that month, whatever the facts
        # compare with.
        said = month_of(claim.reference_period) or claim.reference_period
        if not any((month_of(f.reference_period) or f.reference_period) == said for f in readings):
            measured = measured_change(claim, levels, facts.month)
            if measured is not None:
                readings = [measured]
    if not readings:
        return ClaimVerdict(
            claim,
            Verdict.NOT_CHECKABLE,
            f"no comparison of {claim.measure} for {claim.area} with that period in the figures",
        )
    misdated = wrong_month(claim, readings, [f.period for f in readings])
    if misdated is not None:
        # "In September the rate continued to decrease": the change of the month named,
        # measured in the figures, if they have it; else the month is wrong.
        shifted = step_back(claim.period, claim.comparison) if levels is not None else None
        measured = (
            measured_change(replace(claim, reference_period=shifted), levels, facts.month)
            if shifted is not None and levels is not None and claim.area is not None
            else None
        )
        if measured is None:
            return misdated
        readings = [measured]
    wrong = [f for f in readings if not _agrees(claim, f)]
    if wrong and claim.area is not None and claim.reference is not None:
        readings, wrong = _started_from(claim, facts, readings, wrong)
    if wrong and claim.area is not None:
        for kind in _other_readings(claim):
            other = facts.get(kind, claim.measure, claim.area)
            if other is not None and _agrees(claim, other):
                readings, wrong = [other], []
                break
    # A judgement ("deteriorations") was turned into a direction by its measure's polarity;
    # another measure, with a polarity of its own, would turn it the other way.
    if wrong and claim.judgement is None:
        for other_measure in claim.measure_alternatives:
            # The measure was carried from the previous sentence; an earlier one may be meant.
            other_claim = replace(claim, measure=other_measure, measure_alternatives=())
            alternative = direction_verdict(other_claim, facts, levels)
            if alternative.verdict == Verdict.SUPPORTED:
                return replace(alternative, claim=claim)
    ids = tuple(f.id for f in readings)
    if not wrong:
        return ClaimVerdict(
            claim, Verdict.SUPPORTED, f"'{claim.text}' agrees with the figures", evidence=ids
        )
    return held_to_sentence(claim) or _contradicted(claim, wrong[0], ids)


def _contradicted(claim: Claim, fact: Fact, ids: tuple[str, ...]) -> ClaimVerdict:
    """A direction the fact ``fact`` goes against."""
    detail = f"{fact.kind} gives {fact.direction}"
    if fact.significant is not None:
        detail += " (significant)" if fact.significant else " (not significant)"
    return ClaimVerdict(
        claim,
        Verdict.CONTRADICTED,
        f"'{claim.text}' does not match the figures: {detail}",
        evidence=ids,
        expected=detail,
    )
