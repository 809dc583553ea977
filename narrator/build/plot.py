"""Drawing a chart with matplotlib: a fixed-size PNG, the same bytes for the same numbers.

pyplot is never imported: a :class:`~matplotlib.figure.Figure` on an Agg canvas keeps no
global state, needs no display, and is safe to use from a library. The PNG carries no
"Software" or date metadata, so a rebuild from unchanged figures is byte-for-byte equal.
"""

from __future__ import annotations

import io
import math
import warnings
from functools import lru_cache
from typing import Any

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from narrator.build.charts import ChartData

#: Inches and dots per inch: every chart is 1125 x 525 pixels.
SIZE = (7.5, 3.5)
DPI = 150
_STYLE: dict[Any, Any] = {
    # Labels are drawn as written: a "$" in a measure label must not start mathtext.
    "text.parse_math": False,
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "narrator",
    "path.simplify": False,
}
_COLOURS = {
    "monthly": "#1f4e79",
    "rolling": "#c55a11",
    "benchmark": "#548235",
    "limits": "#7f7f7f",
    "signal": "#c00000",
}


@lru_cache(maxsize=64)
def render_png(data: ChartData) -> bytes:
    """The chart as PNG bytes (cached: a report build may build several papers at once)."""
    with rc_context(_STYLE), warnings.catch_warnings():
        # A label with a character the font lacks draws a box; that is no reason to fail.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
        figure = Figure(figsize=SIZE, dpi=DPI)
        FigureCanvasAgg(figure)
        _draw(figure, data)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _draw(figure: Figure, data: ChartData) -> None:
    figure.subplots_adjust(left=0.08, right=0.98, top=0.9, bottom=0.3)
    axes = figure.add_subplot(1, 1, 1)
    x = list(range(len(data.labels)))
    axes.plot(
        x,
        data.monthly,
        color=_COLOURS["monthly"],
        linewidth=1.2,
        marker="o",
        markersize=2.5,
        label="Month",
    )
    axes.plot(x, data.rolling, color=_COLOURS["rolling"], linewidth=2.0, label=data.rolling_label)
    if data.benchmark is not None:
        axes.axhline(
            data.benchmark,
            color=_COLOURS["benchmark"],
            linewidth=1.2,
            linestyle="--",
            label=data.benchmark_label,
        )
    if data.centre is not None and data.lower is not None and data.upper is not None:
        span = [data.limits_from, len(x) - 1]
        axes.plot(
            span,
            [data.centre] * 2,
            color=_COLOURS["limits"],
            linewidth=1.0,
            label="XmR centre line",
        )
        axes.plot(
            span,
            [data.upper] * 2,
            color=_COLOURS["limits"],
            linewidth=1.0,
            linestyle=":",
            label="XmR control limits",
        )
        axes.plot(span, [data.lower] * 2, color=_COLOURS["limits"], linewidth=1.0, linestyle=":")
    if data.signals:
        points = [i for i in data.signals if not math.isnan(data.monthly[i])]
        axes.scatter(
            points,
            [data.monthly[i] for i in points],
            s=36,
            zorder=5,
            facecolors="none",
            edgecolors=_COLOURS["signal"],
            linewidths=1.5,
            label=data.signal_label,
        )
    axes.set_title(data.title, loc="left", fontsize=9, fontweight="bold")
    axes.set_ylabel(data.y_label)
    ticks = [i for i in x if (len(x) - 1 - i) % 3 == 0]
    axes.set_xticks(ticks)
    axes.set_xticklabels([data.labels[i] for i in ticks], rotation=45, ha="right")
    axes.set_xlim(-0.5, len(x) - 0.5)
    # Counts and rates are never negative: the axis may start above zero, never below it.
    axes.set_ylim(bottom=max(0.0, axes.get_ylim()[0]))
    axes.grid(axis="y", color="#d9d9d9", linewidth=0.6)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=3, frameon=False, fontsize=7)
