"""Two editors reviewing one draft at once: their decisions are merged, or one is refused.

Each review remembers the state file as it read it (the base). When it saves and finds the
file changed since (another editor saved first), the three versions are merged paragraph by
paragraph:

- a paragraph only one side changed takes that side's decision;
- both sides reaching the same decision (both accepted it) is no conflict;
- both sides deciding differently is a conflict: the other editor's decision, saved first,
  stands, and this save says which paragraph it could not record;
- comments are never in conflict: both sides' new comments are kept.

The checker's findings are not decisions (each side records them on what it shows): they
follow the text the merged decision keeps. Nothing either editor saved is ever lost.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from narrator.review.model import Entry, ReviewState

__all__ = ["Conflict", "Merged", "merge_concurrent"]

#: The fields of an entry that are an editor's decision (who and when only sign it).
_DECISION = ("status", "text", "variant", "facts", "stale")


@dataclass(frozen=True)
class Conflict:
    """A paragraph both editors decided differently: theirs was kept."""

    number: str
    who: str | None
    when: str | None


@dataclass
class Merged:
    """The merged state and the paragraphs whose decision of ours could not be kept."""

    state: ReviewState
    conflicts: list[Conflict] = field(default_factory=list)
    #: Set when the other side is a review of another version of the draft: nothing merged.
    incompatible: str | None = None


def merge_concurrent(base: ReviewState, ours: ReviewState, theirs: ReviewState) -> Merged:
    """Merge ``ours`` and ``theirs``, both made from ``base`` (see the module docstring)."""
    if theirs.month != base.month or set(theirs.paragraphs) != set(base.paragraphs):
        return Merged(
            copy.deepcopy(theirs),
            incompatible="the draft was regenerated and its review merged onto it by another run",
        )
    merged = copy.deepcopy(theirs)
    conflicts = []
    for number, before in base.paragraphs.items():
        mine = ours.paragraphs.get(number, before)
        other = theirs.paragraphs[number]
        entry, clash = _merge_entry(before, mine, other)
        merged.paragraphs[number] = entry
        if clash:
            conflicts.append(Conflict(number, other.who, other.when))
    merged.facts = {**theirs.facts, **ours.facts}
    merged.dropped = copy.deepcopy(theirs.dropped) + [
        copy.deepcopy(d) for d in ours.dropped if d not in theirs.dropped
    ]
    return Merged(merged, conflicts)


def _merge_entry(base: Entry, ours: Entry, theirs: Entry) -> tuple[Entry, bool]:
    comments = list(theirs.comments) + [
        c for c in ours.comments if c not in base.comments and c not in theirs.comments
    ]
    mine, other, before = _decision(ours), _decision(theirs), _decision(base)
    clash = mine not in (before, other) and other != before
    # Ours only where it alone decided; the same decision on both sides keeps theirs, signed
    # first; a clash keeps theirs, saved first.
    chosen = ours if (mine != before and other == before) else theirs
    entry = copy.deepcopy(chosen)
    entry.comments = comments
    return entry, clash


def _decision(entry: Entry) -> Mapping[str, Any]:
    data = entry.to_dict()
    decided = {key: data[key] for key in _DECISION}
    override = data["override"]
    decided["override"] = None if override is None else override["reason"]
    return decided
