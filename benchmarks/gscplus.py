"""Concept recognition on GSC+ (document- and span-level P/R/F1, throughput).

Usage: python benchmarks/gscplus.py [CORPUS.jsonl] [--fasthpocr HP_INDEX] [--split dev|test]

Runs osteodx's recogniser (HPO labels, synonyms and the curated extra synonyms) on
every abstract; with ``--fasthpocr`` also FastHPOCR (``pip install fasthpocr pronto``;
index from ``benchmarks/build_fasthpocr_index.py``) on the same abstracts with the same
scorer. Recognisers are built or loaded before timing.
"""

from __future__ import annotations

import argparse
import json
import tempfile

from osteodx.bench.concepts import run_concept_benchmark
from osteodx.kb.load import load_knowledge_base
from osteodx.text.vocabulary import recognizer_for

DEFAULT = "../shared/data/gscplus/gscplus-dev.jsonl"


def _subset(path: str, split: str | None) -> str:
    if split is None:
        return path
    lines = [x for x in open(path, encoding="utf-8") if json.loads(x).get("split") == split]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.writelines(lines)
    return fh.name


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=DEFAULT)
    ap.add_argument("--fasthpocr", help="FastHPOCR hp.index file to run side by side")
    ap.add_argument("--split", choices=["dev", "test"])
    args = ap.parse_args()
    path = _subset(args.corpus, args.split)
    kb = load_knowledge_base()
    rec = recognizer_for(kb)
    out = {"corpus": args.corpus, "split": args.split or "all", "hpo_version": kb.hpo_version}
    out["osteodx"] = run_concept_benchmark(
        path, kb.ontology, lambda t: [(m.hpo_id, m.start, m.end) for m in rec.find(t)]).to_dict()
    if args.fasthpocr:
        from FastHPOCR.HPOAnnotator import HPOAnnotator

        ann = HPOAnnotator(args.fasthpocr)
        out["fasthpocr"] = run_concept_benchmark(path, kb.ontology, lambda t: [
            (a.getHPOUri(), a.getStartOffset(), a.getEndOffset()) for a in ann.annotate(t)
        ]).to_dict()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
