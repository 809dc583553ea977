"""The ingest on real data.police.uk files (cut small; see tests/data/police_uk/README.md)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from narrator.ingest import IngestResult, ingest_police_uk
from narrator.ingest.plan import plan_from_items
from tests.ingest.helpers import DATA

CITY = "City of London Police"


@pytest.fixture(scope="module")
def city() -> IngestResult:
    return ingest_police_uk([DATA / "city-of-london"])


def value(result: IngestResult, month: str, measure: str, area: str) -> int:
    f = result.figures
    hit = f[(f["month"] == month) & (f["measure"] == measure) & (f["area"] == area)]
    assert len(hit) == 1, (month, measure, area, len(hit))
    return int(hit["value"].iloc[0])


def test_the_figures_follow_the_data_contract(city: IngestResult) -> None:
    f = city.figures
    assert list(f.columns) == ["month", "measure", "area", "value"]
    assert f["month"].str.fullmatch(r"\d{4}-\d{2}").all()
    assert f["measure"].str.fullmatch(r"[a-z0-9_]+").all()
    assert pd.api.types.is_integer_dtype(f["value"])
    assert not f.duplicated(["month", "measure", "area"]).any()
    assert sorted(f["area"].unique()) == ["City of London", CITY]


def test_what_was_read(city: IngestResult) -> None:
    s = city.summary
    assert dict(s.files) == {"street": 2, "stop-and-search": 3}
    assert dict(s.rows) == {"street": 707 + 133, "stop-and-search": 127 + 110 + 30}
    assert s.forces == (CITY,)
    assert s.months == ("2018-03", "2018-04", "2018-09")


def test_crimes_are_distinct_crime_ids_without_asb(city: IngestResult) -> None:
    assert value(city, "2018-03", "crimes_all", CITY) == 567
    assert value(city, "2018-04", "crimes_all", CITY) == 110
    assert value(city, "2018-03", "asb", CITY) == 133
    assert value(city, "2018-03", "crimes_other_theft", CITY) == 118
    assert value(city, "2018-03", "crimes_violence_and_sexual_offences", CITY) == 112
    assert city.summary.count("asb") == 133 + 23
    assert city.summary.count("repeated_crime_id") == 7


def test_the_district_counts_only_its_own_lsoas(city: IngestResult) -> None:
    assert value(city, "2018-03", "crimes_all", "City of London") == 502
    assert value(city, "2018-04", "crimes_all", "City of London") == 95
    assert city.summary.count("no_location") == 41 + 7
    # Tower Hamlets 20, Islington 8, Southwark 6, Camden 5, Westminster 2, Hackney 1.
    assert city.summary.count("outside_force") == 42
    assert city.summary.count("districts") == 1


def test_outcome_groups_add_up_to_all_crime(city: IngestResult) -> None:
    groups = {
        "charged": 68,
        "out_of_court": 40,
        "no_suspect": 279,
        "unable_to_prosecute": 86,
        "other": 94,
    }
    for group, expected in groups.items():
        assert value(city, "2018-03", f"outcomes_{group}", CITY) == expected, group
    assert sum(groups.values()) == 567
    assert city.summary.count("unknown_outcome") == 0


def test_stop_and_search_by_object_and_find(city: IngestResult) -> None:
    assert value(city, "2018-03", "ss_all", CITY) == 127
    assert value(city, "2018-03", "ss_all_found", CITY) == 38
    assert value(city, "2018-03", "ss_controlled_drugs", CITY) == 65
    assert value(city, "2018-03", "ss_controlled_drugs_found", CITY) == 31
    assert value(city, "2018-04", "ss_not_stated", CITY) == 7
    # Firearms appear in March and April only: September has a zero, not a gap.
    assert value(city, "2018-09", "ss_firearms", CITY) == 0
    assert city.summary.count("no_link") == 2 + 8 + 2
    assert city.summary.count("no_object") == 7 + 2


def test_both_outcome_wordings_map_to_the_same_groups(city: IngestResult) -> None:
    # March 2018 uses the old wording, April the new.
    assert value(city, "2018-03", "ss_outcome_nfa", CITY) == 79
    assert value(city, "2018-04", "ss_outcome_nfa", CITY) == 65
    assert value(city, "2018-03", "ss_outcome_arrest", CITY) == 28
    assert value(city, "2018-04", "ss_outcome_arrest", CITY) == 19
    assert value(city, "2018-03", "ss_outcome_out_of_court", CITY) == 20
    assert value(city, "2018-04", "ss_outcome_out_of_court", CITY) == 10
    assert value(city, "2018-03", "ss_outcome_not_recorded", CITY) == 0
    assert value(city, "2018-04", "ss_outcome_not_recorded", CITY) == 16
    assert city.summary.count("ss_old_wording") == 127


def test_a_search_late_on_31_august_utc_is_in_september_uk_time(city: IngestResult) -> None:
    assert value(city, "2018-09", "ss_all", CITY) == 30
    assert city.summary.count("utc_previous_month") == 1
    assert city.summary.count("ss_other_month") == 0
    assert "2018-08" not in set(city.figures["month"])


def test_cambridgeshire_with_the_areas_of_its_sample_project() -> None:
    items: list[dict[str, Any]] = [
        {"name": "Cambridgeshire", "aliases": ["Cambridgeshire Constabulary"]},
        {"name": "North", "parent": "Cambridgeshire"},
        {"name": "South", "parent": "Cambridgeshire"},
        {"name": "Peterborough", "parent": "North"},
        {"name": "Fenland", "parent": "North"},
        {"name": "Huntingdonshire", "parent": "North", "aliases": ["Hunts"]},
        {"name": "Cambridge City", "parent": "South", "aliases": ["Cambs City", "Cambridge"]},
        {"name": "East Cambridgeshire", "parent": "South"},
        {"name": "South Cambridgeshire", "parent": "South"},
    ]
    result = ingest_police_uk([DATA / "cambridgeshire"], areas=plan_from_items(items, "test"))
    assert value(result, "2019-09", "crimes_all", "Cambridgeshire") == 247
    assert value(result, "2019-09", "crimes_all", "North") == 74 + 25 + 33
    assert value(result, "2019-09", "crimes_all", "South") == 63 + 25 + 11
    assert value(result, "2019-09", "crimes_all", "Cambridge City") == 63
    assert value(result, "2019-09", "asb", "Cambridgeshire") == 43
    assert value(result, "2019-09", "outcomes_under_investigation", "Cambridgeshire") == 114
    assert set(result.figures["area"]) == {i["name"] for i in items}
    assert result.summary.count("outside_force") == 3
    assert result.summary.count("no_location") == 13
    assert result.summary.count("not_in_areas") == 0
    assert result.summary.count("areas_unmatched") == 0
