"""Textbook presentations of other sclerosing bone disorders (not the reference case): the pack
and the engine must rank each first. Presentations follow the cited reviews, not the pack."""

from __future__ import annotations

import pytest

from osteodx.api import diagnose
from osteodx.case.model import Case, Finding


def _m(loinc: str, value: float, unit: str) -> dict:
    return {"assay": {"id": loinc}, "value": {"quantity": {"value": value,
                                                            "unit": {"id": f"UCUM:{unit}"}}}}


PRESENTATIONS = [
    # ADO II (GeneReviews NBK1127): skull-base sclerosis, rugger-jersey spine, fractures,
    # raised LDH
    ("ado2", 30, "MALE", ["HP:0002694", "HP:0004576", "HP:0002757", "HP:0011001"],
     [_m("LOINC:2532-0", 600, "U/L")], {"OMIM:166600", "ORPHA:53"}),
    # Paget disease (Ralston, NEJM 2013): older adult, bone pain, thick calvaria, high ALP
    ("paget", 70, "MALE", ["HP:0002653", "HP:0011001", "HP:0002684"],
     [_m("LOINC:6768-6", 500, "U/L")], {"OMIM:167250"}),
    # prostate cancer metastases: patchy sclerosis, scan uptake, very high PSA
    ("metastases", 68, "MALE", ["HP:0005686", "HP:6001022", "HP:0002653"],
     [_m("LOINC:2857-1", 250, "ng/mL")], {"OSTEODX:osteoblastic-bone-metastases"}),
    # renal osteodystrophy: rugger-jersey spine, raised creatinine, phosphate and PTH
    ("renal", 50, "FEMALE", ["HP:0004576", "HP:0011001"],
     [_m("LOINC:2160-0", 6.0, "mg/dL"), _m("LOINC:2777-1", 7.5, "mg/dL"),
      _m("LOINC:2731-8", 600, "pg/mL")], {"OSTEODX:renal-osteodystrophy"}),
    # pycnodysostosis (GeneReviews NBK563694): short stature, dense bones, fractures,
    # acro-osteolysis, open fontanelle
    ("pycno", 6, "FEMALE", ["HP:0004322", "HP:0011001", "HP:0002757", "HP:0009882",
                            "HP:0004474"], [], {"OMIM:265800", "ORPHA:763"}),
]


@pytest.mark.parametrize("name,age,sex,observed,labs,expected", PRESENTATIONS,
                         ids=[p[0] for p in PRESENTATIONS])
def test_presentation_ranked_first(real_kb, name, age, sex, observed, labs, expected):
    onto = real_kb.ontology
    case = Case(name, name, sex=sex, age_years=age, measurements=labs)
    case.findings = [Finding(h, onto.label(h), "observed", "test") for h in observed]
    diff = diagnose(case, real_kb, top=3)
    assert diff.entries[0].disease_id in expected
