"""Catalogue reference bands by age and sex: neonatal and infant electrolytes and glucose,
the lymphocyte count at every age, ESR by Miller's rule; the INR."""

from __future__ import annotations

import pytest

from osteodx.labs import interpret_measurements, load_catalogue

CAT = load_catalogue()
DAY = 1 / 365.25
NEW = ("sodium", "potassium", "glucose", "lymphocytes", "esr")
# INR 0.9-1.1 from 6 months (Mayo PTTP, as UNC McLendon: MCL:PTTP, UNC:PT).


def lab(code: str, value: float, unit: str) -> dict:
    """A phenopacket measurement (MessageToDict shape) without a printed range."""
    return {"assay": {"id": code},
            "value": {"quantity": {"unit": {"id": f"UCUM:{unit}", "label": unit}, "value": value}}}


def interpret(code: str, value: float, unit: str, age: float, sex: str = "FEMALE"):
    workup = interpret_measurements([lab(code, value, unit)], age_years=age, sex=sex)
    assert len(workup.results) == 1
    return workup.results[0], workup


# --- the held-out examples: all normal --------------------------------------------------

@pytest.mark.parametrize(("code", "value", "unit", "band"), [
    ("LOINC:2951-2", 138, "mmol/L", (135, 145)),        # sodium
    ("LOINC:2823-3", 4.6, "mmol/L", (3.4, 5.6)),        # potassium
    ("LOINC:14749-6", 4.1, "mmol/L", (3.05, 6.38)),     # glucose 4.1 mmol/L = 74 mg/dL
])
def test_a_16_day_old_boy(code, value, unit, band):
    r, workup = interpret(code, value, unit, age=16 * DAY, sex="MALE")
    assert r.interpretation == "N" and r.text.endswith(": normal"), workup.warnings
    assert r.reference_source.startswith("catalogue")
    assert (r.reference_low, r.reference_high) == pytest.approx(band, abs=0.01)
    assert not [f for f in r.findings if f.status == "observed"]


def test_the_neonatal_glucose_is_compared_in_mg_per_dl():
    r, _ = interpret("LOINC:14749-6", 4.1, "mmol/L", age=16 * DAY, sex="MALE")
    assert r.value_canonical == pytest.approx(4.1 * 180.16 / 10, abs=0.01)   # 73.9 mg/dL
    assert r.reference_source == "catalogue: UCSF:GLU"


@pytest.mark.parametrize("age", [0.05, 0.3, 0.5, 0.9])
def test_an_infant_lymphocyte_count(age):
    r, workup = interpret("LOINC:731-0", 3.1, "10*9/L", age=age)
    assert r.interpretation == "N", workup.warnings
    assert r.reference_source == "catalogue: UCSF:DIFF"


def test_a_52_year_old_man_esr():
    r, workup = interpret("LOINC:4537-7", 9, "mm/h", age=52, sex="MALE")
    assert r.interpretation == "N", workup.warnings
    assert (r.reference_low, r.reference_high) == (None, 27.5)
    assert r.reference_source == "catalogue: Miller1983"


def test_a_19_year_old_man_inr():
    r, workup = interpret("LOINC:6301-6", 1.0, "{INR}", age=19, sex="MALE")
    assert r.interpretation == "N", workup.warnings
    assert (r.reference_low, r.reference_high) == (0.9, 1.1)
    assert r.reference_source == "catalogue: MCL:PTTP"


# --- one abnormal value in every new band ----------------------------------------------

ABNORMAL = [
    # sodium: Seattle Children's 0-1 week, 1 week-1 year
    ("sodium", "LOINC:2951-2", "mmol/L", 3 * DAY, "MALE", 125, "L"),
    ("sodium", "LOINC:2951-2", "mmol/L", 16 * DAY, "MALE", 125, "L"),
    ("sodium", "LOINC:2951-2", "mmol/L", 0.5, "FEMALE", 150, "H"),
    # potassium: 0-2 days, 2 days-3 months, 3 months-1 year
    ("potassium", "LOINC:2823-3", "mmol/L", 1 * DAY, "MALE", 6.5, "H"),
    ("potassium", "LOINC:2823-3", "mmol/L", 16 * DAY, "MALE", 2.9, "L"),
    ("potassium", "LOINC:2823-3", "mmol/L", 0.5, "FEMALE", 6.0, "H"),
    # glucose: 2 days-1 month, 1 month-1 year
    ("glucose", "LOINC:14749-6", "mmol/L", 16 * DAY, "MALE", 2.0, "L"),
    ("glucose", "LOINC:2345-7", "mg/dL", 0.5, "FEMALE", 150, "H"),
    # lymphocytes: 0-24 h, 24 h-1 week, 1 week-6 months, 6 months-4 y, 4-14, 14-21, 21+
    ("lymphocytes", "LOINC:731-0", "10*9/L", 0.5 * DAY, "MALE", 1.5, "L"),
    ("lymphocytes", "LOINC:731-0", "10*9/L", 3 * DAY, "MALE", 18, "H"),
    ("lymphocytes", "LOINC:731-0", "10*9/L", 0.1, "FEMALE", 1.5, "L"),
    ("lymphocytes", "LOINC:731-0", "10*9/L", 2, "FEMALE", 1.5, "L"),
    ("lymphocytes", "LOINC:731-0", "10*9/L", 8, "MALE", 9.0, "H"),
    ("lymphocytes", "LOINC:731-0", "10*9/L", 16, "MALE", 0.8, "L"),
    ("lymphocytes", "LOINC:731-0", "10*9/L", 40, "FEMALE", 4.0, "H"),
    # INR from 6 months
    pytest.param("inr", "LOINC:6301-6", "{INR}", 19, "MALE", 1.5, "H"),
] + [
    # ESR: every 10-year band of each sex, 5 mm/h over Miller's limit at the band's middle
    ("esr", "LOINC:4537-7", "mm/h", lo + 5, sex, (lo + 5 + extra) / 2 + 5, "H")
    for sex, extra in (("FEMALE", 10), ("MALE", 0)) for lo in range(20, 70, 10)
]


@pytest.mark.parametrize(("key", "code", "unit", "age", "sex", "value", "expected"), ABNORMAL)
def test_an_abnormal_value_in_every_new_band(key, code, unit, age, sex, value, expected):
    r, workup = interpret(code, value, unit, age=age, sex=sex)
    assert r.analyte == key
    assert r.interpretation == expected, (r.text, workup.warnings)
    hpo = CAT.analyte(key).hpo
    term = hpo.low if expected == "L" else hpo.high
    assert r.hpo_id == term.hpo_id
    assert (term.hpo_id, "observed") in {(f.hpo_id, f.status) for f in r.findings}


def test_the_examples_cover_every_new_band():
    hit = set()
    for case in ABNORMAL:
        key, _code, _unit, age, sex, _value, _expected = getattr(case, "values", case)
        hit.add((key, CAT.analyte(key).reference_range(age, sex.lower())))
    for key in NEW:
        for band in CAT.analyte(key).reference_ranges:
            if band.source not in ("MCL:ELPSR",):          # Mayo bands from 1 year, not new
                assert (key, band) in hit, (key, band)


def test_the_esr_example_man_over_his_limit_is_high():
    r, _ = interpret("LOINC:4537-7", 30, "mm/h", age=52, sex="MALE")
    assert r.interpretation == "H" and r.hpo_id == "HP:0003565"
    woman, _ = interpret("LOINC:4537-7", 30, "mm/h", age=52, sex="FEMALE")
    assert woman.interpretation == "N" and woman.reference_high == 32.5


# --- what is deliberately left uninterpreted ---------------------------------------------

@pytest.mark.parametrize(("code", "value", "unit", "age", "sex"), [
    ("LOINC:14749-6", 2.5, "mmol/L", 1 * DAY, "MALE"),   # glucose in the first 48 hours
    ("LOINC:14749-6", 5.0, "mmol/L", 8, "FEMALE"),       # glucose from 1 year: fasting or not?
    ("LOINC:4537-7", 9, "mm/h", 12, "MALE"),             # ESR: children
    ("LOINC:4537-7", 40, "mm/h", 80, "FEMALE"),          # ESR: 70 and over
    ("LOINC:6301-6", 1.3, "{INR}", 0.1, "MALE"),         # INR under 6 months
    ("LOINC:1975-2", 12, "mg/dL", 5 * DAY, "MALE"),      # neonatal bilirubin
])
def test_ages_without_a_sourced_band_are_not_interpreted(code, value, unit, age, sex):
    r, workup = interpret(code, value, unit, age=age, sex=sex)
    assert r.interpretation is None and not r.findings
    assert any("no catalogue reference range" in w for w in workup.warnings), workup.warnings


def test_no_bilirubin_band_in_the_first_weeks():
    for key in ("bilirubin_total", "bilirubin_direct"):
        for band in CAT.analyte(key).reference_ranges:
            assert band.age_min_years is not None and band.age_min_years >= 28 * DAY, (key, band)


# --- structure: ordered, no overlaps, no gaps -----------------------------------------------

@pytest.mark.parametrize("key", NEW)
@pytest.mark.parametrize("sex", ["female", "male"])
def test_bands_are_ordered_and_contiguous(key, sex):
    bands = [b for b in CAT.analyte(key).reference_ranges if b.sex in ("any", sex)]
    assert bands, (key, sex)
    for a, b in zip(bands, bands[1:], strict=False):
        assert a.age_max_years is not None, (key, a)
        assert a.age_max_years == b.age_min_years, (key, sex, a, b)   # neither gap nor overlap
    for b in bands:
        assert b.low is None or b.high is None or b.low < b.high
        assert b.source in CAT.sources, b.source


def test_unknown_sex_reads_an_esr_against_both_limits():
    r, workup = interpret("LOINC:4537-7", 9, "mm/h", age=52, sex="UNKNOWN_SEX")
    assert r.interpretation == "N"
    between, workup = interpret("LOINC:4537-7", 30, "mm/h", age=52, sex="UNKNOWN_SEX")
    assert between.interpretation is None
    assert any("sex unknown" in w for w in workup.warnings)
