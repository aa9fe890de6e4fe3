"""Stdin and inline text: a phenopacket attempt is read as one, prose as a case report."""

from __future__ import annotations

import pytest

from osteodx.case.sniff import looks_binary, looks_like_phenopacket

BROKEN_YAML = ("id: x\nsubject: {sex: MALE}\nphenotypicFeatures:\n"
               "  - type: {id: HP:0002650, label: Scoliosis\n"
               "  - type: {id: \"HP:0001250\", label: Seizure}\n")


@pytest.mark.parametrize("text", [
    BROKEN_YAML,
    '{"id": "x", "subj',
    "---\nid: x\n",
    "phenotypicFeatures:\n  - type: {id: HP:0002650\n",
    "metaData:\n  created: [\n",
    # no phenopacket key, does not parse, but is shaped like YAML
    "name: x\nfeatures:\n  - kind: {id: HP:0002650\n  - kind: {id: HP:1}\n",
    "id: x\nsubject:\n  sex: MALE\n",
    # JSON, though not of objects: an error about its shape, not a report without findings
    "[1, 2]",
    '["a", "b"]',
    "[[1]]",
])
def test_a_phenopacket_attempt_is_a_phenopacket(text):
    assert looks_like_phenopacket(text)


@pytest.mark.parametrize("text", [
    "A boy with seizures: no fever.",
    "A 16-year-old girl with back pain. Examination: scoliosis. Labs: calcium: 2.1 mmol/L.",
    "Age: 12\nSex: female\nHistory: seizures and scoliosis since infancy\n",
    "Case report\n\nThe patient, a 9-year-old boy, had fractures.\nNo seizures.\n",
    "-----\nA girl with fractures.\n",
    # a note of "Key: value" lines that YAML cannot parse (a colon inside a value)
    "Age: 12\nSex: female\nHistory: seizures since age 2 (note: worse at night)\n"
    "Exam: scoliosis\n",
    "[pt] seizures and scoliosis",
    "[1, 2] hospital admissions for fractures",
])
def test_prose_is_a_case_report(text):
    assert not looks_like_phenopacket(text)


def test_binary_stdin_is_recognised():
    data = bytes(range(256)).decode("utf-8", "surrogateescape")
    assert looks_binary(data) and looks_binary("a\x00b")
    assert not looks_binary("Größe 120 cm, señal ✓")
