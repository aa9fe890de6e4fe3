"""Text round 26 (``benchmarks/text_rounds/round26``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics
from osteodx.text.family import find_family_statements
from osteodx.text.family_relatives import relative_names


def test_a_named_child_s_age_in_months_in_a_parent_s_account() -> None:
    text = ("Hi Dr Bennett, sorry for the long message. I'm Isla's mum. Isla is 18 months now. "
            "I wanted to write it all down because I forget. We are worried about her teeth.")
    assert extract_demographics(text).age_years == 1.5


def test_a_meeting_date_and_a_date_of_birth_after_runs_of_spaces() -> None:
    """The date of birth's offsets are the text's own: this was an IndexError."""
    text = ("JOINT MDT - OUTCOME SUMMARY\nDate of meeting: 20/10/2025\n\n"
            "Patient: Oliver K.     Male     DOB: 12/03/2021\n")
    d = extract_demographics(text)
    assert d.age_years == pytest.approx(4.6078, abs=1e-3)
    assert d.age_source.text == "DOB: 12/03/2021"
    assert text[d.age_source.start:d.age_source.end] == "DOB: 12/03/2021"


@pytest.mark.parametrize(("text", "expected"), [
    # what each parent carries, and how they are: unaffected carriers
    ("Both parents carry one variant each and are clinically unaffected.", [("parents", False)]),
    # the history as a topic says nothing of anyone
    ("Family history is important.", []),
    # a question is no statement
    ("Should her little brother (he's 2 months) be checked?", []),
    # whose child the half-brother is says nothing of his health
    ("Daniel has a paternal half-brother, Jack, 19, from Ian's second marriage, who is well.",
     [("brother", False)]),
])
def test_family_readings(text: str, expected: list) -> None:
    got = [(s.relation, s.affected) for s in find_family_statements(text)]
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_names_from_a_family_history_list_place_their_relatives() -> None:
    text = ("Family history:\n- Mother: Carol, died aged 41 of a ruptured artery.\n"
            "- Maternal side: Carol's brother, now 58, is well.\n- Father: Ian, 62, is well.\n"
            "- Paternal side: Ian's father had an aortic aneurysm repaired at 78.\n")
    assert relative_names(text) == {"carol": "mother", "ian": "father"}
    got = {(s.relation, s.note.split(";")[0]): s.affected for s in find_family_statements(text)}
    assert got[("uncle", "maternal")] is False
    assert got[("father", "")] is False
    assert ("grandfather", "paternal") in got  # Ian's father, not the patient's


def test_a_verdict_in_brackets_is_about_the_words_just_before(real_kb) -> None:
    from osteodx.text.extract import extract_text

    def status(text: str) -> dict[str, bool]:
        return {f.label: f.excluded for f in extract_text(text, real_kb, case_id="r26")
                .case.findings}

    got = status("She has had chronic diarrhoea since early childhood, investigated twice for "
                 "coeliac disease (negative).")
    assert got == {"Chronic diarrhea": False, "Celiac disease": True}
    # one subject's "was normal" does not reach back across a comma
    assert status("Knee pain in the last year, X-ray of the knees was normal.") == {
        "Knee pain": False}
    # a list before a plural verdict still shares it
    assert status("Scoliosis, kyphosis and lordosis were absent.") == {
        "Scoliosis": True, "Kyphosis": True, "Hyperlordosis": True}


@pytest.mark.parametrize(("text", "label"), [
    ("She had painful, swollen knees.", "Joint swelling"),
    ("Both knees had moderate knee effusions.", "Knee joint effusion"),
    ("The biopsy showed a hypocellular marrow.", "Bone marrow hypocellularity"),
    ("He tires easily at recess.", "Easy fatigability"),
    ("She has become forgetful.", "Memory impairment"),
    ("She lost her baby teeth early.", "Premature loss of primary teeth"),
    ("There is a bald patch on the crown.", "Patchy alopecia"),
    ("He was short of breath on arrival.", "Dyspnea"),
])
def test_round_26_wording(real_kb, text: str, label: str) -> None:
    from osteodx.text.extract import extract_text

    got = {f.label for f in extract_text(text, real_kb, case_id="r26").case.findings
           if not f.excluded}
    assert label in got


def test_accidents_negated_in_a_list(real_kb) -> None:
    from osteodx.text.extract import extract_text

    got = {f.label: f.excluded for f in extract_text(
        "No urinary or bowel accidents.", real_kb, case_id="r26").case.findings}
    assert got == {"Urinary incontinence": True, "Bowel incontinence": True}
