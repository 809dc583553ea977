"""The rules the outline may name in ``say``, and the defaults for each kind of measure."""

from __future__ import annotations

from collections.abc import Mapping

from narrator.draft import rules, rules_areas
from narrator.draft.plan import Rule

RULES: Mapping[str, Rule] = {
    "rolling_headline": rules.rolling_headline,
    "benchmark_detail": rules.benchmark_detail,
    "month_changes": rules.month_changes,
    "month_consistency": rules.month_consistency,
    "month_level_streak": rules.month_level_streak,
    "rolling_level_compare": rules.rolling_level_compare,
    "rolling_year": rules.rolling_year,
    "year_end_times": rules.year_end_times,
    "months_above_trend": rules.months_above_trend,
    "rate_vs_fy": rules.rate_vs_fy,
    "rolling_total_year": rules.rolling_total_year,
    "snapshots": rules.snapshots,
    "xmr_signal": rules.xmr_signal,
    "driver": rules_areas.driver,
    "children_moves": rules_areas.children_moves,
    "area_variation": rules_areas.area_variation,
    "area_variation_figures": rules_areas.area_variation_figures,
    "outliers": rules_areas.outliers,
    "district_changes_fy": rules_areas.district_changes_fy,
    "calendar_record": rules_areas.calendar_record,
    "children_rank_year_end": rules_areas.children_rank_year_end,
    "children_consistency": rules_areas.children_consistency,
    "volumes_month": rules_areas.volumes_month,
    "share_shift": rules_areas.share_shift,
}

#: What a paragraph says when its outline entry has no ``say`` list.
DEFAULTS: Mapping[str, tuple[str, ...]] = {
    "count": (
        "month_changes",
        "xmr_signal",
        "rolling_year",
        "year_end_times",
        "outliers",
    ),
    "ratio": ("rolling_headline", "driver", "children_moves"),
    "snapshot": ("snapshots",),
}
