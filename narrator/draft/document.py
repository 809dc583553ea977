"""The draft as data: numbered sections, paragraphs and sentences with their fact ids."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Sentence:
    """One sentence and the facts it states."""

    text: str
    facts: list[str]
    template: str = ""
    variant: str = ""


@dataclass
class Paragraph:
    """A numbered paragraph: generated sentences, or hand-written text."""

    number: str
    generated: bool
    sentences: list[Sentence] = field(default_factory=list)
    text: str = ""

    @property
    def body(self) -> str:
        """The paragraph's text as printed."""
        return " ".join(s.text for s in self.sentences) if self.generated else self.text


@dataclass
class Section:
    """A numbered section and its paragraphs."""

    number: str
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Draft:
    """A month's narrative."""

    project: str
    month: str
    title: str
    sections: list[Section] = field(default_factory=list)
    #: The facts the sentences cite, as they were when the draft was written (id -> fact),
    #: so that a later draft can tell which paragraphs' facts changed.
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: The area the paper is about when the project holds many (``--area``, ``--each``);
    #: None for the paper about the project's root area.
    area: str | None = None
    #: What the planner left out and why (a rule that found nothing, a paragraph or a
    #: section with nothing to say...): kind, where and message of each.
    notes: list[dict[str, str]] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph in paper order."""
        return [p for s in self.sections for p in s.paragraphs]

    def to_markdown(self) -> str:
        """Markdown with numbered headings and numbered paragraphs, as in a board paper."""
        lines = [f"# {self.title}", ""]
        for section in self.sections:
            lines += [f"## {section.number} {section.title}", ""]
            for paragraph in section.paragraphs:
                if paragraph.body:
                    lines += [f"{paragraph.number} {paragraph.body}", ""]
        return "\n".join(lines).rstrip() + "\n"

    def to_dict(self) -> dict[str, Any]:
        """The sidecar: every sentence with the ids of the facts it states."""
        data = {"format": "narrator-draft/1", **asdict(self)}
        if data["area"] is None:  # the usual paper: its sidecar reads as it always has
            del data["area"]
        return data

    def to_json(self) -> str:
        """The sidecar as stable, pretty JSON."""
        return json.dumps(self.to_dict(), indent=2, sort_keys=False, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Draft:
        """Read a sidecar back (raises ValueError, KeyError or TypeError when malformed)."""
        data = json.loads(text)
        if data.get("format") != "narrator-draft/1":
            raise ValueError("not a narrator draft sidecar")
        sections = [
            Section(
                number=s["number"],
                title=s["title"],
                paragraphs=[
                    Paragraph(
                        number=p["number"],
                        generated=p["generated"],
                        sentences=[Sentence(**x) for x in p["sentences"]],
                        text=p["text"],
                    )
                    for p in s["paragraphs"]
                ],
            )
            for s in data["sections"]
        ]
        return cls(
            project=data["project"],
            month=data["month"],
            title=data["title"],
            sections=sections,
            facts=dict(data.get("facts", {})),
            area=data.get("area"),
            notes=[dict(n) for n in data.get("notes", [])],
        )
