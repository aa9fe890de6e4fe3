"""The pre-test odds of each disease from its sourced prevalence (``docs/model.md``,
"Prior")."""

from __future__ import annotations

import numpy as np

from osteodx.engine.params import ModelParameters
from osteodx.kb.knowledge_base import KnowledgeBase

__all__ = ["prevalence_log10_odds"]


def prevalence_log10_odds(kb: KnowledgeBase, params: ModelParameters) -> np.ndarray:
    """Pre-test log10 odds of each disease against a typical rare disease, from its sourced
    prevalence (0 for diseases without a figure, and for figures rarer than the reference)."""
    if not params.prevalence_weight or not len(kb.prevalence_one_in):
        return np.zeros(kb.n_diseases)
    key = ("prevalence", params.prevalence_weight, params.prevalence_cap_one_in)
    odds = kb.derived.get(key)  # the same for every case of a batch
    if odds is None:
        one_in = np.nan_to_num(kb.prevalence_one_in, nan=kb.reference_one_in)
        one_in = np.maximum(one_in, params.prevalence_cap_one_in)
        odds = params.prevalence_weight * np.maximum(np.log10(kb.reference_one_in / one_in), 0.0)
        odds.setflags(write=False)
        kb.derived[key] = odds
    return odds
