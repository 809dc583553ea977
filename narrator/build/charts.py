"""What each chart shows: the measures a paragraph discusses and the numbers to plot.

A chart is drawn for every measure the paper's generated paragraphs discuss (from the
draft's facts map), in the area the paragraph speaks of most broadly: the monthly series,
its rolling 12 months, the long-term benchmark, the XmR control limits and the points that
signalled. The numbers come from the same panels and facts the draft was written from.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from narrator import months
from narrator.catalogue import Kind
from narrator.draft.document import Draft, Paragraph
from narrator.facts import FactSet
from narrator.facts.kinds import FactKind, SignalDetail, detail_of
from narrator.facts.panel import Panel, build_panels
from narrator.figures import Figures
from narrator.language.periods import Period, PeriodKind
from narrator.project import Project

#: Months of history a chart shows, ending at the reporting month.
WINDOW = 36
_RUN_SIGNALS = {
    "run_above_centre": "a run above the centre line",
    "run_below_centre": "a run below the centre line",
    "rising_run": "a rising run",
    "falling_run": "a falling run",
}
_LIMIT_SIGNALS = {
    "above_upper_limit": "above the upper limit",
    "below_lower_limit": "below the lower limit",
}


@dataclass(frozen=True)
class ChartData:
    """Everything one chart plots; NaN marks a month without a value."""

    title: str
    y_label: str
    labels: tuple[str, ...]
    monthly: tuple[float, ...]
    rolling: tuple[float, ...]
    rolling_label: str
    benchmark: float | None = None
    benchmark_label: str = ""
    centre: float | None = None
    lower: float | None = None
    upper: float | None = None
    limits_from: int = 0
    signals: tuple[int, ...] = ()
    signal_label: str = ""


def discussed(draft: Draft, paragraph: Paragraph, project: Project) -> list[tuple[str, str]]:
    """(measure, area) of each monthly measure the paragraph's sentences state facts about.

    Measures come in order of first mention, each in the area nearest the top of the
    hierarchy that the paragraph speaks of (the force before an area before a district).
    Snapshot measures have no monthly series and get no chart.
    """
    areas = project.areas
    chosen: dict[str, tuple[int, int, str]] = {}
    for sentence in paragraph.sentences:
        for fact_id in sentence.facts:
            fact = draft.facts.get(fact_id)
            if not fact:
                continue
            measure, area = str(fact.get("measure", "")), str(fact.get("area", ""))
            if measure not in project.catalogue or area not in areas:
                continue
            if project.catalogue[measure].kind is Kind.SNAPSHOT:
                continue
            order = chosen[measure][1] if measure in chosen else len(chosen)
            level = areas.depth(area)
            if measure not in chosen or level < chosen[measure][0]:
                chosen[measure] = (level, order, area)
    return [(m, a) for m, (_, _, a) in sorted(chosen.items(), key=lambda kv: kv[1][1])]


class ChartSource:
    """The panels and facts of a month, ready to give each chart its numbers."""

    def __init__(self, project: Project, figures: Figures, facts: FactSet) -> None:
        self.project = project
        self.facts = facts
        self.month = facts.reporting_month.index
        self.first = figures.first
        # Monthly and rolling values of every series, computed once for all the charts.
        self._series: dict[tuple[str, str], tuple[Panel, np.ndarray, np.ndarray]] = {}
        for panel in build_panels(figures):
            monthly, rolling = panel.month_values(), panel.rolling(12)
            for row, key in enumerate(panel.keys):
                self._series[key] = (panel, monthly[row], rolling[row])

    def caption(self, measure: str, area: str) -> str:
        """The caption under a chart: what it shows, where, and over which months."""
        t = self.month
        first = max(self.first, t - WINDOW + 1)
        return f"{_title(self.project, measure, area)}, {months.label(first)} to {months.label(t)}"

    def data(self, measure: str, area: str) -> ChartData | None:
        """The numbers of one chart, or None when the figures hold no such series."""
        found = self._series.get((measure, area))
        if found is None:
            return None
        panel, all_monthly, all_rolling = found
        t = self.month - self.first
        start = max(0, t - WINDOW + 1)
        monthly, rolling = all_monthly[start : t + 1], all_rolling[start : t + 1]
        spec = self.project.catalogue[measure]
        plural = spec.unit_plural or f"{spec.unit}s"
        per_month = 1.0 if panel.is_ratio else 1 / 12
        data = ChartData(
            title=_title(self.project, measure, area),
            y_label="Rate (%)" if panel.is_ratio else f"{plural[:1].upper()}{plural[1:]}",
            labels=tuple(_tick(self.first + c) for c in range(start, t + 1)),
            monthly=_floats(monthly),
            rolling=_floats(rolling * (1.0 if panel.is_ratio else per_month)),
            rolling_label="Rolling 12 months" if panel.is_ratio else "Rolling 12-month average",
        )
        data = _with_benchmark(data, self.facts, measure, area, per_month)
        run = self.project.settings.xmr_run
        return _with_signals(data, self.facts, measure, area, (start, t), monthly, run)


#: The benchmarks a chart draws, in order of preference, and their names in the legend.
_BENCHMARKS = (
    (FactKind.BENCHMARK_LONG_TERM, "Long-term"),
    (FactKind.BENCHMARK_YEAR_END, "Year end"),
)


def _with_benchmark(
    data: ChartData, facts: FactSet, measure: str, area: str, per_month: float
) -> ChartData:
    """The long-term benchmark, else (too little history) the year end benchmark."""
    benchmarks = (
        (FactKind.BENCHMARK_LONG_TERM, "Long-term"),
        (FactKind.BENCHMARK_YEAR_END, "Year end"),
    )
    for kind, name in benchmarks:
        fact = facts.get(kind, measure, area)
        if fact is None or fact.reference is None or not math.isfinite(fact.reference):
            continue
        label = f"{name} benchmark"
        period = Period.parse(fact.reference_period) if fact.reference_period else None
        if period is not None and period.kind is PeriodKind.RANGE and period.span:
            first, last = period.span
            label += f", {_tick(first.index)} to {_tick(last.index)}"
        elif period is not None and period.kind is PeriodKind.ROLLING and period.end:
            label += f", {period.length} months to {_tick(period.end.index)}"
        return replace(data, benchmark=fact.reference * per_month, benchmark_label=label)
    return data


def _with_signals(
    data: ChartData,
    facts: FactSet,
    measure: str,
    area: str,
    window: tuple[int, int],
    monthly: np.ndarray,
    run: int,
) -> ChartData:
    fact = facts.get(FactKind.XMR_SIGNAL, measure, area)
    if fact is None or fact.reference is None:
        return data
    lower, upper = fact.statistic.get("lower"), fact.statistic.get("upper")
    if lower is None or upper is None:
        return data
    start, t = window
    detail = detail_of(fact, SignalDetail)
    baseline = detail["baseline_months"]
    limits_from = max(0, t - baseline - start)
    with np.errstate(invalid="ignore"):
        beyond = (monthly > upper) | (monthly < lower)
    points = {i for i in range(limits_from, len(monthly)) if bool(beyond[i])}
    signal = detail["signal"]
    if signal in _RUN_SIGNALS:
        points |= set(range(max(0, len(monthly) - run), len(monthly)))
    label = _RUN_SIGNALS.get(signal) or _LIMIT_SIGNALS.get(signal) or "beyond the limits"
    return replace(
        data,
        centre=fact.reference,
        lower=max(0.0, lower),
        upper=upper,
        limits_from=limits_from,
        signals=tuple(sorted(points)),
        signal_label=f"Signal: {label}" if signal else "Beyond the limits",
    )


def _title(project: Project, measure: str, area: str) -> str:
    label = project.catalogue[measure].label
    where = project.areas[area].display if area in project.areas else area
    return f"{label[:1].upper()}{label[1:]}, {where}"


def _tick(month: int) -> str:
    return f"{months.name(month)[:3]} {months.year(month)}"


def _floats(values: Sequence[float] | np.ndarray) -> tuple[float, ...]:
    return tuple(float(v) for v in np.asarray(values, dtype=float))
