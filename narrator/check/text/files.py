"""Reading a paper's file: Markdown, plain text or Word, only ever opened for reading."""

from __future__ import annotations

from pathlib import Path

from narrator import textio
from narrator.check.text.document import Document
from narrator.check.text.parse import parse_text
from narrator.errors import DocumentError
from narrator.limits import PAPER_MB, LimitError


def read_document(path: str | Path) -> Document:
    """Read a paper (.md, .txt or .docx) into a :class:`Document`.

    Raises :class:`DocumentError` with one clear message when the file is missing, empty,
    not UTF-8 or not a valid .docx. The file is only ever opened for reading.
    """
    path = Path(path)
    data = textio.read_bytes(
        path, PAPER_MB, what="a paper (.md, .txt or .docx)", error=DocumentError
    )
    if not data.strip():
        raise DocumentError(f"{path}: the file is empty (expected the text of a paper)")
    if path.suffix.lower() in (".docx", ".docm") or data[:4] == b"PK\x03\x04":
        from narrator.check.text.docx import docx_text

        text = docx_text(data, path)
    else:
        text = decode_text(data, path)
    if len(text) > PAPER_MB.bytes():  # a .docx holds its text compressed
        raise LimitError(f"{path}: more text than a paper may hold", hint=PAPER_MB.hint())
    if not text.strip():
        raise DocumentError(f"{path}: the file has no text (expected the text of a paper)")
    return parse_text(text, path=path)


def decode_text(data: bytes, path: Path | str) -> str:
    """Decode a paper's bytes (UTF-8, UTF-16 or UTF-32; see :func:`narrator.textio.decode`)
    or say which byte is not text and where."""
    return textio.decode(data, path, what="the text of a paper", error=DocumentError)
