"""King-Armstrong units of alkaline phosphatase: converted with the catalogue's factor, for
that analyte only; a KA value of anything else is refused with a warning (labs/assay_units.py)."""

from __future__ import annotations

import pytest

from osteodx.labs import interpret_measurements, load_catalogue
from osteodx.labs.assay_units import read_assay_unit, refused_assay_unit, to_canonical
from osteodx.labs.ucum import parse_unit, ucum_code
from tests.labs.test_interpret import lab

ALP = "LOINC:6768-6"


def _factor() -> float:
    (au,) = load_catalogue().analyte("alkaline_phosphatase").assay_units
    return au.factor


@pytest.mark.parametrize("written", ["KA units", "KAU", "K.A. units", "K.A.U.",
                                     "King-Armstrong units/100 mL", "KA units/100 mL",
                                     "King-Armstrong units", "KA units/dL"])
def test_every_spelling_is_the_king_armstrong_unit_per_100_ml(written):
    assert ucum_code(written) == "[ka'U]/dL"


def test_ka_per_litre_is_another_unit_and_ka_alone_no_unit():
    assert ucum_code("KA units/L") == "[ka'U]/L"
    assert ucum_code("KA") is None and ucum_code("ka units") is None


def test_the_factor_comes_from_the_catalogue_and_cites_its_sources():
    cat = load_catalogue()
    (au,) = cat.analyte("alkaline_phosphatase").assay_units
    assert au.factor == pytest.approx(7.1)
    assert au.sources() and au.sources() <= set(cat.sources)
    assert [a.key for a in cat.assay_unit_owners(parse_unit("KA units"))] == \
        ["alkaline_phosphatase"]
    assert cat.assay_unit_owners(parse_unit("U/L")) == []


def test_no_unit_arithmetic_relates_ka_units_to_enzyme_units():
    from osteodx.labs.units import convertible
    assert not convertible("[ka'U]/dL", "U/L") and not convertible("[ka'U]/dL", "[IU]/L")


def test_to_canonical_uses_the_factor_for_alp_only():
    cat = load_catalogue()
    alp, bone = cat.analyte("alkaline_phosphatase"), cat.analyte("calcium_total")
    assert to_canonical(alp, 45, parse_unit("KA units")) == pytest.approx(45 * _factor())
    assert to_canonical(bone, 9, parse_unit("KA units")) is None
    assert to_canonical(alp, 100, parse_unit("U/L")) == 100


def test_a_phenopacket_alp_in_ka_units_is_converted_and_judged():
    m = lab(ALP, 45, "[ka'U]/dL", low=3, high=13)
    m["value"]["quantity"]["unit"]["label"] = "KA units"
    workup = interpret_measurements([m], age_years=40, sex="FEMALE")
    (r,) = workup.results
    xc = 45 * _factor()
    assert r.interpretation == "H" and r.value == pytest.approx(xc) and r.unit == "U/L"
    assert (r.reference_low, r.reference_high) == pytest.approx((3 * _factor(), 13 * _factor()))
    (finding,) = workup.findings
    assert finding.hpo_id == "HP:0003155"
    assert f"45 KA units (= {xc:.6g} U/L)" in finding.source
    assert any("read as" in n and "KingWootton1956" in n for n in r.notes)
    assert not workup.warnings


def test_a_normal_alp_in_ka_units_excludes_both_directions():
    workup = interpret_measurements([lab(ALP, 10, "[ka'U]")], age_years=40, sex="FEMALE")
    (r,) = workup.results
    assert r.interpretation == "N"
    assert {f.status for f in workup.findings} == {"excluded"}


@pytest.mark.parametrize("code", ["LOINC:17861-6", "LOINC:1975-2", "LOINC:2885-2"])
def test_a_ka_value_for_another_analyte_is_a_warning_not_a_finding(code):
    workup = interpret_measurements([lab(code, 9, "[ka'U]/dL")], age_years=40, sex="FEMALE")
    (r,) = workup.results
    assert r.interpretation is None and not workup.findings
    (warning,) = workup.warnings
    assert "is a unit of Alkaline phosphatase only" in warning and "not interpreted" in warning


def test_ka_per_litre_for_alp_is_refused_by_name():
    workup = interpret_measurements([lab(ALP, 20, "[ka'U]/L")], age_years=40, sex="FEMALE")
    assert not workup.findings
    (warning,) = workup.warnings
    assert "[ka'U]/L is not read" in warning and "[ka'U]/dL" in warning


def test_an_implausible_ka_value_is_named_in_ka_units():
    workup = interpret_measurements([lab(ALP, 9000, "[ka'U]/dL")], age_years=40, sex="FEMALE")
    assert not workup.findings
    (warning,) = workup.warnings
    assert "value 9000 [ka'U]/dL is implausible" in warning
    assert "9000 U/L would be" in warning  # the slip it most likely is


def test_read_assay_unit_converts_a_range_in_the_same_unit_or_none():
    alp = load_catalogue().analyte("alkaline_phosphatase")
    ka = parse_unit("KA units")
    f = _factor()
    r = read_assay_unit(alp, 2, ka, {"low": 3, "high": 13})
    assert r is not None and r.range is not None
    assert (r.range["low"], r.range["high"]) == pytest.approx((3 * f, 13 * f))
    u = read_assay_unit(alp, 2, ka, {"low": 30, "high": 120, "unit": {"id": "UCUM:U/L"}})
    assert u is not None and u.range == {"low": 30, "high": 120, "unit": {"id": "UCUM:U/L"}}
    assert read_assay_unit(alp, 2, parse_unit("U/L"), None) is None
    assert refused_assay_unit(load_catalogue(), alp, ka) is None


def test_a_bare_ka_id_labelled_ka_units_is_no_label_clash():
    m = lab(ALP, 45, "[ka'U]")
    m["value"]["quantity"]["unit"]["label"] = "KA units"  # parsed as [ka'U]/dL, read alike
    workup = interpret_measurements([m], age_years=40, sex="FEMALE")
    (r,) = workup.results
    assert r.interpretation == "H" and not workup.warnings
