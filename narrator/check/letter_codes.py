"""Capitals and a number in a paper's prose: a quarter or half of a year ("Q2", "H1"), a
question ("Q1. Do you support ...?", "(Q1):", "Questions Q1 to Q5"), a part of a publication
("Annex table A1.2"), an item's label at its line's start ("A1 Upland assaults", "WWW1 Joint
briefing"), else a code (postcodes "CB4", roads "A14")."""

from __future__ import annotations

import re

from narrator.check.own_numbers import answered

#: Capitals and a number: a quarter or half of a year ("Q2", "H1"), else a code (postcodes
#: "CB4", roads "A14"). It starts with a class of characters, so it is searched fast.
CODE = re.compile(r"[A-Z]{1,3}\d{1,3}[A-Z]?\b")
_PART_OF_YEAR = re.compile(r"Q[1-4]|H[12]|R12")
#: After "Q1", a question of a survey: "Q1. Do you support ...?", "Q5. Please give ...".
_QUESTION = re.compile(
    r"(?:[.:)][ \t]+|[ \t]{2,})(?:[^\n]*\?|True\s+or\s+false\b|(?:Do|Does|Did|Which|What|How"
    r"|Who|Where|When|Why|Would|Should|Could|Are|Is|Have|Has|Please|Tell"
    # "Q1. From Councillor P. Smith": a panel's written question, by whom it was asked
    r"|From|Asked\s+by|Councillor|Cllr|Member|Mr|Mrs|Ms|Dr|Supplementary)\b)"
    # "Mr Pryke, Hemingford Grey (Q1):": a transcript's question, by who asked it
    r"|\)?:[ \t]*(?:\n|\Z)"
)
#: After a question's number at its line's start, the question or the answer: "Q1. We
#: recorded 2,727 searches", "Q3. (4 marks) Work out", "Q1 "Is Suffolk getting ...?"".
_QUESTION_AT_LINE_START = re.compile(r"[.:)][ \t]+[\"“(A-Z]|[ \t]+[\"“]")
#: Lines that start with a question's number: "Q1. We recorded ...", "Q2 "Why ...?"".
_NUMBERED_LINES = re.compile(r"^[ \t]*Q\d{1,2}(?:[.:)][ \t]|[ \t]+[\"“])", re.MULTILINE)
#: A year or a financial year after a quarter: "Q1 2019", "Q3 of 2018/19".
YEAR_AFTER = re.compile(r"[ \t]*(?:of[ \t]+)?(?:(?:19|20)\d\d|\d\d/\d\d|FY)")
#: A lettered item with a hyphen at its line's start, before its title: "RFI-1  The Fellgate".
HYPHEN_ITEM = re.compile(r"^[ \t]*([A-Z]{2,4}-\d{1,3})(?=[ \t]+[A-Z\"“])", re.MULTILINE)
#: Before "Q1", the questions it is one of: "Questions Q1 to Q5 were sent in".
_QUESTIONS_BEFORE = re.compile(r"\b(?i:questions?)\s+(?:Q\d{1,2}\s*(?:to|and|&|-|–|,)\s*)?$")
#: Before a letter's code, the part of a publication it numbers: "Annex table A1.2",
#: "data tables F1 to F9", "Figure C3".
_PART_BEFORE = re.compile(
    r"\b(?i:tables?|figures?|charts?|annex(?:es)?|appendix|appendices)\s+"
    r"(?:[A-Z]{1,2}\d{1,3}(?:\.\d+)*\s*(?:to|and|&|-|–|,)\s*)?$"
)
_SUBPART = re.compile(r"(?:\.\d+)+(?![\d%])")
#: A list item's label: a capital and one digit ("A1", "T3").
ITEM_LABEL = re.compile(r"[A-Z]{1,3}[1-9]\d?")
#: An item's label with its sub-parts, as it is named again: "S2.5", "A1".
ITEM_NAME = re.compile(r"[A-Z]{1,3}[1-9]\d?(?:\.\d+)*")
#: Before an item's label on its line: nothing but a bullet, a checklist's box or the
#: word that says what it is ("REF     R1   STATUS: A").
_ITEM_LEAD = re.compile(r"[ \t]*(?:[-–•*]|\[[ xX✓✔]\]|(?i:ref)\.?:?)?[ \t]*\[?")
#: After an item's label, its title: "A1 Upland assaults ...", "T2: Moped snatches".
_LINE_ITEM = re.compile(r"[ \t]*[:.)\]-]?[ \t]+[A-Z]|[ \t]{2,}[a-z]")


def _with_parts(text: str, end: int) -> int:
    """Where a code ending at ``end`` ends with its sub-parts ("A1" of "A1.2")."""
    deeper = _SUBPART.match(text, end)
    return deeper.end() if deeper is not None else end


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone in square brackets ("[A1]", "[JH1]")."""
    return text[start - 1 : start] == "[" and text[end : end + 1] == "]"


def heads_anywhere(match: re.Match[str]) -> bool:
    """Whether a code is read wherever it stands, in the prose or not: a quarter in a title
    or a memo's lines ("Subject: Q2 Performance"), or an item's label heading its line
    ("[P1] DWELLING BURGLARY   RETAINED")."""
    said, text = match.group(), match.string
    if not ITEM_LABEL.fullmatch(said):
        return _PART_OF_YEAR.fullmatch(said) is not None
    end = _with_parts(text, match.end())
    return bool(
        _PART_OF_YEAR.fullmatch(said)
        or _LINE_ITEM.match(text, end)
        or _bracketed(text, match.start(), end)
    )


def read_code(text: str, match: re.Match[str]) -> tuple[str, int]:
    """The class of the code ``match`` found ("period", "reference" or "other") and where
    it ends (a part of a publication takes its sub-parts: "A1.2")."""
    start, end = match.span()
    said = match.group()
    cls = "period" if _PART_OF_YEAR.fullmatch(said) else "other"
    line_start = text.rfind("\n", 0, start) + 1
    if (
        said[0] == "Q"
        and said[1:].isdigit()
        and (
            int(said[1:]) > 4  # "Q412 Chair:", "Q5. (3 marks)": no quarter is numbered so
            or _QUESTION.match(text, end)
            or answered(text, start, said)
            or _QUESTIONS_BEFORE.search(text, max(0, start - 30), start)
            or (
                _ITEM_LEAD.fullmatch(text, line_start, start)
                and _QUESTION_AT_LINE_START.match(text, end)
                # a list of them: "Q4. The busiest quarter for thefts." alone is a quarter
                and len(_NUMBERED_LINES.findall(text)) > 1
            )
        )
    ):
        return "reference", end  # "Q1. Do you support a rise ...?": a survey's question
    whole = _with_parts(text, end)  # "A1.2", "S2.5": with its sub-parts
    if _PART_BEFORE.search(text, max(0, start - 40), start):
        return "reference", whole  # "Annex table A1.2"
    if (cls == "other" or said in ("H1", "H2")) and ITEM_LABEL.fullmatch(said):
        # "R12  3,703": the rolling year
        if _LINE_ITEM.match(text, whole) and _ITEM_LEAD.fullmatch(text, line_start, start):
            # "A1 Upland assaults problem profile", "[x] D1  Call-back option", "H1  A
            # genuine rise", "P1.2  Healthy relationships": an action's, a task's or a
            # hypothesis's label at its line's start
            return "reference", whole
        if _bracketed(text, start, whole):
            # "[A1] 999 CALLS EACH MONTH", "... a year ago.[JH1]": a caption's label or an
            # editor's comment marker, in square brackets
            return "reference", whole
    return cls, whole if cls == "other" else end
