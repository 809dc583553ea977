"""The Wyvern Vale test project: every fact planted in its figures is stated in the draft of
its month, with its figure, from an outline that names only measures.

``tests/projects/wyvern/make_figures.py`` plants the facts; these tests first check that the
engine finds each one (so a changed generator cannot make a test pass vacuously), then find
the sentence of the draft that cites it and check the figure printed there. The figures are
read from the facts, never written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.api import DraftResult, draft
from narrator.check import Checker, parse_text
from narrator.draft.document import Sentence
from narrator.draft.validate import load_checked_outline
from narrator.facts import Fact
from narrator.phrasing.filters import number, number_word, percent
from narrator.project import Project, load_project

WYVERN = Path(__file__).parent / "projects" / "wyvern"
FORCE = "Wyvern Vale"


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(WYVERN)


_DRAFTS: dict[str, DraftResult] = {}


def drafted(project: Project, month: str) -> DraftResult:
    if month not in _DRAFTS:
        _DRAFTS[month] = draft(project, month)
    return _DRAFTS[month]


def citing(result: DraftResult, fact: Fact) -> Sentence:
    """The sentence of the draft that states ``fact``."""
    for paragraph in result.draft.paragraphs():
        for sentence in paragraph.sentences:
            if fact.id in sentence.facts:
                return sentence
    said = [s.text for p in result.draft.paragraphs() for s in p.sentences]
    raise AssertionError(f"no sentence states {fact.id}; the draft says {said}")


def one(result: DraftResult, kind: str, measure: str, area: str = FORCE, **detail: object) -> Fact:
    found = [
        f
        for f in result.facts.all(kind, measure, area)
        if all(f.detail.get(k) == v for k, v in detail.items())
    ]
    assert len(found) == 1, (kind, measure, area, detail, [f.id for f in found])
    return found[0]


def test_the_outline_names_only_measures(project: Project) -> None:
    outline = load_checked_outline(project)
    paragraphs = [p for s in outline.sections for p in s.paragraphs]
    assert paragraphs and all(p.measures and not p.say for p in paragraphs)


def test_the_long_streak_is_stated_with_its_length(project: Project) -> None:
    result = drafted(project, "2021-06")
    streak = one(result, "streak.rolling", "vehicle_crime")
    assert streak.direction == "down" and not streak.detail["broken"]
    assert streak.value >= 8, "the generator plants at least eight months of falls"
    sentence = citing(result, streak)
    length = number_word(int(streak.value))
    assert f"{length} consecutive months" in sentence.text, sentence.text
    assert "fallen" in sentence.text


def test_the_12_month_record_is_stated_with_its_figure(project: Project) -> None:
    result = drafted(project, "2021-09")
    rolling = [
        r
        for r in result.facts.all("record", "shoplifting", FORCE)
        if r.period == "R12:2021-09" and r.detail["record"] == "highest"
    ]
    assert len(rolling) == 1 and rolling[0].detail["on_record"] is True
    sentence = citing(result, rolling[0])
    assert "highest on record" in sentence.text, sentence.text
    assert number(rolling[0].value) in sentence.text


def test_the_outlier_district_is_stated_with_its_change(project: Project) -> None:
    result = drafted(project, "2021-11")
    outlier = one(
        result, "area.outlier", "robberies", "Newport upon Tarn", comparison="rolling_year"
    )
    assert outlier.significant and outlier.direction == "up"
    sentence = citing(result, outlier)
    assert "Newport upon Tarn" in sentence.text
    assert percent(abs(outlier.value)) in sentence.text, sentence.text
    assert "outlier" in sentence.text


def test_the_benchmark_breach_is_stated_with_both_figures(project: Project) -> None:
    result = drafted(project, "2021-08")
    benchmark = one(result, "benchmark.long_term", "charge_rate")
    assert benchmark.significant and benchmark.direction == "down"
    assert benchmark.reference is not None
    sentence = citing(result, benchmark)
    assert "significantly lower than" in sentence.text, sentence.text
    assert "long-term benchmark" in sentence.text
    assert percent(benchmark.reference) in sentence.text
    level = one(result, "level.rolling", "charge_rate")
    paragraph = next(p for p in result.draft.paragraphs() if sentence in p.sentences)
    assert percent(level.value) in paragraph.body


def test_the_seasonal_low_is_not_called_significant(project: Project) -> None:
    result = drafted(project, "2021-03")
    values = [f for f in result.facts.select(measure="asb", area=FORCE) if f.period == "2021-03"]
    month = one(result, "change.month", "asb")
    year = next(f for f in result.facts.all("change.year", "asb", FORCE) if f.detail["years"] == 1)
    assert month.direction == "up" and year.direction == "up", "the generator plants a rise"
    signal = one(result, "xmr.signal", "asb")
    assert signal.detail["seasonal"] is True
    assert not signal.significant, "a seasonal low is no signal"
    for average in result.facts.all("change.average", "asb", FORCE):
        assert not (average.significant and average.direction == "down"), average.id
    month_facts = {f.id for f in values}
    for paragraph in result.draft.paragraphs():
        for sentence in paragraph.sentences:
            if month_facts & set(sentence.facts):
                assert "significant" not in sentence.text, sentence.text
                assert "fall" not in sentence.text, sentence.text


@pytest.mark.parametrize("month", ["2021-03", "2021-06", "2021-08", "2021-09", "2021-11"])
def test_the_draft_of_each_planted_month_checks_clean(project: Project, month: str) -> None:
    markdown = drafted(project, month).draft.to_markdown()
    report = Checker.for_project(project).check_document(parse_text(markdown), month=month)
    problems = [
        f"{v.claim.text!r}: {v.message} || {v.claim.sentence}" for v in report.contradictions
    ]
    problems += [f.message for f in report.findings if f.contradicts]
    assert problems == []
