"""Golden drafts: the Markdown of each case must match tests/golden/ byte for byte.

After an intended change, regenerate with ``python -m tests.golden_cases`` and review the diff.
"""

from __future__ import annotations

import pytest

from tests.golden_cases import CASES, golden_path, render


@pytest.mark.parametrize(("name", "project", "month"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_draft_matches_golden(name: str, project: object, month: str) -> None:
    expected = golden_path(name, month).read_text(encoding="utf-8")
    assert render(project, month) == expected  # type: ignore[arg-type]


def test_draft_is_deterministic() -> None:
    _name, project, month = CASES[0]
    assert render(project, month) == render(project, month)
