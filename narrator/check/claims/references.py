"""References and dates: "see 4.2.1" as a claim about the paper's sections, and a date as a
claim about when something happened or will, in the tense of its clause."""

from __future__ import annotations

import re

from narrator.check.claims.grammar import CLAUSE_BREAK, FUTURE, PAST
from narrator.check.claims.model import Claim, new_claim
from narrator.check.claims.periods import resolve
from narrator.check.claims.pieces import Item, Sentence
from narrator.check.claims.reading import Reading
from narrator.check.text.dates import When

#: After a section number, words that put the section in another document.
_ELSEWHERE = re.compile(
    r"\s+(?:of|in)\s+(?:the\s+|our\s+|last\s+year['’]s\s+)?(?:previous|last|earlier|prior|"
    r"original|attached|accompanying|national|[12]\d{3}\b|[A-Z]"
    # "paragraph 4.3 of the report": minutes pointing into the paper they discuss
    r"|(?:report|paper|plan|strategy|agenda|document|appendix|annex)\b)"
)


#: A part's own title line: "Section 3: Crime in the Square Mile".
_OWN_TITLE = re.compile(r"\s*[:–-]\s")
#: Words that point to a part named after them ("see Section 3: ..."), not a title.
_POINTER = re.compile(r"\b(?:see|in|under|at|to|of|from)\s+(?:(?:section|part|chapter)\s+)?$", re.I)


def reference_claims(reading: Reading, sentence: Sentence) -> list[Claim]:
    """The cross-references and dates of a sentence, in order."""
    found: list[Claim] = []
    base = sentence.base()
    for item in sentence.items:
        if item.label == "XREF" and item.mark is not None:
            if _ELSEWHERE.match(sentence.text, item.end):
                continue  # "section 4.3 of the previous profile": not this paper's section
            if item.mark.data["target"].startswith("0."):
                continue  # "p < 0.05.1": a decimal and a footnote's marker, no section
            if _OWN_TITLE.match(sentence.text, item.end) and not _POINTER.search(
                sentence.text, max(0, item.start - 25), item.start
            ):
                continue  # "Section 3: Crime in the Square Mile": the part's own title
            found.append(
                new_claim(
                    kind="xref",
                    text=item.text,
                    span=(item.start, item.end),
                    target=item.mark.data["target"],
                    target_where=item.mark.data.get("where"),
                    **base,
                )
            )
        elif item.label == "DATE" and item.mark is not None:
            found.append(_date_claim(reading, sentence, item))
    return found


def _date_claim(reading: Reading, sentence: Sentence, item: Item) -> Claim:
    assert item.mark is not None
    text, s0, s1 = sentence.text, sentence.start, sentence.end
    start: When = item.mark.data["start"]
    end: When = item.mark.data["end"]
    clause_start = max([s0] + [s0 + m.end() for m in CLAUSE_BREAK.finditer(text[s0 : item.start])])
    following = [s0 + m.start() for m in CLAUSE_BREAK.finditer(text[item.end : s1])]
    clause_end = item.end + (following[0] - s0) if following else s1
    clause = text[clause_start:clause_end]
    tense = "future" if FUTURE.search(clause) else "past" if PAST.search(clause) else None
    explicit = start.year is not None
    first = resolve(reading, start, text, item)
    last = end
    if end.year is None and first.year is not None:
        # "the 2-6th of December": the end takes the start's year (or the next one).
        last = end.with_year(
            first.year if (end.month or 0) >= (first.month or 0) else first.year + 1
        )
    try:
        first_day, last_day = first.first_day(), last.last_day()
    except ValueError:
        first_day = last_day = None
    return new_claim(
        kind="date",
        text=item.text,
        span=(item.start, item.end),
        tense=tense,
        date_first=first_day,
        date_last=last_day,
        date_explicit_year=explicit,
        **sentence.base(),
    )
