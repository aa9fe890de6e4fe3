"""Read GA4GH Phenopacket v2 (JSON or YAML) into a :class:`Case`.

The document is validated against the schema with the ``phenopackets``
protobuf classes, then normalised back to a dict so that camelCase and
snake_case inputs read alike. ``diseases``, ``interpretations``, genes and
variants are never copied into the Case.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from google.protobuf import json_format
from phenopackets import Phenopacket

from osteodx.case.age import MAX_AGE_YEARS, span_text, time_element_years, years_text
from osteodx.case.documents import load_document
from osteodx.case.inputs import read_text_file
from osteodx.case.model import Case, Finding
from osteodx.case.schema import first_line, schema_problem
from osteodx.case.stream import several_documents
from osteodx.case.unused import label_warning, other_message_kind, unused_field_warnings
from osteodx.errors import InputError
from osteodx.kb.knowledge_base import INHERITANCE_FLAGS
from osteodx.ontology.graph import PHENOTYPIC_ABNORMALITY, ROOT, Ontology

__all__ = ["parse_document", "validated_phenopacket", "case_from_phenopacket", "read_case",
           "not_a_phenotype"]


def parse_document(text: str, source: str, *,
                   offset: tuple[int, int] | None = None) -> dict[str, Any]:
    """Parse JSON or YAML *text* into a validated phenopacket dict.

    Every rejection is one line naming the field in the document's own terms
    (:mod:`osteodx.case.schema`), never protobuf's message types. *offset* places a
    document cut from a stream (:mod:`osteodx.case.stream`) for the lines errors name;
    a part of a stream that is no object (a stray line) is named by its line too, so
    that it can be found among the others.
    """
    stripped = text.lstrip()
    if not stripped:
        raise InputError("file is empty", source=source)
    as_yaml = source.endswith((".yaml", ".yml")) or not stripped.startswith(("{", "["))
    data = load_document(text, source, as_yaml=as_yaml, offset=offset or (0, 0))
    several = several_documents(text, source) if isinstance(data, list) and offset is None \
        else None
    if several:
        raise InputError(several, source=source)
    if not isinstance(data, dict):
        kind = {type(None): "nothing (null)", bool: "true/false", int: "a number",
                float: "a number", str: "a text", list: "a list"}.get(type(data),
                                                                      type(data).__name__)
        if data == []:
            kind += " (empty: no phenopacket)"
        if isinstance(data, str):
            kind += f" ({_preview(data)})"
        if offset is not None:
            kind += f" (line {offset[0] + text[:len(text) - len(stripped)].count(chr(10)) + 1})"
        raise InputError(f"expected one phenopacket object, found {kind}", source=source)
    return validated_phenopacket(data, source)


def validated_phenopacket(data: dict[str, Any], source: str) -> dict[str, Any]:
    """*data* checked against the Phenopacket v2 schema and normalised (camelCase keys,
    defaults left out), or an :class:`InputError` naming the field; what every reader
    of phenopackets, the benchmark's corpus included, hands to :func:`case_from_phenopacket`.
    """
    other = other_message_kind(data)
    if other:
        raise InputError(f"this is {other}", source=source)
    try:
        message = json_format.ParseDict(data, Phenopacket(), ignore_unknown_fields=False)
    except json_format.ParseError as exc:
        problem = schema_problem(data, Phenopacket.DESCRIPTOR)  # mends YAML-typed scalars
        if problem is not None:
            field, why = problem
            raise InputError(why, source=source, field=field) from None
        try:
            message = json_format.ParseDict(data, Phenopacket(), ignore_unknown_fields=False)
        except json_format.ParseError:
            raise InputError(f"not a valid Phenopacket v2: {first_line(exc)}",
                             source=source) from None
    return json_format.MessageToDict(message)


def _preview(text: str, width: int = 40) -> str:
    """*text* quoted on one line, cut to *width* characters."""
    one = " ".join(text.split())
    return '"' + (one if len(one) <= width else one[:width - 1] + "…") + '"'


def case_from_phenopacket(doc: dict[str, Any], ontology: Ontology, source: str,
                          *, strict: bool = True, check_labels: bool = True) -> Case:
    """Build a Case from a validated phenopacket dict.

    Alternative and obsolete ids are mapped with a warning. Malformed, unknown
    or replacement-less obsolete ids raise :class:`InputError` when *strict*;
    otherwise they are reported in ``Case.warnings`` and left out. With
    *check_labels*, a feature label naming something else than its id is warned about
    (this may read the HPO synonyms, ~0.07 s once per process: benchmarks, whose
    warnings nobody reads, switch it off).
    """
    case = Case(case_id=doc.get("id", "") or Path(source).stem, source=source)

    def onset_ancestors(hpo_id: str) -> list[str]:
        if hpo_id not in ontology:
            return []
        return [ontology.ids[a] for a in ontology.ancestors(ontology.index[hpo_id]).tolist()]

    subject = doc.get("subject", {})
    case.sex = subject.get("sex", "UNKNOWN_SEX")
    tale = subject.get("timeAtLastEncounter")
    if tale:
        rng = _time(tale, onset_ancestors, source, "subject.timeAtLastEncounter")
        case.age_years = rng[1] if rng else None
        if rng and rng[1] - rng[0] > 1.0:  # a range ("Adult onset", P10Y-P20Y): the youngest
            case.age_years, case.age_upper_years = rng[0], rng[1]  # age is the one sure
            case.warnings.append(
                f"subject.timeAtLastEncounter gives a range ({rng[0]:g}-{rng[1]:g} y): the "
                f"patient is taken as {rng[0]:g} y for survival, growth and vital signs, and "
                f"as up to {rng[1]:g} y for diseases' ages of onset")
        _warn_ageless(case, tale, rng, "subject.timeAtLastEncounter")
    seen: dict[tuple[str, str], int] = {}
    for i, feat in enumerate(doc.get("phenotypicFeatures", [])):
        field = f"phenotypicFeatures[{i}].type.id"
        raw = feat.get("type", {}).get("id", "")
        res = ontology.resolve(raw)
        if res.hpo_id is None:
            if strict:
                why = (res.message or "unusable id").replace("; finding not used", "")
                why = why.replace(repr(raw), "it", 1)  # named once, as the field's value
                raise InputError(f"{why} (--lenient skips such a finding with a warning)",
                                 source=source, field=field, value=raw)
            case.warnings.append(f"{field}: {res.message}")
            continue
        if res.message:
            case.warnings.append(f"{field}: {res.message}")
        unusable = not_a_phenotype(ontology, res.hpo_id)
        if unusable:
            case.warnings.append(f"{field}: {res.hpo_id} {ontology.label(res.hpo_id)} "
                                 f"{unusable}; not used as a finding")
            continue
        mismatch = label_warning(feat, res.hpo_id, ontology, field) \
            if check_labels and not res.message else None
        if mismatch:
            case.warnings.append(mismatch)
        status = "excluded" if feat.get("excluded") else "observed"
        onset = None
        if "onset" in feat:
            onset = _time(feat["onset"], onset_ancestors, source,
                          f"phenotypicFeatures[{i}].onset")
            _warn_ageless(case, feat["onset"], onset, f"phenotypicFeatures[{i}].onset")
        key = (res.hpo_id, status)
        if key in seen:
            case.warnings.append(f"{field}: {res.hpo_id} listed twice; counted once")
            continue
        seen[key] = i
        case.findings.append(Finding(
            hpo_id=res.hpo_id, label=ontology.label(res.hpo_id), status=status,  # type: ignore[arg-type]
            source=f"phenotypicFeatures[{i}]", onset_years=onset,
            original_id=raw if raw != res.hpo_id else None,
            note=feat.get("description", "")))
    both = {h for h, s in seen if s == "observed"} & {h for h, s in seen if s == "excluded"}
    for hid in sorted(both):
        case.warnings.append(
            f"phenotypicFeatures[{seen[(hid, 'observed')]}] and "
            f"[{seen[(hid, 'excluded')]}]: {hid} {ontology.label(hid)} is both observed and "
            "excluded; both statuses are kept and scored as given (check which is meant)")
    _warn_late_onsets(case)
    case.warnings.extend(unused_field_warnings(doc))
    case.measurements = list(doc.get("measurements", []))
    case.family = _family_history(doc)
    for item in [f for f in case.family if f.get("mode")]:
        mode = item["mode"]
        if MODE_OF_INHERITANCE in ontology and not ontology.is_a(mode, MODE_OF_INHERITANCE):
            why = "is not a mode of inheritance"
        elif mode not in INHERITANCE_FLAGS:
            why = f"({ontology.label(mode)}) is a mode the engine does not weigh"
        else:
            continue
        case.warnings.append(f"metaData.externalReferences: stated inheritance {mode} {why}; "
                             "not used")
        case.family.remove(item)
    return case


_FAMILY_REF = "osteodx:family-history"
MODE_OF_INHERITANCE = "HP:0000005"
_STATED_MODE = re.compile(r"(HP:\d{7}) ([^(]*?)(?: \(|$)")


def _family_history(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Family statements osteodx records in ``metaData.externalReferences``
    (Phenopacket v2 has no field for a proband's family history)."""
    out = []
    for ref in doc.get("metaData", {}).get("externalReferences", []):
        if ref.get("id") != _FAMILY_REF:
            continue
        relation, _, rest = ref.get("description", "").partition(": ")
        mode = _STATED_MODE.match(rest) if relation == "inheritance" else None
        if mode:  # "inheritance: HP:0000006 Autosomal dominant inheritance (text[...])"
            out.append({"relation": relation, "affected": None, "mode": mode.group(1),
                        "note": mode.group(2), "source": rest})
            continue
        state = rest.split(" ", 1)[0]
        affected = {"affected": True, "unaffected": False}.get(state)
        item: dict[str, Any] = {"relation": relation, "affected": affected, "source": rest}
        note = re.match(r"\w+ \(((?:not |possibly )?consanguineous)\)", rest)
        if note:  # "parents: unknown (consanguineous) (text[...])"
            item["consanguineous"] = {"consanguineous": True,
                                      "not consanguineous": False}.get(note.group(1))
        out.append(item)
    return out


def not_a_phenotype(ontology: Ontology, hpo_id: str) -> str | None:
    """Why *hpo_id* cannot be a phenotypic feature, or None when it can.

    A mode of inheritance, an onset, a frequency or another clinical modifier
    describes a disease, not the patient, and the two roots say nothing; scoring
    them would add noise without evidence, so they are reported instead.
    """
    memo = ontology.__dict__.setdefault("_why_not_a_phenotype", {})  # terms recur in a batch
    if hpo_id not in memo:
        memo[hpo_id] = _why_not_a_phenotype(ontology, hpo_id)
    return memo[hpo_id]


def _why_not_a_phenotype(ontology: Ontology, hpo_id: str) -> str | None:
    if PHENOTYPIC_ABNORMALITY not in ontology:  # a toy ontology without the branch
        return None
    if hpo_id in (ROOT, PHENOTYPIC_ABNORMALITY):
        return "is too general to inform a diagnosis"
    if ontology.is_a(hpo_id, PHENOTYPIC_ABNORMALITY):
        return None
    branch = [ontology.ids[int(a)] for a in ontology.parents(ontology.index[hpo_id])]
    top = hpo_id
    while branch and branch[0] != ROOT:  # climb to the sub-ontology below the root
        top = branch[0]
        branch = [ontology.ids[int(a)] for a in ontology.parents(ontology.index[top])]
    return f"belongs to {ontology.label(top)!r}, not to Phenotypic abnormality"


def read_case(path: str | Path, ontology: Ontology, *, text: str | None = None,
              strict: bool = True, allow_empty: bool = False,
              offset: tuple[int, int] | None = None) -> Case:
    """Read the phenopacket at *path* (or *text*, named by *path*, placed at *offset*
    in its stream: see :func:`parse_document`).

    A case without usable phenotypic features is an error unless *allow_empty*
    (its measurements may still yield findings).
    """
    source = str(path)
    if text is None:
        text = read_text_file(path)
    doc = parse_document(text, source, offset=offset)
    case = case_from_phenopacket(doc, ontology, source, strict=strict)
    if not case.findings and not (allow_empty and case.measurements):
        why = f": {'; '.join(case.warnings)}" if case.warnings else ""
        raise InputError("no usable phenotypic features (phenotypicFeatures is empty or every "
                         f"id was rejected){why}", source=source)
    return case


def _time(element: dict, ancestors: Any, source: str, field: str) -> tuple[float, float] | None:
    """The ages *element* states, or an :class:`InputError` naming *field* when they are
    malformed or above :data:`MAX_AGE_YEARS` (``P200Y`` is a typo, not a patient)."""
    age = element.get("age")
    shown = age.get("iso8601duration", "") if isinstance(age, dict) else element
    try:
        years = time_element_years(element, ancestors)
    except ValueError as exc:
        raise InputError(str(exc), source=source, field=field, value=shown) from None
    if years is not None and years[1] > MAX_AGE_YEARS:
        raise InputError(f"an age of {years_text(years[1])} is not plausible (more than "
                         f"{MAX_AGE_YEARS:g} years)", source=source, field=field,
                         value=shown)
    return years


def _warn_late_onsets(case: Case) -> None:
    """An onset after the age at last encounter is a contradiction in the case: said, and
    kept as given (which of the two ages is wrong cannot be told)."""
    if case.age_years is None:
        return
    for f in case.findings:
        if f.onset_years is not None and f.onset_years[0] > case.age_years + 1e-9:
            case.warnings.append(
                f"{f.source}: onset of {f.hpo_id} {f.label} at {span_text(f.onset_years)} is "
                f"later than the age at last encounter, {years_text(case.age_years)}; "
                "both kept as given (check them)")


def _warn_ageless(case: Case, element: dict, years: tuple[float, float] | None,
                  field: str) -> None:
    """Say so when an onset class gives no age: it is then not used, never silently."""
    if years is None and "ontologyClass" in element:
        term = element["ontologyClass"]
        case.warnings.append(f"{field}: {term.get('id', '')} {term.get('label', '')} "
                             "is not an onset class with an age; ignored".replace("  ", " "))
