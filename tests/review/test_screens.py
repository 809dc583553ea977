"""The screens at 80x24, as a monochrome terminal shows them (asserted line by line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.project import Project
from narrator.review import load_review
from narrator.review.app import KEY_HINT, ReviewApp
from narrator.review.model import summary
from narrator.review.series import BARS, SeriesSource
from tests.review.support import fake_checker, screen_text

WIDTH, HEIGHT = 80, 24


def lines_of(app: ReviewApp) -> list[str]:
    lines = screen_text(app).rstrip("\n").split("\n")
    assert len(lines) == HEIGHT
    assert all(len(line) <= WIDTH for line in lines)
    return [line.rstrip() for line in lines]


@pytest.mark.asyncio
async def test_the_paragraph_screen(draft_md: Path, sample_project: Project) -> None:
    app = ReviewApp(
        load_review(draft_md), who="ana", checker=fake_checker, series=SeriesSource(sample_project)
    )
    async with app.run_test(size=(WIDTH, HEIGHT)):
        lines = lines_of(app)
        assert lines[0] == " 4.1.2  (1/17)  PENDING · CONTRADICTED  ·  to do: 17"
        assert lines[1] == ""
        assert lines[2].startswith(" The 12 month all crime prosecution possible outcome rate")
        text = "\n".join(lines)
        assert "9.7%[x1]; it is now significantly lower" in text
        assert " Checker: 1 claim supported, 1 to look at." in lines
        assert " [x1] contradicted: the rate is 9.9%" in lines
        assert " Facts behind each sentence" in lines
        assert " S1 messages/rolling_headline.j2, v1" in lines
        facts = lines.index(" S1 messages/rolling_headline.j2, v1")
        assert lines[facts + 1] == (
            "   benchmark.long_term · ppo_rate_all · Cambridgeshire · R12:2019-10"
        )
        assert lines[facts + 2].startswith("     9.7% · vs 11.6% (LT:2016-04..2019-03) · -1.9 pts")
        spark = lines[facts + 3].strip()
        assert set(spark.split()[0]) <= set(BARS) and len(spark.split()[0]) == 24
        assert spark.endswith("12-month rolling, 24 months to 2019-10")
        assert lines[-1] == KEY_HINT


@pytest.mark.asyncio
async def test_the_help_panel(draft_md: Path) -> None:
    app = ReviewApp(load_review(draft_md), who="ana")
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = "\n".join(lines_of(app))
        for key, what in [
            ("a", "accept the paragraph as shown"),
            ("E", "edit the text in $EDITOR"),
            ("t", "jump to the next paragraph that needs attention"),
            ("q", "quit (every action is already saved)"),
        ]:
            assert f"│   {key:<10}{what}" in text
        assert "Esc closes this help." in text
        await pilot.press("escape")
        await pilot.pause()
        assert lines_of(app)[-1] == KEY_HINT


@pytest.mark.asyncio
async def test_the_editor_and_the_prompt(draft_md: Path) -> None:
    app = ReviewApp(load_review(draft_md), who="ana")
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        lines = lines_of(app)
        assert lines[0].strip() == "Editing 4.1.2"
        assert "The 12 month all crime prosecution possible outcome rate" in "\n".join(lines)
        assert lines[-1].strip() == "Ctrl+S or F2 saves and re-checks · Esc cancels"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        lines = lines_of(app)
        assert "│ Comment on 4.1.2:" in "\n".join(lines)
        assert "Enter saves · Esc cancels" in lines[-2]


@pytest.mark.asyncio
async def test_a_stale_paragraph_shows_old_and_new_figures(draft_md: Path) -> None:
    review = load_review(draft_md)
    paragraph = review.paragraph("4.2.5")
    fid = paragraph.sentences[0].facts[0]
    old = summary(review.draft.facts[fid])
    new = dict(old, value=old["value"] + 100)
    entry = review.entry("4.2.5")
    entry.status, entry.text = "stale", "Arrests rose to 858."
    entry.stale = {"old": {fid: old}, "new": {fid: new}}
    for number in review.numbers()[: review.numbers().index("4.2.5")]:
        review.accept(number, who="ana")
    review.save()
    app = ReviewApp(load_review(draft_md), who="ana")
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        # Resuming opens at the first paragraph to do: the stale one.
        text = "\n".join(lines_of(app))
        assert " 4.2.5  (8/17)  STALE" in text
        assert "STALE: the figures changed since this paragraph was reviewed (old -> new)." in text
        assert f"   value{'':9}{old['value']:>16,.0f}  ->  {new['value']:,.0f}" in text
        assert "Your edit, written on the old figures (e edits it):" in text
        # Accepting takes the new text; the old edit is kept as a comment.
        await pilot.press("a")
        entry = app.review.entry("4.2.5")
        assert entry.status == "accepted" and entry.text is None and entry.stale is None
        assert entry.comments[-1].text.endswith("Arrests rose to 858.")


@pytest.mark.asyncio
async def test_without_colour(draft_md: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReviewApp(load_review(draft_md), who="ana", checker=fake_checker)
    async with app.run_test(size=(WIDTH, HEIGHT)):
        assert app.no_color
        text = "\n".join(lines_of(app))
        # Findings are marked in the text itself, not only by colour.
        assert "9.7%[x1]" in text and "CONTRADICTED" in text
