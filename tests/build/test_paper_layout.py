"""The paper's layout: front matter, hand-written sections, numbering, and what is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from narrator.build.assemble import assemble
from narrator.build.config import PaperSpec, PartSpec, load_paper_spec
from narrator.build.handwritten import parse_handwritten
from narrator.build.paper import Kind, Paper
from narrator.draft.document import Draft, Paragraph, Section, Sentence
from narrator.errors import ProjectError
from narrator.project import load_project
from tests.build.conftest import MONTH, FakeReview

SECTION_SIX = """\
## Disrupting offenders

### Joint working

- Both area commanders now hold
  a joint tasking meeting.

- Analysts shared one ranking.

### Days of action

Section 7 below describes the day.

## Bringing offenders to justice

A numbered paragraph
written over two lines.
"""


def small_draft() -> Draft:
    def generated(number: str, text: str) -> Paragraph:
        return Paragraph(number, True, sentences=[Sentence(text, ["f1"])])

    return Draft(
        project="Test",
        month=MONTH,
        title="Outline title: October 2019",
        sections=[
            Section(
                "4.1",
                "Strategic",
                [Paragraph("4.1.1", False, text="Hand."), generated("4.1.2", "Rate 9.7%.")],
            ),
            Section("4.2", "Headlines", [generated("4.2.1", "Calls fell.")]),
            Section("5.1", "Violence", [generated("5.1.1", "Stable.")]),
        ],
    )


def paper_of(parts: tuple[PartSpec, ...], **statuses: str) -> Paper:
    spec = PaperSpec(
        title="Title", front=(("To", "Board"),), parts=parts, charts=True, source="paper.toml"
    )
    review = FakeReview(small_draft(), {k.replace("_", "."): v for k, v in statuses.items()})
    return assemble(spec, review, month=MONTH)


def numbered(paper: Paper) -> list[tuple[str, str | None, str]]:
    return [(b.kind.value, b.number, b.text) for b in paper.blocks]


def test_handwritten_grammar() -> None:
    items = parse_handwritten(SECTION_SIX, "offenders.md")
    assert [(i.kind, i.line) for i in items] == [
        ("h2", 1),
        ("h3", 3),
        ("bullet", 5),
        ("bullet", 8),
        ("h3", 10),
        ("para", 12),
        ("h2", 14),
        ("para", 16),
    ]
    assert items[2].text == "Both area commanders now hold a joint tasking meeting."
    assert items[-1].text == "A numbered paragraph written over two lines."


def test_sections_are_numbered_by_position_like_the_seed() -> None:
    parts = (
        PartSpec("Purpose", "s1", text="The purpose.\n\nA second paragraph."),
        PartSpec("Updates", "s2", draft="4"),
        PartSpec("Priorities", "s3", draft="5"),
        PartSpec("Offender Updates", "s4", text=SECTION_SIX, origin="offenders.md"),
    )
    assert numbered(paper_of(parts)) == [
        ("heading", "1.0", "Purpose"),
        ("paragraph", "1.1", "The purpose."),
        ("paragraph", "1.2", "A second paragraph."),
        ("heading", "2.0", "Updates"),
        ("heading", "2.1", "Strategic"),
        ("paragraph", "2.1.1", "Hand."),
        ("paragraph", "2.1.2", "Rate 9.7%."),
        ("heading", "2.2", "Headlines"),
        ("paragraph", "2.2.1", "Calls fell."),
        ("heading", "3.0", "Priorities"),
        ("heading", "3.1", "Violence"),
        ("paragraph", "3.1.1", "Stable."),
        ("heading", "4.0", "Offender Updates"),
        ("heading", "4.1", "Disrupting offenders"),
        ("heading", "4.1.1", "Joint working"),
        ("bullet", None, "Both area commanders now hold a joint tasking meeting."),
        ("bullet", None, "Analysts shared one ranking."),
        ("heading", "4.1.2", "Days of action"),
        ("body", None, "Section 7 below describes the day."),
        ("heading", "4.2", "Bringing offenders to justice"),
        ("paragraph", "4.2.1", "A numbered paragraph written over two lines."),
    ]


def test_rejected_paragraphs_and_emptied_sections_leave_no_gaps() -> None:
    parts = (PartSpec("Updates", "s1", draft="4"), PartSpec("Priorities", "s2", draft="5"))
    paper = paper_of(parts, **{"4_1_2": "rejected", "4_2_1": "rejected"})
    assert [(b.number, b.text) for b in paper.blocks][:4] == [
        ("1.0", "Updates"),
        ("1.1", "Strategic"),
        ("1.1.1", "Hand."),
        ("2.0", "Priorities"),
    ]


def test_without_a_layout_the_draft_keeps_its_numbers() -> None:
    paper = paper_of(())
    assert paper.title == "Title"
    assert [b.number for b in paper.blocks if b.kind is Kind.HEADING] == ["4.1", "4.2", "5.1"]
    assert [b.number for b in paper.blocks if b.kind is Kind.PARAGRAPH] == [
        "4.1.1",
        "4.1.2",
        "4.2.1",
        "5.1.1",
    ]


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ((PartSpec("A", "s1", draft="4"),), "sections 5.1 are in no section of the paper"),
        (
            (
                PartSpec("A", "s1", draft="4"),
                PartSpec("B", "s2", draft="5"),
                PartSpec("C", "s3", draft="6"),
            ),
            "the draft has no section 6.x",
        ),
        (
            (
                PartSpec("A", "s1", draft="4"),
                PartSpec("B", "s2", draft="4"),
                PartSpec("C", "s3", draft="5"),
            ),
            "already placed by s1",
        ),
        (
            (
                PartSpec("A", "s1", draft="4"),
                PartSpec("B", "s2", draft="5"),
                PartSpec("C", "s3", text="### Heading"),
            ),
            "a ### heading before any ## subsection",
        ),
        (
            (
                PartSpec("A", "s1", draft="4"),
                PartSpec("B", "s2", draft="5"),
                PartSpec("C", "s3", text="# Title", origin="c.md"),
            ),
            "c.md: line 1: a heading of level 1",
        ),
    ],
)
def test_layouts_that_would_lose_or_garble_text_are_refused(
    parts: tuple[PartSpec, ...], message: str
) -> None:
    with pytest.raises(ProjectError, match=message.replace(".", r"\.")):
        paper_of(parts)


def write_paper(project: Path, text: str) -> None:
    (project / "paper.toml").write_text(text, encoding="utf-8")


def test_sample_layout(project_copy: Path) -> None:
    spec = load_paper_spec(load_project(project_copy), MONTH)
    assert spec.front == (
        ("To", "Business Coordination Board"),
        ("From", "Chief Constable"),
        ("Date", "19th December 2019"),
    )
    assert [p.title for p in spec.parts] == [
        "Purpose",
        "Recommendations",
        "Background",
        "Performance Meeting Updates",
        "Priority Updates",
        "Offender Updates",
        "Highlighted Good Practice",
        "Recommendation",
    ]
    assert [p.draft for p in spec.parts if p.draft] == ["4", "5"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[sections]]\ntitle = "A"\ninclude = "../../etc/passwd"\n', "points outside"),
        ('[[sections]]\ntitle = "A"\ninclude = "/etc/passwd"\n', "points outside"),
        ('[[sections]]\ntitle = "A"\ntext = "x"\ninclude = "y.md"\n', "exactly one of"),
        ('[[sections]]\ntitle = "A"\n', "exactly one of text, include or draft, got none"),
        ('[[sections]]\ntitle = "A"\ndraft = "4.1"\n', "not a section number of the draft"),
        ('[[sections]]\ntitle = "A"\ninclude = "missing.md"\n', "file not found"),
        ('[[sections]]\ntext = "A"\n', "has no title"),
        ('[[sections]]\ntitle = "A"\ntext = "x"\nstyle = "bold"\n', "unknown key `style`"),
        ('author = "me"\n', "unknown top-level key `author`"),
        ('charts = "yes"\n', "charts must be true or false"),
        ("to = 3\n", "to must be text in quotes, got 3"),
    ],
)
def test_bad_paper_files_are_refused(project_copy: Path, body: str, message: str) -> None:
    write_paper(project_copy, body)
    with pytest.raises(ProjectError, match=message):
        load_paper_spec(load_project(project_copy), MONTH)


def test_a_symlink_out_of_the_project_is_refused(project_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("not for the paper", encoding="utf-8")
    os.symlink(secret, project_copy / "handwritten" / "link.md")
    write_paper(project_copy, '[[sections]]\ntitle = "A"\ninclude = "handwritten/link.md"\n')
    with pytest.raises(ProjectError, match="points outside the project folder"):
        load_paper_spec(load_project(project_copy), MONTH)


def test_paper_file_outside_the_project_is_refused(project_copy: Path) -> None:
    config = project_copy / "narrator.toml"
    text = config.read_text(encoding="utf-8").replace('"paper.toml"', '"../paper.toml"')
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ProjectError, match=r"\[paper\] file = '\.\./paper\.toml' points outside"):
        load_paper_spec(load_project(project_copy), MONTH)


def test_include_may_name_the_month(project_copy: Path) -> None:
    folder = project_copy / "handwritten" / MONTH
    folder.mkdir()
    (folder / "updates.md").write_text("October's update.\n", encoding="utf-8")
    write_paper(
        project_copy, '[[sections]]\ntitle = "A"\ninclude = "handwritten/{month}/updates.md"\n'
    )
    spec = load_paper_spec(load_project(project_copy), MONTH)
    assert spec.parts[0].text == "October's update.\n"
    assert spec.parts[0].origin == f"handwritten/{MONTH}/updates.md"


def test_inline_paper_table(project_copy: Path) -> None:
    (project_copy / "paper.toml").unlink()
    config = project_copy / "narrator.toml"
    text = config.read_text(encoding="utf-8").replace(
        'file = "paper.toml"', 'title = "Inline"\ncharts = false'
    )
    config.write_text(text, encoding="utf-8")
    spec = load_paper_spec(load_project(project_copy), MONTH)
    assert spec.title == "Inline" and spec.charts is False and not spec.has_layout
