"""The draft as data: numbered sections, paragraphs and sentences with their fact ids."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from narrator import months


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
        """Read a sidecar back; raises ValueError (or KeyError, TypeError) when malformed.

        Every field is checked for its type, so a damaged or foreign file is one clear
        error: a list instead of an object, a month that is not one, JSON nested too deep.
        """
        data = _object(load_json(text), "the sidecar")
        if data.get("format") != "narrator-draft/1":
            raise ValueError("not a narrator draft sidecar")
        month = _text(data, "month")
        if not months.is_month(month):
            raise ValueError(f"month {month[:20]!r} is not a month (expected YYYY-MM)")
        sections = [
            Section(
                number=_text(s, "number"),
                title=_text(s, "title"),
                paragraphs=[_paragraph(_object(p, "a paragraph")) for p in _list(s, "paragraphs")],
            )
            for s in (_object(x, "a section") for x in _list(data, "sections"))
        ]
        if not sections:
            raise ValueError("it has no sections (a draft always has its outline's sections)")
        facts = _object(data.get("facts", {}), "facts")
        return cls(
            project=_text(data, "project"),
            month=month,
            title=_text(data, "title"),
            sections=sections,
            facts={str(k): dict(_object(v, f"fact {k}")) for k, v in facts.items()},
            area=_optional_text(data, "area"),
            notes=[
                _note(_object(n, "a note"))
                for n in (_list(data, "notes") if "notes" in data else [])
            ],
        )


def load_json(text: str) -> Any:
    """``json.loads`` whose every failure is a ValueError (nesting too deep included)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("the JSON is nested too deeply") from None


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{what} is {_kind(value)}, expected an object")
    return value


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data[key]
    if not isinstance(value, list):
        raise ValueError(f"{key} is {_kind(value)}, expected a list")
    return value


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise ValueError(f"{key} is {_kind(value)}, expected a string")
    return value


def _optional_text(data: dict[str, Any], key: str) -> str | None:
    return None if data.get(key) is None else _text(data, key)


def _note(data: dict[str, Any]) -> dict[str, str]:
    """A note of the planner (kind, where, message), every value text."""
    return {key: _text(data, key) for key in ("kind", "where", "message")}


def _kind(value: Any) -> str:
    names: dict[type, str] = {dict: "an object", list: "a list", str: "a string"}
    return names.get(type(value), type(value).__name__)


def _paragraph(data: dict[str, Any]) -> Paragraph:
    generated = data["generated"]
    if not isinstance(generated, bool):
        raise ValueError(f"generated is {_kind(generated)}, expected true or false")
    sentences = []
    for raw in _list(data, "sentences"):
        item = _object(raw, "a sentence")
        ids = _list(item, "facts")
        if not all(isinstance(i, str) for i in ids):
            raise ValueError("a sentence's facts must be a list of fact ids")
        sentences.append(
            Sentence(
                text=_text(item, "text"),
                facts=list(ids),
                template=str(item.get("template", "")),
                variant=str(item.get("variant", "")),
            )
        )
    return Paragraph(
        number=_text(data, "number"),
        generated=generated,
        sentences=sentences,
        text=_text(data, "text"),
    )
