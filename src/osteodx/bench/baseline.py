"""Phenomizer-style baseline: Resnik best-match average over the same knowledge base.

``sim(q, t) = IC(MICA(q, t))``; a disease scores the mean of the best matches
of the query to its annotations and of its annotations to the query
(symmetric best-match average). Observed findings only, as Phenomizer does.
Everything is vectorised with ``np.maximum.reduceat`` over the ancestor CSR.
"""

from __future__ import annotations

import numpy as np

from osteodx.kb.knowledge_base import KnowledgeBase

__all__ = ["resnik_bma"]


def _best_per_term(kb: KnowledgeBase, ic_on: np.ndarray) -> np.ndarray:
    """For every term t: max IC over ancestors of t where *ic_on* is set."""
    onto = kb.ontology
    vals = ic_on[onto.anc_idx]
    return np.maximum.reduceat(vals, onto.anc_ptr[:-1])


def resnik_bma(kb: KnowledgeBase, query: list[int]) -> np.ndarray:
    """Symmetric Resnik BMA of the query terms against every disease."""
    n_terms = len(kb.ontology)
    ic = kb.ic
    ptr = kb.ann_ptr
    sizes = np.diff(ptr)
    nonempty = sizes > 0
    starts = ptr[:-1][nonempty]
    q_to_d = np.zeros(kb.n_diseases)
    union = np.zeros(n_terms)
    for q in query:
        on = np.zeros(n_terms)
        anc = kb.ontology.ancestors(q)
        on[anc] = ic[anc]
        union[anc] = ic[anc]
        best = _best_per_term(kb, on)
        per_ann = best[kb.ann_term]
        q_to_d[nonempty] += np.maximum.reduceat(per_ann, starts)
    q_to_d /= max(len(query), 1)
    best_all = _best_per_term(kb, union)[kb.ann_term]
    d_to_q = np.zeros(kb.n_diseases)
    d_to_q[nonempty] = np.add.reduceat(best_all, starts) / sizes[nonempty]
    return 0.5 * (q_to_d + d_to_q)
