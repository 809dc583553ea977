"""Claims: what each sentence of a paper asserts, with the span it asserts it in.

A claim is one checkable statement: a figure ("12.4%"), a direction against a comparison
("higher than September"), a streak ("for 29 consecutive months"), a cross-reference
("see 4.2.1") or a date ("scheduled for January/February 2019"). Its fields follow the fact
model (:class:`narrator.facts.model.Fact`): measure id, area name, period labels such as
"2019-10", "R12:2019-10", "FY:2018", "CY:2019", values in per cent units for rates, and
directions "up", "down" or "flat", so that the verdicts can look facts up directly.
"""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from typing import Any

#: Kinds of claim.
CLAIM_KINDS = ("figure", "direction", "streak", "outlier", "xref", "date")
#: Words just before a figure that make it the reference of a comparison, not a figure of
#: the measure itself: "than the long-term benchmark (13.2%)", "against a median of -1.4%",
#: "in line with the same period last year (8.5%)", "the long-term trend ... by about 1.6
#: percentage points a year".
REFERENCE_CUE = re.compile(
    # The cue nearest the figure: "the benchmark of the previous 24 months (average 102)".
    r"^.*\b(benchmark|average|median|same months|same period|trend|expected|limit|when it was)s?\b"
    # No figure between the cue and this one but a year or a window ("of the previous 12
    # months"): "(average 102), June's figure of 37" gives the average its own figure.
    r"(?:[^.;:\d]|\b(?:19|20)\d\d(?:/\d\d)?\b|\b\d+(?=\s*-?\s*(?:months?|years?|weeks?|days?)\b))"
    r"{0,60}$",
    re.IGNORECASE | re.DOTALL,
)
#: A figure and "and" or a comma just before another figure: "(298 and 302)".
_LISTED_AFTER = re.compile(r"[£$]?\d[\d,]*(?:\.\d+)?\s*%?\s*(?:,|\band\b|\bor\b)\s*[£$]?$")
#: Words just after a figure that make it the figure of the same months a year before:
#: "(11.1% over the same months of last year)", "against 6,045 in the same period of 2019/20".
_SAME_PERIOD_AFTER = re.compile(
    r"\s*(?:in|over|for|during)\s+the\s+same\s+(?:period|months|quarter)\s+(?:of\s+|in\s+)?"
    r"(?:last\s+year|the\s+previous\s+year|a\s+year\s+(?:earlier|before|ago)"
    r"|(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?)\b",
    re.IGNORECASE,
)
#: "from 25.4% to 19.4%": a figure a change starts from, then the figure it goes to.
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_TO_AFTER = re.compile(
    # "from 1,456 searches to 2,727": the count's noun may come between
    r"\s*(?:[a-z]+\s+){0,2}?(?:\([^()]*\)\s*)?to\s+(?:an?\s+|the\s+)?[£+\-−]?\d"
)
#: "R12 11.5% (was 14.9%)": in brackets after a figure, the figure it changed from.
_WAS_BEFORE = re.compile(r"\d[^()]{0,12}\(\s*(?:was|previously|prev\.?)\s+$", re.IGNORECASE)
_AVERAGED_BEFORE = re.compile(
    r"\baveraged\s+(?:about\s+|around\s+|just\s+(?:over|under)\s+)?$", re.I
)
#: Words just after a figure that make it a size per year (a trend's slope), never a level:
#: "is downward: about 0.6 percentage points a year".
PER_YEAR = re.compile(r"\s*(?:a|per|each)\s+(?:year|annum)\b", re.IGNORECASE)
#: "the long-term trend of X is upward: about 9.5% a year": a trend's size after a colon.
_TREND_SIZE = re.compile(
    r"\b(trend)\b[^.;:]{0,60}:\s*(?:by\s+)?(?:about|around|roughly|some)?\s*$", re.IGNORECASE
)
#: The head of a figure that is a part of a whole its sentence counts ("64 of them").
PART = "a part of the total"
#: The head of a figure of a group its measure's figures are not broken down by ("among
#: repeat victims").
GROUP = "a group of people"
#: The head of a figure that says how many times one figure is another ("over three times
#: the 9 of the year before", "one in four").
MULTIPLE = "a ratio of two figures"
#: Kinds of claim about the figures (the others are references and dates).
DATA_KINDS = frozenset(CLAIM_KINDS[:4])


@dataclass(frozen=True)
class Claim:
    """One statement of a paper and everything read from it; None where the text is silent.

    ``span`` is the claim's (start, end) in :attr:`Document.text`: for a figure, exactly the
    quoted number ("12.4%"); for a direction, its word; for a reference, the section number.
    """

    kind: str
    text: str
    span: tuple[int, int]
    sentence: str
    sentence_span: tuple[int, int]
    paragraph: int
    section: str | None = None
    measure: str | None = None
    measure_text: str | None = None
    measure_from: str | None = None
    measure_head: str | None = None
    #: For a count of the areas of a level ("among the six districts"), how many the
    #: project has.
    level_count: int | None = None
    measure_alternatives: tuple[str, ...] = ()
    area: str | None = None
    area_text: str | None = None
    period: str | None = None
    period_text: str | None = None
    value: float | None = None
    unit: str | None = None
    decimals: int | None = None
    approx: str | None = None
    noun: str | None = None
    statistic: str | None = None
    change: float | None = None
    change_pct: float | None = None
    direction: str | None = None
    judgement: str | None = None
    magnitude: str | None = None
    comparison: str | None = None
    comparison_text: str | None = None
    reference: float | None = None
    reference_period: str | None = None
    reference_area: str | None = None
    reference_measure: str | None = None
    reference_span: tuple[int, int] | None = None
    significant: bool | None = None
    streak: int | None = None
    since: str | None = None
    #: For "the first time since April 2017 that it has not fallen": the direction the run
    #: went until this month ("down").
    broken: str | None = None
    occurrence: int | None = None
    months_of: tuple[int, int] | None = None
    #: For a count of areas ("two districts in particular: A and B"): how many the sentence
    #: lists.
    listed: int | None = None
    record: str | None = None
    role: str | None = None
    target: str | None = None
    target_where: str | None = None
    date_first: date | None = None
    date_last: date | None = None
    date_explicit_year: bool = False
    tense: str | None = None
    #: What the claim is said of that the project does not hold ("Avon and Somerset",
    #: "England and Wales", "MSG average", "a quarter"): it is not checkable.
    outside: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def reference_cue(self) -> str | None:
        """For a figure quoted as what the measure is compared with, the comparison's word
        ("benchmark", "average", "median", "same period", "trend"); None otherwise."""
        if self.kind != "figure":
            return None
        before = self.sentence[: max(0, self.span[0] - self.sentence_span[0])]
        after = self.sentence[max(0, self.span[1] - self.sentence_span[0]) :]
        if _FROM_BEFORE.search(before) and _TO_AFTER.match(after):
            return "from"  # "dropped from 25.4% to 19.4%": the figure it changed from
        if _WAS_BEFORE.search(before):
            return "from"
        if _AVERAGED_BEFORE.search(before):
            return "average"  # "it averaged 70.5 a month"
        found = REFERENCE_CUE.search(before) or _TREND_SIZE.search(before)
        listed = _LISTED_AFTER.search(before)
        if found is None and listed is not None:
            # "both averages (298 and 302)": a figure listed after another shares its cue.
            found = REFERENCE_CUE.search(before[: listed.start()])
        if found and not (self.role == "change" and found.group(1).lower().startswith("same")):
            # "(1,760 same period last year, up 4.1%)": a change after the same period's
            # figure is the change against it, not that period's figure.
            return found.group(1).lower()
        if _SAME_PERIOD_AFTER.match(after):
            return "same period"
        return "trend" if PER_YEAR.match(after) else None

    @property
    def is_data(self) -> bool:
        """True for claims about the figures (not references or dates)."""
        return self.kind in DATA_KINDS

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out


# Claims being read are made and changed many times per sentence: building a frozen
# dataclass through its ``__init__`` for each change costs more than reading the sentence.
# While a sentence is read its claims are made by :func:`new_claim` and changed by
# :func:`replace`, which fill the instance's ``__dict__`` directly; their spans are in the
# offsets of the chunk being read until :func:`narrator.check.claims.extract.extract_claims`
# moves them to the document.


def _defaults() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(Claim):
        if f.default is not MISSING:
            out[f.name] = f.default
        elif callable(f.default_factory):
            out[f.name] = f.default_factory()
        else:
            out[f.name] = None
    return out


#: Every field of a claim with its default (None for the fields a claim must be given).
DEFAULTS = _defaults()


def new_claim(**given: Any) -> Claim:
    """A claim being read, with ``given`` fields and the defaults for the rest."""
    claim: Claim = object.__new__(Claim)
    claim.__dict__.update(DEFAULTS)
    claim.__dict__.update(given)
    return claim


def replace(claim: Claim, **changed: Any) -> Claim:
    """A copy of a claim being read with ``changed`` fields."""
    copy: Claim = object.__new__(Claim)
    copy.__dict__.update(claim.__dict__)
    copy.__dict__.update(changed)
    return copy
