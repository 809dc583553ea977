"""The reading grammar: the patterns that read what the lexicon does not list.

Where a figure's period starts, what makes a month the thing compared with, which words
mark a plan or a past event. Kept apart from the code that applies them so that they can be
read, and changed, together.
"""

from __future__ import annotations

import re

from narrator import months
from narrator.check.text.dates import MONTH_RE, word_list

CLAUSE_BREAK = re.compile(
    r";|\s[-–]\s|\s(?:but|while|whilst|whereas|although|though|however)\b", re.IGNORECASE
)
CONNECTOR = re.compile(r"^(?:[\s,]|\b(?:for|of|the|in|on|all|and|a|an|by)\b|[’']s\b)*$", re.I)
STOP = frozenset(
    word_list(
        "the a an of in on at for to by with and or as is are was were be been this "
        "that these those it its their there have has had which who from than over "
        "across since during after before within into between under per against versus "
        # "43 more than in September": a comparative, not what the figure counts.
        "more fewer less higher lower"
    )
)
APPROX = re.compile(
    r"(?:just\s+under|just\s+over|almost|nearly|over|more\s+than|less\s+than|under|around|"
    r"about|approximately|some|circa|c\.|up\s+to|at\s+least|(?<=gone\s)past|close\s+to"
    r"|roughly)\s*$",
    re.IGNORECASE,
)
CHANGE_BEFORE = re.compile(
    # "made up about 16% of all crime" is a share, not a change up.
    r"(?:\b(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)(?:up|down|by)"
    r"|(?:increase|decrease|rise|fall|drop|reduction|change)\s+of"
    # "the percentage rise (40%)": the change, then its size in brackets
    r"|(?:increase|decrease|rise|fall|drop|reduction|change)\s*\()"
    # "a rise of about 30%", "up around 1%": a hedge between the change and its size
    r"(?:\s+(?:about|around|roughly|almost|nearly|approximately|some|(?:just\s+)?(?:under"
    r"|over)|(?:more|less)\s+than))?\s*$",
    re.IGNORECASE,
)
CHANGE_AFTER = re.compile(
    r"^\s*(?:increase|decrease|rise|fall|drop|reduction|higher|lower|more|fewer|less|up|down|"
    r"above|below|increases|decreases|rises|falls|reductions)\b",
    re.IGNORECASE,
)
TO_AT = re.compile(r"^[\s,]*(?:to|at)\s*(?:a|an)?\s*$", re.IGNORECASE)
#: In brackets before a figure: it is of the year before ("(last year 32.1%)").
_LAST_YEAR_BRACKET = r"\(\s*(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+previous\s+year)\s*:?"
LAST_YEAR_IN_BRACKETS = re.compile(_LAST_YEAR_BRACKET + r"\s*$", re.IGNORECASE)
#: In brackets before a figure: it is of the month before ("(last month 37)").
_LAST_MONTH_BRACKET = (
    r"\(\s*(?:last\s+month|(?:the\s+)?previous\s+month|prev\.?\s+month|a\s+month\s+(?:ago|earlier))"
    r"\s*:?"
)
LAST_MONTH_IN_BRACKETS = re.compile(_LAST_MONTH_BRACKET + r"\s*$", re.IGNORECASE)
#: A period a year or a month before, then a figure in brackets or after its possessive: it
#: is that period's ("down 1.2 points on a year earlier (13.0%)", "47% down on the same month
#: last year (35)", "9% above last year's 744").
_YEAR_BEFORE_WORDS = (
    r"(?:a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before|last\s+year|the\s+previous\s+year"
    r"|(?:the\s+)?(?:same|equivalent)\s+(?:month|period|quarter|time)\s+(?:of\s+)?last\s+year)"
)
_MONTH_BEFORE_WORDS = (
    r"(?:a\s+month\s+(?:earlier|ago|before)|the\s+month\s+before|the\s+previous\s+month"
    r"|last\s+month)"
)
YEAR_BEFORE_BRACKET = re.compile(rf"\b{_YEAR_BEFORE_WORDS}\s*\(\s*$", re.IGNORECASE)
MONTH_BEFORE_BRACKET = re.compile(rf"\b{_MONTH_BEFORE_WORDS}\s*\(\s*$", re.IGNORECASE)
#: "last year's 744": the same window a year before, when the figure compared with is of a
#: window (a year to date, a rolling year); after a month's figure it may be the year's total.
YEAR_BEFORE_POSSESSIVE = re.compile(rf"\b{_YEAR_BEFORE_WORDS}['’]s\s*$", re.IGNORECASE)
REFERENCE_BEFORE = re.compile(
    r"(?:compared\s+(?:to|with)|compares?\s+(?:to|with)|against|from|\bversus|\bvs?\.?"
    # "80.5% more than the 1,401 of the year before", "three times the 168 of June", "less
    # than half of the 102 of a year ago": a figure compared with, said with "the"
    r"|\b(?:than|times|double|twice|treble|triple|half\s+of|(?:a\s+)?(?:third|quarter)\s+of"
    r"|fifths\s+of|above|below)\s+the"
    # "up 0.5 points on 9.6% last year", "up 2.8% on the 5,199 of a year ago": a change,
    # then the figure it is on
    r"|\d\s*(?:%|per\s*cent|percentage\s+points?|points?|pp)?(?:\s+(?:up|down|higher|lower))?"
    r"\s+on(?:\s+the)?"
    # "a find rate of 33.0% (last year 32.1%)": the figure of the year before, in brackets
    rf"|{_LAST_YEAR_BRACKET}|{_LAST_MONTH_BRACKET}"
    # "above last year's 744": a period before, and its figure
    rf"|\b(?:{_YEAR_BEFORE_WORDS}|{_MONTH_BEFORE_WORDS})(?:\s*\(|['’]s))\s*$",
    re.IGNORECASE,
)
# What makes a month, an area or a financial year the thing compared with, not the period.
TARGET_BEFORE = re.compile(
    r"(?:\bthan|\bfrom|\bagainst|\babove|\bbelow|\bsame\s+as|\bversus|\bvs\.?|\bv\.?|compared\s+(?:to|with)|compares\s+(?:to|with)|"
    r"(?:consistent|in\s+line|comparable|identical|similar|level|equal|close)\s+(?:to|with)|"
    r"\bwith\s+(?:those|that)\s+(?:for|of)|outperform(?:s|ed|ing)?|underperform(?:s|ed|ing)?|"
    r"\bon(?:\s+both(?:\s+\w+){1,3}\s+and)?"
    # "nearly three times the May total", "half the figure of a year ago": a multiple of it
    r"|\btimes|\btwice|\bdouble|\btreble|\bhalf)"
    # "51 more than in October last year", "a smaller rise than in the Upland division"
    r"(?:\s+(?:in|for|during|over|at))?"
    r"\s+(?:both\s+)?(?:the\s+)?(?:last\s+)?(?:start\s+of\s+|end\s+of\s+)?$",
    re.IGNORECASE,
)
PROPORTION = re.compile(r"\b(?:proportion|share|percentage)\s+of\b", re.IGNORECASE)
#: Verbs that follow a measure's name and are never its head noun.
VERBS = frozenset(
    word_list(
        "continue continues continued remain remains remained is are was were has "
        "have had show shows showed stand stands stood reach reaches reached seen saw "
        "go goes went gone account accounts accounted compares compare compared rises "
        "falls"
    )
)
FUTURE = re.compile(
    r"\b(?:will|shall|scheduled|planned|set\s+to|going\s+to|"
    r"due\s+to\s+(?:be|appear|start|begin|go|take|open|launch|complete|report|attend|finish|"
    r"end|meet|run)\b|(?:is|are)\s+due\s+(?:at|in|on|by|for)\b|"
    r"intends?\s+to|expected\s+to|to\s+be\s+held|upcoming|forthcoming"
    # "to be implemented by 30 September 2020": a deadline to come
    r"|to\s+be\s+[a-z]+ed\s+(?:by|before|in|on|no\s+later\s+than))\b",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(?:was|were|had|took\s+place|went\s+live|has\s+been|have\s+been|did|ago)\b", re.I
)
SINCE = re.compile(rf"first\s+time\s+since\s+({MONTH_RE})\s+((?:19|20)\d\d)", re.IGNORECASE)
OCCURRENCE = re.compile(
    r"for\s+the\s+(\w+)\s+time\s+(?:this|in\s+the)\s+(financial\s+year|year)", re.IGNORECASE
)
RECORD = re.compile(
    r"\b(?:(12|twelve)[\s-]month\s+(low|high)|(highest|lowest)\s+(?:level\s+)?since)\b", re.I
)
# Words without which no streak, record or outlier phrase can match: a cheap first test.
#: (Searched in the sentence in lower case: a case-sensitive search is four times as fast.)
STREAK_HINT = re.compile(r"since|time|month|highest|lowest|outlier|stand")
OUTLIER = re.compile(r"\boutliers?\b|\bstands?\s+out\b", re.IGNORECASE)
#: "both areas", "all five districts", "both divisions": every area below the one a sentence
#: is about (the names forces give their levels).
BOTH_AREAS = re.compile(
    r"\b(?:both|all|each\s+of\s+the)\s+(?:(?:two|three|four|five|six|seven|eight|nine|\d+)\s+)?"
    r"(?:areas|districts|divisions|boroughs|wards|sectors|neighbourhoods|commands|units|"
    r"local\s+policing\s+areas|forces|bcus|basic\s+command\s+units|regions|counties)\b",
    re.I,
)
BOTH = re.compile(r"\bboth\s+(?:have|has|are|were|had|saw|showed|remain)\b", re.IGNORECASE)
RELATIVE_YEAR = re.compile(r"^\s*(?:of\s+)?(this|next|last)\s+year\b", re.IGNORECASE)
START_END = re.compile(r"(start|end|beginning)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
NOUN_AFTER = re.compile(r"^\s+(?:[A-Za-z‘’'-]+\s+){0,2}?([a-z]{3,}s)\b")
NEXT_WORD = re.compile(r"^\s+([a-z]{3,})\b")
PREVIOUS_WORD = re.compile(r"([A-Za-z]{3,})\s*\($")
STAT_BEFORE = re.compile(r"\b(average|mean|median|total)\b[^.;]{0,40}$", re.IGNORECASE)
DISCRETE = re.compile(r"discrete\s+month|(?:’s|'s)\s+discrete", re.IGNORECASE)
NEED_LEVEL = re.compile(r"\b(?:remain(?:s|ed)?|stay(?:s|ed)?|held|is|was|were|are)\s+$", re.I)
DIRECTION_KINDS = ("direction", "judgement")
#: How far (characters) a comparison may stand from the direction it completes.
TARGET_REACH = 70
# What may stand between a figure and the period after it: "39.1% for the 12 months to...",
# "236 dwelling burglary incidents recorded in October" (not "636 and by 26th November").
PERIOD_GAP = re.compile(
    r"^[^;()]{0,45}?\b(?:for|in|over|during|across|of)\s+(?:the\s+)?$|^\s*$"
    # "725 over 12 months": the figure, then the period whose words say "over" themselves
    r"|^[\d,.%]+\s+$",
    re.IGNORECASE,
)
RELATIVE = {"this": 0, "next": 1, "last": -1}
#: A sentence that sets something beside what the one before said ("Over the same 12 months
#: the figure for stop and search finds was 824"): an aside.
ASIDE = re.compile(r"^\s*(?:over|in|during|across|for)\s+the\s+same\b", re.IGNORECASE)
#: Before a direction word: the change goes on as before ("continued to decrease", "another
#: slight decrease"), a change of the month like the months before it.
CONTINUES = re.compile(
    r"\b(?:another(?:\s+\w+)?|continu(?:e|es|ed|ing)\s+to(?:\s+\w+\s+to)?)\s+$", re.IGNORECASE
)


def relative_period(period: str | None, reference: str) -> str | None:
    """ "previous_month" or "previous_year" when ``reference`` is that month of ``period``."""
    if not period or reference.startswith(("D:", "FY:")):
        return None
    own = period.split(":")[-1]
    if not months.is_month(own) or not months.is_month(reference):
        return None
    gap = months.parse(own) - months.parse(reference)
    return {1: "previous_month", 12: "previous_year"}.get(gap)


def match_text(pattern: re.Pattern[str], text: str) -> str | None:
    """The words ``pattern`` finds in ``text``, spaces collapsed, or None."""
    found = pattern.search(text)
    return " ".join(found.group(0).split()) if found else None


def match_group(pattern: re.Pattern[str], text: str) -> str | None:
    """The first group of ``pattern`` matched at the start of ``text``, or None."""
    found = pattern.match(text)
    return found.group(1) if found else None


#: Before a figure that is a line of the measure's control chart: "above the upper control
#: limit (245)".
LIMIT_BEFORE = re.compile(
    r"\b(upper|lower|higher)\s+(?:control\s+|process\s+)?limit\s*(?:\(\s*|of\s+)$",
    re.IGNORECASE,
)


def stat(before: str) -> str | None:
    """The statistic a figure is ("average", "total", "upper limit"), from the words before
    it, if they say."""
    limit = LIMIT_BEFORE.search(before)
    if limit:
        # "the higher control limit" is the upper one, as a reader would take it.
        side = limit.group(1).lower().replace("higher", "upper")
        return f"{side} limit"
    found = STAT_BEFORE.search(before)
    return found.group(1).lower() if found else None
