"""The draft: facts to planned messages to sentences to a numbered document."""

from __future__ import annotations

from pathlib import Path

from narrator.draft.document import Draft, Paragraph, Section
from narrator.draft.paper import plan_paper
from narrator.draft.plan import Planning
from narrator.draft.realise import Mentions, make_realiser_env, realise
from narrator.draft.validate import load_checked_outline
from narrator.facts import FactSet
from narrator.language.lexicon import load_lexicon
from narrator.project import Project, project_phrasebank


def write_draft(project: Project, facts: FactSet, *, phrasebank: Path | None = None) -> Draft:
    """Plan and realise the outline's paragraphs from the facts of one month.

    The paper is about the root of ``project.areas``: for a project seen as one area's
    paper (:meth:`Project.for_area`), that area, its children being the areas it speaks of.
    """
    outline = load_checked_outline(project)
    book = phrasebank or project_phrasebank(project)
    lexicon = load_lexicon(book)
    env = make_realiser_env(book, lexicon)
    planning = Planning(facts=facts, project=project, lexicon=lexicon)
    plan = plan_paper(planning, outline)
    # A paper about one area of many (Project.for_area) names it in its title.
    subject = f"{project.areas.root.display}, " if project.subject is not None else ""
    draft = Draft(
        project=project.name,
        month=facts.month,
        title=f"{outline.title}: {subject}{facts.reporting_month.label}",
        area=project.subject,
    )
    for planned in plan.sections:
        written = Section(number=planned.number, title=planned.title)
        for paragraph in planned.paragraphs:
            if not paragraph.spec.generated:
                text = paragraph.spec.text or ""
                written.paragraphs.append(Paragraph(paragraph.number, False, text=text))
                continue
            mentions = Mentions()
            sentences = [realise(env, m, mentions) for m in paragraph.messages]
            written.paragraphs.append(Paragraph(paragraph.number, True, sentences=sentences))
        draft.sections.append(written)
    draft.notes = [note.as_dict() for note in plan.notes]
    cited = sorted({f for p in draft.paragraphs() for s in p.sentences for f in s.facts})
    draft.facts = {fact_id: facts[fact_id].as_dict() for fact_id in cited}
    return draft


__all__ = ["Draft", "project_phrasebank", "write_draft"]
