"""Text as narrator reads it: bounded in size, decoded whatever its encoding, normalised.

Papers and figures arrive from Word exports, PDF dumps and spreadsheets: UTF-8 with or
without a byte order mark, UTF-16 (with a mark, or without one from some Windows tools), and
sometimes a file that is not text at all. :func:`read_bytes` reads at most a limit's worth
(``/dev/zero`` or a 100 MB paper is refused, never read whole), :func:`decode` finds the
encoding or says why there is none, and :func:`normalise` makes the text read as it looks:
NFKC, zero-width characters removed (a zero-width space inside "12.7%"), and a no-break or
thin space between the digit groups of a number ("3 945") written as a comma ("3,945").

:func:`excerpt` quotes a value in a message: at most a short piece of it, so a 50 MB cell is
never echoed whole.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from pathlib import Path

from narrator.errors import DocumentError, NarratorError
from narrator.limits import Limit, LimitError

__all__ = ["decode", "excerpt", "normalise", "read_bytes", "read_text"]

#: Byte order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Control bytes text does not hold (tab, line and page breaks and the separators that
#: str.splitlines reads as breaks are text).
_CONTROLS = re.compile(rb"[\x00-\x08\x0e-\x1b\x1f]")
#: How much of the start of a file the encoding is guessed from.
_SNIFF = 64 * 1024

# Zero-width and invisible formatting characters: they split "12.7%" into "12." and "7%"
# for a reader while looking like nothing. The byte order mark inside a text is one of them.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e]")
# A no-break, narrow no-break, thin or figure space between digit groups: "3 945", "1 234 567".
_GROUP_SPACE = "\u00a0\u202f\u2009\u2007\u200a"
_GROUPED_NUMBER = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:[{_GROUP_SPACE}]\d{{3}})+(?![\d])")
_GROUP_SPACES = re.compile(f"[{_GROUP_SPACE}]")


class NotTextError(NarratorError):
    """A file given as text is not text: binary, or an encoding narrator cannot tell."""


def read_bytes(path: Path, limit: Limit, *, what: str, error: type[NarratorError]) -> bytes:
    """The bytes of ``path``, refusing a file over ``limit`` (MB) without reading it whole.

    A device or pipe (``/dev/zero``) has no size to check first, so at most one byte over the
    limit is read before it is refused. Raises ``error`` (the caller's error type) for a
    missing file, a folder or a read failure, and :class:`LimitError` over the limit.
    """
    limit_bytes = limit.bytes()
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(21, "Is a directory")
            if stat.S_ISREG(info.st_mode) and info.st_size > limit_bytes:
                raise _too_large(path, info.st_size, limit, what)
            data = handle.read(limit_bytes + 1)
    except FileNotFoundError:
        raise error(f"{path}: file not found (expected {what})") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a file (expected {what})") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit_bytes:
        raise _too_large(path, None, limit, what)
    return data


def _too_large(path: Path, size: int | None, limit: Limit, what: str) -> LimitError:
    told = f"{size / 1024 / 1024:,.1f} MB" if size is not None else "more than the limit"
    return LimitError(
        f"{path}: too large to read as {what} ({told}; the limit is {limit.value():g} MB)",
        hint=f"Set {limit.variable} to a larger number of MB to read it anyway.",
    )


def read_text(
    path: Path, limit: Limit, *, what: str, error: type[NarratorError] = DocumentError
) -> str:
    """A text file read within ``limit``, decoded by :func:`decode` (not normalised)."""
    return decode(read_bytes(path, limit, what=what, error=error), path, what=what, error=error)


def decode(
    data: bytes,
    source: Path | str,
    *,
    what: str = "text",
    error: type[NarratorError] = DocumentError,
) -> str:
    """Decode a text file's bytes: UTF-8, or UTF-16/32 told by a byte order mark or by the
    pattern of zero bytes a UTF-16 file without one has.

    Raises ``error`` naming the file, the offset, line and column when the bytes are not text
    (NUL or other control bytes: a binary file) or not UTF-8 without a mark saying otherwise.
    """
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return _decode_as(data[len(mark) :], encoding, source, what, error)
    if data.startswith(b"%PDF-"):
        raise error(
            f"{source}: is a PDF, not {what}",
            hint="Export the paper as text, Markdown or .docx (PDF files are not read).",
        )
    if b"\x00" in data:
        guessed = _utf16_without_mark(data)
        if guessed is not None:
            return _decode_as(data, guessed, source, what, error)
        raise _not_text(data, data.index(b"\x00"), source, what, error)
    control = _first_control(data)
    if control is not None:
        raise _not_text(data, control, source, what, error)
    return _decode_as(data, "utf-8", source, what, error)


def _utf16_without_mark(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the zero bytes fall as in UTF-16 text, else None.

    Text that is mostly Latin script has a zero in every other byte in UTF-16: the odd
    bytes (little-endian) or the even ones (big-endian). A binary file's zeros fall anywhere.
    """
    head = data[:_SNIFF]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    even_zero, odd_zero = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_zero > 0.6 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.6 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def _first_control(data: bytes) -> int | None:
    """The offset of the first control byte when they are too many for text, else None.

    A stray control byte in a PDF-to-text dump is noise the reader skips; a file whose
    start is thick with them is binary.
    """
    head = data[:_SNIFF]
    found = _CONTROLS.findall(head)
    if not found or len(found) * 1000 < len(head):
        return None
    match = _CONTROLS.search(head)
    return match.start() if match else None


def _decode_as(
    data: bytes, encoding: str, source: Path | str, what: str, error: type[NarratorError]
) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = _line_column(data, exc.start)
        name = "UTF-8" if encoding == "utf-8" else encoding.upper()
        raise error(
            f"{source}: not {name} text: byte 0x{data[exc.start]:02x} at offset {exc.start} "
            f"(line {line}, column {column}) cannot be decoded (expected {what})",
            hint="Save the file as UTF-8 (most editors offer it under 'Save as' / encoding).",
        ) from None
    if "\x00" in text:
        offset = text.index("\x00")
        raise error(f"{source}: holds a NUL character at character {offset}: not {what}")
    return text


def _not_text(
    data: bytes, offset: int, source: Path | str, what: str, error: type[NarratorError]
) -> NarratorError:
    line, column = _line_column(data, offset)
    byte = "a NUL byte" if data[offset] == 0 else f"byte 0x{data[offset]:02x}, a control character,"
    return error(
        f"{source}: not a text file: {byte} at offset {offset} (line {line}, column {column}) "
        f"(expected {what})",
        hint="Is it a binary file? Give it as text, saved as UTF-8.",
    )


def _line_column(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def normalise(text: str) -> str:
    """Text as it reads: grouped numbers joined by commas, invisible characters out, NFKC.

    "3\\u00a0945" -> "3,945" (before NFKC, which would make the no-break space a plain space
    and the number two numbers); "12.\\u200b7%" -> "12.7%"; full-width digits and ligatures
    -> their plain forms. Idempotent; plain ASCII text is returned as it is.
    """
    if text.isascii():
        return text
    if any(ch in text for ch in _GROUP_SPACE):
        text = _GROUPED_NUMBER.sub(lambda m: _GROUP_SPACES.sub(",", m.group()), text)
    text = _INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text


def excerpt(value: object, width: int = 60) -> str:
    """A value quoted for a message: its repr, cut to ``width`` characters with the length.

    ``excerpt("x" * 50_000_000)`` -> ``'xxxx...' (50,000,000 characters)``: a bad value is
    shown, never echoed whole.
    """
    text = value if isinstance(value, str) else str(value)
    if len(text) <= width:
        return repr(text)
    return f"{text[:width]!r}... ({len(text):,} characters)"
