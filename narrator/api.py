"""The Python API: what the command line does, importable by a report build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from narrator import months
from narrator._callable import make_callable
from narrator.draft import write_draft
from narrator.draft.document import Draft
from narrator.errors import DocumentError, Problem
from narrator.facts import FactSet, compute_facts
from narrator.figures import Figures
from narrator.fileset import settle, write_unit
from narrator.lock import folder_lock
from narrator.per_area import AreaResult, AreaTask, slug
from narrator.project import Project, load_project
from narrator.sources import load_project_figures


@dataclass(frozen=True)
class FactsResult:
    """The facts of a month and any warnings about the figures behind them."""

    figures: Figures
    facts: FactSet
    warnings: list[Problem]


def load(project: Project | Path | str | None = None) -> tuple[Project, Figures]:
    """Load a project and its validated figures."""
    loaded = (
        project
        if isinstance(project, Project)
        else load_project(Path(project) if project is not None else None)
    )
    return loaded, load_project_figures(loaded)


def load_facts(project: Project | Path | str | None, month: str) -> FactsResult:
    """Load a project's figures and compute the facts of ``month`` (``YYYY-MM``)."""
    loaded, figures = load(project)
    facts = compute_facts(figures, months.parse(month), loaded.settings)
    return FactsResult(figures=figures, facts=facts, warnings=list(figures.warnings))


@dataclass(frozen=True)
class DraftResult:
    """A month's draft with the facts it was written from."""

    draft: Draft
    facts: FactSet
    warnings: list[Problem]


def draft(
    project: Project | Path | str | None, month: str, *, area: str | None = None
) -> DraftResult:
    """Compute the facts of ``month`` and write the outline's narrative from them.

    With ``area`` (a name of the project's areas), the paper about that area: the outline
    applied with it as the subject (see :meth:`Project.for_area`), from the facts of all.
    """
    loaded, figures = load(project)
    facts = compute_facts(figures, months.parse(month), loaded.settings)
    paper = write_draft(loaded if area is None else loaded.for_area(area), facts)
    return DraftResult(paper, facts, list(figures.warnings))


def area_draft_path(folder: Path, month: str, area: str) -> Path:
    """Where the draft of one area of many goes: ``draft-MONTH-<area slug>.md``."""
    return folder / f"draft-{month}-{slug(area)}.md"


def draft_task(project: Project, facts: FactSet, folder: Path, *, force: bool) -> AreaTask:
    """A task writing one area's draft and sidecar into ``folder`` (for :func:`run_each`):
    the same draft as :func:`draft` with that ``area``, written by :func:`save_draft`."""

    def task(area: str) -> AreaResult:
        paper = write_draft(project.for_area(area), facts)
        written = save_draft(paper, area_draft_path(folder, facts.month, area), force=force)
        count = sum(len(p.sentences) for p in paper.paragraphs())
        return AreaResult(area, written, f"{count} sentences")

    return task


# ``narrator.draft(project, month)`` is this function: the draft package is made callable
# here, beside the function, so that the package need not import this module back.
make_callable("narrator.draft", draft)


def sidecar_path(markdown: Path) -> Path:
    """Where a draft's JSON sidecar lives: beside it, same name, ``.json``."""
    return markdown.with_suffix(".json")


def save_draft(result: Draft, path: Path, *, force: bool = False) -> tuple[Path, Path]:
    """Write a draft and its sidecar as one unit; refuse to overwrite what narrator did not write.

    Both files appear together or neither does (:func:`narrator.fileset.write_unit`), under
    the folder's lock. Refused, whatever ``force`` says: a path that is a folder or a binary
    file, a name whose sidecar would be the draft itself (``x.json``) or another draft's
    review state (``d.review.md``), and a sidecar path holding a file that is not a narrator
    sidecar (an unrelated ``notes.json``). A draft whose Markdown no longer matches its
    sidecar was edited by hand: overwriting it would lose an editor's work, so that takes
    ``force``.
    """
    path = Path(path)
    sidecar = sidecar_path(path)
    _refuse_unsafe_names(path, sidecar)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with folder_lock(folder):
            settle(folder, locked=True)
            _refuse_foreign(path, sidecar, force=force)
            write_unit(
                folder,
                {
                    sidecar.name: result.to_json().encode("utf-8"),
                    path.name: result.to_markdown().encode("utf-8"),
                },
            )
    except OSError as exc:
        raise DocumentError(
            f"{path}: cannot write the draft: {exc.strerror or exc} (nothing was written)"
        ) from None
    return path, sidecar


def _refuse_unsafe_names(path: Path, sidecar: Path) -> None:
    if sidecar == path:
        raise DocumentError(
            f"{path}: a draft cannot be named .json: its sidecar would be the draft itself",
            hint="Name the draft .md (its sidecar is written beside it as .json).",
        )
    if path.name.endswith(".review.md"):
        raise DocumentError(
            f"{path}: its sidecar {sidecar.name} would be where the review state of "
            f"{path.name.removesuffix('.review.md')}.md is kept",
            hint="Choose a name that does not end in .review.md.",
        )
    if path.is_dir():
        raise DocumentError(f"{path}: is a folder (expected --out to name the draft's .md file)")


def _refuse_foreign(path: Path, sidecar: Path, *, force: bool) -> None:
    """Refuse a sidecar path holding another file, and a draft path holding a non-draft."""
    if sidecar.is_dir():
        raise DocumentError(f"{sidecar}: is a folder, where the draft's sidecar would go")
    previous: Draft | None = None
    if sidecar.exists():
        try:
            previous = Draft.from_json(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
            raise DocumentError(
                f"{sidecar}: exists and is not a draft sidecar narrator wrote; writing the "
                f"draft {path.name} would replace it",
                hint="Move that file away, or choose another --out.",
            ) from None
    if not path.exists():
        return
    try:
        current = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        current = None
    if current is None or "\x00" in current:
        raise DocumentError(
            f"{path}: exists and is not a text file narrator wrote (binary or unreadable)",
            hint="Choose another --out; narrator does not overwrite it.",
        )
    if force:
        return
    if previous is None or previous.to_markdown() != current:
        raise DocumentError(
            f"{path} exists and differs from the draft narrator last wrote there "
            "(it may hold an editor's changes)",
            hint="Choose another --out, or pass --force to overwrite it.",
        )
