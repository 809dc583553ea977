"""Figures: every quantity of a sentence ("12.4%", "612", "+5.6%", "£2.3m") as a claim of a
level, a change or a reference, with its measure, area, period and direction."""

from __future__ import annotations

import re

from narrator import months
from narrator.check.claims.against import (
    level_against,
    listed_reference,
    named_otherwise,
    same_mention,
    with_reference,
)
from narrator.check.claims.area_of import area_for
from narrator.check.claims.beside import direction_of_figure, mention_after
from narrator.check.claims.context import Measured, measure_for, period_for
from narrator.check.claims.directions import with_direction
from narrator.check.claims.earlier import (
    against_last_year,
    against_reference,
    bracket_convention,
    bracketed_earlier,
    change_on_year_before,
    earlier_reference,
    listed_same_months,
    shifted,
    year_before,
)
from narrator.check.claims.grammar import (
    APPROX,
    CHANGE_AFTER,
    CHANGE_BEFORE,
    CONTINUES,
    LAST_MONTH_IN_BRACKETS,
    LAST_YEAR_IN_BRACKETS,
    MONTH_BEFORE_BRACKET,
    REFERENCE_BEFORE,
    YEAR_BEFORE_BRACKET,
    YEAR_BEFORE_POSSESSIVE,
    match_text,
    relative_period,
    stat,
)
from narrator.check.claims.model import Claim, new_claim, replace
from narrator.check.claims.nouns import done_to, names_number, noun
from narrator.check.claims.pairing import (
    LISTED_BEFORE,
    RECORD_SINCE,
    is_compared,
    of_months_own,
)
from narrator.check.claims.pieces import DirectionWord, Item, Sentence, Target
from narrator.check.claims.reading import Reading
from narrator.check.claims.words import bare_measure, mention_of_change
from narrator.check.tokens.marks import QUANTITIES

#: The unit of a claim by the label of its quantity (anything else is a count).
_UNITS = {"PERCENT": "percent", "POINTS": "points", "MONEY": "money"}
#: Between a period compared with and its figure: "(", "last year (", "'s".
_TARGET_TO_FIGURE = re.compile(
    r"(?:\s+(?:of\s+)?(?:last|the\s+previous)\s+year)?(?:\s*\(\s*|['’]s\s+"
    # "more than in August 2018, when the figure was 264", "than in February last year,
    # when the figure was 342"
    r"|,?\s+when\s+(?:the\s+(?:figure|total|rate|count|number)|it|there)\s+"
    r"(?:was|were|stood\s+at)\s+"
    # "down on March, which was 64"
    r"|,\s+which\s+(?:was|had\s+been|stood\s+at)\s+"
    # "above the March figure of 76"
    r"|\s+(?:figure|total|count|level)\s+(?:of|was)\s+)",
    re.IGNORECASE,
)
#: Before a per cent that is a change: "rose by 6.0%", "grew, by 6.0%".
_CHANGE_BY = re.compile(r"\b(?:by|by\s+a\s+further)\s*$", re.IGNORECASE)


def figure_claims(reading: Reading, sentence: Sentence) -> list[Claim]:
    """The figures of a sentence, each read with what it is of; a figure compared with the
    one before it ("compared to 58.6% for ...") is that figure's reference."""
    text, s0, s1 = sentence.text, sentence.start, sentence.end
    claims: list[Claim] = []
    previous_figure: Claim | None = None
    continuing = False
    for q in (i for i in sentence.items if i.label in QUANTITIES):
        assert q.mark is not None
        if names_number(reading, q.text, text[q.end : min(s1, q.end + 40)]):
            continue  # "999 and 101 call volumes": the number is part of a name
        before = text[max(s0, q.start - 40) : q.start]
        claim, direction = _figure(reading, sentence, q, before)
        claim = of_months_own(year_before(claim, text[s0 : q.start]), sentence, q.start)
        value = float(q.mark.data["value"])
        after = text[q.end : min(s1, q.end + 30)]
        bracketed = _change_in_brackets(previous_figure, text, q)
        is_change = bracketed is not None or _said_as_change(q, before, after)
        if is_change:
            claim = _as_change(claim, q, value, previous_figure, text)
            claim = _of_the_figure(claim, claims, _spoken_of(reading, sentence))
            claim = _of_its_count(change_on_year_before(claim), bracketed)
        else:
            claim = replace(claim, value=value)
            claim = _from_before(claim, claims, before)
        # "lower than December 2018 (615)": the figure of the period compared with; a change
        # in brackets ("402 more than in 2018 (+5.5%)") is the size of the change instead.
        target = None if is_change else _bracketed_after(sentence, q)
        if is_change and claim.comparison is None:
            claim = against_reference(claim, claims, text, q.start)
        if target is not None:
            claim = replace(claim, period=target.period, period_text=target.text)
        starts_run = claim.reference_cue == "from"  # "from 96 to 104": 104's, not before's
        if (
            (
                # "484 a year earlier (+8.5%)": a change in brackets after the period compared
                # with is the size of the change, not that period's figure.
                (
                    REFERENCE_BEFORE.search(before)
                    and not (
                        is_change
                        and (
                            YEAR_BEFORE_BRACKET.search(before)
                            or MONTH_BEFORE_BRACKET.search(before)
                        )
                    )
                )
                or bracketed_earlier(before, after)
                or target is not None
                or listed_reference(claims, text, q)
            )
            and previous_figure is not None
            and not starts_run
            # "higher than last year (75 against 71)": the first is the current figure
            and not _AGAINST_NEXT.match(text, q.end)
        ):
            against = level_against(claims, previous_figure, claim, sentence.clause_of)
            after_q = None if target is not None else text[q.end : min(s1, q.end + 60)]
            claim = _as_reference(claim, against, before, after_q)
            at = _index_of(claims, against)
            record = target is not None and target.key == "record"
            if at is not None and not record and not named_otherwise(against, claim):
                claims[at] = with_reference(against, claim, value, continuing)
        claims.append(claim)
        if claim.role != "reference":
            previous_figure = claim
            # "continues to increase, to 55.2% ..., compared to 55.5% for the 2014/15
            # financial year": the direction goes on from the month before; the figure after
            # "compared to" is said beside the level, not what the direction is against.
            continuing = direction is not None and _continues(text, direction.start, s0)
        # A figure's area list: "both areas" gives one claim per area.
        if sentence.multi and claim.area_text is None:
            claims.pop()
            for name in sentence.multi:
                claims.append(replace(claim, area=name, area_text="both"))
            if previous_figure is claim:
                # A reference after the list is compared with the last area's figure.
                previous_figure = claims[-1]
    return listed_same_months(against_last_year(bracket_convention(claims, text), text), text)


def _said_as_change(q: Item, before: str, after: str) -> bool:
    """Whether a figure is a change by its sign or the words around it ("up 4%")."""
    assert q.mark is not None
    return bool(q.mark.data.get("signed")) or bool(
        CHANGE_BEFORE.search(before) or CHANGE_AFTER.match(after)
    )


def _of_its_count(claim: Claim, count: Claim | None) -> Claim:
    """A per cent in brackets after a count change, of that change's period and comparison."""
    if count is None:
        return claim
    return replace(
        claim,
        period=count.period,
        period_text=count.period_text,
        comparison=count.comparison,
        reference_period=count.reference_period,
    )


def _change_in_brackets(previous: Claim | None, text: str, q: Item) -> Claim | None:
    """ "fell by 87 (11.1%)", "84 more than in January 2016 (15.6%)": a per cent in
    brackets after a count change is that change's size in per cent; the change, if so."""
    if previous is None or previous.role != "change" or previous.unit != "count":
        return None
    if q.mark is None or q.mark.label != "PERCENT":
        return None
    if _CHANGE_THEN_BRACKET.fullmatch(text, previous.span[1], q.start) is None:
        return None
    return previous


#: Between a count change and its per cent in brackets: "87 (", "84 more than in January
#: 2016 (".
_CHANGE_THEN_BRACKET = re.compile(
    r"(?:\s+(?:more|fewer|higher|lower|less)\s+than\s+(?:in\s+)?[^()\d]{0,30}(?:\d{4})?)?"
    r"\s*\(\s*"
)


def _figure(
    reading: Reading, sentence: Sentence, q: Item, before: str
) -> tuple[Claim, DirectionWord | None]:
    """A figure with its measure, area, period, unit and direction, and the direction word
    it takes its direction from."""
    assert q.mark is not None
    text, s1 = sentence.text, sentence.end
    unit = _UNITS.get(q.label, "count")
    direction = direction_of_figure(text, q, sentence.directions, sentence.clause_of)
    measured = _measure_of_figure(reading, sentence, q, unit, direction)
    # "the rolling annual count of 3,152": a rolling total said right before the figure.
    rolling = measured.rolling or _ROLLING_FIGURE.search(before) is not None
    period, ptext = period_for(reading, sentence, q.start, rolling, True)
    if any(
        start > q.end and LISTED_BEFORE.fullmatch(text, q.end, start)
        for start, *_ in sentence.periods
    ):
        # "342, 352 and then 296 in September": the month is the last figure's; the ones
        # listed before it are of months the sentence does not say.
        period, ptext = None, None
    area, atext = area_for(reading, sentence, q.start)
    after = text[q.end : min(s1, q.end + 30)]
    claim = new_claim(
        kind="figure",
        text=q.text,
        span=(q.start, q.end),
        measure=measured.measure,
        measure_text=measured.text,
        measure_from=measured.source,
        measure_head=measured.head,
        area=area,
        area_text=atext,
        period=period,
        period_text=ptext,
        unit=unit,
        decimals=int(q.mark.data["decimals"]),
        approx=match_text(APPROX, before),
        noun=noun(reading, text, q, after, sentence.items),
        statistic=stat(before),
        **sentence.base(),
    )
    if direction is not None:
        direction.taken = True
        claim = with_direction(reading, claim, direction, period)
    return claim, direction


#: Right after a figure in brackets: the figure it is set against, in the same brackets.
_AGAINST_NEXT = re.compile(
    r"\s*%?\s+(?:against|v\.?|vs\.?|versus|compared\s+(?:with|to))\s+[£+-]?\d", re.IGNORECASE
)
#: Before the second figure of "(A against B)": the bracket and the first.
_AGAINST_BEFORE = re.compile(
    r"\(\s*([£+-]?\d[\d,.]*%?)\s+(?:against|v\.?|vs\.?|versus|compared\s+(?:with|to))\s+$",
    re.IGNORECASE,
)
#: Right before a period: its own figure ("254 in February 2018").
_FIGURE_OF_PERIOD = re.compile(
    # not a change's "13 more than in the same months of 2018 (345)"
    r"\d[\d,.]*%?\s+(?:(?!(?:more|fewer|less|higher|lower|than|up|down)\b)[a-z]+\s+){0,2}?"
    r"(?:in|for|during|of|over)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


#: "the highest monthly total since January (73)": the month a record is counted from, with
#: its own figure in brackets after it.
def _bracketed_after(sentence: Sentence, q: Item) -> Target | None:
    """The period compared with that a figure is given in brackets right after ("lower
    than December 2018 (615)"), or as the period's own ("one more than May's 111"); in
    "(A against B)" the period's figure is B, the one set against."""
    text = sentence.text
    if _AGAINST_NEXT.match(text, q.end):
        return None  # "higher than last year (75 against 71)": the period's is the second
    against = _AGAINST_BEFORE.search(text, max(0, q.start - 40), q.start)
    at = against.start(1) if against is not None else q.start
    for start, end, label, said, _ in sentence.periods:
        # "35% below September 2019 (724)": a period compared with, then its figure (the
        # period as the sentence names it: "below November last year (307)").
        if (
            end <= at
            and re.fullmatch(r"\s*\(\s*", text[end:at])
            # "up from 254 in February 2018 (2.4%)": the period has its figure already
            and not _FIGURE_OF_PERIOD.search(text, max(0, start - 40), start)
        ):
            if is_compared(text, start):
                return Target(start, end, "period", said, period=label)
            if RECORD_SINCE.search(text, max(0, start - 90), start) is not None:
                # "the busiest month since March (538)": March's figure, which the record is
                # counted from, not what the sentence's changes are measured against
                return Target(start, end, "record", said, period=label)
    for target in sentence.targets:
        if (
            target.period is not None
            and target.key == "period"
            and target.end <= at
            and _TARGET_TO_FIGURE.fullmatch(text, target.end, at)
        ):
            return target
    return None


def _continues(text: str, start: int, s0: int) -> bool:
    """Whether the direction word at ``start`` says the change goes on as before."""
    return CONTINUES.search(text, max(s0, start - 30), start) is not None


def _measure_of_figure(
    reading: Reading, sentence: Sentence, q: Item, unit: str, direction: DirectionWord | None
) -> Measured:
    text = sentence.text
    near = mention_after(sentence.mentions, q, text)
    changed = direction is not None and 0 <= direction.start - q.end <= 20
    if near is None and changed:
        assert direction is not None
        # "a 1.4 percentage point decrease in the proportion graded prompt"
        near = mention_of_change(sentence.mentions, direction.end, text)
    if unit == "percent" and _CHANGE_BY.search(text, max(0, q.start - 12), q.start):
        # "grew by 6.0% to 1,425": a per cent change of the count, not the count's rate.
        unit = "change"
    measured = measure_for(reading, sentence, q.start, unit, near)
    if unit == "count" and measured.measure is not None:
        measured = done_to(reading, text, q, measured)
    if near is None and changed:
        assert direction is not None
        # "a 2.0% increase in immediate, and a 2.0% decrease in prompt": one word
        # that, with the measure words around it, names a sibling measure.
        subject = sentence.subject
        around = sentence.context.words | (subject.words if subject else frozenset())
        bare = bare_measure(reading, text, direction.end, around)
        if bare is not None:
            named = text[direction.end : direction.end + 30]
            return measured._replace(measure=bare, text=named, source="text")
    return measured


def _as_change(
    claim: Claim, q: Item, value: float, previous_figure: Claim | None, text: str
) -> Claim:
    """A figure that is a change ("down 2.0%", "a 1.6% increase", "+10%")."""
    assert q.mark is not None
    signed = value
    if claim.direction == "down" and signed > 0:
        signed = -signed
    if claim.unit == "percent":
        claim = replace(claim, change_pct=signed, role="change")
    else:
        claim = replace(claim, change=signed, role="change")
    claim = replace(claim, value=None)
    if claim.direction is None and q.mark.data.get("signed"):
        claim = replace(claim, direction="down" if value < 0 else "up")
    if previous_figure is not None and claim.unit == "percent":
        gap = text[previous_figure.span[1] : q.start]
        if previous_figure.reference is not None and re.fullmatch(r"\s*\(\s*", gap):
            # "dropped from 70 to 56 (20% down)": the change from the same figure.
            claim = replace(claim, reference=previous_figure.reference)
        if re.fullmatch(r"[\s,]*(?:which\s+is\s+|a\s+|an\s+)?", gap):
            claim = replace(
                claim,
                value=previous_figure.value,
                unit="count" if previous_figure.unit == "count" else claim.unit,
            )
    return claim


_ROLLING_FIGURE = re.compile(
    r"\brolling\s+(?:annual\s+|12[\s-]month\s+|twelve[\s-]month\s+|year\s+)?"
    r"(?:total|count|figure|number|level)\s+(?:of|was|is|stood\s+at|reached)\s+$",
    re.IGNORECASE,
)
#: Words before a change that say what it is against: "a year-on-year rise of".
_YEAR_ON_YEAR = re.compile(r"\b(?:(year[\s-]on[\s-]year)|month[\s-]on[\s-]month)\b", re.I)


def _as_reference(claim: Claim, figure: Claim, before: str, after: str | None) -> Claim:
    """``claim`` as the figure ``figure`` is compared with: of its area unless it names its
    own, of the period the words around it say (``after`` is None when a period compared
    with gave it one already)."""
    if (claim.area_text is None and figure.area_text is not None) or same_mention(claim, figure):
        # "Coastal recorded 134 ..., but still above the 116 of August 2017": the figure
        # compared with is of the area of the one it is compared with.
        claim = replace(claim, area=figure.area)
    if (
        figure.measure is not None
        and claim.measure != figure.measure
        and claim.unit == figure.unit
        and (claim.measure_from != "text" or claim.measure_text == figure.measure_text)
    ):
        # "317 vehicle thefts were solved in 2019/20, compared with 277": the figure
        # compared with is of the measure its figure was read as, unless it names its own.
        claim = replace(claim, measure=figure.measure)
    window = figure.period is not None and (":" in figure.period or ".." in figure.period)
    year = (
        LAST_YEAR_IN_BRACKETS.search(before)
        or YEAR_BEFORE_BRACKET.search(before)
        or (window and YEAR_BEFORE_POSSESSIVE.search(before))
    )
    month = MONTH_BEFORE_BRACKET.search(before) or LAST_MONTH_IN_BRACKETS.search(before)
    back = 12 if year else 1 if month else 0
    if back and figure.period is not None and (after is not None or claim.period is None):
        # (A period compared with, "up on November last year (103)", gave its own month.)
        # "(last year 32.1%)", "on a year earlier (13.0%)": the period a year (or a month)
        # before the figure's
        period = shifted(figure.period, back)
        claim = replace(
            claim, period=period, period_text="last year" if back == 12 else "last month"
        )
    elif (
        back == 1
        and claim.period is not None
        and months.is_month(claim.period)
        and (claim.period_text or "").lower() == "last month"
    ):
        # "Assaults: 44 (last month 52)" under a heading: "last month" was read as the
        # paper's month, the month of the figure beside it; the reference is the one before.
        claim = replace(claim, period=shifted(claim.period, 1))
    elif after is not None:
        claim = earlier_reference(claim, figure, after)
    return replace(
        claim,
        role="reference",
        direction=None,
        judgement=None,
        magnitude=None,
        comparison=None,
        comparison_text=None,
    )


def _compared_with(claim: Claim) -> bool:
    """Whether a figure is said as what something is compared with ("than the 303")."""
    at = claim.span[0] - claim.sentence_span[0]
    return REFERENCE_BEFORE.search(claim.sentence[max(0, at - 40) : at]) is not None


def _spoken_of(reading: Reading, sentence: Sentence) -> str | None:
    """The period the text speaks of when a sentence names none of its own."""
    if sentence.context.period is not None:
        return sentence.context.period
    return months.iso(reading.reporting) if reading.reporting is not None else None


def _of_the_figure(claim: Claim, claims: list[Claim], fallback: str | None) -> Claim:
    """ "111 in May 2018, a year-on-year rise of 16.2%": a change is of the period of the
    figure it is the change of, not of the period a figure it is compared with is of."""
    if claim.period is None:
        return claim
    before = claim.sentence[
        max(0, claim.span[0] - claim.sentence_span[0] - 40) : claim.span[0] - claim.sentence_span[0]
    ]
    said = _YEAR_ON_YEAR.search(before)
    wanted = claim.comparison or (said and ("previous_year" if said.group(1) else "previous_month"))
    for other in reversed(claims):
        if (
            other.sentence_span == claim.sentence_span
            and other.role != "reference"
            and other.period is not None
            # "a year-on-year rise": the figure whose year before the period is
            and wanted is not None
            and relative_period(other.period, claim.period) == wanted
        ):
            return replace(claim, period=other.period, period_text=other.period_text)
    if any(
        (c.role == "reference" or _compared_with(c))
        and c.sentence_span == claim.sentence_span
        and c.period == claim.period
        and c.period_text is not None
        for c in claims
    ):
        # "fewer than the 303 we had in July, but still 9% more than in August 2018": the
        # month is the earlier figure's; the change is of the month the text speaks of.
        return replace(claim, period=fallback, period_text=None)
    return claim


def _from_before(claim: Claim, claims: list[Claim], before: str) -> Claim:
    """ "dropped from 70 to 56": the figure with the one it changed from, whose period the
    text may not say (the verdict finds the comparison that starts from it)."""
    last = claims[-1] if claims else None
    if (
        last is None
        or last.role != "reference"
        or last.value is None
        or last.reference_cue != "from"
        or last.sentence_span != claim.sentence_span
        or not re.search(r"\bto\s+(?:an?\s+|the\s+)?$", before)
    ):
        return claim
    return replace(claim, reference=last.value)


def _index_of(claims: list[Claim], claim: Claim) -> int | None:
    """Where ``claim`` itself (not an equal one) is in ``claims``, if it still is."""
    for at, other in enumerate(claims):
        if other is claim:
            return at
    return None
