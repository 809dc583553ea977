"""Hostile text from the figures' catalogue and the project prints as text, never as markup."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest

from narrator.build import BuildOptions, BuildResult, build
from narrator.resources import sample_dir
from tests.build.chromium import Chromium, find_browser
from tests.build.conftest import MONTH, fake_loader, no_findings, write_draft

LABEL = 'all crime <script>alert("label")</script> outcome rate'
HAND = '<script>alert("hand")</script> and <img src=x onerror=alert(1)> & &amp; stay text.'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("hostile")
    project = Path(shutil.copytree(sample_dir(), root / "project"))
    catalogue = project / "catalogue.toml"
    text = catalogue.read_text(encoding="utf-8")
    old = 'label = "all crime prosecution possible outcome rate"'
    assert old in text
    catalogue.write_text(text.replace(old, f"label = '{LABEL}'"), encoding="utf-8")
    background = project / "handwritten" / "background.md"
    background.write_text(background.read_text(encoding="utf-8") + f"\n{HAND}\n", "utf-8")
    paper = project / "paper.toml"
    paper.write_text(
        paper.read_text(encoding="utf-8").replace(
            'to = "Business Coordination Board"', "to = '<b>Board</b>'"
        ),
        encoding="utf-8",
    )
    draft_md = write_draft(project, root / "work")
    assert "<script>" in draft_md.read_text(encoding="utf-8"), "the label reached the draft"
    options = BuildOptions(draft=draft_md, out=root / "out")
    result = build(project, MONTH, options=options, checker=no_findings, load_review=fake_loader())
    assert result.built, result.blockers
    return result


def _output(result: BuildResult, suffix: str) -> Path:
    return next(p for p in result.paths if p.suffix == suffix)


def test_html_escapes_labels_and_handwritten_text(hostile: BuildResult) -> None:
    html = _output(hostile, ".html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "<img src=x" not in html and "<b>Board" not in html
    assert "&lt;script&gt;alert(&#34;label&#34;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#34;hand&#34;)&lt;/script&gt;" in html
    assert "&amp; &amp;amp; stay text." in html


def test_markdown_keeps_hostile_text_as_text(hostile: BuildResult) -> None:
    markdown = _output(hostile, ".md").read_text(encoding="utf-8")
    # Every tag is escaped (CommonMark renders "\\<script>" as the text "<script>").
    assert re.search(r"(?<!\\)<(script|img|b>)", markdown) is None
    assert '\\<script>alert("hand")\\</script>' in markdown
    assert "& \\&amp; stay text." in markdown


def test_word_holds_the_text_as_written(hostile: BuildResult) -> None:
    document = docx.Document(str(_output(hostile, ".docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert HAND in text and '<script>alert("label")</script>' in text


@pytest.mark.skipif(find_browser() is None, reason="headless Chromium is not installed")
def test_browser_runs_no_script_and_shows_the_text(hostile: BuildResult) -> None:
    browser = find_browser()
    assert browser is not None
    with Chromium(browser) as chromium:
        report = chromium.load(
            _output(hostile, ".html"),
            {"scripts": "document.scripts.length", "text": "document.body.innerText"},
        )
    assert report.errors == []
    assert report.values["scripts"] == 0
    assert '<script>alert("hand")</script>' in report.values["text"]
    assert '<script>alert("label")</script>' in report.values["text"]
