"""Content selection for a paragraph that names its measures and leaves the rules to narrator.

Every rule the planner may choose (``auto`` in the registry) that accepts a measure's class
offers its messages; each message is ranked by what an analyst leads with: a record or the
end of a long run first, then a significant change or benchmark, a long streak, a clear
outlier, and the routine month-on-month figures last. The best message of each measure is
kept first (a paragraph about two measures says something of both), then the best of the
rest up to the paragraph's ``max_sentences``. A message is passed over when it states as
news a fact the paper has already stated, or reads a fact otherwise than the paper did.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from narrator.draft.claims import Claims
from narrator.draft.classes import accepted
from narrator.draft.outline import ParagraphSpec
from narrator.draft.plan import Message, Planning
from narrator.draft.registry import RuleSpec
from narrator.facts import Fact

#: Leads of the fact kinds that are routine figures (a level, a move on the month).
ROUTINE = 2.0


def lead(fact: Fact) -> float:
    """How strongly an analyst would lead with a fact: higher first, routine figures at 2."""
    kind, detail, significant = fact.kind, fact.detail, bool(fact.significant)
    if kind == "record":
        months = int(detail["months"])
        return 6.0 if detail["on_record"] else 5.5 if months >= 36 else 5.0 if months >= 24 else 3.0
    if kind.startswith("streak."):
        length = int(detail["previous_length"] if detail["broken"] else detail["length"])
        return 5.6 if length >= 12 else 5.2 if length >= 6 else 3.0 if length >= 3 else 1.0
    if kind == "calendar.year_to_date":
        return 4.0 if fact.reference is not None and fact.value > fact.reference else 1.0
    if kind == "xmr.signal" and significant:
        # Beyond a control limit is stronger news than a run on one side of the centre line.
        return 5.0 if str(detail.get("signal", "")).endswith("limit") else 4.5
    if kind in ("benchmark.long_term", "benchmark.year_end", "xmr.signal"):
        return 5.0 if significant else 1.5
    if kind in ("change.rolling_year", "change.financial_year"):
        return 4.5 if significant else ROUTINE
    if kind == "change.year_to_date":
        return 4.5 if significant else 1.5
    if kind == "area.outlier":
        # The further out, the stronger; a single month is the noisiest comparison.
        strength = min(1.5, abs(float(fact.statistic.get("z") or 0.0)) / 6)
        return 3.5 + strength - (0.5 if detail.get("comparison") == "month" else 0.0)
    if kind == "count.above_previous_years":
        return 4.0 if max(fact.value, float(detail["below"])) >= 9 else 1.0
    if kind in ("trend.long_term", "share.shift"):
        return 3.5 if significant or kind == "share.shift" else 1.0
    if kind in ("change.average", "snapshot.change", "area.variation"):
        return 3.0 if significant or kind != "change.average" else 1.0
    if kind in ("change.rolling_month", "change.year"):
        return 2.5 if significant else ROUTINE
    return ROUTINE


#: The score from which news of an area below the paragraph's is kept before routine
#: figures of the paragraph's own area (a clear outlier district).
AREA_NEWS = 3.8
#: How much less a fact of an area below the paragraph's leads (the paragraph is about its
#: own area first).
BELOW = 0.5


def score(message: Message, area: str = "") -> float:
    """A message's rank: the lead of its strongest news, salience breaking ties.

    News of areas below the paragraph's own ``area`` (an outlier district) ranks a little
    lower than the same news of the area itself.
    """
    news = message.primary or message.facts
    best = max((lead(f) - (BELOW if area and f.area != area else 0.0) for f in news), default=0.0)
    return best + 0.1 * message.salience


@dataclass
class Choice:
    """The messages chosen for a paragraph, and the measures left without a sentence."""

    messages: list[Message]
    left_out: list[str]


def candidates(
    planning: Planning, spec: ParagraphSpec, rules: Mapping[str, RuleSpec], area: str
) -> list[Message]:
    """Every message the planner may choose from, for every measure of the paragraph."""
    found: list[Message] = []
    for measure_id in spec.measures:
        measure = planning.measure(measure_id)
        cls = planning.measure_class(measure)
        for name, rule in rules.items():
            if not rule.auto or rule.multi or not accepted(rule.accepts, cls):
                continue
            for message in rule.run(planning, measure, area, spec):
                message.rule = name
                found.append(message)
    return found


def choose(
    found: list[Message], spec: ParagraphSpec, said: set[str], claims: Claims, area: str = ""
) -> Choice:
    """The messages of the paragraph (about ``area``), in the order they are written."""
    scores = {id(m): score(m, area) for m in found}
    ranked = sorted(found, key=lambda m: (-scores[id(m)], m.rule, m.fact_ids))
    local = Claims(dict(claims.by_fact), {k: set(v) for k, v in claims.by_subject.items()})
    used = set(said)
    chosen: list[Message] = []
    taken: set[int] = set()

    def take(message: Message) -> bool:
        if id(message) in taken:
            return False
        if any(f.id in used for f in message.primary) or local.clashes(message):
            return False
        chosen.append(message)
        taken.add(id(message))
        used.update(message.fact_ids)
        local.add(message)
        return True

    for measure_id in spec.measures:
        if len(chosen) >= spec.max_sentences:
            break
        own = [m for m in ranked if _about(m) == measure_id]
        # The measure's best news of the paragraph's own area; of an area below only if the
        # paragraph has nothing else to say of it.
        for message in sorted(own, key=lambda m: _below(m, area)):
            if take(message):
                break
    # Then clear news of the areas below (an outlier district), one a measure, before the
    # rest of the paragraph's own figures fill it.
    for measure_id in spec.measures:
        for message in ranked:
            if len(chosen) >= spec.max_sentences or scores[id(message)] < AREA_NEWS:
                break
            if _below(message, area) and _about(message) == measure_id and take(message):
                break
    for message in ranked:
        if len(chosen) >= spec.max_sentences or scores[id(message)] < ROUTINE:
            break  # below the routine figures: nothing an analyst would add
        if not _below(message, area):  # the areas below had their one sentence above
            take(message)
    # Each measure in the outline's order; the paragraph's own area before the areas below
    # it (an outlier district is read against the force's figures, which come first).
    order = {m: i for i, m in enumerate(spec.measures)}
    chosen.sort(key=lambda m: (order.get(_about(m), len(order)), _below(m, area), -scores[id(m)]))
    covered = {_about(m) for m in chosen}
    return Choice(chosen, [m for m in spec.measures if m not in covered])


def _below(message: Message, area: str) -> bool:
    """Whether a message's news is of areas below the paragraph's ``area`` only."""
    return bool(area) and all(f.area != area for f in message.primary or message.facts)


def _about(message: Message) -> str:
    """The measure a message is about."""
    return str(message.values["m"]["id"])
