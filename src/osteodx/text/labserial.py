"""Serial results of one analyte written in a line, each with its date: "Ca 1.52 mmol/L
(02/08/2027), 1.79 (03/08), 2.04 (06/08), 2.18 (14/09)".

A letter that follows a level over weeks writes the name and the unit once, then the values
with their dates in brackets. Each value becomes a result of its own, with the first one's
unit and the date as its time, so that the later values are neither dropped nor read
without a unit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from osteodx.text.labbinding import Statement, _Binder
from osteodx.text.labvalues import read_flag, read_range

__all__ = ["DATE", "DATED", "bind_serials"]

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE = (r"\d{1,2}[/.-]\d{1,2}(?:[/.-](?:\d{4}|\d{2}))?|\d{4}-\d{2}-\d{2}"
        rf"|\d{{1,2}}\s{_MONTH}(?:\s\d{{4}})?"
        rf"|{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s\d{{4}})?"  # "January 14, 2026"
        rf"|{_MONTH}\s\d{{4}}")  # "June 2026"
#: the date after a value: "(02/08/2027)", "(03/08)", "on 14/09"
DATED = re.compile(rf"\s?(?:\((?P<a>{DATE})\)|(?:on|in)\s(?P<b>{DATE})\b)", re.IGNORECASE)
#: between two dated values: ", ", "; ", ", and ", " and "
_NEXT = re.compile(r"\s?(?:[,;]\s?(?:and\s|then\s)?|\sand\s|\sthen\s)")


def bind_serials(b: _Binder) -> None:
    """After each bound value whose date follows it, bind the dated values that follow."""
    for i, st in sorted(b.out.items(), key=lambda kv: kv[1].start):
        q = st.quantity
        if q is None or q.unit is None or st.time is not None:
            continue
        dated = DATED.match(b.t, st.end)
        if dated is None:
            continue
        st.time = "dated " + (dated.group("a") or dated.group("b"))
        st.end = dated.end()
        pos, limit = dated.end(), b._next_mention_start(i)
        series = [st]
        while (sep := _NEXT.match(b.t, pos)) is not None:
            nxt = b._next_q(sep.end())
            if nxt is None or nxt.number.start != sep.end() or not b._free(nxt) \
                    or nxt.start >= limit or (nxt.unit is not None and nxt.ucum != q.ucum):
                break
            flag = read_flag(b.t, nxt.end)
            when = DATED.match(b.t, flag[2] if flag else nxt.end)
            if when is None:
                break
            if nxt.unit is None:
                nxt = replace(nxt, unit=q.unit, ucum=q.ucum)
            b.claimed.add(nxt.number.start)
            series.append(Statement(st.mention, nxt.start, when.end(), quantity=nxt,
                                    range=st.range, flag=(flag[0], flag[1]) if flag else None,
                                    time="dated " + (when.group("a") or when.group("b"))))
            b.more.append(series[-1])
            pos = when.end()
        rng = None if st.range is not None else read_range(b.t, pos)
        if rng is not None:  # "... and 1.6 mg/dL on October 30, 2027 (reference 2.5-4.5)"
            b.claimed.update(s for s, _ in rng.numbers)
            for one in series:
                one.range = rng
            series[-1].end = max(series[-1].end, rng.end)
