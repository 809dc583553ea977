"""Hostile templates: a project phrasebank that mutates shared state, loops or writes a book.

The project gets its own phrasebank (a copy of the shipped one) with one template spoiled;
``draft`` then stops with one message naming the template, in bounded time, writing nothing,
and ``phrases lint`` lists the template's problem (exit 1).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from narrator.language.lexicon import load_lexicon
from narrator.resources import phrasebank_dir
from tests.hostile.conftest import MONTH
from tests.hostile.harness import Snapshot, clean, narrator, refused

#: A template the project's draft of MONTH uses: its first sentence's, read from the sidecar
#: rather than named here, so the attack lands whatever the content selection picks.
TEMPLATE = "record.j2"

EVIL: list[tuple[str, str, tuple[str, ...]]] = [
    # The lexicon's shape differs between versions (a dict under .data, typed terms): each
    # attack fails, as unsafe or as undefined, and names the template.
    ("lexicon-update", '{{ lex.data.directions.up.update({"verb": "plunged"}) }}', ()),
    ("lexicon-item", "{{ lex.data['directions']['up'].clear() }}", ()),
    ("lexicon-words", "{{ lex.data.directions.up.words.append('soared') }}", ()),
    ("lexicon-terms", "{{ lex.terms.clear() }}", ()),
    ("lexicon-scales", "{{ lex.scales.clear() }}", ()),
    ("lexicon-forms", "{{ lex.term('directions', 'up').forms.update({'verb': 'plunged'}) }}", ()),
    ("lexicon-setattr", "{{ lex.__setattr__('identical_percent', 99) }}", ("unsafe",)),
    ("measure-update", "{{ m.update(label='nothing') }}", ("unsafe",)),
    ("nested-range", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
     "{% endfor %}", ("NARRATOR_RENDER_SECONDS",)),
    ("nested-range-output", "{% for i in range(100000) %}{% for j in range(100000) %}x"
     "{% endfor %}{% endfor %}", ("NARRATOR_RENDER_CHARS",)),
    ("string-times", "{{ 'x' * 1000000000 }}", ("NARRATOR_RENDER_CHARS",)),
    ("list-times", "{{ [0] * 1000000000 }}", ("NARRATOR_RENDER_CHARS",)),
    ("power", "{{ 10 ** 100000000 }}", ("too large",)),
    ("lipsum", "{{ lipsum(100000000) }}", ("too much text",)),
    ("recursion", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", ("RecursionError",)),
    ("dunder", "{{ lex.__class__.__init__.__globals__ }}", ("unsafe",)),
    ("format", "{{ '{0.__class__}'.format(lex) }}", ("unsafe",)),
    ("undefined", "{{ no_such_value }}", ("undefined",)),
    ("syntax", "{% if %}", ("line",)),
    ("markup", "{{ m['[bold]:x:'].y }}", ("'[bold]:x:'",)),
]  # fmt: skip


ATTACK = {name: text for name, text, _ in EVIL}
LINTED = [case for case in EVIL if case[0] in ("measure-update", "nested-range",
          "nested-range-output", "string-times", "power")]  # fmt: skip


def _first_template(project: Path) -> str:
    sidecar = json.loads((project / f"draft-{MONTH}.json").read_text(encoding="utf-8"))
    for section in sidecar["sections"]:
        for paragraph in section["paragraphs"]:
            for sentence in paragraph["sentences"]:
                return str(sentence["template"]).removeprefix("messages/")
    raise AssertionError("the project's draft has no generated sentence")


def _spoil(project: Path, text: str) -> Path:
    assert _first_template(project) == TEMPLATE, "the draft no longer opens with TEMPLATE"
    book = project / "phrasebank"
    shutil.copytree(phrasebank_dir(), book)
    template = book / "messages" / TEMPLATE
    template.write_text(text + "\n" + template.read_text(encoding="utf-8"), encoding="utf-8")
    return template


@pytest.mark.parametrize(("name", "text", "names"), EVIL, ids=[c[0] for c in EVIL])
def test_a_hostile_template_stops_the_draft(
    project: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, names: tuple[str, ...]
) -> None:
    _spoil(project, text)
    before = Snapshot.of(project)
    run = narrator("draft", "--month", MONTH, "--out", "new.md", cwd=project,
                   monkeypatch=monkeypatch, env={"NARRATOR_RENDER_SECONDS": "1"})  # fmt: skip
    refused(run, names=(f"phrasebank/messages/{TEMPLATE}", *names), before=before)
    assert run.seconds < 30


@pytest.mark.parametrize(("name", "text", "names"), LINTED, ids=[c[0] for c in LINTED])
def test_phrases_lint_lists_a_hostile_template(
    project: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, names: tuple[str, ...]
) -> None:
    _spoil(project, text)
    before = Snapshot.of(project)
    run = narrator("phrases", "lint", "--month", MONTH, cwd=project, monkeypatch=monkeypatch,
                   env={"NARRATOR_RENDER_SECONDS": "0.2"})  # fmt: skip
    clean(run, code=1, root=project)
    assert f"messages/{TEMPLATE}" in run.out
    assert all(name in run.out.replace("\n", "") for name in names)
    assert not before.changed(Snapshot.of(project))


def test_a_template_cannot_change_the_words_of_the_next_sentence() -> None:
    """The lexicon is the same after a template tried to change it: the next draft is too."""
    from narrator.draft.realise import make_realiser_env
    from narrator.errors import TemplateError
    from narrator.phrasing.environment import render_string

    lexicon = load_lexicon(phrasebank_dir())
    before = repr(lexicon)
    up = lexicon.word("up", "verb")
    env = make_realiser_env(phrasebank_dir(), lexicon)
    for attack in [text for name, text, _ in EVIL if name.startswith("lexicon")]:
        with pytest.raises(TemplateError):
            render_string(env, attack, {"m": {"label": "x"}}, name="evil.j2")
    assert repr(lexicon) == before
    assert lexicon.word("up", "verb") == up
    # A template's own list is its own to fill.
    own = "{% set labels = [] %}{% set _ = labels.append('a') %}{{ labels | join(',') }}"
    assert render_string(env, own, {}, name="own.j2") == "a"


def test_a_slow_template_is_stopped_after_the_limit(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _spoil(project, ATTACK["nested-range"])
    run = narrator("draft", "--month", MONTH, "--out", "new.md", cwd=project,
                   monkeypatch=monkeypatch, env={"NARRATOR_RENDER_SECONDS": "0.5"})  # fmt: skip
    refused(run, names=("rendering took longer than 0.5 s",))
    assert run.seconds < 20
