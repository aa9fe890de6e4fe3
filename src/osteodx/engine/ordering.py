"""Which candidates a differential shows, and in what order.

The OMIM and Orphanet entries of one disease show as one row (the group's best-scoring
member), candidates are ordered by score and then by id, and ties share a rank. A report
shows the top 10 or 20 of about 12,900 candidates, so the shown rows are picked by a
threshold on the score (one partition, no sort of every candidate) and only they are
sorted; any other candidate's rank is counted when it is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from osteodx.kb.knowledge_base import KnowledgeBase

__all__ = ["equivalence_groups", "shadowed", "Shown", "shown_rows", "competition_rank"]


def equivalence_groups(kb: KnowledgeBase) -> list[list[int]]:
    """Diseases declared the same (OMIM and Orphanet ids of one disease), as groups closed
    under the declarations: if A is B and B is C, one row shows all three, even where A and
    C were never paired (pairs alone would list B twice or hide it for good)."""
    got = kb.derived.get("equivalence groups")
    if got is None:
        parent: dict[int, int] = {}

        def find(x: int) -> int:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for did, eqs in kb.equivalents.items():
            for e in eqs:
                a, b = find(kb.disease_index[did]), find(kb.disease_index[e])
                if a != b:
                    parent[max(a, b)] = min(a, b)
        groups: dict[int, list[int]] = {}
        for x in sorted(parent):
            groups.setdefault(find(x), []).append(x)
        got = kb.derived["equivalence groups"] = sorted(groups.values())
    return got


def id_place(kb: KnowledgeBase) -> np.ndarray:
    """Each disease id's place in sorted order: ties are broken by id, and comparing these
    integers orders as comparing the ids, without building the strings for every case."""
    got = kb.derived.get("id place")
    if got is None:
        got = np.empty(kb.n_diseases, dtype=np.intp)
        got[np.argsort(np.array(kb.disease_ids))] = np.arange(kb.n_diseases)
        kb.derived["id place"] = got
    return got


def _group_arrays(kb: KnowledgeBase) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The members of every equivalence group of two or more, flattened and ordered by
    group, then by id: (disease, group number, where each group starts), built once per
    knowledge base."""
    got = kb.derived.get("equivalence members")
    if got is None:
        groups = [g for g in equivalence_groups(kb) if len(g) > 1]
        members = np.array([d for g in groups for d in g], dtype=np.intp)
        gid = np.repeat(np.arange(len(groups)), [len(g) for g in groups]).astype(np.intp)
        order = np.lexsort((id_place(kb)[members], gid))
        members, gid = members[order], gid[order]
        starts = np.flatnonzero(np.r_[True, gid[1:] != gid[:-1]]) if len(gid) \
            else np.zeros(0, dtype=np.intp)
        got = kb.derived["equivalence members"] = (members, gid, starts)
    return got


def shadowed(kb: KnowledgeBase, total: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Diseases hidden because another member of their equivalence group scores higher (on
    a tie, the larger id is hidden): each group shows as one row.

    Members are stored by group and id, so a group's row is its first member (in id order)
    that reaches the group's best score among the candidates of *mask*.
    """
    hide = np.zeros(len(mask), dtype=bool)
    members, gid, starts = _group_arrays(kb)
    if not len(members):
        return hide
    keep = mask[members]
    s = np.where(keep, total[members], -np.inf)
    best = np.maximum.reduceat(s, starts)
    top = keep & (s == best[gid])
    count = np.cumsum(top)
    before = np.concatenate(([0], count))[starts]  # tops in earlier groups
    winner = top & (count - before[gid] == 1)
    hide[members[keep & ~winner]] = True
    return hide


@dataclass(frozen=True, slots=True)
class Shown:
    """The rows to show, as positions among the candidates, best first, with their
    competition ranks; ``tie`` says how many candidates share the last rank when showing
    them all went past the asked-for number."""

    order: np.ndarray
    ranks: np.ndarray
    tie: str | None = None


def shown_rows(kb: KnowledgeBase, idx: np.ndarray, score: np.ndarray, top: int | None
               ) -> Shown:
    """The best *top* candidates (disease indices *idx*, scores *score*), ordered by score
    and then by id; a tie at the last place is never cut: everyone in it is shown.

    >>> kb = type("KB", (), {"derived": {"id place": np.arange(5)}})()
    >>> s = shown_rows(kb, np.arange(5), np.array([1.0, 3.0, 2.0, 3.0, 2.0]), 2)
    >>> s.order.tolist(), s.ranks.tolist(), s.tie
    ([1, 3], [1, 1], None)
    >>> s = shown_rows(kb, np.arange(5), np.array([1.0, 3.0, 2.0, 3.0, 2.0]), 3)
    >>> s.order.tolist(), s.ranks.tolist(), s.tie
    ([1, 3, 2, 4], [1, 1, 3, 3], '2 candidates tie at rank 3: all are shown (4 rows for top 3)')
    """
    n = len(score)
    limit = n if top is None else min(top, n)
    if limit <= 0:
        return Shown(np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp))
    if limit < n:
        threshold = np.partition(score, n - limit)[n - limit]  # the limit-th best score
        chosen = np.flatnonzero(score >= threshold)
    else:
        chosen = np.arange(n)
    order = chosen[np.lexsort((id_place(kb)[idx[chosen]], -score[chosen]))]
    ranks = _competition_ranks(score[order])
    tie = None
    if len(order) > limit:
        last = int(ranks[limit - 1])
        tie = (f"{len(order) - last + 1} candidates tie at rank {last}: all are shown "
               f"({len(order)} rows for top {limit})")
    return Shown(order, ranks, tie)


def competition_rank(score: np.ndarray, j: int) -> int:
    """Candidate *j*'s rank: 1 + how many candidates score strictly higher."""
    return 1 + int(np.count_nonzero(score > score[j]))


def _competition_ranks(sorted_scores: np.ndarray) -> np.ndarray:
    """The ranks of scores sorted best first (ties share the first place of their run).

    >>> _competition_ranks(np.array([5.0, 3.0, 3.0, 1.0])).tolist()
    [1, 2, 2, 4]
    """
    n = len(sorted_scores)
    new = np.ones(n, dtype=bool)
    new[1:] = sorted_scores[1:] != sorted_scores[:-1]
    return np.maximum.accumulate(np.where(new, np.arange(n), 0)) + 1
