"""Realisation: messages to sentences through the phrasebank's templates.

Each message template holds its variants as blocks ``v1``, ``v2``...; the variant is chosen
from a hash of the facts the sentence states, so the same figures always give the same
sentence, and every variant of a template must assert the same thing (``phrases lint``).
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from jinja2.sandbox import SandboxedEnvironment

from narrator.draft.document import Sentence
from narrator.draft.plan import Message
from narrator.errors import TemplateError
from narrator.language.lexicon import Lexicon
from narrator.phrasing.environment import make_environment, template_error, tidy
from narrator.phrasing.sandbox import join_limited, render_limits


def make_realiser_env(phrasebank: Path, lexicon: Lexicon) -> SandboxedEnvironment:
    """The sandboxed environment with narrator's filters, the lexicon and value formatting."""
    env = make_environment(phrasebank, lexicon=lexicon)
    # Message templates wrap sentences over lines: keep the line break after a tag as a
    # space (tidy() collapses runs), or "decreased{% endif %}\nin" would glue the words.
    env.trim_blocks = False
    # Compiling two dozen templates is a third of a draft's run; Jinja's own bytecode cache
    # keeps the compiled code between runs (keyed by template source, so edits recompile).
    cache = _bytecode_cache()
    if cache is not None:
        env.bytecode_cache = cache
    return env


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "narrator" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only home: compile every time, as without a cache
    return FileSystemBytecodeCache(str(folder))


def variants(env: SandboxedEnvironment, name: str) -> list[str]:
    """The variant block names of a template, in order ("v1", "v2"...)."""
    try:
        template = env.get_template(name)
    except Exception as exc:
        raise template_error(env, f"phrasebank/{name}", exc) from exc
    found = sorted(
        (b for b in template.blocks if b.startswith("v") and b[1:].isdigit()),
        key=lambda b: int(b[1:]),
    )
    if not found:
        raise TemplateError(f"phrasebank/{name}: no variant blocks (expected {{% block v1 %}})")
    return found


def render_block(
    env: SandboxedEnvironment, name: str, block: str, values: Mapping[str, Any]
) -> str:
    """Render one variant block of a template; errors name the file and line."""
    try:
        with render_limits(env, values):
            template = env.get_template(name)
            context = template.new_context(dict(values))
            # Run the template body once so its top-level imports and sets reach the blocks.
            join_limited(env, template.root_render_func(context))
            text = join_limited(env, template.blocks[block](context))
    except Exception as exc:
        raise template_error(env, f"phrasebank/{name}", exc) from exc
    # A message is one sentence (or a short run of them): no paragraph breaks inside.
    return tidy(" ".join(text.split()))


def choose_variant(names: list[str], key: str) -> str:
    """A deterministic variant for a key (the sentence's fact ids)."""
    return names[zlib.crc32(key.encode("utf-8")) % len(names)]


#: The word that opens a sentence reading against an earlier one of the paper.
RECONCILE = "however,"


def render_message(
    env: SandboxedEnvironment, message: Message, block: str, *, first: bool, again: bool = False
) -> str:
    """One message as a finished sentence, in the given variant block.

    ``first`` is whether the sentence is the first of its paragraph about its measure (the
    template names the measure in full); ``again`` whether an earlier sentence of the
    paragraph already quoted the figure of the message's ``subject`` (the 12 months, or the
    month), which the template then need not quote again. A message the planner marked
    ``contrast`` reads against an earlier sentence of the paper, and opens with the word
    that reconciles them.
    """
    values = dict(message.values) | {"first": first, "again": again}
    text = render_block(env, message.template, block, values)
    if message.contrast and text:
        text = f"{RECONCILE} {_lower_first(text, message)}"
    return finish(text)


def _lower_first(text: str, message: Message) -> str:
    """The sentence with its first word in lower case when that word is no proper name."""
    label = str(message.values.get("m", {}).get("label", ""))
    if label and text.startswith(label[:1].upper() + label[1:]):
        return label + text[len(label) :]
    return text


@dataclass
class Mentions:
    """What a paragraph has said so far, for the naming of its next sentence.

    A measure is named in full unless the sentence just before named it (a short form,
    "the rate", reads back only to the sentence before); a figure already quoted in the
    paragraph (the 12 months' total) need not be quoted again.
    """

    last: str | None = None
    quoted: set[str] = field(default_factory=set)

    def naming(self, message: Message) -> tuple[bool, bool]:
        """``first`` (name the measure in full) and ``again`` (its figure was quoted)."""
        measure_id = str(message.values["m"]["id"])
        key = _quoted_key(message)
        return measure_id != self.last, bool(key) and key in self.quoted

    def add(self, message: Message) -> None:
        """Remember a sentence just written."""
        self.last = str(message.values["m"]["id"])
        key = _quoted_key(message)
        if key:
            self.quoted.add(key)


def realise(env: SandboxedEnvironment, message: Message, mentions: Mentions) -> Sentence:
    """One sentence for a message, named and quoted as the paragraph so far allows."""
    names = variants(env, message.template)
    block = choose_variant(names, "|".join(message.fact_ids))
    first, again = mentions.naming(message)
    text = render_message(env, message, block, first=first, again=again)
    mentions.add(message)
    return Sentence(text=text, facts=message.fact_ids, template=message.template, variant=block)


def _quoted_key(message: Message) -> str:
    """The figure a message quotes (its measure and subject: the 12 months, or the month)."""
    subject = message.values.get("subject")
    return f"{message.values['m']['id']}@{subject}" if subject else ""


def finish(text: str) -> str:
    """Capitalise the first letter and end with a full stop."""
    text = text.strip()
    if not text:
        return text
    # A message of several sentences: each starts with a capital.
    text = re.sub(r"(^|[.!?] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    return text if text[-1] in ".!?" else text + "."
