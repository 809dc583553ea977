"""The seed paper checked against the bundled sample: every data claim of sections 4.1-5.2,
its verdict, and no false alarm on them."""

from __future__ import annotations

import pytest

from narrator.check import CheckReport
from tests.check.conftest import SEED, checker_for

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the seed paper is not here")

#: (section, quoted text, verdict) of every data claim of sections 4.1 to 5.2, in order.
#: "not checkable": counts of something narrator has no figures of (suspects, occasions on
#: which a CSI attended, a part of a total); "ambiguous": catalytic converter figures the
#: text does not tie to one measure.
EXPECTED = [
    ("4.1.2", "9.7%", "supported"),
    ("4.1.2", "decline", "supported"),
    ("4.1.3", "8.5%", "supported"),
    ("4.1.3", "higher", "supported"),
    ("4.1.3", "23", "supported"),
    ("4.1.3", "11", "supported"),
    ("4.1.3", "increase", "supported"),  # "The increase was caused by ...": the change above
    ("4.1.4", "10.8%", "supported"),
    ("4.1.4", "decline", "supported"),
    ("4.1.4", "Declines", "supported"),
    ("4.1.4", "Declines", "supported"),
    ("4.2.1", "fell", "supported"),
    ("4.2.1", "increase", "supported"),
    ("4.2.1", "decrease", "supported"),
    ("4.2.1", "3.9%", "supported"),
    ("4.2.1", "3.9%", "supported"),
    ("4.2.2", "consistent", "supported"),
    ("4.2.2", "almost identical", "supported"),
    ("4.2.2", "upwards", "supported"),
    ("4.2.2", "stable", "supported"),
    ("4.2.2", "increased", "supported"),
    # "three districts in particular are showing increases: Cambridge City (+10%), East
    # Cambridgeshire (+5.6%) and Fenland (+3.3%)": a count of the districts it lists.
    ("4.2.2", "three", "supported"),
    ("4.2.2", "+10%", "supported"),
    ("4.2.2", "+5.6%", "supported"),
    ("4.2.2", "+3.3%", "supported"),
    ("4.2.2", "increases", "supported"),
    ("4.2.3", "16", "ambiguous"),
    # Only catalytic converter thefts give 118 in Cambridge City (the seasonal averages of
    # other measures there no longer happen to).
    ("4.2.3", "118", "supported"),
    # "Huntingdonshire, Peterborough and South Cambs have also seen far higher levels": one
    # claim per area of the list.
    ("4.2.3", "higher", "supported"),
    ("4.2.3", "higher", "supported"),
    ("4.2.3", "higher", "supported"),
    ("4.2.3", "two", "not checkable"),
    ("4.2.4", "500", "supported"),
    ("4.2.5", "786", "supported"),
    ("4.2.5", "636", "supported"),
    ("4.2.5", "214", "supported"),
    ("4.2.5", "66%", "supported"),
    ("4.2.6", "858", "supported"),
    ("4.2.6", "consistent", "supported"),
    ("4.2.6", "remained stable", "supported"),
    ("4.2.6", "29 consecutive months", "supported"),
    ("4.2.6", "first time since April 2017", "supported"),
    ("4.2.7", "84.3%", "supported"),
    ("4.2.7", "higher", "supported"),
    ("5.1.2", "remained stable", "supported"),
    ("5.1.2", "comparable", "supported"),
    ("5.1.2", "3.0%", "supported"),
    ("5.1.2", "4.8%", "supported"),
    ("5.1.2", "higher", "supported"),
    ("5.1.2", "for the second time \nthis financial year", "supported"),
    ("5.1.3", "upward", "supported"),
    ("5.1.3", "11 of the last 12 months", "supported"),
    ("5.1.3", "39.1%", "supported"),
    ("5.1.3", "48.5%", "supported"),
    ("5.1.4", "330", "supported"),
    ("5.1.4", "231", "supported"),
    ("5.1.4", "22", "supported"),
    ("5.1.5", "6", "not checkable"),
    ("5.1.5", "two", "not checkable"),
    ("5.1.6", "below", "supported"),
    ("5.1.6", "73%", "supported"),
    ("5.1.6", "78.1%", "supported"),
    ("5.1.6", "consistent", "supported"),
    ("5.1.6", "consistent", "supported"),
    ("5.2.1", "236", "supported"),
    ("5.2.1", "higher", "supported"),
    ("5.2.1", "lower", "supported"),
    ("5.2.1", "up", "supported"),
    ("5.2.1", "up", "supported"),
    ("5.2.1", "outlier", "supported"),
    ("5.2.2", "86", "not checkable"),
    ("5.2.2", "41", "not checkable"),
    ("5.2.3", "184", "supported"),
    ("5.2.3", "higher", "supported"),
    ("5.2.3", "lower", "supported"),
    ("5.2.3", "increase", "supported"),
    ("5.2.3", "stand out", "supported"),
    ("5.2.3", "fall", "supported"),
    ("5.2.4", "8.5%", "supported"),
    ("5.2.4", "higher", "supported"),
    ("5.2.4", "higher", "supported"),
    ("5.2.4", "outperform", "supported"),
    ("5.2.4", "improvements", "supported"),
    ("5.2.4", "improvements", "supported"),
    ("5.2.4", "one", "not checkable"),
    ("5.2.4", "16", "not checkable"),
    # "outcome 18 investigation complete" is an outcome type's code, not a count.
    ("5.2.5", "84.3%", "supported"),
    ("5.2.5", "higher", "supported"),
]


@pytest.fixture(scope="module")
def report() -> CheckReport:
    return checker_for(None).check_paper(SEED, month="2019-10")


def _in_scope(section: str | None) -> bool:
    return (section or "").startswith(("4.1", "4.2", "5.1", "5.2"))


def test_every_data_claim_of_4_1_to_5_2_is_read_with_its_verdict(report: CheckReport) -> None:
    found = [
        (v.claim.section, v.claim.text, v.verdict)
        for v in report.verdicts
        if _in_scope(v.claim.section)
    ]
    assert found == EXPECTED


def test_no_false_alarm_on_4_1_to_5_2(report: CheckReport) -> None:
    assert [v.claim.text for v in report.contradictions if _in_scope(v.claim.section)] == []
    assert [
        f.message
        for f in report.findings
        if f.contradicts
        and any(
            _in_scope(p.section) for p in report.document.paragraphs if p.start <= f.span[0] < p.end
        )
    ] == []


def test_the_seed_internal_faults_are_reported(report: CheckReport) -> None:
    kinds = sorted(f.kind for f in report.findings)
    assert "xref_missing" in kinds
    assert "xref_topic" in kinds
    assert "date_tense" in kinds
    assert not report.ok
