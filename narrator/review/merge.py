"""Carrying review decisions over to a regenerated draft.

When the figures are refreshed and ``narrator draft`` is run again for the same month, every
decision whose facts did not change still stands; a decision whose facts changed is marked
stale, with the old and new figures side by side, for an editor to look at again. Nothing an
editor wrote is dropped: edits and comments stay on their entry, and decisions on paragraphs
the new draft no longer has are kept under ``dropped``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from narrator.draft.document import Draft
from narrator.review.model import (
    PENDING,
    STALE,
    Entry,
    ReviewState,
    fresh_state,
)

__all__ = ["merge", "needs_merge", "stale_count"]


def needs_merge(state: ReviewState, draft: Draft) -> bool:
    """True when the state was made for another version of the draft (it was regenerated)."""
    fresh = fresh_state(draft, state.draft)
    if set(fresh.paragraphs) != set(state.paragraphs):
        return True
    return any(state.paragraphs[n].facts != e.facts for n, e in fresh.paragraphs.items())


def merge(old_state: ReviewState, new_draft: Draft) -> ReviewState:
    """The review state for ``new_draft``, keeping every decision its facts still support.

    A pure function: ``old_state`` is not changed. Paragraphs are matched by number when they
    share a fact, else by the most facts shared within the section (a paragraph with nothing
    to say leaves no gap, so numbers can shift), else by number alone.
    """
    new = fresh_state(new_draft, old_state.draft)
    pairs = _match(old_state.paragraphs, new.paragraphs)
    for number, fresh in new.paragraphs.items():
        if number not in pairs:
            continue
        old = old_state.paragraphs[pairs[number]]
        new.paragraphs[number] = _carry(old, fresh, old_state.facts, new.facts)
    matched = set(pairs.values())
    new.dropped = copy.deepcopy(old_state.dropped)
    for number, old in old_state.paragraphs.items():
        if number not in matched and (old.status != PENDING or old.comments):
            new.dropped.append({"number": number, "entry": old.to_dict()})
    # Keep the figures an unresolved stale paragraph was reviewed on.
    for entry in new.paragraphs.values():
        if entry.stale:
            for fid, fact in entry.stale.get("old", {}).items():
                if fact is not None and fid not in new.facts:
                    new.facts[fid] = fact
    return new


def _carry(
    old: Entry,
    fresh: Entry,
    old_facts: Mapping[str, Mapping[str, Any]],
    new_facts: Mapping[str, Mapping[str, Any]],
) -> Entry:
    entry = copy.deepcopy(old)
    entry.facts = dict(fresh.facts)
    changed = sorted(
        fid
        for fid in set(old.facts) | set(fresh.facts)
        if old.facts.get(fid) != fresh.facts.get(fid)
    )
    if not changed:
        return entry
    if old.status == PENDING:
        # Nothing was decided on the old figures: the paragraph simply reads the new ones.
        entry.findings, entry.checked, entry.variant, entry.override = [], None, None, None
        return entry
    previous = old.stale or {"old": {}, "new": {}}
    before = dict(previous.get("old", {}))
    for fid in changed:
        if fid not in before:
            fact = old_facts.get(fid) if fid in old.facts else None
            before[fid] = dict(fact) if fact is not None else None
    after = {fid: (dict(new_facts[fid]) if fid in new_facts else None) for fid in before}
    entry.status = STALE
    entry.stale = {"old": before, "new": after}
    # The variant and any override were chosen for the old figures.
    entry.variant, entry.override, entry.findings, entry.checked = None, None, [], None
    return entry


def _section(number: str) -> str:
    return number.rsplit(".", 1)[0]


def _match(old: Mapping[str, Entry], new: Mapping[str, Entry]) -> dict[str, str]:
    """New paragraph number -> the old paragraph number it continues."""
    pairs: dict[str, str] = {}
    used: set[str] = set()
    for number, entry in new.items():
        previous = old.get(number)
        if previous is not None and set(previous.facts) & set(entry.facts):
            pairs[number] = number
            used.add(number)
    for number, entry in new.items():
        if number in pairs:
            continue
        shared = [
            (len(set(old[o].facts) & set(entry.facts)), o)
            for o in old
            if o not in used and _section(o) == _section(number)
        ]
        best = max(shared, default=(0, ""))
        if best[0] > 0:
            pairs[number] = best[1]
            used.add(best[1])
    for number in new:
        if number not in pairs and number in old and number not in used:
            pairs[number] = number
            used.add(number)
    return pairs


def stale_count(state: ReviewState) -> int:
    """How many paragraphs of a state are stale."""
    return sum(1 for e in state.paragraphs.values() if e.status == STALE)
