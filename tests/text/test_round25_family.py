"""Text round 25's family misreadings left after session 15, fixed in session 16 (before
round 26 was scored): notes' shorthand, the patient's birth, plans, restated relatives,
doubted hearsay, and a relative's broader finding."""

from __future__ import annotations

import pytest

from osteodx.text.family import find_family_statements


@pytest.mark.parametrize(("text", "expected"), [
    # notes' "NAD": no abnormality detected
    ("Bro (12) NAD.", [("brother", False)]),
    ("Mother: no abnormality detected.", [("mother", False)]),
    # the patient born to the parents says nothing of their health
    ("He was born at 36 weeks to non-consanguineous parents after an uncomplicated "
     "pregnancy.", [("parents", None)]),
    ("She was born at 38 weeks to healthy Japanese parents after a pregnancy complicated by "
     "growth restriction.", []),
    # a plan to screen relatives is no statement that they are affected
    ("Her son and daughter should be screened once a family variant is known.",
     [("son", None), ("daughter", None)]),
    # the aside restates whose relative this is: one grandfather, not also a father
    ("Their father (Mrs Owen's maternal grandfather) died at 80 with a very large jaw.",
     [("grandfather", True)]),
    # hearsay the writer doubts is hedged; hearsay alone is the family's report
    ("Her grandfather was said to have had a very large jaw; this cannot be confirmed.",
     [("grandfather", None)]),
    ("A maternal aunt is said to have a very large jaw.", [("aunt", True)]),
    # what the mother was told about her son is his history, not hers
    ("His urine went black on standing, and his mother had been told this when he was a "
     "baby.", []),
])
def test_family_readings(text: str, expected: list) -> None:
    got = [(s.relation, s.affected) for s in find_family_statements(text)]
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_a_doubted_statement_is_noted_as_possible() -> None:
    (s,) = find_family_statements(
        "Her grandfather had a very large jaw; this cannot be confirmed.")
    assert s.affected is None and "possibly affected" in s.note


def test_a_relative_s_broader_finding_relates_to_the_patient_s(real_kb) -> None:
    """"Seizures" (information content 1.39, below the shared-ancestor threshold) in a
    relative and infantile spasms in the patient: the relative is affected."""
    from osteodx.text.extract import extract_text

    text = ("The boy has infantile spasms and sparse hair. A maternal uncle had died at the age "
            "of 2 years with seizures, without a diagnosis.")
    (uncle,) = extract_text(text, real_kb, case_id="r25").family
    assert uncle["relation"] == "uncle" and uncle["affected"] is True
    other = extract_text("The boy has infantile spasms. His father has psoriasis.", real_kb,
                         case_id="r25").family
    assert [(f["relation"], f["affected"]) for f in other] == [("father", None)]
