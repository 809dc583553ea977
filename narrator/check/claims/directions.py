"""Directions: "fell", "higher than September", "improved" as claims about a measure's
change against what the sentence compares it with, and whether a direction word asserts a
change at all."""

from __future__ import annotations

import re
from typing import Any

from narrator.catalogue import Kind
from narrator.check.claims.area_of import area_for
from narrator.check.claims.context import Measured, measure_for, period_for
from narrator.check.claims.grammar import relative_period
from narrator.check.claims.model import Claim, new_claim, replace
from narrator.check.claims.pieces import DirectionWord, Sentence, Target
from narrator.check.claims.reading import Reading
from narrator.check.claims.words import CAUSE_BEFORE, area_list, explained, mention_of_change

#: Words before a direction that keep it from asserting a change of the present.
NOT_ASSERTED_BEFORE = re.compile(
    r"(?:\b(?:not|never|no\s+longer)|n[’']t|\bhaving|\b(?:may|might|could|would|should)"
    r"(?:\s+not)?(?:\s+(?:be|have|have\s+been|well|also|even))?|\b(?:possibly|perhaps)"
    # "this number will rise as investigations are completed", "is expected to fall": a
    # change to come, which no month's figures yet hold.
    r"|\b(?:will|shall|(?:un)?likely\s+to|expected\s+to|set\s+to|going\s+to|forecast\s+to"
    r"|projected\s+to|predicted\s+to|anticipated\s+to)(?:\s+(?:continue|start|begin)\s+to)?"
    r"(?:\s+(?:move|go|come|edge|tick|creep|drift|head|trend))?"
    r"(?:\s+(?:be|further|also|only|still))?)\s+$",
    re.IGNORECASE,
)


#: After a change noun, its size in points: "an improvement of 1.0 percentage point".
_IN_POINTS = re.compile(
    r"\s+of\s+(?:(?:about|around|almost|nearly|just\s+over|over)\s+)?[+\-−–]?\d+(?:\.\d+)?\s*"
    r"(?:percentage[\s-]points?|pp|ppts?|pts?|points?)\b",
    re.IGNORECASE,
)


def direction_claims(reading: Reading, sentence: Sentence) -> list[Claim]:
    """The directions a sentence says without a figure ("fell month on month")."""
    text, s0, ctx = sentence.text, sentence.start, sentence.context
    claims: list[Claim] = []
    seen: set[tuple[int, str | None, str | None, str | None]] = set()
    for d in sentence.directions:
        if d.taken:
            continue
        period: str | None
        ptext: str | None
        area: str | None
        if explained(text, d, s0) and ctx.measure is not None:
            # "The increase was driven by ... in South area": the change is the one the
            # sentence before stated, of its measure, area and period.
            mid, mtext, msource, mhead, _ = Measured(ctx.measure, ctx.text, "sentence", None, False)
            period, ptext = ctx.period, None
            # of the area the sentence before left, else the force's
            area, atext = ctx.area or reading.reader.areas.root.name, None
        elif not asserted(sentence, d) or _OVER_YEARS.match(text, d.end):
            # "has fallen in each of the last three years": a run of years, which the
            # figures do not measure as one change.
            continue
        else:
            near = mention_of_change(sentence.mentions, d.end, text)
            # "an improvement of 1.0 percentage point": a change in points is a rate's.
            unit = "points" if _IN_POINTS.match(text, d.end) else None
            mid, mtext, msource, mhead, rolling = measure_for(
                reading, sentence, d.start, unit, near=near
            )
            if mid is None or _rate_of_a_count(reading, text, d.start, s0, mid):
                continue
            period, ptext = period_for(reading, sentence, d.start, rolling, False)
            area, atext = area_for(reading, sentence, d.start)
        # "a steeper fall than the county's" in a sentence that names no other area: the
        # force is not compared with itself (an area named twice, "North outperforms
        # North", is).
        own = [t for t in d.targets if atext is not None or t.key != "area" or t.area != area]
        options: list[Target | None] = list(own) or [None]
        for target in options:
            key = (
                sentence.clause_of(d.start),
                d.direction or d.judgement,
                target.key if target else None,
                area,
            )
            if key in seen:
                continue
            seen.add(key)
            claim = new_claim(
                kind="direction",
                text=d.text,
                span=(d.start, d.end),
                measure=mid,
                measure_text=mtext,
                measure_from=msource,
                measure_head=mhead,
                area=area,
                area_text=atext,
                period=period,
                period_text=ptext,
                **sentence.base(),
            )
            one = DirectionWord(
                d.start,
                d.end,
                d.direction,
                d.judgement,
                d.text,
                d.magnitude,
                d.significant,
                [target] if target else [],
            )
            claim = with_direction(reading, claim, one, period)
            claims.extend(_of_each_area(sentence, d, claim, area, atext))
    return claims


#: "the rate has fallen", "The solved rate rose", "the rate ... rose": a rate is what the
#: direction is said of, just before its word.
_RATE_SUBJECT = re.compile(r"\brates?\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
_RATE_OPENS = re.compile(r"\s*(?:the\s+|its\s+|our\s+)?(?:[\w-]+\s+){0,2}rates?\b", re.IGNORECASE)


def _rate_of_a_count(reading: Reading, text: str, start: int, s0: int, measure: str) -> bool:
    """Whether a direction is said of a rate ("so the rate has fallen") while the measure
    read for it is a count ("recorded crime", named earlier in the sentence): the rate is of
    a measure the reader could not name, so it is not held to the count's change."""
    if not (
        _RATE_SUBJECT.search(text, max(s0, start - 40), start)
        # "The solved rate rose to 18.7% from 18.0%, an improvement of ...": the sentence's
        # subject
        or _RATE_OPENS.match(text, s0, start)
    ):
        return False
    return reading.reader.catalogue[measure].kind is not Kind.RATIO


def _of_each_area(
    sentence: Sentence, d: DirectionWord, claim: Claim, area: str | None, atext: str | None
) -> list[Claim]:
    """The claim of every area it is said of: "both areas", or a list of areas."""
    listed = area_list(sentence.text, sentence.areas, d.start) if atext is not None else []
    if sentence.multi and atext is None:
        return [replace(claim, area=n, area_text="both") for n in sentence.multi]
    if len(listed) >= 2 and any(a.key == area for a in listed):
        # "Huntingdonshire, Peterborough and Fenland have also seen higher...":
        # the same claim of every area of the list.
        return [replace(claim, area=a.key, area_text=a.text) for a in listed]
    return [claim]


def with_direction(
    reading: Reading, claim: Claim, direction: DirectionWord, period: str | None
) -> Claim:
    """The claim with the direction, judgement, magnitude and significance a direction word
    says, and the comparison of its nearest target ("34 fewer than in August and 10.0% below
    September 2018": "below" is against September 2018)."""
    target = (
        min(
            direction.targets,
            key=lambda t: max(t.start - direction.end, direction.start - t.end),
        )
        if direction.targets
        else None
    )
    fields: dict[str, Any] = {
        "direction": direction.direction,
        "judgement": direction.judgement,
        "magnitude": direction.magnitude,
        "significant": direction.significant,
    }
    if target is not None:
        fields.update(target_fields(reading, target, period))
    return replace(claim, **fields)


_OVER_YEARS = re.compile(
    r"\s+(?:in\s+each\s+of\s+the\s+(?:last|past|previous)\s+\w+\s+years"
    r"|(?:for|in)\s+\w+\s+(?:consecutive|successive|straight)\s+years|every\s+year\s+since)\b",
    re.IGNORECASE,
)


def target_fields(reading: Reading, target: Target, period: str | None) -> dict[str, Any]:
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
        elif (
            period is not None
            and period.startswith("R12:")
            and not period.endswith("-12")
            and re.fullmatch(r"CY:\d{4}", target.period)
        ):
            # "1,260 arrests in the latest year, 257 fewer than in 2017": a rolling year
            # against a year by its number is against that year's 12 months to the same month.
            fields["reference_period"] = f"R12:{target.period[3:]}-{period[-2:]}"
        fields["comparison"] = relative_period(period, fields["reference_period"]) or target.key
    elif target.key == "area":
        fields["reference_area"] = target.area
    elif target.key == "measure":
        mid, _ = reading.reader.measures.resolve(target.words)
        fields["reference_measure"] = mid
    return fields


def asserted(sentence: Sentence, d: DirectionWord) -> bool:
    """Whether a direction word asserts a present change: not when negated ("has not
    fallen"), hedged ("may be lower"), a participle of background ("having fallen") or
    the verb of a run of months ("fallen for 29 consecutive months", read as a streak)."""
    text, s0, items = sentence.text, sentence.start, sentence.items
    before = text[max(s0, d.start - 30) : d.start]
    if NOT_ASSERTED_BEFORE.search(before):
        return False
    if explained(text, d, s0):
        return False  # "The decrease was driven by ...": the change just said, explained
    if CAUSE_BEFORE.search(before):
        return False  # "... drove the increase": the change just said, explained
    if any(
        i.label == "MONTHCOUNT"
        and i.end <= d.start
        and d.start - i.end <= 40
        and not re.search(r"[.;:,]", text[i.end : d.start])
        for i in items
    ):
        return False  # "in 8 of the last 12 months higher than ...": a count of months
    return not any(
        i.label == "STREAK"
        and d.end <= i.start
        and re.fullmatch(r"\s*(?:for\s+)?", text[d.end : i.start])
        for i in items
    )
