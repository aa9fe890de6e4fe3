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


# --- held-out failures: subject age and sex -------------------------------------------------


@pytest.mark.parametrize(("text", "age", "sex"), [
    ("Boy, 4 years and 2 months old, referred for bowing.", "P4Y2M", "MALE"),
    ("4 years and 2 months old boy with rickets.", "P4Y2M", "MALE"),
    ("A boy aged 4 years 2 months.", "P4Y2M", "MALE"),
    ("Girl, 7 years and 5 months old, seen in clinic.", "P7Y5M", "FEMALE"),
    ("We saw a 3 years, 6 months old girl.", "P3Y6M", "FEMALE"),
    ("A girl aged 2 years and 11 months.", "P2Y11M", "FEMALE"),
])
def test_age_in_years_and_months_before_old(text: str, age: str, sex: str) -> None:
    d = demo(text)
    assert (d.age_iso8601, d.sex) == (age, sex)


@pytest.mark.parametrize(("text", "age"), [
    ("Age at visit: 25 months", "P2Y1M"),
    ("Age: 25 months", "P2Y1M"),
    ("Age at assessment: 3 years", "P3Y"),
    ("**Age at presentation:** 18 months", "P1Y6M"),
    ("Age at diagnosis: 3 years. Age at last visit: 9 years.", "P9Y"),
    ("Admit: 06/02/2024   Discharge: 06/14/2024   Age at discharge: 12 days", "P12D"),
])
def test_age_labels_of_the_encounter(text: str, age: str) -> None:
    assert demo(text).age_iso8601 == age


@pytest.mark.parametrize("text", [
    "Baby girl, born at term.\nMaternal/prenatal history: 32 y/o G1P0. Polyhydramnios.",
    "Newborn boy. Mother is a 29 yo G2P1, healthy.",
    "Term infant of a 41 y/o primigravida.",
])
def test_the_mothers_age_in_a_newborns_notes_is_not_the_patients(text: str) -> None:
    assert demo(text).age_years in (None, 0.0)


def test_age_at_onset_or_diagnosis_label_is_not_the_patients_age() -> None:
    assert demo("Age at onset: 2 years. Age at diagnosis: 4 years.").age_years is None


@pytest.mark.parametrize(("text", "age", "sex", "source"), [
    ("52M, retired bus driver.\nPMH: L THR 2021 (aged 49) for OA.", 52.0, "MALE", "52M"),
    ("52 M, retired.\nBack pain.", 52.0, "MALE", "52 M"),
    ("52F, teacher. Knee pain.", 52.0, "FEMALE", "52F"),
    ("Pt: 67F - falls.", 67.0, "FEMALE", "67F"),
    ("Referral for John SMITH (38M), bus driver.", 38.0, "MALE", "38M"),
    ("52 y/o M with pain.", 52.0, "MALE", "52 y/o M"),
    ("4yo F, bowing.", 4.0, "FEMALE", "4yo F"),
])
def test_header_age_and_sex_initial(text: str, age: float, sex: str, source: str) -> None:
    d = demo(text)
    assert (d.age_years, d.sex, d.sex_evidence) == (age, sex, "explicit")
    assert d.age_source.text == source


def test_an_age_at_a_dated_past_event_is_not_the_patients_age() -> None:
    d = demo("PMH: L THR 2021 (aged 49) for OA; appendicectomy in 1990, aged 18. Age: 52.")
    assert d.age_years == 52.0
    assert demo("Hip fracture (aged 61, 2019). Now well.").age_years is None


def test_a_sex_initial_that_is_not_a_header_is_no_age() -> None:
    d = demo("An 8F catheter was placed in a 5-year-old boy. Fever of 101 F.")
    assert (d.age_years, d.sex) == (5.0, "MALE")
    assert demo("Temperature 38 C, weight 12 F charts.").age_years is None


@pytest.mark.parametrize(("text", "age"), [
    ("Re: Poppy HARRIS (6 years 3 months)\nDear Dr Smith,\nThank you.", "P6Y3M"),
    ("Patient: Tom JONES (3 years)\nSeen today.", "P3Y"),
    ("RE: Amelia Brown, DOB 01/02/2019 (5y 4m)\nDear colleague,", "P5Y4M"),
    ("**Re:** Ali KHAN (14 months)", "P1Y2M"),
])
def test_age_in_parentheses_after_the_name_in_a_heading(text: str, age: str) -> None:
    assert demo(text).age_iso8601 == age


def test_a_heading_age_quotes_the_age_and_needs_its_own_line() -> None:
    d = demo("Re: Poppy HARRIS (6 years 3 months)\nDear Dr Smith,")
    assert d.age_source.text == "6 years 3 months"
    assert demo("Thank you for seeing Re: the boy (6 years)").age_years is None
    assert demo("Re: Jane DOE (MRN 123456)\nAge: 12 years").age_iso8601 == "P12Y"


@pytest.mark.parametrize(("text", "sex"), [
    ("**Patient:** Baby boy of Sarah T.\nBorn at term by caesarean section.", "MALE"),
    ("**Patient:** Baby girl of Sarah T.", "FEMALE"),
    ("Baby girl JONES, born at 36 weeks, was floppy.", "FEMALE"),
])
def test_baby_boy_or_girl_is_a_newborn_of_that_sex(text: str, sex: str) -> None:
    d = demo(text)
    assert (d.sex, d.sex_evidence, d.age_iso8601) == (sex, "explicit", "P0D")


def test_a_baby_boy_born_to_the_patient_is_not_her_age() -> None:
    d = demo("She delivered a baby boy at term. She had back pain.")
    assert d.age_years is None


def test_a_stated_age_wins_over_baby_boy() -> None:
    d = demo("Baby boy of Anna K., now aged 3 months, with fractures.")
    assert (d.sex, d.age_iso8601) == ("MALE", "P3M")


@pytest.mark.parametrize(("text", "sex"), [
    ("Karyotype 46,XY. Short limbs and a small chest.", "MALE"),
    ("Karyotype: 46, XX (normal female). Short limbs.", "FEMALE"),
    ("Chromosomes showed 45,X in all cells.", "FEMALE"),
    ("Karyotype 47,XXY.", "MALE"),
])
def test_karyotype_is_the_weakest_sex_evidence(text: str, sex: str) -> None:
    d = demo(text)
    assert (d.sex, d.sex_evidence) == (sex, "karyotype")


def test_karyotype_yields_to_words_and_pronouns_and_mosaics_decide_nothing() -> None:
    assert demo("Karyotype 46,XX. He has short limbs. His hands are small.").sex_evidence \
        == "pronoun"
    assert demo("A 3-year-old girl. Karyotype 46,XY.").sex == "FEMALE"
    assert demo("Karyotype 45,X/46,XY mosaic.").sex is None
    assert demo("The father's karyotype was 46,XY.").sex is None


# --- held-out failures: onsets ---------------------------------------------------------------


def onsets(text: str, age: float | None = None) -> list[tuple[float, str]]:
    """find_onset_statements as (age in years to 4 places, quoted text)."""
    from osteodx.text.demographics import find_onset_statements

    found = find_onset_statements(text, age)
    for o in found:
        assert text[o.start:o.end] == o.text
    return [(round(o.age_years, 4), o.text) for o in found]


@pytest.mark.parametrize(("text", "age", "quote"), [
    ("She has had nosebleeds since she was about 10 years old.", 10.0,
     "since she was about 10 years old"),
    ("He has had seizures since he was 3.", 3.0, "since he was 3"),
    ("Bruising since she was about 2 years of age.", 2.0,
     "since she was about 2 years of age"),
    ("Limping since he was 18 months old.", 1.5, "since he was 18 months old"),
    ("Since 2 years old he has seizures.", 2.0, "Since 2 years old"),
    ("Falls from 5 years old onwards.", 5.0, "from 5 years old"),
])
def test_since_she_was_n_years_old(text: str, age: float, quote: str) -> None:
    assert onsets(text, 14) == [(age, quote)]
    assert demo(text).age_years is None  # an age at onset, not the patient's age


def test_since_n_years_old_with_the_patients_age() -> None:
    d = demo("A 5-year-old boy. Since 2 years old he has seizures.")
    assert (d.age_years, d.onset_age_years, d.duration_years) == (5.0, 2.0, 3.0)
    assert onsets("A 5-year-old boy. Since 2 years old he has seizures.", 5) == [
        (2.0, "Since 2 years old")]


@pytest.mark.parametrize(("text", "age", "quote"), [
    ("Bilateral dislocated lenses diagnosed at age 7.", 7.0, "at age 7"),
    ("Scoliosis was noted at the age of 12.", 12.0, "at the age of 12"),
    ("A limp, first noticed at 3 years, has worsened.", 3.0, "first noticed at 3 years"),
    ("Hearing loss diagnosed at about 6 months.", 0.5, "diagnosed at about 6 months"),
    ("Cataracts detected at around age 4.", 4.0, "at around age 4"),
])
def test_diagnosed_or_noted_at_age(text: str, age: float, quote: str) -> None:
    assert onsets(text) == [(age, quote)]


@pytest.mark.parametrize(("text", "age", "quote"), [
    ("She had been short since early childhood.", 1.0, "since early childhood"),
    ("He has been clumsy since his early childhood.", 1.0, "since his early childhood"),
    ("Bowing since she was a toddler.", 1.0, "since she was a toddler"),
    ("Fractures since he was a baby.", round(28 / 365.25, 4), "since he was a baby"),
    ("Feeding difficulty since she was born.", 0.0, "since she was born"),
])
def test_since_a_period_of_life(text: str, age: float, quote: str) -> None:
    assert onsets(text) == [(age, quote)]


@pytest.mark.parametrize(("text", "onset", "quote"), [
    ("LBP + bilat knee pain x 10 yrs", 42.0, "x 10 yrs"),
    ("Cough x 3 weeks, fever x 4 days.", round(52 - 21 / 365.25, 4), "x 3 weeks"),
    ("Hip pain x 6 months", 51.5, "x 6 months"),
])
def test_x_n_years_duration(text: str, onset: float, quote: str) -> None:
    assert onsets(text, 52)[0] == (onset, quote)


def test_x_n_years_gives_the_duration_of_the_complaint() -> None:
    d = demo("52M, retired bus driver.\nLBP + bilat knee pain x 10 yrs.")
    assert (d.age_years, d.duration_years, d.onset_age_years) == (52.0, 10.0, 42.0)


@pytest.mark.parametrize(("text", "onset", "quote"), [
    ("4 days of L calf swelling and pain", round(52 - 4 / 365.25, 4), "4 days of"),
    ("He had 3 weeks of fever and night sweats.", round(52 - 21 / 365.25, 4), "3 weeks of"),
    ("Two years of progressive knee pain.", 50.0, "Two years of"),
    ("A week of vomiting.", round(52 - 7 / 365.25, 4), "A week of"),
])
def test_n_days_of_a_finding(text: str, onset: float, quote: str) -> None:
    assert onsets(text, 52) == [(onset, quote)]


@pytest.mark.parametrize("text", [
    "Pain improved after 6 months of treatment.",
    "Walked at 2 years of age.",
    "She was lost to follow-up after 3 years of follow-up.",
    "Jaundice in the first 2 weeks of life.",
    "Born after 38 weeks of gestation.",
])
def test_n_units_of_something_else_is_no_onset(text: str) -> None:
    assert all("of" not in q or "age" in q for _, q in onsets(text, 10))


@pytest.mark.parametrize(("text", "age", "quote"), [
    ("Her legs have been bowed since she started bearing weight at about 12 months.", 1.0,
     "started bearing weight at about 12 months"),
    ("Toe walking since he began walking at around 14 months.", round(14 / 12, 4),
     "began walking at around 14 months"),
])
def test_since_a_milestone_at_an_age(text: str, age: float, quote: str) -> None:
    assert onsets(text) == [(age, quote)]


@pytest.mark.parametrize("text, sex", [
    ("Patient: Mrs Magdalena W., 29 years old, woman, born 1995\nThe swellings come and go.",
     "FEMALE"),
    ("Name: Isla-Mai PRICE     DOB: 09/09/2024 (5 months)     Female\nOne of her mother's "
     "pregnancies was a boy.", "FEMALE"),
    ("Re: Mr Adam Kowalski\nSeen today with chest pain.", "MALE"),
    ("52 years old, male, with back pain.", "MALE"),
])
def test_sex_from_a_header(text, sex):
    assert extract_demographics(text).sex == sex


def test_a_comparison_is_not_the_patients_sex():
    d = extract_demographics("Her voice was hoarse, like a man. She could not swallow; her "
                             "lips were swollen.")
    assert d.sex == "FEMALE" and d.sex_evidence == "pronoun"


@pytest.mark.parametrize("text, age", [
    ("The diagnosis was made at 6 years 4 months of age. On examination at 6 years 4 months "
     "his height was 109 cm.", 6 + 4 / 12),
    ("**Age:** 8 y 9 m\nShe has ear pits.", 8.75),
    ("Age: 2 yrs 3 mths", 2.25),
    ("At first examination at 2 years he was small. Age: 9 years.", 9.0),
])
def test_years_and_months_and_the_age_at_this_examination(text, age):
    assert extract_demographics(text).age_years == pytest.approx(age, abs=1e-3)


def test_a_planned_review_is_not_the_age() -> None:
    d = extract_demographics("DOB: 09/09/2024   Date: 18/02/2025   Female\nPlan: review at 9 "
                             "months.")
    assert d.age_years == pytest.approx(0.44, abs=0.01)
