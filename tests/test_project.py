"""The project files: narrator.toml, the catalogue and the areas, and the errors they give."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.api import load_facts
from narrator.areas import parse_areas
from narrator.catalogue import Kind, Polarity, parse_catalogue
from narrator.errors import NarratorError, ProjectError
from narrator.project import find_project, load_project, read_toml
from narrator.resources import sample_dir
from narrator.settings import Settings

NARRATOR = """
[project]
name = "Tiny Constabulary"

[figures]
file = "figures.csv"

[catalogue]
file = "catalogue.toml"

[areas]
file = "areas.toml"
"""

CATALOGUE = """
[measures.crimes]
label = "all crime"
unit = "crime"
polarity = "down_good"
aliases = ["recorded crime"]

[measures.ppo]
label = "outcomes"

[measures.ppo_rate]
kind = "ratio"
numerator = "ppo"
denominator = "crimes"
decimals = 1
polarity = "up_good"
"""

AREAS = """
[[areas]]
name = "Force"
level = "force"
aliases = ["the force"]

[[areas]]
name = "North"
level = "area"
parent = "Force"
label = "North area"

[[areas]]
name = "Town"
level = "district"
parent = "North"
"""

FIGURES = "month,measure,area,value\n" + "".join(
    f"2019-{m:02d},{measure},{area},{value}\n"
    for m in range(1, 13)
    for area in ("Force", "North", "Town")
    for measure, value in (("crimes", 100 + m), ("ppo", 10))
)


def make_project(
    folder: Path,
    *,
    narrator: str = NARRATOR,
    catalogue: str = CATALOGUE,
    areas: str = AREAS,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "narrator.toml").write_text(narrator, encoding="utf-8")
    (folder / "catalogue.toml").write_text(catalogue, encoding="utf-8")
    (folder / "areas.toml").write_text(areas, encoding="utf-8")
    (folder / "figures.csv").write_text(FIGURES, encoding="utf-8")
    return folder


def load_error(folder: Path) -> ProjectError:
    with pytest.raises(ProjectError) as caught:
        load_project(folder)
    return caught.value


# --------------------------------------------------------------------------------------
# A good project
# --------------------------------------------------------------------------------------


def test_a_good_project_loads(tmp_path: Path) -> None:
    project = load_project(make_project(tmp_path))
    assert project.name == "Tiny Constabulary"
    assert project.root == tmp_path
    assert project.figures == ((tmp_path / "figures.csv").resolve(),)
    assert not project.is_sample
    assert project.settings == Settings()
    assert [a.name for a in project.areas] == ["Force", "North", "Town"]
    assert project.areas.root.name == "Force"
    assert project.areas.depth("Town") == 2
    assert project.areas.resolve("THE FORCE") is project.areas["Force"]
    assert project.areas.resolve("north area") is project.areas["North"]
    assert project.catalogue["ppo_rate"].kind is Kind.RATIO
    assert project.catalogue["crimes"].polarity is Polarity.DOWN_GOOD
    assert [m.id for m in project.catalogue.ratios] == ["ppo_rate"]
    facts = load_facts(project, "2019-12").facts
    assert facts.get("level.rolling", "ppo_rate", "Town") is not None


def test_defaults_name_the_project_after_its_folder(tmp_path: Path) -> None:
    folder = make_project(tmp_path / "westshire", narrator="")
    project = load_project(folder)
    assert project.name == "westshire"
    assert project.figures == ((folder / "figures.csv").resolve(),)


def test_benchmarks_override_the_settings(tmp_path: Path) -> None:
    folder = make_project(
        tmp_path, narrator=NARRATOR + "\n[benchmarks]\nconfidence = 0.99\nhistory_years = 3\n"
    )
    settings = load_project(folder).settings
    assert settings.confidence == 0.99
    assert settings.history_years == 3
    assert isinstance(settings.history_years, int)
    assert settings.long_term_years == Settings().long_term_years


def test_a_project_given_as_a_file_inside_it_uses_that_folder(tmp_path: Path) -> None:
    folder = make_project(tmp_path)
    assert find_project(folder / "narrator.toml") == (folder, False)


def test_the_working_directory_project_wins_over_the_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_project(tmp_path)
    monkeypatch.chdir(folder)
    assert find_project(None) == (folder, False)


def test_without_a_project_the_sample_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    project = load_project(None)
    assert project.is_sample
    assert project.root == sample_dir()


# --------------------------------------------------------------------------------------
# narrator.toml
# --------------------------------------------------------------------------------------


def test_a_folder_without_narrator_toml_is_refused(tmp_path: Path) -> None:
    error = load_error(tmp_path)
    assert str(tmp_path) in str(error)
    assert "no narrator.toml here" in str(error)
    assert "narrator init" in str(error)
    assert error.exit_code == 2


def test_malformed_toml_names_the_file_and_the_line(tmp_path: Path) -> None:
    folder = make_project(tmp_path, narrator='[project\nname = "x"\n')
    error = load_error(folder)
    message = str(error)
    assert message.startswith(f"{folder / 'narrator.toml'}: not valid TOML")
    assert "line 1" in message


def test_an_unreadable_toml_is_a_project_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b'name = "\xff\xfe"\n')
    with pytest.raises(ProjectError) as caught:
        read_toml(path)
    assert str(path) in str(caught.value)


def test_a_missing_catalogue_is_named(tmp_path: Path) -> None:
    folder = make_project(tmp_path)
    (folder / "catalogue.toml").unlink()
    error = load_error(folder)
    assert str(error) == f"{(folder / 'catalogue.toml').resolve()}: file not found"


def test_an_unknown_benchmarks_key_is_refused_with_the_known_keys(tmp_path: Path) -> None:
    folder = make_project(tmp_path, narrator=NARRATOR + "\n[benchmarks]\nconfidance = 0.9\n")
    message = str(load_error(folder))
    assert message.startswith(str(folder / "narrator.toml"))
    assert message.endswith(
        "[benchmarks] has an unknown key `confidance` (did you mean `confidence`?)"
    )


def test_an_unknown_key_far_from_any_lists_the_known_keys(tmp_path: Path) -> None:
    folder = make_project(tmp_path, narrator=NARRATOR + "\n[benchmarks]\nzzz = 0.9\n")
    message = str(load_error(folder))
    assert "[benchmarks] has an unknown key `zzz` (expected one of" in message
    assert "`confidence`" in message and "`long_term_years`" in message


@pytest.mark.parametrize("value", ['"high"', "true", "[0.9]"])
def test_a_benchmarks_value_that_is_not_a_number_is_refused(tmp_path: Path, value: str) -> None:
    folder = make_project(tmp_path, narrator=NARRATOR + f"\n[benchmarks]\nconfidence = {value}\n")
    message = str(load_error(folder))
    assert "[benchmarks] confidence must be a number between 0 and 1" in message


@pytest.mark.parametrize(
    "setting",
    [
        "long_term_years = 0",
        "confidence = 1.5",
        "confidence = 0",
        "history_years = -1",
        "xmr_run = 0",
        "trend_months = 2",
    ],
)
def test_a_benchmarks_value_out_of_range_is_refused(tmp_path: Path, setting: str) -> None:
    folder = make_project(tmp_path, narrator=NARRATOR + f"\n[benchmarks]\n{setting}\n")
    error = load_error(folder)
    assert setting.split(" = ")[0] in str(error)


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("long_term_years = 2.5", "long_term_years must be a whole number of years from 1 to 20"),
        ("xmr_baseline = 1", "xmr_baseline must be a whole number of months from 2 to 240"),
        ("history_years = 1000000", "history_years must be a whole number of years from 1 to 20"),
        ("outlier_z = 0", "outlier_z must be a number between 0 and 100, exclusive, got 0"),
        ("outlier_z = inf", "outlier_z must be a number between 0 and 100, exclusive, got inf"),
        ("trend_alpha = 1", "trend_alpha must be a number between 0 and 1"),
        ("confidence = nan", "confidence must be a number between 0 and 1"),
    ],
)
def test_a_benchmarks_message_says_what_was_expected(
    tmp_path: Path, setting: str, expected: str
) -> None:
    folder = make_project(tmp_path, narrator=NARRATOR + f"\n[benchmarks]\n{setting}\n")
    message = str(load_error(folder))
    assert message.startswith(f"{folder / 'narrator.toml'}: [benchmarks] ")
    assert expected in message


def test_whole_number_settings_take_a_whole_float_and_the_lowest_values(tmp_path: Path) -> None:
    folder = make_project(
        tmp_path,
        narrator=NARRATOR + "\n[benchmarks]\nlong_term_years = 1.0\nxmr_run = 2\n"
        "trend_months = 3\nconfidence = 0.5\n",
    )
    settings = load_project(folder).settings
    assert settings.long_term_years == 1
    assert isinstance(settings.long_term_years, int)
    assert (settings.xmr_run, settings.trend_months, settings.confidence) == (2, 3, 0.5)


@pytest.mark.parametrize("section", ["figures", "catalogue", "areas", "outline"])
def test_an_input_file_may_live_outside_the_project_folder(tmp_path: Path, section: str) -> None:
    folder = make_project(tmp_path / "project")
    names = {"figures": "figures.csv", "catalogue": "catalogue.toml", "areas": "areas.toml"}
    shared = tmp_path / "shared drive"
    shared.mkdir()
    source = folder / names.get(section, "outline.toml")
    if section == "outline":
        source.write_text('title = "T"\n', encoding="utf-8")
    moved = shared / source.name
    source.rename(moved)
    names[section] = str(Path("..") / "shared drive" / moved.name)
    text = "".join(f'[{key}]\nfile = "{value}"\n\n' for key, value in names.items())
    (folder / "narrator.toml").write_text(text, encoding="utf-8")
    project = load_project(folder)
    used = {
        "figures": project.figures[0],
        "catalogue": None,
        "areas": None,
        "outline": project.outline,
    }[section]
    assert used in (None, moved.resolve())
    assert project.catalogue.measures and project.areas.root.name


def test_an_absolute_or_symlinked_figures_file_is_read(tmp_path: Path) -> None:
    folder = make_project(tmp_path / "project")
    outside = tmp_path / "extract.csv"
    (folder / "figures.csv").rename(outside)
    (folder / "link.csv").symlink_to(outside)
    (folder / "narrator.toml").write_text('[figures]\nfile = "link.csv"\n', encoding="utf-8")
    assert load_project(folder).figures == (outside.resolve(),)
    (folder / "narrator.toml").write_text(f'[figures]\nfile = "{outside}"\n', encoding="utf-8")
    assert load_project(folder).figures == (outside.resolve(),)


@pytest.mark.parametrize(
    "text",
    [
        'figures = "figures.csv"\n',
        'project = "Tiny"\n',
        'catalogue = "catalogue.toml"\n',
        "[figures]\nfiles = 3\n",
    ],
)
def test_a_section_of_the_wrong_type_is_a_project_error(tmp_path: Path, text: str) -> None:
    folder = make_project(tmp_path, narrator=text)
    error = load_error(folder)
    assert str(folder / "narrator.toml") in str(error)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('figures = "figures.csv"\n', "[figures] must be a table ([figures] on a line"),
        ("[figures]\nfiles = 3\n", "[figures] files must be a path in quotes or a list of them"),
        ('[figures]\nfiles = ["a.csv", 2]\n', "[figures] files must be a path in quotes"),
        ("[figures]\nfile = 2019\n", "[figures] file must be a path in quotes"),
        ("[catalogue]\nfile = true\n", "[catalogue] file must be text in quotes, got true"),
        ('outline = "outline.toml"\n', "[outline] must be a table ([outline] on a line of its own"),
        ('benchmarks = "strict"\n', "[benchmarks] must be a table"),
    ],
)
def test_a_wrong_type_says_what_was_expected(tmp_path: Path, text: str, fragment: str) -> None:
    folder = make_project(tmp_path, narrator=text)
    message = str(load_error(folder))
    assert message.startswith(f"{folder / 'narrator.toml'}: ")
    assert fragment in message


def test_areas_that_are_not_a_list_of_tables_are_refused(tmp_path: Path) -> None:
    folder = make_project(tmp_path, areas='areas = "Force"\n')
    message = str(load_error(folder))
    assert message.startswith(str((folder / "areas.toml").resolve()))
    assert "areas must be an array of tables ([[areas]] on a line of its own" in message


# --------------------------------------------------------------------------------------
# The catalogue
# --------------------------------------------------------------------------------------


def test_a_ratio_whose_numerator_is_unknown_is_refused(tmp_path: Path) -> None:
    folder = make_project(
        tmp_path, catalogue=CATALOGUE.replace('numerator = "ppo"', 'numerator = "outcomes"')
    )
    message = str(load_error(folder))
    assert message == (
        f"{(folder / 'catalogue.toml').resolve()}: the numerator of 'ppo_rate' is 'outcomes', "
        "which is not a count measure of the catalogue"
    )


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        (
            {"r": {"kind": "ratio", "denominator": "c"}, "c": {}},
            "ratio measure 'r' has no numerator",
        ),
        (
            {
                "r": {"kind": "ratio", "numerator": "q", "denominator": "c"},
                "c": {},
                "q": {"kind": "ratio", "numerator": "c", "denominator": "c"},
            },
            "the numerator of 'r' is 'q', which is not a count measure",
        ),
        (
            {
                "r": {"kind": "ratio", "numerator": "c", "denominator": "s"},
                "c": {},
                "s": {"kind": "snapshot"},
            },
            "the denominator of 'r' is 's', which is not a count measure",
        ),
        (
            {"c": {"kind": "rate"}},
            '[measures.c] kind must be one of "count", "ratio", "snapshot", got "rate" '
            "(did you mean `ratio`?)",
        ),
        ({"c": {"polarity": "good"}}, '[measures.c] polarity must be one of "up_good"'),
        ({"c": {"colour": "red"}}, "[measures.c] has an unknown key `colour` (expected one of"),
        ({"c": {"polarty": "up_good"}}, "unknown key `polarty` (did you mean `polarity`?)"),
        ({"c": 3}, "[measures.c] must be a table"),
        ({"c": {"priority": "high"}}, "[measures.c] priority must be a whole number from 1 to 5"),
        ({"c": {"label": 5}}, "[measures.c] label must be text in quotes, got 5"),
        (
            {"r": {"numerator": "c", "denominator": "c"}, "c": {}},
            '[measures.r] numerator is read only for kind = "ratio"',
        ),
    ],
)
def test_catalogue_problems_are_project_errors(table: dict[str, object], fragment: str) -> None:
    with pytest.raises(ProjectError) as caught:
        parse_catalogue({"measures": table}, "catalogue.toml")
    message = str(caught.value)
    assert message.startswith("catalogue.toml")
    assert fragment in message


def test_an_empty_catalogue_is_refused() -> None:
    with pytest.raises(ProjectError, match=r"catalogue.toml: no \[measures.ID\] tables"):
        parse_catalogue({}, "catalogue.toml")


# --------------------------------------------------------------------------------------
# The areas
# --------------------------------------------------------------------------------------


def test_an_area_hierarchy_with_two_roots_is_refused(tmp_path: Path) -> None:
    folder = make_project(tmp_path, areas=AREAS + '\n[[areas]]\nname = "Other"\nlevel = "force"\n')
    message = str(load_error(folder))
    assert message == (
        f"{(folder / 'areas.toml').resolve()}: expected exactly one area without a parent, "
        "found ['Force', 'Other']"
    )


def test_an_area_hierarchy_without_a_root_is_refused() -> None:
    with pytest.raises(ProjectError, match="expected exactly one area without a parent, found"):
        parse_areas([{"name": "A", "parent": "B"}, {"name": "B", "parent": "A"}], "areas.toml")


def test_an_unknown_parent_is_refused(tmp_path: Path) -> None:
    folder = make_project(tmp_path, areas=AREAS.replace('parent = "North"', 'parent = "Nroth"'))
    message = str(load_error(folder))
    assert message == (
        f"{(folder / 'areas.toml').resolve()}: the parent of 'Town' is 'Nroth', which is not "
        "an area"
    )


@pytest.mark.parametrize(
    ("items", "fragment"),
    [
        ([{"level": "force"}], "areas.toml: [[areas]] 1 has no name (expected name = text"),
        ([{"name": "A"}, {"name": "A", "parent": "A"}], "the area 'A' is listed twice"),
        (["A"], 'areas.toml: [[areas]] 1 must be a table of keys, got "A"'),
        (
            [{"name": "A", "parent": ["X"]}],
            '[[areas]] 1 (A) parent must be text in quotes, got ["X"]',
        ),
        ([{"name": "A", "aliases": [1, 2]}], "[[areas]] 1 (A) aliases must be a list of texts"),
    ],
)
def test_area_problems_are_project_errors(items: list[object], fragment: str) -> None:
    with pytest.raises(ProjectError) as caught:
        parse_areas(items, "areas.toml")  # type: ignore[arg-type]
    assert fragment in str(caught.value)


def test_a_cycle_in_the_areas_names_the_file() -> None:
    items = [
        {"name": "Force"},
        {"name": "A", "parent": "B"},
        {"name": "B", "parent": "A"},
    ]
    with pytest.raises(ProjectError) as caught:
        parse_areas(items, "areas.toml")
    assert "cycle" in str(caught.value)
    assert "areas.toml" in str(caught.value)


def test_every_project_error_is_a_narrator_error() -> None:
    assert issubclass(ProjectError, NarratorError)
    assert ProjectError("x").exit_code == 2
