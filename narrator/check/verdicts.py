"""Verdicts: each claim of a paper against the facts of its month.

A claim is *supported* when a fact of its measure and area gives its figure (within the
rounding its printed precision allows) or its direction; *contradicted* when the fact that
reads it gives something else, with the figure the data gives; *ambiguous* when the text
does not say which measure and several readings fit; *not checkable* when no fact can read
it (no measure named, or a period without data).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from narrator.check.claims import Claim
from narrator.facts import Fact, FactSet

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
AMBIGUOUS = "ambiguous"
NOT_CHECKABLE = "not checkable"
VERDICTS = (SUPPORTED, CONTRADICTED, AMBIGUOUS, NOT_CHECKABLE)


@dataclass(frozen=True)
class Verdict:
    """A claim's verdict, with the facts that decided it and the figure the data gives."""

    claim: Claim
    verdict: str
    message: str
    evidence: tuple[str, ...] = ()
    expected: str | None = None
    readings: tuple[str, ...] = field(default=())

    @property
    def span(self) -> tuple[int, int]:
        """Where the claim is in the document text."""
        return self.claim.span

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "verdict": self.verdict,
            "message": self.message,
            "span": list(self.span),
            "text": self.claim.text,
            "sentence": self.claim.sentence,
            "section": self.claim.section,
            "evidence": list(self.evidence),
            "expected": self.expected,
            "readings": list(self.readings),
            "claim": self.claim.as_dict(),
        }


def tolerance(claim: Claim) -> float:
    """Half a unit of the last printed digit: "12.4%" holds for 12.35 to 12.45."""
    decimals = claim.decimals if claim.decimals is not None else 0
    return 0.5 * 10.0**-decimals + 1e-9


def judge(
    claims: Iterable[Claim], facts: FactSet, polarity: Mapping[str, str] | None = None
) -> list[Verdict]:
    """The verdict of every data claim (figures, directions, streaks, outliers).

    ``polarity`` (measure id to "up_good", "down_good" or "neutral") turns a judgement
    ("improved", "outperform") into the direction it means for the measure."""
    verdicts = []
    for claim in claims:
        if not claim.is_data:
            continue
        if claim.kind == "figure":
            verdict = _figure(claim, facts)
            if verdict.verdict == SUPPORTED and claim.direction in ("up", "down", "flat"):
                # "increased to 8.5%": the figure may be right and its direction wrong.
                moved = _direction(_judged(claim, polarity or {}), facts)
                if moved.verdict == CONTRADICTED:
                    verdict = moved
            verdicts.append(verdict)
        elif claim.kind == "direction":
            verdicts.append(_direction(_judged(claim, polarity or {}), facts))
        elif claim.kind == "streak":
            verdicts.append(_streak(claim, facts))
        elif claim.kind == "outlier":
            verdicts.append(_outlier(claim, facts))
    return verdicts


# --- figures --------------------------------------------------------------------------------


def _numbers(fact: Fact, unit: str | None) -> Iterator[float]:
    """Every figure a fact can be quoted as, in the claim's unit."""
    rate = fact.unit == "percent"
    if unit == "percent":
        if rate:
            yield from (x for x in (fact.value, fact.reference) if x is not None)
            if fact.change is not None:
                yield abs(fact.change)
        elif fact.change_pct is not None:
            yield abs(fact.change_pct)
        for part in fact.detail.get("parts", ()) or ():
            yield abs(float(part["change"]))
            yield float(part["value"])
        for child in fact.detail.get("children", ()) or ():
            if rate:
                yield float(child["value"])
            yield abs(float(child["change"]))
        return
    if unit in ("points",) and rate and fact.change is not None:
        yield abs(fact.change)
        return
    if rate:
        for key in ("numerator", "denominator"):
            if isinstance(fact.detail.get(key), int | float):
                yield float(fact.detail[key])
        return
    yield from (x for x in (fact.value, fact.reference) if x is not None)
    if fact.change is not None:
        yield abs(fact.change)
    for key, value in fact.detail.items():
        if key.isdigit() and isinstance(value, int | float):
            yield float(value)  # calendar-year totals
        if key in ("previous_length", "length", "since_value") and isinstance(value, int | float):
            yield float(value)


def _figure_value(claim: Claim) -> float | None:
    for value in (claim.value, claim.change_pct, claim.change):
        if value is not None:
            return abs(value)
    return None


def _primary(claim: Claim, facts: Sequence[Fact]) -> Fact | None:
    """The fact a figure most plausibly quotes: same period, level first."""
    order = (
        ["level.rolling", "level"]
        if str(claim.period).startswith("R12")
        else ["level", "level.rolling"]
    )
    if claim.comparison == "previous_year":
        order = ["change.rolling_year", "change.year", *order]
    elif claim.comparison == "previous_month":
        order = ["change.rolling_month", "change.month", *order]
    for kind in order:
        for fact in facts:
            if fact.kind == kind and (claim.period is None or fact.period == claim.period):
                return fact
    if claim.period is not None:
        # "compared to 58.6% for the 2016/17 financial year": a figure of the period a
        # change is measured from.
        for fact in facts:
            if fact.reference_period == claim.period and fact.reference is not None:
                return fact
    return None


def _matches(claim: Claim, facts: Iterable[Fact], value: float) -> list[Fact]:
    tol = tolerance(claim)
    return [f for f in facts if any(abs(x - value) <= tol for x in _numbers(f, claim.unit))]


def _figure(claim: Claim, facts: FactSet) -> Verdict:
    value = _figure_value(claim)
    if value is None:
        return Verdict(claim, NOT_CHECKABLE, "no figure could be read")
    area = claim.area
    if claim.measure_head is not None and claim.unit == "count":
        # "6 suspects", "half of all prompt incidents (86)": a count of something else.
        return Verdict(
            claim,
            NOT_CHECKABLE,
            f"{claim.text} counts {claim.measure_head}, which narrator has no figures of",
        )
    if claim.period is None and claim.comparison is None:
        # "made nine arrests" on a day of action: no period in the sentence or its context,
        # so there is no figure to hold it to (a monthly total would be a false alarm).
        return Verdict(claim, NOT_CHECKABLE, f"{claim.text}: the text names no period")
    if claim.measure is None:
        pool = [f for f in facts if area is None or f.area == area]
        found = _matches(claim, pool, value)
        measures = sorted({f.measure for f in found})
        if len(measures) == 1:
            return Verdict(
                claim,
                SUPPORTED,
                f"{claim.text} matches {measures[0]} (the text names no measure)",
                evidence=tuple(sorted(f.id for f in found))[:5],
            )
        if measures:
            return Verdict(
                claim,
                AMBIGUOUS,
                f"{claim.text} fits {len(measures)} measures",
                readings=tuple(measures[:8]),
            )
        return Verdict(claim, NOT_CHECKABLE, "the sentence names no measure narrator knows")
    own = (
        facts.select(measure=claim.measure, area=area)
        if area
        else facts.select(measure=claim.measure)
    )
    found = _matches(claim, own, value)
    wrong_month = _wrong_month(claim, found)
    if wrong_month is not None:
        return wrong_month
    if found:
        ranked = sorted(found, key=lambda f: (f.period != claim.period, f.id))
        return Verdict(
            claim,
            SUPPORTED,
            f"{claim.text} agrees with the figures",
            evidence=tuple(f.id for f in ranked[:3]),
        )
    for other in claim.measure_alternatives:
        # The measure was carried from the previous sentence; the heading's may be meant.
        pool = facts.select(measure=other, area=area) if area else facts.select(measure=other)
        found = _matches(claim, pool, value)
        if found:
            return Verdict(
                claim,
                SUPPORTED,
                f"{claim.text} agrees with the figures of {other}",
                evidence=tuple(f.id for f in found[:3]),
            )
    primary = _primary(claim, own)
    if primary is None:
        return Verdict(
            claim,
            NOT_CHECKABLE,
            f"no figure of {claim.measure} for {area} in {claim.period} to compare with",
        )
    expected = _quote(primary, claim)
    return Verdict(
        claim,
        CONTRADICTED,
        f"{claim.text} does not match the figures: {expected}",
        evidence=(primary.id,),
        expected=expected,
    )


def _month_of(period: str | None) -> str | None:
    """The month a dated period ends in ("R12:2019-10" -> "2019-10"), else None."""
    if period is None:
        return None
    found = _DATED.fullmatch(period)
    return found.group(1) if found else None


_DATED = re.compile(r"(?:[A-Z0-9]+:)?(\d{4}-\d{2})")


def _wrong_month(claim: Claim, found: Sequence[Fact]) -> Verdict | None:
    """A figure or direction said of a month ("in September") the facts that give it are
    not of: the month is wrong."""
    month = _month_of(claim.period)
    if not found or month is None or claim.period_text is None or claim.role == "reference":
        return None
    months = {_month_of(f.period) for f in found} | {_month_of(f.reference_period) for f in found}
    latest = max((m for m in months if m), default=None)
    if month in months or claim.tense == "future" or (latest is not None and month > latest):
        return None  # a month to come is a plan or a target, not a figure
    fact = found[0]
    expected = _month_of(fact.period) or fact.period
    return Verdict(
        claim,
        CONTRADICTED,
        f"the figures give '{claim.text}' for {expected}, not {month}",
        evidence=tuple(f.id for f in found[:3]),
        expected=expected,
    )


def _quote(fact: Fact, claim: Claim) -> str:
    decimals = claim.decimals if claim.decimals is not None else 1
    if claim.unit == "percent" and fact.unit != "percent" and fact.change_pct is not None:
        return f"{fact.change_pct:+.{decimals}f}% ({fact.kind}, {fact.period})"
    suffix = "%" if fact.unit == "percent" else ""
    if claim.period is not None and fact.period != claim.period and fact.reference is not None:
        return f"{fact.reference:,.{decimals}f}{suffix} ({fact.kind}, {fact.reference_period})"
    return f"{fact.value:,.{decimals}f}{suffix} ({fact.kind}, {fact.period})"


# --- directions ---------------------------------------------------------------------------


def _direction_fact(claim: Claim, facts: FactSet) -> list[Fact]:
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
    if comparison == "trend":
        fact = get("trend.long_term", measure, area)
        return [fact] if fact else []
    return []


def _judged(claim: Claim, polarity: Mapping[str, str]) -> Claim:
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


def _between(claim: Claim, facts: FactSet) -> Verdict | None:
    """A direction against another area or another measure: the two levels compared."""
    assert claim.measure is not None and claim.area is not None
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
        return Verdict(claim, SUPPORTED, f"'{claim.text}' agrees with the figures", evidence=ids)
    detail = f"{own.value:g} against {other.value:g}"
    return Verdict(
        claim,
        CONTRADICTED,
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
        return fact.significant is False or fact.direction == "flat"
    if wanted in ("up", "down"):
        return fact.direction == wanted
    return True


def _other_readings(claim: Claim) -> tuple[str, ...]:
    """Other facts a direction may be read against when the text leaves it open.

    Nothing says what the change is against: the month, the rolling year against the
    previous month (how rates move) or against a year ago (how area summaries are written).
    A comparison without a period of its own ("up on last month") may be of the month or of
    the rolling year."""
    if claim.comparison is None:
        return ("change.month", "change.rolling_month", "change.rolling_year")
    if claim.period_text is None:
        if claim.comparison == "previous_month":
            return ("change.month", "change.rolling_month")
        if claim.comparison == "previous_year":
            return ("change.rolling_year",)
    return ()


def _direction(claim: Claim, facts: FactSet) -> Verdict:
    if claim.direction not in ("up", "down", "flat"):
        return Verdict(claim, NOT_CHECKABLE, "no direction could be read")
    if claim.measure is None:
        return Verdict(claim, NOT_CHECKABLE, "the sentence names no measure narrator knows")
    if claim.area is not None and claim.comparison in ("area", "measure"):
        between = _between(claim, facts)
        if between is not None:
            return between
    readings = _direction_fact(claim, facts)
    if not readings:
        return Verdict(
            claim,
            NOT_CHECKABLE,
            f"no comparison of {claim.measure} for {claim.area} with that period in the figures",
        )
    wrong_month = _wrong_month(claim, readings)
    if wrong_month is not None:
        return wrong_month
    wrong = [f for f in readings if not _agrees(claim, f)]
    if wrong and claim.area is not None:
        for kind in _other_readings(claim):
            other = facts.get(kind, claim.measure, claim.area)
            if other is not None and _agrees(claim, other):
                readings, wrong = [other], []
                break
    if wrong:
        for other_measure in claim.measure_alternatives:
            # The measure was carried from the previous sentence; an earlier one may be meant.
            other_claim = replace(claim, measure=other_measure, measure_alternatives=())
            alternative = _direction(other_claim, facts)
            if alternative.verdict == SUPPORTED:
                return replace(alternative, claim=claim)
    ids = tuple(f.id for f in readings)
    if not wrong:
        return Verdict(claim, SUPPORTED, f"'{claim.text}' agrees with the figures", evidence=ids)
    fact = wrong[0]
    detail = f"{fact.kind} gives {fact.direction}"
    if fact.significant is not None:
        detail += " (significant)" if fact.significant else " (not significant)"
    return Verdict(
        claim,
        CONTRADICTED,
        f"'{claim.text}' does not match the figures: {detail}",
        evidence=ids,
        expected=detail,
    )


# --- streaks and outliers -----------------------------------------------------------------


def _streak(claim: Claim, facts: FactSet) -> Verdict:
    if claim.measure is None or claim.area is None:
        return Verdict(claim, NOT_CHECKABLE, "the sentence names no measure narrator knows")
    if claim.occurrence is not None:
        fact = facts.get(f"benchmark.{claim.comparison or 'year_end'}", claim.measure, claim.area)
        if fact is None:
            return Verdict(claim, NOT_CHECKABLE, "no benchmark fact for this measure")
        times = fact.detail.get("times_this_fy")
        verdict = SUPPORTED if times == claim.occurrence else CONTRADICTED
        return Verdict(
            claim,
            verdict,
            f"times this financial year: the figures give {times}",
            evidence=(fact.id,),
            expected=str(times),
        )
    if claim.months_of is not None:
        fact = facts.get("count.above_previous_years", claim.measure, claim.area)
        if fact is None:
            return Verdict(claim, NOT_CHECKABLE, "no count of months for this measure")
        count = fact.value if claim.direction != "down" else fact.detail.get("below")
        verdict = SUPPORTED if count == claim.months_of[0] else CONTRADICTED
        return Verdict(
            claim,
            verdict,
            f"months: the figures give {count:g} of 12",
            evidence=(fact.id,),
            expected=f"{count:g}",
        )
    rolling = str(claim.period).startswith("R12")
    fact = facts.get("streak.rolling" if rolling else "streak.month", claim.measure, claim.area)
    if fact is None:
        return Verdict(claim, NOT_CHECKABLE, "no run of months for this measure")
    detail = fact.detail
    lengths = {detail.get("length"), detail.get("previous_length")}
    if claim.streak is not None and claim.streak not in lengths:
        expected = (
            f"{detail.get('previous_length') if detail.get('broken') else detail.get('length')}"
        )
        return Verdict(
            claim,
            CONTRADICTED,
            f"the run of months is {expected}, not {claim.streak}",
            evidence=(fact.id,),
            expected=expected,
        )
    if claim.since is not None and detail.get("since") != claim.since:
        return Verdict(
            claim,
            CONTRADICTED,
            f"the run began after {detail.get('since')}, not {claim.since}",
            evidence=(fact.id,),
            expected=str(detail.get("since")),
        )
    return Verdict(claim, SUPPORTED, "the run of months agrees with the figures", (fact.id,))


def _outlier(claim: Claim, facts: FactSet) -> Verdict:
    if claim.measure is None or claim.area is None:
        return Verdict(claim, NOT_CHECKABLE, "the sentence names no measure or area")
    flagged = [
        f
        for f in facts.select(kind="area.outlier", measure=claim.measure, area=claim.area)
        if f.significant
    ]
    if flagged:
        return Verdict(
            claim,
            SUPPORTED,
            f"{claim.area} stands out among its peers",
            tuple(f.id for f in flagged),
        )
    # "offence levels in Peterborough stand out as being high": said of an area whose own
    # change is a real one (significant, in the direction said if any), it holds too.
    changes = _direction_fact(claim, facts) if claim.comparison else []
    if not changes:
        monthly = facts.get("change.month", claim.measure, claim.area)
        changes = [monthly] if monthly else []
    real = [
        f
        for f in changes
        if f.significant
        and (claim.direction not in ("up", "down") or f.direction == claim.direction)
    ]
    if real:
        return Verdict(
            claim,
            SUPPORTED,
            f"{claim.area} stands out: {real[0].kind} is a significant {real[0].direction}",
            tuple(f.id for f in real),
        )
    return Verdict(
        claim,
        CONTRADICTED,
        f"{claim.area} is not an outlier among its peers on this measure",
        expected="no outlier",
    )
