"""Whether a figure that disagrees with another is a slip or a different figure.

A writer who gets a figure wrong gets it wrong in a few ways: a slip of the keys (a digit
changed, dropped, doubled, or two swapped: 1,100 typed as 1,010), a sum or a rounding done
wrong, a figure a few units off, or one a month out of date (which the verdicts find by
matching the other month's figure). Each leaves the written figure near the right one or
one keystroke from it. A figure far from the right one in every such way is more often a
different figure than a wrong one: a part of the measure ("471 crimes were dealt with out of
court"), an average narrator does not compute ("the three-year monthly average of 583"),
another year, or "four in ten". Saying that such a figure contradicts the data is a false
alarm whenever the reader has bound it to the wrong thing, so the checker calls it
ambiguous (a warning to look at), and keeps "contradicted" (an error) for disagreements a
slip explains.
"""

from __future__ import annotations

#: How far apart a level and the right one may be, as a share of the larger, and still be
#: one wrongly worked out: within two fifths (a sum or a rounding gone wrong, a figure
#: copied from a nearby cell). Measured on the labelled corpus's development texts, a
#: factor of two (0.5) gave 67 false contradictions where this gives 57, for 2% more wrong
#: figures caught; a level further off is still shown, as a warning.
NEAR_LEVEL = 0.4
#: The same for a change: a per cent worked on the wrong base ("+9.0%" for +5.1%) is a
#: common slip, and the other changes a text may mean (on the month, on the year) are
#: matched before a change is held to be wrong, so a factor of two is kept.
NEAR_CHANGE = 0.5
#: How many units of the last printed digit a figure may be out by, whatever its size
#: ("7" for "4" offences; "2.4%" for "2.0%").
_NEAR_UNITS = 5


def is_slip(
    said: float,
    right: float,
    decimals: int | None = None,
    typed: bool = True,
    near: float = NEAR_LEVEL,
) -> bool:
    """Whether ``said`` (printed to ``decimals`` places) can be a slip for ``right``: near
    it (within the share ``near`` of the larger, :data:`NEAR_LEVEL` or :data:`NEAR_CHANGE`,
    or a few units of its last digit) or, when it was ``typed`` in digits (not written as a
    word: "four in ten"), one keystroke from it. Signs are not
    compared: a figure said to go the wrong way is judged by its direction."""
    said, right = abs(said), abs(right)
    places = max(decimals or 0, 0)
    gap = abs(said - right)
    if gap <= _NEAR_UNITS * 10.0**-places + 1e-9 or gap <= near * max(said, right):
        return True
    return typed and one_keystroke(_digits(said, places), _digits(right, places))


def typed(text: str) -> bool:
    """Whether a figure is written in digits, not as a word ("four in ten")."""
    return any(c.isdigit() for c in text)


def _digits(value: float, places: int) -> str:
    """A figure's digits as printed to ``places`` decimals, without the point."""
    return f"{value:.{places}f}".replace(".", "").lstrip("0") or "0"


def one_keystroke(a: str, b: str) -> bool:
    """Whether two strings of digits differ by one keystroke: one digit changed, dropped or
    added, or two neighbours swapped. Single digits are never one keystroke apart: any digit
    is one keystroke from any other, so that would explain every figure."""
    if a == b:
        return True
    if min(len(a), len(b)) < 2:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
