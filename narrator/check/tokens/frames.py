"""The scanner's patterns for numbers of a paper's frame, not values: rate bases, group
sizes and labels, thresholds and targets, scales and significance levels."""

from __future__ import annotations

from narrator.check.text.dates import word_list
from narrator.check.tokens.spec import NUM, WORDNUM, Spec
from narrator.check.tokens.spec import both as _both

#: The units a police paper counts its own parts and peers in ("the six districts").
_GROUPS = (
    r"(?:(?i:priority|policing|local|community|key|strategic|headline|performance)\s+)?"
    r"(?:forces|districts|divisions|areas(?!\s+for\b)|themes|wards|boroughs|sectors|neighbourhoods"
    r"|priorities|pillars|strands|regions|councils|local\s+authorities|partnerships|stages"
    r"|groups|categories|indicators|objectives|commitments|(?i:(?:performance\s+)?questions)"
    r"|teams|hubs|departments|domains|towns|market\s+towns|villages|parishes|counties|cities"
    r"|hot\s*spots|stations)\b"
)
#: Before a group's size: a determiner ("the six districts", "all 43 forces", "made up of
#: eight forces") or a rank ("5th of 8", "22nd of 43 forces").
_GROUP_BEFORE = (
    r"(?:(?<=\b[Tt]he\s)|(?<=\b[Aa]ll\s)|(?<=\bof\s))(?={N}\s+" + _GROUPS + ")"
    r"|(?<=\d[snrt][tdh]\sof\s)|(?<=\d[snrt][tdh]\sout\sof\s)"
    # "ranks sixth of the six", "seventh out of eight"
    + "".join(
        f"|(?<=\\b{word}\\sof\\s)|(?<=\\b{word}\\sof\\sthe\\s)|(?<=\\b{word}\\sout\\sof\\s)"
        for word in word_list("first second third fourth fifth sixth seventh eighth ninth tenth")
    )
)

#: Before a grade's number in brackets: the grade's word ("requires improvement (3)").
_GRADE_BEFORE = (
    "(?:"
    + "|".join(
        rf"(?<=(?i:{w})\s\()|(?<=(?i:{w})\()"
        for w in ("outstanding", "good", "improvement", "inadequate", "poor")
    )
    + ")"
)
#: Before a significance level: "p <", "p=", "p ≤".
_P_BEFORE = "(?:" + "|".join(rf"(?<=\bp{a}[<=≤]{b})" for a in ("", " ") for b in ("", " ")) + ")"

#: In priority order, after references and ages, before periods and quantities.
FRAME_SPECS: list[tuple[str, Spec]] = [
    # Rate bases, group sizes, scales and thresholds: numbers of the frame, not values.
    (
        "digit",
        Spec(
            "BASE",
            r"(?:1,?000|10,?000|100,?000|100)(?![\w%]|[.,]\d)",
            need=r"\bper\s+",
            span_need=False,
            words="per",
        ),
    ),
    (
        "digit",
        Spec(
            "BASE",
            r"(?:10|100|1,?000)(?![\w%]|[.,]\d)",
            # "two in 100 adults", "one in 10 victims", "8 out of 10": a rate's base.
            need=rf"(?:\b\d+|\b{WORDNUM})\s+(?:in|out\s+of)\s+",
            span_need=False,
            words="in of",
        ),
    ),
    (
        "digit",
        Spec(
            "GROUP",
            rf"(?:(?<=\d[snrt][tdh]\sof\s){NUM}|(?<=\d[snrt][tdh]\sout\sof\s){NUM}"
            rf"|{NUM}(?=\s+{_GROUPS}))(?![\w%-]|[.,]\d)",
            need=r"\b(?i:the|all|of)\s+",
            span_need=False,
            words="the all of",
        ),
    ),
    (
        "word",
        Spec("GROUP", "(?:" + _GROUP_BEFORE.replace("{N}", WORDNUM) + rf"){WORDNUM}(?![\w%-])"),
    ),
    # "Group 1 (highest risk) to Group 5": a group's label, not a count.
    ("digit", Spec("GROUP", r"(?:(?<=\bGroup\s)|(?<=\bgroup\s))\d{1,2}(?![\w%]|[.,]\d)")),
    # "for every 1,000 residents": a rate's base, as "per 1,000" is.
    (
        "digit",
        Spec(
            "BASE",
            r"(?:1,?000|10,?000|100,?000|100)(?![\w%]|[.,]\d)",
            need=r"\b(?i:for\s+every|for\s+each|in\s+every)\s+",
            span_need=False,
            words="every each",
        ),
    ),
    # "against a target of 80%", "the agreed level of 32%", "a score of 40 or more", "groups
    # of fewer than 50 respondents": what a value is held to, not a value.
    *_both(
        "THRESHOLD",
        r"{N}\s?(?:%|per\s?cent\b|percentage\s+points?\b|points?\b)?",
        need=r"\b(?i:targets?\s+(?:of|is|was|at)|target\s+level\s+of|agreed\s+level\s+of"
        r"|expectation\s+of|threshold\s+of|tolerance\s+of|ambition\s+of|aim\s+of"
        r"|goal\s+of)\s+(?:(?i:around|about|at\s+least)\s+)?",
        span_need=False,
        words="of is was at around about least",
    ),
    (
        "digit",
        Spec(
            "THRESHOLD",
            rf"{NUM}(?=\s+or\s+(?:more|above|over|higher|less|below|fewer|lower)\b)",
            need=r"\b(?i:score|scores|scoring)\s+(?:of\s+)?",
            span_need=False,
            words="score scores scoring of",
        ),
    ),
    (
        "digit",
        Spec(
            "THRESHOLD",
            rf"{NUM}(?=\s+(?:respondents|responses|replies|cases)\b)",
            need=r"\b(?i:fewer\s+than|less\s+than|under|at\s+least|minimum\s+of)\s+",
            span_need=False,
            words="than under least of",
        ),
    ),
    # "monthly crime has been above 1,200 for five months", "the only month above 800":
    # a level a count is said to pass, not a figure of it.
    (
        "digit",
        Spec(
            "THRESHOLD",
            rf"(?!(?:19|20)\d\d\b){NUM}(?![\d%]|\s?per\s?cent)",
            need=r"\b(?i:above|below|exceeded|exceeding|exceeds|passed|topped)\s+",
            span_need=False,
            words="above below exceeded exceeding exceeds passed topped",
        ),
    ),
    # "the region (4 forces)": a group's size in brackets after its name.
    *_both("GROUP", r"(?<=\(){N}(?=\s+" + _GROUPS + r"\))"),
    (
        "digit",
        Spec("SCALE", r"\d+(?:st|nd|rd|th)?(?=\s*=\s*(?i:best|worst|lowest|highest|low|high)\b)"),
    ),
    *_both("SCALE", r"{N}(?=[\s-]point\s+scale\b|\s+decimal\s+places?\b)"),
    # "a scale from 1 (very poor) to 5 (excellent)": a point of a scale named in brackets.
    (
        "digit",
        Spec(
            "SCALE",
            r"\d{1,2}(?=\s*\((?:[a-z]+\s)?[a-z]+\))",
            need=r"\b(?i:scale\s+(?:of|from)|from|to)\s+",
            span_need=False,
            words="of from to",
        ),
    ),
    # "3.4 out of 5": the top of a scale a mean score is out of.
    (
        "digit",
        Spec(
            "SCALE",
            r"(?:4|5|7|10)(?![\w%]|[.,]\d)",
            need=r"\d\.\d+\s+out\s+of\s+",
            span_need=False,
            words="of",
        ),
    ),
    # "where a rank of 1st is the lowest rate", "1st has the lowest": a ranking's key.
    (
        "digit",
        Spec(
            "SCALE",
            r"\d+(?:st|nd|rd|th)(?=\s+(?:is|has|being|means)\s+(?:the\s+)?"
            r"(?i:best|worst|lowest|highest|least|most)\b)",
        ),
    ),
    # "outstanding (1), good (2)": a grade's number on an inspection's scale.
    ("digit", Spec("SCALE", _GRADE_BEFORE + r"[1-5](?=\))")),
    # "(p < 0.05)", "p=0.01": a test's significance level.
    ("digit", Spec("LEVEL", _P_BEFORE + r"0?\.\d+(?![\d%])")),
    ("digit", Spec("LEVEL", rf"{NUM}\s?%(?=\s+(?:confidence|significance)\b)")),
]
