"""The numbers a paper gives its own parts and papers, which are references wherever they
stand: a report's or a minute's number ("Report No: PCP 19/34", "45/19 APOLOGIES",
"PCP/18/34"), an action log's ("A34/16"), a committee's ("14/2019/PSI"), a post's place in a
thread ("2/7"), an agenda's items after their times, a paper's editions ("Draft 0.4") and a
request's questions answered in turn ("Q4." with "A4.")."""

from __future__ import annotations

import itertools
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
    # a parish council numbers its minutes on from the year's: "16/109 APOLOGIES"
    r"^[ \t]*(\d{1,3}/\d{2,3}(?:\(\w\))?)(?=[ \t]+[A-Z]{3})"
    r"|\b(?i:minutes?|min\.?)\s+(\d{1,3}/\d{2,3}(?:\(\w\))?)(?![\d/])",
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
_COMMITTEE_REF = re.compile(
    r"\b\d{1,3}/(?:(?:19|20)\d\d|\d\d)/[A-Z]{2,6}\b|\b[A-Z]{2,6}/\d{2}/\d{1,4}\b"
)
#: An agenda's item after the time it is taken: "11.05am       2.    Minutes".
_TIMED_ITEM = re.compile(
    r"^[ \t]*(?:\d{1,2}[.:][0-5]\d[ \t]*(?:[ap]\.?m\.?)?|\d{1,2}[ \t]*[ap]\.?m\.?)[ \t]{2,}"
    r"(\d{1,2})\.?(?=[ \t]+[A-Z])",
    re.MULTILINE,
)
#: A paper's own edition: "Draft 0.4", "Previous edition ...... 4.2"; "Draft 2 compared
#: February with January", "(form QA2, revision 4)"; "HTTP/1.1 200 OK".
_EDITION = re.compile(
    r"\b(?i:draft|edition|version|release|revision)[ \t]*(?:\.{2,}|:)?[ \t]*"
    r"(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)(?![\d%]|[.,]\d)"
    r"|\b(?-i:Draft|DRAFT|[Rr]evision|REVISION)[ \t]+(\d{1,2})(?![\d%/.,]|[ \t]*(?:%|per\b))"
    r"|\bHTTP/(\d\.\d)\b"
)
#: The words that lead an edition's number: the pattern is tried only where one starts.
_EDITION_WORDS = ("draft", "edition", "version", "release", "revision", "http/")
#: Each line of a change log: its edition before the day it was issued ("4.3  16/10/2018").
_CHANGE_LINE = re.compile(
    r"^[ \t]*v?(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)(?=[ \t]+\d{1,2}/\d{1,2}/\d{2,4}\b)",
    re.MULTILINE,
)
#: A line that may be a running header or footer with its page's number at its end:
#: "Eastmoor Partnership | Strategic Assessment | 2", "The SAS System   09:41 ...   1".
_PAGE_AT_END = re.compile(r"(?:[ \t]{3,}|\|[ \t]*)(\d{1,3})[ \t]*$", re.MULTILINE)
#: A line that sets a running header or footer apart: blank, or a rule ("-----", "=====").
_APART = re.compile(r"[ \t\f]*(?:[-=_─━]{3,}[ \t]*)?")
#: A PDF's page footer with its letters spaced: "4 | P a g e".
_SPACED_PAGE = re.compile(r"^[ \t]*(\d{1,3})[ \t]*\|[ \t]*P[ \t]?a[ \t]?g[ \t]?e\b", re.MULTILINE)
#: A post's place in a thread at the start of its line, after its sender if the thread
#: names one: "2/7 We recorded ...", "Kay: 1/4 FORCE 690 vehicle thefts".
_POST_NUMBER = re.compile(
    r"^[ \t]*(?:[A-Z][\w.'’-]{0,20}(?:[ \t][A-Z][\w.'’-]{0,20})?:[ \t]+)?"
    r"(\d{1,2})/(\d{1,2})(?=[ \t]+\S)(?!/)",
    re.MULTILINE,
)


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
    lower = text.lower()
    for word in _EDITION_WORDS:  # tried only where a lead word starts: few texts have any
        at = lower.find(word)
        while at != -1:
            if (edition := _EDITION.match(text, at)) is not None:
                yield (*edition.span(edition.lastindex or 1), True)
            at = lower.find(word, at + 1)
    for match in _CHANGE_LINE.finditer(text):
        yield (*match.span(1), True)
    for start, end in _running_pages(text):
        yield start, end, True
    for match in _SPACED_PAGE.finditer(text):
        yield (*match.span(1), True)
    for match in _TIMED_ITEM.finditer(text):
        yield (*match.span(1), True)
    for start, end in _post_numbers(text):
        yield start, end, False


def answered(text: str, start: int, said: str) -> bool:
    """Whether "Q4" starts a line of a paper whose lines also start "A4": a request's
    questions and the answers to them, as a freedom of information reply sets them out."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    return re.search(rf"(?m)^[ \t]*A{said[1:]}\b", text) is not None


def _running_pages(text: str) -> list[tuple[int, int]]:
    """The page numbers of a running header or footer: the same line, standing apart
    (a blank line, a rule or the text's edge either side), met twice or more with its number
    rising ("... public summary | 1" ... "... public summary | 2"). A table's row met twice
    in two tables sits among its rows, not apart."""
    heads: dict[str, list[tuple[int, int, int]]] = {}
    for match in _PAGE_AT_END.finditer(text):
        start, end = text.rfind("\n", 0, match.start()) + 1, match.end()
        head = text[start : match.start()].strip().rstrip("|").rstrip()
        if len(head) < 15:
            continue
        before = text[text.rfind("\n", 0, max(0, start - 1)) + 1 : max(0, start - 1)]
        after_end = text.find("\n", end + 1)
        after = text[end + 1 : len(text) if after_end < 0 else after_end]
        if not (_APART.fullmatch(before) or not start) or not (
            _APART.fullmatch(after) or end >= len(text) - 1
        ):
            continue
        key = " ".join(head.split())
        heads.setdefault(key, []).append((int(match.group(1)), *match.span(1)))
    return [
        (start, end)
        for pages in heads.values()
        if len(pages) >= 2 and all(a[0] < b[0] for a, b in itertools.pairwise(pages))
        for _, start, end in pages
    ]


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
