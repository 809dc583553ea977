"""The review of a draft: load it, ask it what is settled, record decisions, save atomically.

The state lives beside the draft, ``draft-2019-10.md`` -> ``draft-2019-10.review.json``::

    review = load_review(Path("draft-2019-10.md"))
    review.accept("4.1.2", who="ana")
    review.save()
    review.blocking()       # [("4.1.3", "not reviewed yet"), ...]
    review.text("4.1.2")    # the paragraph as it goes into the paper

A state file that cannot be read is an error, never something to start over from: nothing is
written until it is fixed or moved away.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from narrator.api import sidecar_path
from narrator.check.findings import Finding
from narrator.draft.document import Draft, Paragraph
from narrator.errors import ReviewError
from narrator.fileio import atomic_write_text
from narrator.fileset import settle
from narrator.lock import folder_lock
from narrator.review.concurrent import Conflict, merge_concurrent
from narrator.review.merge import merge, needs_merge, stale_count
from narrator.review.model import (
    ACCEPTED,
    EDITED,
    PENDING,
    REJECTED,
    STALE,
    Comment,
    Entry,
    Override,
    ReviewState,
    Variant,
    fresh_state,
    reviewable,
    text_fingerprint,
)

__all__ = ["Review", "load_review", "now", "review_path", "status_counts"]

#: The name review's own notes are signed with (a stale edit kept as a comment).
NARRATOR = "narrator"


def now() -> str:
    """The time of an action: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def review_path(draft_md: Path) -> Path:
    """Where a draft's review state lives: ``X.md`` -> ``X.review.json`` beside it."""
    return draft_md.with_suffix(".review.json")


@dataclass
class Review:
    """A draft and the editors' decisions on its generated paragraphs."""

    path: Path
    draft: Draft
    state: ReviewState
    #: How many paragraphs went stale when this load merged a regenerated draft.
    merged: int | None = None
    warnings: list[str] = field(default_factory=list)
    clock: Callable[[], str] = now
    #: The state file's text as this review last read or wrote it (None: no file then).
    _base: str | None = field(default=None, repr=False)

    @property
    def state_path(self) -> Path:
        """The state file beside the draft."""
        return review_path(self.path)

    def numbers(self) -> list[str]:
        """The numbers of the paragraphs under review, in paper order."""
        return [p.number for p in reviewable(self.draft)]

    def paragraph(self, number: str) -> Paragraph:
        """A paragraph of the draft by number."""
        for paragraph in self.draft.paragraphs():
            if paragraph.number == number:
                return paragraph
        raise ReviewError(f"{self.path}: the draft has no paragraph {number}")

    def entry(self, number: str) -> Entry:
        """The review entry of a generated paragraph."""
        try:
            return self.state.paragraphs[number]
        except KeyError:
            raise ReviewError(
                f"{self.path}: paragraph {number} is not a generated paragraph under review"
            ) from None

    def status(self, number: str) -> str:
        """pending, accepted, rejected, edited or stale; ``hand-written`` for the rest."""
        if number not in self.state.paragraphs:
            self.paragraph(number)
            return "hand-written"
        return self.state.paragraphs[number].status

    def generated_text(self, number: str) -> str:
        """The paragraph as the draft wrote it."""
        return self.paragraph(number).body

    def text(self, number: str) -> str:
        """The final text: the edit if edited, else the chosen phrasing, else the draft's."""
        entry = self.state.paragraphs.get(number)
        if entry is None:
            return self.generated_text(number)
        # A stale paragraph's edit states the old figures: it is shown, not used.
        if entry.status == EDITED and entry.text is not None:
            return entry.text
        if entry.variant is not None:
            return entry.variant.text
        return self.generated_text(number)

    def contradictions(self, number: str) -> list[Finding]:
        """The checker's contradictions of the current text that no override answers."""
        entry = self.entry(number)
        if entry.override is not None or entry.checked != text_fingerprint(self.text(number)):
            return []
        return [f for f in entry.findings if f.contradicts]

    def checked(self, number: str) -> bool:
        """True when the stored findings are for the text as it stands."""
        return self.entry(number).checked == text_fingerprint(self.text(number))

    def reason(self, number: str) -> str | None:
        """Why a paragraph keeps the paper from being built, or None when it is settled."""
        entry = self.entry(number)
        if entry.status == STALE:
            return "stale: the figures under it changed since it was reviewed"
        if entry.status == PENDING:
            return "not reviewed yet"
        if entry.status == REJECTED:
            # A hole in the paper: the editor writes the paragraph, or the analyst drops it
            # from the outline. Leaving it out silently would renumber the paper under them.
            return f"rejected by {entry.who or 'an editor'}: edit it or drop it from the outline"
        contradicted = self.contradictions(number)
        if contradicted:
            return f"contradicted: {contradicted[0].message} (accept only with an override)"
        return None

    def blocking(self) -> list[tuple[str, str]]:
        """Paragraph number and reason for every paragraph not yet fit for the paper."""
        found = ((n, self.reason(n)) for n in self.numbers())
        return [(n, r) for n, r in found if r is not None]

    def done(self) -> bool:
        """True when every generated paragraph is accepted or edited, none stale."""
        return not self.blocking()

    # Actions. Each stamps who and when; the caller saves.

    def accept(self, number: str, *, who: str) -> None:
        """Accept the text shown; refused while the checker contradicts it without override."""
        entry = self.entry(number)
        contradicted = self.contradictions(number)
        if contradicted:
            raise ReviewError(
                f"{number}: the checker contradicts this text: {contradicted[0].message}",
                hint="Accept it only with an override and a reason, or edit it.",
            )
        if entry.status == STALE:
            if entry.text is not None:
                # The edit states the old figures; keep it where the editor can find it.
                note = f"Earlier edit, on figures since changed: {entry.text}"
                entry.comments.append(Comment(NARRATOR, self.clock(), note))
                entry.text = None
            entry.stale = None
            entry.status = ACCEPTED
        elif entry.status != EDITED:
            entry.status = ACCEPTED
        self._stamp(entry, who)

    def reject(self, number: str, *, who: str) -> None:
        """Reject the paragraph: it stays out of the paper until edited or accepted."""
        entry = self.entry(number)
        entry.status = REJECTED
        entry.stale = None
        self._stamp(entry, who)

    def edit(self, number: str, text: str, *, who: str, findings: Iterable[Finding] = ()) -> None:
        """Replace the paragraph's text with the editor's, with the checker's findings on it."""
        entry = self.entry(number)
        clean = " ".join(text.split())
        if not clean:
            raise ReviewError(f"{number}: the edit is empty", hint="Reject the paragraph instead.")
        entry.text = clean
        entry.status = EDITED
        entry.stale = None
        entry.override = None
        self._stamp(entry, who)
        self.record_findings(number, findings)

    def choose_variant(self, number: str, variant: Variant | None, *, who: str) -> None:
        """Use another phrasing (None: the draft's own); a decision on the old one lapses."""
        entry = self.entry(number)
        entry.variant = variant
        entry.override = None
        entry.findings, entry.checked = [], None
        # A stale paragraph keeps the editor's old edit until it is accepted or edited.
        if entry.status != STALE:
            entry.text = None
            entry.status = PENDING
        self._stamp(entry, who)

    def comment(self, number: str, text: str, *, who: str) -> None:
        """Leave a note on a paragraph."""
        clean = text.strip()
        if not clean:
            raise ReviewError(f"{number}: the comment is empty")
        self.entry(number).comments.append(Comment(who, self.clock(), clean))

    def override(self, number: str, reason: str, *, who: str) -> None:
        """Accept a paragraph the checker contradicts, recording who decided so and why."""
        entry = self.entry(number)
        clean = reason.strip()
        if not clean:
            raise ReviewError(f"{number}: an override needs a reason")
        entry.override = Override(clean, who, self.clock())
        self.accept(number, who=who)

    def record_findings(self, number: str, findings: Iterable[Finding]) -> None:
        """Store the checker's findings on the paragraph's current text."""
        entry = self.entry(number)
        entry.findings = list(findings)
        entry.checked = text_fingerprint(self.text(number))

    def _stamp(self, entry: Entry, who: str) -> None:
        entry.who = who
        entry.when = self.clock()

    def save(self) -> None:
        """Write the state file atomically, merged with any save made since it was read.

        Under the folder's lock, the file is read again: if another editor saved since
        this review read it, both sides' decisions are merged (:mod:`narrator.review.
        concurrent`); a paragraph both decided differently keeps the other editor's
        decision, and :class:`ReviewError` says which of ours was not saved (the rest was).
        """
        self.state.draft = self.path.name
        folder = self.state_path.parent
        conflicts: list[Conflict] = []
        try:
            with folder_lock(folder):
                settle(folder, locked=True)
                conflicts = self._merge_saved()
                text = self.state.to_json()
                atomic_write_text(self.state_path, text)
                self._base = text
        except OSError as exc:
            raise ReviewError(
                f"{self.state_path}: cannot save the review: {exc.strerror or exc}"
            ) from None
        if conflicts:
            raise ReviewError(
                f"{self.state_path}: "
                + "; ".join(
                    f"paragraph {c.number} was decided by {c.who or 'another editor'} "
                    f"({c.when or 'just now'}) while you reviewed it"
                    for c in conflicts
                )
                + ": your decision on it was not saved, theirs stands",
                hint="Your other changes were saved. Look at the paragraph again.",
            )

    def _merge_saved(self) -> list[Conflict]:
        """Merge what another review saved since this one read the file; the conflicts."""
        try:
            on_disk = self.state_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError):
            on_disk = None
        if on_disk == self._base or self._base is None:
            return []
        try:
            theirs = ReviewState.from_json(on_disk) if on_disk is not None else None
        except (ValueError, KeyError, TypeError):
            theirs = None
        if theirs is None:
            raise ReviewError(
                f"{self.state_path}: changed since it was read and cannot be read now; "
                "the review was not saved over it",
                hint="Look at the file (another program changed it), then review again.",
            )
        base = ReviewState.from_json(self._base)
        merged = merge_concurrent(base, self.state, theirs)
        if merged.incompatible:
            self.state = merged.state
            raise ReviewError(
                f"{self.state_path}: {merged.incompatible} while you reviewed; "
                "your latest changes were not saved",
                hint="Open the review again to see the draft as it is now.",
            )
        self.state = merged.state
        return merged.conflicts


def load_review(draft_md: Path) -> Review:
    """Open the review of a draft: its Markdown, its sidecar and the state file if any.

    When the draft was regenerated since the state was saved, the decisions are merged onto
    it (stale where the facts changed) and the state is saved. A missing draft or sidecar, or
    a state file that cannot be read, raises :class:`ReviewError` and writes nothing.
    """
    draft_md = Path(draft_md)
    settle(draft_md.parent)  # a draft and sidecar cut short by a kill: finished or removed
    draft = _read_draft(draft_md)
    review = Review(path=draft_md, draft=draft, state=fresh_state(draft, draft_md.name))
    review._base = review.state.to_json()
    if _markdown(draft_md) != draft.to_markdown():
        review.warnings.append(
            f"{draft_md} differs from its sidecar; the review shows the sidecar's text "
            "(edits belong in the review, not in the Markdown)"
        )
    state_file = review.state_path
    if not state_file.exists():
        return review
    state, review._base = _read_state(state_file)
    if state.month != draft.month:
        raise ReviewError(
            f"{state_file} is the review of {state.month}, but {draft_md} is the draft "
            f"of {draft.month}",
            hint="Move the state file away to review this draft afresh; it was not changed.",
        )
    if needs_merge(state, draft):
        review.state = merge(state, draft)
        review.merged = stale_count(review.state)
        review.save()
    else:
        review.state = state
    return review


def _redraft(draft_md: Path) -> str:
    """The command that writes this draft: its month from the file name when it has one."""
    named = re.fullmatch(r"draft-(\d{4}-\d{2})", draft_md.stem)
    month = named.group(1) if named else "<the month>"
    return f"narrator draft --month {month} --out {shlex.quote(str(draft_md))}"


def _read_draft(draft_md: Path) -> Draft:
    if not draft_md.is_file():
        raise ReviewError(
            f"{draft_md}: no such draft",
            hint=f"Write one with: {_redraft(draft_md)}",
        )
    sidecar = sidecar_path(draft_md)
    if not sidecar.is_file():
        raise ReviewError(
            f"{draft_md} has no sidecar {sidecar.name} beside it; review needs it to know "
            "the facts behind each sentence",
            hint=f"Write the draft again with: {_redraft(draft_md)}",
        )
    try:
        return Draft.from_json(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReviewError(
            f"{sidecar}: not a readable narrator draft sidecar ({_why(exc)})",
            hint=f"Write the draft again with: {_redraft(draft_md)}",
        ) from None


def _markdown(draft_md: Path) -> str | None:
    try:
        return draft_md.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _read_state(state_file: Path) -> tuple[ReviewState, str]:
    try:
        text = state_file.read_text(encoding="utf-8")
        return ReviewState.from_json(text), text
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReviewError(
            f"{state_file}: the review state cannot be read ({_why(exc)})",
            hint="It was left untouched. Restore it from a backup or fix it, or move it "
            "away to start the review afresh.",
        ) from None


def _why(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc}"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc) or type(exc).__name__


def status_counts(review: Review) -> dict[str, int]:
    """How many paragraphs have each status."""
    counts: dict[str, int] = {}
    for number in review.numbers():
        status = review.status(number)
        counts[status] = counts.get(status, 0) + 1
    return counts
