"""Two checks on a measurement's unit before its value is read.

A phenopacket unit carries a UCUM id and a printed label; when they name different units
("UCUM:mg/dL" labelled "mmol/L") the value is read in the id and the reader must be told,
as the label is what a clinician sees. UCUM's equivalent is 1 mol, true only for a
monovalent ion: the interpreter asks :func:`in_equivalents` before reading one.

Every ratio is dimensionless to UCUM, so "%" converts to "mmol/mol" by a factor of 10 -
but an HbA1c in % is the NGSP (DCCT) scale and in mmol/mol the IFCC one, related by the
master equation, not by a unit factor; a mass ratio (mg/mg) is not a substance ratio
(mmol/mmol) either. :func:`foreign_ratio` tells the reader not to convert between
ratios of different kinds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from osteodx.labs.units import Unit, UnitError, convert, convertible, parse_ucum, parse_unit

__all__ = ["equivalents_refused", "foreign_ratio", "label_clash", "in_equivalents",
           "ratio_kind"]


def label_clash(raw: Any, given: Unit) -> str | None:
    """A unit whose UCUM id and printed label are different units ("UCUM:mg/dL" labelled
    "mmol/L"): the id is what the value is read in, and the reader must know."""
    if not isinstance(raw, Mapping) or not str(raw.get("id", "")).startswith("UCUM:"):
        return None
    label = str(raw.get("label") or "").strip()
    if not label:
        return None
    try:
        printed = parse_unit(label)
    except UnitError:
        return None  # a label that is no unit at all ("per litre") says nothing against it
    if _unit_like(printed) and _unit_like(given):
        return None  # "mU/L" printed for m[IU]/L: the usual writing of a hormone's units
    if printed.assay_atoms and printed.assay_atoms == given.assay_atoms:
        return None  # "[ka'U]" labelled "KA units": one assay's unit, judged by its catalogue entry
    try:
        if abs(convert(1.0, printed, given) - 1.0) < 1e-9:
            return None
    except UnitError:
        pass  # not even of one kind (mass and substance): different units
    return (f"unit id {raw['id']} and label {label!r} are different units; the value is "
            f"read in {given.code} (the id)")


def _unit_like(unit: Unit) -> bool:
    return any(atom in ("U", "[IU]", "[iU]") for _, atom, _ in unit.terms)


def in_equivalents(unit: Unit) -> bool:
    return any(atom == "eq" for _, atom, _ in unit.terms)


def equivalents_refused(display: str, unit: str) -> str:
    """The one warning for a value in equivalents of an ion that is not monovalent
    (8 mEq/L of calcium is 4 mmol/L, not 8): the text reader and the interpreter say
    the same, so a report diagnosed directly says it once."""
    return (f"{display}: {unit} is read only for a monovalent ion (sodium, potassium, "
            "chloride, bicarbonate); give this one in mmol/L or a mass unit; not interpreted")


def ratio_kind(unit: Unit) -> str | None:
    """The kind of a dimensionless unit: "fraction" for % and 1, the annotation for
    {INR} or {pH}, else its atoms ("g/g", "mol/mol", "L/L"); None when not a ratio."""
    if not convertible(unit, "1"):
        return None
    atoms = sorted((atom, 1 if exp > 0 else -1) for _, atom, exp in unit.terms)
    if not atoms:
        code = unit.code or ""
        return code if code.startswith("{") else "fraction"
    if atoms == [("%", 1)]:
        return "fraction"
    return " ".join(f"{a}{e:+d}" for a, e in atoms)


def foreign_ratio(unit_codes: tuple[str, ...], unit: Unit) -> bool:
    """Is *unit* a ratio of another kind than the analyte's (*unit_codes*: its unit
    and alternatives)? A unit the analyte lists is never foreign."""
    if unit.code in unit_codes:
        return False
    kinds = {ratio_kind(parse_ucum(c)) for c in unit_codes}
    given = ratio_kind(unit)
    return given is not None and None not in kinds and given not in kinds
