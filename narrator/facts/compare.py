"""Comparisons of a period with another: levels, changes, averages and benchmarks."""

from __future__ import annotations

import numpy as np

from narrator import months
from narrator.facts.context import Context


def levels(ctx: Context) -> None:
    """The discrete month and the rolling 12 months."""
    p, t = ctx.panel, ctx.t
    for kind, window, period in (
        ("level", (t, t), ctx.iso(t)),
        ("level.rolling", (t - 11, t), ctx.rolling_label(t)),
    ):
        num, den = p.parts(*window)
        detail = {} if den is None else {"numerator": num, "denominator": den}
        ctx.builder.add(
            kind,
            value=p.value_of(num, den),
            period=period,
            sources=ctx.cells(*window),
            detail=detail,
            strength=np.zeros(len(p)),
        )


def _compare(
    ctx: Context,
    kind: str,
    window: tuple[int, int],
    period: str,
    ref_window: tuple[int, int],
    ref_period: str,
    *,
    scale: float = 1.0,
    detail: dict[str, np.ndarray | float | int | str] | None = None,
    seasonal: bool = False,
) -> np.ndarray:
    """Add a comparison of two windows; counts of the reference may be scaled (averages).

    ``seasonal``: the reference is an average of whole years, which the season does not
    bias; for a seasonal series the month is held to what the season makes of that average
    (see :mod:`narrator.facts.seasonal`).
    """
    p = ctx.panel
    value = p.window(*window)
    reference = p.window(*ref_window)
    if not p.is_ratio:
        reference = reference * scale
    if seasonal:
        reference = ctx.season.expected(reference, window[1])
        detail = {**(detail or {}), "seasonal": ctx.season.seasonal}
    significant, statistic, method = ctx.test(window, reference)
    ctx.builder.add(
        kind,
        value=value,
        reference=reference,
        period=period,
        reference_period=ref_period,
        significant=significant,
        statistic=statistic,
        method=method,
        detail=detail,
        sources=ctx.cells2(window, ref_window),
    )
    return reference


def changes(ctx: Context) -> None:
    """Month on month, year on year, rolling, financial year and year to date changes."""
    t, fy = ctx.t, ctx.fy
    month, rolling = (t, t), (t - 11, t)
    _compare(ctx, "change.month", month, ctx.iso(t), (t - 1, t - 1), ctx.iso(t - 1))
    for years in range(1, ctx.settings.history_years + 1):
        back = t - 12 * years
        _compare(
            ctx,
            "change.year",
            month,
            ctx.iso(t),
            (back, back),
            ctx.iso(back),
            detail={"years": years},
        )
    r12 = ctx.rolling_label(t)
    # Overlapping windows make this test conservative: "stable" when it is not significant.
    _compare(ctx, "change.rolling_month", rolling, r12, (t - 12, t - 1), ctx.rolling_label(t - 1))
    _compare(ctx, "change.rolling_year", rolling, r12, (t - 23, t - 12), ctx.rolling_label(t - 12))
    last_fy = f"FY:{months.year(ctx.panel.first + fy - 12)}"
    _compare(ctx, "change.financial_year", rolling, r12, (fy - 12, fy - 1), last_fy)
    _compare(
        ctx,
        "change.year_to_date",
        (fy, t),
        f"YTD:{ctx.iso(t)}",
        (fy - 12, t - 12),
        f"YTD:{ctx.iso(t - 12)}",
    )
    for width in (12, 36):
        _compare(
            ctx,
            "change.average",
            month,
            ctx.iso(t),
            (t - width, t - 1),
            f"AVG{width}:{ctx.iso(t)}",
            scale=1 / width,
            detail={"months": width},
            seasonal=True,
        )


def benchmarks(ctx: Context) -> None:
    """The rolling 12 months against the long-term and the year end benchmarks."""
    p, t, fy = ctx.panel, ctx.t, ctx.fy
    rolling = (t - 11, t)
    years = ctx.settings.long_term_years
    lt_window = (fy - 12 * years, fy - 1)
    lt_label = f"LT:{ctx.iso(lt_window[0])}..{ctx.iso(lt_window[1])}"
    wanted = np.array(["long_term" in m.benchmarks for m in p.measures], dtype=bool)
    _benchmark(ctx, "benchmark.long_term", rolling, lt_window, lt_label, 1 / years, wanted)

    ye_window = (fy - 12, fy - 1)
    wanted = np.array(["year_end" in m.benchmarks for m in p.measures], dtype=bool)
    _benchmark(
        ctx,
        "benchmark.year_end",
        rolling,
        ye_window,
        ctx.rolling_label(fy - 1),
        1.0,
        wanted,
        times=True,
    )


def _benchmark(
    ctx: Context,
    kind: str,
    window: tuple[int, int],
    ref_window: tuple[int, int],
    ref_label: str,
    scale: float,
    wanted: np.ndarray,
    *,
    times: bool = False,
) -> np.ndarray:
    p, t, fy = ctx.panel, ctx.t, ctx.fy
    value = p.window(*window)
    reference = p.window(*ref_window)
    if not p.is_ratio:
        reference = reference * scale
    significant, statistic, method = ctx.test(window, reference)
    direction = np.where(significant, np.where(value > reference, "up", "down"), "flat")
    detail: dict[str, np.ndarray | int | str] = {}
    if times and fy >= 11:
        # How often this financial year the rolling 12 months gave the same verdict.
        count = np.zeros(len(p), dtype=int)
        for column in range(fy, t + 1):
            num, den = p.parts(column - 11, column)
            sig, _ = p.significance(num, den, reference, ctx.settings.confidence)
            val = p.value_of(num, den)
            same = sig & (np.where(val > reference, "up", "down") == direction)
            count += same.astype(int)
        detail["times_this_fy"] = count
    ctx.builder.add(
        kind,
        value=value,
        reference=reference,
        period=ctx.rolling_label(t),
        reference_period=ref_label,
        significant=significant,
        statistic=statistic,
        method=method,
        detail=detail,
        direction=direction,
        mask=wanted,
        sources=ctx.cells2(window, ref_window),
    )
    return reference


def calendar_years(ctx: Context) -> None:
    """Calendar year to date against every earlier calendar year (counts only)."""
    p, t = ctx.panel, ctx.t
    if p.is_ratio:
        return
    month = ctx.month
    this_year = months.year(month)
    jan = this_year * 12 - p.first
    if jan < 0:
        return
    value = p.window(jan, t)
    totals: dict[str, np.ndarray] = {}
    for year in range(months.year(p.first), this_year):
        start = max(0, year * 12 - p.first)
        totals[str(year)] = p.window(start, year * 12 + 11 - p.first)
    if not totals:
        return
    stacked = np.vstack(list(totals.values()))
    known = np.isfinite(stacked).any(axis=0)
    highest = np.full(len(p), np.nan)
    highest[known] = np.nanmax(stacked[:, known], axis=0)
    ctx.builder.add(
        "calendar.year_to_date",
        value=value,
        reference=highest,
        period=f"CY:{this_year}:{ctx.iso(t)}",
        reference_period=f"CYMAX:{months.year(p.first)}..{this_year - 1}",
        method="calendar-year totals",
        detail={
            "first_year_partial": months.month_of_year(p.first) != 1,
            "through": ctx.iso(t),
            **totals,
        },
        sources=ctx.cells(0, t),
    )
