"""osteodx's own measurement codes: complete for the schema, read back as the text gave them."""

from __future__ import annotations

import pytest

from osteodx.labs import interpret_measurements
from osteodx.labs.codes import (
    NO_UNIT,
    QUALITATIVE_CLASSES,
    UNIT_AS_PRINTED,
    assay_class,
    one_sided_limit,
    read_back,
    resources_for,
    unit_class,
)


def _quantity(value: float, unit: dict, description: str = "", assay: str = "LOINC:1988-5",
              rr: dict | None = None) -> dict:
    q: dict = {"unit": unit, "value": value}
    if rr:
        q["referenceRange"] = rr
    return {"description": description, "assay": {"id": assay, "label": "x"},
            "value": {"quantity": q}}


def test_every_unit_class_has_an_id_and_a_label():
    assert unit_class("mg/L", "mg/L") == {"id": "UCUM:mg/L", "label": "mg/L"}
    assert unit_class(None, "blorps/dL") == {"id": UNIT_AS_PRINTED, "label": "blorps/dL"}
    assert unit_class(None, None) == NO_UNIT
    assert assay_class(None, "leptin", "Leptin") == {"id": "osteodx:lab/leptin",
                                                      "label": "Leptin"}
    assert all(c["id"] and c["label"] for c in QUALITATIVE_CLASSES.values())


@pytest.mark.parametrize("low,high,unit,expected", [
    (None, 5.0, unit_class("mg/L", "mg/L"), {"high": 5.0, "unit": {"id": "UCUM:mg/L",
                                                                    "label": "mg/L"}}),
    (4.0, None, unit_class("ng/mL", "ng/mL"), {"low": 4.0, "unit": {"id": "UCUM:ng/mL",
                                                                     "label": "ng/mL"}}),
    (None, 5.0, NO_UNIT, {"high": 5.0}),
    (None, 300.0, unit_class("mg/(24.h)", "mg/24h"),
     {"high": 300.0, "unit": {"id": "UCUM:mg/(24.h)", "label": "mg/24h"}}),
    (None, 5.0, unit_class(None, "blorps"), {"high": 5.0, "unit": {"label": "blorps"}}),
    (None, 1e-05, unit_class("g/L", "g/L"), {"high": 1e-05, "unit": {"id": "UCUM:g/L",
                                                                      "label": "g/L"}}),
])
def test_a_one_sided_limit_said_in_the_description_reads_back_as_that_one_limit(
        low, high, unit, expected):
    said = one_sided_limit(low, high, unit)
    m = _quantity(3.0, unit, f'Quote: "..." {said} Warnings: none.')
    back = read_back(m)
    assert back["value"]["quantity"]["referenceRange"] == expected
    assert "referenceRange" not in m["value"]["quantity"]  # the caller's dict is left alone


def test_a_written_range_wins_over_a_sentence_and_plain_measurements_come_back_as_they_are():
    unit = unit_class("mg/L", "mg/L")
    rr = {"low": 0.0, "high": 5.0, "unit": unit}
    m = _quantity(3.0, unit, one_sided_limit(None, 9.0, unit), rr=rr)
    assert read_back(m)["value"]["quantity"]["referenceRange"]["high"] == 5.0
    plain = _quantity(3.0, unit, 'Quote: "CRP 3 mg/L"', rr=rr)
    assert read_back(plain) is plain


def test_osteodx_codes_are_interpreted_as_the_text_was():
    """"CRP 12 (<5)": no unit written, judged against the printed limit; "folate 3 ng/mL
    (>4.0)"; an NCIT ordinal value; an assay named by the catalogue key."""
    crp = _quantity(12.0, NO_UNIT, one_sided_limit(None, 5.0, NO_UNIT))
    ng = unit_class("ng/mL", "ng/mL")
    folate = _quantity(3.0, ng, one_sided_limit(4.0, None, ng), assay="LOINC:2284-8")
    leptin = {"assay": assay_class(None, "leptin", "Leptin"),
              "value": {"ontologyClass": QUALITATIVE_CLASSES["low"]}}
    tsh = {"assay": {"id": "LOINC:3016-3", "label": "TSH"},
           "value": {"ontologyClass": QUALITATIVE_CLASSES["high"]}}
    work = interpret_measurements([crp, folate, leptin, tsh], age_years=30, sex="FEMALE")
    assert [(r.label, r.interpretation, r.reference_low, r.reference_high)
            for r in work.results] == [("CRP", "H", 0.0, 5.0), ("Folate", "L", 4.0, None),
                                       ("Leptin", "L", None, None), ("TSH", "H", None, None)]


def test_resources_name_every_prefix_used():
    leptin = {"assay": assay_class(None, "leptin", "Leptin"),
              "value": {"ontologyClass": QUALITATIVE_CLASSES["high"]}}
    assert [r["namespacePrefix"] for r in resources_for([leptin])] == ["NCIT", "osteodx"]
    normal = {"assay": {"id": "LOINC:3016-3"}, "value": {"ontologyClass":
                                                         QUALITATIVE_CLASSES["normal"]}}
    assert resources_for([normal]) == []
