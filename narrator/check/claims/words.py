"""The first phase of reading a sentence: its entities and lexicon phrases grouped into what
the later phases pair up: measure mentions, comparison targets, direction words, and the
areas a claim is said of."""

from __future__ import annotations

import re

from narrator.catalogue import Kind
from narrator.check.claims.grammar import (
    BOTH,
    BOTH_AREAS,
    DIRECTION_KINDS,
    NEED_LEVEL,
    STOP,
    TARGET_BEFORE,
    VERBS,
)
from narrator.check.claims.pairing import is_period_phrase
from narrator.check.claims.periods import date_period
from narrator.check.claims.pieces import DirectionWord, Item, Mention, Sentence, Target
from narrator.check.claims.reading import Reading
from narrator.check.claims.runs import RUN_TO_MONTH
from narrator.check.tokens.measures import NEUTRAL_HEADS, name_words, norm_word

#: After a change noun: the change is being explained, not said ("was driven by").
CAUSED_AFTER = re.compile(
    r"\s+(?:(?:was|is|has\s+been|were|are)\s+(?:\w+\s+)?(?:driven|caused|due|explained|accounted)"
    # "The drop follows Operation Hearth": what came before the change
    r"|(?:follows|followed|comes\s+after|came\s+after|coincides\s+with|coincided\s+with))\b",
    re.IGNORECASE,
)


#: Before a change noun: the change is being explained ("... drove the increase").
CAUSE_BEFORE = re.compile(
    r"\b(?:drove|drives|driving|caused|causing|behind|explains?|explained)\s+the\s+$",
    re.IGNORECASE,
)
#: A period phrase just before a measure's name: "the 12 month ... rate", "the rolling",
#: "the 12 month total of vehicle thefts".
ROLLING_BEFORE = re.compile(
    r"(?:(?:12|twelve)[\s-]months?|rolling(?:\s+annual)?)"
    r"(?:\s+(?:total|number|count|level|volume)s?\s+of(?:\s+the)?)?\s*$"
)
#: A period phrase inside a measure's name ("the all crime 12 month ... rate"): the measure
#: is meant over the rolling year.
ROLLING_IN_NAME = re.compile(r"\b(?:rolling|(?:12|twelve)[\s-]months?)\b", re.IGNORECASE)


def mentions(reading: Reading, text: str, items: list[Item]) -> list[Mention]:
    """Measure names grouped with what joins them, and the words of each group."""
    groups: list[list[Item]] = []
    for item in items:
        if item.label != "MEASURE":
            continue
        if groups:
            last = groups[-1][-1]
            gap = text[last.end : item.start]
            inner = [i for i in items if last.end <= i.start and i.end <= item.start]
            for i in inner:
                if i.label == "PERIOD":
                    gap = gap.replace(i.text, " ")
            if len(gap) <= 40 and reading.joins(gap):
                groups[-1].append(item)
                continue
        groups.append([item])
    found = [_mention(reading, text, items, group) for group in groups]
    nouns = _count_nouns(reading, text, items)
    if nouns:
        found.extend(nouns)
        found.sort(key=lambda m: m.start)
    return found


_HEADS: dict[int, tuple[object, dict[str, str]]] = {}


def _head_nouns(reading: Reading) -> dict[str, str]:
    """The last word of count measures' names, each to the measure with the shortest name
    that ends with it ("thefts": "vehicle thefts", not "solved vehicle thefts"); a word two
    names as short end with names neither."""
    catalogue = reading.reader.catalogue
    cached = _HEADS.get(id(catalogue))
    if cached is not None and cached[0] is catalogue:
        return cached[1]
    best: dict[str, list[tuple[int, str]]] = {}
    for measure in catalogue:
        if measure.kind is Kind.RATIO:
            continue
        words = measure.label.split()
        best.setdefault(norm_word(words[-1]), []).append((len(words), measure.id))
    heads = {}
    for noun, named in best.items():
        named.sort()
        if len(named) == 1 or named[0][0] < named[1][0]:
            heads[noun] = named[0][1]
    _HEADS[id(catalogue)] = (catalogue, heads)
    return heads


#: The word just before a count in a terse list: "thefts 7,771", "Arrests: 816".
_NOUN_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+):?[ \t]+$")
#: The word after a count: "206 crimes".
_NEXT_NOUN = re.compile(r"\s+([A-Za-z]+)\b")


#: After a count's noun: it names the kinds of a measure ("three crime types").
_KINDS_AFTER = re.compile(r"\s+(?:types?|categor(?:y|ies))\b", re.IGNORECASE)


def _count_nouns(reading: Reading, text: str, items: list[Item]) -> list[Mention]:
    """A count's noun that names a measure as the writer words a count of it ("There were
    206 crimes recorded": all crime), where no measure is named there already."""
    named = [(i.start, i.end) for i in items if i.label == "MEASURE"]
    found = []
    for item in items:
        if item.label != "COUNT":
            continue
        after = _NEXT_NOUN.match(text, item.end, item.end + 30)
        measure = reading.count_nouns.get(norm_word(after.group(1))) if after else None
        if measure is None:
            # "thefts 7,771 (+5.7%); assaults 3,149": the noun before a terse count.
            after = _NOUN_BEFORE.search(text, max(0, item.start - 30), item.start)
            noun = norm_word(after.group(1)) if after else ""
            measure = reading.count_nouns.get(noun) or _head_nouns(reading).get(noun)
        if after is None:
            continue
        start, end = after.span(1)
        if measure is None or any(s < end and start < e for s, e in named):
            continue
        if _KINDS_AFTER.match(text, end):
            continue  # "one of only three crime types": kinds of crime, no measure
        words = name_words(reading.reader.catalogue[measure].label)
        found.append(Mention(start, end, words, after.group(1)))
    return found


def _mention(reading: Reading, text: str, items: list[Item], group: list[Item]) -> Mention:
    """One group of measure names as a mention: its words, its head noun, whether rolling."""
    vocabulary = reading.reader.measures.vocabulary
    start, end = group[0].start, group[-1].end
    span_text = text[start:end]
    words = set(name_words(span_text))
    words.update(name_words(" ".join(i.text for i in group)))
    words = {w for w in words if not w.isdigit() or w in vocabulary}
    head: str | None = None
    after = re.match(r"\s+([A-Za-z]+)", text[end : end + 30])
    if after:
        word = norm_word(after.group(1))
        raw = after.group(1).lower()
        if word in vocabulary or word in NEUTRAL_HEADS:
            words.add(word)
        elif (
            word not in STOP
            and raw not in VERBS
            and raw not in reading.lexicon_words
            and after.group(1)[0].islower()
            and len(word) > 3
            and not raw.endswith(("ed", "ing", "ly"))
        ):
            head = after.group(1)
    before = text[max(0, start - 40) : start].lower()
    rolling = (
        bool(ROLLING_BEFORE.search(before))
        or bool(ROLLING_IN_NAME.search(span_text))
        or any(i.label == "PERIOD" and start <= i.start < end for i in items)
    )
    return Mention(start, end, frozenset(words), span_text, head, rolling)


#: After an area: a clause about it ("Moorend, where thefts dropped from 70 to 56").
_WHERE_AFTER = re.compile(r",?\s+(?:where|which\s+(?:saw|had|recorded))\b", re.IGNORECASE)
#: The 12 months before a rolling 12 months, as a comparison's target.
_PREVIOUS_YEAR = re.compile(
    r"(?:the\s+)?(?:previous|preceding|prior)\s+(?:12|twelve)\s+months", re.IGNORECASE
)


#: A change, then "on" before a year: "up 5.3 per cent on 2018", "a rise of 83 on 2017".
_CHANGE_ON = re.compile(
    r"(?:\d\s*(?:%|per\s*cent|points?|pp)?|\b(?:up|down|higher|lower|more|fewer|rise|fall"
    r"|increase|decrease|reduction))\s+on\s+$",
    re.IGNORECASE,
)


#: Inside one date: a run of months ("September to November 2020").
_RUN_ITSELF = re.compile(r"[A-Za-z](?:\s+to\s+|\s*[-–]\s*)[A-Za-z]", re.IGNORECASE)


def targets(reading: Reading, sentence: Sentence) -> list[Target]:
    """Comparison targets: lexicon phrases, and months, areas or measures after "than"."""
    text, s0, s1 = sentence.text, sentence.start, sentence.end
    found: list[Target] = []
    for item in sentence.items:
        if item.label == "LEX" and item.key.startswith("comparison:"):
            if is_period_phrase(text, item, s0):
                continue
            found.append(Target(item.start, item.end, item.key.split(":", 1)[1], item.text))
            continue
        if item.label not in ("DATE", "AREA", "FY", "PERIOD", "YEAR"):
            continue
        before = text[max(s0, item.start - 40) : item.start]
        match = TARGET_BEFORE.search(before)
        if not match:
            continue
        if item.label == "AREA":
            if match.group(0).lower().startswith(("on", "above", "below")):
                # "on the South Area" is where, not what is compared with; "above the
                # county's 13.3%" compares the figures beside it, not the areas' levels
                continue
            if match.group(0).lower().startswith("from") and _WHERE_AFTER.match(text, item.end):
                continue  # "came from Moorend, where thefts fell": whence, then its figures
            found.append(Target(item.start, item.end, "area", item.text, area=item.key))
        elif item.label == "DATE":
            if RUN_TO_MONTH.match(text, item.end) or _RUN_ITSELF.search(item.text):
                # "From January to April": the first month of a run of months; "From
                # September to November 2020": the run itself
                continue
            label = date_period(reading, item, text, before)
            day = label is not None and label.startswith("D:")
            if label and not (day and match.group(0).lower().startswith("on")):
                found.append(Target(item.start, item.end, "period", item.text, period=label))
        elif item.label == "FY" and item.mark is not None:
            fy = f"FY:{item.mark.data['start_year']}"
            found.append(Target(item.start, item.end, "financial_year", item.text, period=fy))
        elif item.label == "PERIOD" and _PREVIOUS_YEAR.fullmatch(item.text):
            # "on the previous 12 months": a 12 months compared with the 12 before them.
            found.append(Target(item.start, item.end, "previous_year", item.text))
        elif (
            item.label == "YEAR"
            and item.mark is not None
            and (
                not match.group(0).strip().lower().startswith("on")
                or _CHANGE_ON.search(text, max(s0, item.start - 30), item.start) is not None
            )
        ):
            # "more assaults than in 2018", "up 5.3 per cent on 2018": the calendar year
            # compared with.
            year = f"CY:{item.mark.data['year']}"
            found.append(Target(item.start, item.end, "period", item.text, period=year))
    for mention in sentence.mentions:
        before = text[max(s0, mention.start - 30) : mention.start]
        if re.search(
            r"\b(?:than|below|above|compared\s+(?:to|with))\s+(?:the\s+)?(?:overall\s+)?$",
            before,
            re.IGNORECASE,
        ):
            found.append(
                Target(mention.start, mention.end, "measure", mention.text, words=mention.words)
            )
    for match in re.finditer(r"\bthan\s+(?:the\s+)?other\b", text[s0:s1]):
        found.append(Target(s0 + match.start(), s0 + match.end(), "other", match.group(0)))
    found.sort(key=lambda t: t.start)
    return found


#: Verbs "up" belongs to ("held up", "picked up", "set up", "followed up", "ending up in
#: court", "stepped up", "added up").
_PHRASAL_UP = re.compile(
    r"\b(?:hold|holds|held|holding|pick|picks|picked|picking|set|sets|setting|follow|follows"
    r"|followed|following|sign|signed|take|taken|took|step|stepped|stepping|back|backed|join"
    r"|joined|make|made|makes|catch|caught|keep|kept|keeping|open|opened|speak|spoke"
    r"|end|ends|ended|ending|turn|turns|turned|turning|show|shows|showed|showing|build|built"
    r"|building|clean|cleaned|round|rounded|add|adds|added|adding|call|called|beef|beefed"
    r"|ramp|ramped|scale|scaled|tie|tied|team|teamed|link|linked|wind|wound|sum|summed)\s+$",
    re.IGNORECASE,
)
#: After a direction word: a season it goes through, a pattern of the year, not a change
#: the figures measure ("rising through the spring and summer").
_SEASON_AFTER = re.compile(
    r"\s+(?:through|throughout|during|over|into)\s+(?:the\s+)?(?:spring|summer|autumn|winter)\b",
    re.IGNORECASE,
)
#: After "reduction" or "prevention": the body or money it names ("the violence reduction
#: fund", "Violence Reduction Unit"), a name, not a fall.
_NAMED_BODY_AFTER = re.compile(
    r"\s+(?:fund|funds|funding|unit|units|programme|programmes|program|partnership|board"
    r"|team|teams|strategy|strategies|plan|plans|grant|grants|network|scheme|schemes"
    r"|initiative|initiatives|project|projects|officer|officers|lead|leads|group|groups)\b",
    re.IGNORECASE,
)
#: After "better" or "worse": a noun of doing ("better recording", "worse reporting"), so
#: the word judges how something is done, not how a measure moved.
_DOING_AFTER = re.compile(
    r"\s+(?:[a-z]+(?:tion|sion|ment|ing)|use|data|awareness|understanding|training"
    r"|quality|compliance|information|intelligence)\b"
)
#: "puts it down to", "put down to": what follows is a cause, not a direction.
PUT_BEFORE = re.compile(
    r"\bput(?:s|ting)?(?:\s+(?:it|this|that|them|the\s+[a-z]+|(?:much|most)\s+of\s+(?:it|this)))?"
    r"\s+$",
    re.IGNORECASE,
)


#: After "falls": where a burden lands ("falls so heavily on", "falls mainly to").
_LANDS_ON = re.compile(
    r"\s+(?:(?:so|most|more|very|largely|mainly|mostly|chiefly|squarely|heavily|hardest"
    r"|disproportionately|particularly|unevenly)\s+){1,2}(?:on|upon|to)\b",
    re.IGNORECASE,
)


#: Before "above" or "below": a part of the paper it points to, not a level ("provided the
#: figures below for the whole district", "the table above shows").
_WHERE_IN_THE_PAPER = re.compile(
    r"\b(?:figures|table|tables|chart|charts|graph|graphs|data|information|details|list"
    r"|breakdown|summary|box|map|paragraph|section|shown|set\s+out|listed|given)\s*$",
    re.IGNORECASE,
)


def direction_words(sentence: Sentence) -> list[DirectionWord]:
    """The words that say a direction ("increased") or a judgement ("improved")."""
    text, s0, items = sentence.text, sentence.start, sentence.items
    found: list[DirectionWord] = []
    lex = [i for i in items if i.label == "LEX" and i.key.split(":", 1)[0] in DIRECTION_KINDS]
    for index, item in enumerate(lex):
        kind, key = item.key.split(":", 1)
        word = item.text.lower()
        before = text[max(s0, item.start - 20) : item.start]
        after = text[item.end : item.end + 12]
        if word in ("above", "below") and (
            re.search(r"(?:\d|\bas|\bsee|\bdetailed|\boutlined)\s*$", before, re.I)
            or re.match(r"\s*(?:[.,;)]|$)", after)
            or _WHERE_IN_THE_PAPER.search(before)
        ):
            continue  # "the figures below for the whole district": where in the paper
        if word == "up" and re.match(r"\s+(?:to|with|for|on\s+the\s+end)\b", after, re.I):
            continue
        if word in ("above", "below", "over", "under") and any(
            i.label == "THRESHOLD" and 0 <= i.start - item.end <= 2 for i in items
        ):
            continue  # "has been above 1,200 for five months": a level passed, not a change
        if _SEASON_AFTER.match(text, item.end):
            continue  # "rising through the spring and summer": a season's pattern
        if word in ("reduction", "reductions") and _NAMED_BODY_AFTER.match(text, item.end):
            continue  # "the violence reduction fund": the name of a body or its money
        if word in ("better", "worse") and _DOING_AFTER.match(text, item.end):
            continue  # "better identification and recording": a way of working, not a change
        if word in ("dip", "dips") and re.match(r"[\s-]*sampl", after, re.I):
            continue  # "a dip sample of 40 files": an audit, not a fall
        if word == "up" and _PHRASAL_UP.search(before):
            continue  # "has held up better", "picked up", "set up": a verb, not a rise
        if (
            word == "down"
            and re.match(r"\s+(?:(?:largely|mainly|partly|in\s+part)\s+)?to\b", after)
            and PUT_BEFORE.search(text, max(s0, item.start - 60), item.start)
        ):
            continue  # "which the force puts down to patrols": a cause, not a direction
        if word in ("fall", "falls", "fell", "falling") and _LANDS_ON.match(text, item.end):
            continue  # "the rise falls heavily on Coastal": where a burden lands, not a fall
        if key == "flat":
            nxt = lex[index + 1] if index + 1 < len(lex) else None
            if nxt is not None and nxt.start - item.end <= 2 and nxt.key != item.key:
                continue  # "steady increase": the adjective of a direction
            if word in ("level", "in line", "similar") and not NEED_LEVEL.search(before):
                continue
        if kind == "direction":
            found.append(DirectionWord(item.start, item.end, key, None, item.text))
        else:
            found.append(DirectionWord(item.start, item.end, None, key, item.text))
    return found


def multi_areas(reading: Reading, sentence: Sentence, areas: list[Item]) -> list[str]:
    """The areas a sentence says each of its claims of: "both areas", "A and B both have"."""
    lowered = sentence.lowered
    if ("all" in lowered or "both" in lowered or "each" in lowered) and BOTH_AREAS.search(
        sentence.string
    ):
        root = reading.reader.areas.root.name
        return [a.name for a in reading.reader.areas.children(root)]
    if "both" in lowered and BOTH.search(sentence.string):
        names = list(dict.fromkeys(a.key for a in areas))
        if len(names) >= 2:
            return names
    return []


def is_compared_with(reading: Reading, mention: Mention, found: list[Target]) -> bool:
    """Whether ``mention`` names the measure of a comparison target after it."""
    own, _ = reading.reader.measures.resolve(mention.words)
    if own is None:
        return False
    for target in found:
        if target.key == "measure" and target.start > mention.start:
            other, _ = reading.reader.measures.resolve(target.words)
            if other == own:
                return True
    return False


_BARE_IN = re.compile(r"\s+in\s+(?:the\s+)?(\w+)\b(?!\s+\w)", re.IGNORECASE)


def bare_measure(reading: Reading, text: str, end: int, around: frozenset[str]) -> str | None:
    """The measure "in prompt" names after a change noun: the one measure whose name is
    in ``around`` plus that word, and uses the word."""
    found = _BARE_IN.match(text, end)
    if found is None:
        return None
    word = norm_word(found.group(1))
    index = reading.reader.measures
    if word not in index.vocabulary:
        return None
    mid, _ = index.best(around | {word}, need=frozenset({word}))
    return mid


def mention_of_change(found: list[Mention], end: int, text: str) -> Mention | None:
    """The measure a change noun is of: "a decrease in the proportion graded prompt"."""
    for mention in found:
        if mention.start >= end:
            gap = text[end : mention.start]
            if len(gap) <= 30 and re.fullmatch(
                r"\s+(?:in|of)\s+(?:the\s+)?(?:(?:number|level|total)\s+of\s+)?(?:all\s+)?",
                gap,
                re.IGNORECASE,
            ):
                return mention
            return None
    return None


def area_list(text: str, areas: list[Item], before: int) -> list[Item]:
    """The areas listed together ("A, B and C") as the subject just before ``before``."""
    preceding = [a for a in areas if a.end <= before]
    if len(preceding) < 2:
        return []
    listed = [preceding[-1]]
    for area in reversed(preceding[:-1]):
        if not re.fullmatch(r"\s*(?:,|,?\s+and)\s*", text[area.end : listed[0].start]):
            break
        listed.insert(0, area)
    if len(listed) < 2 or not re.fullmatch(
        r"\s+(?:have|has|had|were|are|all|also|each|both|\s)+(?:\s+\w+){0,2}\s+",
        text[listed[-1].end : before],
    ):
        return []
    return listed


def inside_brackets(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` is inside a bracket opened after ``start``."""
    depth = 0
    for char in text[start:pos]:
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
    return depth > 0


def explained(text: str, d: DirectionWord, s0: int) -> bool:
    """ "The decrease was driven by ...": the change the sentence before stated."""
    before = text[max(s0, d.start - 30) : d.start]
    return bool(
        re.search(r"\bthe\s+$", before, re.IGNORECASE)
        and CAUSED_AFTER.match(text, d.end, d.end + 40)
    )
