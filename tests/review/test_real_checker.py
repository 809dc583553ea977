"""The review app with the real checker (no fake): each paragraph is re-checked in the paper
it stands in, through the same code path as ``narrator check``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import TextArea

from narrator.api import DraftResult, save_draft
from narrator.check import Checker, Verdict
from narrator.project import Project
from narrator.review import load_review
from narrator.review.app import ReviewApp, ReviewScreen
from narrator.review.recheck import in_paper, paper_with
from tests.review.support import screen_text


@pytest.fixture(scope="module")
def draft_md_once(tmp_path_factory: pytest.TempPathFactory, sample_result: DraftResult) -> Path:
    """The sample's draft for the tests that only read it."""
    path = tmp_path_factory.mktemp("draft") / "draft-2019-10.md"
    save_draft(sample_result.draft, path)
    return path


@pytest.fixture(scope="module")
def checker(sample_project: Project) -> Checker:
    """The sample's checker (its reader loads spaCy once for the module)."""
    return Checker.for_project(sample_project)


def test_a_paragraph_is_checked_where_it_stands(draft_md: Path, checker: Checker) -> None:
    review = load_review(draft_md)
    recheck = in_paper(checker, review)
    number = review.numbers()[0]
    text = review.text(number)
    paper, start = paper_with(review, number, text)
    assert paper[start : start + len(text)] == text
    assert f"## {number.rsplit('.', 1)[0]} " in paper[:start], "its section heading"
    found = recheck(number, text)
    assert found and {f.verdict for f in found} == {Verdict.SUPPORTED}
    # The same findings as narrator check on the whole draft, in the paragraph's offsets.
    whole = checker.check_text(paper, month=review.draft.month).all_findings()
    inside = [f.moved(-start) for f in whole if start <= f.start < start + len(text)]
    assert found == inside
    # A wrong figure is contradicted, and the finding marks it in the text as edited.
    figure = next(f for f in found if text[f.start : f.end].endswith("%"))
    said = text[figure.start : figure.end]
    wrong = text[: figure.start] + "12.7%" + text[figure.end :]
    contradicted = [f for f in recheck(number, wrong) if f.contradicts]
    assert [wrong[f.start : f.end] for f in contradicted] == ["12.7%"]
    assert said in contradicted[0].message
    # Spaces and line breaks of an edit do not move the marks off their words.
    spaced = wrong.replace(" ", "  \n", 3)
    moved = [f for f in recheck(number, spaced) if f.contradicts]
    assert [spaced[f.start : f.end] for f in moved] == ["12.7%"]


@pytest.mark.asyncio
async def test_the_app_marks_an_edit_to_a_wrong_figure_and_refuses_a_plain_accept(
    draft_md: Path, checker: Checker
) -> None:
    review = load_review(draft_md)
    app = ReviewApp(review, who="ana", checker=in_paper(checker, review))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = screen_text(app)
        assert "Checker: " in screen and "claims supported, nothing contradicted" in screen
        assert "CONTRADICTED" not in screen.splitlines()[0]
        number = app.screen.number if isinstance(app.screen, ReviewScreen) else ""
        text = review.text(number)
        assert "9.7%" in text
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(TextArea).load_text(text.replace("9.7%", "12.7%"))
        await pilot.press("f2")
        await pilot.pause()
        screen = screen_text(app)
        assert "EDITED · CONTRADICTED" in screen.splitlines()[0]
        assert "12.7%[x1]" in screen and "[x1] contradicted: 12.7% does not match" in screen
        await pilot.press("a")
        await pilot.pause()
        assert "Reason to accept it anyway" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.review.status(number) == "edited"
        assert app.review.contradictions(number)
        assert dict(app.review.blocking())[number].startswith("contradicted")


class _MarksWord:
    """A stand-in for the checker that contradicts every "12.7%" of the paper it is given."""

    def check_text(self, text: str, *, month: str) -> object:
        from narrator.check import Finding, Severity
        from narrator.check.text.parse import parse_text

        found = []
        at = text.find("12.7%")
        while at >= 0:
            span = (at, at + 5)
            found.append(Finding("claim", Severity.ERROR, "wrong", span, Verdict.CONTRADICTED))
            at = text.find("12.7%", at + 1)

        class Report:
            document = parse_text(text)

            def all_findings(self) -> list[Finding]:
                return found

        return Report()


@settings(max_examples=60, deadline=None)
@given(
    gaps=st.lists(st.sampled_from([" ", "  ", "\n", " \n  ", "\t"]), min_size=13, max_size=13),
    where=st.integers(0, 12),
)
def test_marks_stay_on_their_words_however_the_edit_is_spaced(
    gaps: list[str], where: int, draft_md_once: Path
) -> None:
    review = load_review(draft_md_once)
    words = [
        "the",
        "rate",
        "was",
        "9.7%",
        "in",
        "October",
        "which",
        "is",
        "the",
        "lowest",
        "for",
        "two",
        "years",
    ]
    words[where] = "12.7%"
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=True)).strip()
    found = in_paper(_MarksWord(), review)(review.numbers()[0], text)  # type: ignore[arg-type]
    assert [text[f.start : f.end] for f in found] == ["12.7%"]
