"""The scanner: section numbers, references, dates and periods first, quantities last.

One pass of one regular expression over a text. Its alternatives are tried in priority order
at every position, so "4.2.1", "2018/19", "27th November" or "12 months to October 2019" are
claimed by their own patterns before the quantity patterns can see a number in them. The
scanner is pure (no spaCy): the pipeline turns its marks into entities, and the property
tests call it directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from narrator.check.text.dates import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTH_RE, NUMBER_WORDS
from narrator.check.tokens.marks import READERS, Mark
from narrator.check.tokens.patterns import SPECS
from narrator.check.tokens.spec import WORDNUM, Spec

# A digit-family match starts at a digit, a sign or a currency symbol that is not inside a
# word or a longer number; a word-family match starts a word. The character before the
# match is consumed rather than looked behind at, so that each master pattern starts with a
# character class: the regular expression engine then skips the text between candidates in
# C instead of trying the whole pattern at every position. A match at the very start of a
# text, where there is no character before, is tried with the same pattern anchored there.
# A digit starts a candidate after anything but a word, a point, a comma or a slash, or
# after the "x" of a telephone extension ("Perf team x4417"); not right after a closing
# bracket, where a digit is a footnote's marker ("(excluding fraud)1, ...").
#: ("FY18/19": a financial year's short years follow its letters.)
#: (",2019-11-02T01:40:00", "logs/2018-07-19T09:40:00": a field's or a path's timestamp;
#: "s.294", "p.5": a section of an Act or a page, glued to its letter.)
_FAMILY_BEFORE = {
    "digit": r"(?:[^\w.,/)]|(?<!\w)x|(?<=\b[Ff])[Yy]|[,/](?=(?:19|20)\d\d-[01]\d-[0-3]\dT\d)"
    r"|(?<=\b[sp])\.|(?<=\b(?:ss|pp))\.)",
    "word": r"\W",
}
_FAMILY_HEAD = {
    "digit": r"(?=\d|[+\-−–£$€]\s?\d)",
    "word": r"(?=[A-Zotfsenhdza])",
}


_Compiled = tuple[
    int, Spec, re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None, frozenset[str]
]


@dataclass(frozen=True)
class _Family:
    #: The patterns after a character that may precede a match; and at the start of a text.
    master: re.Pattern[str]
    first: re.Pattern[str]
    # (priority, spec, pattern, need, lead) in priority order
    specs: tuple[_Compiled, ...]
    trigger_only: bool
    #: What each pattern must start with ("month", "number") if it must (word family):
    #: at a month name, a pattern that starts with a number word cannot match, and the
    #: other way round, so neither is tried.
    starts: tuple[str | None, ...]


#: Month names as :data:`MONTH_RE` writes them (capitalised, so "may" is not one).
_MONTH_WORDS = [
    *MONTH_NAMES,
    *MONTH_ABBREVIATIONS,
    *(word.upper() for word in MONTH_NAMES + MONTH_ABBREVIATIONS),
]


def _trie(words: Iterable[str]) -> str:
    """A pattern matching exactly ``words``, their common beginnings factored out.

    The regular expression engine tries the alternatives of a group one by one; as a trie,
    a word that starts no alternative fails at its first letter or two.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alternatives = [re.escape(char) + emit(node[char]) for char in sorted(node) if char]
        if not alternatives:
            return ""
        ends = "" in node
        if len(alternatives) == 1 and not ends:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")" + ("?" if ends else "")

    return emit(tree)


#: The words a number in words starts with: "a" only before its scale ("a hundred and six").
_NUMBER_STARTS = [*NUMBER_WORDS, "a hundred", "a thousand"]


def _family(name: str) -> _Family:
    chosen = [spec for fam, spec in SPECS if fam == name]
    priorities = [i for i, (fam, _) in enumerate(SPECS) if fam == name]
    if name == "word":
        # Few words start a mark: find month names and number words, then try each pattern.
        # Only where one starts matters (every pattern is tried there), so the master is
        # the words as tries: where {MONTH_RE} or {WORDNUM} matches, one of them ends at a
        # word boundary ("twenty-one" starts with "twenty").
        body = f"(?:(?P<month>{_trie(_MONTH_WORDS)})|(?P<number>(?i:{_trie(_NUMBER_STARTS)})))\\b"
    else:
        # Patterns with a required lead-in are left out of the master: they would match
        # every number and hide the pattern that applies. They are tried in Python first.
        alternatives = "|".join(
            f"(?P<p{k}>{s.pattern})" for k, s in enumerate(chosen) if s.need is None
        )
        body = "(?:" + alternatives + ")"
    compiled = tuple(
        (
            priority,
            spec,
            re.compile(spec.pattern),
            re.compile(f"(?:{spec.need})\\Z") if spec.need else None,
            re.compile(f"(?:{spec.lead})\\Z") if spec.lead else None,
            frozenset(spec.words.split()),
        )
        for priority, spec in zip(priorities, chosen, strict=True)
    )
    return _Family(
        re.compile(_FAMILY_BEFORE[name] + _FAMILY_HEAD[name] + body),
        re.compile(_FAMILY_HEAD[name] + body),
        compiled,
        name == "word",
        tuple(_starts_with(spec.pattern) for spec in chosen),
    )


def _starts_with(pattern: str) -> str | None:
    """ "month" or "number" if ``pattern`` can only match at a month name or at a number
    word (it starts with one), else None."""
    pattern = pattern.removeprefix("(?<![\\w-])")
    for start in (pattern, pattern.removeprefix("(")):  # the number or month may be a group
        if start.startswith(MONTH_RE):
            return "month"
        if start.startswith(WORDNUM):
            return "number"
    return None


_FAMILIES = (_family("digit"), _family("word"))
#: The last word of every required lead-in (see ``need`` and ``words`` in :data:`SPECS`).
_NEED_WORDS = frozenset(word for _, spec in SPECS for word in spec.words.split())
#: How far back a required or optional lead-in is looked for.
_LOOKBACK = 60


def scan(text: str) -> list[Mark]:
    """Every mark in ``text``, left to right, never overlapping."""
    found: list[tuple[int, Mark]] = []
    for family in _FAMILIES:
        found.extend(_scan_family(text, family))
    # The families never overlap themselves; where they overlap each other the pattern
    # of higher priority wins. One sweep in order of start.
    found.sort(key=lambda item: item[1].start)
    kept: list[tuple[int, Mark]] = []
    for item in found:
        if kept and kept[-1][1].end > item[1].start:
            if item[0] < kept[-1][0]:
                kept[-1] = item
            continue
        kept.append(item)
    return [m for _, m in kept]


def iter_marks(text: str) -> Iterator[Mark]:
    """Yield the marks of ``text`` left to right (see :func:`scan`)."""
    return iter(scan(text))


def _scan_family(text: str, family: _Family) -> Iterator[tuple[int, Mark]]:
    pos = 0
    specs = family.specs
    search = family.master.search
    while True:
        if pos == 0 and (match := family.first.match(text)) is not None:
            at = 0
        else:
            # From the character before ``pos``: the one a match there would follow.
            match = search(text, max(0, pos - 1))
            if match is None:
                return
            at = match.start() + 1
        if family.trigger_only:
            first = 0
            skip = "number" if match.lastgroup == "month" else "month"
        else:
            first = int(match.lastgroup[1:]) if match.lastgroup else 0
            skip = None
        result = _try_at(text, at, specs, first, family.starts, skip)
        if result is None:
            pos = at + 1
            continue
        priority, mark, end = result
        yield priority, mark
        pos = max(end, at + 1)


def _word_before(before: str) -> str | None:
    """The word just before a candidate, if a required lead-in may end with it."""
    if not before[-1:].isspace():
        # "FY18/19": the financial year's letters run into its years.
        return "fy" if before[-3:].lower() in (" fy", "(fy") or before.lower() == "fy" else None
    words = before[-30:].split()
    if not words:
        return None
    if len(words) > 1 and len(words[-1]) > 1 and not words[-1].strip(".…"):
        words.pop()  # "Target ........ 18.5%": the word before a dot leader leads the number
    word = words[-1].lower().strip("([:")  # "(see", "[Chart"
    if word not in _NEED_WORDS and word.endswith(("'s", "’s")):
        word = "'s"  # "London's 32 boroughs": any possessive, as one lead-in word
    return word if word in _NEED_WORDS else None


def _try_at(
    text: str,
    at: int,
    specs: tuple[_Compiled, ...],
    first: int,
    starts: tuple[str | None, ...] = (),
    skip: str | None = None,
) -> tuple[int, Mark, int] | None:
    """The first pattern that matches at ``at`` and whose lead-in holds.

    ``first`` is the master's pick among patterns without a required lead-in; those with
    one that come before it are tried first. Patterns that start with ``skip`` (see
    ``_Family.starts``) are not tried.
    """
    before = text[max(0, at - _LOOKBACK) : at]
    word = _word_before(before)
    # Most candidates follow no word that ends a required lead-in: then the patterns before
    # the master's pick are all skipped, and the loop starts there.
    for index in range(0 if word is not None else first, len(specs)):
        priority, spec, pattern, need, lead, words = specs[index]
        if skip is not None and starts[index] == skip:
            continue
        if need is None:
            if index < first:
                continue
        elif word not in words:
            continue
        sub = pattern.match(text, at)
        if sub is None:
            continue
        start = at
        if need is not None:
            found = need.search(before)
            if found is None:
                continue
            if spec.span_need:
                start = at - (len(before) - found.start())
        elif lead is not None:
            found = lead.search(before)
            if found is not None and found.end() > found.start():
                start = at - (len(before) - found.start())
        reader = READERS.get(spec.label)
        mark = reader(sub) if reader else Mark(sub.start(), sub.end(), spec.label)
        if mark is None:
            continue
        if start != mark.start and mark.start == at:
            mark = Mark(start, mark.end, mark.label, mark.data)
        return priority, mark, sub.end()
    return None
