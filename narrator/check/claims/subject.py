"""The area a paper is about: a briefing for one area or division ("South Area – Local
Policing Briefing", "NORTHSHIRE POLICE – COASTAL DIVISION") speaks of that area wherever a
sentence names none, not of the whole force.

The area is the one area below the force that the paper's title (its first paragraph, or a
"Title:" or "Subject:" line of its front matter) names; the force's own names are set aside
first, so "the Police and Crime Commissioner for Cambridgeshire and Peterborough" is not
about the Peterborough district. A sentence that says it speaks of the whole force
("force-wide", "across the force") keeps the force.
"""

from __future__ import annotations

import re

from narrator.areas import Areas
from narrator.check.claims.model import Claim, replace
from narrator.check.text.document import Document
from narrator.check.text.parse import memo_field
from narrator.language.forces import load_forces, names_pattern
from narrator.language.places import reader_names

#: A front-matter line that gives the paper's title.
_TITLE_LINE = re.compile(
    # "Title:", "Subject:", "Report:", and a council's "Title/Subject Matter:"
    r"^\s*(?:(?:title|subject)\b[^:\n]{0,30}|report(?:\s+title)?)\s*:",
    re.IGNORECASE,
)
#: A memo's line that says who it is from.
_FROM_LINE = re.compile(r"^\s*(?:from|author)\s*:", re.IGNORECASE)
#: A protective marking that heads a paper above its title.
_MARKING = re.compile(
    r"(?i:(?:not\s+protectively\s+marked|official(?:[\s-]+sensitive)?|restricted|unclassified"
    r"|protect)(?:\s*[-–:]\s*\w+)?)"
)
#: Words before a claim that say it is of the whole force.
_WHOLE_FORCE = re.compile(
    r"\b(?:force[\s-]?wide|county[\s-]?wide|the\s+(?:whole\s+)?force|all\s+(?:areas|divisions))\b"
    # "Force assaults were 246 in May": the force's figure, named by the word before it
    r"|^\W*force\s+(?=[a-z])",
    re.IGNORECASE,
)


def paper_area(document: Document, areas: Areas) -> str | None:
    """The one area below the force that the paper's title names, if it names exactly one."""
    paragraphs = list(document.paragraphs[:3])
    if len(paragraphs) > 1 and _MARKING.fullmatch(paragraphs[0].text.strip()):
        # A protective marking ("OFFICIAL") above the title is not the title.
        paragraphs = paragraphs[1:]
    titles = [p.text for p in paragraphs[:1] if p.kind in ("heading", "front")]
    second = paragraphs[1] if titles and len(paragraphs) > 1 else None
    if second is not None and second.kind == "front" and not memo_field(second.text):
        # "Report to the Commissioner" over "Coastal Division: quarterly performance": a
        # line that is no memo field under the first is the title's second line.
        titles.append(second.text)
    first = paragraphs[0] if paragraphs else None
    if first is not None and first.kind == "body":
        # A plain text's first lines are its title ("CAMBRIDGE CITY DISTRICT – REVIEW"),
        # which may take two or three ("Report to the Commissioner" over "Coastal
        # Division: quarterly performance").
        for line in document.text[first.start : first.end].split("\n")[:_TITLE_LINES]:
            if not _title_like(line):
                break
            titles.append(line)
    if (
        len(paragraphs) > 1
        and paragraphs[1].text not in titles
        and _title_like(paragraphs[1].text)
        and (not titles or _one_area(" \n ".join(titles), areas) is None)
    ):
        # "NEWS > CRIME" over "Domestic abuse reports in Peterborough reach highest level":
        # a section's label over the headline.
        titles.append(paragraphs[1].text)
    lines = [p.text for p in document.paragraphs[:12] if _TITLE_LINE.match(p.text)]
    # A memo's "Subject:" line says what the paper is about more surely than the heading
    # above it, which may name the body it goes to ("SOUTH CAMBRIDGESHIRE COMMUNITY SAFETY
    # PARTNERSHIP BOARD" over "Subject: South area quarterly report").
    if lines and (named := _one_area(" \n ".join(lines), areas)) is not None:
        return named
    titles += lines
    # Who the memo is from, when it is a local team or commander ("From: PCSO ..., Ely
    # Rural Neighbourhood Team, East Cambridgeshire"): the area its figures are of.
    titles += [p.text for p in document.paragraphs[:12] if _FROM_LINE.match(p.text)]
    if not titles:
        return None
    return _one_area(" \n ".join(titles), areas)


#: The most lines of a plain text's first paragraph that make its title.
_TITLE_LINES = 3
#: The most words of a plain text's first line that is its title.
_TITLE_WORDS = 16


def _title_like(text: str) -> bool:
    """Whether a plain text's first paragraph is a title: a line or two, not a sentence."""
    return len(text.split()) <= _TITLE_WORDS and not text.rstrip().endswith((".", "!", "?"))


#: The name patterns of each project's areas below the force: id of the areas -> (areas,
#: patterns); built once per project, not once per paper.
_PATTERNS: dict[int, tuple[Areas, list[tuple[str, re.Pattern[str]]]]] = {}


def _area_patterns(areas: Areas) -> list[tuple[str, re.Pattern[str]]]:
    """Each area below the force with the pattern of its names."""
    cached = _PATTERNS.get(id(areas))
    if cached is not None and cached[0] is areas:
        return cached[1]
    patterns = [
        (area.name, pattern)
        for area in areas
        if area.parent is not None
        and (pattern := names_pattern(list(reader_names(area)))) is not None
    ]
    _PATTERNS[id(areas)] = (areas, patterns)
    return patterns


def _one_area(title: str, areas: Areas) -> str | None:
    """The one area below the force that ``title`` names, if it names exactly one."""
    force = _force_spans(title, areas)
    # The longest names first: "South Cambridgeshire" is the district, not the South area
    # with the force's name after it.
    found = sorted(
        (
            (m.start(), m.end(), name)
            for name, pattern in _area_patterns(areas)
            for m in pattern.finditer(title)
        ),
        key=lambda x: (x[0] - x[1], x[0]),
    )
    kept: list[tuple[int, int, str]] = []
    for start, end, name in found:
        if not any(start < e and s < end for s, e, _ in kept):
            kept.append((start, end, name))
    named = {
        name
        for start, end, name in kept
        # "the Commissioner for Cambridgeshire and Peterborough": the force, not a district
        if not any(s <= start and end <= e for s, e in force)
    }
    if len(named) > 1:
        # "UPLAND DIVISION" over "FELLGATE DISTRICT": a district and the division it lies
        # in name the district.
        deepest = max(named, key=areas.depth)
        # "LOCAL POLICING NORTH (PETERBOROUGH | FENLAND | HUNTINGDONSHIRE)": an area with
        # the areas it is made of names that area.
        tops = [top for top in named if all(name in areas.subtree(top) for name in named)]
        if all(deepest in areas.subtree(name) for name in named):
            named = {deepest}
        elif len(tops) == 1:
            named = {tops[0]}
    return named.pop() if len(named) == 1 else None


def _force_spans(text: str, areas: Areas) -> list[tuple[int, int]]:
    """Where ``text`` names the project's own force ("Cambridgeshire and Peterborough" is
    the force, not the Peterborough district)."""
    forces = load_forces()
    forms = [
        form
        for area in areas
        if (force := forces.force_of(area.name, places=False)) is not None
        for form in force.forms
    ]
    forms += list(reader_names(areas.root))
    pattern = names_pattern(forms)
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


def bind_area(claims: list[Claim], area: str | None, root: str) -> list[Claim]:
    """``claims`` with the paper's ``area`` for those that name no area of their own and do
    not say they are of the whole force."""
    if area is None:
        return claims
    out = []
    for claim, force_named in zip(claims, _after_the_force_named(claims, root), strict=True):
        if claim.is_data and claim.area == root and claim.area_text is None and not force_named:
            before = claim.sentence[: max(0, claim.span[0] - claim.sentence_span[0])]
            if not _WHOLE_FORCE.search(before):
                claim = replace(claim, area=area)
        out.append(claim)
    return out


def _after_the_force_named(claims: list[Claim], root: str) -> list[bool]:
    """For each claim, whether the last area its paragraph named before it is the force's
    own ("Northshire recorded 646 thefts in May. May was 4.3% below May 2017." in a paper
    about one division): the force carries on to the next sentence, not the paper's area."""
    out = []
    named: tuple[int, str] | None = None  # (paragraph, area) of the last area named
    for claim in claims:
        if named is not None and named[0] != claim.paragraph:
            named = None
        out.append(named is not None and named[1] == root and claim.area_text is None)
        if claim.is_data and claim.area_text is not None and claim.area is not None:
            named = (claim.paragraph, claim.area)
    return out


def heading_areas(headings: dict[int, str | None], areas: Areas) -> dict[int, str]:
    """For each paragraph (by index) under a heading that names exactly one area below the
    force ("COASTAL DIVISION", "## Fenland"), that area."""
    found: dict[str, str | None] = {}
    out: dict[int, str] = {}
    for index, heading in headings.items():
        if not heading:
            continue
        if heading not in found:
            found[heading] = _one_area(heading, areas)
        area = found[heading]
        if area is not None:
            out[index] = area
    return out


def bind_heading_area(claims: list[Claim], under: dict[int, str], root: str) -> list[Claim]:
    """``claims`` with the area their paragraph's heading names, for those that name no
    area of their own and do not say they are of the whole force."""
    if not under:
        return claims
    out = []
    for claim, force_named in zip(claims, _after_the_force_named(claims, root), strict=True):
        area = under.get(claim.paragraph)
        if (
            area is not None
            and claim.is_data
            and claim.area == root
            and claim.area_text is None
            and not force_named
        ):
            before = claim.sentence[: max(0, claim.span[0] - claim.sentence_span[0])]
            if not _WHOLE_FORCE.search(before):
                claim = replace(claim, area=area)
        out.append(claim)
    return out
