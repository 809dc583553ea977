"""Property: any TOML document as any project file either loads or gives a NarratorError.

Documents are generated two ways: random keys, types and nesting; and documents shaped like
the file (its real keys, nested as the schema nests them) with values of random types, which
reach the deep places a random document rarely does. Each is written as the file of a copy of
the Northshire test project and loaded the way the commands load it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
import tempfile
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrator.build.config import load_paper_spec
from narrator.draft.outline import load_outline
from narrator.errors import NarratorError
from narrator.project import load_project
from narrator.schema import files
from narrator.schema.validate import hints, toml_name

NORTHSHIRE = Path(__file__).parents[1] / "projects" / "northshire"
MONTH = "2020-06"

# ---------------------------------------------------------------------------------------
# TOML written from Python values (inline tables and arrays: any nesting is valid TOML)
# ---------------------------------------------------------------------------------------


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{toml_string(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_string(text: str) -> str:
    # JSON's escapes are TOML's, but for DEL, which TOML wants escaped too.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_document(data: dict[str, object]) -> str:
    return "".join(f"{toml_string(k)} = {toml_value(v)}\n" for k, v in data.items())


# ---------------------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------------------

MODELS: dict[str, type] = {
    "narrator.toml": files.ProjectFile,
    "catalogue.toml": files.CatalogueFile,
    "areas.toml": files.AreasFile,
    "outline.toml": files.OutlineFile,
    "paper.toml": files.PaperFile,
}

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    text,
    st.dates(),
    st.sampled_from(
        ["thefts", "solve_rate", "Coastal", "2", "count", "ratio", "police-uk", "a\x00b", ".."]
    ),
)


def key_names(model: type) -> set[str]:
    """Every key the file has at any depth."""
    names: set[str] = set()
    for spec in fields(model):
        names.add(toml_name(spec))
        for inner in _models(hints(model)[spec.name]):
            names |= key_names(inner)
    return names


def _models(annotation: object) -> Iterator[type]:
    for arg in (annotation, *typing.get_args(annotation)):
        if is_dataclass(arg) and isinstance(arg, type):
            yield arg


def values(keys: st.SearchStrategy[str]) -> st.SearchStrategy[object]:
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
        max_leaves=8,
    )


def shaped(model: type, keys: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, object]]:
    """A document with the file's own keys, nested like the schema, values of any type."""
    parts: dict[str, st.SearchStrategy[object]] = {}
    for spec in fields(model):
        annotation = hints(model)[spec.name]
        origin = typing.get_origin(annotation)
        nested = [m for m in _models(annotation) if m is not model]
        choice: st.SearchStrategy[object] = values(keys)
        if nested and origin is dict:
            inner = st.deferred(lambda m=nested[0]: shaped(m, keys))
            choice = st.dictionaries(st.sampled_from(["thefts", "x"]), inner, max_size=2) | choice
        elif nested and origin is tuple:
            inner = st.deferred(lambda m=nested[0]: shaped(m, keys))
            choice = st.lists(inner, max_size=3) | choice
        elif nested:
            choice = st.deferred(lambda m=nested[0]: shaped(m, keys)) | choice
        parts[toml_name(spec)] = choice
    extra = st.dictionaries(keys, values(keys), max_size=1)
    return st.fixed_dictionaries({}, optional=parts).flatmap(
        lambda doc: extra.map(lambda more: {**doc, **more})
    )


def documents(name: str) -> st.SearchStrategy[dict[str, object]]:
    keys = st.sampled_from(sorted(key_names(MODELS[name]))) | text
    anything = st.dictionaries(keys, values(keys), max_size=5)
    return st.one_of(anything, shaped(MODELS[name], keys))


# ---------------------------------------------------------------------------------------
# Loading as the commands do
# ---------------------------------------------------------------------------------------


def load_all(folder: Path) -> None:
    project = load_project(folder)
    if project.outline is not None:
        load_outline(project)
    load_paper_spec(project, MONTH)


@contextmanager
def northshire() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "northshire"
        shutil.copytree(NORTHSHIRE, folder)
        yield folder


def loads_or_refuses(folder: Path, name: str, document: dict[str, object]) -> None:
    (folder / name).write_text(toml_document(document), encoding="utf-8")
    try:
        load_all(folder)
    except NarratorError as error:
        assert str(error).strip(), "a refusal says why"


def property_for(name: str) -> Callable[[], None]:
    @settings(
        max_examples=120,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(document=documents(name))
    def check(document: dict[str, object]) -> None:
        with northshire() as folder:
            loads_or_refuses(folder, name, document)

    return check


@pytest.mark.parametrize("name", sorted(MODELS))
def test_any_document_loads_or_is_refused_as_a_project_error(name: str) -> None:
    property_for(name)()


def test_the_writer_round_trips_through_tomllib() -> None:
    import tomllib

    document = {"a": [1, 2.5, "x\x00\x7f\n"], "b": {"c": float("inf"), "d": dt.date(2020, 1, 2)}}
    assert tomllib.loads(toml_document(document)) == document
