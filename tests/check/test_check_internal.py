"""The seed checked against itself: its faults found by general rules, no false alarm, and
single edits caught."""

from __future__ import annotations

from datetime import date

import pytest

from narrator.check import Document, Finding, Reader, internal_findings, parse_text
from narrator.check.claims.extract import extract_claims
from narrator.check.text.files import read_document

MONTH = "2019-10"


def check(reader: Reader, document: Document) -> list[Finding]:
    claims = extract_claims(reader, document, month=MONTH)
    return internal_findings(document, claims, reporting_month=MONTH, catalogue=reader.catalogue)


def edited(seed: Document, old: str, new: str, count: int = 1) -> Document:
    assert seed.text.count(old) >= 1, old
    return parse_text(seed.text.replace(old, new, count))


@pytest.fixture(scope="module")
def seed_findings(reader: Reader, seed: Document) -> list[Finding]:
    return check(reader, seed)


def test_the_seed_faults(seed_findings: list[Finding], seed: Document) -> None:
    found = {
        (f.kind, seed.text[f.span[0] : f.span[1]], f.data.get("suggested")) for f in seed_findings
    }
    assert found == {
        # Stale numbers from an earlier numbering of section 6, each with the section meant.
        ("xref_topic", "4.1.1", "6.1.1"),
        ("xref_topic", "4.1.4", "6.1.4"),
        ("xref_topic", "4.2.2", "6.2.2"),
        ("xref_missing", "4.4.5", "6.4.5"),
        # The OOCD Unit is not in 4.2.1 (call volumes): a section about Out of Court
        # Disposals is suggested.
        ("xref_topic", "4.2.1", "6.3.3"),
        # The burglary day of action is reported in section 7, not section 5.
        ("xref_topic", "5", "7.0"),
        # Development days "scheduled for January/February 2019" in a December 2019 paper.
        ("date_tense", "January/February 2019", None),
    }
    for finding in seed_findings:
        assert finding.severity == "error"
        assert finding.message and finding.evidence
    missing = next(f for f in seed_findings if f.kind == "xref_missing")
    assert missing.suggestion == "did you mean 6.4.5?"


def test_no_false_alarm_on_figures(seed_findings: list[Finding]) -> None:
    # 84.3% quoted twice agrees; 214 is 66% lower than 636; no month after October 2019.
    kinds = {f.kind for f in seed_findings}
    assert not kinds & {"figure_mismatch", "arithmetic", "month_after_reporting"}


def test_arithmetic_perturbed(reader: Reader, seed: Document) -> None:
    document = edited(seed, "214, 66% lower", "214, 50% lower")
    (finding,) = [f for f in check(reader, document) if f.kind == "arithmetic"]
    assert document.text[finding.span[0] : finding.span[1]] == "50%"
    assert finding.data["reference"] == 636
    assert finding.suggestion == "66% lower"
    assert "66.4% lower" in finding.message


def test_arithmetic_direction_flipped(reader: Reader, seed: Document) -> None:
    document = edited(seed, "214, 66% lower", "214, 66% higher")
    assert [f for f in check(reader, document) if f.kind == "arithmetic"]


def test_repeated_figure_perturbed(reader: Reader, seed: Document) -> None:
    document = edited(seed, "at 84.3% satisfaction", "at 85.3% satisfaction")
    (finding,) = [f for f in check(reader, document) if f.kind == "figure_mismatch"]
    assert document.text[finding.span[0] : finding.span[1]] == "85.3%"
    assert finding.data["first"] == 84.3


def test_rounded_repeat_is_not_a_mismatch(reader: Reader, seed: Document) -> None:
    document = edited(seed, "at 84.3% satisfaction", "at 84% satisfaction")
    assert not [f for f in check(reader, document) if f.kind == "figure_mismatch"]


def test_month_after_the_reporting_month(reader: Reader, seed: Document) -> None:
    document = edited(seed, "incidents recorded in October;", "incidents recorded in November;")
    found = [f for f in check(reader, document) if f.kind == "month_after_reporting"]
    # The figure, and the next sentence that carries its period on ("incident volumes up").
    assert document.text[found[0].span[0] : found[0].span[1]] == "236"
    assert "November 2019" in found[0].message


def test_corrected_references_pass(reader: Reader, seed: Document) -> None:
    document = edited(seed, "See 4.1.4 detailing", "See 6.1.4 detailing")
    document = edited(document, "detailed in 4.2.2 above", "detailed in 6.2.2 above")
    found = {document.text[f.span[0] : f.span[1]] for f in check(reader, document)}
    assert "6.1.4" not in found and "6.2.2" not in found


def test_reference_pointing_the_wrong_way(reader: Reader, seed: Document) -> None:
    # 6.1.4 exists but is above 6.4.2, not below it.
    document = edited(seed, "See 4.1.4 detailing", "See 6.1.4 below detailing")
    found = [f for f in check(reader, document) if f.data.get("target") == "6.1.4"]
    assert [f.kind for f in found] == ["xref_direction"]


def test_future_plans_and_past_events(reader: Reader, seed: Document) -> None:
    fixed = edited(seed, "January/February 2019", "January/February 2020")
    assert not [f for f in check(reader, fixed) if f.kind == "date_tense"]
    wrong = edited(
        seed, "went live on the 2nd September \n2019", "went live on the 2nd September \n2020"
    )
    (finding,) = [f for f in check(reader, wrong) if f.kind == "date_tense" and "2020" in f.message]
    assert "after the paper's date" in finding.message


def test_paper_date_may_be_given(reader: Reader, seed: Document) -> None:
    claims = extract_claims(reader, seed, month=MONTH)
    findings = internal_findings(seed, claims, paper_date=date(2019, 1, 10), reporting_month=MONTH)
    assert not [f for f in findings if "January/February" in f.message]


def test_findings_are_json_ready(seed_findings: list[Finding]) -> None:
    import json

    json.dumps([f.as_dict() for f in seed_findings])


def test_markdown_paper_end_to_end(reader: Reader, tmp_path: object) -> None:
    text = (
        "Date: 19th December 2019\n\n# 4.0 Performance\n\n## 4.1 Dwelling burglary\n\n"
        "4.1.1 By the start of November the total was 600 and by 26th November the total "
        "was 300, 40% lower than the start of November.\n\n"
        "4.1.2 See 4.1.1 for the totals. See 9.9.9 for nothing.\n"
    )
    document = parse_text(text)
    findings = check(reader, document)
    kinds = sorted(f.kind for f in findings)
    assert kinds == ["arithmetic", "xref_missing"]


def test_read_and_check_a_file(reader: Reader, seed_path: object) -> None:
    document = read_document(seed_path)  # type: ignore[arg-type]
    assert len(check(reader, document)) == 7
