"""The paper as one self-contained HTML page.

The template and its CSS are package data (``narrator/build/templates``) read through
importlib.resources. Jinja2 autoescapes every value, so a label or a hand-written section
holding ``<script>`` prints as text; the page's Content-Security-Policy forbids scripts and
every request besides, so the page works offline and leaks nothing.
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from narrator.build.paper import Paper

#: CSS pixels per PNG pixel: charts are drawn at 150 dpi and shown at 100.
_SCALE = 1.5


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("narrator.build", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(paper: Paper, *, images: Mapping[int, bytes], banner: str | None = None) -> str:
    """The page: ``images`` maps figure numbers to PNG bytes, embedded as data URIs."""
    blocks: list[dict[str, Any]] = []
    for block in paper.blocks:
        entry: dict[str, Any] = {
            "kind": block.kind.value,
            "text": block.text,
            "number": block.number,
            "level": block.level,
            "figure": None,
            "image": None,
        }
        if block.figure is not None and block.figure.number in images:
            png = images[block.figure.number]
            width, height = _png_size(png)
            entry.update(
                figure=block.figure.number,
                image=base64.b64encode(png).decode("ascii"),
                width=round(width / _SCALE),
                height=round(height / _SCALE),
            )
        blocks.append(entry)
    template = _environment().get_template("paper.html.j2")
    return template.render(paper=paper, blocks=blocks, banner=banner)


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        return (750, 350)
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)
