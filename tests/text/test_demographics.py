"""Age, sex and complaint duration from free text, on texts written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from osteodx.text.demographics import Demographics, extract_demographics, iso8601

REPORT = Path(__file__).resolve().parents[3] / "shared" / "seed" / \
    "osteomesopyknosis-case-report.txt"


def demo(text: str) -> Demographics:
    """extract_demographics, after checking that every source quotes the text exactly."""
    d = extract_demographics(text)
    for e in (d.age_source, d.sex_source, d.duration_source, d.onset_source):
        if e is not None:
            assert text[e.start:e.end] == e.text
    return d


@pytest.mark.parametrize(("text", "age", "sex", "source"), [
    ("A 16-year old girl came to the clinic.", 16.0, "FEMALE", "16-year old girl"),
    ("We saw a 45-year-old man with bone pain.", 45.0, "MALE", "45-year-old man"),
    ("16 yo F, referred for sclerosis.", 16.0, "FEMALE", "16 yo F"),
    ("Our patient, a 2.5-year-old boy, had fractures.", 2.5, "MALE", "2.5-year-old boy"),
    ("A thirty-two-year-old Korean woman was seen.", 32.0, "FEMALE",
     "thirty-two-year-old Korean woman"),
    ("A 61-year-\nold man was seen.", 61.0, "MALE", "61-year-\nold man"),
])
def test_age_and_sex_in_one_phrase(text: str, age: float, sex: str, source: str) -> None:
    d = demo(text)
    assert (d.age_years, d.sex, d.sex_evidence) == (age, sex, "explicit")
    assert d.age_source is not None and d.age_source.text == source


def test_age_in_months_and_days() -> None:
    d = demo("The infant, aged 3 months, was referred for fractures.")
    assert (d.age_years, d.age_iso8601, d.age_source.text) == (0.25, "P3M", "aged 3 months")
    assert demo("A 10-day-old neonate was admitted.").age_iso8601 == "P10D"


def test_the_first_statement_about_the_patient_wins_over_relatives() -> None:
    d = demo("Her mother, aged 45, had similar findings. A 45-year-old brother is well. "
             "The proband is a 12-year-old boy.")
    assert (d.age_years, d.sex) == (12.0, "MALE")
    assert d.age_source.text == "12-year-old boy"


def test_ages_at_an_event_are_not_the_patients_age() -> None:
    d = demo("She was first seen at age 5 for a fracture. Age: 16 years.")
    assert (d.age_years, d.age_source.text) == (16.0, "Age: 16 years")


def test_pronouns_are_weak_evidence_used_only_when_nothing_else() -> None:
    d = demo("She reported back pain. Her radiographs showed sclerosis. She is well.")
    assert (d.sex, d.sex_evidence, d.age_years) == ("FEMALE", "pronoun", None)
    assert d.sex_source.text == "She"
    assert d.notes
    d = demo("A 30-year-old man and his sister. She had pain.")
    assert (d.sex, d.sex_evidence) == ("MALE", "explicit")
    assert demo("He said she had pain.").sex is None  # mixed pronouns decide nothing


def test_sex_from_labels() -> None:
    assert demo("Patient: female, age: 61 years.").sex == "FEMALE"
    assert demo("Sex: M. Age: 40.").sex == "MALE"
    assert demo("A female patient was referred.").sex == "FEMALE"


@pytest.mark.parametrize(("text", "duration", "onset", "source"), [
    ("A 16-year old girl had a history of diffuse back pain for 1 year.", 1.0, 15.0,
     "for 1 year"),
    ("A 40-year-old man had bone pain for the past 6 months.", 0.5, 39.5,
     "for the past 6 months"),
    ("A 20-year-old woman complained of back pain for one year.", 1.0, 19.0, "for one year"),
    ("A 9-year-old boy presented with a 2-year history of limping.", 2.0, 7.0,
     "2-year history"),
])
def test_duration_and_onset(text: str, duration: float, onset: float, source: str) -> None:
    d = demo(text)
    assert (d.duration_years, d.onset_age_years) == (duration, onset)
    assert d.duration_source.text == source


def test_since_the_age_of() -> None:
    d = demo("A 16-year-old girl has had back pain since the age of 12.")
    assert (d.onset_age_years, d.duration_years, d.onset_iso8601) == (12.0, 4.0, "P12Y")
    assert d.onset_source.text == "since the age of 12"


def test_durations_of_treatment_or_of_relatives_are_not_the_complaint() -> None:
    d = demo("A 30-year-old woman was referred. She was treated with calcitriol for 6 months. "
             "Her mother had back pain for 10 years.")
    assert (d.age_years, d.duration_years, d.onset_age_years) == (30.0, None, None)


def test_iso8601() -> None:
    assert [iso8601(x) for x in (16, 2.5, 0.25, 15.0, 0)] == ["P16Y", "P2Y6M", "P3M", "P15Y",
                                                              "P0D"]


@pytest.mark.skipif(not REPORT.exists(), reason="shared reference report not available")
def test_reference_report() -> None:
    d = demo(REPORT.read_text(encoding="utf-8"))
    assert (d.age_years, d.sex, d.sex_evidence) == (16.0, "FEMALE", "explicit")
    assert (d.duration_years, d.onset_age_years) == (1.0, 15.0)


def test_newborn_has_age_zero() -> None:
    d = extract_demographics("A newborn girl with hypotonia was referred.")
    assert (d.age_iso8601, d.sex) == ("P0D", "FEMALE")
    assert extract_demographics("A 3-year-old boy; his newborn sister.").age_years == 3.0


@pytest.mark.parametrize("text, age, sex", [
    ("- **Bone age:** 7 years 10 months\n- **Age:** 5 years 2 months\n- **Sex:** Female",
     "P5Y2M", "FEMALE"),
    ("A girl aged 4 years 7 months.", "P4Y7M", "FEMALE"),
    ("Age/Sex: 19/F", "P19Y", "FEMALE"),
])
def test_field_forms_months_and_bone_age(text: str, age: str, sex: str) -> None:
    d = extract_demographics(text)
    assert (d.age_iso8601, d.sex) == (age, sex)


def test_discharge_header_in_months() -> None:
    d = extract_demographics("Pt: 14 mo M     Adm: 03/03/2025")
    assert (d.age_iso8601, d.sex) == ("P1Y2M", "MALE")


def test_british_duration_shorthand() -> None:
    from osteodx.text.demographics import find_onset_statements

    onsets = find_onset_statements("SOB x 6/12. An 18-month hx of pain. Fever x 5/7.", 40)
    assert [(round(o.age_years, 2), o.text) for o in onsets] == [
        (39.5, "x 6/12"), (38.5, "18-month hx"), (39.99, "x 5/7")]
