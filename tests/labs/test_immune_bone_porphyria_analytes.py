"""IgG subclasses 1-3, vaccine-response antibodies (tetanus, pneumococcal, Hib), copeptin,
cholestanol, urine porphobilinogen (per litre and per creatinine), red cell protoporphyrins
(zinc, metal-free, total), urine glutaric and 3-hydroxyglutaric acids, red cell adenosine
deaminase and pyruvate kinase, and complement factor H (catalogue 2026.12.11): codes, names,
catalogue ranges, the HPO findings they give, and reading them from a report line."""

from __future__ import annotations

import pytest

from osteodx.labs import find_by_loinc, find_by_name, load_catalogue
from osteodx.text.labs import extract_labs
from tests.labs.analyte_helpers import (
    check_coded,
    check_report_line,
    check_sourced,
)

CAT = load_catalogue()
NEW = ("igg1", "igg2", "igg3", "tetanus_igg", "pneumococcal_igg", "hib_igg", "copeptin",
       "cholestanol", "urine_pbg", "urine_pbg_creatinine", "zinc_protoporphyrin",
       "protoporphyrin_free", "erythrocyte_protoporphyrin", "urine_glutaric_acid",
       "urine_3_hydroxyglutaric_acid", "ada_erythrocyte", "pyruvate_kinase",
       "complement_factor_h")
#: no default range could be given: a printed range decides
UNSOURCED = ("pneumococcal_igg",)


def test_new_analytes_load_with_their_sources():
    check_sourced(CAT, NEW, UNSOURCED, "2026.12.11")


def test_the_catalogue_version():
    assert CAT.version >= "2026.12.11"


def test_a_urine_pbg_per_creatinine_is_the_ratio_sibling():
    """A value per mmol creatinine under a porphobilinogen name moves to the ratio."""
    assert [s.key for s in CAT.siblings(CAT.analyte("urine_pbg"))] == ["urine_pbg_creatinine"]


@pytest.mark.parametrize(("code", "key"), [
    ("2466-1", "igg1"), ("2467-9", "igg2"), ("2468-7", "igg3"), ("2469-5", "igg4"),
    ("53935-3", "tetanus_igg"), ("11257-3", "hib_igg"), ("2811-8", "urine_pbg"),
    ("33007-6", "zinc_protoporphyrin"), ("2892-8", "protoporphyrin_free"),
    ("47549-1", "ada_erythrocyte"), ("32552-2", "pyruvate_kinase"),
])
def test_loinc_codes(code, key):
    assert find_by_loinc(code).key == key


@pytest.mark.parametrize(("text", "key"), [
    ("IgG1", "igg1"), ("IgG subclass 2", "igg2"), ("IgG3 subclass", "igg3"),
    ("anti-tetanus IgG", "tetanus_igg"), ("tetanus toxoid antibodies", "tetanus_igg"),
    ("pneumococcal antibodies", "pneumococcal_igg"), ("S. pneumoniae IgG", "pneumococcal_igg"),
    ("Hib antibody", "hib_igg"), ("anti-PRP IgG", "hib_igg"),
    ("Haemophilus influenzae type b antibody", "hib_igg"), ("CT-proAVP", "copeptin"),
    ("copeptin", "copeptin"), ("5alpha-cholestanol", "cholestanol"),
    ("urinary porphobilinogen", "urine_pbg"),
    ("porphobilinogen/creatinine ratio", "urine_pbg_creatinine"),
    ("ZPP", "zinc_protoporphyrin"), ("zinc-complexed protoporphyrin", "zinc_protoporphyrin"),
    ("metal-free protoporphyrin", "protoporphyrin_free"),
    ("free erythrocyte protoporphyrin", "erythrocyte_protoporphyrin"),
    ("glutaric acid", "urine_glutaric_acid"),
    ("3-OH-glutaric acid", "urine_3_hydroxyglutaric_acid"),
    ("red cell ADA", "ada_erythrocyte"), ("erythrocyte adenosine deaminase", "ada_erythrocyte"),
    ("PK activity", "pyruvate_kinase"), ("pyruvate kinase", "pyruvate_kinase"),
    ("factor H", "complement_factor_h"), ("complement factor H", "complement_factor_h"),
    ("TRAP5b", "tracp5b"),
])
def test_names(text, key):
    assert find_by_name(text).key == key


@pytest.mark.parametrize("text", [
    "ADA", "adenosine deaminase", "PK", "PBG", "CFH", "FH", "Hib", "FEP", "TRAP",
    "free protoporphyrin", "protoporphyrin", "glutaric aciduria", "tetanus", "pneumococcal",
    "serum IgG2", "immunoglobulin G1", "immunoglobulin G4",
])
def test_ambiguous_words_are_not_names(text):
    """The American Diabetes Association and pleural ADA, pharmacokinetics, the PBG of
    "PBG:creatinine" and PBG deaminase, the CFH gene, familial hypercholesterolaemia, the Hib
    vaccine, cefepime, the TRAP stain and sequence, a protoporphyrin of unstated fraction, a
    disease, a vaccine or organism, and subclass names ending in the digit after a word (which
    took "Serum IgG 2.5 g/L") are not these assays."""
    assert find_by_name(text) is None


@pytest.mark.parametrize(("code", "value", "unit", "age", "sex", "outcome", "hpo_id"), [
    # Mayo IGGS: IgG1 >=18 y 341-894, 4-<7 y 209-902; IgG2 >=18 y 171-632, 0-<5 months <=82 mg/dL
    ("LOINC:2466-1", 3.0, "g/L", 40, "FEMALE", "L", "HP:0032136"),
    ("LOINC:2466-1", 300, "mg/dL", 40, "FEMALE", "L", "HP:0032136"),
    ("LOINC:2466-1", 300, "mg/dL", 5, "FEMALE", "N", None),
    ("LOINC:2466-1", 1200, "mg/dL", 40, "FEMALE", "H", "HP:0032298"),
    ("LOINC:2467-9", 0.52, "g/L", 40, "MALE", "L", "HP:0008348"),
    ("LOINC:2467-9", 50, "mg/dL", 0.2, "MALE", "N", None),
    ("LOINC:2467-9", 50, "mg/dL", 8, "MALE", "L", "HP:0008348"),
    # Auckland LabPLUS IgG3: adult 0.2-1.8 g/L, 2-4 y 0.2-0.7 g/L
    ("LOINC:2468-7", 0.1, "g/L", 40, "MALE", "L", "HP:0032137"),
    ("LOINC:2468-7", 0.9, "g/L", 40, "MALE", "N", None),
    ("LOINC:2468-7", 0.9, "g/L", 3, "MALE", "H", "HP:0032297"),
    # ARUP tetanus >0.1 IU/mL protective; Mayo Hib >=0.15 mg/L
    ("LOINC:53935-3", 0.05, "[IU]/mL", 30, "FEMALE", "L", "HP:0012475"),
    ("LOINC:53935-3", 1.2, "[IU]/mL", 4, "FEMALE", "N", None),
    ("LOINC:11257-3", 0.05, "mg/L", 2, "MALE", "L", "HP:0002848"),
    ("LOINC:11257-3", 0.5, "ug/mL", 2, "MALE", "N", None),
    # no default for pneumococcal IgG
    ("osteodx:lab/pneumococcal_igg", 0.3, "ug/mL", 30, "MALE", None, None),
    # Mayo copeptin: adults <13.1, pediatric <14.5 pmol/L; no HPO term
    ("osteodx:lab/copeptin", 14, "pmol/L", 40, "MALE", "H", None),
    ("osteodx:lab/copeptin", 14, "pmol/L", 10, "MALE", "N", None),
    # South Tees cholestanol: adults 4.0-18.0, paediatrics 1.0-9.0 umol/L
    ("osteodx:lab/cholestanol", 85, "umol/L", 35, "FEMALE", "H", "HP:6000527"),
    ("osteodx:lab/cholestanol", 3.2, "mg/dL", 35, "FEMALE", "H", "HP:6000527"),
    ("osteodx:lab/cholestanol", 12, "umol/L", 35, "FEMALE", "N", None),
    ("osteodx:lab/cholestanol", 12, "umol/L", 8, "FEMALE", "H", "HP:6000527"),
    # Mayo urine PBG <=1.3 umol/L; Cardiff PBG:creatinine <1.5 umol/mmol from 18 years
    ("LOINC:2811-8", 45, "umol/L", 30, "FEMALE", "H", "HP:0012217"),
    ("LOINC:2811-8", 10, "mg/L", 30, "FEMALE", "H", "HP:0012217"),
    ("LOINC:2811-8", 1.0, "umol/L", 30, "FEMALE", "N", None),
    ("osteodx:lab/urine_pbg_creatinine", 38.6, "umol/mmol", 30, "FEMALE", "H", "HP:0012217"),
    ("osteodx:lab/urine_pbg_creatinine", 3, "umol/mmol", 8, "FEMALE", None, None),
    # Mayo PPFE: zinc <60, metal-free <20 ug/dL; LHSC total 0.4-1.0 umol/L adults
    ("LOINC:33007-6", 120, "ug/dL", 5, "MALE", "H", "HP:0012187"),
    ("LOINC:33007-6", 40, "ug/dL", 5, "MALE", "N", None),
    ("LOINC:2892-8", 1800, "ug/dL", 25, "MALE", "H", "HP:0012187"),
    ("osteodx:lab/erythrocyte_protoporphyrin", 2500, "ug/dL", 25, "MALE", "H", "HP:0012187"),
    ("osteodx:lab/erythrocyte_protoporphyrin", 50, "ug/dL", 25, "MALE", "N", None),
    ("osteodx:lab/erythrocyte_protoporphyrin", 2500, "ug/dL", 10, "MALE", None, None),
    # PMID:10604139 urine controls: glutaric 1.1-9.7, 3-hydroxyglutaric 1.4-8.0 mmol/mol creat
    ("osteodx:lab/urine_glutaric_acid", 850, "mmol/mol", 1, "MALE", "H", "HP:0003150"),
    ("osteodx:lab/urine_glutaric_acid", 5, "mmol/mol", 1, "MALE", "N", None),
    ("osteodx:lab/urine_3_hydroxyglutaric_acid", 95, "mmol/mol", 1, "MALE", "H", "HP:0034656"),
    # ARUP red cell ADA 400-900 mU/g Hb; Mayo PK1 >=12 months 5.5-12.4 U/g Hb
    ("LOINC:47549-1", 0.02, "U/g{Hb}", 0.5, "MALE", "L", "HP:0030273"),
    ("LOINC:47549-1", 650, "mU/g{Hb}", 0.5, "MALE", "N", None),
    ("LOINC:47549-1", 60, "U/g{Hb}", 3, "MALE", "H", "HP:0030270"),
    ("LOINC:32552-2", 2.1, "U/g{Hb}", 6, "FEMALE", "L", "HP:0025109"),
    ("LOINC:32552-2", 8, "U/g{Hb}", 6, "FEMALE", "N", None),
    ("LOINC:32552-2", 2.1, "U/g{Hb}", 0.5, "FEMALE", None, None),
    # North West London factor H >0.43 g/L from 18 years
    ("osteodx:lab/complement_factor_h", 150, "mg/L", 30, "FEMALE", "L", "HP:0005369"),
    ("osteodx:lab/complement_factor_h", 0.6, "g/L", 30, "FEMALE", "N", None),
    ("osteodx:lab/complement_factor_h", 150, "mg/L", 5, "FEMALE", None, None),
])
def test_catalogue_ranges_and_findings(code, value, unit, age, sex, outcome, hpo_id):
    check_coded(code, value, unit, age, sex, outcome, hpo_id)


@pytest.mark.parametrize(("text", "age", "sex", "key", "value", "unit", "outcome", "hpo_id"), [
    ("IgG1 3.2 g/L.", 30, "FEMALE", "igg1", 3.2, "g/L", "L", "HP:0032136"),
    ("IgG2 0.52 g/L (1.5-6.4)", 30, "FEMALE", "igg2", 0.52, "g/L", "L", "HP:0008348"),
    ("IgG3 12 mg/dL.", 30, "FEMALE", "igg3", 12.0, "mg/dL", "L", "HP:0032137"),
    ("anti-tetanus IgG 0.05 IU/mL (>0.1)", 30, "FEMALE", "tetanus_igg", 0.05, "IU/mL", "L",
     "HP:0012475"),
    ("Tetanus antibodies 0.02 IU/mL.", 30, "FEMALE", "tetanus_igg", 0.02, "IU/mL", "L",
     "HP:0012475"),
    ("Pneumococcal IgG 8 mg/L (>20)", 30, "FEMALE", "pneumococcal_igg", 8.0, "mg/L", "L",
     "HP:0012476"),
    ("Hib IgG 0.1 mg/L.", 2, "MALE", "hib_igg", 0.1, "mg/L", "L", "HP:0002848"),
    ("Haemophilus influenzae type b antibody 0.05 mg/L (>0.15)", 2, "MALE", "hib_igg", 0.05,
     "mg/L", "L", "HP:0002848"),
    ("Copeptin 25 pmol/L.", 40, "MALE", "copeptin", 25.0, "pmol/L", "H", None),
    ("Plasma cholestanol 85 umol/L.", 35, "FEMALE", "cholestanol", 85.0, "umol/L", "H",
     "HP:6000527"),
    ("Urine porphobilinogen 45 umol/L.", 30, "FEMALE", "urine_pbg", 45.0, "umol/L", "H",
     "HP:0012217"),
    ("Urinary porphobilinogen 38.6 umol/mmol creatinine.", 30, "FEMALE", "urine_pbg_creatinine",
     38.6, "umol/mmol creatinine", "H", "HP:0012217"),
    ("ZPP 120 ug/dL.", 5, "MALE", "zinc_protoporphyrin", 120.0, "ug/dL", "H", "HP:0012187"),
    ("Metal-free protoporphyrin 1800 ug/dL.", 25, "MALE", "protoporphyrin_free", 1800.0, "ug/dL",
     "H", "HP:0012187"),
    ("Erythrocyte protoporphyrin 2500 ug/dL (normal <80)", 25, "MALE",
     "erythrocyte_protoporphyrin", 2500.0, "ug/dL", "H", "HP:0012187"),
    ("Urine glutaric acid 850 mmol/mol creatinine.", 1, "MALE", "urine_glutaric_acid", 850.0,
     "mmol/mol creatinine", "H", "HP:0003150"),
    ("3-Hydroxyglutaric acid 95 mmol/mol creatinine.", 1, "MALE", "urine_3_hydroxyglutaric_acid",
     95.0, "mmol/mol creatinine", "H", "HP:0034656"),
    ("Red cell ADA 0.01 U/g Hb.", 0.5, "MALE", "ada_erythrocyte", 0.01, "U/g Hb", "L",
     "HP:0030273"),
    ("PK activity 2.1 U/g Hb.", 6, "FEMALE", "pyruvate_kinase", 2.1, "U/g Hb", "L",
     "HP:0025109"),
    ("Complement factor H 150 mg/L.", 30, "FEMALE", "complement_factor_h", 150.0, "mg/L", "L",
     "HP:0005369"),
    ("TRAP5b 9.8 U/L (1.4-4.2)", 8, "MALE", "tracp5b", 9.8, "U/L", "H", "HP:0003148"),
])
def test_a_report_line_is_read_and_judged(text, age, sex, key, value, unit, outcome, hpo_id):
    check_report_line(text, age, sex, key, value, unit, outcome, hpo_id)


def test_igg_subclasses_and_the_total_are_told_apart():
    """"Serum IgG 4.2 g/L" and "Immunoglobulin G 1.2 g/L" are total IgG (no subclass name
    ends in its digit after a word), and each subclass keeps its own value."""
    labs = extract_labs("Serum IgG 4.2 g/L, IgG1 2.8 g/L, IgG2 0.3 g/L, IgG3 0.1 g/L, "
                        "IgG4 0.2 g/L.")
    assert [(lab.analyte, lab.value) for lab in labs] == [
        ("igg", 4.2), ("igg1", 2.8), ("igg2", 0.3), ("igg3", 0.1), ("igg4", 0.2)]
    assert [(lab.analyte, lab.value) for lab in extract_labs("Immunoglobulin G 1.2 g/L.")] \
        == [("igg", 1.2)]
    assert [lab.analyte for lab in extract_labs("Serum IgG 2.5 g/L.")] == ["igg"]


def test_vaccine_antibodies_are_not_total_igg():
    labs = extract_labs("IgG 9.5 g/L; tetanus IgG 0.05 IU/mL; Hib IgG 0.1 mg/L; "
                        "pneumococcal IgG 8 mg/L.")
    assert [lab.analyte for lab in labs] == ["igg", "tetanus_igg", "hib_igg", "pneumococcal_igg"]


@pytest.mark.parametrize("text", [
    "Urine PBG:creatinine 38.6 umol/mmol (<1.5).",
    "Erythrocyte porphobilinogen deaminase activity 45 nmol/s/L.",
    "Pleural fluid adenosine deaminase 65 U/L.",
    "He has glutaric aciduria type 1 with macrocephaly.",
    "The Hib vaccine was given at 2 months.",
    "IgG1 kappa paraprotein 12 g/L.",
    "Anti-factor H antibodies 2000 AU/mL.",
    "Cefepime (FEP) MIC 2 ug/mL.",
    "TRAP-positive osteoclasts were numerous.",
])
def test_words_that_are_no_result_of_these_analytes(text):
    assert not {lab.analyte for lab in extract_labs(text)} & set(NEW)
