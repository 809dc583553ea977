"""Measure ids, districts from LSOA names and outcome groups, with properties for all inputs."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from narrator.ingest.naming import (
    CRIME_OUTCOME_GROUPS,
    SS_OLD_WORDING,
    SS_OUTCOME_GROUPS,
    district_of,
    group_wordings,
    slug,
    split_lsoa_names,
)

names = (
    st.text(
        alphabet=st.characters(whitelist_categories=("Lu", "Ll"), whitelist_characters=" '-."),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
codes = st.tuples(st.integers(0, 999), st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).map(
    lambda c: f"{c[0]:03d}{c[1]}"
)


def test_examples_of_district_names() -> None:
    assert district_of("Cambridge 001A") == "Cambridge"
    assert district_of("South Cambridgeshire 012C") == "South Cambridgeshire"
    assert district_of("City of London 001F") == "City of London"
    assert district_of("King's Lynn and West Norfolk 013E") == "King's Lynn and West Norfolk"
    assert district_of("Isles of Scilly") == "Isles of Scilly"
    assert district_of("") == ""


@given(names, codes)
def test_the_district_is_the_name_without_its_code(name: str, code: str) -> None:
    assert district_of(f"{name} {code}") == name
    split = split_lsoa_names(pd.Series([f"{name} {code}", f"  {name}  {code} "]))
    assert split["district"].tolist() == [name, name]
    assert split["msoa"].tolist() == [int(code[:3])] * 2


@given(st.lists(st.one_of(names, st.tuples(names, codes).map(" ".join)), max_size=20))
def test_the_vectorised_split_agrees_with_the_scalar_one(lsoas: list[str]) -> None:
    split = split_lsoa_names(pd.Series(lsoas, dtype="str"))
    assert split["district"].tolist() == [district_of(n) for n in lsoas]


@given(st.text(max_size=40))
def test_a_slug_is_a_snake_case_id(text: str) -> None:
    made = slug(text)
    assert made == "" or (made[0] != "_" and made[-1] != "_" and "__" not in made)
    assert all(c.isalnum() or c == "_" for c in made)
    assert made == made.lower()


def test_measure_ids_of_the_wordings() -> None:
    assert slug("Violence and sexual offences") == "violence_and_sexual_offences"
    assert slug("Anti-social behaviour") == "anti_social_behaviour"
    assert slug("Evidence of offences under the Act") == "evidence_of_offences_under_the_act"


def test_old_and_new_search_wordings_share_a_group() -> None:
    for old, new in SS_OLD_WORDING.items():
        assert SS_OUTCOME_GROUPS[old] == SS_OUTCOME_GROUPS[new], old
    assert SS_OUTCOME_GROUPS["Nothing found - no further action"] == "nfa"
    assert SS_OUTCOME_GROUPS["Suspect arrested"] == "arrest"


def test_group_wordings_counts_the_unknown_by_weight() -> None:
    wordings = pd.Series(["Under investigation", "Made up", "made up ", "", "Made up"])
    groups, unknown = group_wordings(wordings, CRIME_OUTCOME_GROUPS, pd.Series([1, 2, 3, 4, 5]))
    assert groups.tolist() == ["under_investigation", "other", "other", "not_recorded", "other"]
    # Matching ignores case and spaces; the report keeps each wording as written.
    assert unknown == {"Made up": 7, "made up": 3}
