"""Rules across areas and measures: drivers, variation, outliers, district lists, shares."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from narrator.catalogue import Measure
from narrator.draft.outline import ParagraphSpec
from narrator.draft.plan import Message, Planning
from narrator.draft.rules import base, describe
from narrator.facts import Fact


def driver(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """A rate's move explained by a child area's numerator well off its monthly average."""
    move = planning.fact("change.rolling_month", measure.id, area)
    if not measure.is_ratio or measure.numerator is None or move is None:
        return
    best: Fact | None = None
    for child in planning.children(area):
        fact = planning.fact("change.average", measure.numerator, child.name, months=12)
        if fact is None or not fact.significant or fact.direction != move.direction:
            continue
        if best is None or abs(fact.statistic.get("z") or 0) > abs(best.statistic.get("z") or 0):
            best = fact
    if best is None:
        return
    values = base(planning, measure, area) | {
        "move": move,
        "cause": best,
        "cause_m": describe(planning.measure(best.measure)),
        "cause_area": planning.project.areas[best.area].display,
    }
    yield Message("messages/driver.j2", [move, best], values)


def children_moves(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """Whether the children moved with the parent's rolling 12 months this month."""
    kind = "change.rolling_month"
    facts = [planning.fact(kind, measure.id, c.name) for c in planning.children(area)]
    present = [f for f in facts if f is not None]
    if len(present) < 2:
        return
    values = base(planning, measure, area) | {
        "children": [(planning.project.areas[f.area].display, f) for f in present],
        "same": len({f.direction for f in present}) == 1,
        "level": children_level(planning, present),
    }
    yield Message("messages/children_moves.j2", present, values)


def children_level(planning: Planning, facts: list[Fact]) -> str:
    """What the children are called ("area", "division"): their level, if they share one."""
    levels = {planning.project.areas[f.area].level for f in facts}
    return levels.pop() if len(levels) == 1 else "area"


def area_variation(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The children's rolling 12 months year on year, in words (stable, up, down)."""
    facts = [
        planning.fact("change.rolling_year", measure.id, c.name) for c in planning.children(area)
    ]
    present = [f for f in facts if f is not None]
    if len(present) < 2:
        return
    moves = [(planning.project.areas[f.area].display, f, planning.stable(f)) for f in present]
    values = base(planning, measure, area) | {
        "children": moves,
        "level": children_level(planning, present),
    }
    flat = frozenset(f.id for _, f, stable in moves if stable)
    # The engine's own summary of the children's moves, cited with them (the children's
    # changes are the news; the summary adds no figure of its own).
    summary = planning.fact("area.variation", measure.id, area)
    cited = present + ([summary] if summary is not None else [])
    context = frozenset({summary.id}) if summary is not None else frozenset()
    yield Message("messages/area_variation.j2", cited, values, flat=flat, context=context)


def area_variation_figures(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """The children's year-on-year changes with their figures, when they go different ways."""
    facts = [
        planning.fact("change.rolling_year", measure.id, c.name) for c in planning.children(area)
    ]
    present = [f for f in facts if f is not None and f.change_pct is not None]
    # Figures with a direction each ("down 3.0%", "up 4.8%"): an unchanged child has none.
    if any(f.direction not in ("up", "down") for f in present):
        return
    if len(present) < 2 or len({f.direction for f in present}) < 2:
        return
    values = base(planning, measure, area) | {
        "children": [(planning.project.areas[f.area].display, f) for f in present]
    }
    yield Message("messages/area_variation_figures.j2", present, values)


def outliers(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """Peer areas that stand out on the month, the same month last year or the 12 months."""
    found: dict[str, list[Fact]] = {}
    for fact in planning.facts.select(kind="area.outlier", measure=measure.id):
        if fact.significant and fact.value is not None:
            found.setdefault(fact.area, []).append(fact)
    areas = planning.project.areas
    for name in sorted(found):
        # Below its peers but still rising (or above them but falling): "volumes down" would
        # say the area's own change went the other way; such an area is left out.
        # An unchanged area (a change of 0) has no direction of its own to say either.
        agreeing = [
            f for f in found[name] if f.value != 0 and (f.value > 0) == (f.direction == "up")
        ]
        single = sorted(
            (f for f in agreeing if f.detail["comparison"] in ("month", "year")),
            key=lambda f: str(f.detail["comparison"]),
        )
        if single and not measure.is_ratio and len({f.direction for f in single}) == 1:
            values = base(planning, measure, name) | {"outlier": single}
            yield Message("messages/outlier.j2", single, values)
            agreeing = [f for f in agreeing if f not in single]
        for fact in agreeing:
            level = areas[name].level
            values = base(planning, measure, name) | {
                "outlier": fact,
                "moved": "up" if fact.value > 0 else "down",  # its own change, not vs peers
                "peers": len(areas.at_level(level)),
                "level": level,
            }
            yield Message("messages/outlier_figures.j2", [fact], values)


def district_changes_fy(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """Districts whose rolling 12 months differ significantly from the last financial year."""
    areas = planning.project.areas
    levels = {a.level for a in areas if areas.depth(a.name) == 2}
    rising: list[Fact] = []
    falling: list[Fact] = []
    for level in sorted(levels):
        for district in areas.at_level(level):
            fact = planning.fact("change.financial_year", measure.id, district.name)
            if fact is None or not fact.significant or fact.change_pct is None:
                continue
            (rising if fact.direction == "up" else falling).append(fact)
    for facts, direction in ((rising, "up"), (falling, "down")):
        if not facts:
            continue
        facts.sort(key=lambda f: -abs(f.change_pct or 0))
        values = base(planning, measure, area) | {
            "direction": direction,
            "districts": [(areas[f.area].display, f) for f in facts],
            "fy_month": facts[0].reference_period,
            # "in particular" singles some out: with every district listed it is "all".
            "of": sum(len(areas.at_level(level)) for level in levels),
            "level": sorted(levels)[0] if len(levels) == 1 else "district",
        }
        yield Message("messages/district_changes_fy.j2", facts, values)


def calendar_record(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """Districts where this calendar year to date already beats every earlier year."""
    areas = planning.project.areas
    records = [
        f
        for f in planning.facts.select(kind="calendar.year_to_date", measure=measure.id)
        if f.direction == "up" and areas.depth(f.area) == 2 and f.reference
    ]
    if not records:
        return
    records.sort(key=lambda f: (-(f.value / (f.reference or 1)), f.area))
    lead, rest = records[0], records[1:]
    years = {int(k): v for k, v in lead.detail.items() if k.isdigit() and v is not None}
    ordered = sorted(years)
    values = base(planning, measure, lead.area) | {
        "lead": lead,
        "years": years,
        "first_year": ordered[0],
        "small_until": _small_until(years),
        "others": [areas[f.area].display for f in rest],
        "span": len(ordered),
    }
    yield Message("messages/calendar_record.j2", records, values)


def _small_until(years: dict[int, float]) -> int | None:
    """The last year of an opening run of single-figure years, if the run is at least two."""
    last = None
    for year in sorted(years):
        if years[year] < 10:
            last = year
        else:
            break
    first = min(years)
    return last if last is not None and last > first else None


def children_rank_year_end(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """Which child leads on the rolling 12 months, and each against its year end position."""
    children = []
    for child in planning.children(area):
        fact = planning.fact("benchmark.year_end", measure.id, child.name)
        if fact is not None and fact.reference is not None:
            children.append(fact)
    if len(children) != 2:
        return
    first, second = sorted(children, key=lambda f: -f.value)
    good = planning.lexicon.is_good("up", measure.polarity)
    leader, other = (first, second) if good is not False else (second, first)
    values = base(planning, measure, area) | {
        "leader": planning.project.areas[leader.area].display,
        "other": planning.project.areas[other.area].display,
        # "Both have seen improvements on the year end position" needs at least one of the
        # moves to be significant; with none, neither is worth a word (they count as none).
        "moves": [
            (f.value - (f.reference or 0.0)) if any(c.significant for c in children) else 0.0
            for f in children
        ],
    }
    # The children's benchmarks are read for their positions, not as moves of their own.
    context = frozenset(f.id for f in children)
    yield Message("messages/children_rank_year_end.j2", children, values, context=context)


def children_consistency(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """Whether the children's rolling rates sit within each other's confidence intervals."""
    parent = planning.fact("level.rolling", measure.id, area)
    kids = [
        planning.fact("benchmark.year_end", measure.id, c.name) for c in planning.children(area)
    ]
    present = [k for k in kids if k is not None]
    if parent is None or len(present) < 2:
        return
    inside = all(
        (k.statistic.get("ci_low") or 0) <= parent.value <= (k.statistic.get("ci_high") or 0)
        for k in present
    )
    if not inside:
        return
    values = base(planning, measure, area) | {
        "count": len(present),
        "level": children_level(planning, present),
    }
    context = frozenset(k.id for k in present)
    yield Message("messages/children_consistency.j2", [parent, *present], values, context=context)


def volumes_month(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """Several volumes' month-on-month moves in one sentence, grouped by direction."""
    same_kind = [m for m in spec.measures if planning.measure(m).kind is measure.kind]
    facts = [planning.fact("change.month", m, area) for m in same_kind]
    present = [f for f in facts if f is not None]
    if not present:
        return
    groups: dict[str, list[dict[str, Any]]] = {}
    for fact in present:
        groups.setdefault(fact.direction or "flat", []).append(
            describe(planning.measure(fact.measure))
        )
    values = base(planning, measure, area) | {"groups": sorted(groups.items())}
    yield Message("messages/volumes_month.j2", present, values)


def share_shift(
    planning: Planning, measure: Measure, area: str, spec: ParagraphSpec
) -> Iterator[Message]:
    """How the parts of a whole moved: long-term trends, then the year's shift in points."""
    shift = next(
        (
            f
            for f in planning.facts.select(kind="share.shift", area=area)
            if any(p["measure"] == measure.id for p in f.detail["parts"])
        ),
        None,
    )
    if shift is None:
        return
    parts = [p for p in shift.detail["parts"] if abs(p["change"]) >= 0.05]
    trends = []
    for part in parts:
        trend = planning.fact("trend.long_term", part["measure"], area)
        if trend is not None and trend.significant:
            trends.append((describe(planning.measure(part["measure"])), trend))
    values = base(planning, measure, area) | {
        "parts": [(describe(planning.measure(p["measure"])), p) for p in parts],
        "trends": trends,
    }
    yield Message("messages/share_shift.j2", [shift] + [t for _, t in trends], values)
