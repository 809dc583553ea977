"""Files written as a unit: all of them or none, whatever fails or whoever kills the run.

A draft and its sidecar, a build's papers and charts, a new project's files: each set is
written as one unit (:func:`write_unit`, :func:`write_new_folder`), under the folder's lock
(:mod:`narrator.lock`):

1. **Stage.** Every file is written and flushed to disk where no reader looks: an unnamed
   file where Linux offers one (``O_TMPFILE``: a kill leaves nothing), else a file in a
   hidden staging folder. A full disk or any other failure here removes what was staged and
   changes nothing.
2. **Commit.** With Ctrl-C and termination held back, the staged files are gathered in a
   hidden ``.narrator-unit-*`` folder beside the targets, a manifest naming them is written
   last (the moment the unit counts as written), and each file is renamed over its target
   (``os.replace``: a reader sees the old file or the new one).
3. **Settle.** Any later narrator that locks the folder finishes a unit a SIGKILL cut short
   during its commit (manifest written: roll forward) or removes one cut short before it
   (no manifest: nothing was changed) with :func:`settle`.

Functions raise :class:`OSError` for a failed write, as :mod:`narrator.fileio` does; the
caller knows what the files are and says so in its own error.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import secrets
import shutil
import signal
import stat
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from narrator.fileio import sync_folder
from narrator.lock import folder_lock

__all__ = ["UNIT_PREFIX", "settle", "write_new_folder", "write_unit"]

#: Hidden folders of units being written; never a name narrator writes otherwise.
UNIT_PREFIX = ".narrator-unit-"
_MANIFEST = "manifest.json"
#: Leftovers of single-file writes (narrator.fileio) cut short by a kill.
_TEMP_SUFFIX = ".tmp"


def write_unit(folder: Path, files: Mapping[str, bytes], *, remove: Sequence[str] = ()) -> None:
    """Write ``files`` (paths relative to ``folder``) and delete ``remove`` as one unit."""
    folder.mkdir(parents=True, exist_ok=True)
    with folder_lock(folder):
        settle(folder, locked=True)
        for name in files:
            _check_target(folder, name)
        with _staged(folder, files) as unit, _signals_held():
            _commit(folder, unit, list(files), list(remove))


def write_new_folder(folder: Path, files: Mapping[str, bytes]) -> None:
    """Create ``folder`` holding ``files``, all at once: it appears whole or not at all.

    The files are written in a hidden folder beside it, which is then renamed to ``folder``
    (which must not exist, or be empty). Raises :class:`FileExistsError` if it is not empty.
    """
    parent = folder.parent
    parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(parent):
        settle(parent, locked=True)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise FileExistsError(17, "exists and is not an empty folder", str(folder))
        staging = parent / f"{UNIT_PREFIX}{secrets.token_hex(6)}"
        try:
            staging.mkdir()
            for name, data in files.items():
                _write_file(staging / name, data)
            sync_folder(staging)
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
            os.rename(staging, folder)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        sync_folder(parent)


def settle(folder: Path, *, locked: bool = False) -> None:
    """Finish or remove what a killed narrator left in ``folder`` (see the module docstring).

    Readers call it too, so that a draft is never read half-replaced; a folder that cannot
    be locked or written (read-only) is left as it is.
    """
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    leftovers = [e for e in entries if _is_leftover(e.name)]
    if not leftovers:
        return
    if not locked:
        with folder_lock(folder):
            settle(folder, locked=True)
        return
    for entry in leftovers:
        path = Path(entry.path)
        with contextlib.suppress(OSError):
            if entry.name.startswith(UNIT_PREFIX) and (path / _MANIFEST).is_file():
                with _signals_held():
                    _apply(folder, path)
            elif entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()


def _is_leftover(name: str) -> bool:
    if name.startswith(UNIT_PREFIX):
        return True
    # ".draft.md.1f2e3d4c.tmp": narrator.fileio's temporary name (8 hex digits).
    parts = name.split(".")
    return (
        name.startswith(".")
        and name.endswith(_TEMP_SUFFIX)
        and len(parts) >= 4
        and len(parts[-2]) == 8
        and all(c in "0123456789abcdef" for c in parts[-2])
    )


def _check_target(folder: Path, name: str) -> None:
    """Refuse before anything is written: a target that is a folder, or outside ``folder``."""
    target = folder / name
    if not target.resolve().is_relative_to(folder.resolve()):
        raise OSError(f"{name} would be written outside {folder}")
    if target.is_dir():
        raise IsADirectoryError(21, f"{target} is a folder")


class _Unit:
    """Staged files: open unnamed files (fds) or named files in a staging folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fds: dict[str, int] = {}
        self.staging: Path | None = None


@contextmanager
def _staged(folder: Path, files: Mapping[str, bytes]) -> Iterator[_Unit]:
    unit = _Unit(folder)
    try:
        for name, data in files.items():
            fd = _unnamed(folder) if unit.staging is None else None
            if fd is None:
                if unit.staging is None:
                    unit.staging = folder / f"{UNIT_PREFIX}{secrets.token_hex(6)}"
                    unit.staging.mkdir()
                    # Files staged unnamed so far must move to the named folder too.
                    for earlier, earlier_fd in list(unit.fds.items()):
                        _link(earlier_fd, unit.staging / earlier)
                        os.close(unit.fds.pop(earlier))
                _write_file(unit.staging / name, data)
                continue
            unit.fds[name] = fd
            _write_all(fd, data)
        yield unit
    except BaseException:
        if unit.staging is not None:
            shutil.rmtree(unit.staging, ignore_errors=True)
        raise
    finally:
        for fd in unit.fds.values():
            with contextlib.suppress(OSError):
                os.close(fd)


def _commit(folder: Path, unit: _Unit, names: list[str], remove: list[str]) -> None:
    unit_dir = unit.staging or folder / f"{UNIT_PREFIX}{secrets.token_hex(6)}"
    try:
        unit_dir.mkdir(exist_ok=True)
        for name, fd in unit.fds.items():
            _link(fd, unit_dir / name)
        manifest = json.dumps({"files": names, "remove": remove}).encode("utf-8")
        _write_file(unit_dir / f"{_MANIFEST}.part", manifest)
        sync_folder(unit_dir)
        os.replace(unit_dir / f"{_MANIFEST}.part", unit_dir / _MANIFEST)
    except BaseException:
        shutil.rmtree(unit_dir, ignore_errors=True)
        raise
    _apply(folder, unit_dir)


def _apply(folder: Path, unit_dir: Path) -> None:
    """Move a committed unit's files over their targets, delete what it removes, tidy up."""
    manifest = json.loads((unit_dir / _MANIFEST).read_text(encoding="utf-8"))
    for name in manifest["files"]:
        staged, target = unit_dir / name, folder / name
        if not staged.exists():
            continue  # moved before a kill cut the commit short
        target.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(staged, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(staged, target)
    for name in manifest["remove"]:
        (folder / name).unlink(missing_ok=True)
    sync_folder(folder)
    shutil.rmtree(unit_dir, ignore_errors=True)


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


# --- unnamed files (Linux) -----------------------------------------------------------------

_AT_FDCWD = -100
_AT_SYMLINK_FOLLOW = 0x400
_linkat: Any = None


def _unnamed(folder: Path) -> int | None:
    """An unnamed file in ``folder`` (gone if the process dies), or None where unsupported."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or _linker() is None:
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o666)
    except OSError:
        return None


def _linker() -> Any:
    """libc's ``linkat``: the one call that gives an unnamed file a name (os.link cannot)."""
    global _linkat
    if _linkat is None:
        try:
            function = ctypes.CDLL(None, use_errno=True).linkat
        except (OSError, AttributeError):
            _linkat = False
        else:
            function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
            function.argtypes.append(ctypes.c_int)
            _linkat = function
    return _linkat or None


def _link(fd: int, path: Path) -> None:
    linkat = _linker()
    assert linkat is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    source = f"/proc/self/fd/{fd}".encode()
    if linkat(_AT_FDCWD, source, _AT_FDCWD, os.fsencode(path), _AT_SYMLINK_FOLLOW) != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number), str(path))


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and termination back while a commit runs (they arrive just after)."""
    held = {signal.SIGINT, signal.SIGTERM}
    can = (
        hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    )
    if can:
        signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        if can:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, held)
