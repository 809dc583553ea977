"""narrator.textio: bounded reads, decoding any Unicode text file, normalising, excerpts."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrator.errors import DocumentError
from narrator.limits import PAPER_MB, LimitError
from narrator.textio import decode, excerpt, normalise, read_bytes

TEXT = "4.1 The rate fell to 12.7% (3,945 crimes); Café.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
    ],
)
def test_every_unicode_encoding_decodes_to_the_same_text(data: bytes) -> None:
    assert decode(data, "p.md") == TEXT


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x00" * 100, "a NUL byte at offset 0"),
        (b"abc\x00def", "offset 3"),
        (b"%PDF-1.4\n", "is a PDF"),
        (bytes(range(1, 9)) * 100, "control character"),
        ("Caf\u00e9".encode("latin-1"), "not UTF-8 text: byte 0xe9 at offset 3"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not UTF-16-LE text"),
    ],
)
def test_what_is_not_text_is_said_with_its_place(data: bytes, words: str) -> None:
    with pytest.raises(DocumentError, match=words):
        decode(data, "p.md")


def test_a_stray_control_byte_is_text() -> None:
    text = b"4.1 The rate\x07 fell.\n" + b"4.2 The count rose.\n" * 100
    assert decode(text, "p.txt").startswith("4.1")


def test_read_bytes_stops_one_byte_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PAPER_MB.variable, "0.001")
    with pytest.raises(LimitError, match="NARRATOR_MAX_PAPER_MB"):
        read_bytes(Path("/dev/zero"), PAPER_MB, what="a paper", error=DocumentError)


def test_read_bytes_refuses_a_large_file_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 5000)
    monkeypatch.setenv(PAPER_MB.variable, "0.001")
    with pytest.raises(LimitError, match=r"big\.md: too large .*0\.0 MB"):
        read_bytes(path, PAPER_MB, what="a paper", error=DocumentError)


@pytest.mark.parametrize("value", ["abc", "0", "-2", "inf", "nan"])
def test_a_limit_that_is_not_one(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(PAPER_MB.variable, value)
    with pytest.raises(LimitError, match=PAPER_MB.variable):
        PAPER_MB.value()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3\u00a0945 crimes", "3,945 crimes"),
        ("1\u202f234\u202f567", "1,234,567"),
        ("12.\u200b7%", "12.7%"),
        ("\ufb01gures rose", "figures rose"),
        ("\uff12\uff10\uff11\uff19", "2019"),
        ("in 2019\u00a0345 more", "in 2019 345 more"),
        ("1\u00a012 months", "1 12 months"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_is_left_alone(text: str) -> None:
    assert normalise(text) == text


def test_an_excerpt_is_short_whatever_the_value() -> None:
    shown = excerpt("9" * 50_000_000)
    assert len(shown) < 100 and "50,000,000 characters" in shown
    assert excerpt("five") == "'five'"
