"""Calendar words the checker reads: month names, ordinals, number words, whole dates.

Pure functions and tables, no spaCy: the document reader, the scanner and the internal
checks share them, and a paper's front matter date is parsed with the same rules as a date
in a sentence.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date


def word_list(text: str) -> list[str]:
    """The words of ``text``: long word lists read better as one string."""
    return text.split()


#: Month words as written in papers; "May" and "March" are capitalised in the patterns so the
#: verbs "may" and "march" are never read as months.
MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9

#: Month names capitalised or in capitals ("OCTOBER 2019" in a heading of a PDF dump).
MONTH_NAMES = [calendar.month_name[m] for m in range(1, 13)]
MONTH_ABBREVIATIONS = [*(calendar.month_abbr[m] for m in range(1, 13) if m != 5), "Sept"]
MONTH_RE = (
    "(?:(?:"
    + "|".join(MONTH_NAMES + [name.upper() for name in MONTH_NAMES])
    + ")\\b|(?:"
    + "|".join(MONTH_ABBREVIATIONS + [name.upper() for name in MONTH_ABBREVIATIONS])
    + ")\\b(?:\\.(?!\\s+[A-Z]|$))?)"
)

NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        word_list(
            "zero one two three four five six seven eight nine ten eleven twelve "
            "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
}
NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
    }
)
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

ORDINAL_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        word_list(
            "zeroth first second third fourth fifth sixth seventh eighth ninth tenth "
            "eleventh twelfth"
        )
    )
}

_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
#: A number below a hundred in words: "nine", "seventeen", "twenty-one".
_BELOW_HUNDRED = (
    r"(?:(?:" + "|".join(TENS) + r")[\s-]" + _UNITS + r"\b"
    r"|(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b)"
)
#: "two hundred", "three hundred and forty-one", "a hundred and six".
_HUNDREDS = rf"(?:(?:a|{_UNITS})\s+hundred(?:\s+and\s+{_BELOW_HUNDRED})?\b)"
#: A number in words, the longest reading first: "three thousand", "two hundred and
#: ninety-five", "twenty-one", "nine". Larger numbers are written in figures.
NUMBER_WORD_RE = (
    rf"(?:(?:a|{_BELOW_HUNDRED})\s+thousand\b(?!\s+and)"
    rf"|{_HUNDREDS}|{_BELOW_HUNDRED})"
)


def number_word(text: str) -> int | None:
    """The value of a number word ("nine", "twenty-one", "12"), or None."""
    key = text.strip().lower()
    if key.isdigit():
        return int(key)
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    parts = re.split(r"[\s-]+", key)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    for scale, size in (("thousand", 1000), ("hundred", 100)):
        # "two hundred and ninety-five": the multiple of the scale, and what follows it.
        head, found, rest = key.partition(scale)
        if not found or not head.strip():
            continue
        times = 1 if head.strip() == "a" else number_word(head)
        after = rest.strip().removeprefix("and").strip()
        more = number_word(after) if after else 0
        if times is None or more is None:
            return None
        return times * size + more
    return None


def ordinal_value(text: str) -> int | None:
    """The value of an ordinal ("27th", "second"), or None."""
    key = text.strip().lower()
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", key)
    if match:
        return int(match.group(1))
    return ORDINAL_WORDS.get(key)


def month_number(text: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "October"), else None."""
    return MONTHS.get(text.strip().rstrip(".").lower())


@dataclass(frozen=True)
class When:
    """A day, a month or a year as written; parts a text leaves out are None."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def with_year(self, year: int) -> When:
        """The same day or month in ``year``."""
        return When(year, self.month, self.day)

    def first_day(self) -> date | None:
        """The first day this covers, once the year is known."""
        if self.year is None:
            return None
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date | None:
        """The last day this covers, once the year is known."""
        if self.year is None:
            return None
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def month_index(self) -> int | None:
        """The month as ``year * 12 + month - 1`` (see :mod:`narrator.months`), if known."""
        if self.year is None or self.month is None:
            return None
        return self.year * 12 + self.month - 1


def full_year(text: str) -> int:
    """A year written with two or four digits ("19" is 2019, "95" is 1995)."""
    value = int(text)
    if value >= 100:
        return value
    return value + 2000 if value < 70 else value + 1900


def resolve_year(when: When, anchor: date) -> When:
    """Give a yearless day or month the year that puts it nearest to ``anchor``.

    A paper dated December that says "26th November" or "January" means the nearest one:
    last month or next month, not one eleven months away.
    """
    if when.year is not None or when.month is None:
        return when
    best: When | None = None
    best_gap = 0
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidate = when.with_year(year)
        try:
            first, last = candidate.first_day(), candidate.last_day()
        except ValueError:
            continue  # "29 February" in a year that has none
        assert first is not None and last is not None
        gap = (
            0
            if first <= anchor <= last
            else min(abs((first - anchor).days), abs((last - anchor).days))
        )
        if best is None or gap < best_gap:
            best, best_gap = candidate, gap
    return best if best is not None else when


_DAY_MONTH_YEAR = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + MONTH_RE + r")(?:,?\s+(\d{4}))?"
)
_MONTH_DAY_YEAR = re.compile(r"(" + MONTH_RE + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(text: str) -> date | None:
    """A whole calendar date in the ways a paper's front matter writes it, or None.

    "19th December 2019", "19 December 2019", "December 19, 2019", "19/12/2019" (day first,
    as UK papers write it) and "2019-12-19".
    """
    text = " ".join(text.split())
    found: tuple[int, int, int] | None = None
    if match := _DAY_MONTH_YEAR.search(text):
        if match.group(3):
            month = month_number(match.group(2))
            assert month is not None
            found = (int(match.group(3)), month, int(match.group(1)))
    elif match := _MONTH_DAY_YEAR.search(text):
        month = month_number(match.group(1))
        assert month is not None
        found = (int(match.group(3)), month, int(match.group(2)))
    elif match := _ISO.search(text):
        found = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    elif match := _NUMERIC.search(text):
        found = (full_year(match.group(3)), int(match.group(2)), int(match.group(1)))
    if found is None:
        return None
    try:
        return date(*found)
    except ValueError:
        return None
