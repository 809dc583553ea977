"""``narrator check`` of hostile papers: not text, damaged, too large, or text that hides."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.conftest import MONTH
from tests.hostile.harness import Snapshot, clean, narrator, refused

CHECK = ("check", "--month", MONTH, "--project", ".")


def _docx(document_xml: str, *, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word package around ``document_xml`` (python-docx opens it)."""
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        'openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f"{document_xml}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", body)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _paragraph(text: str, level: str | None = None) -> str:
    numbering = (
        f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        if level is not None
        else ""
    )
    return f"<w:p>{numbering}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _flip_deflate(data: bytes) -> bytes:
    """A byte of the compressed document part flipped (the zip's own CRC left as it was)."""
    index = data.index(b"word/document.xml") + len(b"word/document.xml") + 40
    return data[:index] + bytes([data[index] ^ 0xFF]) + data[index + 1 :]


def _encrypted(data: bytes) -> bytes:
    """Every entry flagged as encrypted (general purpose bit 0), as a password-protected zip."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (found := out.find(signature, start)) >= 0:
            out[found + offset] |= 0x01
            start = found + 4
    return bytes(out)


def _bomb() -> bytes:
    """A small archive that unpacks to far more text than a paper may hold."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * 60_000_000 + b">")
    return buffer.getvalue()


CASES: list[tuple[str, str, Callable[[Path], bytes], tuple[str, ...]]] = [
    ("empty", "paper.md", lambda p: b"", ("paper.md", "empty")),
    ("blank", "paper.md", lambda p: b" \n\t\n  \n", ("paper.md", "empty")),
    ("nul-bytes", "paper.md", lambda p: b"\x00" * 4096, ("paper.md", "NUL byte", "offset 0")),
    ("nul-inside", "paper.md", lambda p: b"4.1 The rate\x00 fell.\n", ("paper.md", "offset 12")),
    ("png", "paper.md", lambda p: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, ("paper.md",)),
    ("pdf", "paper.pdf", lambda p: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", ("paper.pdf", "PDF")),
    ("latin-1", "paper.md", lambda p: "4.1 Café\n".encode("latin-1"), ("paper.md", "column 8")),
    ("controls", "paper.txt", lambda p: bytes(range(1, 9)) * 500, ("paper.txt", "control")),
    ("docx-not-zip", "paper.docx", lambda p: b"not a zip at all", ("paper.docx", "not a valid")),
    ("docx-truncated", "paper.docx", lambda p: _docx(_paragraph("x"))[:200], ("paper.docx",)),
    (
        "docx-flipped-byte",
        "paper.docx",
        lambda p: _flip_deflate(_docx(_paragraph("The rate fell to 9.7%.") * 200)),
        ("paper.docx", "not a valid .docx"),
    ),
    (
        "docx-encrypted",
        "paper.docx",
        lambda p: _encrypted(_docx(_paragraph("The rate fell."))),
        ("paper.docx", "encrypted"),
    ),
    ("docx-bomb", "paper.docx", lambda p: _bomb(), ("paper.docx", "NARRATOR_MAX_PAPER_MB")),
    (
        "docx-no-document",
        "paper.docx",
        lambda p: _zip({"hello.txt": b"hi"}),
        ("paper.docx", "not a valid .docx"),
    ),
    (
        "docx-bad-xml",
        "paper.docx",
        lambda p: _docx("<w:p><w:r><w:t>unclosed"),
        ("paper.docx", "not a valid .docx"),
    ),
    ("docx-empty", "paper.docx", lambda p: _docx(""), ("paper.docx", "no text")),
]


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "file", "content", "names"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_paper_is_one_message(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    file: str,
    content: Callable[[Path], bytes],
    names: tuple[str, ...],
) -> None:
    (project / file).write_bytes(content(project))
    before = Snapshot.of(project)
    run = narrator(*CHECK[:1], file, *CHECK[1:], cwd=project, monkeypatch=monkeypatch)
    refused(run, names=names, before=before)


def test_dev_zero_is_refused_at_the_size_limit(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = Snapshot.of(project)
    run = narrator("check", "/dev/zero", *CHECK[1:], cwd=project, monkeypatch=monkeypatch)
    refused(run, names=("/dev/zero", "too large", "NARRATOR_MAX_PAPER_MB"), before=before)


def test_a_paper_over_the_limit_is_refused_before_it_is_read(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paper = project / "long.md"
    paper.write_bytes((project / f"draft-{MONTH}.md").read_bytes() * 200)
    before = Snapshot.of(project)
    run = narrator(
        "check", "long.md", *CHECK[1:], cwd=project, monkeypatch=monkeypatch,
        env={"NARRATOR_MAX_PAPER_MB": "0.05"},
    )  # fmt: skip
    refused(run, names=("long.md", "limit is 0.05 MB", "NARRATOR_MAX_PAPER_MB"), before=before)


@pytest.mark.parametrize("value", ["abc", "-1", "0", "nan", "1e400"])
def test_a_bad_limit_names_its_variable(
    project: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    before = Snapshot.of(project)
    run = narrator(
        "check", f"draft-{MONTH}.md", *CHECK[1:], cwd=project, monkeypatch=monkeypatch,
        env={"NARRATOR_MAX_PAPER_MB": value},
    )  # fmt: skip
    refused(run, names=("NARRATOR_MAX_PAPER_MB",), before=before)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""),
     ("utf-16-be", b""), ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-8", b"\xef\xbb\xbf")],
)  # fmt: skip
def test_a_paper_in_any_unicode_encoding_reads_as_utf8(
    project: Path, monkeypatch: pytest.MonkeyPatch, encoding: str, bom: bytes
) -> None:
    text = (project / f"draft-{MONTH}.md").read_text(encoding="utf-8")
    (project / "paper.md").write_bytes(bom + text.encode(encoding))
    plain = narrator("check", f"draft-{MONTH}.md", *CHECK[1:], "--format", "json",
                     cwd=project, monkeypatch=monkeypatch)  # fmt: skip
    run = narrator("check", "paper.md", *CHECK[1:], "--format", "json",
                   cwd=project, monkeypatch=monkeypatch)  # fmt: skip
    clean(run, root=project)
    counts = json.loads(run.out)["counts"]
    assert counts == json.loads(plain.out)["counts"] and counts["supported"] >= 5


def _check_json(project: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> str:
    (project / "paper.md").write_text(text, encoding="utf-8")
    run = narrator("check", "paper.md", *CHECK[1:], "--format", "json",
                   cwd=project, monkeypatch=monkeypatch)  # fmt: skip
    clean(run, code=run.code if run.code in (0, 1) else 0, root=project)
    return run.out


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009"])
def test_a_number_grouped_with_a_no_break_or_thin_space_is_one_number(
    project: Path, monkeypatch: pytest.MonkeyPatch, space: str
) -> None:
    draft = (project / f"draft-{MONTH}.md").read_text(encoding="utf-8")
    grouped = draft.replace("3,945", f"3{space}945").replace("136,290", f"136{space}290")
    assert grouped != draft
    out = _check_json(project, monkeypatch, grouped)
    counts = json.loads(out)["counts"]
    assert "contradicted" not in counts
    assert counts == json.loads(_check_json(project, monkeypatch, draft))["counts"]


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u2060", "\ufeff", "\u00ad"])
def test_an_invisible_character_cannot_hide_a_contradiction(
    project: Path, monkeypatch: pytest.MonkeyPatch, invisible: str
) -> None:
    draft = (project / f"draft-{MONTH}.md").read_text(encoding="utf-8")
    assert "10.3%" in draft
    wrong = draft.replace("10.3%", f"12.{invisible}7%")
    assert json.loads(_check_json(project, monkeypatch, wrong))["counts"]["contradicted"] == 1


@pytest.mark.parametrize("markup", ["[bold]", ":x:", "[/]", "[link=file:///etc]x[/link]"])
def test_markup_in_a_paper_is_printed_as_written(
    project: Path, monkeypatch: pytest.MonkeyPatch, markup: str
) -> None:
    draft = (project / f"draft-{MONTH}.md").read_text(encoding="utf-8")
    paper = draft.replace("10.3%", f"12.7% {markup}")
    (project / "paper.md").write_text(paper, encoding="utf-8")
    run = narrator("check", "paper.md", *CHECK[1:], cwd=project, monkeypatch=monkeypatch)
    clean(run, code=1, root=project)
    assert markup.split("]")[0] in run.out.replace("\n", "")
    assert "❌" not in run.out


def test_a_paper_that_is_a_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "paper.md").mkdir()
    before = Snapshot.of(project)
    run = narrator("check", "paper.md", *CHECK[1:], cwd=project, monkeypatch=monkeypatch)
    refused(run, names=("paper.md", "folder"), before=before)


def test_a_missing_paper(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = Snapshot.of(project)
    run = narrator("check", "nowhere.md", *CHECK[1:], cwd=project, monkeypatch=monkeypatch)
    refused(run, names=("nowhere.md", "not found"), before=before)


def test_a_docx_with_a_negative_numbering_level_is_read(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = _paragraph("Burglary", "-3") + _paragraph("343 burglaries were recorded in March.")
    (project / "paper.docx").write_bytes(_docx(body))
    run = narrator("check", "paper.docx", *CHECK[1:], cwd=project, monkeypatch=monkeypatch)
    clean(run, code=run.code if run.code in (0, 1) else 0, root=project)
