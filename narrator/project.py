"""A project: the folder with ``narrator.toml`` naming the figures, catalogue, areas and outline."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.areas import Areas, parse_areas
from narrator.catalogue import Catalogue, parse_catalogue
from narrator.errors import ProjectError
from narrator.resources import sample_dir
from narrator.settings import Settings

PROJECT_FILE = "narrator.toml"


@dataclass(frozen=True)
class Project:
    """Everything a command needs to know about a project, read and checked once."""

    root: Path
    name: str
    catalogue: Catalogue
    areas: Areas
    figures: tuple[Path, ...]
    settings: Settings
    outline: Path | None = None
    config: Mapping[str, Any] | None = None
    is_sample: bool = False

    def path(self, relative: str) -> Path:
        """A path inside the project; refuses paths that climb out of it."""
        return _inside(self.root, relative, str(self.root / PROJECT_FILE))


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file, turning every failure into one clear :class:`ProjectError`."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ProjectError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProjectError(f"{path}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectError(f"{path}: cannot be read: {exc}") from None


def find_project(start: Path | None) -> tuple[Path, bool]:
    """The project folder to use and whether it is the bundled sample.

    An explicit folder wins; else ``narrator.toml`` in the working directory; else the sample.
    """
    if start is not None:
        if not start.exists():
            raise ProjectError(
                f"{start}: no such folder (expected a project folder with {PROJECT_FILE}; "
                "`narrator init DIR` makes one)"
            )
        folder = start if start.is_dir() else start.parent
        if not (folder / PROJECT_FILE).is_file():
            raise ProjectError(
                f"{folder}: no {PROJECT_FILE} here (expected a project folder; "
                "`narrator init DIR` makes one)"
            )
        return folder, False
    if (Path.cwd() / PROJECT_FILE).is_file():
        return Path.cwd(), False
    return sample_dir(), True


def load_project(start: Path | None = None) -> Project:
    """Load and check a project's configuration (not yet its figures)."""
    root, is_sample = find_project(start)
    config_path = root / PROJECT_FILE
    config = read_toml(config_path)
    source = str(config_path)
    meta = _table(config, "project", source)
    name = str(meta.get("name", root.name))

    def section_file(key: str, default: str) -> Path:
        rel = _table(config, key, source).get("file", default)
        if not isinstance(rel, str):
            raise ProjectError(f"{source}: [{key}] file must be a path in quotes, got {rel!r}")
        return _input(root, rel)

    cat_path = section_file("catalogue", "catalogue.toml")
    catalogue = parse_catalogue(read_toml(cat_path), str(cat_path))
    areas_path = section_file("areas", "areas.toml")
    areas_doc = read_toml(areas_path)
    areas = parse_areas(areas_doc.get("areas", []), str(areas_path))

    figures_cfg = _table(config, "figures", source)
    key = "files" if "files" in figures_cfg else "file"
    paths = figures_cfg.get(key, "figures.csv")
    if isinstance(paths, str):
        paths = [paths]
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise ProjectError(
            f"{source}: [figures] {key} must be a path in quotes or a list of them, got {paths!r}"
        )
    figures = tuple(_input(root, p) for p in paths)

    settings = Settings().with_overrides(_table(config, "benchmarks", source), source)
    outline = section_file("outline", "") if _table(config, "outline", source).get("file") else None
    if outline is None and (root / "outline.toml").is_file():
        outline = root / "outline.toml"
    return Project(
        root=root,
        name=name,
        catalogue=catalogue,
        areas=areas,
        figures=figures,
        settings=settings,
        outline=outline,
        config=config,
        is_sample=is_sample,
    )


def _table(config: Mapping[str, Any], key: str, source: str) -> Mapping[str, Any]:
    """The ``[key]`` table of a TOML document ({} when absent); anything else is an error."""
    table = config.get(key, {})
    if not isinstance(table, Mapping):
        raise ProjectError(
            f"{source}: {key} must be a table ([{key}] on a line of its own, then its keys), "
            f"got {table!r}"
        )
    return table


def _input(root: Path, named: str) -> Path:
    """An input file the project names: relative to the project folder, or anywhere.

    Figures often live on a shared drive or in a warehouse extract, so inputs are not
    confined to the project (outputs are); ``~`` is the user's home, and a symlink is
    followed to the file it names.
    """
    return (root / Path(named).expanduser()).resolve()


def _inside(root: Path, relative: str, source: str) -> Path:
    resolved = (root / relative).resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise ProjectError(f"{source}: {relative!r} points outside the project folder")
    return resolved
