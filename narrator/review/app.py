"""The review app: ``narrator review``'s full-screen review of a draft (Textual).

One paragraph at a time in paper order (:mod:`narrator.review.paragraph_screen`), with pop-up
screens for help, comments, overrides and editing (:mod:`narrator.review.screens`).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from narrator.review.paragraph_screen import KEY_HINT, ReviewScreen
from narrator.review.recheck import Recheck, no_recheck
from narrator.review.screens import edit_in_editor, editor_command
from narrator.review.series import SeriesSource
from narrator.review.state import Review
from narrator.review.variants import Rephraser

__all__ = ["KEY_HINT", "ReviewApp", "ReviewScreen"]


class ReviewApp(App[None]):
    """``narrator review``: the full-screen review of a draft."""

    TITLE = "narrator review"
    CSS = """
    #top { height: 1; background: $primary; color: $text; text-style: bold; }
    #body { height: 1fr; padding: 0 1; }
    #text { margin: 1 0; }
    .panel { margin: 0 0 1 0; color: $text-muted; }
    #stale { color: $warning; }
    #message { height: 1; text-style: bold; }
    #keys { height: 1; background: $panel; }
    #help, #prompt { border: round $primary; padding: 0 1; width: 100%; height: auto; }
    #prompt { dock: bottom; }
    #editor { height: 100%; }
    #editor-area { height: 1fr; }
    .hint { color: $text-muted; }
    """

    def __init__(
        self,
        review: Review,
        *,
        who: str,
        checker: Recheck = no_recheck,
        series: SeriesSource | None = None,
        rephraser: Rephraser | None = None,
        external_editor: Callable[[str, str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.review = review
        self.who = who
        self.checker = checker
        self.series = series
        self.rephraser = rephraser
        self.external_editor = external_editor or (
            lambda text, number: edit_in_editor(text, number, editor_command())
        )

    def on_mount(self) -> None:
        """Open the review screen."""
        self.push_screen(ReviewScreen(self))
