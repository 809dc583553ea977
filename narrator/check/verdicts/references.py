"""Verdicts on the figures a sentence compares its measure with: a benchmark, an average,
the peers' median, the same months a year before, a control limit, or a trend's size."""

from __future__ import annotations

from narrator import months
from narrator.check.claims.model import Claim
from narrator.check.findings import Verdict
from narrator.check.verdicts.levels import Levels
from narrator.check.verdicts.model import ClaimVerdict, tolerance, unless_far
from narrator.facts import Fact, FactSet

#: The kinds of fact whose reference a figure after each cue word may quote.
_REFERENCE_KINDS = {
    "benchmark": ("benchmark.long_term", "benchmark.year_end"),
    "average": ("change.average", "xmr.signal"),
    "median": ("area.outlier",),
    "expected": ("xmr.signal", "change.average"),
    "limit": ("xmr.signal",),
    "same months": ("change.year_to_date",),
    "same period": ("change.year_to_date",),
    "from": (
        "change.month",
        "change.year",
        "change.rolling_month",
        "change.rolling_year",
        "change.financial_year",
        "change.year_to_date",
    ),
}


#: The cue words that make a figure what its measure is compared with, not a figure of it.
COMPARED_WITH = frozenset(
    ("benchmark", "average", "median", "expected", "same months", "same period")
)


def _candidates(claim: Claim, facts: FactSet, word: str) -> list[Fact]:
    """The facts whose reference a figure after the cue ``word`` may quote."""
    assert claim.measure is not None
    return [
        fact
        for kind in _REFERENCE_KINDS[word]
        for fact in (
            facts.select(kind=kind, measure=claim.measure)
            if kind == "area.outlier" or claim.area is None
            else facts.all(kind, claim.measure, claim.area)
        )
    ]


#: Averages a paper may quote beside a month, as the months they run over, counted back
#: from the paper's month (0): the 3, 6, 12 or 36 months before it (or to it), the same
#: month of the three years before.
_AVERAGE_WINDOWS: tuple[tuple[int, ...], ...] = (
    (1, 2, 3),
    (0, 1, 2),
    tuple(range(1, 7)),
    tuple(range(1, 13)),
    tuple(range(0, 12)),
    tuple(range(1, 37)),
    tuple(range(0, 36)),
    (12, 24, 36),
)


def average_of_months(
    claim: Claim, levels: Levels, month: str, value: float
) -> ClaimVerdict | None:
    """An average the paper quotes that narrator's comparisons do not make but its figures
    give: over the 12 or 36 months before the month or to it, the same month of three years,
    or the months of the calendar year the claim is of ("an average of 724 a month")."""
    assert claim.measure is not None
    area = claim.area or ""
    end = months.parse(month)
    windows = [[end - back for back in window] for window in _AVERAGE_WINDOWS]
    year = str(claim.period or "")
    if year.startswith("CY:"):
        first = int(year[3:7]) * 12
        windows.append(list(range(first, min(first + 11, end) + 1)))
    for window in windows:
        total = [levels.value(claim.measure, area, months.iso(m)) for m in window]
        if any(x is None for x in total) or not total:
            continue
        mean = sum(x for x in total if x is not None) / len(total)
        if abs(mean - value) <= tolerance(claim):
            return ClaimVerdict(
                claim,
                Verdict.SUPPORTED,
                f"{claim.text} is the average of {claim.measure} over "
                f"{months.iso(min(window))} to {months.iso(max(window))}",
            )
    return None


def reference_miss(claim: Claim, facts: FactSet, value: float) -> ClaimVerdict:
    """A figure quoted as what the measure is compared with that no comparison narrator
    makes quotes: held to the nearest such comparison (contradicted when a slip explains
    the difference), never to the measure's own figures; not checkable when narrator makes
    no comparison of the kind. An average of other months than narrator's (the same month of
    five years) is a different figure, not a wrong one, unless a slip explains it."""
    word = claim.reference_cue
    assert word is not None and claim.measure is not None
    quoted = [
        (fact, fact.reference)
        for fact in _candidates(claim, facts, word)
        if fact.reference is not None
    ]
    if not quoted:
        return ClaimVerdict(
            claim,
            Verdict.NOT_CHECKABLE,
            f"{claim.text} is the {word} {claim.measure} is compared with, and narrator "
            f"makes no such comparison of {claim.measure}",
        )
    fact, reference = min(quoted, key=lambda q: (abs(abs(q[1]) - value), q[0].id))
    decimals = claim.decimals if claim.decimals is not None else 1
    expected = f"{reference:,.{decimals}f}{'%' if fact.unit == 'percent' else ''}"
    return unless_far(
        claim,
        value,
        reference,
        f"{claim.text} is not the {word} the figures compare {claim.measure} with: {expected}",
        (fact.id,),
        expected,
    )


def reference_verdict(claim: Claim, facts: FactSet, value: float) -> ClaimVerdict | None:
    """A figure quoted as what the measure is compared with (a benchmark, an average, the
    peers' median, the same months a year before) or as a trend's size, held to the
    reference (or the slope) of the fact that makes that comparison; None when the words
    before the figure name no such comparison, or no such fact quotes it."""
    word = claim.reference_cue
    if claim.measure is None or word is None or claim.statistic in ("upper limit", "lower limit"):
        # A named line of the control chart is held to that line (verdicts.figures).
        return None
    tol = tolerance(claim)
    if word == "when it was":
        # "the highest since October 2015, when it was 5.6%": the record's earlier figure.
        for fact in facts.select(kind="record", measure=claim.measure):
            since = fact.detail.get("since_value")
            if since is not None and abs(abs(float(since)) - value) <= tol:
                return ClaimVerdict(
                    claim,
                    Verdict.SUPPORTED,
                    f"{claim.text} is the figure the record is since",
                    (fact.id,),
                )
        return None
    if word == "trend":
        for fact in facts.select(kind="trend.long_term", measure=claim.measure):
            sizes = (abs(fact.value) * 12, abs(fact.detail.get("percent_per_year") or 0.0))
            if any(abs(size - value) <= tol for size in sizes):
                return ClaimVerdict(
                    claim, Verdict.SUPPORTED, f"{claim.text} is the trend's size a year", (fact.id,)
                )
        return None
    for fact in _candidates(claim, facts, word):
        lines = (fact.statistic.get("upper"), fact.statistic.get("lower"))
        quoted = lines if word == "limit" else (fact.reference,)
        if any(x is not None and abs(abs(x) - value) <= tol for x in quoted):
            return ClaimVerdict(
                claim,
                Verdict.SUPPORTED,
                (
                    f"{claim.text} is the figure {claim.measure} changed from"
                    if word == "from"
                    else f"{claim.text} is the {word} {claim.measure} is compared with"
                ),
                evidence=(fact.id,),
            )
    if word == "from" and claim.period_text is None:
        # The text says no period of the figure it changed from, and no comparison narrator
        # makes starts from it: it may be one narrator does not make (a quarter ago).
        return ClaimVerdict(
            claim,
            Verdict.NOT_CHECKABLE,
            f"{claim.text}: no comparison narrator makes starts from it, and the text names "
            "no period for it",
        )
    return None
