"""``phrases lint`` refuses a template that writes a lexicon word by hand, naming file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrator.cli.app import app
from narrator.draft.handwritten import hand_written
from narrator.draft.lint import lint_words
from narrator.language.lexicon import load_lexicon
from narrator.phrasing.environment import make_environment
from narrator.resources import phrasebank_dir, sample_dir

LEXICON = load_lexicon()


def _words(tmp_path: Path, source: str) -> list[tuple[int, str, str]]:
    book = tmp_path / "phrasebank"
    (book / "messages").mkdir(parents=True, exist_ok=True)
    (book / "messages" / "t.j2").write_text(source, encoding="utf-8")
    env = make_environment(book, lexicon=LEXICON)
    found = hand_written(env, ["messages/t.j2"], LEXICON.guarded_words())
    return [(h.line, h.word, h.entry) for h in found]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Crime fell.", [(1, "fell", "[directions.down]")]),
        ("One\nTwo\nthe rate rose, significantly.",
         [(3, "rose", "[directions.up]"), (3, "significantly", "[significance.significant]")]),
        ('{{ "rose" if d == "up" else "fell" }}',
         [(1, "fell", "[directions.down]"), (1, "rose", "[directions.up]")]),
        ('{% set verb = "fallen" %}{{ verb }}', [(1, "fallen", "[directions.down]")]),
        ("{% macro m(w) %}{{ w }}{% endmacro %}{{ m('another') }}",
         [(1, "another", "[streaks.another]")]),
        ('{{ ("another " ~ x) }}', [(1, "another", "[streaks.another]")]),
        ("{{ x }}\nwas a clear outlier", [(2, "a clear outlier", "[outliers.clear]")]),
        ("against the long-term benchmark", [(1, "long-term benchmark",
                                             "[comparisons.long_term]")]),
        ("a slightly higher rate",
         [(1, "higher", "[directions.up]"), (1, "slightly", "[magnitudes.percent]")]),
    ],
)  # fmt: skip
def test_words_written_by_hand_are_found(
    tmp_path: Path, source: str, expected: list[tuple[int, str, str]]
) -> None:
    assert _words(tmp_path, source) == expected


@pytest.mark.parametrize(
    "source",
    [
        '{{ lex.word("down", "past") }} {{ lex.word("up" if x else "down", "noun") }}',
        '{% if d == "up" %}x{% endif %}{% if s in ("above_upper_limit",) %}y{% endif %}',
        "{{ change | magnitude('points') }} month on month, almost the same",
        "upstream, uprising, set-up, fallback",
        '{% set kinds = [] %}{% set _ = kinds.append("flat") %}',
    ],
)
def test_keys_and_lexicon_words_are_not_hand_written(tmp_path: Path, source: str) -> None:
    assert _words(tmp_path, source) == []


def test_the_shipped_phrasebank_writes_no_word_by_hand() -> None:
    book = phrasebank_dir()
    env = make_environment(book, lexicon=LEXICON)
    every = sorted(f"messages/{p.name}" for p in (book / "messages").glob("*.j2"))
    assert every and lint_words(env, every, LEXICON) == []


def test_lint_fails_on_a_template_that_writes_a_direction_by_hand(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(sample_dir(), project)
    shutil.copytree(phrasebank_dir(), project / "phrasebank")
    template = project / "phrasebank" / "messages" / "volumes_month.j2"
    text = template.read_text(encoding="utf-8")
    # The macro that takes "fell" and "rose" from the lexicon, replaced by the words.
    hand = '{% macro moved(d) %}{{ "fell" if d == "down" else "rose" }}{% endmacro %}'
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("{% macro moved"))
    lines[at] = hand
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})
    result = runner.invoke(app, ["phrases", "lint", "--project", str(project)])
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert "messages/volumes_month.j2" in output
    assert f"line {at + 1}: writes 'fell' by hand" in output
    assert f"line {at + 1}: writes 'rose' by hand" in output
