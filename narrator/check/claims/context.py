"""What a claim is of: its measure, area and period, from its own clause first, then from
the sentence, then from the context the previous sentence or the section heading left.

Context carries: a sentence that names no measure ("the rate", "the 12 month total") takes
the measure of the previous sentence in its paragraph, or else of its section heading.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from narrator import months
from narrator.catalogue import Kind
from narrator.check.claims.beside import nearest_mention
from narrator.check.claims.grammar import ASIDE
from narrator.check.claims.model import Claim
from narrator.check.claims.pairing import choose_period, main_period
from narrator.check.claims.pieces import Context, Mention, Sentence, collect_items
from narrator.check.claims.reading import Reading
from narrator.check.claims.words import (
    CAUSE_BEFORE,
    explained,
    is_compared_with,
    mentions,
)
from narrator.check.tokens.doc import doc_text, entities_of, lexicon_of
from narrator.check.tokens.measures import norm_word

#: "the 12 month rate", "the rolling 12 month total": a measure's short form under the
#: rolling qualifier.
ROLLING_NOUN = re.compile(
    r"\b(?:rolling\s+)?(?:12|twelve)[\s-]month\s+(?:rate|total|proportion|figure)\b",
    re.IGNORECASE,
)


#: "the monthly total", "June's figure", "the month's rate": a short form that names the
#: month, not the rolling year.
MONTH_NOUN = re.compile(
    r"\b(?:monthly|month'?s|(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)'s)\s+(?:[a-z]+\s+){0,2}?(?:total|figure|rate|proportion|count"
    r"|level)\b"
    # "The month on its own, 10.3%, is the lowest": the month, apart from the rolling year
    r"|\bthe\s+month\s+(?:on\s+its\s+own|alone|by\s+itself)\b"
    r"|\bthe\s+(?:rate|total|figure|proportion)\s+in\s+(?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)


class Measured(NamedTuple):
    """The measure a claim is of, the words that name it, where they come from ("text",
    "text+heading", "sentence", "heading"), the noun they head, and whether the name says
    the rolling year."""

    measure: str | None
    text: str | None
    source: str | None
    head: str | None
    rolling: bool


def measure_for(
    reading: Reading,
    sentence: Sentence,
    pos: int,
    unit: str | None = None,
    near: Mention | None = None,
) -> Measured:
    """The measure of a claim at ``pos`` (a figure in ``unit``, or named ``near`` it)."""
    ctx = sentence.context
    sentence_mention = sentence.subject
    mention = near or nearest_mention(sentence.mentions, pos, sentence.clause_of, sentence.text)
    if mention is None:
        mention = sentence_mention
    elif (
        sentence_mention is not None
        and mention is not sentence_mention
        and mention.words <= sentence_mention.words
    ):
        # "overall satisfaction" restates the subject's "satisfaction levels of
        # dwelling burglary victims": the subject is meant.
        mention = sentence_mention
    elif (
        sentence_mention is not None
        and mention is not sentence_mention
        and sentence_mention.start < mention.start
        and is_compared_with(reading, mention, sentence.targets)
    ):
        # "X ... at 84.3% overall satisfaction, higher than satisfaction for all
        # victims": a name the sentence compares its subject with is the reference,
        # not what the figure measures.
        mention = sentence_mention
    measures = reading.reader.measures
    if mention is None:
        if ctx.measure is None:
            return Measured(None, None, None, None, ctx.rolling)
        carried: str = ctx.measure
        if unit == "percent" and measures.kinds.get(carried) is not Kind.RATIO:
            rate, _ = measures.resolve(ctx.words, ratio=True)
            carried = rate or carried
        # "The 12 month rate remained at 13.9%": a short form under the rolling qualifier
        # is the rolling year, whatever the sentence before was about.
        clause = sentence.text[sentence.start : sentence.end]
        rolling = ctx.rolling or bool(ROLLING_NOUN.search(sentence.text[sentence.start : pos]))
        # "the monthly total has risen month on month", "June's figure of 793": the month
        # itself, however the sentence before spoke of the 12 months.
        rolling = rolling and not MONTH_NOUN.search(clause)
        return Measured(carried, ctx.text, ctx.source, None, rolling)
    # A per cent may be a count's rate; a change in points is always a rate's.
    ratio = unit in ("percent", "points")
    words = mention.words
    if ratio:
        # "7 vehicle thefts were solved, a solved rate of 11.1%": the kind of rate the
        # words before the figure name completes the count's name.
        said = _RATE_WORD.findall(sentence.text, max(sentence.start, pos - 90), pos)
        kind = norm_word(said[-1]) if said else None
        if kind is not None and kind in measures.vocabulary:
            words = words | {kind, "rate"}
    if ctx.measure is not None and _FOR_WHAT.search(
        sentence.text, max(sentence.start, mention.start - 20), mention.start
    ):
        # "147 searches in February. 84 were for drugs": the drugs searches, the carried
        # count's own noun with what it was for.
        label = reading.reader.catalogue[ctx.measure].label
        words = words | {norm_word(label.split()[-1])}
    mid, used = measures.resolve(words, context=ctx.words, ratio=ratio)
    # The measure the text spoke of last: the sentence before's, or, at the start of a
    # paragraph under no heading's measure, the last one the paper named.
    spoken = ctx.measure if ctx.measure is not None else reading.spoken_measure
    if spoken is not None and _short_for_carried(reading, mention, spoken, mid):
        # "Bicycle theft also fell ... June's 39 thefts": the head noun of the measure the
        # sentence before named, not the measure whose name is that word alone.
        return Measured(spoken, mention.text, "sentence", mention.head, mention.rolling)
    source = "text" if not used else f"text+{ctx.source}"
    head = mention.head
    if head is not None and mid is not None and norm_word(head) in reading.measure_words(mid):
        # "308 vehicle crime offences": the measure's own unit after its name, not a count of
        # something else.
        head = None
    return Measured(mid, mention.text, source, head, mention.rolling)


def _short_for_carried(
    reading: Reading, mention: Mention, carried: str | None, mid: str | None
) -> bool:
    """Whether a one-word name ("thefts") is the last word of the carried measure's name
    ("bicycle theft") rather than the name of the measure it resolved to."""
    if carried is None or mid is None or carried == mid or len(mention.text.split()) != 1:
        return False
    catalogue = reading.reader.catalogue
    if carried not in catalogue or catalogue[carried].is_ratio:
        return False
    last = catalogue[carried].label.split()[-1]
    return norm_word(last) == norm_word(mention.text) and len(catalogue[carried].label.split()) > 1


#: Right before a name: the carried count was done for it ("84 were for drugs").
_FOR_WHAT = re.compile(r"\b(?:were|was)\s+for\s+$", re.IGNORECASE)

#: The word that says what kind of rate a figure is: "a solved rate of", "the find rate".
_RATE_WORD = re.compile(r"\b([A-Za-z]+)\s+rates?\b")

#: Before an area that opens its sentence, as its subject: "In Upland", "The North".
_OPENS_WITH = re.compile(r"\s*(?:(?:in|at|for|across|within)\s+)?(?:the\s+)?", re.IGNORECASE)


def period_for(
    reading: Reading, sentence: Sentence, pos: int, rolling: bool, after_first: bool
) -> tuple[str | None, str | None]:
    """The period label of a claim at ``pos`` and the words that name it."""
    candidate = choose_period(
        sentence.periods, pos, sentence.clause_of, after_first, sentence.text, rolling
    )
    if candidate is None:
        if rolling and reading.reporting is not None:
            return f"R12:{months.iso(reading.reporting)}", None
        carried = sentence.context.period
        if (
            (carried is None or carried.startswith("R12:"))
            and reading.reporting is not None
            and MONTH_NOUN.search(sentence.text, sentence.start, sentence.end)
        ):
            # "fell to 482 offences, the lowest monthly figure since April": the month, even
            # after a sentence on the rolling year ("The monthly find rate of 10.5% ...").
            return months.iso(reading.reporting), None
        return sentence.context.period, None
    label, ptext, kind = candidate
    if kind == "month" and rolling:
        return "R12:" + label, ptext
    return label, ptext


def _aside(sentence: Sentence) -> bool:
    """Whether a sentence is an aside to the one before: it explains the change that one
    stated ("The decrease was driven by a low number of solved vehicle thefts ..."), or sets
    another measure beside it ("Over the same 12 months the figure for stop and search
    finds was 824"). The sentence after it still speaks of what the one before did."""
    if ASIDE.match(sentence.string):
        return True
    text, s0 = sentence.text, sentence.start
    return any(
        explained(text, d, s0) or CAUSE_BEFORE.search(text, max(s0, d.start - 30), d.start)
        for d in sentence.directions
    )


def heading_context(reading: Reading, heading: str | None) -> Context:
    """The measure a section heading names ("5.2 Dwelling Burglary"), as context."""
    if heading in reading.headings:
        return reading.headings[heading]
    context = Context()
    if heading:
        doc = reading.reader.doc(heading)
        text = doc_text(doc)
        items = collect_items(doc, text, entities_of(doc), lexicon_of(doc))
        found = mentions(reading, text, items)
        if found:
            words = frozenset().union(*(m.words for m in found))
            measure, _ = reading.reader.measures.resolve(words)
            named = {reading.reader.measures.resolve(m.words)[0] for m in found} - {None}
            if len(named) > 1:
                # "VEHICLE CRIME AND ASSAULTS": a heading over two measures sets neither.
                measure, words = None, frozenset()
            context = Context(
                words=words, measure=measure, text=heading, source="heading", heading=measure
            )
        if reading.reporting is not None and any(
            i.label == "LEX" and i.key == "period:year_to_date" for i in items
        ):
            # "4. FYTD (Apr–Aug) v same period LY" over "Thefts 1,582 v 1,580": the
            # figures under a year-to-date heading are of the year to date.
            context = replace(context, period=f"YTD:{months.iso(reading.reporting)}")
        places = {i.key for i in items if i.label == "AREA"} - {reading.reader.areas.root.name}
        if len(places) == 1:
            # "2. Saltby - 65 vehicle thefts" over "The district had eight fewer ...": the
            # district a heading names is the one its paragraphs point to.
            context = replace(context, area=places.pop())
    reading.headings[heading] = context
    return context


def context_after(reading: Reading, sentence: Sentence, claims: list[Claim]) -> Context:
    """The context a sentence leaves to the next one."""
    root = reading.reader.areas.root.name
    for named in sorted(sentence.areas, key=lambda a: a.start):
        if named.key != root and named.key in reading.reader.areas.areas:
            reading.named_areas.append(named.key)
    after = _context_after(reading, sentence, claims)
    area = _area_left(reading, sentence, claims)
    keys = {a.key for a in sentence.areas}
    only = sentence.context.only_area if not keys else None
    first = min(sentence.areas, key=lambda a: a.start) if sentence.areas else None
    if (
        len(keys) == 1
        and root not in keys
        and first is not None
        and _OPENS_WITH.fullmatch(sentence.text, sentence.start, first.start)
    ):
        # "Upland recorded 3,065 ...": the area the sentence is about, its subject
        only = first.key
    if after.area == area and after.only_area == only:
        return after
    return replace(after, area=area, only_area=only)


def _area_left(reading: Reading, sentence: Sentence, claims: list[Claim]) -> str | None:
    """The area a sentence leaves to "the district's" or "its" in the next one: the area it
    opens with ("Upland has seen the steepest rise."), unless that is the force; a sentence
    that names no area leaves the one its words point to ("The division recorded 298 ...":
    the paper's division), else keeps the one before it."""
    if not sentence.areas:
        root = reading.reader.areas.root.name
        pointed = next(
            (c.area for c in claims if c.area not in (None, root) and c.area_text is not None),
            None,
        )
        return pointed or sentence.context.area
    first = min(sentence.areas, key=lambda a: a.start).key
    return None if first == reading.reader.areas.root.name else first


#: Before a measure's name: it is the whole a per cent is a share of ("30% of all crime").
_WHOLE_OF_SHARE = re.compile(r"(?:%|\bper\s*cent)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _context_after(reading: Reading, sentence: Sentence, claims: list[Claim]) -> Context:
    ctx = sentence.context
    if ctx.measure is not None and _aside(sentence):
        return ctx
    # "at 30% of all crime this month": the whole a share is of is not what the next
    # sentence goes on about.
    found = [
        m
        for m in sentence.mentions
        if not _WHOLE_OF_SHARE.search(sentence.text, max(0, m.start - 30), m.start)
    ]
    if found:
        words = frozenset().union(*(m.words for m in found))
        measures = reading.reader.measures
        # The sentence's subject (its first name) is what "the rate" after it means; all
        # its names together may name the measure it was compared with instead.
        mid, _ = measures.resolve(found[0].words, context=ctx.words)
        if mid is None:
            mid, _ = measures.resolve(words, context=ctx.words)
        carried = ctx.measure if ctx.measure is not None else reading.spoken_measure
        if len(found) == 1 and _short_for_carried(reading, found[0], carried, mid):
            mid = carried  # "... with 68 thefts" after bicycle theft: still bicycle theft
        figured = [c.measure for c in claims if c.is_data and c.measure and c.role != "reference"]
        if figured and mid not in figured and len(found[0].text.split()) == 1:
            # "the Police recorded 57 bicycle thefts": what its figures are of, not a first
            # word ("recorded") that names another measure alone
            mid = figured[-1]
        # Every measure the sentence names ("...below the satisfaction of all victims"):
        # the next sentence may quote a figure of any of them.
        named = [measures.resolve(m.words)[0] for m in found[1:]]
        rolling = any(m.rolling for m in found)
        last_period = main_period(claims)
        if mid is not None:
            reading.spoken_measure = mid
        return Context(
            words,
            mid,
            found[0].text,
            last_period or ctx.period,
            rolling,
            "sentence",
            ctx.heading,
            tuple(dict.fromkeys(m for m in (mid, *named, *ctx.seen) if m))[:4],
        )
    last_period = main_period(claims)
    if last_period:
        return Context(
            ctx.words,
            ctx.measure,
            ctx.text,
            last_period,
            ctx.rolling,
            ctx.source,
            ctx.heading,
            ctx.seen,
        )
    return ctx
