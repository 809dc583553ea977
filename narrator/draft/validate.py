"""The outline checked against the rules: every ``say`` names a rule fit for its measures.

Run when the outline is loaded for a draft, a lint or a review, so that a rule asked of a
measure it cannot speak of ("snapshots" of a count, "share_shift" of a plain rate) is one
clear error naming the outline file, its line and the paragraph, before any figure is read.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path

from narrator.draft.classes import ARTICLE, accepted, describe_classes, measure_class
from narrator.draft.outline import Outline, ParagraphSpec, load_outline
from narrator.draft.plan import AUTO
from narrator.draft.registry import RULES, RuleSpec
from narrator.errors import OutlineError
from narrator.project import Project

_SECTION = re.compile(r"^\s*\[\[\s*sections\s*\]\]")
_PARAGRAPH = re.compile(r"^\s*\[\[\s*sections\s*\.\s*paragraphs\s*\]\]")


def load_checked_outline(project: Project, rules: Mapping[str, RuleSpec] = RULES) -> Outline:
    """The project's outline, with every rule it names checked against its measures."""
    outline = load_outline(project)
    check_outline(outline, project, rules)
    return outline


def check_outline(
    outline: Outline, project: Project, rules: Mapping[str, RuleSpec] = RULES
) -> None:
    """Raise :class:`OutlineError` for the first ``say`` entry that cannot be said."""
    lines = paragraph_lines(Path(outline.source))
    for s_index, section in enumerate(outline.sections):
        for p_index, spec in enumerate(section.paragraphs):
            line = lines.get((s_index, p_index))
            where = (
                f"{outline.source}"
                + (f", line {line}" if line else "")
                + f" (section {section.number}, paragraph {p_index + 1})"
            )
            for entry in spec.say:
                problem = _problem(entry, spec, project, rules)
                if problem:
                    raise OutlineError(f"{where}: {problem}")


def _problem(
    entry: str, spec: ParagraphSpec, project: Project, rules: Mapping[str, RuleSpec]
) -> str | None:
    """What is wrong with one ``say`` entry of a paragraph, or None."""
    name, _, only = entry.partition(":")
    if name == AUTO and not only:
        return None
    if name not in rules:
        close = difflib.get_close_matches(name, [*rules, AUTO], n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return (
            f"says {name!r}, which is not a rule{hint}; the rules are listed in "
            "docs/reference/rules.md"
        )
    if only and only not in spec.measures:
        return f"says {entry!r} but {only!r} is not one of the paragraph's measures"
    rule = rules[name]
    named = [only] if only else list(spec.measures)
    classes = {m: measure_class(project.catalogue, project.catalogue[m]) for m in named}
    unfit = [m for m in named if not accepted(rule.accepts, classes[m])]
    if not unfit or (rule.multi and len(unfit) < len(named)):
        return None
    measure = unfit[0]
    fitting = sorted(n for n, r in rules.items() if accepted(r.accepts, classes[measure]))
    return (
        f"the rule {name!r} speaks of {describe_classes(rule.accepts)}, and {measure!r} is "
        f"{ARTICLE[classes[measure]]} (rules for {ARTICLE[classes[measure]][2:]} measures: "
        f"{', '.join(fitting)}; or leave `say` out and narrator chooses)"
    )


def paragraph_lines(path: Path) -> dict[tuple[int, int], int]:
    """The line of each ``[[sections.paragraphs]]`` header, by (section, paragraph) index.

    The outline is TOML, which keeps no lines; its usual layout (array-of-tables headers)
    is read line by line here. An outline written otherwise gets no line numbers.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    found: dict[tuple[int, int], int] = {}
    section, paragraph = -1, -1
    for number, line in enumerate(text.splitlines(), start=1):
        if _SECTION.match(line):
            section, paragraph = section + 1, -1
        elif _PARAGRAPH.match(line) and section >= 0:
            paragraph += 1
            found[(section, paragraph)] = number
    return found
