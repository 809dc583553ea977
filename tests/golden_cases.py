"""The golden drafts: (project folder, month) pairs whose Markdown is kept in tests/golden/.

Regenerate every golden file with ``python -m tests.golden_cases`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

from narrator.api import draft
from narrator.resources import sample_dir

ROOT = Path(__file__).parent
GOLDEN = ROOT / "golden"
CASES: list[tuple[str, Path, str]] = [
    ("cambridgeshire", sample_dir(), "2019-10"),
    ("cambridgeshire", sample_dir(), "2018-03"),
    ("northshire", ROOT / "projects" / "northshire", "2020-06"),
    ("northshire", ROOT / "projects" / "northshire", "2017-01"),
    ("city-of-london", ROOT.parent / "samples" / "city-of-london", "2020-04"),
    # An outline that names only measures: what the planner chooses is kept here too.
    ("wyvern", ROOT / "projects" / "wyvern", "2021-06"),
]


def golden_path(name: str, month: str) -> Path:
    """Where the expected draft of a case lives."""
    return GOLDEN / f"{name}-{month}.md"


def render(project: Path, month: str) -> str:
    """The draft of a case as Markdown."""
    return draft(project, month).draft.to_markdown()


def regenerate() -> None:
    """Rewrite every golden file from the current code."""
    GOLDEN.mkdir(exist_ok=True)
    for name, project, month in CASES:
        golden_path(name, month).write_text(render(project, month), encoding="utf-8")
        print(f"wrote {golden_path(name, month)}")


if __name__ == "__main__":
    regenerate()
