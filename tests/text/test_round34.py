"""Text round 34 (``benchmarks/text_rounds/round34``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.birthdate import age_from_dates
from osteodx.text.demographics import extract_demographics
from osteodx.text.dialogue import answered_questions
from osteodx.text.examinations import find_normal_examinations
from osteodx.text.family import find_family_statements
from osteodx.text.milestones import find_milestones
from osteodx.text.numbers import parse_number
from tests.text.lab_helpers import measured


def _family(text: str) -> list[tuple[str, bool | None]]:
    return [(s.relation, s.affected) for s in find_family_statements(text)]


@pytest.mark.parametrize(("text", "want"), [
    # a test done, its result said after it
    ("He has one sister, 4 years old, she is healthy and we checked her urine "
     "succinylacetone, it was negative.", [("sister", False)]),
    ("Oliver's little sister Maisie (4) has had her eyes checked and they're completely "
     "normal, and so are her teeth.", [("sister", False)]),
    ("Mother and father both had ECGs and echos after Karim's death, reported normal.",
     [("mother", False), ("father", False)]),
    # a normal build or hair beside "well"
    ("Sister (12) well, straight hair, normal skin.", [("sister", False)]),
    ("Her brother, 38, and her father, 66, are slim, with no diabetes.",
     [("brother", False), ("father", False)]),
    # a name and an age say nothing
    ("- Daniel and Leah have a daughter, Isla (3), who is well.", [("daughter", False)]),
    ("My daughter Ellie's 12 and she's never had anything like it.", [("daughter", False)]),
    # the care's logistics and the writer's plans
    ("- HLA typing pt + bro, BMT referral sent, MUD search started", []),
    ("- Update parents pm", []),
    ("HLA typing of Harry and his sister, for future planning only.", []),
    ("Parents given an open-access letter: any vomiting needs same-day electrolytes.", []),
    # who came with the patient
    ("NOK: Mother (present)          GP: Dr J.", []),
])
def test_what_is_said_of_a_relative_that_is_no_illness(text: str, want) -> None:
    assert _family(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Her brother has ataxia and had an MRI.", [("brother", True)]),
    ("Sister (12) well, but has scoliosis.", [("sister", True)]),
    ("Her sister Anna (3) has scoliosis.", [("sister", True)]),
    ("His father was told he has diabetes.", [("father", True)]),
])
def test_an_illness_beside_those_words_still_counts(text: str, want) -> None:
    assert _family(text) == want


@pytest.mark.parametrize(("text", "years"), [
    # a US letter: the date of birth says the visit date is month first too
    ("Patient: Tamara Jennings     DOB: 08/19/1992     Date of service: 03/04/2027", 34.54),
    ("Patient: Mrs Joanne PRICE, DOB 23/07/1985\nDate and time of call: 16/03/2027, 10:20",
     41.65),
    ("DOB 03/04/2000 clinic date 05/06/2010", 10.17),
])
def test_an_age_from_the_date_of_birth_and_a_labelled_visit_date(text: str, years) -> None:
    got = age_from_dates(text)
    assert got is not None and got[0] == pytest.approx(years, abs=0.005)


def test_dates_beat_an_age_said_of_he_in_a_transcript() -> None:
    text = ("Patient: Mrs Joanne PRICE, DOB 23/07/1985\nDate and time of call: 16/03/2027\n"
            "MRS PRICE: That would explain Dad. He's 70 now and uses a stick.")
    assert extract_demographics(text).age_years == pytest.approx(41.65, abs=0.005)


@pytest.mark.parametrize(("text", "value"), [
    ("seven and three quarters", 7.75), ("two and a quarter", 2.25), ("4 and a quarter", 4.25),
    ("4 and three quarters", 4.75), ("two and a half", 2.5),
])
def test_quarters_after_a_whole_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(("text", "age"), [
    ("I'm Oliver's mum. He's seven and three quarters and you're seeing him soon.", 7.75),
    ("Our son has seizures. He's 4 and has ataxia.", 4.0),
])
def test_an_age_before_and(text: str, age: float) -> None:
    assert extract_demographics(text).age_years == pytest.approx(age)


def test_questions_in_a_transcript_take_their_answers() -> None:
    text = ("DR VARGA: Any side effects?\nMRS PRICE: Pins and needles in my fingers.\n"
            "DR VARGA: Any kidney stones, or pain in your side?\n"
            "MRS PRICE: No, nothing like that.\nDR VARGA: Any ringing in the ears?\n"
            "MRS PRICE: Sometimes during an attack, yes.\n"
            "DR VARGA: And you've never had a fit or lost consciousness?\nMRS PRICE: Never.\n")
    got = [(text[q.start:q.end], q.verdict) for q in answered_questions(text)]
    assert got == [("Any side effects?", "open"),
                   ("Any kidney stones, or pain in your side?", "denied"),
                   ("Any ringing in the ears?", "affirmed"),
                   ("And you've never had a fit or lost consciousness?", "denied")]


def test_headings_in_capitals_are_no_transcript() -> None:
    text = ("HISTORY: Is there a family history?\nPLAN: Review in clinic.\n"
            "IMPRESSION: ?seizures.\n")
    assert answered_questions(text) == []


def test_a_transcript_reads_as_its_answers_say(real_kb) -> None:
    from osteodx.text.extract import read_text_case

    text = ("DR LEE: Any kidney stones?\nMRS COX: No, nothing like that.\n"
            "DR LEE: Headaches?\nMRS COX: I still get my migraines.\n"
            "DR LEE: Any ringing in the ears?\nMRS COX: Sometimes, yes.\n")
    got = {(f.label, f.excluded) for f in read_text_case("t", real_kb, text=text).case.findings}
    assert ("Nephrolithiasis", True) in got and ("Tinnitus", False) in got
    assert ("Headache", False) not in got and ("Nephrolithiasis", False) not in got


@pytest.mark.parametrize("text", [
    "His hearing was tested at school and was fine.", "My hearing's fine though.",
    "His hearing was fine.",
])
def test_a_sense_said_to_be_fine(text: str) -> None:
    assert [e.key for e in find_normal_examinations(text)] == ["hearing"]


def test_fine_hair_is_still_no_normal_examination() -> None:
    assert find_normal_examinations("Her hair is fine and sparse.") == []


@pytest.mark.parametrize(("text", "late"), [
    ("He walked late, at 21 months.", True), ("He walked, at 21 months.", True),
    ("He walked at 13 months.", False),
])
def test_walking_late_at_an_age(text: str, late: bool) -> None:
    got = find_milestones(text, age_years=3)
    assert [(m.key, not m.excluded) for m in got] == [("walking", late)]


@pytest.mark.parametrize(("text", "term", "excluded"), [
    ("ECG: sinus tachycardia, no AV block.", "HP:0001678", True),
    ("No LNs palpable.", "HP:0002716", True),
    ("She was hypotensive.", "HP:0002615", False),
    ("The room would spin.", "HP:0002321", False),
    ("My speech would go slurred.", "HP:0001260", False),
    ("Abdo distended, liver 5cm.", "HP:0003270", False),
    ("loose, pale, greasy, offensive stools", "HP:0002570", False),
    ("He hates the light.", "HP:0000613", False),
    ("MRI: without cord compression.", "HP:0002176", True),
    ("No venous sinus thrombosis.", "HP:0033724", True),
    ("Transaminitis and rising ferritin.", "HP:0002910", False),
    ("She has infrequent periods.", "HP:0000876", False),
])
def test_clinical_shorthand_and_lay_words(real_kb, text: str, term: str, excluded: bool) -> None:
    from osteodx.text.extract import read_text_case

    got = {(f.hpo_id, f.excluded) for f in read_text_case("t", real_kb, text=text).case.findings}
    assert (term, excluded) in got


def test_what_some_children_with_the_disease_have_is_not_the_patients(real_kb) -> None:
    from osteodx.text.extract import read_text_case

    text = "I read online that some children with this have heart problems."
    assert read_text_case("t", real_kb, text=text).case.findings == []


def test_a_table_over_today_and_yesterday_with_the_unit_last(real_kb) -> None:
    table = ("A 4-month-old girl.\n"
             "Bloods        today     yesterday\n"
             "Hb            74 L      81 L       g/L (transfused d4)\n"
             "Plt           21 L      34 L       x10^9/L\n"
             "Na            129 L     -          mmol/L\n")
    got = measured(table, real_kb)
    assert got == [("Haemoglobin", 74.0, "g/L"), ("Haemoglobin", 81.0, "g/L"),
                   ("Platelet count", 21.0, "x10^9/L"), ("Platelet count", 34.0, "x10^9/L"),
                   ("Sodium", 129.0, "mmol/L")]


@pytest.mark.parametrize(("text", "want"), [
    ("CT abdomen: acute pancreatitis without necrosis, and diffuse hepatic steatosis.",
     {("Acute pancreatitis", False), ("Diffuse hepatic steatosis", False)}),
    ("No fever, cough, and rash.", {("Fever", True), ("Cough", True), ("Skin rash", True)}),
    ("No fever, or rash.", {("Fever", True), ("Skin rash", True)}),
    ("There was no fever, and the rash spread.", {("Fever", True), ("Skin rash", False)}),
])
def test_a_comma_and_closes_a_negation_of_one_item(real_kb, text: str, want) -> None:
    from osteodx.text.extract import read_text_case

    got = {(f.label, f.excluded) for f in read_text_case("t", real_kb, text=text).case.findings}
    assert got == want


def test_the_nasal_bones_are_no_broken_nose(real_kb) -> None:
    from osteodx.text.extract import read_text_case

    text = "There is severe hyperostosis, most marked in the nasal bones and maxillae."
    got = {f.label for f in read_text_case("t", real_kb, text=text).case.findings}
    assert "Fractured nose" not in got
