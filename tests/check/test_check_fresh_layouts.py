"""Layouts and internal checks from the eighth pass's fresh texts, on projects the rules were
not written on (Northshire, the City of London): a title over two lines, a district named
under its division, answers numbered again from 1.1, a text box and a dashboard's lines,
an extract that starts at section 4, a sub-heading inside a numbered section, and the
internal findings those layouts used to set off (a section the extract leaves out, "the
rise falls heavily on", "HS assaults 307", a share of a count quoted twice)."""

from __future__ import annotations

from pathlib import Path

from narrator.check import Verdict
from narrator.check.claims.subject import paper_area
from narrator.check.text.parse import parse_text
from tests.check.conftest import checker_for, level

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"
MONTH = "2019-09"


def _area(text: str) -> str | None:
    return paper_area(parse_text(text), checker_for(NORTHSHIRE).project.areas)


def _paragraphs(text: str) -> list[tuple[str, str | None, str]]:
    return [(p.kind, p.number, p.text) for p in parse_text(text).paragraphs]


def _findings(root: Path, text: str, month: str = MONTH) -> list[str]:
    report = checker_for(root).check_document(parse_text(text), month=month)
    return [f.kind for f in report.findings]


def _level(root: Path, measure: str, area: str, period: str, month: str = MONTH) -> float:
    return level(root, measure, area, period, month)


def test_a_title_over_two_lines_names_the_papers_area() -> None:
    text = (
        "Report to the Police and Crime Commissioner\n"
        "Coastal Division: quarterly performance\nAuthor: Chief Superintendent\n\n"
        "1. Summary\n1.1 The division recorded thefts.\n"
    )
    assert _area(text) == "Coastal"


def test_a_district_under_its_division_in_the_title_is_the_papers_area() -> None:
    text = "NORTHSHIRE POLICE – UPLAND DIVISION\nFELLGATE DISTRICT\nMonthly report\n\nText.\n"
    assert _area(text) == "Fellgate"
    # two areas side by side name neither
    assert _area("Fellgate and Saltby\nMonthly report\n\nText.\n") is None


def test_answers_numbered_again_from_one_point_one_are_paragraphs() -> None:
    text = (
        "1. Members may put questions in writing.\n\n2. Figures run to September.\n\n"
        "Q1. Councillor A. Smith (Saltby)\n\nResponse\n\n"
        "1.1 There were thefts in Saltby in September.\n\n1.2 The rolling year is lower.\n"
    )
    numbered = [p[1] for p in _paragraphs(text) if p[0] == "numbered"]
    assert numbered[-2:] == ["1.1", "1.2"]


def test_a_text_box_and_a_dashboards_lines_are_read_a_line_at_a_time() -> None:
    text = (
        "+----------------------------------------------+\n"
        "|  HEADLINE BOX                                |\n"
        "|  Rolling year     7,626 thefts     UP 5.5%   |\n"
        "|  Solved rate      18.7% rolling    UP 0.7 pts|\n"
        "+----------------------------------------------+\n"
    )
    bodies = [p[2] for p in _paragraphs(text)]
    assert "HEADLINE BOX" in bodies  # the box's top edge is no line of prose
    assert "Rolling year 7,626 thefts UP 5.5%" in bodies
    assert "Solved rate 18.7% rolling UP 0.7 pts" in bodies
    # an item's number over columns is still a numbered paragraph's
    items = "1    Review the solved rate in Saltby      Insp    May 2020 meeting\n"
    assert _paragraphs(items)[0][1] == "1"


def test_an_extract_starts_at_its_first_numbered_heading() -> None:
    text = (
        "Date: 31 January 2018\nStatus: Public\n\n"
        "(Extract: sections 4 to 6. Sections 1 to 3 on the budget are published separately.)"
        "\n\n4. OPERATIONAL CONTEXT: DEMAND ON THE FORCE\n\n4.1 Vehicle thefts rose.\n"
    )
    kinds = [(p[0], p[1]) for p in _paragraphs(text)]
    assert ("heading", "4") in kinds and ("numbered", "4.1") in kinds
    assert kinds[2][0] == "body"  # the bracketed note is prose, not a memo field
    titled = "Extract: Section 5 - Vehicle crime\n\n5. Vehicle crime\n\n5.1 Thefts rose.\n"
    assert ("heading", "5") in [(p[0], p[1]) for p in _paragraphs(titled)]


def test_a_sub_heading_inside_a_numbered_section_heads_its_paragraphs() -> None:
    text = (
        "6. VEHICLE CRIME AND ASSAULTS\n\nPurpose and period\n"
        "6.1 This section reports on vehicle thefts and assaults for the rolling year.\n\n"
        "Vehicle crime - force position\n"
        "6.2 Northshire recorded more vehicle thefts than a year before, in both divisions.\n\n"
        "7. OTHER MATTERS\n\n7.1 There is nothing else for the Board to note this month.\n"
    )
    headings = {p.number: p.heading for p in parse_text(text).paragraphs if p.number}
    assert headings["6.2"] == "Vehicle crime - force position"
    assert headings["7.1"] == "OTHER MATTERS"


def test_a_paragraph_ending_in_an_initial_ends_its_sentence() -> None:
    now = _level(NORTHSHIRE, "thefts", "Northshire", "2019-09")
    text = (
        "1.1 Tables are at Appendix A.\n\n"
        f"1.2 Northshire recorded {now:.0f} vehicle thefts in September.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=MONTH)
    figures = [v for v in report.verdicts if v.claim.kind == "figure"]
    assert [(v.claim.text, v.verdict) for v in figures] == [(f"{now:.0f}", Verdict.SUPPORTED)]


def test_a_section_numbered_only_by_its_paragraphs_or_left_out_of_an_extract() -> None:
    implied = (
        "RECOMMENDATION\n\n2.1 That the Panel notes the actions in section 4.\n\n"
        "ACTIONS\n\n4.1 Patrols continue.\n\n4.2 A review is under way.\n"
    )
    assert "xref_missing" not in _findings(NORTHSHIRE, implied)
    extract = "3.1 Thefts are examined in the profile at Section 5.\n\n3.2 Assaults are stable.\n"
    assert "xref_missing" not in _findings(NORTHSHIRE, extract)
    wrong = "3.1 See 3.9 for the thefts.\n\n3.2 Assaults are stable.\n"
    assert "xref_missing" in _findings(NORTHSHIRE, wrong)


def test_a_reference_that_names_its_sections_title_is_right() -> None:
    text = (
        "1. PURPOSE\n\n1.1 The Panel is invited to comment on the vehicle theft figures set "
        "out in section 3 and to consider the recommendations in section 4.\n\n"
        "2. BACKGROUND\n\n2.1 Recommendations were made last year.\n\n"
        "3. VEHICLE THEFT IN FELLGATE\n\n3.1 Thefts rose.\n\n"
        "4. RECOMMENDATIONS\n\n4.1 The Panel should note the recommendations.\n"
    )
    assert "xref_topic" not in _findings(NORTHSHIRE, text)


def test_a_burden_that_falls_on_an_area_is_not_a_fall() -> None:
    text = (
        "The Panel remains concerned that vehicle thefts have risen in 2019, and that the rise "
        "falls so heavily on Coastal communities.\n"
    )
    assert "conflicting_directions" not in _findings(NORTHSHIRE, text)


def test_a_figure_under_a_code_the_reader_does_not_know_is_not_the_measures() -> None:
    fytd = _level(NORTHSHIRE, "assaults", "Northshire", "YTD:2019-09")
    text = (
        "1. FYTD (Apr-Sep) v same period LY\n"
        f"- Assaults {fytd:.0f} v {fytd - 20:.0f}.\n- HS assaults {fytd * 0.8:.0f} v 200.\n"
    )
    assert "figure_mismatch" not in _findings(NORTHSHIRE, text)
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=MONTH)
    periods = {v.claim.text: v.claim.period for v in report.verdicts if v.claim.kind == "figure"}
    assert periods[f"{fytd:.0f}"] == "YTD:2019-09"  # the heading's year to date


def test_two_shares_of_a_count_need_not_agree() -> None:
    text = (
        "1.1 Other theft now accounts for 38% of all crime recorded in 2019.\n\n"
        "1.2 All crime recorded in 2019 rose by 521 offences (31.4%).\n"
    )
    assert "figure_mismatch" not in _findings(CITY, text, "2019-12")


def test_a_sum_that_does_not_add_up_names_every_figure_in_it() -> None:
    now = _level(NORTHSHIRE, "thefts", "Northshire", "R12:2019-09")
    before = _level(NORTHSHIRE, "thefts", "Northshire", "R12:2018-09")
    text = (
        f"The rolling 12 month total of vehicle thefts stands at {now:.0f}, 30.0% above the "
        f"{before:.0f} of the previous year.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=MONTH)
    (finding,) = [f for f in report.findings if f.kind == "arithmetic"]
    quoted = {text[s:e] for s, e in finding.data["figures"]}
    assert {"30.0%", f"{now:,.0f}"} <= quoted or {"30.0%", f"{now:.0f}"} <= quoted


def test_a_rise_in_neighbouring_forces_is_not_the_projects() -> None:
    report = checker_for(NORTHSHIRE).check_document(
        parse_text(
            "Vehicle thefts stayed low in Fellgate in September, but partners have been "
            "alerted to a rise in neighbouring forces.\n"
        ),
        month=MONTH,
    )
    (rise,) = [v for v in report.verdicts if v.claim.text == "rise"]
    assert rise.verdict == Verdict.NOT_CHECKABLE


def test_the_find_rate_after_drugs_searches_may_be_their_find_rate() -> None:
    month = "2019-12"
    searches = _level(CITY, "ss_controlled_drugs", "City of London", "2019-12", month)
    found = _level(CITY, "ss_controlled_drugs_found", "City of London", "2019-12", month)
    rate = _level(CITY, "ss_drugs_find_rate", "City of London", "2019-12", month)
    text = (
        f"In December there were {searches:.0f} searches for drugs, and {found:.0f} found "
        f"drugs.\nThe find rate in December was {rate:.1f}%.\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    (verdict,) = [v for v in report.verdicts if v.claim.text == f"{rate:.1f}%"]
    assert verdict.verdict == Verdict.SUPPORTED


def test_a_figure_after_a_code_the_reader_does_not_know_is_in_doubt() -> None:
    force = _level(NORTHSHIRE, "thefts", "Northshire", "2019-09")
    text = f"Vehicle thefts in September: HS {force * 0.8:.0f}.\n"
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=MONTH)
    (figure,) = [v for v in report.verdicts if v.claim.kind == "figure"]
    assert figure.verdict == Verdict.AMBIGUOUS and "'HS'" in figure.message
    # without the code, the same figure is the force's, and wrong
    plain = checker_for(NORTHSHIRE).check_document(parse_text(text.replace("HS ", "")), month=MONTH)
    assert [v.verdict for v in plain.verdicts if v.claim.kind == "figure"] == [Verdict.CONTRADICTED]


def test_yoy_and_mom_are_the_comparisons_they_abbreviate() -> None:
    now = _level(NORTHSHIRE, "thefts", "Northshire", "2019-09")
    year = _level(NORTHSHIRE, "thefts", "Northshire", "2018-09")
    pct = 100 * (now - year) / year
    text = f"Vehicle thefts in September: {now:.0f}, YoY {pct:+.1f}%.\n"
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=MONTH)
    (change,) = [v for v in report.verdicts if v.claim.text == f"{pct:+.1f}%"]
    assert change.claim.comparison == "previous_year"
    assert change.verdict == Verdict.SUPPORTED


def test_a_change_of_no_named_measure_is_not_held_to_a_measure_it_happens_to_match() -> None:
    # -18.2% is a change down of no measure the line names, and a change up of another
    # measure's year to date in August 2016: no error of that measure's
    text = "AUGUST MONTH-END\n\nHS 130 (159), MoM -18.2%, YoY -18.5% (154).\n"
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month="2016-08")
    assert all(
        v.verdict != Verdict.CONTRADICTED for v in report.verdicts if v.claim.measure is None
    )
