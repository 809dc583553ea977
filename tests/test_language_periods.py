"""The one period value: labels that round-trip, prose, spans, refusals, and every label the
fact engine writes."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrator.api import load
from narrator.errors import MonthError
from narrator.facts import compute_facts
from narrator.language.periods import PEER_BASES, Month, Period, PeriodKind
from narrator.resources import sample_dir

OCT_2019 = Month.parse("2019-10")


@pytest.mark.parametrize(
    ("label", "period", "prose"),
    [
        ("2019-10", Period.month(OCT_2019), "October 2019"),
        ("R12:2019-10", Period.rolling(OCT_2019), "the 12 months to October 2019"),
        ("R3:2019-10", Period.rolling(OCT_2019, 3), "the 3 months to October 2019"),
        ("R1:2019-10", Period.rolling(OCT_2019, 1), "October 2019"),
        ("FY:2018", Period.financial_year(2018), "2018/19"),
        ("YTD:2019-10", Period.year_to_date(OCT_2019), "the financial year to date"),
        ("CY:2019", Period.calendar_year(2019), "2019"),
        ("CY:2019:2019-10", Period.calendar_to_date(OCT_2019), "2019 to the end of October"),
        ("D:2019-11-01", Period.on(date(2019, 11, 1)), "the start of November"),
        ("D:2019-11-26", Period.on(date(2019, 11, 26)), "26th November"),
        ("AVG12:2019-10", Period.average(OCT_2019, 12), "the 12 months before October 2019"),
        ("XMR24:2019-10", Period.baseline(OCT_2019, 24), "the 24 months before October 2019"),
        ("T60:2019-10", Period.trend(OCT_2019, 60), "the 60 months to October 2019"),
        ("L12:2019-10", Period.last(OCT_2019), "the last 12 months"),
        ("CYMAX:2014..2018", Period.years(2014, 2018), "every year from 2014 to 2018"),
        ("LT:2016-04..2019-03", Period.between(OCT_2019 - 42, OCT_2019 - 7),
         "April 2016 to March 2019"),
        ("month:2019-09", Period.peer("month", OCT_2019 - 1), "September 2019"),
        ("rolling_year:2018-10", Period.peer("rolling_year", OCT_2019 - 12),
         "the 12 months to October 2018"),
    ],
)  # fmt: skip
def test_labels_and_prose(label: str, period: Period, prose: str) -> None:
    assert Period.parse(label) == period
    assert str(period) == period.label == label
    assert period.prose() == prose


@pytest.mark.parametrize(
    ("label", "first", "last"),
    [
        ("2019-10", "2019-10", "2019-10"),
        ("R12:2019-10", "2018-11", "2019-10"),
        ("FY:2018", "2018-04", "2019-03"),
        ("YTD:2019-10", "2019-04", "2019-10"),
        ("YTD:2019-02", "2018-04", "2019-02"),
        ("CY:2019", "2019-01", "2019-12"),
        ("CY:2019:2019-10", "2019-01", "2019-10"),
        ("AVG12:2019-10", "2018-10", "2019-09"),
        ("XMR24:2019-10", "2017-10", "2019-09"),
        ("T60:2019-10", "2014-11", "2019-10"),
        ("CYMAX:2014..2018", "2014-01", "2018-12"),
        ("rolling_year:2018-10", "2017-11", "2018-10"),
    ],
)
def test_spans(label: str, first: str, last: str) -> None:
    period = Period.parse(label)
    assert period.first_month == Month.parse(first)
    assert period.last_month == Month.parse(last)


def test_a_date_covers_no_whole_month() -> None:
    assert Period.parse("D:2019-11-26").span is None


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("Q3:2019", "'Q3:2019' is not a period label"),
        ("R12:2019", "'R12:2019' needs a month"),
        ("FY:2018-10", "'FY:2018-10' names a month; FY: takes a year, e.g. FY:2018"),
        ("R0:2019-10", "'R0:2019-10' has a window of no months"),
        ("Q3:2019-10", "'Q3:2019-10' has an unknown window 'Q'"),
        ("2019-13", "'2019-13' is not a month"),
        ("CY:2019:2018-10", "is not a calendar year to date"),
        ("D:2019-02-30", "'D:2019-02-30' day is out of range"),
        ("２０１９-１０", "is not a period label"),
        ("2019-10\n", "is not a period label"),
    ],
)
def test_refusals_say_what_was_expected(label: str, message: str) -> None:
    with pytest.raises(ValueError, match="^where: .*" + re.escape(message)):
        Period.parse(label.rstrip("\n") + ("x" if label.endswith("\n") else ""), "where")


def test_of_takes_a_period_a_label_or_a_month() -> None:
    period = Period.rolling(OCT_2019)
    assert Period.of(period) is period
    assert Period.of("R12:2019-10") == period
    assert Period.of(OCT_2019) == Period.month(OCT_2019) == Period.of(OCT_2019.index)
    with pytest.raises(ValueError, match="expected a period label or a month"):
        Period.of(True)


def test_periods_are_built_whole() -> None:
    with pytest.raises(ValueError, match="a month period needs end"):
        Period(PeriodKind.MONTH)
    with pytest.raises(ValueError, match="a month period takes no length"):
        Period(PeriodKind.MONTH, end=OCT_2019, length=3)
    with pytest.raises(ValueError, match="a peer comparison against 'week'"):
        Period.peer("week", OCT_2019)


_MONTHS = st.integers(min_value=1900 * 12, max_value=2199 * 12 + 11).map(Month)
_LENGTHS = st.integers(min_value=1, max_value=600)
_YEARS = st.integers(min_value=1900, max_value=2199)
PERIODS = st.one_of(
    _MONTHS.map(Period.month),
    st.builds(Period.rolling, _MONTHS, _LENGTHS),
    _YEARS.map(Period.financial_year),
    _MONTHS.map(Period.financial_year_of),
    _MONTHS.map(Period.year_to_date),
    _YEARS.map(Period.calendar_year),
    _MONTHS.map(Period.calendar_to_date),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)).map(Period.on),
    st.builds(Period.average, _MONTHS, _LENGTHS),
    st.builds(Period.baseline, _MONTHS, _LENGTHS),
    st.builds(Period.trend, _MONTHS, _LENGTHS),
    st.builds(Period.last, _MONTHS, _LENGTHS),
    st.tuples(_YEARS, _YEARS).map(lambda pair: Period.years(min(pair), max(pair))),
    st.tuples(_MONTHS, _MONTHS).map(lambda pair: Period.between(min(pair), max(pair))),
    st.builds(Period.peer, st.sampled_from(PEER_BASES), _MONTHS),
)


@given(PERIODS)
def test_every_period_label_round_trips(period: Period) -> None:
    assert Period.parse(str(period)) == period
    assert Period.parse(period.label).label == period.label
    assert period.prose()


@given(PERIODS)
def test_a_span_runs_forwards(period: Period) -> None:
    span = period.span
    if span is not None:
        assert span[0] <= span[1]
        if period.length is not None and period.kind is not PeriodKind.PEER:
            assert span[1] - span[0] + 1 == period.length


def test_every_label_the_engine_writes_parses() -> None:
    project, figures = load(sample_dir())
    facts = compute_facts(figures, OCT_2019.index, project.settings)
    labels = {f.period for f in facts} | {f.reference_period for f in facts if f.reference_period}
    kinds = set()
    for label in sorted(labels):
        period = Period.parse(label)
        assert period.label == label
        kinds.add(period.kind)
    # The sample's facts use most kinds of period; each is read by the one grammar.
    assert {PeriodKind.MONTH, PeriodKind.ROLLING, PeriodKind.FINANCIAL_YEAR} <= kinds
    assert {PeriodKind.DATE, PeriodKind.CALENDAR_TO_DATE, PeriodKind.PEER} <= kinds
    assert {PeriodKind.RANGE, PeriodKind.YEARS, PeriodKind.AVERAGE, PeriodKind.BASELINE} <= kinds


def test_months_are_values() -> None:
    assert OCT_2019.iso == str(OCT_2019) == "2019-10"
    assert (OCT_2019.year, OCT_2019.number, OCT_2019.name) == (2019, 10, "October")
    assert OCT_2019.label == "October 2019"
    assert OCT_2019.fy_start == Month.parse("2019-04")
    assert Month.parse("2019-03").fy_label == "2018/19"
    assert Month.parse("2018-10") == OCT_2019 - 12
    assert OCT_2019 + 3 == 3 + OCT_2019 == Month.parse("2020-01")
    assert OCT_2019 - Month.parse("2018-10") == 12
    assert Month.of("2019-10") == Month.of(OCT_2019.index) == Month.of(OCT_2019) == OCT_2019
    assert sorted([OCT_2019, OCT_2019 - 1]) == [OCT_2019 - 1, OCT_2019]


def test_a_month_is_not_a_number() -> None:
    with pytest.raises(TypeError):
        json.dumps({"month": OCT_2019})
    with pytest.raises(TypeError):
        OCT_2019 + True  # type: ignore[operator]
    with pytest.raises(MonthError, match="is not a month"):
        Month.of(2019.5)  # type: ignore[arg-type]


@given(_MONTHS, st.integers(min_value=-1200, max_value=1200))
def test_month_arithmetic_and_text_round_trip(month: Month, n: int) -> None:
    assert Month.parse(str(month)) == month
    assert (month + n) - n == month
    assert (month + n) - month == n
