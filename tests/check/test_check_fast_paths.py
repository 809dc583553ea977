"""The checker's fast paths give exactly what the plain ways give.

Each shortcut taken for speed (the scanner's word tries, the tokenizer's filled cache,
sentences in character offsets, the measure index, reading a long paper in several
processes) is checked against the straightforward computation it replaces.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrator.check import Reader, parse_text
from narrator.check.claims import parallel
from narrator.check.claims.extract import extract_claims
from narrator.check.text.dates import MONTH_RE, NUMBER_WORD_RE
from narrator.check.text.document import Document
from narrator.check.tokens.doc import sentences_of
from narrator.check.tokens.measures import MeasureIndex, name_words
from narrator.check.tokens.scanner import _FAMILIES, _scan_family

#: The word family's master as it was written: month names and number words themselves.
PLAIN_WORD_MASTER = re.compile(rf"\b(?=[A-Zotfsenhdz])(?:{MONTH_RE}|(?i:{NUMBER_WORD_RE}))")
PIECES = st.sampled_from(
    [
        "May", "may", "March", "marching", "Sept", "Sept.", "September", "Jan", "January",
        "one", "One", "ONE", "oneself", "twenty", "Twenty-one", "twenty one", "tens", "ten",
        "dozen", "hundreds", "ſix", "nine", "Nineteen", " ", ", ", ".", "-", "4", "(", "x",
        "in", "the", "eighty", "Fifty", "fourteenth",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_word_master_starts_where_month_names_and_number_words_do(text: str) -> None:
    family = _FAMILIES[1]
    for at in range(len(text)):
        # The master consumes the character before a match (see patterns._FAMILY_BEFORE).
        new = family.first.match(text) if at == 0 else family.master.match(text, at - 1)
        assert (new is not None) == (PLAIN_WORD_MASTER.match(text, at) is not None), at
    list(_scan_family(text, family))


DIGIT_PIECES = st.sampled_from(
    [
        "4", "12", "2019", "3.5", "1,200", "£", "$5", "+", "-", "−", "–", " ", ".", ",", "/",
        "%", "x", "a", "_", "(", "see ", "section ", "aged ", "months", " to ", "/19", "th",
        "pp", "٣", "FY", "fy", "Y", "2019-11-02T01", "-07-19T0", "s.", "p.", "ss.", " s",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(DIGIT_PIECES, max_size=12).map("".join))
def test_digit_master_matches_where_it_did_with_a_look_behind(text: str) -> None:
    family = _FAMILIES[0]
    iso = "(?=(?:19|20)\\d\\d-[01]\\d-[0-3]\\dT\\d)"
    glued = "|(?<=\\b[sp])\\.|(?<=\\b(?:ss|pp))\\."
    before = "(?:[^\\w.,/)]|(?<!\\w)x|(?<=\\b[Ff])[Yy]|[,/]" + iso + glued + ")(?="
    assert family.master.pattern.startswith(before)
    rest = family.master.pattern[len(before) :]
    # After anything but a word character, a point, a comma, a slash or a closing bracket,
    # after the "x" of a telephone extension that starts a word ("x4417"), after the "FY"
    # that starts a financial year ("FY18/19"), or after the comma or slash before a
    # timestamp ("/2018-07-19T09:40").
    plain = re.compile(
        "(?:(?<![\\w.,/)])|(?<=x)(?<!\\wx)|(?<=\\b[Ff][Yy])|(?<=[,/])"
        + iso
        + "|(?<=\\b[sp]\\.)|(?<=\\b(?:ss|pp)\\.))(?="
        + rest
    )
    for at in range(len(text)):
        new = family.first.match(text) if at == 0 else family.master.match(text, at - 1)
        old = plain.match(text, at)
        assert (new is None) == (old is None), at
        if new is not None and old is not None:
            assert (new.end(), new.lastgroup) == (old.end(), old.lastgroup)


TRICKY = (
    "The OOCD Unit (i.e. the team) hasn’t started; partners’ work—and don't forget the "
    "4.2.1 reference, e.g. (i.e. 5th) “quoted” text—ends here. Cannot say 10am, it's 2nd."
)


def test_filled_cache_gives_the_same_tokens(reader: Reader, seed: Document) -> None:
    import spacy

    plain = spacy.blank("en").tokenizer
    for text in (TRICKY, seed.text, TRICKY + " " + TRICKY):
        expected = [(t.idx, t.text, t.whitespace_) for t in plain(text)]
        for _ in range(2):  # the cache cold, then filled
            doc = reader.nlp.make_doc(text)
            assert [(t.idx, t.text, t.whitespace_) for t in doc] == expected


def test_sentences_in_offsets_are_the_docs_sentences(reader: Reader) -> None:
    doc = reader.nlp(TRICKY + "\n\nA second paragraph. And i.e. another sentence here.")
    assert sentences_of(doc) == [(s.start_char, s.end_char) for s in doc.sents]


def test_measure_index_finds_what_a_scan_of_every_name_finds(reader: Reader) -> None:
    index: MeasureIndex = reader.measures

    def scan(words: frozenset[str], need: frozenset[str]) -> tuple[str | None, int]:
        found: str | None = None
        size = 0
        for name, mid in index.names:
            if len(name) < size or not name <= words or (need and not name & need):
                continue
            if len(name) > size or found is None or index.order[mid] < index.order[found]:
                found, size = mid, len(name)
        return found, size

    vocabulary = [*sorted(index.vocabulary), "month", "12", "other"]
    for start in range(len(vocabulary)):
        words = frozenset(vocabulary[start : start + 1 + start % 7])
        for need in (frozenset(), frozenset(sorted(words)[:1]), frozenset({"rate"})):
            assert index.best(words, need=need) == scan(words, need)
    words = name_words("the prosecution possible outcome rate for dwelling burglary offences")
    assert index.best(words) == scan(words, frozenset()) == ("db_ppo_rate", 6)


def test_a_long_paper_read_in_processes_gives_the_same_claims(
    reader: Reader, seed: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    long = parse_text(seed.text + "\n\n" + seed.text.replace("Date:", "Dated:"))
    monkeypatch.setattr(parallel, "processes", lambda: 1)
    alone = extract_claims(reader, long, month="2019-10")
    monkeypatch.setattr(parallel, "processes", lambda: 3)
    monkeypatch.setattr(parallel, "PROCESS_CHARS", 10_000)
    monkeypatch.setattr("narrator.check.tokens.reader.CHUNK_CHARS", 8_000)
    assert len(reader.groups(long)) >= 3
    assert extract_claims(reader, long, month="2019-10") == alone


def test_a_part_whose_process_fails_is_read_here() -> None:
    parent = os.getpid()

    def work(part: Sequence[int]) -> list[int]:
        if os.getpid() != parent and part[0] == 3:
            raise RuntimeError("only in the forked process")
        return [n * 10 for n in part]

    parts = [[1, 2], [3, 4], [5]]
    assert parallel.in_processes(work, parts) == [[10, 20], [30, 40], [50]]


def test_short_papers_are_read_in_one_process(seed: Document, reader: Reader) -> None:
    groups = reader.groups(seed)
    assert parallel.runs(groups, 8) == [groups]
