"""Reading one sentence: entities and lexicon words in, claims out.

Works in character offsets on the Doc's text, with small regular expressions over the gaps
between entities, rather than token by token: papers are long and Python per token is slow.
A sentence is split into clauses (at ";", "but", "while"...); a figure takes its measure,
area, period and comparison from its own clause first, then from the sentence, then from
the context carried over from the previous sentence or the section heading.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from narrator import months
from narrator.catalogue import Kind
from narrator.check.grammar import (
    APPROX,
    BOTH,
    BOTH_AREAS,
    CHANGE_AFTER,
    CHANGE_BEFORE,
    CLAUSE_BREAK,
    DIRECTION_KINDS,
    FUTURE,
    NEED_LEVEL,
    NEXT_WORD,
    NOUN_AFTER,
    PREVIOUS_WORD,
    PROPORTION,
    REFERENCE_BEFORE,
    STOP,
    TARGET_BEFORE,
    VERBS,
    match_group,
    match_text,
    relative_period,
    stat,
)
from narrator.check.parts import (
    Context,
    DirectionWord,
    Draft,
    Item,
    Mention,
    Target,
    attach_modifiers,
    choose_period,
    collect_items,
    direction_of_figure,
    is_period_phrase,
    main_period,
    mention_after,
    nearest,
    nearest_mention,
    pair_targets,
    replace,
)
from narrator.check.patterns import QUANTITIES
from narrator.check.pipeline import (
    NEUTRAL_HEADS,
    doc_text,
    entities_of,
    name_words,
    norm_word,
)
from narrator.check.timing import TimeReading, target_fields, with_direction

if TYPE_CHECKING:
    from narrator.check.pipeline import Reader

#: Words before a direction that keep it from asserting a change of the present.
NOT_ASSERTED_BEFORE = re.compile(
    r"(?:\b(?:not|never|no\s+longer)|n[’']t|\bhaving|\b(?:may|might|could|would|should)"
    r"(?:\s+not)?(?:\s+(?:be|have|have\s+been|well|also|even))?|\b(?:possibly|perhaps))\s+$",
    re.IGNORECASE,
)
#: Nouns that count occurrences of whatever the measure counts ("231 times").
TIMES = frozenset({"time", "occasion"})
#: After a change noun: the change is being explained, not said ("was driven by").
CAUSED_AFTER = re.compile(
    r"\s+(?:was|is|has\s+been|were|are)\s+(?:\w+\s+)?(?:driven|caused|due|explained|accounted)\b",
    re.IGNORECASE,
)
#: "half of all ...": what follows is the whole a figure is part of.
PART_OF = re.compile(
    r"\b(?:half|third|quarter|majority|minority|most|some|many|few|proportion|share|part)"
    r"\s+of\s+(?:all\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
#: A period phrase inside a measure's name ("the all crime 12 month ... rate"): the measure
#: is meant over the rolling year.
#: "the 12 month rate", "the rolling 12 month total": a measure's short form under the
#: rolling qualifier.
ROLLING_NOUN = re.compile(
    r"\b(?:rolling\s+)?(?:12|twelve)[\s-]month\s+(?:rate|total|proportion|figure)\b",
    re.IGNORECASE,
)
ROLLING_IN_NAME = re.compile(r"\b(?:rolling|(?:12|twelve)[\s-]months?)\b", re.IGNORECASE)


class SentenceReader(TimeReading):
    """Turns the entities of one sentence into claims (see :mod:`narrator.check.claims`)."""

    def __init__(self, reader: Reader, reporting: int | None, paper_date: date | None) -> None:
        self.reader = reader
        self.reporting = reporting
        self.paper_date = paper_date
        if reporting is not None:
            self.anchor = date(months.year(reporting), months.month_of_year(reporting), 15)
        else:
            self.anchor = paper_date or date.today()
        self._headings: dict[str | None, Context] = {}
        self._words_cache: dict[str, frozenset[str]] = {}
        self.lexicon_words = frozenset(
            word.lower() for _, phrase in reader.lexicon.phrases() for word in phrase.split()
        )
        self.unit_words = frozenset(
            norm_word(w) for m in reader.catalogue for w in (m.unit, m.unit_plural or "") if w
        )
        self.joining = (
            self.unit_words
            | NEUTRAL_HEADS
            | reader.measures.vocabulary
            | {"for", "of", "the", "in", "on", "all", "and", "a", "an", "by", "'s", "’s"}
        )

    def _noun(self, text: str, q: Item, after: str, items: list[Item]) -> str | None:
        """What a figure counts, when the text says: "22 occasions", "one male charged",
        "prompt graded incidents (86)"."""
        found = match_group(NOUN_AFTER, after)
        if found:
            return found
        single = NEXT_WORD.match(after) if q.label == "COUNT" else None
        if single:
            word = single.group(1)
            lower = word.lower()
            if (
                lower not in STOP
                and lower not in VERBS
                and lower not in self.lexicon_words
                and not lower.endswith(("ed", "ing", "ly"))
            ):
                return word
        if text[q.start - 1 : q.start] == "(" and text[q.end : q.end + 1] == ")":
            # "incidents (86)": the figure counts the words before the bracket, unless they
            # name an area or a measure ("Cambridge City (+10%)").
            named = any(
                i.end in (q.start - 1, q.start - 2) for i in items if i.label in ("AREA", "MEASURE")
            )
            before = PREVIOUS_WORD.search(text, max(0, q.start - 40), q.start)
            if before and not named:
                return before.group(1)
        return None

    def _measure_words(self, measure: str) -> frozenset[str]:
        """Words a count of ``measure`` may be followed by: its unit and its name's words."""
        found = self._words_cache.get(measure)
        if found is None:
            m = self.reader.catalogue[measure]
            words = {norm_word(m.unit), norm_word(m.unit_plural or m.unit)} | NEUTRAL_HEADS
            for name in (m.label, *m.aliases):
                words |= name_words(name)
            for part in (m.numerator, m.denominator):
                if part and part in self.reader.catalogue:
                    words.add(norm_word(self.reader.catalogue[part].unit))
            found = self._words_cache[measure] = frozenset(words)
        return found

    def _joins(self, gap: str) -> bool:
        """Whether the words between two measure names join them into one name."""
        if re.search(r"[;:()]|\d", gap):
            return False
        return all(norm_word(w) in self.joining for w in re.findall(r"[\w’']+", gap))

    # ------------------------------------------------------------------ context

    def heading_context(self, heading: str | None) -> Context:
        """The measure a section heading names ("5.2 Dwelling Burglary"), as context."""
        if heading in self._headings:
            return self._headings[heading]
        context = Context()
        if heading:
            doc = self.reader.doc(heading)
            text = doc_text(doc)
            items = collect_items(doc, text, entities_of(doc), [])
            mentions = self._mentions(text, items)
            if mentions:
                words = frozenset().union(*(m.words for m in mentions))
                measure, _ = self.reader.measures.resolve(words)
                context = Context(
                    words=words, measure=measure, text=heading, source="heading", heading=measure
                )
        self._headings[heading] = context
        return context

    # ------------------------------------------------------------------ reading

    def read(
        self,
        doc: Any,
        text: str,
        bounds: tuple[int, int],
        ents: Sequence[Any],
        lexicon: Sequence[Any],
        context: Context | None,
    ) -> tuple[list[Draft], Context]:
        """The claims of one sentence and the context it leaves."""
        ctx: Context = context or Context()
        context = ctx
        s0, s1 = bounds
        items = collect_items(doc, text, ents, lexicon)
        sentence = text[s0:s1]
        breaks = [s0] + [s0 + m.start() for m in CLAUSE_BREAK.finditer(sentence)]

        def clause_of(pos: int) -> int:
            return bisect.bisect_right(breaks, pos) - 1

        mentions = self._mentions(text, items)
        targets = self._targets(text, items, mentions, s0, s1)
        target_spans = {(t.start, t.end) for t in targets}
        directions = self._directions(text, items, s0)
        attach_modifiers(text, items, directions)
        pair_targets(directions, targets, clause_of)
        periods = self._periods(text, items, target_spans, s0, s1)
        all_areas = [i for i in items if i.label == "AREA"]
        areas = [i for i in all_areas if (i.start, i.end) not in target_spans]
        multi = self._multi_areas(sentence, all_areas)

        base: dict[str, Any] = {
            "sentence": sentence,
            "sentence_span": (s0, s1),
            "paragraph": 0,
        }
        claims: list[Draft] = []
        sentence_mention = mentions[0] if mentions else None

        def measure_for(
            pos: int, unit: str | None = None, near: Mention | None = None
        ) -> tuple[str | None, str | None, str | None, str | None, bool]:
            mention = near or nearest_mention(mentions, pos, clause_of)
            if mention is None:
                mention = sentence_mention
            elif (
                sentence_mention is not None
                and mention is not sentence_mention
                and mention.words <= sentence_mention.words
            ):
                # "overall satisfaction" restates the subject's "satisfaction levels of
                # dwelling burglary victims": the subject is meant.
                mention = sentence_mention
            elif (
                sentence_mention is not None
                and mention is not sentence_mention
                and sentence_mention.start < mention.start
                and self._is_compared_with(mention, targets)
            ):
                # "X ... at 84.3% overall satisfaction, higher than satisfaction for all
                # victims": a name the sentence compares its subject with is the reference,
                # not what the figure measures.
                mention = sentence_mention
            if mention is None:
                if ctx.measure is None:
                    return None, None, None, None, ctx.rolling
                carried: str = ctx.measure
                if unit == "percent" and self.reader.measures.kinds.get(carried) is not Kind.RATIO:
                    rate, _ = self.reader.measures.resolve(ctx.words, ratio=True)
                    carried = rate or carried
                # "The 12 month rate remained at 13.9%": a short form under the rolling
                # qualifier is the rolling year, whatever the sentence before was about.
                rolling = ctx.rolling or bool(ROLLING_NOUN.search(text[s0:pos]))
                return carried, ctx.text, ctx.source, None, rolling
            mid, used = self.reader.measures.resolve(
                mention.words, context=ctx.words, ratio=unit == "percent"
            )
            source = "text" if not used else f"text+{ctx.source}"
            return mid, mention.text, source, mention.head, mention.rolling

        def area_for(pos: int) -> tuple[str | None, str | None]:
            area = nearest(areas, pos, clause_of)
            if area is None:
                # "... in the Coastal division (170 in January; the average is 142)": an
                # aside in brackets is about the area before it.
                before = [a for a in areas if a.end <= pos]
                if before and _inside_brackets(text, before[-1].end, pos):
                    return before[-1].key, before[-1].text
                return self.reader.areas.root.name, None
            return area.key, area.text

        def period_for(pos: int, rolling: bool, after_first: bool) -> tuple[str | None, str | None]:
            candidate = choose_period(periods, pos, clause_of, after_first, text, rolling)
            if candidate is None:
                if rolling and self.reporting is not None:
                    return f"R12:{months.iso(self.reporting)}", None
                return ctx.period, None
            label, ptext, kind = candidate
            if kind == "month" and rolling:
                return "R12:" + label, ptext
            return label, ptext

        # Figures.
        quantities = [i for i in items if i.label in QUANTITIES]
        previous_figure: Draft | None = None
        for q in quantities:
            assert q.mark is not None
            before = text[max(s0, q.start - 40) : q.start]
            after = text[q.end : min(s1, q.end + 30)]
            if self._names_number(q.text, text[q.end : min(s1, q.end + 40)]):
                continue  # "999 and 101 call volumes": the number is part of a name
            unit = {"PERCENT": "percent", "POINTS": "points", "MONEY": "money"}.get(
                q.label, "count"
            )
            value = float(q.mark.data["value"])
            decimals = int(q.mark.data["decimals"])
            is_change = bool(q.mark.data.get("signed")) or bool(
                CHANGE_BEFORE.search(before) or CHANGE_AFTER.match(after)
            )
            direction = direction_of_figure(text, q, directions, clause_of)
            near = mention_after(mentions, q, text)
            if near is None and direction is not None and 0 <= direction.start - q.end <= 20:
                # "a 1.4 percentage point decrease in the proportion graded prompt"
                near = _mention_of_change(mentions, direction.end, text)
            mid, mtext, msource, mhead, rolling = measure_for(q.start, unit, near)
            if near is None and direction is not None and 0 <= direction.start - q.end <= 20:
                # "a 2.0% increase in immediate, and a 2.0% decrease in prompt": one word
                # that, with the measure words around it, names a sibling measure.
                bare = self._bare_measure(
                    text,
                    direction.end,
                    ctx.words | (sentence_mention.words if sentence_mention else frozenset()),
                )
                if bare is not None:
                    mid, mtext, msource = bare, text[direction.end : direction.end + 30], "text"
            pos_for_period = q.start
            period, ptext = period_for(pos_for_period, rolling, True)
            area, atext = area_for(q.start)
            claim = Draft(
                kind="figure",
                text=q.text,
                span=(q.start, q.end),
                measure=mid,
                measure_text=mtext,
                measure_from=msource,
                measure_head=mhead,
                area=area,
                area_text=atext,
                period=period,
                period_text=ptext,
                unit=unit,
                decimals=decimals,
                approx=match_text(APPROX, before),
                noun=self._noun(text, q, after, items),
                statistic=stat(before),
                **base,
            )
            if direction is not None:
                direction.taken = True
                claim = with_direction(claim, direction, self, period)
            if is_change:
                signed = value
                if claim.direction == "down" and signed > 0:
                    signed = -signed
                if unit == "percent":
                    claim = replace(claim, change_pct=signed, role="change")
                else:
                    claim = replace(claim, change=signed, role="change")
                claim = replace(claim, value=None)
                if claim.direction is None and q.mark.data.get("signed"):
                    claim = replace(claim, direction="down" if value < 0 else "up")
                if previous_figure is not None and claim.unit == "percent":
                    gap = text[previous_figure.span[1] : q.start]
                    if re.fullmatch(r"[\s,]*(?:which\s+is\s+|a\s+|an\s+)?", gap):
                        claim = replace(
                            claim,
                            value=previous_figure.value,
                            unit="count" if previous_figure.unit == "count" else claim.unit,
                        )
            else:
                claim = replace(claim, value=value)
            if REFERENCE_BEFORE.search(before) and previous_figure is not None:
                claim = replace(
                    claim,
                    role="reference",
                    direction=None,
                    judgement=None,
                    magnitude=None,
                    comparison=None,
                    comparison_text=None,
                )
                differs = (
                    "measure"
                    if claim.measure != previous_figure.measure
                    else "area"
                    if claim.area != previous_figure.area
                    else "period"
                )
                claims[claims.index(previous_figure)] = replace(
                    previous_figure,
                    reference=value,
                    reference_period=claim.period,
                    reference_span=claim.span,
                    reference_measure=claim.measure if differs == "measure" else None,
                    reference_area=claim.area if differs == "area" else None,
                    comparison=previous_figure.comparison or differs,
                )
            claims.append(claim)
            previous_figure = claim if claim.role != "reference" else previous_figure
            # A figure's area list: "both areas" gives one claim per area.
            if multi and claim.area_text is None:
                claims.pop()
                for name in multi:
                    claims.append(replace(claim, area=name, area_text="both"))

        # Directions said without a figure.
        seen: set[tuple[int, str | None, str | None, str | None]] = set()
        for d in directions:
            if d.taken:
                continue
            if self._explained(text, d, s0) and ctx.measure is not None:
                # "The increase was driven by ... in South area": the change is the one the
                # sentence before stated, of its measure, area and period.
                mid, mtext, msource, mhead = ctx.measure, ctx.text, "sentence", None
                period, ptext = ctx.period, None
                area, atext = self.reader.areas.root.name, None
            elif not self._asserted(text, d, items, s0):
                continue
            else:
                mid, mtext, msource, mhead, rolling = measure_for(
                    d.start, near=_mention_of_change(mentions, d.end, text)
                )
                if mid is None:
                    continue
                period, ptext = period_for(d.start, rolling, False)
                area, atext = area_for(d.start)
            options: list[Target | None] = list(d.targets) or [None]
            for target in options:
                key = (
                    clause_of(d.start),
                    d.direction or d.judgement,
                    target.key if target else None,
                    area,
                )
                if key in seen:
                    continue
                seen.add(key)
                claim = Draft(
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
                    **base,
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
                claim = with_direction(claim, one, self, period)
                listed = _area_list(text, areas, d.start) if atext is not None else []
                if multi and atext is None:
                    claims.extend(replace(claim, area=n, area_text="both") for n in multi)
                elif len(listed) >= 2 and any(a.key == area for a in listed):
                    # "Huntingdonshire, Peterborough and Fenland have also seen higher...":
                    # the same claim of every area of the list.
                    claims.extend(replace(claim, area=a.key, area_text=a.text) for a in listed)
                else:
                    claims.append(claim)

        claims.extend(
            self._streaks(
                text,
                sentence,
                s0,
                items,
                directions,
                base,
                measure_for,
                area_for,
                period_for,
                clause_of,
            )
        )
        claims.extend(self._references_and_dates(text, items, s0, s1, base))

        claims = [self._complete(c, targets, sentence, s0, breaks) for c in claims]
        others = tuple(dict.fromkeys(m for m in (*ctx.seen, ctx.heading) if m))
        if others:
            # A measure carried from the previous sentence may be one the paragraph spoke of
            # before, or the heading's.
            claims = [
                replace(c, measure_alternatives=tuple(m for m in others if m != c.measure))
                if c.is_data and c.measure_from == "sentence"
                else c
                for c in claims
            ]

        # The context this sentence leaves.
        if mentions:
            words = frozenset().union(*(m.words for m in mentions))
            # The sentence's subject (its first name) is what "the rate" after it means; all
            # its names together may name the measure it was compared with instead.
            mid, _ = self.reader.measures.resolve(mentions[0].words, context=context.words)
            if mid is None:
                mid, _ = self.reader.measures.resolve(words, context=context.words)
            # Every measure the sentence names ("...below the satisfaction of all victims"):
            # the next sentence may quote a figure of any of them.
            named = [self.reader.measures.resolve(m.words)[0] for m in mentions[1:]]
            rolling = any(m.rolling for m in mentions)
            last_period = main_period(claims)
            context = Context(
                words,
                mid,
                mentions[0].text,
                last_period or ctx.period,
                rolling,
                "sentence",
                ctx.heading,
                tuple(dict.fromkeys(m for m in (mid, *named, *ctx.seen) if m))[:4],
            )
        else:
            last_period = main_period(claims)
            if last_period:
                context = Context(
                    ctx.words,
                    ctx.measure,
                    ctx.text,
                    last_period,
                    ctx.rolling,
                    ctx.source,
                    ctx.heading,
                    ctx.seen,
                )
        return claims, context

    def _complete(
        self, claim: Draft, targets: list[Target], sentence: str, s0: int, breaks: list[int]
    ) -> Draft:
        """Defaults a claim takes from its sentence once every claim is read."""
        if not claim.is_data:
            return claim
        fields: dict[str, Any] = {}
        if claim.kind == "figure" and claim.role == "change" and claim.comparison is None:
            # "+10%" in a sentence that says what all its figures compare with.
            near = min(targets, key=lambda t: abs(t.start - claim.span[0]), default=None)
            if near is not None:
                fields.update(target_fields(near, claim.period, self))
        comparison = fields.get("comparison", claim.comparison)
        if claim.period is None and comparison is not None and self.reporting is not None:
            # "fell month on month", "consistent with the October 2018 figure": the
            # reporting month against the month compared with.
            fields["period"] = months.iso(self.reporting)
            if claim.measure and self.reader.measures.kinds.get(claim.measure) is Kind.RATIO:
                # Rates are reported over the rolling year unless a month is named.
                fields["period"] = f"R12:{fields['period']}"
            reference = fields.get("reference_period", claim.reference_period)
            if comparison == "period" and reference:
                fields["comparison"] = relative_period(fields["period"], reference) or "period"
        index = bisect.bisect_right(breaks, claim.span[0]) - 1
        clause_end = breaks[index + 1] if index + 1 < len(breaks) else s0 + len(sentence)
        clause = sentence[breaks[index] - s0 : clause_end - s0]
        if claim.statistic is None and PROPORTION.search(clause):
            fields["statistic"] = "proportion"
        if FUTURE.search(clause):
            fields["tense"] = "future"
        if (
            claim.kind == "figure"
            and claim.noun
            and claim.measure_head is None
            and claim.measure is not None
            and norm_word(claim.noun) not in self._measure_words(claim.measure)
        ):
            # "6 suspects", "22 occasions": a count of something other than the measure,
            # unless the noun is the unit of a measure the sentence names in other words.
            other = self._noun_measure(claim.noun, sentence)
            if other is not None:
                fields.update(measure=other, measure_text=claim.noun, measure_from="noun")
            elif norm_word(claim.noun) in TIMES and claim.measure_from == "text":
                pass  # "140 times": occurrences of the measure its sentence names
            else:
                fields["measure_head"] = claim.noun
        if (
            claim.kind == "figure"
            and claim.unit == "count"
            and claim.measure_text
            and "measure_head" not in fields
        ):
            # "half of all prompt graded incidents (86)": the figure counts a part.
            at = sentence.find(claim.measure_text)
            if at >= 0 and PART_OF.search(sentence[max(0, at - 40) : at]):
                fields["measure_head"] = "a part of the total"
        return replace(claim, **fields) if fields else claim

    # ------------------------------------------------------------------ parts

    def _names_number(self, number: str, after: str) -> bool:
        """Whether ``number`` is a word of a measure name whose other words follow it
        ("999 and 101 call volumes")."""
        if not number.isdigit():
            return False
        names = self._numbered_names.get(number)
        if not names:
            return False
        words = name_words(after)
        return any(rest <= words for rest in names)

    @property
    def _numbered_names(self) -> dict[str, list[frozenset[str]]]:
        found = self.__dict__.get("_numbered")
        if found is None:
            found = {}
            for measure in self.reader.catalogue:
                for name in (measure.label, *measure.aliases):
                    words = name_words(name)
                    for word in words:
                        if word.isdigit() and words - {word}:
                            found.setdefault(word, []).append(words - {word})
            self.__dict__["_numbered"] = found
        return found

    def _is_compared_with(self, mention: Mention, targets: list[Target]) -> bool:
        """Whether ``mention`` names the measure of a comparison target after it."""
        own, _ = self.reader.measures.resolve(mention.words)
        if own is None:
            return False
        for target in targets:
            if target.key == "measure" and target.start > mention.start:
                other, _ = self.reader.measures.resolve(target.words)
                if other == own:
                    return True
        return False

    def _bare_measure(self, text: str, end: int, around: frozenset[str]) -> str | None:
        """The measure "in prompt" names after a change noun: the one measure whose name is
        in ``around`` plus that word, and uses the word."""
        found = _BARE_IN.match(text, end)
        if found is None:
            return None
        word = norm_word(found.group(1))
        index = self.reader.measures
        if word not in index.vocabulary:
            return None
        mid, _ = index.best(around | {word}, need=frozenset({word}))
        return mid

    @staticmethod
    def _explained(text: str, d: DirectionWord, s0: int) -> bool:
        """ "The decrease was driven by ...": the change the sentence before stated."""
        before = text[max(s0, d.start - 30) : d.start]
        return bool(
            re.search(r"\bthe\s+$", before, re.IGNORECASE)
            and CAUSED_AFTER.match(text, d.end, d.end + 40)
        )

    def _asserted(self, text: str, d: DirectionWord, items: list[Item], s0: int) -> bool:
        """Whether a direction word asserts a present change: not when negated ("has not
        fallen"), hedged ("may be lower"), a participle of background ("having fallen") or
        the verb of a run of months ("fallen for 29 consecutive months", read as a streak)."""
        before = text[max(s0, d.start - 30) : d.start]
        if NOT_ASSERTED_BEFORE.search(before):
            return False
        if self._explained(text, d, s0):
            return False  # "The decrease was driven by ...": the change just said, explained
        if re.search(
            r"\b(?:drove|drives|driving|caused|causing|behind|explains?|explained)\s+the\s+$",
            before,
            re.IGNORECASE,
        ):
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

    def _noun_measure(self, noun: str, sentence: str) -> str | None:
        """The measure a figure counts when its noun is the unit of a measure whose name
        the sentence spells out ("Offensive weapons were found on 22 occasions")."""
        unit = norm_word(noun)
        words = name_words(sentence)
        found: str | None = None
        size = 0
        for measure in self.reader.catalogue:
            if measure.kind is Kind.RATIO:
                continue
            units = {norm_word(measure.unit), norm_word(measure.unit_plural or measure.unit)}
            if unit not in units:
                continue
            for name in (measure.label, *measure.aliases):
                need = name_words(name) - units
                if need and need <= words and len(need) > size:
                    found, size = measure.id, len(need)
        return found

    def _mentions(self, text: str, items: list[Item]) -> list[Mention]:
        """Measure names grouped with what joins them, and the words of each group."""
        groups: list[list[Item]] = []
        for item in items:
            if item.label != "MEASURE":
                continue
            if groups:
                last = groups[-1][-1]
                gap = text[last.end : item.start]
                inner = [i for i in items if last.end <= i.start and i.end <= item.start]
                for i in inner:
                    if i.label == "PERIOD":
                        gap = gap.replace(i.text, " ")
                if len(gap) <= 40 and self._joins(gap):
                    groups[-1].append(item)
                    continue
            groups.append([item])
        mentions: list[Mention] = []
        vocabulary = self.reader.measures.vocabulary
        for group in groups:
            start, end = group[0].start, group[-1].end
            span_text = text[start:end]
            words = set(name_words(span_text))
            words.update(name_words(" ".join(i.text for i in group)))
            words = {w for w in words if not w.isdigit() or w in vocabulary}
            head: str | None = None
            after = re.match(r"\s+([A-Za-z]+)", text[end : end + 30])
            if after:
                word = norm_word(after.group(1))
                raw = after.group(1).lower()
                if word in vocabulary or word in NEUTRAL_HEADS:
                    words.add(word)
                elif (
                    word not in STOP
                    and raw not in VERBS
                    and raw not in self.lexicon_words
                    and after.group(1)[0].islower()
                    and len(word) > 3
                    and not raw.endswith(("ed", "ing", "ly"))
                ):
                    head = after.group(1)
            before = text[max(0, start - 25) : start].lower()
            rolling = (
                bool(re.search(r"(?:12|twelve)[\s-]months?\s*$|rolling\s*$", before))
                or bool(ROLLING_IN_NAME.search(span_text))
                or any(i.label == "PERIOD" and start <= i.start < end for i in items)
            )
            mentions.append(Mention(start, end, frozenset(words), span_text, head, rolling))
        return mentions

    def _targets(
        self, text: str, items: list[Item], mentions: list[Mention], s0: int, s1: int
    ) -> list[Target]:
        """Comparison targets: lexicon phrases, and months, areas or measures after "than"."""
        targets: list[Target] = []
        for item in items:
            if item.label == "LEX" and item.key.startswith("comparison:"):
                if is_period_phrase(text, item, s0):
                    continue
                targets.append(Target(item.start, item.end, item.key.split(":", 1)[1], item.text))
                continue
            if item.label not in ("DATE", "AREA", "FY", "PERIOD"):
                continue
            before = text[max(s0, item.start - 40) : item.start]
            found = TARGET_BEFORE.search(before)
            if not found:
                continue
            if item.label == "AREA":
                if found.group(0).lower().startswith("on"):
                    continue  # "on the South Area" is where, not what is compared with
                targets.append(Target(item.start, item.end, "area", item.text, area=item.key))
            elif item.label == "DATE":
                label = self._date_period(item, text, before)
                day = label is not None and label.startswith("D:")
                if label and not (day and found.group(0).lower().startswith("on")):
                    targets.append(Target(item.start, item.end, "period", item.text, period=label))
            elif item.label == "FY" and item.mark is not None:
                fy = f"FY:{item.mark.data['start_year']}"
                targets.append(Target(item.start, item.end, "financial_year", item.text, period=fy))
        for mention in mentions:
            before = text[max(s0, mention.start - 30) : mention.start]
            if re.search(
                r"\b(?:than|below|above|compared\s+(?:to|with))\s+(?:the\s+)?(?:overall\s+)?$",
                before,
                re.IGNORECASE,
            ):
                targets.append(
                    Target(mention.start, mention.end, "measure", mention.text, words=mention.words)
                )
        for match in re.finditer(r"\bthan\s+(?:the\s+)?other\b", text[s0:s1]):
            targets.append(Target(s0 + match.start(), s0 + match.end(), "other", match.group(0)))
        targets.sort(key=lambda t: t.start)
        return targets

    def _directions(self, text: str, items: list[Item], s0: int) -> list[DirectionWord]:
        found: list[DirectionWord] = []
        lex = [i for i in items if i.label == "LEX" and i.key.split(":", 1)[0] in DIRECTION_KINDS]
        for index, item in enumerate(lex):
            kind, key = item.key.split(":", 1)
            word = item.text.lower()
            before = text[max(s0, item.start - 20) : item.start]
            after = text[item.end : item.end + 12]
            if word in ("above", "below") and (
                re.search(r"(?:\d|\bas|\bsee|\bdetailed|\boutlined)\s*$", before, re.I)
                or re.match(r"\s*(?:[.,;)]|$)", after)
            ):
                continue
            if word == "up" and re.match(r"\s+(?:to|with|for|on\s+the\s+end)\b", after, re.I):
                continue
            if key == "flat":
                nxt = lex[index + 1] if index + 1 < len(lex) else None
                if nxt is not None and nxt.start - item.end <= 2 and nxt.key != item.key:
                    continue  # "steady increase": the adjective of a direction
                if word in ("level", "in line", "similar") and not NEED_LEVEL.search(before):
                    continue
            if kind == "direction":
                found.append(DirectionWord(item.start, item.end, key, None, item.text))
            else:
                found.append(DirectionWord(item.start, item.end, None, key, item.text))
        return found

    def _multi_areas(self, sentence: str, areas: list[Item]) -> list[str]:
        if BOTH_AREAS.search(sentence):
            root = self.reader.areas.root.name
            return [a.name for a in self.reader.areas.children(root)]
        if BOTH.search(sentence):
            names = list(dict.fromkeys(a.key for a in areas))
            if len(names) >= 2:
                return names
        return []


def _area_list(text: str, areas: list[Item], before: int) -> list[Item]:
    """The areas listed together ("A, B and C") as the subject just before ``before``."""
    preceding = [a for a in areas if a.end <= before]
    if len(preceding) < 2:
        return []
    listed = [preceding[-1]]
    for area in reversed(preceding[:-1]):
        if not re.fullmatch(r"\s*(?:,|,?\s+and)\s*", text[area.end : listed[0].start]):
            break
        listed.insert(0, area)
    if len(listed) < 2 or not re.fullmatch(
        r"\s+(?:have|has|had|were|are|all|also|each|both|\s)+(?:\s+\w+){0,2}\s+",
        text[listed[-1].end : before],
    ):
        return []
    return listed


_BARE_IN = re.compile(r"\s+in\s+(?:the\s+)?(\w+)\b(?!\s+\w)", re.IGNORECASE)


def _mention_of_change(mentions: list[Mention], end: int, text: str) -> Mention | None:
    """The measure a change noun is of: "a decrease in the proportion graded prompt"."""
    for mention in mentions:
        if mention.start >= end:
            gap = text[end : mention.start]
            if len(gap) <= 30 and re.fullmatch(
                r"\s+(?:in|of)\s+(?:the\s+)?(?:(?:number|level|total)\s+of\s+)?(?:all\s+)?",
                gap,
                re.IGNORECASE,
            ):
                return mention
            return None
    return None


def _inside_brackets(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` is inside a bracket opened after ``start``."""
    depth = 0
    for char in text[start:pos]:
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
    return depth > 0
