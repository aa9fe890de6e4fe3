"""Family history against each disease's modes of inheritance: the parents' status,
consanguinity, X-linked transmission through carrier women, or a mode of inheritance the report
reads from the pedigree (``docs/model.md``, "Age, sex and breadth")."""

from __future__ import annotations

import numpy as np

from osteodx.case.model import Case
from osteodx.engine.params import ModelParameters
from osteodx.kb.knowledge_base import INHERITANCE_FLAGS, KnowledgeBase

__all__ = ["family_log10_lr"]

_AD = INHERITANCE_FLAGS["HP:0000006"]
_AR = INHERITANCE_FLAGS["HP:0000007"]
_PARENTS = {"mother", "father", "parent", "parents"}
_XL_ANY = sum(INHERITANCE_FLAGS[k] for k in ("HP:0001417", "HP:0001419", "HP:0001423"))
_NOT_XL = sum(v for v in INHERITANCE_FLAGS.values() if not v & _XL_ANY)
#: a male patient's relatives through whom an X chromosome reaches him
_MATERNAL_MALES = {"uncle", "grandfather", "cousin"}


def family_log10_lr(kb: KnowledgeBase, case: Case, params: ModelParameters) -> np.ndarray:
    """log10 LR of the parents' status for dominant and recessive diseases, or of the
    mode of inheritance the report states (which already reads the relatives' status,
    so the two are not multiplied)."""
    out = np.zeros(kb.n_diseases)
    if not case.family:
        return out
    inh = kb.inheritance
    stated = [f["mode"] for f in case.family if f.get("mode")]
    if stated:  # the clinician's reading of the pedigree stands for the relatives' status
        mask = 0
        for mode in stated:
            flag = INHERITANCE_FLAGS.get(mode, 0)
            mask |= _XL_ANY if flag & _XL_ANY else flag
        lr = np.log10(params.stated_inheritance_lr)
        out[(inh & mask) > 0] += lr
        out[(inh > 0) & ((inh & mask) == 0)] -= lr
        return out
    status = [f.get("affected") for f in case.family if f.get("relation") in _PARENTS]
    # "family history unremarkable", "no one else in the family is affected": parents too
    status += [False for f in case.family
               if f.get("relation") == "family members" and f.get("affected") is False]
    dominant = (inh & _AD) > 0
    recessive_only = ((inh & _AR) > 0) & ~dominant
    if any(f.get("consanguineous") is True for f in case.family):
        out[(inh & _AR) > 0] += np.log10(params.consanguinity_recessive_lr)
    if case.sex == "MALE":
        x_linked = (inh & _XL_ANY) > 0
        if any(f.get("affected") is True and (f.get("relation") == "mother" or (
                f.get("relation") in _MATERNAL_MALES and "maternal" in (f.get("note") or "")))
               for f in case.family):
            out[x_linked] += np.log10(params.x_linked_maternal_lr)
        if any(f.get("affected") is True and f.get("relation") == "father"
               for f in case.family):
            out[x_linked & ((inh & _NOT_XL) == 0)] += np.log10(params.male_to_male_x_linked_lr)
    if not any(s is not None for s in status):
        return out
    if any(s is True for s in status):
        out[dominant] += np.log10(params.affected_parent_dominant_lr)
        out[recessive_only] += -0.5 * np.log10(params.affected_parent_dominant_lr)
    elif any(s is False for s in status):
        out[dominant & ~((inh & _AR) > 0)] += np.log10(params.unaffected_parent_dominant_lr)
    return out
