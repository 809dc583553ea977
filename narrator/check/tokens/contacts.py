"""The scanner's patterns for the numbers a paper gives to ring or to text: "call 101",
"dial 999", "report crime on 101", "0800 40 50 40", an extension ("x4417"), and the service
numbers that name a service ("the 101 line", "999 calls"). They come before the quantities:
a telephone number is a reference, never a count."""

from __future__ import annotations

from narrator.check.tokens.leads import PHONE
from narrator.check.tokens.spec import Spec

#: In priority order, as :data:`narrator.check.tokens.patterns.SPECS` holds them.
CONTACT_SPECS: list[tuple[str, Spec]] = [
    # "call 101", "dial 999", "passed on via 101": the number to ring, not a count.
    (
        "digit",
        Spec(
            "PHONE",
            r"(?:101|999|111)(?![\w%]|[.,]\d)",
            need=r"\b(?i:call|dial|ring|phone|telephone|via|use)\s+",
            span_need=False,
            words="call dial ring phone telephone via use",
        ),
    ),
    # "please use 101, or 999": the other number to ring, after the first.
    (
        "digit",
        Spec(
            "PHONE",
            r"(?:101|999|111)(?![\w%]|[.,]\d)(?!\s+call)",
            need=r"\b(?:101|999|111),?\s+(?i:or)\s+",
            span_need=False,
            words="or",
        ),
    ),
    # "a witness called 999", "Text 18000", "or 999 in an emergency": the number rung.
    (
        "digit",
        Spec(
            "PHONE",
            r"(?:101|999|111|18000)(?![\w%]|[.,]\d)",
            need=r"\b(?i:called|calling|dialled|dialling|rang|ringing|text|texting)\s+",
            span_need=False,
            words="called calling dialled dialling rang ringing text texting",
        ),
    ),
    ("digit", Spec("PHONE", r"(?:101|999|111)(?=\s+in\s+(?:an?\s+)?emergenc)")),
    # "999 if you are in danger", "101 for reports": the number, then when to ring it.
    (
        "digit",
        Spec(
            "PHONE",
            r"(?:101|999|111)(?=,?\s+(?:if|for\s+(?:reports?|non[\s-]emergenc|anything))\b"
            # "or 101 (ask for the Performance Team)", "[ASTON: 101 / Crimestoppers 0800 ...]"
            r"|\s+\((?i:ask|quot)|\s*/\s*(?i:crimestoppers|0\d))",
        ),
    ),
    # "101 otherwise", "Reminder: 101 is for anything that can wait": the number, then
    # when to ring it, or what it is for.
    ("digit", Spec("PHONE", r"(?:101|999|111)(?=,?\s+otherwise\b|\s+is\s+for\b)")),
    # "101 ext 2563", "on 101, extension 4471": a number to ring, by its extension
    ("digit", Spec("PHONE", r"(?:101|111)(?=,?\s+(?:ext|extn|extension)\b)")),
    ("digit", Spec("PHONE", r"(?<=(?i:non-emergency)\s)(?:101|111)(?![\w%]|[.,]\d)")),
    # "text British Transport Police on 61016": a short code to text.
    (
        "digit",
        Spec(
            "PHONE",
            r"\d{5}(?![\w%]|[.,]\d)",
            # "or text 61016"
            need=r"\b(?i:text|texting|sms)\b(?:[^.;\n]{0,60}?\b(?i:on|to))?\s+",
            span_need=False,
            words="on to text texting sms",
        ),
    ),
    # "Text relay 18001 101": the relay's prefix and the number it rings.
    ("digit", Spec("PHONE", r"18001(?:\s+(?:101|999))?(?!\d)")),
    # "it's 101 or the online reporting form", "the 999 line": the number to ring.
    (
        "digit",
        Spec(
            "PHONE",
            r"(?:101|999|111)(?=,?\s+or\s+(?:the\s+)?(?:online|report|web|visit|email)"
            r"|\s+(?:line|number)\b"
            # "the 101 online reporting form", "999 should always be used"
            r"|\s+(?:online|reporting|should|must)\b)",
        ),
    ),
    # "Perf team x4417", "ext 2231": a telephone extension.
    ("digit", Spec("PHONE", r"(?<=\bx)\d{3,5}\b|(?<=\bext\s)\d{3,5}\b|(?<=\bextn\s)\d{3,5}\b")),
    # "report crime that is not an emergency on 101", "call Sussex Police on 101": the
    # number to ring, where the sentence says to ring it.
    (
        "digit",
        Spec(
            "PHONE",
            r"(?:101|999|111)(?![\w%]|[.,]\d)",
            need=r"\b(?i:report(?:ed|ing|s)?|call(?!\s+handl)|ring|contact|reach|phone|text|talk"
            r"|speak|information)\b"
            # "speak to a call handler on 101" names the service
            r"[^.;\n]{0,80}?(?<!handler\s)(?<!handlers\s)\b(?i:on|via)\s+",
            span_need=False,
            words="on via",
        ),
    ),
    # "Ring the estate office first, then 101": the next number to ring, where the
    # sentence says to ring.
    (
        "digit",
        Spec(
            "PHONE",
            r"(?:101|999|111)(?=[ \t]*(?:[.!]|\n|$))",
            # "In an emergency call 999; otherwise 101"
            need=r"\b(?i:call|dial|ring|phone|telephone|contact)\b[^.\n]{0,80}?"
            r"\b(?i:then|otherwise|else|failing\s+that)\s+",
            span_need=False,
            words="then otherwise else that",
        ),
    ),
    # "a call handler on 101": the service's number names it, as "101 calls" does.
    (
        "digit",
        Spec(
            "CODE",
            r"(?:101|999|111)(?![\w%]|[.,]\d)",
            need=r"\b(?i:on|via|using)\s+",
            span_need=False,
            words="on via using",
        ),
    ),
    # "call 101, or 999 in an emergency", "ring 999 while it is happening, not 101
    # afterwards": the second of two services to call.
    (
        "digit",
        Spec(
            "PHONE",
            r"(?:101|999|111)(?![\w%]|[.,]\d)",
            need=r"\b(?i:call|dial|ring|phone|telephone)\s+(?:101|999|111)\b[^.;\n]{0,60}?,?\s+"
            r"(?i:or|not)\s+",
            span_need=False,
            words="or not",
        ),
    ),
    # "Emergency: always 999", "calls to 101": the service's number.
    (
        "digit",
        Spec(
            "PHONE",
            r"(?:101|999|111)(?![\w%]|[.,]\d)",
            need=r"(?<!-)\b(?i:always|emergency:?|emergencies:?)\s+",
            span_need=False,
            words="always emergency emergency: emergencies emergencies:",
        ),
    ),
    (
        "digit",
        Spec(
            "CODE",
            r"(?:101|999|111)(?![\w%]|[.,]\d)",
            need=r"\b(?i:calls?|contacts?)\s+(?:to|on|via)\s+",
            span_need=False,
            words="to on via",
        ),
    ),
    # "the non-emergency 101 line", "999 calls": the number names the service.
    ("digit", Spec("CODE", r"(?:101|999|111)(?=\s+(?:line|number|service)\b)")),
    ("digit", Spec("PHONE", PHONE)),
]
