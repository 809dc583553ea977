"""The phrasebank lexicon as the checker reads it: one list of words, two uses.

The generator writes with ``phrasebank/lexicon.toml``; the checker reads with the same file.
Reading needs a few forms the writer never picks (the adverb "slightly" of the magnitude
"slight"), which are derived here rather than listed twice.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from narrator.errors import ProjectError
from narrator.resources import phrasebank_dir

LEXICON_FILE = "lexicon.toml"


@dataclass(frozen=True)
class Lexicon:
    """Directions, judgements, magnitudes, comparisons, significance and period phrases."""

    directions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    judgements: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    magnitudes: Mapping[str, tuple[tuple[float, str], ...]] = field(default_factory=dict)
    comparisons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    significance: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    periods: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    identical_percent: float = 0.5

    @property
    def magnitude_words(self) -> dict[str, str]:
        """Every magnitude word and its reading forms, mapped to the word itself."""
        words: dict[str, str] = {}
        for thresholds in self.magnitudes.values():
            for _, word in thresholds:
                words[word] = word
                if " " not in word:
                    words[word + "ly"] = word
        return words

    def phrases(self) -> Iterator[tuple[str, str]]:
        """(label, phrase) pairs for the reader: "direction:up", "comparison:year_end"..."""
        for key, words in self.directions.items():
            for word in words:
                yield f"direction:{key}", word
        for key, words in self.judgements.items():
            for word in words:
                yield f"judgement:{key}", word
        for form, word in self.magnitude_words.items():
            yield f"magnitude:{word}", form
        for key, words in self.comparisons.items():
            for word in words:
                yield f"comparison:{key}", word
        for key, words in self.significance.items():
            for word in words:
                yield f"significance:{key}", word
        for key, words in self.periods.items():
            for word in words:
                yield f"period:{key}", word

    def magnitude_for(self, change: float, unit: str) -> str | None:
        """The magnitude word the writer would use for ``|change|`` in ``unit`` (percent/points)."""
        thresholds = self.magnitudes.get(unit)
        if not thresholds:
            return None
        chosen: str | None = None
        for threshold, word in thresholds:
            if abs(change) >= threshold:
                chosen = word
        return chosen


def _words(table: Any, where: str) -> tuple[str, ...]:
    if isinstance(table, Mapping):
        found: list[str] = []
        for key in ("verb", "verb_present", "noun", "adjective", "adverb"):
            if isinstance(table.get(key), str):
                found.append(table[key])
        found.extend(_words(table.get("words", []), where))
        return tuple(dict.fromkeys(found))
    if isinstance(table, list) and all(isinstance(w, str) for w in table):
        return tuple(table)
    raise ProjectError(f"{where}: expected a list of words")


def parse_lexicon(data: Mapping[str, Any], source: str = LEXICON_FILE) -> Lexicon:
    """Build a :class:`Lexicon` from the parsed TOML of ``lexicon.toml``."""
    try:
        directions = {
            k: _words(v, f"{source}: [directions.{k}]")
            for k, v in data.get("directions", {}).items()
        }
        judgements = {
            k: _words(v, f"{source}: [polarity.{k}]") for k, v in data.get("polarity", {}).items()
        }
        magnitudes: dict[str, tuple[tuple[float, str], ...]] = {}
        identical = 0.5
        for key, table in data.get("magnitudes", {}).items():
            if key == "identical":
                identical = float(table.get("percent", identical))
                continue
            pairs = tuple((float(t), str(w)) for t, w in table.get("thresholds", []))
            magnitudes[key] = tuple(sorted(pairs))
        comparisons = {
            k: _words(v, f"{source}: [comparisons] {k}")
            for k, v in data.get("comparisons", {}).items()
        }
        significance = {
            k: _words(v, f"{source}: [significance] {k}")
            for k, v in data.get("significance", {}).items()
        }
        periods = {
            k: _words(v, f"{source}: [periods] {k}") for k, v in data.get("periods", {}).items()
        }
    except (AttributeError, TypeError, ValueError) as exc:
        raise ProjectError(f"{source}: malformed lexicon: {exc}") from None
    if not directions:
        raise ProjectError(f"{source}: no [directions.*] tables (expected up, down and flat)")
    return Lexicon(
        directions=directions,
        judgements=judgements,
        magnitudes=magnitudes,
        comparisons=comparisons,
        significance=significance,
        periods=periods,
        identical_percent=identical,
    )


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read ``lexicon.toml`` (by default the phrasebank's that ships with narrator)."""
    path = path or phrasebank_dir() / LEXICON_FILE
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ProjectError(f"{path}: file not found (expected the phrasebank lexicon)") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProjectError(f"{path}: cannot be read: {exc}") from None
    return parse_lexicon(data, str(path))
