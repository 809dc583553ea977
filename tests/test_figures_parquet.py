"""Parquet figures, read as dictionary-encoded columns: texts stripped per distinct value,
nulls as empty text, typed columns as text, headers in any case; the same figures as CSV."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from narrator.api import load
from narrator.figures import read_table
from tests.test_figures import COLUMNS, find, good_rows, only_problem, write_project


def test_padded_texts_and_typed_values_give_the_figures_of_the_csv(tmp_path: Path) -> None:
    write_project(tmp_path / "reference", good_rows())
    _, expected = load(tmp_path / "reference")
    frame = pd.DataFrame(good_rows(), columns=COLUMNS)
    frame["value"] = pd.to_numeric(frame["value"])
    # Padding makes distinct texts (" North" and "North") that are one value once stripped.
    frame["area"] = [f" {a}" if i % 3 == 0 else a for i, a in enumerate(frame["area"])]
    frame["measure"] = frame["measure"] + "  "
    frame = frame.rename(columns={"month": " Month ", "date": "DATE"})
    frame["DATE"] = frame["DATE"].replace("", None)
    write_project(tmp_path / "project", frame, name="figures.parquet")
    _, figures = load(tmp_path / "project")
    assert figures.keys == expected.keys
    np.testing.assert_array_equal(figures.values, expected.values)
    assert list(figures.snapshots["date"]) == ["2019-12-01", "2019-12-15"]


def test_a_missing_value_is_reported_as_empty_with_its_row(tmp_path: Path) -> None:
    rows = good_rows()
    index = find(rows, "2018-05", "crimes", "South")
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["value"] = pd.to_numeric(frame["value"]).astype("float64")
    frame.loc[index, "value"] = None
    path = write_project(tmp_path, frame, name="figures.parquet")
    problem = only_problem(tmp_path)
    assert problem.where == f"{path}: row {index + 2}"
    assert problem.message == "value '' is not a number"


def test_parquet_columns_are_categoricals_of_their_distinct_texts(tmp_path: Path) -> None:
    path = write_project(tmp_path, good_rows(), name="figures.parquet")
    table = read_table(path)
    for column in ("month", "measure", "area", "value", "date", "_file"):
        assert isinstance(table[column].dtype, pd.CategoricalDtype), column
    assert set(table["_file"]) == {str(path)}
    assert list(table["_row"][:2]) == [2, 3]
