"""Bare H / L flags after a result in prose, and flagged results kept with their number."""

from osteodx.labs import interpret_measurements
from osteodx.text.labs import extract_labs, to_measurement


def _flags(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(x.analyte, x.value, x.flag) for x in extract_labs(text)]


def test_a_bare_capital_flag_ends_a_result_line_or_a_list_item():
    text = "Bloods:\nNeut 0.38 L\nlactate 4.1 mmol/L H\nNa 128 L, K 5.9 H; Ca 2.1 L.\n"
    assert _flags(text) == [("neutrophils", 0.38, "low"), ("lactate", 4.1, "high"),
                            ("sodium", 128, "low"), ("potassium", 5.9, "high"),
                            ("calcium_total", 2.1, "low")]


def test_a_capital_letter_that_does_not_end_the_result_is_not_a_flag():
    assert _flags("Ammonia 180 H at admission.") == [("ammonia", 180, None)]
    assert _flags("Hb 92 L (115-155)")[0][2] == "low"  # before a printed range


def test_a_flag_without_any_range_judges_the_value_and_keeps_the_number():
    found = extract_labs("Bloods: Ammonia 180 umol/L (H), Neut 0.38 L.")
    work = interpret_measurements([to_measurement(x) for x in found], age_years=5, sex="MALE")
    assert [(r.value, r.outcome) for r in work.results] == [(180, "high"), (0.38, "low")]
    assert [f.label for r in work.results for f in r.findings] == ["Hyperammonemia",
                                                                     "Neutropenia"]
    assert all("no catalogue reference range" not in w for r in work.results
               for w in r.warnings)


def test_a_name_is_not_read_across_a_sentence_end():
    (ammonia,) = extract_labs("He lost some blood. Ammonia 180 umol/L.")
    assert ammonia.text == "Ammonia 180 umol/L"
