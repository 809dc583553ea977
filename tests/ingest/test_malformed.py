"""Malformed input: one clear IngestError naming the file, the row and what was expected."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from narrator.errors import IngestError, NarratorError
from narrator.ingest import ingest_police_uk, load_area_plan
from narrator.ingest.reader import HEADERS, FileKind
from tests.ingest.helpers import DATA, ss_line, street_line, write

STREET = FileKind.STREET


def fails(paths: list[Path], *patterns: str) -> str:
    with pytest.raises(IngestError) as info:
        ingest_police_uk(paths)
    message = str(info.value)
    for pattern in patterns:
        assert re.search(pattern, message), f"{pattern!r} not in {message!r}"
    return message


def good_rows(month: str = "2019-01") -> list[str]:
    return [street_line(f"c{i}", month, "Alpha 001A", "Burglary") for i in range(3)]


def test_ingest_error_is_a_narrator_error() -> None:
    assert issubclass(IngestError, NarratorError)
    assert IngestError("x").exit_code == 2


def test_wrong_header(tmp_path: Path) -> None:
    header = ",".join(HEADERS[STREET]).replace("Crime type", "Crime category")
    path = tmp_path / "2019-01-testshire-street.csv"
    path.write_text(header + "\n" + "\n".join(good_rows()) + "\n")
    fails(
        [path],
        re.escape(str(path)),
        "row 1",
        "not that of a street-level crime file",
        "missing 'Crime type'",
        "expected Crime ID,Month,",
    )


def test_a_file_cut_off_in_the_middle_of_a_row(tmp_path: Path) -> None:
    path = write(tmp_path, "2019-01-testshire-street.csv", STREET, good_rows())
    path.write_bytes(path.read_bytes()[:-25])
    fails([path], re.escape(str(path)), "row 4", "looks truncated", "download it again")


def test_a_row_with_missing_fields(tmp_path: Path) -> None:
    rows = good_rows()
    rows[1] = ",".join(rows[1].split(",")[:5])
    path = write(tmp_path, "2019-01-testshire-street.csv", STREET, rows)
    fails([path], re.escape(str(path)), "row 3", "has 5 fields", "expected 12 fields")


def test_a_row_with_a_field_too_many(tmp_path: Path) -> None:
    rows = good_rows()
    rows[2] += ",extra"
    path = write(tmp_path, "2019-01-testshire-street.csv", STREET, rows)
    fails([path], "row 4", "has 13 fields")


def test_text_that_is_not_utf8(tmp_path: Path) -> None:
    rows = good_rows()
    rows[1] = rows[1].replace("Test Street", "Caf\xe9 Street")
    path = tmp_path / "2019-01-testshire-street.csv"
    text = ",".join(HEADERS[STREET]) + "\n" + "\n".join(rows) + "\n"
    path.write_bytes(text.encode("latin-1"))
    fails([path], re.escape(str(path)), "row 3", "not UTF-8", "byte 0xe9", "expected UTF-8")


def test_a_month_that_differs_from_the_file_name(tmp_path: Path) -> None:
    rows = good_rows()
    rows[2] = street_line("c9", "2019-02", "Alpha 001A", "Burglary")
    path = write(tmp_path, "2019-01-testshire-street.csv", STREET, rows)
    fails([path], "row 4", "Month is 2019-02, the file name says 2019-01", "in 2019-01")


def test_a_month_that_is_not_a_month(tmp_path: Path) -> None:
    path = write(tmp_path, "testshire-street.csv", STREET, [
        street_line("c1", "Jan 2019", "Alpha 001A", "Burglary"),
    ])  # fmt: skip
    fails([path], "row 2", "Month is 'Jan 2019'", "YYYY-MM")


def test_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "2019-01-testshire-street.csv"
    path.write_bytes(b"")
    fails([path], re.escape(str(path)), "is empty")


def test_a_file_of_an_unknown_kind() -> None:
    # A hand-made wide table that also starts with a byte-order mark.
    path = DATA / "other" / "STOP_SEARCH_2020.csv"
    fails([path], re.escape(str(path)), "row 1", "not a data.police.uk file", "CrimeType")


def test_a_blank_crime_type(tmp_path: Path) -> None:
    rows = good_rows()
    rows[0] = street_line("c1", "2019-01", "Alpha 001A", "")
    path = write(tmp_path, "2019-01-testshire-street.csv", STREET, rows)
    fails([path], "row 2", "'Crime type' is blank")


def test_a_search_date_that_is_not_a_timestamp(tmp_path: Path) -> None:
    path = write(tmp_path, "2019-01-testshire-stop-and-search.csv", FileKind.STOP_AND_SEARCH, [
        ss_line("2019-01-05T10:00:00+00:00"),
        ss_line("05/01/2019"),
    ])  # fmt: skip
    fails([path], "row 3", "Date '05/01/2019' is not a timestamp")


def test_a_search_dated_far_from_its_file(tmp_path: Path) -> None:
    path = write(tmp_path, "2019-06-testshire-stop-and-search.csv", FileKind.STOP_AND_SEARCH, [
        ss_line("2019-06-05T10:00:00+00:00"),
        ss_line("2019-03-05T10:00:00+00:00"),
    ])  # fmt: skip
    fails([path], "row 3", "is in 2019-03, more than a month from 2019-06")


def test_two_files_of_one_force_and_month(tmp_path: Path) -> None:
    write(tmp_path, "2019-01-testshire-street.csv", STREET, good_rows())
    (tmp_path / "copy").mkdir()
    shutil.copy(tmp_path / "2019-01-testshire-street.csv", tmp_path / "copy" / "renamed.csv")
    fails(
        [tmp_path, tmp_path / "copy"],
        "street-level crime of Testshire Police for 2019-01",
        "one file per force, kind and month",
    )


def test_a_path_that_does_not_exist(tmp_path: Path) -> None:
    fails([tmp_path / "nowhere"], "no such file or folder")


def test_a_folder_with_no_csv_files(tmp_path: Path) -> None:
    fails([tmp_path], "holds no .csv files")


def test_an_areas_file_with_two_roots(tmp_path: Path) -> None:
    path = tmp_path / "areas.toml"
    path.write_text('[[areas]]\nname = "A"\n[[areas]]\nname = "B"\n')
    with pytest.raises(IngestError, match="2 areas without a parent"):
        load_area_plan(path)


def test_an_areas_file_for_one_force_and_files_of_two(tmp_path: Path) -> None:
    write(tmp_path, "2019-01-testshire-street.csv", STREET, good_rows())
    write(tmp_path, "2019-01-otherhampton-street.csv", STREET, [
        street_line("d1", "2019-01", "Beta 001A", "Burglary", force="Otherhampton Police"),
    ])  # fmt: skip
    with pytest.raises(IngestError, match=r"describe one force .* but the files hold 2"):
        ingest_police_uk([tmp_path], areas={"West": ["Alpha"]})
