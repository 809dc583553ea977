"""The numbers inside file names, paths and links ("District_Pack_2018-12_v4.xlsm",
"monthly_201506.dta", "https://data.police.uk/data/archive/2020-09.zip"): a month, a
version, an identifier, never a figure. The scanner does not try a number glued to a
letter or an underscore, so these are read here, from the name's own shape."""

from __future__ import annotations

import re
from collections.abc import Iterator

from narrator.check.number import Number

#: A link, or a name with a file's extension and an underscore, a slash or a backslash in
#: it, or a name of words joined by underscores with a digit in it ("VT_FY1516_extract").
_NAME = re.compile(
    r"https?://[^\s\"'<>)]+"
    r"|[\w\\/:.\-]*[\\/_][\w\\/:.\-]*\.(?i:xlsx|xlsm|xls|csv|pdf|docx?|log|dta|sas|sav|zip|txt"
    r"|json|pptx?|rdl|ya?ml|py|sql|r)\b"
    r"|\b[A-Za-z][\w\-]*_[\w\-]*\d[\w\-]*"
)
#: The runs of digits in a name, with what stands before them.
_DIGITS = re.compile(r"\d+(?:[-.]\d+)*")
#: A month written into a name: "2018-12", "201506", "Jan19".
_MONTH = re.compile(r"(?:19|20)\d\d-?(?:0[1-9]|1[0-2])")
_SHORT_MONTH = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)$")
#: A year, or a financial year run together ("1516", "2015_16").
_YEAR = re.compile(r"(?:19|20)\d\d")
_FY_RUN = re.compile(r"(?i:fy)$")


#: A version written with its letter: "v1.0, v1.1 and v1.2", "(v3)".
_VERSION = re.compile(r"(?<![\w.])[vV](\d+(?:\.\d+){0,2})(?![\w.]|\.\d)")


def numbers_in_names(text: str) -> Iterator[tuple[int, int, str]]:
    """The numbers of the names in ``text``: (start, end, class), the class a period for a
    month, a year or a financial year, a reference for a version, else other."""
    for version in _VERSION.finditer(text):
        yield version.start(1), version.end(1), "reference"
    for name in _NAME.finditer(text):
        for digits in _DIGITS.finditer(text, name.start(), name.end()):
            said = digits.group()
            before = text[name.start() : digits.start()]
            if before[-1:].lower() == "v":
                yield digits.start(), digits.end(), "reference"  # "_v4": a version
            elif (
                _MONTH.fullmatch(said)
                or _YEAR.fullmatch(said)
                or _SHORT_MONTH.search(before)
                or _FY_RUN.search(before)
            ):
                yield digits.start(), digits.end(), "period"
            else:
                yield digits.start(), digits.end(), "other"


def with_names(text: str, found: list[Number]) -> list[Number]:
    """``found`` with the numbers of file names and links ("Pack_2018-12_v4.xlsm") by the
    name's shape; they replace a value or other number read there without a claim (a
    period or a reference read there already, "may_2020", stays)."""
    named = [Number(s, e, text[s:e], cls) for s, e, cls in numbers_in_names(text)]
    if not named:
        return found
    kept = [
        n
        for n in found
        if n.claim is not None
        or n.cls in ("period", "reference")
        or not any(m.start < n.end and n.start < m.end for m in named)
    ]
    return kept + [m for m in named if not any(m.start < n.end and n.start < m.end for n in kept)]
