"""A project: the folder with ``narrator.toml`` naming the figures, catalogue, areas and outline."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.areas import Areas, parse_areas_file
from narrator.catalogue import Catalogue, parse_catalogue
from narrator.errors import ProjectError
from narrator.resources import phrasebank_dir, sample_dir
from narrator.schema.files import ProjectFile
from narrator.schema.validate import build, fail
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
    #: The project's whole hierarchy when ``areas`` is one area's part of it (a paper about
    #: that area, see :meth:`for_area`); None when ``areas`` is the whole.
    whole_areas: Areas | None = None

    @property
    def all_areas(self) -> Areas:
        """Every area of the project: the hierarchy its figures are checked against."""
        return self.whole_areas or self.areas

    @property
    def subject(self) -> str | None:
        """The area a paper of this project is about, when it is one area of many."""
        return None if self.whole_areas is None else self.areas.root.name

    def for_area(self, name: str) -> Project:
        """The project as the paper about one of its areas sees it.

        ``areas`` becomes the part of the hierarchy under ``name`` (``name`` its root, so
        the outline speaks of it and its children); the figures and facts stay the whole
        project's (:attr:`all_areas`). Raises ``KeyError`` for an unknown area.
        """
        whole = self.all_areas
        return dataclasses.replace(self, areas=whole.subtree(name), whole_areas=whole)

    def draft_path(self, month: str) -> Path:
        """Where ``narrator draft`` writes a month's draft by default, and where the other
        commands look for it: ``draft-MONTH.md`` in the project folder.

        The bundled sample's folder lies inside the installed package, so its drafts go to
        the working directory instead.
        """
        return (Path.cwd() if self.is_sample else self.root) / f"draft-{month}.md"

    def output_dir(self, name: str) -> Path:
        """A default output folder (``build``...): in the project folder, or for the
        bundled sample in the working directory."""
        return (Path.cwd() if self.is_sample else self.root) / name

    def path(self, relative: str) -> Path:
        """A path inside the project; refuses paths that climb out of it."""
        return _inside(self.root, relative, str(self.root / PROJECT_FILE))


def project_phrasebank(project: Project) -> Path:
    """The project's own phrasebank folder if it has one, else the one narrator ships: the
    writer words a draft with it and the checker reads a paper with its lexicon."""
    own = project.root / "phrasebank"
    return own if (own / "lexicon.toml").is_file() else phrasebank_dir()


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
    except RecursionError:
        raise ProjectError(f"{path}: not valid TOML: nested too deeply") from None


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
    spec = build(config, ProjectFile, source)
    _figures_keys_fit_the_source(config, spec, source)
    cat_path = _input(root, spec.catalogue.file)
    catalogue = parse_catalogue(read_toml(cat_path), str(cat_path))
    areas_path = _input(root, spec.areas.file)
    areas = parse_areas_file(read_toml(areas_path), str(areas_path))
    named = spec.figures.files if spec.figures.files is not None else spec.figures.file
    paths = (named,) if isinstance(named, str) else named
    outline = _input(root, spec.outline.file) if spec.outline.file else None
    if outline is None and (root / "outline.toml").is_file():
        outline = root / "outline.toml"
    return Project(
        root=root,
        name=spec.project.name or root.name,
        catalogue=catalogue,
        areas=areas,
        figures=tuple(_input(root, p) for p in paths),
        settings=spec.benchmarks,
        outline=outline,
        config=config,
        is_sample=is_sample,
    )


def _figures_keys_fit_the_source(config: Mapping[str, Any], spec: ProjectFile, source: str) -> None:
    """Keys of a police.uk source under a tidy table would be ignored silently: refuse them."""
    if spec.figures.source == "police-uk":
        return
    for name in ("paths", "areas", "min_share", "min_density", "min_coverage"):
        if name in config.get("figures", {}):
            fail(source, ("figures", name), 'is read only with source = "police-uk"')


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
