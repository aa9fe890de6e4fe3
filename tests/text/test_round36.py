"""Text round 36 (``benchmarks/text_rounds/round36``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics
from osteodx.text.dialogue import form_answers
from osteodx.text.extract import read_text_case
from osteodx.text.family import find_family_statements
from osteodx.text.labs import extract_labs
from tests.text.case_helpers import term_ids, terms

_FORM = ("2. During an attack, do you have:\n"
         "Fever over 38C:            [x] Yes  [ ] No    Highest? 39.6\n"
         "Swollen joints:            [ ] Yes  [x] No\n"
         "Vomiting:                  [ ] Yes  [ ] No\n"
         "Headaches:                 [x] Yes  [ ] No\n"
         "Seizures:                  [ ] Yes  [x] No\n"
         "Hearing problems?          No\n"
         "Protein in urine:          [ ] Yes  [ ] No  [x] Don't know\n"
         "Weight loss:\n")


def test_a_tick_box_form_answers_each_item() -> None:
    got = [(_FORM[q.start:q.end], q.verdict) for q in form_answers(_FORM)]
    assert got == [("During an attack, do you have", "open"), ("Fever over 38C", "affirmed"),
                   ("Swollen joints", "denied"),
                   ("Vomiting", "open"), ("Headaches", "affirmed"), ("Seizures", "denied"),
                   ("Hearing problems", "denied"), ("Protein in urine", "open"),
                   ("Weight loss", "open")]


def test_a_letter_with_a_colon_or_two_is_no_form() -> None:
    assert form_answers("Seizures: none.\nHearing: normal.\nPlan: review.\n") == []


def test_a_forms_ticks_give_the_findings(real_kb) -> None:
    got = {(f.label, f.excluded) for f in read_text_case("f", real_kb, text=_FORM).case.findings}
    assert {("Headache", False), ("Seizure", True), ("Hearing impairment", True)} <= got
    assert not {label for label, _ in got} & {"Vomiting", "Weight loss", "Proteinuria"}


@pytest.mark.parametrize(("text", "want"), [
    ("Any other relatives affected?", []),
    ("Her daughter, 32, is well and has asked about predictive testing.", [("daughter", False)]),
    ("Her son, 8, is active and well, with a normal ECG.", [("son", False)]),
    ("Her brother, 37, had a normal ECG and echocardiogram last year.", [("brother", False)]),
    ("Our daughter is 2 and totally typical.", [("daughter", False)]),
    ("- Mother (58) - no symptoms; mottled peripheral RPE on exam today (carrier pattern).",
     [("mother", False)]),
    ("Dad's brother (Uncle Jim) had kidney failure from amyloid and died at 52.",
     [("uncle", True)]),
])
def test_relatives_in_round_36(text: str, want: list[tuple[str, bool | None]]) -> None:
    assert [(s.relation, s.affected) for s in find_family_statements(text)] == want


def test_a_parents_age_with_a_half_before_and_and_not_a_guess() -> None:
    text = ("My son Leo is four and a half and we finally got an answer. He's the tallest kid "
            "in his preschool, everyone thinks he's 7.")
    assert extract_demographics(text).age_years == 4.5
    assert extract_demographics("Everyone thinks he's 7.").age_years is None


@pytest.mark.parametrize(("text", "want"), [
    ("GP said my ESR was very high at 84.", [("esr", 84.0, "high")]),
    ("Venous gas: pCO2 3.9 kPa (4.7-6.0), base excess -10 mmol/L.",
     [("pco2", 3.9, None), ("base_excess", -10.0, None)]),
    ("pO2 85 mmHg (80-100)", [("po2", 85.0, None)]),
    ("                 Admission   Day 9    Discharge   Reference\n"
     "Platelets (x10^9/L) 31       48       262         150-450\n"
     "Hb (g/L)         64          71       98          115-145\n",
     [("platelets", 31.0, None), ("platelets", 48.0, None), ("platelets", 262.0, None),
      ("haemoglobin", 64.0, None), ("haemoglobin", 71.0, None), ("haemoglobin", 98.0, None)]),
])
def test_labs_of_round_36(text: str, want: list[tuple[str, float, str | None]]) -> None:
    assert [(x.analyte, x.value, x.flag) for x in extract_labs(text)] == want


def test_a_printed_range_after_a_pressure_unit_is_kept() -> None:
    (pco2,) = extract_labs("pCO2 3.9 kPa (4.7-6.0)")
    assert (pco2.unit, pco2.reference_low, pco2.reference_high) == ("kPa", 4.7, 6.0)


@pytest.mark.parametrize(("text", "term", "excluded"), [
    ("He had a severe, haemorrhagic chickenpox at 3.", "HP:0032170", False),
    ("He has been unable to get or keep an erection, with a loss of libido.", "HP:0046504",
     False),
    ("Lethargy, pallor and very little urine for 24 hours.", "HP:0000980", False),
    ("Lethargy, pallor and very little urine for 24 hours.", "HP:0100520", False),
    ("There was no fatigability on sustained upgaze.", "HP:0003473", True),
    ("No flashes. No floaters. No RAPD. No bone spicules.", "HP:0200057", True),
    ("His eyes slant down at the outside. One eye turns in.", "HP:0000565", False),
    ("Swollen glands in neck:    [x] Yes", "HP:0025289", False),
])
def test_wordings_of_round_36(real_kb, text: str, term: str, excluded: bool) -> None:
    got = terms(real_kb, text)
    assert (term, excluded) in got


@pytest.mark.parametrize(("text", "not_term"), [
    ("Steroid-responsive, colchicine-unresponsive.", "HP:0025237"),
    ("Pitted, acne-like scars on the face.", "HP:0001061"),
    ("The dermis is expanded by pale, eosinophilic, amorphous hyaline material.", "HP:0000980"),
    ("The dermis is expanded by pale, eosinophilic, amorphous hyaline material.", "HP:0001880"),
    ("Her speech was hypernasal and the palate elevated poorly.", "HP:0000218"),
    ("Genetic testing has now confirmed oculopharyngeal muscular dystrophy.", "HP:0003560"),
    ("Kniest dysplasia vs spondyloepiphyseal dysplasia congenita.", "HP:0002655"),
    ("Initial working diagnosis (revised): sepsis with gastroenteritis.", "HP:0100806"),
    ("She was initially treated for sepsis, but blood cultures were negative.", "HP:0100806"),
])
def test_what_is_not_the_patients_finding(real_kb, text: str, not_term: str) -> None:
    got = term_ids(real_kb, text)
    assert not_term not in got


@pytest.mark.parametrize(("text", "want"), [
    ("His parents are first cousins. Both are well.", [("parents", None), ("parents", False)]),
    ("His parents are first cousins and both are well.",
     [("parents", None), ("parents", False)]),
    ("Her father died at 70; his sister, 84, is well.", [("father", True), ("aunt", False)]),
    ("Her father's uncle had cartilage-hair hypoplasia.", [("great-uncle", True)]),
    ("Her mother is well and her brother has seizures.", [("mother", False), ("brother", True)]),
])
def test_relatives_named_through_others(text: str, want: list[tuple[str, bool | None]]) -> None:
    assert [(s.relation, s.affected) for s in find_family_statements(text)] == want


def test_reduced_acuity_in_words_beats_the_acuity_figures(real_kb) -> None:
    text = "Reduced acuity both eyes, L > R. VA (cc) R 6/9 L 6/12."
    got = terms(real_kb, text)
    assert ("HP:0007663", False) in got and ("HP:0007663", True) not in got
