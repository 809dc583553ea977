"""Figures matched to facts: every figure a fact can be quoted as, in a claim's unit and of
the period it is of, found by bisection in the pool of a measure and area."""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Iterator, Sequence
from typing import Any

from narrator.check.claims.model import Claim
from narrator.check.findings import Verdict
from narrator.check.verdicts.model import ClaimVerdict, tolerance
from narrator.facts import Fact, FactSet


def numbers_of(
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


def figure_value(claim: Claim) -> float | None:
    """The size of the figure a claim quotes: its value, or its change."""
    for value in (claim.value, claim.change_pct, claim.change):
        if value is not None:
            return abs(value)
    return None


def primary_fact(claim: Claim, facts: Sequence[Fact]) -> Fact | None:
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
                for x, p in numbers_of(f, unit, children)
                if x == x
            ),
            key=lambda n: n[0],
        )
        found = ([n[0] for n in numbers], [(members[n[1]], n[2]) for n in numbers])
        pools[key] = found
    return found


def matched_in(
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


def unnamed(claim: Claim, facts: FactSet, value: float) -> ClaimVerdict:
    """A figure whose sentence names no measure: supported if one measure gives it."""
    found = [f for f, _ in matched_in(claim, facts, None, value)]
    measures = sorted({f.measure for f in found})
    if len(measures) == 1:
        return ClaimVerdict(
            claim,
            Verdict.SUPPORTED,
            f"{claim.text} matches {measures[0]} (the text names no measure)",
            evidence=tuple(sorted(f.id for f in found))[:5],
        )
    if measures:
        return ClaimVerdict(
            claim,
            Verdict.AMBIGUOUS,
            f"{claim.text} fits {len(measures)} measures",
            readings=tuple(measures[:8]),
        )
    return ClaimVerdict(
        claim, Verdict.NOT_CHECKABLE, "the sentence names no measure narrator knows"
    )
