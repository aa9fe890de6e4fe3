"""Lab results in tables, decimal commas, ranges before values, grouped normal
results, abbreviations, flags, and lab-like values that are not read.

The texts are written for these tests (not copied from a report).
"""

from __future__ import annotations

import pytest
from google.protobuf import json_format
from phenopackets import Measurement

from osteodx.labs import interpret_measurements
from osteodx.text.labcells import column_roles, find_table_rows
from osteodx.text.labnames import find_mentions
from osteodx.text.labs import extract_labs, to_measurement
from osteodx.text.labtext import Normalised
from osteodx.text.numbers import decimal_commas
from tests.text.lab_helpers import labs


def numeric(text: str) -> list[tuple[str, float | None, str | None, float | None, float | None]]:
    return [(x.analyte, x.value, x.ucum, x.reference_low, x.reference_high) for x in labs(text)]


# --- tables ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Results:\nTotal calcium | 1.62 mmol/L | 2.10-2.55\nPhosphate | 2.41 | 0.80-1.50 mmol/L\n"
    "PTH | 412 pg/mL | 15-65\n",
    "Test | Result | Reference\nTotal calcium | 1.62 mmol/L | 2.10-2.55\n"
    "Phosphate | 2.41 | 0.80-1.50 mmol/L\nPTH | 412 pg/mL | 15-65",
    "| Test | Result | Units | Reference range |\n|---|---|---|---|\n"
    "| Total calcium | 1.62 | mmol/L | 2.10-2.55 |\n| Phosphate | 2.41 | mmol/L | 0.80-1.50 |\n"
    "| PTH | 412 | pg/mL | 15-65 |",
    "Total calcium\t1.62 mmol/L\t2.10-2.55\nPhosphate\t2.41\tmmol/L\t0.80-1.50\n"
    "PTH\t412\tpg/mL\t15-65",
])
def test_table_rows_give_value_unit_and_range(text: str) -> None:
    assert numeric(text) == [
        ("calcium_total", 1.62, "mmol/L", 2.10, 2.55),
        ("phosphate", 2.41, "mmol/L", 0.80, 1.50),
        ("pth_intact", 412.0, "pg/mL", 15.0, 65.0)]


def test_a_table_row_quotes_the_row_and_is_interpreted_with_its_range() -> None:
    (ca,) = labs("Lab table\nSerum calcium | 1.62 mmol/L | 2.10-2.55\n")
    assert ca.text == "Serum calcium | 1.62 mmol/L | 2.10-2.55"
    workup = interpret_measurements([to_measurement(ca)], age_years=12, sex="FEMALE")
    assert [r.outcome for r in workup.results] == ["low"]


def test_table_header_rows_and_rules_are_not_results() -> None:
    rows = find_table_rows("Test | Result\n|---|---|\nCalcium | 1.62 mmol/L\nprose line\n")
    assert [(r.kind, r.line, len(r.cells)) for r in rows] == [("pipe", 0, 2), ("pipe", 2, 2)]
    assert column_roles(["Parameter", "Value", "Unit", "Normal range"]) == [
        "name", "value", "unit", "range"]
    assert column_roles(["Calcium", "normal"]) is None  # a qualitative row, not a header


def test_a_qualitative_table_row_and_a_flag_column() -> None:
    found = labs("Analyte | Result | Reference | Flag\nCalcium | 1.62 mmol/L | 2.10-2.55 | L\n"
                 "Creatinine | normal\n")
    assert [(x.analyte, x.value, x.qualitative, x.flag) for x in found] == [
        ("calcium_total", 1.62, None, "low"), ("creatinine", None, "normal", None)]


def test_an_unknown_analyte_in_a_table_is_warned_about_not_dropped() -> None:
    found = extract_labs("Adiponectin | 0.4 ug/mL | 3.7-11.1\n"
                         "Calcium | 2.31 mmol/L | 2.15-2.55\n")
    assert [x.analyte for x in found] == ["calcium_total"]
    assert found.warnings == [
        "lab 'Adiponectin | 0.4 ug/mL | 3.7-11.1' not in the lab catalogue; not read"]


def test_a_range_in_the_value_cell_and_rows_that_cannot_be_read() -> None:
    found = extract_labs("Calcium | 1.62 mmol/L (2.10-2.55)\nMg | 0.7 0.8 | 0.7-1.0\n"
                         "Age | 12 years\nNotes | see text\n")
    assert [(x.analyte, x.value, x.reference_low) for x in found] == [
        ("calcium_total", 1.62, 2.10)]
    assert found.warnings == ["lab 'Mg | 0.7 0.8 | 0.7-1.0' not read"]


def test_space_aligned_columns_are_read_only_when_the_row_reads_cleanly() -> None:
    assert numeric("Calcium     1.62 mmol/L     2.10-2.55\n") == [
        ("calcium_total", 1.62, "mmol/L", 2.10, 2.55)]
    found = extract_labs("The  patient  was  well.  Weight  12.5 kg  today.\n")
    assert list(found) == [] and found.warnings == []


# --- decimal commas --------------------------------------------------------

def test_decimal_commas_in_a_text_that_writes_them_consistently() -> None:
    text = "Calcium 2,31 mmol/L (2,15-2,55), CTX 0,484 ng/mL, ALP 1,200 U/L, 1,25(OH)2D 38 pg/mL."
    assert numeric(text) == [
        ("calcium_total", 2.31, "mmol/L", 2.15, 2.55), ("ctx", 0.484, "ng/mL", None, None),
        ("alkaline_phosphatase", 1200.0, "U/L", None, None),
        ("vitamin_d_1_25oh2", 38.0, "pg/mL", None, None)]
    assert labs(text)[0].quote == "Calcium 2,31 mmol/L (2,15-2,55)"  # quoted as written


def test_thousands_separators_stay_in_a_text_with_decimal_points() -> None:
    assert numeric("ALP was 1,200 U/L (40-129). Calcium 2.4 mmol/L.") == [
        ("alkaline_phosphatase", 1200.0, "U/L", 40.0, 129.0),
        ("calcium_total", 2.4, "mmol/L", None, None)]
    text = "ALP was 1,200 U/L, calcium 2,31 mmol/L"  # no decimal point: "2,31" is one
    assert decimal_commas(text) == [text.index("2,31") + 1]


def test_a_decimal_comma_in_a_mixed_text_is_warned_about_not_misread() -> None:
    found = extract_labs("Calcium 2,31 mmol/L and phosphate 1.02 mmol/L.")
    assert [(x.analyte, x.value) for x in found] == [("phosphate", 1.02)]
    assert found.warnings == ["lab 'Calcium 2,31 mmol/L' not read: decimal comma in a text "
                              "that also writes decimal points"]


# --- written forms ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Calcium (2.10-2.55 mmol/L) was 1.62 mmol/L.",
    "Calcium (normal 2.10-2.55) 1.62 mmol/L.",
])
def test_range_written_before_the_value(text: str) -> None:
    assert numeric(text) == [("calcium_total", 1.62, "mmol/L", 2.10, 2.55)]


@pytest.mark.parametrize(("name", "key"), [
    ("Phos", "phosphate"), ("Vit D", "vitamin_d_25oh"), ("Vitamin D", "vitamin_d_25oh"),
    ("25(OH) D", "vitamin_d_25oh"), ("25-OH vit D", "vitamin_d_25oh"),
    ("Alkaline phos", "alkaline_phosphatase"), ("Plt", "platelets"),
])
def test_common_abbreviations(name: str, key: str) -> None:
    assert [m.key for m in find_mentions(Normalised(f"On admission {name} was low."))] == [key]


def test_grouped_normal_statements_and_panels() -> None:
    found = labs("Haemoglobin was 14.2 g/dL; white cell and platelet counts were within "
                 "normal limits.")
    assert [(x.analyte, x.value, x.qualitative) for x in found] == [
        ("haemoglobin", 14.2, None), ("leukocytes", None, "normal"),
        ("platelets", None, "normal")]
    found = labs("FBC, U&E, LFT: normal.")
    assert [(x.analyte, x.loinc, x.qualitative) for x in found] == [
        ("complete_blood_count", "LOINC:58410-2", "normal"),
        ("renal_function_panel", "LOINC:24362-6", "normal"),
        ("hepatic_function_panel", "LOINC:24325-3", "normal")]
    workup = interpret_measurements([to_measurement(found[0])], age_years=30, sex="MALE")
    excluded = {f.label for f in workup.findings if f.status == "excluded"}
    assert {"Thrombocytopenia", "Leukopenia"} <= excluded


def test_doses_and_compound_words_are_not_results() -> None:
    assert labs("She took vit D 1000 IU/day and vitamin D 50,000 IU weekly.") == []
    # "PTH-related peptide" is not PTH; since catalogue 2026.11.26 it is PTHrP, read as such
    found = labs("Elevated PTH-related peptide; normal calcium-sensing receptor.")
    assert [(x.analyte, x.qualitative) for x in found] == [("pthrp", "high")]


# --- analytes outside the first catalogue ----------------------------------

@pytest.mark.parametrize(("text", "key", "loinc", "value", "low", "high"), [
    ("Lactate 1.4 mmol/L (0.5-2.2).", "lactate", "LOINC:2524-7", 1.4, 0.5, 2.2),
    ("Ammonia 32 µmol/L (<50).", "ammonia", "LOINC:16362-6", 32.0, None, 50.0),
    ("IGF-1 142 ng/mL (88-474).", "igf1", "LOINC:2484-4", 142.0, 88.0, 474.0),
    ("Plasma homocysteine was 8 umol/L (reference 5-15).", "homocysteine", "LOINC:13965-9",
     8.0, 5.0, 15.0),
])
def test_new_analytes_are_read_with_the_texts_range(text: str, key: str, loinc: str,
                                                     value: float, low: float | None,
                                                     high: float | None) -> None:
    (lab,) = labs(text)
    assert (lab.analyte, lab.loinc, lab.value, lab.reference_low, lab.reference_high) == (
        key, loinc, value, low, high)
    workup = interpret_measurements([to_measurement(lab)], age_years=30, sex="MALE")
    assert [r.outcome for r in workup.results] == ["normal"]


def test_lab_like_values_without_a_catalogue_name_are_warned_about() -> None:
    found = extract_labs("Pleural fluid glucose was 3.1 mmol/L. "
                         "Oxalate 0.62 mmol/L (low for age).\n"
                         "Her BMI was 29.1 kg/m2 and levels below 20 ng/mL define deficiency. "
                         "(TSH at diagnosis 12.4 mIU/L)")
    assert list(found) == []
    assert found.warnings == [
        "lab 'Pleural fluid glucose was 3.1 mmol/L' not in the lab catalogue; not read",
        "lab 'Oxalate 0.62 mmol/L (low for age)' not in the lab catalogue; not read",
        "lab 'TSH at diagnosis 12.4 mIU/L' not read"]


# --- flags -----------------------------------------------------------------

def test_flags_after_values_are_kept_and_quoted() -> None:
    ca, p, alp = labs("Calcium 1.62 mmol/L [L] (2.10-2.55), phosphate 2.48 mmol/L (H), "
                      "ALP 812 IU/L (high for age).")
    assert [(x.flag, x.flag_text) for x in (ca, p, alp)] == [
        ("low", "L"), ("high", "H"), ("high", "high for age")]
    assert (ca.reference_low, ca.reference_high) == (2.10, 2.55)  # the flag hid no range
    m = to_measurement(ca)
    assert 'Flagged "L" (low) in the text.' in m["description"]
    assert json_format.MessageToDict(json_format.ParseDict(m, Measurement())) == m


# --- common analytes, ratio units, unitless values, verbless statements ----

def _interpreted(text: str, sex: str = "MALE") -> list[tuple[str, str | None]]:
    labs = extract_labs(text)
    workup = interpret_measurements([to_measurement(x) for x in labs], age_years=40, sex=sex)
    return [(r.analyte, r.outcome) for r in workup.results]


def test_electrolytes_urea_and_coagulation_are_catalogued() -> None:
    assert _interpreted("Na 131 mmol/L, K 5.9 mmol/L. Ur 9.8 mmol/L (2.5-7.8). "
                        "INR 1.9 (0.8-1.2). Trop T 28 ng/L (<14).") == [
        ("sodium", "low"), ("potassium", "high"), ("urea", "high"), ("inr", "high"),
        ("troponin_t", "high")]


def test_a_ratio_unit_per_creatinine_belongs_to_the_analyte_before_it() -> None:
    found = extract_labs("Urinary phosphoethanolamine 98 umol/mmol creatinine (reference <22)")
    assert [(x.analyte, x.value, x.unit) for x in found] == [
        ("urine_pea", 98.0, "umol/mmol creatinine")]
    assert _interpreted("Urinary phosphoethanolamine 98 umol/mmol creatinine (<22)") == [
        ("urine_pea", "high")]


def test_a_value_without_a_unit_takes_the_one_plausible_catalogue_unit() -> None:
    found = extract_labs("Hb 138, WCC 6.2, Plt 241\nNa 139, K 4.9, eGFR 43")
    assert [(x.analyte, x.unit) for x in found] == [
        ("haemoglobin", "g/L"), ("leukocytes", "10*9/L"), ("platelets", "10*9/L"),
        ("sodium", "mmol/L"), ("potassium", "mmol/L"), ("egfr", "mL/min/{1.73_m2}")]
    assert all("unit assumed" in x.warnings[0] for x in found)


def test_no_unit_is_guessed_between_two_plausible_units() -> None:
    found = extract_labs("Creatinine 98 and phosphate 1.2 on admission.")
    assert [x.unit for x in found] == [None, None]
    assert found[0].warnings == ["Creatinine: no unit written for 98"]


def test_a_calcium_of_2_4_without_a_unit_can_only_be_mmol_per_litre() -> None:
    """2.4 mg/dL is below the plausible floor of calcium (4 mg/dL, 1.0 mmol/L), so the one
    catalogue unit left is mmol/L, assumed with a warning as for "Hb 138"."""
    (found,) = extract_labs("Calcium 2.4 on admission.")
    assert (found.unit, found.ucum) == ("mmol/L", "mmol/L")
    assert "unit assumed mmol/L" in found.warnings[0]


def test_verbless_and_coordinated_statements() -> None:
    found = extract_labs("25-hydroxyvitamin D 68 nmol/L; magnesium, creatinine and TSH normal\n"
                         "LFTs NAD\nSerum calcium was 2.32 mmol/L and 25-hydroxyvitamin D "
                         "62 nmol/L. Thyroid function was normal.")
    assert [(x.analyte, x.value, x.qualitative) for x in found] == [
        ("vitamin_d_25oh", 68.0, None), ("magnesium", None, "normal"),
        ("creatinine", None, "normal"), ("tsh", None, "normal"),
        ("hepatic_function_panel", None, "normal"), ("calcium_total", 2.32, None),
        ("vitamin_d_25oh", 62.0, None), ("thyroid_function", None, "normal")]


def test_a_name_in_another_body_fluid_is_not_the_serum_analyte() -> None:
    found = extract_labs("24h urinary copper 4.8 umol/24h (<0.6). Serum copper 32 umol/L (11-25).")
    assert [(x.analyte, x.value) for x in found] == [("urine_copper", 4.8), ("copper", 32.0)]
    found = extract_labs("Synovial fluid copper 4.8 umol/L. Serum copper 32 umol/L (11-25).")
    assert [(x.analyte, x.value) for x in found] == [("copper", 32.0)]


def test_an_analyte_without_loinc_is_interpreted_by_its_name() -> None:
    assert _interpreted("TmP/GFR | 0.71 mmol/L | 1.15-2.44\nCortisol (8 am) | 410 nmol/L | "
                        "140-690\n", sex="FEMALE") == [("tmp_gfr", "low"), ("cortisol", "normal")]


def test_a_rows_value_never_binds_to_the_next_rows_name() -> None:
    text = ("25-hydroxyvitamin D                     142         nmol/L         50 - 175\n"
            "24,25-dihydroxyvitamin D                <0.5        nmol/L         \n"
            "25-OHD : 24,25-(OH)2D ratio             >280                       7 - 23\n")
    labs = extract_labs(text)
    assert [(x.analyte, x.value) for x in labs] == [("vitamin_d_25oh", 142.0)]
    assert any("24,25-dihydroxyvitamin D" in w and "not in the lab catalogue" in w
               for w in labs.warnings)


# --- tables of results over time --------------------------------------------

SERIAL = (
    "Cumulative results\n\n"
    "Date                  14/03/2023   21/09/2023   10/11/2025   Ref range\n"
    "Phosphate (mmol/L)    0.52 L       0.48 L       0.92         0.80 - 1.50\n"
    "Calcium adj (mmol/L)  2.31         2.28         2.40         2.20 - 2.60\n"
    "25-OH vit D (nmol/L)  64           -            71           >50\n"
)


def test_each_time_column_of_a_serial_table_is_a_result() -> None:
    got = labs(SERIAL)
    assert [(x.analyte, x.value, x.ucum, x.flag) for x in got] == [
        ("phosphate", 0.52, "mmol/L", "low"), ("phosphate", 0.48, "mmol/L", "low"),
        ("phosphate", 0.92, "mmol/L", None),
        ("calcium_total", 2.31, "mmol/L", None), ("calcium_total", 2.28, "mmol/L", None),
        ("calcium_total", 2.40, "mmol/L", None),
        ("vitamin_d_25oh", 64.0, "nmol/L", None), ("vitamin_d_25oh", 71.0, "nmol/L", None)]
    assert all((x.reference_low, x.reference_high) == (0.80, 1.50) for x in got[:3])
    assert any("21/09/2023" in n for n in got[1].notes)  # the column's date is kept


def test_a_unit_in_the_name_cell_is_the_rows_unit() -> None:
    (p,) = labs("Phosphate (mmol/L) | 0.52 | 0.80-1.50\n")
    assert (p.value, p.ucum) == (0.52, "mmol/L")


def test_columns_that_are_not_time_points_are_not_a_series() -> None:
    # a family table: the patient's value only, not the parents' as the patient's results
    text = "Analyte | Patient | Mother | Father\nCalcium (mmol/L) | 2.95 | 2.41 | 2.38\n"
    assert [(x.analyte, x.value) for x in labs(text)] == [("calcium_total", 2.95)]


def test_a_serial_header_reaches_across_a_rule() -> None:
    text = ("| Test | Day 14 | Day 27 | Ref |\n|---|---|---|---|\n"
            "| Total bilirubin | 196 | 171 | 3-21 umol/L |\n")
    assert [x.value for x in labs(text)] == [196.0, 171.0]


def test_a_range_in_the_name_cell_and_a_header_without_a_name_heading() -> None:
    text = ("| | 14/02/2026 (adm.) | 18/02/2026 | 15/05/2026 |\n|---|---|---|---|\n"
            "| Hb (g/L) [115-160] | 79 | 88 | 121 |\n"
            "| Haptoglobin (g/L) [0.3-2.0] | < 0.1 | - | 1.1 |\n")
    got = [(x.analyte, x.value, x.comparator, x.reference_low, x.reference_high)
           for x in labs(text)]
    assert got == [("haemoglobin", 79.0, None, 115.0, 160.0),
                   ("haemoglobin", 88.0, None, 115.0, 160.0),
                   ("haemoglobin", 121.0, None, 115.0, 160.0),
                   ("haptoglobin", 0.1, "<", 0.3, 2.0), ("haptoglobin", 1.1, None, 0.3, 2.0)]
