"""Several results of one analyte listed after its name, the unit written once: "intact PTH
was 142, 168 and 96 pg/mL (15-65)", "eGFR 72 (2021), 63 (2023), 55 (2025) and 48
mL/min/1.73m2", a row of timed values "GH (ug/L)    0.4   1.9   3.1   2.2   1.0".

A letter that reports the same test at several dates (or a stimulation test's samples) names
it once. The first value is bound to the name as any other; the values after it, separated by
commas, "and" / "then", or the wide spaces of a table row, are results of their own with the
one unit the list writes, the range printed after the last value, and the year or date
written after each value as its time. Without this the later values were unread, and the
first one had no unit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from osteodx.text.labbinding import Statement, _Binder
from osteodx.text.labserial import DATE
from osteodx.text.labvalues import Quantity, read_flag, read_range

__all__ = ["bind_value_lists"]

#: between two values of a list: ", ", ", and ", " and ", " then ", " -> "
_NEXT = re.compile(r"\s?(?:,\s?(?:and\s|then\s)?|\s(?:and|then)\s)")
#: between two cells of a table row (the normalised text has one space where the row had many)
_CELL = re.compile(r"[ \t]+")
#: the date or year a value was measured: "(2021)", "(October 2027)", "(12/10/2027)"
#: (not a range: "(15-65)" is no 15 June)
_WHEN = re.compile(rf"\s?\((?P<w>(?:19|20)\d\d|(?!\d{{1,3}}\s?[-–]\s?\d{{1,3}}\)){DATE})\)",
                   re.IGNORECASE)


def bind_value_lists(b: _Binder) -> None:
    """After each bound value, bind the values listed after it with the same name."""
    for i, st in sorted(b.out.items(), key=lambda kv: kv[1].start):
        q = st.quantity
        if q is None or st.range is not None and q.unit is None:
            continue
        series = _series(b, i, st)
        if len(series) < 2:
            continue
        units = {x.ucum for x, _ in series if x.unit is not None}
        if len(units) != 1 or (q.unit is not None and series[-1][0].unit is not None
                               and len(series) > 2 and q.ucum != series[-1][0].ucum):
            continue  # two units: no list of one analyte
        unit = next(x for x, _ in series if x.unit is not None)
        end = series[-1][1]
        rng = st.range or read_range(b.t, end)
        if rng is not None:
            b.claimed.update(s for s, _ in rng.numbers)
        for k, (x, when_end) in enumerate(series):
            x = x if x.unit is not None else replace(x, unit=unit.unit, ucum=unit.ucum)
            when = _WHEN.match(b.t, x.end)
            flag = read_flag(b.t, x.end)
            if k == 0:
                st.quantity, st.range = x, rng
                st.end = max(st.end, when_end)
                st.time = st.time or (f"dated {when.group('w')}" if when else None)
                continue
            b.claimed.add(x.number.start)
            b.more.append(Statement(st.mention, x.start, max(when_end, rng.end if rng and
                                                             k == len(series) - 1 else 0),
                                    quantity=x, range=rng,
                                    flag=(flag[0], flag[1]) if flag else None,
                                    time=f"dated {when.group('w')}" if when else None))


def _series(b: _Binder, i: int, st: Statement) -> list[tuple[Quantity, int]]:
    """The bound value and the values listed after it, each with where it ends (its date
    included); a list ends at a value with a unit, a line's end or another name."""
    q = st.quantity
    assert q is not None
    limit = b._next_mention_start(i)
    first_when = _WHEN.match(b.t, q.end)
    pos = first_when.end() if first_when else q.end
    out = [(q, pos)]
    row = _CELL.match(b.t, pos) is not None and q.unit is not None  # a table row's cells
    while True:
        sep = (_CELL if row else _NEXT).match(b.t, pos)
        if sep is None or any(pos <= k < sep.end() for k in b.breaks):
            break
        nxt = b._next_q(sep.end())
        if nxt is None or nxt.number.start != sep.end() or not b._free(nxt) \
                or nxt.start >= limit or nxt.comparator is not None:
            break
        when = _WHEN.match(b.t, nxt.end)
        pos = when.end() if when else nxt.end
        out.append((nxt, pos))
        if nxt.unit is not None or row and read_flag(b.t, nxt.end):
            break  # "... and 96 pg/mL": the unit closes the list
    if row and (len(out) < 3 or not _line_ends(b, out[-1][1])):
        return out[:1]  # a row: three values or more, and nothing after them on the line
    if not row and out[-1][0].unit is None:
        return out[:1]  # "Hb 120, 130": no unit anywhere - not taken as a list
    if not row and q.unit is not None and len(out) > 1 and first_when is None:
        return out[:1]  # "ALP 450 U/L, 12 and 14 ...": a unit on the first: other results
    return out


def _line_ends(b: _Binder, pos: int) -> bool:
    """Whether a line of the report ends at *pos* (the normalised text's space or its end)."""
    return pos >= len(b.t.rstrip()) or pos in b.breaks or pos + 1 in b.breaks
