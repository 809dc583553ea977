"""Whose figures a claim is of: the project's own force and its areas, or something the
project does not hold (another force, England and Wales, the MSG average, the Home Office's
estimates). A claim about what the project does not hold is not checkable, never
contradicted (issue 14).

Two rules, both from the names of :mod:`narrator.language.forces`:

- a paper that names another force (or its PCC) and never the project's own force or any
  of its areas is about that force: every data claim of it is outside;
- within a sentence, a figure bound to another force or to a national or regional
  comparison is outside: the nearest name before it in its phrase (after the last comma,
  bracket or clause break) is one of those, or its phrase goes on to one ("ranks 31st
  nationally"); a direction is outside when it compares with one ("lower than the England
  and Wales rate", "below the regional average").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from narrator.areas import Areas
from narrator.check.claims.model import Claim, replace
from narrator.language.forces import Forces, load_forces, names_pattern
from narrator.language.places import reader_names

#: Words of area names that name no place on their own: an alias made only of these ("the
#: force", "the North", "force-wide") is not evidence that a paper is about the project.
_GENERIC = frozenset(
    {"the", "force", "forces", "force-wide", "constabulary", "police", "service", "area"}
    | {"areas", "division", "district", "north", "south", "east", "west", "northern"}
    | {"southern", "eastern", "western", "central", "city", "county", "local", "policing"}
)
#: Where a figure's phrase starts and ends: punctuation, brackets, dashes, clause breaks.
_PHRASE_BREAK = re.compile(
    r",(?!\d{3}\b)|[;:()\[\]]|\s[-–—]\s|\.(?!\d)|\s(?:but|while|whilst|whereas)\s"
)
#: Where what follows a figure stops being about it: the next number, or a comparison.
_AFTER_STOP = re.compile(r"\d|\b(?:than|compared|against|versus|vs|and|from|to)\b", re.I)
#: The national bodies and the country that a paper's opening names when the whole paper
#: is about England and Wales ("National Police Chiefs' Council: latest statistics").
_NATIONAL = re.compile(
    r"\b(?:England\s+and\s+Wales|ONS|Office\s+for\s+National\s+Statistics|Home\s+Office|"
    r"NPCC|National\s+Police\s+Chiefs['’]\s+Council|HMICFRS)\b"
)
#: How much of a paper is its opening: the title and the first lines.
_OPENING = 300
#: A quarter as a period (not "a quarter of" or "by a quarter", a fraction).
_QUARTER = re.compile(
    r"\b(?:(?:the|this|last|previous|same|first|second|third|fourth|latest|each|whole|entire)"
    r"\s+quarter"
    r"|quarter\s+(?:to|ending|ended|[1-4]|one|two|three|four)\b|quarterly"
    # "Q4. Councillor J. Okafor": a panel's fourth question, not its fourth quarter
    r"|Q[1-4](?![.:)]?\s+(?:From|Asked\s+by|Councillor|Cllr|Member|Mr|Mrs|Ms|Dr|Supplementary)\b)"
    r"|(?:last|past|latest|previous)\s+(?:three|3)\s+months)\b",
    re.IGNORECASE,
)
#: Where a clause ends: a semicolon, a dash between spaces, a full stop.
_CLAUSE_END = re.compile(r";|\s[-–—]\s|\.(?!\d)")
#: How far after a direction word its comparison may name what it compares with.
_DIRECTION_REACH = 60


@dataclass(frozen=True)
class Scope:
    """The names that tell a claim of the project from one of something else."""

    own: re.Pattern[str] | None
    outside: re.Pattern[str] | None
    forces: re.Pattern[str] | None
    root: str


#: The scope of each project's areas met so far (its patterns cost milliseconds to build,
#: and a reader checks many papers of one project): id of the areas -> (areas, scope).
_SCOPES: dict[int, tuple[Areas, Scope]] = {}


def scope_of(areas: Areas, forces: Forces | None = None) -> Scope:
    """The project's own names (its areas, and its force's forms when the force is one of
    ``forces``) and the names outside it (every other force, the national comparisons)."""
    if forces is None:
        cached = _SCOPES.get(id(areas))
        if cached is not None and cached[0] is areas:
            return cached[1]
        scope = _scope_of(areas, load_forces())
        _SCOPES[id(areas)] = (areas, scope)
        return scope
    return _scope_of(areas, forces)


_NATIONAL_MEASURE = (
    r"\b(?i:national\s+(?:[a-z]+\s+){1,4}?(?:rates?|averages?|figures?|levels?|totals?))\b"
)


def _scope_of(areas: Areas, forces: Forces) -> Scope:
    """The scope of ``areas`` among ``forces`` (see :func:`scope_of`)."""
    own_names = [n for area in areas for n in reader_names(area) if _is_place(n)]
    mine = {f.name for a in areas for f in [forces.force_of(a.name, places=False)] if f is not None}
    own_names += [form for f in forces.forces if f.name in mine for form in f.forms]
    others = [form for f in forces.forces if f.name not in mine for form in f.forms]
    others = [n for n in others if not any(n.lower() == o.lower() for o in own_names)]
    beyond = names_pattern([*others, *forces.beyond])
    if beyond is not None:
        # "the national arrest rate", "the national rate of violent crime": a national figure
        # of any measure, as the listed "national rate" is.
        beyond = re.compile(f"{_NATIONAL_MEASURE}|{beyond.pattern}")
    return Scope(
        names_pattern(own_names, exact=True),
        beyond,
        names_pattern(others),
        areas.root.name,
    )


def _is_place(name: str) -> bool:
    """Whether a name of an area names a place by itself ("Peterborough", "Cambs"), not
    only a kind of area or a direction ("the force", "the North")."""
    words = re.findall(r"[A-Za-z][\w'-]*", name)
    return any(w.lower() not in _GENERIC for w in words)


def paper_about(text: str, scope: Scope) -> str | None:
    """The other force a paper is about, when it names one (in its title, its front matter
    or its text) and never the project's own force or any of its areas; or the country,
    when its opening names a national body or England and Wales and the paper never names
    the project; else None."""
    if _names_project(text, scope):
        return None
    named = scope.forces.search(text) if scope.forces is not None else None
    if named is not None:
        return named.group(0)
    national = _NATIONAL.search(text, 0, _OPENING)
    return national.group(0) if national is not None else None


def _names_project(text: str, scope: Scope) -> bool:
    """Whether ``text`` names the project's force or one of its areas outside the name of
    another force ("North" in "North Wales Police" is not the project's North)."""
    if scope.own is None:
        return False
    for own in scope.own.finditer(text):
        if scope.forces is None:
            return True
        start, end = own.span()
        around = max(0, start - 40)
        if not any(
            m.start() <= start and end <= m.end()
            for m in scope.forces.finditer(text, around, min(len(text), end + 40))
        ):
            return True
    return False


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with ``spans`` blanked, so that "North" in "North Wales Police" is not read
    as the project's North area."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def bind_scope(
    claims: list[Claim], text: str, scope: Scope, headings: Mapping[int, str | None] | None = None
) -> list[Claim]:
    """``claims`` (in the offsets of ``text``, the paper's text) with ``outside`` set on the
    data claims said of something the project does not hold; ``headings`` gives the heading
    each paragraph (by index) is under."""
    about = paper_about(text, scope)
    # Most sentences name nothing outside the project: each is searched once.
    names_outside: dict[tuple[int, int], bool] = {}
    out = []
    last_quarter: Claim | None = None  # the last claim said of a quarter
    # A paper whose opening says it reviews a quarter speaks of the quarter wherever a
    # sentence names no period of its own.
    quarterly = _QUARTER.search(text, 0, _OPENING) is not None
    for claim in claims:
        if (
            claim.is_data
            and claim.outside is None
            and (
                (quarterly and claim.period_text is None)
                or (
                    last_quarter is not None
                    and last_quarter.paragraph == claim.paragraph
                    and (claim.period_text is None or _SAME_PERIOD.search(claim.sentence))
                )
            )
        ):
            # "3,915 crimes in the quarter to September ... The force total rose by 2.1%
            # over the same period": the quarter again.
            claim = replace(claim, outside="a quarter")
        if claim.is_data and claim.outside is None:
            span = claim.sentence_span
            if span not in names_outside:
                names_outside[span] = bool(
                    scope.outside is not None and scope.outside.search(claim.sentence)
                )
            outside = (
                about
                or (_bound_outside(claim, scope) if names_outside[span] else None)
                or _of_a_quarter(claim)
                or _past_a_level(claim)
                or _a_target(claim)
                or _under_heading((headings or {}).get(claim.paragraph), claim, scope)
            )
            if outside is not None:
                claim = replace(claim, outside=" ".join(outside.split()))
        if claim.outside == "a quarter":
            last_quarter = claim
        out.append(claim)
    return _compared_with_outside(out)


#: Before a run said of a level passed: "above 1,200 for", "exceeded 100 in each of".
_LEVEL_RUN = re.compile(
    r"\b(?:above|below|over|under|exceeded|exceeding)\s+[\d,]+\s+(?:in|for)\s+"
    r"(?:each\s+of\s+)?(?:the\s+)?(?:last\s+|past\s+)?$",
    re.IGNORECASE,
)


def _past_a_level(claim: Claim) -> str | None:
    """ "a level passed" for a run of months said of a count above a level ("above 1,200
    for five consecutive months"): narrator's runs are of rises and falls."""
    if claim.kind != "streak":
        return None
    start = claim.span[0] - claim.sentence_span[0]
    before = claim.sentence[max(0, start - 60) : max(0, start)]
    return "a level passed" if _LEVEL_RUN.search(before) else None


#: A period said again: "over the same period", "in the same months".
_SAME_PERIOD = re.compile(
    r"\b(?:over|in|during|for|across)\s+the\s+same\s+(?:period|months?|time)\b", re.I
)


#: Words right after a direction that say what it compares with.
_COMPARES = re.compile(r"\s+(?:than|to|with|against)\b", re.IGNORECASE)


def _compared_with_outside(claims: list[Claim]) -> list[Claim]:
    """ "higher than the average of 58,000 for similar forces": a direction compared with a
    figure said of something outside the project is outside too."""
    figures: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        if claim.kind == "figure":
            figures.setdefault(claim.sentence_span, []).append(claim)
    out = []
    for claim in claims:
        if claim.kind == "direction" and claim.outside is None:
            after = [c for c in figures.get(claim.sentence_span, ()) if c.span[0] >= claim.span[1]]
            if after:
                first = min(after, key=lambda c: c.span[0])
                gap = claim.sentence[
                    claim.span[1] - claim.sentence_span[0] : first.span[0] - claim.sentence_span[0]
                ]
                if (
                    first.outside is not None
                    and _COMPARES.match(gap)
                    and not _PHRASE_BREAK.search(gap)
                ):
                    claim = replace(claim, outside=first.outside)
        out.append(claim)
    return out


def _under_heading(heading: str | None, claim: Claim, scope: Scope) -> str | None:
    """What outside the project a section is about ("Comparison with Essex Police", "The
    MSG average"), for a claim whose sentence names nothing of the project's."""
    if not heading or scope.outside is None:
        return None
    found = scope.outside.search(heading)
    if found is None or _names_own(heading, scope) or _names_own(claim.sentence, scope):
        return None
    return found.group(0)


#: Words before a figure that make it a target, not a figure of the measure ("against a
#: target of 15%", "the aim is to reduce it to 150").
_TARGET = re.compile(
    r"\b(?:target|aim|ambition|goal|objective|aspiration|threshold)s?\b[^.;:,\d]{0,40}"
    r"\b(?:of|is|was|at|to|be|below|above|under|over)\s+(?:about\s+|around\s+|at\s+least\s+)?$",
    re.IGNORECASE,
)


def _a_target(claim: Claim) -> str | None:
    """ "a target" when the words before a figure say it is one."""
    if claim.kind != "figure":
        return None
    start = claim.span[0] - claim.sentence_span[0]
    before = claim.sentence[max(0, start - 80) : max(0, start)]
    return "a target" if _TARGET.search(before) else None


def _of_a_quarter(claim: Claim) -> str | None:
    """ "a quarter" when the claim's clause says it is of a quarter ("In Q2 there were ...",
    "9% fewer than in the same quarter last year"): the project's figures are monthly and
    its facts hold no quarters."""
    sentence = claim.sentence
    start = claim.span[0] - claim.sentence_span[0]
    end = claim.span[1] - claim.sentence_span[0]
    if not 0 <= start <= end <= len(sentence):
        return None
    breaks = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)]
    following = _CLAUSE_END.search(sentence, end)
    clause = sentence[breaks[-1] if breaks else 0 : following.start() if following else None]
    found = _QUARTER.search(clause)
    return "a quarter" if found is not None else None


def _bound_outside(claim: Claim, scope: Scope) -> str | None:
    """What outside the project a claim's phrase binds it to, if anything."""
    if scope.outside is None:
        return None
    sentence = claim.sentence
    start = claim.span[0] - claim.sentence_span[0]
    end = claim.span[1] - claim.sentence_span[0]
    if not 0 <= start <= end <= len(sentence):
        return None
    breaks = [m.end() for m in _PHRASE_BREAK.finditer(sentence, 0, start)]
    before = sentence[breaks[-1] if breaks else 0 : start]
    found = _nearest_before(before, scope)
    if found is not None:
        return found
    if breaks:
        # "Nationally, ...", "In England and Wales, ...": an opening phrase sets what the
        # whole sentence is said of, unless it names the project before the claim.
        opening = _nearest_before(sentence[: breaks[0]], scope)
        if opening is not None and not _names_own(sentence[breaks[0] : start], scope):
            return opening
    following = _PHRASE_BREAK.search(sentence, end)
    after = sentence[end : following.start() if following else len(sentence)]
    if claim.kind == "direction":
        # "lower than the England and Wales rate": the name comes before any figure; "rise
        # of 2.8% is smaller than the 6% seen by other forces" compares the rise, which is
        # the project's.
        digit = re.search(r"\d", after)
        return _first_after(after[: digit.start() if digit else _DIRECTION_REACH], scope)
    found = _first_after(after, scope)
    stop = _AFTER_STOP.search(after)
    if found is None or stop is None:
        return found
    # "7% across England and Wales": the name may hold a stop word ("and") of its own;
    # it binds the figure when it starts before the phrase moves on.
    first = scope.outside.search(after)
    return found if first is not None and first.start() <= stop.start() else None


def _names_own(text: str, scope: Scope) -> bool:
    """Whether ``text`` names the project's force or one of its areas."""
    return scope.own is not None and scope.own.search(text) is not None


def _nearest_before(before: str, scope: Scope) -> str | None:
    """The outside name nearest before a claim, unless one of the project's own names is
    nearer."""
    assert scope.outside is not None
    outside = list(scope.outside.finditer(before))
    if not outside:
        return None
    last = outside[-1]
    if scope.own is not None:
        rest = _mask(before, ((m.start(), m.end()) for m in outside))
        if any(m.start() >= last.end() for m in scope.own.finditer(rest)):
            return None
    return last.group(0)


def _first_after(after: str, scope: Scope) -> str | None:
    """The first outside name after a claim in its phrase, unless one of the project's own
    names comes first."""
    assert scope.outside is not None
    first = scope.outside.search(after)
    if first is None:
        return None
    if scope.own is not None:
        rest = _mask(after, [(first.start(), first.end())])
        own = scope.own.search(rest, 0, first.start())
        if own is not None:
            return None
    return first.group(0)
