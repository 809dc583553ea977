"""Check a TOML document against a declared schema: one message for the first thing wrong.

Every key is a field of a frozen dataclass declared with :func:`narrator.schema.keys.key`.
:func:`build` walks the document and the dataclass together and returns the dataclass, or
raises one error naming the file, the key's place (``[measures.burglary] priority``), what
was expected there and a short excerpt of what arrived. Unknown keys name the nearest valid
key. Nothing here is specific to one file: the files' shapes are in
:mod:`narrator.schema.files`.
"""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, Field, fields, is_dataclass
from functools import cache
from typing import Any, Literal, TypeVar, Union

from narrator.errors import NarratorError, ProjectError
from narrator.schema.keys import EXPECT, HIGH, LOW, OPEN, TOML_NAME, UNIT

T = TypeVar("T")
#: A place in a document: keys, and (position from 1, name of the item) for array items.
Step = str | tuple[int, str | None]
Path = tuple[Step, ...]

#: Longest excerpt of a bad value quoted in a message (a 50 MB value must not be echoed).
EXCERPT = 60
#: Keys whose text names an array item in messages ("[[areas]] 3 (North)").
_ITEM_NAMES = ("name", "number", "title")


class _Invalid(Exception):
    """One problem found while walking the document (turned into the caller's error)."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def build(
    data: object,
    model: type[T],
    file: str,
    path: Path = (),
    *,
    error: type[NarratorError] = ProjectError,
) -> T:
    """``data`` checked against the dataclass ``model``; raises ``error`` with one message.

    ``file`` names the document in the message; ``path`` is where ``data`` sits in it (for
    a table read out of a larger document, such as ``[paper]`` of ``narrator.toml``).
    """
    try:
        return typing.cast(T, _table(data, model, path))
    except _Invalid as bad:
        raise error(f"{file}: {bad.problem}") from None


def fail(file: str, path: Path, problem: str, *, error: type[NarratorError] = ProjectError) -> None:
    """Raise ``error`` for a problem at ``path`` found by a loader after :func:`build`."""
    raise error(f"{file}: {at(path)} {problem}")


def at(path: Path) -> str:
    """The place of a key as a reader finds it in the file: ``[measures.burglary] priority``."""
    if not path:
        return "the document"
    *head, last = path
    if isinstance(last, tuple):
        return header(path)
    table = header(tuple(head))
    return f"{table} {excerpt_text(last, 40)}" if table else excerpt_text(last, 40)


def header(path: Path) -> str:
    """The TOML header of the table at ``path``: ``[benchmarks]``, ``[[areas]] 3 (North)``."""
    pieces: list[str] = []
    names: list[str] = []
    pending = False
    for step in path:
        if isinstance(step, str):
            names.append(excerpt_text(step, 40))
            pending = True
        else:
            number, label = step
            item = f"[[{'.'.join(names)}]] {number}"
            pieces.append(f"{item} ({excerpt_text(label, 30)})" if label else item)
            pending = False
    if pending:
        pieces.append(f"[{'.'.join(names)}]")
    return ", ".join(pieces)


def excerpt(value: object, limit: int = EXCERPT) -> str:
    """A short TOML-like rendering of a value as it arrived, cut to about ``limit`` characters."""
    text = _render(value, limit + 1)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def excerpt_text(text: str, limit: int = EXCERPT) -> str:
    """A text cut to ``limit`` characters, control characters shown escaped."""
    shown = text[: limit + 1].encode("unicode_escape").decode("ascii", "replace")
    shown = "".join(ch if ch.isprintable() else "?" for ch in shown)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def nearest(word: str, choices: typing.Iterable[str], *, listing: bool = True) -> str:
    """ " (did you mean `x`?)" for the closest choice, else the choices (or "" if not listing)."""
    import difflib  # only when a message is written: not worth every start-up's import

    options = sorted(choices)
    close = difflib.get_close_matches(word[:100], options, n=1, cutoff=0.6)
    if close:
        return f" (did you mean `{close[0]}`?)"
    if not listing:
        return ""
    shown = ", ".join(f"`{o}`" for o in options[:30])
    return f" (expected one of {shown})" if options else " (expected no keys here)"


def expected(annotation: Any, meta: Mapping[str, Any] | None = None) -> str:
    """How a message (and the reference) words the value a key expects."""
    meta = meta or {}
    if meta.get(EXPECT):
        return str(meta[EXPECT])
    annotation = _optional(annotation)
    origin = typing.get_origin(annotation)
    if annotation is str:
        return "text in quotes"
    if annotation is bool:
        return "true or false"
    if annotation in (int, float):
        return _range_words(annotation, meta)
    if origin is Literal:
        return "one of " + ", ".join(f'"{c}"' for c in typing.get_args(annotation))
    if origin is tuple:
        item = typing.get_args(annotation)[0]
        if is_dataclass(item):
            return "an array of tables"
        if typing.get_origin(item) is Literal:
            return "a list of " + expected(item)
        return "a list of texts in quotes"
    if origin is dict:
        return "a table of tables"
    if is_dataclass(annotation):
        return "a table"
    return " or ".join(expected(a) for a in typing.get_args(annotation))


def toml_name(spec: Field[Any]) -> str:
    """The key as written in the file (``from``) for a field (``from_``)."""
    return str(spec.metadata.get(TOML_NAME) or spec.name)


@cache
def hints(model: type) -> dict[str, Any]:
    """The resolved annotations of a schema dataclass (cached: resolving costs)."""
    return typing.get_type_hints(model)


# ---------------------------------------------------------------------------------------
# The walk
# ---------------------------------------------------------------------------------------


def _table(data: object, model: type, path: Path) -> object:
    if not isinstance(data, Mapping) and path and isinstance(path[-1], tuple):
        raise _Invalid(path, f"{header(path)} must be a table of keys, got {excerpt(data)}")
    if not isinstance(data, Mapping):
        where = header(path) or "the document"
        headline = f"{where} on a line of its own, then its keys" if path else "keys"
        raise _Invalid(path, f"{where} must be a table ({headline}), got {excerpt(data)}")
    specs = {toml_name(spec): spec for spec in fields(model)}
    for name in data:
        if name not in specs:
            word = f"`{excerpt_text(str(name))}`{nearest(str(name), specs)}"
            where = header(path)
            text = f"{where} has an unknown key" if where else "unknown top-level key"
            raise _Invalid(path, f"{text} {word}")
    values: dict[str, Any] = {}
    types_of = hints(model)
    for name, spec in specs.items():
        if name not in data:
            if spec.default is MISSING and spec.default_factory is MISSING:
                want = expected(types_of[spec.name], spec.metadata)
                where = header(path) or "the document"
                raise _Invalid(path, f"{where} has no {name} (expected {name} = {want})")
            continue
        values[spec.name] = _value(data[name], types_of[spec.name], spec.metadata, (*path, name))
    return model(**values)


def _value(value: object, annotation: Any, meta: Mapping[str, Any], path: Path) -> object:
    annotation = _optional(annotation)
    origin = typing.get_origin(annotation)
    if is_dataclass(annotation) and isinstance(annotation, type):
        return _table(value, annotation, path)
    if origin is dict:
        return _tables(value, typing.get_args(annotation)[1], path)
    if origin is tuple and is_dataclass(typing.get_args(annotation)[0]):
        return _array(value, typing.get_args(annotation)[0], path)
    if origin in (Union, types.UnionType):
        for option in typing.get_args(annotation):
            try:
                return _value(value, option, {}, path)
            except _Invalid:
                continue
        raise _Invalid(path, _wrong(path, annotation, meta, value))
    return _scalar(value, annotation, meta, path)


def _scalar(value: object, annotation: Any, meta: Mapping[str, Any], path: Path) -> object:
    origin = typing.get_origin(annotation)
    if _has_nul(value):
        # No text of a project file has a use for NUL, and a path holding one fails in open().
        raise _Invalid(path, f"{at(path)} holds a NUL character (\\u0000), got {excerpt(value)}")
    if annotation is str and isinstance(value, str):
        return value
    if annotation is bool and isinstance(value, bool):
        return value
    if annotation in (int, float) and _is_number(value):
        number = typing.cast(float, value)
        whole = annotation is int
        fits = math.isfinite(number) and (not whole or float(number).is_integer())
        if fits and _in_range(number, meta):
            return int(number) if whole else float(number)
    if origin is Literal and isinstance(value, str):
        choices = typing.get_args(annotation)
        if value in choices:
            return value
        hint = nearest(value, choices)
        problem = f"must be {expected(annotation, meta)}, got {excerpt(value)}"
        raise _Invalid(path, f"{at(path)} {problem}{hint if 'did you' in hint else ''}")
    if origin is tuple and isinstance(value, list):
        item = typing.get_args(annotation)[0]
        if typing.get_origin(item) is Literal:
            for entry in value:
                _scalar(entry, item, {}, path)
            return tuple(value)
        if all(isinstance(v, item) and not isinstance(v, bool) for v in value):
            return tuple(value)
    raise _Invalid(path, _wrong(path, annotation, meta, value))


def _tables(value: object, model: type, path: Path) -> dict[str, object]:
    if not isinstance(value, Mapping):
        where = header(path)
        raise _Invalid(path, f"{where} must be a table of tables, got {excerpt(value)}")
    return {str(k): _table(v, model, (*path, str(k))) for k, v in value.items()}


def _array(value: object, model: type, path: Path) -> tuple[object, ...]:
    name = ".".join(s for s in path if isinstance(s, str))
    if not isinstance(value, list | tuple):
        raise _Invalid(
            path,
            f"{at(path)} must be an array of tables ([[{name}]] on a line of its own, "
            f"then its keys), got {excerpt(value)}",
        )
    items = []
    for number, item in enumerate(value, start=1):
        label = None
        if isinstance(item, Mapping):
            label = next((str(item[k]) for k in _ITEM_NAMES if isinstance(item.get(k), str)), None)
        items.append(_table(item, model, (*path, (number, label))))
    return tuple(items)


def _wrong(path: Path, annotation: Any, meta: Mapping[str, Any], value: object) -> str:
    return f"{at(path)} must be {expected(annotation, meta)}, got {excerpt(value)}"


def _optional(annotation: Any) -> Any:
    """``X`` for ``X | None`` (TOML has no null: None only ever comes from a default)."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
        return Union[tuple(args)]  # noqa: UP007  a union built at run time
    return annotation


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    return isinstance(value, list) and any(isinstance(v, str) and "\x00" in v for v in value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _in_range(number: float, meta: Mapping[str, Any]) -> bool:
    low, high, open_range = meta.get(LOW), meta.get(HIGH), meta.get(OPEN)
    if low is not None and (number <= low if open_range else number < low):
        return False
    return not (high is not None and (number >= high if open_range else number > high))


def _range_words(annotation: Any, meta: Mapping[str, Any]) -> str:
    noun = "a whole number" if annotation is int else "a number"
    if meta.get(UNIT):
        noun = f"{noun} of {meta[UNIT]}"
    low, high = meta.get(LOW), meta.get(HIGH)
    if low is None and high is None:
        return noun
    if low is None:
        return f"{noun} up to {_num(high)}"
    if high is None:
        return f"{noun}, {_num(low)} or more"
    if meta.get(OPEN):
        return f"{noun} between {_num(low)} and {_num(high)}, exclusive"
    return f"{noun} from {_num(low)} to {_num(high)}"


def _num(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _render(value: object, limit: int) -> str:
    """TOML-like text of a value, built no longer than about ``limit`` characters."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + excerpt_text(value, limit) + '"'
    if isinstance(value, int | float):
        return excerpt_text(repr(value), limit)
    if isinstance(value, list | tuple):
        return _join("[", (_render(v, limit) for v in value), "]", limit)
    if isinstance(value, Mapping):
        parts = (f"{excerpt_text(str(k), limit)} = {_render(v, limit)}" for k, v in value.items())
        return _join("{", parts, "}", limit)
    return excerpt_text(str(value), limit)


def _join(opening: str, parts: typing.Iterator[str], closing: str, limit: int) -> str:
    text = opening
    for index, part in enumerate(parts):
        text += (", " if index else "") + part
        if len(text) > limit:
            return text
    return text + closing
