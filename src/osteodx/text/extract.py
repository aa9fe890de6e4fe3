"""Case-report text -> Phenopacket v2 -> Case.

Concepts are recognised (:mod:`osteodx.text.concepts`), put in context
(negation, family members, statements about diseases in general), regions said to
be normal on imaging become excluded findings through the skeletal-site model, lab
statements become ``measurements`` (LOINC, UCUM, reference range), examinations said to
be normal ("EEG was normal") exclude what they look for, and age, sex and
duration become the subject and the feature onsets. Every finding keeps the text
span it came from.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from google.protobuf import json_format
from phenopackets import Phenopacket

from osteodx.case.inputs import read_text_file
from osteodx.case.model import Case
from osteodx.case.phenopacket import case_from_phenopacket
from osteodx.case.skeleton import normal_region_findings, sclerotic_region_finding
from osteodx.errors import InputError
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.labs.codes import resources_for
from osteodx.ontology.graph import PHENOTYPIC_ABNORMALITY
from osteodx.text.acuity import find_visual_acuity
from osteodx.text.anthropometry import find_growth_statements
from osteodx.text.context import analyse
from osteodx.text.demographics import extract_demographics, iso8601
from osteodx.text.dialogue import answered_questions, form_answers, question_at
from osteodx.text.examinations import find_normal_examinations
from osteodx.text.family_entries import family_entry
from osteodx.text.genetics import named_genes
from osteodx.text.inheritance import find_stated_inheritance
from osteodx.text.labs import extract_labs, to_measurement
from osteodx.text.milestones import find_milestones
from osteodx.text.narrator import parent_narrator, writers_own
from osteodx.text.nonfindings import hair_form, not_a_finding
from osteodx.text.onset_links import FindingOnsets
from osteodx.text.onset_sharing import share_onsets
from osteodx.text.power import find_power_grades
from osteodx.text.recurrence import RECURRENT_FRACTURES, counted_fracture, recurrent_form
from osteodx.text.regions import (
    find_family_statements,
    find_region_statements,
    region_group,
)
from osteodx.text.relatives import relative_sentences
from osteodx.text.sentences import blank_emphasis, blank_running_heads
from osteodx.text.spans import quote as _quote
from osteodx.text.spans import span_note as _span
from osteodx.text.stated_diagnosis import doubted_label, stated_diagnosis
from osteodx.text.suffixes import TEXT_SUFFIXES
from osteodx.text.vitals import find_vital_signs
from osteodx.text.vocabulary import recognizer_for

__all__ = ["Extraction", "extract_text", "read_text_case", "TEXT_SUFFIXES"]

_SCLEROSIS = re.compile(r"scleros|sclerotic|dens(?:e|ity)|opacit", re.IGNORECASE)


@dataclass(slots=True)
class Extraction:
    """The phenopacket written from a text, and the Case the engine reads."""

    phenopacket: dict[str, Any]
    case: Case
    family: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _onset_element(years: float) -> dict[str, Any]:
    """A feature's onset as a phenopacket TimeElement: an age, or HPO's Antenatal onset for a
    finding seen before birth (:data:`osteodx.text.onsets.PRENATAL`)."""
    if years < 0:
        return {"ontologyClass": {"id": "HP:0030674", "label": "Antenatal onset"}}
    return {"age": {"iso8601duration": iso8601(years)}}


#: Abnormal maternal serum screening (under Pregnancy history, not Phenotypic abnormality):
#: "a low maternal serum unconjugated oestriol" is the affected pregnancy's finding
_MATERNAL_SCREENING = "HP:0011436"


def extract_text(text: str, kb: KnowledgeBase, *, case_id: str,
                 source: str = "<text>") -> Extraction:
    """Read a case report; returns the validated phenopacket and the Case."""
    if not text.strip():
        raise InputError("the text is empty", source=source)
    # same length: every span still indexes the input
    text = blank_emphasis(blank_running_heads(text))
    onto = kb.ontology
    features: dict[tuple[str, bool], dict[str, Any]] = {}
    spans: dict[tuple[str, bool], str] = {}
    relatives = relative_sentences(text)
    all_labs = extract_labs(text)
    labs = [lab for lab in all_labs  # "her mother's calcium was ..." is not hers
            if not any(a <= lab.start < b for a, b in relatives)]
    lab_spans = [(lab.start, lab.end) for lab in labs]
    demo = extract_demographics(text)
    onsets = FindingOnsets(text, demo.age_years)
    found = analyse(text, recognizer_for(kb).find(text))
    spans_found = [(c.match.start, c.match.end) for c in found]
    onsets.finding_spans = spans_found
    by_span = [(c.match.start, c.match.end, c.match.hpo_id) for c in found]
    parent_account = parent_narrator(text)
    questions = answered_questions(text)  # a transcript's "Any fits?" / "Never."
    questions += form_answers(text)  # a form's "Fits:  [ ] Yes  [x] No"
    stated: list[str] = []
    doubted: list[str] = []
    for cm in found:
        m = cm.match
        if not cm.about_patient or not (onto.is_a(m.hpo_id, PHENOTYPIC_ABNORMALITY)
                                        or onto.is_a(m.hpo_id, _MATERNAL_SCREENING)):
            continue  # (a prenatal screen's result is the pregnancy's, told as the child's)
        if any(a <= m.start and m.end <= b for a, b in lab_spans):
            continue  # a lab statement: read as a measurement instead
        if parent_account and writers_own(text, cm.sentence[0], m.start):
            continue  # a parent's account: "I had diabetes in the pregnancy" is the writer's
        m = m._replace(hpo_id=hair_form(text, m.start, m.hpo_id))  # "hair ... hypopigmented"
        if not_a_finding(text, m.start, m.end, m.hpo_id):
            continue  # "millimoles per mole", "hypertonic saline", "the diabetes clinic"
        excluded = cm.negated
        asked = question_at(questions, m.start)
        if asked is not None:
            if asked.verdict == "open":
                continue  # "Headaches?" / "I still get my migraines": the answer's words
            excluded = asked.verdict == "denied"
        if not excluded and stated_diagnosis(text, m.start, m.end, cm.sentence):
            stated.append(_span(text, m.start, m.end))  # the answer, not a finding
            continue
        if not excluded and doubted_label(text, m.start, m.end, cm.sentence):
            doubted.append(_span(text, m.start, m.end))  # "treated for 'rickets'"
            continue
        if not excluded:  # "dislocated my shoulder three times": recurrent dislocation
            m = m._replace(hpo_id=recurrent_form(text, m.start, m.end, m.hpo_id, onto))
        if not excluded and (RECURRENT_FRACTURES, False) not in features \
                and counted_fracture(text, m.start, m.end, m.hpo_id, onto):
            features[(RECURRENT_FRACTURES, False)] = {  # "a second low-trauma fracture"
                "type": {"id": RECURRENT_FRACTURES, "label": onto.label(RECURRENT_FRACTURES)},
                "description": f"counted fracture: {_span(text, m.start, m.end)}"}
            spans[(RECURRENT_FRACTURES, False)] = _span(text, m.start, m.end)
        if excluded and _inside_longer(m.start, m.end, spans_found, text):
            continue  # "no joint pain" excludes arthralgia, not every pain
        if excluded and _SITE_BEFORE.search(text, 0, m.start):
            continue  # "no marrow oedema": a site's finding, not the general one
        if excluded and _THIS_TIME.search(text, *cm.sentence):
            continue  # "No witnessed seizure this time": only this episode's, not a history
        if _eponymous_disease(text, m.start, m.end, kb):
            continue  # "Fanconi anaemia was excluded", "Fanconi anemia is the leading
            # diagnosis": a disease, not the patient's anaemia (nor a leak of the answer)
        if not excluded and any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
                                and onto.is_a(other, m.hpo_id) for a, b, other in by_span):
            continue  # "back <pain>": the specific term says it; the general one is implied
        key = (m.hpo_id, excluded)
        if key in features:
            feat = features[key]
            onset = None if excluded or "onset" in feat else onsets.of(cm)
            if onset is not None:
                feat["onset"] = _onset_element(onset)
            continue
        feat: dict[str, Any] = {"type": {"id": m.hpo_id, "label": onto.label(m.hpo_id)}}
        if excluded:
            feat["excluded"] = True
        notes = [f"{_span(text, m.start, m.end)} in: \"{_quote(text, *cm.sentence)}\""]
        if cm.uncertain:
            notes.append(f"hedged ({cm.uncertainty_cue})")
        if asked is not None:
            notes.append(f"asked, and answered \"{_clip(asked.answer)}\"")
        elif cm.negated:
            notes.append(f"negated ({cm.negation_cue})")
        feat["description"] = "; ".join(notes)
        onset = None if excluded else onsets.of(cm)
        if onset is not None:
            feat["onset"] = _onset_element(onset)
        features[key] = feat
        spans[key] = _span(text, m.start, m.end)
    regions = find_region_statements(text)
    # "Right lower limb and both upper limbs: normal" beside a sclerotic left femur: the
    # normal part says nothing against what the region shows elsewhere
    # (a normal sub-region beside an abnormal one still counts: "diaphyses normal")
    abnormal = {k for rs in regions if not rs.normal for k in (rs.key, region_group(rs.key))}
    for rs in regions:
        if rs.normal and rs.key in abnormal:
            continue
        if not rs.normal:
            f = sclerotic_region_finding(rs.key, onto, _span(text, rs.start, rs.end))
            if f is not None and _SCLEROSIS.search(rs.text) and (f.hpo_id, False) not in features:
                features[(f.hpo_id, False)] = {"type": {"id": f.hpo_id, "label": f.label},
                                               "description": f"sclerotic {rs.key}: {f.source}"}
                spans[(f.hpo_id, False)] = f.source
            continue
        normal_found = normal_region_findings(rs.key, onto, _span(text, rs.start, rs.end))
        if rs.density_only:  # "ribs thin and irregular, of normal density": not sclerotic
            sclerosis = sclerotic_region_finding(rs.key, onto, _span(text, rs.start, rs.end))
            normal_found = [sclerosis] if sclerosis else []
        for f in normal_found:
            key = (f.hpo_id, True)
            if key in features or (f.hpo_id, False) in features:
                continue
            what = f"{rs.key} density" if rs.density_only else rs.key
            features[key] = {"type": {"id": f.hpo_id, "label": f.label}, "excluded": True,
                             "description": f"normal {what} on imaging: {f.source}"}
            spans[key] = f.source
    slip_warnings: list[str] = []  # a height, weight or blood pressure that is a slip
    derived = [(g.hpo_id, g.excluded, g.start, g.end,
                f"{g.key} {g.z:+.1f} SD for age and sex (CDC 2000)" if g.z is not None else
                g.why if g.why else
                f"{g.key} {'within' if g.excluded else 'outside'} 2 SD / 3rd-97th centile")
               for g in find_growth_statements(
                   text, age_years=demo.age_years,
                   sex={"MALE": "male", "FEMALE": "female"}.get(demo.sex or ""),
                   warnings=slip_warnings)]
    derived += [(ms.hpo_id, ms.excluded, ms.start, ms.end,
                 f"{ms.key} at {ms.age_months:g} months ({'in time' if ms.excluded else 'late'})"
                 if ms.end - ms.start > 0 and not _NOT_YET_NOTE.search(text, ms.start, ms.end)
                 else f"{ms.key} not reached at {ms.age_months:g} months (late)")
                for ms in find_milestones(text, age_years=demo.age_years)]
    derived += [(v.hpo_id, False, v.start, v.end, v.note)
                for v in find_vital_signs(
                    text, demo.age_years,
                    sex={"MALE": "male", "FEMALE": "female"}.get(demo.sex or ""),
                    warnings=slip_warnings)]
    derived += [(g.hpo_id, g.excluded, g.start, g.end, f"muscle power {g.note} (MRC scale)")
                for g in find_power_grades(text)]
    derived += [(a.hpo_id, a.excluded, a.start, a.end, a.note) for a in find_visual_acuity(text)]
    for hid, excluded, start, end, what in derived:  # centiles, milestone ages, readings
        key = (hid, excluded)
        if hid not in onto or key in features or (hid, not excluded) in features:
            continue
        where = _span(text, start, end)
        features[key] = {"type": {"id": hid, "label": onto.label(hid)},
                         "description": f"{what}: {where}"}
        if excluded:
            features[key]["excluded"] = True
        spans[key] = where
    observed = [k[0] for k in features if not k[1]]
    for ex in find_normal_examinations(text):
        for hid in ex.excludes:
            key = (hid, True)
            if hid not in onto or key in features or (hid, False) in features:
                continue
            if any(onto.is_a(o, hid) for o in observed):
                continue  # "otherwise normal": the exam found something below this term
            where = _span(text, ex.start, ex.end)
            features[key] = {"type": {"id": hid, "label": onto.label(hid)}, "excluded": True,
                             "description": f"normal {ex.key}: {where} in: "
                                            f"\"{_quote(text, *ex.sentence)}\""}
            spans[key] = where
    notes = []
    for key in [k for k in features if not k[1] and (k[0], True) in features]:
        if "; hedged (" in features[key].get("description", ""):  # "PC: ?seizure" ... "seizure
            del features[key]  # felt unlikely": the hedge was settled the other way
            notes.append(f"hedged {key[0]} ({onto.label(key[0])}) dropped: the text also "
                         f"judges it absent ({spans[(key[0], True)]})")
    observed = [k[0] for k in features if not k[1]]
    for key in [k for k in features if k[1]]:
        # "MRI brain: no vascular malformation" beside a pulmonary AVM; "calcinosis of the hip
        # ... no calcinosis of the fingertips": the same term observed too
        kinds = [o for o in observed if onto.is_a(o, key[0])]
        if kinds:
            del features[key]
            kind = "it too" if kinds[0] == key[0] else \
                f"{kinds[0]} ({onto.label(kinds[0])}), a kind of it"
            notes.append(f"excluded {key[0]} ({onto.label(key[0])}) dropped: the patient has "
                         f"{kind}; the negation ({spans[key]}) must be about a narrower site, "
                         "kind or time")
    share_onsets(features, onto)  # "poor hearing since age 8" dates "mixed hearing loss"
    family = [e for fs in find_family_statements(text)
              if (e := family_entry(fs, text, kb, observed)) is not None]
    family += [{"relation": "inheritance", "affected": None, "mode": s.hpo_id, "note": s.label,
                "source": _span(text, s.start, s.end)} for s in find_stated_inheritance(text)]
    doc = _phenopacket(case_id, demo, list(features.values()), labs, family, kb.hpo_version)
    try:
        json_format.ParseDict(doc, Phenopacket())
    except json_format.ParseError as exc:  # pragma: no cover - our own construction
        raise InputError(f"extracted phenopacket is invalid: {exc}", source=source) from None
    case = case_from_phenopacket(doc, onto, source, strict=False)
    keys = list(features)
    for f in case.findings:  # phenotypicFeatures[i] -> the text span it came from
        i = int(f.source.split("[", 1)[1].rstrip("]"))
        f.source = spans[keys[i]]
    case.family = family
    if stated:
        notes.append(f"a stated diagnosis is not a finding: {'; '.join(dict.fromkeys(stated))} "
                     "not used for ranking")
    if doubted:
        notes.append(f"a label in quotes is doubted, not a finding: "
                     f"{'; '.join(dict.fromkeys(doubted))} not used for ranking")
    genes = named_genes(text, {g for gs in kb.disease_genes.values() for g in gs})
    if genes:  # seen, and deliberately not used: the ranking is on phenotype only
        notes.append(f"the text names a genetic result ({', '.join(genes)}); genes, variants "
                     "and stated diagnoses are not used for ranking (phenotype only)")
    warnings = ([w for lab in labs for w in lab.warnings] + list(all_labs.warnings)
                + slip_warnings + list(demo.notes) + notes)
    return Extraction(doc, case, family, warnings)


def _clip(answer: str, width: int = 60) -> str:
    return answer if len(answer) <= width else answer[:width - 1] + "…"


#: the wording of a milestone not yet reached (its note names the patient's age instead)
_NOT_YET_NOTE = re.compile(r"\b(?:not|no|unable|cannot|can't|doesn't|didn't)\b", re.IGNORECASE)

#: a body part written right before a negated finding that does not include it: the
#: negation is about that part ("no marrow oedema", "no brain cysts"), not the finding at large
_SITE_BEFORE = re.compile(
    r"\b(?:marrow|brain|cerebral|intracranial|liver|hepatic|kidney|renal|lung|pulmonary|heart"
    r"|cardiac|bone|bony|skin|spinal|spine|muscle|joint|eye|retinal|macular|optic|abdominal"
    r"|pelvic|chest|bowel|intestinal|gastric|splenic|pancreatic|thyroid|adrenal|pituitary"
    r"|vertebral|knee|hip|ankle|wrist|hand|foot|feet|facial|scrotal|genital|soft[- ]tissue)"
    r"\s+$", re.IGNORECASE)


#: a negation bounded to the present episode: it says nothing of the patient's history
_THIS_TIME = re.compile(r"\b(?:this time|on this occasion|(?:during |in )?this (?:episode|attack"
                        r"|admission|presentation))\b", re.IGNORECASE)


#: a capitalised name right before a finding: "Fanconi anaemia", "Diamond-Blackfan anaemia"
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:[-–][A-Z][a-z]+)?)\s+$")


_NOT_LETTER = re.compile(r"[^a-z ]+")


def _plain(words: str) -> str:
    """Lower case, American spelling, letters and spaces only ("Fanconi anaemia" ->
    "fanconi anemia"), so that a report's wording meets the release's disease names."""
    w = _NOT_LETTER.sub(" ", words.lower().replace("ae", "e").replace("oe", "e"))
    return " ".join(w.split())


def _plain_disease_words(kb: KnowledgeBase) -> list[list[str]]:
    """Every disease label of *kb* as plain words (built once per knowledge base)."""
    words = kb.derived.get("disease_label_words")
    if words is None:
        words = kb.derived["disease_label_words"] = [_plain(label).split()
                                                    for label in kb.disease_labels]
    return words


def _eponymous_disease(text: str, start: int, end: int, kb: KnowledgeBase) -> bool:
    """Is the finding at ``text[start:end]`` the end of an eponymous disease's name (a name
    and the finding begin the name of a disease of the release)?"""
    if _whole_disease_name(text, start, end, kb):
        return True
    name = _NAME_BEFORE.search(text, max(0, start - 30), start)
    if name is None:
        return False
    prefixes = kb.derived.get("disease_name_prefixes")
    if prefixes is None:  # built once per knowledge base
        found: set[str] = set()
        for words in _plain_disease_words(kb):
            found.update(" ".join(words[:k]) for k in range(2, min(len(words), 5) + 1))
        prefixes = kb.derived["disease_name_prefixes"] = frozenset(found)
    return _plain(f"{name.group(1)} {text[start:end]}") in prefixes


_WORD_BEFORE = re.compile(r"\b([A-Za-z][a-z-]+)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][a-z-]+)\b")


def _whole_disease_name(text: str, start: int, end: int, kb: KnowledgeBase) -> bool:
    """Is the finding, with the word before or after it, the whole name (three words or
    more) of a disease of the release: "confirming oculopharyngeal muscular dystrophy",
    "Kniest dysplasia vs spondyloepiphyseal dysplasia congenita"? A disease named is a
    diagnosis, not the patient's finding."""
    names = kb.derived.get("disease_names_plain")
    if names is None:  # built once per knowledge base
        names = kb.derived["disease_names_plain"] = frozenset(
            " ".join(words) for words in _plain_disease_words(kb) if len(words) >= 3)
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    after = _WORD_AFTER.match(text, end)
    core = text[start:end]
    for words in ((before.group(1), core) if before else None,
                  (core, after.group(1)) if after else None,
                  (before.group(1), core, after.group(1)) if before and after else None):
        if words is not None and _plain(" ".join(words)) in names:
            return True
    return after is not None and _NAMED_ADJECTIVE.fullmatch(core) is not None and \
        _plain(f"{core} {after.group(1)}") in _numbered_two_word_names(kb)


#: an adjective finding that opens a numbered disease's two-word name ("myotonic dystrophy")
_NAMED_ADJECTIVE = re.compile(r"[A-Za-z]+(?:ic|al|ous|ive|ar|oid)")


def _numbered_two_word_names(kb: KnowledgeBase) -> frozenset[str]:
    """Two-word names of numbered diseases ("Myotonic dystrophy 1" -> "myotonic dystrophy"):
    "because of myotonic dystrophy" names the disease, not the finding *Myotonia*."""
    names = kb.derived.get("disease_names_two_numbered")
    if names is None:
        names = kb.derived["disease_names_two_numbered"] = frozenset(
            " ".join(w) for label, w in zip(kb.disease_labels, _plain_disease_words(kb),
                                            strict=True)
            if len(w) == 2 and re.search(r"\d", label))
    return names


def _inside_longer(start: int, end: int, spans: list[tuple[int, int]], text: str) -> bool:
    """Is ``[start, end)`` strictly inside another recognised span, other than as one head
    of a coordination ("no cleft lip or palate" excludes the cleft lip too)?"""
    return any(a <= start and end <= b and (a, b) != (start, end)
               and not _COORDINATED.search(text[a:start] + " | " + text[end:b])
               for a, b in spans)


_COORDINATED = re.compile(r"^\s*\|\s*(?:or|and|nor|,)\s|\s(?:or|and|nor)\s*\|\s*$")


def _phenopacket(case_id: str, demo, features: list[dict[str, Any]], labs,
                 family: list[dict[str, Any]], hpo_version: str) -> dict[str, Any]:
    subject: dict[str, Any] = {"id": case_id}
    if demo.sex:
        subject["sex"] = demo.sex
    if demo.age_years is not None:
        subject["timeAtLastEncounter"] = {"age": {"iso8601duration": demo.age_iso8601}}
    state = {True: "affected", False: "unaffected", None: "unknown"}
    refs = [{"id": "osteodx:family-history",
             "description": f"inheritance: {f['mode']} {f['note']} ({f['source']})"
             if f.get("mode") else f"{f['relation']}: {state[f['affected']]}"
                            + (f" ({f['note']})" if f.get("note") else "") + f" ({f['source']})"}
            for f in family]
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat()
    from osteodx import __version__

    measurements = [to_measurement(lab, time_observed=demo.age_iso8601) for lab in labs]
    doc: dict[str, Any] = {
        "id": case_id,
        "subject": subject,
        "phenotypicFeatures": features,
        "measurements": measurements,
        "metaData": {
            "created": now.replace("+00:00", "Z"),
            "createdBy": f"osteodx {__version__} (text extraction)",
            "resources": [],
            "phenopacketSchemaVersion": "2.0",
            "externalReferences": refs,
        },
    }
    # HP, LOINC and UCUM always; NCIT and osteodx's own codes wherever they are used (an
    # "osteodx:family-history" reference too). LOINC's release is stated nowhere in the
    # lab catalogue, so its version is left out rather than written empty.
    doc["metaData"]["resources"] = [
        {"id": "hp", "name": "human phenotype ontology", "namespacePrefix": "HP",
         "url": "http://purl.obolibrary.org/obo/hp.owl", "version": hpo_version,
         "iriPrefix": "http://purl.obolibrary.org/obo/HP_"},
        {"id": "loinc", "name": "Logical Observation Identifiers Names and Codes",
         "namespacePrefix": "LOINC", "url": "https://loinc.org",
         "iriPrefix": "https://loinc.org/"},
        {"id": "ucum", "name": "Unified Code for Units of Measure",
         "namespacePrefix": "UCUM", "url": "https://ucum.org", "version": "2.1",
         "iriPrefix": "https://ucum.org/"},
        *resources_for(doc),
    ]
    return doc


def read_text_case(path: str | Path, kb: KnowledgeBase, *, text: str | None = None,
                   case_id: str | None = None) -> Extraction:
    """Read a ``.txt``/``.md`` case report (or *text*) and extract it."""
    source = str(path)
    if text is None:
        text = read_text_file(path)
    return extract_text(text, kb, case_id=case_id or Path(source).stem, source=source)
