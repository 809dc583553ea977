"""The reader's spaCy pipeline: a blank English pipeline whose components are built from
project data (see :mod:`narrator.check.tokens.components`), with a tokenizer that keeps the
text it was given.

spaCy is imported here and only when a reader is built: commands that do not read text
never pay for it.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.areas import Areas
from narrator.catalogue import Catalogue
from narrator.check.tokens.components import register_components, term_patterns
from narrator.check.tokens.lexicon import reader_phrases
from narrator.language.lexicon import Lexicon


def build_nlp(catalogue: Catalogue, areas: Areas, lexicon: Lexicon) -> Any:
    """The pipeline of a project: sentences, names, marks and lexicon phrases."""
    import spacy
    from spacy.language import Language

    register_components(Language)
    nlp = spacy.blank("en")
    nlp.tokenizer = KeepText(nlp.tokenizer)
    nlp.add_pipe("narrator_sentences")
    terms: Any = nlp.add_pipe("narrator_terms")
    terms.add_patterns(term_patterns(catalogue, areas))
    nlp.add_pipe("narrator_marks")
    lex: Any = nlp.add_pipe("narrator_lexicon")
    lex.add_phrases(reader_phrases(lexicon))
    return nlp


#: Pieces of text (between spaces) the tokenizer keeps the tokens of.
TOKEN_CACHE = 100_000
#: A word, perhaps with a comma: no special case of the tokenizer can apply inside it
#: unless the word itself is one ("cannot").
_PLAIN_SPAN = re.compile(r"([A-Za-z]+),?")


class KeepText:
    """The blank tokenizer, keeping the text it was given: ``Doc.text`` is rebuilt from the
    tokens on every access, which costs more than tokenizing.

    It also fills the tokenizer's cache before each text. spaCy caches the tokens of each
    piece of text between spaces, but stops caching for the rest of a text once a special
    case ("i.e.") has applied in it, so that the rest of a long text is split by the affix
    regular expressions piece by piece (the long paper of bench/check_speed.py: 0.25 s
    instead of 0.04 s). Each new piece is tokenized once on its own first (plain words
    together, in one call), which caches exactly what spaCy would have cached had no
    special case come before it; the tokens are the same.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        tokenizer.max_cache_size = max(tokenizer.max_cache_size, TOKEN_CACHE)
        self._specials = frozenset(tokenizer.rules)
        self._seen: set[str] = set()

    def __call__(self, text: str) -> Any:
        self.fill_cache(text)
        doc = self.tokenizer(text)
        doc.user_data["narrator_text"] = text
        return doc

    def fill_cache(self, text: str) -> None:
        """Tokenize each piece of ``text`` not seen before on its own, to cache its tokens."""
        new = set(text.split())
        new -= self._seen
        if not new or len(self._seen) + len(new) > TOKEN_CACHE:
            return  # a full cache keeps no more
        self._seen |= new
        plain = []
        for piece in new:
            match = _PLAIN_SPAN.fullmatch(piece)
            if match and match.group(1) not in self._specials:
                plain.append(piece)
            else:
                # Alone, so that a special case in it stops the caching of nothing else.
                self.tokenizer(piece)
        if plain:
            self.tokenizer(" ".join(plain))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)
