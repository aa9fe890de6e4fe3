"""The concept recogniser is cached on disk; a damaged cache file is rebuilt, never fatal."""

from __future__ import annotations

import os
import pickle

import pytest

from osteodx.text import vocabulary
from osteodx.text.concepts import ConceptRecognizer


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(vocabulary, "_MEMO", {})
    return tmp_path


def _damaged_variants(good: bytes) -> dict[str, bytes]:
    return {
        "truncated": good[: len(good) // 2],
        # a valid pickle opcode stream with a bad value inside: was "internal error
        # (ValueError: ...)" on every later case report until the file was deleted
        "wrong object": pickle.dumps({"not": "a recogniser"}),
        "garbage": b"\x80\x05garbage",
    }


@pytest.mark.parametrize("damage", ["truncated", "wrong object", "garbage"])
def test_a_damaged_recogniser_file_is_rebuilt(toy_kb, cache, damage):
    first = vocabulary.recognizer_for(toy_kb)
    (path,) = cache.glob("recogniser-*.pickle")
    good = path.read_bytes()
    path.write_bytes(_damaged_variants(good)[damage])
    vocabulary._MEMO.clear()
    again = vocabulary.recognizer_for(toy_kb)
    assert isinstance(again, ConceptRecognizer)
    assert type(again) is type(first)
    assert isinstance(pickle.loads(path.read_bytes()), ConceptRecognizer)  # written back


def test_the_recogniser_file_is_readable_as_the_umask_allows(toy_kb, cache):
    vocabulary.recognizer_for(toy_kb)
    (path,) = cache.glob("recogniser-*.pickle")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
