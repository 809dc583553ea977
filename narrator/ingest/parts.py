"""From one checked file to a few small tables of counts, so the rows never pile up in memory.

Each file is reduced at once to counts by (month, force, district, crime type, outcome
group), or for stop and search by (month, object, find, outcome group), plus rows per LSOA
for the membership rule and what its quirks were. Every column is factorised into codes and
its distinct values; checks and wording maps run on the distinct values, the counting is one
``np.unique`` over combined codes: nothing runs row by row in Python.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from narrator import months
from narrator.errors import IngestError, Problem
from narrator.ingest.naming import (
    ASB,
    CRIME_OUTCOME_GROUPS,
    SS_NOT_STATED,
    SS_OLD_WORDING,
    SS_OUTCOME_GROUPS,
    group_wordings,
    slug,
    split_lsoa_names,
)
from narrator.ingest.reader import FileKind, SourceFile

_MONTH = r"\d{4}-(?:0[1-9]|1[0-2])"
#: The time zone data.police.uk files months in: a UTC timestamp late on the last day of a
#: summer month is already the next month in the UK.
UK = "Europe/London"


@dataclass
class Part:
    """The counts and the quirks of one file."""

    source: SourceFile
    #: Counts: month, force, district, item (crime type or object), group, n; stop and search
    #: has found instead of force and district (its force comes from the file name).
    counts: pd.DataFrame
    #: Rows per (force, lsoa): every row with its raw location, for the membership rule.
    lsoas: pd.DataFrame
    #: (force, month) pairs this file holds, to catch two files of one force and month.
    keys: set[tuple[str, str]]
    quirks: Counter[str] = field(default_factory=Counter)
    unknown_wordings: Counter[str] = field(default_factory=Counter)
    old_wordings: Counter[str] = field(default_factory=Counter)
    #: Stop and search only: searches dated in another month, by that month.
    other_months: Counter[str] = field(default_factory=Counter)


def reduce_file(source: SourceFile, *, split_forces: bool = False) -> Part:
    """Reduce one file to counts, raising :class:`IngestError` for rows that break the format.

    A street or outcomes file holds one force's rows; one that holds several (another
    force's rows appended) is refused unless ``split_forces``, when each force's rows count
    for that force.
    """
    if source.kind is FileKind.STOP_AND_SEARCH:
        part = _stop_and_search(source)
    else:
        part = _crimes(source, split_forces=split_forces)
    # Only the counts live on: the rows of every file kept to the end would be the whole
    # ingest in memory at once.
    part.source = replace(source, frame=pd.DataFrame(columns=source.frame.columns))
    return part


def _fail(source: SourceFile, index: int | None, message: str, expected: str) -> IngestError:
    # Row numbers as a spreadsheet shows them: the header is row 1.
    where = f"{source.path}: row {index + 2}" if index is not None else str(source.path)
    return IngestError(str(Problem(where, message, expected)))


def _first(mask: pd.Series | np.ndarray) -> int | None:
    hits = np.flatnonzero(np.asarray(mask, dtype=bool))
    return int(hits[0]) if len(hits) else None


class Column:
    """A column as codes into its distinct values, stripped of stray spaces.

    Every check and every mapping runs on the distinct values (a few thousand LSOAs, a dozen
    crime types) and reaches the rows through the codes.
    """

    def __init__(self, values: pd.Series) -> None:
        codes, uniques = pd.factorize(values)
        distinct = pd.Index(uniques, dtype="str")
        stripped = distinct.str.strip()
        if bool((stripped != distinct).any()):
            # Two wordings that differ only by spaces become one value.
            merged, stripped = pd.factorize(stripped)
            codes = merged[codes] if len(codes) else codes
        self.codes: np.ndarray = codes.astype(np.int64, copy=False)
        self.values: np.ndarray = np.asarray(stripped, dtype=object)

    @classmethod
    def derived(cls, base: Column, values: np.ndarray) -> Column:
        """A column computed from ``base``: ``values`` holds one value per distinct base value."""
        column = cls.__new__(cls)
        codes, uniques = pd.factorize(pd.Series(values, dtype="str"))
        column.codes = codes[base.codes] if len(base.codes) else base.codes
        column.values = np.asarray(uniques, dtype=object)
        return column

    def __len__(self) -> int:
        return len(self.values)

    def rows_with(self, value: str) -> np.ndarray:
        """A row mask of the rows holding ``value``."""
        hit = np.flatnonzero(self.values == value)
        return self.codes == hit[0] if len(hit) else np.zeros(len(self.codes), dtype=bool)

    def first_row(self, bad: np.ndarray) -> int | None:
        """The first row whose value is flagged by the mask ``bad`` over the distinct values."""
        return _first(bad[self.codes]) if len(self.codes) else None


def count_by(columns: dict[str, Column], mask: np.ndarray | None = None) -> pd.DataFrame:
    """Rows per combination of the columns' values, as a frame with one column each and ``n``."""
    key = np.zeros(len(next(iter(columns.values())).codes), dtype=np.int64)
    # One integer per combination (mixed radix): the product of the columns' distinct counts
    # is tiny next to 2**63 (a few hundred districts, a few dozen wordings, one month).
    for column in columns.values():
        key = key * max(len(column), 1) + column.codes
    if mask is not None:
        key = key[mask]
    combos, counts = np.unique(key, return_counts=True)
    out: dict[str, np.ndarray] = {}
    for name, column in reversed(columns.items()):
        combos, code = np.divmod(combos, max(len(column), 1))
        out[name] = column.values[code] if len(column) else code.astype(object)
    frame = pd.DataFrame({name: out[name] for name in columns}, dtype="str")
    frame["n"] = counts.astype(np.int64)
    return frame


def _check_months(source: SourceFile, month: Column) -> None:
    bad = month.first_row(~pd.Series(month.values, dtype="str").str.fullmatch(_MONTH).to_numpy())
    if bad is not None:
        raise _fail(source, bad, f"Month is {month.values[month.codes[bad]]!r}", "YYYY-MM")
    if source.month is not None:
        other = month.first_row(month.values != source.month)
        if other is not None:
            raise _fail(
                source,
                other,
                f"Month is {month.values[month.codes[other]]}, the file name says {source.month}",
                f"every row of {source.path.name} in {source.month}",
            )


def _required(source: SourceFile, column: str) -> Column:
    values = Column(source.frame[column])
    blank = values.first_row(values.values == "")
    if blank is not None:
        raise _fail(source, blank, f"{column!r} is blank", f"a {column} on every row")
    return values


def _crimes(source: SourceFile, *, split_forces: bool = False) -> Part:
    """Street-level crime and outcomes files: counts by month, force, district and wording."""
    frame = source.frame
    street = source.kind is FileKind.STREET
    month = Column(frame["Month"])
    _check_months(source, month)
    force = _required(source, "Reported by")
    if len(force) > 1 and not split_forces:
        first = force.values[force.codes[0]]
        other = force.first_row(force.values != first)
        assert other is not None
        raise _fail(
            source,
            other,
            f"is reported by {force.values[force.codes[other]]!r}, but the rows before it by "
            f"{first!r}: the file holds {len(force)} forces' rows",
            "one force's rows, as data.police.uk publishes them "
            "(pass --split-forces to count each force's rows for its own force)",
        )
    lsoa = Column(frame["LSOA name"])
    item = _required(source, "Crime type") if street else Column(pd.Series([""] * len(frame)))
    wording = Column(frame["Last outcome category" if street else "Outcome type"])
    quirks: Counter[str] = Counter(rows=len(frame), no_location=int(lsoa.rows_with("").sum()))
    keep = np.ones(len(frame), dtype=bool)
    if street:
        ids = Column(frame["Crime ID"])
        asb = item.rows_with(ASB)
        has_id = ~ids.rows_with("")
        # A crime is one Crime ID: a repeated ID in the month (at another location, or with
        # another outcome) is the same crime, counted once, from its first row in the file.
        pair = month.codes.astype(np.int64) * max(len(ids), 1) + ids.codes
        repeat = has_id & pd.Series(pair).duplicated().to_numpy()
        keep = ~repeat
        quirks.update(
            asb=int(asb.sum()),
            crime_without_id=int((~has_id & ~asb).sum()),
            repeated_crime_id=int(repeat.sum()),
            repeated_ids=len(np.unique(ids.codes[repeat])),
        )
    # Districts are parsed from the distinct LSOA names, and the counts kept by district:
    # the LSOA detail the membership rule needs is kept apart, in ``lsoas``.
    split = split_lsoa_names(pd.Series(lsoa.values, dtype="str"))
    district = Column.derived(lsoa, split["district"].to_numpy())
    columns = {"month": month, "force": force, "district": district, "item": item}
    counts = count_by({**columns, "wording": wording}, keep)
    if street:
        # Anti-social behaviour has no outcome: its blank is not a crime "not recorded".
        counts.loc[counts["item"] == ASB, "wording"] = ""
    counts["group"], unknown = group_wordings(counts["wording"], CRIME_OUTCOME_GROUPS, counts["n"])
    lsoas = count_by({"force": force, "lsoa": lsoa}).rename(columns={"n": "rows"})
    keys = count_by({"force": force, "month": month})
    return Part(
        source=source,
        counts=counts.drop(columns="wording"),
        lsoas=lsoas,
        keys=set(zip(keys["force"], keys["month"], strict=True)),
        quirks=quirks,
        unknown_wordings=Counter(unknown),
    )


def _stop_and_search(source: SourceFile) -> Part:
    """Stop and search: counts by the UK month of each search, object, find and outcome group."""
    frame = source.frame
    text = frame["Date"].str.strip()
    stamp = pd.to_datetime(text, format="ISO8601", utc=True, errors="coerce")
    bad = _first(stamp.isna())
    if bad is not None:
        raise _fail(
            source, bad, f"Date {text.iloc[bad]!r} is not a timestamp", "2019-10-01T04:31:39+00:00"
        )
    local = stamp.dt.tz_convert(UK)
    month = (local.dt.year * 12 + local.dt.month - 1).astype("int64")
    utc_month = (stamp.dt.year * 12 + stamp.dt.month - 1).astype("int64")
    quirks: Counter[str] = Counter(rows=len(frame))
    other_months: Counter[str] = Counter()
    if source.month is not None:
        own = months.parse(source.month)
        far = _first((month - own).abs() > 1)
        if far is not None:
            raise _fail(
                source,
                far,
                f"Date {text.iloc[far]} is in {months.iso(int(month.iloc[far]))}, "
                f"more than a month from {source.month} of the file name",
                f"searches of {source.month} (or dated a day either side of it)",
            )
        elsewhere = month != own
        for m in month[elsewhere].to_numpy():
            other_months[months.iso(int(m))] += 1
        quirks["utc_previous_month"] = int(((utc_month != month) & ~elsewhere).sum())
    obj = Column(frame["Object of search"])
    quirks["no_object"] = int(obj.rows_with("").sum())
    linked = Column(frame["Outcome linked to object of search"])
    quirks["no_link"] = int(linked.rows_with("").sum())
    outcome = Column(frame["Outcome"])
    counts = count_by({"month": Column(month), "item": obj, "linked": linked, "wording": outcome})
    counts["month"] = [months.iso(int(m)) for m in counts["month"]]
    counts["item"] = [slug(o) or SS_NOT_STATED for o in counts["item"]]
    counts["found"] = counts["linked"].str.casefold() == "true"
    counts["group"], unknown = group_wordings(counts["wording"], SS_OUTCOME_GROUPS, counts["n"])
    old: Counter[str] = Counter()
    is_old = counts["wording"].isin(list(SS_OLD_WORDING))
    for wording, n in zip(counts.loc[is_old, "wording"], counts.loc[is_old, "n"], strict=True):
        old[str(wording)] += int(n)
    return Part(
        source=source,
        counts=counts.drop(columns=["linked", "wording"]),
        lsoas=pd.DataFrame({"force": [], "lsoa": [], "rows": []}),
        keys=set(),  # the force of a stop-and-search file is known only from its name
        quirks=quirks,
        unknown_wordings=Counter(unknown),
        old_wordings=old,
        other_months=other_months,
    )
