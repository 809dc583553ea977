"""Reading one figures file (CSV, Excel or Parquet) as text columns, its header checked
against the data contract and its size against the figures limit."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from narrator.errors import FiguresError, NarratorError, Problem
from narrator.limits import FIGURES_MB, LimitError
from narrator.textio import read_text

REQUIRED = ("month", "measure", "area", "value")
OPTIONAL = ("date",)


def read_table(path: Path) -> pd.DataFrame:
    """Read one figures file (CSV, .xlsx or Parquet) as text columns, header checked."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            # Read within the size limit and decoded as any text file (a byte order mark,
            # UTF-16 from a spreadsheet's "Unicode text"), never streamed from /dev/zero.
            text = read_text(path, FIGURES_MB, what=_CSV, error=_FileError)
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        elif suffix in (".xlsx", ".xlsm"):
            _check_size(path)
            frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
        elif suffix in (".parquet", ".pq"):
            _check_size(path)
            frame = _read_parquet(path)
        else:
            raise FiguresError(
                [Problem(str(path), f"unsupported file type {suffix!r}", ".csv, .xlsx or .parquet")]
            )
    except FileNotFoundError:
        raise FiguresError([Problem(str(path), "file not found")]) from None
    except _FileError as exc:
        message = exc.message.removeprefix(f"{path}: ")
        plain = message.removesuffix(f" (expected {_CSV})")
        raise FiguresError(
            [Problem(str(path), plain, _CSV if plain != message else None)]
        ) from None
    except UnicodeDecodeError as exc:
        raise FiguresError(
            [Problem(str(path), f"not UTF-8 text (byte {exc.start})", "a UTF-8 CSV file")]
        ) from None
    except (FiguresError, LimitError):
        raise
    except Exception as exc:  # pandas, openpyxl and pyarrow raise many types for a bad file
        reason = str(exc)[:200]
        raise FiguresError([Problem(str(path), f"cannot be read: {reason}")]) from None
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
        if not isinstance(frame[col].dtype, pd.CategoricalDtype):  # Parquet's: stripped
            frame[col] = frame[col].astype(str).str.strip()
    frame["_file"] = _constant(str(path), len(frame))
    # Row numbers as the analyst sees them in a spreadsheet: the header is row 1.
    frame["_row"] = np.arange(2, len(frame) + 2)
    return frame


def _read_parquet(path: Path) -> pd.DataFrame:
    """A Parquet file's columns as text, each a pandas Categorical of its distinct values.

    A national file has millions of rows but a few thousand distinct texts: each column is
    turned into text and dictionary-encoded by Arrow, and only the distinct values are
    stripped, so no Python string is made per row. A missing value reads as empty text.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    columns: dict[str, Any] = {}
    for name, column in zip(table.column_names, table.columns, strict=True):
        if not pa.types.is_string(column.type):
            column = pc.cast(column, pa.string())
        encoded = pc.fill_null(column, "").combine_chunks().dictionary_encode()
        texts = pc.utf8_trim_whitespace(encoded.dictionary).to_numpy(zero_copy_only=False)
        # Stripping may make two distinct texts one (" a" and "a"): code them again.
        codes, uniques = pd.factorize(texts)
        indices = encoded.indices.to_numpy(zero_copy_only=False)
        columns[str(name)] = pd.Categorical.from_codes(codes[indices], categories=uniques)
    if "date" not in {name.strip().lower() for name in columns}:
        columns["date"] = _constant("", table.num_rows)
    return pd.DataFrame(columns)


def _constant(text: str, rows: int) -> Any:
    """A column of one text, held as one code per row."""
    codes: Any = np.zeros(rows, dtype=np.int8)
    column: Any = pd.Categorical.from_codes(codes, categories=pd.Index([text]))
    return column


_CSV = "a UTF-8 CSV file"


class _FileError(NarratorError):
    """A figures file that cannot be read as text (raised by narrator.textio)."""


def _check_size(path: Path) -> None:
    """Refuse a spreadsheet or Parquet file over the figures limit before parsing it."""
    size = path.stat().st_size
    if size > FIGURES_MB.bytes():
        raise LimitError(
            f"{path}: too large to read as figures ({size / 1024 / 1024:,.1f} MB)",
            hint=FIGURES_MB.hint(),
        )
