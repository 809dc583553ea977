"""The scanner: structure is read before quantities, so a number in a section number, a
date, a period or a financial year is never taken for a value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrator.check.text.dates import When, parse_date
from narrator.check.tokens.marks import QUANTITIES, Mark
from narrator.check.tokens.scanner import scan

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]


def marks_over(text: str, fragment: str) -> list[Mark]:
    start = text.index(fragment)
    end = start + len(fragment)
    return [m for m in scan(text) if m.start < end and start < m.end]


def assert_not_a_value(text: str, fragment: str, label: str) -> None:
    over = marks_over(text, fragment)
    assert over, f"nothing read in {fragment!r}"
    assert all(m.label not in QUANTITIES for m in over), (text, over)
    assert any(m.label == label for m in over), (text, over)


@pytest.mark.parametrize(
    ("text", "fragment", "label"),
    [
        ("The OOCD Unit (see 4.2.1) have now started", "4.2.1", "XREF"),
        ("the new arrangements detailed in 4.2.2 above.", "4.2.2", "XREF"),
        ("Section 5 below details the results", "5", "XREF"),
        ("The Board met on 19th December 2019.", "19th December 2019", "DATE"),
        ("held on 27th November 2019 and", "27th November 2019", "DATE"),
        ("provided to the 1st November TTCG", "1st November", "DATE"),
        ("arrested on 22nd October.", "22nd October", "DATE"),
        ("taking place between the 2-6th of  December.", "2-6th of  December", "DATE"),
        ("scheduled for January/February 2019 and", "January/February 2019", "DATE"),
        ("in the first week of Jan 20.", "Jan 20", "DATE"),
        ("the 12 months to October 2019, compared", "12 months to October 2019", "PERIOD"),
        ("for the 2018/19 financial year", "2018/19", "FY"),
        ("the precept increase in 19/20 will", "19/20", "FY"),
        ("11 of the last 12 months higher", "11 of the last 12 months", "MONTHCOUNT"),
        ("having fallen for 29 consecutive months)", "29 consecutive months", "STREAK"),
        ("51-year-old man in Cambridge", "51-year-old", "AGE"),
        ("Two men, aged 35 and 46 in Cambridge", "aged 35 and 46", "AGE"),
        ("in every year from 2014-2017, to 16", "2014-2017", "YEARS"),
        ("the one and three year averages.", "one and three year averages", "PERIOD"),
        ("the 27th of the month", "27th", "ORDINAL"),
    ],
)
def test_structure_before_quantities(text: str, fragment: str, label: str) -> None:
    assert_not_a_value(text, fragment, label)


@pytest.mark.parametrize(
    ("text", "fragment", "label", "value"),
    [
        ("leaving the rate now at 9.7%.", "9.7%", "PERCENT", 9.7),
        ("66% lower than the start", "66%", "PERCENT", 66.0),
        ("Cambridge City (+10%), East", "+10%", "PERCENT", 10.0),
        ("North area down 3.0% year on year", "3.0%", "PERCENT", 3.0),
        ("a fall of 0.4 percentage points", "0.4 percentage points", "POINTS", 0.4),
        ("arrested, to 858, consistent", "858", "COUNT", 858.0),
        ("There were 236 dwelling burglary incidents", "236", "COUNT", 236.0),
        ("found on 22 occasions.", "22", "COUNT", 22.0),
        ("Nine suspects were arrested", "Nine", "COUNT", 9.0),
        ("two young males were arrested", "two", "COUNT", 2.0),
        ("to almost 7,000,000 which is", "7,000,000", "COUNT", 7_000_000.0),
        ("assets of £2.5m were", "£2.5m", "MONEY", 2_500_000.0),
    ],
)
def test_quantities(text: str, fragment: str, label: str, value: float) -> None:
    over = marks_over(text, fragment)
    assert [m.label for m in over] == [label]
    assert text[over[0].start : over[0].end] == fragment
    assert over[0].data["value"] == pytest.approx(value)


def test_dates_are_read() -> None:
    (mark,) = marks_over("between the 2-6th of December", "2-6th of December")
    assert mark.data["start"] == When(None, 12, 2)
    assert mark.data["end"] == When(None, 12, 6)
    (mark,) = marks_over("in the first week of Jan 20.", "Jan 20")
    assert mark.data["start"] == When(2020, 1, None)
    (mark,) = marks_over("scheduled for January/February 2019", "January/February 2019")
    assert (mark.data["start"], mark.data["end"]) == (When(2019, 1), When(2019, 2))
    assert parse_date("19th December 2019").isoformat() == "2019-12-19"  # type: ignore[union-attr]


def test_may_the_verb_is_not_a_month() -> None:
    assert not [m for m in scan("numbers may be lower since the arrest") if m.label == "DATE"]


SECTION = st.lists(st.integers(1, 12), min_size=3, max_size=4).map(
    lambda parts: ".".join(str(p) for p in parts)
)
REFERENCE = st.sampled_from(
    ["see {}", "(see {})", "detailed in {} above", "See {} concerning", "as set out in {} below"]
)
FILLER = st.sampled_from(["The rate fell.", "Figures are stable", "", "Up 4% on the year;"])


@settings(max_examples=200, deadline=None)
@given(SECTION, REFERENCE, FILLER, FILLER)
def test_section_numbers_are_never_values(
    number: str, template: str, before: str, after: str
) -> None:
    text = f"{before} The unit ({template.format(number)}) {after}".strip()
    assert_not_a_value(text, number, "XREF")


DAY = st.integers(1, 28)
SUFFIX = st.sampled_from(["", "st", "nd", "rd", "th"])
YEAR = st.integers(1995, 2035)


@st.composite
def dates(draw: st.DrawFn) -> str:
    month = draw(st.sampled_from(MONTHS))
    day, suffix, year = draw(DAY), draw(SUFFIX), draw(YEAR)
    form = draw(st.integers(0, 6))
    if form == 0:
        return f"{day}{suffix} {month} {year}"
    if form == 1:
        return f"the {day}{suffix} of {month}"
    if form == 2:
        return f"{month} {year}"
    if form == 3:
        other = draw(st.sampled_from(MONTHS))
        return f"{month}/{other} {year}"
    if form == 4:
        return f"{draw(st.sampled_from(ABBREVIATIONS))} {year % 100:02d}"
    if form == 5:
        return f"{day:02d}/{draw(st.integers(1, 12)):02d}/{year}"
    return f"the {day}-{min(day + 3, 28)}th of {month}"


@settings(max_examples=300, deadline=None)
@given(dates(), FILLER)
def test_dates_are_never_values(date_text: str, after: str) -> None:
    text = f"The meeting on {date_text} reviewed the figures. {after}"
    assert_not_a_value(text, date_text, "DATE")


@settings(max_examples=200, deadline=None)
@given(st.integers(1995, 2035), st.booleans(), st.sampled_from(["the", "for", "in"]))
def test_financial_years_are_never_values(start: int, short: bool, word: str) -> None:
    written = (
        f"{start % 100:02d}/{(start + 1) % 100:02d}"
        if short
        else f"{start}/{(start + 1) % 100:02d}"
    )
    text = f"Compared with those {word} {written} financial year, three districts rose."
    assert_not_a_value(text, written, "FY")
    (mark,) = [m for m in marks_over(text, written) if m.label == "FY"]
    assert mark.data["start_year"] == start


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(MONTHS), st.integers(1995, 2035), st.sampled_from(["to", "ending"]))
def test_rolling_periods_are_never_values(month: str, year: int, word: str) -> None:
    period = f"12 months {word} {month} {year}"
    text = f"The total for the {period} was 858."
    assert_not_a_value(text, period, "PERIOD")
    assert [m.data["value"] for m in scan(text) if m.label == "COUNT"] == [858.0]


@pytest.mark.parametrize(
    ("text", "fragment", "label"),
    [
        ("The chart on page 12 of the pack shows it.", "12", "REF"),
        ("Page 4 of 9", "4 of 9", "REF"),
        ("as plotted in Figure 3: burglary by month", "3", "REF"),
        ("set out in Tables 2 to 6 of the annex", "2 to 6", "REF"),
        ("the breakdown at Appendix 3 (districts)", "3", "REF"),
        ("Slide 7 – Demand", "7", "REF"),
        ("Agenda Item: 9.2", "9.2", "REF"),
        ("Document control: Version 3.1, draft", "3.1", "REF"),
        ("Priority 3: Protect vulnerable people", "3", "REF"),
        ("the plan's Outcomes 2 and 3 are covered", "2 and 3", "REF"),
        ("On area for improvement 4, the force has", "4", "REF"),
        ("Ring the team on extension 3310 for details", "3310", "REF"),
        ("Our report Pol 31-18 sets out", "31-18", "REF"),
        ("Section 1 of the Misuse of Drugs Act 1971 covers", "1", "LAW"),
        ("Section 60 authorisations were made twice.", "60", "LAW"),
        ("later finalised as outcome 15 after review", "15", "CODE"),
        ("Anyone with information should call 101 or online.", "101", "PHONE"),
        ("If life is at risk, dial 999.", "999", "PHONE"),
        ("Press office: 01632 960555 (daytime)", "01632 960555", "PHONE"),
        ("Freephone 0800 123 456 anonymously", "0800 123 456", "PHONE"),
        ("Switchboard 020 7946 0000.", "020 7946 0000", "PHONE"),
        ("Patrols ran from 21:30 to 03:00 nightly.", "21:30", "TIME"),
        ("Patrols ran from 21:30 to 03:00 nightly.", "03:00", "TIME"),
        ("Signed off 14.03.18 by the Chief", "14.03.18", "DATE"),
        ("Results for Quarter 3 2019/20 follow", "3", "QUARTER"),
        ("a review in the next four months is planned", "four months", "PERIOD"),
        ("lower than 24 months ago", "24 months ago", "PERIOD"),
        ("unsolved for more than two years", "two years", "PERIOD"),
        ("the lowest for at least five years", "five years", "PERIOD"),
    ],
)
def test_references_codes_and_periods_are_not_values(text: str, fragment: str, label: str) -> None:
    assert_not_a_value(text, fragment, label)


@pytest.mark.parametrize(
    ("text", "fragment", "label"),
    [
        # A section of the paper stays a cross-reference, checked as one.
        ("Section 3 below sets out the detail", "3", "XREF"),
        ("see 6.2.1 above for the trend", "6.2.1", "XREF"),
        ("The unit (see 2.10.11) reported", "2.10.11", "XREF"),
    ],
)
def test_paper_sections_stay_cross_references(text: str, fragment: str, label: str) -> None:
    assert_not_a_value(text, fragment, label)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Burglary rose to 312 from 280.", "312"),
        ("The table shows 45 more thefts.", "45"),
        ("There were 1011 calls to the line.", "1011"),
        ("Officers made 999 arrests in the year.", "999"),
        ("In the quarter 412 crimes were recorded", "412"),
        ("It fell by 14 on the month.", "14"),
    ],
)
def test_counts_stay_counts(text: str, fragment: str) -> None:
    assert [m.label for m in marks_over(text, fragment)] == ["COUNT"]


@pytest.mark.parametrize(
    ("text", "fragment", "label"),
    [
        ("Thefts ran at 3.1 per 1,000 residents last year", "1,000", "BASE"),
        ("a rate of 40 per 100,000 population", "100,000", "BASE"),
        ("about three in 100 households were burgled", "100", "BASE"),
        ("ranked 3rd of 9 in the region", "9", "GROUP"),
        ("sits 30th of 43 forces nationally", "43", "GROUP"),
        ("crime fell in all five districts", "five", "GROUP"),
        ("the highest of the seven wards", "seven", "GROUP"),
        ("Scores: 1 = best, 5 = worst", "5", "SCALE"),
        ("graded on a three-point scale", "three", "SCALE"),
        ("within the 90% confidence interval", "90%", "LEVEL"),
        ("answered (national standard 85%)", "85%", "LEVEL"),
        ("the 101 abandonment rate was 12%", "101", "LEVEL"),
        ("the 12m to Mar 2019 total", "12m to Mar 2019", "PERIOD"),
    ],
)
def test_frame_numbers_and_number_words(text: str, fragment: str, label: str) -> None:
    over = marks_over(text, fragment)
    assert [m.label for m in over] == [label], (text, over)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # A count beside a group's name is still a count when no determiner frames it.
        ("crime rose in four districts", "four"),
        ("officers made 1,000 arrests", "1,000"),
        ("in 100 cases the victim declined", "100"),
        ("the rate fell to 75% of the standard", "75%"),
    ],
)
def test_values_near_frame_words_stay_values(text: str, fragment: str) -> None:
    over = marks_over(text, fragment)
    assert [m.label for m in over] in (["COUNT"], ["PERCENT"]), (text, over)


@pytest.mark.parametrize(
    ("text", "fragment", "label"),
    [
        ("Ring (01632) 960123 in office hours", "960123", "PHONE"),
        ("Ring 01632960123 in office hours", "01632960123", "PHONE"),
        ("set out in Chapter 4 of the plan", "4", "REF"),
        ("KPI 6 measures satisfaction", "6", "REF"),
        ("Figures for Week 32 show", "32", "QUARTER"),
        ("Section 136 detentions fell", "136", "LAW"),
        ("COVID-19 restrictions eased", "19", "CODE"),
        ("offences against under 18s rose", "18s", "AGE"),
    ],
)
def test_more_references_and_codes(text: str, fragment: str, label: str) -> None:
    assert_not_a_value(text, fragment, label)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # In lower case these lead words are prose, and the number after them a value.
        ("In this period 45 people were arrested", "45"),
        ("in part 12 officers were moved", "12"),
        ("the October 2019 figure rose to 27", "27"),
    ],
)
def test_lower_case_lead_words_leave_values(text: str, fragment: str) -> None:
    assert [m.label for m in marks_over(text, fragment)] == ["COUNT"]


@pytest.mark.parametrize(
    ("text", "fragment", "label"),
    [
        ("one in 10 victims reported it", "10", "BASE"),
        ("7 out of 10 residents agreed", "10", "BASE"),
        ("arrests of 18-25 year olds fell", "18-25 year olds", "AGE"),
        ("Grade 1 incidents were attended", "1", "CODE"),
        ("a category 2 offence", "2", "CODE"),
        ("at the 99% significance level", "99%", "LEVEL"),
    ],
)
def test_bases_ages_and_scheme_codes(text: str, fragment: str, label: str) -> None:
    assert_not_a_value(text, fragment, label)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("crime rose in 10 districts", "10"), ("the level 3 times higher", "3")],
)
def test_numbers_after_in_and_level_stay_counts(text: str, fragment: str) -> None:
    assert [m.label for m in marks_over(text, fragment)] == ["COUNT"]


@pytest.mark.parametrize(
    ("text", "fragment", "label"),
    [
        # A grade's number in brackets after the grade's word: a point of the scale.
        ("rated Good (2) for legitimacy", "2", "SCALE"),
        ("judged inadequate(4) last spring", "4", "SCALE"),
        ("outcome: requires improvement (3)", "3", "SCALE"),
        # A significance level after "p <" or "p=".
        ("the difference holds (p < 0.01)", "0.01", "LEVEL"),
        ("p=0.05 for the younger group", "0.05", "LEVEL"),
        # A reference code of capitals and hyphened digit groups: not a year and a count.
        ("logged as incident CAD-2019-0815 overnight", "2019-0815", "CODE"),
    ],
)
def test_grades_significance_levels_and_hyphened_codes(
    text: str, fragment: str, label: str
) -> None:
    assert_not_a_value(text, fragment, label)


@pytest.mark.parametrize(
    ("text", "fragment", "label"),
    [
        # A figure in brackets after other words, or after a grade word without brackets.
        ("arrests rose (2) in the week", "2", "COUNT"),
        ("a good 12 arrests", "12", "COUNT"),
        ("outstanding (12) warrants", "12", "COUNT"),
        # A decimal after another letter is no significance level.
        ("a rate of 0.05 per head", "0.05", "COUNT"),
        # A year after a word's hyphen with no second group is not a code.
        ("the Oct-19 total", "Oct-19", "DATE"),
    ],
)
def test_brackets_decimals_and_hyphens_elsewhere_stay_as_read(
    text: str, fragment: str, label: str
) -> None:
    assert [m.label for m in marks_over(text, fragment)] == [label]


@pytest.mark.parametrize(
    ("text", "fragment", "label"),
    [
        # A paragraph or section of another, named document: a reference, not checked
        # against this paper's numbering.
        ("as paragraph 5.4 of the College of Policing guidance requires", "5.4", "REF"),
        ("see section 7 of the PEEL inspection", "7", "REF"),
        ("set out in section 2.1.3 of the National Crime Recording Standard", "2.1.3", "REF"),
        # This paper's own sections stay cross-references.
        ("see section 3 of this report", "3", "XREF"),
        ("see paragraph 2.1 of the paper", "2.1", "XREF"),
        ("see section 4 above", "4", "XREF"),
    ],
)
def test_sections_of_other_documents_are_references(text: str, fragment: str, label: str) -> None:
    assert [m.label for m in marks_over(text, fragment)] == [label]


@pytest.mark.parametrize(
    ("text", "fragment", "label"),
    [
        # A time counted from an event: a period, not a measured duration.
        ("offenders were reviewed 6-9 months after release", "6-9 months", "SPAN"),
        ("the letter goes out two days before the court date", "two days", "SPAN"),
        ("surveyed eight weeks following the report", "eight weeks", "SPAN"),
        # Without an event after it, a duration is still a duration.
        ("the average wait was 14 days for a callback", "14 days", "DURATION"),
        ("took 3 weeks, after which it closed", "3 weeks", "DURATION"),
    ],
)
def test_times_counted_from_an_event_are_periods(text: str, fragment: str, label: str) -> None:
    assert [m.label for m in marks_over(text, fragment)] == [label]


@pytest.mark.parametrize(
    ("text", "fragment", "label"),
    [
        ("fourth in the eastern region (6 forces) for burglary", "6", "GROUP"),
        ("best of the county (twelve districts)", "twelve", "GROUP"),
        # A count in brackets that is not a group's whole size stays a count.
        ("crime rose in some areas (3 districts and 2 wards)", "3", "COUNT"),
        ("arrests (14) were made", "14", "COUNT"),
    ],
)
def test_a_groups_size_in_brackets(text: str, fragment: str, label: str) -> None:
    assert [m.label for m in marks_over(text, fragment)] == [label]
