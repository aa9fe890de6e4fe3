"""Age, sex and duration of the complaint from free case-report text.

A phenopacket needs the patient's age and sex, and onset ages are derived
from "a 16-year old girl ... back pain for 1 year" (onset at about 15). The
first explicit statement about the patient wins: case reports state age and sex in their
first sentence about the case, and later ages belong to relatives ("her mother, aged 45", "a
45-year-old brother"), which are skipped, and so are ages at an event ("since she was 10
years old", "at 3 years of age", "L THR 2021 (aged 49)"). Notes and letters put age and sex
in a header ("52M, retired", "Re: Poppy HARRIS (6 years 3 months)", "Baby boy of Sarah
T."), read only at the start of their line. Pronouns ("she", "her") decide the sex only when
nothing explicit does, and are weak evidence; a karyotype ("46,XY") is weaker still. A
duration counts only in a sentence about the complaint ("history", "complained", "pain",
"presented", ...), not about treatment ("was treated with calcitriol for 6 months"). Onset
statements per finding are read by :mod:`osteodx.text.onsets`.

Every value keeps its span of the original text (``text[e.start:e.end] == e.text``).

>>> d = extract_demographics("A 16-year old girl had diffuse back pain for 1 year.")
>>> d.age_years, d.sex, d.duration_years, d.onset_age_years, d.age_iso8601
(16.0, 'FEMALE', 1.0, 15.0, 'P16Y')
>>> d = extract_demographics("Her mother, aged 45, is well. The patient (16 yo M) had pain.")
>>> d.age_years, d.sex, d.age_source.text
(16.0, 'MALE', '16 yo M')
>>> d = extract_demographics("52M, retired. L THR 2021 (aged 49). Knee pain x 10 yrs.")
>>> d.age_years, d.sex, d.age_source.text, d.onset_age_years
(52.0, 'MALE', '52M', 42.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from osteodx.text.age_patterns import AGE_PATTERNS as _AGE
from osteodx.text.age_patterns import ORDINALS, not_the_patients, years_until
from osteodx.text.birthdate import age_after_birth_date, age_from_dates
from osteodx.text.grandparent import grandparent_narrator
from osteodx.text.iso_age import iso8601
from osteodx.text.narrator import (
    heading_names,
    names_the_patient,
    other_child,
    parent_narrator,
    patient_writes,
    second_person,
    the_child,
    writes_about_parent,
    writes_as_carer,
)
from osteodx.text.onsets import (
    _ABOUT,
    _DURATION,
    _SHE_WAS,
    _UNIT,
    Evidence,
    OnsetStatement,
    _Text,
    _unit_of,
    _years,
    find_onset_statements,
)
from osteodx.text.spouse import spouse_narrator, spouse_sex
from osteodx.text.writer_sex import writer_sex

__all__ = ["Demographics", "Evidence", "OnsetStatement", "extract_demographics",
           "find_onset_statements", "iso8601"]

Sex = Literal["FEMALE", "MALE"]

_FEMALE = {"girl", "woman", "female", "lady", "f", "schoolgirl", "mrs", "ms", "miss"}
_MALE = {"boy", "man", "male", "gentleman", "m", "schoolboy", "mr"}
_RELATIVES = re.compile(r"\b(?:mother|father|sister|brother|siblings?|son|daughter|husband|wife"
                        r"|parents?|grandmother|grandfather|aunt|uncle|cousin|twin|niece|nephew"
                        r"|relatives?|mom|dad|maternal|paternal)\b", re.IGNORECASE)
#: the writer saying what they are or were: "I'm a", "I am an", "as a", "since I was a"
_I_AM_A = re.compile(r"\b(?:I(?:'m|\sam|\swas)|as)\s(?:\w+\s)?$", re.IGNORECASE)
#: a line labelled with a relative: "Mother: Priya SHARMA-COLE, 31"
_RELATIVE_LABEL = re.compile(rf"\s*(?:{_RELATIVES.pattern})\s*:", re.IGNORECASE)
#: a relative named in a sentence: a kinship word or a pedigree number ("II-3")
_ABOUT_KIN = re.compile(rf"{_RELATIVES.pattern}|\b(?:I{{1,3}}|IV|VI{{0,3}})[-:][#\d]{{1,2}}",
                        re.IGNORECASE)
#: what may end a handover's name-and-age line: nothing, or a weight or length
_HANDOVER_REST = re.compile(r"\s*(?:[,;]\s*\d+(?:\.\d+)?\s?(?:kg|g|cm)\b[^\n]*)?\s*")
#: an obstetric history after an age is the mother's: "32 y/o G1P0"
_OBSTETRIC_AFTER = re.compile(r"[\s,;:-]*(?:G#+\s?P#+|gravida|primigravida|multigravida)\b",
                              re.IGNORECASE)
#: markup or a label before a header age on its line: "", "- ", "**Pt:** ", "Patient - "
_HEADER_PREFIX = re.compile(r"[\s*_#>-]*(?:(?:patient|pt|subject|case|name|re|title)[*_]*\s?[:=-]"
                            # the name before the age: "Pt: Kwame A.   38M"
                            r"[*_]*\s?(?:(?-i:[A-Z])[\w'.-]*\s+){0,4})?", re.IGNORECASE)
#: an age at an event, not the patient's: "since she was about 10 years old", "at 3 years of
#: age", "when aged 5", "Since 2 years old", "when I was 6 weeks old"
_EVENT_BEFORE = re.compile(rf"\b(?:since|from|until|till|when|by|before|after|at|diagnosed"
                           rf"|detected|identified|noticed|started|treated|operated|confirmed)\s"
                           rf"(?:{_SHE_WAS}|I\s(?:was|am)\s)?{_ABOUT}$", re.IGNORECASE)
#: an age at a dated past event: "L THR 2021 (aged 49)", "in 1990, aged 18", "(aged 61, 2019)"
#: (not the year of a full date: "Discharge: 06/14/2024 Age at discharge: 12 days")
_YEAR_BEFORE = re.compile(r"(?<![/.-])\b(?:19|20)\d\d\s?[,(]?\s?(?:in\s)?$")
_YEAR_AFTER = re.compile(r"\s?[,;]\s?(?:in\s)?(?:19|20)\d\d\b")
_NEWBORN = re.compile(r"(?<!\bas )(?<!\bwhen )(?<!\bsince )(?<!\bfrom )"  # "operated as a newborn"
                      r"\b(?:a|an|this|the|our)\s(?:[a-z-]+\s){0,2}?(?:newborn|new-born|neonate)"
                      r"(?:\s(?P<noun>girl|boy|female|male))?\b"
                      # "picked up on the newborn hearing test": the test's name, not the patient
                      r"(?!\s(?:hearing|screen|screening|blood|bloodspot|spot|heel|test|tests|check"
                      r"|checks|exam|examination|period|unit|intensive|care|physical|baby check"
                      r"|metabolic|pulse|hip|eye|jaundice)\b)", re.IGNORECASE)
#: "Baby boy of Sarah T.", "Baby girl JONES": how a newborn is named before a given name
_BABY = re.compile(r"\bbaby\s(?P<noun>girl|boy)\b", re.IGNORECASE)
_SEX_NOUN = re.compile(r"\b(?:a|an|the|this|our|that)\s(?:[a-z-]+\s){0,3}?(?P<adj>)"
                       r"(?P<noun>girl|boy|woman|man|lady|gentleman|female|male)\b(?!\s?(?:"
                       r"relatives?|siblings?|members?|patients? (?:were|are)|predominance))",
                       re.IGNORECASE)
_SEX_LABEL = re.compile(r"\b(?:sex|gender|patient)[*_]*\s?[:=,][*_]*\s?(?P<noun>female|male"
                        r"|(?-i:F|M)(?!\.[A-Z]))\b"  # not initials: "Patient: M.T."
                        r"|\b(?P<adj>female|male)\s(?:patient|proband|child|infant|neonate)\b",
                        re.IGNORECASE)
#: a header's sex: "Patient: Mrs Magdalena W.", "29 years old, woman", or a bare "Female" on
#: a line that names the patient ("Name: Isla PRICE   DOB: 09/09/2024   Female")
_SEX_HEADER = re.compile(
    r"\b(?:patient|name|re)[*_]*\s?:[*_]*\s?(?P<noun>mrs|ms|miss|mr)\b\.?"
    r"|\b\d+\s?(?:years?|yrs?|y)(?:[\s-]old)?\s?,\s?(?P<adj>woman|man|female|male|girl|boy)\b"
    r"|^(?=[^\n]*\b(?:DOB|D\.O\.B|Name|NHS|MRN|Hosp(?:ital)? No)\b)[^\n]*?(?<![\w-])"
    r"(?-i:(?P<label>Female|Male|FEMALE|MALE|(?<=, )(?:female|male)(?=,)))(?![\w-])",
    re.IGNORECASE | re.MULTILINE)
#: "hoarse, like a man": a comparison, not the patient's sex
_SIMILE = re.compile(r"\b(?:like|as)\s$", re.IGNORECASE)
_WHEN_WAS = re.compile(r"\b(?:since|when|as|until)\s(?:she|he|they)\swas\s(?:(?:a|an)\s)?"
                       r"(?:\w+\s)?$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?P<f>she|her|hers|herself)\b|\b(?P<m>he|him|his|himself)\b",
                      re.IGNORECASE)
#: a parent's report of the doctor: "she said", "she wants an EEG", "she measured his head"
_REPORTER = re.compile(r"\s(?:said|says|asked|asks|wants|wanted|wrote|writes|measured|checked"
                       r"|called|calls|found|showed|examined|diagnosed|explained"
                       r"|examined|explained|mentioned|suggested|referred|thinks|thought"
                       r"|reckons|told)\b", re.IGNORECASE)
#: a karyotype, mosaics included: "46,XY", "46, XX", "45,X", "47,XXY", "45,X/46,XY"; not
#: "46,XY DSD" (the sex of rearing may differ)
_KARYOTYPE = re.compile(r"(?<![\w/])4[5-9],\s?X{1,4}Y{0,2}(?:/4[5-9],\s?X{1,4}Y{0,2})*"
                        r"(?![A-Za-z/])(?!\s?(?:DSD|disorders?\sof|sex\sreversal|gonadal))")
_ONSET = re.compile(rf"\bsince\s(?:(?:the\s)?age\sof\s|{_SHE_WAS}{_ABOUT}"
                    r"|(?=#+\s?[a-z]+\s(?:old|of\sage)\b))"
                    rf"(?P<n>#+)(?![\w#])(?:\s?{_UNIT}\b)?|\bsince\s(?P<b>birth)\b",
                    re.IGNORECASE)
_COMPLAINT = re.compile(r"\b(?:history|complain\w*|pain\w*|present\w*|suffer\w*|symptom\w*"
                        r"|notic\w*|visit\w*|referred|swelling|progressive|onset|began|started"
                        r"|develop\w*|experienc\w*|admitted)\b", re.IGNORECASE)
_TREATMENT = re.compile(r"\b(?:treat\w*|therap\w*|medicat\w*|supplement\w*|follow\w*|received"
                        r"|given|administ\w*|taking|took|dose|months? later|years? later)\b",
                        re.IGNORECASE)


@dataclass(slots=True)
class Demographics:
    """Age, sex and complaint duration of the patient, each with its source."""

    age_years: float | None = None
    sex: Sex | None = None
    duration_years: float | None = None
    onset_age_years: float | None = None
    age_source: Evidence | None = None
    sex_source: Evidence | None = None
    sex_evidence: Literal["explicit", "pronoun", "karyotype"] | None = None
    duration_source: Evidence | None = None
    onset_source: Evidence | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def age_iso8601(self) -> str | None:
        return None if self.age_years is None else iso8601(self.age_years)

    @property
    def onset_iso8601(self) -> str | None:
        return None if self.onset_age_years is None else iso8601(self.onset_age_years)


def _placed(tx: _Text, m: re.Match[str], where: str) -> bool:
    """Is a header age ("52M") or a heading age ("Re: Name (6 years)") where such lines put
    it? A bare "52M" elsewhere is too often something else ("an 8F catheter", "101 F")."""
    if not where:
        return True
    if where == "child":  # "Our daughter Maja is 3": the writer's child, the patient unless
        # the patient writes of her daughter, or the account is of a son
        return not patient_writes(tx.norm.original) and not other_child(tx.norm.original, m[0])
    if where == "writer":  # "I'm 29": the patient's age unless a parent is writing
        return not parent_narrator(tx.norm.original) and not writes_about_parent(
            tx.norm.original) and not writes_as_carer(tx.norm.original) \
            and not grandparent_narrator(tx.norm.original)  # "I'm the au pair", "I am 71"
    if where == "twins":  # "They turned seven": the twins', one of them the patient
        return re.search(r"\btwins?\b", tx.norm.original, re.IGNORECASE) is not None
    if where == "parent_patient":  # "Mum is 74" in her son's letter about her
        return writes_about_parent(tx.norm.original)
    if where == "spouse_patient":  # "My husband is 45" in his wife's letter about him
        return spouse_narrator(tx.norm.original) is not None
    if where == "name_age":  # "Tom Harlow, 44, a bus driver", "Re: Mrs L. Petersen, 58"
        rest = tx.masked[m.end():max(m.end(), tx.line_end(m.end()))]
        return re.match(r"\s*(?:,|$|(?:years?|yrs?)\b)", rest) is not None
    if where == "named_child":  # "Theo is two and a half now" in "written by Theo's mum"
        return names_the_patient(tx.norm.original, m.group("name"))
    if where == "heading_name":  # "Sofia, who is eleven" when the letter is about Sofia
        return heading_names(tx.norm.original, m.group("name"))
    if m.end() > tx.line_end(m.start()):
        return False  # a heading is one line
    prefix = tx.line_prefix(m.start())
    if where == "heading":
        return re.fullmatch(r"[\s*_#>-]*", prefix) is not None
    if _HEADER_PREFIX.fullmatch(prefix):
        return True
    t = tx.norm.text
    if len(prefix) <= 40 and prefix.rstrip().endswith(",") and \
            _HANDOVER_REST.fullmatch(t, m.end(), tx.line_end(m.start())):
        return True  # a handover's "Bed 6 — Daniel O., 31M", "Ibrahim K, 3y4m M, 14.1 kg"
    # "John SMITH (38M)", "(52F, teacher)"
    return m.start() > 0 and t[m.start() - 1] == "(" and t[m.end():m.end() + 1] in (")", ",")


def _at_event(tx: _Text, m: re.Match[str]) -> bool:
    """Is this an age at some event rather than now: "since she was 10 years old",
    "at 3 years of age", "L THR 2021 (aged 49)", "(aged 61, 2019)"?"""
    s, e = tx.sentence(m.start())
    if _EVENT_BEFORE.search(tx.masked[max(s, m.start() - 40):m.start()]):
        return True
    if _YEAR_BEFORE.search(tx.norm.text[max(s, m.start() - 14):m.start()]):
        return True
    after = _YEAR_AFTER.match(tx.norm.text, m.end())
    return after is not None and after.end() <= e


def _age(tx: _Text, d: Demographics) -> str | None:
    """The first age of the patient; returns the noun that came with it."""
    found: list[tuple[int, re.Match[str], str]] = []
    for rx, where in _AGE:
        found += [(m.start(), m, where) for m in rx.finditer(tx.masked)]
    for _, m, where in sorted(found, key=lambda f: f[0]):
        noun = (m.groupdict().get("noun") or "").lower()
        value = ORDINALS.get((m.groupdict().get("ord") or "").lower()) or tx.value(m)
        if value is None or _RELATIVES.fullmatch(noun or "-") or not _placed(tx, m, where):
            continue
        s, _ = tx.sentence(m.start())
        # its own line or a heading above ("Maternal history:"), not "Mode: ... with mother"
        line = max(s, m.start() - len(tx.line_prefix(m.start())))
        before = tx.masked[max(line, m.start() - 40):m.start()]
        above = tx.masked[max(s, line - 40):line].rstrip()
        if above.endswith(":"):
            before = above + " " + before
        if not where and _RELATIVES.search(before) and not noun:
            continue  # "her mother, aged 45", "Maternal history: 32 y/o"
        if _RELATIVE_LABEL.match(tx.line_prefix(m.start())):
            continue  # "Mother: Priya SHARMA-COLE, 31, G2 P1": the mother's line
        if _OBSTETRIC_AFTER.match(tx.masked, m.end()):
            continue  # "32 y/o G1P0": the mother's age in a newborn's notes
        if not where and _at_event(tx, m):
            continue
        if not_the_patients(tx.masked, m.start(), s):
            continue  # "Bone age: 7 years", "the height of a nine-year-old"
        unit = m.groupdict().get("u")
        years = _years(value, unit)
        if m.groupdict().get("den"):  # "14/12": months, "3/52": weeks, "5/7": days
            per = {12: 12.0, 52: 52.1775, 7: 365.25}.get(int(tx.value(m, "den") or 0))
            if per is None:
                continue
            years = value / per
        if m.groupdict().get("m") and (unit or "y")[0].lower() == "y":
            extra = tx.value(m, "m")
            if extra is not None:  # "4 years and 2 months old"
                years += extra / 12
        if m.groupdict().get("next"):  # "I'll be 35 next month": 34 now
            years -= years_until(m.group("next"), tx.value(m, "k"))
        if m.groupdict().get("days"):  # "7 months and 10 days"
            years += (tx.value(m, "days") or 0) / 365.25
        d.age_years = round(years, 6)
        if where == "heading":  # quote the age in the parentheses, not the name
            d.age_source = tx.evidence(m.start("n"), m.end() - 1)
        else:
            d.age_source = tx.evidence(m.start(), m.end())
        return noun
    babies = [m for m in _NEWBORN.finditer(tx.masked)
              if not _RELATIVES.search(tx.masked, max(tx.sentence(m.start())[0],
                                                      m.start() - 40), m.start())]
    babies += [m for m in _BABY.finditer(tx.masked) if _names_the_patient(tx, m)]
    if babies:  # "A newborn girl", "Baby boy of Sarah T.": no number, age zero
        m = min(babies, key=lambda b: b.start())
        d.age_years, d.age_source = 0.0, tx.evidence(m.start(), m.end())
        return (m.group("noun") or "").lower() or None
    return None


def _names_the_patient(tx: _Text, m: re.Match[str]) -> bool:
    """Does "Baby boy" begin a sentence or a labelled line ("**Patient:** Baby boy of
    Sarah T.")? "She delivered a baby boy" is about someone else's age."""
    s, _ = tx.sentence(m.start())
    return (not tx.masked[s:m.start()].strip(" *_#>-")
            or _HEADER_PREFIX.fullmatch(tx.line_prefix(m.start())) is not None)


#: "told her about ...", "asked him": the parent speaking to the doctor
_TOLD = re.compile(r"\b(?:told|asked|showed|gave|rang|called|emailed|messaged)\s$", re.IGNORECASE)
#: a chat or message thread between parents: "Gemma 11:42: ...", "[13/05 11:42] Dan: ..."
_CHAT = re.compile(r"^\s*(?:\[[^\]\n]{4,20}\]\s*)?[A-Z][a-z]+(?:\s[0-9]{1,2}:[0-9]{2})?:\s"
                   r"(?:.*\n\s*(?:\[[^\]\n]{4,20}\]\s*)?[A-Z][a-z]+(?:\s[0-9]{1,2}:[0-9]{2})?:\s)"
                   r"{3}", re.MULTILINE)


def _sex(tx: _Text, d: Demographics, noun: str | None) -> None:
    """Sex from the age's noun, else a word or label, else pronouns, else a karyotype."""
    if noun and noun in _FEMALE | _MALE and d.age_source is not None:
        d.sex, d.sex_source = ("FEMALE" if noun in _FEMALE else "MALE"), d.age_source
        d.sex_evidence = "explicit"
        return
    found = sorted([*_SEX_NOUN.finditer(tx.masked), *_SEX_LABEL.finditer(tx.masked),
                    *_BABY.finditer(tx.masked), *_SEX_HEADER.finditer(tx.masked)],
                   key=lambda m: m.start())
    for m in found:
        s, _ = tx.sentence(m.start())
        if _RELATIVES.search(tx.masked, max(s, m.start() - 30), m.start()) or (
                re.match(r"(?:the|that|a|an)\s", m[0], re.IGNORECASE)
                and not _I_AM_A.search(tx.masked, max(s, m.start() - 20), m.start())
                and patient_writes(tx.norm.original)):
            continue  # (nor, in the patient's own account, "the man at the Infirmary", "a
            # lady called Mrs Pascoe"; but "I'm a 29-year-old woman")
        if _SIMILE.search(tx.masked, max(0, m.start() - 6), m.start()) or _WHEN_WAS.search(
                tx.masked, max(s, m.start() - 40), m.start()):
            continue  # (nor "blind since she was a girl": a time of life, anyone's)
        group = next(g for g in ("noun", "adj", "label") if g in m.re.groupindex and m.group(g))
        word = m.group(group).lower()
        d.sex = "FEMALE" if word in _FEMALE else "MALE"
        d.sex_source, d.sex_evidence = tx.evidence(*m.span(group)), "explicit"
        return
    own = patient_writes(tx.norm.original)  # "My dad has it too, on his chest": not hers
    # the writer's own words of her sex, or a spouse's "on behalf of my husband"
    if (found := (writer_sex if own else spouse_sex)(tx.norm.original)) is not None:
        (d.sex, m), d.sex_evidence = found, "explicit"
        d.sex_source = Evidence(m.start(), m.end(), m.group())
        return
    if own:
        _karyotype(tx, d)
        return
    child = the_child(tx.norm.original)  # a parent's "my son Oliver": not the doctor's "she"
    named = child and re.search(rf"\b(?:my|our)\s(?:\w+\s)?{child}\b", tx.norm.original, re.I)
    if not named and grandparent_narrator(tx.norm.original):  # "our first grandson"
        named = re.search(r"\b(?:my|our)\s(?:\w+\s)?grand(son|daughter)\b", tx.norm.original,
                          re.IGNORECASE)
        child = named.group(1).lower() if named else child
    if named:
        d.sex, d.sex_evidence = ("MALE" if child == "son" else "FEMALE"), "explicit"
        d.sex_source = Evidence(named.start(), named.end(), named.group())
        return
    pronouns = list(_PRONOUN.finditer(tx.masked))
    if parent_narrator(tx.norm.original) or _CHAT.search(tx.norm.original):
        pronouns = [m for m in pronouns if not (
            (m.group().lower() in ("she", "he") and _REPORTER.match(tx.masked, m.end()))
            or (m.group().lower() in ("her", "him")
                and _TOLD.search(tx.masked, max(0, m.start() - 10), m.start())))]
    # a sentence naming a relative may speak of the relative ("II-3, Orla's father, 38 ...
    # He never needed surgery"): the pronouns of the other sentences decide, when they can
    alone = [m for m in pronouns if not _kin_sentence(tx, m.start())]
    if len(alone) >= 3:
        pronouns = alone
    female = [m for m in pronouns if m.group("f")]
    male = [m for m in pronouns if m.group("m")]
    if female and len(female) >= 3 * len(male):
        d.sex, first = "FEMALE", female[0]
    elif male and len(male) >= 3 * len(female):
        d.sex, first = "MALE", male[0]
    else:
        _karyotype(tx, d)
        return
    d.sex_source, d.sex_evidence = tx.evidence(*first.span()), "pronoun"
    d.notes.append(f"sex {d.sex.lower()} inferred from pronouns only "
                   f"({len(female)} female, {len(male)} male)")


def _kin_sentence(tx: _Text, pos: int) -> bool:
    """Does the sentence at *pos* name a relative, or open with a pronoun right after a
    sentence that does ("II-3, Orla's father, carries the variant. He never needed ...")?"""
    start, end = tx.sentence(pos)
    if _ABOUT_KIN.search(tx.masked, start, end):
        return True
    return start > 0 and _PRONOUN_FIRST.match(tx.masked, start) is not None \
        and _ABOUT_KIN.search(tx.masked, *tx.sentence(start - 1)) is not None


_PRONOUN_FIRST = re.compile(r"\W*(?:he|she|his|her)\b", re.IGNORECASE)


def _karyotype(tx: _Text, d: Demographics) -> None:
    """The weakest evidence: a karyotype (with a Y: male), when nothing else says the sex.
    Chromosomal sex is not always the sex the report uses (46,XX males, 46,XY DSD), so words
    and pronouns win; mosaics with and without a Y ("45,X/46,XY") decide nothing."""
    found = [m for m in _KARYOTYPE.finditer(tx.norm.text)
             if not _RELATIVES.search(tx.masked, max(tx.sentence(m.start())[0],
                                                     m.start() - 60), m.start())]
    with_y = {"Y" in part for m in found for part in m.group().split("/")}
    if len(with_y) != 1:
        return
    d.sex = "MALE" if with_y.pop() else "FEMALE"
    d.sex_source, d.sex_evidence = tx.evidence(*found[0].span()), "karyotype"
    d.notes.append(f"sex {d.sex.lower()} inferred from the karyotype only "
                   f"({' '.join(found[0].group().split())})")


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


#: in a letter to the patient: "You are 31.", "you are now 31 years old"
_YOU_ARE = re.compile(r"\b(?-i:Y)ou(?:'re|\sare)\s(?:now\s)?(?P<n>#+)(?:\s(?:years?|yrs?)"
                      r"(?:\s(?:old|of\sage))?)?(?=\s?[.,;]|\s(?:and|with)\b)", re.IGNORECASE)
#: a bare age said of "he" or "she", whoever that is: "He's 70 now" (not "He is 16 years
#: old", which a letter says of its patient)
_UNITLESS = r"(?!(?:years?|yrs?|months?|old)\b)[a-z]+"
_PRONOUN_AGE = re.compile(rf"(?:she|he)(?:\sis|'s|’s)\s(?:now\s|just\s)?(?:\d+(?:\.\d+)?"
                          rf"|{_UNITLESS}(?:[ -]{_UNITLESS}){{0,4}}?)(?:\snow)?"
                          r"(?=\s?[).,;]|\s?$|\s(?:and|but)\s)", re.IGNORECASE)
#: the addressee's title: "Ms Sofia Markovic", "Dear Mr Jones", "To: Ms Amira H."
_TITLE = re.compile(r"^\s*(?:(?:Dear|To:?)\s+)?(?P<t>Mrs|Ms|Miss|Mr)\.?\s+[A-Z]", re.MULTILINE)


def _letter_to_patient(tx: _Text, d: Demographics) -> None:
    """Age from "You are 31" and sex from the addressee's title; pronouns are not used."""
    if d.age_years is None and (m := _YOU_ARE.search(tx.masked)) is not None:
        value = tx.value(m)
        if value is not None:
            d.age_years, d.age_source = float(value), tx.evidence(m.start(), m.end())
    title = _TITLE.search(tx.norm.original)
    if title is not None:
        d.sex = "FEMALE" if title.group("t") != "Mr" else "MALE"
        d.sex_source = Evidence(*title.span("t"), title.group("t"))
        d.sex_evidence = "explicit"
    d.notes.append("a letter to the patient: 'you' is the patient, and he / she are relatives")


def extract_demographics(text: str) -> Demographics:
    """Age, sex, duration of the complaint and onset age stated in *text*."""
    tx = _Text(text)
    d = Demographics()
    if second_person(text):
        _letter_to_patient(tx, d)
        if d.age_years is None:
            _age(tx, d)
        _duration(tx, d)
        return d
    noun = _age(tx, d)
    dated = age_from_dates(text)  # more exact than a stated "17-year-old" that it agrees with
    if dated is not None and (d.age_years is None or d.age_years == int(dated[0]) >= 1
                              or (d.age_years == 0 and dated[0] < 1)  # "a newborn", dated
                              # "he was a floppy newborn" in the history of an 8-year-old
                              or (d.age_years == 0 and d.age_source is not None and re.search(
                                  r"\b(?:was|were)\s(?:an?\s)?(?:\w+\s)?(?:newborn|neonate"
                                  r"|baby|infant)\b", text[max(0, d.age_source.start - 12):
                                                             d.age_source.end]))
                              or (d.age_source is not None
                                  and _PRONOUN_AGE.match(text, d.age_source.start))):
        # and surer than "he's 70 now" in a transcript: "he" may be anyone but the patient
        # offsets of the text itself: "Oliver K.     Male     DOB: 12/03/2021" (runs of spaces)
        d.age_years, d.age_source = dated[0], Evidence(dated[1], dated[2],
                                                       text[dated[1]:dated[2]])
        d.notes.append(dated[3])  # "DOB 11/11/2022 ... Seen: 20/02/2025"
    elif (stated := age_after_birth_date(text)) is not None and (
            d.age_years is None or int(d.age_years) == int(stated[0])) \
            and not _RELATIVES.search(text, text.rfind("\n", 0, stated[1]) + 1, stated[1]):
        # "DOB 11/06/2021 (5 yr 9 mo)" beside a "5-year-old" said earlier
        d.age_years, d.age_source = stated[0], Evidence(stated[1], stated[2],
                                                        text[stated[1]:stated[2]])
    _sex(tx, d, noun)
    _duration(tx, d)
    return d
