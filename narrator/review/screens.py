"""The review app's pop-up screens: the help panel, a one-line prompt, the inline editor.

Each is a modal screen: its keys are its own, so typing a comment never triggers a review
action. Editing in ``$EDITOR`` goes through :func:`edit_in_editor`.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
import textwrap
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from narrator.errors import ReviewError
from narrator.fileio import atomic_write_text

#: The keys of the review screen, as the help panel lists them.
KEYS = (
    ("a", "accept the paragraph as shown (contradicted: asks why)"),
    ("r", "reject the paragraph"),
    ("e", "edit the text here (Ctrl+S or F2 saves, Esc cancels)"),
    ("E", "edit the text in $EDITOR"),
    ("v", "another phrasing: the same facts, the next variant"),
    ("c", "comment on the paragraph"),
    ("o", "override the checker: accept contradicted text, with a reason"),
    ("n  right", "next paragraph"),
    ("p  left", "previous paragraph"),
    ("t", "jump to the next paragraph that needs attention"),
    ("up down", "scroll the facts"),
    ("?  h", "this help"),
    ("q", "quit (every action is already saved)"),
)


class HelpScreen(ModalScreen[None]):
    """The keys of the review screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,h,enter", "close", "close")
    ]

    def compose(self) -> ComposeResult:
        """A framed list of keys."""
        lines = ["Keys", ""] + [f"  {key:<10}{what}" for key, what in KEYS]
        lines += ["", "Esc closes this help."]
        yield Static(Content("\n".join(lines)), id="help")

    def action_close(self) -> None:
        """Back to the paragraph."""
        self.dismiss(None)


class PromptScreen(ModalScreen[str | None]):
    """One line of text from the editor: a comment or an override's reason."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, title: str, placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        """The question, the input line and how to leave."""
        with Vertical(id="prompt"):
            yield Static(Content(self.title_text), id="prompt-title")
            yield Input(placeholder=self.placeholder, id="prompt-input")
            yield Static("Enter saves · Esc cancels", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: hand the text back."""
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Esc: hand nothing back."""
        self.dismiss(None)


class EditScreen(ModalScreen[str | None]):
    """The paragraph's text in an editable area."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "save", priority=True),
        Binding("escape", "cancel", "cancel", priority=True),
    ]

    def __init__(self, number: str, text: str) -> None:
        super().__init__()
        self.number = number
        self.initial = text

    def compose(self) -> ComposeResult:
        """A title line, the text area and how to leave."""
        with Vertical(id="editor"):
            yield Static(Content(f"Editing {self.number}"), id="editor-title")
            yield TextArea(self.initial, soft_wrap=True, id="editor-area")
            yield Static("Ctrl+S or F2 saves and re-checks · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        """Hand the edited text back."""
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        """Leave the text as it was."""
        self.dismiss(None)


def editor_command() -> str:
    """The editor to run: ``$VISUAL``, else ``$EDITOR``, else ``vi``."""
    return os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"


def edit_in_editor(text: str, number: str, command: str) -> str | None:
    """Edit ``text`` in an external editor through a temporary file; None if it failed."""
    folder = Path(tempfile.mkdtemp(prefix="narrator-review-"))
    path = folder / f"paragraph-{number}.md"
    try:
        atomic_write_text(path, textwrap.fill(text, width=78) + "\n")
        try:
            done = subprocess.run([*shlex.split(command), str(path)], check=False)
        except OSError as exc:
            raise ReviewError(f"cannot run the editor {command!r}: {exc.strerror or exc}") from None
        if done.returncode != 0:
            return None
        return path.read_text(encoding="utf-8")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
