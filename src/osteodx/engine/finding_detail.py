"""Each finding's log10 LR, match code and matched term for the diseases an explanation
shows, worked out when they are asked for.

A case's totals are summed from the batch's memo of sparse per-finding vectors
(:func:`osteodx.engine.finding_cache.cached_logs`), which hold no match codes. Keeping every
finding's full detail would take ``n_findings x n_diseases x 13`` bytes (840 MB for a
phenopacket with 5,000 terms against the 12,900 diseases), and working it out over every
disease costs several times the scoring itself, while a report explains the 20 or so
diseases it shows. So the columns of the diseases asked for are worked out here for all
findings at once, on the knowledge base restricted to those diseases
(:func:`osteodx.engine.sex_view.restrict`: the same values to the last bit, since every
disease's value depends only on its own annotations and on the full knowledge base's
background), and kept within :data:`COLUMN_BUDGET`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from osteodx.engine.detail_block import detail_block
from osteodx.engine.finding_vectors import excluded_lr, observed_lr
from osteodx.engine.params import ModelParameters
from osteodx.kb.knowledge_base import KnowledgeBase

__all__ = ["COLUMN_BUDGET", "Column", "FindingDetail", "finding_row"]

#: finding x disease cells kept at most (13 bytes each: about 27 MB)
COLUMN_BUDGET = 1 << 21

#: per finding: (log10 LR, match code, matched term index or -1)
Column = tuple[np.ndarray, np.ndarray, np.ndarray]


def finding_row(kb: KnowledgeBase, q: int, excluded: bool, params: ModelParameters,
                weights: np.ndarray) -> Column:
    """One finding's weighted log10 LR, match code and matched term over every disease of
    *kb* (or of a restricted view): the detailed path's arithmetic, which the totals of
    ``score_case(..., detail=True)`` are summed from and the explanations read."""
    fn = excluded_lr if excluded else observed_lr
    lr, code, matched = fn(kb, q, params, kb.n_diseases, True)
    logs = np.log10(lr)
    if not excluded:
        logs *= weights.take(code)
    return logs, code, matched


class FindingDetail:
    """The per-finding detail of one scored case, by disease, computed on demand.

    *kb* is the knowledge base the case was scored on (a sex view for a patient of known
    sex) and *findings* the case's findings as ``(term index, excluded)``, in order.
    """

    def __init__(self, kb: KnowledgeBase, findings: Sequence[tuple[int, bool]],
                 params: ModelParameters, weights: np.ndarray) -> None:
        self.kb = kb
        self.findings = list(findings)
        self.params = params
        self.weights = weights
        #: disease columns kept at most (and worked out per pass): the budget over the findings
        self.capacity = max(1, COLUMN_BUDGET // max(len(self.findings), 1))
        self._columns: dict[int, Column] = {}

    def row(self, i: int) -> Column:
        """Finding *i* over every disease, worked out in full (not kept)."""
        q, excluded = self.findings[i]
        return finding_row(self.kb, q, excluded, self.params, self.weights)

    def prepare(self, diseases: Iterable[int]) -> None:
        """Work out the columns of *diseases* not yet kept, as few passes over the findings
        as the budget allows (one for a report's top 20): describing diseases one by one
        would cost a pass each."""
        missing = sorted({int(d) for d in diseases} - self._columns.keys())
        for start in range(0, len(missing), self.capacity):
            self._compute(np.array(missing[start:start + self.capacity], dtype=np.intp))

    def column(self, d: int) -> Column:
        """Every finding's ``(log10 LR, code, matched)`` for disease *d*."""
        got = self._columns.get(d)
        if got is None:
            self.prepare([d])
            got = self._columns[d]
        return got

    def kept(self) -> int:
        """How many finding x disease cells are kept (bounded by :data:`COLUMN_BUDGET`)."""
        return len(self._columns) * len(self.findings)

    def dense(self) -> Column:
        """All findings x all diseases, each row worked out in full: for analyses of a few
        cases only (``n_findings x n_diseases x 13`` bytes)."""
        nf, n = len(self.findings), self.kb.n_diseases
        logs = np.zeros((nf, n))
        code = np.zeros((nf, n), dtype=np.int8)
        matched = np.full((nf, n), -1, dtype=np.int32)
        for i in range(nf):
            logs[i], code[i], matched[i] = self.row(i)
        return logs, code, matched

    def _compute(self, rows: np.ndarray) -> None:
        logs, code, matched = detail_block(self.kb, rows, self.findings, self.params,
                                           self.weights)
        k = len(rows)
        while self._columns and len(self._columns) + k > self.capacity:
            self._columns.pop(next(iter(self._columns)))  # first in, first out
        for j, d in enumerate(rows.tolist()):
            self._columns[d] = (logs[j].copy(), code[j].copy(), matched[j].copy())
