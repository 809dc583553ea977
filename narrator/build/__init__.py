"""The build: the finished paper from the reviewed draft, re-checked, as Markdown, HTML and Word.

::

    result = build("samples/cambridgeshire", "2019-10", options=BuildOptions(out=Path("out")))
    if not result.built:
        for blocker in result.blockers:
            print(blocker)

The core never prints and never exits: :func:`build` returns what it wrote and what blocks
it, and raises a :class:`~narrator.errors.NarratorError` for bad input.
"""

from __future__ import annotations

import shlex
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from narrator import months
from narrator._callable import make_callable
from narrator.build.assemble import assemble
from narrator.build.blockers import (
    Blocker,
    TextChecker,
    finding_blockers,
    finding_counts,
    review_blockers,
    stale_blockers,
    text_checker,
)
from narrator.build.charts import ChartData, ChartSource, discussed
from narrator.build.config import load_paper_spec
from narrator.build.markdown import render_markdown
from narrator.build.outputs import FORMATS, BuildError, parse_formats, render_outputs, write_outputs
from narrator.build.paper import Kind, Paper
from narrator.build.review import (
    REJECTED,
    ReviewLike,
    ReviewLoader,
    load_review_state,
    review_notes,
)
from narrator.check import Checker
from narrator.draft.document import Paragraph
from narrator.errors import DocumentError
from narrator.facts import FactSet, compute_facts
from narrator.figures import Figures
from narrator.project import Project, load_project
from narrator.sources import load_project_figures


@dataclass(frozen=True)
class BuildOptions:
    """How to build: shared by the command line and the Python API (same defaults).

    ``draft`` defaults to where ``narrator draft`` writes it (:meth:`Project.draft_path`);
    ``out`` is the folder the paper is written to, by default ``build`` in the project folder
    (in the working directory for the bundled sample).
    """

    draft: Path | None = None
    out: Path | None = None
    formats: tuple[str, ...] = FORMATS
    draft_watermark: bool = False


@dataclass(frozen=True)
class BuildResult:
    """What a build did: the files written (none when blocked) and what blocks it."""

    month: str
    built: bool
    watermarked: bool
    paths: tuple[Path, ...]
    blockers: tuple[Blocker, ...]
    notes: tuple[str, ...] = ()
    paper: Paper | None = field(default=None, repr=False)
    #: The re-check of the assembled paper: how many claims got each verdict.
    checked: dict[str, int] = field(default_factory=dict)


def build(
    project: Project | Path | str | None,
    month: str,
    *,
    options: BuildOptions | None = None,
    checker: TextChecker | None = None,
    load_review: ReviewLoader | None = None,
    computed: tuple[Figures, FactSet] | None = None,
) -> BuildResult:
    """Assemble, re-check and write the paper of ``month`` (``YYYY-MM``).

    Refuses (``built`` False, nothing written) while any paragraph is unreviewed or stale
    or the checker finds a contradiction, unless ``options.draft_watermark``: then the
    paper is written with every page marked DRAFT. ``checker`` and ``load_review`` default
    to :mod:`narrator.check` and :mod:`narrator.review.state`. ``computed`` gives the
    project's figures and the month's facts when the caller has them already (a build per
    area computes them once for all areas).
    """
    options = options or BuildOptions()
    formats = parse_formats(options.formats)
    month = months.iso(months.parse(month))
    loaded = project if isinstance(project, Project) else load_project(_path(project))
    draft_md = options.draft or loaded.draft_path(month)
    if not draft_md.is_file():
        where = "" if loaded.is_sample else f" --project {_quote(loaded.root)}"
        out = "" if options.draft is None else f" --out {_quote(draft_md)}"
        raise DocumentError(
            f"{draft_md}: no draft of {month} to build from",
            hint=f"Write it with: narrator draft --month {month}{where}{out}",
        )
    review = (load_review or load_review_state)(draft_md)
    draft = review.draft
    if draft.month != month:
        raise DocumentError(
            f"{draft_md} is the draft of {draft.month}, not of {month}",
            hint=f"Pass --draft with the draft of {month}, or --month {draft.month}.",
        )
    if draft.project != loaded.name:
        raise DocumentError(
            f"{draft_md} is a draft of the project {draft.project!r}, not of {loaded.name!r}",
            hint="Pass the --project the draft was written from.",
        )
    if draft.area != loaded.subject:
        raise DocumentError(
            f"{draft_md} is the draft of {_about(draft.area)}, not of {_about(loaded.subject)}",
            hint="Pass the --draft written for that area (narrator draft --area).",
        )
    if computed is None:
        figures = load_project_figures(loaded)
        facts = compute_facts(figures, month, loaded.settings)
    else:
        figures, facts = computed
    source = ChartSource(loaded, figures, facts)
    charts: dict[tuple[str, str], ChartData] = {}

    def pick(paragraph: Paragraph) -> list[tuple[str, str]]:
        chosen = []
        for key in discussed(draft, paragraph, loaded):
            data = charts.get(key) or source.data(*key)
            if data is not None:
                charts[key] = data
                chosen.append(key)
        return chosen

    paper = assemble(
        load_paper_spec(loaded, month),
        review,
        month=month,
        charts=pick,
        caption=source.caption,
    )
    checker = checker or text_checker(Checker(loaded, figures, facts={month: facts}), month)
    blockers, notes, checked = _blockers(review, paper, facts, checker)
    notes = [str(w) for w in figures.warnings] + review_notes(review) + notes
    if blockers and not options.draft_watermark:
        return BuildResult(month, False, False, (), tuple(blockers), tuple(notes), paper, checked)
    banner = _banner(blockers) if options.draft_watermark else None
    # matplotlib is imported only when a paper is built, not by every narrator command.
    from narrator.build.plot import render_png

    images = {ref.number: render_png(charts[(ref.measure, ref.area)]) for ref in paper.figures}
    files = render_outputs(paper, formats=formats, images=images, banner=banner)
    paths = write_outputs(files, options.out or loaded.output_dir("build"))
    return BuildResult(
        month, True, banner is not None, tuple(paths), tuple(blockers), tuple(notes), paper, checked
    )


def _blockers(
    review: ReviewLike, paper: Paper, facts: FactSet, checker: TextChecker
) -> tuple[list[Blocker], list[str], dict[str, int]]:
    blockers = review_blockers(review)
    paragraphs = review.draft.paragraphs()
    rejected = {p.number for p in paragraphs if review.status(p.number) == REJECTED}
    seen = {(b.kind, b.where) for b in blockers}
    blockers += [
        b for b in stale_blockers(review.draft, facts, rejected) if (b.kind, b.where) not in seen
    ]
    text = render_markdown(paper, escape=False)
    findings = checker(text)
    generated = frozenset(
        b.number
        for b in paper.blocks
        if b.kind is Kind.PARAGRAPH and b.number and b.origin.startswith("draft ")
    )
    found, notes = finding_blockers(findings, text, generated)
    return blockers + found, notes, finding_counts(findings)


def _banner(blockers: list[Blocker]) -> str:
    """The DRAFT notice, saying why the paper is not final."""
    if not blockers:
        return "DRAFT: not approved for circulation"
    counts = Counter(b.kind for b in blockers)
    parts = [f"{n} {kind}" for kind, n in sorted(counts.items())]
    return f"DRAFT: not approved for circulation ({', '.join(parts)})"


def _quote(path: Path) -> str:
    """A path as a shell word (quoted when it holds spaces or quotes)."""
    return shlex.quote(str(path))


def _about(area: str | None) -> str:
    return "the whole project" if area is None else f"the area {area!r}"


def _path(project: Path | str | None) -> Path | None:
    return Path(project) if project is not None else None


__all__ = [
    "FORMATS",
    "Blocker",
    "BuildError",
    "BuildOptions",
    "BuildResult",
    "build",
]


make_callable(__name__, build)
