"""What text round 45 (held out) exposed: a full blood count taken "48 h after G-CSF" read as
cerebrospinal fluid, and a lymphocyte-subset table with a count and a percentage column."""

from __future__ import annotations

from osteodx.text.labs import extract_labs

SUBSETS = (
    "Full blood count (20/11/2027, trough, 48 h after G-CSF):\n"
    "Haemoglobin 118 g/L (115-155)\n"
    "White cells 1.4 x10^9/L (4.5-13.5)\n"
    "Neutrophils 0.28 x10^9/L (2.0-7.5)\n\n"
    "Lymphocyte subsets (20/11/2027):\n"
    "Subset          Count (cells/uL)   Ref         %     Ref %\n"
    "CD4+ T cells    350                300-2000    49    27-53\n"
    "CD16/56+ NK     100                90-900      14    4-26\n")


def _labs(text: str) -> list[tuple]:
    return [(lab.analyte, lab.value, lab.ucum, lab.reference_low, lab.reference_high)
            for lab in extract_labs(text)]


def test_g_csf_is_a_drug_not_a_fluid():
    got = _labs(SUBSETS)
    assert ("haemoglobin", 118.0, "g/L", 115.0, 155.0) in got
    assert ("leukocytes", 1.4, "10*9/L", 4.5, 13.5) in got
    assert ("neutrophils", 0.28, "10*9/L", 2.0, 7.5) in got
    assert not [g for g in got if g[0].startswith("csf")]


def test_a_subset_table_gives_the_count_with_the_header_s_unit_and_the_percentage():
    got = _labs(SUBSETS)
    assert ("cd4_t_cells", 350.0, "{cells}/uL", 300.0, 2000.0) in got
    assert ("cd4_percent", 49.0, "%", 27.0, 53.0) in got
    assert ("nk_cells", 100.0, "{cells}/uL", 90.0, 900.0) in got


def test_serial_results_in_prose_with_month_first_dates_and_one_range():
    text = ("Off treatment, her serum phosphate was 1.7 mg/dL on January 14, 2026, 1.5 mg/dL on "
            "June 2, 2026 and 1.6 mg/dL on October 30, 2027 (reference 2.5-4.5 mg/dL), while her "
            "alkaline phosphatase climbed from 148 U/L on January 14, 2026 to 196 U/L on June 2, "
            "2026 and 241 U/L on October 30, 2027 (reference 40-120 U/L).")
    assert _labs(text) == [
        ("phosphate", 1.7, "mg/dL", 2.5, 4.5), ("phosphate", 1.5, "mg/dL", 2.5, 4.5),
        ("phosphate", 1.6, "mg/dL", 2.5, 4.5), ("alkaline_phosphatase", 148.0, "U/L", 40.0, 120.0),
        ("alkaline_phosphatase", 196.0, "U/L", 40.0, 120.0),
        ("alkaline_phosphatase", 241.0, "U/L", 40.0, 120.0)]
    notes = [lab.notes[-1] for lab in extract_labs(text)]
    assert notes[1] == ("Phosphate: the result of June 2, 2026, one of serial results written "
                        "in a line")
    assert notes[3] == "Alkaline phosphatase: value 1 of 3 of a trend"


def test_a_red_cell_enzyme_per_gram_of_haemoglobin_keeps_its_range():
    assert _labs("red cell pyruvate kinase 2.1 U/g Hb (5.5-12.4)") == [
        ("pyruvate_kinase", 2.1, "U/g", 5.5, 12.4)]
    assert _labs("G6PD 2.1 U/g Hb (7.0-20.5)") == [("g6pd", 2.1, "U/g", 7.0, 20.5)]
