"""Speed of reading a long case report: context analysis and lab extraction on 10 kB.

Usage: python benchmarks/text_speed.py [--repeat 5]

Speed goals live here, not in unit tests (a loaded machine must not fail the test suite).
Prints the best of ``--repeat`` runs in milliseconds for each stage, as JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import time

from osteodx.text.concepts import ConceptMatch
from osteodx.text.context import analyse, context_of
from osteodx.text.labs import extract_labs

PARAGRAPH = (
    "There was no tenderness, redness and heatness on her back. Back mobility was normal and "
    "kyphoscoliosis was not observed. Her mother did not have osteosclerotic lesion in spine "
    "radiograph. Skull X-ray did not show any abnormality (Fig. 2). Both rib series were "
    "normal. Clinically, bone pain, recurrent fractures, back pain, and degenerative arthritis "
    "can be presented in ADO. There was suspiciously increased uptake in vertebra.\n")
LABS = ("The patient's 25-OH-D was 11.3 ng/mL (normal range 30.1 to 100.0 ng/mL) and "
        "3.7 mg/dL phosphate (normal range 2.3 to 4.7 mg/dL) were measured. Liver function "
        "was normal. Nothing else of note was found on imaging of the spine and pelvis. ")
WORDS = ("tenderness", "redness", "kyphoscoliosis", "osteosclerotic lesion", "abnormality",
         "bone pain", "back pain", "increased uptake")


def best_ms(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        context_of.cache_clear()  # each run parses the text anew, as a new report would be
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return round(best * 1000, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    text = "CASE\n" + PARAGRAPH * (10_000 // len(PARAGRAPH) + 1)
    matches = [ConceptMatch("HP:0000000", m.start(), m.end(), m.group(), m.group())
               for m in re.finditer("|".join(WORDS), text)]
    labs = LABS * (10_000 // len(LABS) + 1)
    extract_labs(labs)  # warm up: catalogue and unit registry load once
    print(json.dumps({
        "context_10kb_ms": best_ms(lambda: analyse(text, matches), args.repeat),
        "context_matches": len(matches),
        "labs_10kb_ms": best_ms(lambda: extract_labs(labs), args.repeat),
        "characters": [len(text), len(labs)],
    }))


if __name__ == "__main__":
    main()
