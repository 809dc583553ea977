"""The stale merge: decisions survive a regenerated draft unless their facts changed."""

from __future__ import annotations

import copy
import csv
import shutil
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from narrator.api import draft as make_draft
from narrator.api import save_draft
from narrator.draft.document import Draft, Paragraph, Section, Sentence
from narrator.project import load_project
from narrator.resources import sample_dir
from narrator.review import Variant, load_review, merge, needs_merge
from narrator.review.model import Comment, Entry, fresh_state


def fact(fid: str, value: float) -> dict[str, Any]:
    return {
        "id": fid,
        "kind": "level",
        "measure": fid,
        "area": "X",
        "period": "2019-10",
        "value": value,
        "unit": "count",
        "reference": None,
        "salience": 1.0,
    }


def make(paragraphs: dict[str, list[str]], values: dict[str, float]) -> Draft:
    """A draft of one section whose paragraphs state the given facts."""
    section = Section("4.1", "Measures")
    for number, facts in paragraphs.items():
        sentence = Sentence(f"Text of {number}.", facts, "messages/level.j2", "v1")
        section.paragraphs.append(Paragraph(number, True, [sentence]))
    facts = {fid: fact(fid, v) for fid, v in values.items()}
    return Draft("P", "2019-10", "T", [section], facts)


BEFORE = make(
    {"4.1.1": ["a"], "4.1.2": ["b", "c"], "4.1.3": ["d"]}, {"a": 1, "b": 2, "c": 3, "d": 4}
)


def decided() -> Any:
    state = fresh_state(BEFORE, "d.md")
    state.paragraphs["4.1.1"].status = "accepted"
    state.paragraphs["4.1.2"].status = "edited"
    state.paragraphs["4.1.2"].text = "The editor's 2 and 3."
    state.paragraphs["4.1.2"].comments.append(Comment("ana", "t", "check c"))
    state.paragraphs["4.1.3"].variant = Variant(("v2",), "Other words.")
    return state


def test_the_same_draft_changes_nothing() -> None:
    state = decided()
    assert not needs_merge(state, BEFORE)
    assert merge(state, BEFORE).paragraphs == state.paragraphs


def test_changed_facts_make_decided_paragraphs_stale_with_old_and_new() -> None:
    state = decided()
    kept = copy.deepcopy(state)
    after = make(
        {"4.1.1": ["a"], "4.1.2": ["b", "c"], "4.1.3": ["d"]}, {"a": 1, "b": 2, "c": 30, "d": 40}
    )
    assert needs_merge(state, after)
    new = merge(state, after)
    assert state == kept, "merge must not change its input"
    assert new.paragraphs["4.1.1"] == state.paragraphs["4.1.1"]
    stale = new.paragraphs["4.1.2"]
    assert stale.status == "stale"
    assert stale.stale is not None
    assert stale.stale["old"]["c"]["value"] == 3 and stale.stale["new"]["c"]["value"] == 30
    assert set(stale.stale["old"]) == {"c"}
    # The editor's words and comments are kept, never dropped.
    assert stale.text == "The editor's 2 and 3." and stale.comments[0].text == "check c"
    # A pending paragraph simply reads the new figures; its variant lapses.
    assert new.paragraphs["4.1.3"].status == "pending"
    assert new.paragraphs["4.1.3"].variant is None
    assert not needs_merge(new, after)


def test_stale_again_keeps_the_figures_it_was_reviewed_on() -> None:
    first = make({"4.1.1": ["a"]}, {"a": 1})
    second = make({"4.1.1": ["a"]}, {"a": 2})
    third = make({"4.1.1": ["a"]}, {"a": 3})
    state = fresh_state(first, "d.md")
    state.paragraphs["4.1.1"].status = "accepted"
    state = merge(merge(state, second), third)
    stale = state.paragraphs["4.1.1"].stale
    assert stale is not None
    assert stale["old"]["a"]["value"] == 1 and stale["new"]["a"]["value"] == 3


def test_shifted_numbers_follow_their_facts_and_lost_paragraphs_are_kept() -> None:
    state = decided()
    # 4.1.1 has nothing to say now: the others move up a number.
    after = make({"4.1.1": ["b", "c"], "4.1.2": ["d"]}, {"b": 2, "c": 3, "d": 4})
    new = merge(state, after)
    assert new.paragraphs["4.1.1"].status == "edited"
    assert new.paragraphs["4.1.1"].text == "The editor's 2 and 3."
    assert new.paragraphs["4.1.2"].variant == Variant(("v2",), "Other words.")
    assert [d["number"] for d in new.dropped] == ["4.1.1"]
    assert new.dropped[0]["entry"]["status"] == "accepted"


def test_a_new_paragraph_is_pending() -> None:
    after = make(
        {"4.1.1": ["a"], "4.1.2": ["b", "c"], "4.1.3": ["d"], "4.1.4": ["e"]},
        {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5},
    )
    new = merge(decided(), after)
    assert new.paragraphs["4.1.4"] == Entry(facts=new.paragraphs["4.1.4"].facts)


statuses = st.sampled_from(["pending", "accepted", "rejected", "edited"])


@given(st.lists(statuses, min_size=3, max_size=3), st.lists(st.booleans(), min_size=4, max_size=4))
def test_only_decided_paragraphs_whose_facts_changed_go_stale(
    chosen: list[str], changes: list[bool]
) -> None:
    state = fresh_state(BEFORE, "d.md")
    for entry, status in zip(state.paragraphs.values(), chosen, strict=True):
        entry.status = status
    values = {
        k: v + (10 if changed else 0)
        for (k, v), changed in zip({"a": 1, "b": 2, "c": 3, "d": 4}.items(), changes, strict=True)
    }
    after = make({"4.1.1": ["a"], "4.1.2": ["b", "c"], "4.1.3": ["d"]}, values)
    new = merge(state, after)
    changed_paragraphs = {
        "4.1.1": changes[0],
        "4.1.2": changes[1] or changes[2],
        "4.1.3": changes[3],
    }
    for number, status in zip(state.paragraphs, chosen, strict=True):
        expected = "stale" if changed_paragraphs[number] and status != "pending" else status
        assert new.paragraphs[number].status == expected
    assert not needs_merge(new, after)


def _raise_arrests(figures: Path, month: str) -> None:
    """Add 100 arrests in October in Cambridge City (and so in North and the force)."""
    with figures.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    for row in rows:
        if (
            row["month"] == month
            and row["measure"] == "arrests"
            and row["area"] in {"Cambridge City", "North", "Cambridgeshire"}
        ):
            row["value"] = str(int(float(row["value"])) + 100)
    with figures.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(rows)


def test_redrafting_after_the_figures_change(tmp_path: Path) -> None:
    project_dir = tmp_path / "project"
    shutil.copytree(sample_dir(), project_dir)
    paper = tmp_path / "paper" / "draft-2019-10.md"
    save_draft(make_draft(project_dir, "2019-10").draft, paper)
    review = load_review(paper)
    for number in review.numbers():
        review.accept(number, who="ana")
    review.edit("4.2.5", "Arrests rose to 858.", who="ana")
    review.save()
    accepted = {n: review.entry(n).facts for n in review.numbers()}

    _raise_arrests(project_dir / "figures.csv", "2019-10")
    # The Markdown was not edited (edits live in the review), so no --force is needed.
    save_draft(make_draft(load_project(project_dir), "2019-10").draft, paper)

    merged = load_review(paper)
    assert merged.merged is not None and merged.merged >= 1
    stale = [n for n in merged.numbers() if merged.status(n) == "stale"]
    assert "4.2.5" in stale
    entry = merged.entry("4.2.5")
    assert entry.text == "Arrests rose to 858." and entry.stale is not None
    old_values = {f["value"] for f in entry.stale["old"].values() if f}
    new_values = {f["value"] for f in entry.stale["new"].values() if f}
    assert 858 in old_values and 958 in new_values
    for number in merged.numbers():
        if number not in stale:
            assert merged.status(number) == "accepted"
            assert merged.entry(number).facts == accepted[number]
    assert ("4.2.5", "stale: the figures under it changed since it was reviewed") in (
        merged.blocking()
    )
    # The merge was saved: loading again merges nothing.
    assert load_review(paper).merged is None
