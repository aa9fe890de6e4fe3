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


def test_the_family_doctor_is_no_relative() -> None:
    assert _said("His weight gain slowed; his family doctor documented failure to thrive.") \
        == set()


def test_ranges_with_units_in_a_bracket_over_a_table_of_dates() -> None:
    from tests.text.lab_helpers import labs

    found = labs("Serial results (adjusted calcium mmol/L [2.10-2.55]; phosphate mmol/L "
                 "[0.80-1.50]):\nDate        Ca      PO4\n14/03/27    1.58    2.14\n"
                 "09/11/27    2.12    1.58\n")
    got = [(lab.analyte, lab.value, lab.unit, lab.reference_low) for lab in found]
    assert got == [("calcium_total", 1.58, "mmol/L", 2.1), ("phosphate", 2.14, "mmol/L", 0.8),
                   ("calcium_total", 2.12, "mmol/L", 2.1), ("phosphate", 1.58, "mmol/L", 0.8)]


def test_a_change_told_in_words_gives_both_results() -> None:
    from tests.text.lab_helpers import labs

    found = labs("Calcium has risen from 1.9 to 2.3 mmol/L.")
    assert [(lab.analyte, lab.value, lab.unit) for lab in found] == [
        ("calcium_total", 1.9, "mmol/L"), ("calcium_total", 2.3, "mmol/L")]


def test_a_lower_case_i_starts_a_sentence(real_kb) -> None:
    from tests.text.case_helpers import terms

    got = terms(real_kb, "things i DONT have: no chest pain. i have asthma but its mild.")
    assert ("HP:0002099", False) in got and ("HP:0100749", True) in got


def test_a_unit_run_into_the_first_value_of_a_table_of_dates() -> None:
    from tests.text.lab_helpers import labs

    found = labs("              12/03/2027      04/10/2027\nPlt x10^9/L   86              198\n"
                 "Hb g/L        74              112\n")
    assert [(lab.analyte, lab.value, lab.unit) for lab in found] == [
        ("platelets", 86.0, "x10^9/L"), ("platelets", 198.0, "x10^9/L"),
        ("haemoglobin", 74.0, "g/L"), ("haemoglobin", 112.0, "g/L")]
