"""A direction or a change against the two figures its own sentence compares.

"Drugs offences came to 76, slightly above the average of 69": the sentence gives both
figures the word "above" compares. Which comparison of the figures the writer meant (the
month before, the same month last year, an average) is often not said; the two figures are.
When they bear the direction out, the direction says nothing the figures could contradict
that the two figures do not say themselves, and each is held to the figures as a claim of its
own. So a direction the facts seem to contradict is first read against its sentence's own
figures: if they agree with it, the reader more likely picked the wrong comparison than the
writer the wrong word. So too a change: "66 offences, 15.4% lower than the 78 of a year ago"
is the change from 78 to 66, whichever comparison the reader took it for.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from narrator.check.claims.model import Claim
from narrator.check.findings import Verdict
from narrator.check.verdicts.model import ClaimVerdict, tolerance

#: A figure: "9,457", "38.7%", "£1.2", "4.7 per cent".
_NUMBER = re.compile(
    r"(?<![\w.,£$])[£$]?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.,]\d)"
    r"(\s*(?:%|per\s?cent\b))?",
    re.IGNORECASE,
)
#: A figure that is a length of time or a year, never one compared: "12 months", "2019".
_DURATION_AFTER = re.compile(r"\s*-?\s*(?:months?|years?|weeks?|days?|hours?)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_PER_BEFORE = re.compile(r"\bper\s+$", re.IGNORECASE)
_WINDOW_WORDS = re.compile(r"\b\d+[\s-]*(?:months?|years?|weeks?|days?)\b", re.IGNORECASE)
#: Between a direction word and the figure it compares with: a change's size first ("up
#: 1.8% on ..."), then words only, one of them a comparing word.
_SIZE = re.compile(
    r"\s*(?:by\s+)?\d[\d,]*(?:\.\d+)?\s*(?:%|per\s?cent\b|(?:percentage\s+)?points?\b)?",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[\s\w'’-]{0,45}")
_CONNECTOR = re.compile(r"\b(?:on|than|from|against|with|versus|vs)\b", re.IGNORECASE)
#: Direction words that compare without a connector: "below the 399 of May 2019".
_POSITIONAL = re.compile(r"(?:above|below|under|over|beneath|exceed\w*)", re.IGNORECASE)
#: Just before a figure: a comparing word or a possessive, which makes the figure the one
#: compared with ("on April's 388", "than 116"), not the figure of the subject.
_COMPARED_BEFORE = re.compile(
    r"\b(?:on|than|from|against|with|versus|vs|above|below|of\s+the)\s+"
    # "below last summer's (360)": the figure in brackets after the name of what it is
    r"(?:(?:the|a|an|last|this)\s+)?(?:[\w-]+['’]s?\s+)?(?:\(\s*)?$",
    re.IGNORECASE,
)
#: Just before a figure: words that make it the size of a change ("up 12", "a fall of 12").
_CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|by|rise|fall|increase|decrease|reduction|drop)\s+(?:of\s+)?$", re.IGNORECASE
)


class Figure(NamedTuple):
    """A figure of a sentence that may be compared: where it is in the sentence, its value,
    and whether it is a per cent."""

    start: int
    end: int
    value: float
    percent: bool


#: The evidence of a verdict the sentence's own figures gave.
SENTENCE = "the figures of its sentence"


def from_sentence(verdict: ClaimVerdict) -> bool:
    """Whether a verdict was given by the figures of the claim's own sentence: its direction
    is theirs, so there is nothing more to hold it to."""
    return SENTENCE in verdict.evidence


def _figures(sentence: str) -> list[Figure]:
    """The figures of a sentence that may be compared (not years, not lengths of time)."""
    out = []
    for found in _NUMBER.finditer(sentence):
        digits = found.group(1)
        if _YEAR.fullmatch(digits) and not found.group(2):
            continue
        if _DURATION_AFTER.match(sentence, found.end()):
            continue
        if _PER_BEFORE.search(sentence, max(0, found.start() - 5), found.start()):
            continue  # "53.4 crimes per 1,000 residents": the rate's base, not a figure
        value = float(digits.replace(",", ""))
        out.append(Figure(found.start(), found.end(), value, bool(found.group(2))))
    return out


def _compared_with(claim: Claim, figures: list[Figure]) -> int | None:
    """The index of the figure the direction word compares with, just after it."""
    sentence = claim.sentence
    end = claim.span[1] - claim.sentence_span[0]
    size = _SIZE.match(sentence, end)
    after = size.end() if size is not None and size.end() > end + 1 else end
    words = _WORDS.match(sentence, after)
    assert words is not None
    reach = words.end()
    for index, (start, _, _, _) in enumerate(figures):
        if after <= start <= reach + 2:
            # "below last summer's (360)": the figure in brackets after what it is of
            window = re.sub(r"\(\s*$", "", sentence[after:start])
            # "below the 12-month find rate of 27.1%": a window's length names the figure
            window = _WINDOW_WORDS.sub("", window)
            positional = _POSITIONAL.fullmatch(claim.text.strip()) is not None
            if not re.search(r"[\d,;:.()]", window) and (positional or _CONNECTOR.search(window)):
                return index
            return None
    return None


def _subject(
    claim: Claim,
    figures: list[Figure],
    percent: bool,
    before: int | None = None,
) -> int | None:
    """The index of the figure of what the direction is said of: the nearest one before the
    word (or ``before``) that is neither compared with nor a change's size, in the same
    unit."""
    sentence = claim.sentence
    at = claim.span[0] - claim.sentence_span[0] if before is None else before
    for index in range(len(figures) - 1, -1, -1):
        start, end, _, per_cent = figures[index]
        if end > at:
            continue
        if ";" in sentence[end:at]:
            return None
        words = sentence[max(0, start - 40) : start]
        if _COMPARED_BEFORE.search(words) or _CHANGE_BEFORE.search(words):
            continue
        return index if per_cent == percent else None
    return None


def sentence_pair(claim: Claim) -> tuple[float, float] | None:
    """The figure a direction is said of and the one it is compared with, as its sentence
    gives them ("76, slightly above the average of 69" -> (76, 69); "fell slightly: 43 in
    July against 48 the month before" -> (43, 48)), else None."""
    if claim.span[0] < claim.sentence_span[0]:
        return None
    figures = _figures(claim.sentence)
    between = _BETWEEN.match(claim.sentence, claim.span[1] - claim.sentence_span[0])
    if between is not None:
        # "more than doubled between May (18) and June (47)": the later against the earlier
        return _number(between.group(2)), _number(between.group(1))
    other = _compared_with(claim, figures)
    if other is None:
        return _after_colon(claim, figures) or _summed_up(claim, figures)
    own = _subject(claim, figures, figures[other].percent)
    if own is None:
        return None
    return figures[own].value, figures[other].value


#: "between May (18) and June (47)", "from May (18) to June (47)": two periods, each with
#: its figure in brackets.
_BETWEEN = re.compile(
    r"\s+(?:between|from)\s+[^()\d;]{1,30}\(\s*(\d[\d,]*(?:\.\d+)?)\s*%?\s*\)\s+(?:and|to)\s+"
    r"[^()\d;]{1,30}\(\s*(\d[\d,]*(?:\.\d+)?)\s*%?\s*\)",
    re.IGNORECASE,
)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


#: A direction word, a word or two, then a colon: what follows gives its figures.
_THEN_COLON = re.compile(r"[^\d.;:]{0,25}:\s*")


def _after_colon(claim: Claim, figures: list[Figure]) -> tuple[float, float] | None:
    """ "Charges fell slightly: 43 ... in July against 48 the month before": the first
    figure after the colon and the one it is compared with after it."""
    sentence = claim.sentence
    colon = _THEN_COLON.match(sentence, claim.span[1] - claim.sentence_span[0])
    if colon is None:
        return None
    after = [i for i, f in enumerate(figures) if f.start >= colon.end()]
    if not after:
        return None
    own = after[0]
    for index in after[1:]:
        start = figures[index].start
        if figures[index].percent != figures[own].percent:
            continue
        if _COMPARED_BEFORE.search(sentence[max(0, start - 40) : start]):
            return figures[own].value, figures[index].value
        break
    return None


#: A change named as a noun after what it sums up: "compared with 73 in October 2018 - a
#: fall of 12%".
_SUMMING_NOUN = re.compile(r"(?:[-–—,:]\s*|\b)an?\s+(?:\w+\s+)?$", re.IGNORECASE)
_CHANGE_NOUNS = frozenset(
    ("rise", "fall", "increase", "decrease", "drop", "reduction", "reductions", "increases")
)


def _summed_up(claim: Claim, figures: list[Figure]) -> tuple[float, float] | None:
    """ "64 in October 2019, compared with 73 in October 2018 - a fall of 12%": a change
    named as a noun sums up the comparison before it, the figure compared with and the one
    it is compared with."""
    if claim.text.strip().lower() not in _CHANGE_NOUNS:
        return None
    sentence = claim.sentence
    at = claim.span[0] - claim.sentence_span[0]
    if not _SUMMING_NOUN.search(sentence[max(0, at - 20) : at]):
        return None
    for index in range(len(figures) - 1, -1, -1):
        start, end, _, per_cent = figures[index]
        if end > at or ";" in sentence[end:at]:
            continue
        if not _COMPARED_BEFORE.search(sentence[max(0, start - 40) : start]):
            return None  # the last figure before the noun is no figure compared with
        own = _subject(claim, figures, per_cent, before=start)
        return None if own is None else (figures[own].value, figures[index].value)
    return None


def held_to_sentence(claim: Claim) -> ClaimVerdict | None:
    """Supported when the two figures the sentence compares bear the direction out (each
    figure is checked on its own), else None."""
    pair = sentence_pair(claim)
    if pair is None or claim.direction not in ("up", "down"):
        return None
    own, other = pair
    if own == other or (own > other) != (claim.direction == "up"):
        return None
    return ClaimVerdict(
        claim,
        Verdict.SUPPORTED,
        f"'{claim.text}' agrees with the two figures its sentence compares "
        f"({own:g} against {other:g}), each checked on its own",
        evidence=(SENTENCE,),
    )


def _compared_figures(sentence: str, figures: list[Figure]) -> list[int]:
    """The indexes of the figures a sentence gives as compared with ("than the 78")."""
    return [
        index
        for index, (start, _, _, _) in enumerate(figures)
        if _COMPARED_BEFORE.search(sentence[max(0, start - 40) : start])
    ]


def change_held_to_sentence(claim: Claim) -> ClaimVerdict | None:
    """Supported when a change ("15.4% lower", "+31.6%", "down 1.2 points") is the change
    from a figure its sentence compares with to the figure the sentence is about (each
    checked on its own), else None."""
    said = next((v for v in (claim.change_pct, claim.change, claim.value) if v is not None), None)
    if said is None or claim.role != "change" or claim.span[0] < claim.sentence_span[0]:
        return None
    figures = _figures(claim.sentence)
    relative = claim.unit == "percent"
    own = _subject(claim, figures, percent=not relative and claim.unit != "count")
    if own is None:
        return None
    level = figures[own].value
    for index in _compared_figures(claim.sentence, figures):
        other = figures[index].value
        if index == own or figures[index].percent != figures[own].percent or other == 0:
            continue
        actual = (level - other) / abs(other) * 100.0 if relative else level - other
        if claim.direction in ("up", "down") and (actual > 0) != (claim.direction == "up"):
            continue
        if abs(abs(actual) - abs(said)) <= tolerance(claim):
            return ClaimVerdict(
                claim,
                Verdict.SUPPORTED,
                f"{claim.text} is the change from {other:g} to {level:g}, figures its "
                "sentence gives, each checked on its own",
                evidence=(SENTENCE,),
            )
    return None
