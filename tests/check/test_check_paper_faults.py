"""Internal findings that must not be raised on correct papers laid out as real ones are: a
briefing written after its reporting month giving the days since, a section of another
document, a deadline to come; and the same faults still found where they are faults."""

from __future__ import annotations

from pathlib import Path

from tests.check.conftest import checker_for

CITY = Path(__file__).resolve().parents[2] / "samples" / "city-of-london"


def _kinds(text: str, month: str) -> list[str]:
    return [f.kind for f in checker_for(CITY).check_text(text, month=month).findings]


BRIEFING = (
    "WEEKLY TASKING BRIEFING\n\nThursday 12 November 2020, 14:00\n\n"
    "A. THE LAST 7 DAYS\n\n- Month to date (1–11 November): 139 crimes.\n"
    "- Crime fell after the restrictions that began on 5 November.\n\n"
    "B. MONTH END\n\nRecorded crime closed at 471 in October 2020.\n"
)


def test_the_days_since_the_reporting_month_are_no_fault_of_a_later_briefing() -> None:
    assert "month_after_reporting" not in _kinds(BRIEFING, "2020-10")


def test_a_whole_month_after_the_reporting_month_is_still_a_fault() -> None:
    text = BRIEFING.replace("closed at 471 in October 2020", "closed at 471 in December 2020")
    assert "month_after_reporting" in _kinds(text, "2020-10")


def test_a_section_of_another_document_is_not_this_paper_s() -> None:
    text = (
        "## 1 Summary\n\n1.1 The offenders named in the last review (see section 4.3 of the"
        " previous profile) are now managed by the team.\n"
    )
    assert _kinds(text, "2020-10") == []
    assert _kinds(text.replace(" of the previous profile", ""), "2020-10") == ["xref_missing"]


def test_a_deadline_to_come_is_not_spoken_of_as_past() -> None:
    text = (
        "Date: 21 July 2020\n\n## 1 Actions\n\n1.1 Two recommendations have been agreed with"
        " management, to be implemented by 30 September 2020.\n"
    )
    assert "date_tense" not in _kinds(text, "2020-06")
    past = text.replace("to be implemented by", "and were implemented on")
    assert "date_tense" in _kinds(past, "2020-06")


NORTHSHIRE = Path(__file__).resolve().parents[2] / "tests" / "projects" / "northshire"


def test_a_figure_quoted_twice_differently_is_a_fault_only_where_both_say_whose() -> None:
    def kinds(text: str) -> list[str]:
        report = checker_for(NORTHSHIRE).check_text(text, month="2020-03")
        return [f.kind for f in report.findings]

    named = (
        "FELLGATE DISTRICT REVIEW\n\n## 1 Assaults\n\n1.1 Fellgate recorded 37 assaults in"
        " March 2020.\n\n1.2 Later in the month Fellgate had seen 39 assaults in March 2020.\n"
    )
    assert "figure_mismatch" in kinds(named)
    # The second figure is Fellgate's only because the paper is: it may be another area's.
    carried = named.replace("Later in the month Fellgate had seen", "There were")
    assert "figure_mismatch" not in kinds(carried)


def test_a_figure_quoted_twice_is_a_fault_only_where_both_name_the_measure() -> None:
    named = (
        "1. Shoplifting\n\nShoplifting offences numbered 85 in October 2020.\n\n"
        "2. Summary\n\nShoplifting offences numbered 58 in October 2020.\n"
    )
    assert "figure_mismatch" in _kinds(named, "2020-10")
    # The second figure's measure is only carried from the sentence before: it may be of
    # something else ("Of those, 58 ...", "The rate was ...").
    carried = (
        "1. Shoplifting\n\nShoplifting offences numbered 85 in October 2020.\n\n"
        "2. Summary\n\nShoplifting rose in October 2020. There were 58 in October 2020.\n"
    )
    assert "figure_mismatch" not in _kinds(carried, "2020-10")


def test_a_reference_is_not_called_wrong_on_a_few_common_words() -> None:
    # A panel paper of the corpus whose "(see paragraph 3.2)" is right: the section it was
    # once said to mean instead shared only words of when ("monthly", "quarter") and
    # "Members" with the sentence.
    paper = Path(__file__).resolve().parents[1] / "data" / "papers"
    report = checker_for(CITY).check_paper(
        paper / "col-panel-stop-search-2019-09.txt", month="2019-09"
    )
    assert "xref_topic" not in [f.kind for f in report.findings]
