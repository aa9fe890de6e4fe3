"""Ranking metrics with pessimistic ties.

>>> pessimistic_rank([3.0, 5.0, 3.0, 1.0], 0)
3
>>> summarise([1, 2, None, 11])["top1"]
0.25
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["pessimistic_rank", "summarise"]


def pessimistic_rank(scores: Sequence[float] | np.ndarray, gold: int) -> int:
    """Rank of *gold* when every tie is ordered before it."""
    s = np.asarray(scores)
    return int(np.count_nonzero(s >= s[gold]))


def summarise(ranks: Sequence[int | None]) -> dict[str, float]:
    """top-1/3/10 and MRR; ``None`` (diagnosis absent) counts as a miss."""
    n = len(ranks)
    if n == 0:
        return {"n": 0, "top1": 0.0, "top3": 0.0, "top10": 0.0, "mrr": 0.0}
    r = np.array([x if x is not None else np.inf for x in ranks], dtype=float)
    return {
        "n": n,
        "top1": float(np.mean(r <= 1)),
        "top3": float(np.mean(r <= 3)),
        "top10": float(np.mean(r <= 10)),
        "mrr": float(np.mean(1.0 / r)),
    }
