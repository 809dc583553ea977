"""What reading a paper needs beside each sentence: the reader, the month the paper reports
on, the day its yearless dates are read around, and what is worked out once per paper (the
words of the lexicon, of units and of measure names)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from narrator import months
from narrator.catalogue import Catalogue, Kind
from narrator.check.claims.pieces import Context
from narrator.check.tokens.lexicon import reader_phrases
from narrator.check.tokens.measures import NEUTRAL_HEADS, name_words, norm_word
from narrator.check.tokens.reader import Reader


@dataclass
class Reading:
    """The reading of one paper (see :func:`reading_of`): shared by its sentences."""

    reader: Reader
    #: The reporting month as a month index (see :mod:`narrator.months`), if known.
    reporting: int | None
    #: The paper's date from its front matter, if any.
    paper_date: date | None
    #: Yearless dates ("26th November") are read as the nearest such day to this one.
    anchor: date
    #: Every word of the lexicon's phrases, lower case: never a measure's head noun.
    lexicon_words: frozenset[str]
    #: The normalised units of every measure ("crime", "outcome").
    unit_words: frozenset[str]
    #: Words that may join two measure names into one.
    joining: frozenset[str]
    #: The levels of the areas, normalised ("district", "area"): nouns that count areas.
    levels: frozenset[str]
    #: Nouns that, after a count, name a measure ("206 crimes" is all crime), as the writer
    #: words a count of it (see :func:`count_nouns`).
    count_nouns: Mapping[str, str]
    headings: dict[str | None, Context] = field(default_factory=dict)
    #: The areas below the force the paper has named so far, latest last ("the division"
    #: in a later paragraph points back to the last division named).
    named_areas: list[str] = field(default_factory=list)
    #: The last measure a sentence of the paper named by its words, if any: a later
    #: paragraph's "230 thefts" under no heading of its own may be its short name.
    spoken_measure: str | None = None
    #: The one area below the force the paper's title names, if any.
    paper_area: str | None = None
    _words: dict[str, frozenset[str]] = field(default_factory=dict)
    _numbered: dict[str, list[frozenset[str]]] | None = None

    def measure_words(self, measure: str) -> frozenset[str]:
        """Words a count of ``measure`` may be followed by: its unit and its name's words."""
        found = self._words.get(measure)
        if found is None:
            m = self.reader.catalogue[measure]
            words = {norm_word(m.unit), norm_word(m.unit_plural or m.unit)} | NEUTRAL_HEADS
            for name in (m.label, *m.aliases):
                words |= name_words(name)
            for part in (m.numerator, m.denominator):
                if part and part in self.reader.catalogue:
                    words.add(norm_word(self.reader.catalogue[part].unit))
            found = self._words[measure] = frozenset(words)
        return found

    def joins(self, gap: str) -> bool:
        """Whether the words between two measure names join them into one name."""
        if re.search(r"[;:()]|\d", gap):
            return False
        return all(norm_word(w) in self.joining for w in re.findall(r"[\w’']+", gap))

    @property
    def numbered_names(self) -> dict[str, list[frozenset[str]]]:
        """For each number that is a word of a measure's name ("999 calls"), the other words
        of each such name."""
        if self._numbered is None:
            found: dict[str, list[frozenset[str]]] = {}
            for measure in self.reader.catalogue:
                for name in (measure.label, *measure.aliases):
                    words = name_words(name)
                    for word in words:
                        if word.isdigit() and words - {word}:
                            found.setdefault(word, []).append(words - {word})
            self._numbered = found
        return self._numbered


def reading_of(reader: Reader, reporting: int | None, paper_date: date | None) -> Reading:
    """The reading of a paper that reports on month ``reporting`` and is dated
    ``paper_date``: yearless dates are read around the middle of the reporting month, else
    around the paper's date, else today."""
    if reporting is not None:
        anchor = date(months.year(reporting), months.month_of_year(reporting), 15)
    else:
        anchor = paper_date or date.today()
    unit_words = frozenset(
        norm_word(w) for m in reader.catalogue for w in (m.unit, m.unit_plural or "") if w
    )
    return Reading(
        reader=reader,
        reporting=reporting,
        paper_date=paper_date,
        anchor=anchor,
        lexicon_words=frozenset(
            word.lower() for _, phrase in reader_phrases(reader.lexicon) for word in phrase.split()
        ),
        unit_words=unit_words,
        joining=unit_words
        | NEUTRAL_HEADS
        | reader.measures.vocabulary
        | {"for", "of", "the", "in", "on", "all", "and", "a", "an", "by", "'s", "’s"},
        levels=frozenset(norm_word(a.level) for a in reader.areas),
        count_nouns=count_nouns(reader.catalogue),
    )


def count_nouns(catalogue: Catalogue) -> dict[str, str]:
    """The unit nouns that name a measure after a count: the writer counts the measure
    labelled "all <unit>" in its units ("all crime": "206 crimes"). A noun two measures
    would claim names neither."""
    claims: dict[str, set[str]] = {}
    for measure in catalogue:
        if measure.kind is Kind.RATIO or not measure.unit:
            continue
        if measure.label.lower() == f"all {measure.unit.lower()}":
            claims.setdefault(norm_word(measure.unit), set()).add(measure.id)
    return {unit: next(iter(ids)) for unit, ids in claims.items() if len(ids) == 1}
