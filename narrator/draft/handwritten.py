"""Words a template writes by hand that only the lexicon may give (a rule of ``phrases lint``).

A template that writes "fell" itself, rather than ``lex.word("down", "past")``, writes a word
the reader may not know and an analyst cannot change in one place. So every direction,
judgement, magnitude, significance, streak, record, outlier and benchmark word a reader
recognises (:meth:`narrator.language.lexicon.Lexicon.guarded_words`) is refused wherever a
template writes it as text: its literal text, and string constants that reach the output
(``"rose" if d == "up"``), but not constants used as keys (``lex.word("up", "noun")``,
``d == "down"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from narrator.errors import TemplateError
from narrator.phrasing.environment import template_error

#: Filters whose arguments are written, not read: ``x | default("rose")``.
_WRITING_FILTERS = frozenset({"default", "d", "join", "replace", "format"})


@dataclass(frozen=True)
class HandWritten:
    """One guarded word a template writes by hand."""

    template: str
    line: int
    word: str
    entry: str

    @property
    def problem(self) -> str:
        """What lint reports."""
        return (
            f"line {self.line}: writes {self.word!r} by hand; take it from the lexicon "
            f"({self.entry}), e.g. lex.word(...), lex.phrase(...) or a filter"
        )


def hand_written(
    env: SandboxedEnvironment, names: list[str], guarded: Mapping[str, str]
) -> list[HandWritten]:
    """Every guarded word the templates ``names`` write by hand, in file and line order."""
    if env.loader is None:
        raise TemplateError("the phrasebank environment has no template loader")
    pattern = _pattern(tuple(sorted(guarded)))
    found: list[HandWritten] = []
    for name in names:
        try:
            source, filename, _ = env.loader.get_source(env, name)
            tree = env.parse(source, name, filename)
        except Exception as exc:
            raise template_error(env, f"phrasebank/{name}", exc) from exc
        macros = {m.name for m in tree.find_all(nodes.Macro)}
        macros |= {str(i.target) for i in tree.find_all(nodes.Import)}
        for line, text in _written(tree, macros, written=True):
            for match in pattern.finditer(text.lower()):
                line_of = line + text.count("\n", 0, match.start())
                word = match.group(0)
                found.append(HandWritten(name, line_of, word, guarded[word]))
    return sorted(set(found), key=lambda h: (h.template, h.line, h.word))


@lru_cache(maxsize=8)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, whole words only: "rise" is not in "prise", nor "up" in "set-up".
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in ordered) or r"(?!)"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _written(node: nodes.Node, macros: set[str], written: bool) -> Iterator[tuple[int, str]]:
    """(line, text) of the text a template may write: literal text and constants that reach
    the output. ``written`` is whether ``node``'s value would be written."""
    if isinstance(node, nodes.TemplateData):
        yield node.lineno, node.data
        return
    if isinstance(node, nodes.Const):
        if written and isinstance(node.value, str):
            yield node.lineno, node.value
        return
    for child, child_written in _children(node, macros, written):
        yield from _written(child, macros, child_written)


def _children(
    node: nodes.Node, macros: set[str], written: bool
) -> Iterator[tuple[nodes.Node, bool]]:
    """Each child node and whether its value would be written."""
    if isinstance(node, nodes.Output):
        yield from ((child, True) for child in node.nodes)
    elif isinstance(node, nodes.Compare | nodes.Test | nodes.Getattr | nodes.Getitem):
        # Compared, tested or looked up: a key, never written.
        yield from ((child, False) for child in node.iter_child_nodes())
    elif isinstance(node, nodes.CondExpr):
        yield node.test, False
        yield node.expr1, written
        if node.expr2 is not None:
            yield node.expr2, written
    elif isinstance(node, nodes.Call):
        yield node.node, False
        passes = _is_macro(node.node, macros) or _is_append(node.node)
        yield from ((child, written and passes) for child in _arguments(node))
    elif isinstance(node, nodes.Filter):
        if node.node is not None:
            yield node.node, written
        passes = node.name in _WRITING_FILTERS
        yield from ((child, written and passes) for child in _arguments(node))
    elif isinstance(node, nodes.Assign):
        # A value set may be written later: judge it as written.
        yield node.node, True
    elif isinstance(node, nodes.If | nodes.For):
        test = node.test if isinstance(node, nodes.If) else node.iter
        yield test, False
        for child in node.iter_child_nodes():
            if child is not test:
                yield child, written
    else:
        yield from ((child, written) for child in node.iter_child_nodes())


def _arguments(node: nodes.Call | nodes.Filter) -> Iterator[nodes.Node]:
    yield from node.args
    yield from (keyword.value for keyword in node.kwargs)
    for extra in (node.dyn_args, node.dyn_kwargs):
        if extra is not None:
            yield extra


def _is_macro(callee: nodes.Node, macros: set[str]) -> bool:
    """A macro of the template (``yearwords()``) or of one it imports (``c.size(...)``)."""
    if isinstance(callee, nodes.Name):
        return callee.name in macros or callee.name == "caller"
    return (
        isinstance(callee, nodes.Getattr)
        and isinstance(callee.node, nodes.Name)
        and callee.node.name in macros
    )


def _is_append(callee: nodes.Node) -> bool:
    """``items.append(x)``: x is kept to be written later."""
    return isinstance(callee, nodes.Getattr) and callee.attr in ("append", "extend")
