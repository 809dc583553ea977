"""Another phrasing of a paragraph: the same messages, the next variant block of each.

Every variant of a template states the same facts (``narrator phrases lint`` holds the
phrasebank to that), so rephrasing never changes what a paragraph says. To render a variant
the paragraph's messages are planned again from the project's figures, exactly as
``narrator draft`` planned them; if they no longer match the draft's sentences (the figures
or the outline changed since), rephrasing is refused until the draft is written again.
"""

from __future__ import annotations

from collections.abc import Sequence

from jinja2.sandbox import SandboxedEnvironment

from narrator.draft.document import Draft, Paragraph
from narrator.draft.paper import plan_paper
from narrator.draft.plan import Message, Planning
from narrator.draft.realise import Mentions, make_realiser_env, render_message, variants
from narrator.draft.validate import load_checked_outline
from narrator.errors import ReviewError
from narrator.facts import FactSet
from narrator.language.lexicon import load_lexicon
from narrator.project import Project, project_phrasebank
from narrator.review.model import Variant, fingerprint

__all__ = ["Rephraser", "next_blocks", "plan_messages"]

_REDRAFT = "Write the draft again (narrator draft --month {month}), then review it."


def plan_messages(project: Project, facts: FactSet) -> dict[str, list[Message]]:
    """The messages of every generated paragraph, by number, as ``write_draft`` plans them."""
    outline = load_checked_outline(project)
    lexicon = load_lexicon(project_phrasebank(project))
    planning = Planning(facts=facts, project=project, lexicon=lexicon)
    plan = plan_paper(planning, outline)
    return {p.number: p.messages for p in plan.paragraphs() if p.spec.generated}


def next_blocks(options: Sequence[Sequence[str]], current: Sequence[str]) -> tuple[str, ...]:
    """Each sentence's next variant block, wrapping round; one-variant sentences stay."""
    chosen = []
    for names, block in zip(options, current, strict=True):
        at = list(names).index(block) if block in names else -1
        chosen.append(names[(at + 1) % len(names)])
    return tuple(chosen)


class Rephraser:
    """Renders other phrasings of a draft's paragraphs; plans them once, on first use."""

    def __init__(self, project: Project, draft: Draft) -> None:
        self.project = project
        self.draft = draft
        self._planned: dict[str, list[Message]] | None = None
        self._env: SandboxedEnvironment | None = None

    def _prepare(self) -> tuple[dict[str, list[Message]], SandboxedEnvironment]:
        if self._planned is None or self._env is None:
            from narrator.api import load_facts

            if self.project.name != self.draft.project:
                raise ReviewError(
                    f"the draft was written for {self.draft.project}, not {self.project.name}",
                    hint="Pass the draft's project with --project to choose other phrasings.",
                )
            facts = load_facts(self.project, self.draft.month).facts
            book = project_phrasebank(self.project)
            self._env = make_realiser_env(book, load_lexicon(book))
            self._planned = plan_messages(self.project, facts)
        return self._planned, self._env

    def messages(self, paragraph: Paragraph) -> list[Message]:
        """The paragraph's messages, checked to be the ones its sentences were written from."""
        planned, _ = self._prepare()
        messages = planned.get(paragraph.number, [])
        same = len(messages) == len(paragraph.sentences) and all(
            m.template == s.template and m.fact_ids == s.facts
            for m, s in zip(messages, paragraph.sentences, strict=False)
        )
        unchanged = same and all(
            fingerprint(f.as_dict()) == fingerprint(self.draft.facts.get(f.id))
            for m in messages
            for f in m.facts
        )
        if not unchanged:
            raise ReviewError(
                f"paragraph {paragraph.number} no longer matches the figures or the outline "
                "it was written from, so it cannot be rephrased",
                hint=_REDRAFT.format(month=self.draft.month),
            )
        return messages

    def options(self, paragraph: Paragraph) -> list[list[str]]:
        """The variant blocks of each sentence's template."""
        _, env = self._prepare()
        return [variants(env, s.template) for s in paragraph.sentences]

    def render(self, paragraph: Paragraph, blocks: Sequence[str]) -> str:
        """The paragraph with the given variant block for each sentence."""
        messages = self.messages(paragraph)
        _, env = self._prepare()
        mentions = Mentions()
        sentences = []
        for message, block in zip(messages, blocks, strict=True):
            first, again = mentions.naming(message)
            sentences.append(render_message(env, message, block, first=first, again=again))
            mentions.add(message)
        return " ".join(sentences)

    def next(self, paragraph: Paragraph, current: Variant | None) -> Variant | None:
        """The next phrasing of a paragraph; None when that is the draft's own again."""
        options = self.options(paragraph)
        if all(len(names) < 2 for names in options):
            raise ReviewError(f"paragraph {paragraph.number} has no other phrasing")
        generated = tuple(s.variant for s in paragraph.sentences)
        blocks = next_blocks(options, current.blocks if current else generated)
        if blocks == generated:
            return None
        return Variant(blocks, self.render(paragraph, blocks))
