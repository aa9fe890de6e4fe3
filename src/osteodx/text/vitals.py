"""Blood pressure and QTc readings as findings ("BP 146/94" in an adult -> Hypertension;
"QTc 506 ms" -> Prolonged QTc interval).

Reports give the reading, not the word. The thresholds are data with their guidelines
(``knowledge/vitals.yaml``): 140/90 mmHg from 18 years (ESC/ESH 2018, NICE NG136), 130/80
from 13 years and the 95th centile at any age when the report states it (AAP 2017). A child
under 13 without a stated centile, or a patient of unknown age, gives nothing: the reading
cannot be judged without height- and age-specific tables. Only elevated readings are
findings (one normal office reading does not exclude hypertension that is treated). Only
statements about this patient count.

>>> [(v.hpo_id, v.note) for v in find_vital_signs("BP today 146/94 mmHg.", age_years=22)]
[('HP:0000822', 'blood pressure 146/94 mmHg at or above 140/90 (adult)')]
>>> find_vital_signs("BP 118/70.", age_years=22)
[]
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from osteodx.knowledge import load_yaml
from osteodx.text.context import ContextAnalyser

__all__ = ["VitalSign", "find_vital_signs"]

#: "BP 146/94", "blood pressure today 146/94 mmHg", "BP: 128/84 (>95th centile for age)"
_BP = re.compile(
    r"\b(?:BP|blood pressure|B\.P\.)\b[^0-9\n.;]{0,25}?(?<![\d/])(?P<s>\d{2,3})\s*/\s*"
    r"(?P<d>\d{2,3})(?![\d/])(?:\s*mm\s?Hg)?(?P<c>\s*\(\s*(?:>|≥|above|over)\s*(?:the\s*)?"
    r"(?P<cv>\d{2})(?:st|nd|rd|th)?\s*(?:centile|percentile|%ile)[^)]*\))?", re.IGNORECASE)


class VitalSign(NamedTuple):
    hpo_id: str
    start: int
    end: int
    note: str


#: "QTc 506 ms", "QTc (Bazett) 506ms", "QTc: 478"
_QTC = re.compile(r"\bQTc\b[^0-9\n.;]{0,20}?(?<![\d/])(?P<v>\d{3})(?![\d/])\s*(?:ms|msec)?",
                  re.IGNORECASE)


@cache
def _data() -> dict[str, Any]:
    text = (resources.files("osteodx.knowledge") / "vitals.yaml").read_text("utf-8")
    return load_yaml(text)


def _table() -> dict[str, Any]:
    return _data()["blood_pressure"]


def _verdict(systolic: int, diastolic: int, centile: int | None, age: float | None,
             t: dict[str, Any]) -> str | None:
    """Why the reading is high ("at or above 140/90 (adult)"), or None."""
    if centile is not None:
        return f"above the {centile}th centile" if centile >= t["centile"] else None
    for band in ("adult", "adolescent"):
        b = t[band]
        if age is not None and age >= b["min_age_years"]:
            if systolic >= b["systolic"] or diastolic >= b["diastolic"]:
                return f"at or above {b['systolic']}/{b['diastolic']} ({band})"
            return None
    return None


def find_vital_signs(text: str, age_years: float | None = None,
                     ctx: ContextAnalyser | None = None, *, sex: str | None = None
                     ) -> list[VitalSign]:
    """Hypertension from the patient's blood pressure readings and a prolonged QTc from the
    ECG's corrected QT ("male"/"female" *sex* chooses its threshold), in text order (one
    finding per reading)."""
    t = _table()
    ctx = ctx or ContextAnalyser(text)
    out: list[VitalSign] = []
    for m in _BP.finditer(text):
        systolic, diastolic = int(m.group("s")), int(m.group("d"))
        if not 50 <= systolic <= 300 or not 20 <= diastolic <= 200 or diastolic >= systolic:
            continue  # not a blood pressure ("BP 2/3 of cases")
        centile = int(m.group("cv")) if m.group("cv") else None
        why = _verdict(systolic, diastolic, centile, age_years, t)
        if why is None or not ctx.assess(m.start(), m.end()).about_patient:
            continue
        out.append(VitalSign(t["term"], m.start(), m.end(),
                             f"blood pressure {systolic}/{diastolic} mmHg {why}"))
    q = _data()["qtc"]
    limit = q["male_ms"] if sex == "male" else q["female_ms"]
    for m in _QTC.finditer(text):
        ms = int(m.group("v"))
        if not 300 <= ms <= 700 or ms < limit:
            continue
        if not ctx.assess(m.start(), m.end()).about_patient:
            continue
        who = {"male": "men", "female": "women"}.get(sex or "", "women, sex unknown")
        out.append(VitalSign(q["term"], m.start(), m.end(),
                             f"QTc {ms} ms at or above {limit} ms ({who})"))
    return sorted(out, key=lambda v: v.start)
