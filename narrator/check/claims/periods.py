"""When figures are of: the periods a sentence names, labelled as the fact model labels them
("2019-10", "R12:2019-10", "FY:2018", "CY:2019", "CY:2019:2019-10", "YTD:2019-10",
"D:2019-11-26"), with yearless dates read around the paper's reporting month."""

from __future__ import annotations

import re
from datetime import date, timedelta

from narrator import months
from narrator.check.claims.grammar import (
    DISCRETE,
    FUTURE,
    OCCURRENCE,
    RELATIVE,
    RELATIVE_YEAR,
    START_END,
)
from narrator.check.claims.pairing import is_period_phrase
from narrator.check.claims.pieces import Item, Named, Sentence
from narrator.check.claims.reading import Reading
from narrator.check.claims.runs import first_months, month_spans, run_label, seasons
from narrator.check.claims.sentence_year import year_of
from narrator.check.text.dates import When, resolve_year

#: The 12 months to the reporting month, said as a span of time back from it.
_LAST_YEAR = re.compile(
    r"(?:over\s+|(?:each\s+of\s+)?the\s+(?:last|past)\s+)(?:12|twelve)\s+months", re.IGNORECASE
)


#: The rolling year before the one the sentence is about.
_YEAR_BEFORE = re.compile(r"the\s+(?:previous|preceding|prior)\s+(?:12|twelve)\s+months", re.I)
_TWELVE = re.compile(r"(?:12|twelve)\s+months", re.IGNORECASE)
_BEFORE = re.compile(r"\s+(?:before|earlier|previously)\b", re.IGNORECASE)


#: Words before a period that make it the one a figure is compared with.
_COMPARED_WITH = re.compile(
    r"\b(?:compared\s+(?:to|with)|against|than|from|on|versus)\b(?:[^.;]|\.\d){0,25}$",
    re.IGNORECASE,
)


_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


def _a_year_before(item: Item, text: str) -> bool:
    """ "the 12 months before", "twelve months earlier": the rolling year a year back."""
    return bool(
        _TWELVE.search(item.text) and not item.text.lower().startswith(("over", "the last"))
    ) and bool(_BEFORE.match(text, item.end))


def _listed(named: Named | None) -> list[Named]:
    return [] if named is None else [named]


def _compared(item: Item, text: str) -> bool:
    return _COMPARED_WITH.search(text, max(0, item.start - 40), item.start) is not None


_SAME_STAGE = re.compile(r"\bsame\s+(?:stage|point|time)\s+(?:of|in|last)\s+$", re.I)
#: Before a month: words that say a year begins in it ("the financial year in April").
_YEAR_STARTS_IN = re.compile(
    r"\b(?:financial\s+year|year)\s+(?:in|from|(?:which\s+)?(?:began|begins|started|starts)"
    r"(?:\s+in)?)\s+$"
    # "a series which goes back to December 2017", "since records began in 2015": where a
    # series starts, not the period of a figure
    r"|\b(?:go(?:es)?|going|went|dat(?:es|ing))\s+back\s+to\s+$"
    r"|\b(?:records|series|data)\s+(?:began|begin|started|start)(?:\s+in)?\s+$",
    re.IGNORECASE,
)
#: "Since January, ...", "and since April": "since" opening a clause, not "highest since".
_SINCE_OPENS = re.compile(
    r"(?:^|[,;:(]|\band|\bbut|\bthough)\s*since\s+$"
    # "5,948 since 1 April", "412 crimes since April": a count of the months since
    r"|(?<![\d,.])\d[\d,]*(?:\s+[a-z]+)?\s+since\s+$",
    re.IGNORECASE,
)


#: After the date of "the highest since": that month's own figure, in brackets ("since
#: January (73)") or in a clause of its own ("since June 2017, when there were 70").
_MONTHS_OWN_FIGURE = re.compile(
    r"\s*\(\s*[£]?\d[\d,]*(?:\.\d+)?%?\s*\)"
    r"|,?\s+when\s+(?:there\s+(?:were|was)|it\s+(?:was|stood\s+at)|the\s+(?:figure|total|rate)"
    # not "..., when it was 25: 26", where the figure after the colon is the month's own
    r"\s+was)\s+(?:[a-z]+\s+)?[£]?\d[\d,]*(?:\.\d+)?%?(?![\d%]|[.,]\d|\s*:)"
    # "since March, when 30 thefts were recorded"
    r"|,?\s+when\s+(?:only\s+|just\s+)?[£]?\d[\d,]*(?:\.\d+)?%?\s+(?:[a-z]+\s+){0,3}?"
    r"(?:were|was)\s+(?:recorded|reported|logged|made|solved|carried\s+out)\b",
    re.IGNORECASE,
)


def _since_month(reading: Reading, item: Item, text: str, s0: int) -> Named | None:
    """ "Since January, the total is 729": the months from the one named to the paper's."""
    rm = reading.reporting
    if rm is None or item.label != "DATE" or item.mark is None:
        return None
    if not _SINCE_OPENS.search(text[s0 : item.start]):
        return None
    start: When = item.mark.data["start"]
    # "Since 1 April": from the first of a month is from the month.
    if start.day not in (None, 1) or start.month is None or start != item.mark.data["end"]:
        return None
    first = month_index(reading, When(start.year, start.month), text, item)
    if first is None or not 0 < rm - first < 12:
        return None
    label = f"{months.iso(first)}..{months.iso(rm)}"
    return Named(item.start, item.end, label, text[item.start : item.end], "run")


def _year_before(
    found: list[Named], item: Item, rm: int, *, compared: bool = True, carried: str | None = None
) -> Named | None:
    """The 12 months before the rolling year already named in the sentence, or before the
    latest one when the period is what a figure is ``compared`` with ("against 9.4% in the
    previous 12 months"); else the latest ("In the previous 12 months there were ...")."""
    rolling = [p for p in found if p.label.startswith("R12:")]
    if not rolling and any(p.kind in ("month", "discrete") for p in found):
        # "23 in October, against a monthly average over the previous 12 months of 11":
        # the months before the month, which no label names.
        return None
    if not rolling and compared:
        return Named(item.start, item.end, f"R12:{months.iso(rm - 12)}", item.text, "rolling")
    if not rolling and (carried or "").startswith("R12:"):
        # "The rolling rate is 9.8%. For the preceding 12 months it stood at 11.3%": the
        # year before the one the sentence before spoke of.
        end = months.parse(str(carried)[4:]) - 12
        return Named(item.start, item.end, f"R12:{months.iso(end)}", item.text, "rolling")
    if not rolling:
        # "In the previous 12 months there were ...": no year before it, the latest one.
        return Named(item.start, item.end, f"R12:{months.iso(rm)}", item.text, "rolling-marker")
    end = months.parse(rolling[-1].label[4:]) - 12
    return Named(item.start, item.end, f"R12:{months.iso(end)}", item.text, "rolling")


def _period_item(
    reading: Reading, sentence: Sentence, item: Item, found: list[Named]
) -> list[Named]:
    """The period a PERIOD entity names: a rolling year to a month, the one before the
    rolling year named, or the 12 months to the paper's month."""
    text, rm, data = sentence.text, reading.reporting, item.mark.data if item.mark else {}
    if rm is not None and _a_year_before(item, text):
        return _listed(_year_before(found, item, rm))
    if data.get("kind") == "rolling":
        end: When | None = data.get("end")
        if end is not None:
            m = month_index(reading, end, text, item)
            if m is None:
                return []
            return [Named(item.start, item.end, f"R12:{months.iso(m)}", item.text, "rolling")]
        if rm is None:
            return []
        label = f"R12:{months.iso(rm)}"
        return [Named(item.start, item.end, label, item.text, "rolling-marker")]
    if rm is not None and _YEAR_BEFORE.fullmatch(item.text):
        carried = sentence.context.period
        return _listed(
            _year_before(found, item, rm, compared=_compared(item, text), carried=carried)
        )
    if data.get("kind") == "last" and data.get("unit") in ("day", "week"):
        # "In the last 7 days there were 131 searches": days narrator keeps no total of.
        label = f"DAYS:{data.get('count')}{data['unit']}"
        return [Named(item.start, item.end, label, item.text, "days")]
    if rm is not None and _LAST_YEAR.fullmatch(item.text):
        # "over 12 months", "in the last 12 months": the 12 months to the month.
        label = f"R12:{months.iso(rm)}"
        return [Named(item.start, item.end, label, item.text, "rolling-marker")]
    return []


def _year_item(reading: Reading, sentence: Sentence, item: Item) -> list[Named]:
    """The period a financial or calendar year names: the year, or "the same stage of
    2018/19" (that year to the same month); none for "the same month in 2019"."""
    text, s0, rm = sentence.text, sentence.start, reading.reporting
    assert item.mark is not None
    data = item.mark.data
    if item.label == "YEAR":
        if _SAME_MONTH_IN.search(text, max(s0, item.start - 30), item.start):
            return []  # "down on the same month in 2019": the month compared with
        return [Named(item.start, item.end, f"CY:{data['year']}", item.text, "year")]
    label = f"FY:{data['start_year']}"
    if rm is not None and _SAME_STAGE.search(text, max(s0, item.start - 30), item.start):
        # "than at the same stage of 2018/19": that year to the same month.
        back = months.year(months.fy_start(rm)) - int(data["start_year"])
        if 0 < back < 5:
            label = f"YTD:{months.iso(rm - 12 * back)}"
    return [Named(item.start, item.end, label, item.text, "fy")]


def named_periods(
    reading: Reading, sentence: Sentence, target_spans: set[tuple[int, int]]
) -> list[Named]:
    """Every period the sentence names, in order, but for what it compares with."""
    text, s0 = sentence.text, sentence.start
    found: list[Named] = []
    rm = reading.reporting
    for item in sentence.items:
        if (item.start, item.end) in target_spans:
            continue
        mark = item.mark
        if item.label == "PERIOD" and mark is not None:
            found.extend(_period_item(reading, sentence, item, found))
        elif item.label == "SPAN" and rm is not None and _a_year_before(item, text):
            # "against 371 in the 12 months before": the rolling year a year earlier.
            found.extend(_listed(_year_before(found, item, rm)))
        elif item.label in ("DATE", "FY", "YEAR") and _SINCE.search(
            text, max(s0, item.start - 20), item.start
        ):
            run = _since_month(reading, item, text, s0)
            if run is not None:
                found.append(run)
            elif item.label == "DATE" and _MONTHS_OWN_FIGURE.match(text, item.end):
                # "the highest since January (73)": the month's own figure follows it
                before = text[max(s0, item.start - 20) : item.start]
                dated = date_period(reading, item, text, before, year_of(sentence))
                if dated and not dated.startswith("D:"):
                    found.append(Named(item.start, item.end, dated, item.text, "month"))
            # else "the first fall since 2016/17": when a run began, no figure's period
            continue
        elif item.label == "DATE" and _YEAR_STARTS_IN.search(
            text, max(s0, item.start - 30), item.start
        ):
            continue  # "since the start of the financial year in April": when it began
        elif item.label == "DATE":
            before = text[max(s0, item.start - 20) : item.start]
            dated = date_period(reading, item, text, before, year_of(sentence))
            if dated:
                kind = "day" if dated.startswith("D:") else "month"
                if kind == "month" and DISCRETE.search(text[item.start : item.end + 25]):
                    kind = "discrete"
                found.append(Named(item.start, item.end, dated, item.text, kind))
        elif item.label in ("FY", "YEAR") and mark is not None:
            if _YEAR_STARTS_IN.search(text, max(s0, item.start - 30), item.start):
                continue  # "since our records start in 2015": where a series begins
            found.extend(_year_item(reading, sentence, item))
        elif item.label == "LEX" and rm is not None:
            named = _lexicon_period(sentence, item, rm)
            if named is not None:
                found.append(named)
    found.extend(seasons(text, s0, sentence.end))
    found.extend(first_months(text, s0, sentence.end, rm))
    found.extend(_month_after(found, text, s0, sentence.end))
    headed = _MONTH_LABEL.match(text, s0)
    if headed is not None and rm is not None:
        # "Month: 807 v 691 (+16.8%)": a line of a summary headed by the month it gives.
        found.append(Named(s0, headed.end(1), months.iso(rm), headed.group(1), "discrete"))
    found.sort()
    return _year_to_date(month_spans(found, text), text)


#: "the following month", "the month after": the month after the one just named.
_MONTH_AFTER = re.compile(r"\bthe\s+(?:following|next)\s+month\b|\bthe\s+month\s+after\b", re.I)


def _month_after(found: list[Named], text: str, start: int, end: int) -> list[Named]:
    """ "October 2019 was the busiest month ...; the following month was the quietest":
    the month after the last month the sentence named before the words."""
    out = []
    for said in _MONTH_AFTER.finditer(text, start, end):
        named = [n for n in found if n.end <= said.start() and months.is_month(n.label)]
        if named:
            label = months.iso(months.parse(max(named).label) + 1)
            out.append(Named(said.start(), said.end(), label, said.group(0), "month"))
    return out


_SAME_MONTH_IN = re.compile(
    r"\bsame\s+(?:month|(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+)?"
    r"months)\s+(?:in|of)\s+$",
    re.I,
)


#: Words the lexicon counts as rolling that name the rolling year by themselves.
_ROLLING_MARKERS = frozenset(
    (
        *("r12", "in the last year", "over the last year", "in the past year"),
        *("over the past year", "in the latest year", "over the latest year"),
        "in the most recent year",
    )
)


_OVER_THE = re.compile(r"\b(?:over|in|across|during)\s+the\s+$", re.IGNORECASE)


def _lexicon_period(sentence: Sentence, item: Item, rm: int) -> Named | None:
    """A period the lexicon names ("year to date", "this financial year", "the month")."""
    text, s0, items = sentence.text, sentence.start, sentence.items
    key = item.key
    if key.startswith("comparison:") and is_period_phrase(text, item, s0):
        key = "period:month"
    if key == "period:rolling" and (
        item.text.lower() in _ROLLING_MARKERS
        # "over the rolling year there were 3,149" (not "for the rolling year, compared
        # with ... the year to June 2018", where the words after say which year)
        or (
            item.text.lower() == "rolling year"
            and _OVER_THE.search(text, max(s0, item.start - 16), item.start) is not None
        )
    ):
        # "R12 9.9%", "349 assaults in the last year": the rolling 12 months to the month.
        return Named(item.start, item.end, f"R12:{months.iso(rm)}", item.text, "rolling-marker")
    if key == "period:year_to_date":
        return Named(item.start, item.end, f"YTD:{months.iso(rm)}", item.text, "ytd")
    if (
        key == "period:financial_year"
        and not any(i.label == "FY" and abs(i.end - item.start) < 4 for i in items)
        and not OCCURRENCE.search(text[max(s0, item.start - 40) : item.end])
    ):
        fy = months.year(months.fy_start(rm))
        return Named(item.start, item.end, f"FY:{fy}", item.text, "fy")
    if key == "period:month" and item.text.lower() != "last month":
        if re.search(r"(?:’s|'s)\s+$", text[max(s0, item.start - 4) : item.start]):
            return None  # "September's discrete month figure": September says when
        return Named(item.start, item.end, months.iso(rm), item.text, "discrete")
    if key == "period:month":
        before = text[max(s0, item.start - 12) : item.start]
        if not re.search(r"\b(?:than|on|from|with|since)\s+$", before, re.I):
            return Named(item.start, item.end, months.iso(rm), item.text, "discrete")
    return None


def _month_run(reading: Reading, start: When, end: When, text: str, item: Item) -> str | None:
    """ "January to September 2019": the run of months, labelled "2019-01..2019-09"; twelve
    of them are the rolling year to the last ("R12:2019-09")."""
    if start.month is None or end.month is None or end.day is not None:
        return None
    last = month_index(reading, end, text, item)
    if last is None:
        return None
    first_year = start.year if start.year is not None else months.year(last)
    first = first_year * 12 + start.month - 1
    if first > last:
        first -= 12  # "November to February": the November before
    if not 0 < last - first <= 11:
        return None
    return run_label(first, last)


def date_period(
    reading: Reading, item: Item, text: str, before: str, year: int | None = None
) -> str | None:
    """A DATE entity as a period label: "2019-10", or "D:2019-11-26" for a day; a yearless
    one takes ``year``, the calendar year its sentence is about, if given."""
    mark = item.mark
    if mark is None:
        return None
    start: When = mark.data["start"]
    end: When = mark.data["end"]
    if start.month is None:
        return None
    if start != end and start.day is None:
        return _month_run(reading, start, end, text, item)
    written = start.year is not None or year is not None
    when = resolve(reading, start if year is None else start.with_year(year), text, item)
    if when.year is None or when.month is None:
        return None
    if when.day is not None:
        return f"D:{when.year:04d}-{when.month:02d}-{when.day:02d}"
    edge = START_END.search(before)
    if not edge and not written:
        when = _not_ahead(reading, when, text, item)
    if edge:
        if edge.group(1).lower() == "end":
            last = when.last_day()
            assert last is not None
            return f"D:{last.isoformat()}"
        return f"D:{when.year:04d}-{when.month:02d}-01"
    return f"{when.year:04d}-{when.month:02d}"


#: A line that starts by saying it gives the month: "Month:", "Find rate, month:".
_MONTH_LABEL = re.compile(
    r"\s*(?:[^:\n]{0,60}?[,–-]\s*)?((?:this\s+|in\s+|latest\s+|current\s+)?month)\s*:", re.I
)
#: How many months past the reporting month a yearless month may be read as, in a clause
#: about what is to come ("will report in January"); a figure's month is never after it.
_AHEAD = 2
#: Words that rank a month among the months reported: it is one of them, never ahead.
_RANKED_MONTH = re.compile(
    r"\b(?:highest|lowest|busiest|quietest|peak|worst|best)\b", re.IGNORECASE
)
#: A figure's month may be the one after the reporting month (a slip the month check finds).
_NEXT = 1


def resolve(reading: Reading, when: When, text: str, item: Item) -> When:
    """A day or month as written, with its year: its own, "of last year", or the nearest."""
    if when.year is not None:
        return when
    relative = RELATIVE_YEAR.match(text[item.end : item.end + 20])
    if relative:
        base = reading.paper_date.year if reading.paper_date else reading.anchor.year
        return when.with_year(base + RELATIVE[relative.group(1).lower()])
    resolved = resolve_year(when, reading.anchor)
    index = resolved.month_index()
    if (
        _LAST_BEFORE.search(text, max(0, item.start - 6), item.start)
        and reading.reporting is not None
        and index is not None
        and resolved.year is not None
        and index >= reading.reporting
    ):
        # "above last June" in a paper on June: the June before the paper's.
        return resolved.with_year(resolved.year - 1)
    return resolved


_LAST_BEFORE = re.compile(r"\blast\s+$", re.IGNORECASE)


def month_index(reading: Reading, when: When, text: str, item: Item) -> int | None:
    """The month a day or month as written is in, as a month index, if it names one."""
    if when.year is not None:
        return when.month_index()
    return _not_ahead(reading, resolve(reading, when, text, item), text, item).month_index()


def _not_ahead(reading: Reading, when: When, text: str, item: Item) -> When:
    """A yearless month (``when``, its year given by :func:`resolve`) read as the one
    before when the nearest is after the reporting
    month: "the financial year began in April", in a paper on November, "the quietest was
    January" in one on December. A clause about what is to come ("will report in January")
    may look a month or two ahead."""
    index = when.month_index()
    if reading.reporting is None or index is None or when.year is None or when.day is not None:
        return when
    if RELATIVE_YEAR.match(text[item.end : item.end + 20]):
        return when  # "June next year": its year is said
    future = FUTURE.search(text, max(0, item.start - 80), item.end + 40) is not None
    ahead = _AHEAD if future else _NEXT
    if _RANKED_MONTH.search(text, max(0, item.start - 60), item.end + 60):
        ahead = 0  # "January was the lowest": a month of the months the paper has figures of
    return when.with_year(when.year - 1) if index > reading.reporting + ahead else when


#: Between a year and the day its figures run to: "2019 (to the end of October)",
#: "2019 to 1st November".
_UP_TO = re.compile(
    r"[\s(,]*(?:to|up\s+to|until|through)\s+(?:the\s+(?:end|start)\s+of\s+)?", re.IGNORECASE
)


def _year_to_date(found: list[Named], text: str) -> list[Named]:
    """A year followed by the day its figures run to is the calendar year to date, labelled
    as the fact model labels it ("CY:2019:2019-10"), the day no period of its own."""
    out: list[Named] = []
    skip: set[int] = set()
    for i, period in enumerate(found):
        if i in skip:
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        if (
            period.kind == "year"
            and following is not None
            and following.kind == "day"
            and _UP_TO.fullmatch(text[period.end : following.start])
        ):
            day = date.fromisoformat(following.label[2:])
            # The figures run to the last whole month: the end of October is October,
            # the 1st (or the start) of November is October too.
            last = day.year * 12 + day.month - 1
            if (day + timedelta(days=1)).day != 1:
                last -= 1
            label = f"{period.label}:{months.iso(last)}"
            span_text = text[period.start : following.end]
            out.append(Named(period.start, following.end, label, span_text, "year"))
            skip.add(i + 1)
            continue
        out.append(period)
    return out
