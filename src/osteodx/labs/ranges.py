"""Which reference range a result is judged against, in the value's unit.

The laboratory's own range, printed with the result, is preferred: methods
differ and the catalogue's defaults are only one laboratory's. When the case
gives none, the catalogue's band for the patient's age and sex is used.

Printed ranges carry transcription slips (the reference case prints "30.1 to
100.0 mg/mL" for a value in ng/mL). A range whose unit differs from the
value's is converted; if the converted range is implausible for the analyte
but the bare numbers are plausible in the value's unit, the numbers are read
in the value's unit and a warning says so. Plausibility comes from the
catalogue's ``plausible`` bounds, each with its reason (``plausible_basis``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from osteodx.labs.catalogue import Analyte
from osteodx.labs.result import fmt, range_text
from osteodx.labs.units import Unit, UnitError, convert, parse_ucum, parse_unit

__all__ = ["Range", "assumed_unit", "assumption_reason", "case_range", "catalogue_range",
           "plausible"]

Warn = Callable[[str], None]
_EPS = 1e-9  # relative slack for bounds converted between units


@dataclass(frozen=True, slots=True)
class Range:
    """A reference range in the value's unit.

    ``inner`` is set when the sex is unknown and the female and male bands
    differ: ``low``/``high`` are then the widest bounds, ``inner`` the
    narrowest, and a value between the two cannot be judged.

    >>> Range(30.1, 100, "case").classify(7.2)
    'L'
    >>> Range(2.5, 4.5, "catalogue: X", inner=(3.0, 4.0)).classify(4.2) is None
    True
    """

    low: float | None
    high: float | None
    source: str
    inner: tuple[float | None, float | None] | None = None

    def classify(self, x: float) -> str | None:
        if self.low is not None and x < self.low * (1 - _EPS):
            return "L"
        if self.high is not None and x > self.high * (1 + _EPS):
            return "H"
        if self.inner is not None:
            lo, hi = self.inner
            if (lo is not None and x < lo * (1 - _EPS)) or (hi is not None and
                                                             x > hi * (1 + _EPS)):
                return None
        return "N"


def _canonical(analyte: Analyte, x: float, unit: Unit) -> float | None:
    try:
        return convert(x, unit, parse_ucum(analyte.unit), molar_mass=analyte.molar_mass_g_per_mol)
    except UnitError:
        return None


def plausible(analyte: Analyte, x: float, unit: Unit) -> bool | None:
    """Is *x* (in *unit*) within the analyte's plausible bounds? None if the unit
    cannot be converted to the catalogue's."""
    xc = _canonical(analyte, x, unit)
    if xc is None:
        return None
    return analyte.within_plausible(xc)


def assumed_unit(analyte: Analyte, x: float, *, near_reference: bool = True,
                 said_normal: bool = False) -> str | None:
    """The catalogue unit (canonical or alternative) in which a value written
    without a unit is plausible, or None if there is none or more than one
    that would give different values ("Hb 138" is g/L, not g/dL; a count of
    6.2 is the same in 10*9/L and 10*3/uL; "calcium 2.4" is mmol/L, as 2.4 mg/dL
    is below calcium's plausible floor; "phosphate 1.2" is both 1.2 mg/dL and
    1.2 mmol/L, so None). When several units are plausible, the one in which the value
    lies within 50 times the limits of a catalogue reference range is taken if it is
    the only one ("CK 412" is U/L: 412 ukat/L would be 130 times the upper limit); not with
    ``near_reference=False``, as when a range printed without a unit can judge the value.
    A value the text calls normal (*said_normal*: "CK normal (110)") is read, among several
    plausible units, in the only one that puts it inside a catalogue reference range."""
    fits: dict[float, str] = {}
    for code in (analyte.unit, *analyte.alt_units):
        unit = parse_ucum(code)
        if plausible(analyte, x, unit):
            xc = _canonical(analyte, x, unit)
            assert xc is not None
            fits.setdefault(round(xc, 9), code)
    if len(fits) > 1 and near_reference:  # "CK 412": 2 x the upper limit in U/L, 130 x in ukat/L;
        fits = {xc: code for xc, code in fits.items() if _near_reference(analyte, xc)}
    if len(fits) > 1 and said_normal:  # "CK normal (110)": 110 U/L, not 110 ukat/L
        fits = {xc: code for xc, code in fits.items() if _near_reference(analyte, xc, 1.0)}
    return next(iter(fits.values())) if len(fits) == 1 else None


def assumption_reason(analyte: Analyte, x: float) -> str:
    """Why :func:`assumed_unit` chose its unit, for the warning that says so."""
    n = sum(bool(plausible(analyte, x, parse_ucum(c))) for c in (analyte.unit, *analyte.alt_units))
    if n <= 1:
        return "the only catalogue unit in which it is plausible"
    if assumed_unit(analyte, x) is None:  # chosen by the word "normal"
        return "the only catalogue unit in which it lies inside a catalogue reference range, " \
               "as the text calls it normal"
    return (f"the only catalogue unit in which it lies within {_NEAR:g} times the limits of a "
            f"catalogue reference range")


_NEAR = 50.0  # how far outside a reference range a result written without a unit may lie


def _near_reference(analyte: Analyte, xc: float, near: float = _NEAR) -> bool:
    """Is a canonical value within *near* times the limits of some catalogue band?"""
    return any((b.low is None or xc >= b.low / near) and (b.high is None or xc <= b.high * near)
               for b in analyte.reference_ranges)


def _range_plausible(analyte: Analyte, low: float, high: float, unit: Unit) -> bool | None:
    """A lower limit may be 0 ("0 to 14"); an upper limit must be a plausible value."""
    lc, hc = _canonical(analyte, low, unit), _canonical(analyte, high, unit)
    if lc is None or hc is None:
        return None
    return analyte.within_plausible(lc, limit=True) and analyte.within_plausible(hc)


def case_range(rr: Mapping[str, Any], analyte: Analyte, value_unit: Unit, given_unit: Unit,
               warn: Warn, note: Warn) -> Range | None:
    """The case's ``referenceRange`` in the value's unit, or None (with a warning)
    when it cannot be used.

    A missing ``low`` is 0 (protobuf drops zeros). A missing or zero ``high``
    is no upper limit: no laboratory range ends at 0, so a range with only a
    lower limit is one printed as "> 4.0" (folate, eGFR), and is one-sided. A
    range with neither limit says nothing and is ignored.
    """
    name = analyte.display
    low = float(rr.get("low", 0.0) or 0.0)
    high = float(rr.get("high", 0.0) or 0.0)
    if high <= 0 and low <= 0:
        warn(f"{name}: reference range has neither a lower nor an upper limit; range ignored")
        return None
    if high <= 0:
        note(f"{name}: reference range has a lower limit only (>= {fmt(low)})")
        return _lower_only(analyte, low, value_unit, given_unit, rr.get("unit"), warn, note)
    if low > high:
        warn(f"{name}: reference range low {fmt(low)} > high {fmt(high)}; range ignored")
        return None
    range_unit = _range_unit(rr.get("unit"), value_unit, name, warn)
    if range_unit is None:
        return None
    raw_ok = _range_plausible(analyte, low, high, value_unit)
    if range_unit.code in (value_unit.code, given_unit.code):
        if raw_ok is False:
            warn(f"{name}: reference range {range_text(low, high)} {value_unit.text} is "
                 f"implausible; range ignored")
            return None
        return Range(low, high, "case")
    mm = analyte.molar_mass_g_per_mol
    try:
        clow = convert(low, range_unit, value_unit, molar_mass=mm)
        chigh = convert(high, range_unit, value_unit, molar_mass=mm)
    except UnitError:
        clow = chigh = None
    if clow is not None and chigh is not None and _range_plausible(
            analyte, clow, chigh, value_unit) is not False:
        note(f"{name}: reference range converted from {range_unit.text} to {value_unit.text}")
        return Range(clow, chigh, "case")
    if raw_ok:
        warn(f"{name}: reference range unit {range_unit.text} disagrees with value unit "
             f"{value_unit.text}; range read as {value_unit.text}")
        return Range(low, high, "case")
    warn(f"{name}: reference range {range_text(low, high)} {range_unit.text} cannot be used "
         f"with a value in {value_unit.text}; range ignored")
    return None


def _range_unit(raw_unit: Any, value_unit: Unit, name: str, warn: Warn) -> Unit | None:
    """The printed range's unit (the value's when none is printed); None, with a warning,
    when it cannot be parsed."""
    if not raw_unit:
        return value_unit
    try:
        return parse_unit(raw_unit)
    except UnitError as exc:
        warn(f"{name}: reference range {exc}; range ignored")
        return None


def _lower_only(analyte: Analyte, low: float, value_unit: Unit, given_unit: Unit,
                raw_unit: Any, warn: Warn, note: Warn) -> Range | None:
    """A range printed as "> 4.0": its one limit in the value's unit, checked like
    a two-sided range's lower limit (a plausible value, here)."""
    name = analyte.display
    range_unit = _range_unit(raw_unit, value_unit, name, warn)
    if range_unit is None:
        return None
    if range_unit.code not in (value_unit.code, given_unit.code):
        try:
            low = convert(low, range_unit, value_unit, molar_mass=analyte.molar_mass_g_per_mol)
        except UnitError:
            warn(f"{name}: reference range >={fmt(low)} {range_unit.text} cannot be used "
                 f"with a value in {value_unit.text}; range ignored")
            return None
        note(f"{name}: reference range converted from {range_unit.text} to {value_unit.text}")
    if plausible(analyte, low, value_unit) is False:
        warn(f"{name}: reference range >={fmt(low)} {value_unit.text} is implausible; "
             f"range ignored")
        return None
    return Range(low, None, "case")


def _band_text(age: float | None, sex: str | None) -> str:
    who = sex or "unknown sex"
    return f"{who}, age {fmt(age)} y" if age is not None else f"{who}, age unknown"


def catalogue_range(analyte: Analyte, value_unit: Unit, age: float | None, sex: str | None,
                    warn: Warn) -> Range | None:
    """The catalogue's band for *age* and *sex* ('female'/'male'/None), in the
    value's unit; None (with a warning) if there is none or it cannot be converted."""
    name = analyte.display
    if sex in ("female", "male"):
        found = [analyte.reference_range(age, sex)]
    else:
        found = [analyte.reference_range(age, "female"), analyte.reference_range(age, "male")]
    bands = list(dict.fromkeys(b for b in found if b is not None))  # an 'any' band counts once
    if not bands or None in found:
        missing = "no" if not bands else "no female or no male"
        warn(f"{name}: {missing} catalogue reference range for {_band_text(age, sex)}; "
             f"not interpreted")
        return None
    canon, mm = parse_ucum(analyte.unit), analyte.molar_mass_g_per_mol
    try:
        conv = [(_opt(convert, b.low, canon, value_unit, mm),
                 _opt(convert, b.high, canon, value_unit, mm)) for b in bands]
    except UnitError:
        warn(f"{name}: catalogue range in {analyte.unit} cannot be converted to "
             f"{value_unit.text}; not interpreted")
        return None
    source = "catalogue: " + "; ".join(sorted({b.source for b in bands}))
    if len(set(conv)) == 1:
        return Range(conv[0][0], conv[0][1], source)
    lows, highs = [c[0] for c in conv], [c[1] for c in conv]
    warn(f"{name}: sex unknown and the female and male catalogue ranges differ; the widest "
         f"range is used and values between the two are not interpreted")
    return Range(_pick(min, lows, any), _pick(max, highs, any), source + " (female and male)",
                 inner=(_pick(max, lows, all), _pick(min, highs, all)))


def _opt(fn: Callable[..., float], v: float | None, src: Unit, dst: Unit,
         mm: float | None) -> float | None:
    return None if v is None else fn(v, src, dst, molar_mass=mm)


def _pick(fn: Callable[[list[float]], float], values: list[float | None],
          none_if: Callable[[Any], bool]) -> float | None:
    """min/max of the bounds; None (no limit) if *none_if* of them are None."""
    if none_if(v is None for v in values):
        return None
    return fn([v for v in values if v is not None])
