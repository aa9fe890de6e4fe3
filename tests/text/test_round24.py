"""Held-out text round 24 (``benchmarks/text_rounds/round24``): what its first run misread,
each reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics
from osteodx.text.family import find_family_statements
from osteodx.text.narrator import parent_narrator


def _findings(text: str, kb) -> set[tuple[str, bool]]:
    from osteodx.text.extract import extract_text

    return {(f.label, f.excluded) for f in extract_text(text, kb, case_id="r24").case.findings}


@pytest.mark.parametrize("text", [
    "Differential includes limb-girdle muscular dystrophy, Becker muscular dystrophy and "
    "inflammatory myopathy.",
    "Craniometaphyseal dysplasia and osteopoikilosis are in the differential.",
    "DDx: osteomyelitis, leukaemia.",
])
def test_a_differential_names_no_finding(real_kb, text: str) -> None:
    assert not _findings(text, real_kb)


def test_what_must_stay_beside_a_differential(real_kb) -> None:
    # a differential white cell count is a test, and an argued-against differential is excluded
    assert ("Scoliosis", False) in _findings(
        "FBC and differential white cell count normal; she has scoliosis.", real_kb)
    assert ("Nonketotic hyperglycinemia", True) in _findings(
        "Normal amino acids argue against the main differentials (infection, nonketotic "
        "hyperglycinaemia).", real_kb)


def test_a_note_s_unlikely_reaches_the_words_before_it(real_kb) -> None:
    got = _findings("Myasthenia gravis unlikely: no fatigable weakness or ocular signs.", real_kb)
    assert ("Fatigable weakness", False) not in got
    assert ("Fatigable weakness", True) in got


def test_a_check_planned_for_a_finding_is_no_finding(real_kb) -> None:
    assert not _findings("Annual spine check for scoliosis.", real_kb)
    assert ("Scoliosis", False) in _findings("The spine check showed scoliosis.", real_kb)


def test_a_mandible_s_overgrowth_is_no_overgrowth(real_kb) -> None:
    assert ("Overgrowth", False) not in _findings(
        "He has endosteal hyperostosis and mandibular overgrowth.", real_kb)


def test_a_spaced_dash_joins_two_statements(real_kb) -> None:
    got = _findings("I've never had any heart problems - I had a heart scan last year for "
                    "palpitations and it was normal.", real_kb)
    assert ("Palpitations", False) in got
    assert ("Abnormal heart morphology", True) in got


def test_a_relative_s_negative_test_in_notes() -> None:
    assert [(s.relation, s.affected) for s in find_family_statements(
        "Younger bro (5) sweat test -ve.")] == [("brother", False)]


def test_the_patient_writing_gives_the_age_and_is_no_parent() -> None:
    text = ("Hi Dr Osei, I'm 29 (female) and my skin has always been stretchy. "
            "My daughter is 4 and she bruises a lot - would she need testing?")
    assert not parent_narrator(text)
    d = extract_demographics(text)
    assert (d.age_years, d.sex) == (29.0, "FEMALE")
    # a parent who gives their own age after naming the child is still a parent
    assert parent_narrator("I am writing about my son Leo. I'm 34 and he is 6. My brother "
                           "had the same.")


@pytest.mark.parametrize(("text", "age"), [
    ("I write you about the little girl Sofia, born in 2018, now she has 6 years.", 6.0),
    ("He has 6 years of follow-up. A 12-year-old boy.", 12.0),
])
def test_a_non_native_writer_s_age(text: str, age: float) -> None:
    assert extract_demographics(text).age_years == age


@pytest.mark.parametrize(("text", "expected"), [
    # a relative the text named stands for that relative in a possessive
    ("Amira's mother, Leila (34), has a large head. Leila's sister is well. Leila's only "
     "brother died on the second day of life with multiple anomalies.",
     [("mother", True), ("aunt", False), ("uncle", True)]),
    # a relative's children in an aside are not the clause's subject
    ("Her sister, who has two healthy sons, is deaf.", [("sister", True)]),
    # an examination by a specialist is no finding
    ("The mother and the father have been examined by the dermatologist and have no skin "
     "signs of the disease.", [("mother", False), ("father", False)]),
    # what must stay
    ("Her father was seen by the cardiologist for palpitations.", [("father", True)]),
])
def test_family_readings(text: str, expected: list) -> None:
    assert [(s.relation, s.affected) for s in find_family_statements(text)] == expected


def test_a_named_relative_s_side_is_noted() -> None:
    statements = find_family_statements("Amira's mother, Leila (34), is deaf. Leila's sister "
                                        "is well.")
    assert [s.note for s in statements if s.relation == "aunt"] == ["maternal"]


def test_the_hr_of_a_unit_is_no_heart_rate(real_kb) -> None:
    assert not _findings("A 9-year-old girl. ESR 36 mm/hr (<20), ALP 244 U/L.", real_kb)
    assert ("Bradycardia", False) in _findings("A 9-year-old girl. HR 44, BP 100/60.", real_kb)
