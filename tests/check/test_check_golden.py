"""Golden cases of the checker: the claims, verdicts and findings of each case of
tests/cases/check must match tests/golden/check exactly.

After an intended change, regenerate with ``python -m tests.check_cases`` and review the diff.
"""

from __future__ import annotations

import pytest

from tests.check_cases import Case, discover, render

CASES = discover()


def test_every_case_has_its_golden_file() -> None:
    assert CASES, "no case in tests/cases/check"
    assert [c.name for c in CASES if not c.golden.is_file()] == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_checker_matches_golden(case: Case) -> None:
    assert render(case) == case.golden.read_text(encoding="utf-8")
