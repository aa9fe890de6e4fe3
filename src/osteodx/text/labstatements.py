"""Which value, range or qualitative word belongs to which lab name.

Reports write a result with the name first ("X was 7.2 ng/mL (normal range
30.1 to 100.0)") or the value first ("3.7 mg/dL phosphate (normal range ...)"),
in lists ("A was 19.11 U/L (...), B was 15.76 ng/mL (...) and C was ..."), or
with a word instead of a value ("serum free T4 was normal", "liver function
and renal function was normal", "normal bone specific ALP level"). Names are
bound left to right, each to at most one value and each value to one name:

1. a value after the name with a linking verb or sign ("was", "of", ":");
2. else a value with a unit right before the name ("3.7 mg/dL phosphate"), unless a
   word that names it stands before that value and the name has its own value
   right after it ("Protein 7 g/L Hb 120 g/L": 7 g/L is the protein's);
3. else a value right after the name ("PTH 31.7 pg/mL"), unless a comma
   separates them and the value is written before another name.

Coordinated names take a list of values in order ("osteocalcin and CTX were
15.8 and 0.27 ng/mL, respectively"); a unit written once is shared only where
the value is plausible in it. Without such a list, a coordinated name takes
no value at all ("osteocalcin and CTX were 15.8 ng/mL": whose value?).

Qualitative words are read only in the past tense ("was normal", not "is
usually elevated"), never negated, and never from a sentence without a name
("All of these markers were within normal limit" gives nothing).

A range may come before the value ("Calcium (2.10-2.55 mmol/L) was 1.62
mmol/L"), a laboratory's flag after it ("(L)", "(low for age)"); a dose
("1000 IU/day") is never a value. Rows of a lab table are bound cell by
cell before any prose (:func:`read_statements`), and a value that looks
like a lab result but was bound to no name is returned as *unread*, so
that the caller can say so instead of dropping it silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from osteodx.text.labbinding import QUALITATIVE, Reading, Statement, _Binder, qualitative_outcome
from osteodx.text.labcells import TableRow
from osteodx.text.labnames import Mention
from osteodx.text.labserial import bind_serials
from osteodx.text.labtables import _Table
from osteodx.text.labtrends import bind_trends
from osteodx.text.labunread import _Unread
from osteodx.text.labvaluelists import bind_value_lists
from osteodx.text.labvalues import Quantity

__all__ = ["QUALITATIVE", "Reading", "Statement", "bind", "qualitative_outcome",
           "read_statements"]


def bind(t: str, mentions: list[Mention], quantities: list[Quantity]) -> list[Statement]:
    """Statements for the mentions of normalised text *t*, in text order."""
    return read_statements(t, mentions, quantities).statements


def read_statements(t: str, mentions: list[Mention], quantities: list[Quantity],
                    rows: Sequence[TableRow] = (), breaks: Sequence[int] = ()) -> Reading:
    """Statements for the mentions of normalised text *t*, and unread values.

    *rows* are lab-table rows with cells as offsets of *t*; *breaks* the
    offsets in *t* of the original line breaks, which end a name.
    """
    b = _Binder(t, mentions, quantities)
    b.breaks = frozenset(breaks)
    _Table(b).read(rows)
    _bind_prose(b, mentions)
    statements = sorted([*b.out.values(), *b.more], key=lambda s: (s.start, s.end))
    unread = _Unread(b, statements, breaks).find()
    return Reading(statements, sorted(b.unread + unread))


def _bind_prose(b: _Binder, mentions: list[Mention]) -> None:
    bind_trends(b)  # "NH3 212 -> 148 -> 71 umol/L": before any single value is taken
    for i, m in enumerate(mentions):
        if i not in b.out and not m.is_panel:
            b.respectively(i)
    for i, m in enumerate(mentions):
        if m.is_panel or i in b.out:
            continue
        q = b.after(i, strong=True)
        if q is not None:
            b.numeric(i, q, value_first=False)
            continue
        q = b.before(i)
        if q is not None and not _owned_by_label(b, q, i):
            b.numeric(i, q, value_first=True)
            continue
        q = b.after(i, strong=False)
        if q is not None:
            b.numeric(i, q, value_first=False)
    bind_serials(b)  # "Ca 1.52 mmol/L (02/08/2027), 1.79 (03/08)": the later dated values
    bind_value_lists(b)  # "intact PTH was 142, 168 and 96 pg/mL (15-65)": the unit written once
    for i in range(len(mentions)):
        if i not in b.out:
            b.qualitative(i)
    for i in range(len(mentions)):
        if i not in b.out:
            b.premodified(i)


_LABEL_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9\-]*\)?:?[ \t]?$")
_ADJACENT = re.compile(r"[ \t]?:?[ \t]?")


def _owned_by_label(b: _Binder, q: Quantity, i: int) -> bool:
    """Whether value *q* before mention *i* is a row of its own: written right after a
    word the catalogue does not know ("Protein 7 g/L"), while the name has a value of
    its own right after it ("Hb 120 g/L")."""
    if not _LABEL_BEFORE.search(b.t, max(0, q.start - 40), q.start):
        return False
    nxt = b.after(i, strong=False)
    return nxt is not None and bool(_ADJACENT.fullmatch(b.t, b.mentions[i].end, nxt.start))
