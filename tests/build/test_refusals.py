"""Each reason a build refuses: unreviewed, stale (review or figures), contradicted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from narrator.build import BuildOptions, BuildResult, build
from narrator.build.paper import Kind
from narrator.check import Finding
from narrator.resources import sample_dir
from narrator.review.state import load_review
from tests.build.conftest import MONTH, accept_all, fake_loader, finding, no_findings


def run(draft: Path, out: Path, **kwargs: object) -> BuildResult:
    watermark = bool(kwargs.pop("watermark", False))
    options = BuildOptions(draft=draft, out=out, formats=("md",), draft_watermark=watermark)
    kwargs.setdefault("checker", no_findings)
    return build(sample_dir(), MONTH, options=options, **kwargs)  # type: ignore[arg-type]


def test_pending_paragraphs_block(draft_copy: Path, tmp_path: Path) -> None:
    result = run(draft_copy, tmp_path / "out")
    assert not result.built and result.paths == ()
    assert {b.kind for b in result.blockers} == {"pending"}
    where = [b.where for b in result.blockers]
    assert where[0] == "draft 4.1.2" and "draft 5.2.4" in where
    assert "draft 4.1.1" not in where, "hand-written paragraphs of the outline need no review"
    assert not (tmp_path / "out").exists()


def test_stale_paragraph_blocks(draft_copy: Path, tmp_path: Path) -> None:
    result = run(draft_copy, tmp_path / "out", load_review=fake_loader(**{"4_2_5": "stale"}))
    assert not result.built
    assert [(b.kind, b.where) for b in result.blockers] == [("stale", "draft 4.2.5")]


def test_figures_changed_since_the_draft_block(draft_copy: Path, tmp_path: Path) -> None:
    # The figures were refreshed after the draft was written: a fact under 4.1.2 moved.
    accept_all(draft_copy)
    sidecar = draft_copy.with_suffix(".json")
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    paragraph = data["sections"][0]["paragraphs"][1]
    assert paragraph["number"] == "4.1.2"
    fact_id = paragraph["sentences"][0]["facts"][0]
    data["facts"][fact_id]["value"] += 1.0
    sidecar.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run(draft_copy, tmp_path / "out", load_review=fake_loader())
    assert not result.built
    assert [(b.kind, b.where) for b in result.blockers] == [("stale", "draft 4.1.2")]
    assert fact_id in result.blockers[0].message


def test_contradiction_blocks_and_names_the_paragraph(draft_copy: Path, tmp_path: Path) -> None:
    seen: list[str] = []

    def checker(text: str) -> list[Finding]:
        seen.append(text)
        start = text.index("9.7%")
        return [
            finding("figure_mismatch", "error", "9.7% is 9.6% in the figures", (start, start + 4))
        ]

    result = run(draft_copy, tmp_path / "out", load_review=fake_loader(), checker=checker)
    assert not result.built
    assert [(b.kind, b.where) for b in result.blockers] == [("contradiction", "paper 4.1.2")]
    assert "figure_mismatch: 9.7% is 9.6%" in result.blockers[0].message
    # The checker read the whole paper: front matter, hand-written sections and all.
    assert seen and "Date: 19th December 2019" in seen[0] and "8.1 That the Board notes" in seen[0]


def test_warnings_of_the_checker_do_not_block(draft_copy: Path, tmp_path: Path) -> None:
    def checker(text: str) -> list[Finding]:
        start = text.index("7.2 ")
        return [finding("date_tense", "warning", "odd tense", (start + 5, start + 9))]

    result = run(draft_copy, tmp_path / "out", load_review=fake_loader(), checker=checker)
    assert result.built and not result.blockers
    assert result.notes[-1] == "paper 7.2: date_tense: odd tense"


def test_every_reason_is_listed_at_once(draft_copy: Path, tmp_path: Path) -> None:
    def checker(text: str) -> list[Finding]:
        return [finding("arithmetic", "error", "66% is wrong", (text.index("66%"), 0))]

    loader = fake_loader(**{"4_1_3": "pending", "5_1_2": "stale"})
    result = run(draft_copy, tmp_path / "out", load_review=loader, checker=checker)
    kinds = [(b.kind, b.where) for b in result.blockers]
    assert kinds == [
        ("pending", "draft 4.1.3"),
        ("stale", "draft 5.1.2"),
        ("contradiction", "paper 4.2.4"),
    ]


def test_rejected_paragraph_blocks_and_leaves_no_gap_in_a_draft(
    draft_copy: Path, tmp_path: Path
) -> None:
    review = load_review(draft_copy)
    for number in review.numbers():
        review.accept(number, who="test")
    review.reject("4.1.3", who="test")
    review.save()
    refused = run(draft_copy, tmp_path / "refused")
    assert [(b.kind, b.where) for b in refused.blockers] == [("rejected", "draft 4.1.3")]
    assert not refused.built
    drafted = run(draft_copy, tmp_path / "out", watermark=True)
    assert drafted.built and drafted.watermarked and drafted.paper is not None
    numbered = {b.number: b.text for b in drafted.paper.blocks if b.kind is Kind.PARAGRAPH}
    assert "10.8%" in numbered["4.1.3"], "the domestic abuse paragraph moved up into 4.1.3"
    assert "4.1.4" not in numbered
    markdown = next(p for p in drafted.paths if p.suffix == ".md").read_text(encoding="utf-8")
    assert markdown.startswith("> **DRAFT: not approved for circulation (1 rejected)**")


@pytest.mark.parametrize("status", ["accepted", "edited"])
def test_edited_text_goes_into_the_paper(draft_copy: Path, tmp_path: Path, status: str) -> None:
    review = load_review(draft_copy)
    for number in review.numbers():
        review.accept(number, who="test")
    if status == "edited":
        review.edit("4.2.5", "Arrests rose to 858 in October.", who="test")
    review.save()
    result = run(draft_copy, tmp_path / "out")
    assert result.built and result.paper is not None
    text = {b.number: b.text for b in result.paper.blocks}["4.2.5"]
    assert (text == "Arrests rose to 858 in October.") == (status == "edited")


def test_only_what_needs_attention_becomes_a_note() -> None:
    from narrator.build.blockers import finding_blockers, finding_counts
    from narrator.check.findings import Finding, Severity, Verdict

    def finding(
        kind: str, severity: str, message: str, span: tuple[int, int], verdict: str
    ) -> Finding:
        return Finding(kind, Severity(severity), message, span, Verdict(verdict))

    text = "4.1.1 Generated words.\n\n6.1.1 Hand-written words.\n"
    hand = text.index("Hand")
    findings = [
        finding("claim_supported", "info", "fine", (6, 10), "supported"),
        finding("claim_ambiguous", "info", "fits 2 measures", (6, 10), "ambiguous"),
        finding("claim_ambiguous", "info", "fits 3 measures", (hand, hand + 4), "ambiguous"),
        finding("xref_missing", "warning", "no section 9", (hand, hand + 4), "not checkable"),
        finding("claim_contradicted", "error", "figures say 5", (6, 10), "contradicted"),
    ]
    blockers, notes = finding_blockers(findings, text, frozenset({"4.1.1"}))
    assert [str(b) for b in blockers] == [
        "paper 4.1.1: contradiction: claim_contradicted: figures say 5"
    ]
    assert notes == [
        "paper 4.1.1: claim_ambiguous: fits 2 measures",
        "paper 6.1.1: xref_missing: no section 9",
    ]
    assert finding_counts(findings) == {
        "supported": 1,
        "ambiguous": 2,
        "not checkable": 1,
        "contradicted": 1,
    }
