"""The scanner's patterns for numbers of a paper's frame, not values: rate bases, group
sizes and labels, thresholds and targets, scales and significance levels."""

from __future__ import annotations

from narrator.check.text.dates import word_list
from narrator.check.tokens.spec import NUM, WORDNUM, Spec
from narrator.check.tokens.spec import both as _both

#: The units a police paper counts its own parts and peers in ("the six districts").
_GROUPS = (
    # "the four rural districts", "the 43 territorial forces", "the four Welsh forces"
    r"(?:(?:rural|urban|territorial|other|remaining|neighbouring|border|metropolitan|county"
    r"|district|council|English|Welsh|Scottish|[A-Z][a-z]+shire)\s+)?"
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
    r"(?:(?<=\b[Tt]he\s)|(?<=\b[Aa]ll\s)|(?<=\bof\s)|(?<=\bour\s)|(?<=\bits\s)|(?<=['’]s\s))"
    r"(?={N}\s+"
    + _GROUPS
    + ")"
    # "the lowest of the six", "bottom of the six": the group a rank is among
    + "".join(
        f"|(?<=\\b{word}\\sof\\sthe\\s)"
        for word in word_list(
            "highest lowest best worst bottom top largest smallest busiest quietest"
        )
    )
    + r"|(?<=\d[snrt][tdh]\sof\s)|(?<=\d[snrt][tdh]\sout\sof\s)"
    # "ranks sixth of the six", "seventh out of eight"
    + "".join(
        f"|(?<=\\b{word}\\sof\\s)|(?<=\\b{word}\\sof\\sthe\\s)|(?<=\\b{word}\\sout\\sof\\s)"
        for word in word_list("first second third fourth fifth sixth seventh eighth ninth tenth")
    )
)

#: The unit of a bound or a tolerance: "80%", "90 per cent", "2 percentage points", "3 points".
_UNIT = r"(?:%|per\s?cent\b|percentage\s+points?\b|points?\b)"

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
            need=r"(?:\b(?i:the|all|of|our|its)|['’]s)\s+",
            span_need=False,
            words="the all of our its 's",
        ),
    ),
    (
        "word",
        Spec("GROUP", "(?:" + _GROUP_BEFORE.replace("{N}", WORDNUM) + rf"){WORDNUM}(?![\w%-])"),
    ),
    # "Group 1 (highest risk) to Group 5": a group's label, not a count.
    ("digit", Spec("GROUP", r"(?:(?<=\bGroup\s)|(?<=\bgroup\s))\d{1,2}(?![\w%]|[.,]\d)")),
    # "divided by the population and multiplied by 1,000", "Crimes / population x 1,000":
    # the base a rate is worked to.
    (
        "digit",
        Spec(
            "BASE",
            r"(?:1,?000|10,?000|100,?000|100)(?![\w%]|[.,]\d)",
            need=r"(?:\b(?i:multiplied\s+by|times)|\s[x×*])\s+",
            span_need=False,
            words="by times x × *",
        ),
    ),
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
        r"{N}(?:\s?" + _UNIT + ")?",
        # "(target 90%)", "Target: a reduction of 15%": a target's figure, however written
        need=r"\b(?i:targets?\s+(?:of|is|was|at)|target\s+level\s+of|agreed\s+level\s+of"
        r"|(?<=\()target|target:\s+(?:an?\s+)?(?:reduction|rise|increase|fall)\s+of"
        # "Target ........ 18.5% or better", "Target .... no more than 7,000 a year"
        r"|target\s*(?:\.{2,}|…+)(?:\s*(?:no\s+more\s+than|at\s+least|below|above|under|over"
        r"|fewer\s+than|less\s+than))?"
        r"|expectation\s+of|threshold\s+of|tolerance\s+of|ambition\s+of|aim\s+of"
        r"|goal\s+of|standard\s+of"
        # "The national standard for compliance is 95%", "Standard: 95% for needs
        # assessment", "the agreed minimum is 9 a shift", "Target line at 300", "this axis
        # starts at 20,000": what a figure is held to or drawn against
        r"|(?:standard|minimum|maximum)(?:\s+for\s+[a-z]+(?:\s+[a-z]+)?)?\s+(?:is|was)"
        r"|(?<!below\s)(?<!above\s)(?<!under\s)(?<!meets\s)(?<!met\s)standard:"
        r"|target\s+line\s+at|axis\s+(?:starts|begins|runs)\s+(?:at|from))\s+"
        r"(?:(?i:around|about|at\s+least)\s+)?",
        span_need=False,
        words="of is was at around about least target than below above under over standard from",
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
    # "A = worse by up to 10%", "has moved by more than 3% in the wrong direction", "a
    # change of less than 1%": a rating's tolerance, not a change the figures show.
    *_both(
        "THRESHOLD",
        r"{N}\s?" + _UNIT,
        need=r"\b(?i:worse|better|moved|moves|change|changes|changed|flagged|short)\b[^.;\n]{0,25}?"
        r"\b(?i:by\s+(?:more\s+than|less\s+than|up\s+to)|(?:of|within)\s+(?:less|more)\s+than"
        r"|within\s+±?)\s*",
        span_need=False,
        words="than to within ±",
    ),
    # "a find rate of at least 30%", "the find rate to stay above 30%", "where a count has
    # risen by more than 10%", "if fewer than 10 searches were made", "by up to £12 a year",
    # "contracts over £10,000": a bound a rule or an aim sets, not a figure.
    *_both(
        "THRESHOLD",
        r"{N}\s?" + _UNIT,
        need=r"\b(?i:rate|target|aim|ambition|expectation|level)\s+of\s+(?i:at\s+least|at\s+most"
        r"|no\s+more\s+than|no\s+less\s+than|not\s+less\s+than)\s+"
        r"|\b(?i:stay|stays|remain|remains|kept|keep|kept)\s+(?i:above|below|under|over)\s+",
        span_need=False,
        words="least most than above below under over",
    ),
    *_both(
        "THRESHOLD",
        r"{N}(?:\s?" + _UNIT + ")?",
        need=r"\b(?i:where|if|unless)\b[^.;:\n]{0,40}?\b(?i:(?:fewer|less|more)\s+than"
        r"|at\s+least|up\s+to|no\s+more\s+than)\s+",
        span_need=False,
        words="than least to",
    ),
    (
        "digit",
        Spec(
            "THRESHOLD",
            rf"£{NUM}(?:[km]\b)?",
            need=r"\b(?i:by\s+up\s+to|(?:spending|spend|contracts?|grants?|payments?|purchases?"
            r"|transactions?|orders?|thefts?|items?|property|gifts?|invoices?)\s+(?:over|under|above"
            r"|below))\s+",
            span_need=False,
            words="to over under above below",
        ),
    ),
    # "earning £50,000 or more", "(Maximum 500 words)", "in bands of £5,000": a bound or a
    # step a rule sets, not a figure
    ("digit", Spec("THRESHOLD", rf"£{NUM}(?:[km]\b)?(?=\s+or\s+(?:more|over|above|less|below)\b)")),
    *_both(
        "THRESHOLD",
        r"{N}(?=\s+words?\b)",
        need=r"\b(?i:max|maximum|up\s+to)\.?\s+",
        span_need=False,
        words="max max. maximum to",
    ),
    (
        "digit",
        Spec("SCALE", rf"£{NUM}", need=r"\b(?i:bands|steps)\s+of\s+", span_need=False, words="of"),
    ),
    # "£50,000 - £54,999": a band of pay or money, its two ends
    ("digit", Spec("GROUP", rf"£{NUM}\s*[-–]\s*£\d[\d,]*99(?![\d,])")),
    # "(95% CI 9.8 to 10.3)", "accurate to about ±3 points at the 95% level": a confidence
    # interval's level, not a figure
    (
        "digit",
        Spec(
            "LEVEL",
            r"\d{2}(?:\.\d)?%(?=\s*(?:CI\b|C\.I\.))"
            r"|(?<=\bthe\s)\d{2}(?:\.\d)?%(?=\s+level\b)",
        ),
    ),
    # "Immediate, 90th percentile": a point of a distribution, not a rank
    ("digit", Spec("SCALE", r"\d{1,2}(?:st|nd|rd|th)(?=\s+percentile\b)")),
    # "the national standard of 90%" above; "the 90% standard": what calls are held to.
    ("digit", Spec("LEVEL", r"\d{1,3}(?:\.\d)?%(?=\s+(?:standard|target)\b)")),
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
    # "Rank (of 42)", "(of 8)": the size of the group a rank is among.
    ("digit", Spec("GROUP", r"(?<=\(of\s)\d{1,3}(?=\))")),
    # "(3 marks)", "Total: 20 marks": an exam's marks, a scale.
    ("digit", Spec("SCALE", r"\d{1,3}(?=\s+marks?\b)")),
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
    # "where 1 is the highest", "rank 1 as the lowest rate": a ranking's key.
    (
        "digit",
        Spec(
            "SCALE",
            r"1(?=\s+(?:is|as|being|means)\s+(?:the\s+)?(?i:best|worst|lowest|highest|least|most)\b)",
        ),
    ),
    # "on a scale of 1 to 4", "scores from 1 to 25", "positions run from 1 to 8", "scored
    # out of 30": the ends of a scale, not figures.
    (
        "digit",
        Spec(
            "SCALE",
            r"\d{1,3}(?:\.\d)?(?:\s*(?:to|-|–)\s*\d{1,3}(?:\.\d)?)?(?![\w%]|[.,]\d)",
            need=r"\b(?i:scale|scores?|scored|scoring|rated|graded|(?:positions?|ranks?)(?:\s+\w+)?"
            r"\s+run)\s+(?:of|from|out\s+of)\s+",
            span_need=False,
            words="of from",
        ),
    ),
    # "rounded to the nearest 10,000", "to the nearest hundred": the rounding, not a figure.
    *_both(
        "SCALE",
        r"{N}(?![\w%]|[.,]\d)",
        need=r"\b(?i:to\s+the\s+nearest)\s+",
        span_need=False,
        words="nearest",
    ),
    # "outstanding (1), good (2)": a grade's number on an inspection's scale.
    ("digit", Spec("SCALE", _GRADE_BEFORE + r"[1-5](?=\))")),
    # "(p < 0.05)", "p=0.01": a test's significance level.
    ("digit", Spec("LEVEL", _P_BEFORE + r"0?\.\d+(?![\d%])")),
    ("digit", Spec("LEVEL", rf"{NUM}\s?%(?=\s+(?:confidence|significance)\b)")),
]
