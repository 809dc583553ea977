"""The review state API: decisions, blocking reasons, the file format, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from narrator.check import Verdict, claim_finding
from narrator.errors import NarratorError, ReviewError
from narrator.review import FORMAT, Variant, load_review, review_path
from narrator.review.model import text_fingerprint


def test_state_file_sits_beside_the_draft() -> None:
    assert review_path(Path("out/draft-2019-10.md")) == Path("out/draft-2019-10.review.json")


def test_a_fresh_review_has_every_generated_paragraph_pending(draft_md: Path) -> None:
    review = load_review(draft_md)
    numbers = review.numbers()
    assert numbers and numbers[0] == "4.1.2"
    assert all(review.status(n) == "pending" for n in numbers)
    assert [n for n, _ in review.blocking()] == numbers
    assert review.text("4.1.2") == review.paragraph("4.1.2").body
    # Hand-written paragraphs are taken as they are.
    assert review.status("4.1.1") == "hand-written"
    assert review.text("4.1.1").startswith("The Offenders strand is monitored")
    # Opening a review writes nothing until there is something to save.
    assert not review.state_path.exists()


def test_decisions_round_trip_through_the_file(draft_md: Path) -> None:
    review = load_review(draft_md)
    review.accept("4.1.2", who="ana")
    review.edit("4.1.3", "  An editor's\n own words.  ", who="ben")
    review.reject("4.1.4", who="ana")
    review.comment("4.1.4", "Say why the rate fell.", who="ana")
    review.choose_variant("4.2.1", Variant(("v1", "v1"), "Another phrasing."), who="ana")
    review.save()

    data = json.loads(review.state_path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    assert data["draft"] == "draft-2019-10.md" and data["month"] == "2019-10"
    entry = data["paragraphs"]["4.1.3"]
    assert entry["status"] == "edited" and entry["text"] == "An editor's own words."
    assert entry["who"] == "ben" and entry["when"]
    assert set(entry["facts"]) == set(review.paragraph("4.1.3").sentences[0].facts) | set(
        review.paragraph("4.1.3").sentences[1].facts
    )
    assert data["paragraphs"]["4.2.1"]["variant"] == {
        "blocks": ["v1", "v1"],
        "text": "Another phrasing.",
    }

    again = load_review(draft_md)
    assert again.merged is None
    assert again.status("4.1.2") == "accepted"
    assert again.text("4.1.3") == "An editor's own words."
    assert again.status("4.1.4") == "rejected"
    assert again.entry("4.1.4").comments[0].text == "Say why the rate fell."
    assert again.status("4.2.1") == "pending"
    assert again.text("4.2.1") == "Another phrasing."
    blocking = dict(again.blocking())
    assert "4.1.2" not in blocking and "4.1.3" not in blocking
    assert blocking["4.1.4"].startswith("rejected by ana")
    assert blocking["4.2.1"] == "not reviewed yet"


def test_contradicted_text_is_accepted_only_with_an_override(draft_md: Path) -> None:
    review = load_review(draft_md)
    text = review.text("4.1.2")
    review.record_findings(
        "4.1.2", [claim_finding(Verdict.CONTRADICTED, "the rate is 9.9%", (0, 5))]
    )
    assert review.contradictions("4.1.2")
    with pytest.raises(ReviewError, match=r"contradicts this text: the rate is 9\.9%"):
        review.accept("4.1.2", who="ana")
    assert review.status("4.1.2") == "pending"
    with pytest.raises(ReviewError, match="needs a reason"):
        review.override("4.1.2", "  ", who="ana")
    review.override("4.1.2", "The 9.9% is the unaudited figure.", who="ana")
    assert review.status("4.1.2") == "accepted"
    assert review.entry("4.1.2").override is not None
    assert "4.1.2" not in dict(review.blocking())
    assert review.entry("4.1.2").checked == text_fingerprint(text)


def test_a_contradicted_edit_blocks_the_build(draft_md: Path) -> None:
    review = load_review(draft_md)
    bad = [claim_finding(Verdict.CONTRADICTED, "wrong month", (0, 3))]
    review.edit("4.1.2", "New text.", who="ana", findings=bad)
    assert review.status("4.1.2") == "edited"
    assert dict(review.blocking())["4.1.2"].startswith("contradicted: wrong month")
    # A later clean edit clears it.
    review.edit("4.1.2", "Better text.", who="ana", findings=[])
    assert "4.1.2" not in dict(review.blocking())


def test_an_empty_edit_or_comment_is_refused(draft_md: Path) -> None:
    review = load_review(draft_md)
    with pytest.raises(ReviewError, match="empty"):
        review.edit("4.1.2", " \n ", who="ana")
    with pytest.raises(ReviewError, match="empty"):
        review.comment("4.1.2", "", who="ana")
    with pytest.raises(ReviewError, match="not a generated paragraph"):
        review.accept("4.1.1", who="ana")
    with pytest.raises(ReviewError, match=r"no paragraph 9\.9\.9"):
        review.status("9.9.9")


def test_a_missing_draft_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(ReviewError) as caught:
        load_review(tmp_path / "draft-2019-10.md")
    assert "draft-2019-10.md: no such draft" in caught.value.message
    assert "narrator draft --month" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_draft_without_its_sidecar(draft_md: Path) -> None:
    draft_md.with_suffix(".json").unlink()
    with pytest.raises(ReviewError, match=r"has no sidecar draft-2019-10\.json"):
        load_review(draft_md)
    assert not review_path(draft_md).exists()


def test_an_unreadable_sidecar(draft_md: Path) -> None:
    draft_md.with_suffix(".json").write_text("{}", encoding="utf-8")
    with pytest.raises(ReviewError, match="not a readable narrator draft sidecar"):
        load_review(draft_md)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"format": "narrator-review/1", "draft": "x.md", ', "cannot be read"),
        ('{"format": "something-else/9"}', "expected 'narrator-review/1'"),
        ("[1, 2]", "not a JSON object"),
        (
            '{"format": "narrator-review/1", "draft": "x.md", "month": "2019-10", '
            '"paragraphs": {"4.1.2": {"status": "maybe"}}}',
            "paragraph 4.1.2: status 'maybe'",
        ),
        ('{"format": "narrator-review/1", "draft": "x.md", "month": "2019-10"}', "missing"),
    ],
)
def test_a_corrupt_state_file_is_reported_and_left_alone(
    draft_md: Path, content: str, reason: str
) -> None:
    state = review_path(draft_md)
    state.write_text(content, encoding="utf-8")
    before = state.read_bytes()
    with pytest.raises(ReviewError) as caught:
        load_review(draft_md)
    assert str(state) in caught.value.message and reason in caught.value.message
    assert "left untouched" in (caught.value.hint or "")
    assert isinstance(caught.value, NarratorError) and caught.value.exit_code == 2
    assert state.read_bytes() == before
    assert sorted(p.name for p in draft_md.parent.iterdir()) == [
        "draft-2019-10.json",
        "draft-2019-10.md",
        "draft-2019-10.review.json",
    ]


def test_a_state_of_another_month_is_refused(draft_md: Path) -> None:
    review = load_review(draft_md)
    review.accept("4.1.2", who="ana")
    review.state.month = "2019-09"
    review.save()
    before = review.state_path.read_bytes()
    with pytest.raises(ReviewError, match="review of 2019-09"):
        load_review(draft_md)
    assert review.state_path.read_bytes() == before


def test_a_hand_edited_markdown_is_noted(draft_md: Path) -> None:
    draft_md.write_text(draft_md.read_text(encoding="utf-8") + "\nA note.\n", encoding="utf-8")
    assert "differs from its sidecar" in load_review(draft_md).warnings[0]


def test_a_failed_save_is_a_review_error(draft_md: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    review = load_review(draft_md)

    def refuse(path: Path, text: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("narrator.review.state.atomic_write_text", refuse)
    with pytest.raises(ReviewError, match="cannot save the review: Permission denied"):
        review.save()


def test_a_stale_paragraph_shows_new_text_or_a_new_phrasing(draft_md: Path) -> None:
    review = load_review(draft_md)
    entry = review.entry("4.1.2")
    entry.status, entry.text = "stale", "An edit on old figures."
    assert review.text("4.1.2") == review.generated_text("4.1.2")
    review.choose_variant("4.1.2", Variant(("v2",), "Other words."), who="ana")
    assert review.status("4.1.2") == "stale" and review.text("4.1.2") == "Other words."
    assert entry.text == "An edit on old figures."
    review.accept("4.1.2", who="ana")
    assert review.status("4.1.2") == "accepted" and review.text("4.1.2") == "Other words."
    assert entry.comments[-1].text.endswith("An edit on old figures.")
