"""The related-findings discount from sparse positive parts is the dense computation's,
to the last bit, in one slice or many."""

from __future__ import annotations

import numpy as np
import pytest

from osteodx.engine import redundancy
from osteodx.engine.redundancy import positive_part, related_discount


def _dense(rows: np.ndarray, groups, decay: float) -> np.ndarray:
    """The discount as the engine computed it from full findings x diseases rows."""
    out = np.zeros(rows.shape[1])
    for _, idx in groups:
        group = [rows[i] for i in idx]
        first = np.flatnonzero(group[0] > 0.0)
        if len(group) == 2:
            cols = first[group[1][first] > 0.0]
            if len(cols):
                out[cols] += (decay - 1.0) * np.minimum(group[0][cols], group[1][cols])
            continue
        counts = np.zeros(len(out), dtype=np.int64)
        for r in group:
            counts[np.flatnonzero(r > 0.0)] += 1
        cols = np.flatnonzero(counts > 1)
        if len(cols):
            pos = np.maximum(np.stack([r[cols] for r in group]), 0.0)
            w = decay ** np.arange(len(idx)) - 1.0
            out[cols] += w @ -np.sort(-pos, axis=0)
    return out


@pytest.mark.parametrize("budget", [redundancy.TABLE_BUDGET, 7])
def test_the_sparse_discount_is_the_dense_one(monkeypatch, budget):
    monkeypatch.setattr(redundancy, "TABLE_BUDGET", budget)  # 7: slices of a disease or two
    rng = np.random.default_rng(3)
    rows = np.where(rng.random((9, 40)) < 0.4, rng.normal(0.5, 1.0, (9, 40)), -0.3)
    rows[2] = 0.0  # a finding that counts for no disease
    groups = [(0, [0, 1]), (1, [2, 3, 4, 5]), (2, [6, 7, 8])]
    got = related_discount(40, groups, lambda i: positive_part(rows[i]), 0.8)
    assert np.array_equal(got, _dense(rows, groups, 0.8))
    assert (got < 0).any()


def test_positive_part_keeps_only_what_counts():
    cols, vals = positive_part(np.array([0.0, 0.5, -1.0, 2.0]))
    assert cols.tolist() == [1, 3] and vals.tolist() == [0.5, 2.0]
