"""``narrator init`` scaffolds a project that drafts and builds; builds are byte-stable."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from narrator import api
from narrator.build import BuildOptions, build
from narrator.build.charts import ChartSource
from narrator.build.plot import render_png
from narrator.cli.app import app
from narrator.errors import ProjectError
from narrator.init import LAST_MONTH, init_project
from narrator.project import load_project
from tests.build.conftest import fake_loader, no_findings

ENV = {"COLUMNS": "120", "NO_COLOR": "1"}


@pytest.fixture
def scaffold(tmp_path: Path) -> Path:
    folder = tmp_path / "new-project"
    init_project(folder)
    return folder


def test_init_writes_a_project(scaffold: Path) -> None:
    names = sorted(p.relative_to(scaffold).as_posix() for p in scaffold.rglob("*") if p.is_file())
    assert names == [
        "areas.toml",
        "catalogue.toml",
        "figures.csv",
        "handwritten/updates.md",
        "narrator.toml",
        "outline.toml",
        "paper.toml",
    ]
    project, figures = api.load(scaffold)
    assert project.name == "Example Constabulary" and not figures.warnings


def test_init_refuses_a_folder_with_anything_in_it(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ProjectError, match="not empty"):
        init_project(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_init_command(tmp_path: Path) -> None:
    result = CliRunner(env=ENV).invoke(app, ["init", str(tmp_path / "p")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "narrator draft --month 2024-03" in result.output


def test_scaffold_drafts_and_builds(scaffold: Path, tmp_path: Path) -> None:
    draft = api.draft(scaffold, LAST_MONTH).draft
    generated = [p for p in draft.paragraphs() if p.generated]
    assert len(generated) == 3 and all(p.sentences for p in generated)
    draft_md = api.save_draft(draft, tmp_path / "draft.md")[0]
    options = BuildOptions(draft=draft_md, out=tmp_path / "out")
    result = build(
        scaffold, LAST_MONTH, options=options, checker=no_findings, load_review=fake_loader()
    )
    assert result.built and len(result.paths) == 3 + 3  # md, html, docx and three charts
    assert result.paper is not None
    headings = [b.number for b in result.paper.blocks if b.number and b.level]
    assert headings == ["1.0", "2.0", "3.0", "3.1", "3.2", "4.0", "4.1", "4.2"]

    again = build(
        scaffold,
        LAST_MONTH,
        options=BuildOptions(draft=draft_md, out=tmp_path / "again"),
        checker=no_findings,
        load_review=fake_loader(),
    )
    for first, second in zip(result.paths, again.paths, strict=True):
        assert first.name == second.name
        assert first.read_bytes() == second.read_bytes(), first.name
    docx = next(p for p in result.paths if p.suffix == ".docx")
    with zipfile.ZipFile(docx) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "2024-03-01T00:00:00Z" in core and "Monthly Performance Report" in core


def test_charts_are_byte_stable_and_carry_no_metadata(scaffold: Path) -> None:
    project, figures = api.load(scaffold)
    facts = api.load_facts(project, LAST_MONTH).facts
    data = ChartSource(project, figures, facts).data("burglary", "Exampleshire")
    assert data is not None and data.centre is not None and data.benchmark is not None
    draw = render_png.__wrapped__
    first, second = draw(data), draw(data)
    assert first == second
    image = Image.open(io.BytesIO(first))
    assert image.size == (1125, 525)
    assert "Software" not in image.info and not any("date" in k.lower() for k in image.info)


def test_chart_of_a_missing_series_is_skipped(scaffold: Path) -> None:
    project = load_project(scaffold)
    _, figures = api.load(project)
    facts = api.load_facts(project, LAST_MONTH).facts
    assert ChartSource(project, figures, facts).data("burglary", "Nowhere") is None
