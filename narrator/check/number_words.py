"""Numbers written in words that the scanner leaves to the reader ("the second lowest",
"almost half of them", "more than double", "one of the"), with the class of number each
is: :func:`narrator.check.numbers.numbers_of` lists them with the scanner's numbers."""

from __future__ import annotations

import re

#: Ordinal words from "second" ("first" is mostly "for the first time").
_NTH = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
_NTH_WORDS = tuple(_NTH[3:-1].split("|"))
#: A cardinal number in words, as the count of a group a rank is among.
_NUMBER_WORD = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|forty[\s-]three)"
)
_SHARE_LEAD = re.compile(
    r"\b(?:almost|nearly|around|roughly|about|by|than|over|under|just|some|up|down)\s+(?:a\s+)?\Z",
    re.IGNORECASE,
)
#: Numbers in words the scanner leaves to the reader's own words (they are not entities,
#: so that the reader's runs and records read as before): (words, pattern, lead-in, class,
#: kind). The pattern is tried where one of the words starts (found by ``str.find``, fast),
#: and the lead-in, if any, must end there; group 1 is the number.
WORD_NUMBERS: list[
    tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str] | None, str, str | None]
] = [
    # "the third Friday of each month", "on the fifth working day after": a day of the
    # calendar counted in its month or week, not a rank.
    (
        (*_NTH_WORDS, "first", "last"),
        re.compile(
            rf"((?:first|last|{_NTH[3:-1]}))(?=\s+(?:working\s+day|week(?:day)?"
            r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+(?:of|after|in|before)\b)",
            re.IGNORECASE,
        ),
        None,
        "period",
        None,
    ),
    # "the second lowest rate": a rank.
    (
        _NTH_WORDS,
        re.compile(
            rf"({_NTH})(?=[\s-](?:highest|lowest|largest|smallest|best|worst|biggest|greatest"
            r"|busiest|most|least)\b)",
            re.IGNORECASE,
        ),
        None,
        "value",
        "rank",
    ),
    # "it now ranks sixth of the six": a rank among as many as follow.
    (
        (*_NTH_WORDS, "first"),
        re.compile(
            rf"((?:first|{_NTH[3:-1]}))(?=\s+of\s+(?:the\s+)?(?:\d+|[a-z]+)\b)", re.IGNORECASE
        ),
        re.compile(
            r"\b(?:ranks?|ranked|ranking|placed|came|is|was|now|position)\s+\Z", re.IGNORECASE
        ),
        "value",
        "rank",
    ),
    # "places the force fifth of eight", "seventh out of eight": a rank among as many as a
    # number says (not "a fifth of 200 crimes", a share).
    (
        (*_NTH_WORDS, "first"),
        re.compile(
            rf"((?:first|{_NTH[3:-1]}))"
            rf"(?=[ \t]+(?:out[ \t]+)?of[ \t]+(?:the[ \t]+)?(?:\d+|{_NUMBER_WORD})\b)",
            re.IGNORECASE,
        ),
        re.compile(r"(?<!\ba\s)(?<!\bone\s)\Z", re.IGNORECASE),
        "value",
        "rank",
    ),
    # "Merseyside ranked second", "ranks fifth nationally": a rank.
    (
        (*_NTH_WORDS, "first"),
        re.compile(rf"((?:first|{_NTH[3:-1]}))\b", re.IGNORECASE),
        re.compile(r"\b(?:ranks?|ranked|placed|came)\s+(?:joint\s+)?\Z", re.IGNORECASE),
        "value",
        "rank",
    ),
    # "more than double the same month last year", "twice the rate": a multiple.
    (
        ("double", "treble", "triple", "twice"),
        re.compile(
            r"((?:double|treble|triple|twice)(?=\s+(?:the|its|their|that|what|as|last|this)\b"
            # "double May's 11"
            r"|\s+[A-Z][a-z]+['’]s\b))",
            re.IGNORECASE,
        ),
        None,
        "value",
        "other",
    ),
    # "thefts have almost doubled", "the rate more than halved": a change as a multiple
    # (not "doubled up", "doubled as a store").
    (
        ("doubled", "halved", "trebled", "tripled", "quadrupled"),
        re.compile(
            r"((?:doubled|halved|trebled|tripled|quadrupled)\b(?!\s+(?:up|as|back|over)\b))",
            re.IGNORECASE,
        ),
        None,
        "value",
        "other",
    ),
    # "nearly double May 2018 (24)", "double the 24 of a year ago": a multiple of a figure.
    (
        ("double", "treble", "triple"),
        re.compile(
            r"((?:double|treble|triple)(?=\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b|\s+\(?\d))",
            re.IGNORECASE,
        ),
        None,
        "value",
        "other",
    ),
    # "the third consecutive quarter", "the fourth month in a row": the length of a run.
    (
        _NTH_WORDS,
        re.compile(
            rf"({_NTH})(?=\s+(?:consecutive|successive|straight)\s"
            r"|\s+(?:months?|years?|quarters?|weeks?)\s+(?:in\s+a\s+row|running)\b"
            # "the second monthly fall in a row"
            r"|\s+(?:\w+\s+){1,2}in\s+a\s+row\b)",
            re.IGNORECASE,
        ),
        None,
        "value",
        "count",
    ),
    # "rose for a second year", "fell for the third month": the length of a run.
    (
        _NTH_WORDS,
        re.compile(rf"({_NTH})(?=\s+(?:months?|years?|quarters?)\b(?!\s+of\b))", re.IGNORECASE),
        re.compile(r"\bfor\s+(?:a|the)\s+\Z", re.IGNORECASE),
        "value",
        "count",
    ),
    # "almost half of them", "rose by a quarter", "more than half a million", "up by more
    # than a tenth": a share.
    (
        ("half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "tenth"),
        re.compile(
            r"((?:half|third|quarter|fifth|sixth|seventh|eighth|tenth)(?:\s+a\s+million)?)\b(?!-)",
            re.IGNORECASE,
        ),
        _SHARE_LEAD,
        "value",
        "other",
    ),
    (
        ("half",),
        re.compile(r"(?<!first\s)(?<!second\s)(half)(?=\s+(?:of|the)\s)", re.IGNORECASE),
        None,
        "value",
        "other",
    ),
    # "the second quarter of 2018/19", "the first half of the year", "the half year": a
    # part of a year (not "the second quarter running", the length of a run).
    (
        ("first", "second", "third", "fourth", "half"),
        re.compile(
            r"((?:first|second|third|fourth)[\s-](?:quarter|half)"
            r"|(?<!for\sa\s)(?<!for\sthe\s)(?:first|second)\s+year"
            r"|half[\s-]year)(?:'s)?\b(?!\s+(?:running|in\s+a\s+row)\b)",
            re.IGNORECASE,
        ),
        None,
        "period",
        None,
    ),
    # "a quarter of them in Rotherham", "a third of victims": a share ("a quarter of the
    # year" is a period).
    (
        ("third", "quarter"),
        re.compile(
            r"(?<=\ba\s)(third|quarter)(?=\s+of\s)(?!\s+of\s+(?:the\s+|a\s+)?(?:year|20\d\d))",
            re.IGNORECASE,
        ),
        None,
        "value",
        "other",
    ),
    # "one of the lowest", "every one of those": a pronoun, not a count.
    (
        ("one",),
        re.compile(r"(one)(?=\s+of\s+(?:the|those|these|them)\b)", re.IGNORECASE),
        None,
        "other",
        None,
    ),
    # "a quieter one", "the one you worry about", "a large daytime one": a pronoun.
    (
        ("one",),
        re.compile(
            r"(one)\b(?!-)(?=\s*[.,;:!?)]|\s+(?:you|we|they|that|which|who|I|people)\b)",
            re.IGNORECASE,
        ),
        re.compile(
            r"\b(?:the|a|an|this|that|each|every)(?:\s+(?!(?:of|by|to|from|than|at|just|only|"
            r"rise|fall|increase|decrease|drop|total|change)\b)[a-z]+){0,2}\s+\Z",
            re.IGNORECASE,
        ),
        "other",
        None,
    ),
]
