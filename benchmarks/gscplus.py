"""Concept recognition on GSC+ (document- and span-level P/R/F1, throughput).

Usage: python benchmarks/gscplus.py [../shared/data/gscplus/gscplus-dev.jsonl]

Runs osteodx's recogniser (HPO labels, synonyms and the curated extra synonyms) on
every abstract. The recogniser is built (or loaded from cache) before timing.
"""

from __future__ import annotations

import json
import sys

from osteodx.bench.concepts import run_concept_benchmark
from osteodx.kb.load import load_knowledge_base
from osteodx.text.vocabulary import recognizer_for

DEFAULT = "../shared/data/gscplus/gscplus-dev.jsonl"


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    kb = load_knowledge_base()
    rec = recognizer_for(kb)
    scores = run_concept_benchmark(
        path, kb.ontology, lambda text: [(m.hpo_id, m.start, m.end) for m in rec.find(text)])
    print(json.dumps({"corpus": path, "hpo_version": kb.hpo_version, **scores.to_dict()},
                     indent=2))


if __name__ == "__main__":
    main()
