"""A diagnosis the report states is the answer: never a finding (no leakage on the text
path). Sentences written for these tests."""

from __future__ import annotations

import pytest

from osteodx.api import diagnose, read_any
from osteodx.text.extract import extract_text

OSTEOPETROSIS = "HP:0011002"


@pytest.mark.parametrize("sentence", [
    "The diagnosis of autosomal dominant osteopetrosis type 2 was made after CLCN7 "
    "sequencing.",
    "Sequencing confirmed the diagnosis of osteopetrosis, autosomal dominant, type II.",
    "She was diagnosed with X-linked osteopetrosis.",
])
def test_a_stated_diagnosis_is_not_a_finding(real_kb, sentence):
    text = f"A 12-year-old girl with fractures and bone pain. {sentence}"
    ex = extract_text(text, real_kb, case_id="c")
    assert OSTEOPETROSIS not in {f.hpo_id for f in ex.case.findings}
    assert any("stated diagnosis is not a finding" in w for w in ex.warnings)


@pytest.mark.parametrize("sentence", [
    "She was diagnosed with scoliosis at 12.",
    "The diagnosis of scoliosis was made at 12 years.",
])
def test_a_finding_diagnosed_stays_a_finding(real_kb, sentence):
    ex = extract_text(f"A 14-year-old girl. {sentence}", real_kb, case_id="c")
    assert "HP:0002650" in {f.hpo_id for f in ex.case.findings}


def test_diagnose_on_text_keeps_the_readers_warnings(real_kb):
    """`diagnose` on a report had dropped what `extract` says it set aside."""
    text = ("A 10-year-old boy with seizures since infancy and a pulmonary arteriovenous "
            "malformation. MRI brain: no vascular malformation. The diagnosis of autosomal "
            "dominant osteopetrosis type 2 was made.")
    case = read_any("text", real_kb, text=text)
    assert any("stated diagnosis" in w for w in case.warnings)
    diff = diagnose(case, real_kb, top=3, workup=False)
    assert any("stated diagnosis" in w for w in diff.warnings)


@pytest.mark.parametrize("text, status", [
    ("A 7-year-old girl with seizures. Optic atrophy was suspected but not confirmed.",
     "excluded"),
    ("A 7-year-old girl with scoliosis; optic atrophy could not be confirmed.", "excluded"),
    ("A 7-year-old girl with optic atrophy. The diagnosis was not confirmed genetically.",
     "observed"),
])
def test_a_finding_suspected_but_not_confirmed_is_not_counted_present(real_kb, text, status):
    found = {f.label: f.status for f in extract_text(text, real_kb, case_id="c").case.findings}
    assert found["Optic atrophy"] == status
