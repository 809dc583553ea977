"""The paper's layout: front matter and the order of its sections, from the project.

A project names its paper in ``narrator.toml``: ``[paper] file = "paper.toml"``, or the keys
inline in the ``[paper]`` table; without either, a ``paper.toml`` beside ``narrator.toml`` is
used if present, else the paper is the draft alone. Every file is read through
:meth:`Project.path`, so nothing in a project can make the build read outside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.errors import ProjectError
from narrator.project import Project, read_toml

#: The front matter fields, in the order a board paper prints them.
FRONT_FIELDS = (("to", "To"), ("from", "From"), ("date", "Date"))
_PAPER_KEYS = {"file", "title", "charts", "sections", *(key for key, _ in FRONT_FIELDS)}
_SECTION_KEYS = {"title", "text", "include", "draft"}


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
    if not isinstance(table, Mapping):
        raise ProjectError(f"{source}: [paper] is not a table")
    if "file" in table:
        path = _inside(project, str(table["file"]), f"{source}: [paper] file")
        unexpected = sorted(set(table) - {"file"})
        if unexpected:
            raise ProjectError(
                f"{source}: [paper] names a file and also has keys {unexpected} "
                "(expected either file = ... or the keys inline)"
            )
        return _parse(read_toml(path), str(path), project, month)
    if table:
        return _parse(table, f"{source}: [paper]", project, month)
    default = project.root / "paper.toml"
    if default.is_file():
        return _parse(read_toml(default), str(default), project, month)
    return PaperSpec(title=None, front=(), parts=(), charts=True, source=source)


def _parse(data: Mapping[str, Any], source: str, project: Project, month: str) -> PaperSpec:
    unknown = sorted(set(data) - _PAPER_KEYS - {"file"})
    if unknown:
        raise ProjectError(
            f"{source}: unknown keys {unknown} (expected some of {sorted(_PAPER_KEYS - {'file'})})"
        )
    front = []
    for key, label in FRONT_FIELDS:
        if key in data:
            front.append((label, _string(data[key], f"{source}: {key}")))
    title = _string(data["title"], f"{source}: title") if "title" in data else None
    charts = data.get("charts", True)
    if not isinstance(charts, bool):
        raise ProjectError(f"{source}: charts must be true or false, got {charts!r}")
    raw_sections = data.get("sections", [])
    if not isinstance(raw_sections, list):
        raise ProjectError(f"{source}: sections must be an array of tables ([[sections]])")
    parts = tuple(
        _part(raw, f"{source}: [[sections]] {index}", project, month)
        for index, raw in enumerate(raw_sections, start=1)
    )
    return PaperSpec(title=title, front=tuple(front), parts=parts, charts=charts, source=source)


def _part(raw: Any, where: str, project: Project, month: str) -> PartSpec:
    if not isinstance(raw, Mapping):
        raise ProjectError(f"{where} is not a table")
    unknown = sorted(set(raw) - _SECTION_KEYS)
    if unknown:
        raise ProjectError(
            f"{where} has unknown keys {unknown} (expected some of {sorted(_SECTION_KEYS)})"
        )
    if "title" not in raw:
        raise ProjectError(f"{where} has no title")
    title = _string(raw["title"], f"{where}: title")
    sources = [key for key in ("text", "include", "draft") if key in raw]
    if len(sources) != 1:
        raise ProjectError(
            f"{where} ({title!r}) needs exactly one of text, include or draft, "
            f"got {sources or 'none'}"
        )
    if "draft" in raw:
        prefix = _string(raw["draft"], f"{where}: draft").strip().rstrip(".")
        if not prefix.isdigit():
            raise ProjectError(
                f"{where}: draft = {prefix!r} is not a section number of the draft "
                '(expected a whole number such as "4")'
            )
        return PartSpec(title=title, where=where, draft=prefix)
    if "text" in raw:
        return PartSpec(title=title, where=where, text=_string(raw["text"], f"{where}: text"))
    include = _string(raw["include"], f"{where}: include").replace("{month}", month)
    path = _inside(project, include, f"{where}: include")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProjectError(f"{where}: include {include!r}: file not found ({path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectError(f"{where}: include {include!r} cannot be read: {exc}") from None
    return PartSpec(title=title, where=where, text=text, origin=include)


def _inside(project: Project, relative: str, where: str) -> Path:
    """A file of the project; a path that climbs out of it is refused, naming the key."""
    try:
        return project.path(relative)
    except ProjectError:
        raise ProjectError(
            f"{where} = {relative!r} points outside the project folder {project.root}",
            hint="Files of a paper must live inside its project folder.",
        ) from None


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ProjectError(f"{where} must be a string, got {value!r}")
    return value
