"""The scanner's patterns for numbers that label something rather than count it: where a
meeting is ("Committee Room 3"), a reference code ("Message Ref: 213407", "jobs 40771 and
40793"), the time after a meeting's date, an age limit ("Under 18?"), the year of an Act,
and an item's number after its word in capitals ("MYTH 1:"). They come before the
quantities, as :data:`narrator.check.tokens.patterns.SPECS` holds them."""

from __future__ import annotations

from narrator.check.tokens.spec import Spec

#: In priority order.
LABEL_SPECS: list[tuple[str, Spec]] = [
    # "Under 18?", "over 18 only": an age limit.
    (
        "digit",
        Spec(
            "AGE",
            r"(?:1[2-9]|2[15])(?=\s*[?!]|\s+only\b)",
            need=r"\b(?i:under|over)[\s-]",
            span_need=False,
            words="under over",
        ),
    ),
    # "plots 22, 23 and 41", "bays 1 to 12", "buzzer 14", "hymns 271, 408": places and
    # things numbered for finding them, not counts.
    (
        "digit",
        Spec(
            "CODE",
            r"\d{1,4}[A-Za-z]?(?:(?:,\s*|\s+(?:and|to|or|&)\s+|-)\d{1,4}[A-Za-z]?)*(?![\w%]|[.,]\d)",
            need=r"\b(?i:plots?|bays?|buzzer|lifts?|hymns?|pitch(?:es)?|platforms?|berths?"
            r"|lockers?|pay\s+machines?|gates?|kiosks?|(?-i:HO\s+CODES?|HO\s+codes?))\s+",
            span_need=False,
            words="plot plots bay bays buzzer lift lifts hymn hymns pitch pitches platform "
            "platforms berth berths locker lockers machine machines gate gates kiosk kiosks "
            "codes code",
        ),
    ),
    # "PS 4417 Marsh", "Owner: PC 2231": an officer's collar number; "106.4 FM": a radio
    # station's frequency.
    (
        "digit",
        Spec(
            "CODE",
            r"\d{3,5}(?![\w%]|[.,]\d)",
            need=r"\b(?-i:PS|PC|DC|DS|Sgt|PCSO|Insp|DI|DCI)\s+",
            span_need=False,
            words="ps pc dc ds sgt pcso insp di dci",
        ),
    ),
    ("digit", Spec("CODE", r"\d{2,3}\.\d(?=\s*FM\b)")),
    # "1st XI", "2nd-floor office": a team or a floor, not a rank.
    ("digit", Spec("CODE", r"\d(?:st|nd|rd|th)(?=\s+X[IV]\b|[\s-]floor\b)")),
    # "c/o 41 Bread Street", "42 Montgomery Road, Belfast": a house's number in an address.
    (
        "digit",
        Spec(
            "CODE",
            r"\d{1,4}[A-Za-z]?(?=,?[ \t]+(?:[A-Z][a-z]+[ \t]+){1,2}(?:Street|Road|Lane|Avenue"
            r"|Way|Place|Square|Close|Drive|Row|Gardens|Terrace|Walk|Crescent|Hill)\b)",
        ),
    ),
    # "Committee Room 3", "Suite 4": where a meeting is, not a count.
    (
        "digit",
        Spec(
            "CODE",
            r"\d{1,3}[A-Za-z]?(?![\w%]|[.,]\d)",
            need=r"\b(?-i:Room|Rooms|Suite|Floor|Unit|Bay)\s+",
            span_need=False,
            words="room rooms suite floor unit bay",
        ),
    ),
    # "Message Ref: 213407", "jobs 40771 and 40793", "UIN 152384": a reference code.
    (
        "digit",
        Spec(
            "CODE",
            r"\d{4,}(?:\s*(?:and|&|,)\s*\d{4,})*(?![\w%]|[.,]\d)",
            need=r"\b(?i:ref(?:erence)?|jobs?|uin|tickets?|incident|log|(?-i:Inc|INC))\.?\s*:?\s+",
            span_need=False,
            words="ref reference job jobs uin ticket tickets incident log ref. ref: inc inc.",
        ),
    ),
    # "Thursday 27 July 2017, 10.00, Room 4": the time after a meeting's date.
    ("digit", Spec("TIME", r"(?<=(?:19|20)\d\d,\s)(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d%])")),
    # "MYTH 1: ...", "KLOE 2 - Theft": an item's number after its word in capitals.
    # "KLOE 3 What effect has ...": or with the item's question straight after.
    (
        "digit",
        Spec(
            "REF",
            # "PANEL 2 | WHERE AND WHEN": or a bar between it and its title
            r"(?<=[A-Z]{3}\s)\d{1,2}(?=:\s|\s+[-–|]\s+[A-Z][a-z]"
            r"|\s+\|\s+[A-Z][A-Z ,&'’:-]+\b(?![ \t]*\d)"
            r"|\s+(?:What|How|Why|Is|Are|Does|Do|Did|Has|Have|Which|Who|When|Where|To\s+what)\s)",
        ),
    ),
    # "{taskinstance.py:841}", "prc_build.py:52": a line of a program's source a log names.
    (
        "digit",
        Spec(
            "CODE",
            "(?:"
            + "|".join(
                f"(?<=\\w\\.{ext}:)"
                for ext in ("py", "R", "r", "js", "ts", "sql", "sh", "java", "go")
            )
            + r")\d+(?![\w%]|[.,]\d)",
        ),
    ),
    # "(s.294 POCA 2002)", "ss.327-329", "s.139B", "(attached, p.5)": a section of an Act or
    # a page, glued to its letter.
    (
        "digit",
        Spec(
            "REF",
            r"(?:(?<=\bs\.)|(?<=\bss\.)|(?<=\bp\.)|(?<=\bpp\.))\d+[A-Z]?\d*(?:\(\w{1,3}\))*"
            r"(?:\s?[-–]\s?\d+[A-Z]?)?(?![\w%]|[.,]\d)",
        ),
    ),
    # "CHAPTER FOUR: RESULTS", "set out in Appendix Two": a part of a paper, in words.
    (
        "word",
        Spec(
            "REF",
            r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
            need=r"\b(?-i:Appendix|APPENDIX|Annex|ANNEX|Chapter|CHAPTER|Part|PART|Volume|VOLUME"
            r"|Schedule|SCHEDULE|Track|TRACK)\s+",
            span_need=False,
            words="appendix annex chapter part volume schedule track",
        ),
    ),
    # "Example 1. Dwelling burglary": a method note's worked example, by its number (not
    # "Example      142 of 388", a definition's example figures).
    ("digit", Spec("REF", r"(?<=\b(?:Example|EXAMPLE)\s)\d{1,2}(?=[.:)]\s)")),
    # "the Game Act 1831": the year of an Act.
    ("digit", Spec("YEAR", r"(?<=\bAct\s)1[5-9]\d\d(?!\d)")),
    # "3 = brief chief officers | 2 = lead to note | 1 = awareness only": a key's points
    ("digit", Spec("SCALE", r"\b[0-9](?=[ \t]*=[ \t]*[A-Za-z])")),
]
