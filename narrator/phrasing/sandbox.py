"""The sandbox's limits: a template cannot change shared state, loop for ever or write a book.

Jinja2's :class:`~jinja2.sandbox.SandboxedEnvironment` keeps a template away from Python's
internals; this adds what a phrasebank needs on top:

- **Shared state is read-only.** A template may build its own lists (``{% set labels = [] %}``
  then ``labels.append(...)``), but no method that changes a list, dict or set may be called
  on anything the template was given: the lexicon (``lex.data.directions.up.update(...)``),
  the facts, the measures. One sentence can never change the words of the next.
- **Rendering is bounded.** Each render has a time limit (``NARRATOR_RENDER_SECONDS``) checked
  at every function call and every step of ``range``, and a size limit on its text
  (``NARRATOR_RENDER_CHARS``) checked on what it writes and on ``*``, ``+`` and ``**``
  between strings, lists and numbers. Going over either is a :class:`RenderLimitError`,
  which the environment turns into a message naming the template and line.

A render is bounded inside :func:`render_limits`; outside one (a template rendered by code
that does not ask for limits) only the read-only rule applies.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from jinja2.sandbox import SandboxedEnvironment, modifies_known_mutable, safe_range

from narrator.limits import RENDER_CHARS, RENDER_SECONDS

__all__ = ["LimitedSandbox", "RenderLimitError", "join_limited", "render_limits"]

#: Objects walked to find the shared state of a render; beyond this every object counts.
_WALK_LIMIT = 200_000
#: How many steps of a range pass between two looks at the clock.
_TICK_EVERY = 256
_SCALARS = (str, bytes, int, float, complex, bool, type(None))


class RenderLimitError(RuntimeError):
    """A template ran longer, or wrote more, than the render limits allow."""


class LimitedSandbox(SandboxedEnvironment):
    """A sandbox whose templates cannot mutate what they are given, with render limits."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = self._range
        if "lipsum" in self.globals:
            self.globals["lipsum"] = _bounded_lipsum
        self._shared: set[int] = set()
        self._everything_shared = False
        # The globals' containers, walked once (the lexicon is the same for every render).
        self._globals_key: tuple[int, ...] = ()
        self._globals_shared: set[int] = set()
        self._deadline: float | None = None
        self._seconds = 0.0
        self._chars = 0
        self._steps = 0

    # --- shared state -------------------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Unsafe as in the sandbox, or a method changing a container the template was given."""
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if not modifies_known_mutable(obj, attr):
            return True
        shared = self._everything_shared or id(obj) in self._shared
        # Outside render_limits the context is unknown: every container is the caller's.
        return not shared and self._deadline is not None

    def share(self, roots: Iterable[Any]) -> None:
        """Mark every container reachable from ``roots`` as shared (read-only to templates)."""
        stack = list(roots)
        while stack:
            obj = stack.pop()
            if isinstance(obj, _SCALARS) or callable(obj) or id(obj) in self._shared:
                continue
            if len(self._shared) >= _WALK_LIMIT:
                self._everything_shared = True
                return
            self._shared.add(id(obj))
            stack.extend(_children(obj))

    # --- limits -------------------------------------------------------------------------

    def tick(self) -> None:
        """Raise :class:`RenderLimitError` once the render's time is up."""
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise RenderLimitError(
                f"rendering took longer than {self._seconds:g} s (a loop too long?); "
                f"{RENDER_SECONDS.variable} sets the limit"
            )

    def check_size(self, size: int) -> None:
        """Raise :class:`RenderLimitError` for a text or list longer than the render limit."""
        if self._deadline is not None and size > self._chars:
            raise RenderLimitError(
                f"the template made a text or list of {size:,} items, more than "
                f"{self._chars:,}; {RENDER_CHARS.variable} sets the limit"
            )

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Every call a template makes: the clock is looked at first."""
        __self.tick()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """``*``, ``+`` and ``**``: refused before they make something over the limit."""
        self.tick()
        numbers = isinstance(left, int | float) and isinstance(right, int | float)
        if operator == "**" and numbers and abs(right) > 1024 and abs(left) > 1:
            raise RenderLimitError(f"the power {left!r} ** {right!r} is too large to compute")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int):
                    self.check_size(len(seq) * max(times, 0))
        if operator == "+" and isinstance(left, str | list | tuple):
            self.check_size(len(left) + (len(right) if hasattr(right, "__len__") else 0))
        return super().call_binop(context, operator, left, right)

    def _range(self, *args: int) -> Iterator[int]:
        numbers = safe_range(*args)
        self.tick()
        return self._counted(numbers)

    def _counted(self, numbers: range) -> Iterator[int]:
        for number in numbers:
            self._steps += 1
            if self._steps % _TICK_EVERY == 0:
                self.tick()
            yield number


def _bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja's ``lipsum`` held to a few paragraphs: one call must not write a book."""
    from jinja2.utils import generate_lorem_ipsum

    if not (isinstance(n, int) and isinstance(max, int)) or n > 100 or max > 1000:
        raise RenderLimitError(f"lipsum({n!r}, max={max!r}) would write too much text")
    return str(generate_lorem_ipsum(n=n, html=html, min=min, max=max))


def _children(obj: Any) -> Iterable[Any]:
    if isinstance(obj, Mapping):
        return [*obj.keys(), *obj.values()]
    if isinstance(obj, list | tuple | set | frozenset):
        return list(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [getattr(obj, f.name, None) for f in dataclasses.fields(obj)]
    attributes = getattr(obj, "__dict__", None)
    return list(attributes.values()) if isinstance(attributes, dict) else []


@contextmanager
def render_limits(
    env: SandboxedEnvironment, context: Mapping[str, Any] | None = None
) -> Iterator[None]:
    """Bound the renders inside: time and size limits, and ``context`` read-only.

    The environment's globals (the lexicon) are shared too. Nested uses keep the outer
    deadline. Any other environment is left as it is.
    """
    if not isinstance(env, LimitedSandbox):
        yield
        return
    if env._deadline is not None:
        env.share([context])
        yield
        return
    env._seconds = RENDER_SECONDS.value()
    env._chars = int(RENDER_CHARS.value())
    key = tuple(id(value) for value in env.globals.values())
    if key != env._globals_key:
        env._shared.clear()
        env._everything_shared = False
        env.share([env.globals])
        env._globals_key, env._globals_shared = key, set(env._shared)
        base_everything = env._everything_shared
    else:
        base_everything = len(env._globals_shared) >= _WALK_LIMIT
    env._shared = set(env._globals_shared)
    env._everything_shared = base_everything
    env.share([context])
    env._deadline = time.monotonic() + env._seconds
    try:
        yield
    finally:
        env._deadline = None
        env._shared.clear()


def join_limited(env: SandboxedEnvironment, chunks: Iterable[str]) -> str:
    """The text a template writes, refused once it passes the size limit."""
    if not isinstance(env, LimitedSandbox) or env._deadline is None:
        return "".join(chunks)
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        env.check_size(size)
        env.tick()
        parts.append(chunk)
    return "".join(parts)
