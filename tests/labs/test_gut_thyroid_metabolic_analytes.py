"""Inflammation, coeliac and thyroid serology, stool markers, urine metabolites,
lipoprotein(a), IgG4, tumour markers, IL-6 and selenium (catalogue 2026.12.07): codes,
names, catalogue ranges, the HPO findings they give, and reading them from a report line."""

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
NEW = ("serum_amyloid_a", "pristanic_acid", "urine_beta2_microglobulin", "ttg_iga", "dgp_igg",
       "thyroglobulin", "thyroglobulin_antibody", "anti_tpo", "trab", "faecal_calprotectin",
       "faecal_elastase", "urine_orotic_acid", "urine_succinylacetone", "biotinidase",
       "bile_acids_total", "urine_oxalate", "urine_citrate", "prealbumin", "lipoprotein_a",
       "lipoprotein_a_mass", "igg4", "cea", "cea_cyst_fluid", "ca19_9", "ca125", "il6", "selenium",
       "selenium_blood")
#: assay-specific cut-offs: no default range, a printed range or flag decides
UNSOURCED = ("ttg_iga", "dgp_igg", "thyroglobulin_antibody", "anti_tpo", "cea_cyst_fluid")


def test_new_analytes_load_with_their_sources():
    check_sourced(CAT, NEW, UNSOURCED, "2026.12.07")


@pytest.mark.parametrize(("code", "key"), [
    ("46128-5", "ttg_iga"), ("31017-7", "ttg_iga"), ("3013-0", "thyroglobulin"),
    ("56536-6", "thyroglobulin_antibody"), ("8099-4", "anti_tpo"), ("5385-0", "trab"),
    ("38445-3", "faecal_calprotectin"), ("25907-7", "faecal_elastase"),
    ("17869-9", "urine_orotic_acid"), ("13787-7", "urine_orotic_acid"), ("1982-8", "biotinidase"),
    ("14628-2", "bile_acids_total"), ("6687-8", "urine_citrate"), ("14338-8", "prealbumin"),
    ("43583-4", "lipoprotein_a"), ("10835-7", "lipoprotein_a_mass"), ("2469-5", "igg4"),
    ("2039-6", "cea"), ("83085-1", "cea"), ("24108-3", "ca19_9"), ("83082-8", "ca125"),
    ("10334-1", "ca125"),
])
def test_loinc_codes(code, key):
    assert find_by_loinc(code).key == key


@pytest.mark.parametrize(("text", "key"), [
    ("SAA", "serum_amyloid_a"), ("serum amyloid A", "serum_amyloid_a"),
    ("pristanic acid", "pristanic_acid"), ("urinary B2M", "urine_beta2_microglobulin"),
    ("urine β2-microglobulin", "urine_beta2_microglobulin"), ("anti-tTG IgA", "ttg_iga"),
    ("tissue transglutaminase antibody, IgA", "ttg_iga"), ("DGP IgG", "dgp_igg"),
    ("deamidated gliadin peptide IgG", "dgp_igg"), ("thyroglobulin", "thyroglobulin"),
    ("anti-thyroglobulin antibodies", "thyroglobulin_antibody"), ("TPOAb", "anti_tpo"),
    ("anti-thyroid peroxidase antibodies", "anti_tpo"), ("TRAb", "trab"), ("TBII", "trab"),
    ("TSH receptor antibodies", "trab"), ("fecal calprotectin", "faecal_calprotectin"),
    ("stool elastase", "faecal_elastase"), ("faecal pancreatic elastase-1", "faecal_elastase"),
    ("urinary orotic acid", "urine_orotic_acid"), ("succinylacetone", "urine_succinylacetone"),
    ("biotinidase activity", "biotinidase"), ("total bile acids", "bile_acids_total"),
    ("24-hour urine oxalate", "urine_oxalate"), ("urinary citrate", "urine_citrate"),
    ("transthyretin", "prealbumin"), ("pre-albumin", "prealbumin"), ("Lp(a)", "lipoprotein_a"),
    ("lipoprotein(a)", "lipoprotein_a"), ("IgG4", "igg4"), ("CEA", "cea"),
    ("cyst fluid CEA", "cea_cyst_fluid"), ("CA19-9", "ca19_9"), ("CA-125", "ca125"),
    ("IL-6", "il6"), ("serum selenium", "selenium"), ("whole blood selenium", "selenium_blood"),
])
def test_names(text, key):
    assert find_by_name(text).key == key


@pytest.mark.parametrize("text", [
    "TPO", "calprotectin", "elastase", "oxalate", "citrate", "TTR", "microsomal antibodies",
    "TSI", "gliadin", "serum amyloid P", "Se",
])
def test_ambiguous_words_are_not_names(text):
    """Thrombopoietin, serum calprotectin, neutrophil elastase, calcium oxalate, sodium
    citrate, the transthyretin gene, liver-kidney microsomal antibodies, the
    thyroid-stimulating immunoglobulin bioassay, native gliadin antibodies and the serum
    amyloid P tracer are not these assays."""
    assert find_by_name(text) is None


@pytest.mark.parametrize(("code", "value", "unit", "age", "sex", "outcome", "hpo_id"), [
    # Leeds SAA <10 mg/L at all ages
    ("osteodx:lab/serum_amyloid_a", 240, "mg/L", 8, "MALE", "H", "HP:0033332"),
    ("osteodx:lab/serum_amyloid_a", 4, "ug/mL", 40, "FEMALE", "N", None),
    # Mayo pristanic acid: >=24 months <=2.98, 0-4 months <=0.60 nmol/mL (= umol/L)
    ("osteodx:lab/pristanic_acid", 12.5, "nmol/mL", 5, "MALE", "H", "HP:0034721"),
    ("osteodx:lab/pristanic_acid", 0.9, "umol/L", 0.2, "MALE", "H", "HP:0034721"),
    ("osteodx:lab/pristanic_acid", 0.9, "umol/L", 5, "MALE", "N", None),
    # Mayo urine B2M <=300 ug/L from 18 years; none for children
    ("osteodx:lab/urine_beta2_microglobulin", 45, "mg/L", 30, "MALE", "H", "HP:0003126"),
    ("osteodx:lab/urine_beta2_microglobulin", 45000, "ug/L", 8, "MALE", None, None),
    # coeliac and thyroid antibodies: no default cut-off
    ("LOINC:46128-5", 128, "U/mL", 8, "FEMALE", None, None),
    ("osteodx:lab/dgp_igg", 85, "U/mL", 3, "FEMALE", None, None),
    ("LOINC:8099-4", 560, "[IU]/mL", 40, "FEMALE", None, None),
    ("LOINC:56536-6", 340, "[IU]/mL", 40, "FEMALE", None, None),
    # ARUP thyroglobulin: 18+ 1.3-31.8, 4-7 years 4.1-40.5 ng/mL
    ("LOINC:3013-0", 250, "ng/mL", 45, "FEMALE", "H", "HP:0025484"),
    ("LOINC:3013-0", 0.5, "ug/L", 45, "FEMALE", "L", "HP:6000244"),
    ("LOINC:3013-0", 38, "ng/mL", 5, "FEMALE", "N", None),
    # ARUP TRAb <=1.75 IU/L from 18 years
    ("LOINC:5385-0", 12.4, "[IU]/L", 35, "FEMALE", "H", "HP:0034189"),
    ("LOINC:5385-0", 12.4, "[IU]/L", 12, "FEMALE", None, None),
    # Mayo faecal calprotectin <50 ug/g at all ages; MLabs elastase >200 ug/g from 18 years
    ("LOINC:38445-3", 850, "ug/g", 14, "MALE", "H", "HP:0034056"),
    ("LOINC:38445-3", 30, "mg/kg", 40, "MALE", "N", None),
    ("LOINC:25907-7", 45, "ug/g", 40, "MALE", "L", "HP:0034469"),
    ("LOINC:25907-7", 45, "ug/g", 6, "MALE", None, None),
    # ARUP urine orotic acid: 0-4 years 0.7-5.1, 5+ 0.2-1.5 mmol/mol creatinine
    ("LOINC:17869-9", 85, "mmol/mol{creat}", 2, "MALE", "H", "HP:0003218"),
    ("LOINC:17869-9", 3.5, "umol/mmol", 2, "MALE", "N", None),
    ("LOINC:17869-9", 3.5, "umol/mmol", 30, "FEMALE", "H", "HP:0003218"),
    # ARUP urine succinylacetone >0.300 mmol/mol creatinine elevated
    ("osteodx:lab/urine_succinylacetone", 25, "mmol/mol{creat}", 0.3, "MALE", "H", "HP:6000598"),
    # Mayo biotinidase 3.5-13.8 U/L
    ("LOINC:1982-8", 0.4, "U/L", 0.1, "FEMALE", "L", "HP:0410145"),
    ("LOINC:1982-8", 6.2, "nmol/min/mL", 0.1, "FEMALE", "N", None),
    # MLabs total bile acids <=10 umol/L from 18 years
    ("LOINC:14628-2", 180, "umol/L", 30, "FEMALE", "H", "HP:0012202"),
    ("LOINC:14628-2", 180, "umol/L", 0.5, "FEMALE", None, None),
    # ARUP 24-hour urine oxalate: 0-12 years 7-31; 13+ men 16-49, women 13-40 mg/d
    ("osteodx:lab/urine_oxalate", 95, "mg/(24.h)", 40, "FEMALE", "H", "HP:0003159"),
    ("osteodx:lab/urine_oxalate", 45, "mg/(24.h)", 40, "MALE", "N", None),
    ("osteodx:lab/urine_oxalate", 45, "mg/(24.h)", 40, "FEMALE", "H", "HP:0003159"),
    ("osteodx:lab/urine_oxalate", 1.1, "mmol/(24.h)", 8, "FEMALE", "H", "HP:0003159"),
    # ARUP 24-hour urine citrate 320-1240 mg/d from 18 years
    ("LOINC:6687-8", 120, "mg/(24.h)", 40, "FEMALE", "L", "HP:0012405"),
    ("LOINC:6687-8", 2.0, "mmol/(24.h)", 40, "FEMALE", "N", None),
    # ARUP prealbumin: 18+ 20-40, 6 months-6 years 11-23 mg/dL
    ("LOINC:14338-8", 8, "mg/dL", 40, "MALE", "L", "HP:0031085"),
    ("LOINC:14338-8", 180, "mg/L", 3, "MALE", "N", None),
    ("LOINC:14338-8", 30, "mg/dL", 3, "MALE", "H", "HP:0033451"),
    # Mayo Lp(a) <75 nmol/L and <=30 mg/dL from 18 years
    ("LOINC:43583-4", 210, "nmol/L", 50, "MALE", "H", "HP:6000521"),
    ("LOINC:10835-7", 85, "mg/dL", 50, "MALE", "H", "HP:6000521"),
    ("LOINC:43583-4", 210, "nmol/L", 10, "MALE", None, None),
    # Mayo IgG4: >=18 years 2.4-121.0, 2-<4 years 0.4-49.1 mg/dL
    ("LOINC:2469-5", 285, "mg/dL", 60, "MALE", "H", "HP:0032300"),
    ("LOINC:2469-5", 0.6, "g/L", 3, "MALE", "H", "HP:0032300"),
    ("LOINC:2469-5", 1.0, "mg/dL", 40, "MALE", "L", "HP:0032138"),
    # Mayo Clinic Health System CEA, nonsmokers 20-69 years <3.8 ng/mL
    ("LOINC:2039-6", 12.5, "ng/mL", 60, "MALE", "H", "HP:0031029"),
    ("LOINC:83085-1", 2.1, "ug/L", 60, "MALE", "N", None),
    ("LOINC:2039-6", 12.5, "ng/mL", 75, "MALE", None, None),
    ("osteodx:lab/cea_cyst_fluid", 850, "ng/mL", 60, "MALE", None, None),
    # Lancaster General CA 19-9 0-35 U/mL at all ages
    ("LOINC:24108-3", 1250, "U/mL", 60, "MALE", "H", "HP:0032345"),
    # Mayo CA-125: women <46 U/mL; not applicable to men
    ("LOINC:83082-8", 460, "U/mL", 50, "FEMALE", "H", "HP:0031030"),
    ("LOINC:83082-8", 460, "U/mL", 50, "MALE", None, None),
    # Mayo IL-6 <6.4 pg/mL from 18 years
    ("osteodx:lab/il6", 85, "pg/mL", 40, "FEMALE", "H", "HP:0030783"),
    # Mayo serum selenium: >1 year 70-150, 0-2 months 45-90 ng/mL; whole blood 18+ 150-241
    ("osteodx:lab/selenium", 32, "ng/mL", 40, "FEMALE", "L", "HP:0033192"),
    ("osteodx:lab/selenium", 0.4, "umol/L", 2, "FEMALE", "L", "HP:0033192"),
    ("osteodx:lab/selenium", 100, "ug/L", 0.1, "FEMALE", "H", "HP:0033191"),
    ("osteodx:lab/selenium_blood", 120, "ng/mL", 40, "FEMALE", "L", "HP:0033192"),
])
def test_catalogue_ranges_and_findings(code, value, unit, age, sex, outcome, hpo_id):
    check_coded(code, value, unit, age, sex, outcome, hpo_id)


@pytest.mark.parametrize(("text", "age", "sex", "key", "value", "unit", "outcome", "hpo_id"), [
    ("Serum amyloid A 240 mg/L.", 9, "MALE", "serum_amyloid_a", 240, "mg/L", "H", "HP:0033332"),
    ("Pristanic acid 12.5 umol/L.", 1, "MALE", "pristanic_acid", 12.5, "umol/L", "H",
     "HP:0034721"),
    ("Urinary beta-2 microglobulin 45000 ug/L.", 30, "MALE", "urine_beta2_microglobulin", 45000,
     "ug/L", "H", "HP:0003126"),
    ("tTG IgA 128 U/mL (<7)", 8, "FEMALE", "ttg_iga", 128, "U/mL", "H", "HP:0033563"),
    ("anti-tTG IgA 2 U/mL (<7)", 8, "FEMALE", "ttg_iga", 2, "U/mL", "N", None),
    ("Deamidated gliadin peptide IgG 85 U/mL (<20)", 3, "FEMALE", "dgp_igg", 85, "U/mL", "H",
     "HP:4000029"),
    ("Thyroglobulin 250 ng/mL.", 45, "FEMALE", "thyroglobulin", 250, "ng/mL", "H", "HP:0025484"),
    ("Anti-thyroglobulin antibodies 340 IU/mL (<4)", 45, "FEMALE", "thyroglobulin_antibody", 340,
     "IU/mL", "H", "HP:0032069"),
    ("Anti-TPO antibodies 560 IU/mL (<35)", 45, "FEMALE", "anti_tpo", 560, "IU/mL", "H",
     "HP:0025379"),
    ("TRAb 12.4 IU/L.", 35, "FEMALE", "trab", 12.4, "IU/L", "H", "HP:0034189"),
    ("Faecal calprotectin 850 ug/g (H)", 14, "MALE", "faecal_calprotectin", 850, "ug/g", "H",
     "HP:0034056"),
    ("Fecal elastase 45 ug/g (>200)", 6, "MALE", "faecal_elastase", 45, "ug/g", "L",
     "HP:0034469"),
    ("Urine orotic acid 85 mmol/mol creatinine.", 2, "MALE", "urine_orotic_acid", 85,
     "mmol/mol creatinine", "H", "HP:0003218"),
    ("Urinary succinylacetone 25 mmol/mol creatinine.", 0.3, "MALE", "urine_succinylacetone", 25,
     "mmol/mol creatinine", "H", "HP:6000598"),
    ("Biotinidase activity 0.4 U/L.", 0.1, "FEMALE", "biotinidase", 0.4, "U/L", "L",
     "HP:0410145"),
    ("Total bile acids 180 umol/L.", 30, "FEMALE", "bile_acids_total", 180, "umol/L", "H",
     "HP:0012202"),
    ("24-hour urine oxalate 95 mg/24 h.", 40, "FEMALE", "urine_oxalate", 95, "mg/24 h", "H",
     "HP:0003159"),
    ("Urinary citrate 120 mg/24 h.", 40, "FEMALE", "urine_citrate", 120, "mg/24 h", "L",
     "HP:0012405"),
    ("Prealbumin 8 mg/dL.", 40, "MALE", "prealbumin", 8, "mg/dL", "L", "HP:0031085"),
    ("Lp(a) 210 nmol/L.", 50, "MALE", "lipoprotein_a", 210, "nmol/L", "H", "HP:6000521"),
    ("Lp(a) 85 mg/dL.", 50, "MALE", "lipoprotein_a_mass", 85, "mg/dL", "H", "HP:6000521"),
    ("Serum IgG4 2.85 g/L (0.03-2.01)", 60, "MALE", "igg4", 2.85, "g/L", "H", "HP:0032300"),
    ("CEA 12.5 ng/mL.", 60, "MALE", "cea", 12.5, "ng/mL", "H", "HP:0031029"),
    ("CA19-9 1250 U/mL.", 60, "MALE", "ca19_9", 1250, "U/mL", "H", "HP:0032345"),
    ("CA-125 460 U/mL (<35)", 50, "FEMALE", "ca125", 460, "U/mL", "H", "HP:0031030"),
    ("IL-6 85 pg/mL.", 40, "FEMALE", "il6", 85, "pg/mL", "H", "HP:0030783"),
    ("Selenium 32 ng/mL.", 40, "FEMALE", "selenium", 32, "ng/mL", "L", "HP:0033192"),
    ("Whole blood selenium 120 ug/L.", 40, "FEMALE", "selenium_blood", 120, "ug/L", "L",
     "HP:0033192"),
])
def test_a_report_line_is_read_and_judged(text, age, sex, key, value, unit, outcome, hpo_id):
    check_report_line(text, age, sex, key, value, unit, outcome, hpo_id)


def test_a_urine_word_picks_urine_beta2_microglobulin_and_serum_stays_serum():
    labs = extract_labs("Urinary B2M 12000 ug/L; serum B2M 4.5 mg/L.")
    assert [(lab.analyte, lab.value) for lab in labs] == [
        ("urine_beta2_microglobulin", 12000.0), ("beta2_microglobulin", 4.5)]


def test_an_iga_antibody_and_total_iga_are_two_results():
    labs = extract_labs("Anti-tTG IgA 128 U/mL, total IgA 2.1 g/L.")
    assert [(lab.analyte, lab.value) for lab in labs] == [("ttg_iga", 128.0), ("iga", 2.1)]


def test_calcium_is_not_a_tumour_marker_and_igg_is_not_igg4():
    """"CA 125" and "CA 19-9" with a space are not names: the same letters and digits are
    calcium in "Ca 12.5 mg/dL" or "Ca 1.99 mmol/L"; "IgG 4.5 g/L" is total IgG."""
    assert [lab.analyte for lab in extract_labs("Ca 12.5 mg/dL, Ca 1.99 mmol/L, IgG 4.5 g/L.")] \
        == ["calcium_total", "calcium_total", "igg"]


def test_cyst_fluid_cea_is_not_serum_cea_and_gives_no_finding():
    (lab,) = extract_labs("Pancreatic cyst fluid CEA was 850 ng/mL.")
    assert lab.analyte == "cea_cyst_fluid"
    work = interpret_measurements([to_measurement(lab)], age_years=60, sex="MALE")
    assert not work.findings


def test_thyroid_antibodies_are_not_the_hormones_or_thyroglobulin():
    labs = extract_labs("TSH 0.01 mIU/L, TSH receptor antibodies 8.5 IU/L, thyroglobulin "
                        "antibodies 250 IU/mL.")
    assert [lab.analyte for lab in labs] == ["tsh", "trab", "thyroglobulin_antibody"]


@pytest.mark.parametrize("text", [
    "Serum amyloid P scintigraphy was positive.",
    "She had transthyretin amyloidosis; TTR 25 mg/dL.",
    "Calcium oxalate stones were found; calcium oxalate 80%.",
    "Anti-neutrophil elastase antibodies 45 U/mL.",
    "TPO 45 pg/mL.",
    "LPA 85 nmol/L.",
    "Serum calprotectin 5.2 mg/L.",
    "Liver-kidney microsomal antibodies 1:160.",
    "Urinary bile acids 45 umol/L.",
    "Plasma oxalate 45 umol/L.",
    "IgG4-related disease was suspected; IgG4+ plasma cells 50/HPF.",
    "The IgG4/IgG ratio was 0.45.",
    "Pleural fluid CEA 45 ng/mL.",
    "She was given tocilizumab (anti-IL-6 receptor) 8 mg/kg.",
])
def test_words_that_are_no_result_of_these_analytes(text):
    assert not {lab.analyte for lab in extract_labs(text)} & set(NEW)
