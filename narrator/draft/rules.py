"""Rules about one measure in one area: what to say about its level, moves and benchmarks.

Each rule reads facts and returns messages; it decides *whether* something is said and
which facts support it, never *how*: the wording is the phrasebank's. A rule that lacks a
fact (a period without data) says nothing rather than something false.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from narrator.catalogue import Measure
from narrator.draft.outline import ParagraphSpec
from narrator.draft.plan import Message, Planning, is_auto
from narrator.facts import Fact
from narrator.language.numbers import rounds_to_zero


def describe(measure: Measure) -> dict[str, Any]:
    """What a template needs to know about a measure."""
    return {
        "id": measure.id,
        "label": measure.label,
        "unit": measure.unit,
        "units": measure.unit_plural or "",
        "polarity": measure.polarity.value,
        "decimals": measure.decimals,
        "ratio": measure.is_ratio,
        "short": measure.short or "",
        "noun": measure.noun.value,
    }


def sized(change: Fact, measure: Measure) -> bool:
    """Whether a change has a size to print: points for a rate, a per cent for a count (a
    count that grew from nothing has no per cent change)."""
    return change.change is not None if measure.is_ratio else change.change_pct is not None


def base(planning: Planning, measure: Measure, area: str) -> dict[str, Any]:
    """Values every message has: the measure, the area and the reporting month."""
    areas = planning.project.areas
    return {
        "m": describe(measure),
        "area": areas[area].display,
        "is_root": areas[area].parent is None,
        "month": planning.facts.reporting_month,
    }


def rolling_headline(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The rolling 12 months: its level, its move this month, the run it continues."""
    f = planning.fact
    facts = planning.require(
        f("level.rolling", measure.id, area), f("change.rolling_month", measure.id, area)
    )
    if facts is None:
        return
    level, move = facts
    if not (sized(move, measure) or still(move, measure)):
        return
    if is_auto(spec) and not measure.is_ratio:
        return  # where narrator chooses, a count's 12 months are said year on year instead
    streak = f("streak.rolling", measure.id, area)
    values = base(planning, measure, area) | {"level": level, "move": move, "streak": None}
    # Where the planner chooses, the streak and the benchmark have sentences of their own
    # (with the run's length and the benchmark's figure): the headline leaves them to those.
    folded = not is_auto(spec)
    if (
        folded
        and streak is not None
        and not streak.detail["broken"]
        and streak.direction == move.direction
    ):
        values["streak"] = streak
        facts.append(streak)
    benchmark = _significant_benchmark(planning, measure, area) if folded else None
    values["benchmark"] = benchmark
    if benchmark is not None:
        facts.append(benchmark)
    flat = frozenset({move.id}) if still(move, measure) else frozenset()
    yield Message("messages/rolling_headline.j2", facts, values, flat=flat)


def still(move: Fact, measure: Measure) -> bool:
    """A move that prints as no move at all ("remained at 6.3%"), as the templates' test
    ``move is unchanged(m)`` decides it: the change rounds to zero at the measure's decimals."""
    if move.change is None:
        return False
    return rounds_to_zero(move.change, measure.decimals)


def _significant_benchmark(planning: Planning, measure: Measure, area: str) -> Fact | None:
    for kind in ("benchmark.long_term", "benchmark.year_end"):
        fact = planning.fact(kind, measure.id, area)
        if fact is not None and fact.significant:
            return fact
    return None


def benchmark_detail(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The rolling level judged by its good direction, a benchmark, and the month's averages."""
    f = planning.fact
    facts = planning.require(
        f("level.rolling", measure.id, area), f("change.rolling_month", measure.id, area)
    )
    if facts is None:
        return
    level, move = facts
    values = base(planning, measure, area) | {"level": level, "move": move}
    values["benchmark"] = _significant_benchmark(planning, measure, area)
    averages = [f("change.average", measure.id, area, months=w) for w in (12, 36)]
    present = [a for a in averages if a is not None]
    same = {a.direction for a in present}
    values["averages"] = present if len(present) == 2 and len(same) == 1 else []
    facts += [values["benchmark"]] if values["benchmark"] else []
    facts += values["averages"]
    flat = frozenset({move.id}) if still(move, measure) else frozenset()
    yield Message("messages/benchmark_detail.j2", facts, values, flat=flat)


def month_changes(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The discrete month: its level against last month and the same month in past years."""
    f = planning.fact
    facts = planning.require(f("level", measure.id, area), f("change.month", measure.id, area))
    if facts is None:
        return
    level, month = facts
    years = []
    for k in range(1, planning.project.settings.history_years + 1):
        fact = f("change.year", measure.id, area, years=k)
        if fact is None:
            break
        years.append(fact)
    # "lower than the same month in each of the last two years" only when every year agrees.
    agreeing = [years[0]] if years else []
    for fact in years[1:]:
        if fact.direction == years[0].direction and fact.direction != "flat":
            agreeing.append(fact)
        else:
            break
    values = base(planning, measure, area) | {
        "level": level,
        "month_change": month,
        "years": agreeing,
    }
    yield Message("messages/month_changes.j2", facts + agreeing, values)


def month_consistency(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The month against the last, "almost identical" when close, and the long-term trend."""
    f = planning.fact
    facts = planning.require(f("change.month", measure.id, area))
    if facts is None:
        return
    (change,) = facts
    if not sized(change, measure):
        return
    trend = f("trend.long_term", measure.id, area)
    identical = planning.lexicon.identical_percent
    values = base(planning, measure, area) | {
        "change": change,
        "identical": change.change_pct is not None and abs(change.change_pct) < identical,
        "trend": trend if trend is not None and trend.significant else None,
    }
    if values["trend"] is not None:
        facts.append(trend)  # type: ignore[arg-type]
    flat = frozenset({change.id}) if values["identical"] else frozenset()
    yield Message("messages/month_consistency.j2", facts, values, flat=flat)


def month_level_streak(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """A month's move and, when a long run of the rolling 12 months ends, the broken run."""
    f = planning.fact
    facts = planning.require(
        f("change.month", measure.id, area), f("change.year", measure.id, area, years=1)
    )
    if facts is None:
        return
    month, year = facts
    values = base(planning, measure, area) | {
        "month_change": month,
        "year_change": year,
        "year_stable": planning.stable(year),
    }
    flat = frozenset({year.id}) if values["year_stable"] else frozenset()
    yield Message("messages/month_level_streak.j2", facts, values, flat=flat)
    streak = f("streak.rolling", measure.id, area)
    move = f("change.rolling_month", measure.id, area)
    if streak is None or move is None or not streak.detail["broken"]:
        return
    if streak.detail["previous_length"] < 6 or not streak.detail["since_known"]:
        return
    values = base(planning, measure, area) | {
        "streak": streak,
        "move": move,
        "stable": planning.stable(move),
    }
    flat = frozenset({move.id}) if values["stable"] else frozenset()
    yield Message("messages/streak_broken.j2", [streak, move], values, flat=flat)


def rolling_level_compare(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The rolling level, whether it held, and how it compares with a related measure."""
    f = planning.fact
    facts = planning.require(
        f("level.rolling", measure.id, area), f("change.rolling_month", measure.id, area)
    )
    if facts is None:
        return
    level, move = facts
    values = base(planning, measure, area) | {
        "level": level,
        "move": move,
        "stable": planning.stable(move),
    }
    _compare_with(planning, spec, area, values, facts)
    flat = frozenset({move.id}) if values["stable"] else frozenset()
    yield Message("messages/rolling_level_compare.j2", facts, values, flat=flat)


def rolling_year(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The rolling 12 months year on year, the discrete month against past years, year end."""
    f = planning.fact
    facts = planning.require(f("change.rolling_year", measure.id, area))
    if facts is None:
        return
    (change,) = facts
    if not (sized(change, measure) or planning.stable(change)):
        return
    years = [
        f("change.year", measure.id, area, years=k)
        for k in range(1, planning.project.settings.history_years + 1)
    ]
    comparable = all(y is not None and planning.stable(y) for y in years)
    values = base(planning, measure, area) | {
        "change": change,
        "stable": planning.stable(change),
        "years": [y for y in years if y is not None] if comparable else [],
    }
    facts += values["years"]
    flat = {y.id for y in values["years"]} | ({change.id} if values["stable"] else set())
    yield Message("messages/rolling_year.j2", facts, values, flat=frozenset(flat))


def year_end_times(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """A significant difference from the year end benchmark, and how often this year."""
    fact = planning.fact("benchmark.year_end", measure.id, area)
    if fact is None or not fact.significant:
        return
    values = base(planning, measure, area) | {"benchmark": fact}
    yield Message("messages/year_end_times.j2", [fact], values)


def months_above_trend(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The long-term trend and how many recent months beat the same months before."""
    f = planning.fact
    trend = f("trend.long_term", measure.id, area)
    above = f("count.above_previous_years", measure.id, area)
    if trend is None or above is None or not trend.significant:
        return
    count = above.value if trend.direction == "up" else above.detail["below"]
    if count < 7:
        return
    values = base(planning, measure, area) | {"trend": trend, "above": above, "count": count}
    yield Message("messages/months_above_trend.j2", [trend, above], values)


def rate_vs_fy(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The rolling 12 months against the last financial year, with the run it continues."""
    f = planning.fact
    facts = planning.require(f("change.financial_year", measure.id, area))
    if facts is None:
        return
    (change,) = facts
    streak = f("streak.rolling", measure.id, area)
    # "continues to decrease, to 39.1% ..., compared to 48.5% for 2018/19": the run is said
    # only when it goes the way the comparison with the financial year does (and a run of
    # unchanged months is no run to continue: "continues to no change").
    keep = (
        streak is not None
        and not streak.detail["broken"]
        and streak.value >= 2
        and streak.direction in ("up", "down")
        and streak.direction == change.direction
    )
    values = base(planning, measure, area) | {
        "change": change,
        "streak": streak if keep else None,
    }
    if keep:
        facts.append(streak)  # type: ignore[arg-type]
    yield Message("messages/rate_vs_fy.j2", facts, values)


def rolling_total_year(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The rolling total against a year earlier, and a related measure's total."""
    f = planning.fact
    facts = planning.require(f("change.rolling_year", measure.id, area))
    if facts is None:
        return
    (change,) = facts
    values = base(planning, measure, area) | {"change": change}
    _compare_with(planning, spec, area, values, facts)
    yield Message("messages/rolling_total_year.j2", facts, values)


def snapshots(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """A queue's size at each snapshot date, and its change over the last step."""
    pairs = [
        f for f in planning.facts.select(kind="snapshot.change", measure=measure.id, area=area)
    ]
    steps = sorted(
        (p for p in pairs if p.reference_period and _consecutive(p, pairs)),
        key=lambda p: p.period,
    )
    if not steps:
        return
    values = base(planning, measure, area) | {"steps": steps}
    yield Message("messages/snapshots.j2", steps, values)


def _consecutive(pair: Fact, pairs: list[Fact]) -> bool:
    """True when no other snapshot lies between the pair's two dates."""
    dates = {p.period for p in pairs} | {str(p.reference_period) for p in pairs}
    return not any(str(pair.reference_period) < d < pair.period for d in dates)


def xmr_signal(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """A control-chart signal: the month beyond its limits, or a run, against its baseline."""
    fact = planning.fact("xmr.signal", measure.id, area)
    if fact is None or not fact.significant:
        return
    values = base(planning, measure, area) | {"signal": fact}
    # A seasonal series is charted seasonally adjusted: its centre line is the month's
    # expected figure, not a plain average, and is worded so.
    seasonal = bool(fact.detail.get("seasonal"))
    template = "messages/xmr_signal_seasonal.j2" if seasonal else "messages/xmr_signal.j2"
    yield Message(template, [fact], values)


def _compare_with(
    planning: Planning, spec: ParagraphSpec, area: str, values: dict[str, Any], facts: list[Fact]
) -> None:
    """Add the rolling level of the paragraph's ``compare_with`` measure, when there is one."""
    values["other"] = None
    if not spec.compare_with:
        return
    other = planning.fact("level.rolling", spec.compare_with, area)
    if other is not None:
        values["other"] = other
        values["other_m"] = describe(planning.measure(other.measure))
        facts.append(other)
