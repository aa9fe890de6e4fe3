"""Methylmalonic acid (serum and urine), acetoacetate, free fatty acids, erythrocyte
galactose-1-phosphate and GALT activity, guanidinoacetate and creatine (plasma and urine),
urine S-sulfocysteine, plant sterols and lathosterol, lyso-Gb1, lyso-SM and lyso-SM-509,
PIVKA-II, von Willebrand factor in IU/dL, beta-hCG and HbS (catalogue 2026.12.12): codes,
names, catalogue ranges, the HPO findings they give, and reading them from a report line."""

from __future__ import annotations

import pytest

from osteodx.labs import find_by_loinc, find_by_name, load_catalogue
from osteodx.text.labs import extract_labs
from tests.labs.analyte_helpers import check_coded, check_report_line, check_sourced

CAT = load_catalogue()
NEW = ("methylmalonic_acid", "urine_methylmalonic_acid", "acetoacetate", "free_fatty_acids",
       "galactose_1_phosphate", "galt_activity", "guanidinoacetate", "urine_guanidinoacetate",
       "creatine", "urine_creatine", "urine_sulfocysteine", "sitosterol", "campesterol",
       "lathosterol", "lyso_gb1", "lyso_sm", "lyso_sm_509", "pivka_ii", "vwf_antigen_iu",
       "vwf_activity_iu", "beta_hcg", "haemoglobin_s")
#: no default range could be sourced: a printed range decides
UNSOURCED = ("acetoacetate", "urine_sulfocysteine", "lyso_gb1", "lyso_sm", "vwf_antigen_iu",
             "vwf_activity_iu")


def test_new_analytes_load_with_their_sources():
    check_sourced(CAT, NEW, UNSOURCED, "2026.12.12")
    assert CAT.version >= "2026.12.12"


def test_vwf_in_international_units_are_unit_siblings():
    """A von Willebrand factor value in IU/dL moves to its IU entry, as factor VIII does."""
    assert [s.key for s in CAT.siblings(CAT.analyte("vwf_antigen"))] == ["vwf_antigen_iu"]
    assert [s.key for s in CAT.siblings(CAT.analyte("vwf_activity"))] == ["vwf_activity_iu"]


def test_urine_entries_are_the_fluid_counterparts():
    for blood, urine in (("methylmalonic_acid", "urine_methylmalonic_acid"),
                         ("guanidinoacetate", "urine_guanidinoacetate"),
                         ("creatine", "urine_creatine")):
        assert CAT.in_fluid(CAT.analyte(blood), "urine").key == urine


@pytest.mark.parametrize(("code", "key"), [
    ("13964-2", "methylmalonic_acid"), ("15066-4", "free_fatty_acids"), ("74907-7", "sitosterol"),
    ("75738-5", "campesterol"), ("58464-9", "campesterol"), ("75740-1", "lathosterol"),
    ("34444-0", "pivka_ii"), ("21198-7", "beta_hcg"),
])
def test_loinc_codes(code, key):
    assert find_by_loinc(code).key == key


@pytest.mark.parametrize(("text", "key"), [
    ("methylmalonic acid", "methylmalonic_acid"), ("MMA", "methylmalonic_acid"),
    ("serum MMA", "methylmalonic_acid"), ("methylmalonate", "methylmalonic_acid"),
    ("urine methylmalonic acid", "urine_methylmalonic_acid"),
    ("MMA/creatinine ratio", "urine_methylmalonic_acid"), ("uMMA", "urine_methylmalonic_acid"),
    ("acetoacetate", "acetoacetate"), ("acetoacetic acid", "acetoacetate"),
    ("beta-hydroxybutyrate", "blood_ketones"), ("NEFA", "free_fatty_acids"),
    ("FFA", "free_fatty_acids"), ("non-esterified fatty acids", "free_fatty_acids"),
    ("Gal-1-P", "galactose_1_phosphate"), ("galactose-1-phosphate", "galactose_1_phosphate"),
    ("GALT activity", "galt_activity"),
    ("galactose-1-phosphate uridylyltransferase", "galt_activity"),
    ("guanidinoacetate", "guanidinoacetate"), ("guanidinoacetic acid", "guanidinoacetate"),
    ("urinary guanidinoacetate", "urine_guanidinoacetate"), ("plasma creatine", "creatine"),
    ("creatine/creatinine ratio", "urine_creatine"), ("urine creatine", "urine_creatine"),
    ("S-sulfocysteine", "urine_sulfocysteine"), ("sulphocysteine", "urine_sulfocysteine"),
    ("beta-sitosterol", "sitosterol"), ("β-sitosterol", "sitosterol"),
    ("campesterol", "campesterol"), ("lathosterol", "lathosterol"), ("lyso-Gb1", "lyso_gb1"),
    ("glucosylsphingosine", "lyso_gb1"), ("lyso-Gb3", "lyso_gb3"), ("lyso-SM", "lyso_sm"),
    ("lyso-sphingomyelin", "lyso_sm"), ("lyso-SM-509", "lyso_sm_509"),
    ("PIVKA-II", "pivka_ii"), ("des-gamma-carboxy prothrombin", "pivka_ii"),
    ("VWF:Ag", "vwf_antigen"), ("beta-hCG", "beta_hcg"), ("hCG", "beta_hcg"),
    ("human chorionic gonadotropin", "beta_hcg"), ("HbS", "haemoglobin_s"),
    ("sickle haemoglobin", "haemoglobin_s"), ("HbF", "haemoglobin_f"),
])
def test_names(text, key):
    assert find_by_name(text).key == key


@pytest.mark.parametrize("text", [
    "GAA", "GALT", "DCP", "PPCS", "creatine", "serum creatine", "hemoglobin S", "haemoglobins",
    "fatty acids", "sterols",
])
def test_ambiguous_words_are_not_names(text):
    """Gene symbols (GAA is also acid alpha-glucosidase, GALT, PPCS), DCP (other meanings),
    creatine for creatinine (a common slip), a bare "hemoglobin S" (the letters of the plural
    haemoglobins) and the bare classes are not these assays. ("HbS" is matched in text by its
    case, so anti-HBs is not read: see the texts below.)"""
    assert find_by_name(text) is None


@pytest.mark.parametrize(("code", "value", "unit", "age", "sex", "outcome", "hpo_id"), [
    # Danish MMA: <1 y 0.10-1.25, 1-<11 0.10-0.30, 12-<18 0.10-0.35, 18-<65 0.10-0.40, 65+ 0.12-0.46
    ("LOINC:13964-2", 0.5, "umol/L", 30, "MALE", "H", "HP:0002912"),
    ("LOINC:13964-2", 450, "nmol/L", 30, "MALE", "H", "HP:0002912"),
    ("LOINC:13964-2", 0.35, "umol/L", 30, "MALE", "N", None),
    ("LOINC:13964-2", 0.35, "umol/L", 8, "MALE", "H", "HP:0002912"),
    ("LOINC:13964-2", 0.9, "umol/L", 0.5, "MALE", "N", None),
    ("LOINC:13964-2", 0.45, "umol/L", 70, "FEMALE", "N", None),
    ("LOINC:13964-2", 0.05, "umol/L", 30, "FEMALE", "L", None),
    ("LOINC:13964-2", 0.5, "umol/L", 11.5, "FEMALE", None, None),
    # urine MMA 0.52-5.75 mmol/mol creatinine from 18 years
    ("osteodx:lab/urine_methylmalonic_acid", 12, "mmol/mol{creat}", 40, "MALE", "H", "HP:0012120"),
    ("osteodx:lab/urine_methylmalonic_acid", 3, "umol/mmol", 40, "MALE", "N", None),
    ("osteodx:lab/urine_methylmalonic_acid", 12, "mmol/mol{creat}", 5, "MALE", None, None),
    ("osteodx:lab/acetoacetate", 0.9, "mmol/L", 5, "MALE", None, None),
    # Mayo NEFA >=18 years 0.00-0.72 mmol/L
    ("LOINC:15066-4", 1.2, "mmol/L", 40, "FEMALE", "H", "HP:0030781"),
    ("LOINC:15066-4", 900, "umol/L", 40, "FEMALE", "H", "HP:0030781"),
    ("LOINC:15066-4", 0.5, "mmol/L", 40, "FEMALE", "N", None),
    ("LOINC:15066-4", 1.2, "mmol/L", 10, "FEMALE", None, None),
    # ARUP Gal-1-P 0.0-1.0 mg/dL; Mayo GALT >=24.5 nmol/h/mg Hb
    ("osteodx:lab/galactose_1_phosphate", 3.5, "mg/dL", 2, "FEMALE", "H", "HP:6000610"),
    ("osteodx:lab/galactose_1_phosphate", 0.5, "mg/dL", 2, "FEMALE", "N", None),
    ("osteodx:lab/galt_activity", 2, "umol/h/g{Hb}", 0.05, "MALE", "L", "HP:4000208"),
    ("osteodx:lab/galt_activity", 30, "nmol/h/mg{Hb}", 0.05, "MALE", "N", None),
    # Newcastle plasma: GAA <11 y 0.55-2.36, >=11 0.85-3.31; creatine 41-115, 8-89 umol/L
    ("osteodx:lab/guanidinoacetate", 12, "umol/L", 3, "MALE", "H", "HP:0034321"),
    ("osteodx:lab/guanidinoacetate", 3.0, "umol/L", 3, "MALE", "H", "HP:0034321"),
    ("osteodx:lab/guanidinoacetate", 3.0, "umol/L", 30, "MALE", "N", None),
    ("osteodx:lab/guanidinoacetate", 0.3, "umol/L", 3, "MALE", "L", None),
    ("osteodx:lab/creatine", 10, "umol/L", 5, "MALE", "L", "HP:0034292"),
    ("osteodx:lab/creatine", 100, "umol/L", 30, "MALE", "H", "HP:0034291"),
    ("osteodx:lab/creatine", 100, "umol/L", 5, "MALE", "N", None),
    # Valongo 2004 urine: GAA <4 y 18-159, 5-16 y 18-130 umol/mmol; creatine (mmol/mmol x 1000)
    ("osteodx:lab/urine_guanidinoacetate", 400, "mmol/mol{creat}", 2, "MALE", "H", "HP:0040419"),
    ("osteodx:lab/urine_guanidinoacetate", 10, "umol/mmol", 2, "MALE", "L", "HP:0034888"),
    ("osteodx:lab/urine_guanidinoacetate", 100, "mmol/mol{creat}", 8, "MALE", "N", None),
    ("osteodx:lab/urine_guanidinoacetate", 100, "mmol/mol{creat}", 4.5, "MALE", None, None),
    ("osteodx:lab/urine_guanidinoacetate", 100, "mmol/mol{creat}", 30, "MALE", None, None),
    ("osteodx:lab/urine_creatine", 2.5, "mmol/mmol", 8, "MALE", "H", "HP:6000127"),
    ("osteodx:lab/urine_creatine", 800, "mmol/mol{creat}", 14, "MALE", "H", "HP:6000127"),
    ("osteodx:lab/urine_creatine", 800, "mmol/mol{creat}", 8, "MALE", "N", None),
    ("osteodx:lab/urine_creatine", 20, "mmol/mol{creat}", 8, "MALE", "L", "HP:6000748"),
    ("osteodx:lab/urine_sulfocysteine", 95, "mmol/mol{creat}", 0.1, "MALE", None, None),
    # Mayo STER: sitosterol <=15.0, campesterol <=8.0, lathosterol <=6.0 mg/L
    ("LOINC:74907-7", 240, "umol/L", 12, "FEMALE", "H", "HP:0033341"),
    ("LOINC:74907-7", 10, "mg/L", 12, "FEMALE", "N", None),
    ("LOINC:75738-5", 60, "mg/L", 12, "FEMALE", "H", None),
    ("LOINC:75738-5", 0.5, "mg/dL", 12, "FEMALE", "N", None),
    ("LOINC:75740-1", 25, "mg/L", 1, "FEMALE", "H", "HP:0034936"),
    ("LOINC:75740-1", 2, "mg/L", 1, "FEMALE", "N", None),
    ("osteodx:lab/lyso_gb1", 180, "nmol/L", 30, "FEMALE", None, None),
    ("osteodx:lab/lyso_sm", 250, "nmol/L", 3, "FEMALE", None, None),
    # Giese 2015 lyso-SM-509 cut-off 1.4 ng/mL; no HPO term
    ("osteodx:lab/lyso_sm_509", 8.5, "ng/mL", 10, "MALE", "H", None),
    ("osteodx:lab/lyso_sm_509", 0.9, "ng/mL", 10, "MALE", "N", None),
    # ARUP PIVKA-II 0.0-7.4 ng/mL
    ("LOINC:34444-0", 45, "ng/mL", 50, "MALE", "H", "HP:0045063"),
    ("LOINC:34444-0", 45, "ug/L", 50, "MALE", "H", "HP:0045063"),
    ("LOINC:34444-0", 5, "ng/mL", 50, "MALE", "N", None),
    ("osteodx:lab/vwf_antigen_iu", 22, "[IU]/dL", 30, "FEMALE", None, None),
    # Mayo BHCG: <=50 IU/L to 3 months; males <1.4; girls <18 y <1.0; adult women no default
    ("LOINC:21198-7", 12, "[IU]/L", 40, "MALE", "H", "HP:6000485"),
    ("LOINC:21198-7", 1.0, "m[IU]/mL", 40, "MALE", "N", None),
    ("LOINC:21198-7", 2, "[IU]/L", 10, "FEMALE", "H", "HP:6000485"),
    ("LOINC:21198-7", 30, "[IU]/L", 0.1, "FEMALE", "N", None),
    ("LOINC:21198-7", 12, "[IU]/L", 30, "FEMALE", None, None),
    # ARUP hemoglobin S 0.0 %
    ("osteodx:lab/haemoglobin_s", 38.5, "%", 20, "MALE", "H", "HP:0045047"),
    ("osteodx:lab/haemoglobin_s", 0, "%", 20, "MALE", "N", None),
])
def test_catalogue_ranges_and_findings(code, value, unit, age, sex, outcome, hpo_id):
    check_coded(code, value, unit, age, sex, outcome, hpo_id)


@pytest.mark.parametrize(("text", "age", "sex", "key", "value", "unit", "outcome", "hpo_id"), [
    ("Methylmalonic acid 2.4 umol/L (<0.4)", 40, "MALE", "methylmalonic_acid", 2.4, "umol/L",
     "H", "HP:0002912"),
    ("Serum MMA 1.8 µmol/L.", 40, "MALE", "methylmalonic_acid", 1.8, "µmol/L", "H",
     "HP:0002912"),
    ("Urinary MMA 12.5 mmol/mol creatinine (0.5-5.8)", 3, "MALE", "urine_methylmalonic_acid",
     12.5, "mmol/mol creatinine", "H", "HP:0012120"),
    ("Urine methylmalonic acid level 250 mmol/mol creatinine.", 40, "MALE",
     "urine_methylmalonic_acid", 250, "mmol/mol creatinine", "H", "HP:0012120"),
    ("MMA/creatinine ratio 40 mmol/mol.", 40, "MALE", "urine_methylmalonic_acid", 40,
     "mmol/mol", "H", "HP:0012120"),
    ("Acetoacetate 0.9 mmol/L (<0.3)", 4, "FEMALE", "acetoacetate", 0.9, "mmol/L", "H",
     "HP:0033408"),
    ("Free fatty acids 2.4 mmol/L (0.0-0.72)", 4, "FEMALE", "free_fatty_acids", 2.4, "mmol/L",
     "H", "HP:0030781"),
    ("NEFA 1.1 mmol/L.", 40, "FEMALE", "free_fatty_acids", 1.1, "mmol/L", "H", "HP:0030781"),
    ("Gal-1-P 3.5 mg/dL (<1.0)", 1, "FEMALE", "galactose_1_phosphate", 3.5, "mg/dL", "H",
     "HP:6000610"),
    ("GALT activity 0.5 umol/h/g Hb (>24.5)", 0.02, "MALE", "galt_activity", 0.5, "umol/h/g Hb",
     "L", "HP:4000208"),
    ("Plasma guanidinoacetate 12.5 µmol/L.", 3, "MALE", "guanidinoacetate", 12.5, "µmol/L", "H",
     "HP:0034321"),
    ("Urine guanidinoacetate 1200 mmol/mol creatinine.", 3, "MALE", "urine_guanidinoacetate",
     1200, "mmol/mol creatinine", "H", "HP:0040419"),
    ("Plasma creatine 5 µmol/L.", 3, "MALE", "creatine", 5, "µmol/L", "L", "HP:0034292"),
    ("Urine creatine/creatinine ratio 3.2 mmol/mmol.", 8, "MALE", "urine_creatine", 3.2,
     "mmol/mmol", "H", "HP:6000127"),
    ("S-sulfocysteine 95 mmol/mol creatinine (<8)", 0.1, "MALE", "urine_sulfocysteine", 95,
     "mmol/mol creatinine", "H", "HP:0034744"),
    ("plasma sitosterol 240 umol/L", 12, "FEMALE", "sitosterol", 240, "umol/L", "H",
     "HP:0033341"),
    ("Campesterol 60 mg/L.", 12, "FEMALE", "campesterol", 60, "mg/L", "H", None),
    ("Lathosterol 25 mg/L.", 1, "FEMALE", "lathosterol", 25, "mg/L", "H", "HP:0034936"),
    ("Lyso-Gb1 180 nmol/L (<14)", 30, "FEMALE", "lyso_gb1", 180, "nmol/L", "H", None),
    ("Lyso-SM 250 nmol/L.", 3, "FEMALE", "lyso_sm", 250, "nmol/L", None, None),
    ("Lyso-SM-509 8.5 ng/mL.", 10, "MALE", "lyso_sm_509", 8.5, "ng/mL", "H", None),
    ("PIVKA-II 45 ng/mL.", 50, "MALE", "pivka_ii", 45, "ng/mL", "H", "HP:0045063"),
    ("VWF:Ag 22 IU/dL (50-160)", 30, "FEMALE", "vwf_antigen_iu", 22, "IU/dL", "L",
     "HP:0012147"),
    ("VWF:RCo 18 IU/dL (50-150)", 30, "FEMALE", "vwf_activity_iu", 18, "IU/dL", "L",
     "HP:0008330"),
    ("VWF:Ag 45%.", 30, "FEMALE", "vwf_antigen", 45, "%", None, None),
    ("Beta-hCG 12 IU/L (<1.4)", 30, "MALE", "beta_hcg", 12, "IU/L", "H", "HP:6000485"),
    ("HCG 35 mIU/mL.", 30, "MALE", "beta_hcg", 35, "mIU/mL", "H", "HP:6000485"),
    ("HbS 38.5%.", 20, "MALE", "haemoglobin_s", 38.5, "%", "H", "HP:0045047"),
    ("Hgb S 0%", 20, "MALE", "haemoglobin_s", 0, "%", "N", None),
])
def test_a_report_line_is_read_and_judged(text, age, sex, key, value, unit, outcome, hpo_id):
    check_report_line(text, age, sex, key, value, unit, outcome, hpo_id)


def test_serum_and_urine_methylmalonic_acid_in_one_line():
    labs = extract_labs("Serum methylmalonic acid 3.1 umol/L; urine methylmalonic acid 450 "
                        "mmol/mol creatinine.")
    assert [(lab.analyte, lab.value) for lab in labs] == [
        ("methylmalonic_acid", 3.1), ("urine_methylmalonic_acid", 450.0)]


def test_a_ratio_unit_after_the_bare_name_is_not_converted():
    """The urine entry is not a unit sibling (its HPO term is the aciduria): a ratio written
    after the serum name is kept with a warning, never converted to umol/L."""
    (lab,) = extract_labs("Methylmalonic acid 250 mmol/mol creatinine.")
    assert lab.analyte == "methylmalonic_acid"
    assert any("cannot be converted" in w for w in lab.warnings)


def test_ketone_bodies_and_fatty_acids_are_three_results():
    labs = extract_labs("Beta-hydroxybutyrate 0.1 mmol/L, acetoacetate 0.05 mmol/L, free fatty "
                        "acids 0.3 mmol/L.")
    assert [(lab.analyte, lab.value) for lab in labs] == [
        ("blood_ketones", 0.1), ("acetoacetate", 0.05), ("free_fatty_acids", 0.3)]


def test_plant_sterols_in_one_line():
    labs = extract_labs("Sitosterol 180 mg/L, campesterol 60 mg/L, lathosterol 2.1 mg/L.")
    assert [(lab.analyte, lab.value) for lab in labs] == [
        ("sitosterol", 180.0), ("campesterol", 60.0), ("lathosterol", 2.1)]


@pytest.mark.parametrize("text", [
    "Anti-HBs 150 mIU/mL, HBsAg negative.",
    "Serial haemoglobins 9.8 and 8.7 g/dL.",
    "Serum creatine 1.2 mg/dL.",
    "He was diagnosed with MMA 2 years ago.",
    "GAMT deficiency; guanidinoacetate methyltransferase activity 0.1 nmol/h/mg.",
    "Beta-hydroxybutyrate/acetoacetate ratio 3.1.",
    "An hCG stimulation test (1500 IU daily for 3 days) raised testosterone to 350 ng/dL.",
    "Creatine kinase 250 U/L.",
    "Lyso-Gb3 12 nmol/L.",
])
def test_words_that_are_no_result_of_these_analytes(text):
    assert not {lab.analyte for lab in extract_labs(text)} & set(NEW)
