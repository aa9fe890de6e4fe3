"""Results of one analyte over time written in a line with arrows: "NH3 212 -> 148 -> 71
umol/L (<50)", "Cr 180 → 120 → 95", or in words: "HbA1c has fallen from 71 to 58 mmol/mol".

Ward notes write a trend this way: the unit and the reference range once, after the last
value. Each value becomes a result of its own with that unit and range (the first is the
name's statement, the others come after it, as the columns of a table over time do), so
that none is dropped and none is read without its unit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from osteodx.text.labbinding import _LINK, Statement, _Binder, _ranged, _unitless_ok
from osteodx.text.labserial import DATED
from osteodx.text.labvalues import Quantity, read_flag, read_range

__all__ = ["bind_trends"]

#: an arrow between two values of a trend
_ARROW = re.compile(r"\s?(?:-{1,2}>|→|=>)\s?")
#: a change told in words between the name and its first value: "has fallen from", "rose from"
_FROM = re.compile(r"\s(?:has\s|have\s|had\s)?(?:fallen|fell|risen|rose|gone|went|dropped"
                   r"|decreased|increased|improved|climbed|come)(?:\s(?:down|up))?\sfrom\s",
                   re.IGNORECASE)
_TO = re.compile(r"\s(?:to|and then|and)\s|,\s(?:and\s)?(?:then\s)?")
#: "urine osmolality rose to 590 mOsm/kg at 15:00 and 712 at 16:00": the values' times
_AT_TIME = re.compile(r"\s(?:at|by)\s\d{1,2}[:.]\d{2}(?:\s?h(?:rs?)?)?")
#: the change told straight to the first value: "rose to 590", "fell to 12"
_TO_FIRST = re.compile(r"\s(?:has\s|have\s|had\s)?(?:fallen|fell|risen|rose|dropped|decreased"
                       r"|increased|climbed)\sto\s", re.IGNORECASE)


def bind_trends(b: _Binder) -> None:
    """Bind every name followed by a chain of two or more values joined by arrows."""
    for i, m in enumerate(b.mentions):
        if i in b.out or m.is_panel:
            continue
        chain = _chain(b, i)
        if chain is None:
            continue
        last = chain[-1]
        last_flag = read_flag(b.t, last.end)  # "71 H (<50)": the range after the flag
        after = last_flag[2] if last_flag else last.end
        if (dated := DATED.match(b.t, after)) is not None:
            after = dated.end()  # "... and 241 U/L on October 30, 2027 (reference 40-120)"
        rng = read_range(b.t, after)
        for k, q in enumerate(chain):
            if q.unit is None and last.unit is not None:
                q = replace(q, unit=last.unit, ucum=last.ucum)
            b.claimed.add(q.number.start)
            flag = read_flag(b.t, q.end)
            st = Statement(m, m.start if k == 0 else q.start, q.end, quantity=q, range=rng,
                           flag=(flag[0], flag[1]) if flag else None,
                           time=f"value {k + 1} of {len(chain)} of a trend")
            if rng is not None and k == len(chain) - 1:
                st.end = max(st.end, rng.end)
            if k == 0:
                b.out[i] = st
            else:
                b.more.append(st)
        if rng is not None:
            b.claimed.update(s for s, _ in rng.numbers)


def _chain(b: _Binder, i: int) -> list[Quantity] | None:
    """The values after name *i* joined by arrows, or None when there are fewer than two or
    the values have no unit and the name cannot go without one."""
    m = b.mentions[i]
    q = b._next_q(m.end)
    if q is None or not b._free(q) or q.start > b._next_mention_start(i):
        return None
    gap = b.t[m.end:q.start]
    told = (_FROM.fullmatch(gap) is not None  # "has fallen from 71 to 58"
            or _TO_FIRST.fullmatch(gap) is not None
            # "... had risen from 292 to 303 and sodium from 143 to 148": the verb said once
            or gap == " from " and _FROM.search(b.t, max(0, m.start - 120), m.start) is not None)
    if not told and not _LINK.fullmatch(b.t[m.end:q.start]):
        return None
    chain = [q]
    while True:
        pos = chain[-1].end
        flag = read_flag(b.t, pos)  # "14.8 H -> 11.2 H"
        pos = flag[2] if flag else pos
        if told and (dated := DATED.match(b.t, pos) or _AT_TIME.match(b.t, pos)) is not None:
            pos = dated.end()  # "climbed from 148 U/L on January 14, 2026 to 196 U/L ..."
        arrow = _ARROW.match(b.t, pos) or (_TO.match(b.t, pos) if told else None)
        if arrow is None:
            break
        nxt = b._next_q(arrow.start())
        if nxt is None or nxt.number.start != arrow.end() or not b._free(nxt):
            break
        if nxt.start < arrow.end():  # the arrow's ">" read as the value's comparator
            nxt = replace(nxt, start=nxt.number.start, comparator=None)
        chain.append(nxt)
    if len(chain) < 2 and _TO_FIRST.fullmatch(gap) is None:  # "calcium rose to 2.9": one
        return None
    last = chain[-1]
    if last.unit is None and not _unitless_ok(m, last, b.t[m.end:q.start], _ranged(b.t, last)):
        return None
    if any(x.unit is not None and x.ucum != last.ucum for x in chain[:-1]):
        return None  # "1.2 mmol/L -> 4.8 mg/dL": two units, not one trend
    return chain
