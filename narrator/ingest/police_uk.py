"""The data.police.uk ingest: street-level crime, outcomes and stop and search to tidy figures.

:func:`ingest_police_uk` reads the files (each reduced to counts as soon as it is read, see
:mod:`narrator.ingest.parts`), decides which districts belong to each force
(:mod:`narrator.ingest.plan`), sums the counts into the measures of
:mod:`narrator.ingest.naming` for the force, its districts and any configured areas, fills a
zero wherever a series has no row in a month that has a file, and accounts for every quirk.

Counting rules, in one place:

- The force's total counts every row its files hold, including rows with no location and rows
  whose LSOA lies outside the force; a district counts only its own LSOAs, and only districts
  that belong to the force get rows, so the districts do not add up to the force.
- A crime is a distinct Crime ID in its month (repeated rows are counted once, first row kept).
- Anti-social behaviour is its own measure, ``asb``, and is not in ``crimes_all``.
- A stop and search counts in the month of its own Date, in UK time.
- A month with a file of a kind has a row for every measure of that kind seen anywhere in the
  ingest (zero when nothing happened); a month without one is a gap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from narrator.errors import IngestError, Problem
from narrator.fileio import atomic_write_text
from narrator.fileset import settle
from narrator.ingest.assemble import Assembly, assemble, sum_by
from narrator.ingest.naming import split_lsoa_names
from narrator.ingest.parts import Part, reduce_file
from narrator.ingest.plan import AreaPlan, MembershipRule, classify_districts
from narrator.ingest.reader import FileKind, discover, read_source
from narrator.ingest.summary import IngestSummary, Quirk, top
from narrator.lock import folder_lock

#: Called after each file with the bytes read so far and the bytes of all files.
Progress = Callable[[int, int], None]

COLUMNS = ("month", "measure", "area", "value")
_SS_QUIRKS = {
    "ss_old_wording", "unknown_ss_outcome", "ss_other_month", "ss_outside_window",
    "utc_previous_month", "no_link", "no_object",
}  # fmt: skip


@dataclass(frozen=True)
class IngestResult:
    """The tidy figures (columns month, measure, area, value) and the account of the ingest."""

    figures: pd.DataFrame
    summary: IngestSummary

    def to_csv(self) -> str:
        """The figures as CSV text, the data contract's columns, one line per value."""
        return str(self.figures.to_csv(index=False, lineterminator="\n"))


def ingest_police_uk(
    paths: Sequence[Path],
    *,
    areas: AreaPlan | Mapping[str, Sequence[str]] | None = None,
    rule: MembershipRule | None = None,
    progress: Progress | None = None,
    split_forces: bool = False,
) -> IngestResult:
    """Turn data.police.uk CSV files (or folders of them) into the figures of the data contract.

    ``areas`` is an :class:`AreaPlan` (see :func:`~narrator.ingest.plan.load_area_plan`) or a
    plain mapping of area name to the districts it sums; with it, only the force and those areas
    get rows. ``rule`` sets the thresholds that decide which districts belong to the force.
    A file holding several forces' rows is refused unless ``split_forces``.
    Raises :class:`~narrator.errors.IngestError` naming the file and row of any malformed input.
    """
    plan = _plan(areas)
    files = discover([Path(p) for p in paths])
    sizes = [f.stat().st_size for f in files]
    total, done = sum(sizes), 0
    parts: list[Part] = []
    for path, size in zip(files, sizes, strict=True):
        parts.append(reduce_file(read_source(path), split_forces=split_forces))
        done += size
        if progress is not None:
            progress(done, total)
    forces = _resolve_forces(parts, plan)
    _check_one_file_each(parts, forces)
    stats = _lsoa_stats(parts)
    membership = classify_districts(
        stats, rule or MembershipRule(), plan.districts() if plan else None
    )
    assembly = assemble(parts, forces, membership, plan)
    summary = _summary(parts, forces, membership, assembly, plan)
    return IngestResult(figures=assembly.figures, summary=summary)


def write_figures(result: IngestResult, path: Path) -> None:
    """Write the figures CSV atomically: the old file stays whole if anything fails."""
    try:
        if not path.parent.is_dir():
            raise FileNotFoundError(2, "No such file or directory", str(path.parent))
        with folder_lock(path.parent):
            settle(path.parent, locked=True)  # what a killed ingest left: removed
            _refuse_foreign(path)
            atomic_write_text(path, result.to_csv())
    except OSError as exc:
        raise IngestError(
            str(Problem(str(path), f"cannot be written: {exc.strerror or exc}", "a writable path"))
        ) from None


def _refuse_foreign(path: Path) -> None:
    """An existing --out that is not a figures file is someone else's: never replaced."""
    if not path.exists() or path.is_dir():
        return  # a folder fails in the write itself, with its own message
    with path.open("rb") as handle:
        head = handle.read(64).removeprefix(b"\xef\xbb\xbf")
    if not head.lower().startswith(",".join(COLUMNS).encode()) and head.strip():
        raise IngestError(
            str(
                Problem(
                    str(path),
                    "exists and is not a figures file (its first line is not "
                    f"{','.join(COLUMNS)}); it was left as it is",
                    "a new file, or figures an earlier ingest wrote",
                )
            )
        )


def _plan(areas: AreaPlan | Mapping[str, Sequence[str]] | None) -> AreaPlan | None:
    if areas is None or isinstance(areas, AreaPlan):
        return areas
    return AreaPlan.from_groups(areas)


def _resolve_forces(parts: list[Part], plan: AreaPlan | None) -> dict[int, str]:
    """The force of each file whose rows do not name it, by ``id`` of its part.

    Stop-and-search rows never name their force: the file name does ("city-of-london"), and a
    street file with the same name part gives the force's full name ("City of London Police").
    A street file with no rows is in the same position.
    """
    by_slug: dict[str, Counter[str]] = {}
    named: set[str] = set()
    for part in parts:
        if part.source.kind is not FileKind.STOP_AND_SEARCH and len(part.counts):
            names = [str(f) for f in part.counts["force"].unique()]
            named.update(names)
            if part.source.force_slug:
                by_slug.setdefault(part.source.force_slug, Counter()).update(names)
    unnamed = [p for p in parts if p.source.kind is FileKind.STOP_AND_SEARCH or not len(p.counts)]
    slugs = {p.source.force_slug for p in unnamed}
    forces: dict[int, str] = {}
    for part in unnamed:
        slug = part.source.force_slug
        if slug in by_slug:
            forces[id(part)] = by_slug[slug].most_common(1)[0][0]
        elif len(named) == 1 and len(slugs) == 1:
            forces[id(part)] = next(iter(named))
        elif plan is not None and plan.force and not named and len(slugs) == 1:
            forces[id(part)] = plan.force
        elif slug:
            forces[id(part)] = " ".join(
                w if w in ("of", "and") else w.capitalize() for w in slug.split("-")
            )
        elif part.source.kind is FileKind.STOP_AND_SEARCH:
            raise IngestError(
                str(
                    Problem(
                        str(part.source.path),
                        "cannot tell which force this stop-and-search file is for",
                        "a data.police.uk file name such as "
                        "2019-10-city-of-london-stop-and-search.csv",
                    )
                )
            )
    all_forces = named | set(forces.values())
    if plan is not None and len(all_forces) > 1:
        # The areas of a plan are one force's: a district it names always belongs to the
        # force, which cannot hold for a neighbour's files where the same district is outside.
        raise IngestError(
            str(
                Problem(
                    "areas",
                    f"describe one force ({plan.force or 'unnamed'}) but the files hold "
                    f"{len(all_forces)}: {', '.join(sorted(all_forces))}",
                    "the files of one force with an areas file",
                )
            )
        )
    return forces


def _check_one_file_each(parts: list[Part], forces: dict[int, str]) -> None:
    """Two files of one force, kind and month would count every row twice."""
    seen: dict[tuple[str, str, str], Path] = {}
    for part in parts:
        kind = part.source.kind
        keys = set(part.keys)
        if id(part) in forces:
            keys.add((forces[id(part)], part.source.month or ""))
        for force, month in sorted(keys):
            key = (kind.value, force, month)
            if key in seen and month:
                raise IngestError(
                    str(
                        Problem(
                            str(part.source.path),
                            f"holds {kind.label} of {force} for {month}, as does {seen[key]}",
                            "one file per force, kind and month",
                        )
                    )
                )
            seen[key] = part.source.path


def _lsoa_stats(parts: list[Part]) -> pd.DataFrame:
    """Rows per (force, LSOA) over the whole ingest, with the district and MSOA of each LSOA."""
    # Outcomes files locate their rows as street files do, so both tell where the force is.
    frames = [
        p.lsoas for p in parts if p.source.kind is not FileKind.STOP_AND_SEARCH and len(p.lsoas)
    ]
    if not frames:
        return pd.DataFrame(columns=["force", "lsoa", "rows", "district", "msoa"])
    stats = sum_by(pd.concat(frames, ignore_index=True), ["force", "lsoa"], "rows")
    split = split_lsoa_names(stats["lsoa"])
    return stats.assign(district=split["district"], msoa=split["msoa"])


def _summary(
    parts: list[Part],
    forces: dict[int, str],
    membership: pd.DataFrame,
    assembly: Assembly,
    plan: AreaPlan | None,
) -> IngestSummary:
    q: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    unknown_ss: Counter[str] = Counter()
    old: Counter[str] = Counter()
    other_months: Counter[str] = Counter()
    files: Counter[str] = Counter()
    rows: Counter[str] = Counter()
    for part in parts:
        kind = part.source.kind
        files[kind.value] += 1
        rows[kind.value] += part.quirks["rows"]
        q["bom"] += part.source.had_bom
        q["empty_files"] += part.quirks["rows"] == 0
        for key in ("no_location", "asb", "crime_without_id", "repeated_crime_id", "repeated_ids"):
            q[key] += part.quirks[key]
        for key in ("no_object", "no_link", "utc_previous_month"):
            q[key] += part.quirks[key]
        (unknown_ss if kind is FileKind.STOP_AND_SEARCH else unknown).update(part.unknown_wordings)
        old.update(part.old_wordings)
        other_months.update(part.other_months)
    outside = membership[~membership["member"]] if len(membership) else membership
    outside_rows = {str(d): int(n) for d, n in outside.groupby("district")["rows"].sum().items()}
    members = membership[membership["member"]] if len(membership) else membership
    member_rows = {
        str(d): int(n) for d, n in zip(members["district"], members["rows"], strict=True)
    }
    quirks = [
        Quirk("bom", "files starting with a byte-order mark", q["bom"], "mark skipped"),
        Quirk("empty_files", "files with a header and no rows", q["empty_files"],
              "their month counts as zero"),
        Quirk("asb", "anti-social behaviour rows (blank Crime ID)", q["asb"],
              "own measure asb, not in crimes_all"),
        Quirk("repeated_crime_id", "rows repeating a Crime ID in the month",
              q["repeated_crime_id"], "counted once: a crime is a distinct Crime ID",
              f"{q['repeated_ids']:,} IDs repeated" if q["repeated_ids"] else ""),
        Quirk("crime_without_id", "crime rows with no Crime ID (not ASB)", q["crime_without_id"],
              "counted as one crime each"),
        Quirk("no_location", "rows with no location (no LSOA)", q["no_location"],
              "in the force total, in no district"),
        Quirk("outside_force", "rows in districts outside the force", sum(outside_rows.values()),
              f"in the force total, in no district ({len(outside_rows)} districts)",
              top(outside_rows)),
        Quirk("districts", "districts of the force", len(member_rows),
              "rows for each" if plan is None else "summed into the areas file's areas",
              top(member_rows)),
    ]  # fmt: skip
    if plan is not None:
        quirks += [
            Quirk("not_in_areas", "rows in districts of the force not in the areas file",
                  sum(assembly.unplanned.values()), "in the force total only",
                  top(assembly.unplanned)),
            Quirk("areas_unmatched", "areas of the areas file matching no district",
                  len(assembly.unmatched), "no rows (check the names)",
                  ", ".join(assembly.unmatched)),
        ]  # fmt: skip
    if assembly.clashes:
        quirks.append(
            Quirk("district_is_force", "districts named like the force",
                  len(assembly.clashes), "no rows of their own: the force's rows stand for them",
                  ", ".join(assembly.clashes))
        )  # fmt: skip
    quirks += [
        Quirk("unknown_outcome", "crime outcome wordings not known", sum(unknown.values()),
              "grouped as other", top(dict(unknown))),
        Quirk("crime_type_absent", "crime types absent from a force's month",
              assembly.absent_types, "a zero row, not a gap"),
        Quirk("zero_filled", "zero rows added in all", assembly.zero_rows,
              "every series in every month with a file"),
        Quirk("ss_old_wording", "searches with outcome wording of before April 2018",
              sum(old.values()), "mapped to the groups of the new wording", top(dict(old))),
        Quirk("unknown_ss_outcome", "search outcome wordings not known", sum(unknown_ss.values()),
              "grouped as other", top(dict(unknown_ss))),
        Quirk("ss_other_month", "searches dated in another month than their file (UK time)",
              sum(other_months.values()), "counted in their own month", top(dict(other_months))),
        Quirk("ss_outside_window", "of which in a month with no stop-and-search file",
              assembly.ss_outside_window, "left out (that month is not in the figures)"),
        Quirk("utc_previous_month", "searches in the month before by UTC, in the file's by UK time",
              q["utc_previous_month"], "counted in the file's month"),
        Quirk("no_link", "searches with no 'Outcome linked to object of search'", q["no_link"],
              "not counted as finds"),
        Quirk("no_object", "searches with no object of search", q["no_object"],
              "measure ss_not_stated"),
    ]  # fmt: skip
    # Quirks of a kind of file the ingest did not read would only be noise in the table.
    if not files[FileKind.STOP_AND_SEARCH.value]:
        quirks = [x for x in quirks if x.key not in _SS_QUIRKS]
    if not files[FileKind.STREET.value] and not files[FileKind.OUTCOMES.value]:
        quirks = [x for x in quirks if x.key in _SS_QUIRKS or x.key in ("bom", "empty_files")]
    return IngestSummary(
        files=dict(files),
        rows=dict(rows),
        forces=assembly.forces,
        months=assembly.months,
        quirks=tuple(quirks),
    )
