"""Hand-made data.police.uk files for the ingest tests, and a way to run the command line."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from narrator.ingest.reader import HEADERS, FileKind

DATA = Path(__file__).resolve().parent.parent / "data" / "police_uk"
FORCE = "Testshire Police"


def street_line(
    crime_id: str,
    month: str,
    lsoa: str,
    crime_type: str,
    outcome: str = "Under investigation",
    *,
    force: str = FORCE,
) -> str:
    """One row of a street-level file; the location columns follow from the LSOA."""
    location = "On or near Test Street" if lsoa else "No Location"
    code = "E01000001" if lsoa else ""
    coords = "0.1,52.2" if lsoa else ","
    return (
        f"{crime_id},{month},{force},{force},{coords},{location},{code},{lsoa},"
        f"{crime_type},{outcome},"
    )


def ss_line(
    date: str,
    obj: str = "Controlled drugs",
    outcome: str = "A no further action disposal",
    linked: str = "False",
) -> str:
    """One row of a stop-and-search file."""
    return (
        f"Person search,{date},,,52.2,0.1,Male,18-24,White - Any other White background,White,"
        f"Misuse of Drugs Act 1971 (section 23),{obj},{outcome},{linked},False"
    )


def outcome_line(crime_id: str, month: str, lsoa: str, outcome: str, *, force: str = FORCE) -> str:
    """One row of an outcomes file."""
    return f"{crime_id},{month},{force},{force},0.1,52.2,On or near X,E01000001,{lsoa},{outcome}"


def write(
    folder: Path, name: str, kind: FileKind, lines: Iterable[str], *, bom: bool = False
) -> Path:
    """A CSV file with the documented header of ``kind`` and the given rows."""
    text = ",".join(HEADERS[kind]) + "\n" + "".join(line + "\n" for line in lines)
    path = folder / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def force_rows(month: str, plan: dict[str, int], crime_type: str = "Burglary") -> list[str]:
    """Rows spread evenly over districts: ``{"Alpha 001A": 3, ...}`` gives 3 crimes there."""
    lines = []
    for lsoa, count in plan.items():
        for i in range(count):
            lines.append(
                street_line(f"{month}-{lsoa}-{i}".replace(" ", ""), month, lsoa, crime_type)
            )
    return lines


def big_district(name: str, msoas: int, per_lsoa: int) -> dict[str, int]:
    """A district of the force: every MSOA 001..msoas with two LSOAs of ``per_lsoa`` crimes."""
    return {f"{name} {m:03d}{x}": per_lsoa for m in range(1, msoas + 1) for x in "AB"}


@dataclass(frozen=True)
class Run:
    """What a command-line run left: exit code, stdout and stderr."""

    code: int
    out: str
    err: str


def run_cli(args: Sequence[str], *, width: int = 200) -> Run:
    """Run ``narrator ARGS`` the way the console script does, exit code mapping included."""
    from narrator import console
    from narrator.cli import main

    runner = CliRunner()
    argv = sys.argv
    # The consoles read COLUMNS once, at import: pin their width here so tables do not wrap.
    widths = [getattr(c, "_width", None) for c in (console.out, console.err)]
    with runner.isolation(env={"NO_COLOR": "1"}) as (out, err, _):
        sys.argv = ["narrator", *args]
        console.out.width = console.err.width = width
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        finally:
            sys.argv = argv
            console.out._width, console.err._width = widths
        return Run(code, out.getvalue().decode(), err.getvalue().decode())
