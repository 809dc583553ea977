"""Atomic file writes: a reader sees the old file or the new one, never half of either.

Every output narrator writes (figures, drafts, review state) goes through here, so that an
error or an interrupted run leaves nothing half-written. The data is written to a temporary
file in the target's own folder (``os.replace`` is only atomic within one file system), flushed
to disk, then renamed over the target.

These helpers raise plain :class:`OSError`; the caller knows what the file is for and turns
the failure into its own :class:`~narrator.errors.NarratorError` with that context.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["atomic_output", "atomic_write_bytes", "atomic_write_text"]


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, keeping the mode of a file it replaces."""
    with atomic_output(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A binary file to write ``path`` through, as a stream: it replaces ``path`` when the
    block ends normally and is removed when it raises (or is interrupted), so a reader sees
    the old file or the whole new one. Keeps the mode of a file it replaces."""
    path = Path(path)
    folder = path.parent
    # A hidden name in the same folder: the rename stays on one file system, and a crash
    # leaves an obvious leftover rather than a truncated target.
    temp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    # os.open with 0o666 lets the umask decide the mode, as a plain open() would; mkstemp
    # would force 0o600 on every file narrator writes.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def atomic_write_text(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically; line endings are written exactly as given."""
    atomic_write_bytes(path, text.encode(encoding))


def _sync_folder(folder: Path) -> None:
    # The rename is durable only once the folder entry is on disk; Windows cannot open a
    # folder for fsync, and there the rename is already as durable as it gets.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (a no-op where folders cannot be synced)."""
    _sync_folder(folder)
