"""Checking the tidy table of the data contract and shaping it into :class:`Figures`.

Every check is vectorised over the whole table and every problem is collected, so that one
run tells the analyst everything that is wrong, each with its file and row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from narrator import months
from narrator.areas import Areas
from narrator.catalogue import Catalogue, Kind
from narrator.errors import FiguresError, Problem
from narrator.figures.files import read_table
from narrator.figures.model import Figures
from narrator.limits import MONTH_GAP
from narrator.textio import excerpt

# [0-9], not \d: \d matches any Unicode digit, and int() would then read "２０１９".
_MONTH_PATTERN = r"[0-9]{4}-(?:0[1-9]|1[0-2])"
_DATE_PATTERN = r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"


def load_figures(paths: Sequence[Path], catalogue: Catalogue, areas: Areas) -> Figures:
    """Read, validate and shape the figures; raise :class:`FiguresError` listing every problem."""
    frames = [read_table(p) for p in paths]
    if not frames:
        raise FiguresError([Problem("narrator.toml", "no figures files are named")])
    table = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return figures_from_table(table, catalogue, areas)


def figures_from_table(table: pd.DataFrame, catalogue: Catalogue, areas: Areas) -> Figures:
    """Validate a tidy table (text columns plus ``_file`` and ``_row``) and shape it.

    Every column is factorised once and each check runs on its distinct values (120 months,
    a few dozen measures and areas), then maps back to the rows through the codes; the text
    of a problem is built only for the rows that have one.
    """
    if "_file" not in table:
        table = table.assign(_file="<table>", _row=np.arange(2, len(table) + 2))
    if "date" not in table:
        table = table.assign(date="")
    problems: list[Problem] = []

    def flag(
        mask: np.ndarray,
        message: str,
        expected: str | None,
        texts: Callable[[np.ndarray], Iterable[object]],
    ) -> None:
        where = np.flatnonzero(mask)
        if not where.size:
            return
        files = table["_file"].iloc[where].tolist()
        rows = table["_row"].iloc[where].tolist()
        for file, row, text in zip(files, rows, texts(where), strict=True):
            # A bad value is quoted, never echoed whole: a 50 MB cell is a short excerpt.
            shown = excerpt(text) if "{!r}" in message else str(text)[:200]
            problems.append(
                Problem(f"{file}: row {row}", message.replace("{!r}", "{}").format(shown), expected)
            )

    month = _Coded.of(_text(table["month"]))
    bad_month = month.rows(~_matches(month.uniques, _MONTH_PATTERN))
    flag(bad_month, "month {!r} is not a month", "YYYY-MM", month.texts)
    far_month = _far_months(month, bad_month, flag)

    raw_value = _Coded.of(table["value"])
    # Numbers parsed once per distinct text; the dtype pandas infers (int64 when every value
    # is a whole number) is the one it infers for the whole column, so messages read the same.
    number = pd.to_numeric(pd.Series(raw_value.raw), errors="coerce")
    value_of = number.to_numpy(dtype=float, na_value=np.nan)
    bad_value = raw_value.rows(~np.isfinite(value_of))
    flag(bad_value, "value {!r} is not a number", "a number", raw_value.texts)

    kinds = {m.id: m.kind for m in catalogue}
    measure = _Coded.of(table["measure"])
    unknown_measure = measure.rows(np.array([u not in kinds for u in measure.uniques], bool))
    flag(unknown_measure, "unknown measure {!r}", "a measure id of the catalogue", measure.texts)
    ratio_ids = {m.id for m in catalogue.ratios}
    is_ratio = measure.rows(np.array([u in ratio_ids for u in measure.uniques], bool))
    flag(
        is_ratio,
        "{!r} is a ratio measure",
        "its numerator and denominator as count rows",
        measure.texts,
    )

    area = _Coded.of(table["area"])
    names = {a.name for a in areas}
    unknown_area = area.rows(np.array([u not in names for u in area.uniques], bool))
    flag(unknown_area, "unknown area {!r}", "an area of the hierarchy", area.texts)

    negative = raw_value.rows(value_of < 0)
    number_text = number.astype(str).to_numpy(dtype=object)
    flag(
        negative,
        "negative value {}",
        "a count of zero or more",
        lambda where: number_text[raw_value.codes[where]],
    )

    snapshot_ids = {m.id for m in catalogue if m.kind is Kind.SNAPSHOT}
    is_snapshot = measure.rows(np.array([u in snapshot_ids for u in measure.uniques], bool))
    date = _Coded.of(_text(table["date"]))
    bad_date = is_snapshot & date.rows(~_matches(date.uniques, _DATE_PATTERN))
    flag(
        bad_date,
        "snapshot date {!r} is not a date",
        "YYYY-MM-DD for a snapshot measure",
        date.texts,
    )
    wrong_month = is_snapshot & ~bad_date & ~bad_month
    checked = np.flatnonzero(wrong_month)
    wrong_month[checked] = month.uniques[month.codes[checked]] != np.array(
        [str(d)[:7] for d in date.uniques[date.codes[checked]]], dtype=object
    )
    flag(
        wrong_month,
        "date {!r} is not in the row's month",
        "a date within the month column",
        date.texts,
    )

    dup = _duplicated(table, (month, measure, area, date)) & ~bad_month
    flag(
        dup,
        "duplicate row for {}",
        "one row per month, measure and area",
        lambda where: [
            f"{s} / {a} / {m}"
            for s, a, m in zip(
                measure.texts(where), area.texts(where), month.texts(where), strict=True
            )
        ],
    )

    ok = ~(
        bad_month
        | far_month
        | bad_value
        | unknown_measure
        | is_ratio
        | unknown_area
        | negative
        | dup
    )
    ok &= ~(bad_date | wrong_month)
    counts = np.flatnonzero(ok & ~is_snapshot)
    snapshot_rows = np.flatnonzero(ok & is_snapshot)
    if not counts.size and not problems:
        problems.append(Problem("figures", "no monthly count rows", "rows of count measures"))
    if problems:
        raise FiguresError(problems)

    month_number = _month_numbers(month.uniques)[month.codes[counts]]
    first, last = int(month_number.min()), int(month_number.max())
    # Series in the order of a pivot on (measure, area): sorted by measure, then by area.
    measure_rank, measure_sorted = _sort_rank(measure.uniques)
    area_rank, area_sorted = _sort_rank(area.uniques)
    pair = measure_rank[measure.codes[counts]] * len(area_sorted) + area_rank[area.codes[counts]]
    series_of, pairs = pd.factorize(pair, sort=True)
    keys_list = [
        (str(measure_sorted[p // len(area_sorted)]), str(area_sorted[p % len(area_sorted)]))
        for p in pairs.tolist()
    ]
    shape = (len(keys_list), last - first + 1)
    values = np.full(shape, np.nan)
    values[series_of, month_number - first] = value_of[raw_value.codes[counts]]
    # Where each cell came from: its position in the table (-1 for a month with no row).
    positions = np.full(shape, -1, dtype=np.int64)
    positions[series_of, month_number - first] = counts
    warnings = _fill_gaps(values, keys_list, catalogue, first)

    snapshots = table.iloc[snapshot_rows][["date", "measure", "area", "_file", "_row"]]
    # A few rows: plain text columns, whatever the file type (Parquet's are Categoricals).
    snapshots = snapshots.astype(
        {c: str for c in snapshots.columns if isinstance(snapshots[c].dtype, pd.CategoricalDtype)}
    )
    snapshots.insert(3, "value", number.to_numpy()[raw_value.codes[snapshot_rows]])
    figures = Figures(
        catalogue=catalogue,
        areas=areas,
        first=first,
        last=last,
        keys=keys_list,
        values=values,
        snapshots=snapshots.reset_index(drop=True),
        warnings=warnings,
    )
    _check_ratio_parts(figures, positions, table)
    return figures


def _far_months(month: _Coded, bad_month: np.ndarray, flag: Callable[..., None]) -> np.ndarray:
    """Flag the rows of months far from the rest (see :func:`narrator.months.outlying`)."""
    numbers = _month_numbers(month.uniques)
    gap = int(MONTH_GAP.value())
    far, rest = months.outlying([int(n) for n in numbers if n >= 0], gap)
    if not far or rest is None:
        return np.zeros(len(month.codes), dtype=bool)
    far_mask: np.ndarray = month.rows(np.isin(numbers, list(far))) & ~bad_month

    def texts(where: np.ndarray) -> list[str]:
        found = []
        for text in month.texts(where):
            number = int(_month_numbers(np.array([text], dtype=object))[0])
            years = abs(number - (rest[0] if number < rest[0] else rest[1])) / 12
            side = "before" if number < rest[0] else "after"
            found.append(f"{text} is {years:,.0f} years {side}")
        return found

    flag(
        far_mask,
        "month {} the rest of the figures ("
        + f"{months.iso(rest[0])} to {months.iso(rest[1])}): a mistyped year?",
        f"months within {gap} months of the others (the gap is set by {MONTH_GAP.variable})",
        texts,
    )
    return far_mask


@dataclass(frozen=True)
class _Coded:
    """A column as codes into its distinct values (missing values are a value of their own)."""

    codes: np.ndarray
    uniques: np.ndarray
    #: The distinct values as pandas gives them, in the column's own dtype.
    raw: pd.Index

    @classmethod
    def of(cls, column: pd.Series) -> _Coded:
        found: Any
        codes, found = pd.factorize(column, use_na_sentinel=False)
        if isinstance(found, pd.Categorical):  # a Parquet column: its values, not a category
            found = np.asarray(found, dtype=object)
        raw = pd.Index(found)
        return cls(np.asarray(codes, dtype=np.intp), np.asarray(raw, dtype=object), raw)

    def rows(self, per_value: np.ndarray) -> np.ndarray:
        """A per-row mask from a mask over the distinct values."""
        mask: np.ndarray = np.asarray(per_value, dtype=bool)[self.codes]
        return mask

    def texts(self, where: np.ndarray) -> np.ndarray:
        """The values of the rows at ``where``."""
        texts: np.ndarray = self.uniques[self.codes[where]]
        return texts


def _matches(values: np.ndarray, pattern: str) -> np.ndarray:
    compiled = re.compile(pattern)
    return np.array(
        [isinstance(v, str) and compiled.fullmatch(v) is not None for v in values], dtype=bool
    )


def _sort_rank(values: np.ndarray) -> tuple[np.ndarray, list[object]]:
    """Each value's rank in sorted order (texts by code point, as pandas sorts them)."""
    order = sorted(
        range(len(values)), key=lambda i: (not isinstance(values[i], str), str(values[i]))
    )
    rank = np.empty(len(values), dtype=np.int64)
    rank[order] = np.arange(len(values))
    return rank, [values[i] for i in order]


def _duplicated(table: pd.DataFrame, columns: Sequence[_Coded]) -> np.ndarray:
    """Rows repeating an earlier row's values in every one of ``columns``."""
    size = 1
    for column in columns:
        size *= max(1, len(column.uniques))
    if size >= 2**62:  # the combined code would overflow: let pandas combine the columns
        return table.duplicated(["month", "measure", "area", "date"], keep="first").to_numpy()
    key = np.zeros(len(table), dtype=np.int64)
    for column in columns:
        key = key * max(1, len(column.uniques)) + column.codes
    duplicated: np.ndarray = pd.Series(key).duplicated(keep="first").to_numpy()
    return duplicated


def _month_numbers(texts: np.ndarray) -> np.ndarray:
    """Month numbers of distinct ``YYYY-MM`` texts (-1 for anything else): index it by codes."""
    numbers = [
        int(t[:4]) * 12 + int(t[5:7]) - 1 if months.is_month(t) else -1 for t in texts.tolist()
    ]
    return np.array(numbers, dtype=np.int64)


def _fill_gaps(
    values: np.ndarray, keys: list[tuple[str, str]], catalogue: Catalogue, first: int
) -> list[Problem]:
    """Zero-fill the measures that say so; report the missing months of the other series.

    A missing month of a series that is not zero-filled is reported from the series' first
    value on: gaps inside it and the months after its last value (the reporting month too).
    """
    present = ~np.isnan(values)
    started = np.maximum.accumulate(present, axis=1)
    zero_fill = np.array([catalogue[m].zero_fill for m, _ in keys], dtype=bool)
    fill = started & ~present & zero_fill[:, None]
    values[fill] = 0.0
    gaps = started & ~present & ~zero_fill[:, None]
    warnings = []
    for row in np.flatnonzero(gaps.any(axis=1)):
        missing = [months.iso(first + int(c)) for c in np.flatnonzero(gaps[row])]
        measure, area = keys[row]
        shown = ", ".join(missing[:6]) + (" ..." if len(missing) > 6 else "")
        warnings.append(
            Problem(
                f"{measure} / {area}",
                f"no value for {shown}; comparisons that need these months are left out",
            )
        )
    return warnings


def _check_ratio_parts(figures: Figures, positions: np.ndarray, table: pd.DataFrame) -> None:
    """A numerator above its denominator in the same month and area is an error."""
    problems = []
    for ratio in figures.catalogue.ratios:
        assert ratio.numerator is not None and ratio.denominator is not None
        for area in figures.areas:
            if not (
                figures.has(ratio.numerator, area.name)
                and figures.has(ratio.denominator, area.name)
            ):
                continue
            num_row = figures.row(ratio.numerator, area.name)
            num = figures.values[num_row]
            den = figures.values[figures.row(ratio.denominator, area.name)]
            with np.errstate(invalid="ignore"):
                above = num > den
            for col in np.flatnonzero(above):
                position = int(positions[num_row, col])
                where = "figures: a filled month"
                if position >= 0:
                    file, row = table["_file"].iat[position], table["_row"].iat[position]
                    where = f"{file}: row {row}"
                problems.append(
                    Problem(
                        where,
                        f"{ratio.numerator} ({num[col]:g}) is above {ratio.denominator} "
                        f"({den[col]:g}) for {area.name} in {months.iso(figures.first + int(col))}",
                        f"the numerator of {ratio.id} to be at most its denominator",
                    )
                )
    if problems:
        raise FiguresError(problems)


def _text(column: pd.Series) -> pd.Series:
    """A column as text; a Categorical (from Parquet) is text already, kept as codes."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column
    return column.astype(str)
