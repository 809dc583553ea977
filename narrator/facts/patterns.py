"""Patterns over a series' history: streaks, records, counts of months, XmR signals, trends."""

from __future__ import annotations

import numpy as np

from narrator.facts import stats
from narrator.facts.context import Context

_WORD = {1.0: "up", -1.0: "down", 0.0: "flat"}


def _words(signs: np.ndarray) -> np.ndarray:
    out = np.full(signs.shape, "", dtype=object)
    for sign, word in _WORD.items():
        out[signs == sign] = word
    return out


def streaks(ctx: Context) -> None:
    """Runs of month-on-month moves, of the rolling 12 months and of the discrete month."""
    p, t = ctx.panel, ctx.t
    if t < 2:
        return
    for kind, values, label in (
        ("streak.rolling", p.rolling(), ctx.rolling_label(t)),
        ("streak.month", p.month_values(), ctx.iso(t)),
    ):
        signs = np.sign(np.diff(values[:, : t + 1], axis=1))  # column c-1: move into month c
        current = signs[:, -1]
        previous = signs[:, -2]
        length = stats.run_length(signs == current[:, None])
        before = stats.run_length(signs[:, :-1] == previous[:, None])
        broken = current != previous
        # The month before the run that was broken (or the current run) began.
        since_col = np.where(broken, t - 1 - before, t - length)
        known = np.isfinite(values[np.arange(len(p)), since_col.clip(0)])
        since = ctx.iso_array(since_col)
        ctx.builder.add(
            kind,
            value=length.astype(float),
            unit="months",
            period=label,
            direction=_words(current),
            method="run of month-on-month changes",
            detail={
                "length": length,
                "broken": broken,
                "previous_direction": _words(previous),
                "previous_length": before,
                "since": since,
                "since_known": known & (since_col >= 0),
            },
            mask=np.isfinite(current) & np.isfinite(previous),
            strength=np.minimum(1.0, np.where(broken, before, length) / 12),
            sources=ctx.cells(0, t),
        )


#: A record reaches back at least this many months ("highest since ...").
RECORD_MONTHS = 13


def records(ctx: Context) -> None:
    """Highest or lowest since a month (at least 13 months back), for month and rolling.

    A value can be both (a rate equal to its last known value, with no rate in the months
    between): the id ends in "/highest" or "/lowest" so that the two stay apart.
    """
    p, t = ctx.panel, ctx.t
    if t < RECORD_MONTHS:  # the span of a record is at most t months: no history, no record
        return
    for values, label in ((p.month_values(), ctx.iso(t)), (p.rolling(), ctx.rolling_label(t))):
        current = values[:, t]
        history = values[:, :t]
        for record, beaten in (
            ("highest", history >= current[:, None]),
            ("lowest", history <= current[:, None]),
        ):
            valid = np.isfinite(history)
            found = beaten.any(axis=1)
            last = np.where(found, t - 1 - beaten[:, ::-1].argmax(axis=1), -1)
            first_valid = np.where(valid.any(axis=1), valid.argmax(axis=1), t)
            span = np.where(found, t - last, t - first_valid)
            reference = np.where(found, history[np.arange(len(p)), last.clip(0)], np.nan)
            since = ctx.iso_array(last)
            start = ctx.iso_array(first_valid.clip(0, t))
            ctx.builder.add(
                "record",
                value=current,
                period=label,
                qualifier=f"/{record}",
                direction=np.full(len(p), "up" if record == "highest" else "down"),
                method="comparison with every earlier value",
                detail={
                    "record": record,
                    "months": span,
                    "since": since,
                    "on_record": np.asarray(~found),
                    "history_starts": start,
                    "since_value": reference,
                },
                mask=span >= RECORD_MONTHS,
                strength=np.minimum(1.0, span / 36),
                sources=ctx.cells(0, t),
            )


def months_above(ctx: Context) -> None:
    """How many of the last 12 months beat the same month in each of the previous years."""
    p, t = ctx.panel, ctx.t
    years = ctx.settings.history_years
    if t - 11 - 12 * years < 0:
        return
    values = p.month_values()
    window = values[:, t - 11 : t + 1]
    above = np.ones(window.shape, dtype=bool)
    below = np.ones(window.shape, dtype=bool)
    for k in range(1, years + 1):
        earlier = values[:, t - 11 - 12 * k : t + 1 - 12 * k]
        above &= window > earlier
        below &= window < earlier
    n_above, n_below = above.sum(axis=1), below.sum(axis=1)
    ctx.builder.add(
        "count.above_previous_years",
        value=n_above.astype(float),
        unit="months",
        period=f"L12:{ctx.iso(t)}",
        direction=np.where(n_above > n_below, "up", np.where(n_below > n_above, "down", "flat")),
        method=f"months higher than the same month in each of the previous {years} years",
        detail={"below": n_below, "months": 12, "years": years},
        mask=np.isfinite(window).all(axis=1),
        strength=np.maximum(n_above, n_below) / 12,
        sources=ctx.cells(t - 11 - 12 * years, t),
    )


def xmr(ctx: Context) -> None:
    """XmR control-chart signals of the discrete month against a baseline window.

    A seasonal series is charted seasonally adjusted (see :mod:`narrator.facts.seasonal`):
    the centre line and the limits are worked out on the adjusted baseline, and reported as
    what the season makes of them in the reporting month. Whatever the chart says, a month
    that rose on both the month before and the same month a year earlier is no signal of a
    fall (nor one that fell on both, of a rise): its own figures say otherwise.
    """
    p, t, s = ctx.panel, ctx.t, ctx.settings
    if t - s.xmr_baseline < 0 or t - s.xmr_run < 0:
        return
    raw = p.month_values()
    season = ctx.season
    start = t - max(s.xmr_baseline, s.xmr_run)
    values = season.adjust(raw[:, start : t + 1], start)
    at = t - start  # the reporting month's column in ``values``
    baseline = values[:, at - s.xmr_baseline : at]
    centre, lower, upper = stats.xmr_limits(baseline)
    current = values[:, at]
    recent = values[:, at - s.xmr_run + 1 : at + 1]
    moves = np.diff(values[:, at - s.xmr_run : at + 1], axis=1)
    conditions = [
        (current > upper, "above_upper_limit"),
        (current < lower, "below_lower_limit"),
        ((recent > centre[:, None]).all(axis=1), "run_above_centre"),
        ((recent < centre[:, None]).all(axis=1), "run_below_centre"),
        ((moves > 0).all(axis=1), "rising_run"),
        ((moves < 0).all(axis=1), "falling_run"),
    ]
    signal = np.full(len(p), "", dtype=object)
    for flags, name in reversed(conditions):  # the first listed wins
        signal[flags] = name
    up = np.isin(signal, ["above_upper_limit", "run_above_centre", "rising_run"])
    down = np.isin(signal, ["below_lower_limit", "run_below_centre", "falling_run"])
    rose, fell = _moved_on_month_and_year(raw, t)
    signal[(down & rose) | (up & fell)] = ""
    up &= ~fell
    down &= ~rose
    ctx.builder.add(
        "xmr.signal",
        value=raw[:, t],
        reference=season.expected(centre, t),
        period=ctx.iso(t),
        reference_period=f"XMR{s.xmr_baseline}:{ctx.iso(t)}",
        significant=signal != "",
        direction=np.where(up, "up", np.where(down, "down", "flat")),
        method=f"XmR: mean +/- 2.66 mR over {s.xmr_baseline} months; runs of {s.xmr_run}",
        statistic={"lower": season.expected(lower, t), "upper": season.expected(upper, t)},
        detail={
            "signal": signal,
            "baseline_months": s.xmr_baseline,
            "seasonal": season.seasonal,
        },
        mask=np.isfinite(baseline).all(axis=1) & np.isfinite(recent).all(axis=1),
        sources=ctx.cells(t - s.xmr_baseline, t),
    )


def _moved_on_month_and_year(values: np.ndarray, t: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows whose month rose (fell) on both the month before and the same month a year ago."""
    current = values[:, t]
    if t < 12:
        none = np.zeros(len(current), dtype=bool)
        return none, none
    with np.errstate(invalid="ignore"):
        rose = (current > values[:, t - 1]) & (current > values[:, t - 12])
        fell = (current < values[:, t - 1]) & (current < values[:, t - 12])
    return rose, fell


def trend(ctx: Context) -> None:
    """The long-term trend: least-squares slope of the last N monthly values."""
    p, t, s = ctx.panel, ctx.t, ctx.settings
    n = s.trend_months
    if t + 1 < n:
        return
    window = p.month_values()[:, t - n + 1 : t + 1]
    ok = np.isfinite(window).all(axis=1)
    filled = np.where(np.isfinite(window), window, 0.0)
    slope, pvalue, mean = stats.trend(filled)
    significant = pvalue < s.trend_alpha
    with np.errstate(invalid="ignore", divide="ignore"):
        per_year = np.where(mean != 0, 1200 * slope / mean, np.nan)
    ctx.builder.add(
        "trend.long_term",
        value=slope,
        # The slope is a change a month: in the measure's units, or in points for a rate.
        unit="points" if p.is_ratio else p.unit,
        period=f"T{n}:{ctx.iso(t)}",
        significant=significant,
        direction=np.where(significant, np.where(slope > 0, "up", "down"), "flat"),
        method=f"least-squares slope over {n} months, p < {s.trend_alpha}",
        statistic={"p": pvalue},
        detail={"months": n, "mean": mean, "percent_per_year": per_year},
        mask=ok,
        strength=np.minimum(1.0, np.abs(np.nan_to_num(per_year)) / 10),
        sources=ctx.cells(t - n + 1, t),
    )
