"""Survival: a patient seen alive past the age a disease's patients die at weighs against it.

``phenotype.hpoa`` annotates some diseases with an age of death (*Neonatal death*,
*Death in infancy*, *Death in childhood*, ...) and its frequency. A patient whose age is
known has lived at least that long, so for every class of death that ends before that
age, the chance of the observation under the disease falls by the share of its patients
who die in that class:

    log10 LR = w * log10(max(floor, 1 - sum of f_c over classes c ending before the age))

Diseases with no age-of-death annotation, and cases without an age, are unchanged.
"""

from __future__ import annotations

import numpy as np

from osteodx.case.model import Case
from osteodx.engine.params import ModelParameters
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.kb.mortality import DEATH_BY_AGE, DEATH_CLASSES

__all__ = ["survival_log10_lr", "classes_outlived"]

_UPPER = np.array([DEATH_BY_AGE[c] for c in DEATH_CLASSES])


def classes_outlived(age_years: float) -> np.ndarray:
    """Boolean mask over :data:`DEATH_CLASSES`: the classes that end before *age_years*.

    >>> [c for c, o in zip(DEATH_CLASSES, classes_outlived(5.0), strict=True) if o]
    ['HP:0003826', 'HP:0003811', 'HP:0001522']
    """
    return _UPPER < age_years - 1e-9


def survival_log10_lr(kb: KnowledgeBase, case: Case, params: ModelParameters) -> np.ndarray:
    """Per-disease log10 LR of the patient being alive at their stated age."""
    out = np.zeros(kb.n_diseases)
    if case.age_years is None or not params.survival_weight or kb.death_freq.size == 0:
        return out
    outlived = classes_outlived(case.age_years)
    if not outlived.any():
        return out
    key = ("survival", outlived.tobytes(), params.survival_weight, params.survival_floor)
    cached = kb.derived.get(key)  # one of eight age brackets: computed once each
    if cached is None:
        died = kb.death_freq[:, outlived].sum(axis=1, dtype=np.float64)
        rows = np.flatnonzero(died > 0)
        cached = kb.derived[key] = (rows, params.survival_weight * np.log10(
            np.maximum(params.survival_floor, 1.0 - died[rows])))
    rows, values = cached
    out[rows] = values
    return out
