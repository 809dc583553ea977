"""The last phase of reading a sentence: the defaults a claim takes from its sentence once
every claim of it is read (a comparison said once for all its figures, the reporting month,
a proportion, the future tense, a noun that says the figure counts something else)."""

from __future__ import annotations

import re
from typing import Any

from narrator import months
from narrator.catalogue import Kind
from narrator.check.claims.directions import target_fields
from narrator.check.claims.grammar import CLAUSE_BREAK, FUTURE, PROPORTION, STOP, relative_period
from narrator.check.claims.model import GROUP, MULTIPLE, PART, Claim, replace
from narrator.check.claims.nouns import PART_OF, TIMES, noun_measure
from narrator.check.claims.pieces import Sentence
from narrator.check.claims.reading import Reading
from narrator.check.tokens.measures import norm_word

#: Between a change and what it is against: "more than", "lower than in", "up on", "below".
_THAN_GAP = re.compile(
    r"\s*(?:per\s*cent|%|points?|percentage\s+points?|pp)?\s*(?:[a-z]+\s+){0,2}?"
    r"(?:than|on|below|above|against|compared\s+(?:to|with))\s+(?:in\s+|the\s+|in\s+the\s+)?",
    re.IGNORECASE,
)


def complete(reading: Reading, sentence: Sentence, claim: Claim) -> Claim:
    """Defaults a claim takes from its sentence once every claim is read."""
    if not claim.is_data:
        return claim
    fields: dict[str, Any] = {}
    if claim.kind == "figure" and claim.role == "change" and claim.comparison is None:
        # "+10%" in a sentence that says what all its figures compare with.
        # "14.2% more than December and 12.0% more than January last year": the comparison
        # said right after a change is its own.
        targets = [
            t
            for t in sentence.targets
            if claim.area_text is not None or t.key != "area" or t.area != claim.area
        ]
        after = [
            t
            for t in targets
            if t.start >= claim.span[1]
            and _THAN_GAP.fullmatch(sentence.text, claim.span[1], t.start) is not None
        ]
        # "up from 38 in April (+31.6%) and from 36 in May 2018": the change in brackets
        # right after a period compared with is against that period.
        bracketed = [
            t
            for t in targets
            if t.end <= claim.span[0]
            and re.fullmatch(r"\s*\(\s*", sentence.text[t.end : claim.span[0]])
        ]
        after = bracketed[-1:] or after
        near = (
            after[0]
            if after
            else min(targets, key=lambda t: abs(t.start - claim.span[0]), default=None)
        )
        if near is not None:
            fields.update(target_fields(reading, near, claim.period))
    comparison = fields.get("comparison", claim.comparison)
    if claim.period is None and comparison is not None and reading.reporting is not None:
        # "fell month on month", "consistent with the October 2018 figure": the
        # reporting month against the month compared with.
        fields["period"] = months.iso(reading.reporting)
        if claim.measure and reading.reader.measures.kinds.get(claim.measure) is Kind.RATIO:
            # Rates are reported over the rolling year unless a month is named.
            fields["period"] = f"R12:{fields['period']}"
        reference = fields.get("reference_period", claim.reference_period)
        if comparison == "period" and reference:
            fields["comparison"] = relative_period(fields["period"], reference) or "period"
    proportion, future = _clause_flags(sentence, sentence.clause_of(claim.span[0]))
    if claim.statistic is None and proportion:
        fields["statistic"] = "proportion"
    if future:
        fields["tense"] = "future"
    fields.update(_counted(reading, sentence, claim, fields))
    return replace(claim, **fields) if fields else claim


def _clause_flags(sentence: Sentence, index: int) -> tuple[bool, bool]:
    """Whether clause ``index`` of the sentence says a proportion ("the proportion of") and
    speaks of the future ("will", "is due to"), worked out once per clause."""
    found = sentence.clause_flags.get(index)
    if found is None:
        clause = sentence.text[sentence.breaks[index] : sentence.clause_end(index)]
        found = (PROPORTION.search(clause) is not None, FUTURE.search(clause) is not None)
        sentence.clause_flags[index] = found
    return found


def _counted(
    reading: Reading, sentence: Sentence, claim: Claim, fields: dict[str, Any]
) -> dict[str, Any]:
    """What a count counts when its noun or its words say it is not the measure itself."""
    found: dict[str, Any] = {}
    if claim.kind == "figure" and _a_multiple(sentence, claim):
        # "over three times the 9 of the year before", "one in four": how many times one
        # figure is another, not a figure of the measure.
        return {"measure_head": MULTIPLE}
    if (
        claim.kind == "figure"
        and claim.noun
        and _level(reading, claim.noun) is not None
        # "the biggest district (1,621)": the district's figure in brackets, not a count
        and not _BRACKET_AFTER_NOUN.search(sentence.text, max(0, claim.span[0] - 30), claim.span[0])
    ):
        return _counted_areas(reading, sentence, claim)
    if (
        claim.kind == "figure"
        and claim.noun
        and claim.measure_head is None
        and claim.measure is not None
        and norm_word(claim.noun) not in reading.measure_words(claim.measure)
    ):
        # "6 suspects", "22 occasions": a count of something other than the measure,
        # unless the noun is the unit of a measure the sentence names in other words.
        other = noun_measure(reading, claim.noun, sentence.string)
        if other is not None:
            found.update(measure=other, measure_text=claim.noun, measure_from="noun")
        elif norm_word(claim.noun) in TIMES and claim.measure_from == "text":
            pass  # "140 times": occurrences of the measure its sentence names
        else:
            found["measure_head"] = claim.noun
    if claim.kind == "figure" and _RANK.search(
        sentence.text, max(sentence.start, claim.span[0] - 40), claim.span[0]
    ):
        # "placed 5th of 8", "ranked 5 out of 8": a position among peers, whose figures
        # the project does not hold.
        return {"measure_head": "a position among peers"}
    per = _PER_HEAD.match(
        sentence.text, claim.span[1], min(sentence.end, claim.span[1] + 60)
    ) or _PER_HEAD_BEFORE.search(
        sentence.text, max(sentence.start, claim.span[0] - 60), claim.span[0]
    )
    if claim.kind == "figure" and per is not None:
        # "a rate of 71.4 per 1,000 population": a rate per head, and narrator has no
        # population figures.
        return {"measure_head": " ".join(per.group(1).split())}
    if (
        claim.kind == "figure"
        and "measure_head" not in fields
        and _of_a_group(reading, sentence, claim)
    ):
        # "satisfaction among repeat victims was 71%", "female victims (82%)": a group the
        # project's figures do not break down.
        return {"measure_head": GROUP}
    if claim.kind == "figure" and "measure_head" not in fields and _a_part(sentence, claim):
        # "accounting for 64 of them", "60% of the month's total", "its share of them was
        # 58%": a part of what the sentence counts, not the measure's value.
        found["measure_head"] = PART
        return found
    if (
        claim.kind == "figure"
        and claim.unit == "count"
        and claim.measure_text
        and "measure_head" not in fields
        and "measure_head" not in found
    ):
        # "half of all prompt graded incidents (86)": the figure counts a part.
        string = sentence.string
        at = string.find(claim.measure_text)
        if at >= 0 and PART_OF.search(string[max(0, at - 40) : at]):
            found["measure_head"] = PART
    return found


#: A level's noun, then a figure in brackets: "the biggest district (1,621)".
_BRACKET_AFTER_NOUN = re.compile(r"[A-Za-z]\s*\(\s*$")


def _counted_areas(reading: Reading, sentence: Sentence, claim: Claim) -> dict[str, Any]:
    """A count whose noun is a level of areas ("six districts"): of the peers of the
    force, of a rank's group, of the areas the sentence lists, or of every area of it."""
    assert claim.noun is not None
    if _level(reading, claim.noun) == norm_word(reading.reader.areas.root.level):
        # "the MSG is made up of eight forces": the project holds one force, not its peers.
        return {"measure_head": claim.noun}
    if _RANK_OF.search(sentence.text, max(0, claim.span[0] - 25), claim.span[0]):
        # "2nd of the 3 Upland districts": the size of the group a rank is in
        return {"measure_head": claim.noun}
    # "two districts in particular are showing increases: A (+3.0%) and B (+2.0%)": a count
    # of the areas the sentence goes on to list; "all six districts ... except Harbourside"
    # lists none.
    listed = _listed(reading, sentence, claim)
    if listed and not _EXCEPT.search(sentence.text, claim.span[1], sentence.end):
        return {"listed": listed}
    # "among the six districts": a count of every area of the level.
    return {"level_count": _at_level(reading, claim.noun)}


#: Words before a figure that make it a position among peers or the number of them.
_RANK = re.compile(
    r"(?:\b(?:rank(?:s|ed|ing)?|placed|places|placing|position(?:ed)?)\s+(?:(?:joint|equal)\s+)?"
    r"(?:\d+(?:st|nd|rd|th)?\s+(?:out\s+)?of\s+)?"
    r"|\b\d+(?:st|nd|rd|th)\s+(?:out\s+)?of\s+)$",
    re.IGNORECASE,
)
#: Words after a figure that make it a multiple of another figure or a ratio: "three times
#: the 168 of June", "four times as many", "twice", "one in four", "three out of every ten".
_MULTIPLE = re.compile(
    r"\s+times\s+(?:as\s+(?:many|much|high|large|likely|common)|the|its|their|that|what|"
    r"higher|greater|larger|bigger|more|lower|smaller|fewer|over|above|below)\b"
    r"|\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<whole>two|three|four|five|six|seven|eight|nine|"
    r"ten|twenty|a\s+hundred|\d{1,3})\b(?![\d,.]|\s*(?:%|per\b|months?|years?|weeks?|days?))",
    re.IGNORECASE,
)
#: The part of a ratio before its whole: "one in", "3 out of every".
_PART_IN = re.compile(
    r"\b(?P<part>one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s+(?:in|out\s+of)\s+"
    r"(?:every\s+)?$",
    re.IGNORECASE,
)
_WHOLES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_WHOLES |= {"nine": 9, "ten": 10, "twenty": 20}


def _a_multiple(sentence: Sentence, claim: Claim) -> bool:
    """Whether a figure says how many times one figure is another: "three times the 168",
    or "one in four" (a part smaller than its whole: "26 in four districts" is not)."""
    found = _MULTIPLE.match(sentence.text, claim.span[1], sentence.end)
    if found is None:
        # "four" of "one in four": the whole the part is one of.
        part = _PART_IN.search(
            sentence.text, max(sentence.start, claim.span[0] - 20), claim.span[0]
        )
        if part is None or claim.value is None:
            return False
        return 0 < _size(part.group("part")) < claim.value
    whole = found.group("whole")
    if whole is None:
        return True
    return claim.value is not None and 0 < claim.value < _size(whole)


def _size(said: str) -> int:
    """A small number as written in a ratio: "four", "10", "a hundred"."""
    if said.lower().startswith("a"):
        return 100
    return _WHOLES.get(said.lower()) or int(said)


#: Words after a figure that make it a rate per head of population.
_PER_HEAD = re.compile(
    r"(?:\s+[a-z]+)?\s+(per\s+(?:[\d,]+|head|capita|thousand)"
    r"(?:\s+(?:population|residents|people|inhabitants|households))?)\b",
    re.IGNORECASE,
)
#: The same, before the figure ("the rate per 1,000 households is 2.1").
_PER_HEAD_BEFORE = re.compile(
    r"\b(per\s+(?:[\d,]+|head|capita|thousand)"
    r"(?:\s+(?:population|residents|people|inhabitants|households))?)"
    r"\s+(?:is|was|of|at|stands\s+at|stood\s+at|remains|remained)\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
#: Words that name the areas a count leaves out, not those it lists.
_EXCEPT = re.compile(r"\b(?:except|apart\s+from|other\s+than|excluding|bar)\b", re.IGNORECASE)
#: Words after a figure that make it a part of a whole the sentence counts.
_PART_AFTER = re.compile(
    # "176 searches, 60% of the month's total": a count given with its share is a part too.
    r"(?:\s+[a-z]+,\s*\d+(?:\.\d+)?\s*(?:%|per\s*cent))?"
    r"\s*(?:per\s*cent\s+|%\s*)?(?:of|out\s+of)\s+(?:them|these|those|which|"
    r"the\s+(?:\w+['’]s\s+)?total)\b"
    # "111 of the 150 victims surveyed", "187 of the 1,078 thefts": a count of a count.
    r"|\s+(?:out\s+)?of\s+(?:the\s+)?\d[\d,]*(?!\.\d|\s*%)\b"
    # "176 searches found what was looked for", "102 searches ended in arrest": the ones
    # with an outcome, a part of what the noun counts.
    r"|\s+[a-z]+\s+(?:found\s+(?:what|the\s+(?:item|object))|ended\s+(?:in|with)"
    r"|led\s+to|resulted\s+in)\b",
    re.IGNORECASE,
)
#: Words before a figure that make it a share of a whole the sentence counts.
_SHARE_BEFORE = re.compile(
    r"\bshare\s+of\s+(?:them|these|those|the\s+total)\b[^.;\d]{0,20}$"
    # "184 burglaries, of which 23 were solved"
    r"|\bof\s+(?:which|whom|these|those|them)[\s,]+(?:only\s+|just\s+|some\s+|about\s+)?$"
    # "A further 471 crimes were dealt with out of court": more of a whole already counted,
    # so a part of it, not the measure's value.
    r"|\b(?:a\s+further|another|an\s+additional|a\s+remaining|the\s+remaining)\s+$",
    re.IGNORECASE,
)


#: Words that name a group of people within a measure: the project's figures are of
#: whole measures, not of these groups.
_GROUP = re.compile(
    r"\b(?:among|amongst)\s+(?!(?:the|its|our)\s+(?:\w+\s+)?(?:force|forces|districts|areas|"
    r"divisions|peers)\b)"
    r"|\b(?:repeat|female|male|younger|older|elderly|BME|BAME|black|white|asian|disabled|"
    r"vulnerable)\s+(?:\w+\s+)?(?:victims|people|residents|respondents|callers)\b"
    r"|\b(?:victims|people|residents|respondents|callers)\s+(?:aged|under|over)\s+\d",
    re.IGNORECASE,
)


_GROUP_WORDS = frozenset(
    {"repeat", "female", "male", "younger", "older", "elderly", "bme", "bame", "black"}
    | {"white", "asian", "disabled", "vulnerable"}
)


def _of_a_group(reading: Reading, sentence: Sentence, claim: Claim) -> bool:
    """Whether the clause before a figure names a group of people its measure's name does
    not ("among repeat victims"), so the figure is of that group."""
    start = claim.span[0]
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(sentence.text, sentence.start, start)]
    clause = sentence.text[breaks[-1] if breaks else sentence.start : start]
    found = _GROUP.search(clause)
    if found is None:
        return False
    named = reading.measure_words(claim.measure) if claim.measure else frozenset()
    if found.group(0).lower().startswith("among"):
        # "among victims of violent crime" names a measure, not a group of one: a group
        # has a word no measure's name has.
        after = re.split(r"\s+(?:was|were|is|are|it|they)\b|[,(]", clause[found.end() :])[0]
        known = set().union(*(reading.measure_words(m.id) for m in reading.reader.catalogue))
        return any(
            norm_word(w) not in known and w.lower() not in STOP
            for w in re.findall(r"[A-Za-z]+", after)
        )
    # A group word the measure's own name has ("repeat victims" of a repeat-victim
    # measure) names the measure, not a group of it.
    words = found.group(0).lower().split()
    return not any(norm_word(w) in named for w in words if w in _GROUP_WORDS)


def _a_part(sentence: Sentence, claim: Claim) -> bool:
    """Whether a figure is a part of a whole its sentence counts ("64 of them")."""
    start, end = claim.span
    text = sentence.text
    return bool(
        _PART_AFTER.match(text, end, min(sentence.end, end + 40))
        or _SHARE_BEFORE.search(text, max(sentence.start, start - 60), start)
    )


def _level(reading: Reading, noun: str) -> str | None:
    """The level of areas a plural noun names ("districts", "BCUs"), if any."""
    for word in (norm_word(noun), noun.lower().removesuffix("s")):
        if word in reading.levels:
            return word
    return None


def _at_level(reading: Reading, noun: str) -> int:
    """How many areas of the level ``noun`` names the project has."""
    level = _level(reading, noun)
    return sum(1 for area in reading.reader.areas if norm_word(area.level) == level)


#: Before a group's size: the rank it is the size of ("2nd of the", "first out of").
_RANK_OF = re.compile(
    r"(?:\b\d+(?:st|nd|rd|th)|\b(?:first|second|third|fourth|fifth|sixth|last))"
    r"\s+(?:of|out\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _listed(reading: Reading, sentence: Sentence, claim: Claim) -> int:
    """How many areas of the level a count's noun names the sentence lists after it."""
    assert claim.noun is not None
    level = _level(reading, claim.noun)
    areas = reading.reader.areas
    return len(
        {
            i.key
            for i in sentence.items
            if i.label == "AREA"
            and i.start >= claim.span[1]
            and i.key in areas
            and norm_word(areas[i.key].level) == level
        }
    )
