"""The review app driven headless: every action is saved at once, and a review resumes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from narrator.review import load_review
from narrator.review.app import ReviewApp, ReviewScreen
from narrator.review.recheck import Recheck, no_recheck
from narrator.review.screens import edit_in_editor
from narrator.review.variants import Rephraser
from tests.review.support import fake_checker, screen_text, write_editor


def make_app(draft_md: Path, checker: Recheck = no_recheck, **options: Any) -> ReviewApp:
    return ReviewApp(load_review(draft_md), who="ana", checker=checker, **options)


def saved(draft_md: Path) -> dict[str, Any]:
    state = json.loads(draft_md.with_suffix(".review.json").read_text(encoding="utf-8"))
    paragraphs: dict[str, Any] = state["paragraphs"]
    return paragraphs


def on_screen(app: ReviewApp) -> str:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen.number


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)


@pytest.mark.asyncio
async def test_accept_edit_reject_variant_comment_quit_and_resume(
    draft_md: Path, rephraser: Rephraser
) -> None:
    app = make_app(draft_md, rephraser=rephraser)
    async with app.run_test(size=(80, 24)) as pilot:
        assert on_screen(app) == "4.1.2"
        await pilot.press("a")
        assert saved(draft_md)["4.1.2"]["status"] == "accepted"
        assert saved(draft_md)["4.1.2"]["who"] == "ana"
        assert on_screen(app) == "4.1.3", "accepting moves on to the next paragraph to do"

        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "NB: ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        edited = saved(draft_md)["4.1.3"]
        assert edited["status"] == "edited"
        assert edited["text"].startswith("NB: In October the 12 month dwelling burglary")

        await pilot.press("n", "r")
        assert saved(draft_md)["4.1.4"]["status"] == "rejected"
        assert on_screen(app) == "4.2.1"

        before = app.review.text("4.2.1")
        await pilot.press("v")
        variant = saved(draft_md)["4.2.1"]["variant"]
        assert variant["blocks"] == ["v1", "v1"]
        assert variant["text"] != before and app.review.text("4.2.1") == variant["text"]

        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "Check [the] 101 figure")
        await pilot.press("enter")
        await pilot.pause()
        assert saved(draft_md)["4.2.1"]["comments"][0]["text"] == "Check [the] 101 figure"
        assert "Check [the] 101 figure" in screen_text(app)

        await pilot.press("q")
    assert app.return_code == 0

    resumed = make_app(draft_md, rephraser=rephraser)
    async with resumed.run_test(size=(80, 24)) as pilot:
        # The first paragraph still to do: 4.1.4, rejected.
        assert on_screen(resumed) == "4.1.4"
        assert "REJECTED" in screen_text(resumed).splitlines()[0]
        await pilot.press("p")
        assert on_screen(resumed) == "4.1.3"
        assert "NB: In October" in screen_text(resumed)
        await pilot.press("t")
        assert on_screen(resumed) == "4.1.4"
        await pilot.press("q")


@pytest.mark.asyncio
async def test_contradicted_text_needs_an_override_with_a_reason(draft_md: Path) -> None:
    app = make_app(draft_md, checker=fake_checker)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = screen_text(app)
        assert "CONTRADICTED" in screen.splitlines()[0]
        assert "9.7%[x1]" in screen and "[x1] contradicted: the rate is 9.9%" in screen
        await pilot.press("a")
        await pilot.pause()
        assert "Reason to accept it anyway" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert saved(draft_md)["4.1.2"]["status"] == "pending"
        assert "needs a reason" in screen_text(app)

        await pilot.press("o")
        await pilot.pause()
        await type_text(pilot, "Unaudited figure")
        await pilot.press("enter")
        await pilot.pause()
        entry = saved(draft_md)["4.1.2"]
        assert entry["status"] == "accepted"
        assert entry["override"]["reason"] == "Unaudited figure"
        assert entry["override"]["who"] == "ana"


@pytest.mark.asyncio
async def test_every_edit_is_rechecked_at_once(draft_md: Path) -> None:
    app = make_app(draft_md, checker=fake_checker)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert on_screen(app) == "4.1.3"
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(TextArea).load_text("The rate was 9.7% in October.")
        await pilot.press("f2")
        await pilot.pause()
        entry = saved(draft_md)["4.1.3"]
        assert entry["status"] == "edited"
        assert [f["verdict"] for f in entry["findings"]] == ["contradicted", "supported"]
        screen = screen_text(app)
        assert "EDITED · CONTRADICTED" in screen and "the checker CONTRADICTS it" in screen
        # "a" on a contradicted edit asks for the override rather than accepting.
        await pilot.press("a")
        await pilot.pause()
        assert "Reason to accept it anyway" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert dict(app.review.blocking())["4.1.3"].startswith("contradicted")

        # A cancelled edit changes nothing.
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("x", "escape")
        await pilot.pause()
        assert saved(draft_md)["4.1.3"]["text"] == "The rate was 9.7% in October."


@pytest.mark.asyncio
async def test_edit_in_the_external_editor(draft_md: Path, tmp_path: Path) -> None:
    command = write_editor(tmp_path, "Written in\nthe editor.\n")
    app = make_app(draft_md, external_editor=lambda t, n: edit_in_editor(t, n, command))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        await pilot.pause()
        assert saved(draft_md)["4.1.2"]["text"] == "Written in the editor."
        assert "Written in the editor." in screen_text(app)


@pytest.mark.asyncio
async def test_a_failing_editor_changes_nothing(draft_md: Path) -> None:
    app = make_app(draft_md, external_editor=lambda t, n: edit_in_editor(t, n, "false"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        await pilot.pause()
        assert "Edit cancelled" in screen_text(app)
        assert app.review.status("4.1.2") == "pending"


@pytest.mark.asyncio
async def test_another_phrasing_replaces_an_edit_only_when_asked_twice(
    draft_md: Path, rephraser: Rephraser
) -> None:
    app = make_app(draft_md, rephraser=rephraser)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "Mine. ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("v")
        assert "press v again" in screen_text(app)
        assert saved(draft_md)["4.1.2"]["status"] == "edited"
        await pilot.press("v")
        entry = saved(draft_md)["4.1.2"]
        assert entry["status"] == "pending" and entry["variant"]["blocks"] == ["v2"]
        # Round the variants and back to the draft's own phrasing.
        await pilot.press("v")
        assert saved(draft_md)["4.1.2"]["variant"] is None
        assert app.review.text("4.1.2") == app.review.generated_text("4.1.2")


@pytest.mark.asyncio
async def test_without_a_project_there_is_no_other_phrasing(draft_md: Path) -> None:
    app = make_app(draft_md)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        assert "Other phrasings need the draft's project" in screen_text(app)
        assert app.review.entry("4.1.2").variant is None


@pytest.mark.asyncio
async def test_moving_about_and_the_ends(draft_md: Path) -> None:
    app = make_app(draft_md)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert "This is the first paragraph." in screen_text(app)
        await pilot.press("right", "right", "left")
        assert on_screen(app) == "4.1.3"
        for _ in app.review.numbers():
            await pilot.press("n")
        assert "This is the last paragraph." in screen_text(app)
        await pilot.press("down", "pagedown", "up")
        for number in app.review.numbers():
            app.review.accept(number, who="ana")
        await pilot.press("t")
        assert "Nothing needs attention" in screen_text(app)


@pytest.mark.asyncio
async def test_an_editor_that_changes_nothing_saves_nothing(draft_md: Path) -> None:
    app = make_app(draft_md, external_editor=lambda t, n: edit_in_editor(t, n, "true"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        await pilot.pause()
        assert "No change; nothing saved." in screen_text(app)
        assert app.review.status("4.1.2") == "pending"
