"""Vital signs given as phenopacket measurements, judged against the guideline thresholds
of knowledge/vitals.yaml (the same thresholds the text reader uses)."""

from __future__ import annotations

import pytest

from osteodx.labs import interpret_measurements
from osteodx.labs.vitals import judge_vital
from osteodx.text.vitals import find_vital_signs
from tests.labs.test_interpret import lab


def _one(code: str, value: float, unit: str, *, age: float | None, sex: str = "FEMALE"):
    workup = interpret_measurements([lab(code, value, unit)], age_years=age, sex=sex)
    (result,) = workup.results
    return result, workup


@pytest.mark.parametrize(("code", "value", "unit", "age", "sex", "want", "term"), [
    ("LOINC:8480-6", 150, "mm[Hg]", 40, "MALE", "H", "HP:0032263"),   # >= 140 adult
    ("LOINC:8480-6", 135, "mm[Hg]", 40, "MALE", "N", None),           # < 140 adult
    ("LOINC:8480-6", 135, "mm[Hg]", 15, "MALE", "H", "HP:0032263"),   # >= 130 at 13-17 y
    ("LOINC:8462-4", 85, "mm[Hg]", 15, "FEMALE", "H", "HP:0032263"),  # >= 80 at 13-17 y
    ("LOINC:8462-4", 85, "mm[Hg]", 30, "FEMALE", "N", None),          # < 90 adult
    ("LOINC:8480-6", 82, "mm[Hg]", 30, "FEMALE", "L", "HP:0002615"),  # < 90 adult: hypotension
    ("LOINC:8867-4", 112, "{beats}/min", 30, "MALE", "H", "HP:0001649"),
    ("LOINC:8867-4", 44, "/min", 30, "MALE", "L", "HP:0001662"),
    ("LOINC:8867-4", 150, "/min", 2.5, "MALE", "H", "HP:0001649"),  # above 142 at 2-3 y
    ("LOINC:8867-4", 130, "/min", 2.5, "MALE", "N", None),          # normal for a toddler
    ("LOINC:59408-5", 86, "%", 5, "MALE", "L", "HP:0012418"),
    ("LOINC:2708-6", 97, "%", 50, "MALE", "N", None),
    ("LOINC:8636-3", 455, "ms", 30, "MALE", "H", "HP:0005184"),   # >= 450 in men
    ("LOINC:8636-3", 455, "ms", 30, "FEMALE", "N", None),         # < 460 in women
])
def test_vital_readings(code, value, unit, age, sex, want, term):
    result, workup = _one(code, value, unit, age=age, sex=sex)
    assert result.interpretation == want
    assert result.reference_source  # the guideline it was judged by
    got = [(f.hpo_id, f.status) for f in workup.findings]
    # an abnormal reading is an observed finding; a normal one excludes nothing
    assert got == ([(term, "observed")] if term else [])
    if term:
        assert workup.findings[0].source.startswith("measurements[0]: ")
        assert str(value) in workup.findings[0].source


def test_a_childs_blood_pressure_is_not_judged_without_its_centile():
    result, workup = _one("LOINC:8480-6", 125, "mm[Hg]", age=8)
    assert result.interpretation is None and not workup.findings
    assert any("centiles for age, sex and height" in w for w in workup.warnings)
    # not "the reading lacks" them: a height may be given; osteodx has no tables
    assert any("osteodx has no centile tables and the reading gave no centile" in w
               for w in workup.warnings)


def test_unknown_age_and_bad_unit_and_implausible_value_are_reported():
    for args, why in ((("LOINC:8867-4", 120, "/min"), "age unknown"),
                      (("LOINC:8867-4", 120, "kg"), "kg"),
                      (("LOINC:8480-6", 900, "mm[Hg]"), "implausible")):
        result, workup = _one(*args, age=None if why == "age unknown" else 40)
        assert result.interpretation is None and not workup.findings, args
        assert any(why in w and w.startswith("measurements[0]: ") for w in workup.warnings), args


def test_text_and_measurement_agree():
    """The same reading gives the same finding whether read from text or a measurement."""
    for age, (s, d) in ((22, (146, 94)), (16, (120, 90)), (16, (118, 70)), (40, (135, 85))):
        text = {v.hpo_id for v in find_vital_signs(f"BP {s}/{d} mmHg.", age_years=age)}
        measured = {judge_vital(kind, x, age, None).hpo_id
                    for kind, x in (("systolic", s), ("diastolic", d))} - {None}
        assert text == measured, (age, s, d)


def test_a_raised_reading_is_an_incidental_finding_with_its_next_step(real_kb):
    """A blood pressure above the threshold that the leading diagnosis does not explain is
    listed as incidental, with the guideline's advice to confirm it before calling it
    hypertension."""
    from osteodx.api import diagnose
    from osteodx.case.model import Case, Finding

    case = Case(case_id="bp", source="test", sex="MALE", age_years=40.0, findings=[
        Finding("HP:0000592", "Blue sclerae", "observed", "phenotypicFeatures[0]"),
        Finding("HP:0000703", "Dentinogenesis imperfecta", "observed", "phenotypicFeatures[1]"),
        Finding("HP:0002757", "Recurrent fractures", "observed", "phenotypicFeatures[2]")],
        measurements=[lab("LOINC:8480-6", 162, "mm[Hg]")])
    got = diagnose(case, real_kb).workup["incidental_findings"]
    (bp,) = [i for i in got if i["hpo_id"] == "HP:0032263"]
    assert bp["label"] == "Raised blood pressure" and "ambulatory" in bp["next_step"]
    assert "Pediatrics 2017" in bp["reference"] and "NG136" in bp["reference"]
