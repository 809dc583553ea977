"""The HTML paper in headless Chromium: headings, charts, DRAFT, escaping, no console errors.

Skipped when no Chromium is installed (Debian/Ubuntu: ``apt-get install chromium``).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from narrator.build import BuildResult
from narrator.build.paper import Kind
from tests.build.chromium import Chromium, PageReport, find_browser

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="headless Chromium is not installed (apt-get install chromium)"
)

EXPRESSIONS = {
    "h1": "document.querySelector('h1') && document.querySelector('h1').textContent",
    "headings": "[...document.querySelectorAll('h2,h3,h4')].map(h => h.textContent.trim())",
    "paragraphs": "document.querySelectorAll('p.numbered').length",
    "images": "document.images.length",
    "loaded": "[...document.images].every(i => i.complete && i.naturalWidth > 0)",
    "scripts": "document.scripts.length",
    "watermark": "!!document.querySelector('.watermark')",
    "text": "document.body.innerText",
}


def _html(result: BuildResult) -> Path:
    return next(p for p in result.paths if p.suffix == ".html")


def load(page: Path) -> PageReport:
    assert BROWSER is not None
    with Chromium(BROWSER) as browser:
        return browser.load(page, EXPRESSIONS)


@pytest.fixture(scope="module")
def report(sample_build: BuildResult) -> PageReport:
    page = _html(sample_build)
    result = load(page)
    # Kept beside the page for a person to look at.
    page.with_name(f"{page.stem}.screenshot.png").write_bytes(result.screenshot)
    return result


def test_no_console_errors(report: PageReport) -> None:
    assert report.errors == []


def test_headings_are_in_the_dom(report: PageReport, sample_build: BuildResult) -> None:
    assert report.values["h1"] == "Police and Crime Plan Priority Update: Offenders"
    headings = report.values["headings"]
    assert "4.0 Performance Meeting Updates" in headings
    assert "4.1 Strategic measures" in headings
    assert "8.0 Recommendation" in headings
    # Every numbered paragraph of the paper (1.1 ... 8.1) is a numbered paragraph on the page.
    assert sample_build.paper is not None
    numbered = [b for b in sample_build.paper.blocks if b.kind is Kind.PARAGRAPH]
    assert report.values["paragraphs"] == len(numbered) > 25


def test_charts_are_present_and_decoded(report: PageReport, sample_build: BuildResult) -> None:
    assert sample_build.paper is not None
    assert report.values["images"] == len(sample_build.paper.figures) > 0
    assert report.values["loaded"] is True


def test_screenshot_is_a_rendered_page(report: PageReport) -> None:
    image = Image.open(io.BytesIO(report.screenshot)).convert("RGB")
    width, height = image.size
    assert width == 1200 and height > 3000, "the whole page, charts included"
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50, "not a blank page"


def test_final_page_has_no_watermark_and_no_scripts(report: PageReport) -> None:
    assert report.values["watermark"] is False
    assert report.values["scripts"] == 0


def test_harness_sees_console_errors(tmp_path: Path) -> None:
    # Without this the test above could pass because nothing is ever reported.
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><html><body><h1>x</h1>"
        "<script>console.error('broken on purpose')</script></body></html>",
        encoding="utf-8",
    )
    assert any("broken on purpose" in e for e in load(page).errors)


def test_csp_blocks_a_request_and_it_is_reported(sample_build: BuildResult, tmp_path: Path) -> None:
    # The built page's policy forbids any request: an injected external image is refused,
    # and the refusal is an error the harness reports.
    html = _html(sample_build).read_text(encoding="utf-8")
    page = tmp_path / "injected.html"
    page.write_text(
        html.replace("</main>", '<img src="http://example.invalid/x.png"></main>'),
        encoding="utf-8",
    )
    errors = load(page).errors
    assert any("Content Security Policy" in e for e in errors), errors
