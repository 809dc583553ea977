"""The scanner's patterns, in priority order: references, ages, periods, streaks, dates,
financial years and years before times, durations and ranges, and quantities last."""

from __future__ import annotations

from narrator.check.text.dates import MONTH_RE
from narrator.check.tokens.clock import CLOCK_SPECS, ISO_TIMESTAMP
from narrator.check.tokens.contacts import CONTACT_SPECS
from narrator.check.tokens.frames import FRAME_SPECS
from narrator.check.tokens.labels import LABEL_SPECS
from narrator.check.tokens.leads import (
    ELSEWHERE_AFTER,
    LAW_AFTER,
    LEAD_CODE,
    LEAD_REF,
    LEAD_REF_WORDS,
    ONE_AS_PRONOUN,
    REF_LAST_WORDS,
    REF_WORDS,
)
from narrator.check.tokens.spans import HEADING_WINDOW, SPAN_SPECS
from narrator.check.tokens.spec import DAY, NUM, SIGN, WORDNUM, YEAR4, Spec
from narrator.check.tokens.spec import both as _both

#: A month's short name, capitalised: "Mar", "Sept".
_SHORT_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"

# Priority order: the first pattern that matches at a position wins, and across the two
# families (numbers that start with a digit, words that start with a letter) the earlier
# pattern wins an overlap.
SPECS: list[tuple[str, Spec]] = [
    ISO_TIMESTAMP,
    (
        "digit",
        Spec(
            "REF",
            # "Table 6A", "Tables 6a and 6b": a part's number may end in a letter; "Tables 1,
            # 3 and 5": a list of them
            # "Bulletin 17/08": a series' number over its year
            r"(\d+[A-Za-z]?(?:\.\d+)*(?:/\d+\b)?)(?:,\s*\d+[A-Za-z]?(?:\.\d+)*(?=,|\s+(?:and|&|or)\s))*"
            r"(?:\s*(?:-|–|to|and|&|or|of)\s*(\d+[A-Za-z]?(?:\.\d+)*))?"
            r"(?![\w%]|[.,]\d)",
            need=LEAD_REF,
            span_need=False,
            words=LEAD_REF_WORDS,
        ),
    ),
    (
        "digit",
        Spec(
            "LAW",
            # A paper's own sections are numbered low; "section 136" is a power; "Section
            # 12(1)" has a subsection.
            r"\d+[A-Za-z]?(?:\(\d+[a-z]?\))+(?![\w%])|\d+[A-Za-z]?"
            + LAW_AFTER
            # "exempt under Section 21." ends its sentence with the Act's section
            + r"|(?:[2-9]\d|\d{3,})(?![\w%]|\.\w|[.,]\d)(?!\s+(?:above|below)\b)",
            need=r"\b(?i:sections?|s\.)\s*",
            span_need=False,
            words="section sections s.",
        ),
    ),
    # "a refusal notice under Section 17": a provision of a law, not a part of the paper.
    (
        "digit",
        Spec(
            "LAW",
            r"\d+[A-Za-z]?(?![\w.%]|[.,]\d)",
            need=r"\b(?i:under|breach\s+of|contrary\s+to)\s+(?i:sections?|s\.)\s*",
            span_need=False,
            words="section sections s.",
        ),
    ),
    (
        "digit",
        Spec(
            "CODE",
            # "outcome types 1-8": a range of the Home Office's outcome codes
            r"\d+(?:-\d+)?(?![\w%]|[.,]\d)",
            need=LEAD_CODE,
            span_need=False,
            words="outcome outcomes type types",
        ),
    ),
    *CONTACT_SPECS,
    # "SV-2017-044", "CR-19-0012": a reference code of letters and hyphened digit groups
    # (before the dates: its "2017" is not a year).
    ("digit", Spec("CODE", r"(?<=[A-Z]-)\d+(?:-\d+)+(?![\w%]|[.,]\d)")),
    # "20.07.17": a day, a two-digit month and a year, not a section number.
    (
        "digit",
        Spec(
            "DATE",
            r"(0?[1-9]|[12]\d|3[01])\.(0[1-9]|1[0-2])\.(\d{4}|\d{2})(?![\d.]|\.\d)",
        ),
    ),
    (
        "digit",
        Spec(
            "REF",
            r"(\d+(?:\.\d+)*)" + ELSEWHERE_AFTER,
            need=REF_WORDS,
            span_need=False,
            words=REF_LAST_WORDS,
        ),
    ),
    ("digit", Spec("XREF", r"(\d+\.\d+(?:\.\d+)+)(?![\d%])(?:\s+(above|below)\b)?")),
    # "paragraph 3.4 of the appendix", "section 2 of the plan": a part of another document,
    # which the paper's own numbering does not hold.
    (
        "digit",
        Spec(
            "REF",
            r"\d+(?:\.\d+)*(?![\d%]|[.,]\d)(?=\s+(?:of|in)\s+(?:(?i:the|its|their)\s+)?"
            r"(?i:appendix|appendices|annex|plan|strategy|minutes|guidance|act|code|manual"
            r"|policy|inspection|document|framework|agreement)\b)",
            need=REF_WORDS,
            span_need=False,
            words=REF_LAST_WORDS,
        ),
    ),
    (
        "digit",
        Spec(
            "XREF",
            # not "mentioned in 41 (about a quarter)": a count, with its share
            r"(\d+(?:\.\d+)?)(?:\s+(above|below)\b)?(?![\d%]|[.,]\d)"
            r"(?!\s*\((?i:about|around|roughly|nearly|almost|over|just|some|\d))",
            need=REF_WORDS,
            span_need=False,
            words=REF_LAST_WORDS,
        ),
    ),
    # "4.2 below": a section above or below; not "0.8 below the national rate", a figure.
    (
        "digit",
        Spec(
            "XREF",
            r"([1-9]\d*\.\d+)\s+(above|below)\b"
            r"(?!\s+(?:the|its|their|our|a|an|that|this|average|target|national|expected)\b)",
        ),
    ),
    # "sections 4 to 6", "pages 12-14": the last of a range of references.
    (
        "digit",
        Spec(
            "REF",
            r"\d+(?:\.\d+)*(?![\d%]|[.,]\d)",
            need=r"\b(?i:sections|paragraphs|paras\.?|pages|pp\.|tables|chapters|items|appendices"
            r"|annexes)\s+\d+(?:\.\d+)*\s*(?:to|-|–|and|&)\s*",
            span_need=False,
            words="to - – and &",
        ),
    ),
    # "[2]": a footnote's marker.
    ("digit", Spec("REF", r"(?<=\[)\d{1,2}(?=\])")),
    *_both("AGE", r"{N}\s*(?:-|–|to)\s*{N}[\s-]years?[\s-]olds?\b"),
    *_both("AGE", r"{N}[\s-]years?[\s-]olds?\b"),
    *FRAME_SPECS,
    # "Grade 1 incidents", "category 3", "Level 2", "Type 1": a code of a scheme.
    (
        "digit",
        Spec(
            "CODE",
            r"\d{1,2}[A-Za-z]?(?![\w%]|[.,]\d)",
            need=r"\b(?:(?i:grades?|category|categories|tiers?|outcome\s+types?)|(?-i:Level|Type))"
            r"\s+(?:\d{1,2}[A-Za-z]?\s*(?:,|to|and|-|–)\s*)*",
            span_need=False,
            words="grade grades category categories tier tiers level type types to and",
        ),
    ),
    # "PCSO 7241", "PC 1234": an officer's collar number; "Year 5": a school year.
    (
        "digit",
        Spec(
            "CODE",
            r"\d{2,5}(?![\w%]|[.,]\d)",
            need=r"\b(?-i:PCSO|PC|DC|DS|Sgt|Insp)\s+",
            span_need=False,
            words="pcso pc dc ds sgt insp",
        ),
    ),
    (
        "digit",
        Spec(
            "CODE",
            r"(?:[1-9]|1[0-3])(?![\w%]|[.,]\d)(?!\s+of\b)",
            need=r"\b(?-i:Year)\s+",
            span_need=False,
            words="year",
        ),
    ),
    (
        "digit",
        Spec("LEVEL", rf"{NUM}\s?%", need=r"\bstandard\s+", span_need=False, words="standard"),
    ),
    # "999 calls", "101 callers waited", "101 answering", "999: 8,936", "999 +7.1% YoY; 101
    # ↓", "Emergency (999)", "the 999 rise": the service the number names, not a count of it.
    (
        "digit",
        Spec(
            "LEVEL",
            r"(?:101|999|111)(?=\s+(?:abandon\w*|non-emergency|calls?|callers?|lines?|answer\w*"
            r"|performance|volumes?|demand|waits?|waiting|service|contacts?)\b|:\s*[+\-−–]?\d"
            r"|[ \t]+[+\-−–]\d|[ \t]*[↑↓▲▼])"
            r"|(?:(?<=emergency\s\()|(?<=emergency\()|(?<=Emergency\s\()|(?<=Emergency\()"
            r"|(?<=calls\s\())(?:101|999|111)(?=\))"
            r"|(?<=\b[Tt]he\s)(?:101|999|111)(?=\s+(?:rise|fall|increase|drop|figures?|totals?)\b)",
        ),
    ),
    # "i.e. 133 or fewer", "25% or more": a bound a target sets, not a figure of the data
    (
        "digit",
        Spec(
            "LEVEL",
            rf"{NUM}%?(?=\s+or\s+(?:fewer|less|lower|below|under|more|higher|above|over)\b)",
        ),
    ),
    (
        "digit",
        Spec(
            "AGE",
            rf"{NUM}(?:\s*(?:and|to|-|–)\s*{NUM})*",
            need=r"\baged\s+(?:(?:under|over|below|above|between)\s+)?",
            words="aged under over below above between",
        ),
    ),
    (
        "digit",
        Spec(
            "AGE",
            r"[1-9]0'?s\b",
            lead=r"\b(?:in\s+(?:his|her|their)\s+)?(?:early\s+|mid\s+|late\s+)?",
        ),
    ),
    # "LIAM FARROW, 23, of Tanners Row", "Jo Bell, 41, from Ely": a defendant's age, between
    # the name and the address of a court report.
    (
        "digit",
        Spec(
            "AGE",
            r"(?<=[A-Za-z'’-],\s)[1-9]\d?(?=,\s+(?:of|from)\s+(?:[A-Z0-9]|no\s+fixed))",
        ),
    ),
    # "under 18s", "over-65s", "18+": ages.
    ("digit", Spec("AGE", r"\d{1,2}s\b|\d{1,2}\+(?![\w%])")),
    *LABEL_SPECS,
    *_both(
        "PERIOD",
        rf"({{N}})(?i:[\s-]months?|m)\s+(?i:to|ending|ended|up\s+to)\s+"
        # "12 months to Sep 19", "12m to Dec-18": a year in two digits after a month
        rf"(?i:the\s+end\s+of\s+|in\s+)?({MONTH_RE})(?:\s+({YEAR4})"
        r"|(?:-|(?<=\b[A-Za-z]{3})\s|(?<=\b[A-Za-z]{4})\s)(\d\d)(?![\d%]|[.,]\d))?",
        lead=r"(?i:\bthe\s+)?(?i:rolling\s+)?",
    ),
    # "the year to June 2018", "the year ending March": a rolling year by its last month.
    (
        "word",
        Spec(
            "PERIOD",
            rf"()({MONTH_RE})(?:\s+({YEAR4}))?",
            need=r"(?<![Ff]inancial\s)(?<![Cc]alendar\s)\b(?i:the\s+)?(?i:year)\s+"
            r"(?i:to|ending|ended|up\s+to)\s+"
            r"(?i:the\s+end\s+of\s+)?",
            span_need=False,  # the number is the month ("June 2018"); the words say which
            words="to ending ended of",
        ),
    ),
    *_both(
        "MONTHCOUNT", r"({N})\s+(?:out\s+)?of\s+the\s+(?:last|past|previous)\s+({N})\s+months?\b"
    ),
    *_both(
        "STREAK",
        r"({N})\s+(?:consecutive|successive|straight)\s+"
        r"(months?|years?|quarters?|weeks?)\b",
    ),
    *_both(
        "PERIOD",
        r"({N})\s+(?i:(months?|years?|quarters?|weeks?|days?))\b",
        need=r"(?i:\b(?:each\s+of\s+)?the\s+(?:last|past|previous|preceding|prior|next|coming"
        r"|following)\s+)",
        words="last past previous preceding prior next coming following",
    ),
    # "DEMAND - LAST 24 HOURS", "the last two calendar years": a window of hours or days,
    # in a heading's capitals, or of calendar years
    *_both(
        "PERIOD",
        r"({N})\s+(?:(?:calendar|financial)\s+years?|HOURS|DAYS|WEEKS|MONTHS|YEARS|hours|days)\b",
        need=r"\b(?i:last|past|previous)\s+",
        words="last past previous",
    ),
    HEADING_WINDOW,
    *_both(
        "PERIOD",
        r"({N})(?:\s+|-)(months?|years?|quarters?|weeks?|days?)\b",
        need=r"(?i:\b(?:(?:more|less|fewer)\s+than|at\s+least|lag\s+by|over)\s+)",
        words="than least by over",
    ),
    *_both("PERIOD", r"({N})\s+(months?|years?|quarters?|weeks?|days?|hours?)\s+ago\b"),
    # "it's eight o'clock": a time of day in words
    *_both("TIME", r"({N})\s+o['’]clock\b"),
    *SPAN_SPECS,
    (
        "digit",
        Spec(
            "QUARTER",
            r"[1-4](?:\s*(?:-|–|and|&|to)\s*[1-4])?(?![\w%]|[.,]\d)",
            need=r"\b(?i:quarters?)\s+",
            words="quarter quarters",
        ),
    ),
    # "Week 23", "period 10": a numbered period of the year.
    (
        "digit",
        Spec(
            "QUARTER",
            r"\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?(?![\w%]|[.,]\d)",
            need=r"\b(?-i:Weeks?|WEEKS?|Wk|wk|Periods?|PERIODS?|Month|MONTH)\s+",
            words="week weeks wk period periods month",
        ),
    ),
    # "month 1 of 2016/17", "period 4 of the financial year": a month counted in its year
    (
        "digit",
        Spec(
            "QUARTER",
            r"\d{1,2}(?=\s+of\s+(?:(?:19|20)\d\d/\d\d|the\s+(?:financial\s+)?year)\b)",
            need=r"\b(?i:month|period|week)\s+",
            words="month period week",
        ),
    ),
    *_both("PERIOD", r"({N})(?:\s+and\s+({N}))?[\s-]years?\s+averages?\b"),
    *_both("PERIOD", r"(12|twelve)[\s-](?i:months?)\b", lead=r"(?i:\brolling\s+)"),
    # "Rolling 12m: 62,036", "the 12m line": the rolling year in a table's shorthand.
    (
        "digit",
        Spec(
            "PERIOD",
            r"(12)m\b(?![\w£%])(?!\s+(?:budget|savings?|overspend|underspend|funding|grant)\b)",
            need=r"(?i:\b(?:the|rolling|last|past|previous|latest|prior|current)\s+)",
            span_need=False,
            words="the rolling last past previous latest prior current",
        ),
    ),
    (
        "digit",
        Spec(
            "DATE",
            rf"({DAY})\s*(?:-|–|to|and)\s*({DAY})\s+(?:of\s+)?({MONTH_RE})"
            rf"(?:,?\s+({YEAR4}))?",
            lead=r"\bthe\s+",
        ),
    ),
    (
        "digit",
        # "the 24th of May", "24 May"; not "double the 24 of May 2018" (May's figure) nor "7
        # of February's thefts" (a part of the month's)
        Spec(
            "DATE",
            rf"((?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\s+of|{DAY})\s+({MONTH_RE})(?!['’]s\b)"
            rf"(?:,?\s+({YEAR4}))?",
            lead=r"\bthe\s+",
        ),
    ),
    (
        "digit",
        # "on the 1 of January": a day without its ordinal, after a word that says when
        Spec(
            "DATE",
            rf"({DAY})\s+of\s+({MONTH_RE})(?!['’]s\b)(?:,?\s+({YEAR4}))?",
            need=r"\b(?i:on|by|from|until|till|since|before|after|between|and|to)\s+the\s+",
            span_need=False,
            words="the",
        ),
    ),
    ("word", Spec("DATE", rf"({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+({YEAR4})")),
    (
        "word",
        Spec(
            "DATE",
            rf"({MONTH_RE}(?:\s*(?:/|-|–|to|and)\s*{MONTH_RE})*)\s+(?:of\s+)?"
            rf"({YEAR4})\b",
        ),
    ),
    # "(Adver, January 24)", "on March 3rd": a day after its month, American style
    (
        "word",
        Spec(
            "DATE",
            rf"({MONTH_RE})\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
            # "(Adver, January 24)": after a comma; "80 (September 86)" is September's figure
            r"|(?<=,\s)(?-i:January|February|March|April|May|June|July|August|September|October"
            r"|November|December)\s+(?:3[01]|[12]\d|0?[1-9])(?=\s*[)\]])",
        ),
    ),
    # "Apr '16 to Mar '17", "Mar '18": short months with their years after an apostrophe
    (
        "word",
        Spec(
            "DATE",
            rf"(?-i:{_SHORT_MONTH})\s?['’]\d{{2}}"
            rf"(?:\s*(?:to|-|–)\s*(?-i:{_SHORT_MONTH})\s?['’]\d{{2}})?(?!\d)",
        ),
    ),
    # "Dec 18-Feb 19", "Mar-May 19": a table's run of months with short years
    (
        "word",
        Spec(
            "DATE",
            rf"(?-i:{_SHORT_MONTH})(?:\s\d{{2}})?\s*[-–]\s*(?-i:{_SHORT_MONTH})\s\d{{2}}"
            r"(?![\d,%]|\.\d)(?!\s*(?:st|nd|rd|th)\b)",
        ),
    ),
    (
        "word",
        Spec(
            "DATE",
            # a space before the year only after a short name ("Jan 95", "Sept 19"), not
            # "In September 61 vehicle thefts": a count after a month named in full; nor
            # "90 (Oct 95)", "63 (Oct 50; Nov last year 45)" in terse notes: October's figure
            r"(?!(?<=\()[A-Za-z]{3,4}\s\d\d[);,])"
            # "Jul 59  |  Avg 49.5": July's figure in a cell of its line, not July 2059
            r"(?![A-Za-z]{3,4}\s\d\d\s*\|)"
            rf"({MONTH_RE})(?:-|(?<=\b[A-Za-z]{{3}})\s|(?<=\b[A-Za-z]{{4}})\s)(\d{{2}})"
            r"(?![\d,%]|\.\d)(?!\s*(?:st|nd|rd|th)\b)",
        ),
    ),
    ("word", Spec("DATE", rf"({MONTH_RE}(?:\s*(?:/|-|–)\s*{MONTH_RE})*)")),
    ("digit", Spec("DATE", r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")),
    ("digit", Spec("DATE", r"(\d{4})-(\d{2})-(\d{2})(?![\d-])")),
    ("digit", Spec("FY", rf"({YEAR4})\s?[/-]\s?(\d{{2}})(?![\d/%])", lead=r"(?i:\bFY\s?)")),
    # "FY18/19: 7,285": a financial year by its two short years after "FY".
    ("digit", Spec("FY", r"(\d{2})[/-](\d{2})(?![\d/%])", need=r"(?i:\bFY\s?)", words="fy")),
    # "Mon 29/08": a day and month (not "18/19", a financial year: see the reader).
    ("digit", Spec("DATE", r"(\d{2})/(\d{2})(?![\d/%])")),
    ("digit", Spec("FY", r"(\d{2})/(\d{2})(?![\d/%])")),
    ("digit", Spec("YEARS", rf"({YEAR4})\s*(?:-|–|to)\s*({YEAR4})(?![\d%])")),
    ("digit", Spec("YEAR", rf"{YEAR4}(?![\d%]|[,.]\d)")),
    *CLOCK_SPECS,
    # "24h / 7d / 28d", "the 4-wk avg": a window of the clock or calendar, as a dashboard
    # heads its columns.
    ("digit", Spec("SPAN", r"\d{1,3}-?(?:h|hrs?|d|wks?)(?![\w%])")),
    # "a six-week operation", "the 28-day picture", "a five-year trend": a stretch of time
    # named as an adjective, not a measured duration.
    *_both(
        "SPAN",
        r"{N}-(?:days?|weeks?|months?|years?|minutes?|hours?)\b(?!-|\s+olds?\b)",
    ),
    *_both(
        "DURATION",
        r"{N}\s+(?:working\s+)?(?:hours?|minutes?|days?|weeks?|seconds?|hrs?|mins?)\b",
    ),
    ("digit", Spec("ORDINAL", r"\d+(?:st|nd|rd|th)\b")),
    # "COVID-19": a number that ends a name (after the dates: "Oct-19" is a month).
    ("digit", Spec("CODE", r"(?<=[A-Za-z]-)\d+(?![\w%]|[.,]\d)")),
    ("digit", Spec("RANGE", rf"{NUM}\s*(?:-|–)\s*{NUM}(?![\w%])")),
    # "48p in every £1", "19p a week": pence (before "3pm" would be read as a name).
    ("digit", Spec("MONEY", r"()()(\d{1,3}(?:\.\d)?)(p)\b(?![.,]?\d)")),
    # "3G", "24x7": a name with digits, but not a figure with its unit ("8pc", "2pts").
    # "52mph", "188kg of cocaine", "12 miles": a measurement in its unit, a value the
    # project holds no figures of.
    (
        "digit",
        Spec("AMOUNT", r"\d+(?:\.\d+)?\s?(?:mph|kph|km/h|kg|mg|tonnes?|km|miles)(?![\w/])"),
    ),
    ("digit", Spec("IDENT", r"\d+(?!(?:pc|pts?|pp|ppts?)\b)[A-Za-z][\w-]*")),
    (
        "digit",
        Spec(
            "POINTS",
            rf"({SIGN})?({NUM})\s?(?:(?:of\s+a\s+)?percentage[\s-]points?|%\s?points?|pp\b"
            r"|ppts?\b|pts?\b|points?\b)",
        ),
    ),
    # "up 8pc": the press's per cent, against its number (not "PC 1234", a constable).
    ("digit", Spec("PERCENT", rf"({SIGN})?({NUM})(?:\s?(?:%|per\s?cent\b|percent\b)|pc\b)")),
    (
        "digit",
        Spec("MONEY", rf"({SIGN})?([£$€])\s?({NUM})(?:\s?(m|bn|k|million|billion|thousand)\b)?"),
    ),
    (
        "digit",
        Spec(
            "COUNT",
            rf"({SIGN})?({NUM})(?:\s(million|thousand|billion)\b)?"
            r"(?![\w/]|[.,]\d)",
        ),
    ),
    # "up about four per cent": a per cent in words.
    ("word", Spec("PERCENT", rf"()(?<![\w-])({WORDNUM})\s(?:per\s?cent|percent)\b")),
    # "one of three districts", "one of the lowest": a member of a group, not a count; nor
    # is "one" that stands for a thing ("the odd one out", "one too many", "one or two").
    ("word", Spec("COUNT", rf"(?<![\w-])(?!{ONE_AS_PRONOUN})({WORDNUM})(?![\w-])")),
]
