"""Lab tables as case reports lay them out: rows, header roles and cells.

:func:`find_table_rows` splits the lines of the original text that are rows ("Calcium |
1.62 mmol/L | 2.10-2.55", tab- or space-aligned columns), :func:`column_roles` reads a header
row ("Test | Result | Units | Reference"), and :func:`read_value_cell`, :func:`read_unit_cell`,
:func:`read_range_cell` and :func:`read_flag_cell` read one cell each, all or nothing. Split
from :mod:`osteodx.text.labvalues` (values, units, ranges and flags in prose), whose readers
the cells use; the names stay importable from there too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from osteodx.text.labunits import read_unit
from osteodx.text.labvalues import (
    _BARE_FLAG,
    Quantity,
    RefRange,
    _flag_outcome,
    find_quantities,
    read_flag,
    read_range,
)

__all__ = ["TableRow", "ValueCell", "column_roles", "find_table_rows", "read_flag_cell",
           "read_range_cell", "read_unit_cell", "read_value_cell"]

@dataclass(frozen=True, slots=True)
class TableRow:
    """One line of a lab table: its cells as (start, end) offsets of the original
    text, stripped; ``kind`` says how the columns are separated."""

    kind: str  # "pipe", "tab" or "space"
    cells: tuple[tuple[int, int], ...]
    line: int  # line number, so that a header row governs only the rows right below it


_SPACED = re.compile(r"\S {2,}\S")
_SEPARATORS = {"pipe": re.compile(r"\|"), "tab": re.compile(r"\t+"),
               "space": re.compile(r" {2,}|\t+")}
_RULE = re.compile(r"[\s\-:=+|]*")  # "|---|:--|" or "-----": a table rule, no cells


def find_table_rows(text: str) -> list[TableRow]:
    """The lines of *text* laid out in columns: cells split on "|", on tabs, or
    on runs of two or more spaces; at least two cells, rules skipped."""
    rows: list[TableRow] = []
    pos = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        body = line.strip()
        kind = ("pipe" if "|" in body else "tab" if "\t" in body
                else "space" if _SPACED.search(body) else None)
        if kind is not None and not _RULE.fullmatch(body):
            cells = _cells(line, pos, _SEPARATORS[kind])
            if kind == "space" and cells:
                cells = _split_unit_value(text, cells)
            if len(cells) >= 2:
                rows.append(TableRow(kind, cells, number))
        pos += len(line)
    return rows


#: a name with its unit (bracketed, or a count or a concentration) and the first value one space
#: after it, where the columns are too narrow: "Platelets (x10^9/L) 31       48       262",
#: "Retic x10^9/L 18              64", "Hb g/L 74   112"
_UNIT_THEN_VALUE = re.compile(r"\S.*(?:\)|\s(?:x\s?)?10\^?\d{1,2}/L|\s[a-zµμ]{1,4}/(?:L|dL|mL))"
                              r"( )[<>]?-?\d[\d.,]*%?$")


def _split_unit_value(text: str, cells: tuple[tuple[int, int], ...]
                      ) -> tuple[tuple[int, int], ...]:
    """The first cell split where a bracketed unit runs into the first value."""
    a, b = cells[0]
    m = _UNIT_THEN_VALUE.fullmatch(text, a, b)
    if m is None:
        return cells
    return ((a, m.start(1)), (m.end(1), b), *cells[1:])


def _cells(line: str, pos: int, sep: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    """Stripped cell spans of *line* (which starts at *pos*); empty cells inside
    the row are kept as empty spans so that columns stay aligned, empty border
    cells ("| a | b |") are dropped."""
    spans: list[tuple[int, int]] = []
    last = 0
    for m in [*sep.finditer(line), None]:
        a, b = last, (m.start() if m else len(line))
        raw = line[a:b]
        lead = len(raw) - len(raw.lstrip())
        a, b = a + lead, a + lead + len(raw.strip())
        spans.append((pos + a, pos + b))
        last = m.end() if m else len(line)
    while spans and spans[0][0] == spans[0][1]:
        spans.pop(0)
    while spans and spans[-1][0] == spans[-1][1]:
        spans.pop()
    return tuple(spans)


_HEADERS = {
    "name": r"tests?|analytes?|parameters?|investigations?|lab(?:oratory)?(?: tests?)?|assays?"
            r"|variables?|measurements?|biochemistry|subsets?|(?:cell\s)?populations?",
    "value": r"results?|values?|patient|levels?|measured|findings?"
             r"|(?:at|on) (?:diagnosis|admission)"
             # a count column with its unit: "Count (cells/uL)", "Absolute (x10^9/L)"
             r"|(?:(?:absolute )?counts?|absolute|abs\.?)(?:\s*\([^()]{1,20}\))?",
    # a lymphocyte-subset table's second value column: "%", "% of lymphocytes"
    "percent": r"%|percent(?:age)?|%\s?(?:of\s)?(?:lymphocytes|lymphs|total)",
    "percent_range": r"(?:normal|reference|ref\.?)(?:\s(?:range|interval))?\s?%"
                     r"|%\s?(?:normal|reference|ref\.?)(?:\s(?:range|interval))?",
    "unit": r"units?|unit of measure",
    "range": r"(?:normal|reference|ref\.?)(?: (?:ranges?|intervals?|values?|limits?))?|ranges?"
             r"|(?-i:RR|RI|NR)",
    "flag": r"flags?|interpretation",
}
_HEADER = {role: re.compile(rx, re.IGNORECASE) for role, rx in _HEADERS.items()}


def column_roles(cells: list[str]) -> list[str | None] | None:
    """The role of each column if *cells* is a header row ("Test | Result |
    Reference"): no digits, at least two and half of the cells known header
    words, among them a value or range column.

    >>> column_roles(["Test", "Result", "Units", "Reference range"])
    ['name', 'value', 'unit', 'range']
    >>> column_roles(["Calcium", "1.62"]) is None, column_roles(["Calcium", "normal"]) is None
    (True, True)
    """
    if any(c.isdigit() for cell in cells for c in cell):
        return None
    roles = [next((r for r, rx in _HEADER.items() if rx.fullmatch(cell.strip(" :*"))), None)
             for cell in cells]
    known = sum(r is not None for r in roles)
    if known < 2 or 2 * known < sum(bool(c.strip()) for c in cells):
        return None  # "Calcium | normal" is a result, not a header
    return roles if {"value", "range"} & set(roles) else None


class ValueCell(NamedTuple):
    """A table cell read as a value: the quantity, the flag as (as written,
    outcome), and a range printed in the same cell."""

    quantity: Quantity
    flag: tuple[str, str] | None
    range: RefRange | None


def _cell_quantities(t: str, start: int, end: int) -> list[Quantity]:
    """The quantities of ``t[start:end]`` alone, at their offsets in *t*."""
    out = []
    for q in find_quantities(t[start:end]):
        n = q.number._replace(start=q.number.start + start, end=q.number.end + start)
        ustart = None if q.unit_start is None else q.unit_start + start
        out.append(replace(q, number=n, start=q.start + start, end=q.end + start,
                           unit_start=ustart))
    return out


def read_value_cell(t: str, start: int, end: int) -> ValueCell | None:
    """A cell that holds one value, with its unit, and a flag or a bracketed
    range if written ("1.62 mmol/L", "<5", "412 H", "1.62 (L)", "1.62 mmol/L
    (2.10-2.55)"), or None if the cell holds anything else."""
    qs = _cell_quantities(t, start, end)
    if not qs or t[start:qs[0].start].strip():
        return None
    q, cell = qs[0], t[:end]
    flag = read_flag(cell, q.end)
    rng = read_range(cell, flag[2] if flag else q.end)
    at = rng.end if rng else flag[2] if flag else q.end
    flag = flag or read_flag(cell, at)
    at = max(at, flag[2]) if flag else at
    if len(qs) > 1 + (len(rng.numbers) if rng else 0):
        return None  # "1.62 2.01": two values
    if not t[at:end].strip():
        return ValueCell(q, (flag[0], flag[1]) if flag else None, rng)
    bare = _BARE_FLAG.fullmatch(t, at, end)
    if bare is None:
        return None
    word = bare.group("w")
    return ValueCell(q, (word, "abnormal" if word == "*" else _flag_outcome(word)), rng)


def read_flag_cell(t: str, start: int, end: int) -> tuple[str, str] | None:
    """A cell that is nothing but a flag ("L", "(H)", "high"): (as written, outcome)."""
    m = read_flag(t[:end], start)
    if m is not None and not t[m[2]:end].strip():
        return m[0], m[1]
    bare = _BARE_FLAG.fullmatch(t, start, end)
    if bare is None or bare.group("w") == "*":
        return None
    return bare.group("w"), _flag_outcome(bare.group("w"))


def read_unit_cell(t: str, start: int, end: int) -> tuple[str, str | None] | None:
    """A cell that is nothing but a unit ("mmol/L"): (as written, UCUM code)."""
    unit = read_unit(t[:end], start)
    if unit is None or unit[2] != start or t[unit[3]:end].strip(" ."):
        return None
    return unit[0], unit[1]


def read_range_cell(t: str, start: int, end: int) -> RefRange | None:
    """A cell that is nothing but a reference range ("2.10-2.55", "(15-65)",
    "< 50", "0.80-1.50 mmol/L")."""
    r = read_range(t[:end], start, bare=True)
    if r is None or t[r.end:end].strip(" ."):
        return None
    return r
