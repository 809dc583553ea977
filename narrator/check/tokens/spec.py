"""What a scanner pattern is, and the numbers its patterns are written with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from narrator.check.text.dates import NUMBER_WORD_RE

# Numbers as written: 7,000,000 or 9.7 or 858.
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
WORDNUM = rf"(?i:{NUMBER_WORD_RE})"
SIGN = r"[+\-−–]"
YEAR4 = r"(?:19[5-9]\d|20[0-9]\d)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"


@dataclass(frozen=True)
class Spec:
    """One pattern: ``need`` must precede it (and joins the span); ``lead`` may. ``words``
    are the words ``need`` may end with (lower case): the scanner tries the pattern only
    after one of them."""

    label: str
    pattern: str
    need: str | None = None
    lead: str | None = None
    span_need: bool = True
    words: str = ""


def both(label: str, template: str, **kw: Any) -> list[tuple[str, Spec]]:
    """A pattern whose number may be written in digits or in words ({N})."""
    return [
        ("digit", Spec(label, template.replace("{N}", NUM), **kw)),
        ("word", Spec(label, template.replace("{N}", WORDNUM), **kw)),
    ]
