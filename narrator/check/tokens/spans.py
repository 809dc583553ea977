"""The scanner's patterns for stretches of time that are not figures: a time counted from
an event ("3 days before the hearing"), from now or back from now ("within six weeks",
"five years earlier", "going back three years"), and a stretch the text speaks of ("over the
three months", "two years of figures"). Twelve months is the rolling year, read with the
claim, so none of them takes it."""

from __future__ import annotations

from narrator.check.tokens.spec import Spec
from narrator.check.tokens.spec import both as _both

#: "LAST 24 HRS / 7 DAYS / 28 DAYS", "12 MTHS", "v 28-DAY DAILY AVERAGE": a window in a
#: heading's capitals, however it is led (a period, not a stretch: it stands where
#: :data:`narrator.check.tokens.patterns.SPECS` puts it, among the periods). After
#: "ROLLING", the rolling year's own pattern takes the word too.
HEADING_WINDOW: tuple[str, Spec] = (
    "digit",
    Spec(
        "PERIOD",
        r"(?<!ROLLING\s)(?<!Rolling\s)(?<!rolling\s)"
        r"(\d{1,3})(?:\s+|-)(?:HRS|HOURS|DAYS?|WEEKS?|WKS|MTHS|MONTHS)\b",
    ),
)

#: In priority order, as :data:`narrator.check.tokens.patterns.SPECS` holds them.
SPAN_SPECS: list[tuple[str, Spec]] = [
    # "six to twelve weeks after reporting", "3 days before the hearing": a time counted from
    # an event, not a measured duration.
    *_both(
        "SPAN",
        r"{N}(?:\s*(?:-|–|to)\s*{N})?[\s-](?:hours?|days?|weeks?|months?|years?)"
        r"(?=\s+(?:after|before|following)\b)",
    ),
    # "to the Board in three months", "its busiest weekend for three years", "within six
    # weeks": a time from now or back from now, not a measured duration (12 months is the
    # rolling year, read with the claim).
    *_both(
        "SPAN",
        r"(?!(?:12|twelve)\s+months)(?:{N}|a)[\s-](?:days?|weeks?|months?|years?)\b"
        r"(?!\s+(?:to|ending|ended|ago|running|in\s+a\s+row|on\s+(?:the\s+)?previous)\b)",
        need=r"\b(?i:in|for|within|by|(?:the\s+|those\s+|these\s+)?(?:same|past|last|next|previous|first"
        r"|coming|following)|those|these)\s+",
        span_need=False,
        words="in for within by same past last next previous first coming following those these",
    ),
    # "225 five years earlier", "finished three weeks late": a time before or after, said
    # after it.
    *_both(
        "SPAN",
        r"(?!(?:12|twelve)\s+months)(?:{N})[\s-](?:days?|weeks?|months?|years?)"
        r"(?=\s+(?:earlier|later|late|early|previously|behind|ahead|overdue)\b)",
    ),
    # "going back three years", "a busy three months": a stretch of time, not a count.
    *_both(
        "SPAN",
        r"(?!(?:12|twelve)\s+months)(?:{N})[\s-](?:days?|weeks?|months?|years?)\b",
        need=r"\b(?i:back|a\s+(?:busy|long|difficult|hard|quiet|good|tough|challenging|whole"
        r"|full|few|further))\s+",
        span_need=False,
        words="back busy long difficult hard quiet good tough challenging whole full few further",
    ),
    # "only four months of that year", "two years of figures": a stretch of time.
    *_both(
        "SPAN",
        r"(?!(?:12|twelve)\s+months)(?:{N})[\s-](?:days?|weeks?|months?|years?)(?=\s+of\b)",
    ),
    # "over the three months", "every six months", "a period of three months": a stretch
    # of time the text speaks of, not a count.
    *_both(
        "SPAN",
        r"(?!(?:12|twelve)[\s-]months?\b)(?:{N})[\s-](?:months?|weeks?|quarters?|years)\b"
        r"(?!\s+(?:to|ending|ended|ago|running|in\s+a\s+row|on\s+(?:the\s+)?previous"
        r"|averages?)\b)",
        need=r"\b(?i:the|every|of)\s+",
        span_need=False,
        words="the every of",
    ),
]
