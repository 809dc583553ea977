"""The fact engine: every comparison a performance narrative can make, for one month.

Each fact type is computed as array arithmetic over all series of a panel at once (counts
in one panel, ratios in another); only the final step that turns kept rows into
:class:`~narrator.facts.model.Fact` objects walks them one by one.
"""

from __future__ import annotations

from narrator import months
from narrator._gc import paused
from narrator.facts import compare, patterns, peers
from narrator.facts.builder import FactBuilder
from narrator.facts.context import Context
from narrator.facts.model import FactSet
from narrator.facts.panel import build_panels
from narrator.facts.snapshots import snapshot_changes
from narrator.figures import Figures
from narrator.language.periods import Month
from narrator.settings import Settings


def compute_facts(
    figures: Figures, month: Month | str | int, settings: Settings | None = None
) -> FactSet:
    """Every fact of every measure and area for the reporting ``month`` (a :class:`Month`,
    ``YYYY-MM`` or a month number)."""
    settings = settings or Settings()
    m = Month.of(month).index
    figures.check_month(m)
    # The engine makes hundreds of thousands of facts, each with two small dicts and no
    # reference cycle: the collector would walk them again and again as they accumulate (40%
    # of the engine's time on the national data set) and free nothing.
    with paused(age=False):
        return _compute(figures, m, settings)


def _compute(figures: Figures, m: int, settings: Settings) -> FactSet:
    depth = {a.name: figures.areas.depth(a.name) for a in figures.areas}
    facts = []
    panels = build_panels(figures)
    for panel in panels:
        if not len(panel):
            continue
        builder = FactBuilder(panel, months.iso(m), depth)
        ctx = Context(panel=panel, builder=builder, t=m - figures.first, settings=settings)
        compare.levels(ctx)
        compare.changes(ctx)
        compare.benchmarks(ctx)
        compare.calendar_years(ctx)
        patterns.streaks(ctx)
        patterns.records(ctx)
        patterns.months_above(ctx)
        patterns.xmr(ctx)
        patterns.trend(ctx)
        peers.variation(ctx, figures.areas)
        peers.outliers(ctx, figures.areas)
        peers.shares(ctx)
        facts.extend(builder.facts)
    snap_builder = FactBuilder(panels[0], months.iso(m), depth)
    snapshot_changes(figures, m, snap_builder)
    facts.extend(snap_builder.facts)
    return FactSet(facts, Month(m))
