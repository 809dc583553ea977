"""The schema's checker: types, ranges, unknown keys, places and excerpts in its messages."""

from __future__ import annotations

import typing
from dataclasses import MISSING, dataclass, fields

import pytest

from narrator.areas import Area
from narrator.catalogue import Kind, Measure, Polarity
from narrator.draft.outline import ParagraphSpec
from narrator.errors import OutlineError, ProjectError
from narrator.ingest.plan import MembershipRule
from narrator.schema import files
from narrator.schema.keys import key
from narrator.schema.validate import at, build, excerpt, header, nearest


@dataclass(frozen=True)
class Inner:
    """A nested table."""

    size: int = key(1, doc="A size.", low=1, high=10)


@dataclass(frozen=True)
class Item:
    """An array item."""

    name: str = key(doc="Its name.")
    share: float = key(0.5, doc="A share.", low=0, high=1)
    flag: bool = key(False, doc="A flag.")
    tags: tuple[str, ...] = key((), doc="Tags.")
    colour: typing.Literal["red", "green"] = key("red", doc="A colour.")


@dataclass(frozen=True)
class Doc:
    """A document."""

    title: str | None = key(None, doc="A title.")
    inner: Inner = key(factory=Inner, doc="A table.")
    items: tuple[Item, ...] = key((), doc="Items.")
    by_id: dict[str, Inner] = key(factory=dict, doc="Tables by id.")
    paths: str | tuple[str, ...] = key("a", doc="Paths.", expect="a path or a list of them")
    from_: str | None = key(None, doc="A keyword key.", name="from")


def message(data: object) -> str:
    with pytest.raises(ProjectError) as caught:
        build(data, Doc, "f.toml")
    return str(caught.value)


def test_a_valid_document_is_built_with_defaults() -> None:
    doc = build(
        {"items": [{"name": "a", "tags": ["x"]}], "by_id": {"k": {"size": 3}}, "from": "me"},
        Doc,
        "f.toml",
    )
    assert doc.items == (Item(name="a", tags=("x",)),)
    assert doc.by_id == {"k": Inner(3)}
    assert doc.inner == Inner() and doc.paths == "a" and doc.from_ == "me"


def test_numbers_whole_and_real() -> None:
    assert build({"inner": {"size": 3.0}}, Doc, "f").inner.size == 3
    assert build({"items": [{"name": "a", "share": 1}]}, Doc, "f").items[0].share == 1.0
    assert "size must be a whole number from 1 to 10, got 2.5" in message({"inner": {"size": 2.5}})


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"inner": {"size": 11}},
            "f.toml: [inner] size must be a whole number from 1 to 10, got 11",
        ),
        ({"inner": {"size": True}}, "[inner] size must be a whole number from 1 to 10, got true"),
        ({"inner": {"size": float("nan")}}, "got nan"),
        ({"inner": 3}, "f.toml: [inner] must be a table ([inner] on a line of its own"),
        ({"title": 5}, "f.toml: title must be text in quotes, got 5"),
        ({"titel": "x"}, "f.toml: unknown top-level key `titel` (did you mean `title`?)"),
        ({"zzz": "x"}, "unknown top-level key `zzz` (expected one of `by_id`, `from`, `inner`"),
        ({"items": [{}]}, "f.toml: [[items]] 1 has no name (expected name = text in quotes)"),
        ({"items": ["a"]}, 'f.toml: [[items]] 1 must be a table of keys, got "a"'),
        ({"items": {"name": "a"}}, "f.toml: items must be an array of tables ([[items]]"),
        (
            {"items": [{"name": "a"}, {"name": "b", "share": -1}]},
            "f.toml: [[items]] 2 (b) share must be a number from 0 to 1, got -1",
        ),
        (
            {"items": [{"name": "a", "flag": "yes"}]},
            '[[items]] 1 (a) flag must be true or false, got "yes"',
        ),
        (
            {"items": [{"name": "a", "tags": "x"}]},
            '[[items]] 1 (a) tags must be a list of texts in quotes, got "x"',
        ),
        (
            {"items": [{"name": "a", "colour": "gren"}]},
            'colour must be one of "red", "green", got "gren" (did you mean `green`?)',
        ),
        ({"by_id": {"k": {"sise": 1}}}, "f.toml: [by_id.k] has an unknown key `sise`"),
        ({"by_id": 3}, "f.toml: [by_id] must be a table of tables, got 3"),
        ({"paths": 3}, "f.toml: paths must be a path or a list of them, got 3"),
        ({"paths": ["a", 3]}, 'paths must be a path or a list of them, got ["a", 3]'),
        ([1, 2], "f.toml: the document must be a table (keys), got [1, 2]"),
    ],
)
def test_one_message_names_file_place_expectation_and_value(data: object, expected: str) -> None:
    assert expected in message(data)


def test_the_error_class_is_the_callers() -> None:
    with pytest.raises(OutlineError):
        build({"title": 1}, Doc, "outline.toml", error=OutlineError)


def test_places_read_as_toml_headers() -> None:
    assert at(("benchmarks", "history_years")) == "[benchmarks] history_years"
    assert at(("measures", "burglary", "priority")) == "[measures.burglary] priority"
    place = ("sections", (2, "4.2"), "paragraphs", (3, None), "say")
    assert at(place) == "[[sections]] 2 (4.2), [[sections.paragraphs]] 3 say"
    assert header(("paper", "sections", (1, "Purpose"))) == "[[paper.sections]] 1 (Purpose)"
    assert at(("title",)) == "title"


def test_a_huge_key_is_cut_in_the_place_too() -> None:
    text = message({"by_id": {"k" * 1_000_000: {"size": 0}}})
    assert len(text) < 200 and "[by_id.kkkk" in text


def test_excerpts_are_short_and_show_control_characters() -> None:
    long = excerpt("x" * 50_000_000)
    assert len(long) <= 60 and long.endswith("…")
    assert excerpt("a\nb\x00") == '"a\\nb\\x00"'
    assert len(excerpt([list(range(1000))] * 1000)) <= 60
    assert excerpt({"a": [1, "b"]}) == '{a = [1, "b"]}'


def test_nearest_suggests_or_lists() -> None:
    assert nearest("polarty", ["polarity", "priority"]) == " (did you mean `polarity`?)"
    assert nearest("zzz", ["b", "a"]) == " (expected one of `a`, `b`)"
    assert nearest("zzz", ["a"], listing=False) == ""


# ---------------------------------------------------------------------------------------
# The declared files agree with the objects the loaders build (one declaration, no drift)
# ---------------------------------------------------------------------------------------


def _defaults(cls: type) -> dict[str, object]:
    return {f.name: f.default for f in fields(cls) if f.default is not MISSING}


def test_measure_keys_and_defaults_match_the_measure() -> None:
    entry = _defaults(files.MeasureEntry)
    measure = _defaults(Measure)
    names = {f.name for f in fields(files.MeasureEntry)}
    assert names <= {f.name for f in fields(Measure)}, "every key becomes a field of Measure"
    for name, value in entry.items():
        if name not in ("label", "kind", "polarity"):
            assert measure[name] == value, name
    assert typing.get_args(files.Kind) == tuple(k.value for k in Kind)
    assert typing.get_args(files.Polarity) == tuple(p.value for p in Polarity)
    assert measure["polarity"].value == entry["polarity"]  # type: ignore[attr-defined]


def test_area_and_paragraph_defaults_match() -> None:
    assert _defaults(files.AreaEntry)["level"] == "area"
    area = _defaults(Area)
    for name in ("parent", "aliases", "label"):
        assert _defaults(files.AreaEntry)[name] == area[name]
    paragraph = _defaults(ParagraphSpec)
    for name in ("measures", "say", "area", "compare_with", "text", "repeat", "max_sentences"):
        assert _defaults(files.ParagraphEntry)[name] == paragraph[name], name


def test_police_uk_thresholds_match_the_membership_rule() -> None:
    section = _defaults(files.FiguresSection)
    for name, value in _defaults(MembershipRule).items():
        assert section[name] == value


def test_the_samples_and_the_init_template_fit_the_schema() -> None:
    import tomllib
    from pathlib import Path

    root = Path(__file__).parents[2]
    folders = [
        root / "samples" / "cambridgeshire",
        root / "samples" / "city-of-london",
        root / "tests" / "projects" / "northshire",
        root / "narrator" / "build" / "templates" / "project",
    ]
    models = {
        "narrator.toml": files.ProjectFile,
        "catalogue.toml": files.CatalogueFile,
        "areas.toml": files.AreasFile,
        "outline.toml": files.OutlineFile,
        "paper.toml": files.PaperFile,
    }
    checked = 0
    for folder in folders:
        for name, model in models.items():
            path = folder / name
            if path.is_file():
                build(tomllib.loads(path.read_text(encoding="utf-8")), model, str(path))
                checked += 1
    assert checked >= 15
