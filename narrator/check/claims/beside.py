"""What a figure is said with: the measure named nearest it in its clause, the measure
named right after it, and the direction word that states its change."""

from __future__ import annotations

import re

from narrator.check.claims.grammar import TO_AT
from narrator.check.claims.pairing import ClauseOf, nearest
from narrator.check.claims.pieces import DirectionWord, Item, Mention


def nearest_mention(
    mentions: list[Mention], pos: int, clause_of: ClauseOf, text: str = ""
) -> Mention | None:
    """The mention before ``pos`` in its clause, else the nearest one in the clause that is
    not the whole of another figure's share ("646 against 626, and now 10.9% of all
    crime": all crime is the 10.9%'s whole, not what 646 counts)."""
    clause = clause_of(pos)
    before = [m for m in mentions if m.end <= pos and clause_of(m.start) == clause]
    if before:
        return before[-1]
    after = [
        m
        for m in mentions
        if m.start < pos or not _SHARE_OF.search(text, max(0, m.start - 30), m.start)
    ]
    found: Mention | None = nearest(after, pos, clause_of)
    return found


#: Right before a name: it is the whole a share after a figure is of ("10.9% of all").
_SHARE_OF = re.compile(r"\d%\s+of\s+(?:all\s+)?(?:the\s+)?$", re.IGNORECASE)


def mention_after(mentions: list[Mention], q: Item, text: str) -> Mention | None:
    """A measure named right after a figure: "154 dwelling burglary incidents", "61% of
    victims of violent crime"."""
    for mention in mentions:
        if mention.start >= q.end:
            gap = text[q.end : mention.start]
            if len(gap) <= 12 and re.fullmatch(
                r"\s*(?:(?:of|for|in)\s+)?(?:all\s+)?(?:the\s+)?", gap
            ):
                return mention
            return None
    return None


#: Right before a direction word: it is denied.
_NEGATED = re.compile(r"(?:\b(?:not|never|no\s+longer)|n[’']t)\s+$", re.IGNORECASE)


def direction_of_figure(
    text: str, q: Item, directions: list[DirectionWord], clause_of: ClauseOf
) -> DirectionWord | None:
    """The direction a figure states: "down 2.0%", "a 1.6% increase", "increased to 6.2%"."""
    for d in directions:
        if clause_of(d.start) != clause_of(q.start):
            continue
        if _NEGATED.search(text, max(0, d.start - 20), d.start):
            continue  # "is not rising: 38 offences": no change the figure states
        if d.end <= q.start:
            gap = text[d.end : q.start]
            if "(" in gap:
                continue  # "drove the increase (544 in May...)": an aside, not the change
            if len(gap) <= 3 or TO_AT.match(gap) or re.fullmatch(r"\s*by\s*", gap):
                return d
        elif d.start >= q.end and re.fullmatch(r"\s*", text[q.end : d.start]):
            return d
    # "an increase in the number of people arrested, to 858": a level after "to" takes the
    # clause's direction when no other figure stands between them.
    before = text[max(0, q.start - 6) : q.start]
    if re.search(r"\b(?:to|at)\s+$", before):
        earlier = [
            d for d in directions if d.end <= q.start and clause_of(d.start) == clause_of(q.start)
        ]
        if earlier:
            return earlier[-1]
    return None
