"""Values, units and reference ranges as case reports print them.

These readers work on :class:`~osteodx.text.labnames.Normalised` text (one
space between words, line-break hyphens closed) and return offsets into it.

* :func:`read_unit` - a unit right after a number ("ng/mL", "µIU/mL",
  "x 10^9/L", "mL/min/1.73 m2"), as written and as UCUM. Only units with a
  ``/`` or ``%`` (or a ``10^n`` count) are taken: bare words such as "a", "h"
  or "as" parse as UCUM (year, hour, attosecond) but are prose.
* :func:`find_quantities` - every number with its comparator and unit.
* :func:`read_range` - a reference range after a value: "(normal range 30.1
  to 100.0 mg/mL)", "(30.1-100)", "(30.1~100)", "(ref. 30-100)", "(N:
  30-100)", "(< 14)", "; reference range 0 to 14 U/mL".

>>> read_unit(" µIU/mL (normal", 0)
('µIU/mL', 'u[IU]/mL', 1, 7)
>>> r = read_range(" (normal range 30.1 to 100.0 mg/mL).", 0)
>>> r.low, r.high, r.unit, r.ucum, r.end
(30.1, 100.0, 'mg/mL', 'mg/mL', 35)
>>> r = read_range(" (< 14)", 0); (r.low, r.high)
(None, 14.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from osteodx.labs.ucum import UnitError, parse_unit
from osteodx.text.numbers import Number, find_numbers

__all__ = ["Quantity", "RefRange", "find_quantities", "read_range", "read_unit", "ucum_code"]

_SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_COUNT_UNIT = re.compile(
    rf"(?:[x×*]\s?)?10\s?(?:\^|\*|E)?\s?(?:\d{{1,2}}|[{_SUPER}]+)\s?/\s?(?:[µμu]?L|l|mm3|mm³)"
    r"|/\s?(?:[µμu]L|mm3|mm³|HPF|hpf)\b")
_EGFR_UNIT = re.compile(r"mL/min(?:/|\s?per\s?)1\.73\s?m(?:2|²|\^2)", re.IGNORECASE)
_TOKEN_UNIT = re.compile(r"[A-Za-zµμ%\[][A-Za-zµμ0-9%\[\]{}/.·^*²³]*")
_PLAIN_RATIO = re.compile(r"[A-Za-zµμ]+/[A-Za-zµμ0-9.]+")  # "mEq/L": a unit, not UCUM
_NOT_A_VALUE = re.compile(
    r"\s?-?\s?(?:fold|times|years?|yrs?|months?|weeks?|days?|hours?|patients?|cases?)\b",
    re.IGNORECASE)
_VALUE_CMP = re.compile(r"(<=|>=|≤|≥|<|>)\s?$")


@cache
def ucum_code(label: str) -> str | None:
    """UCUM code of a printed unit, or None if it cannot be read."""
    try:
        return parse_unit(label).code
    except UnitError:
        return None


def read_unit(t: str, at: int) -> tuple[str, str | None, int, int] | None:
    """The unit starting at ``t[at:]`` after at most one space: (as written,
    UCUM code or None, start, end), or None if no unit is there."""
    start = at + 1 if t.startswith(" ", at) else at
    for rx in (_EGFR_UNIT, _COUNT_UNIT):
        m = rx.match(t, start)
        if m:
            label = m.group()
            return label, ucum_code(label), start, m.end()
    m = _TOKEN_UNIT.match(t, start)
    if not m:
        return None
    label = m.group().rstrip(".,·")
    if not label or ("/" not in label and "%" not in label):
        return None
    code = ucum_code(label)
    if code is None and not _PLAIN_RATIO.fullmatch(label):
        return None
    return label, code, start, start + len(label)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its comparator and unit (offsets in normalised text)."""

    number: Number
    start: int  # comparator or number start
    end: int  # unit end, or number end
    comparator: str | None
    unit: str | None
    ucum: str | None
    unit_start: int | None = None

    @property
    def value(self) -> float:
        return self.number.value


def find_quantities(t: str) -> list[Quantity]:
    """Every number of *t* that could be a value, with its unit; numbers inside
    a unit ("x 10^9/L", "1.73 m2") and counts ("3-fold", "5 years") are not."""
    out: list[Quantity] = []
    unit_end = -1
    for n in find_numbers(t):
        if n.start < unit_end or _NOT_A_VALUE.match(t, n.end):
            continue
        unit = read_unit(t, n.end)
        if n.in_words and unit is None:
            continue  # "one of ...": words are a value only with a unit
        cmp = _VALUE_CMP.search(t, max(0, n.start - 3), n.start)
        start = cmp.start() if cmp else n.start
        if unit is None:
            out.append(Quantity(n, start, n.end, cmp.group(1) if cmp else None, None, None))
        else:
            label, code, ustart, uend = unit
            out.append(Quantity(n, start, uend, cmp.group(1) if cmp else None, label, code,
                                ustart))
            unit_end = uend
    return out


@dataclass(frozen=True, slots=True)
class RefRange:
    """A printed reference range; ``end`` is its end offset (after any bracket)."""

    low: float | None
    high: float | None
    unit: str | None
    ucum: str | None
    start: int
    end: int
    numbers: tuple[tuple[int, int], ...]  # spans of the numbers, so no one reads them as values


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_INTRO = (r"(?:(?:normal|reference|ref\.?|laboratory|lab|age[- ]specific)"
          r"(?:\s?(?:range|ranges|interval|values?|limits?|level))?|(?-i:N|NR|RR|RI|NV)|range)")
#: Range comparators -> the bound they give ("< 14" is an upper limit).
_CMP = {**dict.fromkeys(["<", "≤", "<=", "up to", "less than", "below", "under"], "high"),
        **dict.fromkeys([">", "≥", ">=", "above", "greater than", "more than", "over"], "low")}
_RANGE = re.compile(
    rf"(?P<lead>\s?(?:[,;]\s?)?)(?:\((?:H|L|high|low|↑|↓)\)\s?)?"
    rf"(?P<open>[(\[]\s?)?(?P<intro>{_INTRO}\s?[:=,]?\s?)?"
    rf"(?:(?P<low>{_NUM})(?P<lowunit>\s?[^\s\d~\-–—−)]*?)?\s?(?:-|–|—|−|~|∼|to)\s?(?P<high>{_NUM})"
    rf"|(?P<cmp><=|>=|≤|≥|<|>|up to|less than|below|under|above|greater than|more than|over)"
    rf"\s?(?P<bound>{_NUM}))",
    re.IGNORECASE)
_CLOSE = re.compile(r"\s?[)\]]")
_CLOSE_LATE = re.compile(r"[^()\[\]]{0,40}?[)\]]")  # "(30-100 ng/mL in adults)"


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def read_range(t: str, at: int) -> RefRange | None:
    """A reference range starting at ``t[at:]`` (leading space/comma allowed).

    Without a bracket the range must be introduced ("normal range", "ref.",
    "N:"), so that a following, unrelated number is never read as a range.
    """
    m = _RANGE.match(t, at)
    if not m or not (m.group("open") or m.group("intro")):
        return None
    lowunit = (m.group("lowunit") or "").strip()
    if lowunit and read_unit(lowunit, 0) is None:
        return None  # "30 to 100" only, or "30 ng/mL to 100 ng/mL"
    numbers: tuple[tuple[int, int], ...]
    if m.group("cmp"):
        bound = _num(m.group("bound"))
        low, high = (bound, None) if _CMP[m.group("cmp").lower()] == "low" else (None, bound)
        numbers = (m.span("bound"),)
    else:
        low, high = _num(m.group("low")), _num(m.group("high"))
        numbers = (m.span("low"), m.span("high"))
    end = m.end()
    unit = read_unit(t, end)
    label = code = None
    if unit is not None:
        label, code, _, end = unit
    elif lowunit:
        label, code = lowunit, ucum_code(lowunit)
    if m.group("open"):
        close = _CLOSE.match(t, end) or _CLOSE_LATE.match(t, end)
        if close is None:
            return None
        end = close.end()
    start = m.start("open") if m.group("open") else m.start("intro")
    return RefRange(low, high, label, code, start, end, numbers)
