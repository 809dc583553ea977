"""The period of a reference figure: what a figure is compared with ("against 16.7% a year
earlier", "down from 81", "compared with 494 the year before") is an earlier figure of the
same measure and area, never the figure of the period the sentence is about.

A reference that names its own period ("from 94 in September") keeps it; one that says how
long before ("a year earlier", "last year", "the previous month") is moved back that far;
one that says neither names no period, so it is not checked against the current one.
"""

from __future__ import annotations

import re

from narrator import months
from narrator.check.claims.grammar import relative_period
from narrator.check.claims.model import Claim, replace

#: Words after a reference figure that put it a year before the figure it is compared with.
_YEAR_BEFORE = re.compile(
    # "the 17 recorded over the same period last year"
    r"^\s*(?:(?:recorded|reported|logged|seen)\s+(?=(?:over|in|during)\s+the\s+same\b))?"
    r"(?:(?:in|for|over|of|by|at)\s+)?(?:a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before|"
    r"(?:the\s+same\s+(?:point|stage|time)|this\s+time)\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))|"
    r"the\s+(?:previous|preceding|prior)\s+(?:year|12\s+months|twelve\s+months)|last\s+year|"
    # "(1,760 same period last year)": notes drop the article
    r"(?:the\s+)?(?:same|equivalent|corresponding)\s+(?:\w+\s+)?(?:month|quarter|period|months)\s+"
    r"(?:(?:of\s+)?(?:last|the\s+previous)\s+year|a\s+year\s+(?:earlier|ago|before)))\b",
    re.IGNORECASE,
)
#: Words after a reference figure that name the year of the same months: "over the same
#: three months of 2018".
_SAME_MONTHS_OF = re.compile(
    r"^\s*(?:(?:recorded|reported|achieved|seen|logged)\s+)?(?:(?:in|over|for|during|of)\s+)?"
    r"the\s+same\s+(?:\w+\s+)?(?:months?|period|quarter)"
    r"\s+(?:of|in)\s+((?:19|20)\d\d)(/\d\d)?\b",
    re.IGNORECASE,
)
#: Words after a reference figure that put it a month before.
_MONTH_BEFORE = re.compile(
    r"^\s*(?:(?:in|for|of)\s+)?(?:a\s+month\s+(?:earlier|ago|before)|the\s+month\s+before|"
    r"the\s+previous\s+month|last\s+month)\b",
    re.IGNORECASE,
)
#: Words after a reference figure that say it is of something else than the figure it is
#: compared with ("for all victims", "among the MSG forces"), or of the same period.
_OF_ANOTHER = re.compile(
    r"^\s*(?:for|of|among|across|at|by|in|over|during)\b|^[^.;]*\bsame\s+(?:period|months)\b",
    re.IGNORECASE,
)
#: A period label: a month, a rolling year to a month, a financial or calendar year.
_LABEL = re.compile(
    r"^(?P<prefix>(?:R12:|YTD:)?)(?P<month>\d{4}-\d{2})$|^(?P<year_kind>FY|CY):(?P<year>\d{4})$"
)

#: A run of months ("2019-07..2019-09"), moved back as a label is.
_RUN = re.compile(r"^\d{4}-\d{2}\.\.\d{4}-\d{2}$")


def _dated(period: str) -> bool:
    """Whether a period label can be moved back: a month, a window to a month, a year, or
    a run of months."""
    return _LABEL.match(period) is not None or _RUN.match(period) is not None


#: After an earlier figure's words in brackets: the bracket closes, or the change follows
#: ("(574 last year, +4.5%)", "(1,760 same period last year, up 9.7%)").
_CLOSED_OR_CHANGE = re.compile(
    r"\s*(?:\)|[,;]\s*(?:(?:up|down|a\s+(?:rise|fall|drop)\s+of)\s+)?[+\-−–]?\d)", re.IGNORECASE
)


def bracketed_earlier(before: str, after: str) -> bool:
    """Whether a figure stands in brackets with the words of an earlier period after it
    ("25 in June (18 a year earlier)", "(44 the month before)"): the figure compared with."""
    if not re.search(r"\(\s*$", before):
        return False
    said = _YEAR_BEFORE.match(after) or _MONTH_BEFORE.match(after)
    # "(18 a year earlier)", or with the change after it: "(574 last year, +4.5%)"
    return said is not None and _CLOSED_OR_CHANGE.match(after, said.end()) is not None


def _last_month_read_as_this(reference: Claim, figure: Claim) -> bool:
    """Whether a reference's own words are "last month" and it was given the month of the
    figure it is compared with."""
    return (
        reference.period is not None
        and reference.period_text is not None
        and _MONTH_BEFORE.fullmatch(reference.period_text) is not None
        and months.is_month(reference.period)
        and figure.period is not None
        and reference.period == figure.period[-7:]
    )


def earlier_reference(reference: Claim, figure: Claim, after: str) -> Claim:
    """``reference``, compared with ``figure`` and followed by ``after`` in its sentence,
    with the period it is of: unchanged when it differs from the figure in measure, area or
    period; else moved back by the words after it, or without a period when they say none."""
    said = _YEAR_BEFORE.match(after) or _MONTH_BEFORE.match(after)
    if (
        said is not None
        and said.re is _MONTH_BEFORE
        and _last_month_read_as_this(reference, figure)
    ):
        # "down from 32.2% last month": "last month" was read as the paper's month, the
        # month of the figure compared with it; the reference is the month before that.
        assert reference.period is not None
        return replace(reference, period=shifted(reference.period, 1))
    if (
        said is not None
        and figure.period is not None
        and reference.measure == figure.measure
        and reference.area == figure.area
        and _dated(figure.period)
        and (
            reference.period is None
            or (
                reference.period != figure.period
                and _dated(reference.period)
                and not (reference.period_text and reference.period_text in after)
            )
        )
    ):
        # "up from 57 in December but 15.4% lower than the 78 of a year ago": the words
        # after the figure say its period; the one it was given (if any) came from another
        # figure.
        back = 12 if said.re is _YEAR_BEFORE else 1
        period = shifted(figure.period, back)
        return replace(
            reference, period=period, period_text=said.group(0).strip() if period else None
        )
    named = _SAME_MONTHS_OF.match(after)
    if (
        named is not None
        and figure.period is not None
        and reference.measure == figure.measure
        and reference.area == figure.area
        and reference.period == f"{'FY' if named.group(2) else 'CY'}:{named.group(1)}"
        and figure.period != reference.period
    ):
        # "6,302 in the year to date, against 5,071 in the same period of 2018": the year
        # names when the same months were, not a whole year's figure.
        reference = replace(reference, period=figure.period)
    if (
        reference.measure != figure.measure
        or reference.area != figure.area
        or reference.period != figure.period
        or reference.period is None
    ):
        return reference
    if named is not None:
        # "against 827 over the same three months of 2018": the run of months in that year.
        last = reference.period.split("..")[-1].split(":")[-1]
        year = int(last[:4])
        if named.group(2) and months.is_month(last):
            # "the same months of 2018/19": financial years, counted from April
            year = months.year(months.fy_start(months.parse(last)))
        back = (year - int(named.group(1))) * 12
        period = shifted(reference.period, back) if back > 0 else None
        return replace(
            reference, period=period, period_text=named.group(0).strip() if period else None
        )
    if said is None and _OF_ANOTHER.match(after):
        # "compared to 78.1% for all victims over the same period": the words after the
        # reference say what else it is of; the period is the figure's.
        return reference
    if said is None:
        return replace(reference, period=None, period_text=None)
    back = 12 if said.re is _YEAR_BEFORE else 1
    period = shifted(reference.period, back)
    return replace(reference, period=period, period_text=said.group(0).strip() if period else None)


#: Words before a figure, in its sentence, that put it a year before the period the paper
#: speaks of ("In the same month last year, Peterborough recorded 50").
_YEAR_BEFORE_FIGURE = re.compile(
    r"\b(?:(?:in\s+)?the\s+same\s+(?:month|period|months|quarter)\s+(?:of\s+)?(?:last|the\s+"
    r"previous)\s+year|a\s+year\s+(?:earlier|ago|before)|this\s+time\s+last\s+year)\b"
    r"(?P<gap>[^\d]*)$",
    re.IGNORECASE,
)


def year_before(figure: Claim, before: str) -> Claim:
    """``figure`` moved back a year when the words before it in its sentence say so and
    it names no period of its own; unchanged otherwise."""
    if figure.period is None or figure.period_text is not None or figure.role == "change":
        return figure
    said = _YEAR_BEFORE_FIGURE.search(before)
    if said is None:
        return figure
    period = shifted(figure.period, 12)
    text = said.group(0)[: said.start("gap") - said.start()].strip()
    return replace(figure, period=period, period_text=text if period else None)


def shifted(period: str, back: int) -> str | None:
    """The period label ``back`` months before ``period`` (years only by whole years);
    None when it cannot be moved so."""
    first, dots, last = period.partition("..")
    if dots and months.is_month(first) and months.is_month(last):
        return f"{months.iso(months.parse(first) - back)}..{months.iso(months.parse(last) - back)}"
    found = _LABEL.match(period)
    if found is None:
        return None
    if found.group("month"):
        return found.group("prefix") + months.iso(months.parse(found.group("month")) - back)
    if back % 12:
        return None
    return f"{found.group('year_kind')}:{int(found.group('year')) - back // 12}"


#: Between a figure compared with and a change in brackets: its period, then "(".
_BRACKET_AFTER = re.compile(r"(?:[^()\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,60}\(\s*")


def against_reference(claim: Claim, claims: list[Claim], text: str, at: int) -> Claim:
    """A change in brackets after the figure compared with ("2,587 searches against 1,526
    in the previous financial year (+87.2%)") is measured against that figure's period."""
    reference = claims[-1] if claims else None
    if (
        reference is None
        or reference.period is None
        or _BRACKET_AFTER.fullmatch(text, reference.span[1], at) is None
    ):
        return claim
    # The figure the change is of: the last before the one compared with that is not itself
    # compared with, a change, or of the same period.
    compared = next(
        (
            c
            for c in reversed(claims[:-1])
            if c.role not in ("reference", "change")
            and c.measure == reference.measure
            and c.period != reference.period
        ),
        None,
    )
    if reference.role != "reference" and (
        # "75 in June against 50 in May, a rise of 50.0%, and 61 in June 2018 (+23.0%)": a
        # figure that names an earlier period of its own, listed after the one it is of
        reference.period_text is None
        or compared is None
        or compared.period is None
        or not reference.period < compared.period
    ):
        return claim
    period, said = claim.period, claim.period_text
    if period == reference.period:
        # The change is of the figure compared, not of the period it is compared with.
        period = compared.period if compared is not None else None
        said = compared.period_text if compared is not None else None
    comparison = relative_period(period, reference.period) or "period"
    return replace(
        claim,
        period=period,
        period_text=said,
        comparison=comparison,
        comparison_text=text[reference.span[1] : at].strip(" ("),
        reference_period=reference.period,
    )


#: A period's words that say a year before the paper's: "the same month last year".
_YEAR_BEFORE_WORDS = re.compile(
    # "in the last year" is the 12 months to now, not the year before
    r"\b(?:(?<!the\s)last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|preceding|prior)"
    r"\s+year)\b",
    re.IGNORECASE,
)


def change_on_year_before(claim: Claim) -> Claim:
    """A change against the year before whose period was read from the words of that year
    ("24 more than in the same month last year (+8.8%)"): the change is of the year after,
    against the period its words name."""
    if (
        claim.role != "change"
        or claim.comparison not in (None, "previous_year")
        or claim.period is None
        or claim.reference_period is not None
        or not _YEAR_BEFORE_WORDS.search(claim.period_text or "")
    ):
        return claim
    later = shifted(claim.period, -12)
    if later is None:
        return claim
    return replace(claim, period=later, reference_period=claim.period)


#: A figure alone in brackets right after another: "18.3% (19.2%)".
_BARE_BRACKET = re.compile(r"[\d%]\s*\(\s*$")


def bracket_convention(claims: list[Claim], text: str) -> list[Claim]:
    """ "vehicle thefts 1,835 (1,760 same period last year); solved rate 18.3% (19.2%)":
    once a sentence says what its figures in brackets are of, a later figure alone in
    brackets after another is of the same earlier period, not the period of the figure it
    follows."""
    said: tuple[int, str | None] | None = None  # months back, and the words that said so
    out: list[Claim] = []
    for claim in claims:
        previous = out[-1] if out else None
        bare = (
            previous is not None
            and claim.kind == "figure"
            and _BARE_BRACKET.search(text, max(0, claim.span[0] - 12), claim.span[0]) is not None
            and text.startswith(")", claim.span[1])
        )
        if claim.role == "reference" and previous is not None and previous.period:
            back = _back_from(previous.period, claim.period)
            said = (back, claim.period_text) if back is not None else said
        elif (
            bare
            and said is not None
            and previous is not None
            and previous.period is not None
            and claim.role is None
            and claim.period == previous.period
            and claim.unit == previous.unit
        ):
            moved = shifted(previous.period, said[0])
            claim = replace(claim, period=moved, role="reference", period_text=said[1])
        out.append(claim)
    return out


def _back_from(period: str, earlier: str | None) -> int | None:
    """How many months ``earlier`` is before ``period`` (a month or a year), if it is."""
    if earlier is None:
        return None
    return next((n for n in (1, 12) if shifted(period, n) == earlier), None)


def from_month_before(claims: list[Claim]) -> list[Claim]:
    """ "June was the worst month with 22; July fell back to 14, still twice the 7 of July
    2018": a figure's direction said after the month before's figure of the same measure
    and area is against that month, whatever its sentence compares it with after."""
    before: dict[tuple[tuple[int, int], str | None, str | None, str | None], Claim] = {}
    out = []
    for claim in claims:
        if claim.kind == "figure" and claim.period and claim.role != "change":
            month_before = shifted(claim.period, 1)
            earlier = before.get(
                (claim.sentence_span, claim.measure, claim.area, month_before or "")
            )
            if (
                earlier is not None
                and claim.direction in ("up", "down")
                and claim.comparison is not None
                and claim.comparison != "previous_month"
            ):
                claim = replace(
                    claim,
                    comparison="previous_month",
                    comparison_text=None,
                    reference=earlier.value,
                    reference_period=earlier.period,
                )
            before[(claim.sentence_span, claim.measure, claim.area, claim.period)] = claim
        out.append(claim)
    return out


#: Between two figures in one bracket, the second the one the first is set against.
_AGAINST = re.compile(r"\s+(?:against|v\.?|vs\.?|versus)\s+", re.IGNORECASE)
#: Right before such a bracket: what the second figure is of, a year or a month before.
_BACK_BEFORE = re.compile(
    r"\b(?:than|on|with)\s+(?:(last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+same\s+month"
    r"\s+last\s+year)|last\s+month|the\s+(?:month\s+before|previous\s+month))\s*$",
    re.IGNORECASE,
)


def against_last_year(claims: list[Claim], text: str) -> list[Claim]:
    """ "slightly higher than last year (75 against 71)": in a bracket of two figures set
    against each other after a comparison with last year (or last month), the second is of
    the year (or the month) before the first's."""
    out = list(claims)
    for at in range(len(out) - 1):
        first, second = out[at], out[at + 1]
        if (
            first.kind != "figure"
            or second.kind != "figure"
            or first.period is None
            or second.period not in (None, first.period)
            or first.sentence_span != second.sentence_span
            or not text.startswith("(", first.span[0] - 1)
            or not text.startswith(")", second.span[1])
            or _AGAINST.fullmatch(text, first.span[1], second.span[0]) is None
        ):
            continue
        back = _BACK_BEFORE.search(text, max(0, first.span[0] - 60), first.span[0] - 1)
        moved = shifted(first.period, 12 if back.group(1) else 1) if back else None
        if back is not None and moved is not None:
            out[at + 1] = replace(second, period=moved, period_text=back.group(0).strip())
    return out


#: Between a figure of the same months of a year and the next figure in a list: "327 in
#: the same months of 2019 and 286 in 2018".
_SAME_MONTHS_THEN = re.compile(
    r"\s+(?:in|over|for|during)\s+the\s+same\s+(?:\w+\s+)?months?\s+(?:of|in)\s+((?:19|20)\d\d)"
    r",?\s+(?:and|or|with)\s+$",
    re.IGNORECASE,
)


#: Right after a figure: the same months of a year named ("91 in the same three months of
#: 2019").
_SAME_MONTHS_AFTER = re.compile(
    r"\s+(?:in|over|for|during)\s+the\s+same\s+(?:\w+\s+)?(?:months?|period|quarter)"
    r"\s+(?:of|in)\s+((?:19|20)\d\d)\b(?!/)",
    re.IGNORECASE,
)


def _same_months_of(claim: Claim, figure: Claim | None, text: str) -> Claim:
    """ "against 151 in June to August and 91 in the same three months of 2019": the
    months of the figure compared, in the year named, whatever figure came between."""
    said = _SAME_MONTHS_AFTER.match(text, claim.span[1])
    if said is None or figure is None or figure.period is None or ".." not in figure.period:
        return claim
    last = figure.period.split("..")[-1]
    if not months.is_month(last):
        return claim
    back = (int(last[:4]) - int(said.group(1))) * 12
    moved = shifted(figure.period, back) if back > 0 else None
    if moved is None or moved == claim.period:
        return claim
    return replace(claim, period=moved, role="reference")


def _compared_figure(candidate: Claim, claim: Claim) -> bool:
    """Whether ``candidate`` is a figure of ``claim``'s measure that nothing compares."""
    return (
        candidate.role is None and candidate.kind == "figure" and candidate.measure == claim.measure
    )


def listed_same_months(claims: list[Claim], text: str) -> list[Claim]:
    """ "compared with 327 in the same months of 2019 and 286 in 2018": a year said after
    a list's next figure is the same months of that year, not the whole year."""
    out: list[Claim] = []
    for claim in claims:
        figure = next((c for c in out if _compared_figure(c, claim)), None)
        if claim.kind == "figure" and figure is not None:
            claim = _same_months_of(claim, figure, text)
        previous = out[-1] if out else None
        said = claim.period_text or ""
        if (
            previous is not None
            and previous.period is not None
            and ".." in previous.period
            and claim.period is not None
            and claim.period.startswith("CY:")
            and re.fullmatch(r"(?:19|20)\d\d", said.strip())
            and claim.measure == previous.measure
        ):
            between = _SAME_MONTHS_THEN.fullmatch(text, previous.span[1], claim.span[0])
            if between is not None:
                back = (int(between.group(1)) - int(claim.period[3:])) * 12
                moved = shifted(previous.period, back) if back > 0 else None
                if moved is not None:
                    claim = replace(claim, period=moved, role=previous.role)
        out.append(claim)
    return out
