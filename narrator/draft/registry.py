"""The rules an outline may name in ``say``: what each says and of which measures.

Each rule is registered with the measure classes it accepts (count, ratio, share, snapshot:
see :mod:`narrator.draft.classes`), the outline keys it reads besides ``measures``, and
whether the planner may choose it for a paragraph that names no rules. The outline is
checked against this table when it is loaded, and ``docs/reference/rules.md`` is generated
from it (``python -m narrator.draft.reference``).
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import dataclass

from narrator.draft import rules, rules_areas, rules_history
from narrator.draft.classes import COUNT, RATIO, SHARE, SNAPSHOT
from narrator.draft.plan import Rule


@dataclass(frozen=True)
class RuleSpec:
    """One rule of the registry."""

    name: str
    run: Rule
    accepts: frozenset[str]
    #: Outline keys the rule reads besides ``measures`` (``compare_with``, ``area``).
    options: tuple[str, ...] = ()
    #: True when the planner may choose the rule for a paragraph without rules.
    auto: bool = True
    #: True when the rule words all the paragraph's measures in one sentence.
    multi: bool = False

    @property
    def summary(self) -> str:
        """What the rule says: the first line of its docstring."""
        doc = inspect.getdoc(self.run) or ""
        return doc.splitlines()[0] if doc else ""


def _spec(
    run: Rule,
    accepts: tuple[str, ...],
    *,
    options: tuple[str, ...] = (),
    auto: bool = True,
    multi: bool = False,
) -> RuleSpec:
    name = getattr(run, "__name__", str(run))
    return RuleSpec(name, run, frozenset(accepts), options, auto, multi)


_LEVELS = ("area",)
_ALL_SPECS = (
    # The rolling 12 months: level, moves, benchmarks.
    _spec(rules.rolling_headline, (COUNT, RATIO), options=_LEVELS),
    _spec(rules.benchmark_detail, (RATIO,), options=_LEVELS, auto=False),
    _spec(rules_history.benchmark, (COUNT, RATIO), options=_LEVELS),
    _spec(rules.year_end_times, (COUNT, RATIO), options=_LEVELS, auto=False),
    _spec(rules.rolling_year, (COUNT,), options=_LEVELS),
    _spec(rules.rate_vs_fy, (RATIO,), options=_LEVELS, auto=False),
    _spec(rules_history.year_to_date, (COUNT, RATIO), options=_LEVELS),
    _spec(rules.rolling_total_year, (COUNT,), options=(*_LEVELS, "compare_with"), auto=False),
    _spec(
        rules.rolling_level_compare, (COUNT, RATIO), options=(*_LEVELS, "compare_with"), auto=False
    ),
    # The discrete month.
    _spec(rules.month_changes, (COUNT,), options=_LEVELS),
    _spec(rules.month_consistency, (COUNT,), options=_LEVELS, auto=False),
    _spec(rules.month_level_streak, (COUNT,), options=_LEVELS, auto=False),
    _spec(rules_history.month_vs_average, (COUNT, RATIO), options=_LEVELS),
    _spec(rules.xmr_signal, (COUNT, RATIO), options=_LEVELS),
    # History: streaks, records, trends.
    _spec(rules_history.streak, (COUNT, RATIO), options=_LEVELS),
    _spec(rules_history.streak_broken, (COUNT, RATIO), options=_LEVELS),
    _spec(rules_history.record, (COUNT, RATIO), options=_LEVELS),
    _spec(rules_history.trend, (COUNT, RATIO), options=_LEVELS),
    _spec(rules.months_above_trend, (COUNT,), options=_LEVELS),
    # Areas.
    _spec(rules_areas.outliers, (COUNT, RATIO)),
    _spec(rules_areas.area_variation, (COUNT,), options=_LEVELS),
    _spec(rules_areas.area_variation_figures, (COUNT,), options=_LEVELS, auto=False),
    _spec(rules_areas.children_moves, (RATIO,), options=_LEVELS),
    # "The decrease was driven by ...": it follows the headline it explains, so only where
    # an outline puts it after one.
    _spec(rules_areas.driver, (RATIO,), options=_LEVELS, auto=False),
    _spec(rules_areas.district_changes_fy, (COUNT,), options=_LEVELS, auto=False),
    _spec(rules_areas.calendar_record, (COUNT,)),
    _spec(rules_areas.children_rank_year_end, (RATIO,), options=_LEVELS, auto=False),
    _spec(rules_areas.children_consistency, (RATIO,), options=_LEVELS, auto=False),
    # Several measures, shares, snapshots.
    _spec(rules_areas.volumes_month, (COUNT,), options=_LEVELS, auto=False, multi=True),
    _spec(rules_areas.share_shift, (SHARE,), options=_LEVELS),
    _spec(rules.snapshots, (SNAPSHOT,), options=_LEVELS),
)

#: Every rule, by the name an outline gives it.
RULES: Mapping[str, RuleSpec] = {spec.name: spec for spec in _ALL_SPECS}
