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
from narrator.check.claims.grammar import ASIDE
from narrator.check.claims.model import Claim
from narrator.check.claims.pairing import choose_period, main_period, nearest, nearest_mention
from narrator.check.claims.pieces import Context, Item, Mention, Sentence, collect_items
from narrator.check.claims.reading import Reading
from narrator.check.claims.words import (
    CAUSE_BEFORE,
    explained,
    inside_brackets,
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
    r"october|november|december)'s)\s+(?:total|figure|rate|proportion|count|level)\b"
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
    mention = near or nearest_mention(sentence.mentions, pos, sentence.clause_of)
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
    mid, used = measures.resolve(words, context=ctx.words, ratio=ratio)
    source = "text" if not used else f"text+{ctx.source}"
    head = mention.head
    if head is not None and mid is not None and norm_word(head) in reading.measure_words(mid):
        # "308 vehicle crime offences": the measure's own unit after its name, not a count of
        # something else.
        head = None
    return Measured(mid, mention.text, source, head, mention.rolling)


#: After an area: it describes another area ("the force's busiest district").
_DESCRIBES = re.compile(
    r"['’]s\s+(?:[a-z]+\s+){0,2}(?:districts?|divisions?|areas?|boroughs?|towns?|city|wards?)\b"
)
#: Between a figure and the area whose total it is a part of: "1,990 of the force's".
_PART_OF = re.compile(r"[\d,.]+%?\s+of\s+(?:the\s+)?", re.IGNORECASE)

#: The word that says what kind of rate a figure is: "a solved rate of", "the find rate".
_RATE_WORD = re.compile(r"\b([A-Za-z]+)\s+rates?\b")

#: A comma and a word that start a phrase of its own after a figure, or the words that
#: name an area left out.
_NEW_PHRASE = re.compile(
    r",\s*(?:with|while|whilst|whereas|and|which|who|of\s+which|against|compared\s+(?:to|with)|versus)\b"
    # "rose in all six districts except Fenland": the area left out is not the figure's
    r"|\b(?:except|apart\s+from|other\s+than|excluding)\b"
    # "up 9.8% to 1,076, followed by Moorend": the area ranked after is not the figure's
    r"|\b(?:followed\s+by|ahead\s+of|behind|next\s+(?:came|comes|was|is))\b"
    # "5.6% lower, a similar reduction to the force as a whole": the area likened to
    r"|\b(?:(?:similar|comparable)\s+(?:\w+\s+)?(?:to|with)|in\s+line\s+with|mirroring)\b",
    re.IGNORECASE,
)

#: Words that point back to the area of the sentence before ("the district's", "its").
#: After an area: the figures it publishes, not ones of it ("the Constabulary's figures").
_SOURCE_AFTER = re.compile(
    r"(?:\s+(?:Police|Constabulary|Force))?(?:['’]s)?\s+"
    r"(?:own\s+|latest\s+|new\s+|monthly\s+|published\s+|recorded\s+)*"
    r"(?:crime\s+)?(?:figures|data|statistics)\b[^.;]{0,40}?\b(?:show|shows|showed|reveal"
    r"|reveals|revealed|indicate|indicates)\b",
    re.IGNORECASE,
)
#: After a figure, in its clause: where it was recorded ("... were recorded across the
#: district", "... in the division").
_PLACE_AFTER = re.compile(
    r"[^,;:.()\d]*?\b(?:in|across|within|throughout)\s+((?:the|this|that)\s+\w+)", re.IGNORECASE
)
#: After an area: its own figure ("Eastmoor 40", "Saltby: 12", "Fenland had 30").
_OWN_FIGURE = re.compile(r"\s*[:,]?\s+(?:had\s+|recorded\s+|saw\s+|with\s+)?[£]?\d")
_ANAPHOR = re.compile(
    r"\b(?i:the|this|that|its)\s+(?:same\s+)?(?P<noun>(?i:district|division|ward|borough|city"
    r"|neighbourhood|locality|bcu|sector|town))(?:['’]s)?\b|(?<![\w])(?:Its|It)\b"
    # "That is a few fewer than ...": the sentence goes on about the one before
    r"|\b(?:That|This)(?=\s+(?:is|was)\b|['’]s\b)"
    r"|(?P<whole>\b(?i:county|force|constabulary|countywide|nationally|national))\b",
)
#: Between a figure and an area after it, nothing compared: "recorded 733 ... in Fenland".
_PLAIN_GAP = re.compile(r"[^\d;:()]*?\b(?:in|across|within)\s+(?:the\s+)?$", re.IGNORECASE)
_COMPARING = re.compile(r"\b(?:than|against|compared|versus|while|whereas)\b", re.IGNORECASE)
#: Between a figure and an area after it that the figure is set against.
_SET_AGAINST = re.compile(
    r"\b(?:than|against|compared|versus|below|above|behind|ahead|under|over|beneath)\b",
    re.IGNORECASE,
)


def _sub_area_after(sentence: Sentence, areas: list[Item], pos: int, root: str) -> Item | None:
    """A part of the force named after a figure whose nearest area is the force itself: in
    "The Constabulary recorded 733 outcomes in Fenland" the force is who recorded, Fenland
    where."""
    text = sentence.text
    for area in areas:
        if (
            area.start < pos
            or area.key == root
            or sentence.clause_of(area.start) != (sentence.clause_of(pos))
        ):
            continue
        gap = re.sub(r"^\S+", "", text[pos : area.start])  # the words after the figure
        if _PLAIN_GAP.fullmatch(gap) and not _COMPARING.search(gap):
            return area
        return None
    return None


def area_for(reading: Reading, sentence: Sentence, pos: int) -> tuple[str | None, str | None]:
    """The area of a claim at ``pos`` and the words that name it (None: the force's)."""
    # "rose to 110 from 94 in September, with Peterborough accounting for 64": an area
    # after a comma starts a phrase of its own, not the figure's.
    text = sentence.text
    areas = [
        a
        for a in sentence.areas
        if a.start < pos
        # "Harbourside recorded 77, Eastmoor 40": an area after the figure with a figure
        # of its own right after it is that figure's, not this one's.
        or not (_NEW_PHRASE.search(text, pos, a.start) or _OWN_FIGURE.match(text, a.end))
    ]
    # "a steeper fall than the county's": the area compared with is not the claim's.
    compared = [(t.start, t.end) for t in sentence.targets if t.key == "area"]
    own = [
        a
        for a in areas
        if not any(s <= a.start < e for s, e in compared)
        # "Cambridgeshire Constabulary's monthly figures show ...": who publishes them
        and not _SOURCE_AFTER.match(text, a.end)
        # "1,008 of the North's extra 1,422 crimes": the whole the figure is a part of
        and not (a.start > pos and _PART_OF.fullmatch(text, pos, a.start))
        # "Peterborough, the force's busiest district, recorded 1,684": says what another
        # area is, not whose the figure is
        and not _DESCRIBES.match(text, a.end)
    ]
    # "Coastal division (Eastmoor, Harbourside and Saltby): 238": the areas a division's
    # name lists in brackets are its members, not the figure's area.
    own = [a for a in own if not _listed_member(text, areas, a, pos)]
    area = nearest(own, pos, sentence.clause_of)
    root = reading.reader.areas.root.name
    whole = _whole_of_area_after(sentence, areas, pos)
    if whole is not None:
        return whole.key, whole.text
    if area is not None and area.key == root:
        sub = _sub_area_after(sentence, areas, pos, root)
        if sub is None and area.start < pos:
            # "Cambridgeshire Constabulary recorded 272 ... in the city": the force is who
            # recorded, the place it points to where.
            pointed = _pointed_after(reading, sentence, pos)
            if pointed is not None:
                return pointed
        area = sub or area
    if area is None or (area.start > pos and _SET_AGAINST.search(text, pos, area.start)):
        # "Upland has seen the steepest rise. Its 123 assaults ...": the area of the sentence
        # before, where this one points back to it; and "the district's rate is 11.7%, a
        # little below the force rate": the area pointed at, not the one compared after.
        pointed = _pointed_before(reading, sentence, pos, after=area is None)
        if pointed is not None:
            return pointed
    if area is None:
        # "... in the Coastal division (170 in January; the average is 142)": an
        # aside in brackets is about the area before it.
        before = [a for a in areas if a.end <= pos]
        if before and inside_brackets(sentence.text, before[-1].end, pos):
            return before[-1].key, before[-1].text
        return root, None
    return area.key, area.text


#: Before a figure that is the whole a part is of: "92 of the 387 ...".
_WHOLE_BEFORE = re.compile(
    r"(?:\d[\d,]*(?:\.\d+)?%?|half|(?:a|one|two)\s+(?:thirds?|quarters?|fifths?)|most|some)"
    r"\s+of\s+(?:the\s+|all\s+)?$",
    re.IGNORECASE,
)
#: Between that whole and the area it is of: "387 vehicle thefts in the whole Coastal".
_WHOLE_GAP = re.compile(
    r"[^\d;:()]*?\b(?:in|across|within|for)\s+(?:the\s+)?(?:whole\s+|entire\s+|wider\s+)?$",
    re.IGNORECASE,
)


def _whole_of_area_after(sentence: Sentence, areas: list[Item], pos: int) -> Item | None:
    """The area of a whole a part is of, named after it: "Saltby had 92 of the 387 vehicle
    thefts in the whole Coastal division" (387 is Coastal's, not Saltby's)."""
    text = sentence.text
    if not _WHOLE_BEFORE.search(text, max(sentence.start, pos - 20), pos):
        return None
    gap_start = re.compile(r"\S+").match(text, pos)
    after = gap_start.end() if gap_start else pos
    for area in areas:
        if area.start > pos and sentence.clause_of(area.start) == sentence.clause_of(pos):
            return area if _WHOLE_GAP.fullmatch(text, after, area.start) else None
    return None


def _listed_member(text: str, areas: list[Item], area: Item, pos: int) -> bool:
    """Whether an area before a figure is one listed in brackets after another area's name
    ("Coastal division (Eastmoor, Harbourside and Saltby): 238")."""
    if area.start > pos:
        return False
    opened = text.rfind("(", 0, area.start)
    closed = text.find(")", area.end)
    if opened < 0 or closed < 0 or closed > pos or ")" in text[opened : area.start]:
        return False
    return any(
        other.end <= opened
        and re.fullmatch(r"\s*(?:[A-Za-z]+\s*)?", text[other.end : opened]) is not None
        for other in areas
    )


def _pointed_after(reading: Reading, sentence: Sentence, pos: int) -> tuple[str, str] | None:
    """The area a pointer just after a figure means ("272 crimes in the city"), with the
    words that name it."""
    text = sentence.text
    token = re.compile(r"\S+").match(text, pos)  # the figure itself ("1,695")
    start = token.end() if token else pos
    found = _PLACE_AFTER.match(text, start, min(sentence.end, start + 80))
    if found is None:
        return None
    pointers = list(_ANAPHOR.finditer(text, found.start(1), found.end()))
    if not pointers or pointers[-1].group("whole") is not None:
        return None
    meant = _pointed_to(reading, sentence.context.area, pointers[-1].group("noun"))
    return (meant, pointers[-1].group()) if meant is not None else None


def _pointed_before(
    reading: Reading, sentence: Sentence, pos: int, after: bool
) -> tuple[str, str] | None:
    """The area a pointer before a figure means ("the district's"), from the sentence's
    context; with ``after``, a pointer just after it ("... across the district") too."""
    text = sentence.text
    # The last pointer before the figure counts: "than the county's (2,318)" is not.
    pointers = list(_ANAPHOR.finditer(text, sentence.start, pos))
    if not pointers and after:
        # "784 crimes were recorded across the district": a pointer right after it
        found = _PLACE_AFTER.match(text, pos, min(sentence.end, pos + 80))
        if found is not None:
            pointers = list(_ANAPHOR.finditer(text, found.start(1), found.end()))
    if pointers and pointers[-1].group("whole") is None:
        meant = _pointed_to(reading, sentence.context.area, pointers[-1].group("noun"))
        if meant is not None:
            return meant, pointers[-1].group()
    return None


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
        if (
            sentence.context.period is None
            and reading.reporting is not None
            and MONTH_NOUN.search(sentence.text, sentence.start, sentence.end)
        ):
            # "fell to 482 offences, the lowest monthly figure since April": the month.
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
    reading.headings[heading] = context
    return context


def _pointed_to(reading: Reading, carried: str | None, noun: str | None) -> str | None:
    """The area "the division" points to: the one carried from the sentence before if it
    is a division, else the last division the paper named; "its": the one carried."""
    if noun is None:
        return carried
    noun = noun.lower()
    areas = reading.reader.areas
    # The area carried from the sentence before, else the paper's own ("Upland division
    # monthly report"), else the last the paper named.
    first = carried or reading.paper_area
    for key in ([first] if first else []) + reading.named_areas[::-1]:
        area = areas.areas.get(key)
        if area is not None and (
            area.level.lower() == noun or noun in (area.label or "").lower().split()
        ):
            return key
    return carried or reading.paper_area


def context_after(reading: Reading, sentence: Sentence, claims: list[Claim]) -> Context:
    """The context a sentence leaves to the next one."""
    root = reading.reader.areas.root.name
    for named in sorted(sentence.areas, key=lambda a: a.start):
        if named.key != root and named.key in reading.reader.areas.areas:
            reading.named_areas.append(named.key)
    after = _context_after(reading, sentence, claims)
    area = _area_left(reading, sentence, claims)
    return after if after.area == area else replace(after, area=area)


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


def _context_after(reading: Reading, sentence: Sentence, claims: list[Claim]) -> Context:
    ctx = sentence.context
    if ctx.measure is not None and _aside(sentence):
        return ctx
    if sentence.mentions:
        found = sentence.mentions
        words = frozenset().union(*(m.words for m in found))
        measures = reading.reader.measures
        # The sentence's subject (its first name) is what "the rate" after it means; all
        # its names together may name the measure it was compared with instead.
        mid, _ = measures.resolve(found[0].words, context=ctx.words)
        if mid is None:
            mid, _ = measures.resolve(words, context=ctx.words)
        # Every measure the sentence names ("...below the satisfaction of all victims"):
        # the next sentence may quote a figure of any of them.
        named = [measures.resolve(m.words)[0] for m in found[1:]]
        rolling = any(m.rolling for m in found)
        last_period = main_period(claims)
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
