"""The monthly job on the bundled sample with the real checker: draft, accept, build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from narrator.api import draft, save_draft
from narrator.build import BuildOptions, BuildResult, build
from narrator.resources import sample_dir
from narrator.review.state import load_review


def draft_accept_build(project: Path | None, work: Path) -> BuildResult:
    result = draft(project, "2019-10")
    draft_md, _ = save_draft(result.draft, work / "draft-2019-10.md")
    review = load_review(draft_md)
    for number in review.numbers():
        if review.status(number) == "pending":
            review.accept(number, who="editor")
    review.save()
    return build(project, "2019-10", options=BuildOptions(draft=draft_md, out=work / "build"))


@pytest.mark.slow
def test_sample_builds_with_the_real_checker_once_everything_is_accepted(tmp_path: Path) -> None:
    built = draft_accept_build(None, tmp_path)
    assert built.built, [str(b) for b in built.blockers]
    names = sorted(p.name for p in (tmp_path / "build").iterdir())
    assert {"paper-2019-10.md", "paper-2019-10.html", "paper-2019-10.docx"} <= set(names)
    # The hand-written sections' cross-references (6.1.4, 6.2.1, section 7 ...) and dates
    # all fit the built paper: the checker has nothing to say about them.
    assert list(built.notes) == []


@pytest.mark.slow
def test_a_fault_of_the_handwritten_text_is_reported_not_dropped(tmp_path: Path) -> None:
    project = Path(shutil.copytree(sample_dir(), tmp_path / "project"))
    updates = project / "handwritten" / "offender-updates.md"
    text = updates.read_text(encoding="utf-8")
    # A reference left over from an earlier numbering: the file checking is in 6.2.2.
    right = "the file checking described in 6.2.2 above"
    assert right in text
    updates.write_text(text.replace(right, right.replace("6.2.2", "4.2.2")), encoding="utf-8")
    built = draft_accept_build(project, tmp_path)
    # A note, not a blocker: it does not contradict the figures.
    assert built.built, [str(b) for b in built.blockers]
    (note,) = built.notes
    assert note.startswith("paper 6.2.3: xref_topic: section 4.2.2 is about"), note
