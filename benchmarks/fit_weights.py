"""Cohort-level cross-validation of the match-type weights of observed findings.

Usage: python benchmarks/fit_weights.py CORPUS [--folds 5] [--lam 0.01] [--top 100]
       [--random 50] [--seed 0]

The engine multiplies each observed finding's log10 LR by a weight for its match type
(exact, finding more general, more specific, common ancestor, no match). This script
asks the corpus which multipliers of the *current* weights rank the gold diagnosis
best, without letting a cohort grade itself:

1. every case whose gold OMIM disease is in the knowledge base is scored once with the
   current parameters; for the gold disease, its ``top`` strongest competitors and
   ``random`` random OMIM diseases, the log10 LRs are summed per match type (the five
   observed types are the features; everything else - excluded findings, age, sex,
   breadth, family history - stays a fixed offset, so the fit cannot learn how
   phenopacket-store records absent features);
2. cohorts (genes) are split into folds of similar case counts; on the training folds
   a listwise softmax loss (gold against its candidates) with an L2 pull towards 1 is
   minimised for the five multipliers (the softmax scale is fitted first with all
   multipliers at 1, i.e. the model's own temperature);
3. each held-out fold is then ranked over *all* OMIM diseases by the engine itself with
   the multiplied weights, next to the current weights.

Prints one JSON line per fold and a summary with the mean multipliers and the weights
they imply. Nothing per disease or per case is learned.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import logsumexp

from osteodx.api import prepare_case
from osteodx.bench.corpus import iter_corpus
from osteodx.bench.metrics import summarise
from osteodx.case.phenopacket import case_from_phenopacket
from osteodx.engine import match as M
from osteodx.engine.differential import SCORE_DECIMALS
from osteodx.engine.likelihood import score_case
from osteodx.engine.params import ModelParameters
from osteodx.errors import InputError
from osteodx.kb.load import load_knowledge_base

#: match type -> the ModelParameters field holding its weight
FEATURES = {
    M.EXACT: "exact_weight",
    M.FINDING_MORE_GENERAL: "general_weight",
    M.FINDING_MORE_SPECIFIC: "specific_weight",
    M.COMMON_ANCESTOR: "ancestor_weight",
    M.NO_MATCH: "unmatched_weight",
}


def case_features(kb, case, params, mask, gold, top, n_random, rng):
    """(candidates, features (k, 5), offset (k,)) with the gold disease first."""
    s = score_case(kb, case, params, detail=True)
    total = np.where(mask, s.total, -np.inf)
    total[gold] = -np.inf
    strongest = np.argpartition(-total, top)[:top]
    pool = np.flatnonzero(mask)
    randoms = rng.choice(pool[pool != gold], n_random, replace=False)
    cand = np.concatenate([[gold], strongest, randoms])
    lr, code = s.log10_lr[:, cand], s.code[:, cand]
    feats = np.stack([np.where(code == c, lr, 0.0).sum(0) for c in FEATURES], axis=1)
    return cand, feats, s.total[cand] - feats.sum(1)


def loss(w, Z, R, a, lam):
    """Listwise softmax loss of the gold (column 0) and its gradient."""
    s = a * (Z @ w + R)
    ls = logsumexp(s, axis=1)
    pr = np.exp(s - ls[:, None])
    pr[:, 0] -= 1.0
    grad = a * np.einsum("nk,nkf->f", pr, Z) / len(Z) + 2 * lam * (w - 1.0)
    return float(np.mean(ls - s[:, 0]) + lam * np.sum((w - 1.0) ** 2)), grad


def fit_scale(Z, R):
    def f(p):
        a = np.exp(p[0])
        s = a * (Z.sum(2) + R)
        ls = logsumexp(s, axis=1)
        pr = np.exp(s - ls[:, None])
        base = Z.sum(2) + R
        grad = a * np.mean((pr * base).sum(1) - base[:, 0])
        return float(np.mean(ls - s[:, 0])), np.array([grad])
    return float(np.exp(minimize(f, [0.0], jac=True, method="L-BFGS-B").x[0]))


def folds_by_cohort(cohorts, k, seed):
    rng = np.random.default_rng(seed)
    names, counts = np.unique(cohorts, return_counts=True)
    order = rng.permutation(len(names))
    order = order[np.argsort(-counts[order], kind="stable")]
    load = np.zeros(k)
    fold_of = {}
    for i in order:
        f = int(np.argmin(load))
        fold_of[str(names[i])] = f
        load[f] += counts[i]
    return np.array([fold_of[c] for c in cohorts])


def ranks(kb, cases, params, mask):
    out = []
    for case, gold in cases:
        t = np.round(score_case(kb, case, params, detail=False).total, SCORE_DECIMALS)
        out.append(int(np.count_nonzero(t[mask] >= t[gold])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--lam", type=float, default=0.01)
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--random", type=int, default=50)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    t0 = time.perf_counter()
    kb = load_knowledge_base()
    mask = kb.namespace_mask("omim")
    base = ModelParameters()
    rng = np.random.default_rng(args.seed)
    cases, cohorts, Z, R = [], [], [], []
    for cc in iter_corpus(args.corpus):
        gold = kb.disease_index.get(cc.gold[0]) if cc.gold else None
        if gold is None or not mask[gold]:
            continue
        try:
            case = case_from_phenopacket(cc.document, kb.ontology, cc.name, strict=False)
            prepare_case(case, kb)
        except InputError:
            continue
        _, feats, offset = case_features(kb, case, base, mask, gold, args.top, args.random, rng)
        cases.append((case, gold))
        cohorts.append(cc.cohort)
        Z.append(feats)
        R.append(offset)
    Z, R = np.asarray(Z), np.asarray(R)
    fold = folds_by_cohort(cohorts, args.folds, args.seed)
    print(json.dumps({"cases": len(cases), "cohorts": len(set(cohorts)),
                      "features_seconds": round(time.perf_counter() - t0, 1)}), flush=True)
    multipliers = []
    before, after = [], []
    for f in range(args.folds):
        tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        a = fit_scale(Z[tr], R[tr])
        res = minimize(loss, np.ones(len(FEATURES)), args=(Z[tr], R[tr], a, args.lam),
                       jac=True, method="L-BFGS-B")
        m = res.x
        fitted = dataclasses.replace(base, **{name: getattr(base, name) * float(x)
                                              for name, x in zip(FEATURES.values(), m,
                                                                 strict=True)})
        held = [cases[i] for i in te]
        rb, rf = ranks(kb, held, base, mask), ranks(kb, held, fitted, mask)
        before += rb
        after += rf
        multipliers.append(m)
        print(json.dumps({
            "fold": f, "train_cases": len(tr), "test_cases": len(te), "scale": round(a, 3),
            "multipliers": dict(zip(FEATURES.values(), np.round(m, 3).tolist(), strict=True)),
            "current": {k: round(v, 4) for k, v in summarise(rb).items()},
            "fitted": {k: round(v, 4) for k, v in summarise(rf).items()}}), flush=True)
    mean = np.mean(multipliers, axis=0)
    print(json.dumps({
        "held_out_current": {k: round(v, 4) for k, v in summarise(before).items()},
        "held_out_fitted": {k: round(v, 4) for k, v in summarise(after).items()},
        "mean_multipliers": dict(zip(FEATURES.values(), np.round(mean, 3).tolist(), strict=True)),
        "implied_weights": {name: round(getattr(base, name) * float(x), 3)
                            for name, x in zip(FEATURES.values(), mean, strict=True)},
        "seconds": round(time.perf_counter() - t0, 1)}), flush=True)


if __name__ == "__main__":
    main()
