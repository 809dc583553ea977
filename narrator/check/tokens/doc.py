"""What the reader's pipeline leaves on a spaCy Doc, read back in character offsets: the
text, the token boundaries, the sentences, the entities, the lexicon phrases and the
scanner's marks. The claim reader works on these, never token by token."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from narrator.check.tokens.marks import Mark

#: Paragraphs are read together, joined by this separator; no pattern crosses it.
PARAGRAPH_BREAK = "\n\n"


def doc_text(doc: Any) -> str:
    """The text of a Doc, without rebuilding it when the reader's tokenizer kept it."""
    text = doc.user_data.get("narrator_text")
    return text if isinstance(text, str) else str(doc.text)


class TokenIndex:
    """Token boundaries of a Doc as arrays, to turn character offsets into tokens.

    ``Doc.char_span`` scans the tokens on every call; a paper has thousands of entities.
    """

    def __init__(self, doc: Any) -> None:
        import numpy as np
        from spacy.attrs import IDX, LENGTH

        table = doc.to_array([IDX, LENGTH]).astype(np.int64) if len(doc) else np.zeros((0, 2))
        self.starts = table[:, 0]
        self.ends = table[:, 0] + table[:, 1]

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """The tokens that cover characters ``start:end`` (expanded to whole tokens)."""
        first = int(self.ends.searchsorted(start, side="right"))
        last = int(self.starts.searchsorted(end, side="left"))
        return first, max(last, first + 1)


def token_index(doc: Any) -> TokenIndex:
    """The (cached) :class:`TokenIndex` of a Doc."""
    index = doc.user_data.get("narrator_index")
    if index is None:
        index = doc.user_data["narrator_index"] = TokenIndex(doc)
    return index  # type: ignore[no-any-return]


def sentences_of(doc: Any) -> list[tuple[int, int]]:
    """(start_char, end_char) of every sentence of a Doc, as ``doc.sents`` gives them."""
    found: list[tuple[int, int]] | None = doc.user_data.get("narrator_sentences")
    if found is None:
        return [(sent.start_char, sent.end_char) for sent in doc.sents]
    return found


def entities_of(doc: Any) -> list[tuple[int, int, str, str]]:
    """(start_char, end_char, label, key) of every entity of a Doc read by the reader."""
    found: list[tuple[int, int, str, str]] = doc.user_data.get("narrator_entities", [])
    return found


def lexicon_of(doc: Any) -> list[tuple[int, int, str, str]]:
    """(start_char, end_char, "LEX", "kind:key") of every lexicon phrase of a Doc."""
    found: list[tuple[int, int, str, str]] = doc.user_data.get("narrator_lexicon", [])
    return found


def marks_of(doc: Any) -> Mapping[tuple[int, int], Mark]:
    """The scanner's reading of each entity, by (start_char, end_char)."""
    found: Mapping[tuple[int, int], Mark] = doc.user_data.get("narrator_marks", {})
    return found
