"""One number of a checked text, as ``narrator check --format json`` lists it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Number:
    """One number of the text: its span, class, kind (for a value) and the index of its
    claim in the report's verdicts (for a value the checker judged)."""

    start: int
    end: int
    text: str
    cls: str
    kind: str | None = None
    claim: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "class": self.cls,
            "kind": self.kind,
            "claim": self.claim,
        }
