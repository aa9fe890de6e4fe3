"""A benchmark smoke run on a slice of the shared development corpus (skipped without it)."""

from __future__ import annotations

import pytest

from osteodx.bench.corpus import LEAKY_KEYS
from osteodx.bench.runner import run_benchmark
from tests.conftest import DEV_CORPUS

pytestmark = pytest.mark.skipif(not DEV_CORPUS.is_file(),
                                reason="../shared/data/phenopacket-store absent")


def test_smoke_slice(real_kb):
    result = run_benchmark(DEV_CORPUS, real_kb, limit=60, every=100)
    s = result.summary()
    assert s["cases"] + s["errors"] == 60
    assert s["osteodx_in_kb"]["n"] > 0
    # far better than chance on a slice (chance top-10 is ~0.1%)
    assert s["osteodx_in_kb"]["top10"] > 0.3
    assert s["per_case_ms"]["median"] > 0


def test_gold_never_reaches_the_case():
    from osteodx.bench.corpus import iter_corpus

    for i, cc in enumerate(iter_corpus(DEV_CORPUS)):
        assert cc.gold and not set(LEAKY_KEYS) & set(cc.document)
        if i > 20:
            break
