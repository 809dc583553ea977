"""Every fact the engine makes is of a registered kind, with a direction of the enum and a
``detail`` of its kind's typed record, key for key and type for type."""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any, NotRequired, get_args, get_origin, get_type_hints, is_typeddict

import pytest

from narrator.api import load
from narrator.facts import compute_facts
from narrator.facts.builder import KIND_WEIGHT, KINDS
from narrator.facts.kinds import (
    DETAILS,
    OPEN_DETAILS,
    FactKind,
    SignalDetail,
    StreakDetail,
    detail_of,
)
from narrator.facts.model import Fact
from narrator.language.directions import Direction
from narrator.resources import sample_dir

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = [
    sample_dir(),
    ROOT / "samples" / "city-of-london",
    ROOT / "tests" / "projects" / "northshire",
]


def _conforms(value: Any, expected: Any, where: str) -> None:
    """Assert ``value`` is of the annotated type ``expected`` (the few shapes details use)."""
    origin = get_origin(expected)
    if origin is NotRequired:
        _conforms(value, get_args(expected)[0], where)
    elif origin in (types.UnionType, typing.Union):
        errors = []
        for option in get_args(expected):
            try:
                _conforms(value, option, where)
                return
            except AssertionError as exc:
                errors.append(str(exc))
        raise AssertionError(f"{where}: {value!r} is none of {expected}")
    elif origin is list:
        assert isinstance(value, list), f"{where}: {value!r} is not a list"
        for i, item in enumerate(value):
            _conforms(item, get_args(expected)[0], f"{where}[{i}]")
    elif is_typeddict(expected):
        _record(value, expected, where, open_keys=False)
    elif expected is type(None):
        assert value is None, f"{where}: {value!r} is not None"
    elif expected is float:
        assert isinstance(value, int | float) and not isinstance(value, bool), (where, value)
    else:
        assert isinstance(value, expected) and not (expected is int and isinstance(value, bool)), (
            f"{where}: {value!r} is not a {expected.__name__}"
        )


def _record(value: Any, record: Any, where: str, *, open_keys: bool) -> None:
    assert isinstance(value, dict), f"{where}: {value!r} is not a dict"
    hints = get_type_hints(record, include_extras=True)
    missing = record.__required_keys__ - set(value)
    assert not missing, f"{where}: missing {sorted(missing)}"
    if not open_keys:
        extra = set(value) - set(hints)
        assert not extra, f"{where}: keys {sorted(extra)} are not in {record.__name__}"
    for key, expected in hints.items():
        if key in value:
            _conforms(value[key], expected, f"{where}.{key}")


@pytest.mark.parametrize("project", PROJECTS, ids=lambda p: p.name)
def test_every_fact_keeps_its_kinds_record(project: Path) -> None:
    loaded, figures = load(project)
    seen: set[FactKind] = set()
    for month in (figures.last, figures.last - 7):
        for fact in compute_facts(figures, month, loaded.settings):
            assert isinstance(fact.kind, FactKind), fact.kind
            assert fact.direction is None or isinstance(fact.direction, Direction), fact.id
            record = DETAILS[fact.kind]
            _record(dict(fact.detail), record, fact.id, open_keys=fact.kind in OPEN_DETAILS)
            seen.add(fact.kind)
    assert len(seen) >= 15


def test_every_kind_has_a_record_and_a_weight() -> None:
    assert set(DETAILS) == set(FactKind) == set(KIND_WEIGHT)
    assert tuple(sorted(k.value for k in FactKind)) == KINDS


def _fact(kind: str, detail: dict[str, Any]) -> Fact:
    return Fact(
        id="x", kind=kind, measure="m", area="a", month="2019-10", period="2019-10",
        value=1.0, unit="count", detail=detail,
    )  # fmt: skip


def test_detail_of_gives_the_typed_record_of_the_kind() -> None:
    streak = _fact("streak.rolling", {"broken": True, "previous_length": 29})
    assert detail_of(streak, StreakDetail)["previous_length"] == 29
    with pytest.raises(TypeError, match=r"a streak\.rolling fact keeps a StreakDetail detail"):
        detail_of(streak, SignalDetail)
    with pytest.raises(ValueError, match=r"'no\.such' is not a valid FactKind"):
        detail_of(_fact("no.such", {}), StreakDetail)


def test_kinds_and_directions_write_plain_json() -> None:
    import json

    assert json.dumps([FactKind.RECORD, Direction.DOWN]) == '["record", "down"]'
    assert FactKind("change.month") is FactKind.CHANGE_MONTH
