"""The report outline: sections, paragraphs, and what each generated paragraph covers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from narrator.errors import OutlineError
from narrator.project import Project, read_toml


@dataclass(frozen=True)
class ParagraphSpec:
    """One paragraph: hand-written text, or the measures and messages to generate."""

    measures: tuple[str, ...] = ()
    say: tuple[str, ...] = ()
    area: str | None = None
    compare_with: str | None = None
    text: str | None = None
    repeat: bool = False
    max_sentences: int = 4

    @property
    def generated(self) -> bool:
        """True when narrator writes this paragraph from the facts."""
        return self.text is None


@dataclass(frozen=True)
class SectionSpec:
    """A numbered section ("4.1 Strategic measures") and its paragraphs."""

    number: str
    title: str
    paragraphs: tuple[ParagraphSpec, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Outline:
    """The ordered sections of the generated part of a paper."""

    title: str
    sections: tuple[SectionSpec, ...]
    source: str


_PARA_KEYS = {
    "measures",
    "say",
    "area",
    "compare_with",
    "text",
    "include",
    "repeat",
    "max_sentences",
}


def load_outline(project: Project) -> Outline:
    """Read and check the project's outline against its catalogue and areas."""
    if project.outline is None:
        raise OutlineError(
            f"{project.root}: the project has no outline.toml "
            "(expected [[sections]] naming the paragraphs to write)"
        )
    path = project.outline
    data = read_toml(path)
    sections = []
    for index, raw in enumerate(data.get("sections", []), start=1):
        where = f"{path}: section {index}"
        if not isinstance(raw, Mapping) or "number" not in raw or "title" not in raw:
            raise OutlineError(f"{where} needs a number and a title")
        paragraphs = tuple(
            _paragraph(p, f"{where} ({raw['number']}), paragraph {i}", project, path.parent)
            for i, p in enumerate(raw.get("paragraphs", []), start=1)
        )
        sections.append(SectionSpec(str(raw["number"]), str(raw["title"]), paragraphs))
    if not sections:
        raise OutlineError(f"{path}: no [[sections]] (expected at least one)")
    return Outline(
        title=str(data.get("title", project.name)), sections=tuple(sections), source=str(path)
    )


def _paragraph(raw: Any, where: str, project: Project, base: Path) -> ParagraphSpec:
    if not isinstance(raw, Mapping):
        raise OutlineError(f"{where} is not a table")
    unknown = set(raw) - _PARA_KEYS
    if unknown:
        raise OutlineError(
            f"{where} has unknown keys {sorted(unknown)} (expected some of {sorted(_PARA_KEYS)})"
        )
    text = raw.get("text")
    if "include" in raw:
        path = project.path(str(raw["include"]))
        try:
            text = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise OutlineError(f"{where}: cannot read {raw['include']!r}: {exc}") from None
    measures = tuple(str(m) for m in raw.get("measures", ()))
    if text is None and not measures:
        raise OutlineError(f"{where} has neither text nor measures")
    for measure in (*measures, *([raw["compare_with"]] if "compare_with" in raw else [])):
        if measure not in project.catalogue:
            raise OutlineError(
                f"{where} names the measure {measure!r}, which is not in the catalogue"
            )
    area = raw.get("area")
    if area is not None and area not in project.areas:
        raise OutlineError(f"{where} names the area {area!r}, which is not in the project")
    return ParagraphSpec(
        measures=measures,
        say=tuple(str(s) for s in raw.get("say", ())),
        area=area,
        compare_with=raw.get("compare_with"),
        text=text,
        repeat=bool(raw.get("repeat", False)),
        max_sentences=int(raw.get("max_sentences", 4)),
    )
