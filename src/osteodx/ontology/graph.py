"""The HPO as arrays: term index, labels, parents and ancestors, id resolution.

Ancestor sets are stored in CSR form (``anc_ptr``, ``anc_idx``) so that the
engine can fetch every ancestor of a term as one numpy slice.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from osteodx.ontology.obo import OboRelease

__all__ = ["Ontology", "ResolvedTerm", "PHENOTYPIC_ABNORMALITY", "ROOT", "HPO_ID"]

ROOT = "HP:0000001"
PHENOTYPIC_ABNORMALITY = "HP:0000118"
HPO_ID = re.compile(r"^HP:\d{7}$")


@dataclass(frozen=True, slots=True)
class ResolvedTerm:
    """The outcome of looking up an id: the current id and how it was reached."""

    query: str
    hpo_id: str | None  # None when unknown or obsolete without replacement
    status: str  # "current", "alt_id", "obsolete_replaced", "obsolete", "unknown", "malformed"

    @property
    def message(self) -> str | None:
        """A warning text for anything but a current id."""
        if self.status == "alt_id":
            return (f"{self.query} is an alternative (merged, obsolete) id of {self.hpo_id}; "
                    f"using {self.hpo_id}")
        if self.status == "obsolete_replaced":
            return f"{self.query} is obsolete; replaced by {self.hpo_id}"
        if self.status == "obsolete":
            return f"{self.query} is obsolete and has no replacement; finding not used"
        if self.status == "unknown":
            return f"{self.query} is not a term of this HPO release; finding not used"
        if self.status == "malformed":
            return f"{self.query!r} is not an HPO id (expected HP:nnnnnnn); finding not used"
        return None


class Ontology:
    """A compiled HPO release.

    Terms are numbered ``0..n-1`` in the order of ``ids``; every array is
    indexed by that number.
    """

    def __init__(
        self,
        version: str,
        ids: list[str],
        labels: list[str],
        synonyms: list[list[tuple[str, str]]] | Callable[[], list[list[tuple[str, str]]]],
        par_ptr: np.ndarray,
        par_idx: np.ndarray,
        anc_ptr: np.ndarray,
        anc_idx: np.ndarray,
        alt_ids: dict[str, str],
        obsolete: dict[str, str | None],
    ) -> None:
        self.version = version
        self.ids = ids
        self.labels = labels
        self._synonyms = synonyms  # or a loader: only term search and text need them
        self.par_ptr = par_ptr
        self.par_idx = par_idx
        self.anc_ptr = anc_ptr
        self.anc_idx = anc_idx
        self.alt_ids = alt_ids  # alternative id -> current id
        self.obsolete = obsolete  # obsolete id -> replacement (None: none given)
        self.index = {tid: i for i, tid in enumerate(ids)}
        self._children: list[list[int]] | None = None

    # -- construction -------------------------------------------------------
    @classmethod
    def from_obo(cls, release: OboRelease) -> Ontology:
        """Compile parsed OBO terms: drop obsolete terms, map alt and obsolete ids."""
        current = [t for t in release.terms if not t.obsolete]
        ids = [t.id for t in current]
        index = {tid: i for i, tid in enumerate(ids)}
        alt_ids = {alt: t.id for t in current for alt in t.alt_ids}
        obsolete: dict[str, str | None] = {}
        for t in release.terms:
            if t.obsolete:
                target = next((r for r in t.replaced_by if r in index), None)
                obsolete[t.id] = target
                for alt in t.alt_ids:
                    obsolete.setdefault(alt, target)
        parents = [[index[p] for p in t.parents if p in index] for t in current]
        par_ptr = np.zeros(len(ids) + 1, dtype=np.int64)
        par_ptr[1:] = np.cumsum([len(p) for p in parents])
        par_idx = np.fromiter((p for ps in parents for p in ps), dtype=np.int32,
                              count=int(par_ptr[-1]))
        ancestors = _ancestor_sets(parents)
        anc_ptr = np.zeros(len(ids) + 1, dtype=np.int64)
        anc_ptr[1:] = np.cumsum([len(a) for a in ancestors])
        anc_idx = np.fromiter((a for anc in ancestors for a in sorted(anc)), dtype=np.int32,
                              count=int(anc_ptr[-1]))
        return cls(release.version, ids, [t.name for t in current],
                   [t.synonyms for t in current], par_ptr, par_idx, anc_ptr, anc_idx, alt_ids,
                   obsolete)

    # -- lookups --------------------------------------------------------------
    @property
    def synonyms(self) -> list[list[tuple[str, str]]]:
        """Each term's ``(synonym, scope)`` pairs (read on first use when cached)."""
        if callable(self._synonyms):
            self._synonyms = self._synonyms()
        return self._synonyms

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, hpo_id: object) -> bool:
        return hpo_id in self.index

    def label(self, hpo_id: str) -> str:
        """The primary label of a current id (empty string if unknown)."""
        i = self.index.get(hpo_id)
        return self.labels[i] if i is not None else ""

    def resolve(self, query: str) -> ResolvedTerm:
        """Map *query* to a current id, following alt ids and ``replaced_by``."""
        q = query.strip()
        if not HPO_ID.match(q):
            return ResolvedTerm(query, None, "malformed")
        if q in self.index:
            return ResolvedTerm(query, q, "current")
        if q in self.alt_ids:
            return ResolvedTerm(query, self.alt_ids[q], "alt_id")
        if q in self.obsolete:
            target = self.obsolete[q]
            if target is None:
                return ResolvedTerm(query, None, "obsolete")
            return ResolvedTerm(query, target, "obsolete_replaced")
        return ResolvedTerm(query, None, "unknown")

    def resolve_or_warn(self, query: str) -> str | None:
        """Resolve *query*; emit a :class:`UserWarning` for anything not current."""
        res = self.resolve(query)
        if res.message:
            warnings.warn(res.message, stacklevel=2)
        return res.hpo_id

    def ancestors(self, i: int) -> np.ndarray:
        """Indices of the ancestors of term *i*, itself included (sorted)."""
        return self.anc_idx[self.anc_ptr[i]:self.anc_ptr[i + 1]]

    def parents(self, i: int) -> np.ndarray:
        """Indices of the direct parents of term *i*."""
        return self.par_idx[self.par_ptr[i]:self.par_ptr[i + 1]]

    def children(self, i: int) -> list[int]:
        """Indices of the direct children of term *i*."""
        if self._children is None:
            # one sort of the parent links instead of a Python loop over every term
            child = np.repeat(np.arange(len(self.ids)), np.diff(self.par_ptr))
            order = np.argsort(self.par_idx, kind="stable")
            bounds = np.searchsorted(self.par_idx[order], np.arange(len(self.ids) + 1))
            flat = child[order].tolist()
            self._children = [flat[a:b] for a, b in zip(bounds[:-1].tolist(),
                                                        bounds[1:].tolist(), strict=True)]
        return self._children[i]

    def is_a(self, child: str, ancestor: str) -> bool:
        """True when *child* is *ancestor* or one of its descendants."""
        ci, ai = self.index.get(child), self.index.get(ancestor)
        if ci is None or ai is None:
            return False
        anc = self.ancestors(ci)
        pos = np.searchsorted(anc, ai)
        return bool(pos < len(anc) and anc[pos] == ai)

    def descendants(self, hpo_id: str) -> set[str]:
        """Every descendant of *hpo_id*, itself included."""
        start = self.index[hpo_id]
        seen = {start}
        stack = [start]
        while stack:
            for c in self.children(stack.pop()):
                if c not in seen:
                    seen.add(c)
                    stack.append(c)
        return {self.ids[i] for i in seen}

    def search(self, query: str, limit: int = 20) -> Iterator[tuple[str, str, str]]:
        """Terms whose label or synonym contains every word of *query*.

        Yields ``(hpo_id, label, matched_text)``; exact label matches first.
        """
        query = query.strip()
        loose_id = _LOOSE_ID.fullmatch(query)
        if loose_id:  # "hp:0002650", "HP_0002650"
            query = f"HP:{loose_id.group(1)}"
        if HPO_ID.match(query):
            res = self.resolve(query)
            if res.hpo_id:
                yield res.hpo_id, self.label(res.hpo_id), res.hpo_id
            return
        folded = _fold(query)
        words = [w for w in re.split(r"\W+", folded) if w]
        if not words:  # nothing to look for ("", "*", "("): no term, rather than all
            return
        hits: list[tuple[int, int, str, str]] = []
        for i, label in enumerate(self.labels):
            for text in _names(label, self.synonyms[i]):
                low = _fold(text)
                if all(w in low for w in words):
                    rank = 0 if low == folded else (1 if text == label else 2)
                    hits.append((rank, len(text), self.ids[i], text))
                    break
        hits.sort()
        for _, _, tid, text in hits[:limit]:
            yield tid, self.label(tid), text


_LOOSE_ID = re.compile(r"(?i)hp[:_](\d{7})")


def _fold(text: str) -> str:
    """Lower case without accents, so that "café" finds "Cafe-au-lait spot".

    >>> _fold("Café-au-lait")
    'cafe-au-lait'
    """
    if text.isascii():
        return text.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).lower()


def _names(label: str, synonyms: Iterable[tuple[str, str]]) -> Iterator[str]:
    yield label
    for text, _scope in synonyms:
        yield text


def _ancestor_sets(parents: list[list[int]]) -> list[set[int]]:
    """Transitive closure of *parents*, each set including the term itself."""
    n = len(parents)
    memo: list[set[int] | None] = [None] * n
    for start in range(n):
        if memo[start] is not None:
            continue
        stack = [start]
        while stack:
            node = stack[-1]
            pending = [p for p in parents[node] if memo[p] is None]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            if memo[node] is None:
                acc = {node}
                for p in parents[node]:
                    acc |= memo[p]  # type: ignore[operator]
                memo[node] = acc
    return memo  # type: ignore[return-value]
