"""Review: editors accept, reject, edit and rephrase the generated paragraphs of a draft.

The state API (what ``narrator build`` reads) is light to import; the terminal app
(:mod:`narrator.review.app`, Textual) is imported only by the ``review`` command.
"""

from narrator.check.findings import Finding
from narrator.review.merge import merge, needs_merge
from narrator.review.model import (
    DONE,
    FORMAT,
    STATUSES,
    Comment,
    Entry,
    Override,
    ReviewState,
    Variant,
)
from narrator.review.state import Review, load_review, review_path

__all__ = [
    "DONE",
    "FORMAT",
    "STATUSES",
    "Comment",
    "Entry",
    "Finding",
    "Override",
    "Review",
    "ReviewState",
    "Variant",
    "load_review",
    "merge",
    "needs_merge",
    "review_path",
]
