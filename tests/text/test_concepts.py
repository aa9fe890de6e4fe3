"""Tests for the HPO concept recogniser on a tiny hand-written term list."""

from __future__ import annotations

import pytest

from osteodx.text import concepts
from osteodx.text.concepts import ConceptMatch, ConceptRecognizer

TERMS = [
    ("HP:0001250", "Seizure", [("Epileptic seizure", "EXACT")]),
    ("HP:0001156", "Brachydactyly", [("Short digits", "EXACT")]),
    ("HP:0009373", "Type C brachydactyly", []),
    ("HP:0001249", "Intellectual disability", [("Mental retardation", "EXACT")]),
    ("HP:0010864", "Intellectual disability, severe", [("Severe mental retardation", "EXACT")]),
    ("HP:0001629", "Ventricular septal defect", [("VSD", "EXACT")]),
    ("HP:0000729", "Autistic behavior", [("ASD", "EXACT")]),
    ("HP:0001511", "Intrauterine growth retardation", [("IUGR", "EXACT")]),
    ("HP:0000175", "Cleft palate", []),
    ("HP:0410030", "Cleft lip", []),
    ("HP:0000957", "Cafe-au-lait spot", []),
    ("HP:0004467", "Preauricular pit", []),
    ("HP:0002664", "Neoplasm", [("Tumor", "EXACT"), ("Cancer", "BROAD")]),
    ("HP:0008069", "Neoplasm of the skin", [("Skin tumor", "EXACT")]),
    ("HP:0011001", "Increased bone mineral density", [("Osteosclerosis", "EXACT")]),
    ("HP:0001385", "Hip dysplasia", []),
]


@pytest.fixture(scope="module")
def rec() -> ConceptRecognizer:
    return ConceptRecognizer(TERMS)


def found(rec: ConceptRecognizer, text: str) -> set[tuple[str, str]]:
    """(hpo_id, matched text) pairs, after checking every span is exact."""
    matches = rec.find(text)
    for m in matches:
        assert isinstance(m, ConceptMatch)
        assert text[m.start : m.end] == m.text
    return {(m.hpo_id, m.text) for m in matches}


def test_plurals_inflection_and_spelling(rec: ConceptRecognizer) -> None:
    text = "Recurrent seizures, tumours and café-au-lait spots; dysplastic hips."
    assert found(rec, text) == {
        ("HP:0001250", "seizures"),
        ("HP:0002664", "tumours"),
        ("HP:0000957", "café-au-lait spots"),
        ("HP:0001385", "dysplastic hips"),
    }


def test_hyphenation_across_line_break(rec: ConceptRecognizer) -> None:
    text = "Radiographs showed diffuse osteo-\nsclerosis of the skull."
    (match,) = rec.find(text)
    assert match.hpo_id == "HP:0011001"
    assert match.text == "osteo-\nsclerosis"
    assert (match.start, match.end) == (27, 43)


def test_hyphen_and_prefix_variants(rec: ConceptRecognizer) -> None:
    for text in ("pre-auricular pits", "preauricular pit", "Pre auricular pits"):
        assert {h for h, _ in found(rec, text)} == {"HP:0004467"}, text


def test_word_order(rec: ConceptRecognizer) -> None:
    assert ("HP:0009373", "brachydactyly type C") in found(rec, "with brachydactyly type C.")


def test_abbreviation_defined_in_text(rec: ConceptRecognizer) -> None:
    text = "A ventricular septal defect (VSD) was seen. The VSD closed; two VSDs recurred."
    matches = [m for m in rec.find(text) if m.hpo_id == "HP:0001629"]
    assert [m.text for m in matches] == ["ventricular septal defect", "VSD", "VSD", "VSDs"]


def test_acronym_defined_for_any_recognised_phrase(rec: ConceptRecognizer) -> None:
    text = "Type C brachydactyly (BDC) is rare; BDC is dominant."
    assert [m.text for m in rec.find(text) if m.hpo_id == "HP:0009373"] == [
        "Type C brachydactyly",
        "BDC",
        "BDC",
    ]


def test_ambiguous_short_acronym_needs_definition(rec: ConceptRecognizer) -> None:
    assert rec.find("The VSD closed and ASD was excluded.") == []
    # defined as something that is not one of our terms: still not matched
    assert found(rec, "atrial septal defect (ASD). The ASD closed.") == set()
    # longer acronyms match case-sensitively without a definition
    assert found(rec, "IUGR was noted, not iugr.") == {("HP:0001511", "IUGR")}


def test_longest_match_wins(rec: ConceptRecognizer) -> None:
    text = "severe mental retardation"
    strict = ConceptRecognizer(TERMS, nested="none")
    assert found(strict, text) == {("HP:0010864", "severe mental retardation")}
    # a match inside a longer one is kept only when the rest is a qualifier
    assert found(rec, text) == {
        ("HP:0010864", "severe mental retardation"),
        ("HP:0001249", "mental retardation"),
    }
    assert found(rec, "multiple skin tumors") == {("HP:0008069", "skin tumors")}


def test_coordination(rec: ConceptRecognizer) -> None:
    assert found(rec, "cleft lip and palate were repaired") == {
        ("HP:0410030", "cleft lip"),
        ("HP:0000175", "cleft lip and palate"),
    }


def test_scopes() -> None:
    assert found(ConceptRecognizer(TERMS), "cancer") == set()
    broad = ConceptRecognizer(TERMS, scopes=("EXACT", "BROAD"))
    assert found(broad, "cancer") == {("HP:0002664", "cancer")}


TEXT = (
    "Nevoid basal cell syndrome with seizures, severe mental retardation and a "
    "ventricular septal defect (VSD); the VSD, cleft lip and palate, pre-auricular "
    "pits, brachydactyly type C (BDC) and osteo-\nsclerosis. Skin tumours, IUGR."
)


def test_deterministic(rec: ConceptRecognizer) -> None:
    first = rec.find(TEXT)
    assert first == rec.find(TEXT)
    assert first == ConceptRecognizer(list(reversed(TERMS))).find(TEXT)
    assert first == sorted(first, key=lambda m: (m.start, m.end, m.hpo_id))


def test_same_result_without_ahocorasick(
    rec: ConceptRecognizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(concepts, "ahocorasick", None)
    assert ConceptRecognizer(TERMS).find(TEXT) == rec.find(TEXT)


def test_anatomical_adjective_matches_noun() -> None:
    rec = ConceptRecognizer(
        [
            ("HP:0004378", "Abnormality of the anus", []),
            ("HP:0000889", "Abnormal clavicle morphology", [("Abnormal clavicle", "EXACT")]),
        ]
    )
    assert found(rec, "Anal anomalies. An abnormal clavicular shape.") == {
        ("HP:0004378", "Anal anomalies"),
        ("HP:0000889", "abnormal clavicular"),
    }


def test_ontology_root_is_not_reported() -> None:
    rec = ConceptRecognizer(
        [
            ("HP:0000118", "Phenotypic abnormality", [("Phenotypic feature", "EXACT")]),
            ("HP:0001250", "Seizure", []),
        ]
    )
    assert found(rec, "Phenotypic features included seizures.") == {("HP:0001250", "seizures")}


def test_subsumed_nested_term_is_reported_too() -> None:
    terms = [
        ("HP:0002583", "Colitis", []),
        ("HP:0100279", "Ulcerative colitis", []),
        ("HP:0012531", "Pain", []),
        ("HP:0100749", "Chest pain", []),
        ("HP:0000175", "Cleft palate", []),
        ("HP:0000202", "Orofacial cleft", [("Cleft", "EXACT")]),
    ]
    ancestors = {"HP:0100279": ["HP:0002583"], "HP:0100749": ["HP:0012531"],
                 "HP:0000175": ["HP:0000202"]}
    text = "Ulcerative colitis, chest pain and a cleft palate."
    qualified = ConceptRecognizer(terms, ancestors=ancestors)
    assert ("HP:0002583", "colitis") not in found(qualified, text)
    rec = ConceptRecognizer(terms, nested="subsumed", ancestors=ancestors)
    assert found(rec, text) == {
        ("HP:0100279", "Ulcerative colitis"), ("HP:0002583", "colitis"),
        ("HP:0100749", "chest pain"), ("HP:0012531", "pain"),
        ("HP:0000175", "cleft palate"), ("HP:0000202", "cleft"),
    }
    # without the ontology's ancestors nothing is subsumed
    bare = ConceptRecognizer(terms, nested="subsumed")
    assert ("HP:0002583", "colitis") not in found(bare, text)


def test_quantifiers_are_not_in_the_way() -> None:
    rec = ConceptRecognizer([("HP:0009702", "Carpal synostosis", [])])
    assert found(rec, "synostosis of some carpal bones") == {
        ("HP:0009702", "synostosis of some carpal")}


def test_phenotype_naming_a_gene_or_locus_is_not_a_finding(rec: ConceptRecognizer) -> None:
    text = "A tumor suppressor gene near the Ewing tumor region; skin tumors were seen."
    assert found(rec, text) == {("HP:0008069", "skin tumors")}


def test_blocked_text() -> None:
    terms = [("HP:0002527", "Falls", [])]
    rec = ConceptRecognizer(terms, blocked_text=[("HP:0002527", "fall")])
    assert found(rec, "Cases that fall short of the criteria; recurrent falls.") == {
        ("HP:0002527", "falls")}
    assert len(found(ConceptRecognizer(terms), "they fall short")) == 1


def test_blocked_text_shadows_no_other_term() -> None:
    # a label outranks another term's synonym of the same words; blocked, it gives way
    terms = [("HP:0001350", "Slurred speech", []),
             ("HP:0001260", "Dysarthria", [("slurred speech", "EXACT")])]
    assert found(ConceptRecognizer(terms), "She has slurred speech.") == {
        ("HP:0001350", "slurred speech")}
    rec = ConceptRecognizer(terms, blocked_text=[("HP:0001350", "Slurred speech")])
    assert found(rec, "She has slurred speech.") == {("HP:0001260", "slurred speech")}


def test_predicate_form_matches_the_finding() -> None:
    rec = ConceptRecognizer([("HP:0002240", "Hepatomegaly", [("Enlarged liver", "EXACT")]),
                             ("HP:0000369", "Low-set ears", [])])
    assert found(rec, "The liver was enlarged and the ears were low set.") == {
        ("HP:0002240", "liver was enlarged"), ("HP:0000369", "ears were low set")}
    # a negation between copula and adjective: the match starts after it, so that the "not"
    # (a cue outside the match) negates it
    assert found(rec, "The liver was not enlarged.") == {("HP:0002240", "enlarged")}


def test_words_shared_on_both_sides_of_a_coordination() -> None:
    rec = ConceptRecognizer([("HP:0010044", "Short 4th metacarpal", []),
                             ("HP:0010047", "Short 5th metacarpal", [])])
    assert {i for i, _ in found(rec, "shortening of the fourth and fifth metacarpals")} == {
        "HP:0010044", "HP:0010047"}
    assert {i for i, _ in found(rec, "Her fourth metacarpals appear short.")} == {"HP:0010044"}


def test_a_side_inside_a_phrase_is_skipped() -> None:
    rec = ConceptRecognizer([("HP:0002980", "Femoral bowing", [("Bowing of the femur", "EXACT")]),
                             ("HP:0001712", "Left ventricular hypertrophy", []),
                             ("HP:0001714", "Ventricular hypertrophy", [])])
    assert found(rec, "bowing of the right femur") == {
        ("HP:0002980", "bowing of the right femur")}
    assert ("HP:0001712", "left ventricular hypertrophy") in found(
        rec, "left ventricular hypertrophy")


def test_comma_separated_adjectives_share_the_noun() -> None:
    rec = ConceptRecognizer([("HP:0100864", "Short femoral neck", []),
                             ("HP:0006429", "Broad femoral neck", []),
                             ("HP:0004322", "Short stature", []),
                             ("HP:0002650", "Scoliosis", [])])
    assert {i for i, _ in found(rec, "She had short, broad femoral necks.")} == {
        "HP:0100864", "HP:0006429"}
    assert {i for i, _ in found(rec, "scoliosis, short stature")} == {"HP:0002650", "HP:0004322"}


def test_stacked_modifiers_and_intensified_predicates() -> None:
    rec = ConceptRecognizer([("HP:0000369", "Low-set ears", []),
                             ("HP:0000358", "Posteriorly rotated ears", []),
                             ("HP:0001252", "Hypotonia", [("Low muscle tone", "EXACT")]),
                             ("HP:0011160", "Tonic seizure", []),
                             ("HP:0002069", "Bilateral tonic-clonic seizure", [])])
    assert {i for i, _ in found(rec, "low-set posteriorly rotated ears")} == {
        "HP:0000369", "HP:0000358"}
    assert {i for i, _ in found(rec, "Muscle tone is a little low.")} == {"HP:0001252"}
    assert "HP:0011160" not in {i for i, _ in found(rec, "tonic-clonic seizures")}


def test_a_list_of_modifiers_shares_its_head_noun() -> None:
    rec = ConceptRecognizer([("HP:0000478", "Abnormality of the eye",
                              [("Ocular anomaly", "EXACT")]),
                             ("HP:0001367", "Abnormal joint morphology",
                              [("Joint abnormality", "EXACT")]),
                             ("HP:0000364", "Hearing abnormality", []),
                             ("HP:0002816", "Genu recurvatum", [("Back knee", "EXACT")])])
    text = "ophthalmic, orofacial, articular, and auditory manifestations."
    assert {i for i, _ in found(rec, text)} == {"HP:0000478", "HP:0001367", "HP:0000364"}
    # plural nouns in a list are not modifiers of the last conjunct's noun
    assert found(rec, "pain in her knees, hips and lower back.") == set()
    # the head must end the phrase: here "odontogenic" modifies "keratocysts"
    rec = ConceptRecognizer([("HP:0100612", "Odontogenic neoplasm", [])])
    assert found(rec, "jaw tumours or multiple odontogenic keratocysts") == set()


def test_the_word_after_and_takes_the_head_before_the_first_conjunct() -> None:
    rec = ConceptRecognizer([("HP:0011453", "Abnormal incus morphology",
                              [("Abnormality of the incus", "EXACT")]),
                             ("HP:0006429", "Broad femoral neck", []),
                             ("HP:0000475", "Broad neck", [])])
    assert {i for i, _ in found(rec, "Anomalies of the semicircular canals and the incus.")} == {
        "HP:0011453"}
    assert {i for i, _ in found(rec, "The femoral necks were short and broad.")} == {
        "HP:0006429"}
    assert found(rec, "Anomalies of the semicircular canals and the incus bones") == set()


def test_words_listed_before_type_qualify_the_head() -> None:
    rec = ConceptRecognizer([("HP:0000365", "Hearing impairment", [("Hearing loss", "EXACT")]),
                             ("HP:0000407", "Sensorineural hearing impairment",
                              [("Sensorineural hearing loss", "EXACT")]),
                             ("HP:0000410", "Mixed hearing impairment",
                              [("Mixed hearing loss", "EXACT")])])
    ids = {i for i, _ in found(rec, "hearing loss of sensorineural or mixed type")}
    assert {"HP:0000407", "HP:0000410"} <= ids
    assert {i for i, _ in found(rec, "hearing loss of the sensorineural type")} >= {"HP:0000407"}


def test_a_site_list_after_a_symptom_gives_each_site() -> None:
    rec = ConceptRecognizer([("HP:0012531", "Pain", []),
                             ("HP:0030839", "Knee pain", [("Pain in the knee", "EXACT")]),
                             ("HP:0030838", "Hip pain", [("Pain in the hip", "EXACT")]),
                             ("HP:0003419", "Low back pain", [("Lower back pain", "EXACT")])])
    ids = {i for i, _ in found(rec, "She reports pain in her knees, hips and lower back.")}
    assert ids == {"HP:0030839", "HP:0030838", "HP:0003419"}
    # a possessive does not break a phrase
    assert {i for i, _ in found(rec, "pain in his knees")} == {"HP:0030839"}


def test_a_verbless_note_predicate_after_an_intensifier() -> None:
    rec = ConceptRecognizer([("HP:0007513", "Generalized hypopigmentation",
                              [("Fair skin", "EXACT")]), ("HP:0004322", "Short stature", [])])
    assert {i for i, _ in found(rec, "Skin very fair.")} == {"HP:0007513"}
    assert {i for i, _ in found(rec, "She has very short stature.")} == {"HP:0004322"}


def test_coordinated_subjects_share_the_predicate() -> None:
    rec = ConceptRecognizer([("HP:0002240", "Hepatomegaly", [("Enlarged liver", "EXACT")]),
                             ("HP:0001744", "Splenomegaly", [("Enlarged spleen", "EXACT")]),
                             ("HP:0009900", "Unilateral deafness", [])])
    assert {i for i, _ in found(rec, "Liver and spleen were enlarged.")} == {
        "HP:0002240", "HP:0001744"}
    # a pronoun subject is not a second conjunct
    assert found(rec, "She had deafness and this was unilateral.") == set()
