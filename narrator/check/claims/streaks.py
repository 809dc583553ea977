"""Runs, records and outliers: "for 29 consecutive months", "in 11 of the last 12 months",
"for the first time since April 2017", "for the second time this financial year", "a 12
month high", "stands out" as claims."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from narrator.check.claims.area_of import area_for
from narrator.check.claims.context import measure_for, period_for
from narrator.check.claims.directions import with_direction
from narrator.check.claims.grammar import OCCURRENCE, OUTLIER, RECORD, SINCE, STREAK_HINT
from narrator.check.claims.model import Claim, new_claim
from narrator.check.claims.pairing import nearest
from narrator.check.claims.pieces import DirectionWord, Sentence
from narrator.check.claims.reading import Reading
from narrator.check.text.dates import month_number, ordinal_value


def streak_claims(reading: Reading, sentence: Sentence) -> list[Claim]:
    """The runs of months, records and outliers a sentence names, in order."""
    found: list[Claim] = []
    hinted = STREAK_HINT.search(sentence.lowered) is not None
    for start, end, fields in _runs(sentence, hinted):
        mid, mtext, msource, mhead, rolling = measure_for(reading, sentence, start)
        directions = sentence.directions
        direction = nearest(directions, start, sentence.clause_of)
        if "months_of" in fields:
            # "on a long term upward trajectory: in 10 of the last 12 months levels were
            # lower than...": the count's own direction follows it.
            after = [d for d in directions if d.start >= end and d.start - end < 60]
            if after and sentence.clause_of(after[0].start) == sentence.clause_of(start):
                direction = after[0]
        period, ptext = period_for(reading, sentence, start, rolling, False)
        area, atext = area_for(reading, sentence, start)
        claim = new_claim(
            kind="streak",
            text=sentence.text[start:end],
            span=(start, end),
            measure=mid,
            measure_text=mtext,
            measure_from=msource,
            measure_head=mhead,
            area=area,
            area_text=atext,
            period=period,
            period_text=ptext,
            **sentence.base(),
            **fields,
        )
        broken = _broken_run(sentence, end) if "since" in fields else None
        if broken is not None:
            broken.taken = True  # the run's old direction, not the claim's own
            claim = replace(claim, broken=broken.direction)
            if direction is broken:
                direction = None
        if direction is not None:
            claim = with_direction(reading, claim, direction, period)
        found.append(claim)
    if hinted:
        found.extend(_outliers(reading, sentence))
    return found


#: Between "the first time since April 2017" and a negated direction: "that it has not".
_NEGATED = re.compile(r"\s*,?\s*(?:that|when)\b[^,;()]{0,40}?\bnot\s+$", re.IGNORECASE)


def _broken_run(sentence: Sentence, end: int) -> DirectionWord | None:
    """ "the first time since April 2017 that it has not fallen": the direction word of the
    run this month broke, if the words after the "first time since" say one."""
    for word in sentence.directions:
        if word.start < end or word.direction not in ("up", "down"):
            continue
        between = sentence.text[end : word.start]
        return word if _NEGATED.fullmatch(between) else None
    return None


def _runs(sentence: Sentence, hinted: bool) -> list[tuple[int, int, dict[str, Any]]]:
    """Where each run, count of months, first time since, occurrence or record is, and
    what it says."""
    s0, string = sentence.start, sentence.string
    spans: list[tuple[int, int, dict[str, Any]]] = []
    for item in sentence.items:
        if item.label in ("STREAK", "MONTHCOUNT") and item.mark is not None:
            data = item.mark.data
            if item.label == "STREAK":
                spans.append((item.start, item.end, {"streak": data.get("count")}))
            else:
                spans.append(
                    (item.start, item.end, {"months_of": (data.get("count"), data.get("of"))})
                )
    if not hinted:
        return spans
    for match in SINCE.finditer(string):
        month = month_number(match.group(1))
        assert month is not None
        since = f"{int(match.group(2)):04d}-{month:02d}"
        spans.append((s0 + match.start(), s0 + match.end(), {"since": since}))
    for match in OCCURRENCE.finditer(string):
        occurrence = ordinal_value(match.group(1))
        spans.append((s0 + match.start(), s0 + match.end(), {"occurrence": occurrence}))
    for match in RECORD.finditer(string):
        record = (match.group(2) or match.group(3) or "").lower()
        spans.append((s0 + match.start(), s0 + match.end(), {"record": record}))
    return spans


def _outliers(reading: Reading, sentence: Sentence) -> list[Claim]:
    """ "a clear outlier", "stands out": a claim that an area stands out among its peers."""
    found: list[Claim] = []
    s0 = sentence.start
    for match in OUTLIER.finditer(sentence.string):
        start = s0 + match.start()
        mid, mtext, msource, _, rolling = measure_for(reading, sentence, start)
        area, atext = area_for(reading, sentence, start)
        period, ptext = period_for(reading, sentence, start, rolling, False)
        found.append(
            new_claim(
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
                **sentence.base(),
            )
        )
    return found
