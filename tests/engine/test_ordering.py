"""The shown rows and folded groups against a plain sort of every candidate."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from osteodx.engine.ordering import competition_rank, shadowed, shown_rows


def _fake_kb(n: int, groups: list[list[int]], rng: np.random.Generator) -> SimpleNamespace:
    return SimpleNamespace(n_diseases=n, derived={"equivalence groups": groups,
                                                  "id place": rng.permutation(n)})


def _groups(n: int, rng: np.random.Generator) -> list[list[int]]:
    free = rng.permutation(n).tolist()
    out = []
    while len(free) > 3 and len(out) < n // 4:
        size = int(rng.integers(2, 4))
        out.append(sorted(free[:size]))
        free = free[size:]
    return sorted(out)


def _shadowed_by_sort(kb, total, mask):
    """The former implementation: one lexsort by group, score and id."""
    hide = np.zeros(len(mask), dtype=bool)
    groups = [g for g in kb.derived["equivalence groups"] if len(g) > 1]
    members = np.array([d for g in groups for d in g], dtype=np.intp)
    gid = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
    place = kb.derived["id place"][members]
    keep = mask[members]
    members, gid, place = members[keep], gid[keep], place[keep]
    order = np.lexsort((place, -total[members], gid))
    g = gid[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = g[1:] != g[:-1]
    hide[members[order[~first]]] = True
    return hide


@pytest.mark.parametrize("seed", range(20))
def test_folded_rows_are_those_of_a_full_sort(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 300))
    kb = _fake_kb(n, _groups(n, rng), rng)
    total = np.round(rng.normal(size=n), int(rng.integers(0, 2)))  # many ties
    mask = rng.random(n) < 0.8
    assert np.array_equal(shadowed(kb, total, mask), _shadowed_by_sort(kb, total, mask))


def test_no_groups_hides_nothing():
    rng = np.random.default_rng(0)
    kb = _fake_kb(10, [[3]], rng)
    assert not shadowed(kb, rng.normal(size=10), np.ones(10, dtype=bool)).any()


@pytest.mark.parametrize("seed", range(20))
def test_shown_rows_are_the_head_of_a_full_sort(seed):
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(1, 400))
    kb = _fake_kb(n + 50, [], rng)
    idx = np.sort(rng.choice(n + 50, size=n, replace=False))
    score = np.round(rng.normal(size=n), int(rng.integers(0, 3)))
    full = np.lexsort((kb.derived["id place"][idx], -score))
    ranks = np.array([competition_rank(score, j) for j in range(n)])
    for top in (1, 2, 5, 20, n, n + 3, None):
        got = shown_rows(kb, idx, score, top)
        limit = n if top is None else min(top, n)
        cut = int(np.count_nonzero(score >= score[full[limit - 1]]))
        assert got.order.tolist() == full[:cut].tolist()
        assert got.ranks.tolist() == ranks[got.order].tolist()
        if cut > limit:
            last = ranks[full[limit - 1]]
            assert got.tie == (f"{cut - last + 1} candidates tie at rank {last}: all are "
                               f"shown ({cut} rows for top {limit})")
        else:
            assert got.tie is None
