"""The Word paper, opened with python-docx: headings, numbered paragraphs, charts, DRAFT."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from narrator.build import BuildOptions, BuildResult, build
from narrator.resources import sample_dir
from tests.build.conftest import MONTH, fake_loader, no_findings


def _docx(result: BuildResult) -> Path:
    return next(p for p in result.paths if p.suffix == ".docx")


@pytest.fixture(scope="module")
def document(sample_build: BuildResult) -> docx.document.Document:
    return docx.Document(str(_docx(sample_build)))


def test_headings_follow_the_paper(document: docx.document.Document) -> None:
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:4] == [
        "1.0 Purpose",
        "2.0 Recommendations",
        "3.0 Background",
        "4.0 Performance Meeting Updates",
    ]
    for expected in (
        "4.1 Strategic measures",
        "4.2 Performance Headlines and Department Updates",
        "5.0 Priority Updates",
        "5.2 Dwelling Burglary",
        "6.1 Disrupting offenders and deterring offending",
        "6.1.1 Joint working to disrupt offenders",
        "7.0 Highlighted Good Practice",
        "8.0 Recommendation",
    ):
        assert expected in headings
    levels = {p.text: p.style.name for p in document.paragraphs}
    assert levels["4.0 Performance Meeting Updates"] == "Heading 1"
    assert levels["4.1 Strategic measures"] == "Heading 2"
    assert levels["6.1.1 Joint working to disrupt offenders"] == "Heading 3"
    title = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert title == ["Police and Crime Plan Priority Update: Offenders"]


def test_front_matter(document: docx.document.Document) -> None:
    texts = [p.text for p in document.paragraphs[:3]]
    assert texts == [
        "To:\tBusiness Coordination Board",
        "From:\tChief Constable",
        "Date:\t19th December 2019",
    ]


def test_paragraphs_are_numbered_in_order_without_gaps(document: docx.document.Document) -> None:
    numbers = [
        m.group(1)
        for p in document.paragraphs
        if (m := re.match(r"^(\d+(?:\.\d+){1,2})\t", p.text))
    ]
    assert numbers[:4] == ["1.1", "2.1", "3.1", "3.2"]
    assert "4.1.1" in numbers and "4.1.2" in numbers and "7.6" in numbers
    assert numbers[-1] == "8.1"
    # Within each parent the numbers run 1, 2, 3 ...
    seen: dict[str, int] = {}
    for number in numbers:
        parent, _, last = number.rpartition(".")
        assert int(last) == seen.get(parent, 0) + 1, number
        seen[parent] = int(last)
    generated = next(p for p in document.paragraphs if p.text.startswith("4.1.2\t"))
    assert "9.7%" in generated.text


def test_charts_are_embedded(document: docx.document.Document, sample_build: BuildResult) -> None:
    assert sample_build.paper is not None
    figures = sample_build.paper.figures
    assert len(figures) >= 10
    assert len(document.inline_shapes) == len(figures)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[0].startswith("Figure 1: All crime prosecution possible outcome rate")
    assert all(shape.width > 0 and shape.height > 0 for shape in document.inline_shapes)


def test_final_paper_has_no_draft_header(document: docx.document.Document) -> None:
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "DRAFT" not in header


def test_watermarked_paper_says_draft_on_every_page(draft_copy: Path, tmp_path: Path) -> None:
    options = BuildOptions(
        draft=draft_copy, out=tmp_path / "out", formats=("docx",), draft_watermark=True
    )
    result = build(
        sample_dir(),
        MONTH,
        options=options,
        checker=no_findings,
        load_review=fake_loader(**{"4_1_2": "pending"}),
    )
    assert result.built and result.watermarked
    document = docx.Document(str(_docx(result)))
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert header.startswith("DRAFT: not approved for circulation (1 pending)")
