"""Age, sex and duration of the complaint from free case-report text.

A phenopacket needs the patient's age and sex, and onset ages are derived
from "a 16-year old girl ... back pain for 1 year" (onset at about 15). The
first explicit statement about the patient wins: case reports state age and
sex in their first sentence about the case, and later ages belong to
relatives ("her mother, aged 45", "a 45-year-old brother"), which are skipped.
Pronouns ("she", "her") decide the sex only when nothing explicit does, and
are marked as weak evidence. A duration counts only in a sentence about the
complaint ("history", "complained", "pain", "presented", ...), not about
treatment ("was treated with calcitriol for 6 months").

Every value keeps the span of the original text it came from
(``text[e.start:e.end] == e.text``); numbers may be words ("one year").

>>> d = extract_demographics("A 16-year old girl had diffuse back pain for 1 year.")
>>> d.age_years, d.sex, d.duration_years, d.onset_age_years, d.age_iso8601
(16.0, 'FEMALE', 1.0, 15.0, 'P16Y')
>>> d = extract_demographics("Her mother, aged 45, is well. The patient (16 yo M) had pain.")
>>> d.age_years, d.sex, d.age_source.text
(16.0, 'MALE', '16 yo M')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from osteodx.text.labnames import Normalised
from osteodx.text.numbers import Number, find_numbers

__all__ = ["Demographics", "Evidence", "OnsetStatement", "extract_demographics",
           "find_onset_statements", "iso8601"]

Sex = Literal["FEMALE", "MALE"]

_YEARS = {"y": 1.0, "m": 1 / 12, "w": 7 / 365.25, "d": 1 / 365.25}
_UNIT = r"(?P<u>years?|yrs?|y|months?|mos?|weeks?|wks?|days?)"
_FEMALE = {"girl", "woman", "female", "lady", "f", "schoolgirl"}
_MALE = {"boy", "man", "male", "gentleman", "m", "schoolboy"}
_NOUNS = ("girl|boy|woman|man|female|male|lady|gentleman|schoolgirl|schoolboy|patient|child"
          "|infant|neonate|newborn|toddler|adolescent|teenager|baby|individual|person|proband"
          "|case|student|mother|father|sister|brother|sibling|son|daughter|husband|wife|parent"
          "|grandmother|grandfather|aunt|uncle|cousin|twin|niece|nephew|relative")
_RELATIVES = re.compile(r"\b(?:mother|father|sister|brother|siblings?|son|daughter|husband|wife"
                        r"|parents?|grandmother|grandfather|aunt|uncle|cousin|twin|niece|nephew"
                        r"|relatives?|mom|dad)\b", re.IGNORECASE)
_FILLER = r"(?!(?:with|and|who|whose|had|has|was|is|of|in|at)\b)"  # words between age and noun
#: "at age 5", "by age 3", "since age 12" are ages at an event, not the patient's age.
_NOT_EVENT = "".join(rf"(?<!\b{w}\s)" for w in
                     "at by from since until before after the of".split())
_N = r"(?<![\w#])(?P<n>#+|an?)"
_AGE = [  # (pattern, kind) on the masked text; numbers are runs of '#'
    re.compile(rf"{_N}[\s-]?{_UNIT}[\s-]?old\b(?:[\s,]+(?:{_FILLER}[a-z]+\s){{0,3}}?"
               rf"(?P<noun>{_NOUNS})\b)?", re.IGNORECASE),
    re.compile(r"(?<![\w#])(?P<n>#+)\s?(?:yo|y/o|y\.o\.|years? of age)(?![\w/])"
               r"(?:,?\s?(?P<noun>F|M|female|male|girl|boy|woman|man)\b)?", re.IGNORECASE),
    re.compile(rf"\baged\s(?P<n>#+)(?:\s?{_UNIT}\b)?", re.IGNORECASE),
    re.compile(r"(?<![\w#])(?P<n>#+)\s?(?P<u>mo|mos|months?|wks?|weeks?|d|days?)\b(?:\s?old)?,?\s"
               r"(?P<noun>(?-i:M|F)|male|female|boy|girl)\b", re.IGNORECASE),
    re.compile(r"\bage\s?/\s?(?:sex|gender)[*_]*\s?[:=]?[*_]*\s?(?P<n>#+)\s?/\s?"
               r"(?P<noun>female|male|F|M)\b", re.IGNORECASE),
    re.compile(rf"{_NOT_EVENT}\bage[*_]*\s?[:=]?[*_]*\s?(?P<n>#+)(?:\s?{_UNIT}\b)?",
               re.IGNORECASE),
]
_NEWBORN = re.compile(r"\b(?:a|an|this|the|our)\s(?:[a-z-]+\s){0,2}?(?:newborn|new-born|neonate)"
                      r"(?:\s(?P<noun>girl|boy|female|male))?\b", re.IGNORECASE)
_NOT_THE_PATIENTS = re.compile(r"\b(?:bone|skeletal|dental|height|mental|gestational)[\s-]age\b",
                               re.IGNORECASE)
_AND_MONTHS = re.compile(r",?\s(?:and\s)?(?P<n>#+)\s?(?:months?|mos?)\b", re.IGNORECASE)
_SEX_NOUN = re.compile(r"\b(?:a|an|the|this|our|that)\s(?:[a-z-]+\s){0,3}?(?P<adj>)"
                       r"(?P<noun>girl|boy|woman|man|lady|gentleman|female|male)\b(?!\s?(?:"
                       r"relatives?|siblings?|members?|patients? (?:were|are)|predominance))",
                       re.IGNORECASE)
_SEX_LABEL = re.compile(r"\b(?:sex|gender|patient)[*_]*\s?[:=,][*_]*\s?(?P<noun>female|male"
                        r"|(?-i:F|M))\b"
                        r"|\b(?P<adj>female|male)\s(?:patient|proband|child|infant|neonate)\b",
                        re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?P<f>she|her|hers|herself)\b|\b(?P<m>he|him|his|himself)\b",
                      re.IGNORECASE)
_DURATION = [
    re.compile(rf"\bfor\s(?:the\s)?(?:(?:past|last|previous|preceding|about|approximately"
               rf"|almost|over|nearly|around|more than|less than)\s)*{_N}\s?{_UNIT}\b",
               re.IGNORECASE),
    re.compile(rf"\bover\s(?:the\s)?(?:past|last)\s{_N}\s?{_UNIT}\b", re.IGNORECASE),
    re.compile(rf"{_N}[\s-]{_UNIT}[\s-](?:long\s)?history\b", re.IGNORECASE),
    re.compile(rf"\bsince\s{_N}\s{_UNIT}\b", re.IGNORECASE),
    re.compile(rf"{_N}\s{_UNIT}\sago\b", re.IGNORECASE),
    re.compile(rf"{_N}[\s-]{_UNIT}\s(?:hx|h/o)\b", re.IGNORECASE),
    # British shorthand: "x 3/52" (3 weeks), "for 6/12" (6 months), "x 5/7" (5 days)
    re.compile(r"(?:\bx|\bfor|\bover)\s?(?P<n>#+)/(?P<u>##|#)(?![#\w/])", re.IGNORECASE),
]
_ONSET = re.compile(rf"\bsince\s(?:the\s)?age\sof\s(?P<n>#+)(?:\s{_UNIT}\b)?"
                    r"|\bsince\s(?P<b>birth)\b", re.IGNORECASE)
_COMPLAINT = re.compile(r"\b(?:history|complain\w*|pain\w*|present\w*|suffer\w*|symptom\w*"
                        r"|notic\w*|visit\w*|referred|swelling|progressive|onset|began|started"
                        r"|develop\w*|experienc\w*|admitted)\b", re.IGNORECASE)
_TREATMENT = re.compile(r"\b(?:treat\w*|therap\w*|medicat\w*|supplement\w*|follow\w*|received"
                        r"|given|administ\w*|taking|took|dose|months? later|years? later)\b",
                        re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")


class Evidence(NamedTuple):
    """Where a value came from: ``original[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Demographics:
    """Age, sex and complaint duration of the patient, each with its source."""

    age_years: float | None = None
    sex: Sex | None = None
    duration_years: float | None = None
    onset_age_years: float | None = None
    age_source: Evidence | None = None
    sex_source: Evidence | None = None
    sex_evidence: Literal["explicit", "pronoun"] | None = None
    duration_source: Evidence | None = None
    onset_source: Evidence | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def age_iso8601(self) -> str | None:
        return None if self.age_years is None else iso8601(self.age_years)

    @property
    def onset_iso8601(self) -> str | None:
        return None if self.onset_age_years is None else iso8601(self.onset_age_years)


def iso8601(years: float) -> str:
    """An age in years as an ISO 8601 duration, to the day.

    >>> iso8601(16), iso8601(2.5), iso8601(0.25), iso8601(10 / 365.25), iso8601(0)
    ('P16Y', 'P2Y6M', 'P3M', 'P10D', 'P0D')
    """
    days_total = round(years * 365.25)
    y = int(years + 1e-9)
    months = round((years - y) * 12, 6)
    if abs(months - round(months)) < 1e-3:
        m = int(round(months))
        y, m = (y + 1, 0) if m == 12 else (y, m)
        out = "P" + (f"{y}Y" if y else "") + (f"{m}M" if m else "")
        return out if out != "P" else "P0D"
    if days_total % 7 == 0 and years < 1:
        return f"P{days_total // 7}W"
    return f"P{days_total}D" if years < 1 else f"P{y}Y{round((years - y) * 365.25)}D"


class _Text:
    """Normalised text, its number-masked twin and helpers for spans."""

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


def _age(tx: _Text, d: Demographics) -> str | None:
    """The first age of the patient; returns the noun that came with it."""
    found: list[tuple[int, re.Match[str]]] = []
    for rx in _AGE:
        found += [(m.start(), m) for m in rx.finditer(tx.masked)]
    for _, m in sorted(found, key=lambda f: f[0]):
        noun = (m.groupdict().get("noun") or "").lower()
        value = tx.value(m)
        if value is None or _RELATIVES.fullmatch(noun or "-"):
            continue
        s, _ = tx.sentence(m.start())
        before = tx.masked[max(s, m.start() - 40):m.start()]
        if _RELATIVES.search(before) and not noun:
            continue  # "her mother, aged 45"
        if _NOT_THE_PATIENTS.search(tx.masked, max(0, m.start() - 20), m.start() + 4):
            continue  # "Bone age: 7 years", "chronological age" is fine
        years = _years(value, m.groupdict().get("u"))
        end = m.end()
        more = _AND_MONTHS.match(tx.masked, end)
        if more is not None and (m.groupdict().get("u") or "y")[0].lower() == "y":
            extra = tx.value(more)
            if extra is not None:  # "aged 4 years 7 months"
                years, end = years + extra / 12, more.end()
        d.age_years = round(years, 6)
        d.age_source = tx.evidence(m.start(), end)
        return noun
    m = _NEWBORN.search(tx.masked)  # "A newborn girl": no number, age zero
    if m is not None:
        d.age_years, d.age_source = 0.0, tx.evidence(m.start(), m.end())
        return (m.group("noun") or "").lower() or None
    return None


def _sex(tx: _Text, d: Demographics, noun: str | None) -> None:
    if noun and noun in _FEMALE | _MALE and d.age_source is not None:
        d.sex, d.sex_source = ("FEMALE" if noun in _FEMALE else "MALE"), d.age_source
        d.sex_evidence = "explicit"
        return
    found = sorted([*_SEX_NOUN.finditer(tx.masked), *_SEX_LABEL.finditer(tx.masked)],
                   key=lambda m: m.start())
    for m in found:
        s, _ = tx.sentence(m.start())
        if _RELATIVES.search(tx.masked, max(s, m.start() - 30), m.start()):
            continue
        group = "noun" if m.group("noun") else "adj"
        word = m.group(group).lower()
        d.sex = "FEMALE" if word in _FEMALE else "MALE"
        d.sex_source, d.sex_evidence = tx.evidence(*m.span(group)), "explicit"
        return
    pronouns = list(_PRONOUN.finditer(tx.masked))
    female = [m for m in pronouns if m.group("f")]
    male = [m for m in pronouns if m.group("m")]
    if female and len(female) >= 3 * len(male):
        d.sex, first = "FEMALE", female[0]
    elif male and len(male) >= 3 * len(female):
        d.sex, first = "MALE", male[0]
    else:
        return
    d.sex_source, d.sex_evidence = tx.evidence(*first.span()), "pronoun"
    d.notes.append(f"sex {d.sex.lower()} inferred from pronouns only "
                   f"({len(female)} female, {len(male)} male)")


def _duration(tx: _Text, d: Demographics) -> None:
    age_sentence = tx.sentence(d.age_source.start) if d.age_source else None
    onset = _ONSET.search(tx.masked)
    found: list[tuple[int, re.Match[str]]] = []
    for rx in _DURATION:
        found += [(m.start(), m) for m in rx.finditer(tx.masked)]
    for _, m in sorted(found, key=lambda f: f[0]):
        value = tx.value(m)
        s, e = tx.sentence(m.start())
        sentence = tx.masked[s:e]
        if value is None or _TREATMENT.search(sentence):
            continue
        if not (_COMPLAINT.search(sentence) or age_sentence == (s, e)):
            continue
        if _RELATIVES.search(tx.masked, max(s, m.start() - 60), m.start()):
            continue
        unit = _unit_of(tx, m)
        if unit is None:
            continue
        d.duration_years = round(_years(value, unit), 6)
        d.duration_source = tx.evidence(m.start(), m.end())
        break
    if onset is not None:
        age = 0.0 if onset.group("b") else tx.value(onset)
        if age is not None:
            d.onset_age_years = round(_years(age, onset.group("u")), 6)
            d.onset_source = tx.evidence(onset.start(), onset.end())
            if d.duration_years is None and d.age_years is not None:
                d.duration_years = round(d.age_years - d.onset_age_years, 6)
                d.duration_source = d.onset_source
    if d.onset_age_years is None and d.age_years is not None and d.duration_years is not None:
        d.onset_age_years = round(max(0.0, d.age_years - d.duration_years), 6)
        d.onset_source = d.duration_source


def extract_demographics(text: str) -> Demographics:
    """Age, sex, duration of the complaint and onset age stated in *text*."""
    tx = _Text(text)
    d = Demographics()
    noun = _age(tx, d)
    _sex(tx, d, noun)
    _duration(tx, d)
    return d


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
_ONSETS = [  # (pattern, kind) on the masked text
    (re.compile(rf"\b(?:since|from)\s(?:the\s)?age\s(?:of\s)?(?P<n>#+)(?:\s?{_UNIT}\b)?",
                re.IGNORECASE), "age"),
    (re.compile(rf"\b(?:since|from)\s(?P<n>#+)\s?{_UNIT}\sof\sage\b", re.IGNORECASE), "age"),
    (re.compile(rf"\b(?:since|from|in|during|at)\s(?:early\s)?(?P<p>{_PERIOD})\b",
                re.IGNORECASE), "period"),
    (re.compile(rf"\b(?:began|begun|started|appeared|developed|noticed|noted|occurred|emerged"
                rf"|manifested|presented|first\s\w+)\b(?:\s[\w,]+){{0,4}}?\sat\s(?:the\s)?(?:age"
                rf"\s(?:of\s)?)?(?P<n>#+)\s?{_UNIT}\b", re.IGNORECASE), "age"),
    (re.compile(rf"\bat\s(?:the\s)?age\s(?:of\s)?(?P<n>#+)\s?{_UNIT}\b", re.IGNORECASE), "age"),
    (re.compile(rf"\bat\s(?P<n>#+)\s?{_UNIT}\s(?:of\s)?(?:age|old)\b", re.IGNORECASE), "age"),
]


_PRENATAL = re.compile(r"\b(?:gestation\w*|prenatal\w*|antenatal\w*|fetal|foetal|in utero)\b",
                       re.IGNORECASE)


def find_onset_statements(text: str, age_years: float | None = None) -> list[OnsetStatement]:
    """Every stated onset: "since infancy", "from the age of 3", "began at 6 months",
    "at 4 years of age", and durations ("for 2 years", "a 6-month history") when the
    patient's age is known. The caller decides which finding each belongs to.

    >>> [(round(o.age_years, 2), o.text) for o in find_onset_statements(
    ...     "Cafe-au-lait macules present since infancy and a swelling for 1 year.", 8)]
    [(0.08, 'since infancy'), (7.0, 'for 1 year')]
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
