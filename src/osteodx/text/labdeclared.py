"""Reference ranges printed apart from the results they judge.

A report may give the ranges once, in a line under a table ("Reference: CRP <5, SAA <10, WCC
4.0-11.0") or in a bracket over it ("Serial thyroid function (TSH 0.35-5.00 mU/L; free T4
9.0-19.0 pmol/L):", then a table of dates and values). The names there head ranges, not
results: reading "TSH 0.35" as a result would invent one. :func:`declared_ranges` finds these
spans and the range each gives its analyte; :func:`with_declared` hands the range (and its
unit, when a result was printed without one) to the results of that analyte that print none.

>>> from osteodx.text.labnames import find_mentions
>>> from osteodx.text.labtext import Normalised
>>> norm = Normalised("Thyroid (TSH 0.35-5.00 mU/L; free T4 9.0-19.0 pmol/L):")
>>> spans, ranges = declared_ranges(norm, find_mentions(norm))
>>> sorted((k, r.low, r.high, r.unit) for k, r in ranges.items())
[('free_t4', 9.0, 19.0, 'pmol/L'), ('tsh', 0.35, 5.0, 'mU/L')]
>>> norm = Normalised("Serial results (calcium mmol/L [2.10-2.55]; PTH pmol/L [1.6-6.9]):")
>>> sorted((k, r.low, r.high, r.unit) for k, r in declared_ranges(norm, find_mentions(norm))[1]
...        .items())
[('calcium_total', 2.1, 2.55, 'mmol/L'), ('pth_intact', 1.6, 6.9, 'pmol/L')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from osteodx.text.labbinding import Statement
from osteodx.text.labcells import read_range_cell
from osteodx.text.labnames import Mention
from osteodx.text.labtext import Normalised
from osteodx.text.labunits import read_unit
from osteodx.text.labvalues import RefRange

__all__ = ["declared_ranges", "with_declared"]

#: a line of reference ranges under a table: "Reference: CRP <5, SAA <10, WCC 4.0-11.0"
_REFERENCE_LINE = re.compile(r"^[ \t]*(?:reference|ref\.?|normal)(?:\s(?:ranges?|intervals?"
                             r"|values?))?\s*:[^\n]*", re.IGNORECASE | re.MULTILINE)
#: a bracket of two or more "name range" items, or one before a colon that opens a table
_BRACKET = re.compile(r"\(([^()\n]{6,300})\)(\s*:)?")
_ITEM_SPLIT = re.compile(r"\s*[;,]\s*")
#: what may stand before the name of an item: "adjusted calcium", "serum phosphate"
_QUALIFIERS = re.compile(r"\s*(?:(?:adjusted|corrected|serum|plasma|blood|total|ionised|ionized"
                         r"|fasting|venous|intact)\s+)*", re.IGNORECASE)


def declared_ranges(norm: Normalised, mentions: list[Mention]
                    ) -> tuple[list[tuple[int, int]], dict[str, RefRange]]:
    """(spans whose names head ranges, not results; the range each analyte is given there)."""
    spans: list[tuple[int, int]] = []
    ranges: dict[str, RefRange] = {}
    for m in _REFERENCE_LINE.finditer(norm.original):
        a, e = norm.at(m.start()), norm.at(m.end() - 1) + 1 if m.end() > m.start() else 0
        spans.append((a, e))
        for item in _items(norm.text, a, e):
            got = _item_range(norm.text, mentions, *item)
            if got is not None:
                ranges.setdefault(*got)
    for m in _BRACKET.finditer(norm.text):
        items = list(_items(norm.text, m.start(1), m.end(1)))
        got = [_item_range(norm.text, mentions, *item) for item in items]
        if all(g is not None for g in got) and (len(got) >= 2 or m.group(2)):
            spans.append((m.start(), m.end()))
            for g in got:
                assert g is not None
                ranges.setdefault(*g)
    return spans, ranges


def with_declared(st: Statement, ranges: dict[str, RefRange]) -> Statement:
    """*st* with the declared range of its analyte when it prints none (and that range's unit
    when the result has none)."""
    r = ranges.get(st.mention.key)
    if r is None or st.range is not None or st.quantity is None:
        return st
    q = st.quantity
    if q.unit is None and r.unit is not None:
        q = replace(q, unit=r.unit, ucum=r.ucum)
    return replace(st, quantity=q, range=r)


def _items(t: str, a: int, e: int):  # noqa: ANN202 - a generator of spans
    """The pieces of ``t[a:e]`` between commas and semicolons, after any "Reference:"."""
    colon = t.find(":", a, e)
    pos = colon + 1 if colon >= 0 and not re.search(r"\d", t[a:colon]) else a
    for piece in _ITEM_SPLIT.split(t[pos:e]):
        if not piece.strip():
            continue
        start = t.find(piece, pos, e)
        yield start, start + len(piece)
        pos = start + len(piece)


def _item_range(t: str, mentions: list[Mention], a: int, e: int) -> tuple[str, RefRange] | None:
    """"free T4 9.0-19.0 pmol/L": the analyte named first and the range that is all the rest."""
    named = [m for m in mentions if a <= m.start and m.end <= e]
    if len(named) != 1 or not _QUALIFIERS.fullmatch(t, a, named[0].start):
        return None
    start = named[0].end
    while start < e and t[start] in " :=":
        start += 1
    r = read_range_cell(t, start, e)
    if r is None and (unit := read_unit(t, start)) is not None:
        # "adjusted calcium mmol/L [2.10-2.55]": the unit, then the range in brackets
        r = read_range_cell(t, unit[3], e)
        if r is not None and r.unit is None:
            r = replace(r, unit=unit[0], ucum=unit[1])
    return (named[0].key, r) if r is not None else None
