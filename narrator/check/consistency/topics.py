"""What a sentence and a section are about, by their words: each section's content words
weighted by how rare they are across the paper."""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from narrator.check.claims.model import Claim
from narrator.check.text.dates import word_list
from narrator.check.text.document import Document, Section, number_key
from narrator.check.tokens.measures import norm_word

#: A reference is about another section when its own section shares less than this part of
#: the best section's overlap with the referring sentence.
TOPIC_RATIO = 0.34
#: Below this overlap (a sum of idf weights) no section is a confident suggestion.
TOPIC_MINIMUM = 3.0
#: Words alone say a reference is to the wrong section only when another section shares
#: this much with the sentence: a few common words ("monthly", "members") are no evidence.
TOPIC_EVIDENCE = 8.0
#: Sections within this part of the best overlap are weighed against it (see ``_best``).
NEAR = 0.8


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9’'-]*")
_REFERENCE_WORDS = frozenset(
    word_list(
        "see section sections paragraph para above below detailed detailing outlined "
        "described concerning update updates"
        # Words of when, not of what: any section of a monthly paper has them.
        " month months monthly quarter quarters quarterly year years yearly annual week weeks"
        " weekly"
    )
)


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def content_words(text: str) -> set[str]:
    """The topic words of a text: normalised, without stop words and reference words."""
    words = {topic_word(raw) for raw in set(_WORD.findall(text))}
    words.discard("")
    return words


@functools.lru_cache(maxsize=65536)
def topic_word(raw: str) -> str:
    """A word as a topic word, or "" if it is none (cached: a paper repeats its words)."""
    word = re.sub(r"['’]s$", "", raw.lower()).strip("’'-")  # "month's" is "month"
    if len(word) < 2 or word in _stop_words() or word in _REFERENCE_WORDS:
        return ""
    return norm_word(word)


class Topics:
    """Content words of every section, weighted by how rare they are across the paper.

    Sections are numbered by their position in :attr:`Document.sections`; the overlap of a
    sentence with every section is one array, so that a reference costs a few array
    operations rather than a pass over the sections in Python (a long paper has thousands
    of sections and hundreds of references).
    """

    def __init__(self, document: Document, asked: Iterable[str]) -> None:
        """``asked``: the words of the sentences that will be scored (see :meth:`scores`),
        the only ones whose rarity and places are needed."""
        self.document = document
        self.sections = list(document.sections.values())
        self.position = {section.number: i for i, section in enumerate(self.sections)}
        wanted = frozenset(asked)
        spellings: dict[str, set[str]] = {}
        for number, section in document.sections.items():
            text = " ".join(
                [section.heading or ""]
                + [p.text for p in section.paragraphs if p.kind != "heading"]
            )
            spellings[number] = set(_WORD.findall(text))
        # Each spelling read as a topic word once for the whole paper, and only the asked
        # words kept: a section's own words are its spellings of those.
        to_word = {
            raw: word
            for raw in set().union(*spellings.values())
            if (word := topic_word(raw)) in wanted
        }
        known = frozenset(to_word)
        #: The asked words in each section's own text (heading and paragraphs).
        self.own: dict[str, set[str]] = {
            number: {to_word[raw] for raw in raws & known} for number, raws in spellings.items()
        }
        counts: Counter[str] = Counter()
        for words in self.own.values():
            counts.update(words)
        total = max(1, len(self.own))
        self.idf = {w: math.log(1 + total / c) for w, c in counts.items()}
        self._subtree_words: dict[str, set[str]] = {}
        #: Words in more than a third of the sections (and in at least 30) are not topics.
        self.common = math.log(1 + total / max(30, total / 3))
        self.depth = np.array([len(s.key) for s in self.sections], dtype=np.int64)
        ordered = sorted({s.key for s in self.sections})
        rank_of = {key: i for i, key in enumerate(ordered)}
        self.ordered = ordered
        #: Each section's place in number order (equal numbers, "4" and "4.0", share one).
        self.rank = np.array([rank_of[s.key] for s in self.sections], dtype=np.int64)
        self.at_key: dict[tuple[int, ...], list[int]] = {}
        for i, section in enumerate(self.sections):
            self.at_key.setdefault(section.key, []).append(i)
        self._holders = Holders(document, self.sections, self.own, wanted)

    def words(self, number: str) -> set[str]:
        """The asked words of a section and its subsections (cached: references repeat)."""
        found = self._subtree_words.get(number)
        if found is None:
            found = set()
            for section in self.document.subtree(number):
                found |= self.own.get(section.number, set())
            self._subtree_words[number] = found
        return found

    def scores(self, sentence: set[str]) -> NDArray[np.float64]:
        """The idf-weighted overlap of a sentence's words with each section and its parts
        (0 where they share no word), by section position."""
        totals = np.zeros(len(self.sections))
        # In sorted order, so that the sums (and the scores reported) are the same each run.
        for word in sorted(sentence):
            weight = self.idf.get(word, 0.0)
            if weight < self.common:
                continue  # in most sections: it tells none apart, and costs the most
            held = self._holders.get(word)
            if held is not None:
                totals[held] += weight
        return totals

    def allowed(self, claim: Claim) -> NDArray[np.bool_]:
        """Sections a reference from ``claim`` could mean: not its own section, nor one
        above or below it in the tree, and on the side it points to."""
        mask = np.ones(len(self.sections), dtype=bool)
        if not claim.section:
            return mask
        own = number_key(claim.section)
        for depth in range(1, len(own) + 1):
            mask[self.at_key.get(own[:depth], [])] = False
        for section in self.document.subtree(claim.section):
            mask[self.position[section.number]] = False
        if claim.target_where == "above":
            mask &= self.rank < bisect.bisect_right(self.ordered, own)
        elif claim.target_where == "below":
            mask &= self.rank >= bisect.bisect_left(self.ordered, own)
        return mask

    def near(
        self, totals: NDArray[np.float64], chosen: NDArray[np.bool_]
    ) -> list[tuple[float, Section]]:
        """The chosen sections that overlap nearly as much as the best of them (all that
        :func:`_best` weighs), highest first, then in number order."""
        found = np.flatnonzero(chosen)
        if not len(found):
            return []
        scores = totals[found]
        found = found[scores >= NEAR * scores.max()]
        order = found[np.lexsort((self.rank[found], -totals[found]))]
        return [(float(totals[i]), self.sections[i]) for i in order]


class Holders:
    """For each value (a word, a measure), the positions of the sections that have it in
    their own text or in their parts': a section holds what its parts hold. Built on
    demand, value by value: references ask for few of a paper's words."""

    def __init__(
        self,
        document: Document,
        sections: Sequence[Section],
        own: Mapping[str, Iterable[str]],
        wanted: frozenset[str] | None = None,
    ) -> None:
        """``own``: the values of each section's own text, by number; ``wanted``: the only
        values that will be asked for, if known."""
        self.document = document
        self.sections = sections
        self.position = {section.number: i for i, section in enumerate(sections)}
        self.containing: dict[str, list[int]] = {}
        for i, section in enumerate(sections):
            values = own.get(section.number, ())
            for value in values if wanted is None else wanted.intersection(values):
                self.containing.setdefault(value, []).append(i)
        self._ancestors: dict[int, list[int]] = {}
        self._held: dict[str, NDArray[np.intp]] = {}

    def get(self, value: str) -> NDArray[np.intp] | None:
        """Positions of the sections holding ``value``, or None if none does."""
        held = self._held.get(value)
        if held is None:
            at = self.containing.get(value)
            if at is None:
                return None
            found: set[int] = set()
            for i in at:
                found.update(self.ancestors(i))
            held = self._held[value] = np.fromiter(sorted(found), dtype=np.intp)
        return held

    def ancestors(self, i: int) -> list[int]:
        """Positions of the section at ``i`` and of the sections above it."""
        found = self._ancestors.get(i)
        if found is None:
            key = self.sections[i].key
            found = self._ancestors[i] = [
                self.position[s.number]
                for depth in range(1, len(key) + 1)
                if (s := self.document.section_at(key[:depth])) is not None
            ]
        return found
