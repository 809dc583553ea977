"""Measure noun phrases (count, mass and guessed nouns, agreement, short forms) and area
names."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from narrator.api import draft, load
from narrator.areas import Area
from narrator.catalogue import Kind, Measure, Noun, parse_catalogue
from narrator.errors import ProjectError
from narrator.language.measures import MeasureNoun
from narrator.language.periods import Month
from narrator.language.places import area_name, in_area, reader_names

ASB = Measure("asb", "anti-social behaviour", Kind.COUNT, unit="incident", noun=Noun.MASS)
VEHICLE = Measure("vehicle", "vehicle crime", Kind.COUNT, unit="offence", noun=Noun.MASS)
ARRESTS = Measure("arrests", "people arrested", Kind.COUNT, unit="arrest", noun=Noun.COUNT)
THEFTS = Measure("thefts", "vehicle thefts", Kind.COUNT, unit="theft")
ALL_CRIME = Measure("crimes", "all crime", Kind.COUNT, unit="crime", short="recorded crime")
BURGLARY = Measure("db", "dwelling burglary", Kind.COUNT, unit="crime")
RATE = Measure(
    "rate", "outcome rate", Kind.RATIO, unit="per cent", unit_plural="per cent", short="the rate"
)


@pytest.mark.parametrize(
    ("measure", "counted", "one", "many", "number_of"),
    [
        (ASB, "incidents of anti-social behaviour", "1 incident of anti-social behaviour",
         "27 incidents of anti-social behaviour",
         "the number of incidents of anti-social behaviour"),
        (VEHICLE, "offences of vehicle crime", "1 offence of vehicle crime",
         "1,204 offences of vehicle crime", "the number of offences of vehicle crime"),
        (ARRESTS, "people arrested", "1 person arrested", "858 people arrested",
         "the number of people arrested"),
        (THEFTS, "vehicle thefts", "1 vehicle theft", "558 vehicle thefts",
         "the number of vehicle thefts"),
        (ALL_CRIME, "crimes", "1 crime", "206 crimes", "the number of all crime"),
        (BURGLARY, "dwelling burglary crimes", "1 dwelling burglary crime",
         "12 dwelling burglary crimes", "the number of dwelling burglary"),
    ],
)  # fmt: skip
def test_what_a_measure_counts(
    measure: Measure, counted: str, one: str, many: str, number_of: str
) -> None:
    noun = MeasureNoun.of(measure)
    assert noun.counted() == counted
    assert noun.amount(1) == one
    assert noun.amount(int(many.split()[0].replace(",", ""))) == many
    assert noun.number_of() == number_of


@pytest.mark.parametrize(
    ("label", "one"),
    [
        ("searches for stolen goods", "1 search for stolen goods"),
        ("crimes still under investigation", "1 crime still under investigation"),
        ("investigations closed with no suspect identified",
         "1 investigation closed with no suspect identified"),
        ("drugs offences", "1 drugs offence"),
    ],
)  # fmt: skip
def test_one_of_a_count_is_singular_at_its_head(label: str, one: str) -> None:
    noun = MeasureNoun.of(Measure("m", label, Kind.COUNT, unit="x", noun=Noun.COUNT))
    assert noun.amount(1) == one


def test_a_mass_noun_is_never_counted_bare() -> None:
    for measure in (ASB, VEHICLE):
        noun = MeasureNoun.of(measure)
        assert noun.number_of() != f"the number of {measure.label}"
        assert not noun.amount(3).endswith(f"3 {measure.label}")


@pytest.mark.parametrize(
    ("measure", "verb"),
    [(ASB, "remains"), (VEHICLE, "remains"), (ARRESTS, "remain"), (THEFTS, "remain"),
     (ALL_CRIME, "remains"), (BURGLARY, "remains")],
)  # fmt: skip
def test_the_label_agrees_with_its_verb(measure: Measure, verb: str) -> None:
    assert MeasureNoun.of(measure).agree("remains", "remain") == verb


def test_a_qualifier_replaces_the_short_forms_determiner() -> None:
    rate = MeasureNoun.of(RATE)
    assert rate.named(True, "the 12 month") == "the 12 month outcome rate"
    assert rate.named(False, "the 12 month") == "the 12 month rate"
    assert rate.named(False) == "the rate"
    crimes = MeasureNoun.of(ALL_CRIME)
    assert crimes.named(False, "the 12 month") == "the 12 month recorded crime"
    unnamed = MeasureNoun.of(Measure("finds", "finds", Kind.COUNT, unit="find"))
    assert unnamed.named(False) == "the number of finds"
    assert unnamed.named(False, "the 12 month") == "the 12 month number of finds"


def test_the_catalogue_noun_key() -> None:
    data = {
        "measures": {
            "asb": {"label": "anti-social behaviour", "unit": "incident", "noun": "mass"},
            "thefts": {"label": "vehicle thefts", "unit": "theft"},
        }
    }
    catalogue = parse_catalogue(data, "catalogue.toml")
    assert catalogue["asb"].noun is Noun.MASS
    assert catalogue["thefts"].noun is Noun.AUTO
    data["measures"]["thefts"]["noun"] = "plural"
    with pytest.raises(
        ProjectError,
        match=r'\[measures.thefts\] noun must be one of "auto", "count", "mass", got "plural"',
    ):
        parse_catalogue(data, "catalogue.toml")


def test_area_names() -> None:
    north = Area("North", "area", "Force", aliases=("LPN",), label="North area")
    east = Area("East", "area", "Force")
    coastal = Area("Coastal", "area", "Force", label="the Coastal division")
    assert in_area(north) == "in North area"
    assert in_area(east) == "in East"  # never "in East area": nothing is added to a name
    assert area_name(coastal) == "the Coastal division"
    assert reader_names(coastal) == ("Coastal", "the Coastal division", "Coastal division")
    assert reader_names(north) == ("North", "North area", "LPN")


def test_a_draft_counts_a_mass_noun_in_its_unit(tmp_path: Path) -> None:
    project = tmp_path / "city"
    shutil.copytree(Path(__file__).resolve().parent.parent / "samples" / "city-of-london", project)
    catalogue = project / "catalogue.toml"
    text = catalogue.read_text(encoding="utf-8")
    table = "[measures.asb]\n"
    assert table in text
    catalogue.write_text(text.replace(table, table + 'noun = "mass"\n', 1), encoding="utf-8")
    _, figures = load(project)
    markdown = draft(project, Month(figures.last).iso).draft.to_markdown()
    assert re.search(r"\b[\d,]+ incidents? of anti-social behaviour\b", markdown), markdown
    assert "anti-social behaviour incident" not in markdown
