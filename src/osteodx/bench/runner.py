"""Run osteodx and the baseline over a corpus and measure accuracy, time and memory."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from osteodx.api import prepare_case
from osteodx.bench.baseline import resnik_bma
from osteodx.bench.corpus import iter_corpus
from osteodx.bench.metrics import summarise
from osteodx.case.phenopacket import case_from_phenopacket
from osteodx.engine.differential import SCORE_DECIMALS
from osteodx.engine.likelihood import score_case
from osteodx.engine.params import ModelParameters
from osteodx.engine.view_fixes import prepare_fix_tables
from osteodx.errors import InputError
from osteodx.kb.knowledge_base import KnowledgeBase

__all__ = ["CaseResult", "BenchmarkResult", "run_benchmark"]


@dataclass(slots=True)
class CaseResult:
    name: str
    cohort: str
    gold: str
    in_kb: bool
    rank: int | None
    baseline_rank: int | None
    seconds: float
    n_findings: int


@dataclass(slots=True)
class BenchmarkResult:
    corpus: str
    cases: list[CaseResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall_seconds: float = 0.0
    peak_rss_mb: float = 0.0
    baseline_seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        ours = [c.rank for c in self.cases]
        base = [c.baseline_rank for c in self.cases]
        inkb = [c for c in self.cases if c.in_kb]
        times = [c.seconds for c in self.cases]
        out: dict[str, Any] = {
            "corpus": self.corpus,
            "cases": len(self.cases),
            "errors": len(self.errors),
            "absent_from_kb": sum(not c.in_kb for c in self.cases),
            "osteodx_all": summarise(ours),
            # no case in the knowledge base: nothing measured, not zeros
            "osteodx_in_kb": summarise([c.rank for c in inkb]) if inkb else None,
        }
        if any(b is not None for b in base):
            out["baseline_all"] = summarise(base)
            out["baseline_in_kb"] = summarise([c.baseline_rank for c in inkb]) if inkb else None
            out["baseline_seconds_total"] = round(self.baseline_seconds, 2)
        if times:
            out["per_case_ms"] = {
                "median": round(1000 * statistics.median(times), 3),
                "mean": round(1000 * statistics.fmean(times), 3),
                "p95": round(1000 * float(np.percentile(times, 95)), 3),
            }
        out["wall_seconds"] = round(self.wall_seconds, 2)
        out["peak_rss_mb"] = round(self.peak_rss_mb, 1)
        return out


def _peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def run_benchmark(corpus: str | Path, kb: KnowledgeBase, *,
                  params: ModelParameters | None = None, baseline: bool = True,
                  namespace: str = "gold", limit: int | None = None, every: int = 1,
                  progress: Callable[[int], None] | None = None,
                  select: Callable[[str], bool] | None = None,
                  excluded: bool = True, readers: int = 0) -> BenchmarkResult:
    """Rank every case of *corpus* and compare with the gold diagnosis.

    ``namespace="gold"`` ranks each case among the diseases of its gold id's
    namespace (phenopacket-store uses OMIM), as OMIM and Orphanet often list
    the same disease twice. ``every=k`` keeps every k-th case (a spread sample).
    ``excluded=False`` drops excluded findings: phenopacket-store records as absent the
    features of the disease each paper is about, a curation habit that tuning must not learn.
    ``readers`` > 0 checks the phenopackets against the schema in that many processes
    while this one ranks (:func:`~osteodx.bench.corpus.iter_corpus`); the results are the
    same.
    """
    params = params or ModelParameters()
    result = BenchmarkResult(corpus=str(corpus))
    masks: dict[str, np.ndarray] = {}
    start = time.perf_counter()
    prepare_fix_tables(kb, params)  # once per release: counted in the wall time, not a case's
    n = 0
    for k, cc in enumerate(iter_corpus(corpus, errors=result.errors, workers=readers)):
        if k % every or (select is not None and not select(cc.name)):
            continue
        if limit is not None and n >= limit:
            break
        n += 1
        if progress:
            progress(n)
        if not cc.gold:
            result.errors.append(f"{cc.name}: no gold diagnosis")
            continue
        gold = cc.gold[0]
        ns = gold.split(":", 1)[0].lower() if namespace == "gold" else namespace
        if ns not in masks:
            masks[ns] = kb.namespace_mask(ns)
        mask = masks[ns]
        t0 = time.perf_counter()
        try:
            case = case_from_phenopacket(cc.document, kb.ontology, cc.name, strict=False,
                                         check_labels=False)
            prepare_case(case, kb)  # labs -> findings, as `osteodx diagnose` does
            if not excluded:
                case.findings = [f for f in case.findings if not f.excluded]
                if not case.findings:
                    raise InputError("no observed findings", source=cc.name)
        except InputError as exc:
            result.errors.append(str(exc))
            continue
        total = np.round(score_case(kb, case, params, detail=False).total, SCORE_DECIMALS)
        gi = kb.disease_index.get(gold)
        in_kb = gi is not None and bool(mask[gi])
        rank = int(np.count_nonzero(total[mask] >= total[gi])) if in_kb else None
        elapsed = time.perf_counter() - t0
        b_rank = None
        if baseline:
            tb = time.perf_counter()
            obs = [kb.ontology.index[f.hpo_id] for f in case.observed]
            if in_kb and obs:
                bs = np.round(resnik_bma(kb, obs), SCORE_DECIMALS)
                b_rank = int(np.count_nonzero(bs[mask] >= bs[gi]))
            result.baseline_seconds += time.perf_counter() - tb
        result.cases.append(CaseResult(cc.name, cc.cohort, gold, in_kb, rank, b_rank, elapsed,
                                       len(case.findings)))
    result.wall_seconds = time.perf_counter() - start
    result.peak_rss_mb = _peak_rss_mb()
    return result
