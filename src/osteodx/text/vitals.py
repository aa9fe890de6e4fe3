"""Blood pressure, QTc, heart rate and oxygen saturation readings as findings ("BP 146/94"
in an adult -> Hypertension; "QTc 506 ms" -> Prolonged QTc interval; an adult's "HR 112" ->
Tachycardia, a 2-year-old's "HR 150" too; "BP 84/50" -> Hypotension; "SpO2 88%" -> Hypoxemia
at any age).

Reports give the reading, not the word. The thresholds are data with their guidelines
(``knowledge/vitals.yaml``): 140/90 mmHg from 18 years (ESC/ESH 2018, NICE NG136), 130/80
from 13 years and the 95th centile at any age when the report states it (AAP 2017). A child
under 13 without a stated centile, or a patient of unknown age, gives nothing: the reading
cannot be judged without height- and age-specific tables. Only elevated readings are
findings (one normal office reading does not exclude hypertension that is treated). Only
statements about this patient count. Heart rate is judged in adults against 50-100 per minute
(ACC/AHA/HRS) and in children against the 1st and 99th centiles for age (Fleming 2011); low
blood pressure (systolic below 90 mmHg, NHLBI) in adults only, as children's normal values
depend on age and height; oxygen saturation below 90% (WHO) and a body temperature of 38.0 C
or more (CDC, NICE NG143) at any age. A blood pressure in kPa ("BP 18.7/12 kPa") is converted
to mmHg and judged alike, the note naming both; one that is no blood pressure once converted
("BP 120/80 kPa", 900/600 mmHg) is a unit slip, a warning and never read as mmHg.

>>> [(v.hpo_id, v.note) for v in find_vital_signs("BP today 146/94 mmHg.", age_years=22)]
[('HP:0032263', 'blood pressure 146/94 mmHg at or above 140/90 (adult)')]
>>> find_vital_signs("BP 118/70.", age_years=22)
[]
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from osteodx.labs.result import fmt
from osteodx.labs.units import convert
from osteodx.labs.vitals import (
    blood_pressure_verdict,
    heart_rate_limits,
    plausible_range,
    temperature_verdict,
    vitals_data,
)
from osteodx.text.context import ContextAnalyser, context_of

__all__ = ["VitalSign", "find_vital_signs", "vitals_data"]

#: "BP 146/94", "blood pressure today 146/94 mmHg", "BP: 128/84 (>95th centile for age)"
_BP = re.compile(
    r"\b(?:BP|blood pressure|B\.P\.)\b[^0-9\n.;]{0,25}?(?<![\d/])(?P<s>\d{2,3})\s*(?:/|over)\s*"
    r"(?P<d>\d{2,3})(?![\d/]|(?:\.\d+)?\s*kPa\b)(?:\s*mm\s?Hg)?(?P<c>\s*\(\s*(?:>|≥|above|over)\s*(?:the\s*)?"
    r"(?P<cv>\d{2})(?:st|nd|rd|th)?\s*(?:centile|percentile|%ile)[^)]*\))?", re.IGNORECASE)


#: "BP 18.7/12 kPa", "blood pressure 16/10.7 kPa": kilopascals, as some European reports give
_BP_KPA = re.compile(
    r"\b(?:BP|blood pressure|B\.P\.)\b[^0-9\n.;]{0,25}?(?<![\d/.])(?P<s>\d{1,3}(?:\.\d{1,2})?)"
    r"\s*(?:/|over)\s*(?P<d>\d{1,3}(?:\.\d{1,2})?)\s*kPa\b", re.IGNORECASE)


class _Reading(NamedTuple):
    """A blood pressure reading in mmHg, with how it was written ("18.7/12 kPa (140/90 mmHg)")."""

    start: int
    end: int
    systolic: float
    diastolic: float
    shown: str
    centile: int | None
    text: str


def _plausible(systolic: float, diastolic: float) -> bool:
    """Whether a pair in mmHg can be a blood pressure (``vitals.yaml``'s plausible bounds):
    anything else is a ratio ("BP 2/3 of cases") or, for a reading in kPa, a unit slip
    ("BP 120/80 kPa")."""
    (s_lo, s_hi), (d_lo, d_hi) = plausible_range("systolic"), plausible_range("diastolic")
    return s_lo <= systolic <= s_hi and d_lo <= diastolic <= d_hi


def _readings(text: str, ctx: ContextAnalyser, warnings: list[str] | None) -> list[_Reading]:
    """The blood pressures of *text*, in mmHg and in text order. A reading in kPa is
    converted (1 kPa = 7.50062 mmHg, by pint); one that is no blood pressure once converted
    ("BP 120/80 kPa": 900/600 mmHg) is a unit slip, named in *warnings*, not a reading."""
    out = []
    for m in _BP.finditer(text):
        systolic, diastolic = int(m.group("s")), int(m.group("d"))
        if _plausible(systolic, diastolic):  # else not a blood pressure ("BP 2/3 of cases")
            centile = int(m.group("cv")) if m.group("cv") else None
            out.append(_Reading(m.start(), m.end(), systolic, diastolic,
                                f"{systolic}/{diastolic} mmHg", centile, m.group(0)))
    for m in _BP_KPA.finditer(text):
        s_kpa, d_kpa = float(m.group("s")), float(m.group("d"))
        systolic, diastolic = (convert(x, "kPa", "mm[Hg]") for x in (s_kpa, d_kpa))
        written = f"{fmt(s_kpa)}/{fmt(d_kpa)} kPa"
        mmhg = f"{systolic:.0f}/{diastolic:.0f} mmHg"
        if _plausible(systolic, diastolic):
            out.append(_Reading(m.start(), m.end(), systolic, diastolic,
                                f"{written} ({mmhg})", None, m.group(0)))
        elif warnings is not None and ctx.assess(m.start(), m.end()).about_patient:
            hint = f"; {fmt(s_kpa)}/{fmt(d_kpa)} mmHg would be plausible" \
                if _plausible(s_kpa, d_kpa) else ""
            warnings.append(f"blood pressure {m.group(0).strip()!r}: {written} is {mmhg}, not a "
                            f"plausible blood pressure{hint}: check the unit; not used")
    return sorted(out, key=lambda r: r.start)


class VitalSign(NamedTuple):
    hpo_id: str
    start: int
    end: int
    note: str


#: "QTc 506 ms", "QTc (Bazett) 506ms", "QTc: 478"
_QTC = re.compile(r"\bQTc\b[^0-9\n.;]{0,20}?(?<![\d/])(?P<v>\d{3})(?![\d/])\s*(?:ms|msec)?",
                  re.IGNORECASE)


def _data() -> dict[str, Any]:
    return vitals_data()


def find_vital_signs(text: str, age_years: float | None = None,
                     ctx: ContextAnalyser | None = None, *, sex: str | None = None,
                     warnings: list[str] | None = None) -> list[VitalSign]:
    """Increased blood pressure from the patient's readings and a prolonged QTc from the
    ECG's corrected QT ("male"/"female" *sex* chooses its threshold), in text order (one
    finding per reading). A reading whose diastolic exceeds its systolic ("BP 80/150",
    likely swapped) is no finding, and is named in *warnings*."""
    t = _data()["blood_pressure"]
    ctx = ctx or context_of(text)
    out: list[VitalSign] = []
    readings = _readings(text, ctx, warnings)
    for r in readings:
        systolic, diastolic = r.systolic, r.diastolic
        if diastolic > systolic and warnings is not None and \
                ctx.assess(r.start, r.end).about_patient:
            warnings.append(f"blood pressure {r.text.strip()!r}: diastolic {diastolic:.0f} "
                            f"exceeds systolic {systolic:.0f} (likely swapped); not used")
        if diastolic >= systolic:
            continue
        why = blood_pressure_verdict(systolic, diastolic, r.centile, age_years)
        if why is None or not ctx.assess(r.start, r.end).about_patient:
            continue
        out.append(VitalSign(t["term"], r.start, r.end, f"blood pressure {r.shown} {why}"))
    out += _low_pressure(readings, age_years, ctx) + _rates(text, age_years, ctx)
    out += _temperature(text, ctx)
    q = _data()["qtc"]
    limit = q["male_ms"] if sex == "male" else q["female_ms"]
    for m in _QTC.finditer(text):
        ms = int(m.group("v"))
        lo, hi = plausible_range("qtc")
        if not lo <= ms <= hi or ms < limit:
            continue
        if not ctx.assess(m.start(), m.end()).about_patient:
            continue
        who = {"male": "men", "female": "women"}.get(sex or "", "women, sex unknown")
        out.append(VitalSign(q["term"], m.start(), m.end(),
                             f"QTc {ms} ms at or above {limit} ms ({who})"))
    return sorted(out, key=lambda v: v.start)


#: "HR 112", "heart rate 44 bpm", "pulse 130/min", "P 112 regular"
#: (not the "hr" of a unit: "ESR 36 mm/hr (<20)", nor a limit: "(<20)")
_HR = re.compile(r"(?<!/)\b(?:HR|heart rate|pulse(?: rate)?)\b[^0-9\n.;]{0,12}?(?<![\d/.<>])"
                 r"(?P<v>\d{2,3})(?!\d|/(?!min)|\.\d)\s*(?:bpm|/min|beats)?",
                 re.IGNORECASE)
#: "SpO2 88% in air", "sats 86%", "O2 saturation 89 %", "oxygen saturations of 85%"
_SPO2 = re.compile(r"\b(?:SpO2|SaO2|sats?|O2 sat(?:uration)?s?|oxygen saturations?)\b[^0-9\n.;]"
                   r"{0,12}?(?<![\d/.])(?P<v>\d{2,3})\s*%", re.IGNORECASE)


#: "T 38.3", "Temp 38.9 C", "temperature of 39.2°C", "Tmax 38.5" (degrees Celsius, 34-43)
_TEMP = re.compile(r"\b(?:(?-i:T)|temp|temperature|(?-i:T)\s?max)\b\.?[^0-9\n;]{0,14}?(?<![\d/.])"
                   r"(?P<v>(?:3[4-9]|4[0-3])(?:\.\d)?)(?![\d/])\s*(?:°\s?C|degrees?\s?C?|C\b)?",
                   re.IGNORECASE)


def _temperature(text: str, ctx: ContextAnalyser) -> list[VitalSign]:
    """Fever from a body temperature of 38.0 C or more (labs/vitals.py)."""
    out = []
    for m in _TEMP.finditer(text):
        verdict = temperature_verdict(float(m.group("v")))
        if verdict.hpo_id and ctx.assess(m.start(), m.end()).about_patient:
            out.append(VitalSign(verdict.hpo_id, m.start(), m.end(), verdict.why))
    return out


def _low_pressure(readings: list[_Reading], age: float | None,
                  ctx: ContextAnalyser) -> list[VitalSign]:
    h = _data()["hypotension"]
    if age is None or age < h["min_age_years"]:
        return []
    out = []
    for r in readings:
        if not r.systolic < h["systolic_below"] or r.diastolic >= r.systolic:
            continue
        if ctx.assess(r.start, r.end).about_patient:
            out.append(VitalSign(h["term"], r.start, r.end,
                                 f"blood pressure {r.shown}, systolic below "
                                 f"{h['systolic_below']} (adult)"))
    return out


def _rates(text: str, age: float | None, ctx: ContextAnalyser) -> list[VitalSign]:
    """Tachycardia or bradycardia from the heart rate for age; hypoxaemia from SpO2."""
    out = []
    hr = _data()["heart_rate"]
    limits = heart_rate_limits(age)
    for m in _HR.finditer(text) if limits is not None else ():
        below, above, table = limits  # type: ignore[misc]
        bpm = int(m.group("v"))
        lo, hi = plausible_range("heart_rate")
        if not lo <= bpm <= hi or below <= bpm <= above:
            continue
        if ctx.assess(m.start(), m.end()).about_patient:
            high = bpm > above
            out.append(VitalSign(hr["tachycardia_term" if high else "bradycardia_term"],
                                 m.start(), m.end(), f"heart rate {bpm}/min "
                                 + (f"above {above:g}" if high else f"below {below:g}")
                                 + f" ({table})"))
    o = _data()["oxygen_saturation"]
    for m in _SPO2.finditer(text):
        pct = int(m.group("v"))
        if plausible_range("oxygen_saturation")[0] <= pct < o["below_percent"] and \
                ctx.assess(m.start(), m.end()).about_patient:
            out.append(VitalSign(o["term"], m.start(), m.end(),
                                 f"oxygen saturation {pct}% below {o['below_percent']}%"))
    return out
