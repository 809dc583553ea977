"""What the fifteenth pass's texts taught the reader: a plan's item labels with their
sub-parts and the same labels named again, labels and comment markers in square brackets,
an agenda's items after their times, a parish council's minute numbers, a thread's posts
after their sender, a paper's editions and change log, the services' numbers in contact
lines, parts of a paper numbered in words, a page number set far to the right, a
footnote's line, and a paragraph of the paper named after "at" or "in". Each number that
is no figure has a figure beside it that must stay one."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.check.tokens.scanner import scan
from tests.check.conftest import checker_for

from .test_check_eleventh_places import CAMBS, CITY, NORTHSHIRE


def _classes(root: Path, text: str, month: str) -> dict[str, list[str]]:
    """Each number's text, with the classes it was read as (in order of its occurrences)."""
    report = checker_for(root).check_text(text, month=month)
    found: dict[str, list[str]] = {}
    for number in report.numbers:
        found.setdefault(number.text, []).append(number.cls)
    return found


def test_a_plans_item_labels_and_the_same_labels_named_again() -> None:
    text = (
        "# Delivery plan\n\nPrevent\n"
        "P1.2  Healthy relationships lessons delivered in 17 of 31 schools.    ON TRACK\n"
        "P1.4  Night-time economy scheme in 12 venues.    COMPLETE\n\nSupport\n"
        "S2.5  Upland outreach for rural victims.    AT RISK\n\n"
        "5.1 The Panel is asked to note the action at risk (S2.5), with 64 referrals.\n"
    )
    found = _classes(NORTHSHIRE, text, "2019-12")
    assert found["P1.2"] == ["reference"]
    assert found["P1.4"] == ["reference"]
    assert found["S2.5"] == ["reference", "reference"]
    assert found["64"] == ["value"]


def test_labels_and_comment_markers_in_square_brackets() -> None:
    text = (
        "# Wall\n\n[A1] 999 CALLS EACH MONTH\nLine chart. Not on the same scale as [A1].\n\n"
        "2.1 Crime rose by 103 in July.[JH1]\n\nComment [JH1]: Refreshed to the new extract.\n"
        "\nThe A14 was closed for 3 nights.\n"
    )
    found = _classes(CAMBS, text, "2019-07")
    assert found["A1"] == ["reference", "reference"]
    assert found["JH1"] == ["reference", "reference"]
    assert found["A14"] == ["other"]  # a road, not in brackets
    assert found["103"] == ["value"]


def test_an_agendas_items_after_their_times() -> None:
    text = (
        "Items\nNote          No.   Item\n\n"
        "11.00am       1.    Apologies and Declarations of Interest\n\n"
        "11.05am       2.    Minutes\n                    To agree the minutes.\n\n"
        "1.30pm       8.    Work Programme\n\n"
        "At the last meeting 4 officers attended and 23 members of the public.\n"
    )
    found = _classes(NORTHSHIRE, text, "2019-11")
    for item in ("1", "2", "8"):
        assert found[item] == ["reference"], item
    assert found["23"] == ["value"]


def test_a_parish_councils_minutes_and_a_threads_posts_after_their_sender() -> None:
    text = (
        "Present: four members of the public\n\n16/109 APOLOGIES\nNone were received.\n\n"
        "16/110 POLICE REPORT\nThe team reported 14 thefts.\n\n"
        "Kay: 1/4 FORCE 690 vehicle thefts in Feb.\n\nKay: 2/4 UPLAND is the story.\n"
    )
    found = _classes(NORTHSHIRE, text, "2017-02")
    assert found["16/109"] == ["reference"]
    assert found["16/110"] == ["reference"]
    assert found["1/4"] == ["reference"]
    assert found["2/4"] == ["reference"]
    assert found["690"] == ["value"]
    # one sender's line alone may be a date or a share
    alone = _classes(NORTHSHIRE, "# Note\n\nKay: 1/4 of the 690 thefts were in Feb.\n", "2017-02")
    assert alone.get("1/4") != ["reference"]


def test_a_papers_editions_and_its_change_log() -> None:
    text = (
        "Scrutiny | Working group | Draft 0.4\n\n"
        "   Previous edition ...... 4.2, published 17 September 2018\n\nCHANGE LOG\n"
        "   4.3  16/10/2018  Added September 2018.\n   4.2  17/09/2018  Added August 2018.\n\n"
        "The draft budget rose by 3.5 and crime by 4.2 in the year.\n"
    )
    found = _classes(NORTHSHIRE, text, "2018-09")
    assert found["0.4"] == ["reference"]
    assert found["4.3"] == ["reference"]
    assert found["4.2"] == ["reference", "reference", "value"]
    assert found["3.5"] == ["value"]


@pytest.mark.parametrize(
    "text",
    [
        "If you see it, ring 999 while it is happening, not 101 afterwards.\n",
        "Contact: Performance and Analysis, 101, asking for the team.\n",
        "Queries about definitions: Business Intelligence, 101, or email us.\n",
        "SEEN SOMEONE?\nHappening now: 999\n",
        "Reminder: 101 is for anything that can wait.\n",
    ],
)
def test_a_services_number_to_ring(text: str) -> None:
    found = _classes(CITY, "# Contact\n\n" + text, "2019-05")
    service = "101" if "101" in text else "999"
    assert found[service][-1] == "reference"


def test_a_services_number_that_is_a_figure_or_a_measure_stays_so() -> None:
    found = _classes(
        CITY, "# Crime\n\nRobbery rose from 101 to 163. 101 calls rose to 2,300.\n", "2019-05"
    )
    assert found["101"] == ["value", "other"]


def test_a_text_short_code_and_parts_of_a_paper_in_words() -> None:
    text = (
        "CHAPTER FOUR: RESULTS\n\nOur methods are set out in Appendix Two.\n\n"
        "Example 1. Dwelling burglary, with 96 crimes in August.\n\n"
        "Example      142 of 388 victims\n\n"
        ". . . . . . . . . . . . . . . . . . . .\nPANEL 2 | WHERE AND WHEN\n"
        "See it? Call 0800 40 50 40 or text 61016\n\n"
        "REF     AFI 1                STATUS: R\n"
        "REF     R1                   STATUS: A\n"
    )
    found = _classes(CAMBS, text, "2018-08")
    assert found["FOUR"] == ["reference"]
    assert found["Two"] == ["reference"]
    assert found["1"] == ["reference", "reference"]
    assert found["2"] == ["reference"]
    assert found["61016"] == ["reference"]
    assert found["R1"] == ["reference"]
    assert found["96"] == ["value"]
    assert found["142"] == ["value"]
    assert found["388"] == ["value"]


def test_a_page_number_set_far_to_the_right() -> None:
    text = "# Results\n\nThe county recorded 34 crimes.\n\n" + " " * 60 + "27\n\nNext.\n"
    found = _classes(CAMBS, text, "2019-05")
    assert found["27"] == ["reference"]
    assert found["34"] == ["value"]


def test_a_footnotes_line_where_the_prose_carries_its_marker() -> None:
    text = (
        "# Vehicle crime\n\nThe force recorded 1,200 thefts, a rise of 9 percent.11 The "
        "Coastal division had 55 percent.\n\n-----------------\n"
        "11 Vehicle thefts include theft of and from a motor vehicle.\n\n12 Officers attended.\n"
    )
    found = _classes(NORTHSHIRE, text, "2017-10")
    assert found["11"] == ["reference", "reference"]
    assert found["12"] == ["value"]  # no marker 12 in the prose


def test_a_paragraph_of_the_paper_named_after_at_or_in() -> None:
    text = (
        "6.1  CURRENT DEMAND\nThe City had 1,895 thefts.\n\n6.4  FUTURE DEMAND\nA forecast.\n\n"
        "6.7  ADDENDUM\nThe forecast in 6.4 will be reviewed; the addendum at 6.7 covers "
        "April. The rate stood at 6.4 per 1,000 and at 6.7% in May, and 6.1 in June.\n"
    )
    found = _classes(CITY, text, "2020-05")
    assert found["6.4"] == ["reference", "reference", "value"]
    assert found["6.7"] == ["reference", "reference"]
    assert found["6.7%"] == ["value"]
    assert found["6.1"] == ["reference", "value"]


def test_a_ratings_counts_between_bars_and_a_tables_row_numbers_stay_figures() -> None:
    text = "# Summary\n\n11 rated measures: GREEN 5 | AMBER 1 | RED 5\nAll recorded crime.\n"
    found = _classes(CITY, text, "2019-05")
    assert found["1"] == ["value"]
    assert found["5"] == ["value", "value"]
    # a marker 1 in the prose does not make a table's row number 1 a footnote
    rows = (
        "# Districts\n\nAll crime rose in the county.1 The table ranks the districts.\n\n"
        "Rank   District        12 months\n   1     Peterborough    21,034\n"
        "   2     Fenland          9,870\n"
    )
    assert _classes(CAMBS, rows, "2019-05")["1"][-1] != "reference"
    # nor does a marker after it: a note comes after the prose that marks it
    before = (
        "# Patrols\n\n48 Officers patrolled the estate on Friday.\n\n"
        "Thefts fell in the county.48 The patrols go on.\n"
    )
    assert _classes(CAMBS, before, "2019-05")["48"][0] == "value"


def test_a_running_headers_page_numbers_and_not_a_tables_rows() -> None:
    text = (
        "Eastmoor Partnership | Strategic Assessment public summary | 1\n\n"
        "3. HOW WE SCORED\nWe scored 12 issues.\n\n"
        "Eastmoor Partnership | Strategic Assessment public summary | 2\n\n"
        "41 | P a g e     Chief Constable's report\n\n"
        "Burglary dwelling     34\nTheft                 17\n\n"
        "Burglary dwelling     45\nTheft                 19\n"
    )
    found = _classes(NORTHSHIRE, text, "2018-09")
    assert found["1"] == ["reference"]
    assert found["2"] == ["reference"]
    assert found["41"] == ["reference"]
    # the same rows in two tables are no running header: they sit among their rows
    assert found["34"] == ["value"]
    assert found["45"] == ["value"]
    assert found["17"] == ["value"]
    assert found["19"] == ["value"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Draft 2 compared February with January.", "2"),
        ("FIGURES CHECKLIST (form QA2, revision 4)", "4"),
        ("HTTP/1.1 200 OK", "1.1"),
        ("At the January meeting (minute 18/007) councillors looked again.", "18/007"),
        ("This is recorded under item 18/52/CNL.", "18/52/CNL"),
        ("READER B: Track six. What's on.", "six"),
        ("In an emergency call 999; otherwise 101\n", "101"),
        ("Questions: the analysts or 101 (ask for the Performance Team).", "101"),
        ("[ASTON: POLICE 101 / CRIMESTOPPERS 0800 555 111]", "101"),
        ("If you have been affected, you can talk to us on 101, or contact us.", "101"),
    ],
)
def test_an_edition_an_item_and_a_number_to_ring(text: str, said: str) -> None:
    found = _classes(NORTHSHIRE, "# Note\n\n" + text + "\n\nThere were 38 thefts.\n", "2018-09")
    assert found[said][-1] == "reference"
    assert found["38"] == ["value"]


def test_the_service_a_call_handler_answers_on_is_no_number_to_ring() -> None:
    text = "# Calls\n\nThe wait to speak to a call handler on 101 fell to 3 minutes.\n"
    assert _classes(NORTHSHIRE, text, "2018-09")["101"] == ["other"]


def test_a_draft_years_budget_and_a_revised_figure_stay_what_they_are() -> None:
    text = "# Note\n\nDraft 2020/21 plan, revised. HTTP errors rose to 200 in May.\n"
    found = _classes(NORTHSHIRE, text, "2018-09")
    assert found["2020/21"] == ["period"]
    assert found["200"] == ["value"]


def test_an_agenda_items_number_above_a_memos_fields() -> None:
    text = (
        "AGENDA ITEM NO 9\n\nTITLE:        COMMUNITY SAFETY UPDATE\n\nCommittee:    Cabinet\n\n"
        "Date:         21 June 2018\n\n1.1  There were 38 thefts in May.\n"
    )
    found = _classes(CAMBS, text, "2018-06")
    assert found["9"] == ["reference"]
    assert found["38"] == ["value"]


def test_a_count_after_mentioned_in_and_a_paragraph_of_a_draft_policy_are_no_missing_part() -> None:
    text = (
        "Question 1: Do you agree with the aims?\n\n1.1 Of the 155, the notes find a knife "
        "shown or mentioned in 41 (about a quarter).\n\nQuestion 2: Any views?\n\n2.1 Robbery "
        "went from 105 offences to 160.\n\nQuestion 3: Drugs?\n\n3.1 Drugs offences rose to "
        "740. The results support the condition proposed at paragraph 8.4 of the draft "
        "policy, as described in 2.1 above.\n\nQuestion 4: Anything else?\n\n4.1 No.\n"
    )
    report = checker_for(CITY).check_text(text, month="2019-12")
    assert not [f for f in report.findings if f.kind == "xref_missing"]
    classes = {n.text: n.cls for n in report.numbers}
    assert classes["41"] == "value"
    # a part of this paper that is not there is still found missing
    missing = text.replace("as described in 2.1 above", "as described in 2.6 above")
    report = checker_for(CITY).check_text(missing, month="2019-12")
    assert [f for f in report.findings if f.kind == "xref_missing"]


def test_a_paragraph_of_a_draft_policy_is_another_documents() -> None:
    text = "support the condition proposed at paragraph 8.4 of the draft policy, as set out."
    assert [(text[m.start : m.end], m.label) for m in scan(text)] == [("8.4", "REF")]
    own = "as described in 2.3 above, with 41 more"
    assert next((own[m.start : m.end], m.label) for m in scan(own)) == ("2.3", "XREF")


@pytest.mark.parametrize(
    ("text", "said", "label"),
    [
        ("The national standard for compliance is 95%.", "95%", "THRESHOLD"),
        ("Standard: 95% for needs assessment, 90% for the others.", "95%", "THRESHOLD"),
        ("The agreed minimum is 9 a shift.", "9", "THRESHOLD"),
        ("Column chart. Target line at 300.", "300", "THRESHOLD"),
        ("Not on the same scale: this axis starts at 20,000.", "20,000", "THRESHOLD"),
        ("accurate to about ±3.0 points at the 95% level.", "95%", "LEVEL"),
        ("a 95% confidence interval around it", "95%", "LEVEL"),
        ("Immediate, 90th percentile       21:40", "90th", "SCALE"),
        ("c/o 41 Bread Street, London EC4M 9AB", "41", "CODE"),
        ("Statistics Branch, 42 Montgomery Road, Belfast", "42", "CODE"),
    ],
)
def test_a_standard_a_charts_line_a_level_a_percentile_and_an_address(
    text: str, said: str, label: str
) -> None:
    assert (said, label) in [(text[m.start : m.end], m.label) for m in scan(text)]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("There were 35 burglaries on Station Road in May.", "35"),
        ("The find rate was 95% of the standard set.", "95%"),
        ("Crime rose 12% at the 3 stations.", "12%"),
        ("The 90th burglary of the year was in May.", "90th"),
        ("Call answering remains below standard: 87.9% of 999 calls were answered.", "87.9%"),
    ],
)
def test_a_figure_beside_a_street_or_a_standard_stays_a_figure(text: str, said: str) -> None:
    found = dict((text[m.start : m.end], m.label) for m in scan(text))
    assert found[said] in ("COUNT", "PERCENT", "ORDINAL")


def test_a_tables_lengths_of_time_are_values_and_its_times_of_day_periods() -> None:
    text = (
        "# Call handling\n\n"
        "Measure                                  Oct       Nov\n"
        "Average time to answer 101 (min:sec)     2:05      3:40\n"
        "Abandoned                                12.6%     14.1%\n\n"
        "The busiest hour was 23:00 on Saturdays.\n"
    )
    found = _classes(CAMBS, text, "2019-10")
    assert found["2:05"] == ["value"]
    assert found["3:40"] == ["value"]
    assert found["23:00"] == ["period"]
    # without a table that says so, a time stays a time of day
    plain = "# Calls\n\nMeasure        Oct      Nov\nFirst call     2:05     3:40\n"
    assert _classes(CAMBS, plain, "2019-10")["2:05"] == ["period"]


def test_a_change_said_as_a_multiple_is_a_value() -> None:
    text = (
        "# Thefts\n\nBicycle theft 45 (April 52), nearly double May 2018 (24). Searches almost "
        "doubled while thefts more than halved. The room doubled as a store.\n"
    )
    found = _classes(CITY, text, "2019-05")
    assert found["double"] == ["value"]
    assert found["doubled"] == ["value"]
    assert found["halved"] == ["value"]


def test_days_ago_is_a_period() -> None:
    text = "Posted by u/fen_edge_cyclist 4 days ago, with 12 replies"
    assert ("4 days ago", "PERIOD") in [(text[m.start : m.end], m.label) for m in scan(text)]


def test_a_month_said_right_before_a_figure_labels_it() -> None:
    from narrator.check import Verdict
    from tests.check.conftest import verdicts_by_text

    text = "# Vehicle thefts\n\nFORCE 690 vehicle thefts in Feb. Jan 617, Feb last yr 661.\n"
    found = verdicts_by_text(NORTHSHIRE, text, "2019-02")
    assert found["617"][3] == Verdict.SUPPORTED
    wrong = text.replace("Jan 617", "Jan 690")  # February's figure said of January
    assert verdicts_by_text(NORTHSHIRE, wrong, "2019-02")["690"][3] != Verdict.SUPPORTED
    # a figure that names its own period keeps it
    own = "# Theft\n\n- Other theft going into January: 200 in December, the highest month.\n"
    assert verdicts_by_text(CITY, own, "2018-12")["200"][3] == Verdict.SUPPORTED
