"""When things happen: the periods of figures, the dates of events, streaks and
references, read for :class:`~narrator.check.reading.SentenceReader`."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from narrator import months
from narrator.check.grammar import (
    CLAUSE_BREAK,
    DISCRETE,
    FUTURE,
    OCCURRENCE,
    OUTLIER,
    PAST,
    RECORD,
    RELATIVE,
    RELATIVE_YEAR,
    SINCE,
    START_END,
    STREAK_HINT,
    relative_period,
)
from narrator.check.parts import (
    DirectionWord,
    Draft,
    Item,
    Target,
    is_period_phrase,
    nearest,
    replace,
)
from narrator.check.text.dates import When, month_number, ordinal_value, resolve_year

if TYPE_CHECKING:
    from narrator.check.tokens.reader import Reader


class TimeReading:
    """Periods, dates, streaks and references of a sentence (a part of the sentence reader)."""

    reader: Reader
    reporting: int | None
    paper_date: date | None
    anchor: date

    def _periods(
        self,
        text: str,
        items: list[Item],
        target_spans: set[tuple[int, int]],
        s0: int,
        s1: int,
    ) -> list[tuple[int, int, str, str, str]]:
        """(start, end, label, text, kind) of every period the sentence names."""
        found: list[tuple[int, int, str, str, str]] = []
        rm = self.reporting
        for item in items:
            if (item.start, item.end) in target_spans:
                continue
            mark = item.mark
            if item.label == "PERIOD" and mark is not None:
                data = mark.data
                if data.get("kind") == "rolling":
                    end: When | None = data.get("end")
                    if end is not None:
                        m = self._month_index(end, text, item)
                        if m is not None:
                            found.append(
                                (item.start, item.end, f"R12:{months.iso(m)}", item.text, "rolling")
                            )
                    elif rm is not None:
                        found.append(
                            (
                                item.start,
                                item.end,
                                f"R12:{months.iso(rm)}",
                                item.text,
                                "rolling-marker",
                            )
                        )
            elif item.label == "DATE":
                before = text[max(s0, item.start - 20) : item.start]
                if re.search(r"\bsince\s+(?:the\s+)?$", before, re.IGNORECASE):
                    continue
                label = self._date_period(item, text, before)
                if label:
                    kind = "day" if label.startswith("D:") else "month"
                    if kind == "month" and DISCRETE.search(text[item.start : item.end + 25]):
                        kind = "discrete"
                    found.append((item.start, item.end, label, item.text, kind))
            elif item.label == "FY" and mark is not None:
                found.append(
                    (item.start, item.end, f"FY:{mark.data['start_year']}", item.text, "fy")
                )
            elif item.label == "YEAR" and mark is not None:
                found.append((item.start, item.end, f"CY:{mark.data['year']}", item.text, "year"))
            elif item.label == "LEX" and rm is not None:
                key = item.key
                if key.startswith("comparison:") and is_period_phrase(text, item, s0):
                    key = "period:month"
                if key == "period:year_to_date":
                    found.append((item.start, item.end, f"YTD:{months.iso(rm)}", item.text, "ytd"))
                elif (
                    key == "period:financial_year"
                    and not any(i.label == "FY" and abs(i.end - item.start) < 4 for i in items)
                    and not OCCURRENCE.search(text[max(s0, item.start - 40) : item.end])
                ):
                    fy = months.year(months.fy_start(rm))
                    found.append((item.start, item.end, f"FY:{fy}", item.text, "fy"))
                elif key == "period:month" and item.text.lower() != "last month":
                    if re.search(r"(?:’s|'s)\s+$", text[max(s0, item.start - 4) : item.start]):
                        continue  # "September's discrete month figure": September says when
                    found.append((item.start, item.end, months.iso(rm), item.text, "discrete"))
                elif key == "period:month":
                    before = text[max(s0, item.start - 12) : item.start]
                    if not re.search(r"\b(?:than|on|from|with|since)\s+$", before, re.I):
                        found.append((item.start, item.end, months.iso(rm), item.text, "discrete"))
        found.sort()
        return _year_to_date(found, text)

    def _date_period(self, item: Item, text: str, before: str) -> str | None:
        """A DATE entity as a period label: "2019-10", or "D:2019-11-26" for a day."""
        mark = item.mark
        if mark is None:
            return None
        start: When = mark.data["start"]
        end: When = mark.data["end"]
        if start.month is None or (start != end and start.day is None):
            return None
        when = self._resolve(start, text, item)
        if when.year is None or when.month is None:
            return None
        if when.day is not None:
            return f"D:{when.year:04d}-{when.month:02d}-{when.day:02d}"
        edge = START_END.search(before)
        if edge:
            if edge.group(1).lower() == "end":
                last = when.last_day()
                assert last is not None
                return f"D:{last.isoformat()}"
            return f"D:{when.year:04d}-{when.month:02d}-01"
        return f"{when.year:04d}-{when.month:02d}"

    def _resolve(self, when: When, text: str, item: Item) -> When:
        if when.year is not None:
            return when
        relative = RELATIVE_YEAR.match(text[item.end : item.end + 20])
        if relative:
            base = self.paper_date.year if self.paper_date else self.anchor.year
            return when.with_year(base + RELATIVE[relative.group(1).lower()])
        return resolve_year(when, self.anchor)

    def _month_index(self, when: When, text: str, item: Item) -> int | None:
        resolved = self._resolve(when, text, item)
        return resolved.month_index()

    def _streaks(
        self,
        text: str,
        sentence: str,
        s0: int,
        items: list[Item],
        directions: list[DirectionWord],
        base: dict[str, Any],
        measure_for: Any,
        area_for: Any,
        period_for: Any,
        clause_of: Any,
    ) -> list[Draft]:
        found: list[Draft] = []
        spans: list[tuple[int, int, dict[str, Any]]] = []
        hinted = STREAK_HINT.search(sentence) is not None
        for item in items:
            if item.label in ("STREAK", "MONTHCOUNT") and item.mark is not None:
                data = item.mark.data
                if item.label == "STREAK":
                    spans.append((item.start, item.end, {"streak": data.get("count")}))
                else:
                    spans.append(
                        (item.start, item.end, {"months_of": (data.get("count"), data.get("of"))})
                    )
        for match in SINCE.finditer(sentence) if hinted else ():
            month = month_number(match.group(1))
            assert month is not None
            spans.append(
                (
                    s0 + match.start(),
                    s0 + match.end(),
                    {"since": f"{int(match.group(2)):04d}-{month:02d}"},
                )
            )
        for match in OCCURRENCE.finditer(sentence) if hinted else ():
            spans.append(
                (
                    s0 + match.start(),
                    s0 + match.end(),
                    {"occurrence": ordinal_value(match.group(1))},
                )
            )
        for match in RECORD.finditer(sentence) if hinted else ():
            record = (match.group(2) or match.group(3) or "").lower()
            spans.append((s0 + match.start(), s0 + match.end(), {"record": record}))
        for start, end, fields in spans:
            mid, mtext, msource, mhead, rolling = measure_for(start)
            direction = nearest(directions, start, clause_of)
            if "months_of" in fields:
                # "on a long term upward trajectory: in 10 of the last 12 months levels were
                # lower than...": the count's own direction follows it.
                after = [d for d in directions if d.start >= end and d.start - end < 60]
                if after and clause_of(after[0].start) == clause_of(start):
                    direction = after[0]
            period, ptext = period_for(start, rolling, False)
            area, atext = area_for(start)
            claim = Draft(
                kind="streak",
                text=text[start:end],
                span=(start, end),
                measure=mid,
                measure_text=mtext,
                measure_from=msource,
                measure_head=mhead,
                area=area,
                area_text=atext,
                period=period,
                period_text=ptext,
                **base,
                **fields,
            )
            if direction is not None:
                claim = with_direction(claim, direction, self, period)
            found.append(claim)
        for match in OUTLIER.finditer(sentence) if hinted else ():
            start = s0 + match.start()
            mid, mtext, msource, mhead, rolling = measure_for(start)
            area, atext = area_for(start)
            period, ptext = period_for(start, rolling, False)
            found.append(
                Draft(
                    kind="outlier",
                    text=match.group(0),
                    span=(start, s0 + match.end()),
                    measure=mid,
                    measure_text=mtext,
                    measure_from=msource,
                    area=area,
                    area_text=atext,
                    period=period,
                    period_text=ptext,
                    **base,
                )
            )
        return found

    def _references_and_dates(self, text, items, s0, s1, base) -> list[Draft]:  # type: ignore[no-untyped-def]
        found: list[Draft] = []
        for item in items:
            if item.label == "XREF" and item.mark is not None:
                found.append(
                    Draft(
                        kind="xref",
                        text=item.text,
                        span=(item.start, item.end),
                        target=item.mark.data["target"],
                        target_where=item.mark.data.get("where"),
                        **base,
                    )
                )
            elif item.label == "DATE" and item.mark is not None:
                found.append(self._date_claim(text, item, s0, s1, base))
        return found

    def _date_claim(self, text, item, s0, s1, base) -> Draft:  # type: ignore[no-untyped-def]
        assert item.mark is not None
        start: When = item.mark.data["start"]
        end: When = item.mark.data["end"]
        clause_start = max(
            [s0] + [s0 + m.end() for m in CLAUSE_BREAK.finditer(text[s0 : item.start])]
        )
        following = [s0 + m.start() for m in CLAUSE_BREAK.finditer(text[item.end : s1])]
        clause_end = item.end + (following[0] - s0) if following else s1
        clause = text[clause_start:clause_end]
        tense = "future" if FUTURE.search(clause) else "past" if PAST.search(clause) else None
        explicit = start.year is not None
        first = self._resolve(start, text, item)
        last = end
        if end.year is None and first.year is not None:
            # "the 2-6th of December": the end takes the start's year (or the next one).
            last = end.with_year(
                first.year if (end.month or 0) >= (first.month or 0) else first.year + 1
            )
        try:
            first_day, last_day = first.first_day(), last.last_day()
        except ValueError:
            first_day = last_day = None
        return Draft(
            kind="date",
            text=item.text,
            span=(item.start, item.end),
            tense=tense,
            date_first=first_day,
            date_last=last_day,
            date_explicit_year=explicit,
            **base,
        )


def with_direction(
    claim: Draft, direction: DirectionWord, reader: TimeReading, period: str | None
) -> Draft:
    target = direction.targets[0] if direction.targets else None
    fields: dict[str, Any] = {
        "direction": direction.direction,
        "judgement": direction.judgement,
        "magnitude": direction.magnitude,
        "significant": direction.significant,
    }
    if target is not None:
        fields.update(target_fields(target, period, reader))
    return replace(claim, **fields)


def target_fields(target: Target, period: str | None, reader: TimeReading) -> dict[str, Any]:
    """The comparison fields of a claim compared with ``target``."""
    fields: dict[str, Any] = {"comparison_text": target.text, "comparison": target.key}
    if target.key in ("period", "financial_year") and target.period:
        fields["reference_period"] = target.period
        if (
            target.key == "period"
            and period is not None
            and period.startswith("R12:")
            and re.fullmatch(r"\d{4}-\d{2}", target.period)
        ):
            # "up on March 2016": a month compared with a month, whatever the context says.
            period = period[4:]
            fields["period"] = period
        fields["comparison"] = relative_period(period, target.period) or target.key
    elif target.key == "area":
        fields["reference_area"] = target.area
    elif target.key == "measure":
        mid, _ = reader.reader.measures.resolve(target.words)
        fields["reference_measure"] = mid
    return fields


#: Between a year and the day its figures run to: "2019 (to the end of October)",
#: "2019 to 1st November".
_UP_TO = re.compile(
    r"[\s(,]*(?:to|up\s+to|until|through)\s+(?:the\s+(?:end|start)\s+of\s+)?", re.IGNORECASE
)


def _year_to_date(
    found: list[tuple[int, int, str, str, str]], text: str
) -> list[tuple[int, int, str, str, str]]:
    """A year followed by the day its figures run to is the calendar year to date, labelled
    as the fact model labels it ("CY:2019:2019-10"), the day no period of its own."""
    out: list[tuple[int, int, str, str, str]] = []
    skip: set[int] = set()
    for i, period in enumerate(found):
        if i in skip:
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        if (
            period[4] == "year"
            and following is not None
            and following[4] == "day"
            and _UP_TO.fullmatch(text[period[1] : following[0]])
        ):
            day = date.fromisoformat(following[2][2:])
            # The figures run to the last whole month: the end of October is October,
            # the 1st (or the start) of November is October too.
            last = day.year * 12 + day.month - 1
            if (day + timedelta(days=1)).day != 1:
                last -= 1
            label = f"{period[2]}:{months.iso(last)}"
            out.append((period[0], following[1], label, text[period[0] : following[1]], "year"))
            skip.add(i + 1)
            continue
        out.append(period)
    return out
