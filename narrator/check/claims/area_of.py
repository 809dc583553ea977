"""Whose figure a claim is: the area a sentence names nearest a figure in its clause, or
the one it points to ("the district's", "in the city"), or the one a paragraph goes on about;
never an area the figure is set against, a whole it is a part of, or a member listed in a
division's brackets."""

from __future__ import annotations

import re

from narrator.check.claims.pairing import nearest
from narrator.check.claims.pieces import Item, Sentence
from narrator.check.claims.reading import Reading
from narrator.check.claims.words import inside_brackets

#: After an area: it describes another area ("the force's busiest district").
_DESCRIBES = re.compile(
    r"['’]s\s+(?:[a-z]+\s+){0,2}(?:districts?|divisions?|areas?|boroughs?|towns?|city|wards?)\b"
)
#: Before an area: the whole a figure ranks in ("the lowest in the force", "the best rate of
#: any district in the county"), or the members of the area named before ("which covers").
_SCOPE_OR_MEMBERS = re.compile(
    r"\b(?:best|worst|highest|lowest|most|fewest|largest|smallest|busiest|quietest)\b"
    r"[^.;,\d]{0,40}\b(?:in|of|across)\s+(?:the\s+|all\s+)?$"
    r"|\b(?:which|that)\s+(?:covers|includes|takes\s+in|is\s+made\s+up\s+of)\b[^.;()\d]{0,60}$"
    r"|\bcovering\b[^.;()\d]{0,60}$",
    re.IGNORECASE,
)
#: Before an area: it publishes the figures ("published by", "according to").
_SOURCE_BEFORE = re.compile(
    r"\b(?:(?:published|released|issued|compiled|provided|supplied)\s+by|according\s+to)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Between a figure and the area whose total it is a part of: "1,990 of the force's".
_PART_OF = re.compile(r"[\d,.]+%?\s+of\s+(?:the\s+)?", re.IGNORECASE)


#: A comma and a word that start a phrase of its own after a figure, or the words that
#: name an area left out.
_NEW_PHRASE = re.compile(
    r",\s*(?:so|but|yet|with|while|whilst|whereas|and|which|who|of\s+which|against|compared\s+(?:to|with)|versus)\b"
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
_OWN_FIGURE = re.compile(r"\s*[:,]?\s+(?:had\s+|recorded\s+|saw\s+|with\s+|from\s+)?[£]?\d")
#: After an area: its figures in brackets ("... (-7.8%, to 345) and Fenland (-6.2%, to 256)").
_OWN_BRACKET = re.compile(r"\s*\(\s*[+\-−–]?[£]?\d")
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


def _own_areas(
    text: str, areas: list[Item], compared: list[tuple[int, int]], pos: int
) -> list[Item]:
    """The areas of a sentence that may be a figure's own, not ones it is compared with,
    published by, a part of, described by, ranked in or listed as members."""
    return [
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
        # "the best solved rate in the county at 23%": where the figure ranks, and "the
        # Coastal division, which covers Eastmoor and Saltby, recorded 341": its members
        and not _SCOPE_OR_MEMBERS.search(text, max(0, a.start - 70), a.start)
        # "The figures, published by Northshire Police on Wednesday, show": who publishes
        and not _SOURCE_BEFORE.search(text, max(0, a.start - 30), a.start)
    ]


def _compared_bracket(sentence: Sentence, pos: int) -> tuple[str, str] | None:
    """The area compared with whose own brackets a figure is in: "steeper in the North
    (16.1%, down 2.4 points) than in the South (16.3%, down 1.8)": 16.3% is the South's."""
    text = sentence.text
    for target in sentence.targets:
        if (
            target.key == "area"
            and target.area is not None
            and target.end <= pos
            and _OWN_BRACKET.match(text, target.end) is not None
            and ")" not in text[target.end : pos]
        ):
            return target.area, target.text
    return None


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
    if (bracketed := _compared_bracket(sentence, pos)) is not None:
        return bracketed
    for after in sentence.areas:
        if after.start > pos and _IN_AREA_AFTER.fullmatch(text, pos, after.start):
            # "of which 447 were in Harbourside and 360 in Highcross": where it was
            return after.key, after.text
        if after.start > pos:
            break
    areas = [
        a
        for a in sentence.areas
        if a.start < pos
        # "Harbourside recorded 77, Eastmoor 40": an area after the figure with a figure
        # of its own right after it is that figure's, not this one's.
        or not (
            _NEW_PHRASE.search(text, pos, a.start)
            or _OWN_FIGURE.match(text, a.end)
            # a figure in an earlier area's brackets: the next area's are its own
            or (_OWN_BRACKET.match(text, a.end) and ")" in text[pos : a.start])
        )
    ]
    # "a steeper fall than the county's": the area compared with is not the claim's.
    compared = [(t.start, t.end) for t in sentence.targets if t.key == "area"]
    own = _own_areas(text, areas, compared, pos)
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
            token = _TOKEN.match(text, pos)  # past the figure itself ("1,695")
            pointed = _pointed_after(reading, sentence, token.end() if token else pos)
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
        if (
            sentence.context.only_area is not None
            # a paper about one area speaks of it where a sentence names none
            and reading.paper_area is None
            and not sentence.areas
            and not _WHOLE_WORD.search(text, sentence.start, sentence.end)
        ):
            # "Upland recorded 3,065 vehicle thefts in the 12 months to April. April itself
            # was 17.6% up on April 2016.": the paragraph goes on about the one area it named.
            return sentence.context.only_area, None
        if (
            before
            and len({a.key for a in sentence.areas}) == 1
            and _LEADS.fullmatch(text, sentence.start, before[0].start)
        ):
            # "Moorend assaults: 33 in February ...; 305 in the 12 months": the one area the
            # sentence opens with goes on past its semicolons
            return before[0].key, None
        return root, None
    return area.key, area.text


#: From a figure to an area right after it that says where it was: "360 in Highcross",
#: "360 thefts in Highcross".
_IN_AREA_AFTER = re.compile(
    r"[£+\-]?\d[\d,.]*%?(?:\s+[a-z]+){0,2}?\s+(?:in|across|within)\s+(?:the\s+)?", re.IGNORECASE
)
#: Before the area a sentence opens with.
_LEADS = re.compile(r"\s*(?:(?:in|at|for|across|within)\s+)?(?:the\s+)?", re.IGNORECASE)
#: A figure as written, up to the next space.
_TOKEN = re.compile(r"\S+")
#: Words that say a sentence speaks of the whole force.
_WHOLE_WORD = re.compile(
    r"\b(?:force|forces|county|countywide|constabulary|overall|nationally|national|in\s+total)\b",
    re.IGNORECASE,
)
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
    gap_start = _TOKEN.match(text, pos)
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


def _pointed_after(reading: Reading, sentence: Sentence, start: int) -> tuple[str, str] | None:
    """The area a pointer in a place phrase from ``start`` means ("... in the city", "...
    across the district"), with the words that name it."""
    text = sentence.text
    found = _PLACE_AFTER.match(text, start, min(sentence.end, start + 80))
    if found is None:
        return None
    return _meant(reading, sentence, list(_ANAPHOR.finditer(text, found.start(1), found.end())))


def _pointed_before(
    reading: Reading, sentence: Sentence, pos: int, after: bool
) -> tuple[str, str] | None:
    """The area a pointer before a figure means ("the district's"), from the sentence's
    context; with ``after``, a pointer just after it ("784 crimes were recorded across the
    district") too."""
    # The last pointer before the figure counts: "than the county's (2,318)" is not.
    pointers = list(_ANAPHOR.finditer(sentence.text, sentence.start, pos))
    if not pointers and after:
        return _pointed_after(reading, sentence, pos)
    return _meant(reading, sentence, pointers)


def _meant(
    reading: Reading, sentence: Sentence, pointers: list[re.Match[str]]
) -> tuple[str, str] | None:
    """The area the last of ``pointers`` means, unless it points at the whole force."""
    if not pointers or pointers[-1].group("whole") is not None:
        return None
    meant = _pointed_to(reading, sentence.context.area, pointers[-1].group("noun"))
    return (meant, pointers[-1].group()) if meant is not None else None


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
            # "the city" is Cambridge City, whose name, not only its label, says so
            area.level.lower() == noun or noun in (area.label or area.name).lower().split()
        ):
            return key
    return carried or reading.paper_area
