"""Properties of the ingest for any set of street rows: the totals always add up."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from narrator.ingest import ingest_police_uk
from narrator.ingest.naming import ASB
from narrator.ingest.reader import FileKind
from tests.ingest.helpers import FORCE, street_line, write

TYPES = ["Burglary", "Robbery", "Drugs", "Violence and sexual offences", ASB]
OUTCOMES = ["Under investigation", "Offender given a caution", "", "Invented wording"]
LSOAS = ["Alpha 001A", "Alpha 002B", "Beta 001A", "Gamma 014C", ""]

rows = st.lists(
    st.tuples(
        st.sampled_from(["2019-01", "2019-02"]),
        st.sampled_from(["", "c1", "c2", "c3", "c4", "c5", "c6"]),
        st.sampled_from(LSOAS),
        st.sampled_from(TYPES),
        st.sampled_from(OUTCOMES),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=40, deadline=None)
@given(rows)
def test_crime_types_and_outcome_groups_add_up_to_all_crime(
    data: list[tuple[str, str, str, str, str]],
) -> None:
    # Anti-social behaviour never has a Crime ID or an outcome, as in the published files.
    data = [(m, "" if t == ASB else i, lsoa, t, "" if t == ASB else o) for m, i, lsoa, t, o in data]
    with tempfile.TemporaryDirectory() as folder:
        for month in {r[0] for r in data}:
            lines = [street_line(i, m, lsoa, t, o) for m, i, lsoa, t, o in data if m == month]
            write(Path(folder), f"{month}-testshire-street.csv", FileKind.STREET, lines)
        result = ingest_police_uk([Path(folder)])
    f = result.figures
    totals = f.pivot_table(index=["month", "area"], columns="measure", values="value")
    types = [c for c in totals.columns if c.startswith("crimes_") and c != "crimes_all"]
    groups = [c for c in totals.columns if c.startswith("outcomes_")]
    if "crimes_all" in totals:
        assert (totals[types].sum(axis=1) == totals["crimes_all"]).all()
        assert (totals[groups].sum(axis=1) == totals["crimes_all"]).all()
    # The force counts every crime once: distinct IDs in a month, plus rows without an ID.
    expected: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for month, crime_id, _, crime_type, _ in data:
        if crime_type == ASB or (crime_id and (month, crime_id) in seen):
            continue
        seen.add((month, crime_id))
        expected[month] += 1
    force = f[(f["area"] == FORCE) & (f["measure"] == "crimes_all")]
    assert dict(zip(force["month"], force["value"], strict=True)) == {
        m: expected[m] for m in force["month"]
    }
    asb = Counter(m for m, _, _, t, _ in data if t == ASB)
    force_asb = f[(f["area"] == FORCE) & (f["measure"] == "asb")]
    assert dict(zip(force_asb["month"], force_asb["value"], strict=True)) == {
        m: asb[m] for m in force_asb["month"]
    }
    # Every series has a row in every month that has a file.
    per_series = f.groupby(["measure", "area"]).size()
    assert (per_series == f["month"].nunique()).all()
