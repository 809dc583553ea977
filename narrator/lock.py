"""One narrator at a time writes a folder: an advisory lock on the folder itself.

Every write of a draft and its sidecar, a review state, a build's files or an init takes the
lock of the folder it writes in, so two runs at once take turns instead of interleaving their
files. The lock is ``flock`` on the folder (no lock file is left behind, and the system
releases it when a process dies, even by SIGKILL); a second narrator waits for it up to
``NARRATOR_LOCK_WAIT`` seconds, then stops with a clear message. Within one process the
lock is re-entrant.

Where ``flock`` does not exist (Windows) or the file system refuses it (some network
shares), writes go ahead unlocked, as before: each file is still replaced atomically.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from narrator.errors import NarratorError
from narrator.limits import LOCK_WAIT_SECONDS

try:
    import fcntl

    _FLOCK = True
except ImportError:  # pragma: no cover - Windows
    _FLOCK = False

__all__ = ["FolderBusyError", "folder_lock"]

#: Folders held: (process, thread, resolved path) -> (descriptor, depth). Keyed by process
#: and thread, so a forked worker or another thread takes the lock for itself.
_held: dict[tuple[int, int, str], tuple[int, int]] = {}
_POLL = 0.05


class FolderBusyError(NarratorError):
    """Another narrator kept a folder locked for longer than the wait allows."""


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the write lock of ``folder`` (which must exist) for the block."""
    path = os.path.realpath(folder)
    key = (os.getpid(), threading.get_ident(), path)
    if key in _held:
        fd, depth = _held[key]
        _held[key] = (fd, depth + 1)
        try:
            yield
        finally:
            _release(key)
        return
    fd = _acquire(Path(path), folder)
    _held[key] = (fd, 1)
    try:
        yield
    finally:
        _release(key)


def _acquire(path: Path, shown: Path) -> int:
    if not _FLOCK:
        return -1
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return -1  # cannot open the folder to lock it: the write itself will say why
    wait = LOCK_WAIT_SECONDS.value()
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise FolderBusyError(
                    f"{shown}: another narrator is writing in this folder (waited {wait:g} s)",
                    hint=f"Try again when it has finished; {LOCK_WAIT_SECONDS.variable} sets "
                    "how long to wait.",
                ) from None
            time.sleep(_POLL)
        except OSError:
            return fd  # the file system does not lock: go ahead, as without flock
        except BaseException:
            os.close(fd)
            raise


def _release(key: tuple[int, int, str]) -> None:
    fd, depth = _held[key]
    if depth > 1:
        _held[key] = (fd, depth - 1)
        return
    del _held[key]
    if fd >= 0:
        os.close(fd)  # closing the descriptor releases the flock
