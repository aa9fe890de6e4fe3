"""The binder behind :mod:`osteodx.text.labstatements`: the patterns that link a lab name
to its value, range, flag or qualitative word, the statements it makes, and the rules
(name first, value first, respectively-lists, qualitative words) described there."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from osteodx.labs.catalogue import Analyte, load_catalogue
from osteodx.labs.ranges import assumed_unit
from osteodx.labs.ucum import UnitError, parse_ucum
from osteodx.labs.units import convert, convertible
from osteodx.text.labnames import Mention
from osteodx.text.labunits import is_dose_unit
from osteodx.text.labvalues import Quantity, RefRange, read_flag, read_prose_flag, read_range

__all__ = ["QUALITATIVE", "Reading", "Statement", "qualitative_outcome"]


_FILLER = (r"serum|plasma|blood|urine|urinary|total|level|levels|concentration|concentrations"
           r"|value|values|activity|titer|titre|result|results")
_STRONG = (r"was|were|is|are|of|at|measured|found|noted|showed|revealed|had|remained|reached"
           r"|measuring|with")
_LINK = re.compile(
    rf"\s?(?:,\s?)?(?:(?:{_FILLER}|{_STRONG}|tests?|to|be|been|elevated|increased|raised|decreased"
    r"|reduced|low|high|normal|borderline|slightly|mildly|moderately|markedly|significantly|very|extremely|grossly"
    r"|long|prolonged"  # "the clotting one (APTT) a bit long, 41"
    r"|severely|initially|also|only|approximately|about|around|nearly|almost|still|then"
    # a parent's or a letter's words: "His platelets are a bit low at 118", "a little high"
    r"|a bit|a little|quite|rather|somewhat|fairly|really"
    # "far too high at 812", "way too low", "sky high, 24,000", "his lipase sky-high at 2,400"
    r"|far|way|sky[- ]high|sky"
    # "Ammonia peak 118 umol/L", "Glucose (POC) 96 mg/dL"
    r"|peak|peaked|nadir|maximum|max|minimum|min|lowest|highest|at most|today|yesterday"
    r"|currently|too|as well|last (?:week|month|time|year)|this (?:week|month|morning)"
    # the word, then the number: "her albumin was very low, 14", "CK was a bit high, 410"
    r"|(?:(?<=low)|(?<=high)|(?<=raised)|(?<=elevated)|(?<=increased)|(?<=decreased)"
    r"|(?<=reduced)|(?<=too)|(?<=well)),"
    # "Phosphorus on the same dates was 4.8, 5.1 and 4.6 mg/dL"
    r"|(?:on|at)\s(?:the\s)?(?:same|those|these)\s(?:dates?|days?|times?|visits?|occasions?)"
    # the date of the sample: "Ammonia 14/10/2027 212 umol/L", "urine calcium (15/09/27) 7.9"
    r"|(?:on\s)?\(?(?:\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\)?"
    r"|\((?-i:POC|BM|CBG|VBG|ABG|fasting|random|venous|arterial|capillary)\)"
    r"|\((?-i:[A-Za-z][a-z \-]{1,24})\)|\(|:|=|(?<=\s)[-–—](?=\s)"
    # the name was the bracket: "my iron (ferritin) is 6"
    r"|^\)"
    # the method in capitals: "eGFR (CKD-EPI) 42"
    r"|\((?-i:[A-Z][A-Z0-9\-]{1,11})\)"
    # an apposition that explains the name: "Your CK, a muscle enzyme, was 388 U/L"
    r"|(?<=,\s)(?:an?|the)\s(?-i:[a-z][a-z \-]{1,30}),)"
    r"(?:\b|(?<=[(:=)\-–—,]))\s?)*",
    re.IGNORECASE)
#: (a spaced dash is a list's separator: "CRP - 2 mg/l", "TSH – 1,85 mIU/l")
_STRONG_WORD = re.compile(rf"\b(?:{_STRONG})\b|[:=(]|(?<=\s)[-–—](?=\s)", re.IGNORECASE)
_BEFORE = re.compile(r"\s?(?:(?:of|serum|plasma|blood|total)\s)*", re.IGNORECASE)
_SPECIMEN = re.compile(r"(?:serum|plasma|blood|urine|urinary|total)\s$", re.IGNORECASE)
_CLOSE = re.compile(r"\s?\)")
#: A bracketed qualifier between a name and its value ("Glucose (fasting) 7.8 mmol/L").
_QUALIFIER = re.compile(r"\((?-i:[a-z][a-z \-]{1,24})\)")

_QUAL = (r"high[- ]normal|low[- ]normal|upper[- ]normal|within (?:the )?(?:normal|reference)"
         r" (?:range|ranges|limits?|interval)|in the normal range|normal|unremarkable|WNL"
         r"|negative|elevated|increased|high|raised|low|decreased|reduced|abnormal|deranged"
         r"|impaired|positive|undetectable|undetected|suppressed")
_ADVERB = r"(?:all|also|both|still|always|entirely|completely|again|slightly|mildly|moderately" \
          r"|markedly" \
          r"|a bit|a little|a touch|a tad|quite|rather|somewhat|fairly|really|far too|way too" \
          r"|too" \
          r"|strongly|weakly" \
          r"|significantly|persistently|very|extremely|profoundly|severely|clearly|found to be" \
          r"|noted to be) "
#: Words that are a result by themselves after a name, with no verb ("magnesium,
#: creatinine and TSH normal", "LFTs NAD" - no abnormality detected).
_BARE_QUAL = (r"normal|unremarkable|WNL|(?-i:NAD)|negative|within normal limits|elevated|raised"
              r"|increased|high|low|decreased|reduced|undetectable|undetected|suppressed")
_TAIL = re.compile(
    rf"\s?(?:(?:{_FILLER}|tests?)\s)*(?:(?:(?:was|were|remained|had been|came back|returned|proved"
    rf"|appeared|(?P<now>is|are|remains|remain|stays|runs|tends\sto\s(?:be|run)))\s|:\s?)"
    rf"(?:{_ADVERB})*(?P<q>{_QUAL})\b"
    rf"|(?:{_ADVERB})*(?P<bare>{_BARE_QUAL})\b)", re.IGNORECASE)  # "ALP mildly raised"
#: A sentence that speaks of a disease or a rule, not of this patient's result: "In XLH the
#: phosphate is low", "ALP is usually elevated", "if the ACTH is low".
_GENERAL = re.compile(r"\b(?:usually|typically|often|generally|characteristically|classically"
                      r"|commonly|frequently|may|might|can|could|would|should|tends? to|expected"
                      r"|if|when|whether|unless|in (?:patients|people|individuals|children"
                      r"|adults|most|many|some|such|those|these|this (?:condition|disease"
                      r"|disorder|syndrome)))\b"
                      r"|^\s*in\s(?!(?:our|this|the) (?:patient|child|boy|girl|proband|case)\b)"
                      r"[^,]{1,60},", re.IGNORECASE)
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

#: A word between a name and its value that judges it ("was low at", "raised to").
_SAID = re.compile(r"(?<!\bnot )\b(?:elevated|increased|high|raised|low|decreased|reduced)\b"
                   r"(?![- ]normal)"
                   r"|(?<!\bnot )\bnormal(?=\s?\()",  # "his CK was normal (110)"
                   re.IGNORECASE)

#: the report's word before the name: "a raised CSF protein (1.14 g/L)"
_SAID_BEFORE = re.compile(r"(?<!\bnot )(?<!\bno )\b(?P<w>elevated|increased|high|raised|low"
                          r"|decreased|reduced)\s"
                          r"(?:(?:serum|plasma|blood|csf|urine|urinary|total|venous|fasting)\s)?$",
                          re.IGNORECASE)
#: ... or after the value: "lymphocytes were 0.9, which is low"
#: (and "which she said is high", "which my endocrinologist says is still too high")
_SAID_AFTER = re.compile(r"(?:\s(?:in|on|last|this)\s[A-Za-z]+)?"  # "86 in October, which ..."
                         r",?\s(?:which|that) (?:(?:she|he|they|we|i|(?:the|my|her|his|our) \w+)"
                         r" (?:said|says|told (?:us|me|him|her)) )?(?:is|was|were|are) (?:still )?"
                         r"(?:(?:very|quite|rather|slightly|a bit|a little|too|really|far too)"
                         r" )?(?P<w>elevated|increased|high|raised|low"
                         r"|decreased|reduced)\b", re.IGNORECASE)

#: Qualitative word -> outcome ("positive" is settled per analyte by the caller).
QUALITATIVE = {**dict.fromkeys(["normal", "unremarkable", "wnl", "negative", "nad"], "normal"),
               **dict.fromkeys(["elevated", "increased", "high", "raised"], "high"),
               **dict.fromkeys(["low", "decreased", "reduced", "suppressed"], "low"),
               **dict.fromkeys(["abnormal", "deranged", "impaired"], "abnormal"),
               "positive": "positive", "undetectable": "undetectable",
               "undetected": "undetectable"}


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
    said: bool = False  # the flag is the report's word before the value ("was low at")
    time: str | None = None  # the column heading of a table of results over time


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
        self.more: list[Statement] = []  # a serial table's later results of a named row
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
        if is_dose_unit(q.unit) and not _per_day(m, q):
            return None  # "vit D 1000 IU/day" is a dose
        if q.unit is None and not _unitless_ok(m, q, gap, _ranged(self.t, q)):
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
        flag = read_flag(t, q.end) or read_prose_flag(t, q.end, self.breaks)  # "1.62 [L] (2.1-2.5)"
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
        flag = flag or read_flag(t, st.end) or read_prose_flag(t, st.end, self.breaks)
        if flag is not None:
            st.flag = (flag[0], flag[1])
            st.end = max(st.end, flag[2])
        elif not value_first:  # "leptin was low at 0.4 ng/mL": the report's own word
            said = _SAID.search(t, m.end, q.start) or _SAID_BEFORE.search(
                t, max(0, m.start - 30), m.start) or _SAID_AFTER.match(t, st.end)
            if said is not None:
                word = said.group("w") if "w" in said.groupdict() else said.group(0)
                st.flag, st.said = (word, QUALITATIVE[word.lower()]), True
                if said.end() > st.end and said.start() >= st.end:
                    st.end = said.end()
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
        if tail.group("now"):  # "the ACTH is suppressed": this patient's, unless said in general
            start = max(self.t.rfind(c, 0, self.mentions[chain[0]].start) for c in ".;\n") + 1
            if _GENERAL.search(self.t[start:tail.end()]):
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


def _ranged(t: str, q: Quantity) -> bool:
    """Is the value followed by its printed reference range ("Mg 0.79 (0.70-1.00)", "CK 612
    (ref <190)"), within a factor of ten of it?"""
    rng = read_range(t, q.end)
    if rng is None:
        return False
    if rng.low is not None and rng.high is not None:
        return rng.low <= q.value * 10 and q.value <= rng.high * 10
    bound = rng.low if rng.low is not None else rng.high  # "CK 612 (ref <190)"
    return bound is not None and bound / 10 <= q.value <= bound * 10


def _per_day(m: Mention, q: Quantity) -> bool:
    """"urine calcium 7.9 mmol/day": a 24-hour collection's analyte, whose unit is per day
    (UCUM per 24 h), not a dose."""
    unit = getattr(m.target, "unit", None) or ""
    return "(24.h)" in unit and q.ucum is not None and q.ucum.endswith("/(24.h)")


_STATUS_BRACKET = re.compile(r"\b(?:normal|high|low|raised|elevated|reduced|borderline)\s?\($",
                             re.IGNORECASE)


def _unitless_ok(m: Mention, q: Quantity, gap: str, ranged: bool = False) -> bool:
    """May a value without a unit be this name's? Not a bare "(5)"; after a
    one- or two-letter name ("Na 139", "P 3") only if exactly one catalogue
    unit makes it plausible, as British reports write "Na 139, K 4.9", or if
    the value's own reference range follows ("Mg 0.79 (0.70-1.00)", "CK 486
    (25-200)": the range, in the value's unit, is what it is judged against)."""
    if q.comparator is None and "(" in _QUALIFIER.sub("", gap) and not _STATUS_BRACKET.search(gap):
        return False  # (but "CK normal (110)": the status, then its value)
    if len(m.text) > 2 or ranged:
        return True
    normal = re.search(r"\bnormal\b", gap, re.IGNORECASE) is not None  # "CK normal (110)"
    return isinstance(m.target, Analyte) and \
        assumed_unit(m.target, q.value, said_normal=normal) is not None


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
    return target.within_plausible(xc)
