"""The reader: a blank English spaCy pipeline whose components are built from project data.

- ``sentencizer``: rule-based sentence boundaries (no trained parser is needed).
- ``entity_ruler``: MEASURE and AREA entities from the catalogue's labels and aliases and the
  area names and aliases, matched case-insensitively, longest first.
- ``narrator_marks``: the scanner (:mod:`narrator.check.patterns`): references, section
  numbers, dates, financial years and periods are set before quantities, and override a
  measure or area they overlap, so "4.2.1" or "2018/19" is never a value.
- ``narrator_lexicon``: the phrasebank lexicon (directions, magnitudes, comparisons,
  significance, periods) as a span group, since its words may overlap entities.

spaCy is imported here and only when a reader is built: commands that do not read text
never pay for it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from narrator.areas import Areas
from narrator.catalogue import Catalogue, Kind, Measure
from narrator.check.document import Document, Paragraph
from narrator.check.lexicon import Lexicon, parse_lexicon
from narrator.check.patterns import Mark, iter_marks

if TYPE_CHECKING:
    from narrator.check.claims import Claim

#: Words that join the parts of a measure's name and carry no meaning of their own.
NAME_STOP = frozenset(
    ["of", "the", "for", "with", "and", "in", "on", "a", "an", "to", "by", "'s", "’s", "all"]
) - {"all"}
#: Nouns a measure may be followed by without changing what is counted.
NEUTRAL_HEADS = frozenset(
    ("level total figure volume number count rate indicator measure numbers").split()  # noqa: SIM905
)


@functools.lru_cache(maxsize=65536)
def norm_word(word: str) -> str:
    """Lower case and singular, well enough to compare measure names ("burglaries")."""
    word = word.lower().strip("‘’'\"")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=16384)
def name_words(text: str) -> frozenset[str]:
    """The content words of a measure's name, normalised."""
    return frozenset(
        norm_word(w) for w in re.findall(r"[\w’']+", text.lower()) if w not in NAME_STOP
    )


@dataclass(frozen=True)
class MeasureIndex:
    """Measures by the words of their names, for compositional look-up.

    "the prosecution possible outcome rate for dwelling burglary offences" names no measure
    in one piece; its words contain every word of "dwelling burglary prosecution possible
    outcome rate", and the measure whose name covers most of the words wins.
    """

    names: tuple[tuple[frozenset[str], str], ...]
    kinds: Mapping[str, Kind]
    order: Mapping[str, int]
    vocabulary: frozenset[str]
    #: For each word, the positions in :attr:`names` of the names that have it.
    by_word: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    #: :meth:`best` of the word sets asked about: a paper names its measures again and again.
    _best: dict[tuple[frozenset[str], frozenset[str]], tuple[str | None, int]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def build(cls, catalogue: Catalogue) -> MeasureIndex:
        """Index every label and alias of a catalogue."""
        names: list[tuple[frozenset[str], str]] = []
        for measure in catalogue:
            for name in (measure.label, *measure.aliases):
                words = name_words(name)
                if words:
                    names.append((words, measure.id))
        order = {m.id: (m.priority, i) for i, m in enumerate(catalogue)}
        ranked = sorted(order, key=lambda mid: order[mid])
        vocabulary = frozenset(w for words, _ in names for w in words)
        by_word: dict[str, list[int]] = {}
        for at, (words, _) in enumerate(names):
            for word in words:
                by_word.setdefault(word, []).append(at)
        return cls(
            names=tuple(names),
            kinds={m.id: m.kind for m in catalogue},
            order={mid: i for i, mid in enumerate(ranked)},
            vocabulary=vocabulary,
            by_word={word: tuple(at) for word, at in by_word.items()},
        )

    def best(
        self, words: frozenset[str], *, need: frozenset[str] = frozenset()
    ) -> tuple[str | None, int]:
        """The measure whose name is the largest subset of ``words`` (and meets ``need``);
        of names as large, the measure first in priority order."""
        key = (frozenset(words), frozenset(need))  # no copy of a frozenset
        known = self._best.get(key)
        if known is None:
            known = self._find_best(*key)
            if len(self._best) < 65536:
                self._best[key] = known
        return known

    def _find_best(self, words: frozenset[str], need: frozenset[str]) -> tuple[str | None, int]:
        # A name is a subset when every one of its words is found: count, through the
        # index, how many of each name's words ``words`` has, rather than test every name.
        found_words: dict[int, int] = {}
        for word in words:
            for at in self.by_word.get(word, ()):
                found_words[at] = found_words.get(at, 0) + 1
        found: str | None = None
        size = 0
        for at, count in found_words.items():
            name, mid = self.names[at]
            if count != len(name) or count < size or (need and not name & need):
                continue
            if count > size or found is None or self.order[mid] < self.order[found]:
                found, size = mid, count
        return found, size

    def resolve(
        self,
        words: frozenset[str],
        *,
        context: frozenset[str] = frozenset(),
        ratio: bool = False,
    ) -> tuple[str | None, bool]:
        """The measure named by ``words``; ``context`` (the heading's or the previous
        sentence's measure words) is used when it makes the name more specific. Returns the
        measure id and whether the context was used.

        The context completes a name only when the words alone name nothing, or when a per
        cent is said of a count: "prosecution possible outcomes ... 42.0%" after a sentence
        about possession of weapons is the possession of weapons outcome rate."""
        found, _ = self.best(words)
        used = False
        if found is None and context:
            found, _ = self.best(words | context, need=words)
            used = found is not None
        if ratio and (found is None or self.kinds[found] is not Kind.RATIO):
            # A per cent said of a count ("prosecution possible outcomes ... 39.1%") is its rate.
            for extra in (context, frozenset()):
                rated, _ = self.best(words | extra | {"rate"}, need=words)
                if rated is not None and self.kinds[rated] is Kind.RATIO:
                    return rated, used or bool(extra)
        return found, used


def _plural(phrase: str) -> str:
    """The phrase with its last word in the plural ("dwelling burglaries")."""
    words = phrase.split()
    last = words[-1]
    if last.lower().endswith("y") and last[-2:-1].lower() not in "aeiou":
        words[-1] = last[:-1] + "ies"
    elif last.lower().endswith(("s", "x", "ch", "sh")):
        words[-1] = last + "es"
    else:
        words[-1] = last + "s"
    return " ".join(words)


#: Paragraphs are read together, joined by this separator; no pattern crosses it.
PARAGRAPH_BREAK = "\n\n"
#: Characters per spaCy Doc: papers are read in chunks of whole paragraphs.
CHUNK_CHARS = 100_000


def group_paragraphs(paragraphs: Iterable[Paragraph]) -> list[tuple[Paragraph, ...]]:
    """Consecutive paragraphs in groups of at most :data:`CHUNK_CHARS` characters (or one
    paragraph), each to be read as one Doc."""
    groups: list[list[Paragraph]] = [[]]
    size = 0
    for paragraph in paragraphs:
        if size and size + len(paragraph.text) > CHUNK_CHARS:
            groups.append([])
            size = 0
        groups[-1].append(paragraph)
        size += len(paragraph.text) + len(PARAGRAPH_BREAK)
    return [tuple(g) for g in groups if g]


@dataclass(frozen=True)
class Chunk:
    """Consecutive paragraphs read as one spaCy Doc; ``starts[i]`` is where
    ``paragraphs[i]`` begins in ``doc.text``."""

    doc: Any
    paragraphs: tuple[Paragraph, ...]
    starts: tuple[int, ...]


class Reader:
    """A loaded pipeline and the project data it was built from; build once, reuse."""

    def __init__(self, catalogue: Catalogue, areas: Areas, lexicon: Lexicon) -> None:
        self.catalogue = catalogue
        self.areas = areas
        self.lexicon = lexicon
        self.measures = MeasureIndex.build(catalogue)
        self.nlp = _build_nlp(catalogue, areas, lexicon)
        self._cache: dict[str, Any] = {}

    def parse(self, document: Document) -> list[Chunk]:
        """The prose paragraphs of ``document`` read in chunks (one Doc per chunk).

        Reading many paragraphs as one Doc saves spaCy's per-Doc cost, which dominates on
        the short paragraphs papers are made of.
        """
        return list(self.read(self.groups(document)))

    def groups(self, document: Document) -> list[tuple[Paragraph, ...]]:
        """The prose paragraphs of ``document`` in groups of at most :data:`CHUNK_CHARS`
        characters (or one paragraph), each to be read as one Doc."""
        return group_paragraphs(p for p in document.iter_text() if p.text)

    def read(self, groups: Iterable[Sequence[Paragraph]]) -> Iterator[Chunk]:
        """Each group of paragraphs (see :meth:`groups`) read as one Doc, in order."""
        runs = [tuple(g) for g in groups]
        texts = [PARAGRAPH_BREAK.join(p.text for p in run) for run in runs]
        for group, doc in zip(runs, self.nlp.pipe(texts), strict=True):
            starts: list[int] = []
            at = 0
            for paragraph in group:
                starts.append(at)
                at += len(paragraph.text) + len(PARAGRAPH_BREAK)
            yield Chunk(doc, group, tuple(starts))

    def prepare(self, document: Document) -> None:
        """Fill the tokenizer's cache with the words of ``document`` (see :class:`_KeepText`),
        before the document is read in several processes that would each fill their own."""
        tokenizer = self.nlp.tokenizer
        if isinstance(tokenizer, _KeepText):
            tokenizer.fill_cache(" ".join(p.text for p in document.iter_text()))

    def doc(self, text: str) -> Any:
        """One short text (a heading) through the pipeline; cached, as headings repeat."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self.nlp(text)
            if len(self._cache) < 4096:
                self._cache[text] = cached
        return cached

    def claims(self, document: Document, *, month: str | None = None) -> list[Claim]:
        """Every claim the paper makes, in document order (see :mod:`narrator.check.claims`).

        ``month`` is the reporting month ("2019-10"); without it, it is inferred from the
        paper (see :func:`narrator.check.claims.infer_reporting_month`).
        """
        from narrator.check.claims import extract_claims

        return extract_claims(self, document, month=month)


def build_reader(
    catalogue: Catalogue, areas: Areas, lexicon: Lexicon | Mapping[str, Any]
) -> Reader:
    """Build the reader from the project's catalogue, areas and lexicon (parsed or raw TOML).

    Loading spaCy takes a moment: build one reader and reuse it for every paper.
    """
    if not isinstance(lexicon, Lexicon):
        lexicon = parse_lexicon(lexicon)
    return Reader(catalogue, areas, lexicon)


# --------------------------------------------------------------------------- components


def _build_nlp(catalogue: Catalogue, areas: Areas, lexicon: Lexicon) -> Any:
    import spacy
    from spacy.language import Language

    _register_components(Language)
    nlp = spacy.blank("en")
    nlp.tokenizer = _KeepText(nlp.tokenizer)
    nlp.add_pipe("narrator_sentences")
    terms: Any = nlp.add_pipe("narrator_terms")
    terms.add_patterns(_term_patterns(catalogue, areas))
    nlp.add_pipe("narrator_marks")
    lex: Any = nlp.add_pipe("narrator_lexicon")
    lex.add_phrases(lexicon.phrases())
    return nlp


#: Pieces of text (between spaces) the tokenizer keeps the tokens of.
TOKEN_CACHE = 100_000
#: A word, perhaps with a comma: no special case of the tokenizer can apply inside it
#: unless the word itself is one ("cannot").
_PLAIN_SPAN = re.compile(r"([A-Za-z]+),?")


class _KeepText:
    """The blank tokenizer, keeping the text it was given: ``Doc.text`` is rebuilt from the
    tokens on every access, which costs more than tokenizing.

    It also fills the tokenizer's cache before each text. spaCy caches the tokens of each
    piece of text between spaces, but stops caching for the rest of a text once a special
    case ("i.e.") has applied in it, so that the rest of a long text is split by the affix
    regular expressions piece by piece (the long paper of bench/check_speed.py: 0.25 s
    instead of 0.04 s). Each new piece is tokenized once on its own first (plain words
    together, in one call), which caches exactly what spaCy would have cached had no
    special case come before it; the tokens are the same.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        tokenizer.max_cache_size = max(tokenizer.max_cache_size, TOKEN_CACHE)
        self._specials = frozenset(tokenizer.rules)
        self._seen: set[str] = set()

    def __call__(self, text: str) -> Any:
        self.fill_cache(text)
        doc = self.tokenizer(text)
        doc.user_data["narrator_text"] = text
        return doc

    def fill_cache(self, text: str) -> None:
        """Tokenize each piece of ``text`` not seen before on its own, to cache its tokens."""
        new = set(text.split())
        new -= self._seen
        if not new or len(self._seen) + len(new) > TOKEN_CACHE:
            return  # a full cache keeps no more
        self._seen |= new
        plain = []
        for piece in new:
            match = _PLAIN_SPAN.fullmatch(piece)
            if match and match.group(1) not in self._specials:
                plain.append(piece)
            else:
                # Alone, so that a special case in it stops the caching of nothing else.
                self.tokenizer(piece)
        if plain:
            self.tokenizer(" ".join(plain))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


def doc_text(doc: Any) -> str:
    """The text of a Doc, without rebuilding it when the reader's tokenizer kept it."""
    text = doc.user_data.get("narrator_text")
    return text if isinstance(text, str) else str(doc.text)


_REGISTERED = False


def _register_components(language: Any) -> None:
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
_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s+(?=[A-Z0-9‘“\"'(£])|\n\n")
_ABBREVIATION = re.compile(
    r"(?:\b(?:i\.e|e\.g|etc|vs|cf|no|nos|st|dr|mr|mrs|ms|approx|incl|op|para|paras|fig)"
    r"|\b[A-Z])\.$",
    re.IGNORECASE,
)


class TokenIndex:
    """Token boundaries of a Doc as arrays, to turn character offsets into tokens.

    ``Doc.char_span`` scans the tokens on every call; a paper has thousands of entities.
    """

    def __init__(self, doc: Any) -> None:
        import numpy as np
        from spacy.attrs import IDX, LENGTH

        table = doc.to_array([IDX, LENGTH]).astype(np.int64) if len(doc) else np.zeros((0, 2))
        self.starts = table[:, 0]
        self.ends = table[:, 0] + table[:, 1]

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """The tokens that cover characters ``start:end`` (expanded to whole tokens)."""
        first = int(self.ends.searchsorted(start, side="right"))
        last = int(self.starts.searchsorted(end, side="left"))
        return first, max(last, first + 1)


def token_index(doc: Any) -> TokenIndex:
    """The (cached) :class:`TokenIndex` of a Doc."""
    index = doc.user_data.get("narrator_index")
    if index is None:
        index = doc.user_data["narrator_index"] = TokenIndex(doc)
    return index  # type: ignore[no-any-return]


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
        if match.group(0) == PARAGRAPH_BREAK
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


class _TermsComponent:
    """MEASURE and AREA candidates from catalogue and area names (phrase match, any case)."""

    def __init__(self, nlp: Any) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add_patterns(self, patterns: Iterable[tuple[str, str, str]]) -> None:
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
            found.append((start, end, label, key))
        doc.user_data["narrator_terms"] = longest_first(found)
        return doc


def _make_terms_component(nlp: Any, name: str) -> _TermsComponent:
    return _TermsComponent(nlp)


def measure_names(measures: Iterable[Measure]) -> list[tuple[str, str]]:
    """(name, measure id) for every label and alias of ``measures`` and its plural: the
    names the reader recognises a measure by."""
    names: list[tuple[str, str]] = []
    for measure in measures:
        for name in dict.fromkeys((measure.label, *measure.aliases)):
            for form in dict.fromkeys((name, _plural(name))):
                names.append((form, measure.id))
    return names


def _term_patterns(catalogue: Catalogue, areas: Areas) -> list[tuple[str, str, str]]:
    patterns: list[tuple[str, str, str]] = [
        ("MEASURE", mid, form) for form, mid in measure_names(catalogue)
    ]
    for area in areas:
        for name in dict.fromkeys(n for n in (area.name, area.label, *area.aliases) if n):
            patterns.append(("AREA", area.name, name))
    return patterns


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


def sentences_of(doc: Any) -> list[tuple[int, int]]:
    """(start_char, end_char) of every sentence of a Doc, as ``doc.sents`` gives them."""
    found: list[tuple[int, int]] | None = doc.user_data.get("narrator_sentences")
    if found is None:
        return [(sent.start_char, sent.end_char) for sent in doc.sents]
    return found


def entities_of(doc: Any) -> list[tuple[int, int, str, str]]:
    """(start_char, end_char, label, key) of every entity of a Doc read by the reader."""
    found: list[tuple[int, int, str, str]] = doc.user_data.get("narrator_entities", [])
    return found


def lexicon_of(doc: Any) -> list[tuple[int, int, str, str]]:
    """(start_char, end_char, "LEX", "kind:key") of every lexicon phrase of a Doc."""
    found: list[tuple[int, int, str, str]] = doc.user_data.get("narrator_lexicon", [])
    return found


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


def marks_of(doc: Any) -> Mapping[tuple[int, int], Mark]:
    """The scanner's reading of each entity, by (start_char, end_char)."""
    found: Mapping[tuple[int, int], Mark] = doc.user_data.get("narrator_marks", {})
    return found


def iter_entities(doc: Any, labels: Iterable[str]) -> Iterator[Any]:
    """Entities of ``doc`` with one of ``labels``."""
    wanted = frozenset(labels)
    return (e for e in doc.ents if e.label_ in wanted)
