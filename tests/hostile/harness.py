"""Running hostile cases and classing each: traceback, partial output, lost data, hang.

Every case runs narrator (in this process through :func:`narrator.cli.main`, or as the
installed ``narrator`` command in a process of its own for signals, kills and concurrency),
bounded in time, and is judged by the same checks:

- **traceback**: "Traceback" anywhere in the output, or an exception escaping ``main``;
- **partial output**: a temporary file or unit folder left behind, or a refused run that
  changed a file;
- **lost data**: a file that existed before the run (a review state, an unrelated file)
  changed or vanished when it should not have;
- **hang**: the run did not end within its time.

Each verdict is recorded in :data:`LEDGER`, which the suite's summary counts, then asserted.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

import pytest

#: Per-case verdicts: test id -> {"traceback": bool, "partial": bool, "lost": bool, "hang": bool}.
LEDGER: dict[str, dict[str, bool]] = {}
#: Environment of every run: a fixed width (messages are not wrapped mid-word for asserts).
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "NARRATOR_REVIEWER": "hostile"}
#: Seconds a case may take in this process, and in a process of its own.
IN_PROCESS_SECONDS = 60
PROCESS_SECONDS = 120
NARRATOR = str(Path(sys.executable).with_name("narrator"))


class CaseTimeout(BaseException):
    """A case ran past its time."""


@dataclass
class Run:
    """One run of narrator: exit code, standard output and error, time, whether it hung."""

    code: int
    out: str
    err: str
    seconds: float
    hung: bool = False
    escaped: str | None = None

    @property
    def text(self) -> str:
        """Both streams."""
        return self.out + self.err

    def errors(self) -> list[str]:
        """The error messages of standard error: ``error:`` lines, and typer's usage box."""
        return [
            line
            for line in self.err.splitlines()
            if line.startswith("error:") or line.startswith("╭─ Error")
        ]


def _case_id() -> str:
    return os.environ.get("PYTEST_CURRENT_TEST", "?").split(" ")[0]


def _record(**flags: bool) -> None:
    verdict = LEDGER.setdefault(
        _case_id(), {"traceback": False, "partial": False, "lost": False, "hang": False}
    )
    for key, value in flags.items():
        verdict[key] = verdict[key] or value


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def ring(signum: int, frame: FrameType | None) -> None:
        raise CaseTimeout(f"the case ran past {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def narrator(
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    seconds: float = IN_PROCESS_SECONDS,
    monkeypatch: pytest.MonkeyPatch,
) -> Run:
    """Run ``narrator ARGS`` in this process (through ``main``), bounded by an alarm."""
    from narrator.cli import main

    for key, value in {**ENV, **(env or {})}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["narrator", *args])
    out, err = io.StringIO(), io.StringIO()
    code, hung, escaped = 0, False, None
    started = time.monotonic()
    try:
        with _alarm(seconds), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except CaseTimeout:
        hung, code = True, -1
    except Exception as exc:  # an exception escaping main is a traceback for the user
        escaped, code = f"{type(exc).__name__}: {exc}", 1
    run = Run(code, out.getvalue(), err.getvalue(), time.monotonic() - started, hung, escaped)
    _record(traceback=escaped is not None or "Traceback" in run.text, hang=hung)
    return run


def process(
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    seconds: float = PROCESS_SECONDS,
    stdin: int | None = subprocess.DEVNULL,
    stdout: int | None = subprocess.PIPE,
    limit_file_size: int | None = None,
) -> Run:
    """Run the installed ``narrator`` command in a process of its own, bounded in time.

    ``limit_file_size`` caps the size of any file it writes (RLIMIT_FSIZE): a write past it
    fails with EFBIG, as a full disk fails with ENOSPC.
    """
    started = time.monotonic()
    child = start(*args, cwd=cwd, env=env, stdin=stdin, stdout=stdout,
                  limit_file_size=limit_file_size)  # fmt: skip
    return finish(child, started, seconds)


def start(
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    stdin: int | None = subprocess.DEVNULL,
    stdout: int | None = subprocess.PIPE,
    limit_file_size: int | None = None,
) -> subprocess.Popen[str]:
    """Start ``narrator ARGS`` as a process (to signal or kill it); see :func:`finish`."""

    def limits() -> None:
        if limit_file_size is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    return subprocess.Popen(
        [NARRATOR, *args],
        cwd=cwd,
        env={**os.environ, **ENV, **(env or {})},
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=limits if limit_file_size is not None else None,
    )


def finish(child: subprocess.Popen[str], started: float, seconds: float = PROCESS_SECONDS) -> Run:
    """Wait for a started process (killing it past ``seconds``) and record its verdict."""
    hung = False
    try:
        out, err = child.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        hung = True
    run = Run(child.returncode, out or "", err or "", time.monotonic() - started, hung)
    _record(traceback="Traceback" in run.text, hang=hung)
    return run


# --- the folder before and after ----------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """Every file under a folder (hidden ones too) with a digest of its bytes."""

    root: Path
    files: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Path) -> Snapshot:
        """Take the snapshot."""
        files = {}
        for path in sorted(root.rglob("*")):
            if path.is_symlink():
                data = f"-> {os.readlink(path)}".encode()
            elif path.is_file():
                try:
                    data = path.read_bytes()
                except OSError:
                    data = b"<unreadable>"
            else:
                continue
            files[path.relative_to(root).as_posix()] = hashlib.sha256(data).hexdigest()
        return cls(root, files)

    def changed(self, other: Snapshot) -> list[str]:
        """Files added, removed or changed between this snapshot and ``other``."""
        names = set(self.files) | set(other.files)
        return sorted(n for n in names if self.files.get(n) != other.files.get(n))


def leftovers(root: Path) -> list[str]:
    """Temporary files and unit folders narrator left under ``root``."""
    found = []
    for path in root.rglob("*"):
        name = path.name
        if name.startswith(".narrator-unit-") or (name.startswith(".") and name.endswith(".tmp")):
            found.append(path.relative_to(root).as_posix())
    return sorted(found)


# --- verdicts -----------------------------------------------------------------------------


def refused(
    run: Run,
    *,
    names: Sequence[str],
    code: int = 2,
    before: Snapshot | None = None,
    keep: Sequence[Path] = (),
) -> None:
    """Assert a clean refusal: exit ``code``, one ``error:`` line naming ``names`` (file and
    place), no traceback, nothing left half-written, nothing changed under ``before``'s
    folder, every file in ``keep`` (an editor's, an unrelated one) as it was."""
    partial = bool(before and leftovers(before.root))
    changed = before.changed(Snapshot.of(before.root)) if before else []
    kept = {str(p): p.read_bytes() if p.exists() else None for p in keep}
    lost = any(before and p.relative_to(before.root).as_posix() in changed for p in keep)
    _record(partial=partial or bool(changed), lost=lost)
    assert not run.hung, f"hung after {run.seconds:.0f} s"
    assert run.escaped is None and "Traceback" not in run.text, run.escaped or run.text
    assert run.code == code, f"exit {run.code}, expected {code}:\n{run.text}"
    errors = run.errors()
    assert len(errors) == 1, f"expected one error line:\n{run.err}"
    message = run.err[run.err.index(errors[0]) :]
    for name in names:
        assert name in message, f"{name!r} not in the message:\n{message}"
    assert not partial, f"left behind: {leftovers(before.root) if before else ''}"
    assert not changed, f"changed by a refused run: {changed}"
    assert all(v is not None for v in kept.values()) and not lost


def clean(run: Run, *, code: int = 0, root: Path | None = None) -> None:
    """Assert a run that ends as documented: exit ``code``, no traceback, nothing left over."""
    partial = bool(root and leftovers(root))
    _record(partial=partial)
    assert not run.hung, f"hung after {run.seconds:.0f} s"
    assert run.escaped is None and "Traceback" not in run.text, run.escaped or run.text
    assert run.code == code, f"exit {run.code}, expected {code}:\n{run.text}"
    assert not partial, f"left behind: {leftovers(root) if root else ''}"


def lost(flag: bool) -> None:
    """Record (and assert against) data lost in a way only the case itself can see."""
    _record(lost=flag)
    assert not flag, "data was lost"


def partial(flag: bool) -> None:
    """Record (and assert against) a partial output only the case itself can see."""
    _record(partial=flag)
    assert not flag, "a partial output was left"
