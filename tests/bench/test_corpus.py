"""Corpus reading for benchmarks: the gold answer is taken out, cases are parsed leniently."""

from __future__ import annotations

import json
import tarfile

import pytest

from osteodx.bench.corpus import iter_corpus, parsed_cases
from osteodx.errors import InputError
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


def test_bad_members_are_recorded_and_skipped_when_asked(tmp_path) -> None:
    _write(tmp_path, "a", [("HP:0000013", False)], "OMIM:100001")
    (tmp_path / "b.json").write_bytes(b"\xff\xfe binary")
    (tmp_path / "c.json").write_text("[1, 2]")
    (tmp_path / "d.json").write_text(json.dumps({"id": "d", "interpretations": "foo"}))
    (tmp_path / "e.yaml").write_text("id: e\ndiseases:\n  - term: {id: 'OMIM:100001'}\n")
    errors: list[str] = []
    got = [cc.name.rsplit("/", 1)[-1] for cc in iter_corpus(tmp_path, errors=errors)]
    assert got == ["a.json", "e.yaml"]
    assert [e.split(": ", 1)[0].rsplit("/", 1)[-1] for e in errors] == ["b.json", "c.json",
                                                                        "d.json"]
    assert "interpretations = 'foo'" in errors[2]
    assert "not a text file" in errors[0]  # as `osteodx diagnose` says it
    with pytest.raises(InputError, match="b.json"):
        list(iter_corpus(tmp_path))


def test_a_corpus_member_is_parsed_as_diagnose_parses_a_file(tmp_path) -> None:
    (tmp_path / "dup.json").write_text('{"id": "x", "phenotypicFeatures": [], '
                                       '"phenotypicFeatures": []}')
    errors: list[str] = []
    assert list(iter_corpus(tmp_path, errors=errors)) == []
    assert 'duplicate key "phenotypicFeatures"' in errors[0]


def test_a_damaged_archive_is_one_error_naming_it(tmp_path) -> None:
    fake = tmp_path / "fake.tar.gz"
    fake.write_bytes(b"not a tar at all")
    with pytest.raises(InputError, match=r"fake.tar.gz: not a readable tar archive") as got:
        list(iter_corpus(fake))
    assert "\n" not in str(got.value)
    good = tmp_path / "good"
    good.mkdir()
    _write(good, "a", [("HP:0000013", False)], "OMIM:100001")
    full = tmp_path / "c.tar.gz"
    with tarfile.open(full, "w:gz") as tar:
        tar.add(good / "a.json", arcname="a.json")
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(full.read_bytes()[:-30])
    with pytest.raises(InputError, match="cut.tar.gz"):
        list(iter_corpus(cut))


def test_unreadable_entries_of_a_corpus_folder_are_named(tmp_path, monkeypatch) -> None:
    import os

    _write(tmp_path, "a", [("HP:0000013", False)], "OMIM:100001")
    (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    os.mkfifo(tmp_path / "fifo.json")
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.scandir

    def scandir(path):  # as root, chmod 000 does not lock a folder: pretend it does
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors: list[str] = []
    got = [cc.name.rsplit("/", 1)[-1] for cc in iter_corpus(tmp_path, errors=errors)]
    assert got == ["a.json"]
    assert sorted(e.split(": ", 1)[0].rsplit("/", 1)[-1] for e in errors) == [
        "dangling.json", "fifo.json", "locked"]
    assert all("its cases were not read" in e for e in errors)


def _schema_corpus(folder):
    _write(folder, "a", [("HP:0000013", False)], "OMIM:100001")
    bad = phenopacket([("HP:0000013", False), ("HP:0000021", False)], pid="b")
    bad["phenotypicFeatures"][1]["excluded"] = "false"  # a string: diagnose rejects it
    bad["diseases"] = [{"term": {"id": "OMIM:100001", "label": "x"}}]
    (folder / "b.json").write_text(json.dumps(bad))
    crash = phenopacket([("HP:0000013", False)], pid="c")
    crash["phenotypicFeatures"].append([1])  # a list where a feature object belongs
    crash["diseases"] = [{"term": {"id": "OMIM:100001", "label": "x"}}]
    (folder / "c.json").write_text(json.dumps(crash))
    snake = phenopacket([("HP:0000021", False)], pid="d")  # snake_case, as protobuf allows
    snake["phenotypic_features"] = snake.pop("phenotypicFeatures")
    snake["diseases"] = [{"term": {"id": "OMIM:100001", "label": "x"}}]
    (folder / "d.json").write_text(json.dumps(snake))


def test_corpus_members_are_checked_against_the_schema_as_diagnose_does(tmp_path) -> None:
    _schema_corpus(tmp_path)
    errors: list[str] = []
    got = {cc.name.rsplit("/", 1)[-1]: cc for cc in iter_corpus(tmp_path, errors=errors)}
    assert sorted(got) == ["a.json", "d.json"]
    assert "phenotypicFeatures[1].excluded" in errors[0] and "b.json" in errors[0]
    assert "c.json" in errors[1] and "phenotypicFeatures[1]" in errors[1]
    # read under the schema's own names, as `osteodx diagnose` reads the file
    assert got["d.json"].document["phenotypicFeatures"][0]["type"]["id"] == "HP:0000021"


@pytest.mark.parametrize("workers", [1, 2])
def test_checking_in_worker_processes_gives_the_same_cases_and_errors(tmp_path, monkeypatch,
                                                                      workers) -> None:
    import osteodx.bench.corpus as corpus

    monkeypatch.setattr(corpus, "_BATCH", 3)  # several batches in flight
    _schema_corpus(tmp_path)
    for k in range(7):
        _write(tmp_path, f"e{k}", [("HP:0000013", False)], "OMIM:100001")
    (tmp_path / "f.json").write_text("{broken")
    one: list[str] = []
    many: list[str] = []
    alone = [(cc.name, cc.document, cc.gold) for cc in iter_corpus(tmp_path, errors=one)]
    shared = [(cc.name, cc.document, cc.gold)
              for cc in iter_corpus(tmp_path, errors=many, workers=workers)]
    assert shared == alone and many == one and len(alone) == 9 and len(one) == 3
    with pytest.raises(InputError, match="b.json"):
        list(iter_corpus(tmp_path, workers=workers))


def test_a_benchmark_goes_on_past_a_malformed_case(tmp_path, toy_kb) -> None:
    from osteodx.bench.runner import run_benchmark

    _schema_corpus(tmp_path)
    result = run_benchmark(tmp_path, toy_kb, baseline=False, readers=1)
    assert sorted(c.name.rsplit("/", 1)[-1] for c in result.cases) == ["a.json", "d.json"]
    assert len(result.errors) == 2


def test_where_no_worker_can_start_the_corpus_is_read_in_this_process(tmp_path,
                                                                      monkeypatch) -> None:
    import multiprocessing

    class _NoPools:
        def Pool(self, n):  # noqa: N802 - multiprocessing's name
            raise OSError(38, "Function not implemented")

    monkeypatch.setattr(multiprocessing, "get_context", lambda kind: _NoPools())
    _schema_corpus(tmp_path)
    errors: list[str] = []
    got = [cc.name.rsplit("/", 1)[-1] for cc in iter_corpus(tmp_path, errors=errors, workers=1)]
    assert got == ["a.json", "d.json"] and len(errors) == 2
