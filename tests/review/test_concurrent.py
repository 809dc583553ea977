"""Two reviews of one draft saving at once: merged paragraph by paragraph, or one refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.errors import ReviewError
from narrator.review import load_review
from narrator.review.concurrent import merge_concurrent
from narrator.review.model import ReviewState


def test_decisions_on_different_paragraphs_are_both_kept(draft_md: Path) -> None:
    ann, bob = load_review(draft_md), load_review(draft_md)
    first, second = ann.numbers()[:2]
    ann.accept(first, who="ann")
    ann.save()
    bob.reject(second, who="bob")
    bob.save()
    state = load_review(draft_md).state.paragraphs
    assert (state[first].status, state[first].who) == ("accepted", "ann")
    assert (state[second].status, state[second].who) == ("rejected", "bob")
    assert bob.state.paragraphs[first].status == "accepted"  # bob now sees ann's decision


def test_a_clash_keeps_the_first_decision_and_says_so(draft_md: Path) -> None:
    ann, bob = load_review(draft_md), load_review(draft_md)
    first, second = ann.numbers()[:2]
    ann.accept(first, who="ann")
    ann.save()
    bob.reject(first, who="bob")
    bob.comment(second, "a note", who="bob")
    with pytest.raises(ReviewError, match=rf"paragraph {first} was decided by ann"):
        bob.save()
    state = load_review(draft_md).state.paragraphs
    assert (state[first].status, state[first].who) == ("accepted", "ann")
    assert [c.text for c in state[second].comments] == ["a note"]  # the rest was saved


def test_the_same_decision_twice_is_no_clash(draft_md: Path) -> None:
    ann, bob = load_review(draft_md), load_review(draft_md)
    number = ann.numbers()[0]
    ann.accept(number, who="ann")
    ann.save()
    bob.accept(number, who="bob")
    bob.save()
    assert load_review(draft_md).state.paragraphs[number].who == "ann"


def test_comments_are_never_in_conflict(draft_md: Path) -> None:
    base = load_review(draft_md).state
    ours, theirs = ReviewState.from_json(base.to_json()), ReviewState.from_json(base.to_json())
    number = next(iter(base.paragraphs))
    from narrator.review.model import Comment

    ours.paragraphs[number].comments.append(Comment("ann", "t1", "mine"))
    theirs.paragraphs[number].comments.append(Comment("bob", "t2", "theirs"))
    merged = merge_concurrent(base, ours, theirs)
    assert not merged.conflicts
    assert [c.text for c in merged.state.paragraphs[number].comments] == ["theirs", "mine"]


def test_a_state_replaced_by_another_draft_is_not_merged(draft_md: Path) -> None:
    review = load_review(draft_md)
    review.accept(review.numbers()[0], who="ann")
    other = ReviewState.from_json(review.state.to_json())
    other.paragraphs.clear()
    review.state_path.write_text(other.to_json())
    with pytest.raises(ReviewError, match="regenerated"):
        review.save()
    assert ReviewState.from_json(review.state_path.read_text()).paragraphs == {}
