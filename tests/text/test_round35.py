"""Text round 35 (``benchmarks/text_rounds/round35``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics
from osteodx.text.family import find_family_statements
from osteodx.text.narrator import parent_narrator, patient_writes
from tests.text.lab_helpers import measured

_OWN_ACCOUNT = ("Hi Dr Mensah,\n\nI'm thirty-one and I've had this since I was about 14. My "
                "skin itches. My dad has it too, but milder - mostly on his chest, and he has the "
                "same nail lines. My brother's skin is completely clear. My daughter Isla is 6 "
                "and her skin is perfect so far. Should Isla be tested? I think my hearing is "
                "worse.\n")


def test_a_patient_writing_of_herself_is_no_parents_account() -> None:
    assert not parent_narrator(_OWN_ACCOUNT) and patient_writes(_OWN_ACCOUNT)


def test_the_writers_age_in_words_and_no_sex_from_her_fathers_pronouns() -> None:
    d = extract_demographics(_OWN_ACCOUNT)
    assert d.age_years == 31 and d.sex is None


def test_the_writers_relatives_are_hers() -> None:
    got = [(s.relation, s.affected) for s in find_family_statements(_OWN_ACCOUNT)]
    assert ("father", True) in got and ("brother", False) in got
    assert not {r for r, _ in got} & {"grandfather", "uncle"}


@pytest.mark.parametrize(("text", "want"), [
    ("FHx: parents 1st cousins. 2 sisters (4y, 2y) well.",
     [("parents", None), ("sister", False)]),
    ("Parents are 2nd cousins.", [("parents", None)]),
    ("His father's chest X-ray was clear.", [("father", False)]),
    ("Her sister has clear cell carcinoma.", [("sister", True)]),
])
def test_ordinal_cousins_and_a_clear_result(text: str, want) -> None:
    assert [(s.relation, s.affected) for s in find_family_statements(text)] == want


def test_an_age_in_brackets_after_the_date_of_birth() -> None:
    text = ("Subject: Second opinion please - 5-year-old boy, early puberty\n\n"
            "A boy I saw in clinic: Oliver B., DOB 11/06/2021 (5 yr 9 mo), referred by his GP.")
    assert extract_demographics(text).age_years == pytest.approx(5.75)


@pytest.mark.parametrize(("text", "want"), [
    ("Now at 17 months he cannot sit alone and he does not walk, he says no words.",
     {("Absent speech", False)}),
    ("She has no seizures, she has ataxia.", {("Seizure", True), ("Ataxia", False)}),
    ("abdo soft, not distended, no guarding at 20:00.", {("Abdominal guarding", True)}),
])
def test_a_new_subject_ends_a_negation(real_kb, text: str, want) -> None:
    from osteodx.text.extract import read_text_case

    got = {(f.label, f.excluded) for f in read_text_case("t", real_kb, text=text).case.findings}
    assert got == want


def test_a_table_whose_names_carry_their_units(real_kb) -> None:
    table = ("ZAIN A.   5/52 M\n"
             "Bloods:\n"
             "                today    d12 (DGH)   ref\n"
             "WCC x10^9/L     68.4 H   41.0 H      5.0-19.5\n"
             "CRP mg/L        112 H    64 H        <5\n"
             "Hb g/L          108      -           94-140\n")
    got = measured(table, real_kb)
    assert got == [("Leukocyte count", 68.4, "x10^9/L"), ("Leukocyte count", 41.0, "x10^9/L"),
                   ("CRP", 112.0, "mg/L"), ("CRP", 64.0, "mg/L"), ("Haemoglobin", 108.0, "g/L")]
