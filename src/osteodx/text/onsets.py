"""When findings began: onset ages and durations stated in case-report text.

Split from :mod:`osteodx.text.demographics`, which reads the patient's age and sex with
the same machinery (:class:`_Text`, the units, the duration patterns) and re-exports
:func:`find_onset_statements` and :class:`OnsetStatement`.

Reports say when something began in many ways: an age ("since the age of 3", "since she
was about 10 years old", "diagnosed at age 7", "since she started walking at 12
months"), a period of life ("since early childhood", "since he was a baby") or a
duration ("for 2 years", "knee pain x 10 yrs", "4 days of calf swelling", "came on over the
last year"), which gives an onset only when the patient's age is known; "born with" gives
onset 0, a prenatal scan ("on ultrasound at 30 weeks", "- 20+4 wks: anomaly scan ...")
:data:`PRENATAL` (before birth). An age said to be normal ("length was normal at birth") is no
onset of anything. Each statement keeps its span of the original
text. "As an infant" and "as a boy" name a period of life like "since infancy".

Which finding a statement belongs to is decided in :mod:`osteodx.text.onset_links`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from osteodx.text.birthdate import visit_year
from osteodx.text.labtext import Normalised
from osteodx.text.numbers import Number, find_numbers

__all__ = ["Evidence", "OnsetStatement", "PRENATAL", "find_onset_statements"]

#: the onset age of a finding seen before birth (on a prenatal scan, "in utero"): a marker below
#: zero, written as HPO's Antenatal onset class
PRENATAL = -0.25

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
    # one unit unsaid: "came on over the last year", "during the past month", "for the previous
    # week" (the empty group <n> counts as one, see _Text.value)
    re.compile(r"\b(?:over|during|in|within|for)\s(?:the\s)?(?:past|last|previous|preceding)\s"
               r"(?P<n>)(?P<u>year|month|week)\b", re.IGNORECASE),
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
#: a duration that names what it lasted after it: "a 6-month history of ...", "18-month hx of"
_OF_AHEAD = re.compile(r"\s+of\b", re.IGNORECASE)


class Evidence(NamedTuple):
    """Where a value came from: ``original[start:end] == text``."""

    start: int
    end: int
    text: str


#: the months of a compact age: the "4" of "3y4m"
_COMPACT_MONTHS = re.compile(r"(?<=\d[yY])\d{1,2}(?=[mM]\b)")


class _Text:
    """Normalised text, its number-masked twin and helpers for spans.

    The normalised text has every line break as a space, so heading lines ("Re: ...",
    "52M, retired") are found through :meth:`line_prefix` on the original."""

    def __init__(self, text: str) -> None:
        self.norm = Normalised(text)
        t = self.norm.text
        self.numbers: dict[int, Number] = {}
        chars = list(t)
        found = find_numbers(t)
        # the months of a compact age, which no number reader takes: "3y4m M"
        found += [Number(float(m.group()), m.start(), m.end(), m.group(), False)
                  for m in _COMPACT_MONTHS.finditer(t)]
        for n in found:
            self.numbers[n.start] = n
            chars[n.start:n.end] = "#" * (n.end - n.start)
        self.masked = "".join(chars)
        self.ends = [m.end() for m in _SENTENCE_END.finditer(t)]

    def value(self, m: re.Match[str], group: str = "n") -> float | None:
        raw = m.group(group)
        if raw is None:
            return None
        if raw.lower() in ("a", "an", ""):  # "a year", "over the last (one) year"
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


#: the oldest age an onset may have (years): the phenopacket check's plausible bound
_OLDEST = 125


class OnsetStatement(NamedTuple):
    """An age at which something began, stated in ``text[start:end]``.

    ``reach`` says which finding it can belong to (see :func:`reaches`): ``"back"`` the one
    before it, or after it when it opens its clause ("since infancy", "at 3 years of age");
    ``"after"`` the one after it ("born with"); ``"around"`` either ("on ultrasound at 30
    weeks the baby was small", "short limbs seen on a prenatal scan at 22 weeks"); ``"own"``
    only one inside it, the object of its verb ("developed seizures at 2 years")."""

    age_years: float
    start: int
    end: int
    text: str
    reach: str = "back"


#: life periods, as the earliest age of the HPO onset class they name
_PERIODS = {"birth": 0.0, "the neonatal period": 0.0, "neonatal period": 0.0,
            "the newborn period": 0.0, "infancy": 28 / 365.25, "early infancy": 28 / 365.25,
            "early childhood": 1.0, "childhood": 1.0, "toddlerhood": 1.0,
            "adolescence": 11.0, "puberty": 11.0,
            # the years before school (about 1-5) are HPO's childhood onset
            "the pre-school years": 1.0, "pre-school years": 1.0, "the preschool years": 1.0,
            "preschool years": 1.0}
_PERIOD = "|".join(sorted(map(re.escape, _PERIODS), key=len, reverse=True))
#: "since she was a toddler": what the patient was, as the period it names (HPO's classes)
_WAS = {"born": 0.0, "a newborn": 0.0, "a neonate": 0.0, "a baby": 28 / 365.25,
        "an infant": 28 / 365.25, "a toddler": 1.0, "a child": 1.0, "a young child": 1.0,
        "a small child": 1.0, "a little girl": 1.0, "a little boy": 1.0, "a kid": 1.0,
        "a teenager": 11.0, "an adolescent": 11.0, "a boy": 1.0, "a girl": 1.0}
_WAS_WORDS = "|".join(sorted(map(re.escape, _WAS), key=len, reverse=True))
#: "since his first birthday", "after her third birthday"
_ORDINALS = {w: float(i) for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
    " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth".split(), start=1)}
_ORDINAL = "|".join(_ORDINALS)
#: the first year of a decade of life ("her twenties" begin at 20; the teens at 13)
_DECADES = {"teens": 13.0, "twenties": 20.0, "thirties": 30.0, "forties": 40.0,
            "fifties": 50.0, "sixties": 60.0}
#: the patient as the subject of "since ... was": "since she was", "since the boy was"
_SHE_WAS = r"(?:s?he|they|you|the\s(?:patient|child|boy|girl|infant|baby))\s(?:was|were|is|are)\s"
#: imaging that shows a fetus: "prenatal ultrasound", "fetal MRI", "anomaly scan"
_SCAN = (r"(?:ultrasound|ultrasonograph\w*|sonograph\w*|scan|MRI|echocardiograph\w*"
         r"|(?-i:US|USS))")
#: a gestational age in weeks: "30 weeks", "about 22 wks", "week 20"
_WEEKS = rf"{_ABOUT}(?:week\s#+|#+\s?(?:weeks?|wks?)\b)"
_ONSETS = [  # (pattern, kind) on the masked text
    # a prenatal scan: "a prenatal scan at 22 weeks", "fetal MRI at 28 weeks' gestation"
    (re.compile(rf"\b(?:prenatal|antenatal|fetal|foetal|obstetric|anomaly|dating|morphology)"
                rf"\s(?:[a-z-]+\s)?{_SCAN}\s(?:at|in)\s{_WEEKS}", re.IGNORECASE), "prenatal"),
    # "On ultrasound at 30 weeks the baby was small" (not "a scan at 6 weeks after surgery")
    (re.compile(rf"\b(?:on|at|by|in|during)\s(?:an?\s|the\s)?(?:ultrasound|sonograph\w*|scan"
                rf"|(?-i:US|USS))\s(?:at|in)\s{_WEEKS}(?!\s(?:after|post\w*|later|old|of\sage"
                rf"|of\slife|follow\w*)\b)", re.IGNORECASE), "prenatal"),
    # "at 32 weeks of gestation", "by 20 weeks' gestation" (not "born at 38 weeks of gestation")
    (re.compile(rf"\b(?:at|in|by|from|since)\s{_WEEKS}['\u2019]?\s(?:of\s)?(?:gestation\w*"
                rf"|pregnancy)\b", re.IGNORECASE), "prenatal"),
    # a dated line of an antenatal history: "- 20+4 wks: anomaly scan - femora short ..."
    (re.compile(r"(?:(?<![\s\S])|(?<=\n)|(?<=[-\u2022*]\s))#{1,2}\+#\s?(?:weeks?|wks?|w)\b"
                r"\s?[:\u2013-]", re.IGNORECASE), "prenatal"),
    # "noted prenatally", "detected antenatally", "in utero"
    (re.compile(r"\b(?:prenatally|antenatally|in\sutero)\b", re.IGNORECASE), "prenatal"),
    # "He was born with bilateral club feet" (not "born without")
    (re.compile(r"\bborn\swith\b", re.IGNORECASE), "born"),
    # "She was born deaf", "born blind", "born prematurely deaf" (a state from birth)
    (re.compile(r"\bborn\s(?=(?:profoundly\s|completely\s|totally\s)?(?:deaf|blind|floppy"
                r"|jaundiced|cyanosed|cyanotic|hypotonic)\b)", re.IGNORECASE), "born"),
    # "After birth she had problem to swallow", "shortly after birth" (the neonatal period)
    (re.compile(r"\b(?:(?:soon|shortly|right|immediately|just)\s)?after\s(?:the\s)?birth\b",
                re.IGNORECASE), "neonatal"),
    # "since the age of 3", "from about age 2 years", "after age 3"
    (re.compile(rf"\b(?:since|from|after)\s{_ABOUT}(?:the\s)?age\s(?:of\s)?{_ABOUT}(?P<n>#+)"
                rf"(?![\w#])(?:\s?{_UNIT}\b)?", re.IGNORECASE), "age"),
    # "since 4 years of age", "Since 2 years old", "from 5 years old"
    (re.compile(rf"\b(?:since|from|after)\s{_ABOUT}(?P<n>#+)\s?{_UNIT}\s(?:of\sage|old)\b",
                re.IGNORECASE), "age"),
    # "since his first birthday", "after her 2nd birthday"
    (re.compile(rf"\b(?:since|from|after)\s{_ABOUT}(?:his|her|their|its|the)\s"
                rf"(?:(?P<o>{_ORDINAL})|(?P<n>#+)(?:st|nd|rd|th))\sbirthday\b", re.IGNORECASE),
     "birthday"),
    # "since about the fifth month", "from the sixth month (of life)"
    (re.compile(rf"\b(?:since|from|in|during)\s{_ABOUT}the\s(?P<o>{_ORDINAL})\smonth\b"
                rf"(?!\s(?:of\s(?:pregnancy|gestation|treatment|therapy)|after)\b)",
                re.IGNORECASE), "month"),
    # "since her mid-twenties", "in his late teens", "from her early thirties"
    (re.compile(r"\b(?:since|from|in|during)\s(?:(?:his|her|their)\s)?(?:(?P<q>early|mid|late)"
                r"[- ]?)?(?P<d>teens|twenties|thirties|forties|fifties|sixties)\b", re.IGNORECASE),
     "decade"),
    # a window from birth: "in his first week", "during her first month" (of life), "in the
    # first 2 weeks" (of life; not "in her first year at school"), "from the first weeks of
    # life"
    (re.compile(r"\b(?:in|during|within|from)\s(?:the|his|her|their|its)\s(?:very\s)?first\s"
                r"(?:(?P<n>#+)\s)?(?P<u>days?|weeks?|months?|years?)\b"
                r"(?=\sof\slife\b|(?!\s(?:of|at|in)\b))", re.IGNORECASE), "window"),
    # "since she was about 10 years old", "since he was 3", "since the boy was 18 months old"
    (re.compile(rf"\b(?:since|from\swhen)\s{_SHE_WAS}{_ABOUT}(?P<n>#+)(?![\w#])"
                rf"(?:\s?{_UNIT}\b(?:\s(?:old|of\sage)\b)?)?", re.IGNORECASE), "age"),
    # "his feet became high-arched when he was about 10", "when she was 3 years old"
    # (not "when she was 10 weeks pregnant", "when he was 40 kg")
    (re.compile(rf"\bwhen\s{_SHE_WAS}{_ABOUT}(?P<n>#+)(?![\w#])"
                rf"(?:\s?{_UNIT}\b(?:\s(?:old|of\sage)\b)?"
                rf"|(?!\s?(?!(?:you|he|she|they|we|i)\b)[a-z%]))"
                rf"(?!\s(?:pregnant|gestation|of\s(?:pregnancy|gestation))\b)", re.IGNORECASE),
     "age"),
    # "since she was a toddler", "since he was born"
    (re.compile(rf"\b(?:since|from\swhen)\s{_SHE_WAS}(?P<p>{_WAS_WORDS})\b", re.IGNORECASE),
     "was"),
    # "He was floppy as an infant", "red urine as a boy"
    (re.compile(rf"\bas\s(?P<p>{_WAS_WORDS})\b(?!\s(?:who|whose|with|of)\b)", re.IGNORECASE),
     "was"),
    # "since infancy", "in early childhood", "since his early childhood", "during the pre-school
    # years"
    (re.compile(rf"\b(?:since|from|in|during|at)\s(?:(?:her|his|their|its)\s)?(?:early\s)?"
                rf"(?P<p>{_PERIOD})\b", re.IGNORECASE), "period"),
    # "began at 6 months", "first noticed at 3 years", "diagnosed at about 6 months",
    # "started bearing weight at about 12 months"; <obj> is what the verb says began
    (re.compile(rf"\b(?P<t>began|begun|started|appeared|developed|noticed|noted|occurred|emerged"
                rf"|manifested|presented|diagnosed|detected|recogni[sz]ed|identified"
                rf"|first\s\w+)\b(?P<obj>(?:\s[\w,]+){{0,4}}?)\sat\s{_ABOUT}(?:the\s)?"
                rf"(?:age\s(?:of\s)?)?{_ABOUT}(?P<n>#+)\s?{_UNIT}\b", re.IGNORECASE), "verb"),
    # episodes at several ages: "(ages 4, 7 and 10)", "at ages 2 and 5" - the first began it
    (re.compile(r"\b(?:at\s)?ages\s(?P<n>#+)(?:,\s?#+)*,?\s(?:and|&)\s#+(?![\w#])"
                r"(?:\s?(?:years|yrs|y)\b)?", re.IGNORECASE), "age"),
    # "at age 7", "at the age of 12", "at around age 4", "at the age of 6 months"
    (re.compile(rf"\bat\s{_ABOUT}(?:the\s)?age\s(?:of\s)?{_ABOUT}(?P<n>#+)(?![\w#])"
                rf"(?:\s?{_UNIT}\b)?", re.IGNORECASE), "age"),
    # "Seizures on day 3 of life", "from day 1" (of life)
    (re.compile(r"\b(?:on|from|since)\s(?:the\s)?(?P<u>day)\s?(?P<n>#+)(?![\w#])"
                r"(?!\s(?:after|post\w*|of\s(?:admission|treatment|illness|fever))\b)",
                re.IGNORECASE), "age"),
    # a sentence that opens with the age: "At 10 weeks mum noticed ...", "At 3 months he had
    # seizures" (not "At 6 weeks after surgery", "At 20 weeks' gestation" - prenatal above)
    (re.compile(rf"(?:(?<![\s\S])|(?<=[.;:]\s))At\s{_ABOUT}(?P<n>#+)\s?(?P<u>weeks?|wks?|months?"
                rf"|mos?|years?|yrs?)\b(?![\s,]+(?:after|post\w*|later|follow\w*|of\sgestation"
                rf"|gestation\w*|pregnan\w*|of\sage|old)\b)(?!['\u2019])"), "age"),
    # a history's bullet that opens with the age: "- Age 14 months: left neck abscess"
    (re.compile(r"(?:(?<![\s\S])|(?<=\n)|(?<=[-\u2022*]\s))Age\s(?P<n>#+)\s?(?P<u>weeks?|wks?"
                r"|months?|mos?|years?|yrs?|y)\b(?:\s#+\s?(?:months?|mos?|m)\b)?\s?[:\u2013-]",
                re.IGNORECASE), "age"),
    # a notes' day of life at the start of an entry: "Day 10: two episodes of stiffening"
    (re.compile(r"(?:(?<![\s\S])|(?<=[.;:]\s))(?P<u>Day)\s?(?P<n>#+)(?=\s?[:,\u2013-])"), "age"),
    # "From 9 months he had recurrent ear infections" (an age, in weeks or months)
    (re.compile(rf"\bfrom\s{_ABOUT}(?P<n>#+)\s?(?P<u>weeks?|wks?|months?|mos?)\b(?![\s,]+"
                rf"(?:after|post\w*|later|ago|before|of\s(?:treatment|therapy|gestation))\b)",
                re.IGNORECASE), "age"),
    # notes' "dx age 6", "dx at 6 y" (diagnosed)
    # (not a year: "T2DM (dx 2019, metformin)")
    (re.compile(rf"\bdx(?:'?d)?\s(?:at\s)?(?:age\s)?{_ABOUT}(?P<n>#{{1,3}})(?![\w#])"
                rf"(?:\s?{_UNIT}\b)?",
                re.IGNORECASE), "age"),
    # "at 4 years of age", "at about 3 months old"
    (re.compile(rf"\bat\s{_ABOUT}(?P<n>#+)\s?{_UNIT}\s(?:of\s)?(?:age|old)\b", re.IGNORECASE),
     "age"),
    # after its finding: "breast enlargement at about 17 years", "seizures at 3 months" (not
    # "at 6 weeks after surgery", "at 2 years follow-up", "at 20 weeks' gestation")
    (re.compile(rf"\bat\s{_ABOUT}(?P<n>#+)\s?(?P<u>weeks?|wks?|months?|mos?|years?|yrs?)\b"
                rf"(?![\s,-]+(?:after|post\w*|later|follow\w*|of\sgestation|gestation\w*"
                rf"|pregnan\w*|of\s(?:treatment|therapy|life)|ago|before|earlier)\b)"
                rf"(?!['\u2019])", re.IGNORECASE), "at"),
]
#: an age without a unit: "at 28", "since about 16", "from 13" (not a unit, time, ratio or range
#: after the number: "at 28 weeks", "at 3 pm", "at 140/90", "from 2 to 5")
_BARE_AGE = re.compile(
    rf"\b(?:at|since|from|by|aged)\s{_ABOUT}(?P<n>#+)(?![\w#])(?![.,:/-]#|\s?(?:%|°|x\b"
    r"|(?:mg|g|kg|cm|mm|m|ml|l|mmol|umol|nmol|iu|u|units?|h|hrs?|hours?|min\w*|s|sec\w*|am|pm"
    r"|o'clock|times|bpm|beats|breaths|weeks?|wks?|days?|months?|mos?|years?|yrs?|y|th|st|nd|rd"
    r"|degrees?|to|and|or|-|points?|per|mmhg|kpa)\b))", re.IGNORECASE)
#: "since 2015", "from early 2019", "since March 2020" (a calendar year; needs the visit's)
_SINCE_YEAR = re.compile(r"\b(?:since|from)\s(?:(?:early|late|mid)[- ])?(?:(?:jan|feb|mar|apr|may"
                         r"|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s)?(?P<y>####)(?!#)",
                         re.IGNORECASE)
#: an event's own age right before "at N months": "repaired at 11 months", "seen at 2 years"
_EVENT_AGE = re.compile(r"\b(?:repair\w*|operat\w*|surg\w*|\w+(?:ectomy|otomy|ostomy|pexy"
                        r"|plasty)|treat\w*|excis\w*|resect\w*|admitted|hospitali[sz]ed"
                        r"|referred|seen|reviewed|assessed|examined|vaccinat\w*|immuni[sz]\w*"
                        r"|transfus\w*|cast|casted|fused|born|delivered|weaned|walked|sat|spoke"
                        r"|talked)\s+(?:on\s+)?$", re.IGNORECASE)
_PRENATAL = re.compile(r"\b(?:gestation\w*|prenatal\w*|antenatal\w*|fetal|foetal|in utero)\b",
                       re.IGNORECASE)
#: a birth before a gestational age: "born at 38 weeks of gestation", "delivered by caesarean
#: section at 36 weeks' gestation"
_BIRTH_BEFORE = re.compile(r"\b(?:born|deliver\w*|birth)\b(?:\s[\w'-]+){0,3}\s$", re.IGNORECASE)
#: an age said to be normal is no onset: "length was normal at birth", "Normal length at birth",
#: "hearing was normal at the age of 2"
_NORMAL_BEFORE = re.compile(r"\b(?:normal(?:ly)?|unremarkable|healthy|(?<!as\s)well|uneventful)"
                            r"\b(?:\s[\w-]+)?\s$", re.IGNORECASE)
#: a word that does not start the object of a verb of "began ... at": "first noticed by her
#: parents at", "detected on radiographs at", "started to limp at" (the finding came first)
_NOT_OBJECT = frozenset("by in on at during to first only initially clinically radiologically"
                        " incidentally when while later subsequently then around about was"
                        " were been from after before again also".split())
#: "since she started bearing weight at 12 months": the verb dates the finding before it
_TIME_CLAUSE = re.compile(r"\b(?:since|when|after|until|before|once|as)\s(?:(?:s?he|they|it"
                          r"|the\s\w+)\s)?$", re.IGNORECASE)


def _owns_object(tx: _Text, m: re.Match[str]) -> bool:
    """Does a "began ... at" statement name what began ("developed seizures at 2 years",
    "diagnosed with scoliosis at 12 years")? Then no other finding takes its age."""
    words = m.group("obj").split()
    if not words or words[0].lower().strip(",") in _NOT_OBJECT:
        return False
    return not _TIME_CLAUSE.search(tx.masked[max(0, m.start() - 30):m.start()])


def _statement(tx: _Text, m: re.Match[str], kind: str) -> tuple[float, str] | None:
    """The onset age (years) and reach of one match; None: not an onset."""
    before = tx.norm.text[max(0, m.start() - 60):m.start()]
    if _NORMAL_BEFORE.search(before):
        return None
    if kind == "at":  # "at 11 months" after a finding, unless an event owns the age
        if _EVENT_AGE.search(before):
            return None
        kind = "age"
    if kind == "prenatal":
        return None if _BIRTH_BEFORE.search(before) else (PRENATAL, "around")
    if kind == "born":
        return 0.0, "after"
    if kind == "neonatal":
        return 0.0, "back"
    if kind == "period":
        return _PERIODS[m.group("p").lower()], "back"
    if kind == "was":
        return _WAS[m.group("p").lower()], "back"
    if kind == "month":  # "since the fifth month": of life
        return _ORDINALS[m.group("o").lower()] / 12, "back"
    if kind == "decade":
        base = _DECADES[m.group("d").lower()]
        return base + {"early": 1, "mid": 5, "late": 8}.get((m.group("q") or "").lower(),
                                                             0) * (0.5 if base < 20 else 1), \
            "back"
    if kind == "birthday":
        word = m.group("o")
        value = _ORDINALS[word.lower()] if word else tx.value(m)
        return None if value is None else (value, "back")
    value = 1.0 if kind == "window" and m.group("n") is None else tx.value(m)
    if value is None:
        return None
    age = _years(value, m.groupdict().get("u"))
    if kind == "window":
        return age / 2, "back"  # the middle: it stays in the HPO onset class the window names
    around = tx.masked[max(0, m.start() - 40):m.end() + 25]
    if _PRENATAL.search(around):
        age = PRENATAL  # "on a prenatal ultrasound at 31 weeks of gestation": before birth
    return age, ("own" if kind == "verb" and _owns_object(tx, m) else "back")


def find_onset_statements(text: str, age_years: float | None = None) -> list[OnsetStatement]:
    """Every stated onset: "since infancy", "from the age of 3", "began at 6 months",
    "at 4 years of age", "since she was 10", "since his first birthday", "in his first week",
    "born with", a prenatal scan, and durations ("for 2 years", "a 6-month history", "x 10
    yrs", "4 days of", "over the last year") when the patient's age is known. The caller
    decides which finding each belongs to (see :func:`reaches`).

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
            read = _statement(tx, m, kind)
            taken.append(m.span())  # a normal age is no onset, nor part of another one
            if read is None or read[0] > _OLDEST:
                continue  # (an age of no one: a year read as an age is never an onset)
            ev = tx.evidence(m.start(), m.end())
            out.append(OnsetStatement(round(read[0], 6), ev.start, ev.end, ev.text, read[1]))
    for m in _BARE_AGE.finditer(tx.masked) if age_years is not None else ():
        # an adult's "hypertensive at 28", "since about 16 she has had ...": an age in years,
        # up to the patient's own (not "at 140 mmHg", "at 3 pm", "since 2015")
        value = tx.value(m)
        if value is None or not 1 <= value <= age_years or value != int(value) \
                or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        read = _statement(tx, m, "at")
        taken.append(m.span())
        if read is not None:
            ev = tx.evidence(m.start(), m.end())
            out.append(OnsetStatement(round(read[0], 6), ev.start, ev.end, ev.text, read[1]))
    year = visit_year(text) if age_years is not None else None
    for m in _SINCE_YEAR.finditer(tx.masked) if year is not None else ():
        # "hypothyroidism since 2015" in a letter of 2025 from a 44-year-old: since age 34
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        raw = tx.norm.text[m.start("y"):m.end("y")]
        if not raw.isdigit() or int(raw) > year:
            continue
        taken.append(m.span())
        ev = tx.evidence(m.start(), m.end())
        onset = max(0.0, float(age_years) - (year - int(raw)))
        out.append(OnsetStatement(round(onset, 6), ev.start, ev.end, ev.text, "back"))
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
                # "a 6-month history of thigh pain", "two years of fatigue and joint pain"
                ahead = m.group().endswith("of") or _OF_AHEAD.match(tx.masked, m.end())
                out.append(OnsetStatement(round(onset, 6), ev.start, ev.end, ev.text,
                                          "after" if ahead else "back"))
    return sorted(out, key=lambda o: o.start)


# --- which finding a statement belongs to ------------------------------------------------------

#: what may stand before a time phrase that opens its clause and so dates what follows it:
#: "At 2 years of age she ...", "and since infancy ...", "- From about 9 months of age ...",
#: "Noted at birth to have respiratory distress"
