"""Magnitude words ("incremental", "slight", "substantial") from threshold tables in the lexicon.

The words are data: the phrasebank's ``lexicon.toml`` holds one threshold table per scale,
and the checker reads the same tables back, so the generator and the checker agree on what
"a slight decrease" means.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from narrator.phrasing.values import as_decimal

Thresholds = Sequence[tuple[float, str]]


def magnitude_word(value: object, thresholds: Thresholds) -> str:
    """The word of the largest threshold not above ``|value|``.

    With ``[(0.0, "negligible"), (0.2, "incremental"), (0.5, "slight")]``, 0.3 and -0.3 are
    both "incremental". A value below every threshold is an error, not a silent blank.
    """
    size = abs(as_decimal(value, "magnitude"))
    word: str | None = None
    for threshold, candidate in sorted(thresholds, key=lambda pair: pair[0]):
        if Decimal(repr(float(threshold))) <= size:
            word = candidate
    if word is None:
        lowest = min((t for t, _ in thresholds), default=None)
        raise ValueError(f"magnitude: {value!r} is below the lowest threshold ({lowest})")
    return word


def scale_from(table: object, where: str) -> list[tuple[float, str]]:
    """A threshold table from the lexicon, sorted by threshold.

    Written as the lexicon writes it, ``{thresholds = [[0.0, "incremental"], [1.0, "slight"]]}``,
    or as the bare list of pairs; a row may also be a table ``{at = 0.0, word = "incremental"}``.
    """
    if isinstance(table, Mapping) and "thresholds" in table:
        table = table["thresholds"]
    if not isinstance(table, Sequence) or isinstance(table, str):
        raise ValueError(f"{where}: expected a list of [threshold, word] pairs, got {table!r}")
    scale: list[tuple[float, str]] = []
    for row in table:
        if isinstance(row, Mapping):
            threshold = next((row[k] for k in ("at", "min", "threshold") if k in row), None)
            word = row.get("word")
        elif isinstance(row, Sequence) and not isinstance(row, str) and len(row) == 2:
            threshold, word = row
        else:
            raise ValueError(f"{where}: {row!r} is not a [threshold, word] pair")
        if not isinstance(word, str) or not word.strip():
            raise ValueError(f"{where}: {word!r} is not a word")
        scale.append((float(as_decimal(threshold, f"{where} ({word})")), word))
    if not scale:
        raise ValueError(f"{where}: the scale has no words")
    return sorted(scale)


def magnitude_filter(lexicon: Mapping[str, Any] | None) -> Callable[[object, str], str]:
    """The ``magnitude`` filter bound to the lexicon's scales: ``{{ change|magnitude("points") }}``.

    Scales are the entries of the lexicon's ``[magnitudes]`` (or ``[magnitude]``) table that
    are threshold lists or have a ``thresholds`` list; other entries there are settings
    (``identical = {percent = 0.5}``), not word scales. Scales are checked here, once, so a
    malformed one fails when the environment is made, not halfway through a draft.
    """
    found = lexicon or {}
    raw = found.get("magnitudes", found.get("magnitude", {}))
    if not isinstance(raw, Mapping):
        raise ValueError(f"lexicon [magnitudes]: expected a table of scales, got {raw!r}")
    scales = {
        name: scale_from(table, f"lexicon [magnitudes.{name}]")
        for name, table in raw.items()
        if not isinstance(table, Mapping) or "thresholds" in table
    }

    def magnitude(value: object, scale: str) -> str:
        if scale not in scales:
            known = ", ".join(sorted(scales)) or "none: the lexicon has no [magnitudes]"
            raise ValueError(f"magnitude: no scale {scale!r} in the lexicon (scales: {known})")
        return magnitude_word(value, scales[scale])

    return magnitude
