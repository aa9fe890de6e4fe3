"""Values and reference ranges as case reports print them.

These readers work on :class:`~osteodx.text.labtext.Normalised` text (one
space between words, line-break hyphens closed) and return offsets into it.

* :func:`find_quantities` - every number with its comparator and unit.
* :func:`read_range` - a reference range after a value: "(normal range 30.1 to 100.0
  mg/mL)", "(30.1-100)", "(30.1~100)", "(ref. 30-100)", "(N: 30-100)", "(< 14)",
  "; reference range 0 to 14 U/mL".
* :func:`read_flag` - the laboratory's flag after a value: "(L)", "[H]", "(low for age)", "↑".

Two neighbours hold the rest: :mod:`osteodx.text.labunits` reads a unit after a number
(:func:`~osteodx.text.labunits.read_unit`, used here), and :mod:`osteodx.text.labcells`
reads lab tables (``find_table_rows``, ``column_roles``, ``read_value_cell`` and the other
cell readers), built on this module's readers.

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
from collections.abc import Collection
from dataclasses import dataclass

from osteodx.labs.ucum import ucum_code
from osteodx.text.labunits import read_unit
from osteodx.text.numbers import Number, find_numbers
from osteodx.text.wordunits import word_unit

__all__ = ["Quantity", "RefRange", "find_quantities", "read_flag", "read_prose_flag",
           "read_range"]


#: What makes a number no lab value: a count ("3-fold", "5 years"), an age ("28 yo", "28 y/o",
#: "28-year-old", "7 mo"), how often ("3-monthly"), a clock time ("8 AM") or a dose
#: ("50,000 IU weekly", "500 mg daily", "2 mmol/kg/day"). Mass units are
#: matched by case: "Mg" after a value is the next analyte of a run-on list ("PTH 4.5 Mg
#: 0.8"), magnesium, not milligrams.
_NOT_A_VALUE = re.compile(
    r"\s?-?\s?(?:(?:fold|times|years?|yrs?|months?|weeks?|days?|hours?|hourly|patients?|cases?"
    r"|y[./]?o|mos?|mths?|y\d{1,2}m"  # "3y4m": an age
    # how often: "ferritin 3-monthly", "U&E 2-weekly"
    r"|daily|weekly|monthly|yearly|annually|nightly)\b"
    # a clock time: "cortisol 8 AM after dexamethasone: 19.8 mcg/dL"
    r"|(?:a\.m\.|p\.m\.|(?-i:am|AM|pm|PM))(?![\w/])"
    # a dose per kilogram: "potassium chloride 2 mmol/kg/day" (not an osmolality, "mOsm/kg")
    r"|(?!m?osm)[a-zµμ]{1,5}\s?/\s?kg\b"
    r"|(?:IU|units?|(?-i:mg|mcg|µg|ug|MG|MCG))(?![/\w%])"
    # a dose spelled out: "calcitriol 0.25 micrograms twice daily", "10 milligrams a day"
    r"|(?:micrograms?|milligrams?|grams?|tablets?|capsules?|drops?|puffs?)"
    r"(?=\s(?:once|twice|three times|four times|daily|a day|per day|each day|nightly|weekly"
    r"|bd|od|tds|qds|bid|tid|qid|at night|in the morning)\b))"
    # British shorthand for a time: "Rpt HbA1c 3/12" (in 3 months), "2/52" (weeks), "5/7" (days)
    r"|/(?:12|52|7)\b(?![./]\d)"
    r"|\+(?![\d.])",  # a dipstick grade: "Glucose 2+ on dipstick"
    re.IGNORECASE)
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
#: A result judged in words, then given: "ESR was very high at 84" (not an age).
_JUDGED_AT = re.compile(r"\b(?:elevated|increased|high|raised|low|decreased|reduced|peaked|"
                        r"peaking)\sat\s$", re.IGNORECASE)
#: A threshold of a plan, a rule or a test's criterion, not the patient's result: "stop KCl
#: if K >4.0", "aim for a calcium above 2.0", "normal response: peak cortisol >430 nmol/L".
_THRESHOLD_CUE = re.compile(
    r"\b(?:if|unless|until|when|once|target(?:ing)?|aim(?:ing)?(?: for)?|goal|keep|maintain|"
    r"threshold|cut-?off|normal response|adequate response|should be|to be|titrate)\b"
    r"[^.;:\n()]*$|\bnormal response\s?:[^.;\n()]*$", re.IGNORECASE)


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
    dates = [(m.start(), m.end()) for m in _DATE.finditer(t)]
    for n in find_numbers(t):
        if n.start < unit_end or _COMMA_TAIL.match(t, n.end) or _not_a_result(t, n):
            continue
        if any(a <= n.start < b for a, b in dates):
            continue  # "Ammonia 14/10/2027 212 umol/L", "1.79 (03/08)": a date, no value
        if _MINUS_BEFORE.search(t, max(0, n.start - 12), n.start) and not n.in_words:
            n = n._replace(value=-n.value, start=n.start - 1, text=t[n.start - 1:n.end])
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


#: a date: "14/10/2027", "15.09.27", "2027-10-14", and a day and month in brackets, "(03/08)"
_DATE = re.compile(r"(?<![\d/.,-])\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?![\d/.,-])"
                   r"|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)|(?<=\()\d{1,2}/\d{1,2}(?=\))")


#: A signed value after a name: "base excess -10 mmol/L", "BE: −7" (not a range's dash,
#: "4.7-6.0" or "4.7 - 6.0", nor a hyphenated name, "C-3")
_MINUS_BEFORE = re.compile(r"(?:[A-Za-z)]\s|[:=(]\s?)[-−]$")


def _not_a_result(t: str, n: Number) -> bool:
    """A clock time, an age, or a threshold that a plan or a test criterion states."""
    before = t[max(0, n.start - 60):n.start]
    if _CLOCK_AFTER.match(t, n.end) and n.value <= 24 or _CLOCK_BEFORE.search(before):
        return True
    whole = n.value == int(n.value) and "." not in n.text and "," not in n.text
    if whole and _AGE_BEFORE.search(before) and read_unit(t, n.end) is None \
            and not _JUDGED_AT.search(before):
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


_NUM = r"\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
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
    rf"(?P<open>[(\[]\s?(?:(?-i:H|L|HH|LL)[;,]\s?)?)?(?:(?<=[(\[\s])(?:during|in|on|after|at|with|when)\s[^()\[\],;]{{1,40}},"
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


#: A bare capital flag in prose ("Neut 0.38 L, CRP 56 H"): only where the result ends,
#: before a line end, a comma, a semicolon, a full stop, a column gap or a printed range.
_PROSE_FLAG = re.compile(r"[ \t](?P<w>HH|LL|H|L)\b")
_PROSE_FLAG_END = re.compile(r"[ \t]*(?:$|\n|[,;|]|\.(?:\s|$))|[ \t]{2}|\t"
                             r"|\s?\((?:\s?(?:ref|normal|range|[<>≤≥]|\d))"
                             r"|\s+\d+(?:\.\d+)?\s*[-–]\s*\d", re.IGNORECASE)


def read_prose_flag(t: str, at: int, breaks: Collection[int] = ()) -> tuple[str, str, int] | None:
    """A bare capital H or L right after a value or range in prose, where the result
    ends: (as written, "high" or "low", end offset). *breaks* are offsets of line
    breaks that *t* has turned into spaces. A litre is never a lab unit here.

    >>> read_prose_flag("Neut 0.38 L, CRP 56 H", 9)
    ('L', 'low', 11)
    >>> read_prose_flag("Neut 0.38 L Hb 92", 9, breaks={11})
    ('L', 'low', 11)
    >>> read_prose_flag("Hb 92 L of blood", 5) is None
    True
    """
    m = _PROSE_FLAG.match(t, at)
    if m is None:
        return None
    end = m.end()
    gap = len(t[end:]) - len(t[end:].lstrip(" \t"))
    if _PROSE_FLAG_END.match(t, end) is None and end not in breaks and end + gap not in breaks:
        return None
    return m.group("w"), _flag_outcome(m.group("w")), end


def _flag_outcome(word: str) -> str:
    return _FLAG_OUTCOME.get(word.split()[0].lower(), "abnormal")
