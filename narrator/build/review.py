"""The review state a build reads: what each paragraph's status and final text is.

The review itself lives in :mod:`narrator.review.state` (``load_review(draft_md)``, with the
state in ``<draft stem>.review.json`` beside the draft). The build codes against the small
interface below, so that tests can hand it a fake.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from narrator.draft.document import Draft
from narrator.review.model import REJECTED, UNFINISHED

__all__ = ["REJECTED", "UNFINISHED", "ReviewLike"]


class ReviewLike(Protocol):
    """What the build needs from a review (see :mod:`narrator.review.state`)."""

    @property
    def draft(self) -> Draft:
        """The draft under review."""
        ...

    def status(self, number: str) -> str:
        """``pending``, ``accepted``, ``rejected``, ``edited`` or ``stale``."""
        ...

    def text(self, number: str) -> str:
        """The paragraph's final text, with any edit applied."""
        ...

    def blocking(self) -> list[tuple[str, str]]:
        """(paragraph number, reason) for every paragraph that blocks a final build."""
        ...


ReviewLoader = Callable[[Path], ReviewLike]


def load_review_state(draft_md: Path) -> ReviewLike:
    """The review of a draft, from :func:`narrator.review.state.load_review`."""
    # Imported here: the review package is only needed once a build reads a draft.
    from narrator.review.state import load_review

    return load_review(draft_md)


def review_notes(review: ReviewLike) -> list[str]:
    """Anything the review noticed while loading (a draft edited outside the review...)."""
    return [str(w) for w in getattr(review, "warnings", [])]
