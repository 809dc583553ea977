"""The labelled corpus of papers: files, labels, spans, coverage of every number, the split."""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.data.papers.corpus import (
    PROJECTS,
    REPO,
    ROOT,
    CorpusError,
    Paper,
    load_corpus,
    load_manifest,
    number_tokens,
)
from tests.data.papers.markup import export_paper, parse_markup

PAPERS = load_corpus()


def test_corpus_has_enough_texts_forces_and_styles() -> None:
    assert len(PAPERS) >= 36
    organisations = {p.organisation for p in PAPERS if "fictional" not in p.organisation}
    assert len(organisations) >= 12
    assert {p.about for p in PAPERS} == {None, *PROJECTS}


def test_manifest_and_files_agree() -> None:
    names = set(load_manifest())
    texts = {p.stem for p in ROOT.glob("*.txt")}
    labels = {p.name.removesuffix(".labels.json") for p in ROOT.glob("*.labels.json")}
    assert names == texts == labels


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_every_span_matches_the_text(paper: Paper) -> None:
    for label in paper.labels:
        assert paper.text[label.start : label.end] == label.text, label
    for span in paper.not_numbers:
        assert paper.text[span.start : span.end] == span.text, span
    spans = sorted([(x.start, x.end) for x in (*paper.labels, *paper.not_numbers)])
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start, f"{paper.name}: labels overlap at {start}"


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_every_number_is_labelled(paper: Paper) -> None:
    spans = [(x.start, x.end) for x in (*paper.labels, *paper.not_numbers)]
    missing = [
        (token, paper.text[max(0, start - 20) : end + 20])
        for start, end, token in number_tokens(paper.text)
        if not any(s <= start and end <= e for s, e in spans)
    ]
    assert not missing, f"{paper.name}: unlabelled numbers {missing}"
    # a label without a digit or number word is a month name or a fraction word, nothing else
    for label in paper.labels:
        bare = not list(number_tokens(label.text))
        assert (
            not bare
            or label.cls == "period"
            or label.text.lower() in {"doubled", "halved", "quarter", "a quarter"}
            # "almost a quarter", "nearly a quarter": a fraction word with its hedge
            or label.text.lower().endswith(" a quarter")
            # "fivefold", "in the seventies": a multiple, a decade of numbers
            or re.fullmatch(
                r"\w+fold|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies"
                r"|(?:(?:more\s+than|almost|nearly|over|about|just\s+(?:over|under))\s+)?"
                r"(?:doubl|trebl|tripl|halv|quadrupl)(?:e|es|ed|ing)",
                label.text,
            )
        ), label


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_truth_only_on_the_paper_s_own_project(paper: Paper) -> None:
    for label in paper.values():
        assert label.project in (None, paper.about), label
        if label.truth is False:
            assert label.true_value, f"{paper.name}: a false value says what is true: {label}"
    if paper.about is not None:
        assert any(label.project == paper.about for label in paper.values())
        assert paper.check_project == paper.about


def _month_range(project: str) -> tuple[str, str]:
    with (REPO / PROJECTS[project] / "figures.csv").open(newline="") as handle:
        months = sorted({row["month"] for row in csv.DictReader(handle)})
    return months[0], months[-1]


def test_months_lie_within_the_checked_projects_figures() -> None:
    ranges = {name: _month_range(name) for name in PROJECTS}
    for paper in PAPERS:
        first, last = ranges[paper.check_project]
        assert first <= paper.month <= last, paper.name


def test_split_is_a_third_and_spread() -> None:
    counts = Counter(p.split for p in PAPERS)
    assert set(counts) == {"development", "validation"}
    assert 0.3 <= counts["validation"] / len(PAPERS) <= 0.37
    for split in counts:
        papers = [p for p in PAPERS if p.split == split]
        assert {p.about for p in papers} == {None, *PROJECTS}, split
        assert len({p.organisation for p in papers}) >= 6, split


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_markup_round_trips(paper: Paper) -> None:
    text, labels, not_numbers = parse_markup(export_paper(paper.name))
    assert text == paper.text
    assert tuple(labels) == paper.labels
    assert tuple(not_numbers) == paper.not_numbers


def test_markup_reads_every_field() -> None:
    text, labels, spans = parse_markup(
        "Crime fell {{4.1%|v:percent@camb:f=2.8%}} in {{Q3 2018/19|p:quarter}}, "
        "{{one|x}} of the falls on page {{7|r:page}} per {{1,000|o:rate_base}}."
    )
    assert text == "Crime fell 4.1% in Q3 2018/19, one of the falls on page 7 per 1,000."
    first = labels[0]
    assert (first.text, first.cls, first.kind, first.project, first.truth, first.true_value) == (
        "4.1%",
        "value",
        "percent",
        "cambridgeshire",
        False,
        "2.8%",
    )
    assert [label.cls for label in labels] == ["value", "period", "reference", "other"]
    assert [s.text for s in spans] == ["one"]


def test_a_bad_label_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="bad label"):
        parse_markup("{{12|q}}")
    (tmp_path / "manifest.toml").write_text(
        '[papers.a]\nsplit = "development"\nmonth = "2019-10"\ncheck_project = "cambridgeshire"\n'
        'organisation = "x"\ndocument_type = "y"\n'
    )
    (tmp_path / "a.txt").write_text("12 crimes")
    bad = {"labels": [{"start": 0, "end": 2, "text": "12", "class": "number"}]}
    (tmp_path / "a.labels.json").write_text(json.dumps(bad))
    with pytest.raises(CorpusError, match="class 'number'"):
        load_corpus(tmp_path)
