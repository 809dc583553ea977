"""``narrator phrases lint``: check the phrasebank against example facts."""

from __future__ import annotations

from typing import Annotated

import typer

from narrator.api import load
from narrator.cli.app import ProjectOption, app, open_project
from narrator.console import Table, err, escape, out
from narrator.draft.lint import lint_messages, lint_words, messages_for
from narrator.draft.plan import Planning
from narrator.draft.realise import make_realiser_env
from narrator.draft.validate import load_checked_outline
from narrator.facts import compute_facts
from narrator.language.lexicon import load_lexicon
from narrator.language.periods import Month
from narrator.project import project_phrasebank

phrases_app = typer.Typer(help="Work with the phrasebank.", no_args_is_help=True)
app.add_typer(phrases_app, name="phrases")


@phrases_app.command("lint")
def lint(
    project: ProjectOption = None,
    month: Annotated[
        list[str] | None,
        typer.Option("--month", "-m", help="Months whose facts are the examples (repeatable)."),
    ] = None,
) -> None:
    """Render every template against example facts; exit 1 when anything is wrong."""
    loaded = open_project(project)
    _, figures = load(loaded)
    chosen = (
        [Month.parse(text) for text in month]
        if month
        else [Month(figures.last - k) for k in (0, 5, 12, 19)]
    )
    book = project_phrasebank(loaded)
    lexicon = load_lexicon(book)
    env = make_realiser_env(book, lexicon)
    outline = load_checked_outline(loaded)
    messages = []
    for reporting in chosen:
        facts = compute_facts(figures, reporting, loaded.settings)
        planning = Planning(facts=facts, project=loaded, lexicon=lexicon)
        messages += messages_for(planning, outline)
    every = sorted(f"messages/{p.name}" for p in (book / "messages").glob("*.j2"))
    # Shared macro files ("_common.j2") are never messages, but they write words too.
    templates = [t for t in every if not t.split("/")[-1].startswith("_")]
    findings = lint_messages(env, messages, lexicon, templates) + lint_words(env, every, lexicon)
    err.print(f"Rendered {len(messages)} example messages over {len(templates)} templates.")
    for note in (f for f in findings if not f.fault):
        err.print(f"note: {escape(note.template)}: {escape(note.problem)}")
    faults = [f for f in findings if f.fault]
    if not faults:
        out.print("No problems found.")
        return
    table = Table(title=f"{len(faults)} problems")
    table.add_column("template")
    table.add_column("problem", overflow="fold")
    for finding in faults:
        table.add_row(escape(finding.template), escape(finding.problem))
    out.print(table)
    raise typer.Exit(1)
