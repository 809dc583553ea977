"""The language both directions share: the writer's words are the words the reader reads.

Pure (no Jinja, no spaCy), so the draft, the checker and the review can all use it:

- :mod:`~narrator.language.lexicon`: the one :class:`Lexicon` (directions, judgements,
  magnitudes, significance, streaks, records, outliers, comparisons, hedges, periods), read
  from ``phrasebank/lexicon.toml``, with the forms the writer writes and the forms a reader
  must recognise;
- :mod:`~narrator.language.periods`: the one :class:`Period` value and its labels;
- :mod:`~narrator.language.numbers`: figures and number words, both ways;
- :mod:`~narrator.language.measures`: measure noun phrases (count and mass nouns, agreement,
  short forms);
- :mod:`~narrator.language.places`: area names.
"""

from __future__ import annotations

from narrator.language.lexicon import (
    Direction,
    Judgement,
    Lexicon,
    Scale,
    Section,
    Term,
    load_lexicon,
    parse_lexicon,
)
from narrator.language.measures import MeasureNoun
from narrator.language.periods import Period, PeriodKind

__all__ = [
    "Direction",
    "Judgement",
    "Lexicon",
    "MeasureNoun",
    "Period",
    "PeriodKind",
    "Scale",
    "Section",
    "Term",
    "load_lexicon",
    "parse_lexicon",
]
