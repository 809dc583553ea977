"""The lexicon: one typed list of words, read in two directions.

The writer takes every direction, judgement, magnitude, significance, streak, record,
outlier and benchmark word from here (the templates ask for a word by its section, key and
form: ``lex.word("down", "past")`` is "fell"); a reader recognises the same words and the
forms derived from them (:meth:`Lexicon.reader_forms`, :meth:`Lexicon.phrases`), so a word
the writer may write is always a word the reader knows. ``narrator phrases lint`` refuses a
template that writes one of the guarded words by hand (:meth:`Lexicon.guarded_words`).

The words are data, ``phrasebank/lexicon.toml``; see its header for the two shapes of entry.
Pure: no Jinja, no spaCy.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from narrator.catalogue import Polarity
from narrator.errors import LexiconError
from narrator.language.directions import Direction, Judgement
from narrator.language.numbers import as_decimal, plural_of

LEXICON_FILE = "lexicon.toml"


class Section(StrEnum):
    """The sections of the lexicon that hold words (magnitudes hold scales, see :class:`Scale`)."""

    DIRECTIONS = "directions"
    POLARITY = "polarity"
    SIGNIFICANCE = "significance"
    STREAKS = "streaks"
    RECORDS = "records"
    OUTLIERS = "outliers"
    COMPARISONS = "comparisons"
    COMPARATORS = "comparators"
    CHANGES = "changes"
    HEDGES = "hedges"
    PERIODS = "periods"


#: How a reader labels a phrase of each section: "direction:up", "judgement:better"...
LABELS: Mapping[Section, str] = {
    Section.DIRECTIONS: "direction",
    Section.POLARITY: "judgement",
    Section.SIGNIFICANCE: "significance",
    Section.STREAKS: "streak",
    Section.RECORDS: "record",
    Section.OUTLIERS: "outlier",
    Section.COMPARISONS: "comparison",
    Section.COMPARATORS: "comparator",
    Section.CHANGES: "change",
    Section.HEDGES: "hedge",
    Section.PERIODS: "period",
}
#: The words a template must take from the lexicon, never write by hand: whole sections,
#: and the benchmark entries of the comparisons.
GUARDED_SECTIONS = (
    Section.DIRECTIONS,
    Section.POLARITY,
    Section.SIGNIFICANCE,
    Section.STREAKS,
    Section.RECORDS,
    Section.OUTLIERS,
)
GUARDED_ENTRIES = ((Section.COMPARISONS, ("long_term", "year_end", "xmr")),)
#: The role of a list entry's first word, the one the writer writes.
DEFAULT = "default"
#: Forms that are nouns: a reader also reads their plurals ("increase" -> "increases").
_NOUN_FORMS = frozenset({"noun", "change"})


@dataclass(frozen=True)
class Term:
    """One entry of the lexicon: the forms the writer writes, by role, and the forms only read.

    ``Term(Section.DIRECTIONS, "down", {"verb": "decreased", "past": "fell"}, ("declined",))``.
    """

    section: Section
    key: str
    forms: Mapping[str, str]
    also: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        """The entry as the TOML file names it: "[directions.down]"."""
        return f"[{self.section.value}.{self.key}]"

    def form(self, role: str = DEFAULT) -> str:
        """The word the writer writes in a role; a list entry has one role, its first word."""
        if role in self.forms:
            return self.forms[role]
        if role == DEFAULT and len(self.forms) == 1:
            return next(iter(self.forms.values()))
        known = ", ".join(sorted(self.forms)) or "none"
        raise LexiconError(f"lexicon {self.where} has no form {role!r} (it has: {known})")

    @property
    def writer_forms(self) -> tuple[str, ...]:
        """Every form the writer may write, in the file's order, once each."""
        return tuple(dict.fromkeys(self.forms.values()))

    @property
    def reader_forms(self) -> tuple[str, ...]:
        """Every form a reader must recognise: written, derived (plurals) and read-only."""
        derived = [plural_of(w) for role, w in self.forms.items() if role in _NOUN_FORMS]
        return tuple(dict.fromkeys([*self.forms.values(), *derived, *self.also]))


@dataclass(frozen=True)
class Scale:
    """Magnitude words by threshold: ``|value|`` at or above a threshold takes its word."""

    name: str
    steps: tuple[tuple[Decimal, str], ...]

    def word(self, value: object) -> str:
        """The word of the largest threshold not above ``|value|`` (the one magnitude algorithm).

        With steps 0 "incremental", 0.2 "slight", 0.5 "moderate", 0.3 and -0.3 are both
        "slight". A value below every threshold is an error, not a silent blank.
        """
        size = abs(as_decimal(value, "magnitude"))
        chosen: str | None = None
        for threshold, word in self.steps:
            if threshold <= size:
                chosen = word
        if chosen is None:
            raise ValueError(
                f"magnitude: {value!r} is below the lowest threshold of the {self.name!r} "
                f"scale ({self.steps[0][0]})"
            )
        return chosen

    @property
    def words(self) -> tuple[str, ...]:
        """The scale's words, smallest first."""
        return tuple(word for _, word in self.steps)

    @property
    def reader_forms(self) -> dict[str, str]:
        """Each word and its adverb ("slightly"), mapped to the word."""
        forms: dict[str, str] = {}
        for word in self.words:
            forms[word] = word
            if " " not in word:
                forms[_adverb(word)] = word
        return forms


def _adverb(word: str) -> str:
    # "slight" -> "slightly", "incremental" -> "incrementally"; no scale word ends in -le or -y.
    return word + "ly"


@dataclass(frozen=True)
class Lexicon:
    """Every word of ``lexicon.toml``: terms by section and key, magnitude scales, settings."""

    terms: Mapping[Section, Mapping[str, Term]] = field(default_factory=dict)
    scales: Mapping[str, Scale] = field(default_factory=dict)
    #: Below this |per cent change| two discrete months are "almost identical".
    identical_percent: float = 0.5
    source: str = LEXICON_FILE

    # --- the writer ---------------------------------------------------------------------

    def term(self, section: Section | str, key: str) -> Term:
        """One entry; :class:`LexiconError` naming the file when it is missing."""
        found = self.terms.get(Section(section), {}).get(key)
        if found is None:
            raise LexiconError(f"{self.source}: no [{Section(section).value}.{key}] entry")
        return found

    def phrase(self, section: Section | str, key: str, role: str = DEFAULT) -> str:
        """The word the writer writes: ``phrase("streaks", "continuing", "past")``."""
        return self.term(section, key).form(role)

    def word(self, direction: Direction | str, role: str = "verb") -> str:
        """A direction word: ``word("down", "verb")`` is "decreased", ``word("up", "past")``
        "rose"."""
        return self.phrase(Section.DIRECTIONS, Direction(direction), role)

    def polar(self, judgement: Judgement | str, role: str = "verb") -> str:
        """A judging word: ``polar("better", "noun")`` is "improvement"."""
        return self.phrase(Section.POLARITY, Judgement(judgement), role)

    def is_good(self, direction: Direction | str, polarity: Polarity | str) -> bool | None:
        """Whether a move is an improvement; None for neutral measures or no move."""
        polarity = Polarity(polarity)
        if direction not in (Direction.UP, Direction.DOWN) or polarity is Polarity.NEUTRAL:
            return None
        return (direction == Direction.UP) == (polarity is Polarity.UP_GOOD)

    def judged(self, direction: Direction | str, polarity: Polarity | str) -> str:
        """ "improved" or "deteriorated" where the measure has a good direction, else the verb."""
        good = self.is_good(direction, polarity)
        if good is None:
            return self.word(direction, "verb")
        return self.polar(Judgement.BETTER if good else Judgement.WORSE, "verb")

    def scale(self, name: str) -> Scale:
        """A magnitude scale ("percent", "points")."""
        found = self.scales.get(name)
        if found is None:
            known = ", ".join(sorted(self.scales)) or "none: the lexicon has no [magnitudes]"
            raise ValueError(f"magnitude: no scale {name!r} in the lexicon (scales: {known})")
        return found

    def magnitude(self, value: object, scale: str) -> str:
        """The magnitude word of ``|value|`` on a scale: ``magnitude(-0.3, "points")``."""
        return self.scale(scale).word(value)

    def thresholds(self, scale: str) -> list[tuple[float, str]]:
        """The thresholds of a scale, smallest first, as (threshold, word)."""
        return [(float(limit), word) for limit, word in self.scale(scale).steps]

    def hedge(self, side: str) -> str:
        """The hedge written before a round figure: "below" "almost", "above" "just over"."""
        return self.phrase(Section.HEDGES, side)

    # --- the reader ---------------------------------------------------------------------

    def reader_forms(self, section: Section | str, key: str | None = None) -> frozenset[str]:
        """Every form a reader must recognise, of one entry or of a whole section.

        ``reader_forms("directions", "up")`` holds "increased", "rose", "risen", "increases"
        ...; ``reader_forms("magnitudes")`` every magnitude word and adverb.
        """
        if section == "magnitudes":
            scales = [self.scale(key)] if key else list(self.scales.values())
            return frozenset(form for s in scales for form in s.reader_forms)
        terms = [self.term(section, key)] if key else self.terms.get(Section(section), {}).values()
        return frozenset(form for term in terms for form in term.reader_forms)

    def writer_forms(self, section: Section | str, key: str | None = None) -> frozenset[str]:
        """Every form the writer may write, of one entry or of a whole section."""
        if section == "magnitudes":
            scales = [self.scale(key)] if key else list(self.scales.values())
            return frozenset(word for s in scales for word in s.words)
        terms = [self.term(section, key)] if key else self.terms.get(Section(section), {}).values()
        return frozenset(form for term in terms for form in term.writer_forms)

    def phrases(self, *sections: Section | str) -> Iterator[tuple[str, str]]:
        """(label, phrase) for a reader's phrase matcher, of the sections asked (default all).

        Labels are "direction:up", "judgement:better", "magnitude:slight" (for "slight" and
        "slightly"), "comparison:year_end", "streak:first_time_since"...
        """
        wanted = {str(s) for s in sections} or {*map(str, Section), "magnitudes"}
        for section in Section:
            if section.value in wanted:
                for key, term in self.terms.get(section, {}).items():
                    for form in term.reader_forms:
                        yield f"{LABELS[section]}:{key}", form
        if "magnitudes" in wanted:
            for scale in self.scales.values():
                for form, word in scale.reader_forms.items():
                    yield f"magnitude:{word}", form

    def change_nouns(self, direction: Direction | str | None = None) -> frozenset[str]:
        """Nouns of change: of one direction ("increase", "rise", plurals), or direction-less."""
        if direction is None:
            return self.reader_forms(Section.CHANGES)
        term = self.term(Section.DIRECTIONS, Direction(direction))
        nouns = [term.forms[r] for r in ("noun", "change") if r in term.forms]
        return frozenset([*nouns, *map(plural_of, nouns)])

    def guarded_words(self) -> dict[str, str]:
        """Each word a template must not write by hand, lower-cased, with the entry it is of."""
        found: dict[str, str] = {}
        for section in GUARDED_SECTIONS:
            for term in self.terms.get(section, {}).values():
                for form in term.reader_forms:
                    found.setdefault(form.lower(), term.where)
        for section, keys in GUARDED_ENTRIES:
            entries = self.terms.get(section, {})
            for entry in (entries[k] for k in keys if k in entries):
                for form in entry.reader_forms:
                    found.setdefault(form.lower(), entry.where)
        for name, scale in self.scales.items():
            for form in scale.reader_forms:
                found.setdefault(form.lower(), f"[magnitudes.{name}]")
        return found


# --- reading the file -----------------------------------------------------------------------


def load_lexicon(phrasebank: Path | None = None) -> Lexicon:
    """Read ``lexicon.toml`` of a phrasebank folder (by default the one narrator ships)."""
    if phrasebank is None:
        from narrator.resources import phrasebank_dir

        phrasebank = phrasebank_dir()
    path = Path(phrasebank) / LEXICON_FILE
    # Named as a reader finds the file, "phrasebank/lexicon.toml", like template errors.
    source = f"{path.parent.name}/{LEXICON_FILE}"
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise LexiconError(f"{source}: the phrasebank has no lexicon ({path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{source}: cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{source}: not valid TOML: {exc}") from None
    return parse_lexicon(data, source)


def parse_lexicon(data: Mapping[str, Any], source: str = LEXICON_FILE) -> Lexicon:
    """A :class:`Lexicon` from the parsed TOML; :class:`LexiconError` naming the entry."""
    unknown = set(data) - {s.value for s in Section} - {"magnitudes"}
    if unknown:
        expected = ", ".join(sorted([*(s.value for s in Section), "magnitudes"]))
        raise LexiconError(
            f"{source}: unknown tables {sorted(unknown)} (expected some of {expected})"
        )
    terms: dict[Section, dict[str, Term]] = {}
    for section in Section:
        table = data.get(section.value, {})
        if not isinstance(table, Mapping):
            raise LexiconError(f"{source}: [{section.value}] is not a table")
        terms[section] = {
            str(key): _term(section, str(key), entry, source) for key, entry in table.items()
        }
    for section, key_type in ((Section.DIRECTIONS, Direction), (Section.POLARITY, Judgement)):
        strange = [k for k in terms[section] if k not in {str(v) for v in key_type}]
        if strange:
            allowed = ", ".join(str(v) for v in key_type)
            raise LexiconError(f"{source}: [{section.value}.{strange[0]}] is not one of {allowed}")
    scales, identical = _magnitudes(data.get("magnitudes", {}), source)
    return Lexicon(terms=terms, scales=scales, identical_percent=identical, source=source)


def _term(section: Section, key: str, entry: object, source: str) -> Term:
    where = f"{source}: [{section.value}.{key}]"
    if isinstance(entry, Mapping):
        forms: dict[str, str] = {}
        for role, word in entry.items():
            if role != "words":
                forms[str(role)] = _word(word, f"{where} {role}")
        also = _words(entry.get("words", []), f"{where} words")
        if not forms:
            raise LexiconError(f"{where} has no forms to write (only `words`)")
        return Term(section, key, forms, tuple(w for w in also if w not in forms.values()))
    words = _words(entry, where)
    if not words:
        raise LexiconError(f"{where} is empty (expected a list of words)")
    return Term(section, key, {DEFAULT: words[0]}, tuple(words[1:]))


def _word(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{where}: expected a word, got {value!r}")
    return value


def _words(value: object, where: str) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise LexiconError(f"{where}: expected a list of words, got {value!r}")
    return [_word(w, where) for w in value]


def _magnitudes(table: object, source: str) -> tuple[dict[str, Scale], float]:
    """The scales of ``[magnitudes]`` and its ``identical`` setting, checked once, here."""
    if not isinstance(table, Mapping):
        raise LexiconError(f"{source}: lexicon [magnitudes]: expected a table, got {table!r}")
    scales: dict[str, Scale] = {}
    identical = 0.5
    for name, entry in table.items():
        where = f"{source}: [magnitudes.{name}]"
        if name == "identical":
            if not isinstance(entry, Mapping) or "percent" not in entry:
                raise LexiconError(f"{where}: expected `percent = 0.5`")
            identical = float(_number(entry["percent"], f"{where} percent"))
            continue
        rows = entry.get("thresholds") if isinstance(entry, Mapping) else None
        if isinstance(rows, str) or not isinstance(rows, Iterable):
            raise LexiconError(f'{where}: expected thresholds = [[0.0, "word"], ...]')
        steps = []
        for row in rows:
            if isinstance(row, str) or not isinstance(row, list | tuple) or len(row) != 2:
                raise LexiconError(f"{where}: {row!r} is not a [threshold, word] pair")
            word = _word(row[1], where)
            steps.append((_number(row[0], f"{where} ({word})"), word))
        if not steps:
            raise LexiconError(f"{where}: the scale has no words")
        scales[str(name)] = Scale(str(name), tuple(sorted(steps)))
    return scales, identical


def _number(value: object, where: str) -> Decimal:
    try:
        return as_decimal(value, where)
    except ValueError as exc:
        raise LexiconError(str(exc)) from None
