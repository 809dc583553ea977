"""Writing the built paper: every file rendered first, then written atomically under --out.

Output names are fixed (``paper-2019-10.md``, ``.html``, ``.docx`` and the Markdown's
``paper-2019-10-charts/figure-01.png``): nothing a project says can choose a path, so the
build writes inside the output folder only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from narrator.build.html import render_html
from narrator.build.markdown import render_markdown
from narrator.build.paper import Paper
from narrator.errors import NarratorError
from narrator.fileset import write_unit

#: Output formats, in the order they are written.
FORMATS = ("md", "html", "docx")


class BuildError(NarratorError):
    """The build cannot write its outputs, or was asked for something it does not make."""


def parse_formats(formats: str | Sequence[str]) -> tuple[str, ...]:
    """``"md,html"`` or ``["md", "html"]`` as a checked tuple in :data:`FORMATS` order."""
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    wanted = {item.strip().lower() for item in items if item.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown or not wanted:
        raise BuildError(
            f"unknown output format {', '.join(unknown) or '(none given)'} "
            f"(expected some of {', '.join(FORMATS)}, separated by commas)"
        )
    return tuple(f for f in FORMATS if f in wanted)


def render_outputs(
    paper: Paper,
    *,
    formats: Sequence[str],
    images: Mapping[int, bytes],
    banner: str | None,
) -> dict[str, bytes]:
    """Every output file as bytes, by its name relative to the output folder."""
    stem = f"paper-{paper.month}"
    files: dict[str, bytes] = {}
    if "md" in formats:
        folder = f"{stem}-charts"
        paths = {n: f"{folder}/figure-{n:02d}.png" for n in images}
        text = render_markdown(paper, images=paths, banner=banner)
        files[f"{stem}.md"] = text.encode("utf-8")
        for number, png in images.items():
            files[paths[number]] = png
    if "html" in formats:
        files[f"{stem}.html"] = render_html(paper, images=images, banner=banner).encode("utf-8")
    if "docx" in formats:
        year, month = (int(part) for part in paper.month.split("-"))
        # python-docx is imported only when a Word paper is written.
        from narrator.build.word import render_docx

        files[f"{stem}.docx"] = render_docx(
            paper, images=images, banner=banner, stamp=datetime(year, month, 1)
        )
    return files


def write_outputs(files: Mapping[str, bytes], out: Path) -> list[Path]:
    """Write the rendered files under ``out`` as one unit; returns the papers' and charts' paths.

    Every target is checked before anything is written (a folder in the way, a symlink
    leading outside ``out``); then the papers, the charts and the removal of charts an
    earlier build drew but this one does not are one unit (:func:`narrator.fileset.
    write_unit`): a full disk or a kill leaves the previous paper whole, never new Markdown
    beside old HTML.
    """
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out}: not a folder (expected --out to name a folder for the paper)")
    root = out.resolve()
    targets = []
    for name in files:
        target = (root / name).resolve()
        if not target.is_relative_to(root):
            raise BuildError(
                f"{out / name}: would be written outside the output folder {root} "
                "(a symlink leads out of it); nothing was written"
            )
        if target.is_dir():
            raise BuildError(f"{out / name}: is a folder; nothing was written")
        targets.append(target)
    try:
        write_unit(root, files, remove=_old_charts(root, files))
    except OSError as exc:
        raise BuildError(
            f"{out}: cannot write the paper: {exc.strerror or exc} (nothing was written)"
        ) from None
    return targets


def _old_charts(root: Path, files: Mapping[str, bytes]) -> list[str]:
    """Charts of an earlier build that this one no longer draws would mislead a reader."""
    folders = [f"{name[: -len('.md')]}-charts" for name in files if name.endswith(".md")]
    old = []
    for folder in folders:
        for chart in sorted((root / folder).glob("figure-*.png")):
            if f"{folder}/{chart.name}" not in files:
                old.append(f"{folder}/{chart.name}")
    return old
