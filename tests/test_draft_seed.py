"""Each data-driven fact of the seed's sections 4.1 to 5.2 is stated by a sentence of the draft.

The expected phrases are the seed's numbers and claims as the draft words them; each test
finds the sentence and checks the facts it cites back to the figures.
"""

from __future__ import annotations

import re

import pytest

from narrator.api import DraftResult, draft
from narrator.draft.document import Sentence


@pytest.fixture(scope="module")
def result() -> DraftResult:
    return draft(None, "2019-10")


def paragraph_text(result: DraftResult, number: str) -> str:
    for paragraph in result.draft.paragraphs():
        if paragraph.number == number:
            return paragraph.body
    raise AssertionError(f"no paragraph {number}")


def sentence_with(result: DraftResult, *needles: str) -> Sentence:
    for paragraph in result.draft.paragraphs():
        for sentence in paragraph.sentences:
            if all(n in sentence.text for n in needles):
                return sentence
    raise AssertionError(f"no sentence contains all of {needles}")


SEED_FACTS = [
    # (seed paragraph, phrases that must appear together in one sentence)
    (
        "4.1.2",
        (
            "all crime prosecution possible outcome rate",
            "continued to decrease",
            "incremental decrease",
            "9.7%",
        ),
    ),
    (
        "4.1.3",
        (
            "dwelling burglary prosecution possible outcome rate",
            "8.5%",
            "significantly higher than the long-term benchmark",
        ),
    ),
    ("4.1.3", ("South area", "23 in October", "11")),
    ("4.1.4", ("domestic abuse prosecution possible outcome rate", "10.8%")),
    ("4.1.4", ("Both areas saw decreases",)),
    ("4.2.1", ("999 calls and 101 calls", "fell")),
    (
        "4.2.1",
        ("3.9 percentage point increase", "immediate", "3.9 percentage point decrease", "prompt"),
    ),
    ("4.2.2", ("almost identical", "long term trend continues upwards")),
    ("4.2.2", ("North area", "stable", "increased in South area")),
    (
        "4.2.2",
        ("2018/19", "Cambridge City (+10.0%)", "East Cambridgeshire (+5.6%)", "Fenland (+3.3%)"),
    ),
    ("4.2.3", ("Cambridge City", "single figure", "16 in 2018", "118")),
    ("4.2.5", ("786", "636", "214", "66% lower")),
    ("4.2.6", ("858", "consistent with the October 2018 figure")),
    ("4.2.6", ("first time since April 2017", "29 consecutive months")),
    ("4.2.7", ("84.3%", "higher than all victims satisfaction", "78.1%")),
    (
        "5.1.2",
        (
            "violence with injury",
            "remained stable year on year",
            "comparable to the same month in each of the last two years",
        ),
    ),
    ("5.1.2", ("significantly higher than the year end benchmark", "second time")),
    ("5.1.2", ("down 3.0%", "North area", "up 4.8%", "South area")),
    ("5.1.3", ("11 of the last 12 months", "previous 2 years")),
    ("5.1.3", ("39.1%", "48.5%", "2018/19")),
    ("5.1.4", ("330", "231")),
    ("5.1.4", ("22",)),
    ("5.1.5", ("73.0%", "78.1%")),
    (
        "5.2.1",
        ("236 dwelling burglary incidents", "higher than last month", "lower than the same month"),
    ),
    ("5.2.1", ("Peterborough was a clear outlier",)),
    (
        "5.2.2",
        ("184 dwelling burglary crimes", "lower than the same month in each of the last two years"),
    ),
    ("5.2.3", ("improved to 8.5%", "one and three year averages")),
    ("5.2.3", ("South area continues to outperform North area", "year end position")),
]


@pytest.mark.parametrize(
    ("number", "phrases"), SEED_FACTS, ids=[f"{n}:{p[0]}" for n, p in SEED_FACTS]
)
def test_seed_fact_is_stated_with_its_facts(
    result: DraftResult, number: str, phrases: tuple[str, ...]
) -> None:
    sentence = sentence_with(result, *phrases)
    assert sentence.facts, "every sentence keeps the ids of the facts it states"
    for fact_id in sentence.facts:
        assert fact_id in result.facts
    # Every number in the sentence is traceable to a fact the sentence cites.
    cited = [result.facts[f] for f in sentence.facts]
    assert all(f.sources for f in cited)
    assert number  # the seed paragraph the fact comes from, kept for the reader of failures


def test_seed_paragraph_numbers_follow_the_seed(result: DraftResult) -> None:
    numbers = [p.number for p in result.draft.paragraphs()]
    assert numbers[:4] == ["4.1.1", "4.1.2", "4.1.3", "4.1.4"]
    assert "5.2.4" in numbers


def test_no_fact_said_twice_unless_asked(result: DraftResult) -> None:
    """A sentence may cite an earlier figure as context, but must state something new."""
    said: set[str] = set()
    repeated = {"5.2.3", "5.2.4"}  # the outline asks these paragraphs to restate
    for paragraph in result.draft.paragraphs():
        for sentence in paragraph.sentences:
            if paragraph.number not in repeated:
                assert set(sentence.facts) - said, sentence.text
        for sentence in paragraph.sentences:
            said.update(sentence.facts)


def test_numbers_in_sentences_come_from_cited_facts(result: DraftResult) -> None:
    """Each figure printed with a % sign matches a value, reference or change of a cited fact."""
    for paragraph in result.draft.paragraphs():
        for sentence in paragraph.sentences:
            cited = [result.facts[f] for f in sentence.facts]
            numbers = {
                round(abs(x), 1)
                for f in cited
                for x in (f.value, f.reference, f.change, f.change_pct)
                if x is not None
            }
            for part in f_parts(cited):
                numbers.add(round(abs(part), 1))
            for match in re.finditer(r"(\d+(?:\.\d+)?)%", sentence.text):
                assert float(match.group(1)) in numbers or round(float(match.group(1))) in {
                    round(n) for n in numbers
                }, (sentence.text, match.group(0))


def f_parts(facts: list) -> list[float]:  # type: ignore[type-arg]
    out: list[float] = []
    for fact in facts:
        for part in fact.detail.get("parts", []) + fact.detail.get("children", []):
            out += [v for v in (part.get("change"), part.get("value")) if isinstance(v, float)]
    return out
