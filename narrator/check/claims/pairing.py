"""The rules that pair the pieces of a sentence: a figure with its measure mention and its
direction word, a direction with its modifiers and comparisons, a claim with its period."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from narrator.check.claims.grammar import PERIOD_GAP, TARGET_REACH
from narrator.check.claims.model import Claim, replace
from narrator.check.claims.pieces import DirectionWord, Item, Named, Sentence, Target
from narrator.check.claims.runs import RUN_FROM_MONTH
from narrator.check.text.dates import NUMBER_WORDS

#: The clause of a position in the chunk's text (see ``Sentence.clause_of``).
ClauseOf = Callable[[int], int]


def nearest(things: Sequence[Any], pos: int, clause_of: ClauseOf) -> Any:
    """The thing nearest ``pos`` in the same clause, else None."""
    clause = clause_of(pos)
    best = None
    distance = 10**9
    for thing in things:
        if clause_of(thing.start) != clause:
            continue
        gap = thing.start - pos if thing.start >= pos else pos - thing.end
        if gap < distance:
            best, distance = thing, gap
    return best


#: Between a figure and a period after it, another figure or a comparison: the period is
#: the other figure's ("2,355 stop and searches, against 1,384 in the 12 months to ...").
#: A number written as a word ("seven", "fourteen", "forty"), "one" aside ("one of the").
_WORD_NUMBER = (
    "(?:" + "|".join(w for w, v in NUMBER_WORDS.items() if 2 <= v <= 90 and w != "dozen") + r")\b"
)
_OTHER_FIGURE = re.compile(
    r"\d|\b(?:against|compared|than|versus)\b|\b" + _WORD_NUMBER, re.IGNORECASE
)


def _other_figure(gap: str) -> bool:
    parts = gap.split(None, 1)
    return len(parts) == 2 and _OTHER_FIGURE.search(parts[1]) is not None


#: A figure compared with ("against 15.9%", "compared with 7,053"): a period after it is
#: its own.
_REFERENCE_BETWEEN = re.compile(
    # "56 down on the 840 logged in October": October is the 840's
    # "334 v 384 at the end of September 2015": a table's "v" as "against"
    r"\b(?:compared\s+(?:to|with)|compares?\s+(?:to|with)|against|versus|vs?\.?|from"
    r"|(?:on|above|below)\s+the)\s+"
    # "against a national figure of around 24%": a few words may name what it is
    r"(?:[a-z]+\s+){0,6}?(?:[£+-]?\d|" + _WORD_NUMBER + ")",
    re.IGNORECASE,
)


#: Between a figure and a later period, a figure compared with: "than three times the 168".
_COMPARED_FIGURE_BETWEEN = re.compile(
    r"\b(?:than|compared\s+(?:to|with)|compares?\s+(?:to|with)|against|versus|from|double|twice|treble|triple)\b"
    r"[^.;]*?(?:\d|\b" + _WORD_NUMBER + ")",
    re.IGNORECASE,
)


_WITH_BETWEEN = re.compile(r",\s*(?:with|while|whilst|whereas)\b", re.IGNORECASE)


def _opens_aside(gap: str) -> bool:
    """Whether a bracket opens between a figure and a period and is still open: "482
    offences, the lowest since April (12 months: 5,486)" dates the aside, not the 482."""
    return max(gap.rfind("("), gap.rfind("[")) > max(gap.rfind(")"), gap.rfind("]"))


#: Before a period of a figure compared with: "than the 77 in", "from 77 in", "than in".
_COMPARED_BEFORE = re.compile(
    r"\b(?:(?:than|from|against|compared\s+(?:to|with)|compares?\s+(?:to|with)|versus|vs\.?|v\.?|double|twice|treble"
    r"|triple)\s+(?:the\s+)?|(?:above|below)\s+the\s+(?=[£+-]?\d))"
    r"(?:(?:[£+-]?\d[\d,.]*%?|" + _WORD_NUMBER + r")\s+(?:[a-z]+\s+){0,2}?)?"
    r"(?:(?:in|for|during|over|at)\s+(?:the\s+)?)?"
    # "lower than at the same stage of 2018/19"
    r"(?:same\s+(?:stage|point|time|period|months?)\s+(?:of|in|last)\s+)?$"
    # "35% below September 2019", "down 63.6% on November 2019"
    r"|\d%?\s+(?:(?:lower|higher|fewer|more)\s+)?(?:below|above|on)\s+(?:the\s+)?$"
    # "more than three times the 168 in June", "twice as many as the 40 in May"
    r"|\b(?:times|twice|double)\s+(?:as\s+(?:many|much|high)\s+as\s+)?(?:the\s+)?"
    r"[£+-]?\d[\d,.]*%?\s+(?:[a-z]+\s+){0,2}?(?:in|for|during|over|at)\s+(?:the\s+)?$"
    # "four times as many searches as in 2018", "the same as in March"
    r"|\bas\s+(?:in|for|during|over)\s+(?:the\s+)?$"
    # "just off the May peak", "below its July high": a month of another figure
    r"|\b(?:off|below|above|short\s+of)\s+(?:the|its|their)\s+$"
    # "less than half of last July's", "a third of the 2019 figure"
    r"|\b(?:half|a\s+third|a\s+quarter|two\s+thirds|three\s+quarters)\s+(?:of\s+)?"
    r"(?:the\s+|last\s+)?$"
    # "exactly the total for September", "level with the figure of June"
    r"|\b(?:exactly|equal\s+to|level\s+with|matching|matched)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:for|in|of)\s+(?:the\s+)?$"
    # "up from 242 in January and 254 in February 2018": the second figure compared with
    r"|\bfrom\s+[£+-]?\d[\d,.]*%?\s+in\s+[A-Za-z]+(?:\s+\d{4})?\s+and\s+[£+-]?\d[\d,.]*%?\s+"
    r"(?:in|for|during)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def is_compared(text: str, start: int) -> bool:
    """Whether the period at ``start`` is that of a figure compared with ("from January"
    is not, when a run of months goes on from it: "from January to April")."""
    if RUN_FROM_MONTH.match(text, start):
        return False
    return _COMPARED_BEFORE.search(text, max(0, start - 45), start) is not None


#: From a figure to a period after it: more figures of a list ("342, 352 and then 296 in").
LISTED_BEFORE = re.compile(
    r"(?:\s*,\s*[£+\-]?\d[\d,.]*%?)*\s*(?:,\s*)?(?:and|or)\s+(?:then\s+)?[£+\-]?\d[\d,.]*%?"
    r"(?:\s+[a-z]+){0,3}?\s+(?:in|for|during)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


#: Before a period a record is counted from: "the busiest month since March (538)"; the
#: period is that of the figure in brackets after it, if any, never another's.
RECORD_SINCE = re.compile(
    r"\b(?:highest|lowest|most|fewest|largest|smallest|busiest|quietest|best|worst)\b"
    r"[^.;()\d]{0,40}\bsince\s+"
    # "the most since our series starts in December 2017"
    r"(?:(?:our|the)\s+(?:current\s+|new\s+|present\s+)?(?:series|data|records?|figures|system"
    r"|recording\s+system)\s+(?:starts?|started|began|begins?|came\s+in)"
    r"\s+(?:in\s+)?)?$",
    re.IGNORECASE,
)


def _plain_gap(gap: str) -> bool:
    """Whether nothing between a figure and a period after it keeps them apart: no other
    figure, only the words a period follows."""
    return PERIOD_GAP.match(gap) is not None and not _other_figure(gap)


#: Right after a figure, its own change in brackets: "by 87 (11.1%) in January".
_OWN_ASIDE = re.compile(r"^\S*\s*\([+\-−–]?\d[\d,.]*%\)")
#: Between a record's month and its own figure: "since March (538)", "since June 2017,
#: when there were 70".
_RECORD_FIGURE = re.compile(
    r"\s*\(\s*|,?\s+when\s+(?:(?:the\s+\w+|it|there)\s+(?:was|were|stood\s+at)\s+)?",
    re.IGNORECASE,
)
#: After a period: it is set apart from the rest of the sentence.
_ALONE = re.compile(r"\s+(?:alone|on\s+its\s+own|by\s+itself|itself)\b", re.IGNORECASE)


def _in_brackets(text: str, period: Named, pos: int) -> bool:
    """Whether a period before ``pos`` sits in brackets closed before it."""
    for opening, closing in ("()", "[]"):
        # "597 [Jun: 617]" as "597 (Jun: 617)": slides and tables bracket either way.
        opened = text.rfind(opening, 0, period[0])
        if (
            opened >= 0
            and closing not in text[opened : period[0]]
            and closing in text[period[1] : pos]
        ):
            return True
    return False


def _owns_bracket(text: str, period: Named, pos: int) -> bool:
    """Whether a period before ``pos`` sits in brackets closed before it with a figure of its
    own ("[Jun: 617]", "(May-15 8,403)")."""
    if not _in_brackets(text, period, pos):
        return False
    closing = min(
        (i for i in (text.find(")", period[1], pos), text.find("]", period[1], pos)) if i >= 0),
        default=pos,
    )
    opening = max(text.rfind("(", 0, period[0]), text.rfind("[", 0, period[0]))
    # "[Jun: 617]", "(nine in June, 21 in July 2019)": a figure of the bracket's own
    return (
        _FIGURE_IN.search(text, period[1], closing) is not None
        or _FIGURE_IN.search(text, opening + 1, period[0]) is not None
    )


_FIGURE_IN = re.compile(r"\d")
#: A figure, then another of its unit a column apart, then the words a period follows.
_NEXT_COLUMN = re.compile(
    r"[+\-]?[\d,.]+(%?)(?:\s+|\s*[|\t]\s*)[+\-]?[\d,.]+\1\s+(?:in|for|during|of)?\s*",
    re.IGNORECASE,
)
#: Right after a period: a figure of its own ("November 64").
_FIGURE_RIGHT_AFTER = re.compile(r"[ \t]*:?[ \t]*[£+\-]?\d")
#: Right after a period, a bracket holding nothing but a figure: "a quiet January (75)".
_BARE_BRACKET = re.compile(r"\s*[(\[]\s*\d[\d,]*(?:\.\d+)?%?\s*[)\]]")


#: Between a period and a figure it labels: a space or a colon ("Jan 617", "May: 541").
_LABEL_GAP = re.compile(r"[ \t]*:?[ \t]+|:")
#: A figure, then the period it is of: "200 in December".
_OWN_PERIOD_AFTER = re.compile(r"\S+\s+(?:in|during|for)\s+")


def _may_be_of(periods: list[Named], pos: int, text: str) -> list[Named]:
    """The periods a figure at ``pos`` may be of: not one set apart ("in March alone")
    after it, nor a record's month ("since March (538)") but for the record's own figure."""
    return [
        p
        for p in periods
        if not (p[0] > pos and _ALONE.match(text, p[1]))
        # "the busiest month since March (538)": March is the 538's alone
        and not (
            RECORD_SINCE.search(text, max(0, p[0] - 90), p[0])
            and not (p[1] <= pos and _RECORD_FIGURE.fullmatch(text, p[1], pos))
        )
    ]


def _choose_period(
    periods: list[Named],
    pos: int,
    clause_of: ClauseOf,
    after_first: bool,
    text: str,
    rolling: bool = False,
) -> tuple[str, str, str] | None:
    # "and in March alone we recorded 116": a period set apart is its own figure's, not
    # that of a figure before it.
    periods = _may_be_of(periods, pos, text)
    clause = clause_of(pos)
    # "597 [Jun: 617] -> down 3.2% on the month": a bracket's period with its own figure
    # is that figure's, in the same clause too.
    same = [
        p
        for p in periods
        if clause_of(p[0]) == clause and not (p[1] <= pos and _owns_bracket(text, p, pos))
    ]
    if not same:
        return _sentence_period(periods, pos, text, rolling)
    if after_first:
        glued = _labelled_by(same, pos, text)
        if glued is not None:
            return glued[2], glued[3], glued[4]
        after = [
            p
            for p in same
            if p[0] >= pos
            and _plain_gap(_OWN_ASIDE.sub("", text[pos : p[0]], count=1))
            and not _opens_aside(text[pos : p[0]])
            # "October 68, November 64": a month with its own figure right after it
            and not _FIGURE_RIGHT_AFTER.match(text, p[1])
        ]
        if after:
            return after[0][2], after[0][3], after[0][4]
        # "81 in September, more than the 77 in August, and 21 more than ...": a period of
        # a figure compared with is that figure's, not the ones after it.
        before = [p for p in same if p[1] <= pos and not is_compared(text, p[0])]
        if before:
            return before[-1][2], before[-1][3], before[-1][4]
        if all(
            p[0] >= pos
            and (
                _REFERENCE_BETWEEN.search(text, pos, p[0])
                or _opens_aside(text[pos : p[0]])
                or is_compared(text, p[0])
            )
            for p in same
        ):
            # "was 12.7% against 15.9% in 2017/18", "482 (12 months: 5,486)": a period
            # after another figure or in an aside is theirs; this one is of the period the
            # sentence carries.
            return None
    if after_first and all(p[0] >= pos and LISTED_BEFORE.match(text, pos, p[0]) for p in same):
        # "The monthly run was 342, 352 and then 296 in September": the month is the last
        # figure's; the ones listed before it are of months the sentence does not say.
        return None
    # A direction's period: said before it in the clause, or right after it ("increased in
    # October"), else the sentence's first.
    before = [p for p in same if p[1] <= pos and not is_compared(text, p[0])]
    found = before[-1] if before else _after_or_first(periods, same, pos, text)
    return None if found is None else (found[2], found[3], found[4])


def _sentence_period(
    periods: list[Named], pos: int, text: str, rolling: bool
) -> tuple[str, str, str] | None:
    """The period of a claim whose clause names none: the sentence's first."""
    # "999 calls 8,088 (May-15 8,403); 101 calls 25,855": a period in brackets with its
    # own figure is that figure's.
    periods = [p for p in periods if not (p[1] <= pos and _in_brackets(text, p, pos))]
    # A clause without a period of its own takes the sentence's first; but a rolling
    # figure ("the rolling 12 month rate improved to 6.2%; the discrete month rate...")
    # is not of a period only a later clause names.
    if not periods or (rolling and periods[0][0] > pos):
        return None
    first = periods[0]
    if (
        first[0] > pos
        and (
            ";" in text[pos : first[0]]  # "have risen ...; CST will report to September"
            or _opens_aside(text[pos : first[0]])
            or is_compared(text, first[0])
            or _COMPARED_FIGURE_BETWEEN.search(text, pos, first[0])
        )
    ):
        return None
    return first[2], first[3], first[4]


def _labelled_by(same: list[Named], pos: int, text: str) -> Named | None:
    """The period said right before a figure as its label ("Jan 617, Feb last yr 661"),
    unless the figure names its own after it ("January: 200 in December") or the period is
    one compared with ("as many as in 2018: 326")."""
    glued = [
        p
        for p in same
        if p[1] <= pos and _LABEL_GAP.fullmatch(text, p[1], pos) and not is_compared(text, p[0])
    ]
    return glued[-1] if glued and not _OWN_PERIOD_AFTER.match(text, pos) else None


def _after_or_first(periods: list[Named], same: list[Named], pos: int, text: str) -> Named | None:
    """A period said soon after a claim in its clause, else the sentence's first of its own."""
    # "down from 53.9% in the 12 months to October 2018": the period after the figure
    # compared with is that figure's, not the direction's.
    soon = [
        p
        for p in same
        if p[0] >= pos
        and p[0] - pos <= 25
        and not _REFERENCE_BETWEEN.search(text, pos, p[0])
        # "fell by 5.4% to 434, with August the worst month": a phrase of its own
        and not _WITH_BETWEEN.search(text, pos, p[0])
        # "rose to 98 after a quiet January (75)": the bracket's figure is January's
        and not _BARE_BRACKET.match(text, p[1])
        # "down on the summer quarter (240 in July to September)": the aside's own
        and not _opens_aside(text[pos : p[0]])
        # "Charge rate ..... 8.9%   10.6% in Feb 2018": a column's figure after it is the
        # period's, not this one
        and not _NEXT_COLUMN.fullmatch(text, pos, p[0])
    ]
    if soon:
        return soon[0]
    # "rose to 518, more than three times the 168 of June": a period after a figure
    # compared with is that figure's.
    own = [
        p
        for p in periods
        if not is_compared(text, p[0])
        and not (p[0] > pos and _COMPARED_FIGURE_BETWEEN.search(text, pos, p[0]))
        # "13 burglaries (nine in June); nineteen vehicle offences, up from five": a
        # bracket's period with its own figure is that figure's
        and not (p[1] <= pos and _owns_bracket(text, p, pos))
        and not (p[0] > pos and _BARE_BRACKET.match(text, p[1]))
        and not (p[0] > pos and _NEXT_COLUMN.fullmatch(text, pos, p[0]))
        and not (p[0] > pos and _opens_aside(text[pos : p[0]]))
    ]
    return own[0] if own else None  # None: every period named is one compared with


def choose_period(
    periods: list[Named],
    pos: int,
    clause_of: ClauseOf,
    after_first: bool,
    text: str,
    rolling: bool = False,
) -> tuple[str, str, str] | None:
    """The period a claim at ``pos`` is of: its own clause's first, after it or before it.

    "12 month" alone says the rolling year to the reporting month; with a month in the
    same clause ("In September the 12 month rate...") it is the year to that month."""
    chosen = _choose_period(periods, pos, clause_of, after_first, text, rolling)
    if chosen is None or chosen[2] != "rolling-marker":
        return chosen
    clause = clause_of(pos)
    named = [
        p
        for p in periods
        if p[4] == "month"
        and clause_of(p[0]) == clause
        and not (p[0] > pos and _REFERENCE_BETWEEN.search(text, pos, p[0]))
        # "The rolling 12-month figure is 707 (May: 693)": an aside's month is its own
        and not (p[0] > pos and _opens_aside(text[pos : p[0]]))
    ]
    if named:
        return f"R12:{named[0][2]}", named[0][3], "rolling"
    return chosen


def main_period(claims: list[Claim]) -> str | None:
    """The period a sentence is about: its last data claim's that is not a reference nor
    in brackets ("20 = 7.9% (R12 6.0%)": the bracket's rolling year is an aside)."""
    for claim in reversed(claims):
        if claim.is_data and claim.period and claim.role != "reference" and not _bracketed(claim):
            return str(claim.period)
    return None


def _bracketed(claim: Claim) -> bool:
    before = claim.sentence[: max(0, claim.span[0] - claim.sentence_span[0])]
    return before.count("(") > before.count(")")


def is_period_phrase(text: str, item: Item, s0: int) -> bool:
    """ "last month" as when ("in excess of 4 hours last month"), not as what is compared."""
    if item.text.lower() not in ("last month", "this month"):
        return False
    before = text[max(s0, item.start - 25) : item.start]
    return not re.search(
        r"\b(?:than|on|from|with|since|to|against|compared\s+(?:to|with)|month\s+on)(?:\s+both)?\s+$",
        before,
        re.IGNORECASE,
    )


def attach_modifiers(text: str, items: list[Item], directions: list[DirectionWord]) -> None:
    """Magnitude and significance words go to the direction they qualify."""
    for item in items:
        if item.label != "LEX":
            continue
        kind, key = item.key.split(":", 1)
        if kind not in ("magnitude", "significance"):
            continue
        following = [d for d in directions if 0 <= d.start - item.end <= 25]
        preceding = [d for d in directions if 0 <= item.start - d.end <= 15]
        target = following[0] if following else preceding[-1] if preceding else None
        if target is None:
            continue
        if kind == "magnitude":
            target.magnitude = key
        else:
            target.significant = key == "significant"


def pair_targets(
    directions: list[DirectionWord], targets: list[Target], clause_of: ClauseOf
) -> None:
    """Each comparison goes to the nearest direction of its clause."""
    unpaired: list[Target] = []
    for target in targets:
        direction: DirectionWord | None = nearest(directions, target.start, clause_of)
        if (
            direction is not None
            and min(abs(target.start - direction.end), abs(direction.start - target.end))
            <= TARGET_REACH
        ):
            direction.targets.append(target)
        else:
            unpaired.append(target)
    # "Against the 2015/16 financial year, the 12 month totals ... show an increase": a
    # comparison that opens the sentence frames its first direction, however far.
    opening = [t for t in unpaired if directions and t.end <= directions[0].start]
    if opening and not directions[0].targets:
        directions[0].targets.append(opening[0])
    # A clause without a comparison inherits the previous clause's ("down 3.0% year on year,
    # but up 4.8% in South area").
    last: list[Target] = []
    last_clause = -1
    for direction in directions:
        clause = clause_of(direction.start)
        if direction.targets:
            last, last_clause = direction.targets, clause
        elif last and clause == last_clause + 1 and all(t.key != "measure" for t in last):
            direction.targets = [
                Target(t.start, t.end, t.key, t.text, t.period, t.area, t.words) for t in last
            ]


#: A month's name in the possessive right before a figure: "against 88 of July's 405".
_MONTHS_OWN = re.compile(r"\b[A-Z][a-z]{2,8}['’]s\s+(?:[a-z]+\s+)?$")


def of_months_own(claim: Claim, sentence: Sentence, pos: int) -> Claim:
    """A figure at ``pos`` said as a month's own ("against 88 of July's 405", "June's total
    of 39") is of that month, if a period of the sentence is that month."""
    found = _MONTHS_OWN.search(sentence.text, max(0, pos - 24), pos)
    if found is None:
        return claim
    own = next((p for p in sentence.periods if p[0] == found.start() and p[1] <= found.end()), None)
    return claim if own is None else replace(claim, period=own[2], period_text=own[3])
