"""Verdicts: each claim of a paper against the facts of its month.

A claim is *supported* when a fact of its measure and area gives its figure (within the
rounding its printed precision allows) or its direction; *contradicted* when the fact that
reads it gives something else, with the figure the data gives; *ambiguous* when the text
does not say which measure and several readings fit; *not checkable* when no fact can read
it (no measure named, or a period without data).
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from narrator import months
from narrator.check.claims import Claim
from narrator.check.levels import Levels
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
    claims: Iterable[Claim],
    facts: FactSet,
    polarity: Mapping[str, str] | None = None,
    levels: Levels | None = None,
) -> list[Verdict]:
    """The verdict of every data claim (figures, directions, streaks, outliers).

    ``polarity`` (measure id to "up_good", "down_good" or "neutral") turns a judgement
    ("improved", "outperform") into the direction it means for the measure. ``levels``
    reads the figures of periods no fact compares with ("lower than the February 2017
    figure"); without it such claims are not checkable."""
    verdicts = []
    claims = _shared_trends(list(claims))
    # What the changes of each sentence are measured against ("up on September 2018"): an
    # outlier said in the same sentence stands out on those changes.
    against: dict[tuple[int, int], set[str]] = {}
    moves: dict[tuple[int, int], set[str]] = {}
    for claim in claims:
        if claim.kind == "direction" and claim.reference_period:
            month = _month_of(claim.reference_period) or claim.reference_period
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
        if claim.kind == "figure":
            verdict = _figure(claim, facts, levels)
            if (
                verdict.verdict == SUPPORTED
                and claim.direction in ("up", "down", "flat")
                and claim.reference_cue is None
            ):
                # "increased to 6.2%": the figure may be right and its direction wrong; the
                # change is that of the period the figure is a level of.
                moving = _judged(claim, polarity or {})
                period = _level_period(claim, facts) if claim.role != "change" else None
                if period is not None:
                    moving = replace(
                        moving, period=period, period_text=claim.period_text or claim.text
                    )
                moved = _direction(moving, facts, levels)
                if moved.verdict != CONTRADICTED and claim.role == "change":
                    moved = _change_sign(claim, verdict, facts) or moved
                if moved.verdict == CONTRADICTED:
                    verdict = moved
            verdicts.append(verdict)
        elif claim.kind == "direction":
            verdicts.append(_direction(_judged(claim, polarity or {}), facts, levels))
        elif claim.kind == "streak":
            verdicts.append(_streak(claim, facts))
        elif claim.kind == "outlier":
            span = claim.sentence_span
            verdicts.append(
                _outlier(claim, facts, against.get(span, set()), moves.get(span, set()))
            )
    return verdicts


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


# --- figures --------------------------------------------------------------------------------


def _numbers(
    fact: Fact, unit: str | None, children: bool = True
) -> Iterator[tuple[float, str | None]]:
    """Every figure a fact can be quoted as, in the claim's unit, with the period it is of:
    a fact's reference value is a figure of its reference period, not of its own.
    ``children`` includes the figures of the areas below the fact's (an area variation)."""
    rate = fact.unit == "percent"
    own, before = fact.period, fact.reference_period
    if unit == "percent":
        if rate:
            yield fact.value, own
            if fact.reference is not None:
                yield fact.reference, before
            if fact.change is not None:
                yield abs(fact.change), own
        elif fact.change_pct is not None:
            yield abs(fact.change_pct), own
        for part in fact.detail.get("parts", ()) or ():
            yield abs(float(part["change"])), own
            yield float(part["value"]), own
        for child in (fact.detail.get("children", ()) or ()) if children else ():
            if rate:
                yield float(child["value"]), own
            yield abs(float(child["change"])), own
        return
    if unit in ("points",) and rate and fact.change is not None:
        yield abs(fact.change), own
        return
    if rate:
        for key in ("numerator", "denominator"):
            if isinstance(fact.detail.get(key), int | float):
                yield float(fact.detail[key]), own
        return
    yield fact.value, own
    if fact.reference is not None:
        yield fact.reference, before
    if fact.change is not None:
        yield abs(fact.change), own
    for key, value in fact.detail.items():
        if key.isdigit() and isinstance(value, int | float):
            yield float(value), f"CY:{key}"  # calendar-year totals
        if key in ("previous_length", "length", "since_value") and isinstance(value, int | float):
            yield float(value), own


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


#: Per fact set: every figure of a pool of facts (a measure and area) in a claim's unit,
#: sorted, so that a claim finds the facts that give its figure by bisection. A long paper
#: quotes thousands of figures against pools of hundreds of facts.
_POOLS: weakref.WeakKeyDictionary[FactSet, dict[tuple[Any, ...], _Pool]] = (
    weakref.WeakKeyDictionary()
)
_Pool = tuple[list[float], list[tuple[Fact, str | None]]]


def _pool(facts: FactSet, measure: str | None, area: str | None, unit: str | None) -> _Pool:
    pools = _POOLS.setdefault(facts, {})
    key = (measure, area, unit)
    found = pools.get(key)
    if found is None:
        if measure is None:
            members = list(facts) if area is None else facts.select(area=area)
        else:
            members = (
                facts.select(measure=measure, area=area) if area else facts.select(measure=measure)
            )
        # A figure said of an area is not one of the areas below it: with an area, the
        # children of its own facts are left out.
        children = area is None
        numbers = sorted(
            (
                (x, i, p)
                for i, f in enumerate(members)
                for x, p in _numbers(f, unit, children)
                if x == x
            ),
            key=lambda n: n[0],
        )
        found = ([n[0] for n in numbers], [(members[n[1]], n[2]) for n in numbers])
        pools[key] = found
    return found


def _matched_in(
    claim: Claim, facts: FactSet, measure: str | None, value: float
) -> list[tuple[Fact, frozenset[str | None]]]:
    """The facts of ``measure`` (any, if None) in the claim's area that give ``value``
    within the claim's rounding, each with the periods the matching figures are of."""
    xs, entries = _pool(facts, measure, claim.area, claim.unit)
    tol = tolerance(claim)
    periods: dict[str, tuple[Fact, set[str | None]]] = {}
    for fact, period in entries[
        bisect.bisect_left(xs, value - tol) : bisect.bisect_right(xs, value + tol)
    ]:
        periods.setdefault(fact.id, (fact, set()))[1].add(period)
    out = [(fact, frozenset(found)) for _, (fact, found) in sorted(periods.items())]
    return _rolling_changes_only(claim, out)


def _rolling_changes_only(
    claim: Claim, out: list[tuple[Fact, frozenset[str | None]]]
) -> list[tuple[Fact, frozenset[str | None]]]:
    if claim.role == "change" and "12 month" in (claim.period_text or "").lower():
        # "the 12 months to October saw a 1.2 point increase": a change of the rolling year,
        # not of the month against its average.
        return [(f, p) for f, p in out if f.period.startswith("R12:")]
    return out


def _figure(claim: Claim, facts: FactSet, levels: Levels | None = None) -> Verdict:
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
        found = [f for f, _ in _matched_in(claim, facts, None, value)]
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
    matched = _matched_in(claim, facts, claim.measure, value)
    found = [f for f, _ in matched]
    reference = _reference_figure(claim, facts, value)
    if reference is not None:
        return reference
    measured = _named_change(claim, found, levels, facts.month)
    if measured is not None:
        return measured
    stated = _stated_level(claim, own, levels)
    if stated is not None:
        # The text names the period of the figure: hold it to that period's figure.
        if abs(stated - value) <= tolerance(claim):
            return Verdict(
                claim,
                SUPPORTED,
                f"{claim.text} agrees with the figures for {claim.period}",
                evidence=_figures_cell(claim),
            )
        alternative = _alternative_measure(claim, facts, value, levels)
        if alternative is not None:
            return alternative
        if not any(claim.period in periods for _, periods in matched):
            expected = _figure_text(stated, claim, own[0].unit)
            return Verdict(
                claim,
                CONTRADICTED,
                f"{claim.text} does not match the figures: {expected} for {claim.period}",
                evidence=_figures_cell(claim),
                expected=f"{expected} ({claim.period})",
            )
    wrong_month = _wrong_month(claim, found, [p for _, periods in matched for p in periods])
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
    alternative = _alternative_measure(claim, facts, value, levels)
    if alternative is not None:
        return alternative
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


_REFERENCE_KINDS = {
    "benchmark": ("benchmark.long_term", "benchmark.year_end"),
    "average": ("change.average", "xmr.signal"),
    "median": ("area.outlier",),
    "expected": ("xmr.signal", "change.average"),
    "limit": ("xmr.signal",),
    "same months": ("change.year_to_date",),
    "same period": ("change.year_to_date",),
}


def _reference_figure(claim: Claim, facts: FactSet, value: float) -> Verdict | None:
    """A figure quoted as what the measure is compared with (a benchmark, an average, the
    peers' median, the same months a year before) or as a trend's size, held to the
    reference (or the slope) of the fact that makes that comparison; None when the words
    before the figure name no such comparison."""
    word = claim.reference_cue
    if claim.measure is None or word is None:
        return None
    tol = tolerance(claim)
    if word == "trend":
        for fact in facts.select(kind="trend.long_term", measure=claim.measure):
            sizes = (abs(fact.value) * 12, abs(fact.detail.get("percent_per_year") or 0.0))
            if any(abs(size - value) <= tol for size in sizes):
                return Verdict(
                    claim, SUPPORTED, f"{claim.text} is the trend's size a year", (fact.id,)
                )
        return None
    kinds = _REFERENCE_KINDS[word]
    candidates = [
        f
        for kind in kinds
        for f in (
            facts.select(kind=kind, measure=claim.measure)
            if kind == "area.outlier" or claim.area is None
            else facts.all(kind, claim.measure, claim.area)
        )
    ]
    for fact in candidates:
        lines = (fact.statistic.get("upper"), fact.statistic.get("lower"))
        quoted = lines if word == "limit" else (fact.reference,)
        if any(x is not None and abs(abs(x) - value) <= tol for x in quoted):
            return Verdict(
                claim,
                SUPPORTED,
                f"{claim.text} is the {word} {claim.measure} is compared with",
                evidence=(fact.id,),
            )
    return None


def _named_change(
    claim: Claim, found: Sequence[Fact], levels: Levels | None, month: str
) -> Verdict | None:
    """A change against a period the text names ("8% lower than the start of September")
    that no matching fact is measured from: measured in the figures instead."""
    if levels is None or claim.role != "change" or claim.reference_period is None:
        return None
    if claim.measure is None or claim.area is None:
        return None
    said = _month_of(claim.reference_period) or claim.reference_period
    if any((_month_of(f.reference_period) or f.reference_period) == said for f in found):
        return None
    measured = _measured_change(claim, levels, month)
    if measured is None:
        return None
    value = _figure_value(claim)
    assert value is not None
    if any(abs(x - value) <= tolerance(claim) for x, _ in _numbers(measured, claim.unit)):
        return Verdict(
            claim,
            SUPPORTED,
            f"{claim.text} agrees with the figures against {claim.reference_period}",
            evidence=(measured.id,),
        )
    if claim.unit == "percent" and measured.change_pct is not None:
        expected = f"{measured.change_pct:+.{claim.decimals or 0}f}%"
    else:
        expected = _figure_text(measured.change or 0.0, claim, measured.unit)
    return Verdict(
        claim,
        CONTRADICTED,
        f"{claim.text} does not match the figures: {expected} against {claim.reference_period}",
        evidence=(measured.id,),
        expected=expected,
    )


def _alternative_measure(
    claim: Claim, facts: FactSet, value: float, levels: Levels | None
) -> Verdict | None:
    """Support from another measure the context allows: the measure was carried from the
    previous sentence, and the heading's may be meant."""
    area = claim.area
    for other in claim.measure_alternatives:
        pool = facts.select(measure=other, area=area) if area else facts.select(measure=other)
        found = [f for f, _ in _matched_in(claim, facts, other, value)]
        if found:
            return Verdict(
                claim,
                SUPPORTED,
                f"{claim.text} agrees with the figures of {other}",
                evidence=tuple(f.id for f in found[:3]),
            )
        stated = _stated_level(replace(claim, measure=other), pool, levels)
        if stated is not None and abs(stated - value) <= tolerance(claim):
            return Verdict(
                claim,
                SUPPORTED,
                f"{claim.text} agrees with the figures of {other} for {claim.period}",
                evidence=_figures_cell(replace(claim, measure=other)),
            )
    return None


#: "above the upper control limit", "below the average": the XmR chart's lines.
_CONTROL = re.compile(
    r"\s+(?:both\s+)?(?:the\s+)?(?:(upper|lower)\s+(?:control\s+|process\s+)?limit|(average|mean|centre\s+line))",
    re.IGNORECASE,
)


def _against_control(claim: Claim, facts: FactSet) -> Verdict | None:
    """A month above or below a line of its control chart, held to the XmR fact."""
    if claim.comparison is not None or claim.direction not in ("up", "down"):
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
        return Verdict(claim, SUPPORTED, f"'{claim.text}' agrees with the figures", (fact.id,))
    detail = f"{fact.value:g} against {line:g}"
    return Verdict(
        claim,
        CONTRADICTED,
        f"'{claim.text}' does not match the figures: {detail}",
        evidence=(fact.id,),
        expected=detail,
    )


def _change_sign(claim: Claim, verdict: Verdict, facts: FactSet) -> Verdict | None:
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
    return Verdict(
        claim,
        CONTRADICTED,
        f"{claim.text} is a change {went} in the figures ({changes[0].kind}), "
        f"not {claim.direction}",
        evidence=tuple(f.id for f in changes),
        expected=str(went),
    )


def _level_period(claim: Claim, facts: FactSet) -> str | None:
    """The one period a figure is the level of ("to 894": the month), if only one fits."""
    value = _figure_value(claim)
    if value is None or claim.measure is None or claim.area is None:
        return None
    matched = _matched_in(claim, facts, claim.measure, value)
    periods = {f.period for f, _ in matched if f.kind in ("level", "level.rolling")}
    return periods.pop() if len(periods) == 1 else None


def _stated_level(claim: Claim, own: Sequence[Fact], levels: Levels | None) -> float | None:
    """The figure of the period a level claim names ("894 in March", "190 in the 12 months
    to March 2017"), read from the figures; None for a change or where no period is named."""
    if levels is None or not own or claim.period_text is None or claim.value is None:
        return None
    if claim.measure is None or claim.area is None or claim.role == "change":
        return None
    if claim.statistic in ("average", "mean", "median"):
        return None  # "(average 638)": a figure of many months, not of the one named
    if claim.change is not None or claim.change_pct is not None:
        return None
    if (own[0].unit == "percent") != (claim.unit == "percent"):
        return None  # "up 4%" of a count is a change, not a level
    return levels.value(claim.measure, claim.area, claim.period)


def _figures_cell(claim: Claim) -> tuple[str, ...]:
    return (f"figures/{claim.measure}/{claim.area}/{claim.period}",)


def _figure_text(value: float, claim: Claim, unit: str) -> str:
    decimals = claim.decimals if claim.decimals is not None else (1 if unit == "percent" else 0)
    return f"{value:,.{decimals}f}{'%' if unit == 'percent' else ''}"


def _month_of(period: str | None) -> str | None:
    """The month or date a dated period ends on ("R12:2019-10" -> "2019-10", "D:2019-11-01"
    -> "2019-11-01"), else None."""
    if period is None:
        return None
    found = _DATED.fullmatch(period)
    return found.group(1) if found else None


_DATED = re.compile(r"(?:[A-Za-z0-9_]+:)*(\d{4}-\d{2}(?:-\d{2})?)")


def _wrong_month(
    claim: Claim, found: Sequence[Fact], periods: Iterable[str | None]
) -> Verdict | None:
    """A figure or direction said of a month ("in September") the facts that give it are
    not of: the month is wrong.

    ``periods`` are the periods the matching figures are of (a change is of its fact's
    period, a reference value of the reference period)."""
    month = _month_of(claim.period)
    if not found or month is None or claim.period_text is None:
        return None
    months = {_month_of(p) for p in periods}
    latest = max((m for m in months if m), default=None)
    if month in months or claim.tense == "future" or (latest is not None and month > latest):
        return None  # a month to come is a plan or a target, not a figure
    expected = latest or found[0].period
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
    if str(claim.period).startswith("YTD:") and comparison in (None, "previous_year"):
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


def _step_back(period: str | None, comparison: str | None) -> str | None:
    """The period a change of ``period`` is measured from: the month (or rolling year)
    before, or the same one a year before."""
    found = _DATED.fullmatch(period or "")
    if period is None or found is None or len(found.group(1)) != 7 or period.startswith("CY:"):
        return None
    step = {None: 1, "previous_month": 1, "previous_year": 12}.get(comparison)
    if step is None:
        return None
    prefix = period[: -len(found.group(1))]
    return prefix + months.iso(months.parse(found.group(1)) - step)


def _measured_change(claim: Claim, levels: Levels, month: str) -> Fact | None:
    """The change between the two periods a claim names, measured in the figures, as a
    fact of kind "change.period"; None where the figures do not cover both."""
    assert claim.measure is not None and claim.area is not None
    period = claim.period or month
    compared = levels.compare(claim.measure, claim.area, period, claim.reference_period)
    if compared is None:
        return None
    return Fact(
        id=f"change.period/{claim.measure}/{claim.area}/{period}~{claim.reference_period}",
        kind="change.period",
        measure=claim.measure,
        area=claim.area,
        month=month,
        period=period,
        value=compared.value,
        unit=compared.unit,
        reference=compared.reference,
        reference_period=claim.reference_period,
        change=compared.change,
        change_pct=compared.change_pct,
        direction=compared.direction,
        significant=compared.significant,
        method="measured from the figures",
    )


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


_CONTINUES = re.compile(
    r"\b(?:another(?:\s+\w+)?|continu(?:e|es|ed|ing)\s+to(?:\s+\w+\s+to)?)\s+$", re.IGNORECASE
)
#: A month named alone ("in June", "October 2019"), not a rolling year to it.
_MONTH_NAME = re.compile(
    r"(?:in\s+)?(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?:\s+(?:19|20)\d\d)?",
    re.IGNORECASE,
)


def _continues(claim: Claim) -> bool:
    """ "continued to decrease", "another slight decrease": the month's change, as before."""
    at = claim.span[0] - claim.sentence_span[0]
    return _CONTINUES.search(claim.sentence[max(0, at - 30) : at]) is not None


def _other_readings(claim: Claim) -> tuple[str, ...]:
    """Other facts a direction may be read against when the text leaves it open.

    Nothing says what the change is against: the month, the rolling year against the
    previous month (how rates move) or against a year ago (how area summaries are written).
    A comparison without a period of its own ("up on last month") may be of the month or of
    the rolling year."""
    period = str(claim.period)
    if period.startswith(("CY:", "FY:")):
        return ()  # a calendar or financial year is compared as its own fact says
    if claim.comparison is None and _continues(claim):
        return ()
    if claim.comparison is None:
        if claim.period_text is not None and _MONTH_NAME.fullmatch(claim.period_text.strip()):
            return ()  # "a decrease in June": the change of that month
        if period.startswith("R12") and claim.period_text is not None:
            # "the 12 month rate ... increased": the rolling year, against last month or
            # last year, never the month alone.
            return ("change.rolling_month", "change.rolling_year")
        return ("change.month", "change.rolling_month", "change.rolling_year")
    if claim.period_text is None:
        if claim.comparison == "previous_month":
            # "Month on month, thefts fell": the month. A rolling period may be carried over
            # from the sentence before, so then either may be meant.
            return ("change.month", "change.rolling_month") if period.startswith("R12") else ()
        if claim.comparison == "previous_year":
            return ("change.rolling_year",)
    return ()


def _direction(claim: Claim, facts: FactSet, levels: Levels | None = None) -> Verdict:
    if claim.direction not in ("up", "down", "flat"):
        return Verdict(claim, NOT_CHECKABLE, "no direction could be read")
    if claim.measure is None:
        return Verdict(claim, NOT_CHECKABLE, "the sentence names no measure narrator knows")
    if claim.area is not None and claim.comparison in ("area", "measure"):
        between = _between(claim, facts)
        if between is not None:
            return between
    readings = _direction_fact(claim, facts)
    control = _against_control(claim, facts)
    if control is not None:
        return control
    if levels is not None and claim.reference_period is not None:
        # "lower than the February 2017 figure": held to that month, whatever the facts
        # compare with.
        said = _month_of(claim.reference_period) or claim.reference_period
        if not any((_month_of(f.reference_period) or f.reference_period) == said for f in readings):
            measured = _measured_change(claim, levels, facts.month)
            if measured is not None:
                readings = [measured]
    if not readings:
        return Verdict(
            claim,
            NOT_CHECKABLE,
            f"no comparison of {claim.measure} for {claim.area} with that period in the figures",
        )
    wrong_month = _wrong_month(claim, readings, [f.period for f in readings])
    if wrong_month is not None:
        # "In September the rate continued to decrease": the change of the month named,
        # measured in the figures, if they have it; else the month is wrong.
        shifted = _step_back(claim.period, claim.comparison) if levels is not None else None
        measured = (
            _measured_change(replace(claim, reference_period=shifted), levels, facts.month)
            if shifted is not None and levels is not None and claim.area is not None
            else None
        )
        if measured is None:
            return wrong_month
        readings = [measured]
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
            alternative = _direction(other_claim, facts, levels)
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
    went = None
    if claim.streak is not None and claim.streak == detail.get("length"):
        went = fact.direction
    elif claim.streak is not None and detail.get("broken"):
        went = detail.get("previous_direction")
    if claim.direction in ("up", "down") and went in ("up", "down") and went != claim.direction:
        # "having risen for 29 consecutive months" of a run of falls
        return Verdict(
            claim,
            CONTRADICTED,
            f"the run of {claim.streak} months went {went}, not {claim.direction}",
            evidence=(fact.id,),
            expected=str(went),
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


def _outlier(
    claim: Claim,
    facts: FactSet,
    against: set[str] | None = None,
    moves: set[str] | None = None,
) -> Verdict:
    if claim.measure is None or claim.area is None:
        return Verdict(claim, NOT_CHECKABLE, "the sentence names no measure or area")
    flagged = [
        f
        for f in facts.select(kind="area.outlier", measure=claim.measure, area=claim.area)
        if f.significant
    ]
    if flagged and moves and len(moves) == 1:
        # "a clear outlier, with volumes up on last month": its own change went that way.
        (said,) = moves
        wrong = [f for f in flagged if f.value is not None and (f.value > 0) != (said == "up")]
        if len(wrong) == len(flagged):
            went = "up" if said == "down" else "down"
            return Verdict(
                claim,
                CONTRADICTED,
                f"{claim.area} stands out with volumes {went}, not {said}",
                tuple(f.id for f in flagged),
                expected=went,
            )
    if flagged and against:
        # "a clear outlier, with volumes up on September 2018": it must stand out on the
        # change against each month the sentence names.
        stands = {_month_of(f.reference_period) for f in flagged}
        missing = sorted(against - stands)
        if missing:
            return Verdict(
                claim,
                CONTRADICTED,
                f"{claim.area} stands out on its change against "
                f"{', '.join(sorted(m for m in stands if m))}, not against {', '.join(missing)}",
                tuple(f.id for f in flagged),
                expected=", ".join(sorted(m for m in stands if m)),
            )
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
