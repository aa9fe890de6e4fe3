"""Clinical phrasing that case reports use and abstracts rarely do: negation forms, planned
tests, lists without full stops, normal examinations, nested terms (texts written here)."""

from __future__ import annotations

import pytest

from osteodx.text.examinations import find_normal_examinations
from osteodx.text.extract import extract_text


def features(kb, text: str) -> dict[str, bool]:
    """label -> excluded, for the extracted phenotypic features."""
    doc = extract_text(text, kb, case_id="t").phenopacket
    return {f["type"]["label"]: f.get("excluded", False) for f in doc["phenotypicFeatures"]}


@pytest.mark.parametrize("text, label", [
    ("Skin examination was negative for cafe-au-lait macules.", "Cafe-au-lait spot"),
    ("Amino acids were normal, excluding homocystinuria.", "Homocystinuria"),
    ("Homocystinuria was ruled out.", "Homocystinuria"),
    ("We ruled out homocystinuria by amino acid analysis.", "Homocystinuria"),
    ("Growth hormone deficiency is unlikely given the normal IGF-1.",
     "Reduced circulating growth hormone concentration"),
])
def test_negation_forms_exclude(real_kb, text: str, label: str) -> None:
    assert features(real_kb, text).get(label) is True


@pytest.mark.parametrize("text", [
    "An echocardiogram was requested to look for a bicuspid aortic valve.",
    "She was screened for hearing loss.",
])
def test_planned_tests_are_not_findings(real_kb, text: str) -> None:
    assert features(real_kb, text) == {}


def test_no_longer_is_a_past_finding_not_an_absent_one(real_kb) -> None:
    assert features(real_kb, "He no longer has seizures.") == {"Seizure": False}


def test_negating_a_specific_term_keeps_its_parent(real_kb) -> None:
    found = features(real_kb, "He denied joint pain but had chest pain.")
    assert found["Arthralgia"] is True and found["Chest pain"] is False
    assert "Pain" not in found  # implied by chest pain, and not excluded by "no joint pain"


def test_general_term_inside_a_specific_one_is_not_listed_again(real_kb) -> None:
    assert features(real_kb, "She has severe intellectual disability.") == {
        "Intellectual disability, severe": False}


def test_one_item_a_line_lists_end_negation_at_the_line(real_kb) -> None:
    text = "Examination:\nNo hepatosplenomegaly\nWebbed neck\nCubitus valgus\n"
    assert features(real_kb, text) == {
        "Hepatosplenomegaly": True, "Webbed neck": False, "Cubitus valgus": False,
        "Hepatomegaly": True, "Splenomegaly": True}  # "no hepatosplenomegaly": neither organ


def test_wrapped_prose_is_not_cut_at_line_ends(real_kb) -> None:
    text = "There was no evidence of\nhepatosplenomegaly or of\nscoliosis on examination."
    assert features(real_kb, text) == {"Hepatosplenomegaly": True, "Scoliosis": True,
                                       "Hepatomegaly": True, "Splenomegaly": True}


def test_normal_examinations_exclude_what_they_look_for(real_kb) -> None:
    text = ("Interictal EEG was normal. Brain MRI was unremarkable. Hearing was within normal"
            " limits. Her brother's vision is normal. Echocardiography showed a dilated aortic"
            " root.")
    assert [e.key for e in find_normal_examinations(text)] == ["eeg", "brain_imaging", "hearing"]
    found = features(real_kb, text)
    assert found["Hearing impairment"] is True and found["Abnormal brain morphology"] is True
    # HPO has a term for this very statement; otherwise the abnormality is excluded
    assert found.get("Normal interictal EEG") is False or found["EEG abnormality"] is True
    assert "Visual impairment" not in found and "Abnormal heart morphology" not in found


def test_onset_comes_from_the_mention_that_has_one(real_kb) -> None:
    text = ("Progressive hearing loss in a man\n\nCASE REPORT\nA 68-year-old man presented with"
            " hearing loss for 3 years.")
    doc = extract_text(text, real_kb, case_id="t").phenopacket
    onsets = {f["type"]["label"]: f.get("onset") for f in doc["phenotypicFeatures"]}
    assert onsets["Hearing impairment"] == {"age": {"iso8601duration": "P65Y"}}


def test_growth_measurements_with_z_scores_and_centiles(real_kb) -> None:
    text = ("A 3-year-old girl. Her height was 86 cm (-2.4 SD), weight 12 kg (25th centile) and"
            " head circumference 53 cm (>97th centile). Her mother's height is 150 cm (-2.1 SD).")
    found = features(real_kb, text)
    assert found["Short stature"] is False and found["Macrocephaly"] is False
    assert found["Decreased body weight"] is True and found["Increased body weight"] is True
    assert "Tall stature" not in found and "Microcephaly" not in found


def test_ordinals_and_new_wordings(real_kb) -> None:
    found = features(real_kb, "She had short fourth metacarpals, was obese and had learning"
                              " difficulties. Echocardiography showed dilatation of the aortic"
                              " root, without Erlenmeyer flask deformity.")
    assert found == {"Short 4th metacarpal": False, "Obesity": False,
                     "Specific learning disability": False, "Aortic root aneurysm": False,
                     "Erlenmeyer flask deformity of the femurs": True}


def test_each_finding_takes_the_onset_stated_next_to_it(real_kb) -> None:
    text = ("An 8-year-old boy had cafe-au-lait macules since infancy and scoliosis for 1 year."
            " Hypotonia was noted at birth.")
    doc = extract_text(text, real_kb, case_id="t").phenopacket
    onsets = {f["type"]["label"]: f.get("onset", {}).get("age", {}).get("iso8601duration")
              for f in doc["phenotypicFeatures"]}
    assert onsets == {"Cafe-au-lait spot": "P4W", "Scoliosis": "P7Y", "Hypotonia": "P0D"}


def test_a_relative_with_another_condition_is_not_affected(real_kb) -> None:
    text = ("A 10-year-old boy with scoliosis and short stature. Father - T2DM. His mother also"
            " has scoliosis. Her aunt has hypertension.")
    family = {f["relation"]: f for f in extract_text(text, real_kb, case_id="t").family}
    assert family["father"]["affected"] is None
    assert "other condition" in family["father"]["note"]
    assert family["mother"]["affected"] is True
    # (session 20) "Her aunt" after "His mother", in a boy's report, is the mother's aunt
    assert family["great-aunt"]["affected"] is None
    assert "maternal" in family["great-aunt"]["note"]


def test_bone_density_z_scores(real_kb) -> None:
    low = features(real_kb, "A 12-year-old boy. DXA showed a lumbar spine BMD Z-score of -3.1.")
    assert low == {"Reduced bone mineral density": False}
    high = features(real_kb, "A 30-year-old woman. Bone mineral density Z-score was +4.2.")
    assert high["Increased bone mineral density"] is False
    normal = features(real_kb, "A 30-year-old woman. BMD Z-score -1.2.")
    assert normal == {"Reduced bone mineral density": True,
                      "Increased bone mineral density": True}


def test_page_furniture_inside_a_sentence_is_skipped(real_kb) -> None:
    text = ("Journal of Bone Cases\nA 12-year-old girl had a high-arched palate; there was no"
            " cleft\n\n2                 Journal of Bone Cases\n\npalate. She had scoliosis.\n"
            "https://doi.org/10.1000/xyz\n")
    found = features(real_kb, text)
    assert found["Cleft palate"] is True and found["Scoliosis"] is False
    assert found["High palate"] is False


def test_the_case_keeps_its_source_name(real_kb) -> None:
    ex = extract_text("A 3-year-old girl. Her height was 86 cm (-2.4 SD). EEG was normal.",
                      real_kb, case_id="t", source="report.txt")
    assert ex.case.source == "report.txt"


def test_no_family_history_of_x_is_about_the_relatives(real_kb) -> None:
    text = "A 40-year-old man with a pituitary adenoma. No family hx of endocrine tumors."
    assert features(real_kb, text) == {"Pituitary adenoma": False}


def test_prenatal_onset(real_kb) -> None:
    text = ("A 1-year-old boy. Short limbs had been noted on a prenatal ultrasound at 31 weeks"
            " of gestation.")
    doc = extract_text(text, real_kb, case_id="t").phenopacket
    onsets = {f["type"]["label"]: f.get("onset") for f in doc["phenotypicFeatures"]}
    assert onsets["Limb undergrowth"] == {  # short limbs, seen before birth
        "ontologyClass": {"id": "HP:0030674", "label": "Antenatal onset"}}


def test_milestone_ages(real_kb) -> None:
    found = features(real_kb, "A 3-year-old boy. He walked independently at 22 months and sat"
                              " at 7 months. His sister walked at 24 months.")
    assert found == {"Delayed ability to walk": False, "Delayed ability to sit": True}
