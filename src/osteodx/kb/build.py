"""Compile disease models and an ontology into a :class:`KnowledgeBase`."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable

import numpy as np

from osteodx.diseases.model import DiseaseSpec
from osteodx.kb.knowledge_base import INHERITANCE_FLAGS, CscMatrix, KnowledgeBase
from osteodx.kb.mortality import DEATH_CLASSES, death_class
from osteodx.kb.onset import ONSET_ROOT, onset_range
from osteodx.kb.sex_limited import SEX_CODES, limited_pairs
from osteodx.ontology.graph import PHENOTYPIC_ABNORMALITY, Ontology

__all__ = ["compile_knowledge_base", "DEFAULT_FREQUENCY"]

log = logging.getLogger(__name__)

#: frequency assumed for an annotation whose source gives none
DEFAULT_FREQUENCY = 0.3
#: pseudo-observations (at the default frequency) added to an ``n/m`` count:
#: "1/1" from a single case report is weak evidence that a feature is constant
PSEUDOCOUNT = 3.0
#: clamp applied to frequencies when they enter the matrices
FREQ_FLOOR = 0.01


def _under(ontology: Ontology, root: int | None) -> np.ndarray:
    """Per term: is *root* among its ancestors (itself included)? All false without one."""
    out = np.zeros(len(ontology), dtype=bool)
    if root is None or not len(ontology):
        return out
    hits = (ontology.anc_idx == root).astype(np.int64)
    starts = ontology.anc_ptr[:-1]
    filled = np.diff(ontology.anc_ptr) > 0  # every term lists itself: all, in practice
    out[filled] = np.add.reduceat(hits, starts[filled]) > 0
    return out


def compile_knowledge_base(ontology: Ontology, specs: Iterable[DiseaseSpec],
                           provenance: dict[str, str],
                           default_frequency: float = DEFAULT_FREQUENCY,
                           pseudocount: float = PSEUDOCOUNT, *, skipped_rows: int = 0,
                           warnings: list[tuple[str, str]] | None = None) -> KnowledgeBase:
    """Compile *specs* against *ontology*.

    Annotation ids are resolved through alt ids and ``replaced_by``; ids that do
    not resolve are counted in ``provenance['dropped_annotations']`` (they are
    the source's errors, not the user's), with the *skipped_rows* the readers could
    not parse, and named in a warning: a count alone would let them go unnoticed.
    *warnings* (file name, message) are the readers'; the knowledge base keeps them.
    """
    specs = sorted(specs, key=lambda s: s.disease_id)
    index = ontology.index
    pheno_root = index.get(PHENOTYPIC_ABNORMALITY)
    onset_root = index.get(ONSET_ROOT)
    n_terms = len(ontology)
    texts: list[str] = [""]
    text_index = {"": 0}

    d_rows: list[int] = []
    d_cols: list[int] = []
    d_vals: list[float] = []
    d_text: list[int] = []
    d_sex: list[int] = []
    c_rows: list[int] = []  # annotations from curated knowledge packs
    c_cols: list[int] = []
    c_vals: list[float] = []
    n_rows: list[int] = []
    n_cols: list[int] = []
    inheritance = np.zeros(len(specs), dtype=np.uint8)
    onset_min = np.full(len(specs), np.nan)
    death_freq = np.zeros((len(specs), len(DEATH_CLASSES)), dtype=np.float32)
    unquantified_death = np.zeros_like(death_freq)
    dropped = 0
    first_dropped = ""
    # per term, once: is it an onset, or outside Phenotypic abnormality? (300,000
    # annotations name about 12,000 distinct terms)
    is_onset = _under(ontology, onset_root)
    not_phenotype = ~_under(ontology, pheno_root) if pheno_root is not None else \
        np.zeros(n_terms, dtype=bool)
    resolved: dict[str, str | None] = {}
    for d, spec in enumerate(specs):
        for hid in spec.inheritance:
            inheritance[d] |= INHERITANCE_FLAGS.get(hid, 0)
        for ann in spec.annotations:
            hpo_id = resolved.get(ann.hpo_id, "")
            if hpo_id == "":
                hpo_id = resolved[ann.hpo_id] = ontology.resolve(ann.hpo_id).hpo_id
            if hpo_id is None:
                dropped += 1
                first_dropped = first_dropped or f"{spec.disease_id} {ann.hpo_id} ({ann.origin})"
                continue
            t = index[hpo_id]
            if is_onset[t]:
                spec.onsets.add(hpo_id)
                continue
            if not_phenotype[t]:
                flag = INHERITANCE_FLAGS.get(hpo_id)
                if flag:
                    inheritance[d] |= flag
                k = death_class(hpo_id)
                if k is not None and not ann.negated:  # a source without frequencies (hpo3)
                    unquantified_death[d, k] = default_frequency
                continue
            if ann.negated:
                n_rows.append(d)
                n_cols.append(t)
                continue
            freq = _smoothed(ann.frequency, ann.frequency_text, default_frequency,
                             pseudocount)
            d_rows.append(d)
            d_cols.append(t)
            d_vals.append(max(freq, FREQ_FLOOR))
            if ann.origin.startswith("pack:") and ann.frequency is not None:
                c_rows.append(d)
                c_cols.append(t)
                c_vals.append(ann.frequency)
            text = ann.frequency_text or ("" if ann.frequency is not None else "no frequency")
            if ann.origin != "hpoa":
                text = f"{text} [{ann.origin}]".strip()
            if ann.sex:
                text = f"{text} [{ann.sex.lower()}s only]".strip()
            d_sex.append(SEX_CODES.get(ann.sex, 0))
            if ann.reference:
                text = f"{text} ({ann.reference})".strip()
            d_text.append(text_index.setdefault(text, len(texts)))
            if d_text[-1] == len(texts):
                texts.append(text)
        onset_min[d] = _earliest_onset(ontology, spec.onsets)
        for ann in spec.course:
            k = death_class(ontology.resolve(ann.hpo_id).hpo_id or "")
            if k is not None:
                freq = _smoothed(ann.frequency, ann.frequency_text, default_frequency,
                                 pseudocount)
                death_freq[d, k] = max(death_freq[d, k], freq)

    unknown = ~death_freq.any(axis=1)  # hpoa's age of death, else another source's
    death_freq[unknown] = unquantified_death[unknown]
    rows = np.asarray(d_rows, dtype=np.int32)
    cols = np.asarray(d_cols, dtype=np.int32)
    vals = np.asarray(d_vals, dtype=np.float32)
    tix = np.asarray(d_text, dtype=np.int32)
    by_sex = limited_pairs(rows, cols, vals, tix, np.asarray(d_sex, dtype=np.int8), n_terms)
    direct = CscMatrix.from_triples(rows, cols, vals, n_terms)
    negated = CscMatrix.from_triples(np.asarray(n_rows, dtype=np.int32),
                                     np.asarray(n_cols, dtype=np.int32),
                                     np.ones(len(n_rows), dtype=np.float32), n_terms)

    # propagate every direct annotation to all ancestors, keeping the max frequency
    counts = np.diff(ontology.anc_ptr)[cols]
    p_rows = np.repeat(rows, counts)
    p_vals = np.repeat(vals, counts)
    p_cols = np.concatenate([ontology.ancestors(int(c)) for c in cols]) if len(cols) else cols
    implied = CscMatrix.from_triples(p_rows, p_cols.astype(np.int32), p_vals, n_terms)
    curated = _propagate(ontology, np.asarray(c_rows, dtype=np.int32),
                         np.asarray(c_cols, dtype=np.int32), np.asarray(c_vals, dtype=np.float32))

    n_dis = max(len(specs), 1)
    sizes = np.diff(implied.ptr)
    col_of_entry = np.repeat(np.arange(n_terms), sizes)
    sums = np.bincount(col_of_entry, weights=implied.vals.astype(np.float64), minlength=n_terms)
    background = (sums + 0.5 * default_frequency) / (n_dis + 1.0)
    ic = -np.log((sizes + 1.0) / (n_dis + 1.0))

    # per-disease CSR of direct annotations (first occurrence kept per term)
    order = np.lexsort((-vals, cols, rows))
    r_s, c_s, v_s, t_s = rows[order], cols[order], vals[order], tix[order]
    keep = np.ones(len(r_s), dtype=bool)
    if len(r_s):
        keep[1:] = (r_s[1:] != r_s[:-1]) | (c_s[1:] != c_s[:-1])
    r_s, c_s, v_s, t_s = r_s[keep], c_s[keep], v_s[keep], t_s[keep]
    ann_ptr = np.zeros(len(specs) + 1, dtype=np.int64)
    np.add.at(ann_ptr, r_s + 1, 1)

    provenance = dict(provenance)
    provenance["dropped_annotations"] = str(dropped + skipped_rows)
    warnings = list(warnings or [])
    if dropped:
        warnings.append(("", f"{dropped} annotation{'s' if dropped > 1 else ''} name HPO ids "
                             f"that the ontology (HPO {ontology.version}) does not have "
                             f"(first: {first_dropped}); dropped"))
    provenance["diseases"] = str(len(specs))
    provenance["default_frequency"] = str(default_frequency)
    provenance["frequency_pseudocount"] = str(pseudocount)
    equivalents = {s.disease_id: list(s.equivalent_ids) for s in specs if s.equivalent_ids}
    same_name = _same_name_groups(specs)
    for group in same_name:
        for did in group:
            equivalents.setdefault(did, [])
            equivalents[did] = sorted(set(equivalents[did]) | (set(group) - {did}))
    provenance["equivalents_by_name"] = str(len(same_name))
    _share_age_of_death(death_freq, {s.disease_id: i for i, s in enumerate(specs)}, equivalents)
    return KnowledgeBase(
        ontology=ontology,
        disease_ids=[s.disease_id for s in specs],
        disease_labels=[s.label for s in specs],
        disease_origins=[", ".join(s.origins) for s in specs],
        equivalents=equivalents,
        direct=direct, implied=implied, negated=negated, curated=curated,
        background=background, ic=ic,
        inheritance=inheritance, onset_min=onset_min, death_freq=death_freq,
        ann_ptr=np.cumsum(ann_ptr), ann_term=c_s.astype(np.int32),
        ann_freq=v_s.astype(np.float32), ann_text=t_s.astype(np.int32),
        texts=texts, provenance=provenance, default_frequency=default_frequency,
        data_warnings=warnings, **by_sex,
    )


def _share_age_of_death(death_freq: np.ndarray, index: dict[str, int],
                        equivalents: dict[str, list[str]]) -> None:
    """An OMIM and an Orphanet entry of one disease share its age of death (the larger
    frequency per class): often only one of them is annotated with it."""
    for did, eqs in equivalents.items():
        rows = [index[x] for x in [did, *eqs] if x in index]
        if len(rows) > 1:
            death_freq[rows] = death_freq[rows].max(axis=0)


def _earliest_onset(ontology: Ontology, onsets: Iterable[str]) -> float:
    """Earliest age (years) among a disease's onset annotations; nan if none."""
    earliest = math.inf
    for oid in onsets:
        res = ontology.resolve(oid)
        if res.hpo_id is None:
            continue
        anc_ids = [ontology.ids[int(a)] for a in ontology.ancestors(ontology.index[res.hpo_id])]
        rng = onset_range(res.hpo_id, anc_ids)
        if rng is not None:
            earliest = min(earliest, rng[0])
    return earliest if earliest < math.inf else math.nan


def _smoothed(freq: float | None, text: str, default: float, pseudocount: float) -> float:
    """Frequency with ``n/m`` counts shrunk towards *default*.

    >>> _smoothed(1.0, "1/1", 0.5, 1.0)
    0.75
    >>> round(_smoothed(1.0, "1/1", 0.3, 3.0), 3)
    0.475
    >>> _smoothed(0.895, "HP:0040281", 0.5, 1.0)
    0.895
    """
    if freq is None:
        return default
    n, sep, m = text.partition("/")
    if sep and n.strip().isdigit() and m.strip().isdigit() and pseudocount > 0:
        return (int(n) + pseudocount * default) / (int(m) + pseudocount)
    return freq


def _propagate(ontology: Ontology, rows: np.ndarray, cols: np.ndarray,
               vals: np.ndarray) -> CscMatrix:
    """Annotations carried to every ancestor term, keeping the maximum frequency."""
    counts = np.diff(ontology.anc_ptr)[cols]
    p_cols = np.concatenate([ontology.ancestors(int(c)) for c in cols]) if len(cols) else cols
    return CscMatrix.from_triples(np.repeat(rows, counts), p_cols.astype(np.int32),
                                  np.repeat(vals, counts), len(ontology))


def _same_name_groups(specs: list[DiseaseSpec]) -> list[list[str]]:
    """Diseases of different namespaces with the same name (case and punctuation aside),
    when each namespace has exactly one: OMIM, Orphanet and DECIPHER describing one
    disease. No OMIM-Orphanet mapping ships with the HPO release; identical names are the
    conservative part of one."""
    by_name: dict[str, list[str]] = {}
    for spec in specs:
        key = re.sub(r"[^a-z0-9]+", " ", spec.label.lower()).strip()
        if key:
            by_name.setdefault(key, []).append(spec.disease_id)
    groups = []
    for ids in by_name.values():
        spaces = [i.split(":", 1)[0] for i in ids]
        if len(ids) > 1 and len(set(spaces)) == len(spaces):
            groups.append(sorted(ids))
    return groups
