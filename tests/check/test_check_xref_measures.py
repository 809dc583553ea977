"""Cross-references decided by the measures the sentence and the section are about.

Word overlap cannot tell "the all crime prosecution possible outcome rate" from "the
dwelling burglary prosecution possible outcome rate": they share most of their words. When
the sentence names a measure and the section pointed to is about others, the reference is
wrong, and the section about the sentence's measure is suggested.
"""

from __future__ import annotations

import pytest

from narrator.catalogue import Catalogue
from narrator.check import Finding, Reader, internal_findings, parse_text
from narrator.check.claims.extract import extract_claims
from narrator.check.consistency.measures import measure_names_by_token, named_in

MONTH = "2019-10"
PAPER = (
    "Date: 19th December 2019\n\n"
    "## 4.1 Outcomes\n\n"
    "4.1.1 The 12 month all crime prosecution possible outcome rate was 11.9% in October "
    "2019.\n\n"
    "4.1.2 The 12 month dwelling burglary prosecution possible outcome rate was 6.0% in "
    "October 2019.\n\n"
    "4.1.3 Dwelling burglary victim satisfaction was 89.1% for the 12 months to October "
    "2019.\n\n"
    "4.1.4 The new team started work in November, with two more officers.\n\n"
    "## 4.2 Updates\n\n"
    "4.2.1 The unit was set up in November. {reference}\n"
)


def references(reader: Reader, catalogue: Catalogue | None, reference: str) -> list[Finding]:
    document = parse_text(PAPER.format(reference=reference))
    claims = extract_claims(reader, document, month=MONTH)
    found = internal_findings(document, claims, reporting_month=MONTH, catalogue=catalogue)
    return [f for f in found if f.kind.startswith("xref")]


@pytest.mark.parametrize(
    ("wrong", "about"),
    [("4.1.1", "all crime prosecution"), ("4.1.3", "dwelling burglary victim satisfaction")],
)
def test_a_section_about_another_measure_is_flagged(
    reader: Reader, catalogue: Catalogue, wrong: str, about: str
) -> None:
    sentence = f"Dwelling burglary prosecution possible outcome rate is also covered in {wrong}."
    (finding,) = references(reader, catalogue, sentence)
    assert finding.kind == "xref_topic"
    assert finding.data["target"] == wrong
    assert finding.suggestion == "did you mean 4.1.2?"
    assert finding.data["measures"] == ["db_ppo_rate"]
    assert about in finding.evidence


def test_words_alone_miss_it(reader: Reader) -> None:
    # Without the catalogue's names, the sentence's measure is not known: the words it
    # shares with 4.1.1 are too many to call the reference wrong.
    sentence = "Dwelling burglary prosecution possible outcome rate is also covered in 4.1.1."
    assert references(reader, None, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Dwelling burglary prosecution possible outcome rate is also covered in 4.1.2.",
        "The dwelling burglary prosecution possible outcome rate (see 4.1.2) improved.",
        "Dwelling burglary victim satisfaction is also covered in 4.1.3.",
        # The section has no figures, so no measures: the words decide, and agree.
        "The new team is also covered in 4.1.4.",
        # The sentence names no measure: the words decide.
        "More on the officers in 4.1.4.",
    ],
)
def test_references_to_the_same_measure_are_not_flagged(
    reader: Reader, catalogue: Catalogue, sentence: str
) -> None:
    assert references(reader, catalogue, sentence) == []


def test_a_missing_section_suggests_the_one_about_the_measure(
    reader: Reader, catalogue: Catalogue
) -> None:
    sentence = "Dwelling burglary victim satisfaction is also covered in 4.1.9."
    (finding,) = references(reader, catalogue, sentence)
    assert finding.kind == "xref_missing"
    assert finding.suggestion == "did you mean 4.1.3?"


def test_names_are_found_longest_first_in_any_case_and_spacing(catalogue: Catalogue) -> None:
    names = measure_names_by_token(tuple(catalogue))
    assert named_in("The Dwelling  Burglary\nprosecution possible outcome rate", names) == {
        "db_ppo_rate"
    }
    assert named_in("dwelling burglaries and all crime rose", names) == {
        "dwelling_burglary",
        "all_crime",
    }
    assert named_in("nothing measured here", names) == set()


def test_a_reference_from_a_change_to_its_cause_is_not_a_wrong_topic(
    reader: Reader, catalogue: Catalogue
) -> None:
    wrong = "Dwelling burglary prosecution possible outcome rate is also covered in 4.1.3."
    assert [f.kind for f in references(reader, catalogue, wrong)] == ["xref_topic"]
    cause = (
        "Dwelling burglary prosecution possible outcome rate fell, largely a reflection of "
        "how satisfied victims were (see 4.1.3)."
    )
    assert references(reader, catalogue, cause) == []
