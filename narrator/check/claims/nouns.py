"""What a figure counts when the text says so: "22 occasions", "6 suspects", "999 calls",
and the measure whose unit the noun is."""

from __future__ import annotations

import re

from narrator.catalogue import Kind
from narrator.check.claims.context import Measured
from narrator.check.claims.grammar import NEXT_WORD, NOUN_AFTER, PREVIOUS_WORD, STOP, VERBS
from narrator.check.claims.pieces import Item
from narrator.check.claims.reading import Reading
from narrator.check.tokens.measures import name_words, norm_word

#: The lines of a chart of the measure: a figure in brackets after one ("above the upper
#: control limit (245)") is a figure of the measure, not a count of lines.
LINES = frozenset({"limit", "limits", "average", "mean", "median", "line", "benchmark"})
#: Nouns that count occurrences of whatever the measure counts ("231 times").
TIMES = frozenset({"time", "occasion"})
#: "half of all ...": what follows is the whole a figure is part of.
PART_OF = re.compile(
    r"\b(?:half|third|quarter|majority|minority|most|some|many|few|proportion|share|part)"
    r"\s+of\s+(?:all\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def noun(reading: Reading, text: str, q: Item, after: str, items: list[Item]) -> str | None:
    """What a figure counts, when the text says: "22 occasions", "one male charged",
    "prompt graded incidents (86)"."""
    found = NOUN_AFTER.match(after)
    if found and found.group(1).lower() not in VERBS:  # "44 compares with 33": a verb
        return found.group(1)
    single = NEXT_WORD.match(after) if q.label == "COUNT" else None
    if single:
        word = single.group(1)
        lower = word.lower()
        if (
            lower not in STOP
            and lower not in VERBS
            and lower not in reading.lexicon_words
            and not lower.endswith(("ed", "ing", "ly"))
        ):
            return word
    if q.label == "COUNT" and text[q.start - 1 : q.start] == "(" and text[q.end : q.end + 1] == ")":
        # "incidents (86)": the figure counts the words before the bracket, unless they
        # name an area, a measure or a period ("Cambridge City (+10%)", "on June (272)").
        named = any(
            i.end in (q.start - 1, q.start - 2)
            for i in items
            if i.label in ("AREA", "MEASURE", "DATE", "YEAR", "FY", "PERIOD", "LEX")
        )
        before = PREVIOUS_WORD.search(text, max(0, q.start - 40), q.start)
        if before and not named and before.group(1).lower() not in LINES:
            return before.group(1)
    return None


def names_number(reading: Reading, number: str, after: str) -> bool:
    """Whether ``number`` is a word of a measure name whose other words follow it
    ("999 and 101 call volumes")."""
    if not number.isdigit():
        return False
    names = reading.numbered_names.get(number)
    if not names:
        return False
    words = name_words(after)
    return any(rest <= words for rest in names)


def noun_measure(reading: Reading, noun: str, sentence: str) -> str | None:
    """The measure a figure counts when its noun is the unit of a measure whose name
    the sentence spells out ("Offensive weapons were found on 22 occasions")."""
    unit = norm_word(noun)
    words = name_words(sentence)
    found: str | None = None
    size = 0
    for measure in reading.reader.catalogue:
        if measure.kind is Kind.RATIO:
            continue
        units = {norm_word(measure.unit), norm_word(measure.unit_plural or measure.unit)}
        if unit not in units:
            continue
        for name in (measure.label, *measure.aliases):
            need = name_words(name) - units
            if need and need <= words and len(need) > size:
                found, size = measure.id, len(need)
    return found


#: A verb of what was done to a count, just before it or just after it: "solved 137
#: vehicle thefts", "with 99 solved", "charged 41 people".
#: The noun a measure of what was done to counts may be named by: "charged or summonsed
#: outcomes" are the crimes charged or summonsed.
_OUTCOME = frozenset({"outcome"})
_VERB_BEFORE = re.compile(r"\b([a-z]+ed)\s+(?:a\s+further\s+|only\s+|just\s+)?$")
_VERB_AFTER = re.compile(r"\s+([a-z]+ed)\b")
#: The verb after the count's noun: "with 14 thefts solved".
_VERB_AFTER_NOUN = re.compile(r"\s+(?:[a-z]+\s+){1,2}?([a-z]+ed)\b")
#: The verb later in the clause, in the passive: "317 vehicle thefts in Highcross were
#: solved".
_VERB_PASSIVE = re.compile(
    r"[^.;:,()\d]{0,40}?\b(?:were|was|have\s+been|has\s+been|had\s+been)\s+([a-z]+ed)\b"
    # "were charged or summonsed": the pair a measure's name may hold
    r"(?:\s+(?:or|and)\s+([a-z]+ed)\b)?"
)


#: Verbs that say a count was counted, not what was done to what it counts ("we recorded
#: 9": crimes recorded, not a measure of outcomes "not recorded").
_RECORDING = frozenset(("recorded", "reported", "logged"))


def done_to(reading: Reading, text: str, q: Item, measured: Measured) -> Measured:
    """The measure of what was done to the count named ("solved" thefts are the solved
    thefts measure), where the project has one whose name adds that word."""
    assert measured.measure is not None
    measures = reading.reader.measures
    own = name_words(reading.reader.catalogue[measured.measure].label)
    for found in (
        _VERB_BEFORE.search(text, max(0, q.start - 30), q.start),
        _VERB_AFTER.match(text, q.end),
        _VERB_AFTER_NOUN.match(text, q.end),
        _VERB_PASSIVE.match(text, q.end),
    ):
        if found is None:
            continue
        verb = norm_word(found.group(1))
        if verb not in measures.vocabulary or verb in own or verb in _RECORDING:
            continue
        pair = found.group(2) if found.re is _VERB_PASSIVE else None
        if pair:
            # "597 crimes were charged or summonsed": the measure the pair names, whatever
            # the count's noun ("crimes" of "charged or summonsed outcomes").
            both = frozenset({verb, norm_word(pair), "or", "and"})
            done, _ = measures.best(both | _OUTCOME, need=frozenset({verb}))
            if done is not None and done != measured.measure:
                return measured._replace(measure=done)
        done, _ = measures.best(own | {verb}, need=frozenset({verb}))
        if done is not None and done != measured.measure and own <= reading.measure_words(done):
            return measured._replace(measure=done)
    return measured
