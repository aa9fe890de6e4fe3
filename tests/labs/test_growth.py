"""Measured height, weight and head circumference on the CDC 2000 reference."""

from __future__ import annotations

import math

import numpy as np
import pytest

from osteodx.labs.growth import (
    _tables,
    growth_measure_for_loinc,
    growth_measures,
    growth_z,
    lms_value,
    lms_z,
)
from tests.labs.test_interpret import lab, one

HEIGHT, WEIGHT, HC = "LOINC:8302-2", "LOINC:29463-7", "LOINC:9843-4"


@pytest.mark.parametrize("lam", [-1.2, 0.0, 0.6, 1.0])
def test_lms_value_inverts_lms_z(lam):
    for z in (-3.0, -2.0, 0.0, 1.5):
        assert lms_z(lms_value(z, lam, 130.0, 0.045), lam, 130.0, 0.045) == pytest.approx(z)


def test_every_table_is_shipped_for_both_sexes_with_increasing_ages():
    tables = _tables()
    for m in growth_measures().values():
        for table, lo, hi in m.tables:
            for sex in (1, 2):
                rows = tables[(table, sex)]
                assert np.all(np.diff(rows[:, 0]) > 0), (table, sex)
                assert rows[0, 0] <= lo and rows[-1, 0] >= hi, (table, sex)
                assert np.all(rows[:, 2] > 0) and np.all(rows[:, 3] > 0)


def test_the_median_of_a_tabulated_age_has_z_zero():
    height = growth_measure_for_loinc(HEIGHT)
    rows = _tables()[("statage", 2)]
    age_months, _, median, _ = rows[len(rows) // 2]
    gz = growth_z(height, float(median), age_months / 12, "female")
    assert gz.z == pytest.approx(0.0, abs=1e-9) and gz.centile == pytest.approx(50.0)


def test_published_cut_off_is_two_sd():
    # the -2 SD value CDC prints for 10-year-old boys (statage, 120.5 months) is the
    # value at which the engine's verdict turns from normal to low
    height = growth_measure_for_loinc(HEIGHT)
    gz = growth_z(height, 138.0, 120.5 / 12, "male")
    below = growth_z(height, gz.low_value - 0.05, 120.5 / 12, "male")
    above = growth_z(height, gz.low_value + 0.05, 120.5 / 12, "male")
    assert below.z < -2 < above.z
    assert 125 < gz.low_value < 130  # CDC: 3rd centile ~127 cm at 10 y


def test_short_child_gives_short_stature_with_its_z_score():
    r, workup = one(lab(HEIGHT, 118.0, "cm"), age=10, sex="MALE")
    assert r.interpretation == "L" and r.hpo_id == "HP:0004322"
    assert [(f.hpo_id, f.status) for f in workup.findings] == [("HP:0004322", "observed")]
    assert "age 10 y; CDC 2000 boys" in r.text and "SD" in r.text and r.text.endswith("low")
    assert r.degree.startswith("-") and r.reference_source == "CDC 2000 growth charts"


def test_normal_height_excludes_short_and_tall_stature():
    r, workup = one(lab(HEIGHT, 138.0, "cm"), age=10, sex="MALE")
    assert r.interpretation == "N"
    assert {(f.hpo_id, f.status) for f in workup.findings} == {
        ("HP:0004322", "excluded"), ("HP:0000098", "excluded")}


def test_inches_are_converted():
    r, _ = one(lab(HEIGHT, 138.0 / 2.54, "[in_i]"), age=10, sex="MALE")
    assert r.value_canonical == pytest.approx(138.0) and r.interpretation == "N"


def test_adult_height_is_read_at_twenty_years():
    r, _ = one(lab(HEIGHT, 148.0, "cm"), age=34, sex="FEMALE")
    assert r.interpretation == "L" and "adult, 20-year reference" in r.text


def test_infant_head_circumference():
    r, _ = one(lab(HC, 39.0, "cm"), age=0.5, sex="FEMALE")  # ~ -2.5 SD at 6 months
    assert r.interpretation == "L" and r.hpo_id == "HP:0000252" and "mo" in r.text


@pytest.mark.parametrize("m, age, sex, reason", [
    (lab(WEIGHT, 70.0, "kg"), 40, "MALE", "reference covers ages 0-20 years only"),
    (lab(HEIGHT, 120.0, "cm"), None, "MALE", "age unknown"),
    (lab(HEIGHT, 120.0, "cm"), 10, "UNKNOWN_SEX", "sex unknown"),
    (lab(HEIGHT, 1.2, "cm"), 10, "MALE", "implausible"),
    (lab(HEIGHT, 120.0, "mg/dL"), 10, "MALE", "cannot convert"),
])
def test_unusable_growth_values_are_reported(m, age, sex, reason):
    r, workup = one(m, age=age, sex=sex)
    assert r.interpretation is None and not workup.findings
    assert any(reason in w for w in workup.warnings), workup.warnings


def test_lms_z_is_the_box_cox_formula():
    assert lms_z(110.0, 0.5, 100.0, 0.1) == pytest.approx((math.sqrt(1.1) - 1) / 0.05)


def _growth_m(loinc: str, value: float, unit: str) -> dict:
    return {"assay": {"id": loinc, "label": "x"},
            "value": {"quantity": {"unit": {"id": f"UCUM:{unit}", "label": unit}, "value": value}}}


@pytest.mark.parametrize(("loinc", "value", "unit", "age"), [
    ("LOINC:29463-7", 3, "kg", 10),      # -40 SD
    ("LOINC:8302-2", 250, "cm", 5),      # +18.7 SD
])
def test_a_value_absurd_for_the_age_is_a_slip_not_a_finding(loinc, value, unit, age):
    from osteodx.labs import interpret_measurements

    w = interpret_measurements([_growth_m(loinc, value, unit)], age_years=age, sex="FEMALE")
    assert w.findings == []
    assert any("beyond the plausible 6 SD" in x for x in w.warnings), w.warnings
