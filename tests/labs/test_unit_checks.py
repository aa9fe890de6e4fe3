"""Ratios of different kinds are never converted into each other (NGSP % vs IFCC mmol/mol)."""

from __future__ import annotations

from osteodx.labs import interpret_measurements
from osteodx.labs.ucum import parse_ucum
from osteodx.labs.unit_checks import foreign_ratio, ratio_kind


def _m(loinc: str, value: float, unit: str) -> dict:
    return {"assay": {"id": loinc, "label": "x"},
            "value": {"quantity": {"unit": {"id": f"UCUM:{unit}", "label": unit}, "value": value}}}


def test_ratio_kinds():
    assert ratio_kind(parse_ucum("%")) == ratio_kind(parse_ucum("1")) == "fraction"
    assert ratio_kind(parse_ucum("mmol/mol")) == ratio_kind(parse_ucum("umol/mmol"))
    assert ratio_kind(parse_ucum("mg/mg")) != ratio_kind(parse_ucum("mmol/mmol"))
    assert ratio_kind(parse_ucum("mg/dL")) is None


def test_percent_and_mmol_per_mol_are_foreign():
    assert foreign_ratio(("%",), parse_ucum("mmol/mol"))
    assert not foreign_ratio(("%",), parse_ucum("1"))
    assert not foreign_ratio(("umol/mmol{creat}", "mmol/mol"), parse_ucum("umol/mmol"))


def test_hba1c_in_mmol_per_mol_under_the_percent_code_is_the_ifcc_assay():
    """48 mmol/mol is diabetic (IFCC >= 48); as 4.8 % it was judged normal."""
    w = interpret_measurements([_m("LOINC:4548-4", 48, "mmol/mol")], age_years=40, sex="FEMALE")
    assert [(f.label, f.status) for f in w.findings] == \
        [("Elevated hemoglobin A1c", "observed")]
    assert w.results[0].analyte == "hba1c_ifcc"


def test_an_inr_in_percent_is_not_converted():
    w = interpret_measurements([_m("LOINC:6301-6", 120, "%")], age_years=40, sex="FEMALE")
    assert w.findings == []
    assert any("ratios of different kinds" in x for x in w.warnings), w.warnings
