"""Coarse grid search of the engine's parameters on the development corpus.

Usage: python benchmarks/tune.py CORPUS [--every K] [--param name=v1,v2,...]...

Cases are parsed once; each parameter set is scored on the same cases. Only
global constants of the model are tuned: nothing per disease or per case.
Report the chosen values in docs/benchmarks.md with the command that chose them.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import time

import numpy as np

from osteodx.bench.corpus import parsed_cases
from osteodx.bench.metrics import summarise
from osteodx.engine.differential import SCORE_DECIMALS
from osteodx.engine.likelihood import score_case
from osteodx.engine.params import ModelParameters
from osteodx.kb.load import load_knowledge_base


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--every", type=int, default=3)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--param", action="append", default=[])
    ap.add_argument("--default-frequency", type=float, default=None)
    ap.add_argument("--pseudocount", type=float, default=None)
    ap.add_argument("--supplement", choices=["none", "missing", "merge"], default=None)
    args = ap.parse_args()
    kw = {} if args.default_frequency is None else {"default_frequency": args.default_frequency}
    if args.supplement is not None:
        kw["supplement"] = args.supplement
    if args.pseudocount is not None:
        kw["pseudocount"] = args.pseudocount
    kb = load_knowledge_base(**kw)
    mask = kb.namespace_mask("omim")
    cases = []
    cohorts: list[str] = []
    for case, gold, cohort in parsed_cases(args.corpus, kb, every=args.every,
                                           offset=args.offset):
        cases.append((case, gold))
        cohorts.append(cohort)
    grid = {}
    for p in args.param:
        name, vals = p.split("=")
        grid[name] = [float(v) for v in vals.split(",")]
    names = list(grid)
    for combo in itertools.product(*[grid[n] for n in names]):
        params = dataclasses.replace(ModelParameters(), **dict(zip(names, combo, strict=True)))
        t = time.perf_counter()
        ranks = []
        for case, gi in cases:
            if gi is None or not mask[gi]:
                ranks.append(None)
                continue
            total = np.round(score_case(kb, case, params, detail=False).total, SCORE_DECIMALS)
            ranks.append(int(np.count_nonzero(total[mask] >= total[gi])))
        s_all = summarise(ranks)
        s_in = summarise([r for r, (_, gi) in zip(ranks, cases, strict=True) if gi is not None
                          and mask[gi]])
        print(json.dumps({"params": dict(zip(names, combo, strict=True)),
                          "all": {k: round(v, 4) for k, v in s_all.items()},
                          "in_kb": {k: round(v, 4) for k, v in s_in.items()},
                          "in_kb_cohort_mean": _cohort_mean(ranks, cohorts),
                          "s": round(time.perf_counter() - t, 1)}), flush=True)


def _cohort_mean(ranks: list[int | None], cohorts: list[str]) -> dict[str, float]:
    """Top-1 / top-10 averaged over cohorts (each gene cohort weighs the same), in-KB cases:
    large cohorts dominate case-weighted numbers, and held-out data are other cohorts."""
    by: dict[str, list[int]] = {}
    for r, c in zip(ranks, cohorts, strict=True):
        if r is not None:
            by.setdefault(c, []).append(r)
    if not by:
        return {}
    return {f"top{k}": round(float(np.mean([np.mean([r <= k for r in v]) for v in by.values()])), 4)
            for k in (1, 10)}


if __name__ == "__main__":
    main()
