"""Region statements ("Both rib series were normal") and family statements."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from osteodx.case.skeleton import normal_region_findings, skeleton_regions
from osteodx.text import regions
from osteodx.text.regions import find_family_statements, find_region_statements


def said(text: str) -> list[tuple[str, bool]]:
    return [(s.key, s.normal) for s in find_region_statements(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Skull X-ray did not show any abnormality (Fig. 2).", [("skull", True)]),
        ("Both rib series were normal.", [("ribs", True)]),
        ("Long bone, such as tibia, fibula and humerus had normal bony structure.",
         [("long_bones", True)]),
        ("Abnormal densities are not shown in skull X-ray.", [("skull", True)]),
        ("Spine X-ray showed sclerotic change.", [("spine", False)]),
        ("Hands and feet radiographs were normal.", [("hands", True), ("feet", True)]),
        ("Pelvic radiograph was unremarkable.", [("pelvis", True)]),
        ("Radiographs were taken. Skull unremarkable.", [("skull", True)]),
        ("Power 5/5 throughout, reflexes normal in both feet.", []),
        ("The spine was straight, without deformation.", []),
        ("The skull base was sclerotic.", [("skull_base", False)]),
        ("Sclerosis of the femoral diaphyses.", [("long_bone_diaphysis", False)]),
        ("The spine was sclerotic but the ribs were normal.", [("spine", False), ("ribs", True)]),
        ("A radiograph of spine revealed rugger-jersey vertebra and sandwich vertebra.",
         [("spine", False)]),
        ("There was suspiciously increased uptake in ver-\ntebra.", [("spine", False)]),
        ("Spine X-ray was taken which showed sclerotic change of spine endplate and pelvic bone.",
         [("spine", False), ("pelvis", False)]),
        ("In our case, there was no abnormality in skull X-ray.", [("skull", True)]),
        ("Skull X-ray normal, spine sclerotic.", [("skull", True), ("spine", False)]),
        ("A skeletal survey was done. Skull and ribs were normal.",
         [("skull", True), ("ribs", True)]),
    ],
)
def test_region_statement_forms(text: str, expected: list[tuple[str, bool]]) -> None:
    assert said(text) == expected


def test_a_following_there_was_sentence_refers_to_the_same_region() -> None:
    text = ("Long bone, such as tibia, fibula and humerus had normal bony structure. There was "
            "no sclerotic change.")
    got = find_region_statements(text)
    assert [(s.key, s.normal) for s in got] == [("long_bones", True), ("long_bones", True)]
    assert got[1].text == "There was no sclerotic change."
    assert text[got[0].start : got[0].end] == got[0].text


def test_no_carry_over_to_unrelated_sentences() -> None:
    assert said("Skull X-ray was normal. There was no fever.") == [("skull", True)]
    assert said("Skull X-ray was normal. There was sclerosis of the spine.") == [
        ("skull", True), ("spine", False)]


def test_relatives_and_generic_sentences_give_no_region_statement() -> None:
    assert said("Her mother's spine radiograph was normal.") == []
    assert said("Her mother did not have osteosclerotic lesion in spine radiograph.") == []
    assert said("DISCUSSION\nPagetic changes can be seen in the skull, spine and pelvis.") == []
    assert said("Osteosclerosis is usually seen in the spine.") == []
    assert said("Spine X-ray was taken.") == []  # nothing said about the bone


def test_keys_are_skeleton_ids_and_give_excluded_findings(real_kb) -> None:
    data = yaml.safe_load((resources.files("osteodx.knowledge") / "skeleton.yaml")
                          .read_text(encoding="utf-8"))
    ids = {r.id for r in skeleton_regions()} | set(data["groups"])
    keys = {k for k, _ in regions._REGIONS}
    assert keys <= ids
    for key in sorted(keys):  # every key is accepted; epiphyses exclude nothing (yaml)
        found = normal_region_findings(key, real_kb.ontology, "text")
        assert all(f.status == "excluded" for f in found), key
        assert found or key == "long_bone_epiphysis", key


# -- family ----------------------------------------------------------------------------


def family(text: str) -> list[tuple[str, bool | None, str, str]]:
    return [(f.relation, f.affected, f.finding_text, f.note) for f in find_family_statements(text)]


def test_family_statement_forms() -> None:
    assert family("Her mother did not have os-\nteosclerotic lesion in spine radiograph.") == [
        ("mother", False, "osteosclerotic lesion in spine radiograph", "")]
    assert family("She has no father, \nsister or brother.") == [
        ("father", None, "", "no such relative"), ("sister", None, "", "no such relative"),
        ("brother", None, "", "no such relative")]
    assert family("Her father and brother were also affected.") == [
        ("father", True, "affected", ""), ("brother", True, "affected", "")]
    assert family("Both parents were healthy.") == [("parents", False, "healthy", "")]
    assert family("Her mother's radiographs were normal.") == [
        ("mother", False, "radiographs were normal", "")]
    assert family("Similar sclerotic changes were found in her sister.") == [
        ("sister", True, "sclerotic changes", "")]
    assert family("No sclerosis was seen in her mother.") == [("mother", False, "No sclerosis", "")]
    assert family("There was no family history of bone disease.") == [
        ("family members", False, "bone disease", "")]


def test_family_statements_skip_non_subjects_and_other_patients() -> None:
    assert family("She was born to non-consanguineous parents.") == [
        ("parents", None, "non-consanguineous", "not consanguineous")]
    assert family("So we could not perform further investigation of her family.") == []
    assert family("DISCUSSION\nThere are reported cases that did not show radiological changes "
                  "in the parents of the patient.") == []
    assert family("The disease is known to affect the mother more often.") == []


def test_family_statement_spans() -> None:
    text = "CASE\nShe had back pain. Her sister had scoliosis."
    (s,) = find_family_statements(text)
    assert text[s.start : s.end] == s.text == "Her sister had scoliosis."


@pytest.mark.parametrize(("text", "expected"), [
    # another clause's "no change" is not the spine's
    ("Flexion-extension views of the cervical spine revealed odontoid hypoplasia; MRI showed "
     "no cord compression or signal change.", []),
    ("Radiographs of the skull, ribs and long bones, which were normal.",
     [("skull", True), ("ribs", True), ("long_bones", True)]),
    # a table row speaks only of its own region
    ("| Hand X-ray R | triphalangeal thumb |\n| Chest X-ray | otherwise normal |", []),
    ("| Study | Result |\n| Skull X-ray | normal |\n| Spine X-ray | sclerosis |",
     [("skull", True), ("spine", False)]),
])
def test_a_normal_verdict_reaches_only_regions_that_say_nothing_else(text, expected) -> None:
    assert [(s.key, s.normal) for s in find_region_statements(text)] == expected
