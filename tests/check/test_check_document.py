"""Reading papers: numbered sections and paragraphs, offsets, and clear errors."""

from __future__ import annotations

import os
import zipfile
from datetime import date
from pathlib import Path

import pytest

from narrator.check import Document, parse_text, read_document
from narrator.errors import DocumentError

SEED_SECTIONS_FIRST_LAST = ("1.0", "8.1")
#: The seed's paragraphs: 4 of front matter, 34 headings, 38 numbered paragraphs and 34
#: unnumbered ones (the bodies of section 6), 110 in all, in 77 numbered sections.
SEED_PARAGRAPHS = 110
SEED_SECTIONS = 77


def test_seed_sections_and_paragraphs(seed: Document) -> None:
    numbers = list(seed.sections)
    assert (numbers[0], numbers[-1]) == SEED_SECTIONS_FIRST_LAST
    assert len(seed.sections) == SEED_SECTIONS
    assert len(seed.paragraphs) == SEED_PARAGRAPHS
    kinds = [p.kind for p in seed.paragraphs]
    assert kinds.count("front") == 4
    # Every number of sections 4 and 5 is found, including 4.2.6 after a page break.
    for number in ["4.1", "4.1.1", "4.1.4", "4.2", "4.2.6", "4.2.7", "5.1.6", "5.2", "5.2.5"]:
        assert number in seed.sections
    assert seed.sections["4.1"].heading == "Strategic measures"
    assert seed.sections["5.2"].heading == "Dwelling Burglary"
    assert seed.sections["4.2.6"].heading is None
    assert seed.sections["6.1.4"].heading is not None  # a quoted objective heads its bodies
    assert seed.sections["4.2.6"].parent == "4.2"
    # "4.2.2 above" wrapped to a line start, "Section 5 below": never paragraphs.
    assert [p.number for p in seed.paragraphs].count("4.2.2") == 1


def test_seed_front_matter(seed: Document) -> None:
    assert seed.date == date(2019, 12, 19)
    assert seed.front["to"] == "Business Coordination Board"
    assert seed.title == "Police and Crime Plan Priority Update: Offenders"


def test_offsets_point_into_the_original_text(seed: Document) -> None:
    for paragraph in seed.paragraphs:
        for word_start in range(len(paragraph.text)):
            char = paragraph.text[word_start]
            if char != " ":
                assert seed.text[paragraph.offset(word_start)] == char
    # A paragraph wrapped across a blank line (a page break) stays one paragraph.
    paragraph = seed.sections["3.1"].paragraphs[0]
    assert "2019 and reviewed performance" in paragraph.text
    start, end = paragraph.span(0, len(paragraph.text))
    assert seed.text[start:end].split() == paragraph.text.split()


def test_heading_in_force(seed: Document) -> None:
    body = next(p for p in seed.paragraphs if p.section == "5.2.1")
    assert body.heading == "Dwelling Burglary"
    bullets = [p for p in seed.paragraphs if p.section == "6.1.1" and p.kind == "body"]
    assert len(bullets) == 2


def test_number_after_a_page_break_mid_line() -> None:
    text = (
        "4.2 Headlines\n\n4.2.5 Work continues. 4.2.6 There was a month on month increase.\n"
        "Some more text about it \n\n4.2.7 Satisfaction remains consistent.\n"
    )
    document = parse_text(text)
    assert list(document.sections) == ["4.2", "4.2.5", "4.2.6", "4.2.7"]
    assert document.sections["4.2.6"].paragraphs[0].text.startswith("There was")
    assert "Some more text about it" in document.sections["4.2.6"].paragraphs[0].text


def test_wrapped_reference_is_not_a_paragraph() -> None:
    text = "6.2.3 Co-location continues through the arrangements detailed in\n4.2.2 above.\n"
    document = parse_text(text)
    assert list(document.sections) == ["6.2.3"]


def test_markdown_headings_and_bullets() -> None:
    text = (
        "---\nDate: 19 December 2019\n---\n\n# 4.0 Performance\n\n## 4.1 Strategic measures\n\n"
        "4.1.1 The rate fell to 9.7%.\n\n- one bullet\n- another bullet\n\n## Unnumbered part\n\n"
        "Plain paragraph.\n"
    )
    document = parse_text(text)
    assert document.date == date(2019, 12, 19)
    assert document.sections["4.1"].heading == "Strategic measures"
    kinds = [(p.kind, p.text) for p in document.paragraphs if p.kind != "front"]
    assert ("bullet", "one bullet") in kinds
    assert ("heading", "Unnumbered part") in kinds
    assert next(p for p in document.paragraphs if p.text == "Plain paragraph.").heading == (
        "Unnumbered part"
    )


def test_docx_paper(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    paper = docx.Document()
    paper.add_paragraph("Date: 19th December 2019")
    paper.add_heading("4.0 Performance Meeting Updates", level=1)
    paper.add_paragraph("4.1 Strategic measures")
    paper.add_paragraph(
        "4.1.2 The all crime 12 month prosecution possible outcome rate fell to 9.7%."
    )
    paper.add_paragraph("A point made in a list.", style="List Bullet")
    paper.add_heading("Unnumbered heading", level=2)
    paper.add_paragraph("See 4.1.2 for the rate.")
    path = tmp_path / "paper.docx"
    paper.save(str(path))
    document = read_document(path)
    assert document.date == date(2019, 12, 19)
    assert list(document.sections) == ["4.0", "4.1", "4.1.2"]
    assert document.sections["4.1"].heading == "Strategic measures"
    texts = {p.text: p.kind for p in document.paragraphs}
    assert texts["A point made in a list."] == "bullet"
    assert texts["Unnumbered heading"] == "heading"
    rate = document.sections["4.1.2"].paragraphs[0]
    start, end = rate.span(0, len(rate.text))
    assert document.text[start:end] == rate.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"", "the file is empty"),
        ("blank.txt", b"  \n\n \t\n", "the file is empty"),
        ("latin1.md", "4.1 Caf\u00e9 rate\n".encode("latin-1"), "byte 0xe9 at offset 7"),
        ("bad.docx", b"this is not a zip archive", "not a valid .docx"),
        ("bad-zip.docx", b"PK\x03\x04 truncated", "not a valid .docx"),
    ],
)
def test_bad_inputs(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_docx_without_a_document_part(tmp_path: Path) -> None:
    path = tmp_path / "empty-package.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    with pytest.raises(DocumentError, match=r"not a valid \.docx"):
        read_document(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="file not found"):
        read_document(tmp_path / "nowhere.md")
    with pytest.raises(DocumentError, match="is a folder"):
        read_document(tmp_path)


def test_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(b"1.0 Purpose\n\n1.1 The rate \xff fell.\n")
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert "line 3, column 14" in str(caught.value)
    assert caught.value.hint and "UTF-8" in caught.value.hint


def test_reading_never_modifies_the_file(seed_path: Path) -> None:
    before = seed_path.read_bytes(), os.stat(seed_path).st_mtime_ns
    read_document(seed_path)
    assert (seed_path.read_bytes(), os.stat(seed_path).st_mtime_ns) == before


def test_spacy_is_loaded_only_by_a_reader() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import narrator.check as c; "
        "c.parse_text('4.1 Strategic measures\\n\\n4.1.1 The rate fell to 9.7%.'); "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_whole_number_paragraphs_and_headings() -> None:
    text = (
        "Report to the Panel\n\n1. Background\n\n1.1 The Panel asked for an update.\n\n"
        "2. Arrests rose by 4% to 310.\n\n3 Outcomes\n"
        "412 outcomes were recorded in the month.\n\n"
        "4.0 NEXT STEPS\n\n4.1 The Panel is asked to note the report.\n"
    )
    document = parse_text(text)
    assert list(document.sections) == ["1", "1.1", "2", "3", "4.0", "4.1"]
    assert document.sections["2"].paragraphs[0].text.startswith("Arrests rose")
    # A count at the start of a line stays in its paragraph, as prose.
    outcomes = document.sections["3"].paragraphs
    assert any(p.text.startswith("412 outcomes") for p in outcomes)


def test_a_count_or_a_date_at_a_line_start_is_not_a_number() -> None:
    text = (
        "1. Summary\n\nThe unit met on\n14 February 2020 and reviewed\n"
        "57 Cases of fraud were closed.\n\n2. Detail\n\nsee\n2.4.1 above.\n"
    )
    document = parse_text(text)
    assert list(document.sections) == ["1", "2"]


def test_a_numbered_list_restarts_at_one() -> None:
    text = (
        "1. Summary\n\nCrime fell.\n\n2. Detail\n\nIt fell in all areas.\n\n"
        "Notes for editors\n1. All figures are provisional.\n2. Rates are per head.\n"
    )
    document = parse_text(text)
    numbered = [p.number for p in document.paragraphs if p.number]
    assert numbered == ["1", "2", "1", "2"]


def test_contents_lines_and_table_rows_are_not_prose() -> None:
    text = (
        "Contents\n1. Summary .............. 2\nAnnex ..................... 9\n\n"
        "1. Summary\n\nBurglary fell by 3% to 900.\n\n"
        "Area        Jan-20   Jan-19   Change\n"
        "North       410      400      +2.5%\n"
        "South       490      520      -5.8%\n\n"
        "Robbery rose.\n"
    )
    document = parse_text(text)
    kinds = [p.kind for p in document.paragraphs]
    assert kinds.count("contents") == 2
    assert kinds.count("table") == 3
    contents = next(p for p in document.paragraphs if p.kind == "contents")
    assert [text[s:e] for s, e in contents.references] == ["1", "2"]
    prose = [p.text for p in document.iter_text()]
    assert "Burglary fell by 3% to 900." in prose
    assert "Robbery rose." in prose
    assert not any("410" in t or ".........." in t for t in prose)


def test_double_spaced_prose_is_not_a_table() -> None:
    text = "1. Summary\n\nCrime fell  by 4%  to 1,200  in the  year to March.\n"
    document = parse_text(text)
    assert [p.kind for p in document.paragraphs] == ["heading", "body"]


def test_numbered_items_and_framed_page_numbers() -> None:
    text = (
        "1. Actions\n\n1) Review the hotspots.\n(2) Refresh the list.\n\n- 4 -\n\n"
        "Total arrests\n\n312\n"
    )
    document = parse_text(text)
    items = [p for p in document.paragraphs if p.kind == "bullet"]
    assert [text[slice(*p.number_span)] for p in items if p.number_span] == ["1", "2"]
    pages = [p for p in document.paragraphs if p.kind == "contents"]
    assert [text[s:e] for p in pages for s, e in p.references] == ["4"]
    # A figure alone on a line (a slide's or a table's) is prose, not a page number.
    assert any(p.text == "312" and p.kind == "body" for p in document.paragraphs)


def test_a_table_of_contents_without_dot_leaders() -> None:
    text = (
        "Quarterly review\n\nContents\n1 Overview\n2 Demand   7\nAnnex   12\n\n"
        "1 Overview\n\nCalls rose by 4% to 2,100.\n"
    )
    document = parse_text(text)
    contents = [p for p in document.paragraphs if p.kind == "contents"]
    assert [[text[s:e] for s, e in p.references] for p in contents] == [
        ["1"],
        ["2", "7"],
        ["12"],
    ]
    assert list(document.sections) == ["1"]
    assert "Calls rose by 4% to 2,100." in [p.text for p in document.iter_text()]


def test_a_contents_heading_over_prose_lists_nothing() -> None:
    text = "Contents\nThis report covers 12 months of data.\n\n1. Overview\n\nCrime fell.\n"
    document = parse_text(text)
    assert not [p for p in document.paragraphs if p.kind == "contents"]


def test_a_short_title_line_heads_what_follows() -> None:
    text = (
        "Borough Briefing\nMarch 2020\n\nCrime fell across the borough this month.\n\n"
        "Eastmoor\n- Assaults: 43\n- Thefts: 60\n\n"
        "Indicator\nActual\nGoal\n"
        "Charge rate\n11.4%\n14%\n\n"
        "Upland division\n\nThe division recorded 120 assaults, a quarter of the total.\n"
    )
    document = parse_text(text)
    headings = [p.text for p in document.paragraphs if p.kind == "heading"]
    # A title over a list and a title over prose head them; the title block at the top of
    # the paper and a run of one-word table cells do not.
    assert headings == ["Eastmoor", "Upland division"]
    bullets = [p for p in document.paragraphs if p.kind == "bullet"]
    assert {p.heading for p in bullets} == {"Eastmoor"}


def test_a_name_over_its_bullets_heads_them_in_notes() -> None:
    text = (
        "DISTRICTS - Nov (MoM / YoY)\n"
        "Harbourside\n"
        "- Thefts 84 (-3 / -15)\n"
        "- Assaults 29, down from 44\n"
        "Saltby\n"
        "- Thefts 57 (-6 / -1)\n"
        "\n"
        "The month ended quietly. The division\n"
        "Saltby team met twice.\n"
    )
    doc = parse_text(text)
    kinds = [(p.kind, p.text.split(" (")[0][:20], p.heading) for p in doc.paragraphs]
    assert ("heading", "Harbourside", "Harbourside") in kinds
    assert ("heading", "Saltby", "Saltby") in kinds
    assert ("bullet", "Thefts 57", "Saltby") in kinds
    # A name that goes on with a sentence, with no bullets under it, heads nothing.
    assert not any(k == "heading" and t.startswith("Saltby team") for k, t, _ in kinds)
