"""The kinds of fact the engine makes, and the typed record each kind keeps in ``detail``.

A fact's ``kind`` is a :class:`FactKind` (a string enum: ``FactKind.RECORD == "record"``, so
facts keep their plain JSON) and its ``detail`` is a plain mapping whose keys and types are
those of its kind's ``TypedDict`` below (:data:`DETAILS`; a test holds every fact the engine
makes to them). Code that reads a detail asks for its typed record,
``detail_of(fact, StreakDetail)["previous_length"]``, rather than a bare key of a bare dict.
"""

# No ``from __future__ import annotations`` here: TypedDict reads ``NotRequired`` from the
# annotations as written, and on Python 3.11 it cannot see it in a string.
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, NotRequired, TypedDict, TypeVar, cast

from narrator.facts.model import Fact


class FactKind(StrEnum):
    """Every kind of fact; the value is the kind as facts, ids and JSON write it."""

    LEVEL = "level"
    LEVEL_ROLLING = "level.rolling"
    CHANGE_MONTH = "change.month"
    CHANGE_ROLLING_MONTH = "change.rolling_month"
    CHANGE_YEAR = "change.year"
    CHANGE_ROLLING_YEAR = "change.rolling_year"
    CHANGE_FINANCIAL_YEAR = "change.financial_year"
    CHANGE_YEAR_TO_DATE = "change.year_to_date"
    CHANGE_AVERAGE = "change.average"
    STREAK_ROLLING = "streak.rolling"
    STREAK_MONTH = "streak.month"
    RECORD = "record"
    COUNT_ABOVE_PREVIOUS_YEARS = "count.above_previous_years"
    BENCHMARK_LONG_TERM = "benchmark.long_term"
    BENCHMARK_YEAR_END = "benchmark.year_end"
    XMR_SIGNAL = "xmr.signal"
    TREND_LONG_TERM = "trend.long_term"
    AREA_VARIATION = "area.variation"
    AREA_OUTLIER = "area.outlier"
    SHARE_SHIFT = "share.shift"
    SNAPSHOT_CHANGE = "snapshot.change"
    CALENDAR_YEAR_TO_DATE = "calendar.year_to_date"


class NoDetail(TypedDict):
    """Kinds whose figures say everything: changes, benchmarks against the long term."""


class LevelDetail(TypedDict):
    """A level: a rate's numerator and denominator (a count has neither)."""

    numerator: NotRequired[float]
    denominator: NotRequired[float]


class YearsDetail(TypedDict):
    """The same month ``years`` years before."""

    years: int


class AverageDetail(TypedDict):
    """The month against the average of the ``months`` months before it (``seasonal`` when
    the average is held to the season)."""

    months: int
    seasonal: NotRequired[bool]


class StreakDetail(TypedDict):
    """A run of month-on-month moves, or the run the current month broke.

    ``since`` is the month before the run began ("YYYY-MM", "" before the data) and
    ``since_known`` whether the figures reach back that far.
    """

    length: int
    broken: bool
    previous_direction: str
    previous_length: int
    since: str
    since_known: bool


class RecordDetail(TypedDict):
    """The highest or lowest value for ``months`` months, or ever (``on_record``)."""

    record: str
    months: int
    since: str
    on_record: bool
    history_starts: str
    since_value: float | None


class AboveDetail(TypedDict):
    """Of the last ``months`` months, how many were above (the value) and ``below`` the same
    month in each of the previous ``years`` years."""

    below: int
    months: int
    years: int


class YearEndDetail(TypedDict):
    """How many times this financial year the rolling 12 months were on the same side of the
    year end benchmark."""

    times_this_fy: int


class SignalDetail(TypedDict):
    """An XmR signal ("above_upper_limit", "run_below_centre"...) against its baseline
    (``seasonal`` when charted seasonally adjusted)."""

    signal: str
    baseline_months: int
    seasonal: NotRequired[bool]


class TrendDetail(TypedDict):
    """A least-squares trend over ``months`` months: its mean and change a year in per cent."""

    months: int
    mean: float
    percent_per_year: float


class ChildMove(TypedDict):
    """One child area's rolling 12 month change, in an area variation."""

    area: str
    value: float
    reference: float
    change: float
    significant: bool
    direction: str


class VariationDetail(TypedDict):
    """How the children of an area moved."""

    children: list[ChildMove]


class OutlierDetail(TypedDict):
    """An area standing out among its peers on one comparison ("month", "year",
    "rolling_year"), its change in "points" or "percent"."""

    comparison: str
    change_unit: str


class SharePart(TypedDict):
    """One part's share of a whole, now and a year before."""

    measure: str
    value: float
    reference: float
    change: float


class ShareDetail(TypedDict):
    """How the parts of one whole (the shared denominator) moved."""

    parts: list[SharePart]
    whole: str | None


class SnapshotDetail(TypedDict):
    """Two snapshot dates ("YYYY-MM-DD")."""

    date: str
    reference_date: str


class CalendarDetail(TypedDict):
    """The calendar year to date (``through`` a month); each earlier year's total is kept
    under the year ("2018": 16.0), so this record is open to those keys."""

    first_year_partial: bool
    through: str


#: The typed record of each kind's ``detail``.
DETAILS: Mapping[FactKind, type[Any]] = {
    FactKind.LEVEL: LevelDetail,
    FactKind.LEVEL_ROLLING: LevelDetail,
    FactKind.CHANGE_MONTH: NoDetail,
    FactKind.CHANGE_ROLLING_MONTH: NoDetail,
    FactKind.CHANGE_YEAR: YearsDetail,
    FactKind.CHANGE_ROLLING_YEAR: NoDetail,
    FactKind.CHANGE_FINANCIAL_YEAR: NoDetail,
    FactKind.CHANGE_YEAR_TO_DATE: NoDetail,
    FactKind.CHANGE_AVERAGE: AverageDetail,
    FactKind.STREAK_ROLLING: StreakDetail,
    FactKind.STREAK_MONTH: StreakDetail,
    FactKind.RECORD: RecordDetail,
    FactKind.COUNT_ABOVE_PREVIOUS_YEARS: AboveDetail,
    FactKind.BENCHMARK_LONG_TERM: NoDetail,
    FactKind.BENCHMARK_YEAR_END: YearEndDetail,
    FactKind.XMR_SIGNAL: SignalDetail,
    FactKind.TREND_LONG_TERM: TrendDetail,
    FactKind.AREA_VARIATION: VariationDetail,
    FactKind.AREA_OUTLIER: OutlierDetail,
    FactKind.SHARE_SHIFT: ShareDetail,
    FactKind.SNAPSHOT_CHANGE: SnapshotDetail,
    FactKind.CALENDAR_YEAR_TO_DATE: CalendarDetail,
}
#: Kinds whose detail may hold keys beyond its record (the calendar years by year).
OPEN_DETAILS = frozenset({FactKind.CALENDAR_YEAR_TO_DATE})

D = TypeVar("D")


def detail_of(fact: Fact, record: type[D]) -> D:
    """The fact's detail as its kind's typed record; ``TypeError`` when the kind keeps another.

    ``detail_of(streak, StreakDetail)["broken"]`` is a ``bool`` to the type checker.
    """
    kept = DETAILS.get(FactKind(fact.kind))
    if kept is not record:
        name = getattr(kept, "__name__", None)
        raise TypeError(f"a {fact.kind} fact keeps a {name} detail, not a {record.__name__}")
    return cast(D, fact.detail)
