"""A value implausible in its stated unit, and the unit it would fit.

"Calcium 2.4 mg/dL" is almost always 2.4 mmol/L written with the wrong unit; read as
written it is a hypocalcaemia no patient survives, and as a finding it would rank
diseases. Each catalogue analyte has ``plausible`` bounds - the extremes of disease,
not the reference range, each bound with its reason in ``plausible_basis`` - and a value
outside them is not used. The warning says so, and names every other unit the
catalogue reports the analyte in (its ``unit`` and ``alt_units``) in which the same number
would be plausible, with what it would mean there ("2.4 mmol/L would be normal").
It never converts to that unit: the case must be corrected by someone who can
check the report.

>>> from osteodx.labs.catalogue import find_by_loinc
>>> from osteodx.labs.ucum import parse_ucum
>>> implausible_warning(find_by_loinc("17861-6"), 2.4, parse_ucum("mg/dL"), "mg/dL")
'Calcium: value 2.4 mg/dL is implausible (plausible 4-20 mg/dL); 2.4 mmol/L would be \
plausible: check the unit'
"""

from __future__ import annotations

from collections.abc import Callable

from osteodx.labs.assay_units import to_canonical
from osteodx.labs.catalogue import Analyte
from osteodx.labs.result import OUTCOME_WORDS, fmt
from osteodx.labs.ucum import Unit, parse_ucum

__all__ = ["implausible_warning", "slip_units"]

def _canonical(analyte: Analyte, x: float, unit: Unit) -> float | None:
    """*x* in the catalogue unit, through the analyte's assay units too ("KA units")."""
    return to_canonical(analyte, x, unit)


def _within(analyte: Analyte, xc: float | None) -> bool:
    return xc is not None and analyte.within_plausible(xc)


def slip_units(analyte: Analyte, x: float, unit: Unit) -> list[str]:
    """The catalogue units of *analyte* other than *unit* in which *x* is plausible, when
    *x* is not plausible in *unit* (empty otherwise); units that give the same value
    (ng/mL and ug/L) are named once."""
    if _within(analyte, _canonical(analyte, x, unit)):
        return []
    given = _canonical(analyte, 1.0, unit)
    out: dict[float, str] = {}
    for code in (analyte.unit, *analyte.alt_units):
        other = parse_ucum(code)
        xc = _canonical(analyte, x, other)
        same = given is not None and xc is not None and abs(xc - x * given) <= 1e-9 * abs(xc)
        if code == unit.code or same or not _within(analyte, xc):
            continue
        assert xc is not None
        out.setdefault(round(xc, 9), code)
    return list(out.values())


def implausible_warning(analyte: Analyte, x: float, unit: Unit, shown: str, *,
                        judge: Callable[[Unit, float], str | None] | None = None) -> str | None:
    """The warning for *x* (in *unit*, written *shown*) outside the analyte's plausible
    bounds, or None when it is plausible or the unit does not convert to the catalogue's.

    *judge* says what a value would be in another unit ("L", "N", "H" or None when it
    cannot say - no range for the patient's age and sex): with it the hint reads "would
    be normal", without it "would be plausible"."""
    xc = _canonical(analyte, x, unit)
    if xc is None or _within(analyte, xc):
        return None
    lo, hi = analyte.plausible
    text = (f"{analyte.display}: value {fmt(x)} {shown} is implausible "
            f"(plausible {fmt(lo)}-{fmt(hi)} {analyte.unit})")
    hints = []
    for code in slip_units(analyte, x, unit):
        outcome = judge(parse_ucum(code), x) if judge is not None else None
        hints.append(f"{fmt(x)} {code} would be {OUTCOME_WORDS.get(outcome or '', 'plausible')}")
    if hints:
        text += "; " + " or ".join(hints) + ": check the unit"
    return text
