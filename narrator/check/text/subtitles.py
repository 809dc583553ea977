"""A subtitle file (SubRip or WebVTT) read as a paper: each cue's number refers to the cue,
its timecodes are times, and its lines of speech run on from cue to cue, so a sentence
split across cues ("In February we recorded 253" / "vehicle thefts across the division.")
is read whole."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from narrator.check.text.blocks import Block

#: A cue's timing line: "00:00:19,484 --> 00:00:23,390" (WebVTT writes a full stop).
_TIMING = re.compile(
    r"[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}[ \t]+-->[ \t]+(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}"
)
#: A cue's number, on a line of its own before its timing.
_CUE = re.compile(r"[ \t]*(\d{1,5})[ \t]*")
#: The fewest timing lines that make a text a subtitle file.
_CUES = 3
_ENDS_SENTENCE = (".", "!", "?", ":", "]")


def subtitle_blocks(
    text: str, lines: list[tuple[int, int]], block: type[Block]
) -> list[Block] | None:
    """The blocks of a subtitle file, or None if ``text`` is not one: a cue number is a
    reference, a timing line a row of times, and the speech a paragraph a sentence."""
    timings = {i for i, (s, e) in enumerate(lines) if _TIMING.fullmatch(text, s, e)}
    if len(timings) < _CUES:
        return None
    out: list[Block] = []
    speech: Block | None = None
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line.strip():
            continue
        first = start + len(line) - len(line.lstrip())
        last = start + len(line.rstrip())
        cue = _CUE.fullmatch(text, start, end)
        if index in timings:
            out.append(block("table", [(first, last)]))
        elif cue is not None and index + 1 in timings:
            out.append(block("contents", [(first, last)], references=[cue.span(1)]))
        else:
            if speech is None:
                speech = block("body", [])
                out.append(speech)
            speech.segments.append((first, last))
            if line.rstrip().endswith(_ENDS_SENTENCE):
                speech = None  # the next cue's speech starts a sentence of its own
    return out
