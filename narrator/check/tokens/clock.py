"""The scanner's patterns for times of the clock: "10pm–3am", "[00:14:32]", "0930hrs",
"2200 to 0600", "10.15 BST", "at 9.30 this morning", "Custody at 1400". A time is a
period, never a count."""

from __future__ import annotations

from narrator.check.tokens.spec import Spec

#: "2019-11-02T01:40:00+00:00": a timestamp of ISO 8601, a date and its time of day, one
#: period (before the dates, which would take its date alone).
ISO_TIMESTAMP: tuple[str, Spec] = (
    "digit",
    Spec(
        "TIME",
        r"(?:19|20)\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(?::[0-5]\d)?(?:[.,]\d+)?"
        r"(?:Z|[+-][01]\d:?[0-5]\d)?",
    ),
)

#: An hour of the clock in words.
_HOUR = r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
#: After an hour in words: what makes it a time of day ("three in the morning").
_OF_THE_DAY = (
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:tonight|this\s+(?:morning|afternoon|evening)"
    r"|in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b)"
)

#: In priority order, as :data:`narrator.check.tokens.patterns.SPECS` holds them.
CLOCK_SPECS: list[tuple[str, Spec]] = [
    # "I came out at half six", "two minutes past five", "a quarter to nine", "between
    # about ten and three in the morning", "starting at seven.", "news at five": the clock
    # in words, a time of day. ("from three to five" is a range of counts.)
    (
        "word",
        Spec(
            "TIME",
            rf"(?:(?i:five|ten|twenty|twenty-five|two|three)\s+(?i:minutes)\s+(?i:past|to)"
            rf"|(?i:five|ten|twenty|twenty-five)\s+(?i:past))\s+{_HOUR}\b",
            need=r"\b(?i:at|by|until|till|around|about|it['’]s)\s+",
            span_need=False,
            words="at by until till around about it's it’s",
        ),
    ),
    # (the scanner starts a word's mark at a number word, so "half" and "quarter" are
    # looked behind at: the hour is read as the time)
    (
        "word",
        Spec(
            "TIME",
            "(?:"
            + "|".join(
                f"(?<=\\b{at}\\s{lead}\\s)"
                for at in ("at", "At", "by", "until", "around", "about")
                for lead in ("half", "quarter\\sto", "quarter\\spast", "a\\squarter\\sto")
            )
            + rf"){_HOUR}\b(?!\s+(?:of|per|times|months?|years?|weeks?|days?)\b)",
        ),
    ),
    (
        "word",
        Spec(
            "TIME",
            rf"{_HOUR}\s+(?:and|to|till|until)\s+{_HOUR}(?=\s+(?:in\s+the\s+(?:morning"
            rf"|afternoon|evening)|at\s+night)\b)",
            need=r"\b(?i:between|from)\s+(?:(?i:about|around)\s+)?",
            span_need=False,
            words="between from about around",
        ),
    ),
    (
        "word",
        Spec(
            "TIME",
            _HOUR + _OF_THE_DAY,
            need=r"\b(?i:starting\s+at|starts\s+at|news\s+at|meet\s+at|open\s+at|close\s+at"
            r"|closes\s+at|opens\s+at|until|till)\s+",
            span_need=False,
            words="at until till",
        ),
    ),
    (
        "digit",
        Spec(
            "TIME",
            # "10pm–3am", "2–4pm": a span of the 12-hour clock, one time
            r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s?[–-]\s?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b"
            r"|\d{1,2}[:.]\d{2}\s*(?i:am|pm)\b|\d{1,2}\s*(?:am|pm)\b|12\s+(?:noon|midnight)\b"
            # "00'03\"  GV frost on windscreens": a script's timecode at its line's start (a
            # clip's length, "DUR 0'19\"", is a value: how long it runs)
            r"|(?<![^\n])\d{1,2}['’][0-5]\d[\"”](?=[ \t]{2,}\S)"
            # "23.00 to midnight": the hour a span of the night starts
            r"|(?:[01]?\d|2[0-3])[.:]00(?=\s+(?:to|until|till|[–-])\s*(?:midnight|noon)\b)"
            # "[00:14:32]": a recording's timestamp, hours, minutes and seconds.
            r"|\d{1,2}:[0-5]\d:[0-5]\d(?![\d:])"
            # (a colon after it ends a clause, "at 17:00: everyone knew", unless a digit
            # follows, as in "17:00:05")
            r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d]|:\d)"
            # "Embargoed until 00.01", "approx. 07.35": a time with a leading zero
            r"|0\d\.[0-5]\d(?![\d.%])"
            # "0930hrs", "2200–0300": the 24-hour clock of a shift or a meeting
            r"|(?:[01]\d|2[0-3])[0-5]\d\s?(?:hrs|hours)\b"
            r"|(?:[01]\d|2[0-3])[0-5]\d\s?[–-]\s?(?:[01]\d|2[0-3])[0-5]\d(?![\d%]|[.,]\d)"
            # "between 0100 and 0600hrs", "2200 to 0600": a shift, one end with its zero
            r"|0\d[0-5]\d\s+(?:to|and)\s+(?:[01]\d|2[0-3])[0-5]\d(?:\s?hrs)?(?![\d%]|[.,]\d)"
            r"|(?:[01]\d|2[0-3])[0-5]\d\s+(?:to|and)\s+0\d[0-5]\d(?:\s?hrs)?(?![\d%]|[.,]\d)"
            # "10.15 BST", "Thursday 4 May 2017 at 14.00": a time by its zone or its date
            r"|(?:[01]?\d|2[0-3])[.:][0-5]\d(?=\s*(?:BST|GMT|UTC)\b)"
            r"|(?<=(?:19|20)\d\d\sat\s)(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d%])"
            # "0830", "at 0700 Wed": a time with a leading zero is no count
            r"|0\d[0-5]\d(?![\d%]|[.,]\d|\s*(?:[a-z]|%))"
            # "1200 today", "0700 Thu 01/12": a time, by the day after it
            r"|(?:[01]\d|2[0-3])[0-5]\d(?=\s+(?:today|tonight|tomorrow|(?:Mon|Tue|Wed|Thu|Fri|Sat"
            r"|Sun)[a-z]*)\b)"
            # "the 1300 bulletin", "the 0900 briefing": a time that names an event of the day
            r"|(?<=\bthe\s)(?:[01]\d|2[0-3])[0-5]\d(?=\s+(?:bulletin|news|briefing|meeting|call"
            r"|parade|conference|deadline|update)\b)",
        ),
    ),
    # "ONS out at 9.30 this morning", "We'll resume at 11.25.", "after 8.30": a clock time
    # by the word before it and the end of its phrase after it.
    (
        "digit",
        Spec(
            "TIME",
            # (not a level a figure stands at: "stood at 14.50", "peaked at 12.45")
            r"(?<!stood\sat\s)(?<!now\sat\s)(?<!peaked\sat\s)(?<!is\sat\s)(?<!was\sat\s)"
            r"(?<!rate\sat\s)(?<!level\sat\s)(?<!high\sat\s)(?<!low\sat\s)"
            r"(?:[01]?\d|2[0-3])[.:][0-5]\d(?=\s*(?:[,.;)]|$)|\s+(?:this|tonight|tomorrow|today"
            r"|on\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun))\b)",
            need=r"\b(?i:at|after|until|till|resume\s+at)\s+",
            span_need=False,
            words="at after until till",
        ),
    ),
    # "Custody at 1400", "closed 2359 30/11", "by 1200": a time of the 24-hour clock, by
    # the word before it
    (
        "digit",
        Spec(
            "TIME",
            r"(?:[01]\d|2[0-3])[0-5]\d(?![\d%]|[,.]\d|\s+[a-z])",
            need=r"\b(?i:at|by|until|till|closed|traced|from|around)\s+",
            span_need=False,
            words="at by until till closed traced from around",
        ),
    ),
]
