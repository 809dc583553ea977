"""Start-up and exit without the cyclic garbage collector's walks over what imports make.

Importing narrator imports pandas, numpy, Jinja2 and the command line's typer and rich: well
over 100,000 objects that live as long as the process and are never garbage. Left alone,
the collector walks them again and again as they accumulate, at each collection of the
older generations, and once more in the full collection at the interpreter's exit: on the
2-core machine, about 0.1 s of a draft's start-up, 0.05 s of its run and 0.1 s of its exit,
freeing nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager


@contextmanager
def paused(*, age: bool = True) -> Iterator[None]:
    """Run a block with the cyclic collector paused (if it runs); the one pause narrator has.

    The blocks it is used for (imports, the fact engine, reading a paper) make many objects
    and no cyclic garbage: the collector would walk them again and again as they accumulate
    and free nothing.

    With ``age``, what the block made is then counted as old: leaving it in the youngest
    generation would only defer the work, as the first collection after the block would
    walk all of it. It is moved to the oldest generation, where, as ever, a full collection
    frees any that becomes garbage. The move (``gc.freeze`` then ``gc.unfreeze``, two list
    splices) would also thaw objects that someone else froze, so it is skipped if anything
    is frozen. Without ``age`` the collector simply resumes (a forked process shares the
    memory pages a freeze would write to).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if age and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def imports_uncollected() -> AbstractContextManager[None]:
    """Run a block of imports with the collector paused; what they made counts as old."""
    return paused()


def freeze_imports() -> None:
    """Exempt every object alive now from later collections (the process's entry point).

    Called by the command line, when it is the program, before it runs the command: what
    exists by then lives until the exit, so the collections of the run and the one at the
    exit need only walk what the command itself makes. Reference counting still frees
    everything as usual.
    """
    gc.freeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector (if it runs) for a block that makes many acyclic objects.

    Serialising half a million facts makes millions of short-lived rows and strings; each
    collection they trigger would walk the facts too (every one a live container), for
    nothing: reference counting frees the rows.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def lasting_objects() -> Iterator[None]:
    """Run a block that makes objects living until the command ends (a month's facts).

    The collector is paused during the block; in the program (where
    :func:`freeze_imports` froze the imports) what the block made is then frozen too, so
    no later collection walks half a million facts again (about 0.5 s of a national
    ``narrator facts``). In a process that froze nothing (a test, a program importing
    narrator) nothing is frozen: the objects are collected as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count():
            gc.freeze()
        if was_enabled:
            gc.enable()
