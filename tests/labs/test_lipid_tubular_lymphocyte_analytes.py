"""Apolipoproteins B and A-I, renal tubular indices (urate, phosphate), urine red and white
cells, lymphocyte subsets (switched and unswitched memory B cells, naive CD4+ T cells, CD4
and CD8 percentages), neuronal and lysosomal enzymes (TPP1, PPT1, beta-glucosidase, acid
alpha-glucosidase) and CK-MB (catalogue 2026.12.08): codes, names, catalogue ranges, the HPO
findings they give, and reading them from a report line."""

from __future__ import annotations

import pytest

from osteodx.labs import find_by_loinc, find_by_name, interpret_measurements, load_catalogue
from osteodx.text.labs import extract_labs, to_measurement
from tests.labs.analyte_helpers import (
    check_coded,
    check_report_line,
    check_sourced,
)

CAT = load_catalogue()
NEW = ("apolipoprotein_b", "apolipoprotein_a1", "urine_urate_creatinine",
       "urine_urate_creatinine_molar", "fe_urate", "fe_phosphate", "trp_phosphate", "urine_rbc",
       "urine_wbc", "switched_memory_b_cells", "unswitched_memory_b_cells", "naive_cd4_percent",
       "cd4_percent", "cd8_percent", "tpp1_activity", "ppt1_activity", "beta_glucosidase",
       "acid_alpha_glucosidase", "ck_mb", "ck_mb_activity")
#: no default range could be sourced: a printed range decides
UNSOURCED = ("fe_urate", "fe_phosphate", "trp_phosphate", "urine_rbc", "acid_alpha_glucosidase",
             "ck_mb_activity")


def test_new_analytes_load_with_their_sources():
    check_sourced(CAT, NEW, UNSOURCED, "2026.12.08")


def test_unit_siblings_share_their_hpo_terms():
    """A value in the other unit moves to the sibling: the molar urate ratio, CK-MB
    activity, the CD4 and CD8 percentages and TRP beside TmP/GFR."""
    pairs = {("urine_urate_creatinine", "urine_urate_creatinine_molar"),
             ("ck_mb", "ck_mb_activity"),
             ("cd4_t_cells", "cd4_percent"), ("cd8_t_cells", "cd8_percent"),
             ("tmp_gfr", "trp_phosphate")}
    for a, b in pairs:
        assert [s.key for s in CAT.siblings(CAT.analyte(a))] == [b], a


@pytest.mark.parametrize(("code", "key"), [
    ("1884-6", "apolipoprotein_b"), ("1869-7", "apolipoprotein_a1"), ("30391-7", "urine_rbc"),
    ("30405-5", "urine_wbc"), ("32540-7", "beta_glucosidase"), ("13969-1", "ck_mb"),
])
def test_loinc_codes(code, key):
    assert find_by_loinc(code).key == key


def test_cd4_percentage_code_is_the_percentage_not_the_count():
    """8123-2 is CD3+CD4+ cells/100 cells: a coded percentage must never be read as a count."""
    assert find_by_loinc("8123-2").key == "cd4_percent"
    assert find_by_loinc("24467-3").key == "cd4_t_cells"


@pytest.mark.parametrize(("text", "key"), [
    ("apolipoprotein B", "apolipoprotein_b"), ("ApoB", "apolipoprotein_b"),
    ("apoB-100", "apolipoprotein_b"), ("apolipoprotein A-I", "apolipoprotein_a1"),
    ("ApoA1", "apolipoprotein_a1"), ("apoA-I", "apolipoprotein_a1"),
    ("urine uric acid/creatinine ratio", "urine_urate_creatinine"),
    ("urate:creatinine ratio", "urine_urate_creatinine"),
    ("fractional excretion of uric acid", "fe_urate"), ("FEUA", "fe_urate"),
    ("FE urate", "fe_urate"),
    ("fractional excretion of phosphate", "fe_phosphate"), ("FEPO4", "fe_phosphate"),
    ("TRP", "trp_phosphate"), ("tubular phosphate reabsorption", "trp_phosphate"),
    ("urine RBC", "urine_rbc"), ("urinary red cells", "urine_rbc"), ("urine WBC", "urine_wbc"),
    ("urinary leucocytes", "urine_wbc"), ("switched memory B cells", "switched_memory_b_cells"),
    ("class-switched memory B cells", "switched_memory_b_cells"),
    ("CD27+IgD-IgM-", "switched_memory_b_cells"), ("smB", "switched_memory_b_cells"),
    ("CD27+IgD+", "unswitched_memory_b_cells"), ("IgM memory B cells", "unswitched_memory_b_cells"),
    ("naive CD4+ T cells", "naive_cd4_percent"), ("CD4+CD45RA+", "naive_cd4_percent"),
    ("CD4 percentage", "cd4_percent"), ("percent CD8", "cd8_percent"),
    ("tripeptidyl peptidase 1", "tpp1_activity"), ("TPP1 activity", "tpp1_activity"),
    ("palmitoyl-protein thioesterase 1", "ppt1_activity"), ("PPT1 activity", "ppt1_activity"),
    ("glucocerebrosidase", "beta_glucosidase"), ("β-glucosidase", "beta_glucosidase"),
    ("acid maltase", "acid_alpha_glucosidase"), ("GAA activity", "acid_alpha_glucosidase"),
    ("CK-MB", "ck_mb"), ("creatine kinase MB", "ck_mb"), ("CK-MB activity", "ck_mb_activity"),
])
def test_names(text, key):
    assert find_by_name(text).key == key


@pytest.mark.parametrize("text", [
    "apolipoprotein A", "TPP1", "PPT1", "GBA", "GAA", "alpha-glucosidase", "FENa", "RBC",
    "memory B cells", "CD45RA", "CD4+CD45RO+", "tubular reabsorption",
])
def test_ambiguous_words_are_not_names(text):
    """Apolipoprotein(a), genes (TPP1, PPT1, GBA, GAA), the target of acarbose, the
    fractional excretion of sodium (not catalogued), bare red cells, all memory B cells, a
    marker alone and memory CD4+ cells are not these assays. (APOB, APOA1 and FePO4 share a
    key with a name matched by its case: see the texts below.)"""
    assert find_by_name(text) is None


@pytest.mark.parametrize(("code", "value", "unit", "age", "sex", "outcome", "hpo_id"), [
    # Mayo apoB: 2-17 years acceptable <90; >=18 desirable <90, very low <48 mg/dL
    ("LOINC:1884-6", 135, "mg/dL", 50, "MALE", "H", "HP:0031798"),
    ("LOINC:1884-6", 0.12, "g/L", 30, "FEMALE", "L", "HP:0034075"),
    ("LOINC:1884-6", 30, "mg/dL", 10, "FEMALE", "N", None),
    ("LOINC:1884-6", 95, "mg/dL", 10, "FEMALE", "H", "HP:0031798"),
    ("LOINC:1884-6", 95, "mg/dL", 1, "FEMALE", None, None),
    # Mayo apoA-I: 2-17 years low <115; >=18 men >=120, women >=140 mg/dL
    ("LOINC:1869-7", 130, "mg/dL", 40, "FEMALE", "L", "HP:0031799"),
    ("LOINC:1869-7", 130, "mg/dL", 40, "MALE", "N", None),
    ("LOINC:1869-7", 0.05, "g/L", 8, "MALE", "L", "HP:0031799"),
    ("LOINC:1869-7", 400, "mg/dL", 40, "MALE", "N", None),
    # Poyrazoglu 2009 children; Mayo adults <0.60 mg/mg; molar = mass x 0.6729
    ("osteodx:lab/urine_urate_creatinine", 1.9, "mg/mg", 0.3, "MALE", "H", "HP:0003149"),
    ("osteodx:lab/urine_urate_creatinine", 1.5, "mg/mg", 0.3, "MALE", "N", None),
    ("osteodx:lab/urine_urate_creatinine", 1.5, "mg/mg", 9, "MALE", "H", "HP:0003149"),
    ("osteodx:lab/urine_urate_creatinine", 0.60, "mg/mg", 40, "MALE", "H", "HP:0003149"),
    ("osteodx:lab/urine_urate_creatinine", 0.05, "mg/mg", 9, "MALE", "L", None),
    ("osteodx:lab/urine_urate_creatinine", 0.8, "mg/mg", 17, "MALE", None, None),
    ("osteodx:lab/urine_urate_creatinine_molar", 0.9, "mmol/mmol", 9, "MALE", "H", "HP:0003149"),
    ("osteodx:lab/urine_urate_creatinine_molar", 0.3, "mmol/mmol", 40, "MALE", "N", None),
    # no default: a printed range decides
    ("osteodx:lab/fe_urate", 62, "%", 30, "MALE", None, None),
    ("osteodx:lab/fe_phosphate", 40, "%", 30, "MALE", None, None),
    ("osteodx:lab/trp_phosphate", 60, "%", 5, "MALE", None, None),
    ("LOINC:30391-7", 250, "/uL", 30, "FEMALE", None, None),
    # NWAFT urine white cells <10/uL
    ("LOINC:30405-5", 85, "/uL", 30, "FEMALE", "H", "HP:0012085"),
    ("LOINC:30405-5", 85, "10*6/L", 2, "FEMALE", "H", "HP:0012085"),
    ("LOINC:30405-5", 4, "/uL", 30, "FEMALE", "N", None),
    # ARUP switched memory B: 16+ 4-40 %, 5-10 years 11-30 %; unswitched 16+ 3-35 %
    ("osteodx:lab/switched_memory_b_cells", 0.3, "%", 30, "FEMALE", "L", "HP:0030388"),
    ("osteodx:lab/switched_memory_b_cells", 8, "%", 7, "FEMALE", "L", "HP:0030388"),
    ("osteodx:lab/switched_memory_b_cells", 8, "%", 30, "FEMALE", "N", None),
    ("osteodx:lab/switched_memory_b_cells", 45, "%", 30, "FEMALE", "H", "HP:0030387"),
    ("osteodx:lab/switched_memory_b_cells", 5, "%", 0.05, "FEMALE", None, None),
    ("osteodx:lab/unswitched_memory_b_cells", 1, "%", 30, "FEMALE", "L", "HP:0032126"),
    # UCSF naive CD4+ (CD45RA+) 3-59 % of CD4 from 18 years
    ("osteodx:lab/naive_cd4_percent", 1, "%", 30, "MALE", "L", "HP:0410378"),
    ("osteodx:lab/naive_cd4_percent", 75, "%", 30, "MALE", "H", "HP:0410375"),
    ("osteodx:lab/naive_cd4_percent", 75, "%", 3, "MALE", None, None),
    # CD4 %: LHSC 2-6 years 28-47, UCSF adults 24-64; CD8 % UCSF adults 14-40
    ("LOINC:8123-2", 12, "%", 40, "MALE", "L", "HP:0005407"),
    ("LOINC:8123-2", 25, "%", 4, "MALE", "L", "HP:0005407"),
    ("LOINC:8123-2", 70, "%", 40, "MALE", "H", None),
    ("osteodx:lab/cd8_percent", 8, "%", 40, "MALE", "L", "HP:0005415"),
    ("osteodx:lab/cd8_percent", 8, "%", 8, "MALE", None, None),
    # Mayo TPPTL: TPP1 85-326, PPT1 20-93 nmol/h/mg protein; BGL >=8.7
    ("osteodx:lab/tpp1_activity", 2, "nmol/h/mg", 3, "MALE", "L", "HP:6000571"),
    ("osteodx:lab/tpp1_activity", 150, "nmol/h/mg", 3, "MALE", "N", None),
    ("osteodx:lab/ppt1_activity", 1.5, "nmol/h/mg", 1, "FEMALE", "L", "HP:6000783"),
    ("LOINC:32540-7", 1.2, "nmol/h/mg", 30, "FEMALE", "L", "HP:0003656"),
    ("LOINC:32540-7", 12, "nmol/h/mg", 30, "FEMALE", "N", None),
    ("osteodx:lab/acid_alpha_glucosidase", 0.4, "nmol/h/mg", 0.2, "MALE", None, None),
    # Mayo/ARUP CK-MB: women <=4.3, men <=7.7 ng/mL from 18 years
    ("LOINC:13969-1", 25, "ng/mL", 60, "MALE", "H", "HP:0032232"),
    ("LOINC:13969-1", 6, "ug/L", 60, "MALE", "N", None),
    ("LOINC:13969-1", 6, "ng/mL", 60, "FEMALE", "H", "HP:0032232"),
    ("LOINC:13969-1", 25, "ng/mL", 10, "MALE", None, None),
])
def test_catalogue_ranges_and_findings(code, value, unit, age, sex, outcome, hpo_id):
    check_coded(code, value, unit, age, sex, outcome, hpo_id)


@pytest.mark.parametrize(("text", "age", "sex", "key", "value", "unit", "outcome", "hpo_id"), [
    ("Apolipoprotein B 0.12 g/L (0.55-1.40)", 30, "MALE", "apolipoprotein_b", 0.12, "g/L", "L",
     "HP:0034075"),
    ("ApoB 135 mg/dL.", 50, "MALE", "apolipoprotein_b", 135, "mg/dL", "H", "HP:0031798"),
    ("Apolipoprotein A-I 12 mg/dL.", 40, "MALE", "apolipoprotein_a1", 12, "mg/dL", "L",
     "HP:0031799"),
    ("ApoA1 1.05 g/L.", 40, "FEMALE", "apolipoprotein_a1", 1.05, "g/L", "L", "HP:0031799"),
    ("FE urate 62 % (<10)", 30, "MALE", "fe_urate", 62, "%", "H", "HP:6000746"),
    ("FEUA 2.1% (5-10)", 50, "MALE", "fe_urate", 2.1, "%", "L", "HP:0004732"),
    ("Urine uric acid/creatinine ratio 1.9 mg/mg.", 0.3, "MALE", "urine_urate_creatinine", 1.9,
     "mg/mg", "H", "HP:0003149"),
    ("Urate/creatinine ratio 0.9 mmol/mmol.", 9, "MALE", "urine_urate_creatinine_molar", 0.9,
     "mmol/mmol", "H", "HP:0003149"),
    ("FEPO4 25% (<15)", 10, "FEMALE", "fe_phosphate", 25, "%", "H", "HP:0000117"),
    ("TRP 72% (normal >85%)", 10, "FEMALE", "trp_phosphate", 72, "%", "L", "HP:0000117"),
    ("Urine RBC 250 /uL (0-20)", 30, "FEMALE", "urine_rbc", 250, "/uL", "H", "HP:0000790"),
    ("Urine WBC 85 /uL.", 30, "FEMALE", "urine_wbc", 85, "/uL", "H", "HP:0012085"),
    ("Urinary white cells 5/uL.", 30, "FEMALE", "urine_wbc", 5, "/uL", "N", None),
    ("Switched memory B cells 0.3% of B cells.", 30, "FEMALE", "switched_memory_b_cells", 0.3, "%",
     "L", "HP:0030388"),
    ("CD27+IgD+ 1%", 30, "FEMALE", "unswitched_memory_b_cells", 1, "%", "L", "HP:0032126"),
    ("Naive CD4+ T cells 1% of CD4+ T cells.", 30, "MALE", "naive_cd4_percent", 1, "%", "L",
     "HP:0410378"),
    ("CD4 12%", 40, "MALE", "cd4_percent", 12, "%", "L", "HP:0005407"),
    ("CD8 8%", 40, "MALE", "cd8_percent", 8, "%", "L", "HP:0005415"),
    ("TPP1 activity 2 nmol/h/mg protein (85-326)", 3, "MALE", "tpp1_activity", 2,
     "nmol/h/mg protein", "L", "HP:6000571"),
    ("PPT1 activity 1.5 nmol/h/mg protein.", 1, "FEMALE", "ppt1_activity", 1.5,
     "nmol/h/mg protein", "L", "HP:6000783"),
    ("Glucocerebrosidase 1.2 nmol/h/mg protein.", 30, "FEMALE", "beta_glucosidase", 1.2,
     "nmol/h/mg protein", "L", "HP:0003656"),
    ("Acid alpha-glucosidase activity 0.4 nmol/h/mg protein (normal 2.0-9.0)", 0.2, "MALE",
     "acid_alpha_glucosidase", 0.4, "nmol/h/mg protein", "L", "HP:0034932"),
    ("CK-MB 25 ng/mL.", 60, "MALE", "ck_mb", 25, "ng/mL", "H", "HP:0032232"),
    ("CK-MB 60 U/L (<25)", 60, "MALE", "ck_mb_activity", 60, "U/L", "H", "HP:0032232"),
])
def test_a_report_line_is_read_and_judged(text, age, sex, key, value, unit, outcome, hpo_id):
    check_report_line(text, age, sex, key, value, unit, outcome, hpo_id)


def test_a_urine_word_picks_the_urine_count_and_blood_stays_blood():
    labs = extract_labs("WBC 8.5 x10^9/L; urine WBC 120 /uL; urine red cell count 40 /uL.")
    assert [(lab.analyte, lab.value) for lab in labs] == [
        ("leukocytes", 8.5), ("urine_wbc", 120.0), ("urine_rbc", 40.0)]


def test_a_count_per_high_power_field_is_read_but_not_judged():
    (lab,) = extract_labs("Urine RBC 25/hpf.")
    assert lab.analyte == "urine_rbc" and lab.ucum is None
    work = interpret_measurements([to_measurement(lab)], age_years=30, sex="FEMALE")
    assert not work.findings


def test_a_cd4_count_and_its_percentage_are_two_results():
    labs = extract_labs("CD4 count 350/uL, CD4 22%.")
    assert [(lab.analyte, lab.value) for lab in labs] == [("cd4_t_cells", 350.0),
                                                           ("cd4_percent", 22.0)]


def test_switched_and_unswitched_memory_b_cells_are_told_apart():
    labs = extract_labs("CD27+IgD- B cells 0.4%, CD27+IgD+ B cells 12%.")
    assert [(lab.analyte, lab.value) for lab in labs] == [
        ("switched_memory_b_cells", 0.4), ("unswitched_memory_b_cells", 12.0)]


@pytest.mark.parametrize("text", [
    "A heterozygous APOB variant c.10580G>A was found.",
    "Sequencing of TPP1 and PPT1 found two variants; GBA c.1226A>G was present.",
    "He takes acarbose, an alpha-glucosidase inhibitor, 50 mg three times daily.",
    "Recent thymic emigrants (CD4+CD45RA+CD31+) 12%.",
    "Memory CD4+CD45RO+ cells 40%.",
    "The APOA1 gene showed a deletion of 12 kb.",
    "APOB 3 variants, APOA1 2 variants were reported.",
    "Iron phosphate (FePO4) 10 mg/dL.",
    "FENa 2.1%.",
])
def test_words_that_are_no_result_of_these_analytes(text):
    assert not {lab.analyte for lab in extract_labs(text)} & set(NEW)
