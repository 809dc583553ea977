"""The accuracy scorer of bench/check_accuracy.py on a tiny hand-made paper and report."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from tests.data.papers.corpus import Label, Paper, Span

TEXT = "Page 2. Crime rose 5% to 120 in May 2019; Kent rose 9%. See 4.2. One of the few."


def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "bench" / "check_accuracy.py"
    spec = importlib.util.spec_from_file_location("check_accuracy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_accuracy"] = module
    spec.loader.exec_module(module)
    return module


def _label(text: str, cls: str, kind: str | None = None, **extra: object) -> Label:
    start = TEXT.index(text)
    return Label(start, start + len(text), text, cls, kind, **extra)  # type: ignore[arg-type]


PAPER = Paper(
    name="tiny",
    path=Path("tiny.txt"),
    text=TEXT,
    labels=(
        _label("2", "reference", "page"),
        _label("5%", "value", "percent", project="cambridgeshire", truth=True),
        _label("120", "value", "count", project="cambridgeshire", truth=False, true_value="112"),
        _label("May 2019", "period", "month"),
        _label("9%", "value", "percent"),
        _label("4.2", "reference", "section"),
    ),
    not_numbers=(Span(TEXT.index("One"), TEXT.index("One") + 3, "One"),),
    faults=(),
    split="development",
    month="2019-05",
    check_project="cambridgeshire",
    about="cambridgeshire",
    organisation="x",
    document_type="y",
)


def _verdict(text: str, verdict: str, kind: str = "figure", unit: str = "count") -> dict:
    start = TEXT.index(text)
    return {
        "span": [start, start + len(text)],
        "verdict": verdict,
        "text": text,
        "claim": {"kind": kind, "unit": unit, "sentence_span": [8, 42]},
    }


def test_claims_stand_in_for_numbers_when_the_report_has_none() -> None:
    bench = _bench()
    report = {
        "verdicts": [
            _verdict("2", "not checkable"),  # a page number read as a figure
            _verdict("5%", "contradicted", unit="percent"),  # true value contradicted
            _verdict("120", "contradicted"),  # false value caught
            _verdict("9%", "contradicted", unit="percent"),  # another force: false alarm
            _verdict("4.2", "supported", kind="xref"),
        ],
        "findings": [{"span": [TEXT.index("120"), TEXT.index("120") + 3]}, {"span": [0, 4]}],
    }
    result = _bench().summary(bench.score_paper(PAPER, report))
    classes = result["classes"]
    assert classes["value"] == {"labels": 3, "recall": 1.0, "reported": 4, "precision": 0.75}
    assert classes["reference"] == {"labels": 2, "recall": 0.5, "reported": 1, "precision": 1.0}
    assert classes["period"]["recall"] == 0.0 and classes["period"]["reported"] == 0
    assert result["value_kind_accuracy"] == 1.0
    assert (result["data_claims"], result["contradicted"], result["false_contradictions"]) == (
        4,
        3,
        2,
    )
    assert result["false_contradiction_rate"] == 0.5
    assert result["false_values_caught"] == 1.0
    # the finding on the false value is right; the one on "Page" is a false alarm
    assert result["false_internal_findings_per_10_texts"] == 10.0


def test_the_numbers_list_is_used_when_present() -> None:
    bench = _bench()

    def number(text: str, cls: str, kind: str | None = None) -> dict:
        start = TEXT.index(text)
        return {
            "start": start,
            "end": start + len(text),
            "text": text,
            "class": cls,
            "kind": kind,
            "claim": None,
        }

    report = {
        "numbers": [
            number("2", "reference"),
            number("5%", "value", "percent"),
            number("120", "value", "rate"),
            number("May", "period"),
            number("2019", "value"),
            number("9%", "value", "percent"),
            number("4.2", "reference"),
            number("One", "other"),
        ],
        "verdicts": [],
        "findings": [],
    }
    result = bench.summary(bench.score_paper(PAPER, report))
    classes = result["classes"]
    assert classes["reference"]["recall"] == 1.0
    # "May 2019" is half period, half value: not classified right, and "2019" is a false value
    assert classes["period"] == {"labels": 1, "recall": 0.0, "reported": 1, "precision": 1.0}
    assert classes["value"]["precision"] == 0.75
    # "One" is not a number: reading it as structure is neither right nor wrong
    assert classes["other"]["reported"] == 0
    assert result["value_kind_accuracy"] == 0.667  # "120" read as a rate, not a count
    assert result["false_contradiction_rate"] is None


def test_rules_only_keeps_every_value_the_rules_read() -> None:
    from narrator.check.number import Number
    from narrator.check.number_model import DOUBT, second_reading

    bench = _bench()
    text = "Results page:  1  2  3  4  5   Next\n"
    values = [Number(i, i + 1, text[i], "value", "count") for i in range(15, 28, 3)]
    flipped, _ = second_reading(text, values, [])
    assert [n.cls for n in flipped] != ["value"] * len(values)
    with bench.rules_only(True):
        kept, _ = second_reading(text, values, [])
    assert [n.cls for n in kept] == ["value"] * len(values)
    from narrator.check import number_model

    assert number_model.DOUBT == DOUBT  # restored
