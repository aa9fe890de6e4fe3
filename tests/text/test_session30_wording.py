"""Wording met in session 30 (text rounds 61 and 62): what a letter says and what it means."""

from __future__ import annotations

import pytest

from osteodx.text.extract import extract_text
from tests.text.case_helpers import terms


@pytest.mark.parametrize("text", [
    "Her speech went slurred and she fell twice.",
    "He has slurred speech and an unsteady walk.",
    "His speech got slurry.",
    "I keep slurring my words by the evening.",
])
def test_slurred_speech_is_dysarthria(real_kb, text: str) -> None:
    got = terms(real_kb, text)
    assert ("HP:0001260", False) in got
    assert all(t != "HP:0001350" for t, _ in got)


def test_slow_and_slurred_keeps_its_own_term(real_kb) -> None:
    assert ("HP:0007164", False) in terms(real_kb, "Slowed slurred speech was noted.")


@pytest.mark.parametrize(("text", "analyte"), [
    ("My platelets are a bit low.", "Platelet count"),
    ("Her calcium is way too high.", "Calcium"),
    ("His sodium was a little low.", "Sodium"),
])
def test_a_result_in_a_parents_words_is_read(real_kb, text: str, analyte: str) -> None:
    got = extract_text(text, real_kb, case_id="c").phenopacket.get("measurements", [])
    assert [m["assay"]["label"] for m in got] == [analyte]


def test_fsgs_is_a_clinical_abbreviation(real_kb) -> None:
    assert ("HP:0000097", False) in terms(real_kb, "The kidney biopsy showed FSGS.")
