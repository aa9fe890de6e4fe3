"""Text round 33 (``benchmarks/text_rounds/round33``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics


def test_a_compact_age_in_a_handover_line() -> None:
    d = extract_demographics("PICU WARD ROUND - Bed 4\n\nIbrahim K, 3y4m M, 14.1 kg\nKnown PA.")
    assert (d.age_years, d.sex) == (pytest.approx(40 / 12), "MALE")


@pytest.mark.parametrize(("text", "age"), [
    ("The child is now 6 years and 3 months.", 6.25),
    ("He is now 6 years and 3 months.", 6.25),
])
def test_years_and_months_closing_the_clause(text: str, age: float) -> None:
    assert extract_demographics(text).age_years == pytest.approx(age)


def _labs(kb, text: str) -> list[tuple[str, float, str | None]]:
    from osteodx.text.extract import extract_text

    doc = extract_text("A 3-year-old boy.\n" + text, kb, case_id="r33")
    return [(m["assay"]["label"], m["value"]["quantity"]["value"],
             m["value"]["quantity"].get("unit", {}).get("label"))
            for m in doc.phenopacket.get("measurements", []) if "quantity" in m["value"]]


def test_a_trend_with_arrows_shares_the_last_unit(real_kb) -> None:
    got = _labs(real_kb, "NH3 212 -> 148 -> 71 umol/L (<50)\nCreatinine 180 → 120 → 95 umol/L")
    assert [(a, v) for a, v, _ in got] == [("Ammonia", 212.0), ("Ammonia", 148.0),
                                           ("Ammonia", 71.0), ("Creatinine", 180.0),
                                           ("Creatinine", 120.0), ("Creatinine", 95.0)]
    assert {u for *_, u in got} == {"umol/L"}


def test_a_table_over_time_without_a_heading_over_the_names(real_kb) -> None:
    table = ("Investigations:\n"
             "                         Ref range     03/03     05/03     09/03\n"
             "  Sodium (mmol/L)        133-145        136       139       140\n"
             "  PTH (pmol/L)           1.6-6.9        14.8 H    -         11.2 H\n")
    assert [(a, v) for a, v, _ in _labs(real_kb, table)] == [
        ("Sodium", 136.0), ("Sodium", 139.0), ("Sodium", 140.0), ("Intact PTH", 14.8),
        ("Intact PTH", 11.2)]


def test_a_name_and_compact_age_are_no_potassium(real_kb) -> None:
    assert _labs(real_kb, "Ibrahim K, 3y4m M, 14.1 kg") == []


def test_a_header_starting_with_a_time_column_is_not_shifted(real_kb) -> None:
    """"Admission  Discharge  Reference range" heads the value columns (the rows also have
    a name and a flag): the rows' first values are the admission results."""
    table = ("Investigations\n"
             "                              Admission   Discharge   Reference range\n"
             "Creatinine (umol/L)               118          96         27 - 58      H\n"
             "Urea (mmol/L)                     9.8         7.1        2.5 - 6.0     H\n")
    got = [(a, v) for a, v, _ in _labs(real_kb, table)]
    assert ("Creatinine", 118.0) in got and ("Urea", 9.8) in got
