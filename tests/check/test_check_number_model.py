"""The learned second reading of a value's class: its features, the shipped model, and how
the checker uses it (only on values the rules did not read from their sentence's words)."""

from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from narrator.check import Verdict
from narrator.check.number import Number
from narrator.check.number_model import (
    DOUBT,
    MODEL_PATH,
    NumberModel,
    features,
    number_model,
    second_reading,
)
from tests.check.conftest import checker_for, level, whole

from .test_check_eleventh_places import NORTHSHIRE


def test_features_are_the_numbers_shape_words_and_line() -> None:
    text = "Results page:  1  2  3   Next\nThefts rose to 412 in May.\n"
    at = text.index("2")
    found = features(text, at, at + 1)
    assert found["shape=9"] == 1
    assert found["digits=1"] == 1
    assert found["b0=:"] == 1 and found["b1=page"] == 1
    assert found["lfirst=results"] == 1
    assert "startline" not in found  # zero-valued features are left out
    at = text.index("412")
    later = features(text, at, at + 3)
    assert later["pl=next"] == 1  # the last words of the line before
    assert later["a0=in"] == 1 and later["ab=in may"] == 1


def test_a_year_is_told_from_other_four_digit_numbers() -> None:
    text = "up to 2019 and up to 1118"
    assert features(text, 6, 10)["digits=year"] == 1
    assert features(text, 21, 25)["digits=4"] == 1


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), st.data())
def test_probabilities_are_a_distribution_for_any_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    odds = number_model().probabilities(text, start, end)
    assert set(odds) == {"other", "period", "reference", "value"}
    assert math.isclose(sum(odds.values()), 1.0)
    assert all(0.0 <= p <= 1.0 for p in odds.values())


def test_the_shipped_model_matches_the_features_it_is_read_with() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["classes"] == ["other", "period", "reference", "value"]
    assert data["examples"] > 10_000
    # If features() changed without a retrain, its names would be missing from the weights.
    text = "Vehicle thefts in Fellgate rose to 84 in May, up 12% on April (75). See page 4.\n"
    spots = (text.index("84"), text.index("4."))
    names = [name for at in spots for name in features(text, at, at + 2)]
    known = sum(name in data["weights"] for name in names)
    assert known / len(names) > 0.6


def test_the_shipped_model_reads_a_listing_and_a_figure() -> None:
    model = number_model()
    text = "Results page:  1  2  3  4  5   Next\nThefts rose to 412 in May.\n"
    at = text.index("3")
    assert model.probabilities(text, at, at + 1)["value"] < DOUBT
    at = text.index("412")
    assert max(model.probabilities(text, at, at + 3).items(), key=lambda kv: kv[1])[0] == "value"


def test_the_checker_takes_back_a_bare_number_it_doubts_and_keeps_a_figure() -> None:
    month = "2019-05"
    may = level(NORTHSHIRE, "thefts", "Fellgate", month, month)
    text = (
        "Search results for vehicle thefts\n\n"
        "Results page:  1  2  3  4  5   Next\n\n"
        f"Vehicle thefts in Fellgate rose to {whole(may)} in May.\n"
    )
    report = checker_for(NORTHSHIRE).check_text(text, month=month)
    classes = {n.text: n.cls for n in report.numbers}
    assert classes["3"] == "reference"
    assert classes[whole(may)] == "value"
    judged = {v.claim.text: v.verdict for v in report.verdicts}
    assert judged[whole(may)] == Verdict.SUPPORTED
    assert all(v != Verdict.CONTRADICTED for t, v in judged.items() if t in "12345")


def _fake(value: float) -> NumberModel:
    """A model that gives every number the same odds of a value (the rest a reference)."""
    logit = math.log(value / (1 - value))
    return NumberModel(("other", "period", "reference", "value"), (-50.0, -50.0, 0.0, logit), {})


def test_a_doubted_value_is_not_judged_and_a_sure_one_is_kept(monkeypatch: object) -> None:
    month = "2019-05"
    may = level(NORTHSHIRE, "thefts", "Fellgate", month, month)
    report = checker_for(NORTHSHIRE).check_text(
        f"Fellgate: {whole(may + 30)}\n\nVehicle thefts in Fellgate rose to {whole(may)} in May.\n",
        month=month,
    )
    numbers = [n for n in report.numbers if n.cls == "value"]
    import narrator.check.number_model as module

    for odds, expect in ((DOUBT / 2, "reference"), (DOUBT * 2, "value")):
        monkeypatch.setattr(module, "number_model", lambda odds=odds: _fake(odds))  # type: ignore[attr-defined]
        out, verdicts = second_reading(report.document.text, report.numbers, report.verdicts)
        by_text = {n.text: n for n in out}
        # the figure whose measure its sentence names is never put in doubt
        assert by_text[whole(may)].cls == "value"
        bare = by_text[whole(may + 30)]
        assert bare.cls == expect
        claim = next(n.claim for n in numbers if n.text == whole(may + 30))
        assert claim is not None
        if expect == "reference":
            assert verdicts[claim].verdict == Verdict.NOT_CHECKABLE
            assert "reads it as a reference" in verdicts[claim].message


def test_a_number_the_rules_did_not_call_a_value_is_left_alone(monkeypatch: object) -> None:
    import narrator.check.number_model as module

    monkeypatch.setattr(module, "number_model", lambda: _fake(0.001))  # type: ignore[attr-defined]
    kept = [Number(0, 4, "2019", "period"), Number(9, 10, "3", "reference")]
    out, verdicts = second_reading("2019 page 3", kept, [])
    assert out == kept and verdicts == []
