"""The README and the manual stay true: the files they point at exist, and the set-up
commands CI runs are the README's own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_file_a_page_names_exists(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    named = set(
        re.findall(r"`((?:docs|narrator|tests|bench|samples|phrasebank|scripts)/[\w./-]+)`", text)
    )
    named |= {
        str((page.parent / link).resolve().relative_to(ROOT))
        for link in re.findall(r"\]\(([\w./-]+\.md)(?:#[\w-]+)?\)", text)
    }
    missing = sorted(n for n in named if "*" not in n and not (ROOT / n).exists())
    assert not missing, f"{page.name} names files that do not exist: {missing}"


def test_ci_runs_the_readme_commands_in_a_fresh_venv() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- ci:begin[^\n]*-->\n(.*?)<!-- ci:end -->", readme, re.DOTALL)
    assert block, "README.md has no ci:begin/ci:end block"
    commands = [line.strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands[0].startswith("python3 -m venv .venv")
    assert any("narrator draft --month" in c for c in commands)
    assert any(c.endswith("pytest") for c in commands)
    assert all("-c constraints.txt" in c for c in commands if c.startswith("pip install"))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "ci:begin" in ci and "rm -rf .venv" in ci
