"""Units that can never convert are told from their dimensions, without pint, and exactly
as pint tells them."""

from __future__ import annotations

import pytest

from osteodx.labs import units
from osteodx.labs.catalogue import load_catalogue
from osteodx.labs.ucum import ATOMS, UnitError, parse_ucum
from tests.labs.test_prefix_units import pint_imported

_ORDER = ("[mass]", "[length]", "[time]", "[substance]", "[international_unit]",
          "[king_armstrong_unit]")


@pytest.mark.parametrize("name", sorted(set(ATOMS.values())))
def test_each_dimension_is_pints(name):
    dims = units._registry().Quantity(1, name).dimensionality
    assert set(dims) <= set(_ORDER), dims
    assert units._DIMENSIONS[name] == tuple(int(dims.get(d, 0)) for d in _ORDER)


def _catalogue_units() -> list[str]:
    codes = {"1", "%", "U/mL", "[IU]/mL", "k[IU]/L", "mg/g", "mmol/mol", "mm[Hg]", "kPa",
             "[lb_av]", "kg", "[in_i]", "cm", "/min", "mL/min/{1.73_m2}", "[ka'U]/dL"}
    for analyte in load_catalogue().analytes:
        codes.add(analyte.unit)
        codes.update(analyte.alt_units)
    return sorted(codes)


def _outcome(value: float, a: str, b: str, molar_mass: float | None) -> str:
    try:
        return repr(units.convert(value, a, b, molar_mass=molar_mass))
    except UnitError as exc:
        return f"error: {exc}"


def test_every_pair_of_catalogue_units_converts_as_with_pint_alone(monkeypatch):
    codes = _catalogue_units()
    assert len(codes) > 30
    fast = {(a, b, m): _outcome(2.5, a, b, m) for a in codes for b in codes
            for m in (None, 180.16)}
    monkeypatch.setattr(units, "_never_convert", lambda *args: False)
    monkeypatch.setattr(units, "_dimension", lambda unit: None)  # the hint from pint too
    told = sum(o.startswith("error") for o in fast.values())
    assert told > 100  # the shortcut is exercised
    for (a, b, m), got in fast.items():
        assert got == _outcome(2.5, a, b, m), (a, b, m)


def test_unconvertible_units_do_not_import_pint(tmp_path):
    assert not pint_imported(tmp_path, "assert not convertible('U/mL', '[IU]/mL')",
                             "assert not convertible('k[IU]/L', '1')",
                             "assert not convertible('mg/dL', 'mmol/L')",
                             "assert not convertible('U/mL', '1')")


def test_mass_and_moles_hint_without_pint():
    with pytest.raises(UnitError, match="needs a molar mass"):
        units.convert(1.0, "mg/dL", "mmol/L")
    assert units._dimension(parse_ucum("mL/min/{1.73_m2}")) == (0, 3, -1, 0, 0, 0)
