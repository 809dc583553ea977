"""The paper as a Word document (python-docx): headings, numbered paragraphs and charts.

Paragraph numbers are written into the text with a hanging indent, as board papers print
them, so they survive copy and paste and never renumber themselves in Word. The file is
byte-stable: fixed document properties and fixed timestamps inside the zip.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from docx import Document
from docx.shared import Cm, Mm, Pt, RGBColor

from narrator.build.paper import Block, Kind, Paper

#: The hanging indent of numbered paragraphs: room for "4.1.12".
_HANG = Cm(1.6)
_RED = RGBColor(0xC0, 0x00, 0x00)
#: The earliest time a zip entry can carry: no build time leaks into the file.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def render_docx(
    paper: Paper, *, images: Mapping[int, bytes], stamp: datetime, banner: str | None = None
) -> bytes:
    """The .docx bytes; ``stamp`` is the fixed created/modified date of its properties."""
    document = Document()
    _page(document, banner)
    _properties(document, paper, stamp)
    for label, value in paper.front:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(2))
        paragraph.add_run(f"{label}:").bold = True
        paragraph.add_run(f"\t{value}")
    document.add_heading(paper.title, level=0)
    for block in paper.blocks:
        _block(document, block, images)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _page(document: Any, banner: str | None) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    style = document.styles["Normal"]
    style.font.size = Pt(11)
    if banner:
        # The header repeats on every page: every page of a draft says so.
        header = section.header.paragraphs[0]
        run = header.add_run(banner)
        run.bold = True
        run.font.color.rgb = _RED


def _properties(document: Any, paper: Paper, stamp: datetime) -> None:
    core = document.core_properties
    core.title = paper.title
    core.subject = f"Reporting month {paper.month}"
    core.author = dict(paper.front).get("From", "")
    core.last_modified_by = "narrator"
    core.comments = ""
    core.revision = 1
    core.created = stamp
    core.modified = stamp
    core.last_printed = stamp


def _block(document: Any, block: Block, images: Mapping[int, bytes]) -> None:
    add_heading, add_paragraph = document.add_heading, document.add_paragraph
    if block.kind is Kind.HEADING:
        add_heading(f"{block.number} {block.text}", level=block.level)
    elif block.kind is Kind.PARAGRAPH:
        paragraph = add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.first_line_indent = _HANG, -_HANG
        fmt.tab_stops.add_tab_stop(_HANG)
        paragraph.add_run(f"{block.number}\t{block.text}")
    elif block.kind is Kind.BODY:
        add_paragraph(block.text).paragraph_format.left_indent = _HANG
    elif block.kind is Kind.BULLET:
        paragraph = add_paragraph(block.text, style="List Bullet")
        paragraph.paragraph_format.left_indent = _HANG + Cm(0.6)
    elif block.figure is not None and block.figure.number in images:
        picture = add_paragraph()
        picture.paragraph_format.left_indent = _HANG
        picture.paragraph_format.keep_with_next = True
        picture.add_run().add_picture(io.BytesIO(images[block.figure.number]), width=Cm(15))
        caption = add_paragraph(f"Figure {block.figure.number}: {block.text}", style="Caption")
        caption.paragraph_format.left_indent = _HANG


def _normalise_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps and order, so equal papers are equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()
