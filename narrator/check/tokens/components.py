"""The reader's pipeline components, built from project data: sentences, measure and area
names, the scanner's marks and the lexicon's phrases.

- ``narrator_sentences``: rule-based sentence boundaries (no trained parser is needed).
- ``narrator_terms``: MEASURE and AREA candidates from the catalogue's labels and aliases
  and the area names and aliases, matched case-insensitively, longest first.
- ``narrator_marks``: the scanner (:mod:`narrator.check.tokens.scanner`): references,
  section numbers, dates, financial years and periods are set before quantities, and
  override a measure or area they overlap, so "4.2.1" or "2018/19" is never a value.
- ``narrator_lexicon``: the phrasebank lexicon (directions, magnitudes, comparisons,
  significance, periods) as a span group, since its words may overlap entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from narrator.areas import Areas
from narrator.catalogue import Catalogue
from narrator.check.tokens.doc import PARAGRAPH_BREAK, doc_text, token_index
from narrator.check.tokens.marks import Mark
from narrator.check.tokens.measures import measure_names
from narrator.check.tokens.scanner import iter_marks

_REGISTERED = False


def register_components(language: Any) -> None:
    """Register the reader's components with spaCy's ``Language`` (once per process)."""
    global _REGISTERED
    if _REGISTERED:
        return
    language.component("narrator_sentences", func=_sentences_component)
    language.factory("narrator_terms", func=_make_terms_component)
    language.component("narrator_marks", func=_marks_component)
    language.factory("narrator_lexicon", func=_make_lexicon_component)
    _REGISTERED = True


# A sentence ends at . ! or ? (and any closing quote or bracket) before a capital, a digit
# or an opening quote; not after an abbreviation or an initial.
# A bullet or an emoji arrow in the middle of a line starts an item of its own ("Shoplifting
# down to 72 (90 in Nov) ➡️ Theft from the person down to 77"); a plain arrow does not
# ("12 → 15" is a change).
_SENTENCE_END = re.compile(
    r"[.!?][\"'’”)\]]*\s+(?=[A-Z0-9‘“\"'(£])|\n\n"
    r"|(?<=\S)[ \t]+[•▪●◾◽■➡▶⬇⬆⬅✅❌]\ufe0f?[ \t]+(?=\S)"
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:i\.e|e\.g|etc|vs|cf|no|nos|st|dr|mr|mrs|ms|approx|incl|op|para|paras|fig)"
    # an initial: a capital alone ("J. Smith"), not the "s" of a possessive ("May's.")
    r"|(?<!['’])\b(?-i:[A-Z]))\.$",
    re.IGNORECASE,
)


def _sentences_component(doc: Any) -> Any:
    """Sentence starts from punctuation and paragraph breaks, set as one array."""
    import numpy as np
    from spacy.attrs import SENT_START

    if not len(doc):
        return doc
    text = doc_text(doc)
    index = token_index(doc)
    flags = np.full(len(doc), -1, dtype=np.int64)
    flags[0] = 1
    ends = [
        match.end()
        for match in _SENTENCE_END.finditer(text)
        # A paragraph's end ends its sentence, even after an initial ("at Appendix A.").
        if PARAGRAPH_BREAK in match.group(0)
        or not _ABBREVIATION.search(text, max(0, match.start() - 8), match.start() + 1)
    ]
    # The first token of each sentence (as TokenIndex.tokens finds it), all at once.
    firsts = index.ends.searchsorted(ends, side="right")
    flags[firsts[firsts < len(doc)]] = 1
    doc.from_array([SENT_START], flags.astype(np.uint64).reshape(-1, 1))
    # The sentences in character offsets, for the claim reader: ``doc.sents`` makes a Span
    # (and Tokens) per sentence.
    opening = np.flatnonzero(flags == 1)
    closing = np.append(opening[1:], len(doc)) - 1
    doc.user_data["narrator_sentences"] = list(
        zip(index.starts[opening].tolist(), index.ends[closing].tolist(), strict=True)
    )
    return doc


#: Compass words in lower case: where on the map, never an area's proper name.
_COMPASS = frozenset(
    ("north", "south", "east", "west", "north east", "north west", "south east", "south west")
)

_COMPASS_THE = re.compile(r"^the\s+")


class _TermsComponent:
    """MEASURE and AREA candidates from catalogue and area names (phrase match, any case)."""

    def __init__(self, nlp: Any) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add_patterns(self, patterns: Iterable[tuple[str, str, str]]) -> None:
        """Add (label, key, phrase) patterns, such as ("MEASURE", "crimes_all", "all crime")."""
        by_key: dict[str, list[str]] = {}
        for label, key, phrase in patterns:
            by_key.setdefault(f"{label}|{key}", []).append(phrase)
        for key, phrases in by_key.items():
            self.matcher.add(key, list(self.nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc: Any) -> Any:
        strings = self.nlp.vocab.strings
        found = []
        for match_id, start, end in self.matcher(doc):
            label, key = strings[match_id].split("|", 1)
            if label == "AREA" and _COMPASS_THE.sub("", doc[start:end].text) in _COMPASS:
                # "from Littleport in the north to Cheveley in the south": a direction on
                # the map, not the division a project calls "North"
                continue
            found.append((start, end, label, key))
        doc.user_data["narrator_terms"] = longest_first(found)
        return doc


def _make_terms_component(nlp: Any, name: str) -> _TermsComponent:
    return _TermsComponent(nlp)


def term_patterns(catalogue: Catalogue, areas: Areas) -> list[tuple[str, str, str]]:
    """(label, key, phrase) of every measure and area name the reader recognises."""
    patterns: list[tuple[str, str, str]] = [
        ("MEASURE", mid, form) for form, mid in measure_names(catalogue)
    ]
    for area in areas:
        generic = FORCE_WORDS if area is areas.root and area.level.lower() == "force" else ()
        names = (area.name, area.label, *area.aliases, *generic)
        for name in dict.fromkeys(n for n in names if n):
            patterns.append(("AREA", area.name, name))
    # "Violence & sexual offences", "Bedford & Kempston": an ampersand for the "and" of a
    # name, as tables and posts write it.
    return patterns + [
        (label, key, _AND.sub(" & ", phrase))
        for label, key, phrase in patterns
        if _AND.search(phrase)
    ]


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)


#: What any paper calls the force it is about, when the project is one force: "the force",
#: "force-wide", "the county" ("For the county, 163 burglaries ...").
FORCE_WORDS = (
    "the force",
    "force-wide",
    "forcewide",
    "the Constabulary",
    "the county",
    "the whole county",
    "the whole force",
    "the whole force area",
    "countywide",
    "county-wide",
)


#: Labels that win over an overlapping MEASURE or AREA name.
_STRONG = frozenset({"XREF", "DATE", "FY", "PERIOD", "YEARS", "STREAK", "MONTHCOUNT"})


def _marks_component(doc: Any) -> Any:
    """Entities: the scanner's marks and the terms, structure first, quantities in the gaps.

    References, dates and periods override a measure or area name they overlap; a quantity
    never does ("999 and 101 call volumes" stays a measure).
    """
    from spacy.tokens import Span

    text = doc_text(doc)
    index = token_index(doc)
    terms: list[tuple[int, int, str, str]] = list(doc.user_data.pop("narrator_terms", []))
    # Scan each paragraph on its own so that no pattern runs across a paragraph break.
    found: list[tuple[Mark, int]] = []
    offset = 0
    for piece in text.split(PARAGRAPH_BREAK):
        found.extend((mark, offset) for mark in iter_marks(piece))
        offset += len(piece) + len(PARAGRAPH_BREAK)
    # The tokens of every mark at once (see TokenIndex.tokens).
    firsts = index.ends.searchsorted([m.start + at for m, at in found], side="right").tolist()
    lasts = index.starts.searchsorted([m.end + at for m, at in found], side="left").tolist()
    by_tokens: dict[tuple[int, int], tuple[Mark, int]] = {}
    chosen: list[tuple[int, int, str, str]] = []
    for (mark, at), first, last in zip(found, firsts, lasts, strict=True):
        last = max(last, first + 1)
        if chosen and chosen[-1][1] > first:
            continue
        chosen.append((first, last, mark.label, ""))
        by_tokens[(first, last)] = (mark, at)
    # Merge two sorted lists: each overlap is settled by the rule above.
    merged: list[tuple[int, int, str, str]] = []
    i = j = 0
    spans = chosen
    while i < len(spans) or j < len(terms):
        if j >= len(terms) or (i < len(spans) and spans[i][0] <= terms[j][0]):
            item = spans[i]
            i += 1
        else:
            item = terms[j]
            j += 1
        if merged and merged[-1][1] > item[0]:
            if _wins(item, merged[-1]):
                merged[-1] = item
            continue
        merged.append(item)
    doc.set_ents([Span(doc, s, e, label=label, kb_id=key) for s, e, label, key in merged])
    # The entities in character offsets, for the claim reader: Span attributes build Token
    # objects on every access.
    token_starts = index.starts[[s for s, _, _, _ in merged]].tolist() if merged else []
    token_ends = index.ends[[e - 1 for _, e, _, _ in merged]].tolist() if merged else []
    marks: dict[tuple[int, int], Mark] = {}
    entities = []
    for (s, e, label, key), start, end in zip(merged, token_starts, token_ends, strict=True):
        read = by_tokens.get((s, e))
        if read is not None and label == read[0].label:
            # The scanner's own offsets: a token may run on past the mark ("8)").
            mark, at = read
            start, end = mark.start + at, mark.end + at
            marks[(start, end)] = mark
        entities.append((start, end, label, key))
    doc.user_data["narrator_entities"] = entities
    doc.user_data["narrator_marks"] = marks
    return doc


def _wins(new: tuple[int, int, str, str], old: tuple[int, int, str, str]) -> bool:
    """Whether entity ``new`` replaces the overlapping entity ``old``."""
    new_term = new[2] in ("MEASURE", "AREA")
    old_term = old[2] in ("MEASURE", "AREA")
    if new_term == old_term:
        return new[1] - new[0] > old[1] - old[0]
    mark = old if new_term else new
    term = new if new_term else old
    if mark[2] == "PERIOD" and term[2] == "MEASURE" and _contains(term, mark):
        # "the all crime 12 month prosecution possible outcome rate": a period phrase inside
        # a measure's name is part of the name (the reader still sees it is rolling).
        return new_term
    return (mark[2] in _STRONG) != new_term


def _contains(outer: tuple[int, int, str, str], inner: tuple[int, int, str, str]) -> bool:
    """Whether entity ``outer`` strictly contains ``inner`` (in tokens)."""
    return (
        outer[0] <= inner[0] and inner[1] <= outer[1] and outer[1] - outer[0] > inner[1] - inner[0]
    )


def longest_first(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Non-overlapping matches, longer first, in text order (as ``spacy.util.filter_spans``)."""
    taken: set[int] = set()
    kept = []
    for item in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
        tokens = range(item[0], item[1])
        if any(t in taken for t in tokens):
            continue
        taken.update(tokens)
        kept.append(item)
    kept.sort()
    return kept


class _LexiconComponent:
    """Lexicon phrases as the span group ``doc.spans["lexicon"]``, longest match first."""

    def __init__(self, nlp: Any) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add_phrases(self, phrases: Iterable[tuple[str, str]]) -> None:
        """Add (label, phrase) pairs, such as ("direction:up", "increased")."""
        by_label: dict[str, list[str]] = {}
        for label, phrase in phrases:
            by_label.setdefault(label, []).append(phrase)
        for label, words in by_label.items():
            self.matcher.add(label, list(self.nlp.tokenizer.pipe(words)))

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span

        strings = self.nlp.vocab.strings
        found = longest_first([(s, e, strings[m], "") for m, s, e in self.matcher(doc)])
        doc.spans["lexicon"] = [Span(doc, s, e, label=label) for s, e, label, _ in found]
        index = token_index(doc)
        doc.user_data["narrator_lexicon"] = [
            (int(index.starts[s]), int(index.ends[e - 1]), "LEX", label) for s, e, label, _ in found
        ]
        return doc


def _make_lexicon_component(nlp: Any, name: str) -> _LexiconComponent:
    return _LexiconComponent(nlp)
