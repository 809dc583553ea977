"""The tutorial (docs/tutorial.md) runs as written: every file it shows is written, every
command it shows is run with the installed ``narrator``, in order, in a fresh folder.

A code block ```` ```toml file=PATH ```` (or python) is a file to write; a ```` ```console ````
block holds commands after ``$ ``, each expected to exit 0 unless it says ``# exit N``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.md"
BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Step:
    """One thing the tutorial does: write a file, or run a command."""

    file: str | None = None
    text: str = ""
    command: str | None = None
    exit: int = 0


def steps(markdown: str) -> list[Step]:
    """The tutorial's files and commands, in the order a reader meets them."""
    found: list[Step] = []
    for match in BLOCK.finditer(markdown):
        language, info, body = match.groups()
        if language == "console":
            for line in body.splitlines():
                if not line.startswith("$ "):
                    continue
                command, _, comment = line[2:].partition("#")
                code = re.fullmatch(r"\s*exit (\d+)\s*", comment)
                found.append(Step(command=command.strip(), exit=int(code.group(1)) if code else 0))
        else:
            named = re.search(r"file=(\S+)", info)
            if named:
                found.append(Step(file=named.group(1), text=body))
    return found


def test_the_tutorial_has_the_steps_it_promises() -> None:
    found = steps(TUTORIAL.read_text(encoding="utf-8"))
    commands = " ".join(s.command for s in found if s.command)
    for needed in (
        "narrator init",
        "reshape.py",
        "narrator draft",
        "narrator check",
        "narrator review",
        "--summary",
        "narrator build",
    ):
        assert needed in commands
    assert any(s.file and s.file.endswith("catalogue.toml") for s in found)


@pytest.mark.e2e
@pytest.mark.slow
def test_the_tutorial_runs_as_written(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "docs" / "tutorial", tmp_path / "docs" / "tutorial")
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.update(COLUMNS="120", NO_COLOR="1", XDG_CACHE_HOME=str(tmp_path / "cache"))
    cwd = tmp_path
    outputs: list[str] = []
    for step in steps(TUTORIAL.read_text(encoding="utf-8")):
        if step.file is not None:
            target = tmp_path / step.file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(step.text, encoding="utf-8")
            continue
        assert step.command is not None
        command = step.command
        while command.startswith("cd "):
            first, _, command = command.partition(" && ")
            cwd = (cwd / shlex.split(first)[1]).resolve()
        if not command:
            continue
        words = shlex.split(command)
        if words[0] == "python":
            words[0] = sys.executable
        run = subprocess.run(
            words, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
        )
        shown = f"$ {step.command}\n{run.stdout}\n{run.stderr}"
        assert run.returncode == step.exit, shown
        assert "Traceback" not in run.stderr, shown
        outputs.append(shown)
    project = tmp_path / "severn-vale"
    draft = (project / "draft-2024-03.md").read_text(encoding="utf-8")
    assert "Severn Vale Police" in draft
    # The paper speaks of the tutorial's measures, in their own words.
    for phrase in ("shoplifting", "anti-social behaviour", "charge rate"):
        assert phrase in draft.lower(), draft
    assert "number of anti-social behaviour" not in draft
    check = next(o for o in outputs if o.startswith("$ narrator check"))
    # narrator's own draft checks clean: every claim read is supported or not checkable.
    assert "claims read" in check and "Nothing needs attention." in check, check
    built = project / "build"
    assert (built / "paper-2024-03.md").is_file()
    assert (built / "paper-2024-03.html").is_file()
    assert (built / "paper-2024-03.docx").is_file()
    assert "DRAFT" in (built / "paper-2024-03.md").read_text(encoding="utf-8")
