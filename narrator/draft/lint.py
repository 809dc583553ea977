"""``narrator phrases lint``: every template rendered against example facts, every variant compared.

The examples are the messages the planner makes for real drafts (the bundled sample, or a
project), so every template is exercised with the values it really receives. For each
message every variant is rendered; a variant that fails, a value the template never uses,
and a variant whose claim differs from its siblings (other numbers, other direction words)
are reported. Every template is also read for the guarded words it writes by hand
(:mod:`narrator.draft.handwritten`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from jinja2.sandbox import SandboxedEnvironment

from narrator.draft.classes import accepted
from narrator.draft.handwritten import hand_written
from narrator.draft.outline import Outline, ParagraphSpec
from narrator.draft.paper import plan_paper
from narrator.draft.plan import Message, Planning
from narrator.draft.realise import render_block, variants
from narrator.draft.registry import RULES
from narrator.errors import TemplateError
from narrator.language.lexicon import Lexicon
from narrator.phrasing.environment import undeclared_variables

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?%?")


@dataclass(frozen=True)
class LintFinding:
    """One problem with a template; ``fault`` False for a note that fails nothing."""

    template: str
    problem: str
    fault: bool = True


def messages_for(planning: Planning, outline: Outline) -> list[Message]:
    """Every message the planner makes for an outline, and every rule on every measure it
    accepts (facts may repeat: lint wants them all)."""
    planning.said.clear()
    found = [m for p in plan_paper(planning, outline).paragraphs() for m in p.messages]
    # Beyond the outline: every rule on every measure it accepts, so that templates the
    # outline does not use yet are exercised too, with whatever facts support them.
    root = planning.project.areas.root.name
    for measure in planning.project.catalogue:
        cls = planning.measure_class(measure)
        for name, rule in RULES.items():
            if not accepted(rule.accepts, cls):
                continue
            spec = ParagraphSpec(measures=(measure.id,), say=(name,))
            found += list(rule.run(planning, measure, root, spec))
    return found


def claim(text: str, lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """What a sentence asserts, roughly: its numbers and its direction classes."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    directions = frozenset(
        d
        for d in ("up", "down")
        if words & {w.lower() for w in lexicon.reader_forms("directions", d)}
    )
    return frozenset(_NUMBER.findall(text)), directions


def lint_messages(
    env: SandboxedEnvironment, messages: Iterable[Message], lexicon: Lexicon, templates: list[str]
) -> list[LintFinding]:
    """Render every variant of every message; report errors, unused values and drifting claims."""
    findings: list[LintFinding] = []
    used: dict[str, set[str]] = {}
    exercised: set[str] = set()
    for message in messages:
        name = message.template
        exercised.add(name)
        values = dict(message.values) | {"first": True, "again": False}
        claims = {}
        for block in variants(env, name):
            try:
                claims[block] = claim(render_block(env, name, block, values), lexicon)
            except TemplateError as exc:
                findings.append(LintFinding(name, f"{block}: {exc.message}"))
        if len(set(claims.values())) > 1:
            shown = "; ".join(f"{b}: {sorted(n)} {sorted(d)}" for b, (n, d) in claims.items())
            findings.append(LintFinding(name, f"variants assert different things: {shown}"))
        if name not in used:
            used[name] = undeclared_variables(env, name)
        unused = set(message.values) - used[name] - {"m", "month", "area", "is_root", "subject"}
        if unused:
            findings.append(LintFinding(name, f"values never used: {sorted(unused)}"))
    for name in templates:
        if name not in exercised:
            # A project without snapshots (or shares, or areas) gives a snapshot template no
            # example: that is a gap in the examples, not a fault of the template.
            findings.append(
                LintFinding(name, "not exercised: no example month has such facts", fault=False)
            )
    unique = {(f.template, f.problem): f for f in findings}
    return [unique[k] for k in sorted(unique)]


def lint_words(
    env: SandboxedEnvironment, templates: Iterable[str], lexicon: Lexicon
) -> list[LintFinding]:
    """Every direction, magnitude, significance, streak, record, outlier or benchmark word a
    template writes by hand instead of taking it from the lexicon, with its line."""
    found = hand_written(env, list(templates), lexicon.guarded_words())
    return [LintFinding(h.template, h.problem) for h in found]
