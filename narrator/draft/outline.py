"""The report outline: sections, paragraphs, and what each generated paragraph covers."""

from __future__ import annotations

from dataclasses import dataclass, field

from narrator.errors import OutlineError
from narrator.project import Project, read_toml
from narrator.schema.files import OutlineFile, ParagraphEntry
from narrator.schema.validate import Path, build, header, nearest


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


def load_outline(project: Project) -> Outline:
    """Read and check the project's outline against its catalogue and areas."""
    if project.outline is None:
        raise OutlineError(
            f"{project.root}: the project has no outline.toml "
            "(expected [[sections]] naming the paragraphs to write)"
        )
    path = project.outline
    document = build(read_toml(path), OutlineFile, str(path), error=OutlineError)
    sections = []
    for index, raw in enumerate(document.sections, start=1):
        place: Path = ("sections", (index, raw.number))
        paragraphs = tuple(
            _paragraph(p, f"{path}: {header((*place, 'paragraphs', (i, None)))}", project)
            for i, p in enumerate(raw.paragraphs, start=1)
        )
        sections.append(SectionSpec(raw.number, raw.title, paragraphs))
    if not sections:
        raise OutlineError(f"{path}: no [[sections]] (expected at least one)")
    return Outline(title=document.title or project.name, sections=tuple(sections), source=str(path))


def _paragraph(raw: ParagraphEntry, where: str, project: Project) -> ParagraphSpec:
    text = raw.text
    if raw.include is not None:
        if text is not None:
            raise OutlineError(f"{where} has both text and include (expected one of them)")
        path = project.path(raw.include)
        try:
            text = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise OutlineError(f"{where}: cannot read {raw.include!r}: {exc}") from None
    if text is None and not raw.measures:
        raise OutlineError(f"{where} has neither text nor measures")
    named = (*raw.measures, *([raw.compare_with] if raw.compare_with is not None else []))
    for measure in named:
        if measure not in project.catalogue:
            raise OutlineError(
                f"{where} names the measure {measure!r}, which is not in the catalogue"
                + nearest(measure, project.catalogue.measures, listing=False)
            )
    if raw.area is not None and raw.area not in project.areas:
        raise OutlineError(
            f"{where} names the area {raw.area!r}, which is not in the project"
            + nearest(raw.area, project.areas.areas, listing=False)
        )
    return ParagraphSpec(
        measures=raw.measures,
        say=raw.say,
        area=raw.area,
        compare_with=raw.compare_with,
        text=text,
        repeat=raw.repeat,
        max_sentences=raw.max_sentences,
    )
