"""Forms seen in the tenth pass's texts, on projects the rules were not written on
(Northshire, the City of London): a figure its own sentence adds up, a change's direction
held to the change its size matched, a month's figure after the month before's, an
ampersand in a measure's name, a bullet glyph mid-line, a period in square brackets, "same
period last year" without its article and the figures in brackets after it, "bike theft"
and "better recording". Every figure of a claim comes from the project's figures, and each
rule has a wrong figure or word beside it that must still be caught."""

from __future__ import annotations

from pathlib import Path

from narrator.check import Verdict
from narrator.check.claims.model import new_claim
from narrator.check.text.parse import parse_text
from narrator.check.verdicts.closed import closed_figures
from narrator.check.verdicts.model import ClaimVerdict
from tests.check.conftest import checker_for, level, verdicts_by_text, whole

ROOT = Path(__file__).resolve().parents[2]
NORTHSHIRE = ROOT / "tests" / "projects" / "northshire"
CITY = ROOT / "samples" / "city-of-london"
CITY_AREA = "City of London"


_verdicts = verdicts_by_text
_n = whole


_SENTENCE = "Bicycle theft fell by 37 to 385, a drop of 8.8%."


def _figure(text: str, verdict: Verdict, **fields: object) -> ClaimVerdict:
    start = _SENTENCE.index(text)
    claim = new_claim(
        kind="figure",
        text=text,
        span=(start, start + len(text)),
        sentence=_SENTENCE,
        sentence_span=(0, len(_SENTENCE)),
        paragraph=0,
        measure="crimes_bicycle_theft",
        area=CITY_AREA,
        **fields,
    )
    return ClaimVerdict(
        claim, verdict, "", expected="40" if verdict is Verdict.CONTRADICTED else None
    )


def test_a_figure_its_sentence_adds_up_is_not_called_wrong() -> None:
    level_ = _figure("385", Verdict.SUPPORTED, value=385.0, unit="count")
    pct = _figure(
        "8.8%", Verdict.SUPPORTED, change_pct=-8.8, unit="percent", role="change", decimals=1
    )
    change = _figure(
        "37", Verdict.CONTRADICTED, change=-37.0, unit="count", role="change", direction="down"
    )
    out = closed_figures([level_, change, pct])
    # 37 / (385 + 37) is 8.8%: the writer worked it from the supported figures.
    assert out[1].verdict == Verdict.AMBIGUOUS
    assert "adds up" in out[1].message
    # One wrong figure breaks the sum: 36 / 421 is 8.6%, not 8.8%.
    wrong = _figure(
        "37", Verdict.CONTRADICTED, change=-36.0, unit="count", role="change", direction="down"
    )
    assert closed_figures([level_, wrong, pct])[1].verdict == Verdict.CONTRADICTED
    # With no supported figure beside it (an area or month swapped throughout), it stands.
    alone = [
        ClaimVerdict(v.claim, Verdict.CONTRADICTED, "", expected="1") for v in (level_, change, pct)
    ]
    assert all(v.verdict == Verdict.CONTRADICTED for v in closed_figures(alone))


def test_a_change_worked_on_the_wrong_base_is_still_caught() -> None:
    month = "2017-01"
    now = level(NORTHSHIRE, "thefts", "Northshire", month, month)
    before = level(NORTHSHIRE, "thefts", "Northshire", "2016-12", month)
    rise = now - before
    # The per cent of the new figure, not of the old: a slip the sum must not excuse.
    wrong = f"{100 * abs(rise) / now:.1f}%"
    more = "more" if rise > 0 else "fewer"
    text = (
        f"Northshire recorded {_n(now)} vehicle thefts in January, {_n(abs(rise))} {more} "
        f"than in December ({_n(before)}), a change of {wrong}.\n"
    )
    assert _verdicts(NORTHSHIRE, text, month)[wrong][3] == Verdict.CONTRADICTED


def test_a_month_before_named_beside_its_figure_is_held_to_it() -> None:
    month = "2019-05"
    may = level(NORTHSHIRE, "thefts", "Moorend", month, month)
    april = level(NORTHSHIRE, "thefts", "Moorend", "2019-04", month)
    said = may - 1 if may - 1 != april else may - 2
    text = (
        f"Moorend had {_n(may)} vehicle thefts in May, {_n(may - said)} more than "
        f"April's {_n(said)}.\n"
    )
    assert _verdicts(NORTHSHIRE, text, month)[_n(said)][3] == Verdict.CONTRADICTED


def test_a_changes_direction_is_that_of_the_change_its_size_matched() -> None:
    month = "2020-01"
    now = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2019-04..2020-01", month)
    before = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2018-04..2019-01", month)
    jan = level(CITY, "crimes_bicycle_theft", CITY_AREA, month, month)
    dec = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2019-12", month)
    assert now < before and jan > dec  # the year so far fell, the month rose
    fall = before - now
    pct = f"{100 * fall / before:.1f}%"
    head = "Crime in January 2020\n\nShoplifting is down on last year; bicycle theft has "
    right = f"{head}fallen by {_n(fall)} to {_n(now)}, a drop of {pct}, so January may be a blip.\n"
    assert _verdicts(CITY, right, month)[_n(fall)][3] == Verdict.SUPPORTED
    wrong = right.replace("fallen", "risen").replace(f", a drop of {pct}", "")
    assert _verdicts(CITY, wrong, month)[_n(fall)][3] == Verdict.CONTRADICTED


def test_a_direction_after_the_month_befores_figure_is_against_that_month() -> None:
    month = "2019-07"
    july = level(CITY, "crimes_robbery", CITY_AREA, month, month)
    june = level(CITY, "crimes_robbery", CITY_AREA, "2019-06", month)
    year_ago = level(CITY, "crimes_robbery", CITY_AREA, "2018-07", month)
    assert july < june and july > year_ago
    text = (
        f"June was the worst month for robbery with {_n(june)} offences; July fell back to "
        f"{_n(july)}, still above the {_n(year_ago)} recorded in July 2018.\n"
    )
    assert _verdicts(CITY, text, month)[_n(july)][3] == Verdict.SUPPORTED
    # Nor is "fell back" a fall from the figure of July 2018 the sentence adds.
    assert not checker_for(CITY).check_document(parse_text(text), month=month).findings
    wrong = text.replace("fell back", "climbed")
    assert _verdicts(CITY, wrong, month)[_n(july)][3] == Verdict.CONTRADICTED


def test_an_ampersand_in_a_measures_name() -> None:
    month = "2020-05"
    may = level(CITY, "crimes_violence_and_sexual_offences", CITY_AREA, month, month)
    april = level(CITY, "crimes_violence_and_sexual_offences", CITY_AREA, "2020-04", month)
    found = _verdicts(
        CITY, f"Violence & sexual offences: {_n(may)} in May (April: {_n(april)}).\n", month
    )
    assert found[_n(april)][:1] == ("crimes_violence_and_sexual_offences",)
    assert found[_n(april)][3] == Verdict.SUPPORTED
    wrong = _verdicts(
        CITY, f"Violence & sexual offences: {_n(may)} in May (April: {_n(april + 3)}).\n", month
    )
    assert wrong[_n(april + 3)][3] == Verdict.CONTRADICTED


def test_a_bullet_glyph_mid_line_starts_an_item() -> None:
    month = "2020-05"
    theft = level(CITY, "crimes_other_theft", CITY_AREA, month, month)
    theft_ago = level(CITY, "crimes_other_theft", CITY_AREA, "2019-05", month)
    person = level(CITY, "crimes_theft_from_the_person", CITY_AREA, month, month)
    bikes = level(CITY, "crimes_bicycle_theft", CITY_AREA, month, month)
    bikes_before = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2020-04", month)
    text = (
        f"May's theft figures: \u25aa\ufe0f Other theft {_n(theft)} ({_n(theft_ago)} in May 19) "
        f"\u25aa\ufe0f Theft from the person {_n(person)} \u25aa\ufe0f Bike theft "
        f"{_n(bikes)}, up from {_n(bikes_before)} in April\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    assert not report.contradictions
    read = {v.claim.text: v.claim for v in report.verdicts if v.claim.kind == "figure"}
    # "Bike theft" is bicycle theft, and the item's figure is not of May 2019.
    assert read[_n(bikes_before)].measure == "crimes_bicycle_theft"
    assert all(c.period != "2019-05" for t, c in read.items() if t != _n(theft_ago))


def test_a_period_in_square_brackets_is_its_own_figures() -> None:
    month = "2017-07"
    july = level(NORTHSHIRE, "thefts", "Northshire", month, month)
    june = level(NORTHSHIRE, "thefts", "Northshire", "2017-06", month)
    text = f"Vehicle thefts {_n(july)} [Jun: {_n(june)}] -> down on the month\n"
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[_n(july)][2] != "2017-06"
    assert found[_n(june)][3] == Verdict.SUPPORTED
    wrong = _verdicts(NORTHSHIRE, f"Vehicle thefts {_n(july)} [Jun: {_n(june + 9)}]\n", month)
    assert wrong[_n(june + 9)][3] == Verdict.CONTRADICTED


def test_same_period_last_year_without_its_article_and_brackets_after_it() -> None:
    month = "2019-02"
    run, before = "2018-04..2019-02", "2017-04..2018-02"
    thefts = level(NORTHSHIRE, "thefts", "Harbourside", run, month)
    thefts_ago = level(NORTHSHIRE, "thefts", "Harbourside", before, month)
    assaults = level(NORTHSHIRE, "assaults", "Harbourside", run, month)
    assaults_ago = level(NORTHSHIRE, "assaults", "Harbourside", before, month)
    rise = 100 * (thefts - thefts_ago) / thefts_ago
    text = (
        "Harbourside district\n\n"
        f"Since 1 April: vehicle thefts {_n(thefts)} ({_n(thefts_ago)} same period last year, "
        f"up {rise:.1f}%); assaults {_n(assaults)} ({_n(assaults_ago)})\n"
    )
    found = _verdicts(NORTHSHIRE, text, month)
    assert found[_n(thefts_ago)][2:] == (before, Verdict.SUPPORTED)
    assert found[f"{rise:.1f}%"][3] == Verdict.SUPPORTED
    # The bare bracket after the assaults is of the same earlier months.
    assert found[_n(assaults_ago)][2:] == (before, Verdict.SUPPORTED)
    # A rise worked on the new figure is a change held to the change, not a figure of the
    # same period last year.
    slip = 100 * (thefts - thefts_ago) / thefts
    wrong_rise = text.replace(f"up {rise:.1f}%", f"up {slip:.1f}%")
    assert _verdicts(NORTHSHIRE, wrong_rise, month)[f"{slip:.1f}%"][3] == Verdict.CONTRADICTED
    wrong = text.replace(f"({_n(assaults_ago)})", f"({_n(assaults_ago + 30)})")
    assert _verdicts(NORTHSHIRE, wrong, month)[_n(assaults_ago + 30)][3] == Verdict.CONTRADICTED


def test_better_recording_is_not_a_judgement_of_the_measure() -> None:
    month = "2019-10"
    text = "Part of the rise in assaults reflects better recording of crimes reported to us.\n"
    found = _verdicts(NORTHSHIRE, text, month)
    assert "better" not in found


def test_a_change_of_the_earlier_figure_and_an_unsure_pair_add_up() -> None:
    # "25 fewer than in August (56), a reduction of 44.6%": 25 / 56.
    earlier = _figure("385", Verdict.SUPPORTED, value=56.0, unit="count", role="reference")
    change = _figure(
        "37", Verdict.SUPPORTED, change=-25.0, unit="count", role="change", direction="down"
    )
    pct = _figure(
        "8.8%", Verdict.CONTRADICTED, change_pct=-44.6, unit="percent", role="change", decimals=1
    )
    assert closed_figures([change, earlier, pct])[2].verdict == Verdict.AMBIGUOUS
    # Worked on the figure after the fall (25 / 31 = 80.6%), it is not excused.
    slip = _figure(
        "8.8%", Verdict.CONTRADICTED, change_pct=-80.6, unit="percent", role="change", decimals=1
    )
    assert closed_figures([change, earlier, slip])[2].verdict == Verdict.CONTRADICTED
    # A pair the figures read unsure, neither contradicted, ties it as a supported one does.
    unsure = [
        ClaimVerdict(change.claim, Verdict.AMBIGUOUS, ""),
        ClaimVerdict(earlier.claim, Verdict.NOT_CHECKABLE, ""),
        pct,
    ]
    assert closed_figures(unsure)[2].verdict == Verdict.AMBIGUOUS
    both_wrong = [ClaimVerdict(change.claim, Verdict.CONTRADICTED, "", expected="9"), *unsure[1:]]
    assert closed_figures(both_wrong)[2].verdict == Verdict.CONTRADICTED


def test_a_figure_that_adds_up_is_not_contradicted_in_a_paper() -> None:
    month = "2019-09"
    now = level(CITY, "crimes_bicycle_theft", CITY_AREA, month, month)
    august = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2019-08", month)
    year_ago = level(CITY, "crimes_bicycle_theft", CITY_AREA, "2018-09", month)
    fall = august - now
    text = (
        f"In September there were {_n(now)} bicycle thefts. This is {_n(fall)} fewer than in "
        f"August ({_n(august)}), a reduction of {100 * fall / august:.1f}%, and a fall on "
        f"September 2018 ({_n(year_ago)}).\n"
    )
    report = checker_for(CITY).check_document(parse_text(text), month=month)
    assert not report.contradictions
    # Worked on September's figure instead, the per cent is still wrong.
    slip = f"{100 * fall / now:.1f}%"
    wrong = text.replace(f"{100 * fall / august:.1f}%", slip)
    assert _verdicts(CITY, wrong, month)[slip][3] == Verdict.CONTRADICTED


def test_a_direction_that_names_its_month_keeps_it_beside_a_year_agos_figure() -> None:
    month = "2020-07"
    july = level(CITY, "asb", CITY_AREA, month, month)
    june = level(CITY, "asb", CITY_AREA, "2020-06", month)
    year_ago = level(CITY, "asb", CITY_AREA, "2019-07", month)
    assert july == june and year_ago > 2 * july
    text = (
        f"Anti-social behaviour in July 2020\n\nASB was unchanged on June, at {_n(july)}, less "
        f"than half of the {_n(year_ago)} recorded in July 2019.\n"
    )
    found = _verdicts(CITY, text, month)
    assert found[_n(july)][3] == Verdict.SUPPORTED
    assert found[_n(year_ago)][2:] == ("2019-07", Verdict.SUPPORTED)
    wrong = text.replace("unchanged on June", "up on June")
    assert _verdicts(CITY, wrong, month)[_n(july)][3] == Verdict.CONTRADICTED
