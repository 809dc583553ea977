"""The paper's layout: front matter and the order of its sections, from the project.

A project names its paper in ``narrator.toml``: ``[paper] file = "paper.toml"``, or the keys
inline in the ``[paper]`` table; without either, a ``paper.toml`` beside ``narrator.toml`` is
used if present, else the paper is the draft alone. Every file is read through
:meth:`Project.path`, so nothing in a project can make the build read outside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as FilePath

from narrator.errors import ProjectError
from narrator.project import Project, read_toml
from narrator.schema.files import PaperFile, PaperSection, PartEntry
from narrator.schema.validate import Path, build, excerpt, header

#: The front matter fields, in the order a board paper prints them.
FRONT_FIELDS = (("to", "To"), ("from", "From"), ("date", "Date"))


@dataclass(frozen=True)
class PartSpec:
    """One top-level section of the paper: hand-written text, or a slice of the draft.

    ``number`` is set only when the paper keeps the draft's own numbering (no layout given).
    """

    title: str | None
    where: str
    text: str | None = None
    origin: str = ""
    draft: str | None = None
    number: int | None = None


@dataclass(frozen=True)
class PaperSpec:
    """What the project says about the paper around the draft."""

    title: str | None
    front: tuple[tuple[str, str], ...]
    parts: tuple[PartSpec, ...]
    charts: bool
    source: str

    @property
    def has_layout(self) -> bool:
        """False when the project gives no sections: the paper is the draft alone."""
        return bool(self.parts)


def load_paper_spec(project: Project, month: str) -> PaperSpec:
    """Read the project's paper layout for ``month`` (``YYYY-MM``), checking every key."""
    config = project.config or {}
    table = config.get("paper", {})
    source = str(project.root / "narrator.toml")
    inline = build(table, PaperSection, source, ("paper",))
    if inline.file is not None:
        path = _inside(project, inline.file, f"{source}: [paper] file")
        unexpected = sorted(set(table) - {"file"})
        if unexpected:
            raise ProjectError(
                f"{source}: [paper] names a file and also has keys {unexpected} "
                "(expected either file = ... or the keys inline)"
            )
        return _parse(build(read_toml(path), PaperFile, str(path)), str(path), (), project, month)
    if table:
        return _parse(inline, source, ("paper",), project, month)
    default = project.root / "paper.toml"
    if default.is_file():
        document = build(read_toml(default), PaperFile, str(default))
        return _parse(document, str(default), (), project, month)
    return PaperSpec(title=None, front=(), parts=(), charts=True, source=source)


def _parse(data: PaperFile, file: str, place: Path, project: Project, month: str) -> PaperSpec:
    values = {"to": data.to, "from": data.from_, "date": data.date}
    front = tuple((label, text) for key, label in FRONT_FIELDS if (text := values[key]) is not None)
    parts = tuple(
        _part(raw, f"{file}: {header((*place, 'sections', (index, raw.title)))}", project, month)
        for index, raw in enumerate(data.sections, start=1)
    )
    source = f"{file}: {header(place)}" if place else file
    return PaperSpec(title=data.title, front=front, parts=parts, charts=data.charts, source=source)


def _part(raw: PartEntry, where: str, project: Project, month: str) -> PartSpec:
    title = raw.title
    sources = [key for key in ("text", "include", "draft") if getattr(raw, key) is not None]
    if len(sources) != 1:
        raise ProjectError(
            f"{where} ({title!r}) needs exactly one of text, include or draft, "
            f"got {sources or 'none'}"
        )
    if raw.draft is not None:
        prefix = raw.draft.strip().rstrip(".")
        if not prefix.isdigit():
            raise ProjectError(
                f"{where}: draft = {excerpt(prefix)} is not a section number of the draft "
                '(expected a whole number such as "4")'
            )
        return PartSpec(title=title, where=where, draft=prefix)
    if raw.text is not None:
        return PartSpec(title=title, where=where, text=raw.text)
    include = str(raw.include).replace("{month}", month)
    path = _inside(project, include, f"{where}: include")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProjectError(f"{where}: include {include!r}: file not found ({path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectError(f"{where}: include {include!r} cannot be read: {exc}") from None
    return PartSpec(title=title, where=where, text=text, origin=include)


def _inside(project: Project, relative: str, where: str) -> FilePath:
    """A file of the project; a path that climbs out of it is refused, naming the key."""
    try:
        return project.path(relative)
    except ProjectError:
        raise ProjectError(
            f"{where} = {relative!r} points outside the project folder {project.root}",
            hint="Files of a paper must live inside its project folder.",
        ) from None
