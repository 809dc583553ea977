"""What a paper has said so far, and whether a sentence reads against it.

A sentence *reads* each fact it states that has a direction: up, down or flat ("remained
stable", "in line with"). Facts about one *subject* (a measure, an area and a period: the
12 months to March 2021, or March 2021 alone) are compared with different references (the
month before, a year before, a benchmark), so two true sentences can still read as a
contradiction: "the 12 month total increased" then "the 12 month total remained stable year
on year". The planner uses :class:`Claims` to

- refuse a sentence that reads a fact already stated the other way (the same comparison
  worded "higher than" once and "consistent with" later): that is a contradiction no word
  can reconcile;
- mark a sentence whose reading of a subject is new to the paper (up where the paper only
  said flat, say) so that the realiser opens it with the word that reconciles the two
  ("However, ...").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from narrator.draft.plan import Message
from narrator.facts import Fact

#: (measure, area, period): what a reading is a reading of.
Subject = tuple[str, str, str]


def subject(fact: Fact) -> Subject:
    """The subject a fact's direction reads: its measure, area and period."""
    return (fact.measure, fact.area, fact.period)


@dataclass
class Claims:
    """The readings a paper has given so far, by fact and by subject."""

    by_fact: dict[str, str] = field(default_factory=dict)
    by_subject: dict[Subject, set[str]] = field(default_factory=dict)

    def clashes(self, message: Message) -> list[str]:
        """Facts the message reads otherwise than an earlier sentence read them."""
        return sorted(
            fact_id
            for fact_id, reading in message.readings().items()
            if self.by_fact.get(fact_id, reading) != reading
        )

    def reads_against(self, message: Message) -> bool:
        """True when the message reads a subject in a way the paper has not read it before."""
        facts = {f.id: f for f in message.facts}
        for fact_id, reading in message.readings().items():
            earlier = self.by_subject.get(subject(facts[fact_id]))
            if earlier and reading not in earlier:
                return True
        return False

    def add(self, message: Message) -> None:
        """Record the readings of a sentence the paper now holds."""
        facts = {f.id: f for f in message.facts}
        for fact_id, reading in message.readings().items():
            self.by_fact.setdefault(fact_id, reading)
            self.by_subject.setdefault(subject(facts[fact_id]), set()).add(reading)
