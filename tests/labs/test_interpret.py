"""Measurements -> lab results and HPO findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from osteodx.case.phenopacket import parse_document
from osteodx.labs import interpret_measurements

EXAMPLE = Path(__file__).parents[2] / "examples" / "osteomesopyknosis.json"


def lab(code: str, value: float | None = None, unit: str | None = None, *, low=None, high=None,
        range_unit: str | None = None, qualitative: tuple[str, str] | None = None) -> dict:
    """A measurement dict shaped like MessageToDict output (zeros dropped)."""
    if qualitative:
        return {"assay": {"id": code}, "value": {"ontologyClass": {"id": qualitative[0],
                                                                   "label": qualitative[1]}}}
    q: dict = {"unit": {"id": f"UCUM:{unit}", "label": unit}}
    if value:
        q["value"] = value
    if low is not None or high is not None:
        rr: dict = {"unit": {"id": f"UCUM:{range_unit or unit}", "label": range_unit or unit}}
        if low:
            rr["low"] = low
        if high:
            rr["high"] = high
        q["referenceRange"] = rr
    return {"assay": {"id": code}, "value": {"quantity": q}}


def one(m: dict, *, age: float | None = 30, sex: str = "FEMALE"):
    workup = interpret_measurements([m], age_years=age, sex=sex)
    assert len(workup.results) == 1
    return workup.results[0], workup


def statuses(result) -> set[tuple[str, str]]:
    return {(f.hpo_id, f.status) for f in result.findings}


@pytest.fixture(scope="module")
def example():
    doc = parse_document(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE))
    subject = doc["subject"]
    return interpret_measurements(doc["measurements"], age_years=16, sex=subject["sex"])


def test_reference_example_all_numeric_labs(example):
    got = {r.assay: r.interpretation for r in example.results}
    assert got == {
        "LOINC:1989-3": "L",      # 25-OH D 7.2 ng/mL
        "LOINC:62290-2": "N", "LOINC:17861-6": "N", "LOINC:2777-1": "N", "LOINC:2731-8": "N",
        "LOINC:11572-5": "N", "LOINC:1777-2": "N", "LOINC:2697-1": "N", "LOINC:41171-0": "N",
        "LOINC:3016-3": "L",      # TSH 0.484 uIU/mL
        "LOINC:3024-7": "N",      # free T4 qualitative Normal
        "LOINC:24325-3": "N", "LOINC:24362-6": "N",  # panels
        "LOINC:8302-2": "N", "LOINC:29463-7": "N",  # height and weight at 16 y (CDC 2000)
        "LOINC:8867-4": "N", "LOINC:8480-6": "N",  # heart rate 88, systolic 120 at 16 y
        "LOINC:8462-4": "H",  # diastolic 90 at 16 y: at or above 80 (AAP 2017, from 13 y)
    }
    growth = {"LOINC:8302-2", "LOINC:29463-7"}
    vitals = {"LOINC:8867-4", "LOINC:8480-6", "LOINC:8462-4"}
    assert all(r.reference_source == "case" for r in example.results
               if r.assay not in growth | vitals)
    assert all(r.reference_source == "CDC 2000 growth charts" for r in example.results
               if r.assay in growth)


def test_reference_example_texts_and_findings(example):
    vit_d = example.results[0]
    assert vit_d.text == "25-OH vitamin D 7.2 ng/mL (reference 30.1-100): low"
    assert vit_d.degree == "0.24 x LLN" and vit_d.hpo_id == "HP:0012053"
    assert vit_d.value_canonical == 7.2 and vit_d.unit_canonical == "ng/mL"
    assert (vit_d.reference_low, vit_d.reference_high) == (30.1, 100.0)
    by_id = {(f.hpo_id, f.status): f for f in example.findings}
    low_d = by_id[("HP:0012053", "observed")]
    assert low_d.label == "Decreased circulating calcifediol concentration"
    assert low_d.source == "measurements[0]: 25-OH vitamin D 7.2 ng/mL (reference 30.1-100): low"
    assert ("HP:0031098", "observed") in by_id                  # low TSH
    assert ("HP:0002923", "excluded") in by_id                  # RF positive (range low 0 dropped)
    for hid in ("HP:0002901", "HP:0003072", "HP:0033078", "HP:0033077", "HP:0010639",
                "HP:0031428", "HP:0031425"):
        assert (hid, "excluded") in by_id, hid
    assert example.results[5].text == "Rheumatoid factor 5 IU/mL (reference 0-14): normal"
    assert example.results[7].text == 'Free T4 reported "Normal": normal'


def test_reference_example_unit_slip_warning(example):
    assert ("measurements[0]: 25-OH vitamin D: reference range unit mg/mL disagrees with value "
            "unit ng/mL; range read as ng/mL") in example.warnings
    assert not any("not in the lab catalogue" in w for w in example.warnings)


def test_reference_example_panels_vouch_only_for_their_members(example):
    sources = {f.hpo_id: f for f in example.findings if f.source.startswith("measurements[11]")}
    assert {"HP:0031956", "HP:0031964", "HP:0003073"} <= set(sources)
    assert "HP:0003155" not in {f.hpo_id for f in example.findings}  # ALP is not vouched for
    assert any(f.note == "panel member: Creatinine" for f in example.findings)


def test_to_dict_is_json_serialisable(example):
    data = json.loads(json.dumps(example.to_dict()))
    assert data["results"][0]["interpretation"] == "L"
    assert data["results"][0]["findings"][0]["status"] == "observed"


def test_catalogue_range_by_age_alp_child_vs_adult():
    child, _ = one(lab("LOINC:6768-6", 300, "U/L"), age=8)
    adult, _ = one(lab("LOINC:6768-6", 300, "U/L"), age=40)
    assert child.interpretation == "N" and child.reference_high == 335
    assert adult.interpretation == "H" and adult.reference_high == 104
    assert adult.reference_source == "catalogue: MCL:ALP" and adult.degree == "2.9 x ULN"
    assert adult.text == "Alkaline phosphatase 300 U/L (catalogue reference 35-104): high"
    assert ("HP:0003155", "observed") in statuses(adult)


def test_catalogue_range_by_sex_creatinine():
    female, _ = one(lab("LOINC:2160-0", 1.2, "mg/dL"), sex="FEMALE")
    male, _ = one(lab("LOINC:2160-0", 1.2, "mg/dL"), sex="MALE")
    assert female.interpretation == "H" and male.interpretation == "N"


def test_catalogue_range_converted_to_the_value_unit():
    r, _ = one(lab("LOINC:2160-0", 106, "umol/L"), sex="FEMALE")   # 1.2 mg/dL
    assert r.interpretation == "H"
    assert r.reference_high == pytest.approx(1.04 * 88.4, rel=1e-3)
    assert r.value_canonical == pytest.approx(1.2, abs=0.01)


def test_psa_only_for_men():
    man, _ = one(lab("LOINC:2857-1", 5.0, "ng/mL"), age=55, sex="MALE")
    assert man.interpretation == "H" and ("HP:0025020", "observed") in statuses(man)
    woman, workup = one(lab("LOINC:2857-1", 5.0, "ng/mL"), age=55, sex="FEMALE")
    assert woman.interpretation is None and not woman.findings
    assert any("PSA: no catalogue reference range for female" in w for w in workup.warnings)


def test_unknown_sex_uses_both_bands():
    both_high, _ = one(lab("LOINC:2160-0", 2.0, "mg/dL"), sex="UNKNOWN_SEX")
    between, workup = one(lab("LOINC:2160-0", 1.2, "mg/dL"), sex="UNKNOWN_SEX")
    assert both_high.interpretation == "H"
    assert between.interpretation is None and not between.findings
    assert any("sex unknown" in w for w in workup.warnings)


def test_unknown_age_needs_an_all_ages_range():
    vit_d, _ = one(lab("LOINC:1989-3", 10, "ng/mL"), age=None)
    assert vit_d.interpretation == "L"
    alp, workup = one(lab("LOINC:6768-6", 300, "U/L"), age=None)
    assert alp.interpretation is None and any("age unknown" in w for w in workup.warnings)


def test_time_observed_age_wins():
    m = lab("LOINC:6768-6", 300, "U/L")
    m["timeObserved"] = {"age": {"iso8601duration": "P8Y"}}
    r, _ = one(m, age=40)
    assert r.interpretation == "N"


def test_case_range_preferred_over_catalogue():
    r, _ = one(lab("LOINC:17861-6", 10.4, "mg/dL", low=9.0, high=11.0))
    assert r.interpretation == "N" and r.reference_source == "case"
    fallback, _ = one(lab("LOINC:17861-6", 10.4, "mg/dL"))
    assert fallback.interpretation == "H" and fallback.reference_source == "catalogue: MCL:CA"


def test_missing_low_is_zero_and_missing_value_is_zero():
    r, _ = one(lab("LOINC:41171-0", 0.265, "ng/mL", low=0, high=1.008))
    assert (r.reference_low, r.interpretation) == (0.0, "N")
    zero, _ = one(lab("LOINC:11572-5", 0, "[IU]/mL", low=0, high=14))
    assert (zero.value, zero.interpretation) == (0.0, "N")


def test_missing_high_is_a_lower_limit_only():
    """A range printed as "> 9.0" has no upper limit; protobuf cannot tell a missing
    high from 0, and no laboratory range ends at 0."""
    r, workup = one(lab("LOINC:17861-6", 10.4, "mg/dL", low=9.0))
    assert (r.reference_source, r.reference_low, r.reference_high) == ("case", 9.0, None)
    assert r.interpretation == "N" and not workup.warnings
    assert any("lower limit only" in n for n in r.notes)
    low, _ = one(lab("LOINC:17861-6", 2.0, "mmol/L", low=8.6, range_unit="mg/dL"))
    assert low.reference_low == pytest.approx(2.146, abs=1e-3) and low.interpretation == "L"


def test_a_range_without_limits_is_ignored():
    m = lab("LOINC:17861-6", 10.4, "mg/dL", low=9.0)
    m["value"]["quantity"]["referenceRange"].pop("low")
    r, workup = one(m)
    assert r.reference_source == "catalogue: MCL:CA"
    assert any("neither a lower nor an upper limit" in w for w in workup.warnings)


def test_a_unitless_value_is_judged_against_a_unitless_range():
    m = {"assay": {"id": "LOINC:1988-5"}, "value": {"quantity": {
        "value": 12.0, "referenceRange": {"high": 5.0}}}}
    r, workup = one(m)
    assert (r.interpretation, r.unit, r.reference_high, r.degree) == ("H", None, 5.0, "2.4 x ULN")
    assert [f.hpo_id for f in r.findings] == ["HP:0011227"]
    assert any("unknown unit" in w and "no unit either" in w for w in workup.warnings)
    del m["value"]["quantity"]["referenceRange"]
    r, workup = one(m)
    assert r.interpretation is None
    assert any("unknown unit (none); not interpreted" in w for w in workup.warnings)


def test_convertible_case_range_is_converted():
    r, workup = one(lab("LOINC:17861-6", 2.4, "mmol/L", low=8.6, high=10.0, range_unit="mg/dL"))
    assert r.reference_low == pytest.approx(2.146, abs=1e-3) and r.interpretation == "N"
    assert not workup.warnings and r.notes


def test_implausible_range_and_implausible_numbers_fall_back_to_catalogue():
    r, workup = one(lab("LOINC:1989-3", 25, "ng/mL", low=30000, high=100000, range_unit="mg/mL"))
    assert r.reference_source.startswith("catalogue") and r.interpretation == "L"
    assert any("cannot be used" in w for w in workup.warnings)


def test_implausible_value_is_not_interpreted():
    r, workup = one(lab("LOINC:1989-3", 7.2, "mg/mL", low=30, high=100))
    assert r.interpretation is None and not r.findings
    assert ("measurements[0]: 25-OH vitamin D: value 7.2 mg/mL is implausible (plausible 0-1000 "
            "ng/mL); 7.2 ng/mL would be low or 7.2 nmol/L would be low: check the unit; not "
            "interpreted") in workup.warnings
    assert r.text.endswith("not interpreted (implausible value)")


def test_unknown_unit_is_reported_not_guessed():
    r, workup = one(lab("LOINC:17861-6", 2.4, "mEq/L"))
    assert r.interpretation is None
    assert any("Calcium" in w and "mEq/L" in w for w in workup.warnings)


def test_qualitative_values():
    cases = {("LOINC:LA6626-1", "Normal"): "N", ("NCIT:C0", "High"): "H",
             ("X:1", "Decreased"): "L", ("X:2", "Abnormal"): "A"}
    for qual, expected in cases.items():
        r, _ = one(lab("LOINC:3016-3", qualitative=qual))
        assert r.interpretation == expected, qual
    normal, _ = one(lab("LOINC:3016-3", qualitative=("LOINC:LA6626-1", "Normal")))
    assert statuses(normal) == {("HP:0031098", "excluded"), ("HP:0002925", "excluded")}
    abnormal, _ = one(lab("LOINC:3016-3", qualitative=("X:2", "Abnormal")))
    assert statuses(abnormal) == {("HP:0031097", "observed")}
    positive, _ = one(lab("LOINC:11572-5", qualitative=("X:3", "Positive")))
    assert statuses(positive) == {("HP:0002923", "observed")}
    odd, workup = one(lab("LOINC:3016-3", qualitative=("X:4", "Haemolysed")))
    assert odd.interpretation is None and any("'Haemolysed'" in w for w in workup.warnings)


def test_unknown_loinc_warns_and_gives_nothing():
    workup = interpret_measurements([lab("LOINC:5196-1", 19, "mg/dL")], age_years=30, sex="MALE")
    assert not workup.results and not workup.findings
    assert workup.warnings == ["measurements[0]: assay LOINC:5196-1 is not in the lab catalogue; "
                               "not interpreted"]


def test_bone_alp_activity_unit_picks_the_activity_analyte():
    r, workup = one(lab("LOINC:17838-4", 50, "U/L", low=11.6, high=42.7))
    assert r.analyte == "bone_alp_activity" and r.interpretation == "H"
    assert any("read as Bone ALP activity" in w for w in workup.warnings)


def test_rf_in_u_per_ml_is_read_as_iu():
    r, workup = one(lab("LOINC:11572-5", 30, "U/mL"))
    assert r.interpretation == "H" and r.reference_source == "catalogue: MCL:RHUT"
    assert r.notes and not workup.warnings


def test_source_prefix_and_merge_of_repeated_results():
    ms = [lab("LOINC:1989-3", 10, "ng/mL"), lab("LOINC:1989-3", 40, "ng/mL"),
          lab("LOINC:1989-3", 12, "ng/mL")]
    workup = interpret_measurements(ms, age_years=30, sex="FEMALE", source_prefix="labs")
    pairs = [(f.hpo_id, f.status) for f in workup.findings]
    assert pairs.count(("HP:0012053", "observed")) == 1
    assert ("HP:0012053", "excluded") not in pairs and ("HP:0031414", "excluded") in pairs
    assert workup.findings[0].source.startswith("labs[0]: ")
    assert any("the exclusion is dropped" in w for w in workup.warnings)


def test_findings_carry_catalogue_labels():
    r, _ = one(lab("LOINC:17861-6", 12.0, "mg/dL"))
    assert [(f.hpo_id, f.label, f.status) for f in r.findings] == [
        ("HP:0003072", "Hypercalcemia", "observed")]
    assert r.degree == "1.2 x ULN" and r.hpo_label == "Hypercalcemia"


def test_panel_not_normal_and_complex_values_warn():
    workup = interpret_measurements(
        [lab("LOINC:24325-3", qualitative=("LOINC:LA6628-7", "Abnormal")),
         {"assay": {"id": "LOINC:17861-6"}, "value": {"complexValue": {"typedQuantities": []}}}],
        age_years=30, sex="FEMALE")
    assert not workup.findings and [r.interpretation for r in workup.results] == [None, None]
    assert any("does not say which member" in w for w in workup.warnings)
    assert any("neither a quantity nor an ontology class" in w for w in workup.warnings)


def test_repeated_conflict_warns_once():
    ms = [lab("LOINC:1989-3", 10, "ng/mL")] + [lab("LOINC:1989-3", 40, "ng/mL")] * 2
    workup = interpret_measurements(ms, age_years=30, sex="FEMALE")
    assert sum("the exclusion is dropped" in w for w in workup.warnings) == 1


def test_an_assay_label_names_only_analytes_without_a_loinc_code():
    by_label = lab("", 0.6, "mmol/L", low=1.15, high=2.44)
    by_label["assay"] = {"label": "TmP/GFR"}
    coded = lab("", 4.0, "mmol/L", low=3.6, high=5.2)
    coded["assay"] = {"label": "Potassium"}
    workup = interpret_measurements([by_label, coded], age_years=30, sex="MALE")
    assert [(r.analyte, r.outcome) for r in workup.results] == [("tmp_gfr", "low")]
    assert [f.hpo_id for f in workup.findings] == ["HP:0000117"]
    assert "assay Potassium is not in the lab catalogue; not interpreted" in workup.warnings[0]


def test_total_cholesterol_by_age():
    child, _ = one(lab("LOINC:2093-3", 185, "mg/dL"), age=10)
    adult, _ = one(lab("LOINC:2093-3", 185, "mg/dL"), age=40)
    molar, _ = one(lab("LOINC:14647-2", 6.4, "mmol/L"), age=40)
    assert (child.interpretation, child.reference_source) == ("H", "catalogue: PMID:22084329")
    assert (adult.interpretation, adult.reference_source) == ("N", "catalogue: PMID:12485966")
    assert molar.interpretation == "H" and ("HP:0003124", "observed") in statuses(molar)
    toddler, workup = one(lab("LOINC:2093-3", 185, "mg/dL"), age=1)
    assert toddler.interpretation is None and any("no catalogue" in w for w in workup.warnings)
    slos, _ = one(lab("LOINC:2093-3", 40, "mg/dL", low=100, high=200), age=3)
    assert slos.interpretation == "L" and ("HP:0003146", "observed") in statuses(slos)


def test_7_dehydrocholesterol_mass_and_moles():
    mass, _ = one(lab("LOINC:33275-9", 150, "mg/L"), age=2)
    moles, _ = one(lab("LOINC:32289-1", 3.0, "umol/L"), age=2)   # 1.15 mg/L
    assert mass.interpretation == "H" and mass.hpo_id == "HP:0010569"
    assert moles.interpretation == "N" and moles.reference_high == pytest.approx(5.2, abs=0.01)


def test_immunoglobulins_by_age_in_g_per_l():
    infant, _ = one(lab("LOINC:2465-3", 2.0, "g/L"), age=0.3)    # 200 mg/dL, 0-<5 months
    adult, _ = one(lab("LOINC:2465-3", 2.0, "g/L"), age=30)
    assert (infant.interpretation, adult.interpretation) == ("N", "L")
    assert adult.reference_low == pytest.approx(7.67) and adult.hpo_id == "HP:0004315"
    iga, _ = one(lab("LOINC:2458-8", 0.05, "g/L"), age=30)
    igm, _ = one(lab("LOINC:2472-9", 450, "mg/dL"), age=30)
    assert (iga.hpo_id, igm.hpo_id) == ("HP:0002720", "HP:0003496")


def test_methionine_d_dimer_and_urine_ratios():
    met, _ = one(lab("LOINC:20651-6", 1020, "umol/L"), age=0.1)
    assert met.interpretation == "H" and met.hpo_id == "HP:0003235"
    dd, _ = one(lab("LOINC:48065-7", 0.8, "ug/mL{FEU}"))
    assert dd.interpretation == "H" and dd.reference_high == pytest.approx(0.5)
    assert dd.hpo_id == "HP:0033106"
    acr, _ = one(lab("LOINC:9318-7", 45, "mg/g"))               # 5.1 mg/mmol
    assert acr.interpretation == "H" and acr.hpo_id == "HP:0012592"
    assert acr.value_canonical == pytest.approx(5.09, abs=0.01)
    normal, _ = one(lab("LOINC:32294-1", 1.2, "mg/mmol"))
    assert normal.interpretation == "N"


def test_urine_calcium_creatinine_by_age_and_scale():
    infant = lab("", 1.3, "mmol/mmol")
    infant["assay"] = {"label": "Urine calcium/creatinine"}
    r, _ = one(infant, age=0.5)
    teen, _ = one(dict(infant), age=15)
    assert (r.interpretation, teen.interpretation) == ("N", "H")
    assert teen.hpo_id == "HP:0002150"
    mass = lab("", 0.3, "mg/mg")
    mass["assay"] = {"label": "Urine calcium/creatinine"}
    r, workup = one(mass, age=15)
    assert (r.analyte, r.interpretation) == ("urine_calcium_creatinine_mass", "H")
    assert any("fits Urine calcium/creatinine (mg/mg)" in w for w in workup.warnings)
    adult, workup = one(dict(infant), age=40)
    assert adult.interpretation is None and any("no catalogue" in w for w in workup.warnings)
