"""The discount for related findings counted together (docs/model.md, "Related findings"),
from the findings' positive log10 LRs only.

For each disease, a group's positive log10 LRs, largest first, count with weights
``1, r, r^2, ...``: the discount is ``sum_k (r^k - 1) LR+_(k)``. Only the diseases a finding
counts for (a positive log10 LR: a few hundred of the 12,900 for most findings) matter, so
each finding is held as those diseases and values, and a group's table of findings x
diseases is built only over the diseases two or more of its findings count for, in slices of
at most :data:`TABLE_BUDGET` cells: memory stays bounded however many findings a case has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

__all__ = ["TABLE_BUDGET", "Positives", "positive_part", "related_discount"]

#: cells of one group's findings x diseases table built at once (8 bytes each: 16 MB)
TABLE_BUDGET = 1 << 21

#: a finding's positive log10 LRs: (disease indices, ascending; values)
Positives = tuple[np.ndarray, np.ndarray]


def positive_part(row: np.ndarray) -> Positives:
    """The diseases a finding's log10 LR vector counts for, and those values."""
    cols = np.flatnonzero(row > 0.0)
    return cols, row[cols]


def related_discount(n: int, groups: Sequence[tuple[int, Sequence[int]]],
                     positives: Callable[[int], Positives], decay: float) -> np.ndarray:
    """The discount per disease (``n`` of them) for *groups* of related findings
    (``(group term, finding indices)``), reading each finding's positive part from
    *positives*. The arithmetic is the dense computation's, so the totals are the same to
    the last bit."""
    redundancy = np.zeros(n)
    for _, idx in groups:
        parts = [positives(i) for i in idx]
        if len(parts) == 2:  # the common case: the smaller positive part at the decay's weight
            (c0, v0), (c1, v1) = parts
            cols, i0, i1 = np.intersect1d(c0, c1, assume_unique=True, return_indices=True)
            if len(cols):
                redundancy[cols] += (decay - 1.0) * np.minimum(v0[i0], v1[i1])
            continue
        counts = np.zeros(n, dtype=np.int32)
        for c, _ in parts:
            counts[c] += 1
        cols = np.flatnonzero(counts > 1)
        if not len(cols):
            continue
        w = decay ** np.arange(len(parts)) - 1.0
        step = max(1, TABLE_BUDGET // len(parts))
        for start in range(0, len(cols), step):
            part = cols[start:start + step]
            redundancy[part] += w @ _best_first(parts, part)
    return redundancy


def _best_first(parts: list[Positives], cols: np.ndarray) -> np.ndarray:
    """The group's positive values over *cols* (0 where a finding does not count), sorted
    largest first in each column."""
    pos = np.zeros((len(parts), len(cols)))
    for k, (c, v) in enumerate(parts):
        j = np.searchsorted(cols, c)
        hit = j < len(cols)
        hit[hit] = cols[j[hit]] == c[hit]
        pos[k, j[hit]] = v[hit]
    return -np.sort(-pos, axis=0)
