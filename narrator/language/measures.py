"""How prose names a measure: its label, what it counts, agreement and the short form.

Built from the catalogue (:class:`narrator.catalogue.Measure`): the label ("dwelling
burglary"), the unit and its plural ("crime", "crimes"), the ``noun`` key (count, mass or
auto) and the short form used after the first mention ("the rate").

- Count nouns are said as they are: "558 vehicle thefts", "1 vehicle theft".
- Mass nouns take their counted unit: "27 incidents of anti-social behaviour", "the number
  of incidents of anti-social behaviour", never "the number of vehicle crime".
- A label agrees with its verb: "all crime remains", "assaults remain".
- A qualifier brings its own determiner: "the 12 month" + "the rate" is "the 12 month rate",
  never "the 12 month the rate".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from narrator.catalogue import Measure, Noun
from narrator.language.numbers import figure, plural_of, singular_of

#: Determiners a short form may start with, dropped when a qualifier brings its own.
_DETERMINERS = ("the ", "a ", "an ")
#: Words that end a noun phrase's head and start what qualifies it: "searches | for stolen
#: goods", "crimes | where a suspect...".
_QUALIFIERS = frozenset(
    [
        "of",
        "for",
        "with",
        "from",
        "in",
        "on",
        "under",
        "by",
        "to",
        "at",
        "where",
        "which",
        "that",
        "who",
        "whose",
        "still",
    ]
)


@dataclass(frozen=True)
class MeasureNoun:
    """The words of one measure, and the phrases composed from them."""

    label: str
    unit: str
    unit_plural: str | None = None
    noun: Noun = Noun.AUTO
    short: str | None = None
    ratio: bool = False

    @classmethod
    def of(cls, measure: Measure) -> MeasureNoun:
        """The words of a catalogue measure."""
        return cls(
            label=measure.label,
            unit=measure.unit,
            unit_plural=measure.unit_plural,
            noun=measure.noun,
            short=measure.short,
            ratio=measure.is_ratio,
        )

    @property
    def units(self) -> str:
        """The unit's plural: "crimes", "people"."""
        return self.unit_plural or plural_of(self.unit)

    @property
    def is_plural(self) -> bool:
        """Whether the label takes a plural verb: "assaults remain", "all crime remains"."""
        if self.noun is Noun.COUNT:
            return True
        if self.noun is Noun.MASS:
            return False
        return _ends_in_plural(self.label)

    def agree(self, singular: str, plural: str) -> str:
        """The verb form agreeing with the label as subject: ``agree("remains", "remain")``."""
        return plural if self.is_plural else singular

    def counted(self) -> str:
        """What a count counts, as a plural noun phrase: "dwelling burglary crimes",
        "incidents of anti-social behaviour"."""
        if self.noun is Noun.COUNT:
            return self.label
        if self.noun is Noun.MASS:
            return f"{self.units} of {self.label}"
        return _guess_counted(self.label, self.unit, self.units)

    def amount(self, value: object, decimals: int = 0) -> str:
        """A count with what it counts, agreeing: "1 dwelling burglary crime", "27 incidents
        of anti-social behaviour"."""
        printed = figure(value, decimals, "amount")
        if printed != "1":
            return f"{printed} {self.counted()}"
        if self.noun is Noun.MASS:
            return f"{printed} {self.unit} of {self.label}"
        return f"{printed} {_singular_phrase(self.counted())}"

    def number_of(self) -> str:
        """ "the number of vehicle thefts", "the number of incidents of anti-social behaviour"."""
        if self.noun is Noun.MASS:
            return f"the number of {self.counted()}"
        return f"the number of {self.label}"

    @property
    def referring(self) -> str:
        """The short form used after the first mention ("the rate", "offences")."""
        if self.short:
            return self.short
        return "the rate" if self.ratio else f"the number of {self.units}"

    def named(self, first: bool, qualifier: str = "") -> str:
        """The label at first mention, the short form after, under an optional qualifier.

        ``named(False, "the 12 month")`` with the short form "the rate" is "the 12 month
        rate": the qualifier's determiner replaces the short form's.
        """
        name = self.label if first else self.referring
        if not qualifier:
            return name
        lowered = name.lower()
        for determiner in _DETERMINERS:
            if lowered.startswith(determiner):
                name = name[len(determiner) :]
                break
        return f"{qualifier} {name}"


@lru_cache(maxsize=1024)
def _ends_in_plural(label: str) -> bool:
    words = label.split()
    return bool(words) and singular_of(words[-1]) is not None


@lru_cache(maxsize=1024)
def _guess_counted(label: str, unit: str, units: str) -> str:
    """What an ``auto`` label counts, guessed as narrator always has."""
    if _ends_in_plural(label):
        return label
    words = label.split()
    if words[-1:] == [unit] and label.startswith("all "):
        return units  # "all crime" counts crimes
    if words[-1:] == [unit]:
        return " ".join([*words[:-1], units])
    return f"{label} {units}"


def _singular_phrase(phrase: str) -> str:
    """A plural noun phrase made singular at its head: "vehicle thefts" -> "vehicle theft",
    "people arrested" -> "person arrested", "searches for stolen goods" -> "search for
    stolen goods". The head is the last plural word before any qualifying words."""
    words = phrase.split()
    end = next((i for i, w in enumerate(words) if i and w.lower() in _QUALIFIERS), len(words))
    for at in range(end - 1, -1, -1):
        singular = singular_of(words[at])
        if singular is not None:
            return " ".join([*words[:at], singular, *words[at + 1 :]])
    return phrase
