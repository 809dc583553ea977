"""The draft: facts to planned messages to sentences to a numbered document."""

from __future__ import annotations

from pathlib import Path

from narrator._callable import make_callable
from narrator.draft.document import Draft, Paragraph, Section
from narrator.draft.outline import load_outline
from narrator.draft.plan import Planning, plan_paragraph
from narrator.draft.realise import make_realiser_env, realise
from narrator.draft.registry import DEFAULTS, RULES
from narrator.errors import OutlineError
from narrator.facts import FactSet
from narrator.language.lexicon import load_lexicon
from narrator.project import Project
from narrator.resources import phrasebank_dir


def write_draft(project: Project, facts: FactSet, *, phrasebank: Path | None = None) -> Draft:
    """Plan and realise the outline's paragraphs from the facts of one month.

    The paper is about the root of ``project.areas``: for a project seen as one area's
    paper (:meth:`Project.for_area`), that area, its children being the areas it speaks of.
    """
    outline = load_outline(project)
    book = phrasebank or project_phrasebank(project)
    lexicon = load_lexicon(book)
    env = make_realiser_env(book, lexicon)
    planning = Planning(facts=facts, project=project, lexicon=lexicon)
    for section in outline.sections:
        for spec in section.paragraphs:
            for entry in spec.say:
                name, _, only = entry.partition(":")
                if only and only not in spec.measures:
                    raise OutlineError(
                        f"{outline.source}: section {section.number} says {entry!r} but "
                        f"{only!r} is not one of the paragraph's measures"
                    )
                if name not in RULES:
                    raise OutlineError(
                        f"{outline.source}: section {section.number} asks to say {name!r}, "
                        f"which is not a rule (expected one of {', '.join(sorted(RULES))})"
                    )
    # A paper about one area of many (Project.for_area) names it in its title.
    subject = f"{project.areas.root.display}, " if project.subject is not None else ""
    draft = Draft(
        project=project.name,
        month=facts.month,
        title=f"{outline.title}: {subject}{facts.reporting_month.label}",
        area=project.subject,
    )
    for section_spec in outline.sections:
        written = Section(number=section_spec.number, title=section_spec.title)
        for spec in section_spec.paragraphs:
            # Paragraphs are numbered as printed: one with nothing to say leaves no gap.
            number = f"{section_spec.number}.{len(written.paragraphs) + 1}"
            if not spec.generated:
                written.paragraphs.append(Paragraph(number, False, text=spec.text or ""))
                continue
            messages = plan_paragraph(planning, spec, RULES, DEFAULTS)
            mentioned: set[str] = set()
            sentences = [realise(env, m, mentioned) for m in messages]
            if sentences:
                written.paragraphs.append(Paragraph(number, True, sentences=sentences))
        draft.sections.append(written)
    cited = sorted({f for p in draft.paragraphs() for s in p.sentences for f in s.facts})
    draft.facts = {fact_id: facts[fact_id].as_dict() for fact_id in cited}
    return draft


def project_phrasebank(project: Project) -> Path:
    """The project's own phrasebank if it has one, else the one narrator ships."""
    own = project.root / "phrasebank"
    return own if (own / "lexicon.toml").is_file() else phrasebank_dir()


__all__ = ["Draft", "write_draft"]


def _draft_month(project: object, month: str) -> object:
    """``narrator.draft(project, month)``: the same as :func:`narrator.api.draft`."""
    from narrator.api import draft

    return draft(project, month)  # type: ignore[arg-type]


make_callable(__name__, _draft_month)
