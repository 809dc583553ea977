"""Reading a paper's file: Markdown, plain text or Word, only ever opened for reading."""

from __future__ import annotations

from pathlib import Path

from narrator.check.text.document import Document
from narrator.check.text.parse import parse_text
from narrator.errors import DocumentError


def read_document(path: str | Path) -> Document:
    """Read a paper (.md, .txt or .docx) into a :class:`Document`.

    Raises :class:`DocumentError` with one clear message when the file is missing, empty,
    not UTF-8 or not a valid .docx. The file is only ever opened for reading.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(
            f"{path}: file not found (expected a paper: .md, .txt or .docx)"
        ) from None
    except IsADirectoryError:
        raise DocumentError(
            f"{path}: is a folder, not a paper (expected .md, .txt or .docx)"
        ) from None
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise DocumentError(f"{path}: the file is empty (expected the text of a paper)")
    if path.suffix.lower() in (".docx", ".docm") or data[:4] == b"PK\x03\x04":
        from narrator.check.text.docx import docx_text

        text = docx_text(data, path)
    else:
        text = decode_text(data, path)
    if not text.strip():
        raise DocumentError(f"{path}: the file has no text (expected the text of a paper)")
    return parse_text(text, path=path)


def decode_text(data: bytes, path: Path | str) -> str:
    """Decode UTF-8 (a byte order mark is dropped) or say which byte is not UTF-8 and where."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DocumentError(
            f"{path}: not UTF-8 text: byte 0x{bad:02x} at offset {exc.start} "
            f"(line {line}, column {column}) cannot be decoded",
            hint="Save the paper as UTF-8 (most editors offer it under 'Save as' / encoding).",
        ) from None
