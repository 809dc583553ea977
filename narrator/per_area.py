"""Papers per area: one draft (or build) for each area of a level, in parallel processes.

A national project holds every force; a user wants each force's paper. The facts are
computed once, in this process; each area's paper is then written by a task run in a
forked worker process (the workers inherit the facts, nothing is sent to them but an area
name), one worker per core. A task that fails is reported for its area and the others go
on. Where processes cannot be forked (Windows, macOS's default) the areas run one by one
in this process, with the same results.
"""

from __future__ import annotations

import difflib
import gc
import multiprocessing
import os
import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from narrator.errors import NarratorError, ProjectError
from narrator.project import Project

#: Exit code of a run per area where some areas failed (the others were written).
SOME_FAILED = 3


@dataclass(frozen=True)
class AreaResult:
    """What one area's task did: the files it wrote, or why it wrote none.

    ``code`` is 0 when written, 1 when refused for a reason the user resolves in the text
    (a blocked build), 2 when it failed (bad input for that area, or a fault).
    """

    area: str
    paths: tuple[Path, ...] = ()
    summary: str = ""
    error: str | None = None
    code: int = 0


AreaTask = Callable[[str], AreaResult]


def level_areas(project: Project, level: str) -> list[str]:
    """The names of the areas of ``level`` (hierarchy order); ProjectError if there are none."""
    names = [a.name for a in project.all_areas.at_level(level)]
    if not names:
        levels = sorted({a.level for a in project.all_areas})
        close = difflib.get_close_matches(level, levels, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ProjectError(
            f"--each {level!r}: no area of the project has that level{hint} "
            f"(expected one of: {', '.join(levels)})"
        )
    _check_slugs(names)
    return names


def resolve_area(project: Project, text: str) -> str:
    """The name of the area ``text`` names (name, label or alias, any case)."""
    found = project.all_areas.resolve(text)
    if found is None:
        names = [a.name for a in project.all_areas]
        close = difflib.get_close_matches(text, names, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ProjectError(f"--area {text!r} is not an area of the project{hint}")
    return found.name


def slug(name: str) -> str:
    """An area's name as part of a file name: "Force 03 (North)" -> "force-03-north"."""
    return re.sub(r"[^0-9a-z]+", "-", name.casefold()).strip("-") or "area"


def _check_slugs(names: Sequence[str]) -> None:
    seen: dict[str, str] = {}
    for name in names:
        other = seen.setdefault(slug(name), name)
        if other != name:
            raise ProjectError(
                f"the areas {other!r} and {name!r} would write to the same file "
                f"({slug(name)!r}): rename one of them in the areas file"
            )


def default_jobs() -> int:
    """Worker processes to use: one per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_each(
    names: Sequence[str],
    task: AreaTask,
    *,
    jobs: int,
    done: Callable[[AreaResult], None] = lambda result: None,
) -> list[AreaResult]:
    """Run ``task`` for every area, ``jobs`` at a time; the results in ``names`` order.

    ``done`` is called in this process as each area finishes (for a progress bar). A task
    that raises is an :class:`AreaResult` with its error, never an exception here.
    """
    if jobs <= 1 or len(names) <= 1 or not _can_fork():
        results = []
        for name in names:
            results.append(_guarded(task, name))
            done(results[-1])
        return results
    return _run_forked(names, task, min(jobs, len(names)), done)


def _can_fork() -> bool:
    """True where processes can be forked safely: the platform has fork, and this process
    runs no other Python thread (a child would inherit its locks, perhaps held)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


#: The task the forked workers run: set before they are forked, so each inherits it (and
#: the project and facts it holds) instead of receiving a pickled copy.
_TASK: AreaTask | None = None


def _run_forked(
    names: Sequence[str], task: AreaTask, jobs: int, done: Callable[[AreaResult], None]
) -> list[AreaResult]:
    global _TASK
    _TASK = task
    # Objects the workers inherit are shared with this process page by page until written
    # to; a collection in a worker would write to every one of them (its header), copying
    # the facts into each worker. Frozen objects are never collected, so never written.
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    results: dict[str, AreaResult] = {}
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures: dict[Future[AreaResult], str] = {pool.submit(_run, n): n for n in names}
            for future in as_completed(futures):
                name = futures[future]
                try:
                    result = future.result()
                except Exception as exc:  # the worker died (killed, out of memory)
                    result = AreaResult(name, error=f"its worker process failed: {exc}", code=2)
                results[name] = result
                done(result)
    finally:
        _TASK = None
        if frozen_before == 0:
            gc.unfreeze()
    return [results[name] for name in names]


def _run(name: str) -> AreaResult:
    """A worker's entry point: the inherited task for one area."""
    if _TASK is None:  # pragma: no cover - only if a worker was not forked from run_each
        return AreaResult(name, error="no task in this worker", code=2)
    return _guarded(_TASK, name)


def _guarded(task: AreaTask, name: str) -> AreaResult:
    """The task's result, or its failure as a result: one area never stops the others."""
    try:
        return task(name)
    except NarratorError as exc:
        message = exc.message + (f" ({exc.hint})" if exc.hint else "")
        return AreaResult(name, error=message, code=2)
    except Exception as exc:
        return AreaResult(name, error=f"unexpected {type(exc).__name__}: {exc}", code=2)


def exit_code(results: Sequence[AreaResult]) -> int:
    """0 when every area was written; 1 when some were refused (blocked), none failed;
    :data:`SOME_FAILED` when any failed."""
    codes = {r.code for r in results}
    if 2 in codes:
        return SOME_FAILED
    return 1 if 1 in codes else 0
