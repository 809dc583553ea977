"""Reading one sentence: entities and lexicon words in, claims out.

Works in character offsets on the Doc's text, with small regular expressions over the gaps
between entities, rather than token by token: papers are long and Python per token is slow.
A sentence is split into clauses (at ";", "but", "while"...); a figure takes its measure,
area, period and comparison from its own clause first, then from the sentence, then from
the context carried over from the previous sentence or the section heading.

The reading runs in phases over one :class:`~narrator.check.claims.pieces.Sentence`, each a
function of its own module: the words (:mod:`~narrator.check.claims.words`), the periods
(:mod:`~narrator.check.claims.periods`), the figures, the directions said without a
figure, the runs and outliers, the references and dates, the defaults of the sentence
(:mod:`~narrator.check.claims.complete`) and the context it leaves
(:mod:`~narrator.check.claims.context`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from narrator.check.claims.alternatives import with_alternatives
from narrator.check.claims.complete import complete
from narrator.check.claims.context import context_after
from narrator.check.claims.directions import direction_claims
from narrator.check.claims.figures import figure_claims
from narrator.check.claims.grammar import CLAUSE_BREAK
from narrator.check.claims.model import Claim
from narrator.check.claims.pairing import attach_modifiers, pair_targets
from narrator.check.claims.periods import named_periods
from narrator.check.claims.pieces import Context, Sentence, collect_items
from narrator.check.claims.reading import Reading
from narrator.check.claims.references import reference_claims
from narrator.check.claims.streaks import streak_claims
from narrator.check.claims.words import direction_words, mentions, multi_areas, targets


def read_sentence(
    reading: Reading,
    doc: Any,
    text: str,
    bounds: tuple[int, int],
    entities: Sequence[tuple[int, int, str, str]],
    lexicon: Sequence[tuple[int, int, str, str]],
    context: Context | None,
) -> tuple[list[Claim], Context]:
    """The claims of one sentence (in the offsets of ``text``, its chunk's text) and the
    context it leaves to the next."""
    sentence = _sentence(reading, doc, text, bounds, entities, lexicon, context or Context())
    claims = figure_claims(reading, sentence)
    claims += direction_claims(reading, sentence)
    claims += streak_claims(reading, sentence)
    claims += reference_claims(reading, sentence)
    claims = [complete(reading, sentence, c) for c in claims]
    ctx = sentence.context
    others = tuple(dict.fromkeys(m for m in (*ctx.seen, ctx.heading) if m))
    # A measure carried from the previous sentence may be one the paragraph spoke of
    # before, or the heading's; a rate ("the outcome rate" after a paragraph on domestic
    # abuse, "the rate" of possession of weapons) may be the rate of one of them, or of the
    # measure it was read as.
    claims = [with_alternatives(reading, c, others) for c in claims]
    return claims, context_after(reading, sentence, claims)


def _sentence(
    reading: Reading,
    doc: Any,
    text: str,
    bounds: tuple[int, int],
    entities: Sequence[tuple[int, int, str, str]],
    lexicon: Sequence[tuple[int, int, str, str]],
    context: Context,
) -> Sentence:
    """The sentence with its words read: mentions, targets, directions (with their
    modifiers and comparisons), periods and areas."""
    s0, s1 = bounds
    items = collect_items(doc, text, entities, lexicon)
    breaks = [s0] + [m.start() for m in CLAUSE_BREAK.finditer(text, s0, s1)]
    sentence = Sentence(text, s0, s1, items, breaks, context)
    sentence.mentions = mentions(reading, text, items)
    sentence.targets = targets(reading, sentence)
    target_spans = {(t.start, t.end) for t in sentence.targets}
    sentence.directions = direction_words(sentence)
    attach_modifiers(text, items, sentence.directions)
    pair_targets(sentence.directions, sentence.targets, sentence.clause_of)
    sentence.periods = named_periods(reading, sentence, target_spans)
    all_areas = [i for i in items if i.label == "AREA"]
    sentence.areas = [i for i in all_areas if (i.start, i.end) not in target_spans]
    sentence.multi = multi_areas(reading, sentence, all_areas)
    return sentence
