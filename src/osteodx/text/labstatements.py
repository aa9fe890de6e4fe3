"""Which value, range or qualitative word belongs to which lab name.

Reports write a result with the name first ("X was 7.2 ng/mL (normal range
30.1 to 100.0)") or the value first ("3.7 mg/dL phosphate (normal range ...)"),
in lists ("A was 19.11 U/L (...), B was 15.76 ng/mL (...) and C was ..."), or
with a word instead of a value ("serum free T4 was normal", "liver function
and renal function was normal", "normal bone specific ALP level"). Names are
bound left to right, each to at most one value and each value to one name:

1. a value after the name with a linking verb or sign ("was", "of", ":");
2. else a value with a unit right before the name ("3.7 mg/dL phosphate");
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
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from osteodx.labs.catalogue import Analyte, load_catalogue
from osteodx.labs.ranges import assumed_unit
from osteodx.labs.ucum import UnitError, parse_ucum
from osteodx.labs.units import convert, convertible
from osteodx.text.labnames import Mention
from osteodx.text.labvalues import (
    Quantity,
    RefRange,
    TableRow,
    column_roles,
    is_dose_unit,
    is_lab_unit,
    read_flag,
    read_flag_cell,
    read_range,
    read_range_cell,
    read_unit,
    read_unit_cell,
    read_value_cell,
)

__all__ = ["QUALITATIVE", "Reading", "Statement", "bind", "qualitative_outcome",
           "read_statements"]

_FILLER = (r"serum|plasma|blood|urine|urinary|total|level|levels|concentration|concentrations"
           r"|value|values|activity|titer|titre|result|results")
_STRONG = (r"was|were|is|are|of|at|measured|found|noted|showed|revealed|had|remained|reached"
           r"|measuring|with")
_LINK = re.compile(
    rf"\s?(?:,\s?)?(?:(?:{_FILLER}|{_STRONG}|to|be|been|elevated|increased|raised|decreased"
    r"|reduced|low|high|normal|borderline|slightly|mildly|moderately|markedly|significantly"
    r"|severely|initially|also|only|approximately|about|around|nearly|almost|still"
    r"|\((?-i:[a-z][a-z \-]{1,24})\)|\(|:|=)"
    r"(?:\b|(?<=[(:=)]))\s?)*",
    re.IGNORECASE)
_STRONG_WORD = re.compile(rf"\b(?:{_STRONG})\b|[:=(]", re.IGNORECASE)
_BEFORE = re.compile(r"\s?(?:(?:of|serum|plasma|blood|total)\s)*", re.IGNORECASE)
_SPECIMEN = re.compile(r"(?:serum|plasma|blood|urine|urinary|total)\s$", re.IGNORECASE)
_CLOSE = re.compile(r"\s?\)")
#: A bracketed qualifier between a name and its value ("Glucose (fasting) 7.8 mmol/L").
_QUALIFIER = re.compile(r"\((?-i:[a-z][a-z \-]{1,24})\)")

_QUAL = (r"high[- ]normal|low[- ]normal|upper[- ]normal|within (?:the )?(?:normal|reference)"
         r" (?:range|ranges|limits?|interval)|in the normal range|normal|unremarkable|WNL"
         r"|negative|elevated|increased|high|raised|low|decreased|reduced|abnormal|deranged"
         r"|impaired|positive")
_ADVERB = r"(?:all|also|both|still|entirely|completely|again|slightly|mildly|moderately|markedly" \
          r"|significantly|persistently|found to be|noted to be) "
#: Words that are a result by themselves after a name, with no verb ("magnesium,
#: creatinine and TSH normal", "LFTs NAD" - no abnormality detected).
_BARE_QUAL = (r"normal|unremarkable|WNL|(?-i:NAD)|negative|within normal limits|elevated|raised"
              r"|increased|high|low|decreased|reduced")
_TAIL = re.compile(
    rf"\s?(?:(?:{_FILLER}|tests?)\s)*(?:(?:(?:was|were|remained|had been|came back|returned|proved"
    rf"|appeared)\s|:\s?)(?:{_ADVERB})*(?P<q>{_QUAL})\b"
    rf"|(?P<bare>{_BARE_QUAL})\b)", re.IGNORECASE)
#: What must follow a verbless result: the end of its clause, bullet or sentence.
_BARE_END = re.compile(r"\s?(?:[.;,)]|and\b|$)|\s[-–•*]\s|\s(?-i:[A-Z][a-z])", re.IGNORECASE)
_JOIN = re.compile(rf"\s?(?:,\s?(?:and\s|or\s)?|and\s|or\s|/\s?|&\s)(?:(?:{_FILLER})\s)*",
                   re.IGNORECASE)
_RESP_HEAD = re.compile(rf"\s?(?:(?:{_FILLER})\s)*(?:was|were|are|of)\s", re.IGNORECASE)
_RESP_SEP = re.compile(r"\s?(?:,\s?(?:and\s)?|and\s)")
_RESP_END = re.compile(r",?\s?respectively\b|(?=\s?[.;]|$)", re.IGNORECASE)
_PREMOD = re.compile(r"(?P<q>normal|elevated|increased|high|raised|low|decreased|reduced"
                     r"|abnormal|impaired|deranged)\s(?:(?:serum|plasma|total)\s)?$",
                     re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:no|not|without|nor|absence of|absent)\s(?:\w+\s){0,2}$",
                      re.IGNORECASE)
_PREMOD_END = re.compile(r"\s(?:levels?|concentrations?|values?)\b", re.IGNORECASE)
_NOT_A_RESULT = re.compile(
    r"\s(?:intake|diet|supplement\w*|therapy|treatment|administration|dose|doses|channel\w*"
    r"|deposit\w*|sensing|metabolism|homeostasis|receptor\w*|infusion|gluconate|carbonate)\b",
    re.IGNORECASE)

#: Qualitative word -> outcome ("positive" is settled per analyte by the caller).
QUALITATIVE = {**dict.fromkeys(["normal", "unremarkable", "wnl", "negative", "nad"], "normal"),
               **dict.fromkeys(["elevated", "increased", "high", "raised"], "high"),
               **dict.fromkeys(["low", "decreased", "reduced"], "low"),
               **dict.fromkeys(["abnormal", "deranged", "impaired"], "abnormal"),
               "positive": "positive"}


def qualitative_outcome(word: str) -> str:
    """'normal', 'high', 'low', 'abnormal' or 'positive' for a word as written.

    >>> [qualitative_outcome(w) for w in ("within normal limits", "high-normal", "Raised")]
    ['normal', 'normal', 'high']
    """
    w = " ".join(word.lower().replace("-", " ").split())
    if w.startswith(("within", "in the")) or w.endswith(" normal"):
        return "normal"
    return QUALITATIVE.get(w, "abnormal")


@dataclass(slots=True)
class Statement:
    """One bound result: a mention with a quantity (and range) or a word."""

    mention: Mention
    start: int
    end: int
    quantity: Quantity | None = None
    range: RefRange | None = None
    qualitative: str | None = None  # the word as written
    flag: tuple[str, str] | None = None  # the laboratory's flag: (as written, outcome)


@dataclass(slots=True)
class Reading:
    """Statements, and the spans of lab-like values that no name could take
    ("Lactate 1.4 mmol/L (0.5-2.2)" with no catalogue name for lactate)."""

    statements: list[Statement]
    unread: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, why


class _Binder:
    def __init__(self, t: str, mentions: list[Mention], quantities: list[Quantity]) -> None:
        self.t, self.mentions, self.qs = t, mentions, quantities
        self.unread: list[tuple[int, int, str]] = []
        self.q_starts = [q.start for q in quantities]
        self.claimed: set[int] = set()  # start offsets of used quantities / range numbers
        self.out: dict[int, Statement] = {}  # mention index -> statement
        self.breaks: frozenset[int] = frozenset()  # offsets of the original line breaks

    def _free(self, q: Quantity) -> bool:
        return q.number.start not in self.claimed and not any(
            m.start <= q.number.start < m.end for m in self.mentions)

    def _next_q(self, pos: int) -> Quantity | None:
        i = bisect_left(self.q_starts, pos)
        return self.qs[i] if i < len(self.qs) else None

    def _prev_q(self, pos: int) -> Quantity | None:
        i = bisect_left(self.q_starts, pos) - 1
        return self.qs[i] if i >= 0 else None

    def _next_mention_start(self, i: int) -> int:
        return self.mentions[i + 1].start if i + 1 < len(self.mentions) else len(self.t)

    def after(self, i: int, strong: bool) -> Quantity | None:
        m = self.mentions[i]
        if i > 0 and i - 1 not in self.out and _JOIN.fullmatch(self.t, self.mentions[i - 1].end,
                                                               m.start):
            return None  # "osteocalcin and CTX were 15.8 ng/mL": whose value?
        pre = self.range_before(i)
        pos = pre.end if pre is not None else m.end
        q = self._next_q(pos)
        if q is None or not self._free(q) or q.start > self._next_mention_start(i):
            return None
        gap = self.t[pos:q.start]
        if not _LINK.fullmatch(gap) or strong != bool(_STRONG_WORD.search(gap)):
            return None
        if is_dose_unit(q.unit):
            return None  # "vit D 1000 IU/day" is a dose
        if q.unit is None and not _unitless_ok(m, q, gap):
            return None  # "P 3" or "(5)" alone are not lab values
        if not strong and "," in gap and self._before_name(q):
            return None  # "calcium, 3.7 mg/dL phosphate"
        return q

    def range_before(self, i: int) -> RefRange | None:
        """A bracketed range right after the name, before its value: "Calcium
        (2.10-2.55 mmol/L) was 1.62 mmol/L"."""
        rng = read_range(self.t, self.mentions[i].end)
        if rng is None or not self.t.startswith(("(", "["), rng.start):
            return None
        return rng if all(s not in self.claimed for s, _ in rng.numbers) else None

    def _before_name(self, q: Quantity) -> bool:
        nxt = next((m for m in self.mentions if m.start >= q.end), None)
        return nxt is not None and bool(_BEFORE.fullmatch(self.t, q.end, nxt.start))

    def before(self, i: int) -> Quantity | None:
        m = self.mentions[i]
        q = self._prev_q(m.start)
        if q is None or q.unit is None or not self._free(q) or q.end > m.start:
            return None
        if i > 0 and self.mentions[i - 1].end > q.start:
            return None
        if any(q.end <= b < m.start for b in self.breaks):
            return None  # "HbA1c 52 mmol/mol\nTestosterone 6.1": the value ends a line
        if not _unit_possible(q.ucum, m.target):
            return None  # "52 mmol/mol testosterone": not a unit of testosterone
        return q if _BEFORE.fullmatch(self.t, q.end, m.start) else None

    def numeric(self, i: int, q: Quantity, value_first: bool) -> None:
        m, t = self.mentions[i], self.t
        self.claimed.add(q.number.start)
        pre = None if value_first else self.range_before(i)
        flag = read_flag(t, q.end)  # "1.62 mmol/L [L] (2.10-2.55)"
        after_value = flag[2] if flag else q.end
        if value_first:  # "3.7 mg/dL phosphate (normal range ...)"
            start, end = q.start, m.end
            rng = read_range(t, m.end) or read_range(t, after_value)
        else:
            start, end = self._specimen_start(m.start), q.end
            rng = read_range(t, after_value)
            gap = _QUALIFIER.sub("", t[pre.end if pre else m.end:q.start])
            if "(" in gap:  # "ALP (250 U/L; normal 40-130)"
                inner = _CLOSE.match(t, rng.end) if rng is not None else None
                if inner is not None:
                    end = inner.end()
                elif (close := _CLOSE.match(t, q.end)) is not None:
                    end = close.end()
                    rng = read_range(t, end)
        st = Statement(m, start, end, quantity=q)
        rng = rng or pre
        if rng is not None:
            st.range = rng
            st.end = max(end, rng.end)
            self.claimed.update(s for s, _ in rng.numbers)
        flag = flag or read_flag(t, st.end)
        if flag is not None:
            st.flag = (flag[0], flag[1])
            st.end = max(st.end, flag[2])
        self.out[i] = st

    def _specimen_start(self, pos: int) -> int:
        sp = _SPECIMEN.search(self.t, max(0, pos - 10), pos)
        return sp.start() if sp else pos

    def chain(self, i: int) -> tuple[list[int], int]:
        """Mention i and the unbound mentions coordinated with it ("A, B and C"),
        and the end of the last one."""
        chain, pos = [i], self.mentions[i].end
        while chain[-1] + 1 < len(self.mentions):
            j = chain[-1] + 1
            if j in self.out or not _JOIN.fullmatch(self.t, pos, self.mentions[j].start):
                break
            chain.append(j)
            pos = self.mentions[j].end
        return chain, pos

    def respectively(self, i: int) -> None:
        """"A and B were 15.8 ng/mL and 0.27 ng/mL, respectively"."""
        chain, pos = self.chain(i)
        head = _RESP_HEAD.match(self.t, pos) if len(chain) > 1 else None
        if head is None or any(self.mentions[j].is_panel for j in chain):
            return
        qs: list[Quantity] = []
        at = head.end()
        while len(qs) < len(chain):
            q = self._next_q(at)
            if q is None or q.start != at or not self._free(q):
                return
            qs.append(q)
            sep = _RESP_SEP.match(self.t, q.end)
            at = sep.end() if sep else q.end
        end = _RESP_END.match(self.t, qs[-1].end)
        if end is None:
            return
        last = qs[-1]
        for j, q in zip(chain, qs, strict=True):
            self.claimed.add(q.number.start)
            m = self.mentions[j]
            if q.unit is None and last.ucum and _fits(q.value, last.ucum, m.target):
                q = Quantity(q.number, q.start, q.end, q.comparator, last.unit, last.ucum)
            self.out[j] = Statement(m, self._specimen_start(m.start), end.end(), quantity=q)

    def qualitative(self, i: int) -> None:
        """A chain "A, B and C were normal" starting at mention i."""
        chain, pos = self.chain(i)
        tail = _TAIL.match(self.t, pos)
        if tail is None or tail.group("bare") and not self._clause_end(tail.end()):
            return
        word = tail.group("q") or tail.group("bare")
        for j in chain:
            m = self.mentions[j]
            self.out[j] = Statement(m, self._specimen_start(m.start), tail.end(),
                                    qualitative=word)

    def _clause_end(self, pos: int) -> bool:
        """Does a clause end at *pos* ("TSH normal." or a line break after "LFTs NAD")?"""
        return pos in self.breaks or _BARE_END.match(self.t, pos) is not None

    def premodified(self, i: int) -> None:
        """"normal serum calcium, phosphate and PTH levels", "elevated ALP"."""
        m = self.mentions[i]
        pre = _PREMOD.search(self.t, max(0, m.start - 25), m.start)
        if pre is None or _NEGATED.search(self.t, max(0, pre.start() - 30), pre.start()):
            return
        if _NOT_A_RESULT.match(self.t, m.end):
            return
        chain, end = self.chain(i)
        pos = end
        tail = _PREMOD_END.match(self.t, pos)
        if tail:
            end = tail.end()
        for j in chain:
            self.out[j] = Statement(self.mentions[j], pre.start() if j == i else
                                    self.mentions[j].start, end, qualitative=pre.group("q"))


# --- lab tables ------------------------------------------------------------

#: What a table's name cell may hold besides the name ("Serum calcium (total)").
_NAME_LEFTOVER = re.compile(r"[\s,.:;()\-]*(?:(?:(?:serum|plasma|blood|venous|fasting|total|level"
                            r"|levels|concentration|S|P)\b|\([^()]{1,30}\))[\s,.:;()\-]*)*",
                            re.IGNORECASE)  # "Cortisol (8 am)", "LH (after GnRH)"
_QUAL_CELL = re.compile(rf"(?:{_QUAL})\.?", re.IGNORECASE)


@dataclass(slots=True)
class _Cells:
    """What the cells of one table row after the name hold."""

    end: int
    value: Quantity | None = None
    word: str | None = None  # a qualitative result ("normal", "negative")
    unit: tuple[str, str | None] | None = None
    range: RefRange | None = None
    flag: tuple[str, str] | None = None


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

    def read(self, rows: Sequence[TableRow]) -> None:
        roles: list[str | None] | None = None
        last: TableRow | None = None
        for row in rows:
            if last is None or row.kind != last.kind or row.line != last.line + 1:
                roles = None
            header = column_roles([self.b.t[a:e] for a, e in row.cells])
            if header is not None:
                roles = header
            else:
                self.row(row, roles)
            last = row

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
        if q.unit is None and cells.unit is not None:
            q = replace(q, unit=cells.unit[0], ucum=cells.unit[1])
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
        return inside[0] if _NAME_LEFTOVER.fullmatch(rest) else None

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

    def take(self, out: _Cells, role: str | None, a: int, e: int) -> bool:
        """Read cell ``t[a:e]`` as its role says (any role if None) into *out*."""
        t = self.b.t
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


# --- values that no name took ----------------------------------------------

#: Words that end a name read backwards from a value ("with a simultaneous
#: blood glucose of 5.0 mmol/L" -> "simultaneous blood glucose").
_NAME_STOP = frozenset(
    "a an the and or but nor with without including included include her his their its this that"
    " these those than above below over under exceeding between from up while whereas was were"
    " is are be been being had has have showed shows revealed which who when where if as after"
    " before during then also only normal reference range ranges limit limits not no".split())
#: Words between a name and its value ("X was 5", "X of 5", "X: 5").
_NAME_LINK = frozenset(
    "was were is are of at to be been measured found noted remained reached measuring"
    " level levels concentration concentrations value values : =".split())
_NAME_MAX_WORDS = 6
#: "2,31 mmol/L" in a text that also writes decimal points (left unread by design).
_COMMA_VALUE = re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d,])")
_COMMA_WHY = "decimal comma in a text that also writes decimal points"


class _Unread:
    """Lab-like values that no name took: a value in a concentration unit, or
    with a printed range, and the few words before it that name it."""

    def __init__(self, b: _Binder, statements: list[Statement], breaks: Sequence[int]) -> None:
        self.b, self.breaks = b, sorted(breaks)
        self.spans = sorted((st.start, st.end) for st in statements) + \
            sorted((s, e) for s, e, _ in b.unread)
        self.ends = sorted(e for _, e in self.spans)
        self.until = -1  # end of the last unread value found

    def find(self) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        for q in self.b.qs:
            span = self.quantity(q)
            if span is not None:
                out.append((*span, ""))
                self.until = span[1]
        for m in _COMMA_VALUE.finditer(self.b.t):
            span = self.comma_value(m)
            if span is not None:
                out.append((*span, _COMMA_WHY))
        return out

    def covered(self, pos: int) -> bool:
        return pos < self.until or any(s <= pos < e for s, e in self.spans)

    def quantity(self, q: Quantity) -> tuple[int, int] | None:
        t = self.b.t
        if self.covered(q.number.start) or not self.b._free(q) or is_dose_unit(q.unit):
            return None
        rng = read_range(t, q.end)
        if not (is_lab_unit(q.unit, q.ucum) or q.unit is None and rng is not None):
            return None
        start = self.name_start(q.start)
        if start is None:
            return None
        end = rng.end if rng is not None else q.end
        flag = read_flag(t, q.end) or read_flag(t, end)
        return start, max(end, flag[2]) if flag else end

    def comma_value(self, m: re.Match[str]) -> tuple[int, int] | None:
        unit = read_unit(self.b.t, m.end())
        if unit is None or self.covered(m.start()):
            return None
        start = self.name_start(m.start())
        return None if start is None else (start, unit[3])

    def floor(self, pos: int) -> int:
        """Where a name before *pos* may start at the earliest: after a line
        break, a bound statement or the last unread value."""
        i = bisect_left(self.breaks, pos) - 1
        j = bisect_left(self.ends, pos + 1) - 1
        return max(self.breaks[i] if i >= 0 else 0, self.ends[j] if j >= 0 else 0,
                   self.until, pos - 80, 0)

    def name_start(self, pos: int) -> int | None:
        """Start of the words naming the value at *pos*, or None if there are none."""
        lo = self.floor(pos)
        words = [(m.start() + lo, m.group()) for m in re.finditer(r"\S+", self.b.t[lo:pos])]
        while words and (words[-1][1].lower() in _NAME_LINK):
            words.pop()
        if words and words[-1][1].endswith((":", "=")):
            words[-1] = (words[-1][0], words[-1][1][:-1])
        start = None
        for k, (at, word) in enumerate(reversed(words)):
            if k == _NAME_MAX_WORDS or word.lower() in _NAME_STOP or \
                    word.endswith((",", ";", ".", ")", "]")) and k > 0:
                break
            start = at
            if word.startswith(("(", "[")) and not word.endswith((")", "]")):
                start = at + 1  # "(TSH at diagnosis 12.4 mIU/L)"
                break
        if start is None or not any(c.isalpha() for c in self.b.t[start:pos]):
            return None
        return start


def _unitless_ok(m: Mention, q: Quantity, gap: str) -> bool:
    """May a value without a unit be this name's? Not a bare "(5)"; after a
    one- or two-letter name ("Na 139", "P 3") only if exactly one catalogue
    unit makes it plausible, as British reports write "Na 139, K 4.9"."""
    if q.comparator is None and "(" in _QUALIFIER.sub("", gap):
        return False
    if len(m.text) > 2:
        return True
    return isinstance(m.target, Analyte) and assumed_unit(m.target, q.value) is not None


def _unit_possible(code: str | None, target: object) -> bool:
    """Could a value in *code* be this analyte's (or a sibling's, or with 'U'
    read as '[IU]')? An unreadable unit is given the benefit of the doubt."""
    if code is None or not isinstance(target, Analyte):
        return True
    try:
        unit = parse_ucum(code)
    except UnitError:
        return True
    cat = load_catalogue()
    swapped = unit.swapped_enzyme_iu()
    for a in (target, *cat.siblings(target)):
        for u in (unit, swapped):
            if u is not None and convertible(u, parse_ucum(a.unit),
                                             molar_mass=a.molar_mass_g_per_mol):
                return True
    return False


def _fits(x: float, code: str, target: object) -> bool:
    """Is *x* in a unit shared by a list ("15.8 and 0.27 ng/mL") plausible for
    this analyte? Only then is the unit read as its unit too."""
    if not isinstance(target, Analyte):
        return False
    try:
        xc = convert(x, parse_ucum(code), parse_ucum(target.unit),
                     molar_mass=target.molar_mass_g_per_mol)
    except UnitError:
        return False
    return target.plausible[0] <= xc <= target.plausible[1]


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
    statements = [b.out[i] for i in sorted(b.out)]
    unread = _Unread(b, statements, breaks).find()
    return Reading(statements, sorted(b.unread + unread))


def _bind_prose(b: _Binder, mentions: list[Mention]) -> None:
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
        if q is not None:
            b.numeric(i, q, value_first=True)
            continue
        q = b.after(i, strong=False)
        if q is not None:
            b.numeric(i, q, value_first=False)
    for i in range(len(mentions)):
        if i not in b.out:
            b.qualitative(i)
    for i in range(len(mentions)):
        if i not in b.out:
            b.premodified(i)
