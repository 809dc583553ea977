"""Forms of numbers seen in the eighth pass's fresh texts, on projects the rules were not
written on (Northshire, the City of London): numbers in words past a hundred, the press's
"8pc", a thread's "2/7", a committee's "14/2019/PSI", a shift's "2200–0300", "wk 36",
"Mon 29/08", an action log's "A34/16", and the figure after "since June, when there were
70". Every figure of a claim comes from the project's figures, and each rule has a wrong
figure beside it that must still be caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.check import Verdict
from narrator.check.text.dates import number_word
from narrator.check.text.parse import parse_text
from narrator.check.tokens.scanner import scan
from tests.check.conftest import checker_for, level

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"
MONTH = "2019-09"


def _level(root: Path, measure: str, area: str, period: str, month: str = MONTH) -> float:
    return level(root, measure, area, period, month)


def _figures(root: Path, text: str, month: str = MONTH) -> dict[str, tuple[object, ...]]:
    report = checker_for(root).check_document(parse_text(text), month=month)
    return {
        v.claim.text: (v.claim.measure, v.claim.area, v.claim.period, v.verdict)
        for v in report.verdicts
        if v.claim.kind == "figure"
    }


def _classes(root: Path, text: str, month: str = MONTH) -> dict[str, str]:
    report = checker_for(root).check_document(parse_text(text), month=month)
    return {n.text: n.cls for n in report.numbers}


def _labels(text: str) -> list[tuple[str, str]]:
    return [(m.label, text[m.start : m.end]) for m in scan(text)]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("two hundred and ninety-five", 295),
        ("a hundred and twenty-nine", 129),
        ("five hundred", 500),
        ("four hundred and ten", 410),
        ("three thousand", 3000),
        ("a thousand", 1000),
        ("twenty one", 21),
    ],
)
def test_numbers_in_words_past_a_hundred_are_one_number(words: str, value: int) -> None:
    assert number_word(words) == value
    assert _labels(f"We had {words} assaults.") == [("COUNT", words)]


def test_a_count_in_words_past_a_hundred_is_checked_whole() -> None:
    now = _level(NORTHSHIRE, "thefts", "Coastal", "2019-09")
    assert 200 <= now < 1000
    hundreds, rest = divmod(int(now), 100)
    units = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    tens = ["", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty"]
    tens += ["ninety"]
    assert rest >= 20 and rest % 10  # the Coastal figure of the month: 296
    said = f"{units[hundreds]} hundred and {tens[rest // 10]}-{units[rest % 10]}"
    text = f"Coastal Division. In September there were {said} vehicle thefts in Coastal.\n"
    assert _figures(NORTHSHIRE, text)[said][3] == Verdict.SUPPORTED
    wrong = text.replace(units[hundreds] + " hundred", units[hundreds - 1] + " hundred")
    assert _figures(NORTHSHIRE, wrong)[said.replace(units[hundreds], units[hundreds - 1], 1)][
        3
    ] in (Verdict.CONTRADICTED, Verdict.AMBIGUOUS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("all crime rose 8pc to 6,000", [("PERCENT", "8pc"), ("COUNT", "6,000")]),
        ("a 54pc share", [("PERCENT", "54pc")]),
        ("up 2.4pts on the year", [("POINTS", "2.4pts")]),
        ("up 2pp", [("POINTS", "2pp")]),
        ("There were 5 pc officers", [("COUNT", "5")]),  # a constable, not per cent
        ("a 4G mast", [("IDENT", "4G")]),
    ],
)
def test_units_written_against_the_figure(text: str, expected: list[tuple[str, str]]) -> None:
    assert _labels(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the 24-hour clock of a shift or a meeting is a time, not a count or a range
        ("Mtg Mon 05/09/16 0930hrs, Harbourside", [("DATE", "05/09/16"), ("TIME", "0930hrs")]),
        ("Fri/Sat 2200–0300.", [("TIME", "2200–0300")]),
        ("rose 1200-1500%", [("COUNT", "1200"), ("PERCENT", "1500%")]),
        # a week of the year, however written
        ("CARRY to wk 37.", [("QUARTER", "wk 37")]),
        # a day and month without a year, not a financial year
        ("(Mon 29/08 – Sun 04/09)", [("DATE", "29/08"), ("DATE", "04/09")]),
        ("in 18/19 and 19/20", [("FY", "18/19"), ("FY", "19/20")]),
        # "the 24 of May 2018" after "double" is May's figure; after "on" a date
        ("almost double the 24 of May 2018", [("COUNT", "24"), ("DATE", "May 2018")]),
        ("The meeting on the 1 of January", [("DATE", "1 of January")]),
        ("only 7 of February's thefts", [("COUNT", "7"), ("DATE", "February")]),
        ("on the 24th of May 2018", [("DATE", "the 24th of May 2018")]),
    ],
)
def test_times_weeks_and_days(text: str, expected: list[tuple[str, str]]) -> None:
    assert _labels(text) == expected


@pytest.mark.parametrize(
    ("text", "number", "cls"),
    [
        (
            "Q1. Councillor M. Smith (Fenland District Council)\n\nAsked about burglary.",
            "Q1",
            "reference",
        ),
        ("Issue 7 | Circulated 18 April 2019\n\nTheft fell.", "7", "reference"),
        ("Agenda Item No: 7\n\nTheft fell.", "7", "reference"),
        ("Finding 3 Classification (effective)\n\nTheft fell.", "3", "reference"),
        ("Policy briefing no. 11 | December 2019", "11", "reference"),
        ("Searches for theft (minute 6, 7 November 2019) were discussed.", "6", "reference"),
        ("References 14/2019/PSI and 17/2019/PSI can be closed.", "14/2019/PSI", "reference"),
        ("Urgent incidents should always be reported on 999.", "999", "reference"),
        ("Tel No: 01480 388388", "01480 388388", "reference"),
        ("Or call 0800 40 50 40 at any time.", "0800 40 50 40", "reference"),
        ("Use the 101 online reporting form.", "101", "reference"),
        ("The force recorded crimes (excluding fraud)1, more than before.", "1", "reference"),
        ("The rate was 83.6 per 1,000 for England and Wales2.\n", "2", "reference"),
        ("(Extract: sections 4 to 6 are set out below.)", "6", "reference"),
    ],
)
def test_references_of_committees_threads_and_notes(text: str, number: str, cls: str) -> None:
    assert _classes(CITY, text, "2019-11")[number] == cls


def test_a_threads_post_numbers_are_references_and_one_alone_may_be_a_date() -> None:
    thread = (
        "1/3 How was November in the Square Mile?\n\n"
        "2/3 We recorded crimes in November.\n\n"
        "3/3 Thank you for reporting.\n"
    )
    classes = _classes(CITY, thread, "2019-11")
    assert [classes[f"{n}/3"] for n in (1, 2, 3)] == ["reference"] * 3
    assert "1/7" not in _classes(CITY, "1/7 was a busy day.\n", "2019-11") or (
        _classes(CITY, "1/7 was a busy day.\n", "2019-11")["1/7"] != "reference"
    )


def test_an_action_logs_numbers_are_references() -> None:
    text = (
        "1. ACTIONS FROM LAST WEEK\n"
        "- A34/16 CCTV trawl done, suspects identified. CLOSE.\n"
        "- T2 Retail park high-visibility patrols, owner Insp EM.\n"
        "- See A34/16 for the details.\n"
    )
    classes = _classes(NORTHSHIRE, text)
    assert classes["A34/16"] == "reference"
    assert classes["T2"] == "reference"


def test_the_figure_after_since_a_month_when_there_were_is_that_months() -> None:
    june = _level(NORTHSHIRE, "thefts", "Northshire", "2019-06")
    text = (
        "Vehicle thefts in September were the lowest since June 2019, when there were "
        f"{june:.0f}.\n"
    )
    got = _figures(NORTHSHIRE, text)
    assert got[f"{june:.0f}"][2:] == ("2019-06", Verdict.SUPPORTED)
    wrong = _figures(NORTHSHIRE, text.replace(f"were {june:.0f}", f"were {june + 40:.0f}"))
    assert wrong[f"{june + 40:.0f}"][2:] == ("2019-06", Verdict.CONTRADICTED)


def test_a_multiple_of_a_months_total_is_what_is_compared_with() -> None:
    now = _level(CITY, "crimes_all", "City of London", "2020-10", "2020-10")
    then = _level(CITY, "crimes_all", "City of London", "2019-10", "2020-10")
    pct = round(100 * (then - now) / then)
    text = (
        f"There were {now:.0f} crimes in October. That is nearly three times the May total, "
        f"but still around {pct}% lower than October last year.\n"
    )
    got = _figures(CITY, text, "2020-10")
    assert got[f"{pct}%"][2:] == ("2020-10", Verdict.SUPPORTED)


def test_a_solved_rate_named_by_its_kind_is_the_rate() -> None:
    rate = _level(NORTHSHIRE, "solve_rate", "Moorend", "2019-09")
    solved = _level(NORTHSHIRE, "thefts_solved", "Moorend", "2019-09")
    text = (
        f"So far {solved:.0f} of September's vehicle thefts in Moorend have been solved, a "
        f"solved rate of {rate:.1f}%.\n"
    )
    got = _figures(NORTHSHIRE, text)
    assert got[f"{rate:.1f}%"][0] == "solve_rate"
    assert got[f"{rate:.1f}%"][3] == Verdict.SUPPORTED


def test_an_improvement_in_points_is_of_the_rate() -> None:
    now = _level(NORTHSHIRE, "solve_rate", "Northshire", "FY:2018", "2019-03")
    then = _level(NORTHSHIRE, "solve_rate", "Northshire", "FY:2017", "2019-03")
    word = "an improvement" if now > then else "a deterioration"
    text = (
        f"In 2018/19 the solved rate for vehicle thefts moved from {then:.1f}% to {now:.1f}%, "
        f"{word} of {abs(now - then):.1f} percentage points.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month="2019-03")
    (direction,) = [v for v in report.verdicts if v.claim.kind == "direction"]
    assert direction.claim.measure == "solve_rate"
    assert direction.verdict == Verdict.SUPPORTED


def test_a_bullet_or_an_arrow_inside_a_line_starts_an_item_of_its_own() -> None:
    month = "2018-12"
    shop = _level(CITY, "crimes_shoplifting", "City of London", "2018-12", month)
    shop_before = _level(CITY, "crimes_shoplifting", "City of London", "2018-11", month)
    theft = _level(CITY, "crimes_theft_from_the_person", "City of London", "2018-12", month)
    text = (
        f"December in the City ➡️ Shoplifting down to {shop:.0f} ({shop_before:.0f} in Nov) "
        f"➡️ Theft from the person {theft:.0f}\n"
    )
    got = _figures(CITY, text, month)
    # the month of the item before ("in Nov") is not the next item's
    assert got[f"{theft:.0f}"][2] != "2018-11"
    assert got[f"{theft:.0f}"][3] != Verdict.CONTRADICTED


def test_last_month_in_brackets_before_a_figure_is_the_month_before() -> None:
    now = _level(NORTHSHIRE, "assaults", "Fellgate", "2019-09")
    before = _level(NORTHSHIRE, "assaults", "Fellgate", "2019-08")
    text = (
        "Fellgate District. The month in numbers:\n"
        f"• Assaults: {now:.0f} (last month {before:.0f})\n"
    )
    got = _figures(NORTHSHIRE, text)
    assert got[f"{before:.0f}"][2:] == ("2019-08", Verdict.SUPPORTED)
    wrong = _figures(NORTHSHIRE, text.replace(f"month {before:.0f}", f"month {before + 9:.0f}"))
    assert wrong[f"{before + 9:.0f}"][3] == Verdict.CONTRADICTED


def test_a_part_of_an_areas_total_is_not_that_areas_figure() -> None:
    part = _level(NORTHSHIRE, "thefts", "Harbourside", "R12:2019-09")
    whole = _level(NORTHSHIRE, "thefts", "Northshire", "R12:2019-09")
    text = (
        f"Over the last 12 months, {part:,.0f} of the force's {whole:,.0f} vehicle thefts "
        "happened in the town.\n"
    )
    report = checker_for(NORTHSHIRE).check_document(parse_text(text), month=MONTH)
    (figure,) = [v for v in report.verdicts if v.claim.text == f"{part:,.0f}"]
    assert figure.verdict != Verdict.CONTRADICTED
