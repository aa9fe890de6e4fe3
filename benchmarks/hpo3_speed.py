"""Time hpo3's batch Phenomizer-style similarity next to osteodx, whole process included.

Usage: python benchmarks/hpo3_speed.py CORPUS [--cases N] [--every K] [--jobs N]

hpo3 (Rust) compares each case's observed terms with every OMIM disease's term
set (``batch_set_similarity``, Resnik, best-match average over OMIM IC). osteodx
ranks the same cases with its full model. Both timings include loading.

hpo3's batch runs on every CPU the process may use (rayon's thread pool; set
``RAYON_NUM_THREADS=1`` for one), osteodx on one unless ``--jobs N`` (worker processes
forked after the knowledge base is loaded, each with its own memo of findings): the
output names both, so that a ratio is read with the cores each side had.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import time
from typing import Any


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--cases", type=int, default=50)
    ap.add_argument("--every", type=int, default=140)
    ap.add_argument("--jobs", type=int, default=1, help="osteodx worker processes")
    args = ap.parse_args()

    from osteodx.bench.corpus import iter_corpus
    from osteodx.bench.metrics import summarise

    docs = [cc for k, cc in enumerate(iter_corpus(args.corpus)) if k % args.every == 0]
    docs = docs[: args.cases]

    t0 = time.perf_counter()
    from osteodx.case.phenopacket import case_from_phenopacket
    from osteodx.engine.likelihood import score_case
    from osteodx.engine.params import ModelParameters
    from osteodx.kb.load import load_knowledge_base

    kb = load_knowledge_base()
    t_load = time.perf_counter() - t0
    params = ModelParameters()
    t1 = time.perf_counter()

    def score(chunk: list[Any]) -> list[list[str]]:
        obs = []
        for cc in chunk:
            case = case_from_phenopacket(cc.document, kb.ontology, cc.name, strict=False,
                                         check_labels=False)  # as `osteodx benchmark`
            score_case(kb, case, params, detail=False)  # scores only, as hpo3 returns
            obs.append([f.hpo_id for f in case.observed])
        return obs

    if args.jobs > 1:  # forked after loading: the workers share the knowledge base
        _WORK["score"] = score
        chunks = [docs[k::args.jobs] for k in range(args.jobs)]
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            parts = pool.map(_run, chunks)
        by_name = {cc.name: o for chunk, part in zip(chunks, parts, strict=True)
                   for cc, o in zip(chunk, part, strict=True)}
        obs_sets = [by_name[cc.name] for cc in docs]
    else:
        obs_sets = score(docs)
    t_ours = time.perf_counter() - t1

    t2 = time.perf_counter()
    import importlib

    hpo = importlib.import_module("pyhpo.pyhpo")
    hpo.Ontology()
    omim = list(hpo.Ontology.omim_diseases)
    diseases = [hpo.HPOSet.from_queries([int(t) for t in d.hpo]) for d in omim]
    omim_ids = [f"OMIM:{d.id}" for d in omim]
    t_hpo3_load = time.perf_counter() - t2
    t3 = time.perf_counter()
    ranks = []
    for terms, cc in zip(obs_sets, docs, strict=True):
        ids = [int(t.split(":")[1]) for t in terms]
        query = hpo.HPOSet.from_queries([i for i in ids if _known(hpo, i)])
        sims = hpo.batch_set_similarity([(query, d) for d in diseases], kind="omim",
                                        method="resnik", combine="funSimAvg")
        gold = cc.gold[0] if cc.gold else None
        if gold in omim_ids:
            g = sims[omim_ids.index(gold)]
            ranks.append(sum(1 for x in sims if x >= g))
        else:
            ranks.append(None)
    t_hpo3 = time.perf_counter() - t3
    n = len(docs)
    out = {
        "cases": n,
        "osteodx_load_s": round(t_load, 3),
        "osteodx_per_case_ms": round(1000 * t_ours / n, 2),
        "osteodx_whole_process_per_case_ms": round(1000 * (t_load + t_ours) / n, 2),
        "hpo3_load_s": round(t_hpo3_load, 3),
        "hpo3_per_case_ms": round(1000 * t_hpo3 / n, 2),
        "hpo3_whole_process_per_case_ms": round(1000 * (t_hpo3_load + t_hpo3) / n, 2),
        "hpo3_diseases": len(diseases),
        "osteodx_processes": args.jobs,
        "hpo3_threads": os.environ.get("RAYON_NUM_THREADS") or len(os.sched_getaffinity(0)),
        "hpo3_baseline_accuracy": summarise(ranks),
    }
    out["speedup_per_case"] = round(out["hpo3_per_case_ms"] / out["osteodx_per_case_ms"], 1)
    out["speedup_whole_process"] = round(out["hpo3_whole_process_per_case_ms"]
                                         / out["osteodx_whole_process_per_case_ms"], 1)
    print(json.dumps(out, indent=2))


_WORK: dict[str, Any] = {}  # the scoring function, inherited by the forked workers


def _run(chunk: list[Any]) -> list[list[str]]:
    return _WORK["score"](chunk)


def _known(hpo, i: int) -> bool:
    try:
        hpo.Ontology.hpo(i)
    except (KeyError, ValueError, RuntimeError):
        return False
    return True


if __name__ == "__main__":
    main()
