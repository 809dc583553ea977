"""The review screen: the paragraph under review, its findings and facts, and the keys.

Every action is saved at once (atomically), so quitting, a crash or a killed terminal loses
at most the keystroke in flight. Every edit is re-checked at once; contradicted text is
accepted only with an override and a reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from narrator.errors import NarratorError, ReviewError
from narrator.review.model import EDITED, STALE
from narrator.review.recheck import no_recheck
from narrator.review.screens import EditScreen, HelpScreen, PromptScreen
from narrator.review.view import (
    comment_lines,
    facts_lines,
    findings_lines,
    marked_text,
    stale_panel,
    status_line,
)

if TYPE_CHECKING:
    from narrator.review.app import ReviewApp

__all__ = ["KEY_HINT", "ReviewScreen"]

KEY_HINT = "a accept r reject e edit v phrasing c comment n/p move t to do ? help q quit"


class Body(VerticalScroll, can_focus=False):
    """The scrolling part of the screen; the screen's keys scroll it."""


class ReviewScreen(Screen[None]):
    """The paragraph under review and the keys that decide it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "accept"),
        Binding("r", "reject", "reject"),
        Binding("e", "edit", "edit"),
        Binding("E", "edit_external", "$EDITOR"),
        Binding("v", "variant", "phrasing"),
        Binding("c", "comment", "comment"),
        Binding("o", "override", "override"),
        Binding("n,right", "next", "next"),
        Binding("p,left", "previous", "previous"),
        Binding("t", "attention", "to do"),
        Binding("question_mark,h", "help", "help"),
        Binding("q", "quit", "quit"),
        Binding("up", "scroll(-1)", show=False),
        Binding("down", "scroll(1)", show=False),
        Binding("pageup", "scroll(-10)", show=False),
        Binding("pagedown", "scroll(10)", show=False),
    ]

    def __init__(self, review_app: ReviewApp) -> None:
        super().__init__()
        self.owner = review_app
        self.review = review_app.review
        self.numbers = self.review.numbers()
        self.index = 0
        self._confirm_variant: str | None = None

    def compose(self) -> ComposeResult:
        """Status line, the scrolling paragraph with its panels, message line, key hint."""
        yield Static(id="top")
        with Body(id="body"):
            yield Static(id="text")
            yield Static(id="findings", classes="panel")
            yield Static(id="stale", classes="panel")
            yield Static(id="comments", classes="panel")
            yield Static(id="facts", classes="panel")
        yield Static(id="message")
        yield Static(Content(KEY_HINT), id="keys")

    def on_mount(self) -> None:
        """Open at the first paragraph that needs attention (resuming a review)."""
        blocking = {n for n, _ in self.review.blocking()}
        self.index = next((i for i, n in enumerate(self.numbers) if n in blocking), 0)
        if not self.numbers:
            self.say("This draft has no generated paragraphs to review.")
        else:
            for warning in self.review.warnings:
                self.say(f"note: {warning}")
        self.show()

    @property
    def number(self) -> str:
        """The paragraph on screen."""
        return self.numbers[self.index]

    def say(self, message: str) -> None:
        """Put a message on the message line."""
        self.query_one("#message", Static).update(Content(message))

    def show(self) -> None:
        """Draw the current paragraph, checking its text first if it changed."""
        if not self.numbers:
            return
        number, review = self.number, self.review
        if not review.checked(number):
            review.record_findings(number, self.owner.checker(number, review.text(number)))
            self.save()
        entry = review.entry(number)
        paragraph = review.paragraph(number)
        findings = entry.findings if review.checked(number) else []
        top = status_line(
            number,
            self.index + 1,
            len(self.numbers),
            entry,
            contradicted=bool(review.contradictions(number)),
            todo=len(review.blocking()),
        )
        self.query_one("#top", Static).update(Content(top))
        self.query_one("#text", Static).update(marked_text(review.text(number), findings))
        available = self.owner.checker is not no_recheck
        self._panel("#findings", findings_lines(findings, available=available))
        self._panel("#stale", stale_panel(entry))
        facts = facts_lines(paragraph, review.draft.facts, self.owner.series, review.draft.month)
        self._panel("#facts", facts)
        self._panel("#comments", comment_lines(entry))

    def _panel(self, selector: str, lines: list[str]) -> None:
        widget = self.query_one(selector, Static)
        # Plain text: a "[x1]" marker or a comment's brackets are not markup.
        widget.update(Content("\n".join(lines)))
        widget.display = bool(lines)

    def save(self) -> bool:
        """Save the state; on failure say so loudly (the action is not on disk)."""
        try:
            self.review.save()
        except ReviewError as exc:
            self.say(f"NOT SAVED: {exc.message}")
            return False
        return True

    def act(self, action: Callable[[], None], done: str, *, advance: bool = False) -> None:
        """Run one review action, save, and redraw; a refused action says why."""
        try:
            action()
        except ReviewError as exc:
            self.say(str(exc).replace("\n", " "))
            return
        self._confirm_variant = None
        if self.save():
            self.say(done)
        if advance:
            self._advance()
        self.show()

    def _advance(self) -> None:
        blocking = {n for n, _ in self.review.blocking()}
        order = self.numbers[self.index + 1 :] + self.numbers[: self.index + 1]
        target = next((n for n in order if n in blocking), None)
        if target is not None and target != self.number:
            self.index = self.numbers.index(target)
            self.query_one(Body).scroll_home(animate=False)

    # Review actions.

    def action_accept(self) -> None:
        """Accept the text shown; contradicted text asks for an override."""
        if not self.numbers:
            return
        if self.review.contradictions(self.number):
            self.action_override()
            return
        number = self.number
        self.act(
            lambda: self.review.accept(number, who=self.owner.who),
            f"Accepted {number}.",
            advance=True,
        )

    def action_reject(self) -> None:
        """Reject the paragraph."""
        if not self.numbers:
            return
        number = self.number
        self.act(
            lambda: self.review.reject(number, who=self.owner.who),
            f"Rejected {number}.",
            advance=True,
        )

    def action_override(self) -> None:
        """Accept contradicted text, asking why."""
        if not self.numbers:
            return
        number = self.number
        contradicted = self.review.contradictions(number)
        if not contradicted:
            self.say("Nothing to override: the checker does not contradict this text.")
            return

        def done(reason: str | None) -> None:
            if reason is None or not reason.strip():
                self.say("Not accepted: an override needs a reason.")
                return
            self.act(
                lambda: self.review.override(number, reason, who=self.owner.who),
                f"Accepted {number} over the checker's contradiction.",
                advance=True,
            )

        title = (
            f"The checker contradicts {number}: {contradicted[0].message}\n"
            "Reason to accept it anyway:"
        )
        self.app.push_screen(PromptScreen(title, "reason for the override"), done)

    def _start_text(self) -> str:
        entry = self.review.entry(self.number)
        if entry.status == STALE and entry.text:
            return entry.text
        return self.review.text(self.number)

    def _save_edit(self, number: str, start: str, text: str | None) -> None:
        if text is None:
            self.say("Edit cancelled; nothing changed.")
            return
        if " ".join(text.split()) == " ".join(start.split()):
            self.say("No change; nothing saved.")
            return
        findings = self.owner.checker(number, " ".join(text.split()))
        self.act(
            lambda: self.review.edit(number, text, who=self.owner.who, findings=findings),
            f"Saved the edit of {number}.",
        )
        if self.review.contradictions(number):
            self.say(
                f"Saved the edit of {number}; the checker CONTRADICTS it: a asks for an override."
            )

    def action_edit(self) -> None:
        """Edit the text inline."""
        if not self.numbers:
            return
        number, start = self.number, self._start_text()
        self.app.push_screen(
            EditScreen(number, start), lambda text: self._save_edit(number, start, text)
        )

    def action_edit_external(self) -> None:
        """Edit the text in ``$EDITOR``."""
        if not self.numbers:
            return
        number, start = self.number, self._start_text()
        run = self.owner.external_editor
        try:
            try:
                with self.app.suspend():
                    text = run(start, number)
            except SuspendNotSupported:
                # Headless (tests) or a terminal that cannot hand over: run it as it is.
                text = run(start, number)
        except ReviewError as exc:
            self.say(exc.message)
            return
        self.app.refresh()
        self._save_edit(number, start, text)

    def action_variant(self) -> None:
        """Show the next phrasing of the paragraph (same facts)."""
        if not self.numbers:
            return
        number = self.number
        rephraser = self.owner.rephraser
        if rephraser is None:
            self.say("Other phrasings need the draft's project (--project).")
            return
        if self.review.status(number) == EDITED and self._confirm_variant != number:
            self._confirm_variant = number
            self.say(
                "This paragraph has your edit; press v again to replace it with another phrasing."
            )
            return
        try:
            variant = rephraser.next(
                self.review.paragraph(number), self.review.entry(number).variant
            )
        except NarratorError as exc:
            self.say(str(exc).replace("\n", " "))
            return
        label = (
            "the draft's own phrasing"
            if variant is None
            else "phrasing " + "/".join(variant.blocks)
        )
        self.act(
            lambda: self.review.choose_variant(number, variant, who=self.owner.who),
            f"{number}: {label}.",
        )

    def action_comment(self) -> None:
        """Leave a comment."""
        if not self.numbers:
            return
        number = self.number

        def done(text: str | None) -> None:
            if text is None or not text.strip():
                self.say("No comment left.")
                return
            self.act(
                lambda: self.review.comment(number, text, who=self.owner.who),
                f"Comment left on {number}.",
            )

        self.app.push_screen(PromptScreen(f"Comment on {number}:", "your comment"), done)

    # Moving about.

    def _go(self, index: int) -> None:
        self.index = index
        self._confirm_variant = None
        self.query_one(Body).scroll_home(animate=False)
        self.say("")
        self.show()

    def action_next(self) -> None:
        """The next paragraph."""
        if self.index + 1 < len(self.numbers):
            self._go(self.index + 1)
        else:
            self.say("This is the last paragraph.")

    def action_previous(self) -> None:
        """The previous paragraph."""
        if self.index > 0:
            self._go(self.index - 1)
        else:
            self.say("This is the first paragraph.")

    def action_attention(self) -> None:
        """The next paragraph that needs attention, wrapping round."""
        blocking = {n for n, _ in self.review.blocking()}
        order = self.numbers[self.index + 1 :] + self.numbers[: self.index + 1]
        target = next((n for n in order if n in blocking), None)
        if target is None:
            self.say("Nothing needs attention: every paragraph is accepted or edited.")
            return
        self._go(self.numbers.index(target))

    def action_scroll(self, lines: int) -> None:
        """Scroll the paragraph and its facts."""
        body = self.query_one(Body)
        body.scroll_to(y=body.scroll_y + lines, animate=False)

    def action_help(self) -> None:
        """Show the keys."""
        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        """Leave; every action is already saved."""
        self.app.exit()
