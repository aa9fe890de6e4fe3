"""Every statement of the shipped knowledge packs against the real HPO release."""

from __future__ import annotations

import pytest

from osteodx.diseases.packs import (
    PackAnnotation,
    default_packs,
    load_pack,
    merge_pack,
    validate_pack,
)
from osteodx.diseases.sources import specs_from_hpoa
from osteodx.errors import KnowledgeBaseError
from osteodx.knowledge.validation import SchemaError
from osteodx.ontology.release import locate_release

PACKS = default_packs()


def test_packs_ship():
    assert PACKS and all(p.diseases for p in PACKS)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.pack)
def test_every_hpo_id_is_current_and_labelled(pack, real_kb):
    onto = real_kb.ontology
    refs = []
    for d in pack.diseases:
        refs += [(d.id, a.hpo_id, a.label) for a in d.annotations]
        refs += [(d.id, t.hpo_id, t.label) for t in [*d.inheritance, *d.onset]]
    refs += [(p.hpo_id, p.hpo_id, p.label) for p in pack.patterns]
    refs += [(t.id, r.hpo_id, r.label) for t in pack.tests for r in t.reveals]
    bad = [(where, h) for where, h, _ in refs if onto.resolve(h).status != "current"]
    assert not bad
    wrong = [(where, h, lab) for where, h, lab in refs if lab and onto.label(h) != lab]
    assert not wrong


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.pack)
def test_enriched_diseases_exist_and_new_ones_do_not(pack):
    hpoa = specs_from_hpoa(locate_release().annotations)
    for d in pack.diseases:
        if d.status == "enrich":
            assert d.id in hpoa, d.id
        else:
            assert d.id not in hpoa, d.id
        for e in d.equivalent_ids:
            assert e != d.id


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.pack)
def test_every_statement_is_sourced(pack):
    for d in pack.diseases:
        for a in d.annotations:
            assert a.source.strip(), (d.id, a.hpo_id)


def test_pack_diseases_are_in_the_knowledge_base(real_kb):
    for pack in PACKS:
        for d in pack.diseases:
            assert d.id in real_kb.disease_index
    assert "knowledge_packs" in real_kb.provenance


def test_merge_adds_negated_and_frequency(tmp_path):
    pack = PACKS[0]
    specs: dict = {}
    merge_pack(specs, pack)
    spec = specs[pack.diseases[0].id]
    assert any(a.negated for a in spec.annotations) or any(a.frequency for a in spec.annotations)


_PACK = """schema_version: 1
pack: t
title: t
version: "1"
sources: {{"PMID:1": "x"}}
diseases:
  - id: OSTEODX:x
    label: X
    status: new
    annotations:
      - {{hpo_id: HP:0000001, frequency: {frequency}, source: "{source}"}}
"""


@pytest.mark.parametrize("frequency,source,message", [
    ("HP:0040281", "PMID:2", "PMID:2"),  # a source not listed under `sources`
    ("often", "PMID:1", "frequency"),  # not a frequency
])
def test_bad_pack_is_rejected(tmp_path, frequency, source, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(_PACK.format(frequency=frequency, source=source))
    with pytest.raises(KnowledgeBaseError, match=message):
        load_pack(bad)


def _pack_data(**kw) -> dict:
    return {"schema_version": 1, "pack": "t", "title": "t", "version": "1",
            "sources": {"PMID:1": "x"},
            "diseases": [{"id": "OSTEODX:x", "label": "X", "status": "new", "note": "kept",
                          "annotations": [{"hpo_id": "HP:0000001", "frequency": 0.5,
                                           "source": "PMID:1"}]}], **kw}


def test_validate_pack_keeps_unknown_fields_and_checks_sources():
    import pickle

    pack = validate_pack(_pack_data())
    assert pack.diseases[0].note == "kept"  # unknown fields are kept, as notes are
    assert pickle.loads(pickle.dumps(pack)) == pack
    with pytest.raises(SchemaError, match=r"source 'PMID:1' is not listed"):
        validate_pack(_pack_data(sources={"PMID:2": "y"}))
    with pytest.raises(SchemaError, match=r"diseases\.0\.status: Input should be 'enrich'"):
        validate_pack(_pack_data(diseases=[{"id": "D", "label": "D", "status": "old"}]))


def test_pack_entries_made_in_code_are_checked_too():
    with pytest.raises(ValueError, match="frequency"):
        PackAnnotation(hpo_id="HP:0000001", frequency="often", source="PMID:1")


def test_shipped_packs_survive_pickling():
    import pickle

    assert pickle.loads(pickle.dumps(PACKS)) == PACKS
