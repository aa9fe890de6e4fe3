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


def check_sourced(cat, keys, unsourced, version: str) -> None:
    """Each new analyte cites known sources for itself and for each range, explains itself in
    a note, and has a default range exactly when one could be sourced."""
    assert cat.version >= version
    for key in keys:
        a = cat.analyte(key)
        assert {s.strip() for s in a.source.split(";")} <= set(cat.sources), key
        assert all(r.source in cat.sources for r in a.reference_ranges), key
        assert a.note, key
        assert bool(a.reference_ranges) == (key not in unsourced), key


def check_report_line(text: str, age: float, sex: str, key: str, value: float, unit: str,
                      outcome: str | None, hpo_id: str | None) -> None:
    """One line of a report read as one result of *key* and judged *outcome*, with the
    finding *hpo_id* (or no observed finding when None)."""
    from osteodx.text.labs import extract_labs, to_measurement

    (lab,) = extract_labs(text)
    assert (lab.analyte, lab.value, lab.unit) == (key, value, unit)
    work = interpret_measurements([to_measurement(lab)], age_years=age, sex=sex)
    r = work.results[0]
    assert r.interpretation == outcome, r.text
    if hpo_id is not None:
        assert (hpo_id, "observed") in findings(r)
    else:
        assert not any(status == "observed" for _, status in findings(r))


def check_coded(code: str, value: float, unit: str, age: float, sex: str, outcome: str | None,
                hpo_id: str | None) -> None:
    """A coded result judged *outcome* by the catalogue's range, with the finding *hpo_id*
    (or, for a low or high result with no term in that direction, no observed finding)."""
    r = result(code, value, unit, age=age, sex=sex)
    assert r.interpretation == outcome, r.text
    if hpo_id is not None:
        assert (hpo_id, "observed") in findings(r)
    elif outcome in ("H", "L"):
        assert not any(status == "observed" for _, status in findings(r))
