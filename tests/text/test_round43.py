"""Held-out text round 43: what a relative's normal results say, pedigree letters whose
proband "is the third child of" the couple, asides that name a relative, and consanguineous
parents named in an assessment."""

from __future__ import annotations

import pytest

from osteodx.text.family import find_family_statements


def _said(text: str) -> set[tuple[str, bool | None, str]]:
    return {(s.relation, s.affected, s.note) for s in find_family_statements(text)}


@pytest.mark.parametrize(("text", "relation"), [
    ("Her son Liam, 19, had a normal calcium and PTH in September.", "son"),
    ("His brother Bilal, 3, had a normal cortisol and ACTH last year and is well.", "brother"),
    ("Her sister Lucia, 7, had normal electrolytes and hearing when tested last year.", "sister"),
])
def test_normal_results_of_a_relative_are_unaffected(text: str, relation: str) -> None:
    assert _said(text) == {(relation, False, "")}


def test_normal_does_not_carry_to_a_finding() -> None:
    assert _said("His sister has normal hearing and seizures.") == {("sister", True, "")}


def test_not_related_and_both_well() -> None:
    assert ("parents", False, "") in _said("Her parents are not related and are both well.")


def test_consanguineous_parents_in_an_assessment_are_kinship_only() -> None:
    said = _said("Assessment: the short stature, with consanguineous parents and an affected "
                 "cousin on the father's side, fits Robinow syndrome.")
    assert ("parents", True, "") not in said
    assert ("parents", None, "consanguineous") in said


def test_a_numbered_proband_and_siblings_named_in_asides() -> None:
    said = _said("Elif (IV-3) is the third child of III-4 (father Mehmet, 36) and III-5 (mother "
                 "Ayşe, 31), who are first cousins. Her siblings are IV-1 Emre (brother, 12) and "
                 "IV-2 Zeynep (sister, 9), both of normal height and healthy.")
    assert not any(affected for _, affected, _ in said)
    assert ("parents", None, "consanguineous") in said


def test_an_abbreviation_after_a_relative_is_no_name() -> None:
    assert _said("older sister (13) also CF, well.") == {("sister", True, "")}


@pytest.mark.parametrize(("text", "years"), [
    ("Patient: Yusuf ABDI        Age today: 7.4 years\n\nHe is tall.", 7.4),
    ("Re: Sofia RAMIREZ\n\nI saw Sofia, who is eleven and a half, in clinic today.", 11.5),
    ("Name: Baby Aoife (female)\nDOB: 03/08/2027        Discharged: 24/08/2027\nShe is well.",
     0.06),
])
def test_ages_of_round_43(text: str, years: float) -> None:
    from osteodx.text.demographics import extract_demographics

    assert round(extract_demographics(text).age_years or -1, 2) == years


def test_who_is_names_the_patient_only_when_the_letter_is_about_them() -> None:
    from osteodx.text.demographics import extract_demographics

    d = extract_demographics("Re: Sofia RAMIREZ\n\nHer brother Tom, who is 8, is well.")
    assert d.age_years is None
