"""The reader: a project's spaCy pipeline and the data it was built from, reading a paper's
prose paragraphs in chunks (one Doc per chunk of whole paragraphs).

Reading many paragraphs as one Doc saves spaCy's per-Doc cost, which dominates on the short
paragraphs papers are made of.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from narrator.areas import Areas
from narrator.catalogue import Catalogue
from narrator.check.text.document import Document, Paragraph
from narrator.check.tokens.doc import PARAGRAPH_BREAK
from narrator.check.tokens.measures import MeasureIndex
from narrator.check.tokens.nlp import KeepText, build_nlp
from narrator.language.lexicon import Lexicon, parse_lexicon

#: Characters per spaCy Doc: papers are read in chunks of whole paragraphs.
CHUNK_CHARS = 100_000


def group_paragraphs(paragraphs: Iterable[Paragraph]) -> list[tuple[Paragraph, ...]]:
    """Consecutive paragraphs in groups of at most :data:`CHUNK_CHARS` characters (or one
    paragraph), each to be read as one Doc."""
    groups: list[list[Paragraph]] = [[]]
    size = 0
    for paragraph in paragraphs:
        if size and size + len(paragraph.text) > CHUNK_CHARS:
            groups.append([])
            size = 0
        groups[-1].append(paragraph)
        size += len(paragraph.text) + len(PARAGRAPH_BREAK)
    return [tuple(g) for g in groups if g]


@dataclass(frozen=True)
class Chunk:
    """Consecutive paragraphs read as one spaCy Doc; ``starts[i]`` is where
    ``paragraphs[i]`` begins in ``doc.text``."""

    doc: Any
    paragraphs: tuple[Paragraph, ...]
    starts: tuple[int, ...]


class Reader:
    """A loaded pipeline and the project data it was built from; build once, reuse."""

    def __init__(self, catalogue: Catalogue, areas: Areas, lexicon: Lexicon) -> None:
        self.catalogue = catalogue
        self.areas = areas
        self.lexicon = lexicon
        self.measures = MeasureIndex.build(catalogue)
        self.nlp = build_nlp(catalogue, areas, lexicon)
        self._cache: dict[str, Any] = {}

    def groups(self, document: Document) -> list[tuple[Paragraph, ...]]:
        """The prose paragraphs of ``document`` in groups of at most :data:`CHUNK_CHARS`
        characters (or one paragraph), each to be read as one Doc."""
        return group_paragraphs(p for p in document.iter_text() if p.text)

    def read(self, groups: Iterable[Sequence[Paragraph]]) -> Iterator[Chunk]:
        """Each group of paragraphs (see :meth:`groups`) read as one Doc, in order."""
        runs = [tuple(g) for g in groups]
        texts = [PARAGRAPH_BREAK.join(p.text for p in run) for run in runs]
        for group, doc in zip(runs, self.nlp.pipe(texts), strict=True):
            starts: list[int] = []
            at = 0
            for paragraph in group:
                starts.append(at)
                at += len(paragraph.text) + len(PARAGRAPH_BREAK)
            yield Chunk(doc, group, tuple(starts))

    def prepare(self, document: Document) -> None:
        """Fill the tokenizer's cache with the words of ``document`` (see
        :class:`~narrator.check.tokens.nlp.KeepText`), before the document is read in several
        processes that would each fill their own."""
        tokenizer = self.nlp.tokenizer
        if isinstance(tokenizer, KeepText):
            tokenizer.fill_cache(" ".join(p.text for p in document.iter_text()))

    def doc(self, text: str) -> Any:
        """One short text (a heading) through the pipeline; cached, as headings repeat."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self.nlp(text)
            if len(self._cache) < 4096:
                self._cache[text] = cached
        return cached


def build_reader(
    catalogue: Catalogue, areas: Areas, lexicon: Lexicon | Mapping[str, Any]
) -> Reader:
    """Build the reader from the project's catalogue, areas and lexicon (parsed or raw TOML).

    Loading spaCy takes a moment: build one reader and reuse it for every paper.
    """
    if not isinstance(lexicon, Lexicon):
        lexicon = parse_lexicon(lexicon)
    return Reader(catalogue, areas, lexicon)
