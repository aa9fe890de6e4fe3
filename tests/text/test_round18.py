"""Readings fixed after the eighteenth held-out round: a DXA site's digit is not a Z-score,
"Allergies: none known", an age after a date of birth, a child's "sugar" as glucose.

The sentences are written for these tests (not copied from a report).
"""

from __future__ import annotations

from osteodx.text.extract import extract_text
from tests.text.lab_helpers import labs


def _found(text: str, kb) -> dict[str, str]:
    return {f.label: f.status for f in extract_text(text, kb, case_id="c").case.findings}


def test_a_site_name_s_digit_is_not_a_z_score(real_kb):
    found = _found("A 15-year-old boy. DXA (07/11): L1-L4 Z-score -2.6; total body Z -2.2.",
                   real_kb)
    assert found.get("Reduced bone mineral density") == "observed"
    assert "Increased bone mineral density" not in found


def test_none_known_after_a_colon_excludes(real_kb):
    assert _found("A 19-year-old man. Allergies: none known.", real_kb)["Allergy"] == "excluded"


def test_the_age_after_a_date_of_birth(real_kb):
    case = extract_text("Patient: Jamie C. | Sex: M | DOB: 21/07/2007 (19 y)\nAbdominal pain.",
                        real_kb, case_id="c").case
    assert case.age_years == 19
    mother = extract_text("A boy with a cough. Mother: Sarah T., DOB 01/02/1990 (31 y).",
                          real_kb, case_id="c").case
    assert mother.age_years is None  # the mother's, not the patient's


def test_a_childs_sugar_is_glucose():
    assert [(x.analyte, x.value) for x in labs("His sugar then was 1.6 mmol/L.")] == [
        ("glucose", 1.6)]
    assert labs("He drinks sugar-free squash.") == []


def test_no_fractures_do_not_make_a_region_normal(real_kb):
    found = _found("A boy. X-rays showed no rib or vertebral fractures.", real_kb)
    assert "Sclerotic vertebral body" not in found and "Osteosclerosis of ribs" not in found
    assert _found("A boy. Spine X-ray: no fractures, no sclerosis.",
                  real_kb)["Sclerotic vertebral body"] == "excluded"


def test_a_falling_value_and_a_pale_stool_are_not_the_patients_falls_or_pallor(real_kb):
    found = _found("She has recurrent falls in the platelet count. Pale, greasy stools.",
                   real_kb)
    assert not {"Falls", "Frequent falls", "Pallor"} & set(found)
    assert found["Steatorrhea"] == "observed"
    found = _found("He is pale and has frequent falls at school.", real_kb)
    assert found["Pallor"] == "observed" and found["Frequent falls"] == "observed"


def test_she_after_his_relative_is_that_relative(real_kb):
    found = _found("A 41-year-old man with hypertension.\n- His father's sister has been on "
                   "blood pressure tablets since she was a teenager and had a stroke at 48.",
                   real_kb)
    assert "Stroke" not in found and found["Hypertension"] == "observed"
