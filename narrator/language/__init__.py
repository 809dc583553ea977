"""The language both directions share: the writer's words are the words the reader reads.

Pure (no Jinja, no spaCy), so the draft, the checker and the review can all use it:

- :mod:`~narrator.language.lexicon`: the one :class:`Lexicon` (directions, judgements,
  magnitudes, significance, streaks, records, outliers, comparisons, hedges, periods), read
  from ``phrasebank/lexicon.toml``, with the forms the writer writes and the forms a reader
  must recognise;
- :mod:`~narrator.language.periods`: the one :class:`Period` value and its labels, and the
  :class:`Month` value;
- :mod:`~narrator.language.directions`: the :class:`Direction` and :class:`Judgement` enums;
- :mod:`~narrator.language.numbers`: figures and number words, both ways;
- :mod:`~narrator.language.measures`: measure noun phrases (count and mass nouns, agreement,
  short forms);
- :mod:`~narrator.language.places`: area names.

Import from the modules themselves (``from narrator.language.periods import Period``): the
package itself imports nothing, so the fact engine can use months, periods and directions
without loading inflect.
"""
