"""Numbers the eleventh pass's texts taught the scanner and the layout reader to tell apart:
a number to ring after another, a publication's number, a lettered section's paragraph, a
day after its month, a run of short months with their years, stretches of time, where a
meeting is, reference codes, an age limit, the year of an Act, an item's number after its
word in capitals, a target's bound, a grid of words with a number in each row, and dot
leaders whose numbers are figures, not pages. Each test has a figure beside it that must
stay a figure."""

from __future__ import annotations

import pytest

from narrator.check.text.blocks import blocks_of
from narrator.check.text.tables import table_rows
from narrator.check.tokens.scanner import scan


def _lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each line of ``text``, as the layout reader takes them."""
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def _marks(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.label) for m in scan(text)]


@pytest.mark.parametrize(
    ("text", "said", "label"),
    [
        # the second number to ring, after "or"
        ("To report it, please use 101, or 999.", "999", "PHONE"),
        ("To report it, please use 101 today.", "101", "PHONE"),
        # a publication's number over its year
        ("See Research Bulletin 18/04 for the method.", "18/04", "REF"),
        ("RESEARCH BULLETIN 19/02", "19/02", "REF"),
        ("as the panel found (finding 4)", "4", "REF"),
        # a day after its month, where nothing else can be meant
        ("He wrote to the paper (Gazette, March 14) to complain.", "March 14", "DATE"),
        ("The surgery is on June 3rd at the library.", "June 3rd", "DATE"),
        # runs of short months with their short years
        ("| Force | Sep 19-Nov 19 | Jun-Aug 20 |", "Sep 19-Nov 19", "DATE"),
        ("| Force | Sep 19-Nov 19 | Jun-Aug 20 |", "Jun-Aug 20", "DATE"),
        # stretches of time
        ("The total was 310, against 402 four years earlier.", "four years", "SPAN"),
        ("Going back two years, the force recorded 880.", "two years", "SPAN"),
        ("It has been a busy six weeks for the team.", "six weeks", "SPAN"),
        ("The work finished two weeks late.", "two weeks", "SPAN"),
        ("Crime has hardly moved in the four years I have lived here.", "four years", "SPAN"),
        # where a meeting is, and reference codes
        ("The panel meets in Committee Room 2 at the Guildhall.", "2", "CODE"),
        (
            "Faults were logged as jobs 51234 and 51240 with the landlord.",
            "51234 and 51240",
            "CODE",
        ),
        ("Message Ref: 904512", "904512", "CODE"),
        # the time after a meeting's date, an age limit, the year of an Act
        ("Meeting: Tuesday 12 March 2019, 14.30, Town Hall", "14.30", "TIME"),
        ("Under 18? Bring ID to the event.", "18", "AGE"),
        ("fines set by the Vagrancy Act 1824 are low", "1824", "YEAR"),
        # an item's number after its word in capitals
        ('MYTH 3: "Nobody gets caught."', "3", "REF"),
        # a target's bound
        ("The aim is 250 or fewer thefts a quarter.", "250", "LEVEL"),
    ],
)
def test_numbers_that_are_not_figures(text: str, said: str, label: str) -> None:
    assert (said, label) in _marks(text)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a month's figure in a terse note stays a figure
        ("Assaults fell to 30 (January 24).", "24"),
        # ("999 and 101 calls" names the two services: see the twelfth pass)
        ("There were 999 and 101 burglaries in the two months.", "101"),
        ("In January 24 burglaries were reported.", "24"),
        ("Thefts rose to 250, and more are expected.", "250"),
        ("Arrests in the district came to 5,000 in total.", "5,000"),
    ],
)
def test_figures_stay_figures(text: str, said: str) -> None:
    assert (said, "COUNT") in _marks(text)


@pytest.mark.parametrize(
    ("text", "said", "start", "end"),
    [
        ("| Sep 19-Nov 19 |", "Sep 19-Nov 19", (2019, 9, None), (2019, 11, None)),
        ("| Dec 18-Feb 19 |", "Dec 18-Feb 19", (2018, 12, None), (2019, 2, None)),
        ("| Mar-May 20 |", "Mar-May 20", (2020, 3, None), (2020, 5, None)),
        ("(Gazette, March 14)", "March 14", (None, 3, 14), (None, 3, 14)),
    ],
)
def test_dates_read_with_their_years_and_days(
    text: str, said: str, start: tuple[int | None, ...], end: tuple[int | None, ...]
) -> None:
    found = {text[m.start : m.end]: m for m in scan(text)}
    mark = found[said]
    first, last = mark.data["start"], mark.data["end"]
    assert (first.year, first.month, first.day) == start
    assert (last.year, last.month, last.day) == end


def test_a_grid_of_words_with_a_number_in_each_row_is_a_table() -> None:
    text = (
        "Ref      Offence               Outcome   Age   Finding\n"
        "19/201   Shop theft (£30)      CR        24    A\n"
        "19/207   Criminal damage       CC        41    AO\n"
        "19/215   Public order          PND       33    A\n"
    )
    lines = _lines(text)
    assert table_rows(text, lines) >= {0, 1, 2, 3}


def test_an_action_list_numbered_down_its_first_column_is_not_a_grid() -> None:
    text = (
        "  1   Door-to-door visits in Eastmoor     Police     June 2018\n"
        "  2   Lighting review of the car parks    Council    September 2018\n"
        "  3   Marking events at the station        Police     Ongoing\n"
    )
    lines = _lines(text)
    assert not table_rows(text, lines) & {0, 1, 2}


def test_dot_leaders_whose_numbers_fall_are_figures_not_pages() -> None:
    figures = (
        "RESULTS\n\n"
        "Arrests ........................ 31\n"
        "Warrants executed .............. 12\n"
        "Vehicles seized ................ 19\n"
    )
    kinds = [b.kind for b in blocks_of(figures) if b.segments]
    assert kinds.count("table") == 3
    assert "contents" not in kinds


def test_dot_leaders_in_page_order_stay_contents() -> None:
    contents = (
        "CONTENTS\n\n"
        "Summary ........................ 2\n"
        "Crime levels ................... 4\n"
        "Outcomes ....................... 9\n"
    )
    assert [b.kind for b in blocks_of(contents) if b.segments].count("contents") == 3


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("KLOE 3 - Charging and outcomes", "3"),
        ("Sheet: OVERVIEW (sheet 1 of 3)", "1 of 3"),
        ("Criterion 1 (element 1.3) and Criterion 5", "1.3"),
        ("Clause 9.2 of the Agreement requires a review", "9.2"),
    ],
)
def test_item_sheet_clause_and_element_numbers_are_references(text: str, said: str) -> None:
    assert (said, "REF") in _marks(text)


def test_a_dashboards_acronym_and_figure_before_a_dash_stay_a_figure() -> None:
    assert ("40", "COUNT") in _marks("ASB 40 - down on March")


def _cue(number: int, start: str, end: str, speech: str) -> str:
    return f"{number}\n00:00:{start},100 --> 00:00:{end},900\n{speech}\n\n"


def test_a_subtitle_files_cues_numbers_and_times_are_not_prose() -> None:
    text = (
        _cue(1, "01", "03", "Hello, I'm the district commander.")
        + _cue(2, "04", "06", "In March we recorded 310")
        + _cue(3, "07", "09", "vehicle thefts across the district.")
    )
    blocks = [b for b in blocks_of(text) if b.segments]
    kinds = [b.kind for b in blocks]
    assert kinds.count("contents") == 3  # the cue numbers
    assert kinds.count("table") == 3  # the timings
    speech = [b for b in blocks if b.kind == "body"]
    # the sentence split across cues 2 and 3 is one paragraph
    assert any(len(b.segments) == 2 for b in speech)


def test_a_pasted_csv_extract_is_a_table() -> None:
    text = (
        "measure,jun_2019,may_2019,r12\n"
        '"All crime",612,598,7110\n'
        '"Burglary",31,27,350\n'
        '"Robbery",,4,61\n'
    )
    lines = _lines(text)
    assert table_rows(text, lines) >= {0, 1, 2, 3}
    # a timing line has commas too, but is no record
    timing = "00:00:19,484 --> 00:00:23,390\n00:00:24,000 --> 00:00:25,100\n" * 2
    timing_lines = _lines(timing)
    assert not table_rows(timing, timing_lines)


def test_a_keys_points_are_a_scale() -> None:
    key = "Priority key: 3 = act this week | 2 = note | 1 = for awareness"
    assert [label for _, label in _marks(key)] == ["SCALE"] * 3
    assert ("7,110", "COUNT") in _marks("R12 = 7,110 crimes")


@pytest.mark.parametrize(
    ("text", "said", "label"),
    [
        ("Track 5  Police and crime .......... A", "5", "REF"),
        ("Recording script | Edition 512 | for posting", "512", "REF"),
        ("Norfolk\tApr '17 to Mar '18\t% change", "Apr '17 to Mar '18", "DATE"),
        ("down on Mar '18 by a fifth", "Mar '18", "DATE"),
    ],
)
def test_tracks_editions_and_apostrophe_years(text: str, said: str, label: str) -> None:
    assert (said, label) in _marks(text)


def test_a_pasted_json_document_is_a_table() -> None:
    text = (
        "{\n"
        '  "area": "Northshire",\n'
        '  "thefts": {"month": 510, "prev": 441},\n'
        '  "assaults": {"month": 220, "prev": 217}\n'
        "}\n"
    )
    lines = _lines(text)
    assert table_rows(text, lines) >= {0, 1, 2, 3, 4}


def test_a_numbered_question_quoted_in_a_reply_is_its_item() -> None:
    text = (
        "Dear Councillor,\n\n"
        "> 1. How many vehicle crimes were there in January?\n"
        "THERE WERE 143.\n\n"
        "> 2. Are any of them solved?\n"
        "YES, 21 OF THEM.\n"
    )
    numbered = [b for b in blocks_of(text) if b.number_span is not None]
    assert [text[slice(*b.number_span)] for b in numbered] == ["1", "2"]
