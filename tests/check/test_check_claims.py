"""Claims read from the seed paper: figures with their spans, measures, areas, periods,
directions, comparisons, significance, streaks, and context carried between sentences."""

from __future__ import annotations

import re

import pytest

from narrator.check import Claim, Document, Reader, parse_text
from narrator.check.claims.extract import extract_claims


@pytest.fixture(scope="module")
def claims(reader: Reader, seed: Document) -> list[Claim]:
    return extract_claims(reader, seed, month="2019-10")


def _sections_4_and_5(seed: Document) -> tuple[int, int]:
    return seed.sections["4.0"].start, seed.sections["6.0"].start


def find(claims: list[Claim], text: str, section: str, kind: str = "figure") -> Claim:
    found = [c for c in claims if c.text == text and c.section == section and c.kind == kind]
    assert found, f"no {kind} claim {text!r} in {section}"
    return found[0]


def test_spans_are_the_quoted_text(claims: list[Claim], seed: Document) -> None:
    assert claims
    for claim in claims:
        start, end = claim.span
        assert seed.text[start:end] == claim.text
        s0, s1 = claim.sentence_span
        assert s0 <= start and end <= s1


def test_every_percentage_of_sections_4_and_5(claims: list[Claim], seed: Document) -> None:
    start, end = _sections_4_and_5(seed)
    quoted = {
        (m.start() + start, m.end() + start)
        for m in re.finditer(r"[+-]?\d+(?:\.\d+)?%", seed.text[start:end])
    }
    assert len(quoted) == 18
    figures = {c.span: c for c in claims if c.kind == "figure"}
    for span in sorted(quoted):
        assert span in figures, f"{seed.text[span[0] : span[1]]!r} at {span} not extracted"
        claim = figures[span]
        number = float(seed.text[span[0] : span[1]].strip("+%"))
        assert number in (claim.value, abs(claim.change_pct or 0))


def test_section_numbers_are_never_figures(claims: list[Claim], seed: Document) -> None:
    numbers = [p.number_span for p in seed.paragraphs if p.number_span]
    references = [c.span for c in claims if c.kind == "xref"]
    assert {seed.text[s:e] for s, e in references} >= {"4.2.1", "4.2.2", "4.1.1", "4.4.5"}
    for claim in claims:
        if claim.kind == "figure":
            for s, e in numbers + references:
                assert claim.span[1] <= s or e <= claim.span[0], (claim.text, seed.text[s:e])
            assert claim.text not in ("2018/19", "19/20", "27th", "2019")


def test_rates_of_section_4_1(claims: list[Claim]) -> None:
    rate = find(claims, "9.7%", "4.1.2")
    assert (rate.measure, rate.area, rate.period) == ("ppo_rate", "Cambridgeshire", "R12:2019-10")
    assert (rate.value, rate.unit, rate.decimals) == (9.7, "percent", 1)
    assert (rate.direction, rate.magnitude) == ("down", "incremental")
    burglary = find(claims, "8.5%", "4.1.3")
    assert (burglary.measure, burglary.period, burglary.direction) == (
        "db_ppo_rate",
        "R12:2019-10",
        "up",
    )
    benchmark = [c for c in claims if c.section == "4.1.3" and c.comparison == "long_term"]
    assert benchmark and benchmark[0].significant is True
    assert benchmark[0].direction == "up"
    abuse = find(claims, "10.8%", "4.1.4")
    assert (abuse.measure, abuse.direction) == ("da_ppo_rate", "down")
    # "Declines were seen in both Areas": the measure carries over, one claim per area.
    both = [c for c in claims if c.text == "Declines"]
    assert {(c.measure, c.area, c.direction) for c in both} == {
        ("da_ppo_rate", "North", "down"),
        ("da_ppo_rate", "South", "down"),
    }


def test_qualified_counts_are_marked(claims: list[Claim]) -> None:
    detections = find(claims, "23", "4.1.3")
    assert detections.measure_head == "detections"
    assert detections.area == "South"


def test_district_changes_against_the_financial_year(claims: list[Claim]) -> None:
    changes = {c.area: c for c in claims if c.section == "4.2.2" and c.change_pct is not None}
    assert {a: c.change_pct for a, c in changes.items()} == {
        "Cambridge City": 10.0,
        "East Cambridgeshire": 5.6,
        "Fenland": 3.3,
    }
    for claim in changes.values():
        assert claim.measure == "all_crime"
        assert claim.period == "R12:2019-10"
        assert (claim.comparison, claim.reference_period) == ("financial_year", "FY:2018")


def test_month_on_month_and_streaks(claims: list[Claim]) -> None:
    arrests = find(claims, "858", "4.2.6")
    assert (arrests.measure, arrests.period, arrests.direction, arrests.comparison) == (
        "arrests",
        "2019-10",
        "up",
        "previous_month",
    )
    flat = [c for c in claims if c.section == "4.2.6" and c.direction == "flat"]
    assert any(c.comparison == "previous_year" and c.reference_period == "2018-10" for c in flat)
    streak = find(claims, "29 consecutive months", "4.2.6", kind="streak")
    assert (streak.streak, streak.direction, streak.measure) == (29, "down", "arrests")
    since = [c for c in claims if c.since]
    assert since and since[0].since == "2017-04"
    months = [c for c in claims if c.months_of]
    assert months[0].months_of == (11, 12)
    assert months[0].comparison == "previous_years"
    occurrence = [c for c in claims if c.occurrence]
    assert occurrence[0].occurrence == 2 and occurrence[0].comparison == "year_end"


def test_satisfaction(claims: list[Claim]) -> None:
    first = find(claims, "84.3%", "4.2.7")
    second = find(claims, "84.3%", "5.2.5")
    for claim in (first, second):
        assert (claim.measure, claim.period, claim.value) == (
            "db_satisfaction",
            "R12:2019-10",
            84.3,
        )
    higher = [c for c in claims if c.section == "4.2.7" and c.direction == "up"]
    assert higher[0].comparison == "measure"
    assert higher[0].reference_measure == "victim_satisfaction"
    violent = find(claims, "73%", "5.1.6")
    assert (violent.measure, violent.reference, violent.reference_measure) == (
        "vc_satisfaction",
        78.1,
        "victim_satisfaction",
    )


def test_area_variation_and_references(claims: list[Claim]) -> None:
    north = find(claims, "3.0%", "5.1.2")
    south = find(claims, "4.8%", "5.1.2")
    assert (north.area, north.change_pct, north.comparison) == ("North", -3.0, "previous_year")
    assert (south.area, south.change_pct, south.comparison) == ("South", 4.8, "previous_year")
    weapons = find(claims, "39.1%", "5.1.3")
    assert (weapons.measure, weapons.period, weapons.direction) == (
        "pow_ppo_rate",
        "R12:2019-10",
        "down",
    )
    assert (weapons.reference, weapons.reference_period) == (48.5, "FY:2018")
    searches = find(claims, "330", "5.1.4")
    assert (searches.measure, searches.reference, searches.reference_period) == (
        "stop_search",
        231.0,
        "R12:2018-10",
    )


def test_dwelling_burglary_section(claims: list[Claim]) -> None:
    incidents = find(claims, "236", "5.2.1")
    assert (incidents.measure, incidents.period) == ("db_incidents", "2019-10")
    crimes = find(claims, "184", "5.2.3")
    assert (crimes.measure, crimes.period) == ("dwelling_burglary", "2019-10")
    outlier = [c for c in claims if c.kind == "outlier" and c.section == "5.2.1"]
    assert outlier[0].area == "Peterborough"
    peterborough = {
        c.comparison for c in claims if c.section == "5.2.1" and c.area == "Peterborough"
    }
    assert {"previous_month", "previous_year"} <= peterborough
    outperform = next(c for c in claims if c.text == "outperform")
    assert (outperform.area, outperform.reference_area, outperform.judgement) == (
        "South",
        "North",
        "better",
    )


def test_snapshot_arithmetic_claim(claims: list[Claim]) -> None:
    change = find(claims, "66%", "4.2.5")
    assert (change.value, change.change_pct, change.direction) == (214.0, -66.0, "down")
    assert change.reference_period == "D:2019-11-01"


def test_cross_references_and_dates(claims: list[Claim]) -> None:
    references = {c.text: c for c in claims if c.kind == "xref"}
    assert references["4.2.2"].target_where == "above"
    assert references["5"].target_where == "below"
    scheduled = [c for c in claims if c.kind == "date" and c.text == "January/February 2019"]
    assert scheduled[0].tense == "future"
    assert str(scheduled[0].date_last) == "2019-02-28"


def test_context_from_heading_and_previous_sentence(reader: Reader) -> None:
    text = (
        "5.2 Dwelling Burglary\n\n5.2.1 There were 236 offences in October, higher than "
        "September. The rate of prosecution possible outcomes improved to 8.5%.\n\n"
        "5.2.2 The rolling 12 month indicator fell to 7.1%.\n"
    )
    document = parse_text(text)
    claims = extract_claims(reader, document, month="2019-10")
    count = next(c for c in claims if c.text == "236")
    assert (count.measure, count.measure_from) == ("dwelling_burglary", "heading")
    rate = next(c for c in claims if c.text == "8.5%")
    assert rate.measure == "db_ppo_rate"
    later = next(c for c in claims if c.text == "7.1%")
    assert later.period == "R12:2019-10"
