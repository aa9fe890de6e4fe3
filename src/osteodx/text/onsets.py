"""When findings began: onset ages and durations stated in case-report text.

Split from :mod:`osteodx.text.demographics`, which reads the patient's age and sex with
the same machinery (:class:`_Text`, the units, the duration patterns) and re-exports
:func:`find_onset_statements` and :class:`OnsetStatement`.

Reports say when something began in many ways: an age ("since the age of 3", "since she
was about 10 years old", "diagnosed at age 7", "since she started walking at 12
months"), a period of life ("since early childhood", "since he was a baby") or a
duration ("for 2 years", "knee pain x 10 yrs", "4 days of calf swelling"), which gives an
onset only when the patient's age is known. Each statement keeps its span of the
original text; which finding it belongs to is the caller's decision.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from osteodx.text.labnames import Normalised
from osteodx.text.numbers import Number, find_numbers

__all__ = ["Evidence", "OnsetStatement", "find_onset_statements"]

_YEARS = {"y": 1.0, "m": 1 / 12, "w": 7 / 365.25, "d": 1 / 365.25}
_UNIT = r"(?P<u>years?|yrs?|y|months?|mos?|weeks?|wks?|days?)"
_N = r"(?<![\w#])(?P<n>#+|an?)"
#: approximations before a number or an age: "at about 12 months", "at around age 4"
_ABOUT = r"(?:(?:about|around|approximately|approx\.|roughly|nearly|almost|circa|~)\s?)?"
#: what "N days of ..." is about when it is not a complaint: "6 months of treatment",
#: "2 years of age", "the first 2 weeks of life", "38 weeks of gestation"
_NOT_A_COMPLAINT = (r"(?:age|life|gestation\w*|pregnan\w*|treatment|therapy|follow\w*"
                    r"|supplement\w*|antibiotics?|steroids?|medication|school\w*|study|trial"
                    r"|observation|monitoring|remission)")
#: words before "N days of" that make it a time point or a treatment period, not a complaint
_OF_AFTER = "".join(rf"(?<!\b{w}\s)" for w in
                    "after within following during first last in at by for over the than next"
                    " every per".split())
_DURATION = [
    re.compile(rf"\bfor\s(?:the\s)?(?:(?:past|last|previous|preceding|about|approximately"
               rf"|almost|over|nearly|around|more than|less than)\s)*{_N}\s?{_UNIT}\b",
               re.IGNORECASE),
    re.compile(rf"\bover\s(?:the\s)?(?:past|last)\s{_N}\s?{_UNIT}\b", re.IGNORECASE),
    re.compile(rf"{_N}[\s-]{_UNIT}[\s-](?:long\s)?history\b", re.IGNORECASE),
    # "since 2 years" is a duration; "since 2 years old" an onset age (see _ONSETS)
    re.compile(rf"\bsince\s{_N}\s{_UNIT}\b(?!\s(?:old|of\sage)\b)", re.IGNORECASE),
    re.compile(rf"{_N}\s{_UNIT}\sago\b", re.IGNORECASE),
    re.compile(rf"{_N}[\s-]{_UNIT}\s(?:hx|h/o)\b", re.IGNORECASE),
    # British shorthand: "x 3/52" (3 weeks), "for 6/12" (6 months), "x 5/7" (5 days)
    re.compile(r"(?:\bx|\bfor|\bover)\s?(?P<n>#+)/(?P<u>##|#)(?![#\w/])", re.IGNORECASE),
    # clinic shorthand "knee pain x 10 yrs", "cough x 3 weeks" ("3 x 4 cm" has no time unit)
    re.compile(rf"(?<![\w#])[x\u00d7]\s?(?P<n>#+)\s?{_UNIT}\b", re.IGNORECASE),
    # "4 days of calf swelling", "a week of vomiting" (not "2 years of age", "after 6 months
    # of treatment", "the first 2 weeks of life")
    re.compile(rf"{_OF_AFTER}{_N}[\s-]{_UNIT}\sof(?=\s(?!{_NOT_A_COMPLAINT}\b))", re.IGNORECASE),
]
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")


class Evidence(NamedTuple):
    """Where a value came from: ``original[start:end] == text``."""

    start: int
    end: int
    text: str


class _Text:
    """Normalised text, its number-masked twin and helpers for spans.

    The normalised text has every line break as a space, so heading lines ("Re: ...",
    "52M, retired") are found through :meth:`line_prefix` on the original."""

    def __init__(self, text: str) -> None:
        self.norm = Normalised(text)
        t = self.norm.text
        self.numbers: dict[int, Number] = {}
        chars = list(t)
        for n in find_numbers(t):
            self.numbers[n.start] = n
            chars[n.start:n.end] = "#" * (n.end - n.start)
        self.masked = "".join(chars)
        self.ends = [m.end() for m in _SENTENCE_END.finditer(t)]

    def value(self, m: re.Match[str], group: str = "n") -> float | None:
        raw = m.group(group)
        if raw is None:
            return None
        if raw.lower() in ("a", "an"):
            return 1.0
        n = self.numbers.get(m.start(group))
        return n.value if n is not None and n.end == m.end(group) else None

    def evidence(self, start: int, end: int) -> Evidence:
        a, b = self.norm.span(start, end)
        return Evidence(a, b, self.norm.original[a:b])

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.ends, pos)
        start = self.ends[i - 1] if i else 0
        end = self.ends[i] if i < len(self.ends) else len(self.masked)
        return start, end

    def line_prefix(self, pos: int) -> str:
        """The normalised text from the start of *pos*'s line in the original to *pos*."""
        if pos >= len(self.norm.pos):
            return ""
        start = self.norm.original.rfind("\n", 0, self.norm.pos[pos]) + 1
        return self.norm.text[self.norm.at(start):pos]

    def line_end(self, pos: int) -> int:
        """The normalised offset where *pos*'s line ends in the original."""
        if pos >= len(self.norm.pos):
            return len(self.norm.text)
        end = self.norm.original.find("\n", self.norm.pos[pos])
        return len(self.norm.text) if end < 0 else self.norm.at(end)


def _years(value: float, unit: str | None) -> float:
    return value * _YEARS[(unit or "y")[0].lower()]


_SHORTHAND = {52: "w", 12: "m", 7: "d"}  # "3/52" weeks, "6/12" months, "5/7" days


def _unit_of(tx: _Text, m: re.Match[str]) -> str | None:
    """The match's time unit; the denominator of "x 3/52" names it (None: not a duration)."""
    unit = m.group("u")
    if unit and unit.startswith("#"):
        n = tx.numbers.get(m.start("u"))
        return _SHORTHAND.get(int(n.value)) if n is not None else None
    return unit


class OnsetStatement(NamedTuple):
    """An age at which something began, stated in ``text[start:end]``."""

    age_years: float
    start: int
    end: int
    text: str


#: life periods, as the earliest age of the HPO onset class they name
_PERIODS = {"birth": 0.0, "the neonatal period": 0.0, "neonatal period": 0.0,
            "the newborn period": 0.0, "infancy": 28 / 365.25, "early infancy": 28 / 365.25,
            "early childhood": 1.0, "childhood": 1.0, "toddlerhood": 1.0,
            "adolescence": 11.0, "puberty": 11.0}
_PERIOD = "|".join(sorted(map(re.escape, _PERIODS), key=len, reverse=True))
#: "since she was a toddler": what the patient was, as the period it names (HPO's classes)
_WAS = {"born": 0.0, "a newborn": 0.0, "a neonate": 0.0, "a baby": 28 / 365.25,
        "an infant": 28 / 365.25, "a toddler": 1.0, "a child": 1.0, "a young child": 1.0,
        "a small child": 1.0, "a little girl": 1.0, "a little boy": 1.0, "a kid": 1.0,
        "a teenager": 11.0, "an adolescent": 11.0}
_WAS_WORDS = "|".join(sorted(map(re.escape, _WAS), key=len, reverse=True))
#: the patient as the subject of "since ... was": "since she was", "since the boy was"
_SHE_WAS = r"(?:s?he|they|the\s(?:patient|child|boy|girl|infant|baby))\s(?:was|were)\s"
_ONSETS = [  # (pattern, kind) on the masked text
    # "since the age of 3", "from age 5 years"
    (re.compile(rf"\b(?:since|from)\s(?:the\s)?age\s(?:of\s)?(?P<n>#+)(?:\s?{_UNIT}\b)?",
                re.IGNORECASE), "age"),
    # "since 4 years of age", "Since 2 years old", "from 5 years old"
    (re.compile(rf"\b(?:since|from)\s{_ABOUT}(?P<n>#+)\s?{_UNIT}\s(?:of\sage|old)\b",
                re.IGNORECASE), "age"),
    # "since she was about 10 years old", "since he was 3", "since the boy was 18 months old"
    (re.compile(rf"\b(?:since|from\swhen)\s{_SHE_WAS}{_ABOUT}(?P<n>#+)(?![\w#])"
                rf"(?:\s?{_UNIT}\b(?:\s(?:old|of\sage)\b)?)?", re.IGNORECASE), "age"),
    # "since she was a toddler", "since he was born"
    (re.compile(rf"\b(?:since|from\swhen)\s{_SHE_WAS}(?P<p>{_WAS_WORDS})\b", re.IGNORECASE),
     "was"),
    # "since infancy", "in early childhood", "since his early childhood"
    (re.compile(rf"\b(?:since|from|in|during|at)\s(?:(?:her|his|their|its)\s)?(?:early\s)?"
                rf"(?P<p>{_PERIOD})\b", re.IGNORECASE), "period"),
    # "began at 6 months", "first noticed at 3 years", "diagnosed at about 6 months",
    # "started bearing weight at about 12 months"
    (re.compile(rf"\b(?:began|begun|started|appeared|developed|noticed|noted|occurred|emerged"
                rf"|manifested|presented|diagnosed|detected|recogni[sz]ed|identified"
                rf"|first\s\w+)\b(?:\s[\w,]+){{0,4}}?\sat\s{_ABOUT}(?:the\s)?"
                rf"(?:age\s(?:of\s)?)?{_ABOUT}(?P<n>#+)\s?{_UNIT}\b", re.IGNORECASE), "age"),
    # "at age 7", "at the age of 12", "at around age 4", "at the age of 6 months"
    (re.compile(rf"\bat\s{_ABOUT}(?:the\s)?age\s(?:of\s)?{_ABOUT}(?P<n>#+)(?![\w#])"
                rf"(?:\s?{_UNIT}\b)?", re.IGNORECASE), "age"),
    # "at 4 years of age", "at about 3 months old"
    (re.compile(rf"\bat\s{_ABOUT}(?P<n>#+)\s?{_UNIT}\s(?:of\s)?(?:age|old)\b", re.IGNORECASE),
     "age"),
]
_PRENATAL = re.compile(r"\b(?:gestation\w*|prenatal\w*|antenatal\w*|fetal|foetal|in utero)\b",
                       re.IGNORECASE)


def find_onset_statements(text: str, age_years: float | None = None) -> list[OnsetStatement]:
    """Every stated onset: "since infancy", "from the age of 3", "began at 6 months",
    "at 4 years of age", "since she was 10", and durations ("for 2 years", "a 6-month
    history", "x 10 yrs", "4 days of") when the patient's age is known. The caller decides
    which finding each belongs to.

    >>> [(round(o.age_years, 2), o.text) for o in find_onset_statements(
    ...     "Cafe-au-lait macules present since infancy and a swelling for 1 year.", 8)]
    [(0.08, 'since infancy'), (7.0, 'for 1 year')]
    >>> [(o.age_years, o.text) for o in find_onset_statements(
    ...     "Nosebleeds since she was about 10 years old; knee pain x 2 yrs.", 14)]
    [(10.0, 'since she was about 10 years old'), (12.0, 'x 2 yrs')]
    """
    tx = _Text(text)
    out: list[OnsetStatement] = []
    taken: list[tuple[int, int]] = []
    for rx, kind in _ONSETS:
        for m in rx.finditer(tx.masked):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if kind == "period":
                age = _PERIODS[m.group("p").lower()]
            elif kind == "was":
                age = _WAS[m.group("p").lower()]
            else:
                value = tx.value(m)
                if value is None:
                    continue
                age = _years(value, m.groupdict().get("u"))
                around = tx.masked[max(0, m.start() - 40):m.end() + 25]
                if _PRENATAL.search(around):
                    age = 0.0  # "on a prenatal ultrasound at 31 weeks of gestation": before birth
            taken.append(m.span())
            ev = tx.evidence(m.start(), m.end())
            out.append(OnsetStatement(round(age, 6), ev.start, ev.end, ev.text))
    if age_years is not None:
        for rx in _DURATION:
            for m in rx.finditer(tx.masked):
                value = tx.value(m)
                if value is None or any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                unit = _unit_of(tx, m)
                if unit is None:
                    continue
                onset = max(0.0, age_years - _years(value, unit))
                taken.append(m.span())
                ev = tx.evidence(m.start(), m.end())
                out.append(OnsetStatement(round(onset, 6), ev.start, ev.end, ev.text))
    return sorted(out, key=lambda o: o.start)
