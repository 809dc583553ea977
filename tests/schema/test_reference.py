"""docs/reference/ is generated from the schema: up to date, and every key documented."""

from __future__ import annotations

import typing
from dataclasses import fields, is_dataclass
from pathlib import Path

from narrator.schema import reference
from narrator.schema.keys import DOC, HIGH, LOW
from narrator.schema.validate import hints, toml_name

FOLDER = Path(__file__).parents[2] / reference.FOLDER


def every_table() -> list[tuple[str, type]]:
    return [table for page in reference.PAGES for table in reference.tables(page.model)]


def test_the_reference_is_up_to_date() -> None:
    stale = reference.stale(FOLDER)
    assert not stale, f"{stale} out of date: run python -m narrator.schema.reference"


def test_every_key_has_a_meaning() -> None:
    missing = [
        f"{header or page} {toml_name(spec)}"
        for page, (header, model) in (
            (p.title, t) for p in reference.PAGES for t in reference.tables(p.model)
        )
        for spec in fields(model)
        if len(str(spec.metadata.get(DOC) or "").strip()) < 10
    ]
    assert not missing, f"keys without a description: {missing}"


def test_every_number_is_bounded() -> None:
    unbounded = [
        f"{header} {spec.name}"
        for header, model in every_table()
        for spec in fields(model)
        if hints(model)[spec.name] in (int, float)
        and (spec.metadata.get(LOW) is None or spec.metadata.get(HIGH) is None)
    ]
    assert not unbounded, f"numbers without a range: {unbounded}"


def test_every_key_of_every_table_is_on_its_page() -> None:
    for page in reference.PAGES:
        text = (FOLDER / page.name).read_text(encoding="utf-8")
        for header, model in reference.tables(page.model):
            if header:
                assert f"## `{header}`" in text
            for spec in reference.own_fields(model):
                assert f"| `{toml_name(spec)}` |" in text, (page.name, header, spec.name)


def test_the_index_links_every_page_and_the_rules() -> None:
    index = (FOLDER / "README.md").read_text(encoding="utf-8")
    for page in reference.PAGES:
        assert f"]({page.name})" in index
    assert "](rules.md)" in index


def test_every_table_is_a_dataclass_of_the_schema() -> None:
    for _, model in every_table():
        assert is_dataclass(model)
        assert model.__doc__, model
        for spec in fields(model):
            assert typing.get_type_hints(model)[spec.name] is not None


def test_check_mode_reports_a_stale_page(tmp_path: Path) -> None:
    assert reference.main([str(tmp_path)]) == 0
    assert reference.main(["--check", str(tmp_path)]) == 0
    (tmp_path / "catalogue.md").write_text("edited by hand\n", encoding="utf-8")
    assert reference.main(["--check", str(tmp_path)]) == 1
