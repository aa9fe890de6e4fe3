"""Markers of marrow disorders and acquired mimics of sclerosing bone disease, endocrine
tumour markers and osmolality (catalogue 2026.12.06): codes, names, catalogue ranges and
the HPO findings they give."""

from __future__ import annotations

import pytest

from osteodx.labs import find_by_loinc, find_by_name, load_catalogue
from osteodx.text.labs import extract_labs
from tests.labs.analyte_helpers import check_coded, check_sourced, findings, result

CAT = load_catalogue()
NEW = ("vegf", "vegf_plasma", "kappa_flc", "lambda_flc", "flc_ratio", "chitotriosidase", "ccl18",
       "acid_phosphatase", "urine_ntx", "urine_dpd", "chromogranin_a", "sil2r", "lysozyme",
       "igfbp3", "plasma_metanephrine", "plasma_normetanephrine", "urine_metanephrine",
       "urine_normetanephrine", "methoxytyramine", "urine_methoxytyramine", "gastrin",
       "serum_osmolality", "urine_osmolality")
#: no range could be cited: a printed range or flag decides
UNSOURCED = ("vegf", "chitotriosidase", "ccl18")


def test_new_analytes_load_with_their_sources():
    check_sourced(CAT, NEW, UNSOURCED, "2026.12.06")


@pytest.mark.parametrize(("code", "key"), [
    ("75628-8", "vegf"), ("36916-5", "kappa_flc"), ("33944-0", "lambda_flc"),
    ("12173-1", "acid_phosphatase"), ("1715-2", "acid_phosphatase"), ("9811-1", "chromogranin_a"),
    ("2589-0", "lysozyme"), ("2333-3", "gastrin"), ("2692-2", "serum_osmolality"),
    ("2695-5", "urine_osmolality"), ("57372-5", "urine_osmolality"),
])
def test_loinc_codes(code, key):
    assert find_by_loinc(code).key == key


@pytest.mark.parametrize(("text", "key"), [
    ("VEGF", "vegf"), ("serum VEGF", "vegf"), ("plasma VEGF", "vegf_plasma"),
    ("free kappa", "kappa_flc"), ("kappa FLC", "kappa_flc"), ("free λ", "lambda_flc"),
    ("FLC ratio", "flc_ratio"), ("free kappa/lambda ratio", "flc_ratio"),
    ("κ/λ free light chain ratio", "flc_ratio"), ("chitotriosidase", "chitotriosidase"),
    ("CCL18/PARC", "ccl18"), ("total acid phosphatase", "acid_phosphatase"),
    ("urinary NTx", "urine_ntx"), ("NTx/Cr", "urine_ntx"),
    ("urinary deoxypyridinoline", "urine_dpd"),
    ("CgA", "chromogranin_a"), ("sIL-2R", "sil2r"), ("soluble CD25", "sil2r"),
    ("muramidase", "lysozyme"), ("IGFBP-3", "igfbp3"),
    ("plasma free metanephrine", "plasma_metanephrine"),
    ("normetadrenaline", "plasma_normetanephrine"), ("urinary metanephrine", "urine_metanephrine"),
    ("urine normetanephrine", "urine_normetanephrine"), ("3-MT", "methoxytyramine"),
    ("urinary 3-methoxytyramine", "urine_methoxytyramine"), ("fasting gastrin", "gastrin"),
    ("osmolality", "serum_osmolality"), ("Uosm", "urine_osmolality"),
])
def test_names(text, key):
    assert find_by_name(text).key == key


@pytest.mark.parametrize("text", [
    "kappa", "lambda", "kappa/lambda ratio", "acid phosphatase", "DPD", "NTx", "NMN", "CD25",
    "chromogranin", "TRAP", "MT",
])
def test_ambiguous_words_are_not_names(text):
    """A light chain's type ("IgG kappa"), the B-cell or total light-chain ratio of other
    assays, tartrate-resistant acid phosphatase (which contains "acid phosphatase"),
    dihydropyrimidine dehydrogenase, serum NTx, nicotinamide mononucleotide, the CD25
    flow-cytometry marker and the chromogranin immunostain are not these assays."""
    assert find_by_name(text) is None


@pytest.mark.parametrize(("code", "value", "unit", "age", "sex", "outcome", "hpo_id"), [
    # Mayo plasma VEGF <=96.2 pg/mL from 18 years; no default for serum VEGF
    ("osteodx:lab/vegf_plasma", 450, "pg/mL", 54, "MALE", "H", "HP:0031052"),
    ("osteodx:lab/vegf_plasma", 450, "pg/mL", 10, "MALE", None, None),
    ("LOINC:75628-8", 1450, "pg/mL", 54, "MALE", None, None),
    # ARUP free light chains: kappa 3.3-19.4 mg/L (1 mg/dL = 10 mg/L), ratio 0.26-1.65
    ("LOINC:36916-5", 4.5, "mg/dL", 60, "MALE", "H", None),
    ("osteodx:lab/flc_ratio", 56, "{ratio}", 60, "MALE", "H", "HP:0031048"),
    ("osteodx:lab/flc_ratio", 0.05, "{ratio}", 60, "MALE", "L", "HP:0031048"),
    # ARUP total acid phosphatase <=4.3 U/L from 18 years
    ("LOINC:12173-1", 12.5, "U/L", 30, "FEMALE", "H", "HP:0003148"),
    # ARUP urine NTx by age and sex; none for adult women
    ("osteodx:lab/urine_ntx", 250, "nmol/mmol", 40, "MALE", "H", "HP:0032208"),
    ("osteodx:lab/urine_ntx", 250, "nmol/mmol", 11, "FEMALE", "N", None),
    ("osteodx:lab/urine_ntx", 250, "nmol/mmol", 40, "FEMALE", None, None),
    # Labcorp urine deoxypyridinoline, adults 2.3-7.4 nmol/mmol creatinine
    ("osteodx:lab/urine_dpd", 15.2, "nmol/mmol", 40, "FEMALE", "H", "HP:0033355"),
    # Seattle Children's sIL-2R: >=8 years 137-838 U/mL, <3 years 398-1940 U/mL
    ("osteodx:lab/sil2r", 5400, "U/mL", 5, "MALE", "H", "HP:0033833"),
    ("osteodx:lab/sil2r", 1500, "U/mL", 1, "MALE", "N", None),
    ("osteodx:lab/sil2r", 1500, "pg/mL", 40, "MALE", None, None),  # another assay's scale
    # Mayo CGAK <93 ng/mL (all ages), MUR 2.7-9.4 mcg/mL from 12 months
    ("LOINC:9811-1", 250, "ng/mL", 8, "MALE", "H", None),
    ("LOINC:2589-0", 15, "mg/L", 40, "MALE", "H", None),
    # Mayo IGFBP-3 by year: 10 years 2.1-7.7 mcg/mL
    ("osteodx:lab/igfbp3", 1.2, "ug/mL", 10.5, "MALE", "L", None),
    # Mayo PMET: metanephrine <0.50 nmol/L (197 pg/mL = 1.0 nmol/L)
    ("osteodx:lab/plasma_metanephrine", 197.23, "pg/mL", 40, "FEMALE", "H", None),
    ("osteodx:lab/plasma_metanephrine", 0.05, "nmol/L", 40, "FEMALE", "N", None),
    # ARUP 24-hour urine metanephrine, women 18+ 36-229 ug/d; normetanephrine men 30+ 114-865
    ("osteodx:lab/urine_metanephrine", 950, "ug/(24.h)", 40, "FEMALE", "H", "HP:0011976"),
    ("osteodx:lab/urine_normetanephrine", 5.5, "umol/(24.h)", 45, "MALE", "H", "HP:0011976"),
    ("osteodx:lab/urine_metanephrine", 20, "ug/(24.h)", 40, "FEMALE", "L", "HP:0034876"),
    # SGH plasma 3-MT <0.11 nmol/L; Mayo urine 3-MT women <=242 ug/24 h
    ("osteodx:lab/methoxytyramine", 0.35, "nmol/L", 40, "FEMALE", "H", None),
    ("osteodx:lab/urine_methoxytyramine", 300, "ug/(24.h)", 40, "FEMALE", "H", None),
    # Mayo gastrin <100 pg/mL at all ages
    ("LOINC:2333-3", 850, "pg/mL", 6, "FEMALE", "H", "HP:0500167"),
    # Bozeman serum osmolality >2 months 275-295; UnityPoint urine >=12 months 150-1150
    ("LOINC:2692-2", 268, "mosm/kg", 40, "FEMALE", "L", "HP:6000680"),
    ("LOINC:2692-2", 310, "mmol/kg", 40, "FEMALE", "H", "HP:6000681"),
    ("LOINC:2695-5", 80, "mosm/kg", 40, "FEMALE", "L", "HP:0003158"),
    ("LOINC:2695-5", 620, "mosm/kg", 40, "FEMALE", "N", None),
])
def test_catalogue_ranges_and_findings(code, value, unit, age, sex, outcome, hpo_id):
    check_coded(code, value, unit, age, sex, outcome, hpo_id)


def test_a_normal_ratio_excludes_light_chain_paraproteinemia():
    r = result("osteodx:lab/flc_ratio", 0.9, "{ratio}", age=60, sex="MALE")
    assert r.interpretation == "N" and findings(r) == {("HP:0031048", "excluded")}


def test_a_urine_word_moves_the_plain_name_to_the_urine_assay():
    labs = extract_labs("Urinary metanephrines 950 ug/24 h. Plasma free normetanephrine "
                        "2.4 nmol/L. Urine osmolality 620 (150-1150).")
    assert [(lab.analyte, lab.value) for lab in labs] == [
        ("urine_metanephrine", 950.0), ("plasma_normetanephrine", 2.4), ("urine_osmolality", 620.0)]


@pytest.mark.parametrize("text", [
    "She received intravitreal anti-VEGF therapy.",
    "Tumour cells were positive for chromogranin A and synaptophysin.",
    "Flow cytometry showed a kappa/lambda ratio of 8.5.",
    "Gastrin-releasing peptide 45 pg/mL.",
])
def test_words_that_are_no_result(text):
    assert not extract_labs(text)
