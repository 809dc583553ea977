"""The numbers a paper gives its own parts and papers, which are references wherever they
stand: a report's or a minute's number ("Report No: PCP 19/34", "45/19 APOLOGIES",
"PCP/18/34"), an action log's ("A34/16"), a committee's ("14/2019/PSI"), a post's place in a
thread ("2/7") and a request's questions answered in turn ("Q4." with "A4.")."""

from __future__ import annotations

import re
from collections.abc import Iterator

#: A paper's own number: "Report No: PCP 19/34", "Paper 12/2019", "Minute 23/19".
_PAPER_NUMBER = re.compile(
    r"\b(?:Report|Paper|Ref(?:erence)?|Minute)\s*(?:No\.?|Number)?\s*:?\s*(?:[A-Z]{2,6}\s*)?"
    r"(\d{1,4}(?:/\d{1,4})+)\b"
)
_FINANCIAL_YEAR = re.compile(r"(?:19|20)\d\d/\d\d")
#: A minute's number: at a line's start before its title in capitals, or after "minute".
_MINUTE = re.compile(
    r"^[ \t]*(\d{1,3}/\d{2}(?:\(\w\))?)(?=[ \t]+[A-Z]{3})"
    r"|\b(?i:minutes?|min\.?)\s+(\d{1,3}/\d{2}(?:\(\w\))?)(?![\d/])",
    re.MULTILINE,
)
#: An action log's number, at the start of its line or after "see": "A34/16", "T2/19".
_ACTION_NUMBER = re.compile(
    r"(?:^[ \t]*(?:[-–•*][ \t]+)?|\b(?i:see|action)[ \t]+)([A-Z]{1,2}\d{1,3}/\d{2})\b(?!/)",
    re.MULTILINE,
)
#: An action numbered by its meeting, after the word: "action 18/27 be closed".
_ACTION_BY_MEETING = re.compile(
    r"\b(?i:actions?)[ \t]+\d{1,3}/\d{2}\b(?![/%])"
    r"(?:(?:,|[ \t]+(?:and|&))[ \t]+\d{1,3}/\d{2}\b(?![/%]))*"
)
_MEETING_NUMBER = re.compile(r"\d{1,3}/\d{2}")
#: A committee's reference: its number, the year and the committee's letters; or the
#: committee's letters, the year and the minute's number ("PCP/18/34").
_COMMITTEE_REF = re.compile(r"\b\d{1,3}/(?:19|20)\d\d/[A-Z]{2,6}\b|\b[A-Z]{2,6}/\d{2}/\d{1,4}\b")
#: A post's place in a thread at the start of its line: "2/7 We recorded ...".
_POST_NUMBER = re.compile(r"^[ \t]*(\d{1,2})/(\d{1,2})(?=[ \t]+\S)(?!/)", re.MULTILINE)


def minute_spans(text: str) -> list[tuple[int, int]]:
    """The spans of minute numbers ("45/19 APOLOGIES FOR ABSENCE", "minute 31/19")."""
    return [m.span(m.lastindex or 1) for m in _MINUTE.finditer(text)]


def own_references(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, replaces) of each number a paper gives its own parts or papers;
    ``replaces`` where the reference stands in place of any code read over it."""
    for match in _PAPER_NUMBER.finditer(text):
        if not _FINANCIAL_YEAR.fullmatch(match.group(1)):  # "Annual Report 2018/19"
            yield (*match.span(1), False)
    for match in _ACTION_NUMBER.finditer(text):
        yield (*match.span(1), True)  # "A34/16 CCTV trawl – done", "See A36/16"
    for match in _ACTION_BY_MEETING.finditer(text):
        for number in _MEETING_NUMBER.finditer(text, match.start(), match.end()):
            yield (*number.span(), True)  # "Actions 17/14 and 17/16 are complete"
    for match in _COMMITTEE_REF.finditer(text):
        yield (*match.span(), True)  # "references 14/2019/PSI and 17/2019/PSI"
    for start, end in _post_numbers(text):
        yield start, end, False


def answered(text: str, start: int, said: str) -> bool:
    """Whether "Q4" starts a line of a paper whose lines also start "A4": a request's
    questions and the answers to them, as a freedom of information reply sets them out."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    return re.search(rf"(?m)^[ \t]*A{said[1:]}\b", text) is not None


def _post_numbers(text: str) -> list[tuple[int, int]]:
    """The spans of a thread's post numbers ("1/7" ... "7/7"): two lines or more that start
    with a post's place out of the same total. One such line alone may be a date ("1/7")."""
    threads: dict[str, list[tuple[int, int, int]]] = {}
    for match in _POST_NUMBER.finditer(text):
        place, total = int(match.group(1)), int(match.group(2))
        if 1 <= place <= total:
            threads.setdefault(match.group(2), []).append((place, match.start(1), match.end(2)))
    return [
        (start, end)
        for posts in threads.values()
        if len({place for place, _, _ in posts}) >= 2
        for _, start, end in posts
    ]
