"""Held-out text round 42: tables of dates with analytes over the columns, reference ranges
printed apart from their results, month-first and weekday dates, and family statements."""

from __future__ import annotations

import pytest

from osteodx.text.birthdate import age_from_dates
from osteodx.text.family import find_family_statements
from osteodx.text.labs import extract_labs
from tests.text.case_helpers import term_ids
from tests.text.lab_helpers import labs

_SERIAL = ("Serial thyroid function (TSH 0.35-5.00 mU/L; free T4 9.0-19.0 pmol/L):\n\n"
           "Date          TSH       Free T4   Treatment\n"
           "2019-03-11    <0.01     38.4      none\n"
           "2021-05-20    1.42      14.0      methimazole 10 mg\n")


def _said(text: str) -> set[tuple[str, bool | None, str]]:
    return {(s.relation, s.affected, s.note) for s in find_family_statements(text)}


# -- lab tables and ranges ---------------------------------------------------------------

def test_analytes_over_the_columns_of_a_table_of_dates() -> None:
    got = [(lab.analyte, lab.value, lab.unit) for lab in labs(
        "Date        TSH (mU/L)   Free T4 (pmol/L)\n"
        "2019-03-11  <0.01        38.4\n"
        "2021-05-20  1.42         14.0\n")]
    assert got == [("tsh", 0.01, "mU/L"), ("free_t4", 38.4, "pmol/L"), ("tsh", 1.42, "mU/L"),
                   ("free_t4", 14.0, "pmol/L")]


def test_a_bracket_of_ranges_over_a_table_gives_ranges_not_results() -> None:
    found = labs(_SERIAL)
    assert [(lab.analyte, lab.value) for lab in found] == [
        ("tsh", 0.01), ("free_t4", 38.4), ("tsh", 1.42), ("free_t4", 14.0)]
    tsh = found[2]
    assert (tsh.unit, tsh.reference_low, tsh.reference_high) == ("mU/L", 0.35, 5.0)
    assert any("apart from the result" in w for w in tsh.warnings)  # where the range came from


def test_one_range_in_brackets_mid_sentence_is_no_declaration() -> None:
    found = labs("Calcium 2.01 (2.10-2.55) mmol/L.")
    assert [(lab.analyte, lab.value) for lab in found] == [("calcium_total", 2.01)]


def test_a_reference_line_under_a_table_judges_the_results_above() -> None:
    found = extract_labs("CRP   12 mg/L\nESR   8 mm/h\nReference: CRP <5, ESR 1-20 mm/h\n")
    got = {lab.analyte: (lab.value, lab.reference_low, lab.reference_high) for lab in found}
    assert got == {"crp": (12.0, None, 5.0), "esr": (8.0, 1.0, 20.0)}


def test_a_table_of_dates_needs_its_cells_to_line_up() -> None:
    found = extract_labs("Date        TSH    Free T4\n2019-03-11  <0.01  38.4  12.9  9.1\n")
    assert list(found) == []
    assert any("do not line up" in w for w in found.warnings)  # said, never dropped silently


# -- dates -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "years"), [
    ("November 2, 2027\n\nRe: Ms. J. K.   DOB: July 22, 1994\n", 33.28),
    ("Date: Fri 17 Sep 2027 21:48\nMark (Dad of Alfie, DOB 03/02/2023)\n", 4.62),
    ("Date of birth: 2nd of March 2010. Date of clinic: Tuesday, 14th May 2024.", 14.2),
])
def test_month_first_ordinal_and_weekday_dates(text: str, years: float) -> None:
    got = age_from_dates(text)
    assert got is not None and round(got[0], 2) == years


# -- family ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["The parents are not related; both are well.",
                                  "Her parents are third cousins; both are well."])
def test_both_are_well_after_a_semicolon(text: str) -> None:
    assert ("parents", False, "") in _said(text)


def test_third_cousins_are_consanguineous() -> None:
    assert ("parents", None, "consanguineous") in _said(
        "Her parents, who emigrated from Finland, are third cousins.")


def test_grandparents_by_their_abbreviations() -> None:
    assert _said("FHx: PGM - very low uric acid; MGF - gout.") == {
        ("grandmother", True, "paternal"), ("grandfather", True, "maternal")}


@pytest.mark.parametrize("text", [
    "She now holds her mother's arm at dusk.",
    "Mark Turner (Dad of Alfie Turner, DOB 03/02/2023)",
])
def test_a_relatives_things_and_a_signature_are_no_statement(text: str) -> None:
    assert _said(text) == set()


@pytest.mark.parametrize("text", ["His sister Hoi-ching, 5, is healthy.",
                                  "Her sister Bisi, 5, is healthy with straight legs."])
def test_named_healthy_sisters(text: str) -> None:
    assert _said(text) == {("sister", False, "")}


def test_a_daughter_lost_by_an_aunt_is_a_cousin() -> None:
    said = _said("His father's sister lost a daughter at 6 to what the family calls "
                 "\"Batten disease\".")
    assert said == {("cousin", True, "paternal")}


def test_the_opposite_finding_in_a_relative_is_another_condition(real_kb) -> None:
    from osteodx.text.extract import extract_text

    doc = extract_text("Callum is 34. He has hypocholesterolaemia and steatorrhoea. His mother "
                       "takes a statin for high cholesterol.", real_kb, case_id="t")
    mother = next(f for f in doc.family if f["relation"] == "mother")
    assert mother["affected"] is None and "other condition" in mother["note"]


# -- words -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "hpo_id"), [
    ("He has never coughed up blood.", "HP:0002105"),
    ("There is exertional desaturation.", "HP:0030874"),
    ("Lung function shows a severely reduced gas transfer.", "HP:0045051"),
    ("No lid retraction.", "HP:0500043"),
    ("CT shows several enlarged mediastinal lymph nodes.", "HP:0100721"),
    ("Ankle jerks are reduced.", "HP:0009072"),
    ("The uptake scan shows increased radioiodine uptake.", "HP:0031220"),
    ("He has small corneas.", "HP:0000482"),
])
def test_clinical_words_of_round_42(real_kb, text: str, hpo_id: str) -> None:
    assert hpo_id in term_ids(real_kb, text)


def test_the_parents_children_counted_in_a_pedigree_letter() -> None:
    said = _said("The proband IV-3 is the third child of III-4 (father, 34) and III-5 (mother, "
                 "29), who are first cousins. The first child IV-1, a girl of 10, is healthy. "
                 "The second child IV-2, a boy, died at 8 months after seizures.")
    assert said == {("parents", None, "consanguineous"), ("sister", False, ""),
                    ("brother", True, "")}


def test_brother_and_sister_said_of_others_are_no_relatives() -> None:
    assert _said("His paternal grandfather and maternal grandmother are brother and sister.") \
        == {("parents", None, "consanguineous")}
    assert {r for r, _, _ in _said("Her brother and sister are deaf.")} == {"brother", "sister"}


@pytest.mark.parametrize(("text", "excluded", "observed"), [
    ("He has no tetanus response, together with a severe neutropenia.", "HP:0410295",
     "HP:0001875"),
    ("She has no fever, along with recurrent otitis media.", "HP:0001945", "HP:0000403"),
])
def test_an_addition_ends_the_negation(real_kb, text: str, excluded: str, observed: str) -> None:
    from tests.text.case_helpers import terms

    got = terms(real_kb, text)
    assert (observed, False) in got and (observed, True) not in got


def test_a_lower_case_sex_in_the_subject_line() -> None:
    from osteodx.text.demographics import extract_demographics

    d = extract_demographics("Re: Abdulrahman, male, MRN 2210-448, aged 5 years\n\nThe first "
                             "child IV-1, a girl of 10, is healthy.")
    assert d.sex == "MALE"


def test_a_parents_words_before_the_value() -> None:
    found = labs("His platelets are a bit low at 118 (normal 150-450).")
    assert [(lab.analyte, lab.value, lab.flag) for lab in found] == [("platelets", 118.0, "low")]


def test_a_parent_writing_of_both_parents() -> None:
    text = ("Hi, it's Mark, Alfie's dad. My son Alfie is 4 and I am worried about his skin. "
            "We think it started in the summer. Me and Jo are both healthy.")
    assert ("parents", False, "") in {(r, a, n) for r, a, n in _said(text)}
    assert _said("Me and Jo are both healthy.") == set()  # no parent writing: who is "me"?


def test_a_message_threads_birth_date_check_and_date_stamp() -> None:
    text = ("[12/10/2027, 06:48] Kerry: Leo's sugar was low again\n"
            "[14/10/2027, 09:10] Becky: Just checking Leo's DOB for the new school care plan - "
            "03/03/2023?\n[14/10/2027, 09:12] Kerry: yes thats right\n")
    got = age_from_dates(text)
    assert got is not None and round(got[0], 2) == 4.62


def test_each_message_of_a_chat_export_is_a_sentence() -> None:
    from osteodx.text.sentences import split_sentences

    text = ("[12/10/2027, 06:48] Kerry: Morning Becky sorry its so early\n"
            "[12/10/2027, 06:48] Kerry: he was all shaky and pale\n"
            "[12/10/2027, 06:53] Becky: Give him his emergency drink now\n")
    assert [s.text[:19] for s in split_sentences(text)] == ["[12/10/2027, 06:48]"] * 2 + [
        "[12/10/2027, 06:53]"]
