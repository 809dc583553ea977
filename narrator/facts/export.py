"""Facts as machine output: JSON, JSON Lines, CSV and Parquet, written as a stream.

Each writer takes any iterable of :class:`~narrator.facts.model.Fact` and a binary file,
and serialises the facts a batch at a time, so the memory it uses does not grow with the
number of facts (a national month has half a million). Plain serialisers only: orjson for
JSON, the standard library's ``csv`` for CSV and pyarrow for Parquet; never rich, whose
rendering of a large JSON document costs minutes and gigabytes.

Every format carries the fields of :meth:`Fact.as_dict` in its order. In CSV and Parquet,
``statistic`` and ``detail`` (maps of varying keys) are JSON text; ``sources`` is a list
of text in Parquet and JSON text in CSV. :func:`read_facts` reads any of them back as the
dictionaries :meth:`Fact.as_dict` gives.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import attrgetter
from pathlib import Path
from typing import IO, Any

import orjson

from narrator._gc import collector_paused
from narrator.facts.model import Fact

#: The fields of a fact, in the order of :meth:`Fact.as_dict` and of every format's columns.
FIELDS = (
    "id",
    "kind",
    "measure",
    "area",
    "month",
    "period",
    "value",
    "unit",
    "reference",
    "reference_period",
    "change",
    "change_pct",
    "direction",
    "significant",
    "method",
    "statistic",
    "detail",
    "sources",
    "salience",
)
_FLOATS = ("value", "reference", "change", "change_pct", "salience")
_JSON_TEXT = ("statistic", "detail")
#: Facts serialised per batch: large enough that per-batch costs vanish, small enough that
#: a batch's rows (a few MB) never matter beside the facts themselves.
BATCH = 20_000

Writer = Callable[[Iterable[Fact], IO[bytes]], int]


def _batches(facts: Iterable[Fact]) -> Iterator[list[Fact]]:
    """The facts a batch at a time, with the collector paused between them."""
    iterator = iter(facts)
    while True:
        with collector_paused():
            batch = list(itertools.islice(iterator, BATCH))
        if not batch:
            return
        with collector_paused():
            yield batch


def write_jsonl(facts: Iterable[Fact], handle: IO[bytes]) -> int:
    """One JSON object per line; returns the number of facts written."""
    count = 0
    dumps = orjson.dumps
    for batch in _batches(facts):
        handle.write(b"".join(dumps(f.as_dict()) + b"\n" for f in batch))
        count += len(batch)
    return count


def write_json(facts: Iterable[Fact], handle: IO[bytes]) -> int:
    """One JSON array, a fact per line; returns the number of facts written."""
    count = 0
    dumps = orjson.dumps
    handle.write(b"[")
    for batch in _batches(facts):
        lead = b"\n" if count == 0 else b",\n"
        handle.write(lead + b",\n".join(dumps(f.as_dict()) for f in batch))
        count += len(batch)
    handle.write(b"\n]\n" if count else b"]\n")
    return count


#: How CSV writes ``significant`` (the csv module writes None as an empty cell itself).
_CSV_BOOL = {None: "", True: "true", False: "false"}


def write_csv(facts: Iterable[Fact], handle: IO[bytes]) -> int:
    """A header and a row per fact (UTF-8, RFC 4180 quoting); returns the number written."""
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(FIELDS)
        count = 0
        for batch in _batches(facts):
            columns = _columns(batch)
            for name in _JSON_TEXT:
                columns[name] = [t.decode() for t in columns[name]]
            columns["sources"] = [orjson.dumps(s).decode() for s in columns["sources"]]
            columns["significant"] = [_CSV_BOOL[v] for v in columns["significant"]]
            writer.writerows(zip(*(columns[name] for name in FIELDS), strict=True))
            count += len(batch)
        text.flush()
    finally:
        # The caller owns the binary file: leave it open when the wrapper goes.
        text.detach()
    return count


def parquet_schema() -> Any:
    """The Parquet columns of the facts (pyarrow schema)."""
    import pyarrow as pa

    types = {name: pa.string() for name in FIELDS}
    types.update({name: pa.float64() for name in _FLOATS})
    types["significant"] = pa.bool_()
    types["sources"] = pa.list_(pa.string())
    return pa.schema([(name, types[name]) for name in FIELDS])


def write_parquet(facts: Iterable[Fact], handle: IO[bytes]) -> int:
    """A Parquet file, a row group per batch; returns the number of facts written."""
    # pyarrow is imported here: it costs start-up time that only Parquet output needs.
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(handle, schema, compression="zstd") as writer:
        for batch in _batches(facts):
            columns = _columns(batch)
            arrays = [pa.array(columns[name], type=schema.field(name).type) for name in FIELDS]
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))
            count += len(batch)
    return count


def _columns(batch: list[Fact]) -> dict[str, Sequence[Any]]:
    """The fields of every fact of a batch, as the Parquet columns hold them."""
    # One attrgetter call per fact fetches every field; zip turns the rows into columns.
    columns: dict[str, Sequence[Any]] = dict(
        zip(FIELDS, zip(*map(attrgetter(*FIELDS), batch), strict=True), strict=True)
    )
    for name in _JSON_TEXT:
        columns[name] = _json_texts(columns[name])
    columns["sources"] = [list(s) for s in columns["sources"]]
    return columns


def _json_texts(maps: Sequence[Mapping[str, Any]]) -> list[bytes]:
    """Maps as JSON (UTF-8 bytes, which Arrow takes for a text column)."""
    dumps = orjson.dumps
    try:
        return [dumps(m) for m in maps]
    except TypeError:  # a Mapping that is not a dict: orjson takes dicts only
        return [dumps(dict(m)) for m in maps]


WRITERS: Mapping[str, Writer] = {
    "json": write_json,
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
}


def read_facts(path: Path, fmt: str) -> list[dict[str, Any]]:
    """Facts written by one of the writers, as :meth:`Fact.as_dict` dictionaries.

    For tests and for programs that read narrator's output; it reads the whole file.
    """
    if fmt == "json":
        return list(orjson.loads(path.read_bytes()))
    if fmt == "jsonl":
        return [orjson.loads(line) for line in path.read_bytes().splitlines() if line]
    if fmt == "parquet":
        import pyarrow.parquet as pq

        rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
        for row in rows:
            for name in _JSON_TEXT:
                row[name] = orjson.loads(row[name])
        return rows
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return [_from_csv(row) for row in csv.DictReader(handle)]
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(WRITERS)})")


def _from_csv(row: Mapping[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {name: (row[name] or None) for name in FIELDS}
    for name in _FLOATS:
        data[name] = None if data[name] is None else float(data[name])
    significant = data["significant"]
    data["significant"] = None if significant is None else significant == "true"
    for name in (*_JSON_TEXT, "sources"):
        data[name] = orjson.loads(row[name])
    data["method"] = row["method"]
    return data
