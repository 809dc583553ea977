"""Facts as an editor reads them: values, comparisons, significance, and old beside new.

Plain text, no styling: the app shows these lines as they are, so they read the same in an
80-column terminal without colour and in a test's captured screen.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

#: Summary fields compared when a paragraph goes stale, with their labels.
COMPARED = (
    ("value", "value"),
    ("reference", "reference"),
    ("change", "change"),
    ("change_pct", "change %"),
    ("significant", "significant"),
    ("direction", "direction"),
    ("period", "period"),
    ("reference_period", "compared with"),
)


def number(value: Any, unit: str | None = None) -> str:
    """A figure as the facts panel prints it: ``12.4%``, ``1,204``, ``3.5``; ``-`` for none."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and math.isnan(value):
        return "-"
    if unit == "percent":
        return f"{value:.1f}%"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def _change(fact: Mapping[str, Any]) -> str:
    change = fact.get("change")
    if change is None:
        return ""
    unit = fact.get("unit")
    text = f"{change:+.1f} pts" if unit == "percent" else f"{number(change, unit)}"
    if unit != "percent" and isinstance(change, int | float) and change > 0:
        text = "+" + text
    pct = fact.get("change_pct")
    if isinstance(pct, int | float) and unit != "percent":
        text += f" ({pct:+.1f}%)"
    return text


def headline(fact: Mapping[str, Any]) -> str:
    """What a fact is about: ``level.rolling · ppo_rate_all · Cambridgeshire · R12:2019-10``."""
    parts = [fact.get("kind"), fact.get("measure"), fact.get("area"), fact.get("period")]
    return " · ".join(str(p) for p in parts if p)


def figures(fact: Mapping[str, Any]) -> str:
    """A fact's figures on one line: value, reference and period, change, significance, method."""
    unit = fact.get("unit")
    if str(fact.get("kind", "")).startswith("streak"):
        # A streak's value is the length of a run of months, whatever the measure's unit.
        unit = "months"
    parts = [number(fact.get("value"), unit)]
    if unit == "months":
        parts[0] += " months"
    if fact.get("reference") is not None:
        against = f"vs {number(fact.get('reference'), unit)}"
        if fact.get("reference_period"):
            against += f" ({fact['reference_period']})"
        parts.append(against)
    change = _change(fact)
    if change:
        parts.append(change)
    significant = fact.get("significant")
    if significant is not None:
        parts.append("significant" if significant else "not significant")
    if fact.get("method"):
        parts.append(str(fact["method"]))
    return " · ".join(parts)


def describe(fact: Mapping[str, Any] | None, fact_id: str) -> list[str]:
    """Two lines for the facts panel; one saying so when the sidecar lacks the fact."""
    if fact is None:
        return [f"{fact_id} (not in the sidecar)"]
    return [headline(fact), "  " + figures(fact)]


def side_by_side(
    old: Mapping[str, Any] | None, new: Mapping[str, Any] | None, fact_id: str
) -> list[str]:
    """The figures of a fact before and after a refresh, one changed field a line."""
    about = headline(new or old or {}) or fact_id
    if old is None:
        return [about, "  new: " + figures(new or {})]
    if new is None:
        return [about, "  no longer stated; was " + figures(old)]
    unit = new.get("unit") or old.get("unit")
    lines = [about]
    for key, label in COMPARED:
        if old.get(key) != new.get(key):
            shown_as = "percent" if key == "change_pct" else None
            if key in ("value", "reference"):
                shown_as = unit
            before, after = number(old.get(key), shown_as), number(new.get(key), shown_as)
            lines.append(f"  {label:<14}{before:>16}  ->  {after}")
    if len(lines) == 1:
        lines.append("  (same figures; the method or statistic changed)")
    return lines


def stale_lines(stale: Mapping[str, Any]) -> list[str]:
    """Every changed fact of a stale paragraph, old figures beside new."""
    old = stale.get("old", {}) or {}
    new = stale.get("new", {}) or {}
    lines: list[str] = []
    for fact_id in sorted(set(old) | set(new)):
        lines += side_by_side(old.get(fact_id), new.get(fact_id), fact_id)
    return lines
