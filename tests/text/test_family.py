"""Family statements: affection status of relatives, consanguinity, and relatives' clauses."""

from __future__ import annotations

import pytest

from osteodx.text.family import find_family_statements
from osteodx.text.relatives import relative_sentences


def family(text: str) -> list[tuple[str, bool | None, str, str]]:
    return [(f.relation, f.affected, f.finding_text, f.note) for f in find_family_statements(text)]


def status(text: str) -> dict[str, bool | None]:
    """relation -> affected, consanguinity statements left out."""
    return {f.relation: f.affected for f in find_family_statements(text)
            if "consanguineous" not in f.note}


def spans(text: str) -> list[str]:
    return [text[a:b] for a, b in relative_sentences(text)]


# -- generic family history --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Family history is unremarkable.",
    "The family history was negative.",
    "There is no family history of bone disease.",
    "No family history of bone disease.",
    "Family history is non-contributory.",
    "No other family members are affected.",
])
def test_negative_family_history_is_unaffected_family_members(text: str) -> None:
    assert status(text) == {"family members": False}


def test_positive_family_history_is_affected() -> None:
    assert status("Family history was positive for fractures.") == {"family members": True}


# -- consanguinity -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "note"), [
    ("The parents are non-consanguineous.", "not consanguineous"),
    ("The parents are not consanguineous.", "not consanguineous"),
    ("There is no consanguinity.", "not consanguineous"),
    ("Consanguinity was denied.", "not consanguineous"),
    ("The parents are first cousins.", "consanguineous"),
    ("Her parents are consanguineous.", "consanguineous"),
    ("She was born to consanguineous parents.", "consanguineous"),
    ("The parents are not blood relatives.", "not consanguineous"),
])
def test_consanguinity_is_recorded_apart_from_affection(text: str, note: str) -> None:
    (s,) = find_family_statements(text)
    assert (s.relation, s.affected, s.note) == ("parents", None, note)


def test_consanguinity_next_to_a_health_statement() -> None:
    assert family("Both parents are healthy and there is no consanguinity.") == [
        ("parents", None, "no consanguinity", "not consanguineous"),
        ("parents", False, "healthy", "")]


def test_cousins_and_generic_consanguinity() -> None:
    assert family("Her first cousin had fractures.") == [("cousin", True, "fractures", "")]
    assert family("Consanguinity increases the risk of recessive disorders.") == []
    assert family("DISCUSSION\nConsanguineous parents have been reported in ARO.") == []


# -- unaffected wording, measurements, informants, hedges ----------------------------------


@pytest.mark.parametrize("text", [
    "An older brother, aged 4, is developing normally.",
    "His brother is well.",
    "Her brother is healthy and has no symptoms.",
    "Her brother, now 10 years old, is asymptomatic.",
    "Her brother is 4 years old and healthy.",
])
def test_normal_development_and_wellbeing_are_unaffected(text: str) -> None:
    assert status(text) == {"brother": False}


@pytest.mark.parametrize("text", [
    "Her father is 178 cm and her mother 157 cm.",
    "Parental heights: father 178 cm, mother 157 cm.",
    "Her mother is 35 years old.",
    "Her father's height is 178 cm.",
    "Her mother's calcium was 2.40 mmol/L.",
])
def test_a_relative_s_measurement_is_no_affection_statement(text: str) -> None:
    assert family(text) == []


def test_a_measurement_beside_a_finding_keeps_the_finding() -> None:
    assert family("Her mother is 148 cm tall with short fourth metacarpals.") == [
        ("mother", True, "short fourth metacarpals", "")]
    assert status("His mother's calcium was low (1.9 mmol/L).") == {"mother": True}
    assert status("Her father, aged 40, has dense bones.") == {"father": True}
    assert status("Her mother has short stature and normal calcium.") == {"mother": True}


@pytest.mark.parametrize("text", [
    "Her mother recalls puffy hands and feet in the newborn period.",
    "Her mother reports that she limps.",
    "Her mother noticed swelling of the legs.",
    "His father says he had fractures as a toddler.",
    "Her mother brought her because of leg pain.",
])
def test_a_relative_telling_the_history_is_no_affected_relative(text: str) -> None:
    assert family(text) == []


@pytest.mark.parametrize(("text", "relation"), [
    ("Her father possibly had a skull deformity.", "father"),
    ("Her father may have been affected.", "father"),
    ("Pseudopseudohypoparathyroidism is suspected in her mother.", "mother"),
    ("In her mother, pseudopseudohypoparathyroidism is suspected.", "mother"),
])
def test_hedged_statements_are_possibly_affected(text: str, relation: str) -> None:
    (s,) = find_family_statements(text)
    assert (s.relation, s.affected, s.note) == (relation, None, "possibly affected")


def test_hedged_finding_text_drops_the_hedge() -> None:
    assert family("Her father possibly had a skull deformity.") == [
        ("father", None, "skull deformity", "possibly affected")]
    assert family("Her father was probably healthy.") == [
        ("father", None, "healthy", "possibly unaffected")]


# -- grouping and merging -----------------------------------------------------------------


def test_relatives_named_together_with_numbers_and_kinship_words() -> None:
    assert family("His mother and two sisters are unaffected.") == [
        ("mother", False, "unaffected", ""), ("sister", False, "unaffected", "")]
    assert status("His father and paternal grandmother had hearing loss.") == {
        "father": True, "grandmother": True}


def test_one_statement_per_relation() -> None:
    text = "Her father is healthy. Her father had a fracture at 30 and later had deafness."
    assert family(text) == [("father", True, "fracture at 30; deafness", "")]
    (s,) = find_family_statements(text)
    assert s.text == "Her father had a fracture at 30 and later had deafness."
    assert status("Her father possibly had a skull deformity. Her father is healthy.") == {
        "father": False}  # definite beats hedged
    assert status("She has no sister. Her sister is healthy.") == {"sister": False}
    assert status("His sister had scoliosis but is otherwise healthy.") == {"sister": True}


def test_what_worked_before_still_works() -> None:
    assert family("She has no father, sister or brother.") == [
        ("father", None, "", "no such relative"), ("sister", None, "", "no such relative"),
        ("brother", None, "", "no such relative")]
    assert family("She was born to healthy parents.") == []
    assert family("Her father, who is healthy, works as a farmer.") == [
        ("father", False, "healthy", "")]


# -- relative_sentences --------------------------------------------------------------------


def test_relative_sentences_cover_a_relative_s_values() -> None:
    text = ("A 12-year-old girl. Calcium 1.62 mmol/L (2.10-2.55). "
            "Her mother's calcium was 2.40 mmol/L.")
    assert spans(text) == ["Her mother's calcium was 2.40 mmol/L."]
    assert spans("She has hypocalcaemia. Her mother has normal calcium levels.") == [
        "Her mother has normal calcium levels."]
    assert spans("The calcium level of her mother was 2.4 mmol/L.") == [
        "The calcium level of her mother was 2.4 mmol/L."]


def test_relative_sentences_split_the_patient_s_clauses_off() -> None:
    assert spans("Her calcium was 1.6 mmol/L and her mother's calcium was 2.4 mmol/L.") == [
        "her mother's calcium was 2.4 mmol/L."]
    assert spans("Calcium was 1.6 mmol/L in the patient and 2.4 mmol/L in her mother.") == [
        "2.4 mmol/L in her mother."]
    assert spans("Her mother had fractures and she had a calcium of 1.6 mmol/L.") == [
        "Her mother had fractures"]
    assert spans("Her mother is 148 cm tall but normal calcium; PTH was raised in her.") == [
        "Her mother is 148 cm tall but normal calcium"]  # the verbless clause is hers


@pytest.mark.parametrize("text", [
    "Her calcium was 1.6 mmol/L.",
    "Compared with her mother, she had a calcium of 1.6 mmol/L.",
    "She was born to healthy parents. Calcium was 1.6 mmol/L.",
    "Her mother recalls puffy hands. Her calcium was 1.6 mmol/L.",
    "She has the same mutation as her mother.",
])
def test_relative_sentences_leave_the_patient_s_sentences(text: str) -> None:
    assert spans(text) == []


def test_relative_sentence_spans_index_the_text() -> None:
    text = "CASE\nShe had back pain.  Her  mother's\ncalcium was 2.4 mmol/L. She was well."
    ((a, b),) = relative_sentences(text)
    assert text[a:b] == "Her  mother's\ncalcium was 2.4 mmol/L."


# -- verbless history lines, kinship, status words, "similar" (stress test 2) --------------


def test_verbless_first_cousins_is_consanguinity_only() -> None:
    assert family("FH: Parents first cousins.") == [
        ("parents", None, "first cousins", "consanguineous")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Younger sister 15 y/o - asymptomatic, to be screened.", {"sister": False}),
    ("Father - T2DM.", {"father": True}),
    ("FHx: Mother on HD since age 50.", {"mother": True}),
    ("Brother (8 y) healthy.", {"brother": False}),
])
def test_verbless_history_lines(text: str, expected: dict[str, bool | None]) -> None:
    assert status(text) == expected


@pytest.mark.parametrize(("text", "relation", "note"), [
    ("Mum's brother used a wheelchair from age 11.", "uncle", "maternal"),
    ("His mother's brother had fractures.", "uncle", "maternal"),
    ("Her father's sister had fractures.", "aunt", "paternal"),
    ("Her mother's sister had fractures.", "aunt", "maternal"),
    ("His paternal grandmother had fractures.", "grandmother", "paternal"),
    ("A maternal uncle had fractures.", "uncle", "maternal"),
    ("Grandmother from the father side had fractures.", "grandmother", "paternal"),
    ("Her sister's son had fractures.", "nephew", ""),
])
def test_possessive_kinship_is_one_relative(text: str, relation: str, note: str) -> None:
    (s,) = find_family_statements(text)
    assert (s.relation, s.affected, s.note) == (relation, True, note)


def test_maternal_and_paternal_relatives_stay_apart() -> None:
    text = "His maternal uncle had fractures. His paternal uncle is healthy."
    assert family(text) == [("uncle", True, "fractures", "maternal"),
                            ("uncle", False, "healthy", "paternal")]


@pytest.mark.parametrize("text", [
    "Her sister has not been assessed.",
    "Her sister has not been examined.",
    "Her sister was not tested.",
])
def test_an_unexamined_relative_is_unknown(text: str) -> None:
    (s,) = find_family_statements(text)
    assert (s.relation, s.affected, s.note) == ("sister", None, "not assessed")


def test_not_tested_yields_to_a_stated_status() -> None:
    text = "The parents were not tested; they and his two sisters have no similar symptoms."
    assert status(text) == {"parents": False, "sister": False}


@pytest.mark.parametrize(("text", "expected"), [
    ("Parents are unrelated and both well.", {"parents": False}),
    ("There is no similar feature in the family.", {"family members": False}),
    ("No one else in the family is affected.", {"family members": False}),
    ("Jacob's younger brother, aged 2, is walking and running well.", {"brother": False}),
    ("His brother, Tom, is doing well.", {"brother": False}),
    ("Mum herself has no muscle symptoms.", {"mother": False}),
])
def test_status_words(text: str, expected: dict[str, bool | None]) -> None:
    assert status(text) == expected


def test_in_the_family_as_an_opener_is_no_relative() -> None:
    assert status("In the family, the father of the patient has blue sclera.") == {"father": True}
    assert status("We discussed the results in the family.") == {}


@pytest.mark.parametrize(("text", "similar"), [
    ("Her brother has the same bone disease.", True),
    ("Her sister also had fractures.", True),
    ("Similar changes were seen in her mother.", True),
    ("Her mother is similarly affected.", True),
    ("Father - T2DM.", False),
    ("Her mother has hypertension.", False),
])
def test_similar_tells_the_patient_s_kind_of_finding(text: str, similar: bool) -> None:
    (s,) = find_family_statements(text)
    assert (s.affected, s.similar) == (True, similar)


def test_finding_text_keeps_quotes_balanced() -> None:
    assert family('Her father had "soft bones".') == [("father", True, '"soft bones"', "")]


def test_informant_verbs_and_own_findings() -> None:
    assert family("Mother noted slurred speech from age 3.") == []
    assert family("Her mother observed that she limps.") == []
    assert family("His mother describes frequent falls.") == []
    assert family("Her mother noted swelling in herself.") == [
        ("mother", True, "swelling in herself", "")]


@pytest.mark.parametrize("text", [
    "Her mother, 38 years old, has a similar dental history.",
    "His father, a carpenter, had fractures.",
    "Her mother (38 years) has fractures.",
])
def test_an_inserted_phrase_keeps_the_statement(text: str) -> None:
    (s,) = find_family_statements(text)
    assert s.affected is True and s.finding_text in ("dental history", "fractures")


def test_not_yet_tested_after_a_status_keeps_the_status() -> None:
    text = "Her younger brother is asymptomatic and has not yet been tested."
    assert status(text) == {"brother": False}
    assert family("Her brother has not yet been tested.") == [
        ("brother", None, "not yet been tested", "not assessed")]


@pytest.mark.parametrize("text", [
    "The variant was absent in both parents (de novo).",
    "The variant was not detected in both parents.",
    "Both parents were heterozygous carriers of c.512G>A.",
    "The same variant was found in her mother.",
    "Her mother was negative for the SOST mutation.",
    "Her father carries the variant.",
])
def test_a_genetic_result_is_no_affection_statement(text: str) -> None:
    assert [(s.affected, s.note, s.similar) for s in find_family_statements(text)] == [
        (None, "genotype only", False)]


def test_a_genetic_result_yields_to_a_stated_status() -> None:
    assert status("Her mother carries the same variant but is asymptomatic.") == {
        "mother": False}
    assert status("Her father was heterozygous for the mutation and had mild bowing.") == {
        "father": True}
    (s,) = find_family_statements(
        "Her father, who had similar leg pain, was found to carry the same variant.")
    assert (s.relation, s.affected, s.finding_text, s.similar) == (
        "father", True, "leg pain", True)


def test_w_slash_reads_as_with() -> None:
    assert family("FHx: mother w/ T2DM.") == [("mother", True, "T2DM", "")]
    assert status("Her brother is well w/ mild scoliosis.") == {"brother": True}


@pytest.mark.parametrize(("text", "expected"), [
    ("Her brother is 48 and has never had nosebleeds.", {"brother": False}),
    ("Her brother is 48 and has had nosebleeds.", {"brother": True}),
    ("Parents healthy, not related; first child.", {"parents": False}),
    ("Family history: negative.", {"family members": False}),
    ("FHx: nil.", {"family members": False}),
    ("Family history (pedigree drawn):\n- Mother: healthy.", {"mother": False}),
    ("At 6 months mum told him his nappies went black.", {}),
    ("Mother tells that the child is laughing very often.", {}),
])
def test_ages_birth_order_headings_and_informants(text, expected) -> None:
    assert status(text) == expected


@pytest.mark.parametrize("text", [
    "His mother had her first period at 13 and has two children.",
    "His younger brother, 13, has started puberty.",
    "Her sister has three healthy children.",
])
def test_ordinary_life_events_are_no_affection(text: str) -> None:
    assert all(v is not True for v in status(text).values())


def test_where_the_family_comes_from_is_no_affection() -> None:
    statements = find_family_statements(
        "Family history: Parents healthy, non-consanguineous, Nigerian ancestry.")
    assert {(f.relation, f.affected) for f in statements} == {("parents", None),
                                                             ("parents", False)}
    assert status("Parents are well, originally from Pakistan.") == {"parents": False}


def test_unrelated_parents_are_not_consanguineous() -> None:
    notes = {f.note for f in find_family_statements("Parents healthy, not related.")}
    assert "not consanguineous" in notes
    notes = {f.note for f in find_family_statements("The parents are healthy and unrelated.")}
    assert "not consanguineous" in notes


@pytest.mark.parametrize(("text", "expected"), [
    ("- Daughter, Ella, 6: well.", {"daughter": False}),
    ("- Brother, Noah, 5: I examined him today and found no lumps.", {"brother": False}),
    ("- Brother, 41: examined today, no myotonia or weakness.", {"brother": False}),
    ("Parents healthy, second cousins.", {"parents": False}),
    ("His father is of average height.", {"father": False}),
    ("Parents now notice he bumps into things.", {}),
    ("Arms short relative to the trunk.", {}),
])
def test_names_examiners_cousins_and_informants(text, expected) -> None:
    assert status(text) == expected


def test_consanguinity_abbreviated_or_listed() -> None:
    assert {f.note for f in find_family_statements("Parents non-consang.")} == {
        "not consanguineous"}
    assert "consanguineous" in {f.note for f in find_family_statements(
        "Parents healthy, second cousins.")}


def test_parents_who_have_noticed_are_informants() -> None:
    assert status("His parents have noticed that he screws his eyes up in sunshine.") == {}


def test_carriers_screening_and_verbless_continuations() -> None:
    assert status("Mother is a premutation carrier (85 repeats); no learning difficulties.") == {
        "mother": False}
    assert status("Her brother was screened with MRI and no lesions were found.") == {}
    assert status("Her father had an MRI showing a cerebellar tumour.") == {"father": True}


def test_a_verbless_clause_naming_a_relative_has_its_own_subject() -> None:
    assert status("Parents are healthy and unrelated; father 44 years old.") == {
        "parents": False}


def test_an_aside_on_origin_says_nothing_about_the_parents() -> None:
    assert family("Family: parents are first cousins (Pakistani origin).") == [
        ("parents", None, "are first cousins", "consanguineous")]


def test_screening_logistics_are_no_status() -> None:
    got = status("Cascade ECGs: mum done, bro booked, mat aunt to be contacted.")
    assert got.get("mother") is None and got.get("brother") is None and got.get("aunt") is None


@pytest.mark.parametrize("text", ["Bro 21 - HbA1c 36 in 2023.", "Brother: TSH 2.1 mIU/L.",
                                  "Mother: QTc 478."])
def test_a_bare_result_is_no_status(text) -> None:
    assert status(text) == {}


def test_a_test_still_to_come_is_not_assessed() -> None:
    assert status("- Bro 11 - ECG at GP next wk.") == {"brother": None}

