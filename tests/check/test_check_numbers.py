"""The numbers of a text as the checker reports them: span, class, kind and claim."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from narrator.check.text.parse import parse_text
from narrator.cli.app import app
from tests.check.conftest import checker_for

TEXT = """Date: 19th December 2019

## 4.1 Strategic measures

4.1.2 The all crime 12 month prosecution possible outcome rate fell to 9.7% in October 2019,
a decrease of 0.3 percentage points; 999 and 101 call volumes rose (see 4.1.3). A 41-year-old
man was charged.

4.1.3 There were 2,013 crimes.
"""


def _numbers() -> list[dict[str, object]]:
    report = checker_for(None).check_document(parse_text(TEXT), month="2019-10")
    return [n.as_dict() for n in report.numbers]


def test_every_number_has_its_class_and_kind() -> None:
    found = [(n["text"], n["class"], n["kind"]) for n in _numbers()]
    assert found == [
        ("19th December 2019", "period", None),
        ("4.1", "reference", None),
        ("4.1.2", "reference", None),
        ("12", "period", None),
        (
            "9.7%",
            "value",
            "percent",
        ),
        ("October 2019", "period", None),
        ("0.3 percentage points", "value", "pp"),
        ("999", "other", None),
        ("101", "other", None),
        ("4.1.3", "reference", None),
        ("41-year-old", "other", None),
        ("4.1.3", "reference", None),
        ("2,013", "value", "count"),
    ]


def test_spans_point_into_the_text_and_values_name_their_verdict() -> None:
    report = checker_for(None).check_document(parse_text(TEXT), month="2019-10")
    for number in report.numbers:
        assert TEXT[number.start : number.end] == number.text
        if number.cls == "value":
            assert number.claim is not None
            assert report.verdicts[number.claim].claim.span == (number.start, number.end)
        else:
            assert number.claim is None


def test_the_json_report_lists_the_numbers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    paper = tmp_path / "paper.md"
    paper.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", str(paper), "--month", "2019-10", "--format", "json"], env={"COLUMNS": "200"}
    )
    report = json.loads(result.stdout)
    assert report["numbers"] == _numbers()
    assert set(report["numbers"][0]) == {"start", "end", "text", "class", "kind", "claim"}


def _classes(text: str) -> list[tuple[str, str, str | None]]:
    report = checker_for(None).check_document(parse_text(text), month="2019-10")
    return [(n.text, n.cls, n.kind) for n in report.numbers]


PAPER = """Contents
1. Overview ............................ 2
2. Burglary ............................ 4

1. Overview

1.1 Burglary rose by 6% to 530 offences, a rate of 2.9 per 1,000 households.

2. Burglary

2.1 The force is 4th of 8 in its peer group and the fifth lowest of the six districts.
Almost half of the offences were in the city. Calls were answered within 15 seconds, and
the average wait was 40 seconds.

Area        Sep-19   Sep-18   Change
North       310      290      +6.9%
South       220      210      +4.8%

Notes
1. All figures are provisional. Call 101 or 01632 960111 for the press office.
"""


def test_contents_lines_and_numbered_paragraphs_are_references() -> None:
    found = _classes(PAPER)
    references = [text for text, cls, _ in found if cls == "reference"]
    # Two contents lines (number and page), four paragraph numbers, the note and phones.
    assert references == ["1", "2", "2", "4", "1", "1.1", "2", "2.1", "1", "101", "01632 960111"]


def test_frame_numbers_are_not_values() -> None:
    found = dict((text, (cls, kind)) for text, cls, kind in _classes(PAPER))
    assert found["1,000"] == ("other", None)
    assert found["8"] == ("other", None)
    assert found["six"] == ("other", None)
    assert found["15 seconds"] == ("other", None)
    assert found["40 seconds"] == ("value", "other")
    assert found["half"] == ("value", "other")
    assert found["fifth"] == ("value", "rank")
    assert found["4th"] == ("value", "rank")


def test_table_rows_are_values_without_claims_and_headings_are_periods() -> None:
    report = checker_for(None).check_document(parse_text(PAPER), month="2019-10")
    table = (PAPER.index("Area "), PAPER.index("Notes"))
    cells = [n for n in report.numbers if table[0] <= n.start < table[1]]
    assert [(n.text, n.cls, n.kind) for n in cells] == [
        ("Sep-19", "period", None),
        ("Sep-18", "period", None),
        ("310", "value", "count"),
        ("290", "value", "count"),
        ("+6.9%", "value", "percent"),
        ("220", "value", "count"),
        ("210", "value", "count"),
        ("+4.8%", "value", "percent"),
    ]
    assert all(n.claim is None for n in cells)
    # The rows are not prose: none of their numbers is a claim, so none is compared.
    assert not any(table[0] <= v.claim.span[0] < table[1] for v in report.verdicts)
    assert not any(table[0] <= f.span[0] < table[1] for f in report.findings)


@pytest.mark.parametrize(
    ("text", "word", "cls", "kind"),
    [
        (
            "1. Crime\n\nThe force had the third lowest rate in the region.\n",
            "third",
            "value",
            "rank",
        ),
        ("1. Crime\n\nArrests rose for the fifth consecutive month.\n", "fifth", "value", "count"),
        ("1. Crime\n\nThefts fell for the second quarter in a row.\n", "second", "value", "count"),
        ("1. Crime\n\nNearly half of the victims were repeat victims.\n", "half", "value", "other"),
        ("1. Crime\n\nArrests rose by a third on the year.\n", "third", "value", "other"),
        ("1. Crime\n\nThe force had one of the lowest rates.\n", "one", "other", None),
    ],
)
def test_numbers_in_words(text: str, word: str, cls: str, kind: str | None) -> None:
    assert (word, cls, kind) in _classes(text)


@pytest.mark.parametrize(
    "text",
    [
        "1. Crime\n\nFor the second time since 2015 thefts fell.\n",
        "1. Crime\n\nA half-day event was held in the first quarter.\n",
    ],
)
def test_number_words_that_are_not_values(text: str) -> None:
    assert not [t for t, cls, _ in _classes(text) if cls == "value"]


def test_markdown_table_rows_are_values_without_claims() -> None:
    text = (
        "## 1 Burglary\n\nBurglary fell by 5% to 400.\n\n"
        "| Area | Oct-19 | Oct-18 | Change |\n|---|---|---|---|\n"
        "| North | 210 | 250 | -16.0% |\n| South | 190 | 171 | +11.1% |\n"
    )
    report = checker_for(None).check_document(parse_text(text), month="2019-10")
    table = text.index("| Area")
    cells = [(n.text, n.cls, n.kind) for n in report.numbers if n.start >= table]
    assert cells == [
        ("Oct-19", "period", None),
        ("Oct-18", "period", None),
        ("210", "value", "count"),
        ("250", "value", "count"),
        ("-16.0%", "value", "percent"),
        ("190", "value", "count"),
        ("171", "value", "count"),
        ("+11.1%", "value", "percent"),
    ]
    assert not any(v.claim.span[0] >= table for v in report.verdicts)


def test_a_tables_target_column_holds_thresholds_not_values() -> None:
    text = (
        "## 2 Calls\n\nCalls were answered faster.\n\n"
        "Indicator          Standard     Q1       Q2\n"
        "Calls in 20s       85%          81.0%    86.2%\n"
        "Abandoned          under 4%     5.1%     3.3%\n\n"
        "| Team | Goal | Arrests |\n|---|---|---|\n| East | 120 | 131 |\n"
    )
    report = checker_for(None).check_document(parse_text(text), month="2019-10")
    cells = [(n.text, n.cls) for n in report.numbers if n.start >= text.index("Calls in")]
    assert ("85%", "other") in cells and ("4%", "other") in cells and ("120", "other") in cells
    assert ("81.0%", "value") in cells and ("86.2%", "value") in cells
    assert ("3.3%", "value") in cells and ("131", "value") in cells


def test_a_target_heading_of_another_table_or_shape_leaves_values() -> None:
    # A blank line ends the table whose headings name a target; a row of another number of
    # cells is not under them.
    text = (
        "## 1 Crime\n\nCrime fell.\n\n"
        "Area       Target     Actual\n\n"
        "North      412        398\n"
        "South      377        401       +6.4%\n"
    )
    report = checker_for(None).check_document(parse_text(text), month="2019-10")
    cells = [(n.text, n.cls) for n in report.numbers if n.start >= text.index("North")]
    assert [cls for _, cls in cells] == ["value"] * 5


def test_a_table_one_cell_a_line_has_its_target_column_read_as_thresholds() -> None:
    text = (
        "## 1 Outcomes\n\nOutcomes are below plan.\n\n"
        "Indicator\nActual\nGoal\nRAG\n"
        "Charge rate\n11.4%\n14%\nRed\n"
        "Arrests\n3,120\n3,000\nGreen\n"
    )
    report = checker_for(None).check_document(parse_text(text), month="2019-10")
    cells = [(n.text, n.cls) for n in report.numbers if n.start >= text.index("Charge")]
    assert cells == [("11.4%", "value"), ("14%", "other"), ("3,120", "value"), ("3,000", "other")]


def test_lines_without_a_target_heading_or_whole_rows_keep_their_values() -> None:
    # No heading names a target; and a run of lines that does not fill whole rows under its
    # headings is not read as a table.
    for text in (
        "## 1 A\n\nArea\nActual\nLast year\nNorth\n410\n398\nSouth\n377\n401\n",
        "## 1 A\n\nArea\nTarget\nActual\nNorth\n410\n398\nSouth\n377\n",
    ):
        report = checker_for(None).check_document(parse_text(text), month="2019-10")
        cells = [n.cls for n in report.numbers if n.start >= text.index("North")]
        assert cells and set(cells) == {"value"}, text


def test_a_number_that_starts_a_rows_name_names_the_measure() -> None:
    text = (
        "## 1 Calls\n\nCall handling improved.\n\n"
        "Measure                   Jul       Aug\n"
        "111 referrals made        212       240\n"
        "Calls in 2019             4,120     4,388\n"
        "85 abandoned              91        77\n"
    )
    report = checker_for(None).check_document(parse_text(text), month="2019-10")
    cells = [(n.text, n.cls) for n in report.numbers if n.start >= text.index("111")]
    assert ("111", "other") in cells and ("212", "value") in cells
    assert ("2019", "period") in cells and ("4,120", "value") in cells
    assert ("85", "other") in cells
    # A figure alone in the first cell is a value.
    plain = "## 1 A\n\nArea      Jul     Aug\n412       212     240\n"
    report = checker_for(None).check_document(parse_text(plain), month="2019-10")
    assert [n.cls for n in report.numbers if n.start >= plain.index("412")] == ["value"] * 3


def test_a_rating_keys_bands_are_thresholds() -> None:
    text = (
        "## 1 Key\n\nRatings compare each measure with its aim.\n\n"
        "Amber - between 2% and 8% short of the target\n"
        "Red: 8% or more below target\n"
        "Red: burglary rose 12% in the month\n"
    )
    report = checker_for(None).check_document(parse_text(text), month="2019-10")
    key = text.index("Amber")
    sentence = text.index("Red: burglary")
    bands = [n.cls for n in report.numbers if key <= n.start < sentence]
    assert bands == ["other"] * 3
    # A colour's line that says nothing of a target is an ordinary sentence.
    assert [n.cls for n in report.numbers if n.start >= sentence] == ["value"]


def test_tabs_questions_and_numbers_to_ring_are_references() -> None:
    text = (
        "Q1. From Councillor A. Patel\n\n"
        "How many thefts were there? The table is copied from the workbook (tab 4a); see "
        "Table 6b. Information can be passed on via 101.\n"
    )
    found = {t: cls for t, cls, _ in _classes(text)}
    assert found["Q1"] == "reference"
    assert found["4a"] == "reference"
    assert found["6b"] == "reference"
    assert found["101"] == "reference"
    # A quarter is still a period, and a service named is not a number to ring.
    later = {t: cls for t, cls, _ in _classes("In Q1 the 101 service was busy.\n")}
    assert later["Q1"] == "period"
    assert later["101"] != "reference"


def test_terse_notes_ranks_shares_and_item_labels() -> None:
    text = (
        "Shoplifting 90 (Oct 95). Robbery 8 (Oct 11).\n\n"
        "Merseyside ranked second, at 17.7 per 1,000, and Kent ranks fifth nationally.\n\n"
        "Crime rose by more than a tenth in a year.\n\n"
        "Actions\n"
        "A1 Upland assaults problem profile\n"
        "T2 Moped snatches at the station\n"
    )
    found = {t: (cls, kind) for t, cls, kind in _classes(text)}
    # "(Oct 95)": October's figure, not October 1995
    assert found["95"] == ("value", "count")
    assert found["11"] == ("value", "count")
    assert found["Oct"] == ("period", None)
    assert found["second"] == ("value", "rank")
    assert found["fifth"] == ("value", "rank")
    assert found["tenth"][0] == "value"
    assert found["A1"] == ("reference", None)
    assert found["T2"] == ("reference", None)
    # A date in a sentence keeps its two-digit year, and a road is no item's label.
    later = {t: cls for t, cls, _ in _classes("The meeting on Jan 95 met. The A14 was shut.\n")}
    assert later["Jan 95"] == "period"
    assert later["A14"] == "other"


def test_collar_numbers_school_years_dotted_times_and_the_pronoun_one() -> None:
    text = (
        "Embargoed until 00.01 on Thursday.\n\n"
        "February is usually a quieter one. Burglary is the one you worry about most, and "
        "there was a rise of one on January. I talked to Year 5 about staying safe.\n\n"
        "Best wishes, PCSO 7241\n"
    )
    found = _classes(text)
    classes = [(t, cls) for t, cls, _ in found]
    assert ("00.01", "period") in classes
    assert ("5", "other") in classes
    assert ("7241", "other") in classes
    ones = [cls for t, cls, _ in found if t == "one"]
    # Two pronouns and a count ("a rise of one").
    assert ones.count("other") == 2 and len(ones) == 3


def test_shares_runs_ranks_and_multiples_in_words() -> None:
    text = (
        "Assaults 63 (Oct 50; Nov last year 45).\n\n"
        "Fellgate is up a quarter and ASB is down by almost a seventh. That was the second "
        "monthly fall in a row. Burglary rose for a second year, and March was the "
        "second-highest month. June's 22 was double May's 11.\n\n"
        "This report covers the second quarter of 2020/21.\n"
    )
    found = [(t, cls, kind) for t, cls, kind in _classes(text)]
    assert ("50", "value", "count") in found
    assert ("Oct", "period", None) in found
    assert ("quarter", "value", "other") in found
    assert ("seventh", "value", "other") in found
    seconds = [(cls, kind) for t, cls, kind in found if t.startswith("second")]
    assert seconds == [
        ("value", "count"),  # the second monthly fall in a row
        ("value", "count"),  # for a second year
        ("value", "rank"),  # the second-highest month
        ("period", None),  # the second quarter of 2020/21
    ]
    assert ("double", "value", "other") in found
