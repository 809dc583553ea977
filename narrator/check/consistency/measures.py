"""What a sentence and a section are about, by the measures they name: a sentence names
the measures its figures are read as and any whose label or alias it contains; a section is
about the measures of every figure in it and its parts."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

from narrator.catalogue import Catalogue, Measure
from narrator.check.claims.model import Claim
from narrator.check.consistency.topics import Holders, Topics
from narrator.check.text.document import Document, Section
from narrator.check.tokens.measures import measure_names

#: Words and single signs, to compare names of measures with sentences word by word.
_NAME_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")

_Names = dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]


@functools.lru_cache(maxsize=8)
def measure_names_by_token(measures: tuple[Measure, ...]) -> _Names:
    """Every name of every measure as lower-case tokens, by first token, longest first,
    with the measures it names."""
    ids: dict[tuple[str, ...], set[str]] = {}
    for name, mid in measure_names(measures):
        tokens = tuple(_NAME_TOKEN.findall(name.lower()))
        if tokens:
            ids.setdefault(tokens, set()).add(mid)
    names: _Names = {}
    for tokens in sorted(ids, key=len, reverse=True):
        names.setdefault(tokens[0], []).append((tokens, frozenset(ids[tokens])))
    return names


def named_in(text: str, names: _Names) -> set[str]:
    """The measures named in ``text``: at each word, the longest name that starts there,
    any case and spacing ("Dwelling burglary prosecution possible outcome rate" names the
    rate, not the count "dwelling burglary")."""
    tokens = _NAME_TOKEN.findall(text.lower())
    found: set[str] = set()
    at = 0
    while at < len(tokens):
        for name, measures in names.get(tokens[at], ()):
            if tuple(tokens[at : at + len(name)]) == name:
                found |= measures
                at += len(name)
                break
        else:
            at += 1
    return found


class Measures:
    """The measures each sentence names and each section is about.

    A sentence names the measures its figures are read as named in it, and any measure
    whose name (a catalogue label or alias) it contains; a section is about the measures of
    every figure in it and its parts. Measures sharing words
    ("all crime prosecution possible outcome rate" and "dwelling burglary prosecution
    possible outcome rate") are told apart, which word overlap cannot do.
    """

    def __init__(
        self,
        document: Document,
        claims: Sequence[Claim],
        catalogue: Catalogue | None,
        topics: Topics,
    ) -> None:
        self.named: dict[tuple[int, int], set[str]] = {}
        own: dict[str, set[str]] = {}
        for claim in claims:
            if not claim.is_data or claim.measure is None:
                continue
            if claim.section is not None:
                own.setdefault(claim.section, set()).add(claim.measure)
            if (claim.measure_from or "").startswith("text"):
                self.named.setdefault(claim.sentence_span, set()).add(claim.measure)
        self.names = measure_names_by_token(tuple(catalogue)) if catalogue is not None else None
        self.related: dict[str, set[str]] = {}
        if catalogue is not None:
            for measure in catalogue:
                for part in (measure.numerator, measure.denominator):
                    if part:
                        self.related.setdefault(measure.id, set()).add(part)
                        self.related.setdefault(part, set()).add(measure.id)
        self.document = document
        self.topics = topics
        self.own = own
        self._subtree: dict[str, frozenset[str]] = {}
        self._holders = Holders(document, topics.sections, own)

    def of_sentence(self, claim: Claim) -> frozenset[str]:
        """The measures the sentence of ``claim`` names."""
        found = set(self.named.get(claim.sentence_span, ()))
        if self.names is not None:
            found |= named_in(claim.sentence, self.names)
        return frozenset(found)

    def holding(self, measures: Iterable[str]) -> NDArray[np.bool_]:
        """Which sections (by position) are about any of ``measures``."""
        mask = np.zeros(len(self.topics.sections), dtype=bool)
        for measure in measures:
            held = self._holders.get(measure)
            if held is not None:
                mask[held] = True
        return mask

    def of_section(self, section: Section) -> frozenset[str]:
        """The measures a section and its parts are about."""
        found = self._subtree.get(section.number)
        if found is None:
            found = frozenset().union(
                *(self.own.get(s.number, ()) for s in self.document.subtree(section.number))
            )
            self._subtree[section.number] = found
        return found

    def are_related(self, some: Iterable[str], others: frozenset[str]) -> bool:
        """Whether a measure of ``some`` is the numerator or denominator of one of
        ``others``, or the other way round (dwelling burglaries and their outcome rate)."""
        return any(self.related.get(m, set()) & others for m in some)


def label_of(catalogue: Catalogue | None, measures: Iterable[str]) -> str:
    """The labels of ``measures`` for a message, in order."""
    names = [
        catalogue[m].label if catalogue is not None and m in catalogue else m
        for m in sorted(measures)
    ]
    return ", ".join(names)
