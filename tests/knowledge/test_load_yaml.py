"""The shared YAML reader: long documents are memoised on disk, keyed by their text."""

from __future__ import annotations

import os

import pytest
import yaml

from osteodx.knowledge import _MEMO_MIN_CHARS, load_yaml


def _long_document(value: int) -> str:
    rows = "\n".join(f"  - name: item {i}\n    value: {value}" for i in range(2_000))
    text = f"version: 2026-01-02\nitems:\n{rows}\n"
    assert len(text) >= _MEMO_MIN_CHARS
    return text


def test_long_document_is_memoised_and_types_survive(tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    first = load_yaml(_long_document(1))
    memo = list((tmp_path / "yaml").glob("*.pickle"))
    assert len(memo) == 1
    again = load_yaml(_long_document(1))
    assert again == first
    assert type(again["version"]).__name__ == "date"  # what YAML itself gives, not a string


def test_edited_document_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    assert load_yaml(_long_document(1))["items"][0]["value"] == 1
    assert load_yaml(_long_document(2))["items"][0]["value"] == 2
    assert len(list((tmp_path / "yaml").glob("*.pickle"))) == 2


def test_corrupt_memo_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    load_yaml(_long_document(3))
    (memo,) = (tmp_path / "yaml").glob("*.pickle")
    memo.write_bytes(b"not a pickle")
    assert load_yaml(_long_document(3))["items"][-1]["value"] == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_unwritable_cache_folder_still_parses(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(folder))
    try:
        assert load_yaml(_long_document(4))["items"][0]["value"] == 4
    finally:
        folder.chmod(0o700)


def test_cache_folder_that_is_a_file_still_parses(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(blocker))
    assert load_yaml(_long_document(5))["items"][0]["value"] == 5


def test_invalid_yaml_raises(tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    with pytest.raises(yaml.YAMLError):
        load_yaml("a: [1, 2\n" + "#" * _MEMO_MIN_CHARS)
