"""Measures by name: the words a measure's name is made of, and the measure a text's words
name (compositionally: "the prosecution possible outcome rate for dwelling burglary
offences" is "dwelling burglary prosecution possible outcome rate")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from narrator.catalogue import Catalogue, Kind, Measure

#: Words that join the parts of a measure's name and carry no meaning of their own.
NAME_STOP = frozenset(
    ["of", "the", "for", "with", "and", "in", "on", "a", "an", "to", "by", "'s", "’s", "all"]
) - {"all"}
#: Nouns a measure may be followed by without changing what is counted.
NEUTRAL_HEADS = frozenset(
    ("level total figure volume number count rate indicator measure numbers").split()  # noqa: SIM905
)


#: Everyday nouns read as the word of a measure's name they stand for.
_EVERYDAY_NOUNS = {"bike": "bicycle", "bikes": "bicycle", "motorbike": "motorcycle"}


@functools.lru_cache(maxsize=65536)
def norm_word(word: str) -> str:
    """Lower case and singular, well enough to compare measure names ("burglaries")."""
    word = word.lower().strip("‘’'\"")
    if word in _EVERYDAY_NOUNS:
        return _EVERYDAY_NOUNS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=16384)
def name_words(text: str) -> frozenset[str]:
    """The content words of a measure's name, normalised."""
    return frozenset(
        norm_word(w) for w in re.findall(r"[\w’']+", text.lower()) if w not in NAME_STOP
    )


@dataclass(frozen=True)
class MeasureIndex:
    """Measures by the words of their names, for compositional look-up.

    "the prosecution possible outcome rate for dwelling burglary offences" names no measure
    in one piece; its words contain every word of "dwelling burglary prosecution possible
    outcome rate", and the measure whose name covers most of the words wins.
    """

    names: tuple[tuple[frozenset[str], str], ...]
    kinds: Mapping[str, Kind]
    order: Mapping[str, int]
    vocabulary: frozenset[str]
    #: For each word, the positions in :attr:`names` of the names that have it.
    by_word: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    #: :meth:`best` of the word sets asked about: a paper names its measures again and again.
    _best: dict[tuple[frozenset[str], frozenset[str]], tuple[str | None, int]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def build(cls, catalogue: Catalogue) -> MeasureIndex:
        """Index every label and alias of a catalogue."""
        names: list[tuple[frozenset[str], str]] = []
        for measure in catalogue:
            for name in (measure.label, *measure.aliases):
                words = name_words(name)
                if words:
                    names.append((words, measure.id))
        order = {m.id: (m.priority, i) for i, m in enumerate(catalogue)}
        ranked = sorted(order, key=lambda mid: order[mid])
        vocabulary = frozenset(w for words, _ in names for w in words)
        by_word: dict[str, list[int]] = {}
        for at, (words, _) in enumerate(names):
            for word in words:
                by_word.setdefault(word, []).append(at)
        return cls(
            names=tuple(names),
            kinds={m.id: m.kind for m in catalogue},
            order={mid: i for i, mid in enumerate(ranked)},
            vocabulary=vocabulary,
            by_word={word: tuple(at) for word, at in by_word.items()},
        )

    def best(
        self, words: frozenset[str], *, need: frozenset[str] = frozenset()
    ) -> tuple[str | None, int]:
        """The measure whose name is the largest subset of ``words`` (and meets ``need``);
        of names as large, the measure first in priority order."""
        key = (frozenset(words), frozenset(need))  # no copy of a frozenset
        known = self._best.get(key)
        if known is None:
            known = self._find_best(*key)
            if len(self._best) < 65536:
                self._best[key] = known
        return known

    def _find_best(self, words: frozenset[str], need: frozenset[str]) -> tuple[str | None, int]:
        # A name is a subset when every one of its words is found: count, through the
        # index, how many of each name's words ``words`` has, rather than test every name.
        found_words: dict[int, int] = {}
        for word in words:
            for at in self.by_word.get(word, ()):
                found_words[at] = found_words.get(at, 0) + 1
        found: str | None = None
        size = 0
        for at, count in found_words.items():
            name, mid = self.names[at]
            if count != len(name) or count < size or (need and not name & need):
                continue
            if count > size or found is None or self.order[mid] < self.order[found]:
                found, size = mid, count
        return found, size

    def _tied(self, words: frozenset[str], need: frozenset[str], found: str) -> bool:
        """Whether a ratio measure other than ``found`` has a name as large within
        ``words`` (meeting ``need``): the words name no one of them."""
        _, size = self.best(words, need=need)
        for names_at in {at for word in words for at in self.by_word.get(word, ())}:
            name, mid = self.names[names_at]
            if (
                mid != found
                and len(name) == size
                and name <= words
                and (not need or name & need)
                and self.kinds[mid] is Kind.RATIO
            ):
                return True
        return False

    def resolve(
        self,
        words: frozenset[str],
        *,
        context: frozenset[str] = frozenset(),
        ratio: bool = False,
    ) -> tuple[str | None, bool]:
        """The measure named by ``words``; ``context`` (the heading's or the previous
        sentence's measure words) is used when it makes the name more specific. Returns the
        measure id and whether the context was used.

        The context completes a name only when the words alone name nothing, or when a per
        cent is said of a count: "prosecution possible outcomes ... 42.0%" after a sentence
        about possession of weapons is the possession of weapons outcome rate."""
        found, _ = self.best(words)
        used = False
        # The completed name must hold a word of the text's own beyond a neutral head: "the
        # dwelling burglary rate" after the all crime rate is the dwelling burglary one.
        need = (words - NEUTRAL_HEADS) or words
        if found is None and context:
            found, _ = self.best(words | context, need=need)
            used = found is not None
        if ratio and (found is None or self.kinds[found] is not Kind.RATIO):
            # A per cent said of a count ("prosecution possible outcomes ... 39.1%") is its rate.
            for extra in (context, frozenset()):
                rated, _ = self.best(words | extra | {"rate"}, need=need)
                if rated is not None and self.kinds[rated] is Kind.RATIO:
                    if self._tied(words | extra | {"rate"}, need, rated):
                        # "71.3% of searches" when searches have a find rate and an arrest
                        # rate: no one rate is meant.
                        break
                    return rated, used or bool(extra)
        return found, used


def _plural(phrase: str) -> str:
    """The phrase with its last word in the plural ("dwelling burglaries")."""
    words = phrase.split()
    last = words[-1]
    if last.lower().endswith("y") and last[-2:-1].lower() not in "aeiou":
        words[-1] = last[:-1] + "ies"
    elif last.lower().endswith(("s", "x", "ch", "sh")):
        words[-1] = last + "es"
    else:
        words[-1] = last + "s"
    return " ".join(words)


#: A name's head noun before the phrase that qualifies it: "theft" of "theft from the
#: person", "possession" of "possession of weapons".
_HEAD_BEFORE = re.compile(r"^(.*?)\b([a-z]+)(\s+(?:from|of|against|with|in|on)\s+.+)$")


def _head_plural(phrase: str) -> str | None:
    """The phrase with the noun before its qualifying phrase in the plural ("thefts from the
    person"), if it has one."""
    found = _HEAD_BEFORE.match(phrase)
    if found is None:
        return None
    return found.group(1) + _plural(found.group(2)) + found.group(3)


#: Two words joined as alternatives in a measure's name: "charged or summonsed".
_PAIR = re.compile(r"\b([a-z]+)\s+(or|and)\s+([a-z]+)\b")


def _stem(word: str) -> str:
    """A past participle's verb or noun ("charged": "charge", "summonsed": "summons")."""
    if not word.endswith("ed") or len(word) < 6:
        return word
    if word[:-2].endswith("s"):
        return word[:-2]
    return word[:-1] if word[:-1].endswith("e") else word[:-2]


def _variants(name: str) -> list[str]:
    """Other ways a paper writes a name with a pair of alternatives: "charged or summonsed
    outcomes" as "charge or summons outcomes", "charge/summons outcomes" and, the outcomes
    being what the pair names, "charge or summons"."""
    pair = _PAIR.search(name)
    if pair is None:
        return []
    first, joint, second = pair.groups()
    nouns = f"{_stem(first)} {joint} {_stem(second)}"
    other = "and" if joint == "or" else "or"
    forms = [
        name[: pair.start()] + nouns + name[pair.end() :],
        name[: pair.start()] + f"{_stem(first)} {other} {_stem(second)}" + name[pair.end() :],
        name[: pair.start()] + f"{_stem(first)}/{_stem(second)}" + name[pair.end() :],
        name[: pair.start()] + f"{first}/{second}" + name[pair.end() :],
    ]
    if nouns != pair.group(0) and re.fullmatch(r"\s*outcomes?", name[pair.end() :]):
        forms.append(name[: pair.start()] + nouns)
    return [form for form in forms if form != name]


#: Words of measure names that papers and posts write in everyday words ("bike theft").
_EVERYDAY = {"bicycle": "bike", "motorcycle": "motorbike"}
_EVERYDAY_WORD = re.compile(r"\b(" + "|".join(_EVERYDAY) + r")\b", re.IGNORECASE)


def _everyday(name: str) -> str:
    """A name in everyday words: "bicycle theft" as "bike theft"."""
    return _EVERYDAY_WORD.sub(lambda m: _EVERYDAY[m.group(1).lower()], name)


#: A name of searches by what is searched for: "weapons searches".
_OBJECT_SEARCHES = re.compile(r"(\w+) searches", re.IGNORECASE)


def _searches_for(name: str) -> str:
    """ "weapons searches" as "searches for weapons"."""
    found = _OBJECT_SEARCHES.fullmatch(name)
    assert found is not None
    return f"searches for {found.group(1)}"


def measure_names(measures: Iterable[Measure]) -> list[tuple[str, str]]:
    """(name, measure id) for every label and alias of ``measures``, its plural and its
    variants (:func:`_variants`): the names the reader recognises a measure by."""
    names: list[tuple[str, str]] = []
    for measure in measures:
        written = (measure.label, *measure.aliases)
        written += tuple(_everyday(n) for n in written if _EVERYDAY_WORD.search(n))
        written += tuple(_searches_for(n) for n in written if _OBJECT_SEARCHES.fullmatch(n))
        for name in dict.fromkeys((*written, *(v for n in written for v in _variants(n)))):
            plurals = (_plural(name), _head_plural(name) or name)
            for form in dict.fromkeys((name, *plurals)):
                names.append((form, measure.id))
    return names
