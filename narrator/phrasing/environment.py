"""The sandbox phrasebank templates render in, and the errors that point at their lines.

Templates are data an analyst edits, so they run in Jinja2's sandbox with every undefined
variable an error, and anything that goes wrong while loading or rendering one (a syntax
error, a missing variable, an unsafe attribute, a filter refusing a value) becomes one
:class:`~narrator.errors.TemplateError` that names the template file and line:
"phrasebank/level.j2, line 4: 'rate' is undefined".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from narrator.errors import TemplateError
from narrator.language.lexicon import LEXICON_FILE, Lexicon, load_lexicon
from narrator.phrasing.filters import FILTERS, TESTS, approx
from narrator.phrasing.sandbox import LimitedSandbox, RenderLimitError, join_limited, render_limits


class PhrasebankEnvironment(LimitedSandbox):
    """A sandboxed environment that remembers its phrasebank folder, to name files in errors.

    Templates cannot change what they are given and each render is bounded in time and size
    (:mod:`narrator.phrasing.sandbox`).
    """

    root: Path


def make_environment(phrasebank: Path, *, lexicon: Lexicon | None = None) -> PhrasebankEnvironment:
    """A sandboxed Jinja2 environment over the templates in ``phrasebank``, with every filter.

    Every word a template writes with comes from ``lexicon`` (by default the phrasebank's own
    ``lexicon.toml``; an empty lexicon when it has none): the global ``lex`` and the filters
    ``magnitude`` and ``approx``. Raises :class:`TemplateError` when the folder is missing or
    the lexicon is malformed.
    """
    root = Path(phrasebank)
    if not root.is_dir():
        raise TemplateError(f"{root}: the phrasebank folder does not exist")
    if lexicon is None:
        lexicon = load_lexicon(root) if (root / LEXICON_FILE).is_file() else Lexicon()
    env = PhrasebankEnvironment(
        loader=jinja2.FileSystemLoader(root),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        autoescape=False,
    )
    env.root = root
    env.filters.update(FILTERS)
    env.filters.update(lexicon_filters(lexicon))
    env.tests.update(TESTS)
    env.globals["lex"] = lexicon
    return env


def lexicon_filters(lexicon: Lexicon) -> dict[str, Callable[..., str]]:
    """The filters whose words are the lexicon's: ``{{ change|magnitude("points") }}`` and
    ``{{ total|approx }}`` ("almost 7,000,000")."""

    def magnitude(value: object, scale: str) -> str:
        return lexicon.magnitude(value, scale)

    def approx_hedged(value: object) -> str:
        return approx(value, lexicon.hedge)

    return {"magnitude": magnitude, "approx": approx_hedged}


def render(env: SandboxedEnvironment, template_name: str, context: Mapping[str, Any]) -> str:
    """Render a phrasebank template with ``context`` and :func:`tidy` the result.

    Any failure is raised as :class:`TemplateError` naming the template file and line.
    """
    try:
        with render_limits(env, context):
            template = env.get_template(template_name)
            chunks = template.root_render_func(template.new_context(dict(context)))
            text = join_limited(env, chunks)
    except Exception as exc:
        raise template_error(env, _in_phrasebank(env, template_name), exc) from exc
    return tidy(text)


def render_string(
    env: SandboxedEnvironment,
    source: str,
    context: Mapping[str, Any],
    *,
    name: str = "<template>",
) -> str:
    """Render template ``source`` given inline; errors name it ``name`` with the line."""
    try:
        # Compiling with a filename (from_string has none) lets tracebacks point at `name`.
        code = env.compile(source, name=name, filename=name)
        template = env.template_class.from_code(env, code, env.make_globals(None))
        with render_limits(env, context):
            text = join_limited(env, template.root_render_func(template.new_context(dict(context))))
    except Exception as exc:
        raise template_error(env, name, exc) from exc
    return tidy(text)


def undeclared_variables(env: SandboxedEnvironment, template_name: str) -> set[str]:
    """The variables a template reads from its context (not those it sets itself).

    Included and imported templates are not followed: lint each template on its own.
    """
    if env.loader is None:
        raise TemplateError(f"{template_name}: the environment has no template loader")
    try:
        source, filename, _ = env.loader.get_source(env, template_name)
        parsed = env.parse(source, template_name, filename)
    except Exception as exc:
        raise template_error(env, _in_phrasebank(env, template_name), exc) from exc
    return set(meta.find_undeclared_variables(parsed))


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_WHITESPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" +([,.;:!?)\]])")
_SPACE_AFTER_OPENING = re.compile(r"([(\[]) +")


def tidy(text: str) -> str:
    """Normalise the whitespace a template leaves: "The rate  fell , now 12.4%" -> "... fell, ...".

    Runs of spaces collapse to one; line breaks inside a paragraph (templates wrap long
    sentences) become spaces; paragraphs stay separated by one blank line; no space before
    , . ; : ! ? ) ] or after ( [; the ends are stripped.
    """
    paragraphs = []
    for paragraph in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")):
        line = _WHITESPACE.sub(" ", paragraph).strip()
        line = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", line)
        line = _SPACE_AFTER_OPENING.sub(r"\1", line)
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


# --- errors -------------------------------------------------------------------------------


def template_error(env: SandboxedEnvironment, name: str, exc: Exception) -> TemplateError:
    """One :class:`TemplateError` for any failure, located at the innermost template line.

    For callers that drive Jinja themselves (rendering one block of a template, say) and
    need the same messages as :func:`render`; ``name`` is how to call the template being
    rendered when no line can be found ("phrasebank/level.j2").
    """
    if isinstance(exc, TemplateError):
        return exc
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = _display(env, exc.filename) if exc.filename else name
        return TemplateError(f"{where}, line {exc.lineno}: {exc.message}")
    location = _template_frame(exc.__traceback__)
    if isinstance(exc, jinja2.TemplateNotFound):
        if location is None:
            return TemplateError(f"{name}: no such template in the phrasebank")
        what = f"template {exc.name!r} not found in the phrasebank"
    else:
        what = _describe(exc)
    hint = _HINTS.get(type(exc))
    if location is None:
        return TemplateError(f"{name}: {what}", hint=hint)
    filename, lineno = location
    return TemplateError(f"{_display(env, filename)}, line {lineno}: {what}", hint=hint)


# narrator.draft.realise imported the converter under its first, private name.
_template_error = template_error


def _template_frame(tb: TracebackType | None) -> tuple[str, int] | None:
    # The innermost template frame is where the failure is (inside an included template or
    # macro, not its caller). Template.render rewrites tracebacks so template code shows as
    # frames whose globals hold the exception and whose filename and line are the
    # template's; code that calls a template's block functions directly gets no rewrite, so
    # the compiled module's frames are mapped back to template lines here.
    found = None
    while tb is not None:
        frame_globals = tb.tb_frame.f_globals
        template = frame_globals.get("__jinja_template__")
        if "__jinja_exception__" in frame_globals:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        elif isinstance(template, jinja2.Template):
            filename = template.filename or template.name or "<template>"
            found = (filename, template.get_corresponding_lineno(tb.tb_lineno))
        tb = tb.tb_next
    return found


def _describe(exc: Exception) -> str:
    if isinstance(exc, jinja2.TemplateError | ValueError | RenderLimitError):
        return str(exc).rstrip(".") or type(exc).__name__
    return f"{type(exc).__name__}: {exc}"


_HINTS: Mapping[type[Exception], str] = {
    jinja2.UndefinedError: (
        "Every variable a template reads must be in the facts it is rendered with; "
        "test optional ones with `is defined`."
    ),
    SecurityError: "Templates run in a sandbox: use the fact's fields and the filters only.",
}


def _display(env: SandboxedEnvironment, filename: str) -> str:
    """A file as a reader finds it: "phrasebank/level.j2", not an absolute path."""
    root = getattr(env, "root", None)
    path = Path(filename)
    if isinstance(root, Path) and path.is_absolute():
        try:
            return path.resolve().relative_to(root.resolve().parent).as_posix()
        except ValueError:
            pass
    return filename


def _in_phrasebank(env: SandboxedEnvironment, template_name: str) -> str:
    """A template name as a reader finds the file: "level.j2" -> "phrasebank/level.j2"."""
    root = getattr(env, "root", None)
    return f"{root.name}/{template_name}" if isinstance(root, Path) else template_name
