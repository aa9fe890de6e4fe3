"""Build FastHPOCR's index for an hp.obo, to run it side by side in benchmarks/gscplus.py.

Usage: python benchmarks/build_fasthpocr_index.py HP_OBO OUT_DIR [--fast]

FastHPOCR (``pip install fasthpocr pronto``) is not an osteodx dependency. Its stock
indexer scans the whole vocabulary once per synonym cluster (20+ CPU minutes here);
``--fast`` replaces that one step with an equivalent single-pass inverse map (~2 min).
"""

from __future__ import annotations

import argparse
import os
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("hp_obo")
    ap.add_argument("out_dir")
    ap.add_argument("--fast", action="store_true")
    args = ap.parse_args()
    from FastHPOCR.cr import CRIndexKB as kbmod
    from FastHPOCR.IndexHPO import IndexHPO

    if args.fast:
        inverse: dict = {}

        def compile_cluster_list(self, cluster_id, base_clusters):
            if inverse.get("_src") is not base_clusters:
                inverse.clear()
                inverse["_src"] = base_clusters
                for token, cid in base_clusters.items():  # same order as the stock scan
                    inverse.setdefault(cid, []).append(token)
            return list(inverse.get(cluster_id, []))

        kbmod.CRIndexKB.compileClusterList = compile_cluster_list
    os.makedirs(args.out_dir, exist_ok=True)
    t = time.time()
    IndexHPO(args.hp_obo, args.out_dir).index()
    print(f"built {args.out_dir}/hp.index in {time.time() - t:.1f} s")


if __name__ == "__main__":
    main()
