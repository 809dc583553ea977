"""Assembling the paper: front matter, reviewed draft and hand-written sections, numbered.

Top-level sections are numbered by their place in the paper (``4.0``); the draft's sections
and the hand-written headings under them are numbered in order (``4.1``, ``4.2``), and the
paragraphs under those in turn (``4.1.1``). A rejected paragraph leaves no gap. Charts
follow the first paragraph that discusses their measure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from narrator.build.config import PaperSpec, PartSpec
from narrator.build.handwritten import parse_handwritten
from narrator.build.paper import Block, FigureRef, Kind, Paper
from narrator.build.review import REJECTED, ReviewLike
from narrator.draft.document import Draft, Paragraph, Section
from narrator.errors import ProjectError

#: Given a draft paragraph, the (measure, area) pairs to chart after it.
ChartPicker = Callable[[Paragraph], list[tuple[str, str]]]
#: Given a measure and an area, the caption of its chart.
Captioner = Callable[[str, str], str]


@dataclass
class _Figures:
    """Numbers charts in paper order and charts each measure once."""

    pick: ChartPicker | None
    caption: Captioner
    seen: set[str] = field(default_factory=set)
    count: int = 0

    def after(self, paragraph: Paragraph) -> list[Block]:
        """The figures to print after a paragraph: its measures not charted before."""
        if self.pick is None:
            return []
        blocks = []
        for measure, area in self.pick(paragraph):
            if measure in self.seen:
                continue
            self.seen.add(measure)
            self.count += 1
            ref = FigureRef(self.count, measure, area, self.caption(measure, area))
            blocks.append(Block(Kind.FIGURE, ref.caption, origin=paragraph.number, figure=ref))
        return blocks


def assemble(
    spec: PaperSpec,
    review: ReviewLike,
    *,
    month: str,
    charts: ChartPicker | None = None,
    caption: Captioner = lambda measure, area: f"{measure}, {area}",
) -> Paper:
    """The paper of ``month`` from the project's layout and the reviewed draft."""
    draft = review.draft
    figures = _Figures(charts if spec.charts else None, caption)
    parts = spec.parts if spec.has_layout else _draft_as_is(draft, spec.source)
    _check_placement(parts, draft, spec.source)
    blocks: list[Block] = []
    for position, part in enumerate(parts, start=1):
        number = part.number if part.number is not None else position
        if part.title is not None:
            blocks.append(Block(Kind.HEADING, part.title, f"{number}.0", 1, part.where))
        if part.draft is not None:
            blocks += _draft_part(number, _sections(draft, part.draft), review, figures)
        else:
            blocks += _handwritten_part(number, part)
    return Paper(
        title=spec.title or draft.title,
        month=month,
        front=spec.front,
        blocks=tuple(blocks),
    )


def _draft_as_is(draft: Draft, source: str) -> tuple[PartSpec, ...]:
    """Without a layout the paper is the draft, keeping its own section numbers and headings.

    A top-level draft section ("1 Recorded crime") becomes a part with its heading; the
    headings of nested sections ("4.1 ...") are printed by the part itself.
    """
    titles: dict[str, str | None] = {}
    for section in draft.sections:
        major = section.number.split(".")[0]
        if section.number == major:
            titles[major] = section.title or None
        else:
            titles.setdefault(major, None)
    return tuple(
        PartSpec(title=title, where=source, draft=m, number=int(m))
        for m, title in titles.items()
        if m.isdigit()
    )


def _sections(draft: Draft, prefix: str) -> list[Section]:
    return [s for s in draft.sections if s.number.split(".")[0] == prefix]


def _check_placement(parts: tuple[PartSpec, ...], draft: Draft, source: str) -> None:
    placed: dict[str, str] = {}
    for part in parts:
        if part.draft is None:
            continue
        if not _sections(draft, part.draft):
            numbers = ", ".join(s.number for s in draft.sections) or "none"
            raise ProjectError(
                f"{part.where}: draft = {part.draft!r}, but the draft has no section "
                f"{part.draft}.x (its sections: {numbers})"
            )
        if part.draft in placed:
            raise ProjectError(
                f"{part.where}: the draft's sections {part.draft}.x are already placed by "
                f"{placed[part.draft]}"
            )
        placed[part.draft] = part.where
    missing = [s.number for s in draft.sections if s.number.split(".")[0] not in placed]
    if missing:
        raise ProjectError(
            f"{source}: the draft's sections {', '.join(missing)} are in no section of the paper",
            hint='Add a [[sections]] with draft = "N" for each, so that no reviewed text is lost.',
        )


def _draft_part(
    number: int, sections: list[Section], review: ReviewLike, figures: _Figures
) -> list[Block]:
    blocks: list[Block] = []
    subsection = 0
    for section in sections:
        kept = [
            (p, review.text(p.number))
            for p in section.paragraphs
            if review.status(p.number) != REJECTED
        ]
        kept = [(p, text) for p, text in kept if text.strip()]
        if not kept:
            continue
        nested = "." in section.number
        if nested:
            subsection += 1
            heading = f"{number}.{subsection}"
            blocks.append(Block(Kind.HEADING, section.title, heading, 2, f"draft {section.number}"))
        inner = 0
        for paragraph, text in kept:
            if nested:
                inner += 1
                printed = f"{number}.{subsection}.{inner}"
            else:
                subsection += 1
                printed = f"{number}.{subsection}"
            body = " ".join(text.split())
            blocks.append(Block(Kind.PARAGRAPH, body, printed, origin=f"draft {paragraph.number}"))
            blocks += figures.after(paragraph)
    return blocks


def _handwritten_part(number: int, part: PartSpec) -> list[Block]:
    origin = part.origin or part.where
    blocks: list[Block] = []
    sub = 0  # 6.1, 6.2 ...
    subsub = 0  # 6.1.1 ...
    under: int = 1  # depth of the heading in force: 1 (the part), 2 (##) or 3 (###)
    for item in parse_handwritten(part.text or "", origin):
        where = f"{origin}: line {item.line}"
        if item.kind == "h2":
            sub, subsub, under = sub + 1, 0, 2
            blocks.append(Block(Kind.HEADING, item.text, f"{number}.{sub}", 2, where))
        elif item.kind == "h3":
            if under == 1:
                raise ProjectError(
                    f"{where}: a ### heading before any ## subsection "
                    "(expected ## first: ### is numbered under it, as 6.1.1 under 6.1)"
                )
            subsub, under = subsub + 1, 3
            blocks.append(Block(Kind.HEADING, item.text, f"{number}.{sub}.{subsub}", 3, where))
        elif item.kind == "bullet":
            blocks.append(Block(Kind.BULLET, item.text, origin=where))
        elif under == 1:
            sub += 1
            blocks.append(Block(Kind.PARAGRAPH, item.text, f"{number}.{sub}", origin=where))
        elif under == 2:
            subsub += 1
            blocks.append(
                Block(Kind.PARAGRAPH, item.text, f"{number}.{sub}.{subsub}", origin=where)
            )
        else:
            blocks.append(Block(Kind.BODY, item.text, origin=where))
    return blocks
