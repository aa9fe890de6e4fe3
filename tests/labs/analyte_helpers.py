"""Shared helpers of the catalogue-analyte tests: one coded result, interpreted."""

from __future__ import annotations

from osteodx.labs import interpret_measurements


def result(code: str, value: float, unit: str, *, age: float | None = 40, sex: str = "FEMALE"):
    """The interpretation of one measurement of LOINC *code* (exactly one result expected)."""
    m = {"assay": {"id": code},
         "value": {"quantity": {"value": value, "unit": {"id": f"UCUM:{unit}", "label": unit}}}}
    workup = interpret_measurements([m], age_years=age, sex=sex)
    assert len(workup.results) == 1
    return workup.results[0]


def findings(r) -> set[tuple[str, str]]:
    """(HPO id, status) of a result's findings."""
    return {(f.hpo_id, f.status) for f in r.findings}
