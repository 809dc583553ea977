"""The figures contract: every kind of bad row is reported with its file, row and expectation.

Each test builds a small project in ``tmp_path`` (narrator.toml, catalogue.toml, areas.toml
and the figures), breaks one thing and checks the message an analyst would read.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from narrator import months
from narrator.api import load, load_facts
from narrator.errors import FiguresError, MonthError, Problem

CATALOGUE = """
[measures.crimes]
label = "crime"
unit = "crime"

[measures.ppo]
label = "prosecution possible outcomes"

[measures.ppo_rate]
kind = "ratio"
numerator = "ppo"
denominator = "crimes"

[measures.surveyed]
zero_fill = false

[measures.satisfied]
zero_fill = false

[measures.sat]
kind = "ratio"
numerator = "satisfied"
denominator = "surveyed"

[measures.queue]
kind = "snapshot"
zero_fill = false
"""

AREAS = """
[[areas]]
name = "Force"
level = "force"

[[areas]]
name = "North"
level = "area"
parent = "Force"

[[areas]]
name = "South"
level = "area"
parent = "Force"
"""

COLUMNS = ["month", "measure", "area", "value", "date"]
FIRST, LAST = "2018-01", "2019-12"
Row = dict[str, str]


def good_rows() -> list[Row]:
    """Two years of every count measure in every area, and two snapshots of the queue."""
    rows: list[Row] = []
    for i, m in enumerate(range(months.parse(FIRST), months.parse(LAST) + 1)):
        for area, scale in (("North", 1), ("South", 2)):
            values = {
                "crimes": 100 * scale + i,
                "ppo": 10 * scale,
                "surveyed": 20 * scale,
                "satisfied": 15 * scale,
            }
            for measure, value in values.items():
                rows.append(_row(months.iso(m), measure, area, value))
        for measure, value in {
            "crimes": 300 + 2 * i,
            "ppo": 30,
            "surveyed": 60,
            "satisfied": 45,
        }.items():
            rows.append(_row(months.iso(m), measure, "Force", value))
    rows.append(_row("2019-12", "queue", "Force", 40, "2019-12-01"))
    rows.append(_row("2019-12", "queue", "Force", 30, "2019-12-15"))
    return rows


def _row(month: str, measure: str, area: str, value: float | str, date: str = "") -> Row:
    return {"month": month, "measure": measure, "area": area, "value": str(value), "date": date}


def find(rows: list[Row], month: str, measure: str, area: str) -> int:
    """Index of a row in ``rows``; its spreadsheet row number is the index + 2."""
    for i, row in enumerate(rows):
        if (row["month"], row["measure"], row["area"]) == (month, measure, area):
            return i
    raise LookupError((month, measure, area))


def write_project(
    folder: Path,
    rows: list[Row] | pd.DataFrame,
    *,
    name: str = "figures.csv",
    toml_extra: str = "",
) -> Path:
    """Write a project around ``rows``; return the path of the figures file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "narrator.toml").write_text(
        f'[project]\nname = "Tiny"\n\n[figures]\nfile = "{name}"\n{toml_extra}', encoding="utf-8"
    )
    (folder / "catalogue.toml").write_text(CATALOGUE, encoding="utf-8")
    (folder / "areas.toml").write_text(AREAS, encoding="utf-8")
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows, columns=COLUMNS)
    path = folder / name
    write_frame(frame, path)
    return path.resolve()


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    if path.suffix == ".csv":
        frame.to_csv(path, index=False)
    elif path.suffix == ".xlsx":
        frame.to_excel(path, index=False, engine="openpyxl")
    else:
        frame.to_parquet(path, index=False)


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(FiguresError) as caught:
        load(folder)
    return caught.value.problems


def only_problem(folder: Path) -> Problem:
    problems = problems_of(folder)
    assert len(problems) == 1, problems
    return problems[0]


# --------------------------------------------------------------------------------------
# The happy path
# --------------------------------------------------------------------------------------


def test_good_figures_load_with_every_series(tmp_path: Path) -> None:
    write_project(tmp_path, good_rows())
    _, figures = load(tmp_path)
    assert months.iso(figures.first) == FIRST
    assert months.iso(figures.last) == LAST
    assert figures.values.shape == (12, 24)
    assert not figures.warnings
    assert figures.series("crimes", "Force")[0] == 300
    assert figures.series("crimes", "North")[-1] == 123
    assert list(figures.snapshots["value"]) == [40, 30]
    assert not figures.has("ppo_rate", "Force")  # ratios are computed, never stored


def test_header_is_case_and_space_insensitive_and_a_bom_is_ignored(tmp_path: Path) -> None:
    path = write_project(tmp_path, good_rows())
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    lines[0] = " Month , MEASURE ,Area,Value,Date"
    path.write_bytes(("\ufeff" + "\n".join(lines) + "\n").encode("utf-8"))
    _, figures = load(tmp_path)
    assert figures.values.shape == (12, 24)


def test_the_date_column_is_optional_without_snapshots(tmp_path: Path) -> None:
    rows = [r for r in good_rows() if r["measure"] != "queue"]
    frame = pd.DataFrame(rows, columns=COLUMNS).drop(columns="date")
    write_project(tmp_path, frame)
    _, figures = load(tmp_path)
    assert figures.snapshots.empty
    assert figures.values.shape == (12, 24)


# --------------------------------------------------------------------------------------
# One problem at a time: the message names the file, the row and what was expected
# --------------------------------------------------------------------------------------

Breaker = Callable[[list[Row]], int]


def _set(at: tuple[str, str, str], **changes: str) -> Breaker:
    def breaker(rows: list[Row]) -> int:
        index = find(rows, *at)
        rows[index].update(changes)
        return index

    return breaker


def _append(row: Row) -> Breaker:
    def breaker(rows: list[Row]) -> int:
        rows.append(row)
        return len(rows) - 1

    return breaker


def _duplicate(month: str, measure: str, area: str) -> Breaker:
    def breaker(rows: list[Row]) -> int:
        rows.append(dict(rows[find(rows, month, measure, area)]))
        return len(rows) - 1

    return breaker


BAD_ROWS = {
    "bad month": (
        _set(("2019-03", "crimes", "North"), month="2019-13"),
        ["month '2019-13' is not a month"],
        "YYYY-MM",
    ),
    "short month": (
        _set(("2019-03", "crimes", "North"), month="19-03"),
        ["month '19-03' is not a month"],
        "YYYY-MM",
    ),
    "month with a slash": (
        _set(("2019-03", "crimes", "North"), month="2019/03"),
        ["'2019/03'"],
        "YYYY-MM",
    ),
    "month in full-width digits": (
        _set(("2019-03", "crimes", "North"), month="２０１９-０３"),
        ["month '２０１９-０３' is not a month"],
        "YYYY-MM",
    ),
    "snapshot dated in Arabic-Indic digits": (
        _append(_row("2019-11", "queue", "Force", 50, "٢٠١٩-١١-٠٥")),
        ["snapshot date '٢٠١٩-١١-٠٥' is not a date"],
        "YYYY-MM-DD for a snapshot measure",
    ),
    "non-numeric value": (
        _set(("2018-07", "ppo", "South"), value="twelve"),
        ["value 'twelve' is not a number"],
        "a number",
    ),
    "infinite value": (
        _set(("2018-07", "ppo", "South"), value="inf"),
        ["'inf' is not a number"],
        "a number",
    ),
    "empty value": (
        _set(("2018-07", "ppo", "South"), value=""),
        ["value '' is not a number"],
        "a number",
    ),
    "duplicate row": (
        _duplicate("2019-02", "crimes", "Force"),
        ["duplicate row", "crimes / Force / 2019-02"],
        "one row per month, measure and area",
    ),
    "negative count": (
        _set(("2018-05", "crimes", "South"), value="-3"),
        ["negative value -3"],
        "a count of zero or more",
    ),
    "unknown measure": (
        _append(_row("2019-01", "burglary", "Force", 5)),
        ["unknown measure 'burglary'"],
        "a measure id of the catalogue",
    ),
    "unknown area": (
        _append(_row("2019-01", "crimes", "Atlantis", 5)),
        ["unknown area 'Atlantis'"],
        "an area of the hierarchy",
    ),
    "ratio stored directly": (
        _append(_row("2019-01", "ppo_rate", "Force", 9.7)),
        ["'ppo_rate' is a ratio measure"],
        "its numerator and denominator as count rows",
    ),
    "snapshot without a date": (
        _append(_row("2019-11", "queue", "Force", 50)),
        ["snapshot date '' is not a date"],
        "YYYY-MM-DD for a snapshot measure",
    ),
    "snapshot with a bad date": (
        _append(_row("2019-11", "queue", "Force", 50, "2019-11-31x")),
        ["snapshot date '2019-11-31x' is not a date"],
        "YYYY-MM-DD for a snapshot measure",
    ),
    "snapshot dated in another month": (
        _append(_row("2019-11", "queue", "Force", 50, "2019-10-05")),
        ["date '2019-10-05' is not in the row's month"],
        "a date within the month column",
    ),
    "numerator above denominator": (
        _set(("2018-04", "ppo", "North"), value="500"),
        ["ppo (500) is above crimes (103)", "North", "2018-04"],
        "the numerator of ppo_rate to be at most its denominator",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_a_bad_row_is_reported_with_file_row_and_expectation(tmp_path: Path, case: str) -> None:
    breaker, fragments, expected = BAD_ROWS[case]
    rows = good_rows()
    index = breaker(rows)
    path = write_project(tmp_path, rows)

    problem = only_problem(tmp_path)

    assert problem.where == f"{path}: row {index + 2}"
    for fragment in fragments:
        assert fragment in problem.message
    assert problem.expected == expected
    # The printed form carries all three, as the command line shows it.
    text = str(problem)
    assert str(path) in text and f"row {index + 2}" in text and expected in text


def test_the_error_message_lists_every_problem(tmp_path: Path) -> None:
    rows = good_rows()
    _set(("2019-03", "crimes", "North"), month="2019-13")(rows)
    _set(("2018-07", "ppo", "South"), value="twelve")(rows)
    _append(_row("2019-01", "crimes", "Atlantis", 5))(rows)
    path = write_project(tmp_path, rows)

    with pytest.raises(FiguresError) as caught:
        load(tmp_path)

    message = str(caught.value)
    assert message.startswith("The figures have 3 problems:")
    assert message.count(str(path)) == 3
    assert "'2019-13'" in message and "'twelve'" in message and "'Atlantis'" in message


def test_a_long_list_of_problems_is_cut_and_counted(tmp_path: Path) -> None:
    rows = good_rows()
    for i in range(25):
        rows.append(_row("2019-01", "crimes", f"Nowhere {i}", 1))
    write_project(tmp_path, rows)

    with pytest.raises(FiguresError) as caught:
        load(tmp_path)

    assert len(caught.value.problems) == 25
    message = str(caught.value)
    assert "The figures have 25 problems" in message
    assert "... and 5 more problems" in message
    assert message.count("unknown area") == FiguresError.shown


@pytest.mark.parametrize(
    ("change", "fragment", "expected"),
    [
        (lambda f: f.drop(columns="value"), "missing columns ['value']", "month"),
        (lambda f: f.drop(columns=["month", "area"]), "missing columns ['month', 'area']", "area"),
        (lambda f: f.assign(notes="x"), "unexpected columns ['notes']", "date"),
    ],
    ids=["missing value", "missing two", "extra column"],
)
def test_header_problems_name_the_file_and_the_columns(
    tmp_path: Path,
    change: Callable[[pd.DataFrame], pd.DataFrame],
    fragment: str,
    expected: str,
) -> None:
    frame = change(pd.DataFrame(good_rows(), columns=COLUMNS))
    path = write_project(tmp_path, frame)

    problem = only_problem(tmp_path)

    assert problem.where == f"{path}: header"
    assert fragment in problem.message
    assert problem.expected is not None and expected in problem.expected


def test_a_file_with_only_a_header_has_no_count_rows(tmp_path: Path) -> None:
    write_project(tmp_path, pd.DataFrame(columns=COLUMNS))
    problem = only_problem(tmp_path)
    assert "no monthly count rows" in problem.message


def test_a_file_where_every_row_is_bad_lists_every_row(tmp_path: Path) -> None:
    # What Excel does to a month column typed as dates: every month is malformed.
    rows = [dict(r, month=f"{r['month']}-01 00:00:00") for r in good_rows()]
    path = write_project(tmp_path, rows)
    problems = problems_of(tmp_path)
    assert len(problems) == len(rows)
    assert problems[0].where == f"{path}: row 2"
    assert "is not a month" in problems[0].message


def test_a_missing_figures_file_is_named(tmp_path: Path) -> None:
    path = write_project(tmp_path, good_rows())
    path.unlink()
    problem = only_problem(tmp_path)
    assert problem.where == str(path)
    assert "file not found" in problem.message


def test_a_figures_file_of_another_type_is_refused(tmp_path: Path) -> None:
    write_project(tmp_path, good_rows())
    (tmp_path / "figures.json").write_text("[]", encoding="utf-8")
    (tmp_path / "narrator.toml").write_text('[figures]\nfile = "figures.json"\n', encoding="utf-8")
    problem = only_problem(tmp_path)
    assert "unsupported file type '.json'" in problem.message
    assert problem.expected == ".csv, .xlsx or .parquet"


def test_non_utf8_csv_is_a_figures_error(tmp_path: Path) -> None:
    path = write_project(tmp_path, good_rows())
    with path.open("ab") as handle:
        handle.write("2019-12,crimes,Se\xf1ora,1,\n".encode("cp1252"))

    problem = only_problem(tmp_path)

    assert problem.where == str(path)
    assert "not UTF-8" in problem.message
    assert problem.expected == "a UTF-8 CSV file"


def test_a_corrupt_xlsx_is_a_figures_error(tmp_path: Path) -> None:
    path = write_project(tmp_path, good_rows(), name="figures.xlsx")
    path.write_text("this is not a workbook", encoding="utf-8")
    problem = only_problem(tmp_path)
    assert problem.where == str(path)
    assert "cannot be read" in problem.message


def test_a_problem_in_a_second_file_names_that_file_and_its_own_row(tmp_path: Path) -> None:
    rows = good_rows()
    split = len(rows) // 2
    second = rows[split:]
    second[3] = dict(second[3], value="lots")
    write_project(tmp_path, rows[:split], name="a.csv")
    pd.DataFrame(second, columns=COLUMNS).to_csv(tmp_path / "b.csv", index=False)
    (tmp_path / "narrator.toml").write_text(
        '[figures]\nfiles = ["a.csv", "b.csv"]\n', encoding="utf-8"
    )

    problem = only_problem(tmp_path)

    assert problem.where == f"{(tmp_path / 'b.csv').resolve()}: row 5"
    assert "'lots'" in problem.message


def test_a_numerator_above_its_denominator_in_the_first_file_names_that_file(
    tmp_path: Path,
) -> None:
    rows = good_rows()
    split = len(rows) // 2
    index = find(rows, "2018-04", "ppo", "North")
    assert index < split
    rows[index] = dict(rows[index], value="500")
    write_project(tmp_path, rows[:split], name="a.csv")
    pd.DataFrame(rows[split:], columns=COLUMNS).to_csv(tmp_path / "b.csv", index=False)
    (tmp_path / "narrator.toml").write_text(
        '[figures]\nfiles = ["a.csv", "b.csv"]\n', encoding="utf-8"
    )

    problem = only_problem(tmp_path)

    # Both files have a row of that number: the problem is in the first one.
    assert problem.where == f"{(tmp_path / 'a.csv').resolve()}: row {index + 2}"
    assert "ppo (500) is above crimes" in problem.message


def test_a_month_outside_the_figures_is_a_month_error(tmp_path: Path) -> None:
    write_project(tmp_path, good_rows())
    for month in ("2030-01", "2017-12", "2020-01"):
        with pytest.raises(MonthError) as caught:
            load_facts(tmp_path, month)
        assert str(caught.value) == (
            f"{month} is outside the figures, which run from {FIRST} to {LAST}"
        )


# --------------------------------------------------------------------------------------
# Gaps and zero-filling
# --------------------------------------------------------------------------------------


def test_a_gap_in_a_measure_that_is_not_zero_filled_is_a_warning(tmp_path: Path) -> None:
    rows = good_rows()
    for measure in ("surveyed", "satisfied"):
        del rows[find(rows, "2019-06", measure, "Force")]
    del rows[find(rows, "2018-09", "satisfied", "North")]
    del rows[find(rows, "2018-10", "satisfied", "North")]
    write_project(tmp_path, rows)

    _, figures = load(tmp_path)

    warnings = {w.where: w.message for w in figures.warnings}
    assert set(warnings) == {"surveyed / Force", "satisfied / Force", "satisfied / North"}
    assert "no value for 2019-06;" in warnings["surveyed / Force"]
    assert "no value for 2018-09, 2018-10;" in warnings["satisfied / North"]
    assert "comparisons that need these months are left out" in warnings["satisfied / North"]
    column = figures.column(months.parse("2019-06"))
    assert math.isnan(figures.series("surveyed", "Force")[column])


def test_comparisons_needing_a_missing_month_are_absent(tmp_path: Path) -> None:
    rows = good_rows()
    for measure in ("surveyed", "satisfied"):
        del rows[find(rows, "2019-06", measure, "Force")]
    write_project(tmp_path, rows)

    december = load_facts(tmp_path, "2019-12")
    assert december.warnings

    present = {f.kind for f in december.facts.select(measure="sat", area="Force")}
    # The month itself and the same month a year ago are known...
    assert {"level", "change.month", "change.year"} <= present
    # ...but every window that holds June 2019 is not.
    for kind in (
        "level.rolling",
        "change.rolling_month",
        "change.rolling_year",
        "change.financial_year",
        "change.year_to_date",
        "benchmark.year_end",
    ):
        assert kind not in present, kind
    # The other areas' series are whole and keep their rolling facts.
    assert december.facts.get("level.rolling", "sat", "North") is not None

    july = load_facts(tmp_path, "2019-07")
    assert july.facts.get("change.month", "surveyed", "Force") is None
    assert july.facts.get("change.month", "surveyed", "North") is not None
    june = load_facts(tmp_path, "2019-06")
    assert june.facts.get("level", "surveyed", "Force") is None
    assert june.facts.get("level", "sat", "Force") is None

    for result in (december, july, june):
        for fact in result.facts:
            assert fact.value is not None and math.isfinite(fact.value), fact.id


def test_zero_filled_measures_get_zeros_and_no_warning(tmp_path: Path) -> None:
    rows = good_rows()
    del rows[find(rows, "2019-06", "ppo", "North")]
    del rows[find(rows, "2019-07", "ppo", "North")]
    write_project(tmp_path, rows)

    _, figures = load(tmp_path)

    assert not figures.warnings
    series = figures.series("ppo", "North")
    june = figures.column(months.parse("2019-06"))
    assert list(series[june - 1 : june + 3]) == [10.0, 0.0, 0.0, 10.0]
    assert not np.isnan(figures.values).any()
    facts = load_facts(tmp_path, "2019-12").facts
    rolling = facts.get("level.rolling", "ppo", "North")
    assert rolling is not None and rolling.value == 100.0


def test_a_series_that_starts_late_is_not_filled_before_its_start(tmp_path: Path) -> None:
    rows = [
        r
        for r in good_rows()
        if not (r["measure"] == "ppo" and r["area"] == "South" and r["month"] < "2019-01")
    ]
    write_project(tmp_path, rows)
    _, figures = load(tmp_path)
    series = figures.series("ppo", "South")
    assert np.isnan(series[:12]).all()
    assert not np.isnan(series[12:]).any()
    assert not figures.warnings
    facts = load_facts(tmp_path, "2019-12").facts
    assert facts.get("level.rolling", "ppo_rate", "South") is not None
    assert facts.get("change.rolling_year", "ppo_rate", "South") is None


def test_a_missing_final_month_of_a_series_that_is_not_zero_filled_is_a_warning(
    tmp_path: Path,
) -> None:
    rows = good_rows()
    for measure in ("surveyed", "satisfied"):
        del rows[find(rows, "2019-12", measure, "Force")]
    write_project(tmp_path, rows)

    result = load_facts(tmp_path, "2019-12")

    assert result.facts.get("level", "sat", "Force") is None
    assert any("2019-12" in w.message and "Force" in w.where for w in result.warnings)


def test_every_missing_month_of_a_series_is_listed_in_its_warning(tmp_path: Path) -> None:
    rows = good_rows()
    for month in ("2018-06", "2019-11", "2019-12"):  # a gap, and the last two months
        del rows[find(rows, month, "surveyed", "North")]
    write_project(tmp_path, rows)

    _, figures = load(tmp_path)

    (warning,) = [w for w in figures.warnings if w.where == "surveyed / North"]
    assert "no value for 2018-06, 2019-11, 2019-12;" in warning.message


# --------------------------------------------------------------------------------------
# File formats
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["figures.csv", "figures.xlsx", "figures.parquet"])
def test_csv_xlsx_and_parquet_load_the_same_figures(tmp_path: Path, name: str) -> None:
    write_project(tmp_path / "reference", good_rows())
    _, expected = load(tmp_path / "reference")

    frame = pd.DataFrame(good_rows(), columns=COLUMNS)
    if name.endswith(".parquet"):
        # Parquet keeps types: numbers as numbers, no date as a null.
        frame["value"] = pd.to_numeric(frame["value"])
        frame["date"] = frame["date"].replace("", None)
    path = write_project(tmp_path / "project", frame, name=name)
    _, figures = load(tmp_path / "project")

    assert figures.keys == expected.keys
    assert (figures.first, figures.last) == (expected.first, expected.last)
    np.testing.assert_array_equal(figures.values, expected.values)
    assert list(figures.snapshots["date"]) == ["2019-12-01", "2019-12-15"]
    assert list(figures.snapshots["value"]) == [40.0, 30.0]
    assert set(figures.snapshots["_file"]) == {str(path)}
    facts = load_facts(tmp_path / "project", "2019-12").facts
    reference = load_facts(tmp_path / "reference", "2019-12").facts
    assert [f.id for f in facts] == [f.id for f in reference]


@pytest.mark.parametrize("name", ["figures.xlsx", "figures.parquet"])
def test_problems_in_xlsx_and_parquet_name_the_file_and_row(tmp_path: Path, name: str) -> None:
    rows = good_rows()
    index = find(rows, "2018-05", "crimes", "South")
    rows[index]["area"] = "Atlantis"
    path = write_project(tmp_path, rows, name=name)

    problem = only_problem(tmp_path)

    assert problem.where == f"{path}: row {index + 2}"
    assert "unknown area 'Atlantis'" in problem.message
