"""Corpus reading for benchmarks: the gold answer is taken out, cases are parsed leniently."""

from __future__ import annotations

import json

from osteodx.bench.corpus import iter_corpus, parsed_cases
from tests.conftest import phenopacket


def _write(folder, name, features, gold):
    doc = phenopacket(features, pid=name)
    if gold:
        doc["diseases"] = [{"term": {"id": gold, "label": "x"}}]
    (folder / f"{name}.json").write_text(json.dumps(doc))


def test_parsed_cases_keep_gold_apart_and_skip_unusable_cases(tmp_path, toy_kb) -> None:
    cohort = tmp_path / "phenopackets" / "GENE1"  # as phenopacket-store lays them out
    cohort.mkdir(parents=True)
    _write(cohort, "a", [("HP:0000013", False)], "OMIM:100001")
    _write(cohort, "b", [("HP:0000013", False)], None)  # no gold answer
    _write(cohort, "c", [("HP:0000013", False)], "OMIM:999999")  # gold not in the KB
    _write(cohort, "d", [("HP:9999999", False)], "OMIM:100001")  # no usable finding
    got = [(c.case_id, g, cohort) for c, g, cohort in parsed_cases(tmp_path, toy_kb)]
    assert got == [("a", toy_kb.disease_index["OMIM:100001"], "GENE1"), ("c", None, "GENE1")]
    assert all("diseases" not in cc.document for cc in iter_corpus(tmp_path))
    assert [c.case_id for c, _, _ in parsed_cases(tmp_path, toy_kb, every=2, offset=1)] == []
