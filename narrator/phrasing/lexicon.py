"""The lexicon: direction, polarity and magnitude words, read from ``phrasebank/lexicon.toml``.

One lexicon serves both directions: the realiser writes with these words and the checker
reads with them, so a word the generator may write is always a word the checker knows.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.catalogue import Polarity
from narrator.errors import TemplateError


@dataclass(frozen=True)
class Lexicon:
    """Words by direction and polarity, magnitude thresholds and comparison phrases."""

    data: Mapping[str, Any]
    source: str = "lexicon.toml"

    def _direction(self, direction: str) -> Mapping[str, Any]:
        table = self.data.get("directions", {}).get(direction)
        if table is None:
            raise TemplateError(f"{self.source}: no [directions.{direction}] table")
        return table  # type: ignore[no-any-return]

    def word(self, direction: str, form: str = "verb") -> str:
        """A direction word: ``word("down", "verb")`` -> "decreased"."""
        table = self._direction(direction)
        if form not in table:
            raise TemplateError(f"{self.source}: [directions.{direction}] has no {form!r}")
        return str(table[form])

    def judged(self, direction: str, polarity: Polarity | str) -> str:
        """ "improved" or "deteriorated" where the measure has a good direction, else the verb."""
        polarity = Polarity(polarity)
        if direction == "flat" or polarity is Polarity.NEUTRAL:
            return self.word(direction, "verb")
        good = (direction == "up") == (polarity is Polarity.UP_GOOD)
        words = self.data["polarity"]["better" if good else "worse"]["words"]
        return str(words[0])

    def is_good(self, direction: str, polarity: Polarity | str) -> bool | None:
        """Whether a move is an improvement; None for neutral measures or no move."""
        polarity = Polarity(polarity)
        if direction not in ("up", "down") or polarity is Polarity.NEUTRAL:
            return None
        return (direction == "up") == (polarity is Polarity.UP_GOOD)

    def thresholds(self, scale: str) -> list[tuple[float, str]]:
        """The magnitude thresholds of a scale ("percent", "points")."""
        table = self.data.get("magnitudes", {}).get(scale)
        if table is None or "thresholds" not in table:
            raise TemplateError(f"{self.source}: no [magnitudes.{scale}] thresholds")
        return [(float(limit), str(word)) for limit, word in table["thresholds"]]

    def magnitude(self, value: float, scale: str) -> str:
        """The magnitude word of ``|value|`` on a scale."""
        chosen = ""
        for limit, word in self.thresholds(scale):
            if abs(value) >= limit:
                chosen = word
        return chosen

    def setting(self, table: str, key: str) -> float:
        """A numeric setting of the lexicon, e.g. ``setting("identical", "percent")``."""
        return float(self.data["magnitudes"][table][key])

    def words(self, *path: str) -> list[str]:
        """A word list by its path in the TOML file, e.g. ``words("directions", "up")``."""
        node: Any = self.data
        for key in path:
            node = node[key]
        if isinstance(node, Mapping):
            node = node.get("words", [])
        return [str(w) for w in node]


def load_lexicon(phrasebank: Path) -> Lexicon:
    """Read ``lexicon.toml`` of a phrasebank folder."""
    path = phrasebank / "lexicon.toml"
    try:
        with path.open("rb") as handle:
            return Lexicon(tomllib.load(handle), str(path))
    except FileNotFoundError:
        raise TemplateError(f"{path}: the phrasebank has no lexicon") from None
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{path}: not valid TOML: {exc}") from None
