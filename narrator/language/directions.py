"""Which way a value moved, and whether that is good: the two small enums every stage shares.

Members are strings (``Direction.UP == "up"``), so facts keep their plain JSON and a label
read back from a file compares equal to the member.
"""

from __future__ import annotations

from enum import StrEnum


class Direction(StrEnum):
    """Which way a value moved, or which side of a reference it lies."""

    UP = "up"
    DOWN = "down"
    FLAT = "flat"
    #: Parts that moved different ways (an area's children): no one direction.
    MIXED = "mixed"

    @classmethod
    def of(cls, change: float) -> Direction:
        """The direction of a change: up above zero, down below, flat at zero (or NaN)."""
        if change > 0:
            return cls.UP
        if change < 0:
            return cls.DOWN
        return cls.FLAT


class Judgement(StrEnum):
    """Whether a move is good or bad for a measure with a good direction."""

    BETTER = "better"
    WORSE = "worse"
