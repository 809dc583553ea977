"""Reading a long paper in several processes: its chunks of paragraphs are independent (the
context a sentence takes from the one before never crosses a paragraph), so each process
reads a run of them and the claims are joined in order."""

from __future__ import annotations

import multiprocessing
import os
import threading
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from narrator._gc import paused
from narrator.check.text.document import Paragraph
from narrator.check.tokens.reader import group_paragraphs

T = TypeVar("T")
R = TypeVar("R")


#: Prose characters a process is given at least when a paper is read in several processes:
#: below this, starting one costs more than it saves.
PROCESS_CHARS = 150_000


def processes() -> int:
    """How many processes may read at once: the cores this process may run on, or one if
    this process runs other threads (forking it could copy a lock another thread holds)."""
    if threading.active_count() > 1:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def runs(
    groups: Sequence[Sequence[Paragraph]], processes: int
) -> list[Sequence[Sequence[Paragraph]]]:
    """The paragraphs of ``groups`` cut into at most ``processes`` runs of about equal
    length, each of at least :data:`PROCESS_CHARS` characters, and regrouped for reading;
    one run when processes cannot be forked. Cutting between paragraphs, not between
    groups of 100,000 characters, keeps the runs even: uneven, one process waits."""
    paragraphs = [p for group in groups for p in group]
    sizes = [len(p.text) for p in paragraphs]
    size = sum(sizes)
    count = min(processes, len(paragraphs), size // PROCESS_CHARS)
    if count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [groups]
    ends = [size * (i + 1) / count for i in range(count - 1)]
    parts: list[Sequence[Sequence[Paragraph]]] = []
    start = done = 0
    for index, length in enumerate(sizes):
        done += length
        if len(parts) < count - 1 and done >= ends[len(parts)]:
            parts.append(group_paragraphs(paragraphs[start : index + 1]))
            start = index + 1
    parts.append(group_paragraphs(paragraphs[start:]))
    return [part for part in parts if part]


def in_processes(
    work: Callable[[Sequence[T]], list[R]], parts: Sequence[Sequence[T]]
) -> list[list[R]]:
    """``work`` of each part, the first in this process and the others each in a forked
    one, in the order of the parts. A part whose process fails is done here instead, so
    the result never depends on whether processes could be used.

    The cyclic garbage collector is paused while the processes run: a full collection
    writes to every object, which would make this process copy each memory page it still
    shares with the forked ones (and a forked process only reads, sends and exits).
    """
    with paused(age=False):
        return _run_parts(work, parts)


def _run_parts(
    work: Callable[[Sequence[T]], list[R]], parts: Sequence[Sequence[T]]
) -> list[list[R]]:
    context = multiprocessing.get_context("fork")
    running: list[tuple[Any, Any] | None] = []
    for part in parts[1:]:
        receiver, sender = context.Pipe(duplex=False)
        try:
            # A daemon: if this process stops early, its helpers stop with it.
            process = context.Process(target=_work_in_child, args=(sender, work, part), daemon=True)
            with warnings.catch_warnings():
                # Python 3.12 warns that a process with threads may deadlock once forked.
                # Ours has no other Python thread (see processes); the native ones are
                # numpy's linear algebra pool, which reading never calls.
                warnings.simplefilter("ignore", DeprecationWarning)
                process.start()
        except (OSError, AssertionError):  # no process left, or this one is a daemon
            running.append(None)
        else:
            running.append((process, receiver))
        finally:
            sender.close()
    try:
        results = [work(parts[0])]
    except BaseException:
        for started in running:
            if started is not None:
                started[0].terminate()
                started[0].join()
                started[1].close()
        raise
    for part, started in zip(parts[1:], running, strict=True):
        found: list[R] | None = None
        if started is not None:
            process, receiver = started
            try:
                status, payload = receiver.recv()
                found = payload if status == "ok" else None
            except (EOFError, OSError):
                found = None  # the process died before it could answer
            finally:
                receiver.close()
                process.join()
        results.append(work(part) if found is None else found)
    return results


def _work_in_child(sender: Any, work: Callable[[Any], Any], part: Any) -> None:
    """Run in a forked process: send ``work(part)`` back, or that it failed (the parent
    then does the part itself, and meets the error, if any, as it would have alone)."""
    try:
        sender.send(("ok", work(part)))
    except BaseException:
        sender.send(("failed", None))
    finally:
        sender.close()
