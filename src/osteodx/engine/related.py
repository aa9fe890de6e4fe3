"""Observed findings that are related (they share an ancestor a few levels below Phenotypic
abnormality) count with decreasing weight: see ``docs/model.md``, "Related findings"."""

from __future__ import annotations

import numpy as np

from osteodx.case.model import Case
from osteodx.engine.params import ModelParameters
from osteodx.engine.sex_view import shared_tables
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.ontology.graph import PHENOTYPIC_ABNORMALITY

__all__ = ["related_groups"]


def _depths(kb: KnowledgeBase) -> np.ndarray:
    """Each term's depth below Phenotypic abnormality (shortest path; -1 outside it), by
    relaxing every is_a edge at once until nothing changes (about 15 rounds, a few ms)."""
    tables = shared_tables(kb)
    depth = tables.get("depths")
    if depth is None:
        onto = kb.ontology
        n = len(onto)
        big = np.iinfo(np.int32).max
        depth = np.full(n, big, dtype=np.int64)
        if PHENOTYPIC_ABNORMALITY in onto:
            depth[onto.index[PHENOTYPIC_ABNORMALITY]] = 0
            child = np.repeat(np.arange(n), np.diff(onto.par_ptr))
            parent = onto.par_idx.astype(np.int64)
            while True:
                via = np.where(depth[parent] < big, depth[parent] + 1, big)
                new = depth.copy()
                np.minimum.at(new, child, via)
                if np.array_equal(new, depth):
                    break
                depth = new
        depth[depth == big] = -1
        depth.setflags(write=False)
        tables["depths"] = depth
    return depth


def related_groups(kb: KnowledgeBase, case: Case, params: ModelParameters
                   ) -> list[tuple[int, list[int]]]:
    """Observed findings that share their ancestor at ``params.redundancy_depth`` (the one
    with the smallest index when there are several), in groups of two or more."""
    if params.redundancy_decay >= 1.0:
        return []
    depth = _depths(kb)
    memo = shared_tables(kb).setdefault(("related group", params.redundancy_depth), {})
    by_group: dict[int, list[int]] = {}
    for i, f in enumerate(case.findings):
        if f.excluded:
            continue
        q = kb.ontology.index[f.hpo_id]
        g = memo.get(q)
        if g is None:
            anc = kb.ontology.ancestors(q)
            at = anc[depth[anc] == params.redundancy_depth]
            g = memo[q] = int(at.min()) if len(at) else -1
        if g >= 0:
            by_group.setdefault(g, []).append(i)
    return sorted((g, idx) for g, idx in by_group.items() if len(idx) > 1)
