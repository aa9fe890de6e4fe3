"""Results in cerebrospinal fluid, plasma amino acids and hormones without a catalogue
range: the fluid decides the analyte, and the report's own word is the result when
nothing else can judge the value."""

from osteodx.labs import interpret_measurements
from osteodx.text.labs import extract_labs, to_measurement


def _read(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(x.analyte, x.value, x.qualitative) for x in extract_labs(text)]


def test_a_lumbar_puncture_sentence_makes_glucose_lactate_and_white_cells_csf_results():
    found = _read("Lumbar puncture: opening pressure normal, white cells 45/uL (0-5), glucose "
                  "1.1 mmol/L (2.5-4.4), lactate 4.1 mmol/L (1.1-2.4).")
    assert found == [("csf_leukocytes", 45.0, None), ("csf_glucose", 1.1, None),
                     ("csf_lactate", 4.1, None)]


def test_a_csf_analyte_named_in_full_and_blood_glucose_beside_it():
    found = _read("CSF protein 1.2 g/L (0.15-0.45); CSF glucose 1.5 mmol/L (2.2-3.9), "
                  "plasma glucose 5.0 mmol/L.")
    assert found == [("csf_protein", 1.2, None), ("csf_glucose", 1.5, None),
                     ("glucose", 5.0, None)]


def test_a_csf_result_is_interpreted_to_its_csf_term():
    (lab,) = extract_labs("CSF: glucose 1.1 mmol/L (2.5-4.4).")
    work = interpret_measurements([to_measurement(lab)], age_years=3, sex="MALE")
    assert [f.label for r in work.results for f in r.findings] == ["Hypoglycorrhachia"]


def test_a_flagged_amino_acid_without_any_range_is_read_by_its_flag():
    found = extract_labs("Plasma amino acids: glutamine 1250 umol/L (H), citrulline 4 umol/L "
                         "(L), arginine 20 umol/L (L), tyrosine 60 umol/L.")
    assert [(x.analyte, x.value, x.flag) for x in found] == [
        ("glutamine", 1250, "high"), ("citrulline", 4, "low"), ("arginine", 20, "low"),
        ("tyrosine", 60, None)]
    assert found[2].text == "arginine 20 umol/L (L)"  # "(L), arginine" is not L-arginine
    assert "the report's own word 'H' is the result" in found[0].notes[-1]
    work = interpret_measurements([to_measurement(x) for x in found], age_years=3, sex="MALE")
    assert [(r.value, r.outcome) for r in work.results] == [
        (1250, "high"), (4, "low"), (20, "low"), (60, "not interpreted")]
    assert 'flagged "H" in the report' in work.results[0].text


def test_the_word_before_a_value_judges_it_only_when_nothing_else_can():
    leptin, calcium = extract_labs("Serum leptin was low at 0.4 ng/mL. Calcium was low at "
                                   "1.9 mmol/L.")
    assert (leptin.analyte, leptin.value, leptin.flag_text) == ("leptin", 0.4, "low")
    assert (calcium.value, calcium.qualitative) == (1.9, None)  # the catalogue's range judges
    (t4,) = extract_labs("Free T4 9.0 pmol/L (normal).")  # the laboratory's own judgement
    work = interpret_measurements([to_measurement(t4)], age_years=30, sex="FEMALE")
    assert (t4.value, work.results[0].outcome) == (9.0, "normal")
    assert "its word is followed" in work.results[0].notes[-1]


def test_high_normal_and_plain_values_are_not_judged_by_a_word():
    assert _read("Insulin was high-normal at 20 mU/L.") == [("insulin", None, "normal")]
    (insulin,) = extract_labs("Fasting insulin 45 mU/L.")
    work = interpret_measurements([to_measurement(insulin)], age_years=30, sex="FEMALE")
    assert work.results[0].findings == []
    assert "no catalogue reference range" in work.results[0].warnings[0]


def test_undetectable_is_low_where_the_analyte_has_a_low_term():
    assert _read("Leptin was undetectable.") == [("leptin", None, "low")]
    assert _read("CSF white cells were undetectable.") == [("csf_leukocytes", None, "normal")]
