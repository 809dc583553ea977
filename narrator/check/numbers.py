"""Every number of a paper as the checker read it: where it is, what class of number it is
(a value, a period, a reference to a part of the paper, or something else), what kind of
value, and the claim it belongs to.

The classes and kinds are those of the labelled corpus the checker's reading is scored
against (``bench/check_accuracy.py``): values are counts, per cents (``percent``),
percentage points (``pp``), rates per head of population, ranks and money; periods are
dates, months, years, financial years and windows ("12 months to October 2019"); references
are section and paragraph numbers.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from narrator.check.claims.extract import Marked
from narrator.check.letter_codes import (
    CODE,
    HYPHEN_ITEM,
    ITEM_NAME,
    YEAR_AFTER,
    heads_anywhere,
    read_code,
)
from narrator.check.number import Number
from narrator.check.number_words import WORD_NUMBERS
from narrator.check.own_numbers import own_references
from narrator.check.own_parts import (
    footnote_markers,
    with_footnote_lines,
    with_minutes,
    with_own_paragraphs,
)
from narrator.check.text.dates import MONTH_RE, NUMBER_WORD_RE, ORDINAL_WORDS
from narrator.check.text.document import NOT_PROSE, Document, Paragraph
from narrator.check.text.names import with_names
from narrator.check.text.tables import CELL_GAP, cell_gaps, ranks_and_rows
from narrator.check.tokens.marks import QUANTITIES
from narrator.check.tokens.scanner import scan
from narrator.check.verdicts.model import ClaimVerdict

#: A contact line up to its number: "Emergency or crime in progress: ", "Non-emergency: ",
#: "Happening now: ", "Contact: Performance and Analysis, ", "Queries about definitions:
#: Business Intelligence, ".
_CONTACT_LINE = re.compile(
    r"(?i:emergenc\w*|non-emergency|tel|telephone|phone|contact|call\s+us|now|otherwise)\b"
    r"[^:\n]{0,40}:\s*\Z"
    r"|(?i:contacts?|quer(?:y|ies)|enquir(?:y|ies))\b[^:\n]{0,40}:[^:\n,]{0,50},\s*\Z"
)
#: The scanner's labels by the class of number they mark.
VALUES = frozenset(
    {"PERCENT", "POINTS", "MONEY", "COUNT", "ORDINAL", "STREAK", "MONTHCOUNT", "AMOUNT"}
)
#: Values that are read without a claim (a rank, the length of a run).
_UNCLAIMED = frozenset({"STREAK", "MONTHCOUNT", "ORDINAL", "AMOUNT"})
PERIODS = frozenset({"DATE", "FY", "YEAR", "YEARS", "PERIOD", "SPAN", "TIME", "QUARTER"})
#: Section cross-references (checked), references to anything else (pages, tables,
#: appendices...) and telephone numbers.
#: A law's section ("section 59 of the Act", "sections 31(1)(a)") is cited as a page is:
#: most papers' readers and the corpus's labels take it for a reference, not a code.
REFERENCES = frozenset({"XREF", "REF", "PHONE", "LAW"})
#: The kind of value each label marks.
_KINDS = {
    "PERCENT": "percent",
    "POINTS": "pp",
    "MONEY": "money",
    "COUNT": "count",
    "ORDINAL": "rank",
    "STREAK": "count",
    "MONTHCOUNT": "count",
    "AMOUNT": "other",
}
#: Before a quarter said as a time: "rose in Q3", "since Q2", "the Q1 figures".
_IN_A_PERIOD = re.compile(
    r"\b(?i:in|during|for|since|from|to|until|by|of|the|this|last|next|each)\s+$"
)
#: A number in digits or in words.
_NUMERAL = re.compile(
    rf"\d|\b(?i:{NUMBER_WORD_RE}|{'|'.join(sorted(ORDINAL_WORDS, key=len, reverse=True))}"
    r"|half|quarter)"
)
#: After a number in a measure's name: it is a period ("12 month").
_MONTHS_AFTER = re.compile(r"[\s-]months?\b", re.IGNORECASE)
#: After a value: it is a rate per head of population ("71.4 per 1,000 population").
_PER_HEAD = re.compile(r"\s*per\s+(?:1,?000|10,?000|100,?000|thousand|head)\b", re.IGNORECASE)

#: A range of years written as a financial year is ("2020-23").
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s?[-–/]\s?\d\d")
#: Before a duration that is a threshold, not a value.
_WITHIN = re.compile(
    r"\b(?:within|under|over|(?:less|more|longer)\s+than|in\s+excess\s+of|at\s+least|up\s+to"
    r"|has|have|had|given)\s+$",
    re.IGNORECASE,
)
#: Before a length of time that is a stretch the text speaks of, not a measurement: "ran
#: for six weeks", "over the last two weeks", "after six years as Chair".
_STRETCH_BEFORE = re.compile(
    r"\b(?:for|over|during|past|last|next|first|after)\s+"
    r"(?:(?:about|around|nearly|almost|just|some|the|last|past|next|first)\s+){0,2}$"
    # "(about 25 minutes)": roughly how long it ran (a bare bracket after a date may as
    # well be the hours a duty return counts)
    r"|\(\s*about\s+$",
    re.IGNORECASE,
)
#: A table's heading before a number makes it a period ("Previous 12", "Last 12").
_CELL_PERIOD = re.compile(r"\b(?:previous|last|prior|rolling)[ \t]+$", re.IGNORECASE)
#: A table's column of targets or thresholds: its numbers are what a value is held to, not
#: values ("Target", "Threshold", "Standard").
_TARGET_HEADING = re.compile(
    # "Age": a column of people's ages, not of counts
    r"(?i:targets?|thresholds?|standards?|goals?|ages?|aged)(?:\s*\(.*\))?"
)
#: A table's cell that is a single number ("52,000", "15.0%", "£1.2m").
_NUMBER_CELL = re.compile(r"[+\-−–]?[£$€]?\d[\d,]*(?:\.\d+)?(?:%|pp|pts?|pc|m|k|bn)?(?:\s*min\w*)?")
_DIGIT = re.compile(r"\d")
#: A line of a rating's bands: two colours or more, each with its band ("Green, a fall;
#: Amber, a rise of up to 5%; Red, a rise of more than 5%"): its numbers are thresholds.
_RAG_BANDS = re.compile(
    r"^[^\n]*?\b(?:Green|Amber|Red)\b\s*[,:=–-][^\n]*?\b(?:Green|Amber|Red)\b\s*[,:=–-][^\n]*$",
    re.MULTILINE,
)
#: A month named alone ("since March", "April and May") is a period; "May" only where a
#: word before it shows it is the month ("in May"), not the verb ("May I thank").
_MONTH_ALONE = re.compile(
    # or a run of them: "Dec-Feb", "July to September", "between June and August"
    rf"(?:{MONTH_RE})\.?(?:\s*(?:/|-|–|\bto\b|\band\b)\s*(?:{MONTH_RE})\.?)*"
)
_BEFORE_MAY = re.compile(
    r"(?:\b(?:in|since|to|from|until|by|during|for|of|before|after|last|next|this|early|mid"
    r"|late|end|start|and|or|between|through|the|with|on|than)\s+|\(\s*)$",
    re.IGNORECASE,
)
#: After "May" the month, not the verb: its figure ("May (51)", "May: 541", "May 116"), the
#: months after it ("May, June and July"), or a verb or noun a month takes ("May saw").
_AFTER_MAY = re.compile(
    r"[ \t]*(?:\(|:|\.{3}|\d)|,?\s+(?:and|to)\s+(?:June|July|August)\b|,\s*June\b"
    r"|\s+(?:alone|on\s+its\s+own|saw|was|were|had|peak|meeting|figures?|totals?|snapshot)\b"
)
#: A line of a rating's key: a colour, then the band it stands for against a target
#: ("Red: more than 10% away from target", "Amber - within 5% of the threshold").
_RAG_KEY = re.compile(
    r"^[ \t]*(?i:green|amber|red|blue)[ \t]*[:=–-][^\n]*?"
    r"\b(?i:targets?|thresholds?|baselines?|tolerances?|aims?)\b[^\n]*$",
    re.MULTILINE,
)
#: A line of a rating key by letter: "G = a fall, or a rise under 5%", "A = down by 1 to 2.9
#: pts", "R = down by 3 pts or more": its numbers are the bands' thresholds.
_LETTER_KEY = re.compile(
    r"^(?:[^\n]*?:)?[ \t]*[GAR][ \t]*=[ \t]*(?i:a\s+|up|down|rise|fall|more|less|under|over|"
    r"between|above|below|within)[^\n]*$",
    re.MULTILINE,
)
#: A whole number followed by words: it starts a row's name, as in "101 average wait".
_ROW_NAME = re.compile(r"\d+ +[A-Za-z]{3,}")
#: The most lines of a table looked back over for its headings.
_HEADINGS_REACH = 40


def numbers_of(
    document: Document, marks: Sequence[Marked], verdicts: Sequence[ClaimVerdict]
) -> list[Number]:
    """Every number of ``document``: the marks its prose was read with, the numbers of its
    front matter, and its paragraph numbers, in text order."""
    text = document.text
    claims = _Claims(verdicts)
    found = [_number(text, mark, claims) for mark in marks if _is_number(text, mark)]
    for paragraph in document.paragraphs:
        spans = list(paragraph.references)
        if paragraph.number_span is not None:
            spans.append(paragraph.number_span)
        found.extend(Number(start, end, text[start:end], "reference") for start, end in spans)
        if paragraph.kind == "table":
            # A table pasted one cell a line is one paragraph: its cells are read line by line.
            at = paragraph.start
            lines = text[paragraph.start : paragraph.end].split("\n")
            for line in lines:
                found.extend(_cells(text, at, at + len(line), columns=len(lines) == 1))
                at += len(line) + 1
        elif paragraph.kind in NOT_PROSE and paragraph.text:
            for mark in scan(paragraph.text):
                marked = Marked(*paragraph.span(mark.start, mark.end), mark.label)
                if not _is_number(text, marked) or any(
                    s < marked.end and marked.start < e for s, e in spans
                ):
                    continue
                found.append(_number(text, marked, _Claims(())))
    markers = list(footnote_markers(document, found))
    found = with_footnote_lines(text, markers, [*found, *markers])
    found = with_names(text, found)
    found = ranks_and_rows(text, found)
    targets = [span for p in document.paragraphs for span in _targets_one_a_line(text, p)]
    targets += [m.span() for m in _RAG_KEY.finditer(text)]
    targets += [m.span() for m in _RAG_BANDS.finditer(text)]
    targets += [m.span() for m in _LETTER_KEY.finditer(text)]
    if targets:
        found = [_as_target(n) if any(s <= n.start < e for s, e in targets) else n for n in found]
    found = with_minutes(text, sorted(found, key=lambda n: (n.start, n.end)))
    found = with_own_paragraphs(document, found)
    found = _durations(text, found)
    return _with_word_numbers(document, found)


#: A clock's figures that a table says are a length of time: "(mm:ss)", "(min:sec)".
_DURATION_UNIT = re.compile(r"\((?i:mm:ss|m:ss|mins?:secs?|hh:mm(?::ss)?|h:mm)\)")
_CLOCK = re.compile(r"\d{1,2}:\d\d(?::\d\d)?")
#: How far above its figure a table's heading may say that its times are lengths.
_DURATION_REACH = 400


def _durations(text: str, found: list[Number]) -> list[Number]:
    """``found``, with the times of a row or a table whose name says they are lengths of
    time ("Average time to answer 101 (min:sec)   2:05   3:40") read as values."""
    if "(" not in text or not _DURATION_UNIT.search(text):
        return found
    out = []
    for n in found:
        if n.cls == "period" and _CLOCK.fullmatch(n.text):
            line_end = text.find("\n", n.end)
            line_end = len(text) if line_end < 0 else line_end
            if _DURATION_UNIT.search(text, max(0, n.start - _DURATION_REACH), line_end):
                n = Number(n.start, n.end, n.text, "value", "other")
        out.append(n)
    return out


def _as_target(number: Number) -> Number:
    """A number of a column of targets or of a rating's bands: not a value (its periods
    and references stay what they are)."""
    if number.cls != "value":
        return number
    return Number(number.start, number.end, number.text, "other")


def _targets_one_a_line(text: str, paragraph: Paragraph) -> Iterator[tuple[int, int]]:
    """The cells under a "Target" heading of a table pasted one cell a line: three or more
    headings without digits, one a target's, then rows of as many lines, each of whose cells
    under the target heading is a single number."""
    spans: list[tuple[int, int]] = []
    at = paragraph.start
    for line in text[paragraph.start : paragraph.end].split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    cells = [text[s:e].strip() for s, e in spans]
    plain = next((i for i, c in enumerate(cells) if _DIGIT.search(c)), 0)
    # The headings are the first lines without digits, or fewer (a row may start with a name).
    for width in range(3, plain + 1):
        columns = [i for i in range(width) if _TARGET_HEADING.fullmatch(cells[i])]
        rows = len(cells) - width
        if not columns or rows < width or rows % width:
            continue
        unders = [range(width + column, len(cells), width) for column in columns]
        if all(_NUMBER_CELL.fullmatch(cells[i]) for under in unders for i in under):
            yield from (spans[i] for under in unders for i in under)
            return


def _with_word_numbers(document: Document, found: list[Number]) -> list[Number]:
    """The numbers in words of :data:`WORD_NUMBERS` and the codes in the prose, in place
    of any number read over them ("one" of "one of the lowest")."""
    text = document.text
    lower = text.lower()
    prose = [(p.start, p.end) for p in document.iter_text()]
    # Codes are read in tables too: "Q1" and "R12" head a table's columns.
    tables = [(p.start, p.end) for p in document.paragraphs if p.kind == "table"]
    starts = [start for start, _ in prose]

    def in_prose(at: int) -> bool:
        index = bisect.bisect_right(starts, at) - 1
        return index >= 0 and at < prose[index][1]

    extra: dict[tuple[int, int], Number] = {}
    for words, pattern, lead, cls, kind in WORD_NUMBERS:
        for word in words:
            at = lower.find(word)
            while at != -1:
                match = pattern.match(text, at)
                if (
                    match is not None
                    and not (at and lower[at - 1].isalnum())
                    and in_prose(at)
                    and (lead is None or lead.search(text, max(0, at - 20), at))
                ):
                    start, end = match.span(1)
                    extra[start, end] = Number(start, end, text[start:end], cls, kind)
                at = lower.find(word, at + 1)
    for match in CODE.finditer(text):
        start = match.start()
        if (start and text[start - 1].isalnum()) or not (
            in_prose(start) or any(s <= start < e for s, e in tables) or heads_anywhere(match)
        ):
            continue
        cls, end = read_code(text, match)
        extra[start, end] = Number(start, end, text[start:end], cls)
    # "Decisions: P1 and P2 retained": a label the paper gave an item at its line's start
    # refers to that item wherever it is named again.
    items = {n.text for n in extra.values() if n.cls == "reference" and ITEM_NAME.fullmatch(n.text)}
    # "Take Q1 yourself" where "Q2. ..." is a question: a paper's questions are numbered as
    # a set, so each Q without a year is one of them, not a quarter.
    questions = any(n.cls == "reference" and n.text[0] == "Q" for n in extra.values())
    for key, number in list(extra.items()):
        if (number.text in items and number.cls == "other") or (
            questions
            and number.text[0] == "Q"
            and number.text[1:].isdigit()
            and not YEAR_AFTER.match(text, number.end)
            and not _IN_A_PERIOD.search(text, max(0, number.start - 12), number.start)
        ):
            extra[key] = Number(number.start, number.end, number.text, "reference")
    for match in HYPHEN_ITEM.finditer(text):
        start, end = match.span(1)
        for key in [k for k in extra if k[0] < end and start < k[1]]:
            del extra[key]
        extra[start, end] = Number(start, end, text[start:end], "reference")
    for start, end, replaces in own_references(text):
        if replaces:
            for key in [k for k in extra if k[0] < end and start < k[1]]:
                del extra[key]
        extra[start, end] = Number(start, end, text[start:end], "reference")
    if not extra:
        return found
    kept = [n for n in found if not any(s < n.end and n.start < e for s, e in extra)]
    return sorted([*kept, *extra.values()], key=lambda n: (n.start, n.end))


#: In a column's name written as an identifier, the period it is of: "may_2020",
#: "find_rate_may20", "r12_prev".
_NAME_PERIOD = re.compile(
    r"(?i)(?<![a-z0-9])(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*_?\d{2}"
    r"(?:\d{2})?|r12|(?:fytd|ytd)(?:\d{2})?)(?![a-z0-9])"
)
#: A footnote's marker glued to the end of a cell's words ("Burglary3").
_GLUED_NOTE = re.compile(r"(?<=[a-z])[1-9](?=\s*$)")
#: A cell that is a name written as an identifier ("pct_chg_r12", "r12").
_IDENTIFIER = re.compile(r"(?<![\w'’-])[A-Za-z]\w*(?![\w'’-])")


def _cells(text: str, start: int, end: int, *, columns: bool = True) -> Iterator[Number]:
    """The numbers of a table's row, cell by cell: values of no claim (a row is not prose,
    and its numbers are not compared with each other), or periods in a row of headings
    ("Oct-19", "12 months", "Previous 12")."""
    at = start
    gaps = [*cell_gaps(text, start, end), None]
    # A cell a line: the lines above are the table's cells, not headings of columns.
    targets = _target_columns(text, start, len(gaps)) if columns else frozenset()
    for index, gap in enumerate(gaps):
        cell_end = gap.start() if gap is not None else end
        cell = text[at:cell_end]
        glued = _GLUED_NOTE.search(cell)
        if glued is not None:
            # "Burglary3", "excluding fraud1": a footnote's marker glued to a row's name
            yield Number(at + glued.start(), at + glued.end(), glued.group(), "reference")
        for word in _IDENTIFIER.finditer(cell):
            # "may_2020", "searches_r12", "oct15": a column's name that says its period
            for named in _NAME_PERIOD.finditer(word.group()):
                begin = at + word.start() + named.start()
                yield Number(begin, begin + len(named.group()), named.group(), "period")
        for mark in scan(cell):
            marked = Marked(at + mark.start, at + mark.end, mark.label)
            said = text[marked.start : marked.end]
            if not _is_number(text, marked):
                continue
            if index in targets or (index == 0 and _ROW_NAME.match(cell, mark.start)):
                # A target's cell, or a number that starts the row's name ("999 answered").
                yield Number(marked.start, marked.end, said, "other")
            elif mark.label not in QUANTITIES:
                yield _number(text, marked, _Claims(()))
            elif _CELL_PERIOD.search(cell, 0, mark.start):
                yield Number(marked.start, marked.end, said, "period")
            else:
                yield Number(marked.start, marked.end, said, "value", _KINDS[mark.label])
        if gap is not None:
            at = gap.end()


def _target_columns(text: str, start: int, cells: int) -> frozenset[int]:
    """The columns headed as targets or thresholds of the table row at ``start`` with
    ``cells`` cells: its headings are the nearest line above, in the same run of lines, with
    as many cells and one headed "Target" (or "Threshold", "Standard", "Goal")."""
    end = start
    for _ in range(_HEADINGS_REACH):
        if end <= 0:
            break
        line_start = text.rfind("\n", 0, end - 1) + 1
        line = text[line_start : end - 1].strip()
        if not line:
            break  # a blank line ends the table
        headings = CELL_GAP.split(line)
        if len(headings) == cells:
            found = {i for i, h in enumerate(headings) if _TARGET_HEADING.fullmatch(h)}
            if found:
                return frozenset(found)
        end = line_start
    return frozenset()


class _Claims:
    """The verdicts on figures and runs by where their claims are, to find the claim a
    number was read as without a pass over every verdict for each number."""

    #: The longest claim looked back over ("for the first time since April 2017").
    REACH = 400

    def __init__(self, verdicts: Sequence[ClaimVerdict]) -> None:
        spans = [
            (v.claim.span[0], v.claim.span[1], index)
            for index, v in enumerate(verdicts)
            if v.claim.kind in ("figure", "streak")
        ]
        spans.sort()
        self.spans = spans
        self.starts = [s for s, _, _ in spans]

    def of(self, start: int, end: int) -> int | None:
        """The index of the first verdict whose claim overlaps ``start:end``."""
        found: int | None = None
        at = bisect.bisect_left(self.starts, end)
        while at > 0:
            at -= 1
            s, e, index = self.spans[at]
            if s < start - self.REACH:
                break
            if s < end and start < e and (found is None or index < found):
                found = index
        return found


def _is_number(text: str, mark: Marked) -> bool:
    """Whether a mark holds a number in digits or words, or is a month named alone."""
    if _NUMERAL.search(text, mark.start, mark.end) is not None:
        return True
    if mark.label not in ("DATE", "PERIOD") or not _MONTH_ALONE.fullmatch(
        text, mark.start, mark.end
    ):
        return False
    return not text.startswith("May", mark.start) or (
        _BEFORE_MAY.search(text, max(0, mark.start - 12), mark.start) is not None
        or _AFTER_MAY.match(text, mark.end) is not None
    )


def _number(text: str, mark: Marked, claims: _Claims) -> Number:
    """One mark as a number: a value if a claim was read from it, else by its label."""
    said = text[mark.start : mark.end]
    if mark.label == "NAME":
        # "the all crime 12 month ... rate": a period inside a measure's name.
        window = _MONTHS_AFTER.match(text, mark.end) is not None
        return Number(mark.start, mark.end, said, "period" if window else "other")
    if (
        mark.label == "COUNT"
        and said in ("999", "101", "111")
        and _CONTACT_LINE.search(text, max(0, mark.start - 60), mark.start)
    ):
        # "Emergency or crime in progress: 999": the number to ring.
        return Number(mark.start, mark.end, said, "reference")
    if mark.label in VALUES:
        claim = claims.of(mark.start, mark.end)
        if claim is None and mark.label not in _UNCLAIMED:
            # "999 and 101 call volumes": a number that names a measure, not a value of it.
            return Number(mark.start, mark.end, said, "other")
        kind = _KINDS[mark.label]
        if _PER_HEAD.match(text, mark.end):
            kind = "rate"
        return Number(mark.start, mark.end, said, "value", kind, claim)
    if mark.label in PERIODS or (mark.label == "RANGE" and _YEAR_RANGE.fullmatch(said)):
        # "the Policing Plan 2020-23": a range of years, not of values.
        return Number(mark.start, mark.end, said, "period")
    if mark.label == "DURATION":
        # "answered within 10 seconds" is a threshold; "an average of 7 seconds" a value.
        if _WITHIN.search(text, max(0, mark.start - 20), mark.start):
            return Number(mark.start, mark.end, said, "other")
        if _STRETCH_BEFORE.search(text, max(0, mark.start - 30), mark.start):
            # "ran for six weeks", "for about two hours": a stretch of time, not a measure
            return Number(mark.start, mark.end, said, "period")
        return Number(mark.start, mark.end, said, "value", "other")
    if mark.label in REFERENCES:
        return Number(mark.start, mark.end, said, "reference")
    return Number(mark.start, mark.end, said, "other")
