"""Rules about a measure's history: streaks, records, benchmarks, averages, trends, year to date.

Each says one kind of fact with the figures that make it checkable ("has fallen for ten
consecutive months, to 2,846", "the highest on record", "significantly lower than the
long-term benchmark of 13.4%"). Like every rule, they decide what is said, never how.
"""

from __future__ import annotations

from collections.abc import Iterator

from narrator import months
from narrator.catalogue import Measure
from narrator.draft.outline import ParagraphSpec
from narrator.draft.plan import Message, Planning
from narrator.draft.rules import base
from narrator.facts import Fact

#: An ongoing run shorter than this is not worth a sentence of its own.
MIN_STREAK = 3
#: A run of discrete months must be longer to be news (months are noisier than 12 months).
MIN_MONTH_STREAK = 4
#: A broken run is news when it had lasted this long.
MIN_BROKEN = 6


def streak(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """An ongoing run of rises or falls, its length and since when (12 months, or months)."""
    f = planning.fact
    for kind, level_kind, shortest in (
        ("streak.rolling", "level.rolling", MIN_STREAK),
        ("streak.month", "level", MIN_MONTH_STREAK),
    ):
        run = f(kind, measure.id, area)
        level = f(level_kind, measure.id, area)
        if run is None or level is None or run.detail["broken"]:
            continue
        if run.direction not in ("up", "down") or run.value < shortest:
            continue
        if not run.detail["since_known"]:
            continue
        if kind == "streak.month" and _seasonal(planning, measure, area):
            continue  # months rising into summer are the season, not a run worth a sentence
        rolling = kind == "streak.rolling"
        values = base(planning, measure, area) | {
            "streak": run,
            "level": level,
            "rolling": rolling,
            "subject": "rolling" if rolling else "month",
        }
        yield Message("messages/streak.j2", [run, level], values, context=frozenset({level.id}))


def _seasonal(planning: Planning, measure: Measure, area: str) -> bool:
    """Whether the engine found the measure's monthly series seasonal (its XmR chart says)."""
    signal = planning.fact("xmr.signal", measure.id, area)
    return bool(signal is not None and signal.detail.get("seasonal"))


def streak_broken(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The end of a long run of the 12 months: the first month in N that it did not rise (fall)."""
    f = planning.fact
    run = f("streak.rolling", measure.id, area)
    move = f("change.rolling_month", measure.id, area)
    if run is None or move is None or not run.detail["broken"]:
        return
    if run.detail["previous_length"] < MIN_BROKEN or not run.detail["since_known"]:
        return
    stable = planning.stable(move)
    values = base(planning, measure, area) | {"streak": run, "move": move, "stable": stable}
    flat = frozenset({move.id}) if stable else frozenset()
    yield Message("messages/streak_broken.j2", [run, move], values, flat=flat)


def record(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """A record: the highest (lowest) on record, or the highest (lowest) since a month."""
    for period_kind, window in (("level.rolling", "rolling"), ("level", "month")):
        level = planning.fact(period_kind, measure.id, area)
        if level is None:
            continue
        found = [
            r
            for r in planning.facts.all("record", measure.id, area)
            if r.period == level.period and _notable(r)
        ]
        if not found:
            continue
        best = max(found, key=lambda r: (r.detail["on_record"], r.detail["months"]))
        values = base(planning, measure, area) | {
            "record": best,
            "window": window,
            "subject": window,
        }
        yield Message("messages/record.j2", [best], values)
        return  # one record a measure: the 12 months before the month


def _notable(fact: Fact) -> bool:
    """A record worth saying: on record, or standing for at least two years."""
    return bool(fact.detail["on_record"]) or int(fact.detail["months"]) >= 24


def benchmark(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The 12 months against the long-term and year end benchmarks, with both figures."""
    found = [
        fact
        for kind in ("benchmark.long_term", "benchmark.year_end")
        if (fact := planning.fact(kind, measure.id, area)) is not None
    ]
    significant = [b for b in found if b.significant]
    chosen = significant or found[:1]
    if not chosen:
        return
    flat = frozenset(b.id for b in chosen if not b.significant)
    values = base(planning, measure, area) | {"benchmarks": chosen, "subject": "rolling"}
    yield Message("messages/benchmark.j2", chosen, values, flat=flat)


def year_to_date(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The financial year to date against the same months a year before."""
    change = planning.fact("change.year_to_date", measure.id, area)
    if change is None or change.reference is None:
        return
    if months.month_of_year(months.parse(planning.facts.month)) in (3, 4):
        # In April the year to date is the month; in March, the 12 months: both said elsewhere.
        return
    stable = planning.stable(change)
    values = base(planning, measure, area) | {"change": change, "stable": stable}
    flat = frozenset({change.id}) if stable else frozenset()
    yield Message("messages/year_to_date.j2", [change], values, flat=flat)


def month_vs_average(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The month against its one and three year monthly averages, when it differs from them."""
    averages = [
        fact
        for width in (12, 36)
        if (fact := planning.fact("change.average", measure.id, area, months=width)) is not None
    ]
    significant = [a for a in averages if a.significant]
    # Both averages, the same way: "lower than the one year average" with the three year one
    # the other way would leave the reader to guess which is meant.
    if len(averages) != 2 or len(significant) != 2 or len({a.direction for a in significant}) != 1:
        return
    values = base(planning, measure, area) | {
        "averages": significant,
        "seasonal": any(a.detail.get("seasonal") for a in significant),
        "subject": "month",
    }
    yield Message("messages/month_vs_average.j2", significant, values)


def trend(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """A significant long-term trend, with its size a year."""
    fact = planning.fact("trend.long_term", measure.id, area)
    if fact is None or not fact.significant or fact.direction not in ("up", "down"):
        return
    per_year = fact.value * 12
    if not measure.is_ratio and fact.detail.get("percent_per_year") is None:
        return
    values = base(planning, measure, area) | {"trend": fact, "per_year": per_year}
    yield Message("messages/trend.j2", [fact], values)
