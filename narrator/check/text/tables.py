"""Tables and contents pasted as text: the lines that are a table's rows (cells split by
wide gaps, two of them numbers) and the entries of a table of contents under its heading."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from narrator.check.number import Number

if TYPE_CHECKING:
    from narrator.check.text.blocks import Block

# A table of contents' heading, and an entry under it: a title with a number before it
# ("1 Headlines"), a page number after it ("Foreword   3"), or both.
_CONTENTS_HEADING = re.compile(
    r"[ \t]*(?:#+[ \t]*)?(?i:(?:table[ \t]+of[ \t]+)?contents)[ \t]*:?[ \t]*$"
)
_ENTRY = re.compile(
    r"[ \t]*(?:(\d{1,2}(?:\.\d{1,2})*)\.?[ \t]+)?[^\d\s].{0,80}?(?:[ \t](\d{1,3}))?[ \t]*$"
)
# A number followed by a cell gap, without which a line is not a table row.
_NUMBER_GAP = re.compile(r"\d\S*(?:[ \t]{2,}|\t)")
#: The gap between the cells of a table pasted as text: two spaces or more, a tab, or a
#: Markdown pipe (the numbers list reads the cells with it too).
CELL_GAP = re.compile(r"[ \t]{2,}|\t|[ \t]*\|[ \t]*")
#: A line of column names as a console prints them: three identifiers or more.
_NAMES_LINE = re.compile(r"(?=[^\n]*[A-Za-z]_?\d|[^\n]*_)[A-Za-z_]\w*(?:[ \t]+[A-Za-z_]\w*){2,}")
# A cell that is a number: "822", "-1.2%", "£2.1m", "9,737".
NUMERIC_CELL = re.compile(r"[+\-−–]?[£$€]?\d[\d,]*(?:\.\d+)?(?:%|pp|m|k|bn)?\*?")


def contents_entries(text: str, lines: list[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
    """The entries of a table of contents under its heading ("Contents"), each with the
    spans of its numbers: two entries or more, each with a number, up to a blank line."""
    found: dict[int, list[tuple[int, int]]] = {}
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if "ontents" not in line and "ONTENTS" not in line:
            continue  # most lines
        if _CONTENTS_HEADING.match(line) is None:
            continue
        entries: dict[int, list[tuple[int, int]]] = {}
        for at in range(index + 1, len(lines)):
            s, e = lines[at]
            if not text[s:e].strip():
                if entries:
                    break
                continue
            entry = _ENTRY.match(text, s, e)
            if entry is None or not (entry.group(1) or entry.group(2)):
                break
            entries[at] = [entry.span(g) for g in (1, 2) if entry.group(g)]
        if len(entries) >= 2:
            found.update(entries)
    return found


def table_rows(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """The lines that are rows of a table pasted as text: three cells or more, two of them
    numbers; and the line of headings just before such a row ("District   Oct-19   Oct-18")."""
    rows: set[int] = set()
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if line.lstrip().startswith("|") and line.count("|") >= 3:
            rows.add(index)  # a Markdown table's row, its headings or its rule
            continue
        if ("  " not in line and "\t" not in line) or _NUMBER_GAP.search(line) is None:
            continue  # most lines: no number before a gap of two spaces
        cells = CELL_GAP.split(line.strip())
        if len(cells) >= 3 and sum(NUMERIC_CELL.fullmatch(c) is not None for c in cells) >= 2:
            rows.add(index)
            if index and index - 1 not in rows:
                above = text[slice(*lines[index - 1])].strip()
                if len(CELL_GAP.split(above)) >= 3 or _NAMES_LINE.fullmatch(above):
                    # "area oct15 oct14   chg": a console's column names, one space apart
                    rows.add(index - 1)
    return rows | _grid_rows(text, lines) | _csv_rows(text, lines) | _json_rows(text, lines)


def _grid_rows(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """A grid of words and codes with a number in each row ("18/117   Shoplifting   CR
    19   Supported   A"): three lines or more in a run, each of four cells or more, as many
    in each, and the line of headings above them."""
    rows: set[int] = set()
    run: list[int] = []
    width = 0
    for index, (start, end) in enumerate([*lines, (0, 0)]):
        line = text[start:end].strip()
        cells = CELL_GAP.split(line) if "  " in line or "\t" in line else []
        # a number past the first cell: a first cell alone is an item's number ("1.1  Chase
        # the fingerprint results   Owner: ...")
        numbered = any(NUMERIC_CELL.fullmatch(c) for c in cells[1:])
        if len(cells) >= 4 and numbered and (not run or len(cells) == width):
            run.append(index)
            width = len(cells)
            continue
        if len(run) >= 3:
            rows.update(run)
            above = run[0] - 1
            if above >= 0 and len(CELL_GAP.split(text[slice(*lines[above])].strip())) == width:
                rows.add(above)
        run, width = [], 0
        if len(cells) >= 4 and numbered:
            run, width = [index], len(cells)
    return rows


#: A dot-leader line's title that names a month or a count so far ("January ....... 57",
#: "Year to date ...... 412"): a figure's row, never a section's page.
_FIGURE_TITLE = re.compile(
    r"[ \t]*(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?:[ \t]+\d{4})?|(?:[A-Za-z]+[ \t]+)?(?:year|month)[ \t]+to[ \t]+date)"
    r"[ \t]*(?:\.|…)",
    re.IGNORECASE,
)


def leaders_of_figures(text: str, blocks: list[Block]) -> list[Block]:
    """Dot-leader lines whose numbers do not run in page order ("Visits scheduled ......
    42", "Visits made ...... 39"), or one of which a month names ("January ...... 57"): a
    list of figures, not contents."""
    out = list(blocks)
    at = 0
    while at < len(out):
        end = at
        while end < len(out) and out[end].kind == "contents" and out[end].references:
            end += 1
        run = out[at:end]
        pages = [text[slice(*b.references[-1])] for b in run if b.references]
        if (
            len(run) >= 2
            and any(
                int(b) < int(a) for a, b in itertools.pairwise(pages) if a.isdigit() and b.isdigit()
            )
        ) or any(_FIGURE_TITLE.match(text, *b.segments[0]) for b in run):
            # the numbers go down somewhere: figures, each line a table's row
            for index in range(at, end):
                out[index] = replace(out[index], kind="table", references=None)
        at = max(end, at + 1)
    return out


#: A comma between the fields of a CSV line, not one inside a quoted field.
_CSV_COMMA = re.compile(r',(?=(?:[^"\n]*"[^"\n]*")*[^"\n]*$)')
#: A CSV line's field that is a number ("169", "-18.0", "" for none).
_CSV_NUMBER = re.compile(r"[+\-]?\d+(?:\.\d+)?")
#: A CSV field: quoted, or one word or number with no space in it.
_CSV_FIELD = re.compile(r'"[^"\n]{0,80}"|[\w.+\-%£/:]{0,40}')
#: The fewest fields, and the fewest lines, of a pasted CSV extract.
_CSV_FIELDS = 3
_CSV_LINES = 3


def csv_fields(line: str) -> int:
    """How many fields a line has if it is a CSV record ("Drugs",31,21,32,47.6), else 0."""
    if "," not in line or "  " in line.strip() or "\t" in line:
        return 0
    fields = _CSV_COMMA.split(line.strip())
    if len(fields) < _CSV_FIELDS or not all(_CSV_FIELD.fullmatch(f) for f in fields):
        return 0
    return len(fields)


def cell_gaps(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The gaps between the cells of a table's line: commas in a CSV record, else wide gaps,
    tabs or pipes."""
    if csv_fields(text[start:end]):
        return list(_CSV_COMMA.finditer(text, start, end))
    return list(CELL_GAP.finditer(text, start, end))


def _csv_rows(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """The lines of a CSV extract pasted as text: three records or more in a run, as many
    fields in each, each record but the header with a number among its fields."""
    rows: set[int] = set()
    run: list[int] = []
    width = 0
    for index, (start, end) in enumerate([*lines, (0, 0)]):
        line = text[start:end]
        fields = csv_fields(line)
        numbered = fields and any(
            _CSV_NUMBER.fullmatch(f.strip()) for f in _CSV_COMMA.split(line.strip())
        )
        if fields and (not run or fields == width) and (numbered or not run):
            run.append(index)
            width = fields
            continue
        if len(run) >= _CSV_LINES:
            rows.update(run)
        run, width = ([index], fields) if fields else ([], 0)
    return rows


#: A line of JSON pasted as text: a bracket alone, or a quoted key and its value.
_JSON_LINE = re.compile(r'[ \t]*(?:[{}\[\]]+,?|"[^"\n]{1,40}"[ \t]*:.*|\{.*\}[ \t]*,?)[ \t]*')
#: The fewest lines of a pasted JSON document.
_JSON_LINES = 3


def _json_rows(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """The lines of a JSON document pasted as text ("thefts": {"month": 510, "prev": 441}):
    three lines or more in a run, read as a table's rows, never as prose."""
    rows: set[int] = set()
    run: list[int] = []
    for index, (start, end) in enumerate([*lines, (0, 0)]):
        if end > start and _JSON_LINE.fullmatch(text, start, end):
            run.append(index)
            continue
        if len(run) >= _JSON_LINES:
            rows.update(run)
        run = []
    return rows


#: A line that starts with a row's number: "2       Cambridge City  1042", "#3  OldCopper62".
_ROW_NUMBER = re.compile(r"[ \t]*#?(\d{1,3})(?=[ \t]+\S)")
#: A column of ranks: its heading says so ("Rank", "Pos", "Position", "#").
_RANK_HEADING = re.compile(r"[ \t]*(?i:rank(?:ing)?|pos(?:ition)?\.?|place|#|no\.?)\b")


def row_number_spans(text: str) -> list[tuple[int, int]]:
    """The numbers that count a listing's rows, 1, 2, 3 ... at the start of three lines or
    more in a run ("1  East Cambridgeshire   309", an SAS listing's observations, a forum's
    posts), when no heading above calls them ranks: references, not figures."""
    lines = _line_spans(text)
    return [
        span
        for first, run in _counted_runs(text, lines, _ROW_NUMBER)
        if not _ranked(text, lines, first) and not _sorted(text, run, lines)
        for span in run
    ]


def _line_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each line of ``text``."""
    lines: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    return lines


def _counted_runs(
    text: str, lines: list[tuple[int, int]], pattern: re.Pattern[str]
) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """Runs of three lines or more whose ``pattern`` starts them with 1, 2, 3 ... (the
    number in its first group that matched): the index of a run's first line and the
    numbers' spans."""
    index = 0
    while index < len(lines):
        run: list[tuple[int, int]] = []
        scan_at = index
        while scan_at < len(lines):
            found = pattern.match(text, *lines[scan_at])
            group = next((g for g in range(1, pattern.groups + 1) if found and found.group(g)), 0)
            if found is None or not group or int(found.group(group)) != len(run) + 1:
                break
            run.append(found.span(group))
            scan_at += 1
        if len(run) >= 3:
            yield index, run
        index = max(scan_at, index + 1)


def _ranked(text: str, lines: list[tuple[int, int]], first: int) -> bool:
    """Whether the heading line above a run of numbered rows names a column of ranks."""
    for above in range(first - 1, max(-1, first - 3), -1):
        line = text[slice(*lines[above])]
        if line.strip():
            return _RANK_HEADING.match(line) is not None
    return False


#: The first figure after a row's number and name.
_FIRST_FIGURE = re.compile(r"[.)]?[ \t]+[A-Za-z][^\d\n]*?(?<!\w)([+\-−]?\d[\d,]*(?:\.\d+)?)")


def _sorted(text: str, run: list[tuple[int, int]], lines: list[tuple[int, int]]) -> bool:
    """Whether the rows' first figures fall (or rise) all the way down: a league table's
    ranks, though no heading says so."""
    figures: list[float] = []
    for _, number_end in run:
        line_end = next(end for start, end in lines if start <= number_end <= end)
        found = _FIRST_FIGURE.match(text, number_end, line_end)
        if found is None:
            return False  # a row with no figure: a listing of code or of posts
        figures.append(float(found.group(1).replace(",", "").replace("−", "-")))
    pairs = list(itertools.pairwise(figures))
    return all(a >= b for a, b in pairs) or all(a <= b for a, b in pairs)


#: A numbered line: "1. Moorend – 20.9%", "2) Highcross - 18.9%".
_NUMBERED_LINE = re.compile(
    r"[ \t]*(\d{1,2})[.)](?=[ \t]+[A-Z][\w '’&.-]{1,40}?[ \t]*[–:-][ \t]*[£]?\d[^\n]{0,30}$)"
    # "  1  Fenland ....... 7.2%": dot leaders to a rate (a contents line's page is a whole
    # number)
    r"|[ \t]*(\d{1,2})(?=[.)]?[ \t]+[A-Z][\w '’&-]{1,40}?[ \t]*\.{3,}[ \t]*"
    r"\d[\d,]*(?:\.\d+%?|%)[ \t]*$)",
    re.MULTILINE,
)


def ranked_list_spans(text: str) -> list[tuple[int, int]]:
    """The numbers of a numbered list whose figures fall (or rise) all the way down, three
    lines or more ("1. Moorend – 20.9%", "2. Highcross – 18.9%"): ranks, not paragraph
    numbers."""
    lines = _line_spans(text)
    return [
        span
        for _, run in _counted_runs(text, lines, _NUMBERED_LINE)
        if _sorted(text, run, lines)
        for span in run
    ]


def ranks_and_rows(text: str, found: list[Number]) -> list[Number]:
    """``found`` with a ranked list's numbers as ranks ("1. Moorend – 20.9%") and a
    listing's row numbers as references ("1  East Cambridgeshire   309")."""
    ranks = ranked_list_spans(text)
    if ranks:
        found = [
            replace(n, cls="value", kind="rank")
            if n.cls == "reference" and (n.start, n.end) in ranks
            else n
            for n in found
        ]
    rows = row_number_spans(text)
    if rows:
        found = [
            replace(n, cls="reference", kind=None)
            if n.claim is None and any(s <= n.start and n.end <= e for s, e in rows)
            else n
            for n in found
        ]
    return found
