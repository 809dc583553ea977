"""The numbers of a text as the checker reports them: span, class, kind and claim."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from narrator.check.text.parse import parse_text
from narrator.cli.app import app
from tests.check.conftest import checker_for

TEXT = """Date: 19th December 2019

## 4.1 Strategic measures

4.1.2 The all crime 12 month prosecution possible outcome rate fell to 9.7% in October 2019,
a decrease of 0.3 percentage points; 999 and 101 call volumes rose (see 4.1.3). A 41-year-old
man was charged.

4.1.3 There were 2,013 crimes.
"""


def _numbers() -> list[dict[str, object]]:
    report = checker_for(None).check_document(parse_text(TEXT), month="2019-10")
    return [n.as_dict() for n in report.numbers]


def test_every_number_has_its_class_and_kind() -> None:
    found = [(n["text"], n["class"], n["kind"]) for n in _numbers()]
    assert found == [
        ("19th December 2019", "period", None),
        ("4.1", "reference", None),
        ("4.1.2", "reference", None),
        ("12", "period", None),
        (
            "9.7%",
            "value",
            "percent",
        ),
        ("October 2019", "period", None),
        ("0.3 percentage points", "value", "pp"),
        ("999", "other", None),
        ("101", "other", None),
        ("4.1.3", "reference", None),
        ("41-year-old", "other", None),
        ("4.1.3", "reference", None),
        ("2,013", "value", "count"),
    ]


def test_spans_point_into_the_text_and_values_name_their_verdict() -> None:
    report = checker_for(None).check_document(parse_text(TEXT), month="2019-10")
    for number in report.numbers:
        assert TEXT[number.start : number.end] == number.text
        if number.cls == "value":
            assert number.claim is not None
            assert report.verdicts[number.claim].claim.span == (number.start, number.end)
        else:
            assert number.claim is None


def test_the_json_report_lists_the_numbers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    paper = tmp_path / "paper.md"
    paper.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", str(paper), "--month", "2019-10", "--format", "json"], env={"COLUMNS": "200"}
    )
    report = json.loads(result.stdout)
    assert report["numbers"] == _numbers()
    assert set(report["numbers"][0]) == {"start", "end", "text", "class", "kind", "claim"}
