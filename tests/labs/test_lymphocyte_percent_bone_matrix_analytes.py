"""Lymphocyte subsets as percentages of the lymphocytes (CD3+ T cells, CD19+ B cells, NK
cells), the CD4/CD8 ratio, and bone-matrix markers - urine pyridinoline, urine hydroxyproline
(per creatinine and per 24 hours), serum sclerostin and plasma inorganic pyrophosphate
(catalogue 2026.12.14): codes, names, catalogue ranges, the HPO findings they give, and
reading them from a report line."""

from __future__ import annotations

import pytest

from osteodx.labs import find_by_loinc, find_by_name, load_catalogue
from tests.labs.analyte_helpers import check_coded, check_report_line, check_sourced

CAT = load_catalogue()
NEW = ("cd3_percent", "cd19_percent", "nk_percent", "cd4_cd8_ratio", "urine_pyd",
       "urine_hydroxyproline_creatinine", "urine_hydroxyproline", "sclerostin", "plasma_ppi")
#: no default range could be sourced: a printed range decides
UNSOURCED = ("urine_hydroxyproline", "sclerostin")


def test_new_analytes_load_with_their_sources():
    check_sourced(CAT, NEW, UNSOURCED, "2026.12.14")


def test_unit_siblings_share_their_hpo_terms():
    """A percentage written after a count's name ("CD19 2%") moves to the percentage, and a
    hydroxyproline value per creatinine to the ratio: each pair shares its low and high terms."""
    pairs = {("cd3_t_cells", "cd3_percent"), ("cd19_b_cells", "cd19_percent"),
             ("nk_cells", "nk_percent"),
             ("urine_hydroxyproline", "urine_hydroxyproline_creatinine")}
    for a, b in pairs:
        assert [s.key for s in CAT.siblings(CAT.analyte(a))] == [b], a
        assert [s.key for s in CAT.siblings(CAT.analyte(b))] == [a], b


@pytest.mark.parametrize(("code", "key"), [
    ("8124-0", "cd3_percent"), ("8117-4", "cd19_percent"), ("18267-5", "nk_percent"),
    ("54218-3", "cd4_cd8_ratio"), ("25129-8", "urine_pyd"),
    # the counts keep their own codes
    ("8122-4", "cd3_t_cells"), ("8116-6", "cd19_b_cells"), ("20402-4", "nk_cells"),
])
def test_loinc_codes(code, key):
    assert find_by_loinc(code).key == key


@pytest.mark.parametrize(("text", "key"), [
    ("CD3 percentage", "cd3_percent"), ("percent CD3+", "cd3_percent"),
    ("T-cell percentage", "cd3_percent"), ("CD19 percentage", "cd19_percent"),
    ("B cell percentage", "cd19_percent"), ("NK-cell percentage", "nk_percent"),
    ("CD16/56 percentage", "nk_percent"), ("CD4/CD8 ratio", "cd4_cd8_ratio"),
    ("CD4:CD8 ratio", "cd4_cd8_ratio"), ("helper/suppressor ratio", "cd4_cd8_ratio"),
    ("T4/T8 ratio", "cd4_cd8_ratio"), ("urinary pyridinoline", "urine_pyd"),
    ("PYD/Cr", "urine_pyd"), ("hydroxylysylpyridinoline", "urine_pyd"),
    ("urine hydroxyproline/creatinine", "urine_hydroxyproline_creatinine"),
    ("Hyp/Cr", "urine_hydroxyproline_creatinine"),
    ("urinary hydroxyproline", "urine_hydroxyproline"),
    ("24-hour urine hydroxyproline", "urine_hydroxyproline"),
    ("sclerostin", "sclerostin"), ("serum sclerostin", "sclerostin"),
    ("plasma PPi", "plasma_ppi"), ("inorganic pyrophosphate", "plasma_ppi"),
    # the bare names stay with the counts and with deoxypyridinoline
    ("CD3", "cd3_t_cells"), ("CD19+ B cells", "cd19_b_cells"), ("NK cells", "nk_cells"),
    ("deoxypyridinoline", "urine_dpd"), ("lysyl-pyridinoline", "urine_dpd"),
])
def test_names(text, key):
    assert find_by_name(text).key == key


@pytest.mark.parametrize("text", [
    "PPi", "pyrophosphate", "calcium pyrophosphate", "PYD", "pyridinium crosslinks",
    "hydroxyproline", "SOST", "CD20", "CD56", "TREC", "TRECs",
    "T-cell receptor excision circles", "CD4/CD8", "CD4:CD8",
])
def test_ambiguous_words_are_not_names(text):
    """A proton pump inhibitor (PPI), calcium pyrophosphate crystals, the pyrin domain,
    pyridinium crosslinks (PYD and DPD together), plasma free hydroxyproline, a gene, two
    immunohistochemistry markers, the newborn-screening TREC assay (not catalogued: no
    citable cut-off, no HPO term) and a bare "CD4/CD8" (two counts) are not these analytes."""
    assert find_by_name(text) is None


def test_two_counts_after_cd4_cd8_are_not_a_ratio():
    from osteodx.text.labs import extract_labs

    assert all(lab.analyte != "cd4_cd8_ratio"
               for lab in extract_labs("CD4/CD8: 480/320 cells/uL"))


def test_no_hpo_term_is_made_up():
    """HPO 2025-01-16 has no sclerostin term and no low-pyrophosphate term."""
    assert CAT.analyte("sclerostin").hpo.terms() == []
    ppi = CAT.analyte("plasma_ppi").hpo
    assert ppi.low is None and ppi.high.hpo_id == "HP:0011864"


@pytest.mark.parametrize(("code", "value", "unit", "age", "sex", "outcome", "hpo_id"), [
    # LHSC CD3 %: adults 60-86, 6-12 years 60-76, 0-3 months 53-84
    ("LOINC:8124-0", 45, "%", 30, "MALE", "L", "HP:0005403"),
    ("LOINC:8124-0", 80, "%", 30, "MALE", "N", None),
    ("LOINC:8124-0", 80, "%", 8, "MALE", "H", "HP:0100828"),
    ("LOINC:8124-0", 50, "%", 0.1, "FEMALE", "L", "HP:0005403"),
    # LHSC CD19 %: adults 3-21, 2-6 years 14-33
    ("LOINC:8117-4", 2, "%", 30, "FEMALE", "L", "HP:0010976"),
    ("LOINC:8117-4", 25, "%", 30, "FEMALE", "H", "HP:0005404"),
    ("LOINC:8117-4", 25, "%", 4, "FEMALE", "N", None),
    # UCSF NK (CD56) 3-29 % from 18 years; children have no default
    ("LOINC:18267-5", 1, "%", 40, "MALE", "L", "HP:0040218"),
    ("LOINC:18267-5", 35, "%", 40, "MALE", "H", "HP:6000677"),
    ("LOINC:18267-5", 1, "%", 5, "MALE", None, None),
    # UCSF CD4/CD8 ratio 0.7-3.9 from 18 years
    ("LOINC:54218-3", 0.4, "{ratio}", 40, "MALE", "L", "HP:0033222"),
    ("LOINC:54218-3", 5.0, "{ratio}", 40, "MALE", "H", "HP:0033221"),
    ("LOINC:54218-3", 1.5, "{ratio}", 40, "MALE", "N", None),
    ("LOINC:54218-3", 0.4, "{ratio}", 5, "MALE", None, None),
    # ARUP pyridinoline/creatinine: adult men 10.3-20.0 nmol/mmol; no default for women
    ("LOINC:25129-8", 45, "nmol/mmol", 50, "MALE", "H", "HP:0033385"),
    ("LOINC:25129-8", 15, "nmol/mmol", 50, "MALE", "N", None),
    ("LOINC:25129-8", 45, "nmol/mmol", 50, "FEMALE", None, None),
    # RCPA hydroxyproline/creatinine: adults <35 mmol/mol (= umol/mmol); children no default
    ("osteodx:lab/urine_hydroxyproline_creatinine", 60, "mmol/mol", 60, "FEMALE", "H",
     "HP:0003080"),
    ("osteodx:lab/urine_hydroxyproline_creatinine", 60, "umol/mmol", 60, "FEMALE", "H",
     "HP:0003080"),
    ("osteodx:lab/urine_hydroxyproline_creatinine", 20, "mmol/mol", 60, "FEMALE", "N", None),
    ("osteodx:lab/urine_hydroxyproline_creatinine", 60, "mmol/mol", 8, "FEMALE", None, None),
    # no default: a printed range decides
    ("osteodx:lab/urine_hydroxyproline", 120, "mg/(24.h)", 60, "MALE", None, None),
    ("osteodx:lab/sclerostin", 8, "pmol/L", 20, "FEMALE", None, None),
    # plasma PPi: children 2.36-4.44, adults 2-5 umol/L; no low term
    ("osteodx:lab/plasma_ppi", 9.5, "umol/L", 0.5, "MALE", "H", "HP:0011864"),
    ("osteodx:lab/plasma_ppi", 9500, "nmol/L", 0.5, "MALE", "H", "HP:0011864"),
    ("osteodx:lab/plasma_ppi", 4.8, "umol/L", 10, "MALE", "H", "HP:0011864"),
    ("osteodx:lab/plasma_ppi", 4.8, "umol/L", 40, "MALE", "N", None),
    ("osteodx:lab/plasma_ppi", 1.0, "umol/L", 0.1, "FEMALE", "L", None),
])
def test_catalogue_ranges_and_findings(code, value, unit, age, sex, outcome, hpo_id):
    check_coded(code, value, unit, age, sex, outcome, hpo_id)


@pytest.mark.parametrize(("text", "age", "sex", "key", "value", "unit", "outcome", "hpo_id"), [
    ("CD3 45% (55-88)", 30, "MALE", "cd3_percent", 45, "%", "L", "HP:0005403"),
    ("CD3+ T cells 820/uL.", 30, "MALE", "cd3_t_cells", 820, "/uL", "N", None),
    ("CD19 2% (6-19)", 30, "MALE", "cd19_percent", 2, "%", "L", "HP:0010976"),
    ("CD19+ B cells 0.5%", 1, "MALE", "cd19_percent", 0.5, "%", "L", "HP:0010976"),
    ("NK cells 2%", 40, "FEMALE", "nk_percent", 2, "%", "L", "HP:0040218"),
    ("CD4/CD8 ratio 0.6", 40, "MALE", "cd4_cd8_ratio", 0.6, "{ratio}", "L", "HP:0033222"),
    ("CD4:CD8 ratio of 5.2", 40, "MALE", "cd4_cd8_ratio", 5.2, "{ratio}", "H", "HP:0033221"),
    ("Urinary pyridinoline 45 nmol/mmol creatinine", 50, "MALE", "urine_pyd", 45,
     "nmol/mmol creatinine", "H", "HP:0033385"),
    ("Deoxypyridinoline 12 nmol/mmol", 50, "MALE", "urine_dpd", 12, "nmol/mmol", "H",
     "HP:0033355"),
    ("Urine hydroxyproline/creatinine 60 mmol/mol creatinine", 60, "FEMALE",
     "urine_hydroxyproline_creatinine", 60, "mmol/mol creatinine", "H", "HP:0003080"),
    ("Urinary hydroxyproline 60 mmol/mol creatinine", 60, "FEMALE",
     "urine_hydroxyproline_creatinine", 60, "mmol/mol creatinine", "H", "HP:0003080"),
    ("Urinary hydroxyproline 120 mg/24 h", 60, "FEMALE", "urine_hydroxyproline", 120,
     "mg/24 h", None, None),
    ("Sclerostin 8 pmol/L", 20, "FEMALE", "sclerostin", 8, "pmol/L", None, None),
    ("Sclerostin 8 pmol/L (20-60)", 20, "FEMALE", "sclerostin", 8, "pmol/L", "L", None),
    ("Plasma PPi 9.5 umol/L", 0.5, "MALE", "plasma_ppi", 9.5, "umol/L", "H", "HP:0011864"),
    ("Plasma inorganic pyrophosphate 0.8 µmol/L", 0.2, "MALE", "plasma_ppi", 0.8, "µmol/L",
     "L", None),
])
def test_a_report_line_is_read_and_judged(text, age, sex, key, value, unit, outcome, hpo_id):
    check_report_line(text, age, sex, key, value, unit, outcome, hpo_id)
