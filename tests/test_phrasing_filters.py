"""The phrasebank filters: real expected wording, refusals of missing values, and properties."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrator import months
from narrator.errors import LexiconError
from narrator.language.lexicon import Scale, load_lexicon, parse_lexicon
from narrator.language.numbers import APPROX_TOLERANCE
from narrator.phrasing import filters as f
from narrator.phrasing.environment import lexicon_filters

SCALE = [
    (0.0, "negligible"),
    (0.2, "incremental"),
    (0.5, "slight"),
    (2.0, "notable"),
    (5.0, "substantial"),
]
NOUNS = {
    "crime": "crimes",
    "offence": "offences",
    "person": "people",
    "child": "children",
    "percentage point": "percentage points",
    "outcome": "outcomes",
}
OCT_2019 = months.parse("2019-10")
#: The hedges of the lexicon narrator ships: "almost", "just over", "around".
HEDGE = load_lexicon().hedge


def magnitude_word(value: object, steps: list[tuple[float, str]]) -> str:
    """The magnitude word of a value on a scale given as (threshold, word) pairs."""
    return Scale("test", tuple((Decimal(repr(t)), w) for t, w in steps)).word(value)


def approx(value: object) -> str:
    """``approx`` with the shipped lexicon's hedges."""
    return f.approx(value, HEDGE)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: f.number(12345), "12,345"),
        (lambda: f.number(7_000_000), "7,000,000"),
        (lambda: f.number(0), "0"),
        (lambda: f.number(-1234), "-1,234"),
        (lambda: f.number(9.66, 1), "9.7"),
        (lambda: f.number(1234567.891, 2), "1,234,567.89"),
        (lambda: f.number(2.5), "3"),  # half away from zero, not half to even
        (lambda: f.number(-2.5), "-3"),
        (lambda: f.number(-0.4), "0"),  # never "-0"
        (lambda: f.number(-0.04, 1), "0.0"),
        (lambda: f.number(Decimal("1.005"), 2), "1.01"),
        (lambda: f.percent(9.7), "9.7%"),
        (lambda: f.percent(84.3), "84.3%"),
        (lambda: f.percent(9.95), "10.0%"),
        (lambda: f.percent(9.95, 2), "9.95%"),
        (lambda: f.percent(9.949), "9.9%"),
        (lambda: f.percent(9.7, 0), "10%"),
        (lambda: f.percent(-0.04), "0.0%"),
        (lambda: f.percent(1234.5), "1,234.5%"),
        (lambda: f.signed_percent(4.8), "+4.8%"),
        (lambda: f.signed_percent(-3.0), "-3.0%"),
        (lambda: f.signed_percent(0), "0.0%"),
        (lambda: f.signed_percent(-0.04), "0.0%"),
        (lambda: f.signed_percent(0.05), "+0.1%"),
        (lambda: f.abs_percent(-3.04), "3.0%"),
        (lambda: f.abs_percent(4.8), "4.8%"),
        (lambda: f.pp(3.9), "3.9 percentage points"),
        (lambda: f.pp(0.5), "0.5 percentage points"),
        (lambda: f.pp(1, 0), "1 percentage point"),
        (lambda: f.pp(1.0), "1.0 percentage points"),
        (lambda: f.pp(1.04, 0), "1 percentage point"),
        (lambda: f.pp(-1, 0), "-1 percentage point"),
        (lambda: f.pp(0, 0), "0 percentage points"),
        (lambda: f.pp(-9.4), "-9.4 percentage points"),
    ],
)
def test_numbers(call: Callable[[], str], expected: str) -> None:
    assert call() == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (6_952_114, "almost 7,000,000"),
        (203, "just over 200"),
        (1512, "just over 1,500"),
        (1480, "almost 1,500"),
        (1540, "around 1,500"),
        (1460, "around 1,500"),
        (200, "200"),
        (7_000_000, "7,000,000"),
        (9999, "almost 10,000"),
        (99, "almost 100"),
        (7.3, "around 7"),
        (7, "7"),
        (0.048, "around 0.05"),
        (0, "0"),
        (236, "almost 240"),
    ],
)
def test_approx(value: float, expected: str) -> None:
    assert approx(value) == expected


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: f.count(1, "crime"), "1 crime"),
        (lambda: f.count(2, "crime"), "2 crimes"),
        (lambda: f.count(0, "crime"), "0 crimes"),
        (lambda: f.count(1234, "offence"), "1,234 offences"),
        (lambda: f.count(3, "person"), "3 people"),
        (lambda: f.count(22, "child"), "22 children"),
        (lambda: f.count(1, "crime in progress"), "1 crime in progress"),
        (lambda: f.count(2, "crime in progress"), "2 crimes in progress"),
        (lambda: f.count(2, "MAPPA nominal", "MAPPA nominals"), "2 MAPPA nominals"),
        (lambda: f.count(1, "MAPPA nominal", "MAPPA nominals"), "1 MAPPA nominal"),
        (lambda: f.count(1.4, "crime"), "1 crime"),  # agrees with the figure printed
        (lambda: f.count(1.0, "crime", decimals=1), "1.0 crimes"),
        (lambda: f.count(-1, "crime"), "-1 crime"),
        (lambda: f.plural("crime", 1), "crime"),
        (lambda: f.plural("crime", 2), "crimes"),
        (lambda: f.plural("crime", 0), "crimes"),
        (lambda: f.plural("offence"), "offences"),
        (lambda: f.plural("person", 1.0), "person"),
        (lambda: f.a("increase"), "an increase"),
        (lambda: f.a("decrease"), "a decrease"),
        (lambda: f.a("3.9% increase"), "a 3.9% increase"),
        (lambda: f.a("11% rise"), "an 11% rise"),
        (lambda: f.a("8.5% rise"), "an 8.5% rise"),
        (lambda: f.a("18 month low"), "an 18 month low"),
        (lambda: f.a("100% rise"), "a 100% rise"),
        (lambda: f.a("800 fall"), "an 800 fall"),
        (lambda: f.a("11,000 rise"), "an 11,000 rise"),
        (lambda: f.a("+4.8% change"), "a +4.8% change"),
        (lambda: f.a("hour"), "an hour"),
        (lambda: f.a("unique"), "a unique"),
        (lambda: f.ordinal(1), "first"),
        (lambda: f.ordinal(2), "second"),
        (lambda: f.ordinal(9), "ninth"),
        (lambda: f.ordinal(10), "10th"),
        (lambda: f.ordinal(29), "29th"),
        (lambda: f.ordinal_num(27), "27th"),
        (lambda: f.ordinal_num(11), "11th"),
        (lambda: f.ordinal_num(22), "22nd"),
        (lambda: f.ordinal_num(103), "103rd"),
        (lambda: f.number_word(0), "zero"),
        (lambda: f.number_word(2), "two"),
        (lambda: f.number_word(9), "nine"),
        (lambda: f.number_word(2.0), "two"),
        (lambda: f.number_word(10), "10"),
        (lambda: f.number_word(29), "29"),
        (lambda: f.number_word(12345), "12,345"),
        (lambda: f.number_word(-3), "-3"),
        (lambda: f.join_and(["North", "South", "Peterborough"]), "North, South and Peterborough"),
        (lambda: f.join_and(["North", "South"]), "North and South"),
        (lambda: f.join_and(["North"]), "North"),
        (lambda: f.join_and(("a", "b", "c", "d")), "a, b, c and d"),
        (lambda: f.join_or(["higher", "lower", "the same"]), "higher, lower or the same"),
    ],
)
def test_words(call: Callable[[], str], expected: str) -> None:
    assert call() == expected


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: f.month_name("2019-10"), "October"),
        (lambda: f.month_name(OCT_2019), "October"),
        (lambda: f.month_name("2020-01"), "January"),
        (lambda: f.month_label("2019-10"), "October 2019"),
        (lambda: f.month_label(OCT_2019), "October 2019"),
        (lambda: f.rolling("2019-10"), "12 months to October 2019"),
        (lambda: f.rolling(OCT_2019), "12 months to October 2019"),
        (lambda: f.fy("2019-03"), "2018/19"),
        (lambda: f.fy("2019-04"), "2019/20"),
        (lambda: f.fy(OCT_2019), "2019/20"),
        (lambda: f.fy("FY:2018"), "2018/19"),
        (lambda: f.period("2019-10"), "October 2019"),
        (lambda: f.period(OCT_2019), "October 2019"),
        (lambda: f.period("R12:2019-10"), "the 12 months to October 2019"),
        (lambda: f.period("R3:2019-10"), "the 3 months to October 2019"),
        (lambda: f.period("R1:2019-10"), "October 2019"),
        (lambda: f.period("FY:2018"), "2018/19"),
        (lambda: f.period("FY:2009"), "2009/10"),
        (lambda: f.period("CY:2019"), "2019"),
        (lambda: f.period("YTD:2019-10"), "the financial year to date"),
    ],
)
def test_months_and_periods(call: Callable[[], str], expected: str) -> None:
    assert call() == expected


MISSING = [None, float("nan"), math.inf, -math.inf]
NUMBER_FILTERS = [
    f.number,
    f.percent,
    f.pp,
    f.signed_percent,
    f.abs_percent,
    approx,
    f.ordinal,
    f.ordinal_num,
    f.number_word,
    lambda x: f.count(x, "crime"),
    lambda x: f.plural("crime", x),
    lambda x: magnitude_word(x, SCALE),
]


@pytest.mark.parametrize("value", MISSING, ids=repr)
@pytest.mark.parametrize("filter_", NUMBER_FILTERS)
def test_number_filters_refuse_missing_values(filter_: object, value: object) -> None:
    assert callable(filter_)
    with pytest.raises(ValueError, match=r"^\w+: the value is (missing|nan|inf|-inf)"):
        filter_(value)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: f.number("12"), "number: expected a number, got str '12'"),
        (lambda: f.number(True), "number: expected a number"),
        (lambda: f.number(1, -1), "number: decimals must be"),
        (lambda: f.percent(9.7, 1.5), "percent: decimals must be"),  # type: ignore[arg-type]
        (lambda: f.count(2, None), "count: the value is missing"),  # type: ignore[arg-type]
        (lambda: f.count(2, ""), "count: expected some text"),
        (lambda: f.a(""), "a: expected some text"),
        (lambda: f.a(None), "a: the value is missing"),  # type: ignore[arg-type]
        (lambda: f.ordinal(0), "ordinal: expected 1 or more"),
        (lambda: f.ordinal(2.5), "ordinal: expected a whole number"),
        (lambda: f.number_word(2.5), "number_word: expected a whole number"),
        (lambda: approx(-3), "approx: -3 is negative"),
        (lambda: f.join_and([]), "join_and: the list is empty"),
        (lambda: f.join_and("North"), "join_and: expected a list of phrases"),
        (lambda: f.join_and(["North", None]), "join_and: the value is missing"),
        (lambda: f.join_or(None), "join_or: the value is missing"),
        (lambda: f.month_name(None), "month_name: the value is missing"),
        (lambda: f.month_name("Oct"), "month_name: 'Oct' is not a month"),
        (lambda: f.month_label(float("nan")), "month_label: expected a month number"),
        (lambda: f.rolling(True), "rolling: expected a month number"),
        (lambda: f.fy("2019-13"), "fy: '2019-13' is not a month"),
        (lambda: f.period(None), "period: the value is missing"),
        (lambda: f.period("Q3:2019"), "period: 'Q3:2019' is not a period label"),
        (lambda: f.period("R12:2019"), "period: 'R12:2019' needs a month"),
        (lambda: f.period("FY:2018-10"), "period: 'FY:2018-10' names a month"),
        (lambda: f.period("R0:2019-10"), "period: 'R0:2019-10' has a window of no months"),
    ],
)
def test_refusals_name_the_filter(call: Callable[[], str], message: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        call()


def test_numpy_scalars_are_numbers() -> None:
    np = pytest.importorskip("numpy")
    assert f.number(np.float64(9.66), 1) == "9.7"
    assert f.count(np.int64(1), "crime") == "1 crime"
    with pytest.raises(ValueError, match="nan"):
        f.percent(np.float64("nan"))


def test_filters_are_registered_by_name() -> None:
    assert f.FILTERS["percent"] is f.percent
    assert f.FILTERS["an"] is f.a
    assert all(callable(filter_) for filter_ in f.FILTERS.values())


# --- magnitudes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "word"),
    [
        (0, "negligible"),
        (0.19, "negligible"),
        (0.2, "incremental"),
        (-0.3, "incremental"),
        (0.5, "slight"),
        (1.99, "slight"),
        (2.0, "notable"),
        (-4.8, "notable"),
        (5.0, "substantial"),
        (66, "substantial"),
    ],
)
def test_magnitude_word(value: float, word: str) -> None:
    assert magnitude_word(value, SCALE) == word


def test_magnitude_word_below_every_threshold() -> None:
    with pytest.raises(ValueError, match=r"below the lowest threshold of the 'test' scale \(0.5\)"):
        magnitude_word(0.1, [(0.5, "slight"), (2.0, "notable")])


def test_scales_are_sorted_by_threshold() -> None:
    table = [[5, "substantial"], [0.0, "negligible"], [0.2, "incremental"], [0.5, "slight"]]
    lexicon = parse_lexicon({"magnitudes": {"change": {"thresholds": table}}})
    assert lexicon.scale("change").words == ("negligible", "incremental", "slight", "substantial")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("slight", "expected thresholds = "),
        ({"slight": 0.5}, "expected thresholds = "),
        ({"thresholds": [[0.5, None]]}, "expected a word, got None"),
        ({"thresholds": [[None, "slight"]]}, "(slight): the value is missing"),
        ({"thresholds": [["big", "slight"]]}, "(slight): expected a number"),
        ({"thresholds": [[0.5]]}, "is not a [threshold, word] pair"),
        ({"thresholds": [[0.5, ""]]}, "expected a word, got ''"),
        ({"thresholds": []}, "the scale has no words"),
    ],
)
def test_malformed_scales_are_refused(table: object, message: str) -> None:
    with pytest.raises(
        LexiconError, match=re.escape("[magnitudes.change]") + ".*" + re.escape(message)
    ):
        parse_lexicon({"magnitudes": {"change": table}})


def test_magnitude_filter_binds_the_lexicon() -> None:
    lexicon = parse_lexicon(
        {
            "magnitudes": {
                "points": {"thresholds": [[0.0, "incremental"], [0.2, "slight"]]},
                # A setting kept beside the scales, not a scale itself.
                "identical": {"percent": 0.5},
            }
        }
    )
    magnitude = lexicon_filters(lexicon)["magnitude"]
    assert magnitude(0.3, "points") == "slight"
    assert magnitude(-0.1, "points") == "incremental"
    with pytest.raises(ValueError, match=r"no scale 'identical' in the lexicon \(scales: points\)"):
        magnitude(0.3, "identical")
    with pytest.raises(ValueError, match=r"scales: none"):
        lexicon_filters(parse_lexicon({}))["magnitude"](1, "rate")
    with pytest.raises(LexiconError, match=r"lexicon \[magnitudes\]: expected a table"):
        parse_lexicon({"magnitudes": [1, 2]})


# --- properties ---------------------------------------------------------------------------

finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)


@given(n=st.integers(min_value=-(10**9), max_value=10**9), noun=st.sampled_from(sorted(NOUNS)))
def test_count_agrees_with_its_number(n: int, noun: str) -> None:
    text = f.count(n, noun)
    if abs(n) == 1:
        assert text == f"{n} {noun}"
    else:
        assert text.endswith(" " + NOUNS[noun])
        assert not re.search(r"(^|[^\d,])-?1 ", text)


def _printed_value(text: str) -> Decimal:
    return Decimal(text.rstrip("%").replace(",", ""))


@given(x=finite, decimals=st.integers(min_value=0, max_value=4))
def test_percent_round_trips_within_half_a_unit(x: float, decimals: int) -> None:
    text = f.percent(x, decimals)
    assert text.endswith("%")
    assert not text.startswith("-0") or _printed_value(text) != 0
    assert abs(_printed_value(text) - Decimal(repr(x))) <= Decimal(5).scaleb(-decimals - 1)
    fraction = text.rstrip("%").partition(".")[2]
    assert len(fraction) == decimals


@given(x=finite, decimals=st.integers(min_value=0, max_value=3))
def test_number_is_never_negative_zero(x: float, decimals: int) -> None:
    text = f.number(x, decimals)
    assert not re.fullmatch(r"-0(\.0*)?", text)
    assert re.fullmatch(r"-?\d{1,3}(,\d{3})*(\.\d+)?", text)


@given(x=finite)
def test_signed_percent_sign_matches_printed_value(x: float) -> None:
    text = f.signed_percent(x)
    printed = _printed_value(text)
    assert text.startswith("+") == (printed > 0)
    assert text.startswith("-") == (printed < 0)
    assert f.abs_percent(x) == text.lstrip("+-")


_APPROX = re.compile(r"^(?:(almost|just over|around) )?([\d,.]+)$")


@given(x=st.floats(min_value=0.001, max_value=1e12, allow_nan=False))
def test_approx_hedge_matches_the_side_of_the_round_figure(x: float) -> None:
    match = _APPROX.match(approx(x))
    assert match, approx(x)
    hedge, figure = match.group(1), _printed_value(match.group(2))
    value = Decimal(repr(x))
    if hedge is None:
        assert value == figure
    elif hedge == "almost":
        assert value < figure
    elif hedge == "just over":
        assert value > figure
    assert abs(value - figure) <= figure * APPROX_TOLERANCE
    # A round figure: at most two significant figures.
    assert len(match.group(2).replace(",", "").replace(".", "").strip("0")) <= 2


@given(m=st.integers(min_value=1990 * 12, max_value=2100 * 12))
def test_periods_agree_with_month_labels(m: int) -> None:
    iso = months.iso(m)
    assert f.period(iso) == f.month_label(m) == f"{f.month_name(iso)} {m // 12}"
    assert f.period(f"R12:{iso}") == f"the {f.rolling(m)}"
    start_year = months.year(months.fy_start(m))
    assert f.period(f"FY:{start_year}") == f.fy(iso)


@given(
    words=st.lists(
        st.sampled_from(["North", "South", "Fenland", "Peterborough"]), min_size=1, max_size=6
    )
)
def test_join_and_keeps_every_item_in_order(words: list[str]) -> None:
    text = f.join_and(words)
    assert text.replace(" and ", ", ").split(", ") == words
    assert text.count(" and ") == (1 if len(words) > 1 else 0)


@given(a=st.floats(min_value=-100, max_value=100), b=st.floats(min_value=-100, max_value=100))
def test_magnitude_grows_with_size(a: float, b: float) -> None:
    words = [word for _, word in SCALE]
    small, large = sorted([a, b], key=abs)
    assert words.index(magnitude_word(small, SCALE)) <= words.index(magnitude_word(large, SCALE))
