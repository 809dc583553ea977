"""The checker's golden cases: a paper, the project and month it is checked against, and the
claims, verdicts, findings and numbers the checker gives, kept as reviewed JSON.

One case per file, discovered automatically: ``tests/cases/check/NAME.toml`` says what to
check (``paper``: a path from the repository root, by default ``NAME.md`` beside the case;
``project``: a project folder from the repository root, by default the bundled sample;
``month``); ``tests/golden/check/NAME.json`` holds what the checker found. The texts are
frozen copies (a draft of narrator's is copied in once), so that a change of the writer's
wording changes the golden drafts, not these files.

Regenerate every expected file with ``python -m tests.check_cases`` and review the diff
(``git diff tests/golden/check``): one claim, finding or number per line.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from narrator.check import Checker, read_document
from narrator.check.claims.model import Claim
from narrator.project import load_project

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "check"
GOLDEN = ROOT / "tests" / "golden" / "check"


@dataclass(frozen=True)
class Case:
    """One golden case: what to check, against what."""

    name: str
    paper: Path
    project: Path | None
    month: str

    @property
    def golden(self) -> Path:
        """Where the expected claims, verdicts and findings live."""
        return GOLDEN / f"{self.name}.json"


def discover() -> list[Case]:
    """Every case of ``tests/cases/check``, by name."""
    cases = []
    for spec in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(spec.read_text(encoding="utf-8"))
        paper = ROOT / data["paper"] if "paper" in data else spec.with_suffix(".md")
        project = ROOT / data["project"] if "project" in data else None
        cases.append(Case(spec.stem, paper, project, str(data["month"])))
    return cases


@cache
def _checker(root: Path | None) -> Checker:
    return Checker.for_project(load_project(root))


def _fields(claim: Claim) -> dict[str, Any]:
    """The claim's fields that say something (not None, empty or false)."""
    return {
        key: value
        for key, value in claim.as_dict().items()
        if value not in (None, [], False) and key not in ("sentence",)
    }


def render(case: Case) -> str:
    """What the checker finds in the case's paper, as the golden file's text."""
    report = _checker(case.project).check_document(read_document(case.paper), month=case.month)
    verdicts = iter(report.verdicts)
    claims: list[dict[str, Any]] = []
    for claim in report.claims:
        if not claim.is_data:
            claims.append({"claim": _fields(claim)})
            continue
        verdict = next(verdicts)
        claims.append(
            {
                "verdict": str(verdict.verdict),
                "message": verdict.message,
                "evidence": list(verdict.evidence),
                "expected": verdict.expected,
                "readings": list(verdict.readings),
                "claim": _fields(verdict.claim),
            }
        )
    assert next(verdicts, None) is None, "a verdict without its claim"
    head = {
        "case": case.name,
        "paper": case.paper.relative_to(ROOT).as_posix(),
        "project": case.project.relative_to(ROOT).as_posix() if case.project else None,
        "month": case.month,
        "counts": report.counts(),
    }
    lines = [json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ","]
    lines.append(' "claims": [')
    lines.append(",\n".join("  " + _line(c) for c in claims))
    lines.append(" ],")
    lines.append(' "findings": [')
    lines.append(",\n".join("  " + _line(f.as_dict()) for f in report.findings))
    lines.append(" ],")
    lines.append(' "numbers": [')
    lines.append(",\n".join("  " + _line(n.as_dict()) for n in report.numbers))
    lines.append(" ]")
    lines.append("}")
    return "\n".join(line for line in lines if line) + "\n"


def _line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def regenerate() -> None:
    """Rewrite every golden file from the current code."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for case in discover():
        case.golden.write_text(render(case), encoding="utf-8")
        print(f"wrote {case.golden.relative_to(ROOT)}")


if __name__ == "__main__":
    regenerate()
