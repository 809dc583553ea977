"""The planner: rules checked against the outline at load time, paragraphs narrator chooses
for, readings that never contradict, and nothing left out without a note."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrator import months
from narrator.api import draft, load
from narrator.draft import project_phrasebank
from narrator.draft.claims import Claims
from narrator.draft.classes import COUNT, RATIO, SHARE, SNAPSHOT, measure_class
from narrator.draft.paper import plan_paper
from narrator.draft.plan import Message, Planning
from narrator.draft.registry import RULES
from narrator.draft.select import lead
from narrator.draft.validate import load_checked_outline
from narrator.errors import OutlineError
from narrator.facts import Fact, compute_facts
from narrator.language.lexicon import load_lexicon
from narrator.project import load_project
from narrator.resources import sample_dir
from tests.check.test_check_drafts import _write_figures

ROOT = Path(__file__).parent
NORTHSHIRE = ROOT / "projects" / "northshire"
WYVERN = ROOT / "projects" / "wyvern"
OUTLINE = """title = "Test"

[[sections]]
number = "1"
title = "Vehicle crime"

  [[sections.paragraphs]]
  text = "Hand-written."

  [[sections.paragraphs]]
  measures = ["thefts"]
  say = [{say}]
"""


def project_with(tmp_path: Path, say: str, source: Path = NORTHSHIRE) -> Path:
    folder = tmp_path / "project"
    shutil.copytree(source, folder)
    (folder / "outline.toml").write_text(OUTLINE.format(say=say), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("say", "message"),
    [
        (
            '"snapshots"',
            "line 10 (section 1, paragraph 2): the rule 'snapshots' speaks of snapshots, "
            "and 'thefts' is a count",
        ),
        ('"share_shift"', "'share_shift' speaks of shares, and 'thefts' is a count"),
        ('"rolling_headlines"', "'rolling_headlines', which is not a rule (did you mean"),
        ('"month_changes:assaults"', "'assaults' is not one of the paragraph's measures"),
    ],
)
def test_a_rule_the_measure_cannot_take_is_refused_at_load(
    tmp_path: Path, say: str, message: str
) -> None:
    folder = project_with(tmp_path, say)
    with pytest.raises(OutlineError, match=r"outline\.toml") as caught:
        draft(folder, "2020-06")
    assert message in caught.value.message


def test_the_refusal_is_one_message_and_exit_2(tmp_path: Path) -> None:
    folder = project_with(tmp_path, '"snapshots"')
    proc = subprocess.run(
        [sys.executable, "-m", "narrator", "draft", "--project", str(folder), "--month", "2020-06"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "400"},
    )
    assert proc.returncode == 2
    assert "outline.toml, line 10" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not list(tmp_path.glob("draft-*.md")), "nothing half-written"


def test_the_message_lists_the_rules_that_fit(tmp_path: Path) -> None:
    folder = project_with(tmp_path, '"snapshots"')
    with pytest.raises(OutlineError) as caught:
        draft(folder, "2020-06")
    fitting = [n for n, r in RULES.items() if COUNT in r.accepts]
    assert all(name in caught.value.message for name in fitting)


def test_auto_is_the_same_as_no_rules(tmp_path: Path) -> None:
    with_auto = draft(project_with(tmp_path / "a", '"auto"'), "2020-06").draft.to_markdown()
    without = draft(project_with(tmp_path / "b", ""), "2020-06").draft.to_markdown()
    assert with_auto == without
    assert "2 Vehicle crime" not in with_auto  # the paragraph is in section 1
    assert with_auto.count("1.2 ") == 1


def test_named_rules_come_first_then_narrator_chooses(tmp_path: Path) -> None:
    result = draft(project_with(tmp_path, '"month_changes", "auto"'), "2020-06").draft
    sentences = result.paragraphs()[1].sentences
    assert sentences[0].template == "messages/month_changes.j2"
    assert len(sentences) > 1


def test_measure_classes() -> None:
    project = load_project(WYVERN)
    classes = {m.id: measure_class(project.catalogue, m) for m in project.catalogue}
    assert classes["asb"] == COUNT
    assert classes["charge_rate"] == RATIO
    assert classes["share_online"] == SHARE and classes["share_999"] == SHARE
    assert classes["warrants"] == SNAPSHOT


def test_an_empty_paragraph_and_section_are_noted(tmp_path: Path) -> None:
    # calendar_record finds nothing for Northshire's force-level thefts in June 2020.
    folder = project_with(tmp_path, '"snapshots"', WYVERN)
    outline = (folder / "outline.toml").read_text(encoding="utf-8")
    outline = outline.replace('  [[sections.paragraphs]]\n  text = "Hand-written."\n\n', "")
    outline = outline.replace('"thefts"', '"warrants"').replace('"snapshots"', '"snapshots"')
    outline += '\n[[sections]]\nnumber = "2"\ntitle = "Empty"\n\n  [[sections.paragraphs]]\n'
    outline += '  measures = ["robberies"]\n  say = ["streak_broken"]\n'
    (folder / "outline.toml").write_text(outline, encoding="utf-8")
    result = draft(folder, "2021-06").draft
    kinds = {n["kind"] for n in result.notes}
    assert {"nothing_to_say", "paragraph_left_out", "section_left_out"} <= kinds
    assert [s.number for s in result.sections] == ["1"]
    assert "## 2 Empty" not in result.to_markdown()
    sidecar = json.loads(result.to_json())
    assert sidecar["notes"] == result.notes


def test_the_summary_line_counts_the_notes(tmp_path: Path) -> None:
    out = tmp_path / "draft.md"
    proc = subprocess.run(
        [sys.executable, "-m", "narrator", "draft", "--month", "2018-03", "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert "rules found nothing to say" in proc.stderr
    assert "'driver' found nothing to say of db_ppo_rate" in proc.stderr
    notes = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["notes"]
    assert any(n["where"] == "4.1.3" for n in notes)


def _fact(kind: str, direction: str, period: str = "R12:2021-06", **detail: object) -> Fact:
    return Fact(
        id=f"{kind}/m/A/{period}",
        kind=kind,
        measure="m",
        area="A",
        month="2021-06",
        period=period,
        value=1.0,
        unit="count",
        direction=direction,
        significant=True,
        detail=detail,
    )


def test_a_reading_against_the_paper_is_reconciled_and_a_clash_refused() -> None:
    claims = Claims()
    rose = _fact("change.rolling_month", "up")
    year = _fact("change.rolling_year", "up")
    claims.add(Message("a", [rose]))
    stable = Message("b", [year], flat=frozenset({year.id}))
    assert claims.reads_against(stable) and not claims.clashes(stable)
    claims.add(stable)
    # The same comparison read the other way is a contradiction no word reconciles.
    assert claims.clashes(Message("c", [rose], flat=frozenset({rose.id}))) == [rose.id]
    # A reading the paper has already given is no news to reconcile.
    assert not claims.reads_against(Message("d", [_fact("benchmark.year_end", "up")]))


def test_an_analyst_leads_with_a_record_before_a_routine_move() -> None:
    record = _fact("record", "up", on_record=True, months=60)
    streak = _fact("streak.rolling", "down", length=10, broken=False, previous_length=1)
    routine = _fact("change.month", "up", period="2021-06")
    assert lead(record) > lead(streak) > lead(routine)


def test_the_sample_outline_still_loads_with_every_rule_fit() -> None:
    result = draft(sample_dir(), "2019-10").draft
    assert not [n for n in result.notes if n["kind"] == "reads_against"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    size=st.integers(5, 400),
    growth=st.floats(-0.01, 0.02),
    solved=st.floats(0.02, 0.6),
    month=st.sampled_from([months.iso(m) for m in range(2016 * 12, 2018 * 12 + 12)]),
)
def test_a_chosen_paper_states_each_fact_once_and_reads_it_one_way(
    seed: int, size: int, growth: float, solved: float, month: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "project"
        shutil.copytree(NORTHSHIRE, folder)
        (folder / "outline.toml").write_text(AUTO_OUTLINE, encoding="utf-8")
        _write_figures(folder / "figures.csv", seed, size, growth, solved)
        project, figures = load(folder)
        facts = compute_facts(figures, month, project.settings)
        lexicon = load_lexicon(project_phrasebank(project))
        planning = Planning(facts=facts, project=project, lexicon=lexicon)
        plan = plan_paper(planning, load_checked_outline(project))
    stated: set[str] = set()
    readings: dict[str, str] = {}
    for paragraph in plan.paragraphs():
        assert len(paragraph.messages) <= paragraph.spec.max_sentences
        for message in paragraph.messages:
            news = {f.id for f in message.primary}
            assert not news & stated, f"{sorted(news & stated)} stated twice"
            stated |= set(message.fact_ids)
            for fact_id, reading in message.readings().items():
                assert readings.setdefault(fact_id, reading) == reading, fact_id
    generated = [p for p in plan.paragraphs() if p.spec.generated]
    assert generated, "a month with a year of history always has something to say"


AUTO_OUTLINE = """title = "Auto"

[[sections]]
number = "1"
title = "Everything"

  [[sections.paragraphs]]
  measures = ["thefts"]

  [[sections.paragraphs]]
  measures = ["solve_rate"]

  [[sections.paragraphs]]
  measures = ["assaults", "thefts_solved"]
"""
