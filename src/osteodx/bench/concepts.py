"""Concept-recognition benchmark on GSC+-style corpora (JSON lines of abstracts with gold spans).

Document level: micro P/R/F1 over the distinct HPO ids of each abstract; span level:
exact (id, start, end) triples, and overlapping spans with the same id. Ids on both
sides are mapped through alternative / obsolete ids and kept only under
Phenotypic abnormality (HP:0000118), as the gold standard is.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from osteodx.ontology.graph import PHENOTYPIC_ABNORMALITY, Ontology

__all__ = ["ConceptScores", "load_gold", "score_concepts", "run_concept_benchmark"]


@dataclass(slots=True)
class ConceptScores:
    documents: int
    doc_precision: float
    doc_recall: float
    doc_f1: float
    span_f1: float
    overlap_f1: float
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        out = {k: round(getattr(self, k), 4) for k in
               ("doc_precision", "doc_recall", "doc_f1", "span_f1", "overlap_f1")}
        out["documents"] = self.documents
        out["abstracts_per_second"] = round(self.documents / self.seconds, 1) \
            if self.seconds else None
        return out


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _norm(onto: Ontology, items: Iterable[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
    out = set()
    for hid, a, b in items:
        res = onto.resolve(hid)
        if res.hpo_id and onto.is_a(res.hpo_id, PHENOTYPIC_ABNORMALITY):
            out.add((res.hpo_id, a, b))
    return out


Spans = list[tuple[str, int, int]]


def score_concepts(gold_docs: list[dict[str, Any]], predicted: dict[str, Spans],
                   onto: Ontology, seconds: float = 0.0) -> ConceptScores:
    d = [0, 0, 0]
    s = [0, 0, 0]
    ov_p = ov_g = 0
    for doc in gold_docs:
        g = _norm(onto, ((a["hpo_id"], a["start"], a["end"]) for a in doc["annotations"]))
        p = _norm(onto, predicted.get(doc["id"], []))
        gi, pi = {x[0] for x in g}, {x[0] for x in p}
        d[0] += len(gi & pi)
        d[1] += len(pi)
        d[2] += len(gi)
        s[0] += len(g & p)
        s[1] += len(p)
        s[2] += len(g)
        ov_p += sum(any(i == j and a < dd and c < b for j, c, dd in g) for i, a, b in p)
        ov_g += sum(any(i == j and a < dd and c < b for j, c, dd in p) for i, a, b in g)
    dp, dr, df = _prf(*d)
    _, _, sf = _prf(*s)
    op = ov_p / s[1] if s[1] else 0.0
    orr = ov_g / s[2] if s[2] else 0.0
    of = 2 * op * orr / (op + orr) if op + orr else 0.0
    return ConceptScores(len(gold_docs), dp, dr, df, sf, of, seconds)


def run_concept_benchmark(path: str | Path, onto: Ontology,
                          find: Callable[[str], list[tuple[str, int, int]]]) -> ConceptScores:
    """Run *find* (text -> (hpo_id, start, end) list) over the corpus and score it."""
    docs = load_gold(path)
    t0 = time.perf_counter()
    predicted = {doc["id"]: find(doc["text"]) for doc in docs}
    return score_concepts(docs, predicted, onto, time.perf_counter() - t0)
