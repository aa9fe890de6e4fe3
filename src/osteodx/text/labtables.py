"""Lab tables: each row's cells (name, value, unit, range, flag) bound before any prose,
for :mod:`osteodx.text.labstatements`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from osteodx.text.labbinding import _QUAL, Statement, _Binder
from osteodx.text.labcells import (
    TableRow,
    column_roles,
    read_flag_cell,
    read_range_cell,
    read_unit_cell,
    read_value_cell,
)
from osteodx.text.labvalues import Quantity, RefRange

# --- lab tables ------------------------------------------------------------

#: What a table's name cell may hold besides the name ("Serum calcium (total)").
_NAME_LEFTOVER = re.compile(r"[\s,.:;()\-]*(?:(?:(?:serum|plasma|blood|venous|fasting|total|level"
                            r"|levels|concentration|random|morning|midnight|basal|S|P"
                            r"|adj|adjusted|corr|corrected)\b"
                            r"|\([^()]{1,30}\)|\[[^\[\]]{1,20}\]|\d{1,2}[:.]\d{2}(?:\s?h)?"
                            r"|\d{1,2}\s?(?:am|pm|h)\b)"
                            r"[\s,.:;()\-]*)*",  # "Cortisol (8 am)", "09:00 cortisol"
                            re.IGNORECASE)  # "LH (after GnRH)", "8 am cortisol"
_QUAL_CELL = re.compile(rf"(?:{_QUAL})\.?", re.IGNORECASE)
#: a column heading that names a time point: a date, a year, a day or age, a stage of care,
#: a clock time
_TIME_POINT = re.compile(
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}(?:-\d{2})?|(?:19|20)\d{2}"
    r"|\d{1,2}[/.-](?:19|20)\d{2}"  # a month and a year: "11/2024  03/2026"
    r"|\d{1,2}/\d{1,2}"  # a day and month: "03/03  05/03  09/03"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s?(?:\d{1,2},?\s)?\d{2,4}"
    r"|(?:day|d|week|wk|month|mo|year|yr|age)\s?\d+(?:\.\d+)?(?:\s?(?:y|yrs?|m|mo|wk|d))?"
    r"|\d+(?:\.\d+)?\s?(?:days?|d|weeks?|wks?|w|months?|mo|m|years?|yrs?|y)(?:\s?old)?"
    r"|baseline|admission|discharge|(?:at\s)?(?:diagnosis|presentation|birth)|initial|latest"
    r"|today|yesterday|(?:this|last)\s(?:week|month)"
    r"|current|previous|pre-?op(?:erative)?|post-?op(?:erative)?|follow-?up(?:\s\d+)?"
    r"|(?:before|after|on)\s(?:treatment|therapy)"
    # a clock time: "14:40", "08.00 h", "9 am", "18:30 h" (results over one day)
    # (a dot only with its "h", "am" or "pm": "2.10" is a value)
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?(?:h|hrs|am|pm))?|(?:[01]?\d|2[0-3])\.[0-5]\d\s?(?:h|hrs"
    r"|am|pm)|(?:1[0-2]|0?[1-9])\s?(?:am|pm)",
    re.IGNORECASE)
#: a heading over the reference ranges ("Ref range", "Reference interval", "Normal")
_RANGE_HEADING = re.compile(r"(?:ref(?:erence)?\.?(?:\s(?:range|interval|values?))?|normal(?:\s"
                            r"(?:range|values?))?|range)", re.IGNORECASE)
#: the unit written with the name ("Phosphate (mmol/L)")
_NAME_UNIT = re.compile(r"[(\[]([^()\[\]]{1,15})[)\]]")
#: a range written with the name in square brackets ("Hb (g/L) [115-160]")
_NAME_RANGE = re.compile(r"\[([^\[\]]{1,20})\]")
_ASIDE = re.compile(r"\s*\([^()]{0,20}\)")  # "14/02/2026 (adm.)"
#: a trend row's time: a year, or a month and a year ("2019", "May 2027")
_YEAR_POINT = re.compile(r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s)?"
                         r"(?:19|20)\d\d", re.IGNORECASE)
#: what may follow the analyte on a trend's heading line: its unit in brackets, a colon
_HEADING_REST = re.compile(r"\s*(?:\([^()]{1,30}\))?\s*:?\s*")
_EMPTY_CELL = re.compile(r"[-–—.]|n/?a|nd|not done", re.IGNORECASE)
#: the heading of a first column of time points, over columns of analytes ("Date | TSH |
#: Free T4")
_TIME_HEADING = re.compile(r"(?:sample\s|test\s|visit\s|clinic\s)?(?:dates?|time|day|visit|age"
                           r"|when|year|sampled?)(?:\s(?:of\s)?(?:test|sample|visit))?",
                           re.IGNORECASE)


@dataclass(slots=True)
class _Cells:
    """What the cells of one table row after the name hold."""

    end: int
    value: Quantity | None = None
    word: str | None = None  # a qualitative result ("normal", "negative")
    unit: tuple[str, str | None] | None = None
    range: RefRange | None = None
    flag: tuple[str, str] | None = None
    percent: Quantity | None = None  # a subset table's second value: "CD3+ T cells 560 ... 78"
    percent_range: RefRange | None = None


def time_columns(cells: list[str]) -> list[str | None] | None:
    """The time point each column heads if *cells* is the header of a table of results over
    time: at least two cells after the first are dates, days, ages or stages of care.

    >>> time_columns(["Date", "14/03/2023", "21/09/2023", "Ref range"])
    [None, '14/03/2023', '21/09/2023', None]
    >>> time_columns(["Test", "Result", "Range"]) is None
    True
    >>> time_columns(["Test", "14:40", "18:30", "Range"])
    [None, '14:40', '18:30', None]
    >>> time_columns(["Calcium", "2.10", "2.35"]) is None
    True
    >>> time_columns(["11/2024", "03/2026", "06/2026"])
    [None, '11/2024', '03/2026', '06/2026']
    """
    def when(c: str) -> str | None:
        c = c.strip()
        return c if _TIME_POINT.fullmatch(_ASIDE.sub("", c).strip(" :*")) else None

    out = [when(c) if k else None for k, c in enumerate(cells)]
    if cells and when(cells[0]) is not None:  # "| | 14/02/2026 | ...": no name heading
        out = [None, *(when(c) for c in cells)]
    return out if sum(x is not None for x in out) >= 2 else None


class _Table:
    """Binds lab-table rows cell by cell: name, value (unit), unit, range, flag.

    A header row ("Test | Result | Units | Reference") says which column is
    which for the rows right below it; without one, each cell is read for
    what it is. A pipe or tab row whose value has no catalogue name is
    unread; space-aligned rows are taken only when they read cleanly, since
    prose can have double spaces too.
    """

    def __init__(self, b: _Binder) -> None:
        self.b = b
        #: the unit a header cell gives its column: "Count (cells/uL)"
        self._header_units: list[tuple[str, str | None] | None] = []
        #: the analyte of a trend's rows, its unit and the line of the last row read
        self._trend: tuple[int, tuple[str, str | None] | None, int] | None = None

    def read(self, rows: Sequence[TableRow]) -> None:
        roles: list[str | None] | None = None
        times: list[str | None] | None = None
        columns: tuple[TableRow, list[int | None]] | None = None  # analytes head the columns
        unnamed = False
        last: TableRow | None = None
        header_line = -1
        for row in rows:
            # a header governs the rows right below it, across a rule ("|---|") under it
            gap = 2 if (roles is not None or times is not None or columns is not None) and \
                last is not None and last.line == header_line else 1
            if last is None or row.kind != last.kind or row.line > last.line + gap:
                roles = times = columns = None
            if columns is not None and self.by_time(row, *columns):
                last = row
                continue
            if (heads := self.analyte_columns(row)) is not None:
                columns, roles, times, header_line, last = (row, heads), None, None, row.line, row
                continue
            texts = [self.b.t[a:e] for a, e in row.cells]
            header = column_roles(texts)
            when = time_columns(texts)
            if when is not None:  # "Test | Admission | Discharge | Reference | Flag": over time
                roles, times, header_line = None, when, row.line
                # "Ref range  03/03  05/03" with nothing over the names: the rows have a cell
                # more than the header, and the first heading is over the ranges
                unnamed = bool(texts) and _RANGE_HEADING.fullmatch(texts[0].strip(" :*"))
            elif header is not None:
                roles, times, header_line = header, None, row.line
                self._header_units = [self.header_unit(a, e) for a, e in row.cells]
            elif times is not None and unnamed and len(row.cells) == len(times) + 1:
                self.serial(row, [None, *times])  # "Sodium (mmol/L)  133-145  136  139"
            elif times is not None and sum(t is not None for t in times) + 1 <= len(row.cells) \
                    <= len(times):  # a last column left empty ("Flag") is no cell
                self.serial(row, times)
            elif times is not None and len(row.cells) == len(times) + 1 \
                    and self.unit_cell(*row.cells[-1]) is not None:
                # "Hb   74 L   81 L   g/L (transfused d4)": the unit after the time columns
                self.serial(row, [*times, None], unit=self.unit_cell(*row.cells[-1]))
            elif not self.trend(row, last):
                self.row(row, roles)
            last = row

    def trend(self, row: TableRow, last: TableRow | None) -> bool:
        """A row of one analyte's results over time, under a line that names it: "eGFR
        (mL/min/1.73m2)" over "  2019   71", "  May 2027   44". True when read."""
        if len(row.cells) != 2:
            return False
        (ta, te), (va, ve) = row.cells
        when = _ASIDE.sub("", self.b.t[ta:te]).strip(" :*")
        if not (_TIME_POINT.fullmatch(when) or _YEAR_POINT.fullmatch(when)):
            return False
        cell = read_value_cell(self.b.t, va, ve)
        if cell is None:
            return False
        if self._trend is None or last is None or last.line != row.line - 1 \
                or self._trend[2] != last.line:
            self._trend = self.trend_heading(ta)
        if self._trend is None:
            return False
        i, unit, _ = self._trend
        self._trend = (i, unit, row.line)
        q = cell.quantity
        if q.unit is None and unit is not None:
            q = replace(q, unit=unit[0], ucum=unit[1])
        self.b.claimed.add(q.number.start)
        st = Statement(self.b.mentions[i], ta, ve, quantity=q, range=cell.range,
                       flag=cell.flag, time=when)
        if i in self.b.out:
            self.b.more.append(st)
        else:
            self.b.out[i] = st
        return True

    def trend_heading(self, start: int) -> tuple[int, tuple[str, str | None] | None, int] | None:
        """The analyte named alone on the line above *start* (with its unit in brackets)."""
        breaks = sorted(b for b in self.b.breaks if b < start)
        if len(breaks) < 2:
            return None
        lo, hi = breaks[-2], breaks[-1]
        named = [k for k, m in enumerate(self.b.mentions) if lo <= m.start and m.end <= hi]
        if len(named) != 1:
            return None
        i = named[0]
        rest = self.b.t[self.b.mentions[i].end:hi]
        if not _HEADING_REST.fullmatch(rest):
            return None
        return i, self.name_unit(lo, hi), -1

    def serial(self, row: TableRow, times: list[str | None],
               unit: tuple[str, str | None] | None = None) -> None:
        """A row of a table of results over time ("Phosphate (mmol/L) | 0.52 L | 0.48 L |
        0.92 | 0.80-1.50" under "Date | 14/03/2023 | ..."): one result per time column,
        each with the row's unit (*unit*: read from a last column) and range."""
        a, e = row.cells[0]
        i = self.name(a, e)
        if i is None:
            self.row(row, None)
            return
        unit = unit or self.name_unit(a, e) or self.unit_after(self.b.mentions[i].end, e)
        rng = self.name_range(a, e)
        for k, (ca, ce) in enumerate(row.cells[1:], start=1):
            if times[k] is None and ca < ce:
                rng = rng or read_range_cell(self.b.t, ca, ce)
        first = True
        for k, (ca, ce) in enumerate(row.cells[1:], start=1):
            if times[k] is None or ca == ce or _EMPTY_CELL.fullmatch(self.b.t, ca, ce):
                continue
            cell = read_value_cell(self.b.t, ca, ce)
            if cell is None:
                continue
            q = cell.quantity
            if q.unit is None and unit is not None:
                q = replace(q, unit=unit[0], ucum=unit[1])
            self.b.claimed.add(q.number.start)
            st = Statement(self.b.mentions[i], a, ce, quantity=q, range=cell.range or rng,
                           flag=cell.flag, time=times[k])
            if first:
                self.b.out[i] = st
                first = False
            else:
                self.b.more.append(st)
        if rng is not None:
            self.b.claimed.update(s for s, _ in rng.numbers)
        if first:
            self.row(row, None)

    def analyte_columns(self, row: TableRow) -> list[int | None] | None:
        """"Date | TSH | Free T4 | Free T3 | Treatment": the mention heading each column (None
        over the times and over columns of no analyte), when at least two do."""
        a, e = row.cells[0]
        if not _TIME_HEADING.fullmatch(self.b.t[a:e].strip(" :*")):
            return None
        heads = [None, *(self.name(ca, ce) for ca, ce in row.cells[1:])]
        return heads if sum(h is not None for h in heads) >= 2 else None

    def by_time(self, row: TableRow, header: TableRow, heads: list[int | None]) -> bool:
        """A row of results at one time under analyte columns ("2019-03-11 | <0.01 | 38.4"):
        one result per column, with the unit and range its heading gives. False (and nothing
        read) when the first cell is no time or the cells do not line up with the headings."""
        ta, te = row.cells[0]
        when = _ASIDE.sub("", self.b.t[ta:te]).strip(" :*")
        last = max(k for k, h in enumerate(heads) if h is not None)
        if not (_TIME_POINT.fullmatch(when) or _YEAR_POINT.fullmatch(when)):
            return False
        if not last < len(row.cells) <= len(heads):  # whose column is which value? said, and
            # no one else reads them
            self.b.claimed.update(q.number.start for q in self.b.qs
                                  if ta <= q.number.start < row.cells[-1][1])
            self.b.unread.append((ta, row.cells[-1][1], "its cells do not line up with the "
                                  "column headings"))
            return True
        for k, i in enumerate(heads):
            ca, ce = row.cells[k]
            if i is None or ca == ce or _EMPTY_CELL.fullmatch(self.b.t, ca, ce):
                continue
            cell = read_value_cell(self.b.t, ca, ce)
            if cell is None:
                continue
            ha, he = header.cells[k]
            unit = self.name_unit(ha, he) or self.unit_after(self.b.mentions[i].end, he)
            q = cell.quantity
            if q.unit is None and unit is not None:
                q = replace(q, unit=unit[0], ucum=unit[1])
            self.b.claimed.add(q.number.start)
            st = Statement(self.b.mentions[i], ta, ce, quantity=q,
                           range=cell.range or self.name_range(ha, he), flag=cell.flag, time=when)
            if i in self.b.out:
                self.b.more.append(st)
            else:
                self.b.out[i] = st
        return True

    def unit_cell(self, a: int, e: int) -> tuple[str, str | None] | None:
        """A cell that is a unit, with an aside or not ("g/L (transfused d4)")."""
        aside = re.search(r"\s*\(", self.b.t[a:e])
        end = a + aside.start() if aside is not None and aside.start() > 0 else e
        return read_unit_cell(self.b.t, a, end)

    def name_range(self, a: int, e: int) -> RefRange | None:
        """A range written in square brackets in the name cell ("Hb (g/L) [115-160]")."""
        for m in _NAME_RANGE.finditer(self.b.t, a, e):
            got = read_range_cell(self.b.t, m.start(1), m.end(1))
            if got is not None:
                return got
        return None

    def name_unit(self, a: int, e: int) -> tuple[str, str | None] | None:
        """A unit written in brackets in the name cell ("Phosphate (mmol/L)")."""
        for m in _NAME_UNIT.finditer(self.b.t, a, e):
            got = read_unit_cell(self.b.t, m.start(1), m.end(1))
            if got is not None:
                return got
        return None

    def row(self, row: TableRow, roles: list[str | None] | None) -> None:
        name_at = roles.index("name") if roles and "name" in roles else 0
        a, e = row.cells[name_at]
        cells = self.cells(row, roles, name_at)
        i = self.name(a, e)
        if i is None or cells.value is None and cells.word is None:
            self.unread(row, name_at, cells)
            return
        m = self.b.mentions[i]
        if cells.word is not None:
            self.b.out[i] = Statement(m, a, cells.end, qualitative=cells.word)
            return
        q = cells.value
        assert q is not None
        unit = cells.unit or self.name_unit(a, e) or self.unit_after(m.end, e) or (
            self.column_unit(roles, "value"))
        if q.unit is None and unit is not None:
            q = replace(q, unit=unit[0], ucum=unit[1])
        if cells.percent is not None:  # "CD3+ T cells  560  700-4200  78  55-78": the % too
            pct = replace(cells.percent, unit="%", ucum="%")
            self.b.claimed.add(pct.number.start)
            if cells.percent_range is not None:
                self.b.claimed.update(s for s, _ in cells.percent_range.numbers)
            self.b.more.append(Statement(m, a, cells.end, quantity=pct,
                                         range=cells.percent_range))
        if cells.range is None:
            cells.range = self.name_range(a, e)
        self.b.claimed.add(q.number.start)
        if cells.range is not None:
            self.b.claimed.update(s for s, _ in cells.range.numbers)
        self.b.out[i] = Statement(m, a, cells.end, quantity=q, range=cells.range,
                                  flag=cells.flag)

    def unread(self, row: TableRow, name_at: int, cells: _Cells) -> None:
        """A pipe or tab row that became no result: a value with a unit or range
        whose name is not in the catalogue, or a catalogue name with numbers
        that could not be read ("Mg | 0.7 0.8")."""
        if row.kind == "space":
            return
        (start, name_end), end = row.cells[name_at], row.cells[-1][1]
        named = any(start <= m.start and m.end <= name_end for m in self.b.mentions)
        if cells.value is not None and (cells.value.unit or cells.unit or cells.range):
            self.b.unread.append((start, cells.end, ""))
        elif named and any(c.isdigit() for c in self.b.t[name_end:end]):
            self.b.unread.append((start, end, ""))

    def name(self, a: int, e: int) -> int | None:
        """The one unbound mention that the name cell ``t[a:e]`` holds, or None."""
        inside = [i for i, m in enumerate(self.b.mentions) if a <= m.start and m.end <= e]
        if len(inside) != 1 or inside[0] in self.b.out:
            return None
        m = self.b.mentions[inside[0]]
        rest = self.b.t[a:m.start] + " " + self.b.t[m.end:e]
        if _NAME_LEFTOVER.fullmatch(rest):
            return inside[0]
        # "WCC x10^9/L": the unit written after the name, without brackets
        if _NAME_LEFTOVER.fullmatch(self.b.t[a:m.start]) and self.unit_after(m.end, e):
            return inside[0]
        return None

    def unit_after(self, start: int, e: int) -> tuple[str, str | None] | None:
        """A unit that is all of the name cell after the name ("WCC x10^9/L")."""
        a = start
        while a < e and self.b.t[a] in " \t,:":
            a += 1
        return read_unit_cell(self.b.t, a, e) if a < e else None

    def cells(self, row: TableRow, roles: list[str | None] | None, name_at: int) -> _Cells:
        out = _Cells(end=row.cells[name_at][1])
        for k, (a, e) in enumerate(row.cells):
            if k <= name_at or a == e:
                continue
            role = roles[k] if roles is not None and k < len(roles) else None
            if roles is not None and role is None:
                continue
            if self.take(out, role, a, e):
                out.end = max(out.end, e)
        return out

    def header_unit(self, a: int, e: int) -> tuple[str, str | None] | None:
        """The unit in a header cell's brackets: "Count (cells/uL)" -> cells/uL."""
        m = re.search(r"\(([^()]{1,20})\)\s*$", self.b.t[a:e])
        return None if m is None else read_unit_cell(self.b.t, a + m.start(1), a + m.end(1))

    def column_unit(self, roles: list[str | None] | None, role: str
                    ) -> tuple[str, str | None] | None:
        """The unit the header gives the column of *role*, if any."""
        if not roles or role not in roles or roles.index(role) >= len(self._header_units):
            return None
        return self._header_units[roles.index(role)]

    def take(self, out: _Cells, role: str | None, a: int, e: int) -> bool:
        """Read cell ``t[a:e]`` as its role says (any role if None) into *out*."""
        t = self.b.t
        if role == "percent" and out.percent is None:
            value = read_value_cell(t, a, e)
            out.percent = value.quantity if value is not None else None
            return value is not None
        if role == "percent_range" and out.percent_range is None:
            out.percent_range = read_range_cell(t, a, e)
            return out.percent_range is not None
        if role in (None, "value") and out.value is None and out.word is None:
            value = read_value_cell(t, a, e)
            if value is not None:
                out.value, out.flag = value.quantity, value.flag or out.flag
                out.range = value.range or out.range
                return True
            if _QUAL_CELL.fullmatch(t, a, e):
                out.word = t[a:e].rstrip(".")
                return True
        if role in (None, "unit") and out.unit is None:
            out.unit = read_unit_cell(t, a, e)
            if out.unit is not None:
                return True
        if role in (None, "range") and out.range is None and (out.value or role == "range"):
            out.range = read_range_cell(t, a, e)
            if out.range is not None:
                return True
        if role in (None, "flag") and out.flag is None and out.value is not None:
            out.flag = read_flag_cell(t, a, e)
            return out.flag is not None
        return False
