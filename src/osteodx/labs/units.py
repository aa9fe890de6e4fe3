"""Conversions between lab units with pint, including mass <-> moles.

Units are read by :mod:`osteodx.labs.ucum`; pint does the arithmetic. A full
UCUM library (``ucumvert``) was measured for this: it needs ``lark``, costs
~0.55 s at start-up on top of pint, and drops annotations, so
``mL/min/{1.73_m2}`` would silently convert to absolute mL/min.

Rules that keep conversions honest:

* ``[IU]``/``[iU]`` (WHO international units) are arbitrary: they convert
  only to each other (``u[IU]/mL`` = ``m[IU]/L``), never to mass or moles.
* ``U`` is UCUM's enzyme unit (umol/min): it converts to ``kat`` but never
  to ``[IU]``.
* Mass <-> substance concentration needs the analyte's molar mass.
* Annotations with a number must match: ``mL/min/{1.73_m2}`` is not
  ``mL/min``; word annotations such as ``{cells}`` are ignored, as in UCUM.

pint is imported on the first conversion only (~0.7 s), not with the package.

>>> round(convert(7.2, "ng/mL", "nmol/L", molar_mass=400.65), 2)
17.97
>>> convert(1, "u[IU]/mL", "m[IU]/L")
1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from osteodx.labs.ucum import ATOMS, PREFIXES, Unit, UnitError, parse_ucum, parse_unit

if TYPE_CHECKING:
    import pint

__all__ = ["Unit", "UnitError", "convert", "convertible", "parse_ucum", "parse_unit"]


@cache
def _registry() -> pint.UnitRegistry:
    """pint's registry; its parsed definitions are cached next to the knowledge-base
    cache (parsing them takes ~0.2-0.4 s per process, loading the cache ~0.02 s)."""
    import pint

    from osteodx.kb.cache import cache_dir

    try:
        folder = cache_dir() / "pint"
        folder.mkdir(parents=True, exist_ok=True)
        ureg = pint.UnitRegistry(cache_folder=folder)
    except OSError:  # read-only or missing cache folder: parse the definitions
        ureg = pint.UnitRegistry()
    ureg.define("international_unit = [international_unit]")
    ureg.define("king_armstrong_unit = [king_armstrong_unit]")
    return ureg


@cache
def _quantity(unit: Unit) -> pint.Quantity:
    ureg = _registry()
    q = ureg.Quantity(unit.factor)
    for prefix, atom, exp in unit.terms:
        q = q * ureg.Quantity(10.0 ** PREFIXES.get(prefix, 0), ATOMS[atom]) ** exp
    return q


def _as_unit(u: Unit | str | Mapping[str, Any]) -> Unit:
    return u if isinstance(u, Unit) else parse_unit(u)


def convert(value: float, from_unit: Unit | str | Mapping[str, Any],
            to_unit: Unit | str | Mapping[str, Any], *, molar_mass: float | None = None) -> float:
    """Convert *value* between units; mass <-> moles through *molar_mass* (g/mol).

    >>> round(convert(10, "mg/dL", "mmol/L", molar_mass=40.078), 3)
    2.495
    >>> convert(5, "[IU]/mL", "mg/mL")
    Traceback (most recent call last):
    ...
    osteodx.labs.ucum.UnitError: cannot convert [IU]/mL to mg/mL
    """
    src, dst = _as_unit(from_unit), _as_unit(to_unit)
    if src.code == dst.code:
        return float(value)
    if src.quantity_annotations != dst.quantity_annotations:
        raise UnitError(f"cannot convert {src.text} to {dst.text}: annotations differ")
    if _two_molar_masses(src, dst):
        raise UnitError(f"cannot convert {src.text} to {dst.text}: a mass ratio is not a molar "
                        f"ratio (that needs the molar masses of both analytes)")
    ratio = _prefix_ratio(src, dst)
    if ratio is not None:  # the same units but for prefixes and factors: no pint needed
        return float(f"{value * ratio:.12g}")
    if _never_convert(src, dst, molar_mass):  # what pint would find, without pint
        raise UnitError(f"cannot convert {src.text} to {dst.text}{_hint(src, dst, molar_mass)}")
    q, target = value * _quantity(src), _quantity(dst)
    candidates = [q]
    if molar_mass:
        mm = _registry().Quantity(molar_mass, "g/mol")
        candidates += [q / mm, q * mm]
    for cand in candidates:
        if cand.dimensionality == target.dimensionality:
            # 12 significant digits: drop float noise such as 0.9999999999999999
            return float(f"{(cand / target).to('dimensionless').magnitude:.12g}")
    raise UnitError(f"cannot convert {src.text} to {dst.text}{_hint(src, dst, molar_mass)}")


def _hint(src: Unit, dst: Unit, molar_mass: float | None) -> str:
    return " (mass <-> moles needs a molar mass)" if not molar_mass and _mass_molar(src, dst) \
        else ""


#: the dimensions of each pint unit that :data:`ATOMS` names, as exponents of
#: (mass, length, time, substance, international unit, King-Armstrong unit); pint's own
#: definitions, restated so that a pair of units that can never convert (U/mL and
#: [IU]/mL, a ratio and a concentration) is told without importing pint (~0.3 s). A test
#: checks every entry against pint.
_DIMENSIONS: dict[str, tuple[int, ...]] = {
    "gram": (1, 0, 0, 0, 0, 0), "pound": (1, 0, 0, 0, 0, 0), "ounce": (1, 0, 0, 0, 0, 0),
    "meter": (0, 1, 0, 0, 0, 0), "inch": (0, 1, 0, 0, 0, 0), "foot": (0, 1, 0, 0, 0, 0),
    "liter": (0, 3, 0, 0, 0, 0),
    "second": (0, 0, 1, 0, 0, 0), "minute": (0, 0, 1, 0, 0, 0), "hour": (0, 0, 1, 0, 0, 0),
    "day": (0, 0, 1, 0, 0, 0), "week": (0, 0, 1, 0, 0, 0), "year": (0, 0, 1, 0, 0, 0),
    "mole": (0, 0, 0, 1, 0, 0), "enzyme_unit": (0, 0, -1, 1, 0, 0),
    "katal": (0, 0, -1, 1, 0, 0), "international_unit": (0, 0, 0, 0, 1, 0),
    "king_armstrong_unit": (0, 0, 0, 0, 0, 1), "percent": (0, 0, 0, 0, 0, 0),
    "pascal": (1, -1, -2, 0, 0, 0), "meter_Hg": (1, -1, -2, 0, 0, 0),
    "meter_H2O": (1, -1, -2, 0, 0, 0),
}
_MASS_FOR_MOLES = (1, 0, 0, -1, 0, 0)  # what a molar mass (g/mol) multiplies by


def _dimension(unit: Unit) -> tuple[int, ...] | None:
    """*unit*'s dimension as :data:`_DIMENSIONS` exponents, or None for an atom it lacks."""
    total = [0] * 6
    for _, atom, exp in unit.terms:
        dims = _DIMENSIONS.get(ATOMS.get(atom, ""))
        if dims is None:
            return None
        total = [t + exp * d for t, d in zip(total, dims, strict=True)]
    return tuple(total)


def _never_convert(src: Unit, dst: Unit, molar_mass: float | None) -> bool:
    """True when no conversion pint could make joins *src* and *dst* (dimensions that
    differ, and by more than one molar mass when one is given); False when pint must
    decide."""
    a, b = _dimension(src), _dimension(dst)
    if a is None or b is None:
        return False
    allowed = [b]
    if molar_mass:
        allowed += [tuple(x + s * m for x, m in zip(b, _MASS_FOR_MOLES, strict=True))
                    for s in (1, -1)]
    return a not in allowed


def _mass_molar(a: Unit, b: Unit) -> bool:
    dims = [_dimension(u) for u in (a, b)]
    if dims[0] is not None and dims[1] is not None:
        return any(d[0] for d in dims) and any(d[3] for d in dims)
    named = {str(_quantity(u).dimensionality) for u in (a, b)}
    return any("[mass]" in d for d in named) and any("[substance]" in d for d in named)


def _prefix_ratio(src: Unit, dst: Unit) -> float | None:
    """``src / dst`` when the two units are made of the same units with the same powers
    and differ only in prefixes and numeric factors (mg/mL -> ng/mL, u[IU]/mL -> m[IU]/L),
    else None. Most lab conversions are of this kind; working them out from the parsed
    UCUM terms spares a case pint's import and registry (about 0.15 s per process).
    Offset units (Celsius) never get here with a prefix and are left to pint.

    >>> _prefix_ratio(parse_ucum("mg/mL"), parse_ucum("ng/mL"))
    1000000.0
    >>> _prefix_ratio(parse_ucum("mg/dL"), parse_ucum("mmol/L")) is None
    True
    """
    def powers(u: Unit) -> dict[str, int] | None:
        out: dict[str, int] = {}
        for _, atom, exp in u.terms:
            name = ATOMS.get(atom)
            if name is None or atom == "Cel":
                return None
            out[name] = out.get(name, 0) + exp
        return {k: v for k, v in out.items() if v}

    def decades(u: Unit) -> int:
        return sum(PREFIXES.get(prefix, 0) * exp for prefix, _, exp in u.terms)

    a, b = powers(src), powers(dst)
    if a is None or a != b:
        return None
    return float(src.factor) / float(dst.factor) * 10.0 ** (decades(src) - decades(dst))


def _amounts(unit: Unit) -> tuple[frozenset[str], frozenset[str]]:
    """The mass ('g') and amount ('mol') atoms above and below the line."""
    above = frozenset(atom for _, atom, exp in unit.terms if exp > 0 and atom in ("g", "mol"))
    below = frozenset(atom for _, atom, exp in unit.terms if exp < 0 and atom in ("g", "mol"))
    return above, below


def _two_molar_masses(a: Unit, b: Unit) -> bool:
    """Does *a* -> *b* swap mass and amount both above and below the line? A urine
    calcium/creatinine ratio in mg/mg and one in mmol/mmol are both dimensionless,
    so pint would equate them, but they differ by the ratio of two molar masses
    (2.82): such units never convert. One swap (mg/g -> mg/mmol) needs one molar mass
    and is left to the caller's."""
    (a_above, a_below), (b_above, b_below) = _amounts(a), _amounts(b)
    return bool(a_above and b_above and a_above != b_above
                and a_below and b_below and a_below != b_below)




def convertible(from_unit: Unit | str | Mapping[str, Any], to_unit: Unit | str | Mapping[str, Any],
                *, molar_mass: float | None = None) -> bool:
    """True when :func:`convert` would succeed.

    >>> convertible("U/L", "ukat/L"), convertible("U/L", "[IU]/L")
    (True, False)
    """
    try:
        convert(1.0, from_unit, to_unit, molar_mass=molar_mass)
    except UnitError:
        return False
    return True
