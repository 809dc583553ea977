"""The catalogue of measures: what each measure is, how it is counted and which way is good."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any

from narrator.errors import ProjectError
from narrator.schema.files import CatalogueFile
from narrator.schema.validate import build, fail


class Kind(str, Enum):
    """How a measure is stored and combined over time."""

    COUNT = "count"
    RATIO = "ratio"
    SNAPSHOT = "snapshot"


class Polarity(str, Enum):
    """Which direction of change is an improvement."""

    UP_GOOD = "up_good"
    DOWN_GOOD = "down_good"
    NEUTRAL = "neutral"


class Noun(str, Enum):
    """How a measure's label is counted in prose (the catalogue's ``noun`` key).

    ``count``: the label is a plural count noun phrase ("vehicle thefts", "people arrested"),
    said as it is. ``mass``: the label is a mass noun ("anti-social behaviour", "vehicle
    crime") and is counted in its unit: "27 incidents of anti-social behaviour", "the number of
    incidents of anti-social behaviour", never "the number of vehicle crime". ``auto`` (the
    default): guessed from the label and the unit, as before the key existed.
    """

    AUTO = "auto"
    COUNT = "count"
    MASS = "mass"


@dataclass(frozen=True)
class Measure:
    """One measure of the catalogue."""

    id: str
    label: str
    kind: Kind
    unit: str = "offence"
    unit_plural: str | None = None
    aliases: tuple[str, ...] = ()
    numerator: str | None = None
    denominator: str | None = None
    polarity: Polarity = Polarity.NEUTRAL
    decimals: int = 0
    priority: int = 5
    zero_fill: bool = True
    short: str | None = None
    benchmarks: tuple[str, ...] = ("long_term", "year_end", "xmr")
    noun: Noun = Noun.AUTO

    @property
    def is_ratio(self) -> bool:
        """True for measures defined as numerator / denominator."""
        return self.kind is Kind.RATIO


@dataclass(frozen=True)
class Catalogue:
    """All measures of a project, by id, with lookup by alias."""

    measures: Mapping[str, Measure] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Measure]:
        return iter(self.measures.values())

    def __contains__(self, measure_id: object) -> bool:
        return measure_id in self.measures

    def __getitem__(self, measure_id: str) -> Measure:
        return self.measures[measure_id]

    @property
    def stored(self) -> list[Measure]:
        """Measures whose values are rows of the figures (counts and snapshots)."""
        return [m for m in self if m.kind is not Kind.RATIO]

    @property
    def ratios(self) -> list[Measure]:
        """Measures computed as numerator / denominator."""
        return [m for m in self if m.kind is Kind.RATIO]


def parse_catalogue(data: Mapping[str, Any], source: str) -> Catalogue:
    """Build a catalogue from the ``[measures.ID]`` tables of a TOML document.

    Keys and values are checked against :class:`narrator.schema.files.MeasureEntry`; then the
    measures are checked against each other (a ratio's parts are counts of the catalogue).
    """
    document = build(data, CatalogueFile, source)
    if not document.measures:
        raise ProjectError(f"{source}: no [measures.ID] tables (expected at least one measure)")
    measures: dict[str, Measure] = {}
    for mid, entry in document.measures.items():
        if entry.kind != Kind.RATIO.value:
            for part in ("numerator", "denominator"):
                if getattr(entry, part) is not None:
                    fail(
                        source,
                        ("measures", mid, part),
                        f'is read only for kind = "ratio" (the measure is a {entry.kind}: '
                        'add kind = "ratio", or remove the key)',
                    )
        values = {f.name: getattr(entry, f.name) for f in fields(entry)}
        values.update(
            label=entry.label or mid.replace("_", " "),
            kind=Kind(entry.kind),
            polarity=Polarity(entry.polarity),
            noun=Noun(entry.noun),
        )
        measures[mid] = Measure(id=mid, **values)
    for m in measures.values():
        if m.is_ratio:
            for part in ("numerator", "denominator"):
                ref = getattr(m, part)
                if ref is None:
                    raise ProjectError(f"{source}: ratio measure {m.id!r} has no {part}")
                if ref not in measures or measures[ref].kind is not Kind.COUNT:
                    raise ProjectError(
                        f"{source}: the {part} of {m.id!r} is {ref!r}, which is not a count "
                        "measure of the catalogue"
                    )
    return Catalogue(measures)
