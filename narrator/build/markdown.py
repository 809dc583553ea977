"""The paper as Markdown: the text the checker re-reads, and the Markdown output.

The front matter comes first as ``To: ...`` lines (as in a board paper, and as the checker
reads a paper's date), then the title and the numbered headings and paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from narrator.build.paper import Block, Kind, Paper

# What a Markdown renderer would take for raw HTML (a tag) or an entity: escaped with a
# backslash (CommonMark), so a hand-written "<script>" stays text in any renderer, while an
# ordinary "&" or "a < b" reads as written.
_HTML_CHARS = re.compile(r"(<(?=[A-Za-z/!?])|&(?=#?\w+;))")
# A line starting like a heading, a list item or a quote would change its meaning.
_LEADING = re.compile(r"^([#>+*-]|\d+[.)])")


def render_markdown(
    paper: Paper,
    *,
    images: Mapping[int, str] | None = None,
    banner: str | None = None,
    escape: bool = True,
) -> str:
    """The paper as Markdown.

    ``images`` maps figure numbers to the relative paths of their PNG files; without it the
    figures are left out (the text the checker reads). ``banner`` is the DRAFT notice.
    """

    def clean(text: str) -> str:
        return _HTML_CHARS.sub(r"\\\1", text) if escape else text

    lines: list[str] = []
    if banner:
        lines += [f"> **{clean(banner)}**", ""]
    for label, value in paper.front:
        lines += [f"{label}: {clean(value)}", ""]
    lines += [f"# {clean(paper.title)}", ""]
    for block in paper.blocks:
        line = _block(block, clean, images, escape)
        if line is not None:
            lines += [line, ""]
    return "\n".join(lines).rstrip() + "\n"


def _block(
    block: Block, clean: Callable[[str], str], images: Mapping[int, str] | None, escape: bool
) -> str | None:
    text = clean(block.text)
    if block.kind is Kind.HEADING:
        return f"{'#' * (block.level + 1)} {block.number} {text}"
    if block.kind is Kind.PARAGRAPH:
        return f"{block.number} {text}"
    if block.kind is Kind.BULLET:
        return f"- {text}"
    if block.kind is Kind.BODY:
        return _LEADING.sub(r"\\\1", text) if escape else text
    if block.figure is None or images is None or block.figure.number not in images:
        return None
    number = block.figure.number
    alt = re.sub(r"([\[\]])", r"\\\1", text)
    return f"![Figure {number}: {alt}]({images[number]})\n\n*Figure {number}: {text}*"
