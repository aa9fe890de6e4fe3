"""Normal findings said in the words of an examination, and findings said in lay words.

Each sentence is written for these tests (not copied from a report). A normal statement
excludes the abnormality the examination looks for (``knowledge/examinations.yaml``); lay
words give their HPO term (``knowledge/synonyms.yaml``).
"""

from __future__ import annotations

import pytest

from osteodx.text.extract import extract_text


def _found(text: str, kb) -> dict[str, str]:
    return {f.hpo_id: f.status for f in extract_text(text, kb, case_id="c").case.findings}


@pytest.mark.parametrize(("sentence", "excluded"), [
    ("Both testes descended.", "HP:0000028"),           # Cryptorchidism
    ("Sclerae white.", "HP:0000592"),                   # Blue sclerae
    ("Heart valves normal.", "HP:0001654"),             # Abnormal heart valve morphology
    ("Newborn hearing screen passed in both ears.", "HP:0000365"),
    ("Good tone and power.", "HP:0001252"),             # Hypotonia
    ("Swallowing was normal.", "HP:0002015"),           # Dysphagia
    ("Eye movements full.", "HP:0000602"),              # Ophthalmoplegia
    ("His weight has been stable.", "HP:0001824"),      # Weight loss
    ("He is not diabetic.", "HP:0000819"),              # Diabetes mellitus
    ("Penis normal size.", "HP:0000054"),               # Micropenis
    ("Face symmetrical with normal facial strength.", "HP:0030319"),
    ("Genitalia: normal male.", "HP:0000811"),          # Abnormal external genitalia
])
def test_a_normal_statement_excludes_what_it_looks_for(real_kb, sentence, excluded):
    assert _found(f"A 3-year-old boy. {sentence}", real_kb).get(excluded) == "excluded"


def test_examinations_joined_by_and_share_their_verdict(real_kb):
    found = _found("A 9-year-old girl. Retina and optic discs normal. EEG, ECG and echo "
                   "normal.", real_kb)
    for hpo_id in ("HP:0000479", "HP:0012795", "HP:0002353", "HP:0003115", "HP:0001627"):
        assert found.get(hpo_id) == "excluded", hpo_id
    assert _found("A 9-year-old girl. The EEG showed spikes and the ECG was normal.",
                  real_kb).get("HP:0002353") is None


def test_an_abnormal_reading_is_not_a_normal_statement(real_kb):
    found = _found("A 3-year-old boy. Left testis undescended. Blue sclerae. Weight falling.",
                   real_kb)
    assert found.get("HP:0000028") != "excluded"
    assert found.get("HP:0000592") == "observed"


@pytest.mark.parametrize(("sentence", "observed"), [
    ("He was floppy like a rag doll.", "HP:0001252"),   # Hypotonia
    ("She was slow to sit.", "HP:0025336"),             # Delayed ability to sit
    ("Speech therapy for late talking.", "HP:0000750"),
    ("After birth the tongue was falling back.", "HP:0000162"),  # Glossoptosis
    ("He could not latch.", "HP:0011968"),              # Feeding difficulties
    ("His blood sugar drops after meals.", "HP:0001943"),
    ("Tiny red spots on her legs.", "HP:0000967"),      # Petechiae
    ("She was muddled for an hour.", "HP:0001289"),     # Confusion
    ("Pins and needles in both hands.", "HP:0003401"),  # Paresthesia
    # a treated diabetic's "hypos" are the insulin's effect: the bare word is not matched
    ("On insulin since age 3; hypos rare.", None),
])
def test_lay_words_give_their_term(real_kb, sentence, observed):
    found = _found(f"A 6-year-old boy. {sentence}", real_kb)
    if observed is None:
        assert "HP:0001943" not in found
    else:
        assert found.get(observed) == "observed"
