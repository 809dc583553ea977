"""Measure classes: what a rule may be asked to say something of.

The catalogue stores three kinds of measure (count, ratio, snapshot); the draft tells one
more apart, the *share*: a ratio whose denominator is also another ratio's, so that the
two are parts of one whole ("the proportion of incidents graded immediate"). A share is a
ratio too: a rule for ratios accepts shares.
"""

from __future__ import annotations

from collections.abc import Iterable

from narrator.catalogue import Catalogue, Kind, Measure

COUNT = "count"
RATIO = "ratio"
SHARE = "share"
SNAPSHOT = "snapshot"
#: Every class, in the order the reference lists them.
CLASSES: tuple[str, ...] = (COUNT, RATIO, SHARE, SNAPSHOT)
#: How a class is named in messages ("a count", "a share").
ARTICLE = {COUNT: "a count", RATIO: "a ratio", SHARE: "a share", SNAPSHOT: "a snapshot"}


def measure_class(catalogue: Catalogue, measure: Measure) -> str:
    """The class of a measure: count, ratio, share or snapshot."""
    if measure.kind is Kind.SNAPSHOT:
        return SNAPSHOT
    if measure.kind is Kind.COUNT:
        return COUNT
    siblings = [
        m for m in catalogue.ratios if m.denominator == measure.denominator and m.id != measure.id
    ]
    return SHARE if siblings else RATIO


def accepted(accepts: Iterable[str], cls: str) -> bool:
    """Whether a rule that accepts ``accepts`` may speak of a measure of class ``cls``."""
    wanted = set(accepts)
    return cls in wanted or (cls == SHARE and RATIO in wanted)


def describe_classes(accepts: Iterable[str]) -> str:
    """The classes a rule accepts, in words: "counts and ratios (shares too)"."""
    wanted = [c for c in CLASSES if c in set(accepts)]
    plural = {COUNT: "counts", RATIO: "ratios", SHARE: "shares", SNAPSHOT: "snapshots"}
    words = [plural[c] for c in wanted]
    text = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    if RATIO in wanted and SHARE not in wanted:
        text += " (shares too)"
    return text
