"""Each quirk of the data.police.uk files, on a hand-made file that has it and nothing else."""

from __future__ import annotations

from pathlib import Path

from narrator.ingest import AreaPlan, IngestResult, MembershipRule, ingest_police_uk
from narrator.ingest.reader import FileKind
from tests.ingest.helpers import (
    FORCE,
    big_district,
    force_rows,
    outcome_line,
    ss_line,
    street_line,
    write,
)

STREET = FileKind.STREET
SS = FileKind.STOP_AND_SEARCH


def value(result: IngestResult, month: str, measure: str, area: str) -> int | None:
    f = result.figures
    hit = f[(f["month"] == month) & (f["measure"] == measure) & (f["area"] == area)]
    return None if hit.empty else int(hit["value"].iloc[0])


def test_anti_social_behaviour_is_its_own_measure(tmp_path: Path) -> None:
    write(tmp_path, "2019-01-testshire-street.csv", STREET, [
        street_line("", "2019-01", "Alpha 001A", "Anti-social behaviour", ""),
        street_line("", "2019-01", "Alpha 001A", "Anti-social behaviour", ""),
        street_line("c1", "2019-01", "Alpha 001A", "Burglary"),
    ])  # fmt: skip
    result = ingest_police_uk([tmp_path])
    assert value(result, "2019-01", "asb", FORCE) == 2
    assert value(result, "2019-01", "crimes_all", FORCE) == 1
    assert value(result, "2019-01", "crimes_anti_social_behaviour", FORCE) is None
    # ASB's blank outcome is not a crime whose outcome is not recorded.
    assert value(result, "2019-01", "outcomes_not_recorded", FORCE) is None
    assert result.summary.count("asb") == 2


def test_a_repeated_crime_id_is_one_crime_from_its_first_row(tmp_path: Path) -> None:
    write(tmp_path, "2019-01-testshire-street.csv", STREET, [
        street_line("c1", "2019-01", "Alpha 001A", "Robbery", "Under investigation"),
        street_line("c1", "2019-01", "Beta 001A", "Robbery", "Offender given a caution"),
        street_line("c1", "2019-01", "Beta 001B", "Robbery", "Offender given a caution"),
        street_line("c2", "2019-01", "Beta 001A", "Robbery", "Offender given a caution"),
    ])  # fmt: skip
    result = ingest_police_uk([tmp_path], rule=MembershipRule(0, 0, 0))
    assert value(result, "2019-01", "crimes_robbery", FORCE) == 2
    assert value(result, "2019-01", "crimes_robbery", "Alpha") == 1
    assert value(result, "2019-01", "crimes_robbery", "Beta") == 1
    assert value(result, "2019-01", "outcomes_under_investigation", FORCE) == 1
    assert value(result, "2019-01", "outcomes_out_of_court", FORCE) == 1
    assert result.summary.count("repeated_crime_id") == 2
    assert result.summary.quirk("repeated_crime_id").detail == "1 IDs repeated"  # type: ignore[union-attr]


def test_a_crime_without_an_id_counts_once_per_row(tmp_path: Path) -> None:
    write(tmp_path, "2019-01-testshire-street.csv", STREET, [
        street_line("", "2019-01", "Alpha 001A", "Drugs"),
        street_line("", "2019-01", "Alpha 001A", "Drugs"),
    ])  # fmt: skip
    result = ingest_police_uk([tmp_path])
    assert value(result, "2019-01", "crimes_drugs", FORCE) == 2
    assert result.summary.count("crime_without_id") == 2


def test_rows_with_no_location_count_for_the_force_only(tmp_path: Path) -> None:
    write(tmp_path, "2019-01-testshire-street.csv", STREET, [
        street_line("c1", "2019-01", "", "Drugs"),
        street_line("c2", "2019-01", "Alpha 001A", "Drugs"),
    ])  # fmt: skip
    result = ingest_police_uk([tmp_path])
    assert value(result, "2019-01", "crimes_all", FORCE) == 2
    assert value(result, "2019-01", "crimes_all", "Alpha") == 1
    assert result.summary.count("no_location") == 1


def outside_files(folder: Path) -> None:
    rows = {
        **big_district("Alpha", msoas=10, per_lsoa=10),  # 200 crimes in 20 LSOAs
        **big_district("Beta", msoas=5, per_lsoa=8),  # 80 crimes in 10 LSOAs
        "Gamma 017B": 3,  # a neighbour: one border LSOA of its 17 MSOAs
        "Delta 001A": 1,  # far away: one crime, 0.35% of the force
    }
    write(folder, "2019-01-testshire-street.csv", STREET, force_rows("2019-01", rows))


def test_rows_outside_the_force_are_counted_apart(tmp_path: Path) -> None:
    outside_files(tmp_path)
    result = ingest_police_uk([tmp_path])
    assert value(result, "2019-01", "crimes_all", FORCE) == 284
    assert value(result, "2019-01", "crimes_all", "Alpha") == 200
    assert value(result, "2019-01", "crimes_all", "Beta") == 80
    assert value(result, "2019-01", "crimes_all", "Gamma") is None
    assert value(result, "2019-01", "crimes_all", "Delta") is None
    quirk = result.summary.quirk("outside_force")
    assert quirk is not None and quirk.count == 4
    assert quirk.detail == "Gamma 3, Delta 1"
    assert result.summary.count("districts") == 2


def test_an_areas_file_can_claim_a_district_the_rule_would_leave_out(tmp_path: Path) -> None:
    outside_files(tmp_path)
    plan = AreaPlan(force="Testshire", areas={"West": ("Alpha", "Delta"), "East": ("Beta",)})
    result = ingest_police_uk([tmp_path], areas=plan)
    assert value(result, "2019-01", "crimes_all", "Testshire") == 284
    assert value(result, "2019-01", "crimes_all", "West") == 201
    assert value(result, "2019-01", "crimes_all", "East") == 80
    assert set(result.figures["area"]) == {"Testshire", "West", "East"}
    assert result.summary.count("outside_force") == 3
    assert result.summary.forces == ("Testshire",)


def test_an_areas_mapping_reports_what_it_leaves_out(tmp_path: Path) -> None:
    outside_files(tmp_path)
    result = ingest_police_uk([tmp_path], areas={"East": ["beta"], "Nowhere": ["Atlantis"]})
    assert value(result, "2019-01", "crimes_all", "East") == 80
    assert value(result, "2019-01", "crimes_all", "Nowhere") is None
    assert result.summary.count("not_in_areas") == 200
    unmatched = result.summary.quirk("areas_unmatched")
    assert unmatched is not None and unmatched.count == 1 and unmatched.detail == "Nowhere"


def test_a_crime_type_absent_in_a_month_is_a_zero_and_a_missing_month_a_gap(
    tmp_path: Path,
) -> None:
    write(tmp_path, "2019-01-testshire-street.csv", STREET, [
        street_line("c1", "2019-01", "Alpha 001A", "Burglary"),
        street_line("c2", "2019-01", "Alpha 001A", "Robbery"),
    ])  # fmt: skip
    write(tmp_path, "2019-03-testshire-street.csv", STREET, [
        street_line("c3", "2019-03", "Alpha 001A", "Burglary"),
    ])  # fmt: skip
    result = ingest_police_uk([tmp_path])
    assert value(result, "2019-03", "crimes_robbery", FORCE) == 0
    assert value(result, "2019-03", "crimes_robbery", "Alpha") == 0
    assert value(result, "2019-03", "outcomes_under_investigation", "Alpha") == 1
    assert value(result, "2019-02", "crimes_all", FORCE) is None
    assert result.summary.months == ("2019-01", "2019-03")
    assert result.summary.count("crime_type_absent") == 1
    assert result.summary.count("zero_filled") == 2


def test_an_unknown_outcome_wording_is_other_and_reported(tmp_path: Path) -> None:
    write(tmp_path, "2019-01-testshire-street.csv", STREET, [
        street_line("c1", "2019-01", "Alpha 001A", "Burglary", "Offender sent to the moon"),
        street_line("c2", "2019-01", "Alpha 001A", "Burglary", " Under investigation "),
    ])  # fmt: skip
    result = ingest_police_uk([tmp_path])
    assert value(result, "2019-01", "outcomes_other", FORCE) == 1
    assert value(result, "2019-01", "outcomes_under_investigation", FORCE) == 1
    quirk = result.summary.quirk("unknown_outcome")
    assert quirk is not None and quirk.count == 1 and "moon" in quirk.detail


def test_a_byte_order_mark_is_skipped_and_reported(tmp_path: Path) -> None:
    write(tmp_path, "2019-01-testshire-street.csv", STREET, [
        street_line("c1", "2019-01", "Alpha 001A", "Burglary"),
    ], bom=True)  # fmt: skip
    result = ingest_police_uk([tmp_path])
    assert value(result, "2019-01", "crimes_all", FORCE) == 1
    assert result.summary.count("bom") == 1


def test_a_file_with_no_rows_is_a_month_of_zeros(tmp_path: Path) -> None:
    write(tmp_path, "2019-01-testshire-street.csv", STREET, [
        street_line("c1", "2019-01", "Alpha 001A", "Burglary"),
    ])  # fmt: skip
    write(tmp_path, "2019-02-testshire-street.csv", STREET, [])
    result = ingest_police_uk([tmp_path])
    assert value(result, "2019-02", "crimes_all", FORCE) == 0
    assert value(result, "2019-02", "crimes_burglary", "Alpha") == 0
    assert result.summary.count("empty_files") == 1


def test_searches_count_in_their_own_uk_month(tmp_path: Path) -> None:
    write(tmp_path, "2019-07-testshire-stop-and-search.csv", SS, [
        ss_line("2019-07-01T10:00:00+00:00"),
        # 23:30 UTC on 30 June is 00:30 on 1 July in the UK: July, as the file says.
        ss_line("2019-06-30T23:30:00+00:00"),
        # 22:00 UTC on 30 June is 23:00 in the UK: June, a month with a file.
        ss_line("2019-06-30T22:00:00+00:00"),
    ])  # fmt: skip
    write(tmp_path, "2019-06-testshire-stop-and-search.csv", SS, [
        ss_line("2019-06-10T10:00:00+00:00"),
        # Late on 31 May in the UK, a month with no file: left out, and said so.
        ss_line("2019-05-31T21:00:00+00:00"),
    ])  # fmt: skip
    result = ingest_police_uk([tmp_path])
    assert value(result, "2019-07", "ss_all", "Testshire") == 2
    assert value(result, "2019-06", "ss_all", "Testshire") == 2
    assert "2019-05" not in set(result.figures["month"])
    assert result.summary.count("ss_other_month") == 2
    assert result.summary.count("ss_outside_window") == 1
    assert result.summary.count("utc_previous_month") == 1


def test_stop_and_search_takes_the_force_name_of_the_street_files(tmp_path: Path) -> None:
    write(tmp_path, "2019-07-testshire-street.csv", STREET, [
        street_line("c1", "2019-07", "Alpha 001A", "Burglary"),
    ])  # fmt: skip
    write(tmp_path, "2019-07-testshire-stop-and-search.csv", SS, [
        ss_line("2019-07-01T10:00:00+00:00", "Offensive weapons", "Suspect arrested", "True"),
        ss_line("2019-07-02T10:00:00+00:00", "Offensive weapons", "Arrest", "False"),
        ss_line("2019-07-03T10:00:00+00:00", "", "Arrest", ""),
    ])  # fmt: skip
    result = ingest_police_uk([tmp_path])
    assert value(result, "2019-07", "ss_all", FORCE) == 3
    assert value(result, "2019-07", "ss_offensive_weapons", FORCE) == 2
    assert value(result, "2019-07", "ss_offensive_weapons_found", FORCE) == 1
    assert value(result, "2019-07", "ss_all_found", FORCE) == 1
    assert value(result, "2019-07", "ss_not_stated", FORCE) == 1
    assert value(result, "2019-07", "ss_outcome_arrest", FORCE) == 3
    assert value(result, "2019-07", "ss_all", "Alpha") is None
    assert result.summary.count("ss_old_wording") == 1
    assert result.summary.count("no_link") == 1
    assert result.summary.count("no_object") == 1


def test_outcomes_files_count_outcome_events(tmp_path: Path) -> None:
    write(tmp_path, "2019-07-testshire-outcomes.csv", FileKind.OUTCOMES, [
        outcome_line("c1", "2019-07", "Alpha 001A", "Suspect charged"),
        outcome_line("c1", "2019-07", "Alpha 001A", "Offender sent to prison"),
        outcome_line("c2", "2019-07", "Alpha 001B", "Unable to prosecute suspect"),
    ])  # fmt: skip
    result = ingest_police_uk([tmp_path])
    assert value(result, "2019-07", "outcome_events_charged", FORCE) == 2
    assert value(result, "2019-07", "outcome_events_unable_to_prosecute", "Alpha") == 1
    assert value(result, "2019-07", "crimes_all", FORCE) is None


def test_every_kind_in_one_ingest_is_deterministic(tmp_path: Path) -> None:
    outside_files(tmp_path)
    write(tmp_path, "2019-01-testshire-stop-and-search.csv", SS, [
        ss_line("2019-01-05T10:00:00+00:00"),
    ])  # fmt: skip
    first = ingest_police_uk([tmp_path]).to_csv()
    again = ingest_police_uk(sorted(tmp_path.iterdir(), reverse=True)).to_csv()
    assert first == again
    assert first.startswith("month,measure,area,value\n")
