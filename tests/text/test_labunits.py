"""Units read after a value in free text (text/labunits.py): King-Armstrong units of alkaline
phosphatase, kept as written in the measurement and converted when it is read."""

from __future__ import annotations

import pytest

from osteodx.text.labs import extract_labs, to_measurement
from osteodx.text.labunits import read_unit


@pytest.mark.parametrize("text,written", [
    (" KA units (3-13)", "KA units"), (" KAU.", "KAU"), (" K.A. units/100 mL", "K.A. units/100 mL"),
    (" King-Armstrong units per 100 mL", "King-Armstrong units per 100 mL"),
    (" King-Armstrong units/100 mL.", "King-Armstrong units/100 mL"),
])
def test_ka_units_are_read_with_what_they_are_per(text, written):
    unit = read_unit(text, 0)
    assert unit is not None and unit[0] == written and unit[1] == "[ka'U]/dL"


def test_ka_per_litre_is_read_as_written_not_as_per_100_ml():
    unit = read_unit(" KA units/L", 0)
    assert unit is not None and unit[1] == "[ka'U]/L"


def test_an_alp_in_ka_units_is_kept_as_written_and_noted_converted():
    (lab,) = extract_labs("Serum alkaline phosphatase was 45 KA units (normal 3-13).")
    assert (lab.analyte, lab.value, lab.unit, lab.ucum) == \
        ("alkaline_phosphatase", 45.0, "KA units", "[ka'U]/dL")
    assert not lab.warnings
    assert any("45 KA units read as 319.5 U/L" in n for n in lab.notes)
    q = to_measurement(lab)["value"]["quantity"]
    assert q["unit"] == {"id": "UCUM:[ka'U]/dL", "label": "KA units"}
    assert (q["referenceRange"]["low"], q["referenceRange"]["high"]) == (3.0, 13.0)


@pytest.mark.parametrize("text", ["Serum calcium 9 KA units.", "Phosphate 4 KAU."])
def test_a_ka_value_of_another_analyte_is_warned_about(text):
    (lab,) = extract_labs(text)
    assert any("is a unit of Alkaline phosphatase only" in w for w in lab.warnings)


def test_an_implausible_ka_value_is_warned_about_in_text():
    (lab,) = extract_labs("ALP 9000 KA units.")
    assert any("value 9000 KA units is implausible" in w for w in lab.warnings)


@pytest.mark.parametrize("text,written,code", [
    (" nmol/hr/mg protein (23-60)", "nmol/hr/mg protein", "nmol/h/mg"),
    (" nmol/h/mg protein", "nmol/h/mg protein", "nmol/h/mg"),
    (" nmol/hr/mL", "nmol/hr/mL", "nmol/h/mL"),
    (" nmol half-cystine/mg protein (<0.2)", "nmol half-cystine/mg protein", "nmol/mg"),
    (" nmol 1/2 cystine/mg protein", "nmol 1/2 cystine/mg protein", "nmol/mg"),
    (" ug/24h (<40)", "ug/24h", "ug/(24.h)"),
])
def test_cell_assay_units_take_the_protein_they_are_per(text, written, code):
    """An enzyme or metabolite per mg of cell protein: "protein" is part of the unit, so
    the range after it stays the result's; "hr" is an hour anywhere in the unit."""
    assert read_unit(text, 0)[:2] == (written, code)


def test_must_stay_a_mass_ratio_without_protein_and_per_creatinine():
    assert read_unit(" mg/g creatinine", 0)[:2] == ("mg/g creatinine", "mg/g")
    assert read_unit(" mg/hr", 0)[:2] == ("mg/hr", "mg/h")
