"""How a key of a project file is declared: its default, its meaning and its range.

Every key of every project file is one field of a frozen dataclass, declared with
:func:`key`. The loader (:mod:`narrator.schema.validate`) checks a TOML document against
those dataclasses, and the reference (:mod:`narrator.schema.reference`) is generated from the
same declarations, so a key cannot be accepted without being documented, or the reverse.
"""

from __future__ import annotations

from dataclasses import MISSING, field
from typing import Any

#: Metadata names of a declared key.
DOC = "doc"
LOW = "low"
HIGH = "high"
OPEN = "open"
EXPECT = "expect"
TOML_NAME = "toml"
EXAMPLE = "example"
UNIT = "unit"


def key(
    default: Any = MISSING,
    *,
    doc: str,
    factory: Any = MISSING,
    low: float | None = None,
    high: float | None = None,
    open_range: bool = False,
    expect: str | None = None,
    name: str | None = None,
    example: str | None = None,
    unit: str | None = None,
) -> Any:
    """Declare one key of a project file (a dataclass field with its documentation).

    ``doc`` is the meaning shown in the reference; ``low``/``high`` bound a number (both
    inclusive, or both exclusive with ``open_range``); ``expect`` words the expected value in
    messages when the generic wording would not do; ``name`` is the key as written in TOML
    when it is not a Python name (``from``); ``example`` is a line of TOML showing the key;
    ``unit`` names what a number counts ("years": "a whole number of years from 1 to 20").
    """
    metadata = {
        DOC: doc,
        LOW: low,
        HIGH: high,
        OPEN: open_range,
        EXPECT: expect,
        TOML_NAME: name,
        EXAMPLE: example,
        UNIT: unit,
    }
    if factory is not MISSING:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)
