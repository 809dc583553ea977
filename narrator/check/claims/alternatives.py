"""The other measures a claim may be of: a rate named short ("the outcome rate") may be the
rate of any measure the paragraph spoke of, a measure carried from the sentence before may be
one named earlier. The checker holds a figure to its own measure first and to these only when
that fails, and never holds a direction to them (see :mod:`narrator.check.verdicts.unsure`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from narrator.check.claims.model import Claim, replace
from narrator.check.claims.reading import Reading
from narrator.check.tokens.measures import name_words

#: How many measures of the paragraphs before, under the same heading, are kept.
_EARLIER = 4


def with_alternatives(reading: Reading, claim: Claim, others: tuple[str, ...]) -> Claim:
    """The claim with the other measures it may be of: those the paragraph named, for a
    measure carried from the sentence before; their rates and its own measure's, for a
    rate named by less than its full name or a per cent of a count."""
    if not claim.is_data:
        return claim
    if claim.measure_from == "sentence":
        meant: tuple[str, ...] = others
        if claim.unit == "percent" and claim.role != "change":
            # "the outcome rate has dropped to 16.8%" after paragraphs on domestic abuse: a
            # per cent that is no change is a rate, never a count (whose changes it could
            # match by chance).
            meant = _rates_of(reading, others)
    elif _rate_named_short(reading, claim):
        own = (claim.measure,) if claim.measure else ()
        meant = tuple(dict.fromkeys(_rates_of(reading, (*others, *own))))
    else:
        return claim
    return replace(claim, measure_alternatives=tuple(m for m in meant if m != claim.measure))


def _rate_named_short(reading: Reading, claim: Claim) -> bool:
    """Whether a claim is of a rate the text named by less than its full name ("the outcome
    rate" for the all crime prosecution possible outcome rate), so of any family's rate."""
    catalogue = reading.reader.catalogue
    if claim.measure is None or claim.measure not in catalogue or claim.measure_text is None:
        return False
    measure = catalogue[claim.measure]
    if not measure.is_ratio:
        # "1,526 searches, 35.3% and 23.1%": a per cent said of a count is one of its rates
        return claim.unit == "percent" and claim.role != "change"
    return not name_words(measure.label) <= name_words(claim.measure_text)


def _rates_of(reading: Reading, measures: tuple[str, ...]) -> tuple[str, ...]:
    """The rates of ``measures``: each rate measure whose numerator or denominator is one of
    them ("domestic abuse" -> its outcome rate), or that is one of them."""
    return tuple(
        dict.fromkeys(rate for m in measures for rate in _rates_by_measure(reading).get(m, ()))
    )


#: Each catalogue's rates by the measures they are of, built once per catalogue.
_RATES: dict[int, tuple[object, dict[str, tuple[str, ...]]]] = {}


def _rates_by_measure(reading: Reading) -> dict[str, tuple[str, ...]]:
    """measure id -> the rates it is the numerator, the denominator or the rate of."""
    catalogue = reading.reader.catalogue
    cached = _RATES.get(id(catalogue))
    if cached is not None and cached[0] is catalogue:
        return cached[1]
    found: dict[str, list[str]] = {}
    for rate in catalogue.ratios:
        for part in dict.fromkeys((rate.id, rate.numerator, rate.denominator)):
            if part is not None:
                found.setdefault(part, []).append(rate.id)
    table = {m: tuple(rates) for m, rates in found.items()}
    _RATES[id(catalogue)] = (catalogue, table)
    return table


def carried_alternatives(
    reading: Reading, claims: Sequence[Claim], headings: Mapping[int, str | None]
) -> list[Claim]:
    """The figures that are rates, with the rates of the measures of the paragraphs before
    theirs under the same heading as alternatives too: "the outcome rate has dropped to
    16.8%" in an answer's second paragraph, after a first on domestic abuse. Done over the
    whole paper, so that it does not depend on how its paragraphs were shared among
    processes."""
    out: list[Claim] = []
    earlier: tuple[str, ...] = ()
    current: list[str] = []
    paragraph: int | None = None
    for claim in claims:
        if claim.paragraph != paragraph:
            same = paragraph is not None and headings.get(claim.paragraph) == headings.get(
                paragraph
            )
            earlier = (
                tuple(dict.fromkeys((*reversed(current), *earlier)))[:_EARLIER] if same else ()
            )
            current, paragraph = [], claim.paragraph
        if claim.measure is not None and claim.is_data:
            current.append(claim.measure)
        if (
            earlier
            and claim.kind == "figure"
            and claim.unit == "percent"
            and claim.role != "change"
        ):
            # Only a rate: a direction or a count is never carried to another paragraph's
            # measure, where a draft's paragraphs each speak of one measure.
            widened = with_alternatives(reading, claim, earlier)
            if widened is not claim:
                extra = tuple(
                    m for m in widened.measure_alternatives if m not in claim.measure_alternatives
                )
                claim = replace(claim, measure_alternatives=(*claim.measure_alternatives, *extra))
        out.append(claim)
    return out
