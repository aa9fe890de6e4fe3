"""What a phenopacket says that osteodx does not use, said rather than dropped.

Modifiers ("Bilateral", "Severe"), a severity or a resolution, findings and measurements
recorded on biosamples, the vital status, a karyotypic sex, dates: each is information a
clinician gave. osteodx scores none of them, and a reader of its output must know that
they were seen and set aside, not lost. A feature's label that is neither its term's label
nor one of its synonyms is named too: the id is what is scored, and a wrong label usually
means a wrong id.
"""

from __future__ import annotations

import re
from typing import Any

from osteodx.ontology.graph import Ontology

__all__ = ["unused_field_warnings", "label_warning", "other_message_kind"]

_FEATURE_FIELDS = ("modifiers", "severity", "resolution")


def _names(items: Any) -> str:
    if isinstance(items, dict):
        items = [items]
    return ", ".join(str(x.get("label") or x.get("id")) for x in items if isinstance(x, dict))


def unused_field_warnings(doc: dict[str, Any]) -> list[str]:
    """One warning per field a phenopacket fills and the ranking does not read."""
    out: list[str] = []
    for i, feat in enumerate(doc.get("phenotypicFeatures", []) or []):
        if not isinstance(feat, dict):
            continue
        got = [f"{k} ({_names(feat[k])})" for k in _FEATURE_FIELDS if feat.get(k)]
        if got:
            out.append(f"phenotypicFeatures[{i}]: {' and '.join(got)} not used in scoring")
        onset = feat.get("onset") or {}
        for kind in ("timestamp", "interval"):
            if isinstance(onset, dict) and kind in onset:
                out.append(f"phenotypicFeatures[{i}].onset: a {kind} is not read as an age; "
                           "the finding has no onset")
    for i, bio in enumerate(doc.get("biosamples", []) or []):
        if not isinstance(bio, dict):
            continue
        for k in ("phenotypicFeatures", "measurements"):
            if bio.get(k):
                out.append(f"biosamples[{i}].{k}: {len(bio[k])} not read (only the "
                           f"phenopacket's own {k} are)")
    subject = doc.get("subject", {}) or {}
    status = (subject.get("vitalStatus") or {}).get("status")
    if status and status != "ALIVE":
        out.append(f"subject.vitalStatus: {status} is not used (give the age at death as "
                   "timeAtLastEncounter)")
    karyo, sex = subject.get("karyotypicSex"), subject.get("sex")
    expected = {"XX": "FEMALE", "XY": "MALE"}.get(karyo or "")
    if karyo and expected and sex not in (None, "UNKNOWN_SEX", expected):
        out.append(f"subject.karyotypicSex {karyo} and sex {sex} differ; sex {sex} is used")
    elif karyo and not sex and expected:
        out.append(f"subject.karyotypicSex {karyo} is not used; give subject.sex "
                   f"({expected}) for sex-specific annotations")
    tale = subject.get("timeAtLastEncounter") or {}
    if isinstance(tale, dict) and "timestamp" in tale:
        out.append("subject.timeAtLastEncounter: a timestamp is not read as an age"
                   + (" (dateOfBirth is given, but ages are not computed from dates)"
                      if subject.get("dateOfBirth") else ""))
    return out


def label_warning(feat: dict[str, Any], hpo_id: str, ontology: Ontology,
                  field: str) -> str | None:
    """A warning when the label written beside *hpo_id* is not one of its names."""
    given = ((feat.get("type") or {}).get("label") or "").strip().lower()
    if not given or given == ontology.label(hpo_id).lower():
        return None
    words = _words(given)
    names = [ontology.label(hpo_id), *(text for text, _ in
                                       ontology.synonyms[ontology.index[hpo_id]])]
    # a label of another release ("Severe intellectual disability") shares its words with
    # a name of the term; one that shares none names something else
    if not words or any(words & _words(name) for name in names):
        return None
    return (f"{field}: label {feat['type']['label']!r} shares no word with any name of "
            f"{hpo_id} ({ontology.label(hpo_id)}); the id is what is scored - check it")


_STOP = frozenset("of the a an and or in on with to by for at from abnormal abnormality "
                  "increased decreased".split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def other_message_kind(data: dict[str, Any]) -> str | None:
    """Why a document is not a Phenopacket v2, when it is another GA4GH message."""
    if "proband" in data:
        return ("a GA4GH Family, not a Phenopacket: give its proband (the 'proband' "
                "phenopacket) as a file of its own")
    if "members" in data:
        return "a GA4GH Cohort, not a Phenopacket: give each member as a file of its own"
    meta = data.get("metaData")  # the wrong types are the schema check's to name
    version = str(meta.get("phenopacketSchemaVersion", "")) if isinstance(meta, dict) else ""
    features = data.get("phenotypicFeatures")
    v1_fields = [k for k in ("genes", "variants", "hts_files", "htsFiles") if k in data]
    v1_fields += [f"phenotypicFeatures[{i}].{k}"
                  for i, f in enumerate(features if isinstance(features, list) else [])
                  if isinstance(f, dict) for k in ("negated", "ageOfOnset", "classOfOnset")
                  if k in f]
    if version.startswith("1") or v1_fields:
        return ("a Phenopacket v1 document ("
                + (f"phenopacketSchemaVersion {version}" if version.startswith("1") else
                   f"v1 field {v1_fields[0]}")
                + "): osteodx reads v2; convert it (negated -> excluded, ageOfOnset -> onset)")
    return None
