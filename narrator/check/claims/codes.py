"""Short codes in capitals that a terse note writes for an area or a group ("HS assaults
307", "EM 97 (80)"): the reader does not know them, so the figure after one may be of
something else than the measure's and area's it was given."""

from __future__ import annotations

import re

from narrator.check.claims.model import Claim

#: A code in capitals: two or three letters alone.
_CODE_WORD = re.compile(r"\b[A-Z]{2,3}\b")
#: Words that a heading or a note writes in capitals, which are no codes.
_WORDS = frozenset(
    re.findall(
        r"[A-Z]+",
        "THE AND END RED FOR ALL NEW OUT NOT ARE WAS BUT OUR YOU ONE TWO SIX TEN UP ON "
        "OF IN TO AT BY OR NO IS IT AS AN BE DO GO WE SO IF HE LY LW YTD MOM YOY",
    )
)


#: A single capital right before a figure in a list or brackets: "(N 5.4%, S 8.9%)", an
#: area's initial.
_LETTER_CODE = re.compile(r"[(,;]\s*([B-HJ-Z])\s+$")


def unread_code(claim: Claim) -> str | None:
    """The first code in capitals before a figure in its sentence that the reader did not
    read as the figure's measure, area or period, if there is one."""
    s0 = claim.sentence_span[0]
    before = claim.sentence[: claim.span[0] - s0]
    letter = _LETTER_CODE.search(before)
    if letter is not None:
        return letter.group(1)
    read = " ".join(t for t in (claim.measure_text, claim.area_text, claim.period_text) if t)
    return next(
        (
            code.group()
            for code in _CODE_WORD.finditer(before)
            if code.group() not in read and code.group() not in _WORDS
        ),
        None,
    )
