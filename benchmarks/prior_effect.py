"""The prevalence prior's effect on the development corpus, by weight.

Usage: python benchmarks/prior_effect.py CORPUS [--weights 0,0.25,0.5,0.75,1] [--every 1]

Cases are parsed once and ranked among OMIM diseases (as ``osteodx benchmark`` does for
phenopacket-store) for each ``prevalence_weight``. Prints one JSON line per weight: in-KB
top-1 / top-10 / MRR, the mean over gene cohorts, and top-1 split by whether the gold disease
has a prevalence figure (what the prior gains there and costs elsewhere).
"""

from __future__ import annotations

import argparse
import dataclasses
import json

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
    ap.add_argument("--weights", default="0,0.25,0.5,0.75,1")
    ap.add_argument("--every", type=int, default=1)
    args = ap.parse_args()
    kb = load_knowledge_base()
    mask = kb.namespace_mask("omim")
    has_figure = ~np.isnan(kb.prevalence_one_in)
    cases = [(case, gold, cohort) for case, gold, cohort in
             parsed_cases(args.corpus, kb, every=args.every)
             if gold is not None and mask[gold]]
    for w in (float(x) for x in args.weights.split(",")):
        params = dataclasses.replace(ModelParameters(), prevalence_weight=w)
        ranks = []
        for case, gold, _ in cases:
            t = np.round(score_case(kb, case, params, detail=False).total, SCORE_DECIMALS)
            ranks.append(int(np.count_nonzero(t[mask] >= t[gold])))
        r = np.array(ranks)
        fig = np.array([has_figure[g] for _, g, _ in cases])
        cohorts: dict[str, list[int]] = {}
        for rank, (_, _, c) in zip(ranks, cases, strict=True):
            cohorts.setdefault(c, []).append(rank)
        print(json.dumps({
            "prevalence_weight": w,
            "in_kb": {k: round(v, 4) for k, v in summarise(ranks).items()},
            "cohort_mean": {f"top{k}": round(float(np.mean([np.mean(np.array(v) <= k)
                                                            for v in cohorts.values()])), 4)
                            for k in (1, 10)},
            "gold_with_figure": {"n": int(fig.sum()),
                                 "top1": round(float(np.mean(r[fig] == 1)), 4)},
            "gold_without": {"n": int((~fig).sum()),
                             "top1": round(float(np.mean(r[~fig] == 1)), 4)}}), flush=True)


if __name__ == "__main__":
    main()
