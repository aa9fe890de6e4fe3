"""A measurement given as a ``complexValue``: each typed quantity read as a reading of its own.

Phenopacket v2 gives a blood-pressure panel (LOINC 35094-2, 85354-9) as one ``Measurement``
whose ``complexValue.typedQuantities`` hold the systolic and the diastolic pressure, each
with a ``type`` (NCIT C25298 / C25299, or LOINC 8480-6 / 8462-4) and a ``quantity``.
:func:`split_complex` turns each typed quantity into the plain measurement it stands for
(LOINC 8480-6 or 8462-4 with that quantity), so that the interpreter judges it exactly as a
separately given systolic or diastolic measurement (:mod:`osteodx.labs.vitals`). A type is
recognised by its NCIT, LOINC or SNOMED CT id, else by its label ("Systolic blood
pressure", "SBP"); any other LOINC type is read as that assay (a heart rate in a
vital-signs panel). What cannot be read - an unknown type, a missing quantity or value, a
non-finite number, a complexValue of the wrong shape - is named in a warning with its field,
never dropped.

>>> parts, warnings = split_complex({"complexValue": {"typedQuantities": [
...     {"type": {"id": "NCIT:C25298", "label": "Systolic Blood Pressure"},
...      "quantity": {"unit": {"id": "UCUM:mm[Hg]"}, "value": 150}}]}})
>>> [(field, m["assay"]["id"]) for field, m in parts], warnings
([('complexValue.typedQuantities[0]', 'LOINC:8480-6')], [])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from osteodx.labs.finite import non_finite_quantity
from osteodx.labs.models import name_key

__all__ = ["TYPE_IDS", "TYPE_LABELS", "complex_value", "split_complex"]

_SYSTOLIC, _DIASTOLIC = "LOINC:8480-6", "LOINC:8462-4"
_KIND = {_SYSTOLIC: "systolic blood pressure", _DIASTOLIC: "diastolic blood pressure"}

#: typed-quantity type ids -> the assay the quantity is read as
TYPE_IDS: dict[str, str] = {
    "NCIT:C25298": _SYSTOLIC, "NCIT:C25299": _DIASTOLIC,  # NCI Thesaurus
    "LOINC:8480-6": _SYSTOLIC, "LOINC:8462-4": _DIASTOLIC,
    "SNOMEDCT:271649006": _SYSTOLIC, "SNOMEDCT:271650006": _DIASTOLIC,
}
_PREFIXES = {"NCIT": "NCIT", "LOINC": "LOINC", "SNOMED": "SNOMEDCT", "SNOMEDCT": "SNOMEDCT",
             "SCTID": "SNOMEDCT", "SCT": "SNOMEDCT"}
#: type labels (as :func:`~osteodx.labs.models.name_key`) -> assay, when the id says nothing
TYPE_LABELS: dict[str, str] = {
    name_key(f"{words}".replace("*", kind)): assay
    for kind, short, assay in (("systolic", "sbp", _SYSTOLIC), ("diastolic", "dbp", _DIASTOLIC))
    for words in ("* blood pressure", "*", "* pressure", "* arterial pressure",
                  "* arterial blood pressure", "BP *", "blood pressure *", "* BP",
                  "intravascular *", short)
}


def complex_value(m: Mapping[str, Any]) -> Any:
    """The measurement's complexValue (camelCase or snake_case), or None."""
    return m.get("complexValue", m.get("complex_value"))


def _assay_id(raw: str) -> str:
    """An id with its prefix as the tables write it: 'ncit:C25298' -> 'NCIT:C25298'."""
    prefix, sep, local = raw.strip().partition(":")
    return f"{_PREFIXES.get(prefix.upper(), prefix.upper())}:{local.strip()}" if sep else raw


def _read_type(kind: Mapping[str, Any], warn: Any) -> str | None:
    """The assay a typed quantity's type stands for; None (with a warning) for none."""
    raw, label = str(kind.get("id") or ""), str(kind.get("label") or "")
    by_id = TYPE_IDS.get(_assay_id(raw)) if raw else None
    by_label = TYPE_LABELS.get(name_key(label)) if label else None
    if by_id is not None:
        if by_label is not None and by_label != by_id:
            warn(f"type {raw} is {_KIND[by_id]} but its label {label!r} says "
                 f"{_KIND[by_label].split()[0]}; read by the id")
        return by_id
    if by_label is not None:
        if raw:
            warn(f"type {raw} is not a known id; read as {_KIND[by_label]} by its label "
                 f"{label!r}")
        return by_label
    if _assay_id(raw).startswith("LOINC:"):
        return _assay_id(raw)  # any assay the interpreter knows (or says it does not)
    shown = f"{raw} ({label})" if raw and label else raw or repr(label)
    warn(f"type {shown} is not a reading osteodx reads (systolic or diastolic blood pressure, "
         f"by NCIT or LOINC id or by label, or a LOINC assay); not used")
    return None


def split_complex(m: Mapping[str, Any]) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    """The measurements a complexValue holds, as (field, measurement) pairs, and the
    warnings about what it holds that cannot be read, each starting with its field
    (``complexValue.typedQuantities[1]``) for the caller to prefix with the measurement's."""
    cv = complex_value(m)
    if not isinstance(cv, Mapping):
        return [], ["complexValue: not a complex value (typedQuantities); not interpreted"]
    items = cv.get("typedQuantities", cv.get("typed_quantities"))
    if items is not None and not isinstance(items, list):
        return [], ["complexValue.typedQuantities: not a list of typed quantities; not "
                    "interpreted"]
    if not items:
        return [], ["complexValue: no typed quantities; not interpreted"]
    parts: list[tuple[str, dict[str, Any]]] = []
    warnings: list[str] = []
    shared = {k: m[k] for k in ("timeObserved", "time_observed", "description") if k in m}
    for j, tq in enumerate(items):
        field = f"complexValue.typedQuantities[{j}]"
        part = _one(tq, field, warnings)
        if part is not None:
            parts.append((field, {**shared, **part}))
    return parts, warnings


def _one(tq: Any, field: str, warnings: list[str]) -> dict[str, Any] | None:
    """One typed quantity as a plain measurement, or None with a warning saying why not."""
    if not isinstance(tq, Mapping):
        warnings.append(f"{field}: not a typed quantity; not used")
        return None
    kind = tq.get("type")
    if not isinstance(kind, Mapping) or not (kind.get("id") or kind.get("label")):
        warnings.append(f"{field}: no type; not used")
        return None
    label = str(kind.get("label") or "")
    named = f"{field} ({label})" if label else field
    assay = _read_type(kind, lambda w: warnings.append(f"{field}: {w}"))
    if assay is None:
        return None
    quantity = tq.get("quantity")
    if not isinstance(quantity, Mapping) or not quantity:
        warnings.append(f"{named}: no quantity; not used")
        return None
    if quantity.get("value") is None:
        warnings.append(f"{named}: quantity has no value (a value of 0 is left out by "
                        f"protobuf); not used")
        return None
    try:
        float(quantity["value"])
    except (TypeError, ValueError):  # a hand-built dict; protobuf's JSON has only numbers
        warnings.append(f"{named}: quantity.value = {quantity['value']!r} is not a number; "
                        f"not used")
        return None
    bad = non_finite_quantity(quantity)
    if bad is not None:
        warnings.append(f"{named}: quantity.{bad[0]} = {bad[1]!r} is not a finite number; "
                        f"not used")
        return None
    return {"assay": {"id": assay, "label": label or _KIND.get(assay, assay)},
            "value": {"quantity": dict(quantity)}}
