"""Fixtures of the build tests: the sample's October 2019 draft, reviews real and fake,
checkers that find what a test needs, and one full build of the sample shared by the
tests that only read its outputs (charts make a build take seconds)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from narrator import api
from narrator.build import BuildOptions, BuildResult, build
from narrator.check import Finding, Severity, Verdict
from narrator.draft.document import Draft
from narrator.resources import sample_dir
from narrator.review.state import load_review

MONTH = "2019-10"


def finding(kind: str, severity: str, message: str, span: tuple[int, int] = (0, 0)) -> Finding:
    """A checker finding of the kind a test needs; an error is a contradiction."""
    verdict = Verdict.CONTRADICTED if severity == "error" else None
    return Finding(kind, Severity(severity), message, span, verdict)


def no_findings(text: str) -> Sequence[Finding]:
    """A checker that finds nothing: the build's own logic alone is under test."""
    return []


@dataclass
class FakeReview:
    """The review interface the build reads, with statuses and texts set by the test."""

    draft: Draft
    statuses: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def status(self, number: str) -> str:
        return self.statuses.get(number, "accepted")

    def text(self, number: str) -> str:
        if number in self.texts:
            return self.texts[number]
        return next(p.body for p in self.draft.paragraphs() if p.number == number)

    def blocking(self) -> list[tuple[str, str]]:
        reasons = {"pending": "not reviewed yet", "stale": "stale: the figures changed"}
        return [(n, reasons[s]) for n, s in self.statuses.items() if s in reasons]


def fake_loader(**statuses: str) -> Callable[[Path], FakeReview]:
    """A review loader whose paragraphs are accepted except the ones named (4_1_2="stale")."""

    def load(draft_md: Path) -> FakeReview:
        draft = Draft.from_json(draft_md.with_suffix(".json").read_text(encoding="utf-8"))
        return FakeReview(draft, {k.replace("_", "."): v for k, v in statuses.items()})

    return load


def accept_all(draft_md: Path) -> None:
    """Accept every generated paragraph through the review API and save the state."""
    review = load_review(draft_md)
    for number in review.numbers():
        review.accept(number, who="test")
    review.save()


def write_draft(project: Path, folder: Path) -> Path:
    """The October 2019 draft of ``project`` and its sidecar, in ``folder``."""
    result = api.draft(project, MONTH)
    folder.mkdir(parents=True, exist_ok=True)
    return api.save_draft(result.draft, folder / f"draft-{MONTH}.md")[0]


@pytest.fixture(scope="session")
def sample_draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's draft, written once per session (copy it before changing it)."""
    return write_draft(sample_dir(), tmp_path_factory.mktemp("sample-draft"))


@pytest.fixture
def draft_copy(sample_draft: Path, tmp_path: Path) -> Path:
    """A private copy of the sample's draft and sidecar (a review state may be saved)."""
    folder = tmp_path / "work"
    folder.mkdir()
    for source in (sample_draft, sample_draft.with_suffix(".json")):
        shutil.copy2(source, folder / source.name)
    return folder / sample_draft.name


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A private copy of the sample project, to change its paper or its files."""
    return Path(shutil.copytree(sample_dir(), tmp_path / "project"))


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory, sample_draft: Path) -> BuildResult:
    """The sample's paper, every paragraph accepted through the review API, all formats."""
    work = tmp_path_factory.mktemp("sample-build")
    draft_md = work / sample_draft.name
    for source in (sample_draft, sample_draft.with_suffix(".json")):
        shutil.copy2(source, work / source.name)
    accept_all(draft_md)
    options = BuildOptions(draft=draft_md, out=work / "out")
    result = build(sample_dir(), MONTH, options=options, checker=no_findings)
    assert result.built, result.blockers
    return result
