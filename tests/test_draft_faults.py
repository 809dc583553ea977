"""Every month with a year of history of every bundled and test project drafts without a
known fault, and checks with no contradiction.

The known faults are the ones a new user found in drafts of a project narrator was not tuned
on: "the number of vehicle crime", a doubled article, "the 12 month the rate", "five districts
in particular" when there are five districts, an empty clause, and two sentences of one
paper that say opposite things of the same figure without a word that reconciles them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from narrator import months
from narrator.api import draft, load
from narrator.check import Checker, Claim, parse_text
from narrator.draft.document import Draft
from narrator.language.numbers import singular_of
from narrator.project import Project
from narrator.resources import sample_dir

ROOT = Path(__file__).parent
PROJECTS = {
    "cambridgeshire": sample_dir(),
    "city-of-london": ROOT.parent / "samples" / "city-of-london",
    "northshire": ROOT / "projects" / "northshire",
    "wyvern": ROOT / "projects" / "wyvern",
}
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    )
}
RECONCILE = re.compile(r"\b(however|although|but|whereas|while|though)\b", re.IGNORECASE)
FAULTS = {
    "a doubled article": re.compile(r"\b(the|a|an)\s+(the|a|an)\b", re.IGNORECASE),
    "an article after '12 month'": re.compile(r"\b12[ -]month (the|a|an)\b", re.IGNORECASE),
    "an empty clause": re.compile(r"\(\s*\)|,\s*,|;\s*[;.]|\s[,;.]|:\s*\.|; with\b"),
    "a missing value": re.compile(r"\b(nan|None|inf)\b"),
    "a doubled word": re.compile(r"\b(\w+) \1\b", re.IGNORECASE),
}


def _drafts() -> Iterator[tuple[str, Project, str, Draft]]:
    for name, folder in PROJECTS.items():
        project, figures = load(folder)
        for month in range(figures.first + 12, figures.last + 1):
            iso = months.iso(month)
            yield name, project, iso, draft(project, iso).draft


@pytest.fixture(scope="module")
def drafts() -> list[tuple[str, Project, str, Draft]]:
    return list(_drafts())


def _sentences(drafted: Draft) -> Iterator[str]:
    for paragraph in drafted.paragraphs():
        for sentence in paragraph.sentences:
            yield sentence.text


def test_every_project_has_months_to_draft(drafts: list[tuple[str, Project, str, Draft]]) -> None:
    assert {name for name, *_ in drafts} == set(PROJECTS)
    assert len(drafts) > 150


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_no_sentence_has_the_fault(
    drafts: list[tuple[str, Project, str, Draft]], fault: str
) -> None:
    pattern = FAULTS[fault]
    found = [
        (name, month, text)
        for name, _, month, drafted in drafts
        for text in _sentences(drafted)
        if pattern.search(text)
    ]
    assert found == [], f"{fault}: {found[:3]}"


def _mass_noun_after(project: Project, text: str) -> bool:
    """Whether "number of" is followed by a mass noun with no counted noun after it ("the
    number of vehicle crime recorded"), reading the longest measure name that follows."""
    labels = sorted((m.label for m in project.catalogue), key=len, reverse=True)
    for found in re.finditer(r"\bnumber of ", text, re.IGNORECASE):
        rest = text[found.end() :]
        label = next((lb for lb in labels if rest.lower().startswith(lb.lower())), None)
        if label is None or any(singular_of(w) is not None for w in label.split()):
            continue  # not a measure's name, or a plural one ("robberies", "people arrested")
        after = rest[len(label) :].split()
        if not after or singular_of(after[0].strip(",.;:")) is None:
            return True
    return False


def test_no_number_of_a_mass_noun(drafts: list[tuple[str, Project, str, Draft]]) -> None:
    found = [
        (name, month, text)
        for name, project, month, drafted in drafts
        for text in _sentences(drafted)
        if _mass_noun_after(project, text)
    ]
    assert found == [], found[:3]


_IN_PARTICULAR = re.compile(r"\b(\w+) (\w+?)s? in particular\b")


def test_in_particular_is_never_all_of_them(drafts: list[tuple[str, Project, str, Draft]]) -> None:
    found = []
    for name, project, month, drafted in drafts:
        for text in _sentences(drafted):
            for said, level in _IN_PARTICULAR.findall(text):
                n = NUMBER_WORDS.get(said.lower()) or (int(said) if said.isdigit() else None)
                if n is not None and n == len(project.areas.at_level(level)):
                    found.append((name, month, text))
    assert found == [], found[:3]


def _subject_readings(claims: list[Claim]) -> Iterator[str]:
    """Sentences that read a figure otherwise than an earlier sentence read it, with no
    word that reconciles the two; and any two that read one comparison both ways."""
    seen: dict[tuple[str, str, str], list[Claim]] = {}
    for claim in claims:
        if claim.kind != "direction" or claim.direction not in ("up", "down", "flat"):
            continue
        if None in (claim.measure, claim.area, claim.period) or claim.comparison == "trend":
            continue
        if claim.area_text in ("both", "all"):
            continue  # "increased in both divisions": said of the areas below, not the area
        key = (str(claim.measure), str(claim.area), str(claim.period))
        earlier = [c for c in seen.get(key, []) if c.sentence_span != claim.sentence_span]
        said = {c.direction for c in earlier}
        for before in earlier:
            same = (before.comparison, before.reference_period) == (
                claim.comparison,
                claim.reference_period,
            )
            if before.direction == claim.direction:
                continue
            if same or (claim.direction not in said and not RECONCILE.search(claim.sentence)):
                yield f"{before.sentence!r} then {claim.sentence!r}"
                break
        seen.setdefault(key, []).append(claim)


@pytest.mark.slow
def test_every_draft_checks_clean_and_agrees_with_itself(
    drafts: list[tuple[str, Project, str, Draft]],
) -> None:
    problems = []
    for name, project, month, drafted in drafts:
        document = parse_text(drafted.to_markdown())
        checker = Checker.for_project(project)
        report = checker.check_document(document, month=month)
        problems += [
            f"{name} {month}: {v.claim.text!r} {v.message} || {v.claim.sentence}"
            for v in report.contradictions
        ]
        problems += [f"{name} {month}: {f.message}" for f in report.findings if f.contradicts]
        claims = checker.claims(document, month=month)
        problems += [f"{name} {month}: {p}" for p in _subject_readings(claims)]
    assert problems == [], "\n".join(problems[:10])
