"""The account an ingest gives of itself: what it read, every quirk it met, what it did."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quirk:
    """One kind of irregularity in the source files: how many rows, and what the ingest did."""

    key: str
    label: str
    count: int
    handling: str
    #: The largest instances ("Tower Hamlets 633, Islington 406"), when they help.
    detail: str = ""


@dataclass(frozen=True)
class IngestSummary:
    """Totals of an ingest and its quirks, in the order a reader checks them."""

    files: Mapping[str, int]
    rows: Mapping[str, int]
    forces: tuple[str, ...]
    months: tuple[str, ...]
    quirks: tuple[Quirk, ...] = field(default_factory=tuple)

    def __iter__(self) -> Iterator[Quirk]:
        return iter(self.quirks)

    def count(self, key: str) -> int:
        """The count of one quirk by its key (0 when the ingest did not meet it)."""
        return next((q.count for q in self.quirks if q.key == key), 0)

    def quirk(self, key: str) -> Quirk | None:
        """One quirk by its key, or None."""
        return next((q for q in self.quirks if q.key == key), None)

    @property
    def period(self) -> str:
        """The months covered, "2017-12 to 2020-11", or "" when nothing was read."""
        if not self.months:
            return ""
        first, last = self.months[0], self.months[-1]
        return first if first == last else f"{first} to {last}"


def top(counts: Mapping[str, int], limit: int = 5) -> str:
    """The largest few of a breakdown as text: "Tower Hamlets 633, Islington 406, ..."."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    text = ", ".join(f"{name or '(blank)'} {n:,}" for name, n in ordered[:limit])
    if len(ordered) > limit:
        text += f" and {len(ordered) - limit} more"
    return text
