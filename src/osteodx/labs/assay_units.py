"""Values in a unit of one analyte's assay: "ALP 45 KA units" is 319.5 U/L.

King-Armstrong units measure alkaline phosphatase by the phenol it frees; older reports,
and many from South Asia, still print them. No unit arithmetic relates them to U/L - the
factor is the assay's definition - so :mod:`osteodx.labs.ucum` gives such units a
dimension of their own and the catalogue entry of the one analyte they measure gives the
factor (``assay_units``, with its source). A value is converted with that factor before it
is judged, and the result names the unit as written and the converted value. The same unit
on any other analyte is a slip - a KA unit is a unit of nothing else - and is refused with
a warning naming the analyte it belongs to, never dropped silently.

>>> from osteodx.labs.catalogue import load_catalogue
>>> from osteodx.labs.ucum import parse_unit
>>> cat = load_catalogue()
>>> alp = cat.analyte("alkaline_phosphatase")
>>> round(to_canonical(alp, 45, parse_unit("KA units")), 6)
319.5
>>> refused_assay_unit(cat, cat.analyte("calcium_total"), parse_unit("KA units"))
'Calcium: KA units is a unit of Alkaline phosphatase only (King-Armstrong unit/100 mL); \
not interpreted'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from osteodx.labs.models import Analyte
from osteodx.labs.result import fmt
from osteodx.labs.ucum import Unit, UnitError, parse_ucum, parse_unit
from osteodx.labs.units import convert

if TYPE_CHECKING:  # the catalogue imports the models this module uses: no cycle at run time
    from osteodx.labs.catalogue import Catalogue

__all__ = ["AssayReading", "read_assay_unit", "refused_assay_unit", "to_canonical"]


def refused_assay_unit(cat: Catalogue, analyte: Analyte, unit: Unit) -> str | None:
    """The warning for *unit* when it is a unit of another analyte's assay only
    ("calcium 10 KA units"), or of this analyte's over another volume ("KA units/L"),
    or None when the unit is not one assay's or is one this analyte converts."""
    if not unit.assay_atoms or analyte.assay_unit(unit) is not None:
        return None
    owners = cat.assay_unit_owners(unit)
    if any(o.key == analyte.key for o in owners):  # its own assay unit, over another volume
        names = " or ".join(f"{au.name} ({', '.join(au.codes)})" for au in analyte.assay_units)
        return (f"{analyte.display}: {unit.text} is not read; only {names} convert to "
                f"{analyte.unit}; not interpreted")
    whose = " or ".join(o.display for o in owners) or "no catalogued analyte"
    named = "; ".join(au.name for o in owners for au in o.assay_units
                      if any(set(parse_ucum(c).assay_atoms) & unit.assay_atoms for c in au.codes))
    return (f"{analyte.display}: {unit.text} is a unit of {whose} only"
            + (f" ({named})" if named else "") + "; not interpreted")


def to_canonical(analyte: Analyte, x: float, unit: Unit) -> float | None:
    """*x* in *unit* as the analyte's catalogue unit: through its assay unit's factor,
    else by unit arithmetic; None when neither converts."""
    au = analyte.assay_unit(unit)
    if au is not None:
        return _times(x, au.factor)
    if unit.assay_atoms:
        return None
    try:
        return convert(x, unit, parse_ucum(analyte.unit), molar_mass=analyte.molar_mass_g_per_mol)
    except UnitError:
        return None


def _times(x: float, factor: float) -> float:
    """*x* times *factor* to 12 significant digits (3 x 7.1 is 21.3, not 21.299999999999997)."""
    return float(f"{x * factor:.12g}")


class AssayReading:
    """A quantity in the analyte's assay unit, read in the catalogue unit: ``value`` and
    ``unit`` (the catalogue's), the reference range (``range``) converted the same way
    when printed in that unit or in none, and ``written`` - the value and unit as written
    with the converted value ("45 KA units (= 319.5 U/L)") - for the result text."""

    def __init__(self, value: float, unit: Unit, range_: Mapping[str, Any] | None,
                 written: str, note: str) -> None:
        self.value, self.unit, self.range, self.written, self.note = \
            value, unit, range_, written, note


def read_assay_unit(analyte: Analyte, x: float, given: Unit,
                    rr: Mapping[str, Any] | None) -> AssayReading | None:
    """*x* in *given*, when that is one of the analyte's assay units, read in the
    catalogue unit (None otherwise)."""
    au = analyte.assay_unit(given)
    if au is None:
        return None
    xc = _times(x, au.factor)
    canonical = parse_ucum(analyte.unit)
    rng: Mapping[str, Any] | None = rr
    if rr:
        try:
            same = not rr.get("unit") or analyte.assay_unit(parse_unit(rr["unit"])) is au
        except UnitError:
            same = False
        if same:  # the range printed in the value's KA units: converted alike
            rng = {**rr, "unit": {"id": f"UCUM:{analyte.unit}", "label": analyte.unit},
                   **{k: _times(float(rr[k]), au.factor) for k in ("low", "high") if rr.get(k)}}
    written = f"{fmt(x)} {given.text} (= {fmt(xc)} {analyte.unit})"
    note = (f"{analyte.display}: {fmt(x)} {given.text} read as {fmt(xc)} {analyte.unit} "
            f"(1 {au.name} = {fmt(au.factor)} {analyte.unit}; {au.source})")
    return AssayReading(xc, canonical, rng, written, note)
