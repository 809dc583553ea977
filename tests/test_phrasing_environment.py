"""The phrasebank sandbox: rendering, tidy output, and errors that name the file and line."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from narrator.errors import NarratorError, TemplateError
from narrator.language.lexicon import parse_lexicon
from narrator.phrasing import environment as envmod
from narrator.phrasing.environment import (
    make_environment,
    render,
    render_string,
    template_error,
    tidy,
    undeclared_variables,
)
from narrator.phrasing.filters import FILTERS
from narrator.resources import phrasebank_dir

LEXICON = parse_lexicon(
    {
        "magnitudes": {
            "points": {"thresholds": [[0.0, "negligible"], [0.2, "incremental"], [0.5, "slight"]]},
        }
    }
)

LEVEL = """\
{# The level of a rate, with the change since last month. #}
The {{ measure }} rate
{% if change < 0 %}
  fell by {{ change|abs|pp }} to {{ rate|percent }} ,
  {{ change|magnitude("points")|a }} decrease
{% else %}
  rose to {{ rate|percent }}
{% endif %}
in {{ month|month_name }}.
"""


def _phrasebank(tmp_path: Path, **templates: str) -> Path:
    root = tmp_path / "phrasebank"
    root.mkdir()
    for name, source in templates.items():
        (root / f"{name}.j2").write_text(source, encoding="utf-8")
    return root


@pytest.fixture
def env(tmp_path: Path) -> jinja2.sandbox.SandboxedEnvironment:
    root = _phrasebank(
        tmp_path,
        level=LEVEL,
        outer='Before.\n{% include "inner.j2" %}\n',
        inner="One line.\n{{ 1|number }}\n{{ missing }}\n",
        broken="Line one.\n{% if rate %}\n{{ rate }\n{% endif %}\n",
        unclosed="{% for x in xs %}\n{{ x }}\n",
        needs_none="Rate\n{{ rate|percent }}\n",
        includes_missing="Text\n\n{% include 'nowhere.j2' %}\n",
        variants="{% block v1 %}\nFell to {{ rate|percent }}.\n{% endblock %}\n"
        "{% block v2 %}\nNow\n{{ rate|percent }}.\n{% endblock %}\n",
    )
    return make_environment(root, lexicon=LEXICON)


def test_render_uses_the_filters_and_tidies(env: jinja2.sandbox.SandboxedEnvironment) -> None:
    context = {"measure": "all crime outcome", "change": -0.34, "rate": 9.66, "month": "2019-10"}
    assert render(env, "level.j2", context) == (
        "The all crime outcome rate fell by 0.3 percentage points to 9.7%, "
        "an incremental decrease in October."
    )
    context["change"] = 0.2
    assert render(env, "level.j2", context) == (
        "The all crime outcome rate rose to 9.7% in October."
    )


def test_environment_settings(env: jinja2.sandbox.SandboxedEnvironment) -> None:
    assert isinstance(env, jinja2.sandbox.SandboxedEnvironment)
    assert env.undefined is jinja2.StrictUndefined
    assert env.trim_blocks and env.lstrip_blocks and not env.keep_trailing_newline
    assert not env.autoescape
    assert set(FILTERS) | {"magnitude"} <= set(env.filters)
    # Not HTML: an ampersand or angle bracket in a measure name is printed as it is.
    assert render_string(env, "{{ x }}", {"x": "A&E <24h>"}) == "A&E <24h>"


def test_undefined_variable_names_template_and_line(
    env: jinja2.sandbox.SandboxedEnvironment,
) -> None:
    with pytest.raises(TemplateError) as caught:
        render(env, "level.j2", {"measure": "x", "change": -1, "month": "2019-10"})
    assert caught.value.message == "phrasebank/level.j2, line 4: 'rate' is undefined"
    assert caught.value.hint and "is defined" in caught.value.hint
    assert isinstance(caught.value, NarratorError) and caught.value.exit_code == 2


def test_error_in_an_included_template_names_that_template(
    env: jinja2.sandbox.SandboxedEnvironment,
) -> None:
    with pytest.raises(
        TemplateError, match=r"^phrasebank/inner\.j2, line 3: 'missing' is undefined"
    ):
        render(env, "outer.j2", {})


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("broken.j2", "phrasebank/broken.j2, line 3: unexpected '}'"),
        ("unclosed.j2", "phrasebank/unclosed.j2, line 2: Unexpected end of template."),
    ],
)
def test_syntax_error_names_file_and_line(
    env: jinja2.sandbox.SandboxedEnvironment, template: str, expected: str
) -> None:
    with pytest.raises(TemplateError) as caught:
        render(env, template, {"rate": 1})
    assert caught.value.message.startswith(expected)


def test_filter_refusal_names_template_line_and_filter(
    env: jinja2.sandbox.SandboxedEnvironment,
) -> None:
    with pytest.raises(TemplateError) as caught:
        render(env, "needs_none.j2", {"rate": None})
    assert caught.value.message == (
        "phrasebank/needs_none.j2, line 2: percent: the value is missing (None)"
    )
    with pytest.raises(TemplateError, match=r"line 2: percent: the value is nan"):
        render(env, "needs_none.j2", {"rate": float("nan")})


def test_template_error_for_blocks_rendered_directly(
    env: jinja2.sandbox.SandboxedEnvironment,
) -> None:
    # A realiser that renders one variant block skips Template.render and its traceback
    # rewriting; the error must still point at the template line.
    template = env.get_template("variants.j2")
    context = template.new_context({"rate": None})
    with pytest.raises(ValueError) as caught:
        "".join(template.blocks["v2"](context))
    error = template_error(env, "phrasebank/variants.j2", caught.value)
    assert error.message == "phrasebank/variants.j2, line 6: percent: the value is missing (None)"
    assert "".join(template.blocks["v1"](template.new_context({"rate": 9.7}))) == "Fell to 9.7%.\n"


def test_missing_templates(env: jinja2.sandbox.SandboxedEnvironment) -> None:
    with pytest.raises(TemplateError, match=r"^phrasebank/absent\.j2: no such template"):
        render(env, "absent.j2", {})
    with pytest.raises(
        TemplateError,
        match=r"^phrasebank/includes_missing\.j2, line 3: template 'nowhere\.j2' not found",
    ):
        render(env, "includes_missing.j2", {})


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ x.__class__.__base__.__subclasses__() }}",
        "{{ x.__init__.__globals__ }}",
        "{{ lipsum.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
)
def test_sandbox_blocks_attribute_escapes(
    env: jinja2.sandbox.SandboxedEnvironment, source: str
) -> None:
    with pytest.raises(TemplateError) as caught:
        render_string(env, source, {"x": object()}, name="inline.j2")
    assert re.fullmatch(
        r"inline\.j2, line 1: access to attribute '\w+' of .* is unsafe", caught.value.message
    )
    assert caught.value.hint and "sandbox" in caught.value.hint


def test_sandbox_message_for_class_access(env: jinja2.sandbox.SandboxedEnvironment) -> None:
    with pytest.raises(TemplateError) as caught:
        render_string(env, "ok\n{{ ''.__class__ }}", {}, name="attack.j2")
    assert caught.value.message == (
        "attack.j2, line 2: access to attribute '__class__' of 'str' object is unsafe"
    )


def test_render_string_errors_name_the_given_name(
    env: jinja2.sandbox.SandboxedEnvironment,
) -> None:
    with pytest.raises(TemplateError, match=r"^snippet, line 2: 'dict object' has no attribute"):
        render_string(env, "A\n{{ fact.rate }}", {"fact": {}}, name="snippet")
    with pytest.raises(TemplateError, match=r"^snippet, line 1: "):
        render_string(env, "{% if %}", {}, name="snippet")
    with pytest.raises(TemplateError, match=r"^snippet, line 1: magnitude: no scale 'count'"):
        render_string(env, "{{ 1|magnitude('count') }}", {}, name="snippet")


def test_undeclared_variables(env: jinja2.sandbox.SandboxedEnvironment) -> None:
    assert undeclared_variables(env, "level.j2") == {"measure", "change", "rate", "month"}
    assert undeclared_variables(env, "inner.j2") == {"missing"}
    with pytest.raises(TemplateError, match=r"^phrasebank/broken\.j2, line 3"):
        undeclared_variables(env, "broken.j2")
    with pytest.raises(TemplateError, match=r"^phrasebank/absent\.j2: no such template"):
        undeclared_variables(env, "absent.j2")


def test_lexicon_is_read_from_the_phrasebank(tmp_path: Path) -> None:
    root = _phrasebank(tmp_path, size="{{ x|magnitude('percent') }}")
    (root / "lexicon.toml").write_text(
        '[magnitudes.percent]\nthresholds = [[0.0, "incremental"], [1.0, "slight"]]\n'
        "[magnitudes.identical]\npercent = 0.5\n",
        encoding="utf-8",
    )
    env = make_environment(root)
    assert render(env, "size.j2", {"x": -3.0}) == "slight"


@pytest.mark.parametrize(
    ("lexicon", "message"),
    [
        ("[magnitude\n", r"^.*lexicon\.toml: not valid TOML"),
        (
            '[magnitudes.rate]\nthresholds = [["big", "slight"]]\n',
            r"^phrasebank/lexicon\.toml: .*\(slight\): expected a number",
        ),
        (
            "magnitudes = 3\n",
            r"^phrasebank/lexicon\.toml: lexicon \[magnitudes\]: expected a table",
        ),
    ],
)
def test_malformed_lexicon_names_the_file(tmp_path: Path, lexicon: str, message: str) -> None:
    root = _phrasebank(tmp_path)
    (root / "lexicon.toml").write_text(lexicon, encoding="utf-8")
    with pytest.raises(TemplateError, match=message):
        make_environment(root)


def test_missing_phrasebank_folder(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="the phrasebank folder does not exist"):
        make_environment(tmp_path / "nowhere")


def test_shipped_phrasebank_loads() -> None:
    env = make_environment(phrasebank_dir())
    assert isinstance(env, envmod.PhrasebankEnvironment)
    assert "magnitude" in env.filters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  The rate  fell ,  now 9.7% .  ", "The rate fell, now 9.7%."),
        ("The rate\n  fell\n\tsharply.", "The rate fell sharply."),
        ("First.\n\n\n  Second .\n", "First.\n\nSecond."),
        ("( see 4.2.1 ) and ; then : done !", "(see 4.2.1) and; then: done!"),
        ("Up 4.8% ?", "Up 4.8%?"),
        ("\n\n", ""),
        ("9.7", "9.7"),
        ("a\r\n\r\nb", "a\n\nb"),
    ],
)
def test_tidy(text: str, expected: str) -> None:
    assert tidy(text) == expected
