"""A damaged cache is rebuilt, never a dead end."""

from __future__ import annotations

import pytest

from osteodx.errors import KnowledgeBaseError
from osteodx.kb import cache
from osteodx.kb import load as load_mod
from osteodx.kb.load import load_knowledge_base


@pytest.fixture()
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(load_mod, "_MEMO", {})
    return tmp_path / "cache"


def _load(toy_dir):
    load_mod._MEMO.clear()
    return load_knowledge_base(toy_dir, supplement="none", packs=False)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "cut-in-data"])
def test_damaged_arrays_are_rebuilt(toy_dir, fresh, damage):
    """Was BadZipFile on every later run after `head -c 1000` on the (then) .npz."""
    built = _load(toy_dir)
    (npz,) = fresh.glob("kb-*.arrays")
    data = npz.read_bytes()
    npz.write_bytes({"truncate": data[:1000], "garbage": b"PK\x03\x04" + b"\x00" * 200,
                     "empty": b"", "cut-in-data": data[:-100]}[damage])
    key = npz.name.removesuffix(".arrays")
    assert cache.load(key, fresh) is None
    kb = _load(toy_dir)
    assert kb.disease_ids == built.disease_ids
    assert npz.read_bytes() == data  # rewritten whole


def test_arrays_missing_one_are_rebuilt(toy_dir, fresh):
    from osteodx.kb.arrayfile import read_arrays, write_arrays

    _load(toy_dir)
    (path,) = fresh.glob("kb-*.arrays")
    arrays = {k: v.copy() for k, v in read_arrays(path).items() if k != "background"}
    with path.open("wb") as fh:
        write_arrays(fh, arrays)
    assert cache.load(path.name.removesuffix(".arrays"), fresh) is None


def test_json_of_the_wrong_shape_is_rebuilt(toy_dir, fresh):
    _load(toy_dir)
    (meta,) = fresh.glob("kb-*[0-9a-f].json")
    meta.write_text('["not", "a", "dict"]')
    assert cache.load(meta.name.removesuffix(".json"), fresh) is None
    assert _load(toy_dir).n_diseases > 0


@pytest.mark.parametrize("damage", ["[1,", "", "{}", "[]", "[[1]]", "\x00\xff"])
def test_damaged_synonyms_are_rebuilt_within_the_call(toy_dir, fresh, damage, caplog):
    """Was a one-line error for the call that met them: now that call answers."""
    built = _load(toy_dir).ontology.synonyms
    (syn,) = fresh.glob("kb-*.synonyms.json")
    good = syn.read_bytes()
    syn.write_bytes(damage.encode("latin-1"))
    kb = _load(toy_dir)  # the synonyms are read on first use
    assert kb.ontology.synonyms == built
    assert any(built) and syn.read_bytes() == good  # written back as they were
    assert "cannot read the cached HPO synonyms" in caplog.text


def test_without_a_rebuild_damaged_synonyms_raise_one_line_and_go(toy_dir, fresh):
    _load(toy_dir)
    (syn,) = fresh.glob("kb-*.synonyms.json")
    syn.write_text("[1,")
    kb = cache.load(syn.name.removesuffix(".synonyms.json"), fresh)
    with pytest.raises(KnowledgeBaseError, match="cannot read the cached HPO synonyms"):
        kb.ontology.synonyms  # noqa: B018 - the property reads the file
    assert not syn.exists()  # the entry was removed: the next run rebuilds it
    assert any(_load(toy_dir).ontology.synonyms)


def test_a_rebuild_that_fails_is_one_line(toy_dir, fresh):
    _load(toy_dir)
    (syn,) = fresh.glob("kb-*.synonyms.json")
    syn.write_text("[1,")

    def fail():
        raise KnowledgeBaseError("phenotype.hpoa: gone")

    kb = cache.load(syn.name.removesuffix(".synonyms.json"), fresh, fail)
    with pytest.raises(KnowledgeBaseError, match="nor rebuild them .phenotype.hpoa: gone") as e:
        kb.ontology.synonyms  # noqa: B018 - the property reads the file
    assert "\n" not in str(e.value)


def test_damaged_digest_memo_is_recomputed(toy_dir, fresh):
    from osteodx.ontology.release import locate_release

    rel = locate_release(toy_dir)
    want = rel.checksum(fresh)
    (memo,) = fresh.glob("digest-*.txt")
    memo.write_text(want[:10])
    assert rel.checksum(fresh) == want


@pytest.mark.parametrize("failing", ["savez", "json"])
def test_a_failed_write_leaves_no_temporary_file(toy_dir, fresh, monkeypatch, failing):
    """A full disk: the run goes on uncached, and the cache folder holds no half-written
    temporary files (each run had left one more)."""
    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    real_replace = cache.os.replace

    def replace(src, dst):  # the JSON files' last step fails; the index's goes through
        if str(dst).endswith(".json"):
            full_disk()
        real_replace(src, dst)

    if failing == "savez":
        monkeypatch.setattr(cache.np, "savez", full_disk)
    else:
        monkeypatch.setattr(cache.os, "replace", replace)
    kb = _load(toy_dir)
    assert kb.n_diseases > 0
    assert not [p.name for p in fresh.iterdir() if "tmp" in p.name]


def test_use_cache_false_after_a_cached_load_builds_its_own(toy_dir, fresh):
    """It had returned the cached object (tied to the cache and its tables)."""
    from osteodx.kb.cache import CACHE_KEY

    cached = _load(toy_dir)
    own = load_knowledge_base(toy_dir, supplement="none", packs=False, use_cache=False)
    assert own is not cached
    assert CACHE_KEY in cached.derived and CACHE_KEY not in own.derived
    assert own.disease_ids == cached.disease_ids


def test_synonyms_emptied_in_the_right_shape_are_rebuilt(toy_dir, fresh, caplog):
    """A file of one empty list per term had passed the shape check, and term search
    silently stopped finding terms by their synonyms."""
    import json

    built = _load(toy_dir).ontology.synonyms
    assert any(built)
    (syn,) = fresh.glob("kb-*.synonyms.json")
    syn.write_text(json.dumps([[] for _ in built]))
    kb = _load(toy_dir)
    assert kb.ontology.synonyms == built
    assert "synonyms where the index was built with" in caplog.text
