"""Facts: what the figures say about a month, each with its numbers, method and sources."""

from narrator.facts.engine import compute_facts
from narrator.facts.model import Fact, FactSet

__all__ = ["Fact", "FactSet", "compute_facts"]
