"""Vital signs judged against guideline thresholds, for text and phenopackets alike.

The thresholds are data with their guidelines (``knowledge/vitals.yaml``): blood pressure
140/90 mmHg from 18 years (ESC/ESH 2018, NICE NG136), 130/80 from 13 years, the 95th centile
when a report states it (AAP 2017); heart rate 50-100 per minute in adults (ACC/AHA/HRS) and
the 1st-99th centiles for age in children (Fleming 2011); systolic pressure below 90 mmHg in
adults (NHLBI); oxygen saturation below 90 % (WHO); QTc 450 / 460 ms (AHA/ACCF/HRS); body
temperature 38.0 C or higher (CDC, NICE NG143).

A phenopacket gives each reading as a measurement (LOINC 8867-4 heart rate, 8480-6 systolic
and 8462-4 diastolic pressure, 59408-5 / 2708-6 oxygen saturation, 8636-3 QTc, 8310-5 body
temperature; a blood-pressure panel's ``complexValue`` is split into its systolic and
diastolic readings by :mod:`osteodx.labs.complex_value`):
:func:`judge_vital` says what each means for a patient of that age and sex. Only an abnormal
reading is a finding: one normal office reading excludes neither hypertension (it may be
treated) nor an arrhythmia; a raised blood pressure is "Increased blood pressure" (one
reading is not yet hypertension), and a child's reading below 140/90 mmHg without its centile
is not judged (its normal values depend on height; 140/90 is stage 2 at any height).

>>> judge_vital("systolic", 146, 22, None).hpo_id
'HP:0032263'
>>> judge_vital("systolic", 150, 9, None).why
'systolic 150 mmHg at or above 140 (child, 1-12 y: stage 2 at any height)'
>>> judge_vital("diastolic", 90, 16, None).why
'diastolic 90 mmHg at or above 80 (adolescent, 13-17 y)'
>>> judge_vital("heart_rate", 150, 2.5, None).why
'heart rate 150/min above 142 (1st-99th centile for age)'
>>> judge_vital("heart_rate", 88, 16, None).outcome
'N'
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from osteodx.errors import KnowledgeBaseError
from osteodx.knowledge import load_yaml
from osteodx.labs.units import UnitError, convert, parse_ucum, parse_unit

__all__ = ["VITAL_LOINC", "VitalVerdict", "blood_pressure_verdict", "heart_rate_limits",
           "in_canonical_unit", "judge_vital", "plausible_range", "temperature_verdict",
           "to_celsius", "vitals_data"]

#: LOINC code -> (kind, display name, canonical UCUM unit)
VITAL_LOINC: dict[str, tuple[str, str, str]] = {
    "LOINC:8867-4": ("heart_rate", "Heart rate", "/min"),
    "LOINC:8480-6": ("systolic", "Systolic blood pressure", "mm[Hg]"),
    "LOINC:8462-4": ("diastolic", "Diastolic blood pressure", "mm[Hg]"),
    "LOINC:59408-5": ("oxygen_saturation", "Oxygen saturation (pulse oximetry)", "%"),
    "LOINC:2708-6": ("oxygen_saturation", "Oxygen saturation, arterial", "%"),
    "LOINC:8636-3": ("qtc", "QTc interval", "ms"),
    "LOINC:8310-5": ("temperature", "Body temperature", "Cel"),
}

#: the kinds of reading whose plausible bounds ``vitals.yaml`` must give
_KINDS = ("heart_rate", "systolic", "diastolic", "oxygen_saturation", "qtc", "temperature")


class VitalVerdict(NamedTuple):
    """``outcome`` H/L/N, or None when the reading cannot be judged (``why`` says why);
    the finding (``hpo_id``, ``label``) of an abnormal reading, and the guideline."""

    outcome: str | None
    hpo_id: str | None
    why: str
    source: str
    label: str = ""


def vitals_data() -> dict[str, Any]:
    """The thresholds of ``knowledge/vitals.yaml`` (read once)."""
    return _data()


@cache
def _data() -> dict[str, Any]:
    text = (resources.files("osteodx.knowledge") / "vitals.yaml").read_text("utf-8")
    data = load_yaml(text)
    _check_plausible(data.get("plausible"))
    return data


def _check_plausible(table: Any) -> None:
    """Every kind has numeric ``low`` < ``high`` and a ``basis``: a damaged file fails at
    start, naming the field, rather than judging readings against a missing bound."""
    where = "knowledge/vitals.yaml: plausible"
    if not isinstance(table, dict):
        raise KnowledgeBaseError(f"{where}: missing (a mapping of reading kinds to bounds)")
    for kind in _KINDS:
        entry = table.get(kind)
        if not isinstance(entry, dict):
            raise KnowledgeBaseError(f"{where}.{kind}: missing")
        lo, hi = entry.get("low"), entry.get("high")
        for name, value in (("low", lo), ("high", hi)):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise KnowledgeBaseError(f"{where}.{kind}.{name}: {value!r} is not a number")
        if not lo < hi:
            raise KnowledgeBaseError(f"{where}.{kind}: low {lo!r} is not below high {hi!r}")
        if not str(entry.get("basis") or "").strip():
            raise KnowledgeBaseError(f"{where}.{kind}.basis: missing (why these bounds)")


def plausible_range(kind: str) -> tuple[float, float]:
    """The (low, high) a reading of *kind* can be, in its canonical unit (``vitals.yaml``).

    >>> plausible_range("systolic")
    (50, 300)
    """
    entry = _data()["plausible"][kind]
    return entry["low"], entry["high"]


def blood_pressure_verdict(systolic: float | None, diastolic: float | None,
                           centile: int | None, age: float | None) -> str | None:
    """Why a blood pressure reading is high ("at or above 140/90 (adult)"), or None. Either
    value may be missing (a phenopacket gives them as two measurements)."""
    t = _data()["blood_pressure"]
    if centile is not None:
        return f"above the {centile}th centile" if centile >= t["centile"] else None
    for band in ("adult", "adolescent", "child"):
        b = t[band]
        if age is not None and age >= b["min_age_years"]:
            if (systolic is not None and systolic >= b["systolic"]) or (
                    diastolic is not None and diastolic >= b["diastolic"]):
                stage = ", stage 2 at any height" if band == "child" else ""
                return f"at or above {b['systolic']}/{b['diastolic']} ({band}{stage})"
            return None
    return None


def heart_rate_limits(age: float | None) -> tuple[float, float, str] | None:
    """(lowest normal, highest normal, which table) per minute for *age* in years."""
    hr = _data()["heart_rate"]
    if age is None or age < 0:
        return None
    if age >= hr["min_age_years"]:
        return hr["below"], hr["above"], "adult"
    for lo_age, hi_age, first, ninety_ninth in hr["children"]:
        if lo_age <= age < hi_age:
            return first, ninety_ninth, "1st-99th centile for age"
    return None


def judge_vital(kind: str, value: float, age: float | None, sex: str | None) -> VitalVerdict:
    """One reading of *kind* (a :data:`VITAL_LOINC` kind) in its canonical unit, for a
    patient of *age* years and *sex* (``male``/``female``/None)."""
    lo, hi = plausible_range(kind)
    if not lo <= value <= hi:
        return VitalVerdict(None, None, f"{value:g} is implausible (plausible {lo}-{hi})", "")
    if kind in ("systolic", "diastolic"):
        return _pressure(kind, value, age)
    if kind == "heart_rate":
        return _heart_rate(value, age)
    if kind == "oxygen_saturation":
        o = _data()["oxygen_saturation"]
        low = value < o["below_percent"]
        return VitalVerdict("L" if low else "N", o["term"] if low else None,
                            f"oxygen saturation {value:g}% "
                            f"{'below' if low else 'at or above'} {o['below_percent']}%",
                            _cite(o["source"]), o["term_label"] if low else "")
    if kind == "temperature":
        return temperature_verdict(value)
    q = _data()["qtc"]  # kind == "qtc"
    limit = q["male_ms"] if sex == "male" else q["female_ms"]
    who = {"male": "men", "female": "women"}.get(sex or "", "women, sex unknown")
    long = value >= limit
    return VitalVerdict("H" if long else "N", q["term"] if long else None,
                        f"QTc {value:g} ms {'at or above' if long else 'below'} {limit} ms "
                        f"({who})", _cite(q["source"]), q["term_label"] if long else "")


#: a temperature's unit as UCUM or people write it (pint's offset units are not needed here)
_CELSIUS = frozenset({"cel", "°c", "degc", "c", "deg c", "degrees c", "celsius"})
_FAHRENHEIT = frozenset({"[degf]", "°f", "degf", "f", "deg f", "degrees f", "fahrenheit"})


def to_celsius(value: float, unit: str) -> float | None:
    """*value* in degrees Celsius, from a UCUM ``Cel`` / ``[degF]`` or a written unit; None
    for any other unit.

    >>> to_celsius(38.3, "UCUM:Cel"), to_celsius(101.3, "[degF]"), to_celsius(38, "mmHg")
    (38.3, 38.5, None)
    """
    u = unit.strip().lower().removeprefix("ucum:").strip()
    if u in _CELSIUS:
        return value
    if u in _FAHRENHEIT:
        return round((value - 32) * 5 / 9, 1)
    return None


def in_canonical_unit(kind: str, value: float, unit: Any) -> float:
    """*value* of a *kind* reading (a :data:`VITAL_LOINC` kind) in the kind's canonical unit,
    from a phenopacket unit (``{"id": "UCUM:mm[Hg]", "label": "mmHg"}``) or a string; raises
    :class:`~osteodx.labs.units.UnitError` for a unit that does not fit. A temperature's
    offset units are read as written (:func:`to_celsius`)."""
    if kind != "temperature":
        canonical = next(u for k, _, u in VITAL_LOINC.values() if k == kind)
        return convert(value, parse_unit(unit or ""), parse_ucum(canonical))
    names = [str(unit.get(k) or "") for k in ("id", "label")] if isinstance(unit, dict) \
        else [str(unit or "")]
    for name in names:
        if (celsius := to_celsius(value, name)) is not None:
            return celsius
    raise UnitError(f"unit {' / '.join(filter(None, names))!r} is not a temperature unit")


def temperature_verdict(celsius: float) -> VitalVerdict:
    """A body temperature in degrees Celsius: 38.0 or higher is a fever (at any age)."""
    t = _data()["temperature"]
    hot = celsius >= t["at_or_above_celsius"]
    return VitalVerdict("H" if hot else "N", t["term"] if hot else None,
                        f"temperature {celsius:g} C {'at or above' if hot else 'below'} "
                        f"{t['at_or_above_celsius']:g} C", _cite(t["source"]),
                        t["term_label"] if hot else "")


def _pressure(kind: str, value: float, age: float | None) -> VitalVerdict:
    t, h = _data()["blood_pressure"], _data()["hypotension"]
    if age is None:
        return VitalVerdict(None, None, "age unknown: a blood pressure is judged for age", "")
    band = next((b for b in ("adult", "adolescent", "child")
                 if age >= t[b]["min_age_years"]), None)
    if band is None or (band == "child" and value < t["child"][kind]):
        # osteodx has no centile tables (AAP 2017): only a printed centile can judge it
        return VitalVerdict(None, None, "a child's blood pressure is judged against the "
                            "centiles for age, sex and height; osteodx has no centile tables "
                            "and the reading gave no centile", "")
    limit = t[band][kind]
    ages = {"adult": "18 y and over", "adolescent": "13-17 y",
            "child": "1-12 y: stage 2 at any height"}[band]
    src = _cite(t[band]["source"])
    if value >= limit:
        return VitalVerdict("H", t["term"], f"{kind} {value:g} mmHg at or above {limit} "
                            f"({band}, {ages})", src, t["term_label"])
    if kind == "systolic" and age >= h["min_age_years"] and value < h["systolic_below"]:
        return VitalVerdict("L", h["term"], f"systolic {value:g} mmHg below "
                            f"{h['systolic_below']} (adult)", _cite(h["source"]),
                            h["term_label"])
    return VitalVerdict("N", None, f"{kind} {value:g} mmHg below {limit} ({band}, {ages})",
                        src)


def _heart_rate(bpm: float, age: float | None) -> VitalVerdict:
    hr = _data()["heart_rate"]
    limits = heart_rate_limits(age)
    if limits is None:
        return VitalVerdict(None, None, "age unknown: a heart rate is judged for age", "")
    below, above, table = limits
    adult = table == "adult"
    if bpm > above:
        src = _cite(hr["tachycardia_source"] if adult else hr["children_source"])
        return VitalVerdict("H", hr["tachycardia_term"],
                            f"heart rate {bpm:g}/min above {above:g} ({table})", src,
                            hr["tachycardia_label"])
    if bpm < below:
        src = _cite(hr["bradycardia_source"] if adult else hr["children_source"])
        return VitalVerdict("L", hr["bradycardia_term"],
                            f"heart rate {bpm:g}/min below {below:g} ({table})", src,
                            hr["bradycardia_label"])
    src = _cite(hr["children_source"] if not adult else
                [*hr["bradycardia_source"], *hr["tachycardia_source"]])
    return VitalVerdict("N", None, f"heart rate {bpm:g}/min within {below:g}-{above:g} "
                        f"({table})", src)


def _cite(ids: list[str] | str) -> str:
    return ", ".join([ids] if isinstance(ids, str) else ids)
