"""The one lexicon: the writer's words, the reader's forms, the magnitude algorithm, errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrator.catalogue import Polarity
from narrator.errors import LexiconError, TemplateError
from narrator.language.lexicon import (
    GUARDED_SECTIONS,
    Direction,
    Lexicon,
    Section,
    load_lexicon,
    parse_lexicon,
)

SHIPPED = load_lexicon()


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: SHIPPED.word("down"), "decreased"),
        (lambda: SHIPPED.word(Direction.UP, "past"), "rose"),
        (lambda: SHIPPED.word("down", "participle"), "fallen"),
        (lambda: SHIPPED.word("up", "trend_adjective"), "upward"),
        (lambda: SHIPPED.word("flat", "unchanged"), "unchanged"),
        (lambda: SHIPPED.polar("better", "noun"), "improvement"),
        (lambda: SHIPPED.phrase("streaks", "continuing", "past"), "continued to"),
        (lambda: SHIPPED.phrase(Section.STREAKS, "first_time_since"), "the first time since"),
        (lambda: SHIPPED.phrase("significance", "significant", "adverb"), "significantly"),
        (lambda: SHIPPED.phrase("comparisons", "year_end", "position"), "year end position"),
        (lambda: SHIPPED.phrase("outliers", "clear"), "a clear outlier"),
        (lambda: SHIPPED.hedge("below"), "almost"),
        (lambda: SHIPPED.judged("up", Polarity.UP_GOOD), "improved"),
        (lambda: SHIPPED.judged("up", "down_good"), "deteriorated"),
        (lambda: SHIPPED.judged("down", "neutral"), "decreased"),
        (lambda: SHIPPED.judged("flat", "up_good"), "remained stable"),
        (lambda: SHIPPED.magnitude(-0.3, "points"), "slight"),
        (lambda: SHIPPED.magnitude(7.5, "percent"), "substantial"),
        (lambda: SHIPPED.magnitude(0, "percent"), "incremental"),
    ],
)
def test_the_writer_takes_its_words_by_name(call: Any, expected: str) -> None:
    assert call() == expected


def test_is_good_follows_polarity() -> None:
    assert SHIPPED.is_good("up", "up_good") is True
    assert SHIPPED.is_good("down", "up_good") is False
    assert SHIPPED.is_good("down", "down_good") is True
    assert SHIPPED.is_good("up", "neutral") is None
    assert SHIPPED.is_good("flat", "up_good") is None


def test_reader_forms_hold_derived_and_read_only_words() -> None:
    up = SHIPPED.reader_forms("directions", "up")
    assert {"increased", "rose", "risen", "rise", "rises", "increases", "grew"} <= up
    assert {"slight", "slightly", "very large"} <= SHIPPED.reader_forms("magnitudes")
    assert "very largely" not in SHIPPED.reader_forms("magnitudes")
    assert {"significantly", "statistically significant"} <= SHIPPED.reader_forms("significance")
    assert SHIPPED.change_nouns("down") == {"decrease", "fall", "decreases", "falls"}
    assert "change" in SHIPPED.change_nouns()


def test_phrases_label_every_reader_form() -> None:
    phrases = set(SHIPPED.phrases())
    assert ("direction:down", "fell") in phrases
    assert ("judgement:better", "improvements") in phrases
    assert ("magnitude:slight", "slightly") in phrases
    assert ("comparison:year_end", "year-end benchmark") in phrases
    assert ("streak:first_time_since", "first time since") in phrases
    assert ("hedge:below", "almost") in phrases
    only = set(SHIPPED.phrases("directions", "magnitudes"))
    assert {label.split(":")[0] for label, _ in only} == {"direction", "magnitude"}


def test_guarded_words_name_their_entry() -> None:
    guarded = SHIPPED.guarded_words()
    assert guarded["fell"] == "[directions.down]"
    assert guarded["significantly"] == "[significance.significant]"
    assert guarded["another"] == "[streaks.another]"
    assert guarded["slightly"] == "[magnitudes.percent]"
    assert guarded["long-term benchmark"] == "[comparisons.long_term]"
    # Comparisons of months and hedges are the writer's own: not guarded.
    assert "month on month" not in guarded and "almost" not in guarded


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: SHIPPED.word("down", "gerund"), r"\[directions.down\] has no form 'gerund'"),
        (lambda: SHIPPED.word("sideways"), "'sideways' is not a valid Direction"),
        (lambda: SHIPPED.phrase("streaks", "forever"), r"no \[streaks.forever\] entry"),
        (lambda: SHIPPED.magnitude(1, "count"), "no scale 'count' in the lexicon"),
        (lambda: Lexicon().word("up"), r"lexicon.toml: no \[directions.up\] entry"),
    ],
)
def test_missing_words_are_named(call: Any, message: str) -> None:
    with pytest.raises((LexiconError, ValueError), match=message):
        call()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"direction": {}}, r"unknown tables \['direction'\]"),
        ({"directions": {"sideways": ["crab"]}}, r"\[directions.sideways\] is not one of up"),
        ({"streaks": {"another": []}}, r"\[streaks.another\] is empty"),
        ({"streaks": {"another": "another"}}, "expected a list of words"),
        ({"streaks": {"another": [3]}}, "expected a word, got 3"),
        ({"streaks": {"again": {"words": ["again"]}}}, "has no forms to write"),
        ({"hedges": 3}, r"\[hedges\] is not a table"),
        ({"magnitudes": {"identical": {"points": 1}}}, "expected `percent = 0.5`"),
    ],
)
def test_malformed_lexicons_are_refused(data: dict[str, Any], message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(data, "phrasebank/lexicon.toml")


def test_load_names_the_file(tmp_path: Path) -> None:
    book = tmp_path / "phrasebank"
    book.mkdir()
    with pytest.raises(TemplateError, match=r"^phrasebank/lexicon.toml: the phrasebank has no"):
        load_lexicon(book)
    (book / "lexicon.toml").write_text("[hedges\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"^phrasebank/lexicon.toml: not valid TOML"):
        load_lexicon(book)


# --- properties ---------------------------------------------------------------------------

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz -", min_size=1, max_size=12).filter(
    lambda w: w.strip() != ""
)
_ROLE = st.from_regex(r"[a-z][a-z_]{0,9}", fullmatch=True).filter(lambda r: r != "words")
_LIST_ENTRY = st.lists(_WORD, min_size=1, max_size=5)
_TABLE_ENTRY = st.builds(
    lambda forms, words: {**forms, "words": words},
    st.dictionaries(_ROLE, _WORD, min_size=1, max_size=4),
    st.lists(_WORD, max_size=4),
)
_ENTRIES = st.dictionaries(
    st.from_regex(r"[a-z][a-z_]{0,9}", fullmatch=True),
    st.one_of(_LIST_ENTRY, _TABLE_ENTRY),
    max_size=4,
)
_FREE_SECTIONS = [s for s in Section if s not in (Section.DIRECTIONS, Section.POLARITY)]
LEXICONS = st.builds(
    lambda free, directions, polarity: parse_lexicon(
        {**free, "directions": directions, "polarity": polarity}
    ),
    st.dictionaries(st.sampled_from([s.value for s in _FREE_SECTIONS]), _ENTRIES, max_size=5),
    st.dictionaries(st.sampled_from(["up", "down", "flat"]), st.one_of(_LIST_ENTRY, _TABLE_ENTRY)),
    st.dictionaries(st.sampled_from(["better", "worse"]), st.one_of(_LIST_ENTRY, _TABLE_ENTRY)),
)


def _entries(lexicon: Lexicon) -> list[tuple[Section, str]]:
    return [(section, key) for section, terms in lexicon.terms.items() for key in terms]


@given(LEXICONS)
def test_every_writer_form_is_a_reader_form(lexicon: Lexicon) -> None:
    for section, key in _entries(lexicon):
        assert lexicon.writer_forms(section, key) <= lexicon.reader_forms(section, key)
        term = lexicon.term(section, key)
        assert all(term.form(role) in term.reader_forms for role in term.forms)
    for section in Section:
        assert lexicon.writer_forms(section) <= lexicon.reader_forms(section)
    labels = {phrase for _, phrase in lexicon.phrases()}
    assert all(lexicon.reader_forms(s) <= labels for s in Section)


@given(st.sampled_from(_entries(SHIPPED)))
def test_every_shipped_writer_form_is_a_reader_form(entry: tuple[Section, str]) -> None:
    section, key = entry
    writer = SHIPPED.writer_forms(section, key)
    assert writer and writer <= SHIPPED.reader_forms(section, key)
    if section in GUARDED_SECTIONS:
        guarded = SHIPPED.guarded_words()
        assert all(form.lower() in guarded for form in writer)


def test_every_shipped_magnitude_word_is_a_reader_form() -> None:
    assert SHIPPED.writer_forms("magnitudes") <= SHIPPED.reader_forms("magnitudes")


@given(
    a=st.floats(min_value=-100, max_value=100, allow_nan=False),
    b=st.floats(min_value=-100, max_value=100, allow_nan=False),
    scale=st.sampled_from(sorted(SHIPPED.scales)),
)
def test_magnitude_grows_with_size(a: float, b: float, scale: str) -> None:
    words = SHIPPED.scale(scale).words
    small, large = sorted([a, b], key=abs)
    assert words.index(SHIPPED.magnitude(small, scale)) <= words.index(
        SHIPPED.magnitude(large, scale)
    )
    assert SHIPPED.magnitude(a, scale) == SHIPPED.magnitude(-a, scale)


def test_one_lexicon_class_in_narrator() -> None:
    root = Path(__file__).resolve().parent.parent / "narrator"
    found = [
        p.relative_to(root).as_posix()
        for p in root.rglob("*.py")
        if re.search(r"^class Lexicon\b", p.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    # narrator/check keeps its own until the reader switches to narrator.language.
    assert [p for p in found if not p.startswith("check/")] == ["language/lexicon.py"]
