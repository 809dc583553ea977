"""The scanner: section numbers, references, dates and periods first, quantities last.

One pass of one regular expression over a text. Its alternatives are tried in priority order
at every position, so "4.2.1", "2018/19", "27th November" or "12 months to October 2019" are
claimed by their own patterns before the quantity patterns can see a number in them. The
scanner is pure (no spaCy): the pipeline turns its marks into entities, and the property
tests call it directly.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from narrator.check.dates import (
    MONTH_RE,
    NUMBER_WORD_RE,
    NUMBER_WORDS,
    When,
    full_year,
    month_number,
    number_word,
    word_list,
)

#: Labels of marks that are never values; everything else is a quantity.
STRUCTURE = frozenset(
    {
        "XREF",
        "DATE",
        "PERIOD",
        "FY",
        "YEARS",
        "YEAR",
        "STREAK",
        "MONTHCOUNT",
        "AGE",
        "DURATION",
        "TIME",
        "ORDINAL",
        "RANGE",
        "IDENT",
    }
)
QUANTITIES = frozenset({"PERCENT", "POINTS", "MONEY", "COUNT"})


@dataclass(frozen=True)
class Mark:
    """A labelled stretch of text with what was read from it."""

    start: int
    end: int
    label: str
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


# Numbers as written: 7,000,000 or 9.7 or 858.
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
WORDNUM = rf"(?i:{NUMBER_WORD_RE})"
SIGN = r"[+\-−–]"
YEAR4 = r"(?:19[5-9]\d|20[0-9]\d)"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_REF_WORDS = (
    r"\b(?i:see(?:\s+also)?|sections?|paragraphs?|paras?\.?"
    r"|(?:detailed|outlined|described|covered|set\s+out|mentioned|referred\s+to|shown|reported|"
    r"discussed|explained|noted)\s+(?:in|at|under)(?:\s+(?:section|paragraph))?)\s+"
)


@dataclass(frozen=True)
class _Spec:
    """One pattern: ``need`` must precede it (and joins the span); ``lead`` may."""

    label: str
    pattern: str
    need: str | None = None
    lead: str | None = None
    span_need: bool = True


def _both(label: str, template: str, **kw: Any) -> list[tuple[str, _Spec]]:
    """A pattern whose number may be written in digits or in words ({N})."""
    return [
        ("digit", _Spec(label, template.replace("{N}", NUM), **kw)),
        ("word", _Spec(label, template.replace("{N}", WORDNUM), **kw)),
    ]


# Priority order: the first pattern that matches at a position wins, and across the two
# families (numbers that start with a digit, words that start with a letter) the earlier
# pattern wins an overlap.
_SPECS: list[tuple[str, _Spec]] = [
    ("digit", _Spec("XREF", r"(\d+\.\d+(?:\.\d+)+)(?![\d%])(?:\s+(above|below)\b)?")),
    (
        "digit",
        _Spec(
            "XREF",
            r"(\d+(?:\.\d+)?)(?:\s+(above|below)\b)?(?![\d%]|[.,]\d)",
            need=_REF_WORDS,
            span_need=False,
        ),
    ),
    ("digit", _Spec("XREF", r"(\d+\.\d+)\s+(above|below)\b")),
    *_both("AGE", r"{N}[\s-]years?[\s-]olds?\b"),
    ("digit", _Spec("AGE", rf"{NUM}(?:\s*(?:and|to|-|–)\s*{NUM})*", need=r"\baged\s+")),
    (
        "digit",
        _Spec(
            "AGE",
            r"[1-9]0'?s\b",
            lead=r"\b(?:in\s+(?:his|her|their)\s+)?(?:early\s+|mid\s+|late\s+)?",
        ),
    ),
    *_both(
        "PERIOD",
        rf"({{N}})[\s-]months?\s+(?:to|ending|ended|up\s+to)\s+"
        rf"(?:the\s+end\s+of\s+)?({MONTH_RE})(?:\s+({YEAR4}))?",
        lead=r"(?i:\bthe\s+)?(?i:rolling\s+)?",
    ),
    *_both(
        "MONTHCOUNT", r"({N})\s+(?:out\s+)?of\s+the\s+(?:last|past|previous)\s+({N})\s+months?\b"
    ),
    *_both(
        "STREAK",
        r"({N})\s+(?:consecutive|successive|straight)\s+"
        r"(months?|years?|quarters?|weeks?)\b",
    ),
    *_both(
        "PERIOD",
        r"({N})\s+(months?|years?|quarters?|weeks?|days?)\b",
        need=r"(?i:\b(?:each\s+of\s+)?the\s+(?:last|past|previous)\s+)",
    ),
    *_both("PERIOD", r"({N})(?:\s+and\s+({N}))?[\s-]years?\s+averages?\b"),
    *_both("PERIOD", r"(12|twelve)[\s-]months?\b", lead=r"(?i:\brolling\s+)"),
    (
        "digit",
        _Spec(
            "DATE",
            rf"({DAY})\s*(?:-|–|to|and)\s*({DAY})\s+(?:of\s+)?({MONTH_RE})"
            rf"(?:,?\s+({YEAR4}))?",
            lead=r"\bthe\s+",
        ),
    ),
    (
        "digit",
        _Spec("DATE", rf"({DAY})\s+(?:of\s+)?({MONTH_RE})(?:,?\s+({YEAR4}))?", lead=r"\bthe\s+"),
    ),
    ("word", _Spec("DATE", rf"({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+({YEAR4})")),
    (
        "word",
        _Spec(
            "DATE",
            rf"({MONTH_RE}(?:\s*(?:/|-|–|to|and)\s*{MONTH_RE})*)\s+(?:of\s+)?"
            rf"({YEAR4})\b",
        ),
    ),
    (
        "word",
        _Spec(
            "DATE",
            rf"({MONTH_RE})[\s-](\d{{2}})(?![\d,%]|\.\d)"
            r"(?!\s*(?:st|nd|rd|th)\b)",
        ),
    ),
    ("word", _Spec("DATE", rf"({MONTH_RE}(?:\s*(?:/|-|–)\s*{MONTH_RE})*)")),
    ("digit", _Spec("DATE", r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")),
    ("digit", _Spec("DATE", r"(\d{4})-(\d{2})-(\d{2})(?![\d-])")),
    ("digit", _Spec("FY", rf"({YEAR4})\s?[/-]\s?(\d{{2}})(?![\d/%])", lead=r"(?i:\bFY\s?)")),
    ("digit", _Spec("FY", r"(\d{2})/(\d{2})(?![\d/%])")),
    ("digit", _Spec("YEARS", rf"({YEAR4})\s*(?:-|–|to)\s*({YEAR4})(?![\d%])")),
    ("digit", _Spec("YEAR", rf"{YEAR4}(?![\d%]|[,.]\d)")),
    ("digit", _Spec("TIME", r"\d{1,2}[:.]\d{2}\s*(?:am|pm)\b|\d{1,2}\s*(?:am|pm)\b")),
    *_both("DURATION", r"{N}\s+(?:hours?|minutes?|days?|weeks?|seconds?|hrs?|mins?)\b"),
    ("digit", _Spec("ORDINAL", r"\d+(?:st|nd|rd|th)\b")),
    ("digit", _Spec("RANGE", rf"{NUM}\s*(?:-|–)\s*{NUM}(?![\w%])")),
    ("digit", _Spec("IDENT", r"\d+[A-Za-z][\w-]*")),
    (
        "digit",
        _Spec(
            "POINTS",
            rf"({SIGN})?({NUM})\s?(?:percentage[\s-]points?|%\s?points?|pp\b"
            r"|ppts?\b|points?\b)",
        ),
    ),
    ("digit", _Spec("PERCENT", rf"({SIGN})?({NUM})\s?(?:%|per\s?cent\b|percent\b)")),
    (
        "digit",
        _Spec("MONEY", rf"({SIGN})?([£$€])\s?({NUM})(?:\s?(m|bn|k|million|billion|thousand)\b)?"),
    ),
    (
        "digit",
        _Spec(
            "COUNT",
            rf"({SIGN})?({NUM})(?:\s(million|thousand|billion)\b)?"
            r"(?![\w/]|[.,]\d)",
        ),
    ),
    ("word", _Spec("COUNT", rf"(?<![\w-])({WORDNUM})(?![\w-])")),
]

# A digit-family match starts at a digit, a sign or a currency symbol that is not inside a
# word or a longer number; a word-family match starts a word. The character before the
# match is consumed rather than looked behind at, so that each master pattern starts with a
# character class: the regular expression engine then skips the text between candidates in
# C instead of trying the whole pattern at every position. A match at the very start of a
# text, where there is no character before, is tried with the same pattern anchored there.
_FAMILY_BEFORE = {"digit": r"[^\w.,/]", "word": r"\W"}
_FAMILY_HEAD = {
    "digit": r"(?=\d|[+\-−–£$€]\s?\d)",
    "word": r"(?=[A-Zotfsenhdz])",
}


_Compiled = tuple[int, _Spec, re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]


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
_MONTH_WORDS = [calendar.month_name[m] for m in range(1, 13)] + [
    *(calendar.month_abbr[m] for m in range(1, 13) if m != 5),
    "Sept",
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


def _family(name: str) -> _Family:
    chosen = [spec for fam, spec in _SPECS if fam == name]
    priorities = [i for i, (fam, _) in enumerate(_SPECS) if fam == name]
    if name == "word":
        # Few words start a mark: find month names and number words, then try each pattern.
        # Only where one starts matters (every pattern is tried there), so the master is
        # the words as tries: where {MONTH_RE} or {WORDNUM} matches, one of them ends at a
        # word boundary ("twenty-one" starts with "twenty").
        body = f"(?:(?P<month>{_trie(_MONTH_WORDS)})|(?P<number>(?i:{_trie(NUMBER_WORDS)})))\\b"
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
#: The last word of every required lead-in (see ``need`` in :data:`_SPECS`).
_NEED_WORDS = frozenset(
    word_list(
        "see also section sections paragraph paragraphs para paras para. paras. in at "
        "under aged last past previous"
    )
)
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
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
    need_word: bool | None = None  # whether the word before may end a required lead-in
    for index, (priority, spec, pattern, need, lead) in enumerate(specs):
        if skip is not None and starts[index] == skip:
            continue
        if need is None:
            if index < first:
                continue
        else:
            # Most candidates fail here: test the word before once, cheaply, before the
            # pattern after and the lead-in's own pattern.
            if need_word is None:
                words = before[-30:].split()
                need_word = (
                    before[-1:].isspace() and bool(words) and words[-1].lower() in _NEED_WORDS
                )
            if not need_word:
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
        reader = _READERS.get(spec.label)
        mark = reader(sub) if reader else Mark(sub.start(), sub.end(), spec.label)
        if mark is None:
            continue
        if start != mark.start and mark.start == at:
            mark = Mark(start, mark.end, mark.label, mark.data)
        return priority, mark, sub.end()
    return None


def number_value(text: str) -> tuple[float, int]:
    """The value of a written number and its printed decimals ("7,000,000" -> 7e6, 0)."""
    text = text.replace(",", "")
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    return float(text), decimals


def _signed(sign: str | None) -> int:
    return -1 if sign and sign != "+" else 1


def _read_xref(m: re.Match[str]) -> Mark:
    start, end = m.span(1)
    where = m.group(2)
    return Mark(start, end, "XREF", {"target": m.group(1), "where": where})


def _read_quantity(m: re.Match[str], label: str) -> Mark:
    sign = m.group(1)
    value, decimals = number_value(m.group(2))
    return Mark(
        m.start(),
        m.end(),
        label,
        {
            "value": _signed(sign) * value,
            "decimals": decimals,
            "signed": bool(sign),
            "number": m.group(2),
        },
    )


def _read_money(m: re.Match[str]) -> Mark:
    value, decimals = number_value(m.group(3))
    scale = _SCALE.get((m.group(4) or "").lower(), 1.0)
    return Mark(
        m.start(),
        m.end(),
        "MONEY",
        {
            "value": _signed(m.group(1)) * value * scale,
            "decimals": decimals,
            "signed": bool(m.group(1)),
            "number": m.group(3),
        },
    )


def _read_count(m: re.Match[str]) -> Mark:
    if m.lastindex and m.lastindex >= 2 and m.group(2):
        value, decimals = number_value(m.group(2))
        scale = _SCALE.get((m.group(3) or "").lower(), 1.0)
        sign = m.group(1)
        return Mark(
            m.start(),
            m.end(),
            "COUNT",
            {
                "value": _signed(sign) * value * scale,
                "decimals": decimals,
                "signed": bool(sign),
                "number": m.group(2),
                "word": False,
            },
        )
    word = m.group(m.lastindex or 0)
    found = number_word(word)
    return Mark(
        m.start(),
        m.end(),
        "COUNT",
        {"value": float(found or 0), "decimals": 0, "signed": False, "number": word, "word": True},
    )


def _read_period(m: re.Match[str]) -> Mark:
    text = m.group(0).lower()
    data: dict[str, Any] = {}
    first = number_word(m.group(1)) if m.group(1) else None
    if "average" in text:
        data = {"kind": "average", "years": [number_word(g) for g in m.groups() if g]}
    elif m.lastindex and m.lastindex >= 2 and m.group(2) and month_number(m.group(2)):
        year = m.group(3)
        data = {
            "kind": "rolling",
            "months": first,
            "end": When(int(year) if year else None, month_number(m.group(2))),
        }
    elif m.lastindex and m.lastindex >= 2 and m.group(2):
        data = {"kind": "last", "count": first, "unit": m.group(2).lower().rstrip("s")}
    else:
        data = {"kind": "rolling", "months": first, "end": None}
    return Mark(m.start(), m.end(), "PERIOD", data)


def _read_date(m: re.Match[str]) -> Mark | None:
    groups = [g for g in m.groups()]
    text = m.group(0)
    if _ISO_DATE.fullmatch(text):
        y, mo, d = (int(g) for g in groups[:3])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return Mark(m.start(), m.end(), "IDENT")
        return Mark(m.start(), m.end(), "DATE", {"start": When(y, mo, d), "end": When(y, mo, d)})
    if _NUMERIC_DATE.fullmatch(text):
        d, mo = int(groups[0]), int(groups[1])
        y = full_year(groups[2])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return Mark(m.start(), m.end(), "IDENT")
        return Mark(m.start(), m.end(), "DATE", {"start": When(y, mo, d), "end": When(y, mo, d)})
    months = [month_number(x) for x in re.findall(MONTH_RE, text)]
    year: int | None = None
    # "Jan 20": a month and two digits without an ordinal suffix is a two-digit year.
    short = re.fullmatch(rf"({MONTH_RE})[\s-](\d{{2}})", text)
    if short:
        year, rest = full_year(short.group(2)), ""
    else:
        found = re.search(r"(?<!\d)\d{4}(?!\d)", text)
        year = int(found.group(0)) if found else None
        rest = text[: found.start()] if found else text
    days = [int(x) for x in re.findall(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", rest)]
    first_month, last_month = months[0], months[-1]
    if days:
        start = When(year, first_month, days[0])
        end = When(year, last_month, days[-1])
    else:
        start, end = When(year, first_month), When(year, last_month)
    return Mark(m.start(), m.end(), "DATE", {"start": start, "end": end})


def _read_fy(m: re.Match[str]) -> Mark:
    first, second = m.group(1), m.group(2)
    start = full_year(first)
    if (start + 1) % 100 != int(second):
        # "11/16" or "2014/17" is not a financial year; it is never a value either.
        return Mark(m.start(), m.end(), "RANGE")
    return Mark(m.start(), m.end(), "FY", {"start_year": start})


def _read_years(m: re.Match[str]) -> Mark:
    return Mark(m.start(), m.end(), "YEARS", {"first": int(m.group(1)), "last": int(m.group(2))})


def _read_year(m: re.Match[str]) -> Mark:
    return Mark(m.start(), m.end(), "YEAR", {"year": int(m.group(0))})


def _read_streak(m: re.Match[str]) -> Mark:
    return Mark(
        m.start(),
        m.end(),
        "STREAK",
        {"count": number_word(m.group(1)), "unit": m.group(2).lower().rstrip("s")},
    )


def _read_monthcount(m: re.Match[str]) -> Mark:
    return Mark(
        m.start(),
        m.end(),
        "MONTHCOUNT",
        {"count": number_word(m.group(1)), "of": number_word(m.group(2))},
    )


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMERIC_DATE = re.compile(r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})")

_READERS: dict[str, Callable[[re.Match[str]], Mark | None]] = {
    "XREF": _read_xref,
    "PERCENT": lambda m: _read_quantity(m, "PERCENT"),
    "POINTS": lambda m: _read_quantity(m, "POINTS"),
    "MONEY": _read_money,
    "COUNT": _read_count,
    "PERIOD": _read_period,
    "DATE": _read_date,
    "FY": _read_fy,
    "YEARS": _read_years,
    "YEAR": _read_year,
    "STREAK": _read_streak,
    "MONTHCOUNT": _read_monthcount,
}
