"""Two checks on a measurement's unit before its value is read.

A phenopacket unit carries a UCUM id and a printed label; when they name different units
("UCUM:mg/dL" labelled "mmol/L") the value is read in the id and the reader must be told,
as the label is what a clinician sees. UCUM's equivalent is 1 mol, true only for a
monovalent ion: the interpreter asks :func:`in_equivalents` before reading one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from osteodx.labs.units import Unit, UnitError, convert, parse_unit

__all__ = ["label_clash", "in_equivalents"]


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
