"""Blood gases, carnitines and acylcarnitines, peroxisomal markers and adrenal / gonadal
steroids (catalogue 2026.12.05): sources, ranges, and reading them from a report."""

from __future__ import annotations

import pytest

from osteodx.labs import interpret_measurements, load_catalogue
from osteodx.text.labs import extract_labs, to_measurement

CAT = load_catalogue()
KEYS = ("pco2", "po2", "base_excess", "pyruvate", "carnitine_free", "carnitine_total",
        "propionylcarnitine", "isovalerylcarnitine", "glutarylcarnitine", "octanoylcarnitine",
        "tetradecenoylcarnitine", "hydroxypalmitoylcarnitine", "hexacosanoic_acid",
        "c26_c22_ratio", "phytanic_acid", "ldl_cholesterol", "deoxycortisol_11",
        "deoxycorticosterone_11", "androstenedione", "dhea_sulfate", "progesterone", "shbg",
        "amh", "inhibin_b", "calcitonin")


def test_every_new_analyte_cites_its_sources() -> None:
    keys = {a.key for a in CAT.analytes}
    assert set(KEYS) <= keys
    for key in KEYS:
        a = CAT.analyte(key)
        assert {s.strip() for s in a.source.split(";")} <= set(CAT.sources), key
        assert all(r.source in CAT.sources for r in a.reference_ranges), key


@pytest.mark.parametrize("word", ["C3", "C5", "C8", "C0", "DOC", "BE", "CO2", "DHEA"])
def test_ambiguous_short_words_are_no_names_of_these_analytes(word: str) -> None:
    found = {x.analyte for x in extract_labs(f"{word} 4.1 umol/L")}
    assert not found & set(KEYS)


@pytest.mark.parametrize(("text", "age", "sex", "key", "outcome"), [
    ("Free carnitine 6 umol/L.", 3, "MALE", "carnitine_free", "low"),
    ("Propionylcarnitine 4.1 umol/L.", 3, "MALE", "propionylcarnitine", "high"),
    ("pCO2 6.9 kPa (4.7-6.0)", 40, "FEMALE", "pco2", "high"),
    ("Calcitonin 95 pg/mL (<14.3)", 50, "MALE", "calcitonin", "high"),
])
def test_a_report_line_is_read_and_judged(text: str, age: float, sex: str, key: str,
                                          outcome: str) -> None:
    (lab,) = extract_labs(text)
    work = interpret_measurements([to_measurement(lab)], age_years=age, sex=sex)
    assert (lab.analyte, work.results[0].outcome) == (key, outcome)
    assert work.results[0].findings


def test_a_base_excess_keeps_its_sign() -> None:
    (be,) = extract_labs("Venous gas: base excess -12 mmol/L.")
    assert (be.analyte, be.value) == ("base_excess", -12.0)
