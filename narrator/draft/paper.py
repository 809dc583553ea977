"""Planning a whole paper: every paragraph's messages, in order, and what was left out.

Nothing is left out silently: a rule that found nothing to say, a sentence dropped because
the paper already said its facts (or said them the other way), a paragraph over its
``max_sentences``, a measure the planner found no room for, a paragraph or a section left
with nothing to say: each is a :class:`Note`, which the draft keeps in its sidecar and
``narrator draft`` prints after its summary line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from narrator.draft.claims import Claims
from narrator.draft.classes import accepted
from narrator.draft.outline import Outline, ParagraphSpec
from narrator.draft.plan import AUTO, Message, Planning, is_auto
from narrator.draft.registry import RULES, RuleSpec
from narrator.draft.select import candidates, choose

#: Kinds of note, and how the summary line counts them (one, many).
NOTE_KINDS: Mapping[str, tuple[str, str]] = {
    "nothing_to_say": ("rule found nothing to say", "rules found nothing to say"),
    "already_said": ("sentence left out as already said", "sentences left out as already said"),
    "reads_against": (
        "sentence left out as reading against an earlier one",
        "sentences left out as reading against an earlier one",
    ),
    "over_limit": ("sentence over max_sentences", "sentences over max_sentences"),
    "measure_left_out": ("measure left out", "measures left out"),
    "paragraph_left_out": ("paragraph left out", "paragraphs left out"),
    "section_left_out": ("section left out", "sections left out"),
}


def tally(notes: list[dict[str, str]]) -> str:
    """The notes counted by kind, in words: "2 rules found nothing to say, 1 paragraph left out"."""
    counts: dict[str, int] = {}
    for note in notes:
        counts[note["kind"]] = counts.get(note["kind"], 0) + 1
    words = []
    for kind, n in counts.items():
        one, many = NOTE_KINDS.get(kind, (kind, kind))
        words.append(f"{n} {one if n == 1 else many}")
    return ", ".join(words)


@dataclass(frozen=True)
class Note:
    """Something the planner left out, and where."""

    kind: str
    where: str
    message: str

    def as_dict(self) -> dict[str, str]:
        """The note as the sidecar keeps it."""
        return {"kind": self.kind, "where": self.where, "message": self.message}

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class PlannedParagraph:
    """One paragraph of the paper: hand-written text, or the messages of its sentences."""

    number: str
    spec: ParagraphSpec
    messages: list[Message] = field(default_factory=list)


@dataclass
class PlannedSection:
    """A section of the paper with the paragraphs that have something to say."""

    number: str
    title: str
    paragraphs: list[PlannedParagraph] = field(default_factory=list)


@dataclass
class Plan:
    """The planned paper and its notes."""

    sections: list[PlannedSection]
    notes: list[Note]

    def paragraphs(self) -> list[PlannedParagraph]:
        """Every planned paragraph, in paper order."""
        return [p for s in self.sections for p in s.paragraphs]


def plan_paper(planning: Planning, outline: Outline, rules: Mapping[str, RuleSpec] = RULES) -> Plan:
    """Plan every paragraph of the outline, in order, keeping what the paper has said."""
    claims = Claims()
    notes: list[Note] = []
    sections = []
    for section in outline.sections:
        planned = PlannedSection(section.number, section.title)
        for index, spec in enumerate(section.paragraphs, start=1):
            number = f"{section.number}.{len(planned.paragraphs) + 1}"
            if not spec.generated:
                planned.paragraphs.append(PlannedParagraph(number, spec))
                continue
            where = f"section {section.number}, paragraph {index} ({', '.join(spec.measures)})"
            local: list[Note] = []
            messages = _paragraph(planning, spec, rules, claims, local)
            for note in local:
                # A printed paragraph is named by its number; one left out by the outline's.
                notes.append(Note(note.kind, number if messages else where, note.message))
            if not messages:
                notes.append(Note("paragraph_left_out", where, "nothing to say this month"))
                continue
            planned.paragraphs.append(PlannedParagraph(number, spec, messages))
        if not planned.paragraphs:
            title = f"section {section.number} ({section.title})"
            notes.append(
                Note("section_left_out", title, "none of its paragraphs had anything to say")
            )
            continue
        sections.append(planned)
    return Plan(sections, notes)


def _paragraph(
    planning: Planning,
    spec: ParagraphSpec,
    rules: Mapping[str, RuleSpec],
    claims: Claims,
    notes: list[Note],
) -> list[Message]:
    """The messages of one generated paragraph, with the paper's readings updated."""
    area = spec.area or planning.project.areas.root.name
    messages = _explicit(planning, spec, rules, area, notes)
    if is_auto(spec):
        limit = max(0, spec.max_sentences - len(messages))
        said = planning.said | {i for m in messages for i in m.fact_ids}
        found = candidates(planning, spec, rules, area)
        chosen = choose(found, replace(spec, max_sentences=limit), said, claims, area)
        messages += chosen.messages
        notes.extend(
            Note("measure_left_out", "", f"nothing was said of {m}") for m in chosen.left_out
        )
    kept = []
    for message in messages:
        clashes = claims.clashes(message)
        if clashes:
            notes.append(
                Note(
                    "reads_against",
                    "",
                    f"'{message.rule}' left out: it reads {clashes[0]} otherwise than an "
                    "earlier sentence",
                )
            )
            continue
        message.contrast = claims.reads_against(message)
        claims.add(message)
        kept.append(message)
    for message in kept:
        planning.said.update(message.fact_ids)
    return kept


def _explicit(
    planning: Planning,
    spec: ParagraphSpec,
    rules: Mapping[str, RuleSpec],
    area: str,
    notes: list[Note],
) -> list[Message]:
    """The messages of the rules the outline names, most salient kept."""
    messages: list[Message] = []
    for entry in spec.say:
        if entry == AUTO:
            continue
        name, _, only = entry.partition(":")
        rule = rules[name]
        chosen = [only] if only else list(spec.measures)
        targets = [m for m in chosen if accepted(rule.accepts, _class(planning, m))]
        if rule.multi:
            targets = targets[:1]
        for measure_id in targets:
            produced = list(rule.run(planning, planning.measure(measure_id), area, spec))
            if not produced:
                notes.append(
                    Note("nothing_to_say", "", f"'{name}' found nothing to say of {measure_id}")
                )
            for message in produced:
                message.rule = name
                if not spec.repeat and all(f.id in planning.said for f in message.facts):
                    notes.append(
                        Note(
                            "already_said",
                            "",
                            f"'{name}' left out: the paper already said all it says of "
                            f"{measure_id} (repeat = true says it again)",
                        )
                    )
                    continue
                messages.append(message)
    if len(messages) > spec.max_sentences:
        keep = sorted(messages, key=lambda m: -m.salience)[: spec.max_sentences]
        for message in messages:
            if not any(message is k for k in keep):
                notes.append(
                    Note(
                        "over_limit",
                        "",
                        f"'{message.rule}' left out: over max_sentences = {spec.max_sentences}",
                    )
                )
        messages = [m for m in messages if any(m is k for k in keep)]
    return messages


def _class(planning: Planning, measure_id: str) -> str:
    return planning.measure_class(planning.measure(measure_id))
