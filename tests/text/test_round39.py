"""Text round 39 (``benchmarks/text_rounds/round39``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics
from tests.text.case_helpers import term_ids


@pytest.mark.parametrize(("text", "age"), [
    ("14 June 2027\n\nDear Priya,\n\nRe: Mrs Lorraine Petersen, 58\n\nThanks for asking me.", 58),
    ("Patient: Callum REEVES, 19 M, hospital no. S4471820\n", 19),
    ("Posted by Jen\n\nI'm 36 now and last month a rheumatologist told me.", 36),
    ("Radboudumc\nNijmegen, 21-10-2027\n\nConcerning: Noor Bakker, born 14-02-2018\n", 9.68),
])
def test_ages_of_round_39(text: str, age: float) -> None:
    assert round(extract_demographics(text).age_years, 2) == age


@pytest.mark.parametrize("text", [
    "Ospedale Civile, Nefrologia e Dialisi\nVerona, 14 ottobre 2025\n\nTo the colleague",
    "John Smith, 12 High Street, Leeds",
])
def test_a_place_or_an_address_is_no_age(text: str) -> None:
    assert extract_demographics(text).age_years is None


@pytest.mark.parametrize(("text", "not_term"), [
    ("Hepatitis A and B vaccination.", "HP:0012115"),
    ("Tetanus antibodies protective.", "HP:0001281"),
    ("Consultant in Paediatric Skeletal Dysplasia", "HP:0002652"),
])
def test_what_is_not_the_patients_finding(real_kb, text: str, not_term: str) -> None:
    got = term_ids(real_kb, text)
    assert not_term not in got


def test_hepatitis_itself_is_still_read(real_kb) -> None:
    assert "HP:0012115" in term_ids(real_kb, "She had hepatitis B.")
