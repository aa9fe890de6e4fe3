"""The codes osteodx writes into a phenopacket ``Measurement``, and how they read back.

The Phenopacket v2 schema asks of a quantity a ``unit`` and of its ``referenceRange``
a ``unit``, a ``low`` and a ``high``, and every ontology class (a unit, an assay, an
ordinal value) has an ``id`` and a ``label``. A case report does not always give that:
"CRP 3 mg/L (<5)" prints one limit, "Hb 138" no unit, "leptin 0.4 ng/mL (low)" a word,
and some analytes have no LOINC code. So that what ``osteodx extract`` writes is
complete for other readers and faithful to the text, and ``osteodx diagnose`` reads
back from it exactly what it reads from the text itself:

* an ordinal word is the NCIT class the schema's documentation recommends for ordinal
  values (Elevated NCIT:C25493, Reduced NCIT:C25640, Abnormal NCIT:C25401); "normal"
  stays the LOINC answer LA6626-1;
* a unit is a UCUM class; one not written, or written but not UCUM, is a class of
  osteodx's own (:data:`NO_UNIT`, or :data:`UNIT_AS_PRINTED` labelled as printed);
* an analyte the catalogue has no LOINC code for is ``osteodx:lab/<catalogue key>``;
* a range is written only when both limits are printed ("0 to 14" writes its 0). A
  one-sided limit is not a range - writing the missing limit would invent it - so it
  is said in the description, ``One-sided reference limit as printed: upper 5.0 mg/L
  (unit UCUM:mg/L).``, and :func:`read_back` turns it into the one-sided range the
  interpreter reads (a missing ``low`` is 0, a missing ``high`` no upper limit);
* a censored value ("CRP <10 mg/L") has no comparator field in a ``Quantity``: its bound
  is the ``value`` and the description says ``Value as printed: <10.0 (censored: only
  the bound is known).``, which :func:`read_back` turns into the quantity's
  ``comparator`` (a key osteodx alone reads), so that :mod:`osteodx.labs.censored`
  judges it only where the bound decides.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["NO_UNIT", "UNIT_AS_PRINTED", "QUALITATIVE_CLASSES", "QUALITATIVE_CODES",
           "QUALITATIVE_LABELS", "assay_class", "censored_value", "unit_class",
           "one_sided_limit", "read_back", "resources_for"]

#: Qualitative values osteodx writes ("high" -> NCIT Elevated, as the schema suggests).
QUALITATIVE_CLASSES: dict[str, dict[str, str]] = {
    "normal": {"id": "LOINC:LA6626-1", "label": "Normal"},
    "high": {"id": "NCIT:C25493", "label": "Elevated"},
    "low": {"id": "NCIT:C25640", "label": "Reduced"},
    "abnormal": {"id": "NCIT:C25401", "label": "Abnormal"},
}
#: Answer codes whose meaning is certain (the label is used otherwise).
QUALITATIVE_CODES: dict[str, str] = {"LOINC:LA6626-1": "N", "NCIT:C14165": "N",
                                     "NCIT:C25493": "H", "NCIT:C25640": "L",
                                     "NCIT:C25401": "A"}
#: Qualitative labels (as :func:`osteodx.labs.catalogue.name_key`) -> outcome; "P" = positive.
QUALITATIVE_LABELS: dict[str, str] = {
    **dict.fromkeys(["normal", "withinnormallimits", "withinnormalrange", "wnl", "negative",
                     "neg"], "N"),
    **dict.fromkeys(["high", "elevated", "increased", "abovenormal"], "H"),
    **dict.fromkeys(["low", "decreased", "reduced", "belownormal"], "L"),
    **dict.fromkeys(["abnormal", "outsidenormallimits"], "A"),
    **dict.fromkeys(["positive", "pos"], "P"),
}

#: the unit of a value the text wrote without one ("Hb 138" when no unit is plausible)
NO_UNIT: dict[str, str] = {"id": "osteodx:unit-not-written", "label": "no unit written"}
#: the id of a unit printed in a form UCUM cannot read; its label is the unit as printed
UNIT_AS_PRINTED = "osteodx:unit-as-printed"
_LOCAL_ASSAY = "osteodx:lab/"

_LIMIT = "One-sided reference limit as printed:"
_LIMIT_READ = re.compile(re.escape(_LIMIT) + r" (upper|lower) ([-+0-9.eE]+) "
                         r"(?:\(no unit written\)|(.+?) \(unit (\S+?)\))\.")

_CENSORED = "Value as printed:"
_CENSORED_READ = re.compile(re.escape(_CENSORED) + r" (<=|>=|≤|≥|<|>)[-+0-9.eE]+ \(censored")

#: the resources of the prefixes osteodx writes besides HP, LOINC and UCUM (always
#: declared); a field with nothing known is left out rather than written empty (every
#: field of a v2 Resource is optional to the schema), and osteodx's own codes carry
#: the package version that defines them (filled in by :func:`resources_for`)
_RESOURCES = {
    "NCIT:": {"id": "ncit", "name": "NCI Thesaurus", "namespacePrefix": "NCIT",
              "url": "http://purl.obolibrary.org/obo/ncit.owl",
              "iriPrefix": "http://purl.obolibrary.org/obo/NCIT_"},
    "osteodx:": {"id": "osteodx", "name": "osteodx local codes (family history, units not "
                 "written or not UCUM, lab assays without a LOINC code)",
                 "namespacePrefix": "osteodx"},  # no web address: no url nor iriPrefix
}


def unit_class(code: str | None, label: str | None) -> dict[str, str]:
    """The ontology class of a unit: UCUM when it has a code, else osteodx's own."""
    if code:
        return {"id": f"UCUM:{code}", "label": label or code}
    if label:
        return {"id": UNIT_AS_PRINTED, "label": label}
    return dict(NO_UNIT)


def assay_class(loinc: str | None, key: str, label: str) -> dict[str, str]:
    """The assay: its LOINC code, or the catalogue's key for one that has none."""
    return {"id": loinc or f"{_LOCAL_ASSAY}{key}", "label": label}


def one_sided_limit(low: float | None, high: float | None,
                    unit: Mapping[str, str]) -> str:
    """The sentence saying a one-sided limit in a description (:func:`read_back` reads it)."""
    side, value = ("upper", high) if low is None else ("lower", low)
    where = "(no unit written)" if unit.get("id") == NO_UNIT["id"] else \
        f"{unit.get('label') or unit.get('id')} (unit {unit.get('id')})"
    return f"{_LIMIT} {side} {float(value or 0.0)!r} {where}."


def censored_value(comparator: str, value: float) -> str:
    """The sentence saying a censored value in a description (:func:`read_back` reads it)."""
    return f"{_CENSORED} {comparator}{float(value)!r} (censored: only the bound is known)."


def read_back(m: Mapping[str, Any]) -> Mapping[str, Any]:
    """*m* in the forms the interpreter reads: osteodx's own unit classes undone (no
    unit, or the unit as printed), a local assay named by its label, a one-sided
    limit said in the description as a range with that one limit, and a censored
    value's comparator as the quantity's ``comparator``. Measurements without
    these come back unchanged (the same object)."""
    out = dict(m)
    assay = m.get("assay")
    if isinstance(assay, Mapping) and str(assay.get("id", "")).startswith(_LOCAL_ASSAY):
        out["assay"] = {"label": _local_label(str(assay["id"]), str(assay.get("label", "")))}
    value = m.get("value")
    q = value.get("quantity") if isinstance(value, Mapping) else None
    if isinstance(q, Mapping):
        q = dict(q)
        _undo_unit(q)
        censored = _CENSORED_READ.search(str(m.get("description", "")))
        if censored and "comparator" not in q:
            q["comparator"] = censored.group(1)
        rr = q.get("referenceRange") or q.get("reference_range")
        if isinstance(rr, Mapping):
            rr = dict(rr)
            _undo_unit(rr)
            q["referenceRange" if "referenceRange" in q else "reference_range"] = rr
        elif not rr:
            limit = _LIMIT_READ.search(str(m.get("description", "")))
            if limit:
                q["referenceRange"] = _limit_range(limit)
        out["value"] = {**value, "quantity": q}  # type: ignore[dict-item]
    return out if out != m else m


def _undo_unit(holder: dict[str, Any]) -> None:
    unit = holder.get("unit")
    if not isinstance(unit, Mapping):
        return
    if unit.get("id") == NO_UNIT["id"]:
        del holder["unit"]
    elif unit.get("id") == UNIT_AS_PRINTED:
        holder["unit"] = {"label": unit.get("label", "")}


def _limit_range(limit: re.Match[str]) -> dict[str, Any]:
    rr: dict[str, Any] = {"high" if limit.group(1) == "upper" else "low": float(limit.group(2))}
    if limit.group(4):
        rr["unit"] = {"id": limit.group(4), "label": limit.group(3)}
        _undo_unit(rr)
    return rr


def _local_label(assay_id: str, label: str) -> str:
    """The catalogue's name for a local assay id (the written label when it has none)."""
    from osteodx.labs.catalogue import load_catalogue

    key = assay_id[len(_LOCAL_ASSAY):]
    cat = load_catalogue()
    found = next((a.display for a in cat.analytes if a.key == key), None) or \
        next((p.label for p in cat.panels if p.key == key), None)
    return found or label


def resources_for(data: Any) -> list[dict[str, str]]:
    """``metaData.resources`` for the NCIT and osteodx ids used anywhere in *data* (the
    measurements, or a whole phenopacket with its ``externalReferences``), so that every
    prefix written is declared."""
    from osteodx import __version__

    ids = set(_ids(data))
    out = [dict(r) for prefix, r in _RESOURCES.items() if any(i.startswith(prefix)
                                                               for i in ids)]
    for r in out:
        if r["id"] == "osteodx":
            r["version"] = __version__
    return out


def _ids(data: Any) -> list[str]:
    if isinstance(data, Mapping):
        own = [str(data["id"])] if isinstance(data.get("id"), str) else []
        return own + [i for v in data.values() for i in _ids(v)]
    if isinstance(data, list):
        return [i for v in data for i in _ids(v)]
    return []
