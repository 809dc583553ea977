"""Word .docx papers: their paragraphs as text the document reader understands.

Word keeps automatic paragraph numbers ("4.1.2") out of the text; they are rebuilt from the
numbering levels so that a .docx paper has the same sections as its Markdown twin. Heading
styles become Markdown headings and list styles bullets. Tables are left out: their cells
are figures without sentences.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from narrator.errors import DocumentError
from narrator.limits import PAPER_MB, LimitError


def docx_text(data: bytes, path: Path | str) -> str:
    """The text of a .docx file, one paragraph per block, numbers and headings restored."""
    if data[:4] != b"PK\x03\x04":
        raise _bad(path, "it is not a zip archive, so not a Word document")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a declared dependency
        raise DocumentError(
            f"{path}: reading .docx needs python-docx", hint="pip install python-docx"
        ) from None
    from lxml.etree import XMLSyntaxError  # type: ignore[import-untyped]

    _check_archive(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
    except (PackageNotFoundError, zipfile.BadZipFile) as exc:
        raise _bad(path, f"the archive is not a Word package: {exc}") from None
    except (KeyError, ValueError, IndexError, XMLSyntaxError, zlib.error, EOFError) as exc:
        # A flipped byte in a compressed part (zlib.error, EOFError), a numbering level
        # out of range (IndexError): damaged, whatever the library raises for it.
        raise _bad(path, f"its parts are damaged: {exc}") from None
    except (RuntimeError, NotImplementedError) as exc:  # encrypted or unknown compression
        raise _bad(path, f"its parts cannot be opened: {exc}") from None
    return "\n\n".join(blocks)


def _check_archive(data: bytes, path: Path | str) -> None:
    """Refuse an encrypted archive, or one that unpacks larger than a paper may be."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _bad(path, f"the archive is not a Word package: {exc}") from None
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise _bad(path, "its parts are encrypted (is the document password-protected?)")
    unpacked = sum(entry.file_size for entry in entries)
    # Images unpack to about their own size; only text parts grow much when unpacked.
    if unpacked > 4 * PAPER_MB.bytes():
        raise LimitError(
            f"{path}: unpacks to {unpacked / 1024 / 1024:,.0f} MB, more than a paper may hold",
            hint=PAPER_MB.hint(),
        )


def _bad(path: Path | str, reason: str) -> DocumentError:
    return DocumentError(
        f"{path}: not a valid .docx ({reason})",
        hint="Open it in Word and save it again as .docx, or export the paper as Markdown.",
    )


def _blocks(document: object) -> list[str]:
    """Paragraph texts with Word's automatic numbering and heading levels written out."""
    counters: list[int] = []
    out: list[str] = []
    for paragraph in getattr(document, "paragraphs", []):
        text = " ".join(str(paragraph.text).split())
        if not text:
            continue
        style = str(getattr(paragraph.style, "name", "") or "")
        level = _numbering_level(paragraph)
        if level is not None and not _starts_with_number(text):
            del counters[level + 1 :]
            while len(counters) <= level:
                counters.append(0)
            counters[level] += 1
            number = ".".join(str(c) for c in counters[: level + 1])
            if level == 0:
                number += ".0"
            text = f"{number} {text}"
        elif style.lower().startswith("heading") and not _starts_with_number(text):
            depth = "".join(ch for ch in style if ch.isdigit()) or "1"
            text = f"{'#' * min(int(depth), 6)} {text}"
        elif "list" in style.lower() or "bullet" in style.lower():
            text = f"• {text}"
        out.append(text)
    return out


def _numbering_level(paragraph: object) -> int | None:
    """The list level of an automatically numbered paragraph, or None."""
    element = getattr(paragraph, "_p", None)
    ppr = getattr(element, "pPr", None)
    numpr = getattr(ppr, "numPr", None)
    if numpr is None:
        return None
    ilvl = getattr(numpr, "ilvl", None)
    value = getattr(ilvl, "val", 0) if ilvl is not None else 0
    # Word allows levels 0 to 8; anything else is a damaged file, read as the top level.
    level = int(value or 0)
    return level if 0 <= level <= 8 else 0


def _starts_with_number(text: str) -> bool:
    head = text.split(" ", 1)[0].rstrip(".")
    return bool(head) and all(part.isdigit() for part in head.split("."))
