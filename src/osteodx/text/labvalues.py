"""Values, units and reference ranges as case reports print them.

These readers work on :class:`~osteodx.text.labnames.Normalised` text (one
space between words, line-break hyphens closed) and return offsets into it.

* :func:`read_unit` - a unit right after a number ("ng/mL", "µIU/mL", "x 10^9/L",
  "mL/min/1.73 m2"), as written and as UCUM. Only units with a ``/`` or ``%`` (or a
  ``10^n`` count) are taken: bare words such as "a", "h" or "as" parse as UCUM (year,
  hour, attosecond) but are prose.
* :func:`find_quantities` - every number with its comparator and unit.
* :func:`read_range` - a reference range after a value: "(normal range 30.1 to 100.0
  mg/mL)", "(30.1-100)", "(30.1~100)", "(ref. 30-100)", "(N: 30-100)", "(< 14)",
  "; reference range 0 to 14 U/mL".
* :func:`read_flag` - the laboratory's flag after a value: "(L)", "[H]", "(low for age)", "↑".
* Lab tables: :func:`find_table_rows` splits the lines of the original text that are rows
  ("Calcium | 1.62 mmol/L | 2.10-2.55", tab- or space-aligned columns), :func:`column_roles`
  reads a header row ("Test | Result | Units | Reference"), and :func:`read_value_cell`,
  :func:`read_unit_cell` and :func:`read_range_cell` read one cell each, all or nothing.

>>> read_unit(" µIU/mL (normal", 0)
('µIU/mL', 'u[IU]/mL', 1, 7)
>>> r = read_range(" (normal range 30.1 to 100.0 mg/mL).", 0)
>>> r.low, r.high, r.unit, r.ucum, r.end
(30.1, 100.0, 'mg/mL', 'mg/mL', 35)
>>> r = read_range(" (< 14)", 0); (r.low, r.high)
(None, 14.0)
>>> read_flag(" (low for age)", 0)
('low for age', 'low', 14)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from osteodx.labs.ucum import ucum_code
from osteodx.text.numbers import Number, find_numbers
from osteodx.text.wordunits import word_unit

__all__ = ["Quantity", "RefRange", "TableRow", "column_roles", "find_quantities",
           "find_table_rows", "is_dose_unit", "is_lab_unit", "read_flag", "read_flag_cell",
           "read_range", "read_range_cell", "read_unit", "read_unit_cell", "read_value_cell",
           "ValueCell", "ucum_code"]

_SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_COUNT_UNIT = re.compile(
    rf"(?:[x×*]\s?)?10\s?(?:\^|\*|E)?\s?(?:\d{{1,2}}|[{_SUPER}]+)\s?/\s?(?:[µμu]?L|l|mm3|mm³)"
    r"|/\s?(?:[µμu]L|mm3|mm³|HPF|hpf)\b")
#: King-Armstrong units as reports write them: "KA units", "KAU", "K.A. units",
#: "King-Armstrong units/100 mL" (read as UCUM [ka'U]/dL by :mod:`osteodx.labs.ucum`)
_KING_ARMSTRONG = re.compile(
    r"(?:K\.?\s?A\.?\s?(?:U\b|[Uu]nits?\b)|(?i:king[- ]armstrong)(?:\s?(?:[Uu]nits?\b|U\b))?)"
    r"(?:\s?(?:/|per)\s?(?:100\s?m[lL]|d[lL]|m[lL]|[lL])\b)?")
_PER = re.compile(r"\s?per\s?")
_EGFR_UNIT = re.compile(r"mL/min(?:/|\s?per\s?)1\.73\s?m(?:2|²|\^2)", re.IGNORECASE)
_TOKEN_UNIT = re.compile(r"[A-Za-zµμ%\[][A-Za-zµμ0-9%\[\]{}/.·^*²³]*")
_PLAIN_RATIO = re.compile(r"[A-Za-zµμ]+/[A-Za-zµμ0-9.]+")  # "mEq/L": a unit, not UCUM
#: What makes a number no lab value: a count ("3-fold", "5 years") or a dose ("50,000 IU
#: weekly", "500 mg daily"). Mass units are matched by case: "Mg" after a value is the next
#: analyte of a run-on list ("PTH 4.5 Mg 0.8"), magnesium, not milligrams.
_NOT_A_VALUE = re.compile(
    r"\s?-?\s?(?:(?:fold|times|years?|yrs?|months?|weeks?|days?|hours?|hourly|patients?|cases?)\b"
    r"|(?:IU|units?|(?-i:mg|mcg|µg|ug|MG|MCG))(?![/\w%]))"
    # British shorthand for a time: "Rpt HbA1c 3/12" (in 3 months), "2/52" (weeks), "5/7" (days)
    r"|/(?:12|52|7)\b(?![./]\d)"
    r"|\+(?![\d.])",  # a dipstick grade: "Glucose 2+ on dipstick"
    re.IGNORECASE)
#: Units that case reports print without a "/" ("88 fL", "13.8 s"), as UCUM.
_BARE_UNITS = {"fL": "fL", "fl": "fL", "s": "s", "sec": "s", "secs": "s", "seconds": "s"}
_BARE_END = re.compile(r"(?=[\s,;.)\]]|$)")
_HOURS = re.compile(r"\s?(?:h|hr|hrs|hours?)\b")
#: "umol per mmol creatinine": a molar or mass ratio written out.
_PER_UNIT = re.compile(r"(?P<num>[mµu]?(?:mol|g))\s?per\s?(?P<den>[mµu]?(?:mol|g))"
                       r"(?:\s(?:of\s)?(?:creatinine|creat|Cr|Cre)\b)")
#: A UCUM ratio whose denominator is an amount or mass (of creatinine, in a urine ratio).
_RATIO_DENOMINATOR = re.compile(r"/[munpu]?(?:mol|g)$")
_CREATININE = re.compile(r"\s?(?:of\s)?(?:creatinine|creat|Cre|Cr)\b", re.IGNORECASE)
_VALUE_CMP = re.compile(r"(<=|>=|≤|≥|<|>)\s?$")
#: a comparator in words before a value with a unit: "less than 5 ng/L", "above 1000 U/L"
_VALUE_CMP_WORDS = re.compile(r"\b(less than|below|under|more than|greater than|above|over)\s$",
                              re.IGNORECASE)
_CMP_SIGN = {**dict.fromkeys(["less than", "below", "under"], "<"),
             **dict.fromkeys(["more than", "greater than", "above", "over"], ">")}
#: "2,31" in a text that also writes decimal points: neither 2 nor 31 is the value.
_COMMA_TAIL = re.compile(r",\d")
#: A clock time: "repeat K 10:00" is a job for ten o'clock, not a potassium of 10.
_CLOCK_AFTER = re.compile(r":[0-5]\d(?!\d)")
_CLOCK_BEFORE = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-4]):$")
#: An age or time, not a result: "low calcium found at 16", "aged 3" (whole numbers with
#: no unit only: "calcium at 2.1 mmol/L" stays a value).
_AGE_BEFORE = re.compile(r"\b(?:at(?: the)?(?: age(?: of)?)?|aged?|age of|since)\s$",
                         re.IGNORECASE)
#: A threshold of a plan, a rule or a test's criterion, not the patient's result: "stop KCl
#: if K >4.0", "aim for a calcium above 2.0", "normal response: peak cortisol >430 nmol/L".
_THRESHOLD_CUE = re.compile(
    r"\b(?:if|unless|until|when|once|target(?:ing)?|aim(?:ing)?(?: for)?|goal|keep|maintain|"
    r"threshold|cut-?off|normal response|adequate response|should be|to be|titrate)\b"
    r"[^.;:\n()]*$|\bnormal response\s?:[^.;\n()]*$", re.IGNORECASE)


def read_unit(t: str, at: int) -> tuple[str, str | None, int, int] | None:
    """The unit starting at ``t[at:]`` after at most one space: (as written,
    UCUM code or None, start, end), or None if no unit is there."""
    start = at + 1 if t.startswith(" ", at) else at
    for rx in (_EGFR_UNIT, _COUNT_UNIT):
        m = rx.match(t, start)
        if m:
            label = m.group()
            return label, ucum_code(label), start, m.end()
    ka = _KING_ARMSTRONG.match(t, start)
    if ka:  # "KA units", "K.A. units/100 mL": alkaline phosphatase's old assay unit
        return ka.group(), ucum_code(_PER.sub("/", ka.group())), start, ka.end()
    worded = word_unit(t, start)
    if worded is not None:
        return worded
    per = _PER_UNIT.match(t, start)
    if per:
        return per.group(), f"{per.group('num')}/{per.group('den')}".replace("µ", "u"), start, \
            per.end()
    m = _TOKEN_UNIT.match(t, start)
    if not m:
        return None
    label = m.group().rstrip(".,·")
    if label.endswith("/24") and (hours := _HOURS.match(t, start + len(label))):
        label = t[start:hours.end()]  # "nmol/24 h"
    bare = _BARE_UNITS.get(label)
    if bare is not None and _BARE_END.match(t, start + len(label)):
        return label, bare, start, start + len(label)
    if not label or ("/" not in label and "%" not in label):
        return None
    code = ucum_code(label)
    if code is None and not _PLAIN_RATIO.fullmatch(label):
        return None
    return _d_dimer_units(t, *_per_creatinine(t, label, code, start))


#: The scale a D-dimer is given in, written after its unit ("0.8 ug/mL FEU").
_D_DIMER_SCALE = re.compile(r"\s?(?P<w>FEU|DDU)\b")


def _d_dimer_units(t: str, label: str, code: str | None, start: int,
                   end: int) -> tuple[str, str | None, int, int]:
    """A unit with the D-dimer scale after it: the word belongs to the unit (else it
    would stand between the value and its range). Fibrinogen equivalent units are
    the catalogue's scale ({FEU}); D-dimer units (DDU) are about half the number and
    no UCUM unit converts them, so the unit is left unread (code None)."""
    m = _D_DIMER_SCALE.match(t, end)
    if m is None or code is None:
        return label, code, start, end
    scaled = f"{code}{{FEU}}" if m.group("w") == "FEU" else None
    return t[start:m.end()], scaled, start, m.end()


def _per_creatinine(t: str, label: str, code: str | None,
                    start: int) -> tuple[str, str | None, int, int]:
    """A ratio unit with the creatinine it is per ("98 umol/mmol creatinine",
    "mg/g Cr"): the word belongs to the unit, not to the next analyte."""
    end = start + len(label)
    if code is not None and _RATIO_DENOMINATOR.search(code):
        cr = _CREATININE.match(t, end)
        if cr:
            return t[start:cr.end()], code, start, cr.end()
    return label, code, start, end


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
        if n.start < unit_end or _COMMA_TAIL.match(t, n.end) or _not_a_result(t, n):
            continue
        if _NOT_A_VALUE.match(t, n.end) and word_unit(t, n.end + 1) is None \
                and word_unit(t, n.end) is None:
            continue
        unit = read_unit(t, n.end)
        if n.in_words and unit is None:
            continue  # "one of ...": words are a value only with a unit
        cmp = _VALUE_CMP.search(t, max(0, n.start - 3), n.start)
        if cmp is None and unit is not None:  # "ACTH less than 5 nanograms per litre"
            cmp = _VALUE_CMP_WORDS.search(t, max(0, n.start - 14), n.start)
        start = cmp.start() if cmp else n.start
        sign = _CMP_SIGN.get(cmp.group(1).lower(), cmp.group(1)) if cmp else None
        if unit is None:
            out.append(Quantity(n, start, n.end, sign, None, None))
        else:
            label, code, ustart, uend = unit
            out.append(Quantity(n, start, uend, sign, label, code, ustart))
            unit_end = uend
    return out


def _not_a_result(t: str, n: Number) -> bool:
    """A clock time, an age, or a threshold that a plan or a test criterion states."""
    before = t[max(0, n.start - 60):n.start]
    if _CLOCK_AFTER.match(t, n.end) and n.value <= 24 or _CLOCK_BEFORE.search(before):
        return True
    whole = n.value == int(n.value) and "." not in n.text and "," not in n.text
    if whole and _AGE_BEFORE.search(before) and read_unit(t, n.end) is None:
        return True
    clause = before.rstrip("<>=≤≥ ")
    compared = _VALUE_CMP.search(t, max(0, n.start - 3), n.start) \
        or _VALUE_CMP_WORDS.search(t, max(0, n.start - 14), n.start)
    return bool(compared) and bool(_THRESHOLD_CUE.search(clause))


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
#: What introduces a range: "normal range", "ref.", "RR", "reference interval", "normal for
#: age", "age reference", "norma" (as writers whose language says "norma" put it), and a
#: threshold named for what it means: "(sufficient > 50)", "(expect > 450)".
_INTRO = (r"(?:(?:normal|norma|reference|ref\.?|laboratory|lab|age[- ]specific|age(?=\srange)"
          r"|age[- ](?:related\s)?(?:reference|ref\.?|normal))"
          r"(?:\s?(?:range|ranges|intervals?|values?|limits?|level|response))?"
          r"(?:\s(?:for|by)\s(?:age|sex|gender)(?:\s(?:and|&)\s(?:age|sex|gender))?)?"
          r"|(?-i:N|NR|RR|RI|NV)|range|sufficient|sufficiency|desirable|optimal|expected|expect"
          r"|should\sbe)")
#: Range comparators -> the bound they give ("< 14" is an upper limit).
_CMP = {**dict.fromkeys(["<", "≤", "<=", "up to", "less than", "below", "under"], "high"),
        **dict.fromkeys([">", "≥", ">=", "above", "greater than", "more than", "over"], "low")}
_RANGE = re.compile(
    rf"(?P<lead>\s?(?:[,;]\s?)?)(?:\((?:H|L|high|low|↑|↓)\)\s?)?"
    rf"(?P<open>[(\[]\s?)?(?:(?<=[(\[\s])(?:during|in|on|after|at|with|when)\s[^()\[\],;]{{1,40}},"
    rf"\s?(?={_INTRO}))?(?P<intro>{_INTRO}\s?[:=,]?\s?)?"  # "(during hypoglycaemia, expect > 450)"
    rf"(?:(?P<low>{_NUM})(?P<lowunit>\s?[^\s\d~\-–—−)]*?)?\s?(?:-|–|—|−|~|∼|to)\s?(?P<high>{_NUM})"
    rf"|(?P<cmp><=|>=|≤|≥|<|>|up to|less than|below|under|above|greater than|more than|over)"
    rf"\s?(?P<bound>{_NUM}))",
    re.IGNORECASE)
_CLOSE = re.compile(r"\s?[)\]]")
_CLOSE_LATE = re.compile(r"[^()\[\]]{0,40}?[)\]]")  # "(30-100 ng/mL in adults)"


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def read_range(t: str, at: int, *, bare: bool = False) -> RefRange | None:
    """A reference range starting at ``t[at:]`` (leading space/comma allowed).

    Without a bracket the range must be introduced ("normal range", "ref.",
    "N:"), so that a following, unrelated number is never read as a range;
    a table cell that is nothing but a range is read with *bare*.
    """
    m = _RANGE.match(t, at)
    if not m or not (bare or m.group("open") or m.group("intro")):
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
    start = m.start("open") if m.group("open") else m.start("intro") if m.group("intro") \
        else m.start("low") if m.group("low") else m.start("cmp")
    return RefRange(low, high, label, code, start, end, numbers)


#: A flag printed after a value; letters only in capitals, words in any case.
_FLAG_WORD = (r"(?-i:HH|LL|H|L|N)|high|low|normal|elevated|raised|increased|decreased|reduced"
              r"|abnormal|↑|↓")
_FLAG = re.compile(rf"\s?(?:[(\[]\s?(?P<w>(?:{_FLAG_WORD})(?:\sfor\s(?:age(?:\sand\ssex)?|(?:an?"
                   rf"|his|her|the)\s[a-z]+(?:\s[a-z]+){{0,2}}))?)\s?[)\]]|(?P<arrow>[↑↓]))", re.I)
_BARE_FLAG = re.compile(rf"\s?(?P<w>{_FLAG_WORD}|\*)\s?$", re.IGNORECASE)
_FLAG_OUTCOME = {
    **dict.fromkeys(["h", "hh", "high", "elevated", "raised", "increased", "↑"], "high"),
    **dict.fromkeys(["l", "ll", "low", "decreased", "reduced", "↓"], "low"),
    "n": "normal", "normal": "normal"}


def read_flag(t: str, at: int) -> tuple[str, str, int] | None:
    """A laboratory's flag right after a value or range: (as written, "high",
    "low", "normal" or "abnormal", end offset). Bare letters ("1.62 L") are
    flags only inside a table cell (:func:`read_value_cell`)."""
    m = _FLAG.match(t, at)
    if m is None:
        return None
    word = m.group("w") or m.group("arrow")
    return word, _flag_outcome(word), m.end()


def _flag_outcome(word: str) -> str:
    return _FLAG_OUTCOME.get(word.split()[0].lower(), "abnormal")


#: Units of a concentration, activity or count per volume, or a molar ratio:
#: what a lab result is written in (not "kg/m2", "mg/kg", "cm/year").
_LAB_UNIT = re.compile(r"(?:[munpfkµ]?(?:g|mol|eq|Eq|U|\[IU\]|IU|kat)|\[ka'U\]|10\*\d+)?"
                       r"/[mudcµ]?[Ll]"
                       r"|[munpµ]?mol/[munpµ]?mol")
#: Doses and rates ("1000 IU/day", "2 mg/kg"): never a serum concentration.
_DOSE_UNIT = re.compile(r"/\s?(?:kg|d|day|days|wk|week|weeks|month|months)\b", re.IGNORECASE)


def is_lab_unit(unit: str | None, code: str | None) -> bool:
    """Is this a unit a lab result is written in (UCUM *code*, else the label)?"""
    text = code or unit
    return bool(text and _LAB_UNIT.fullmatch(text))


def is_dose_unit(unit: str | None) -> bool:
    """Is *unit* a dose or a rate per day ("IU/day", "mg/kg")?"""
    return bool(unit and _DOSE_UNIT.search(unit))


# --- lab tables ------------------------------------------------------------

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
            if len(cells) >= 2:
                rows.append(TableRow(kind, cells, number))
        pos += len(line)
    return rows


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
            r"|variables?|measurements?|biochemistry",
    "value": r"results?|values?|patient|levels?|measured|findings?"
             r"|(?:at|on) (?:diagnosis|admission)",
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
