"""The lexicon as the reader reads it: the one :class:`~narrator.language.lexicon.Lexicon`
the writer writes with, seen through the sections whose words mark a claim.

The writer words a draft with ``phrasebank/lexicon.toml``; the reader recognises the same
entries in every form (:meth:`~narrator.language.lexicon.Lexicon.phrases`), so a word the
writer may write is a word the reader reads.
"""

from __future__ import annotations

from collections.abc import Iterator

from narrator.language.lexicon import Lexicon, Section

#: The sections whose phrases the reader marks in a text (labels "direction:up",
#: "judgement:better", "magnitude:slight", "comparison:year_end", "significance:...",
#: "period:..."). Streak, record and outlier words are read by the claim grammar instead.
READ_SECTIONS: tuple[Section | str, ...] = (
    Section.DIRECTIONS,
    Section.POLARITY,
    "magnitudes",
    Section.COMPARISONS,
    Section.SIGNIFICANCE,
    Section.PERIODS,
)


#: Forms of a direction that say how large a figure is, not that it changed ("a high
#: number of crimes").
_STANDING = frozenset({"level"})


def reader_phrases(lexicon: Lexicon) -> Iterator[tuple[str, str]]:
    """(label, phrase) for the reader's phrase matcher."""
    yield from lexicon.phrases(*(s for s in READ_SECTIONS if s != Section.DIRECTIONS))
    for key, term in lexicon.terms.get(Section.DIRECTIONS, {}).items():
        standing = {w for role, w in term.forms.items() if role in _STANDING}
        for form in term.reader_forms:
            if form not in standing or form in term.also:
                yield f"direction:{key}", form
