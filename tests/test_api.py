"""The Python API mirrors the commands: narrator.draft, narrator.check, narrator.build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import narrator
from tests.check.conftest import SEED


def test_draft_is_callable_and_still_a_package() -> None:
    result = narrator.draft(None, "2019-10")
    assert result.draft.month == "2019-10"
    from narrator.draft.document import Draft  # the package's modules are untouched

    assert isinstance(result.draft, Draft)


def test_check_is_callable(tmp_path: Path) -> None:
    report = narrator.check(SEED, month="2019-10")
    assert report.claims and not report.ok  # the seed has internal faults


def test_build_is_callable_and_refuses_without_a_review(tmp_path: Path) -> None:
    from narrator.api import save_draft
    from narrator.build import BuildOptions

    draft_md, _ = save_draft(narrator.draft(None, "2019-10").draft, tmp_path / "d.md")
    result = narrator.build(None, "2019-10", options=BuildOptions(draft=draft_md, out=tmp_path))
    assert not result.built and result.blockers


def test_importing_narrator_loads_no_heavy_library() -> None:
    code = (
        "import sys, narrator;"
        "print(sorted(m for m in ('spacy', 'matplotlib', 'docx', 'textual') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
