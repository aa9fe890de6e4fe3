"""Text round 27 (``benchmarks/text_rounds/round27``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics
from osteodx.text.family import find_family_statements


@pytest.mark.parametrize(("text", "age"), [
    # a visit date with words between "seen" and "on"
    ("Re: Thomas ASHWORTH, DOB 04/09/2006, NHS no. 485 221 7730\n"
     "Seen in the young adult endocrine clinic on 12/11/2025\n", 19.19),
    # "she's" and a trailing "now" in a parent's aside
    ("I'm Lily's mum (Lily Carter, she's 5 and a half now, date of birth 14 May 2020). We are "
     "seeing you on the 2nd but I wanted to write everything down first.", 5.5),
])
def test_ages(text: str, age: float) -> None:
    assert extract_demographics(text).age_years == pytest.approx(age, abs=0.01)


@pytest.mark.parametrize(("text", "expected"), [
    # the teller's own brother
    ("His mother tells me that her brother went through puberty only after hormone injections "
     "at 17.", [("maternal uncle", True)]),
    # "the brother of the mother"
    ("The brother of the mother had dialysis from 34 years; he also had kidney stones many "
     "times.", [("maternal uncle", True)]),
    # where the family is going says nothing of its health
    ("He has 11 years and his family is moving to your city for work of the father.", []),
    # what the parents saw of the patient is the patient's
    ("In the urine there are some red cells, the parents never saw red urine.", []),
])
def test_family_readings(text: str, expected: list) -> None:
    got = [(f"{s.note.split(';')[0]} {s.relation}".strip() if s.note.startswith(
        ("maternal", "paternal")) else s.relation, s.affected)
        for s in find_family_statements(text)]
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_what_parents_never_saw_is_the_patient_s_absent_finding(real_kb) -> None:
    from osteodx.text.extract import extract_text

    got = {f.label: f.excluded for f in extract_text(
        "The parents never saw red urine.", real_kb, case_id="r27").case.findings}
    assert got == {"Red urine": True}
    # a relative who saw a doctor for their own complaint is not an informant
    (father,) = find_family_statements("Her father saw a cardiologist for palpitations.")
    assert father.relation == "father"


@pytest.mark.parametrize("text", ["Extraocular movements full.", "EOM full.",
                                  "Eye movements are full."])
def test_full_eye_movements_exclude_ophthalmoplegia(real_kb, text: str) -> None:
    from osteodx.text.extract import extract_text

    got = {f.label: f.excluded for f in extract_text(text, real_kb, case_id="r27")
           .case.findings}
    assert got == {"Ophthalmoplegia": True}
