"""Accuracy on a corpus with and without the curated knowledge packs (no baseline).

Usage: python benchmarks/packs_effect.py CORPUS
"""

from __future__ import annotations

import json
import sys

from osteodx.bench.runner import run_benchmark
from osteodx.kb.load import load_knowledge_base


def main() -> None:
    corpus = sys.argv[1]
    out = {}
    for packs in (False, True):
        kb = load_knowledge_base(packs=packs)
        s = run_benchmark(corpus, kb, baseline=False).summary()
        out["with_packs" if packs else "without_packs"] = {
            k: s[k] for k in ("cases", "absent_from_kb", "osteodx_all", "osteodx_in_kb")}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
