"""docs/reference/rules.md is generated from the rule registry: it must be up to date.

After adding or changing a rule (or a template an example uses), regenerate it with
``python -m narrator.draft.reference`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

from narrator.draft.reference import REFERENCE, render_reference
from narrator.draft.registry import RULES

ROOT = Path(__file__).resolve().parents[1]


def test_the_rules_reference_is_up_to_date() -> None:
    expected = render_reference()
    current = (ROOT / REFERENCE).read_text(encoding="utf-8")
    assert current == expected, "run `python -m narrator.draft.reference` and review the diff"


def test_every_rule_has_a_section_an_example_and_its_classes() -> None:
    text = (ROOT / REFERENCE).read_text(encoding="utf-8")
    for name, rule in RULES.items():
        assert f"\n## {name}\n" in text
        assert rule.summary, f"{name} has no docstring"
    section_count = text.count("\n## ") - 1  # less the summary
    assert section_count == len(RULES)
    assert text.count("- **Example** (") == len(RULES), "every rule has an example sentence"
