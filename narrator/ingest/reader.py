"""Reading data.police.uk CSV files: finding them, telling their kind, checking them, columns only.

Each file is read whole as bytes (a month of one force is a few megabytes), checked as UTF-8
text that ends with a complete line, and parsed by pandas' pyarrow engine with only the
columns the ingest uses, as strings. The pyarrow parser refuses a row with too few or too
many fields, where the C parser would silently pad it: that is how a truncated or corrupted
row is caught without looking at rows one by one in Python.
"""

from __future__ import annotations

import csv
import glob
import io
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pandas as pd

from narrator.errors import IngestError, Problem
from narrator.limits import FIGURES_MB
from narrator.textio import excerpt, read_bytes

BOM = b"\xef\xbb\xbf"


class FileKind(str, Enum):
    """The three kinds of file data.police.uk publishes each month for each force."""

    STREET = "street"
    STOP_AND_SEARCH = "stop-and-search"
    OUTCOMES = "outcomes"

    @property
    def label(self) -> str:
        """How a message names the kind: "street-level crime"."""
        return _LABELS[self]


_LABELS = {
    FileKind.STREET: "street-level crime",
    FileKind.STOP_AND_SEARCH: "stop and search",
    FileKind.OUTCOMES: "outcomes",
}

#: The documented header of each kind, in order.
HEADERS: dict[FileKind, tuple[str, ...]] = {
    FileKind.STREET: (
        "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
        "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context",
    ),
    FileKind.STOP_AND_SEARCH: (
        "Type", "Date", "Part of a policing operation", "Policing operation", "Latitude",
        "Longitude", "Gender", "Age range", "Self-defined ethnicity",
        "Officer-defined ethnicity", "Legislation", "Object of search", "Outcome",
        "Outcome linked to object of search", "Removal of more than just outer clothing",
    ),
    FileKind.OUTCOMES: (
        "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
        "LSOA code", "LSOA name", "Outcome type",
    ),
}  # fmt: skip

#: The columns the ingest reads from each kind (the rest are never parsed into memory).
USED: dict[FileKind, tuple[str, ...]] = {
    FileKind.STREET: (
        "Crime ID", "Month", "Reported by", "LSOA name", "Crime type", "Last outcome category",
    ),
    FileKind.STOP_AND_SEARCH: (
        "Date", "Object of search", "Outcome", "Outcome linked to object of search",
    ),
    FileKind.OUTCOMES: ("Crime ID", "Month", "Reported by", "LSOA name", "Outcome type"),
}  # fmt: skip

# A column found only in one kind's header tells the kind when the file name does not.
_SIGNATURE = {
    "Crime type": FileKind.STREET,
    "Object of search": FileKind.STOP_AND_SEARCH,
    "Outcome type": FileKind.OUTCOMES,
}

# data.police.uk names files "2019-10-city-of-london-street.csv".
_NAME = re.compile(
    r"^(?P<month>\d{4}-(?:0[1-9]|1[0-2]))-(?P<force>.+?)-(?P<kind>street|stop-and-search|outcomes)"
    r"\.csv$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SourceFile:
    """One file read and checked: its kind, what its name says, and the used columns."""

    path: Path
    kind: FileKind
    #: The month in the file name ("2019-10"), or None when the name does not follow the pattern.
    month: str | None
    #: The force part of the file name ("city-of-london"), or None.
    force_slug: str | None
    frame: pd.DataFrame
    had_bom: bool


def discover(paths: list[Path]) -> list[Path]:
    """The CSV files to read: files as given, folders by their ``*.csv`` (not recursive).

    Folders are not searched recursively because data.police.uk downloads keep other tables
    (aggregates, lookups) in subfolders. The result is sorted and free of repeats.
    """
    found: list[Path] = []
    for path in expand(paths):
        if path.is_dir():
            inside = sorted(p for p in path.glob("*") if p.suffix.lower() == ".csv" and p.is_file())
            if not inside:
                raise IngestError(
                    str(Problem(str(path), "holds no .csv files", "data.police.uk CSV files"))
                )
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise IngestError(
                str(Problem(str(path), "is not a regular file (a device or a pipe?)", "a CSV file"))
            )
        else:
            raise IngestError(str(Problem(str(path), "no such file or folder")))
    unique = {p.resolve(): p for p in found}
    return sorted(unique.values(), key=lambda p: (p.name, str(p)))


def expand(paths: Iterable[Path], root: Path | None = None) -> list[Path]:
    """Paths as given, with ``~`` expanded and glob patterns (absolute or relative to
    ``root``, else the working directory) replaced by the files they match, sorted.

    A path that exists is taken as it is, even if its name holds ``[`` or ``*``. A pattern
    matching nothing is an :class:`IngestError`.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given).expanduser()
        if root is not None and not path.is_absolute():
            path = root / path
        if "\x00" in str(path):
            raise IngestError(str(Problem(repr(str(given))[:80], "is not a file name")))
        if path.exists() or not any(ch in str(given) for ch in "*?["):
            found.append(path)
            continue
        matches = sorted(Path(p) for p in glob.glob(str(path), recursive=True))
        if not matches:
            raise IngestError(
                str(Problem(str(given), "matches no files", "data.police.uk CSV files"))
            )
        found.extend(matches)
    return found


def read_source(path: Path) -> SourceFile:
    """Read one data.police.uk file, raising :class:`IngestError` for anything malformed."""
    data = read_bytes(path, FIGURES_MB, what="a data.police.uk CSV file", error=IngestError)
    had_bom = data.startswith(BOM)
    if had_bom:
        data = data[len(BOM) :]
    if not data.strip():
        raise IngestError(
            str(Problem(str(path), "is empty", "a header line and rows of data.police.uk CSV"))
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        raise IngestError(
            str(
                Problem(
                    f"{path}: row {row}",
                    f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                    "UTF-8 CSV as data.police.uk publishes it",
                )
            )
        ) from None
    if not data.endswith(b"\n"):
        # data.police.uk ends every file with a line break; a file that stops mid-line was cut
        # short by a failed download or copy, and its last row cannot be trusted.
        rows = data.count(b"\n") + 1
        raise IngestError(
            str(
                Problem(
                    f"{path}: row {rows}",
                    "the file ends in the middle of a row: it looks truncated",
                    "a complete file ending with a line break (download it again)",
                )
            )
        )
    header = _header(data)
    match = _NAME.match(path.name)
    kind = _kind(path, header, match)
    _check_header(path, kind, header)
    frame = _parse(path, data, kind, header)
    return SourceFile(
        path=path,
        kind=kind,
        month=match.group("month") if match else None,
        force_slug=match.group("force").lower() if match else None,
        frame=frame,
        had_bom=had_bom,
    )


def _header(data: bytes) -> list[str]:
    first = data.split(b"\n", 1)[0].decode("utf-8").rstrip("\r")
    with _any_field_size():
        return [name.strip() for name in next(csv.reader([first]), [])]


@contextmanager
def _any_field_size() -> Iterator[None]:
    """The csv module refuses a field over 128 KB; a file has any field size it has."""
    previous = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _kind(path: Path, header: list[str], match: re.Match[str] | None) -> FileKind:
    if match:
        return FileKind(match.group("kind").lower())
    for column, kind in _SIGNATURE.items():
        if column in header:
            return kind
    expected = "; or ".join(f"{k.label}: {','.join(HEADERS[k])}" for k in FileKind)
    raise IngestError(
        str(
            Problem(
                f"{path}: row 1",
                "is not a data.police.uk file this ingest knows "
                f"(header {excerpt(','.join(header))})",
                f"the header of {expected}",
            )
        )
    )


def _check_header(path: Path, kind: FileKind, header: list[str]) -> None:
    missing = [c for c in HEADERS[kind] if c not in header]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if missing or repeated:
        what = []
        if missing:
            what.append(f"missing {', '.join(repr(c) for c in missing)}")
        if repeated:
            what.append(f"repeated {', '.join(repr(c) for c in repeated)}")
        raise IngestError(
            str(
                Problem(
                    f"{path}: row 1",
                    f"the header is not that of a {kind.label} file ({'; '.join(what)})",
                    ",".join(HEADERS[kind]),
                )
            )
        )


def _parse(path: Path, data: bytes, kind: FileKind, header: list[str]) -> pd.DataFrame:
    columns = list(USED[kind])
    try:
        frame = pd.read_csv(
            io.BytesIO(data),
            engine="pyarrow",
            usecols=columns,
            dtype="str",
            keep_default_na=False,
            na_values=[],
        )
    except Exception as exc:  # pyarrow raises several error types for a malformed row
        raise _row_error(path, data, len(header), exc) from None
    return frame[columns]


def _row_error(path: Path, data: bytes, width: int, exc: Exception) -> IngestError:
    """Find the first row pyarrow refused. Only on the error path, so a Python loop is fine."""
    text = data.decode("utf-8")
    with _any_field_size():
        reader = csv.reader(io.StringIO(text, newline=""))
        next(reader, None)
        for number, row in enumerate(reader, start=2):
            if len(row) != width:
                return IngestError(
                    str(
                        Problem(
                            f"{path}: row {number}",
                            f"has {len(row)} fields",
                            f"{width} fields, as in the header "
                            "(is the file truncated or corrupted?)",
                        )
                    )
                )
    return IngestError(str(Problem(str(path), f"cannot be parsed as CSV: {str(exc)[:200]}")))
