"""UCUM reading and unit conversions."""

from __future__ import annotations

import pytest

from osteodx.labs import UnitError, convert, convertible, parse_ucum, parse_unit, ucum_from_label


@pytest.mark.parametrize(("given", "code"), [
    ({"id": "UCUM:ng/mL", "label": "ng/mL"}, "ng/mL"),
    ({"id": "UCUM:u[IU]/mL", "label": "µIU/mL"}, "u[IU]/mL"),
    ("µIU/mL", "u[IU]/mL"), ("μIU/mL", "u[IU]/mL"), ("uIU/mL", "u[IU]/mL"),
    ("U/L", "U/L"), ("IU/L", "[IU]/L"), ("mg/dL", "mg/dL"), ("pg/mL", "pg/mL"),
    ("nmol/L", "nmol/L"), ("mmol/L", "mmol/L"), ("10*9/L", "10*9/L"), ("x10^9/L", "10*9/L"),
    ("×10⁹/L", "10*9/L"), ("g/dL", "g/dL"), ("mL/min/{1.73_m2}", "mL/min/{1.73_m2}"),
    ("mL/min/1.73 m2", "mL/min/{1.73_m2}"), ("[iU]/mL", "[iU]/mL"), ("%", "%"),
    ("mcg/L", "ug/L"), ("mmHg", "mm[Hg]"), ({"label": "IU/mL"}, "[IU]/mL"),
])
def test_parse_units_as_written_in_phenopackets(given, code):
    assert parse_unit(given).code == code


def test_label_is_kept_for_display():
    unit = parse_unit({"id": "UCUM:u[IU]/mL", "label": "µIU/mL"})
    assert unit.text == "µIU/mL" and unit.arbitrary
    assert parse_unit("UCUM:ng/mL").text == "ng/mL"


@pytest.mark.parametrize("bad", ["furlongs", "mg/", "ng/mL)", "", {"id": "UO:0000274"}])
def test_unknown_unit_is_an_error_naming_it(bad):
    with pytest.raises(UnitError, match="unknown unit|empty unit"):
        parse_unit(bad)


def test_unknown_unit_message_names_id_and_label():
    with pytest.raises(UnitError) as exc:
        parse_unit({"id": "UCUM:mg/foo", "label": "mg/foo"})
    assert "'UCUM:mg/foo'" in str(exc.value) and "foo" in str(exc.value)


def test_vitamin_d_mass_molar():
    assert convert(1, "ng/mL", "nmol/L", molar_mass=400.65) == pytest.approx(2.496, abs=5e-4)
    assert convert(49.92, "nmol/L", "ng/mL", molar_mass=400.65) == pytest.approx(20.0, rel=1e-3)


def test_calcium_phosphate_creatinine():
    assert convert(1, "mg/dL", "mmol/L", molar_mass=40.078) == pytest.approx(0.2495, abs=1e-4)
    assert convert(2.5, "mmol/L", "mg/dL", molar_mass=40.078) == pytest.approx(10.02, abs=0.01)
    assert convert(1, "mg/dL", "mmol/L", molar_mass=30.974) == pytest.approx(0.3229, abs=1e-4)
    assert convert(1, "mg/dL", "umol/L", molar_mass=113.12) == pytest.approx(88.4, abs=0.05)
    assert convert(70.7, "umol/L", "mg/dL", molar_mass=113.12) == pytest.approx(0.8, abs=1e-3)


def test_mass_molar_needs_molar_mass():
    with pytest.raises(UnitError, match="molar mass"):
        convert(1, "ng/mL", "nmol/L")


def test_plain_rescaling():
    assert convert(1, "u[IU]/mL", "m[IU]/L") == 1.0
    assert convert(0.265, "ng/mL", "pg/mL") == pytest.approx(265)
    assert convert(150, "10*9/L", "10*3/uL") == pytest.approx(150)
    assert convert(150, "10*9/L", "/uL") == pytest.approx(150_000)
    assert convert(13.2, "g/dL", "g/L") == pytest.approx(132)
    assert convert(170, "mU/dL", "U/L") == pytest.approx(1.7)
    assert convert(60, "U/L", "ukat/L") == pytest.approx(1.0)


def test_arbitrary_units_convert_only_among_themselves():
    assert convert(5, "[IU]/mL", "[iU]/mL") == 5
    assert convert(5, "[IU]/mL", "k[IU]/L") == pytest.approx(5)
    for other in ("U/mL", "ng/mL", "nmol/L", "mL/min"):
        assert not convertible("[IU]/mL", other, molar_mass=400.0)
    assert not convertible("U/L", "ug/L", molar_mass=140000.0)


def test_annotations_with_numbers_must_match():
    assert not convertible("mL/min/{1.73_m2}", "mL/min")
    assert convertible("mL/min/{1.73_m2}", "L/h/{1.73_m2}")
    assert convert(5, "{cells}/uL", "/uL") == 5  # word annotations are ignored


def test_enzyme_iu_swap():
    assert parse_ucum("U/mL").swapped_enzyme_iu().code == "[IU]/mL"
    assert parse_ucum("m[IU]/L").swapped_enzyme_iu().code == "mU/L"
    assert parse_ucum("mg/dL").swapped_enzyme_iu() is None


def test_label_rewrites():
    assert ucum_from_label("mg/24 h") == "mg/(24.h)"
    assert convert(24, "mg/(24.h)", "mg/h") == pytest.approx(1)


def test_a_mass_ratio_is_not_a_molar_ratio():
    """mg/mg and mmol/mmol are both dimensionless, but a urine calcium/creatinine
    ratio differs between them by two molar masses: never converted."""
    assert not convertible("mg/mg", "mmol/mmol", molar_mass=40.078)
    with pytest.raises(UnitError, match="mass ratio is not a molar ratio"):
        convert(0.25, "mg/mg", "mmol/mmol")
    assert convert(30, "mg/g", "mg/mmol", molar_mass=113.12) == pytest.approx(3.394, abs=1e-3)
    assert convert(1, "umol/mmol{creat}", "mmol/mol") == 1.0
    assert convert(0.25, "mg/mg", "g/g") == 0.25


def test_inches_and_pounds_convert_for_growth_readings():
    from osteodx.labs.units import convert, parse_unit

    assert convert(50, parse_unit("in"), "cm") == 127.0
    assert convert(10, parse_unit("[lb_av]"), "kg") == 4.5359237


def test_french_giga_and_tera_per_litre_are_counts():
    from osteodx.labs.ucum import parse_unit

    assert parse_unit("G/l").code == "10*9/L"
    assert parse_unit("T/L").code == "10*12/L"
