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
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from osteodx.labs.catalogue import Analyte
from osteodx.labs.ucum import UnitError, parse_ucum
from osteodx.labs.units import convert
from osteodx.text.labnames import Mention
from osteodx.text.labvalues import Quantity, RefRange, read_range

__all__ = ["QUALITATIVE", "Statement", "bind", "qualitative_outcome"]

_FILLER = (r"serum|plasma|blood|urine|urinary|total|level|levels|concentration|concentrations"
           r"|value|values|activity|titer|titre|result|results")
_STRONG = (r"was|were|is|are|of|at|measured|found|noted|showed|revealed|had|remained|reached"
           r"|measuring|with")
_LINK = re.compile(
    rf"\s?(?:,\s?)?(?:(?:{_FILLER}|{_STRONG}|to|be|been|elevated|increased|raised|decreased"
    r"|reduced|low|high|normal|borderline|slightly|mildly|moderately|markedly|significantly"
    r"|severely|initially|also|only|approximately|about|around|nearly|almost|still|\(|:|=)"
    r"(?:\b|(?<=[(:=]))\s?)*",
    re.IGNORECASE)
_STRONG_WORD = re.compile(rf"\b(?:{_STRONG})\b|[:=(]", re.IGNORECASE)
_BEFORE = re.compile(r"\s?(?:(?:of|serum|plasma|blood|total)\s)*", re.IGNORECASE)
_SPECIMEN = re.compile(r"(?:serum|plasma|blood|urine|urinary|total)\s$", re.IGNORECASE)
_CLOSE = re.compile(r"\s?\)")

_QUAL = (r"high[- ]normal|low[- ]normal|upper[- ]normal|within (?:the )?(?:normal|reference)"
         r" (?:range|ranges|limits?|interval)|in the normal range|normal|unremarkable|WNL"
         r"|negative|elevated|increased|high|raised|low|decreased|reduced|abnormal|deranged"
         r"|impaired|positive")
_ADVERB = r"(?:all|also|both|still|entirely|completely|again|slightly|mildly|moderately|markedly" \
          r"|significantly|persistently|found to be|noted to be) "
_TAIL = re.compile(
    rf"\s?(?:(?:{_FILLER}|tests?)\s)*(?:(?:was|were|remained|had been|came back|returned|proved"
    rf"|appeared)\s|:\s?)(?:{_ADVERB})*(?P<q>{_QUAL})\b", re.IGNORECASE)
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
QUALITATIVE = {**dict.fromkeys(["normal", "unremarkable", "wnl", "negative"], "normal"),
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


class _Binder:
    def __init__(self, t: str, mentions: list[Mention], quantities: list[Quantity]) -> None:
        self.t, self.mentions, self.qs = t, mentions, quantities
        self.q_starts = [q.start for q in quantities]
        self.claimed: set[int] = set()  # start offsets of used quantities / range numbers
        self.out: dict[int, Statement] = {}  # mention index -> statement

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
        q = self._next_q(m.end)
        if q is None or not self._free(q) or q.start > self._next_mention_start(i):
            return None
        gap = self.t[m.end:q.start]
        if not _LINK.fullmatch(gap) or strong != bool(_STRONG_WORD.search(gap)):
            return None
        if q.unit is None and (len(m.text) <= 2 or q.comparator is None and "(" in gap):
            return None  # "P 3" or "(5)" alone are not lab values
        if not strong and "," in gap and self._before_name(q):
            return None  # "calcium, 3.7 mg/dL phosphate"
        return q

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
        return q if _BEFORE.fullmatch(self.t, q.end, m.start) else None

    def numeric(self, i: int, q: Quantity, value_first: bool) -> None:
        m, t = self.mentions[i], self.t
        self.claimed.add(q.number.start)
        if value_first:  # "3.7 mg/dL phosphate (normal range ...)"
            start, end = q.start, m.end
            rng = read_range(t, m.end) or read_range(t, q.end)
        else:
            start, end = self._specimen_start(m.start), q.end
            rng = read_range(t, end)
            if "(" in t[m.end:q.start]:  # "ALP (250 U/L; normal 40-130)"
                inner = _CLOSE.match(t, rng.end) if rng is not None else None
                if inner is not None:
                    end = inner.end()
                elif (close := _CLOSE.match(t, q.end)) is not None:
                    end = close.end()
                    rng = read_range(t, end)
        st = Statement(m, start, end, quantity=q)
        if rng is not None:
            st.range = rng
            st.end = max(end, rng.end)
            self.claimed.update(s for s, _ in rng.numbers)
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
        if tail is None:
            return
        for j in chain:
            m = self.mentions[j]
            self.out[j] = Statement(m, self._specimen_start(m.start), tail.end(),
                                    qualitative=tail.group("q"))

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
    b = _Binder(t, mentions, quantities)
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
    return [b.out[i] for i in sorted(b.out)]
