"""Red cell indices, iron studies, coagulation inhibitors, von Willebrand factor,
lymphocyte subsets and renal/muscle markers (catalogue 2026.12.05): codes, names,
catalogue ranges and the HPO findings they give."""

from __future__ import annotations

import pytest

from osteodx.labs import find_by_loinc, find_by_name, load_catalogue
from tests.labs.analyte_helpers import findings, result

CAT = load_catalogue()
SOURCED = ("haematocrit", "red_cell_count", "mch", "mchc", "rdw", "monocytes", "basophils", "iron",
           "tibc", "transferrin", "g6pd", "haemoglobin_a2", "protein_c", "protein_s_free",
           "antithrombin", "vwf_activity", "cd3_t_cells", "cd4_t_cells", "cd8_t_cells",
           "cd19_b_cells", "nk_cells", "cystatin_c", "beta2_microglobulin", "aldolase", "myoglobin",
           "procalcitonin")


def test_new_analytes_load_with_their_sources():
    assert CAT.version >= "2026.12.05"
    for key in (*SOURCED, "vwf_antigen"):
        a = CAT.analyte(key)
        assert a.loinc, key
        assert {s.strip() for s in a.source.split(";")} <= set(CAT.sources), key
        assert all(r.source in CAT.sources for r in a.reference_ranges), key
    for key in SOURCED:
        assert CAT.analyte(key).reference_ranges, key
    assert not CAT.analyte("vwf_antigen").reference_ranges  # none sourced: a printed range decides


@pytest.mark.parametrize(("code", "key"), [
    ("4544-3", "haematocrit"), ("20570-8", "haematocrit"), ("789-8", "red_cell_count"),
    ("785-6", "mch"), ("786-4", "mchc"), ("788-0", "rdw"), ("742-7", "monocytes"),
    ("26484-6", "monocytes"), ("704-7", "basophils"), ("26444-0", "basophils"), ("2498-4", "iron"),
    ("2500-7", "tibc"), ("3034-6", "transferrin"), ("32546-4", "g6pd"),
    ("4551-8", "haemoglobin_a2"),
    ("27819-2", "protein_c"), ("27818-4", "protein_c"), ("27821-8", "protein_s_free"),
    ("27811-9", "antithrombin"), ("27816-8", "vwf_antigen"), ("6014-5", "vwf_activity"),
    ("8122-4", "cd3_t_cells"), ("24467-3", "cd4_t_cells"), ("14135-8", "cd8_t_cells"),
    ("8116-6", "cd19_b_cells"), ("20402-4", "nk_cells"), ("33863-2", "cystatin_c"),
    ("1952-1", "beta2_microglobulin"), ("1761-6", "aldolase"), ("2639-3", "myoglobin"),
    ("33959-8", "procalcitonin"),
])
def test_loinc_codes(code, key):
    assert find_by_loinc(code).key == key


def test_percentages_and_other_quantities_are_not_catalogued():
    """RDW-SD (fL) and G6PD per volume are other assays; the CD4 and CD3 percentages have
    their own analytes (cd4_percent; cd3_percent, catalogue 2026.12.14), never the counts."""
    for code in ("21000-5", "2357-2"):
        assert find_by_loinc(code) is None, code
    assert find_by_loinc("8124-0").key == "cd3_percent"


@pytest.mark.parametrize(("text", "key"), [
    ("Hct", "haematocrit"), ("packed cell volume", "haematocrit"),
    ("red cell count", "red_cell_count"),
    ("MCH", "mch"), ("mean cell haemoglobin concentration", "mchc"), ("RDW-CV", "rdw"),
    ("absolute monocyte count", "monocytes"), ("Basos", "basophils"), ("serum iron", "iron"),
    ("Fe", "iron"), ("total iron-binding capacity", "tibc"), ("serum transferrin", "transferrin"),
    ("G-6-PD", "g6pd"), ("glucose-6-phosphate dehydrogenase", "g6pd"), ("Hb A2", "haemoglobin_a2"),
    ("functional protein C", "protein_c"), ("free protein S", "protein_s_free"),
    ("antithrombin III", "antithrombin"), ("AT-III", "antithrombin"), ("VWF:Ag", "vwf_antigen"),
    ("VWF:RCo", "vwf_activity"), ("ristocetin cofactor", "vwf_activity"),
    ("CD3+ T cells", "cd3_t_cells"), ("CD4 count", "cd4_t_cells"), ("CD3+CD8+", "cd8_t_cells"),
    ("CD19+ B cells", "cd19_b_cells"), ("CD16+CD56+", "nk_cells"), ("NK cells", "nk_cells"),
    ("cystatin C", "cystatin_c"), ("β2-microglobulin", "beta2_microglobulin"),
    ("B2M", "beta2_microglobulin"), ("aldolase", "aldolase"), ("myoglobin", "myoglobin"),
    ("procalcitonin", "procalcitonin"),
])
def test_names(text, key):
    assert find_by_name(text).key == key


@pytest.mark.parametrize("text", [
    "iron", "RBC", "red blood cells", "erythrocytes", "PCV", "PCT", "AMC", "protein C",
    "protein S", "vWF", "NK", "B cells", "iron binding capacity",
])
def test_ambiguous_words_are_not_names(text):
    """Everyday words and abbreviations that name other things in case reports (urine
    red cells, vaccine, plateletcrit, arthrogryposis, APC resistance). ("Hct" is a name
    and is matched in text by case, so "HCT", a transplantation, is not read.)"""
    assert find_by_name(text) is None


@pytest.mark.parametrize(("code", "value", "unit", "age", "sex", "outcome", "hpo_id"), [
    # MCHS haematocrit: adult women 35.5-44.9 %; 0.42 L/L = 42 %
    ("4544-3", 31, "%", 30, "FEMALE", "L", "HP:0031851"),
    ("4544-3", 0.42, "L/L", 30, "FEMALE", "N", None),
    # ARUP red cell count: men 18+ 4.7-6.14 x10^12/L
    ("789-8", 3.2, "10*12/L", 40, "MALE", "L", "HP:0020060"),
    ("789-8", 7.1, "10*6/uL", 40, "MALE", "H", "HP:0020059"),
    # Holland adult MCH 26-34 pg, MCHC 32-37 g/dL; UWHC adult RDW-CV 11.7-14.7 %
    ("785-6", 21, "pg", 40, "FEMALE", "L", "HP:0025547"),
    ("786-4", 390, "g/L", 40, "FEMALE", "H", "HP:0025548"),
    ("788-0", 18.5, "%", 40, "FEMALE", "H", "HP:0031965"),
    # UCSF monocytes >21 y 0.2-0.8, basophils 0.0-0.1 x10^9/L
    ("742-7", 1.5, "10*9/L", 40, "FEMALE", "H", "HP:0012311"),
    ("704-7", 300, "/uL", 40, "FEMALE", "H", "HP:0031807"),
    # Mayo iron women 35-145 ug/dL (5 umol/L = 27.9 ug/dL); TIBC 250-400; transferrin 200-360 mg/dL
    ("2498-4", 5, "umol/L", 40, "FEMALE", "L", "HP:0040303"),
    ("2500-7", 480, "ug/dL", 40, "FEMALE", "H", "HP:0025196"),
    ("3034-6", 1.5, "g/L", 40, "FEMALE", "L", "HP:0032387"),
    # ARUP G6PD adults 9.6-16.3 U/g Hb; HbA2 2 y+ 2.0-3.5 %
    ("32546-4", 2.1, "U/g{Hb}", 40, "MALE", "L", "HP:0410188"),
    ("4551-8", 5.2, "%", 40, "FEMALE", "H", "HP:0045048"),
    # ARUP protein C adults 83-168 %; 1-6 years 40-92 %
    ("27819-2", 45, "%", 40, "FEMALE", "L", "HP:0005543"),
    ("27819-2", 45, "%", 3, "FEMALE", "N", None),
    # ARUP free protein S 18+: women 55-123 %, men 74-147 %
    ("27821-8", 60, "%", 40, "FEMALE", "N", None),
    ("27821-8", 60, "%", 40, "MALE", "L", "HP:0004855"),
    # Mayo antithrombin 6 months+ 80-130 %
    ("27811-9", 52, "%", 40, "FEMALE", "L", "HP:0001976"),
    # UCSF ristocetin cofactor 42-191 %
    ("6014-5", 20, "%", 40, "FEMALE", "L", "HP:0008330"),
    # LHSC CD3 18+ 0.80-2.56, 2-6 y 1.40-3.70 x10^9/L; UCSF CD4 adults 440-1496 /uL
    ("8122-4", 350, "/uL", 40, "FEMALE", "L", "HP:0005403"),
    ("8122-4", 1.2, "10*9/L", 4, "FEMALE", "L", "HP:0005403"),
    ("24467-3", 120, "/uL", 40, "MALE", "L", "HP:0005407"),
    ("8116-6", 0, "/uL", 10, "MALE", "L", "HP:0010976"),
    ("20402-4", 900, "/uL", 40, "MALE", "H", "HP:6000677"),
    # Mayo cystatin C 18-49 y 0.63-1.03 mg/L; B2M 1.21-2.70 mg/L; aldolase 18+ <7.7 U/L
    ("33863-2", 2.1, "mg/L", 40, "MALE", "H", "HP:0032998"),
    ("1952-1", 4500, "ug/L", 60, "MALE", "H", "HP:0025346"),
    ("1761-6", 25, "U/L", 40, "MALE", "H", "HP:0012544"),
    # Mayo myoglobin men <=72 ug/L; procalcitonin <=0.24 ng/mL
    ("2639-3", 850, "ng/mL", 40, "MALE", "H", "HP:0033438"),
    ("33959-8", 3.2, "ng/mL", 40, "MALE", "H", "HP:0032308"),
])
def test_catalogue_ranges_give_findings(code, value, unit, age, sex, outcome, hpo_id):
    r = result("LOINC:" + code, value, unit, age=age, sex=sex)
    assert r.interpretation == outcome, r
    if hpo_id is not None:
        assert (hpo_id, "observed") in findings(r)
    else:
        assert not any(status == "observed" for _, status in findings(r))


@pytest.mark.parametrize(("code", "value", "unit", "age"), [
    ("785-6", 21, "pg", 8),          # MCH: adult interval only
    ("3034-6", 150, "mg/dL", 0.1),   # transferrin: no interval under 18 years
    ("27811-9", 45, "%", 0.1),       # antithrombin: newborns lower, no interval under 6 months
    ("33863-2", 1.5, "mg/L", 10),    # cystatin C: Mayo has no interval under 18 years
    ("33959-8", 5, "ng/mL", 0.003),  # procalcitonin: physiological rise after birth
])
def test_no_default_where_the_source_gives_none(code, value, unit, age):
    r = result("LOINC:" + code, value, unit, age=age)
    assert not any(status == "observed" for _, status in findings(r))


# Read from text (texts written for these tests): the look-alikes stay unread.

def _read(text: str) -> list[tuple[str, float | None]]:
    from osteodx.text.labs import extract_labs

    return [(x.analyte, x.value) for x in extract_labs(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hct 31 % (35-45), MCH 21 pg, MCHC 30 g/dL, RDW 18.5 %.",
     [("haematocrit", 31.0), ("mch", 21.0), ("mchc", 30.0), ("rdw", 18.5)]),
    ("Fe 30 ug/dL, TIBC 480 ug/dL, serum transferrin 410 mg/dL.",
     [("iron", 30.0), ("tibc", 480.0), ("transferrin", 410.0)]),
    ("CD4 count 200/mm3 and CD19+ B cells 0 cells/uL.",
     [("cd4_t_cells", 200.0), ("cd19_b_cells", 0.0)]),
    # the ratio is its own analyte (catalogue 2026.12.14), never a CD4 or CD8 count
    ("The CD4/CD8 ratio was 0.5.", [("cd4_cd8_ratio", 0.5)]),
])
def test_text_values(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text", [
    "Urinalysis: RBC 5-10/hpf.",                       # urine red cells, not a count
    "Red blood cells 3-5/hpf were seen.",
    "He underwent HCT at 6 months.",                   # transplantation
    "Iron deficiency anaemia; Fe-deficiency was treated.",
    "Activated protein C resistance ratio 1.8.",
])
def test_look_alikes_are_not_read(text):
    assert _read(text) == []
