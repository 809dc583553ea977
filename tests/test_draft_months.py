"""Every month of the sample from 2017-10 to 2019-10 drafts cleanly; the prose has no faults."""

from __future__ import annotations

import re

import pytest

from narrator import months
from narrator.api import draft
from narrator.resources import sample_dir
from tests.golden_cases import ROOT

MONTHS = [months.iso(m) for m in range(months.parse("2017-10"), months.parse("2019-10") + 1)]
FAULTS = {
    "a count of one with a plural noun": re.compile(
        r"(?<![\d.,])1 (crimes|offences|incidents|"
        r"arrests|calls|thefts|people|searches)\b"
    ),
    "a negative change worded as an increase": re.compile(r"increased by -|up -|rose by -"),
    "an empty clause": re.compile(r"\(\s*\)|,\s*,|;\s*[;.]|\s[,;.]|:\s*\."),
    "a doubled word": re.compile(r"\b(\w+) \1\b", re.IGNORECASE),
    "a missing value": re.compile(r"\b(nan|None|inf)\b"),
}


@pytest.fixture(scope="module")
def drafts() -> dict[str, str]:
    return {m: draft(sample_dir(), m).draft.to_markdown() for m in MONTHS}


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_no_sentence_has_the_fault(drafts: dict[str, str], name: str) -> None:
    pattern = FAULTS[name]
    offenders = [
        (month, line)
        for month, text in drafts.items()
        for line in text.splitlines()
        if pattern.search(line)
    ]
    assert not offenders, f"{name}: {offenders[:3]}"


def test_every_month_has_generated_paragraphs(drafts: dict[str, str]) -> None:
    for month, text in drafts.items():
        assert text.count("\n4.1.") >= 2, month


def test_comparisons_only_with_periods_that_have_data() -> None:
    """The first month with a year of history cannot compare with two years back."""
    text = draft(sample_dir(), "2015-04").draft.to_markdown()
    assert "each of the last two years" not in text
    assert "2013" not in text


def test_second_project_drafts_without_code_changes() -> None:
    text = draft(ROOT / "projects" / "northshire", "2020-06").draft.to_markdown()
    assert "Northshire Performance Digest" in text
    assert "vehicle theft solved rate" in text
    assert "Coastal division" in text or "Upland division" in text
