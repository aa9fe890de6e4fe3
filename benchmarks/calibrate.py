"""Calibrate the post-test probability: the temperature T in P(d) ∝ 10^(score_d / T).

Naive-Bayes products of per-finding likelihood ratios are over-confident because
findings are not independent. T is chosen to minimise the negative log-likelihood
of the gold diagnosis over the in-knowledge-base cases of a corpus (every k-th
case), and checked on the cases left out.

Usage: python benchmarks/calibrate.py CORPUS [--every 4]
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from osteodx.bench.corpus import iter_corpus
from osteodx.case.phenopacket import case_from_phenopacket
from osteodx.engine.likelihood import score_case
from osteodx.engine.params import ModelParameters
from osteodx.errors import InputError
from osteodx.kb.load import load_knowledge_base


def _nll(totals: list[np.ndarray], golds: list[int], t: float) -> tuple[float, float]:
    nll, hit = 0.0, 0.0
    for tot, g in zip(totals, golds, strict=True):
        z = tot * np.log(10) / t
        z -= z.max()
        logp = z - np.log(np.exp(z).sum())
        nll -= logp[g]
        hit += float(np.exp(logp[g]))
    return nll / len(golds), hit / len(golds)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--every", type=int, default=4)
    args = ap.parse_args()
    kb = load_knowledge_base()
    mask = kb.namespace_mask("omim")
    idx = np.flatnonzero(mask)
    pos = {int(d): j for j, d in enumerate(idx)}
    params = ModelParameters()
    fit: tuple[list, list] = ([], [])
    check: tuple[list, list] = ([], [])
    for k, cc in enumerate(iter_corpus(args.corpus)):
        gi = kb.disease_index.get(cc.gold[0]) if cc.gold else None
        if gi is None or gi not in pos:
            continue
        try:
            case = case_from_phenopacket(cc.document, kb.ontology, cc.name, strict=False)
        except InputError:
            continue
        if not case.findings:
            continue
        target = fit if k % args.every == 0 else check
        if k % args.every not in (0, 1):
            continue
        target[0].append(np.round(score_case(kb, case, params, detail=False).total[idx], 6))
        target[1].append(pos[gi])
    rows = []
    for t in (1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12):
        rows.append({"T": t, "fit_nll": round(_nll(*fit, t)[0], 4),
                     "fit_mean_p_gold": round(_nll(*fit, t)[1], 4),
                     "check_nll": round(_nll(*check, t)[0], 4),
                     "check_mean_p_gold": round(_nll(*check, t)[1], 4)})
    best = min(rows, key=lambda r: r["fit_nll"])
    print(json.dumps({"fit_cases": len(fit[1]), "check_cases": len(check[1]), "grid": rows,
                      "best_T": best["T"]}, indent=1))


if __name__ == "__main__":
    main()
