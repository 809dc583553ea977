"""The figures: reading the tidy table of the data contract, checking it, holding it as arrays.

Every check is vectorised over the whole table and every problem is collected, so that one
run tells the analyst everything that is wrong, each with its file and row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from narrator import months
from narrator.areas import Areas
from narrator.catalogue import Catalogue, Kind
from narrator.errors import FiguresError, Problem

REQUIRED = ("month", "measure", "area", "value")
OPTIONAL = ("date",)
_MONTH_PATTERN = r"\d{4}-(?:0[1-9]|1[0-2])"
_DATE_PATTERN = r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"


@dataclass
class Figures:
    """Validated figures: count series as a (series x month) array, snapshots as a table."""

    catalogue: Catalogue
    areas: Areas
    first: int
    last: int
    keys: list[tuple[str, str]]
    values: np.ndarray
    snapshots: pd.DataFrame
    warnings: list[Problem] = field(default_factory=list)
    _index: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {key: i for i, key in enumerate(self.keys)}

    @property
    def months(self) -> range:
        """Month numbers covered, first to last."""
        return range(self.first, self.last + 1)

    def has(self, measure: str, area: str) -> bool:
        """True when the figures hold a series for this measure and area."""
        return (measure, area) in self._index

    def row(self, measure: str, area: str) -> int:
        """Row of the series in :attr:`values`."""
        return self._index[(measure, area)]

    def series(self, measure: str, area: str) -> np.ndarray:
        """The monthly values of one count series (NaN where there is a gap)."""
        return np.asarray(self.values[self._index[(measure, area)]])

    def column(self, month: int) -> int:
        """Column of a month in :attr:`values`."""
        return month - self.first

    def check_month(self, month: int) -> None:
        """Raise a clear error when the reporting month is outside the figures."""
        from narrator.errors import MonthError

        if not self.first <= month <= self.last:
            raise MonthError(
                f"{months.iso(month)} is outside the figures, which run from "
                f"{months.iso(self.first)} to {months.iso(self.last)}"
            )


def read_table(path: Path) -> pd.DataFrame:
    """Read one figures file (CSV, .xlsx or Parquet) as text columns, header checked."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        elif suffix in (".xlsx", ".xlsm"):
            frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
        elif suffix in (".parquet", ".pq"):
            frame = pd.read_parquet(path).astype(str)
        else:
            raise FiguresError(
                [Problem(str(path), f"unsupported file type {suffix!r}", ".csv, .xlsx or .parquet")]
            )
    except FileNotFoundError:
        raise FiguresError([Problem(str(path), "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise FiguresError(
            [Problem(str(path), f"not UTF-8 text (byte {exc.start})", "a UTF-8 CSV file")]
        ) from None
    except FiguresError:
        raise
    except Exception as exc:  # pandas, openpyxl and pyarrow raise many types for a bad file
        raise FiguresError([Problem(str(path), f"cannot be read: {exc}")]) from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in REQUIRED if c not in frame.columns]
    extra = [c for c in frame.columns if c not in REQUIRED + OPTIONAL]
    problems = []
    if missing:
        problems.append(Problem(f"{path}: header", f"missing columns {missing}", str(REQUIRED)))
    if extra:
        problems.append(
            Problem(f"{path}: header", f"unexpected columns {extra}", f"only {REQUIRED + OPTIONAL}")
        )
    if problems:
        raise FiguresError(problems)
    if "date" not in frame.columns:
        frame["date"] = ""
    frame = frame[list(REQUIRED + OPTIONAL)].copy()
    for col in frame.columns:
        frame[col] = frame[col].astype(str).str.strip()
    frame["_file"] = str(path)
    # Row numbers as the analyst sees them in a spreadsheet: the header is row 1.
    frame["_row"] = np.arange(2, len(frame) + 2)
    return frame


def load_figures(paths: Sequence[Path], catalogue: Catalogue, areas: Areas) -> Figures:
    """Read, validate and shape the figures; raise :class:`FiguresError` listing every problem."""
    frames = [read_table(p) for p in paths]
    if not frames:
        raise FiguresError([Problem("narrator.toml", "no figures files are named")])
    table = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return figures_from_table(table, catalogue, areas)


def figures_from_table(table: pd.DataFrame, catalogue: Catalogue, areas: Areas) -> Figures:
    """Validate a tidy table (text columns plus ``_file`` and ``_row``) and shape it."""
    if "_file" not in table:
        table = table.assign(_file="<table>", _row=np.arange(2, len(table) + 2))
    if "date" not in table:
        table = table.assign(date="")
    problems: list[Problem] = []

    def flag(mask: pd.Series, message: str, expected: str | None = None) -> None:
        for file, row, text in table.loc[mask, ["_file", "_row", "_what"]].itertuples(index=False):
            problems.append(Problem(f"{file}: row {row}", message.format(text), expected))

    month_text = table["month"].astype(str)
    table["_what"] = month_text
    bad_month = ~month_text.str.fullmatch(_MONTH_PATTERN)
    flag(bad_month, "month {!r} is not a month", "YYYY-MM")

    value = pd.to_numeric(table["value"], errors="coerce")
    table["_what"] = table["value"]
    bad_value = value.isna() | ~np.isfinite(value.fillna(0.0))
    flag(bad_value, "value {!r} is not a number", "a number")

    kinds = {m.id: m.kind for m in catalogue}
    table["_what"] = table["measure"]
    unknown_measure = ~table["measure"].isin(list(kinds))
    flag(unknown_measure, "unknown measure {!r}", "a measure id of the catalogue")
    ratio_ids = [m.id for m in catalogue.ratios]
    is_ratio = table["measure"].isin(ratio_ids)
    flag(is_ratio, "{!r} is a ratio measure", "its numerator and denominator as count rows")

    table["_what"] = table["area"]
    unknown_area = ~table["area"].isin([a.name for a in areas])
    flag(unknown_area, "unknown area {!r}", "an area of the hierarchy")

    table["_what"] = value.astype(str)
    negative = value < 0
    flag(negative, "negative value {}", "a count of zero or more")

    snapshot_ids = [m.id for m in catalogue if m.kind is Kind.SNAPSHOT]
    is_snapshot = table["measure"].isin(snapshot_ids)
    date_text = table["date"].astype(str)
    table["_what"] = date_text
    bad_date = is_snapshot & ~date_text.str.fullmatch(_DATE_PATTERN)
    flag(bad_date, "snapshot date {!r} is not a date", "YYYY-MM-DD for a snapshot measure")
    wrong_month = is_snapshot & ~bad_date & ~bad_month & (date_text.str[:7] != month_text)
    flag(wrong_month, "date {!r} is not in the row's month", "a date within the month column")

    keys = ["month", "measure", "area", "date"]
    dup = table.duplicated(keys, keep="first") & ~bad_month
    table["_what"] = table["measure"] + " / " + table["area"] + " / " + month_text
    flag(dup, "duplicate row for {}", "one row per month, measure and area")

    ok = ~(bad_month | bad_value | unknown_measure | is_ratio | unknown_area | negative | dup)
    ok &= ~(bad_date | wrong_month)
    clean = table.loc[ok].assign(value=value[ok])
    clean["m"] = _month_numbers(clean["month"])
    counts = clean[~clean["measure"].isin(snapshot_ids)]
    snapshots = clean[clean["measure"].isin(snapshot_ids)]
    if counts.empty and not problems:
        problems.append(Problem("figures", "no monthly count rows", "rows of count measures"))
    if problems:
        raise FiguresError(problems)

    first, last = int(counts["m"].min()), int(counts["m"].max())
    pivot = counts.pivot(index=["measure", "area"], columns="m", values="value")
    pivot = pivot.reindex(columns=range(first, last + 1))
    rows = counts.pivot(index=["measure", "area"], columns="m", values="_row")
    rows = rows.reindex(index=pivot.index, columns=pivot.columns)
    keys_list = [(str(m), str(a)) for m, a in pivot.index]
    values = pivot.to_numpy(dtype=float, copy=True)
    warnings = _fill_gaps(values, keys_list, catalogue, first)

    figures = Figures(
        catalogue=catalogue,
        areas=areas,
        first=first,
        last=last,
        keys=keys_list,
        values=values,
        snapshots=snapshots[["date", "measure", "area", "value", "_file", "_row"]].reset_index(
            drop=True
        ),
        warnings=warnings,
    )
    _check_ratio_parts(figures, rows.to_numpy(), table)
    return figures


def _month_numbers(text: pd.Series) -> pd.Series:
    parts = text.str.split("-", n=1, expand=True).astype(int)
    return parts[0] * 12 + parts[1] - 1


def _fill_gaps(
    values: np.ndarray, keys: list[tuple[str, str]], catalogue: Catalogue, first: int
) -> list[Problem]:
    """Zero-fill the measures that say so; report gaps inside the other series."""
    present = ~np.isnan(values)
    started = np.maximum.accumulate(present, axis=1)
    # A gap is a missing month after the series began and before its last value.
    ended = np.flip(np.maximum.accumulate(np.flip(present, axis=1), axis=1), axis=1)
    zero_fill = np.array([catalogue[m].zero_fill for m, _ in keys], dtype=bool)
    fill = started & ~present & zero_fill[:, None]
    values[fill] = 0.0
    gaps = started & ended & ~present & ~zero_fill[:, None]
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


def _check_ratio_parts(figures: Figures, rows: np.ndarray, table: pd.DataFrame) -> None:
    """A numerator above its denominator in the same month and area is an error."""
    problems = []
    files = table["_file"].to_numpy()
    file_of_row = dict(zip(table["_row"].to_numpy(), files, strict=False))
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
                file_row = rows[num_row, col]
                where = f"row {int(file_row)}" if not np.isnan(file_row) else "a filled month"
                problems.append(
                    Problem(
                        f"{file_of_row.get(file_row, 'figures')}: {where}",
                        f"{ratio.numerator} ({num[col]:g}) is above {ratio.denominator} "
                        f"({den[col]:g}) for {area.name} in {months.iso(figures.first + int(col))}",
                        f"the numerator of {ratio.id} to be at most its denominator",
                    )
                )
    if problems:
        raise FiguresError(problems)


def iter_series(figures: Figures, measures: Iterable[str]) -> list[int]:
    """Rows of every series of the given measures."""
    wanted = set(measures)
    return [i for i, (m, _) in enumerate(figures.keys) if m in wanted]
