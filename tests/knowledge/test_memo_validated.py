"""Validated data files are kept in the cache folder, keyed by their text and their models'
code: a second process reads them back instead of validating again."""

from __future__ import annotations

import pytest

from osteodx.errors import KnowledgeBaseError
from osteodx.knowledge import memo_validated


class _Counter:
    def __init__(self) -> None:
        self.calls = 0

    def build(self, value: object):
        def run():
            self.calls += 1
            return {"value": value}
        return run


def test_second_call_reads_the_memo(tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    counter = _Counter()
    assert memo_validated("a: 1", counter.build(1), __name__) == {"value": 1}
    assert memo_validated("a: 1", counter.build(99), __name__) == {"value": 1}
    assert counter.calls == 1
    assert len(list((tmp_path / "validated").glob("*.pickle"))) == 1


def test_edited_content_is_validated_again(tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    counter = _Counter()
    memo_validated("a: 1", counter.build(1), __name__)
    assert memo_validated("a: 2", counter.build(2), __name__) == {"value": 2}
    assert counter.calls == 2


def test_other_code_is_validated_again(tmp_path, monkeypatch):
    """The models' source is part of the key: a changed validator sees every file anew."""
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    counter = _Counter()
    memo_validated("a: 1", counter.build(1), __name__)
    assert memo_validated("a: 1", counter.build(2), "osteodx.errors") == {"value": 2}
    assert counter.calls == 2


def test_errors_are_raised_each_time(tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))

    def fail():
        raise KnowledgeBaseError("labs.yaml: analytes[0].key: bad")

    for _ in range(2):
        with pytest.raises(KnowledgeBaseError, match="analytes"):
            memo_validated("bad", fail, __name__)
    assert not list(tmp_path.rglob("*.pickle"))


def test_corrupt_memo_is_validated_again(tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    counter = _Counter()
    memo_validated("a: 1", counter.build(1), __name__)
    (memo,) = (tmp_path / "validated").glob("*.pickle")
    memo.write_bytes(b"not a pickle")
    assert memo_validated("a: 1", counter.build(3), __name__) == {"value": 3}


def test_unpicklable_result_is_returned_and_not_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    result = memo_validated("a: 1", lambda: (lambda: 1), __name__)
    assert result() == 1
    assert not list(tmp_path.rglob("*.pickle")) and not list(tmp_path.rglob("*.tmp"))


def test_cache_folder_that_is_a_file_still_validates(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(blocker))
    assert memo_validated("a: 1", lambda: 5, __name__) == 5


def test_shipped_catalogue_read_back_equals_validated(tmp_path, monkeypatch):
    """The lab catalogue read back from the memo is the one validation gives."""
    from osteodx.labs import catalogue

    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    load = catalogue.load_catalogue.__wrapped__  # not the process-wide cached catalogue,
    first = load()  # which other tests' modules hold (clearing it would part them from it)
    again = load()
    assert again is not first and again == first
    assert len(list((tmp_path / "validated").glob("*.pickle"))) == 1
    calcium = first.find_by_name("calcium")
    assert calcium is not None and again.find_by_name("calcium") == calcium
    # the tolerance set by the catalogue is not a field, but it is read back too
    assert again.analyte("calcium_total")._tolerance == first.plausible_tolerance
