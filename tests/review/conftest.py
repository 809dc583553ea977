"""Fixtures of the review tests: the sample's October 2019 draft, written once per session
and copied into each test's folder, and a rephraser over the bundled sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.api import DraftResult, save_draft
from narrator.api import draft as make_draft
from narrator.project import Project, load_project
from narrator.resources import sample_dir
from narrator.review.variants import Rephraser

MONTH = "2019-10"


@pytest.fixture(scope="session")
def sample_project() -> Project:
    """The bundled sample project."""
    return load_project(sample_dir())


@pytest.fixture(scope="session")
def sample_result(sample_project: Project) -> DraftResult:
    """The sample's October 2019 draft (computed once: the fact engine takes a second)."""
    return make_draft(sample_project, MONTH)


@pytest.fixture
def draft_md(tmp_path: Path, sample_result: DraftResult) -> Path:
    """The draft's Markdown and sidecar, written into the test's folder."""
    path = tmp_path / "draft-2019-10.md"
    save_draft(sample_result.draft, path)
    return path


@pytest.fixture(scope="session")
def rephraser(sample_project: Project, sample_result: DraftResult) -> Rephraser:
    """Other phrasings of the sample draft (plans once for the session)."""
    return Rephraser(sample_project, sample_result.draft)
